"""Benchmark the core on the large register (SQLite): tree load vs raw sqlite3, status logging,
export and import.

Run: python -m bench.bench_core
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.common import median_seconds, ms, side_by_side
from bench.generate import large_register
from register.exchange import export_file, import_data, import_file
from register.service import RegisterService
from register.storage import open_database

RAW_QUERIES = (
    "SELECT id, kind, title, description, parent_id, position, lead, unit, start_date, end_date, stage, archived_at,"
    " version FROM nodes",
    "SELECT id, source_id, target_id, strength, version FROM links",
    # each project's latest status by an index lookup (faster than a window function over every status update)
    "SELECT s.id, s.node_id, s.date, s.author, s.rag, s.progress, s.summary, s.next_steps, s.help_needed, s.version"
    " FROM nodes n JOIN status_updates s ON s.id = (SELECT s2.id FROM status_updates s2 WHERE s2.node_id = n.id"
    " ORDER BY s2.date DESC, s2.id DESC LIMIT 1)",
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.sqlite"
        data = large_register()
        service = RegisterService(open_database(path), user="bench")
        start = time.perf_counter()
        summary = import_data(service, data)
        print(f"generated and imported: {summary} in {time.perf_counter() - start:.1f} s")

        raw = sqlite3.connect(path)

        def raw_fetch() -> None:
            for query in RAW_QUERIES:
                raw.execute(query).fetchall()

        result = side_by_side({"service": service.load_tree, "raw": raw_fetch}, repeats=15)
        tree = service.load_tree()
        print(f"tree load ({len(tree.nodes)} nodes, {len(tree.latest_status)} latest statuses): "
              f"service {ms(result['service'])}, raw sqlite3 {ms(result['raw'])}, "
              f"ratio {result['service'] / result['raw']:.2f}")  # fmt: skip
        raw.close()

        project = next(node.id for node in tree.nodes if node.kind == "project")
        status = median_seconds(
            lambda: service.add_status_update(project, date=date(2026, 11, 1), rag="green", progress=3.0,
                                              summary="Benchmark update"),
            repeats=200, warmup=5,
        )  # fmt: skip
        print(f"record one status update: median {ms(status)}")

        out = Path(folder) / "export.json"
        export_seconds = median_seconds(lambda: export_file(service, out), repeats=3, warmup=0)
        print(f"export whole register: median {export_seconds:.2f} s ({out.stat().st_size / 1e6:.0f} MB)")

        def import_once() -> None:
            target = Path(tempfile.mkdtemp(dir=folder)) / "copy.sqlite"
            copy = RegisterService(open_database(target), user="bench")
            import_file(copy, out)
            copy.db.close()

        import_seconds = median_seconds(import_once, repeats=3, warmup=0)
        print(f"import whole register into an empty one: median {import_seconds:.2f} s")
        service.db.close()


if __name__ == "__main__":
    main()
