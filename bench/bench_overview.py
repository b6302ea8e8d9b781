"""Benchmark the measures overview: the sample register's goal (10 measures) and a goal with 300 measures
(36 monthly points each, a quarter of them Making Data Count I charts with a target) spread over 30 projects.

Timed: computing the overview (one read, every chart analysed), the window's table filled (model + view
painted), one observation added while the table is open until it shows it, the PDF and the XLSX.
Medians of repeated runs. Run: python -m bench.bench_overview
"""

from __future__ import annotations

import os
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import median_seconds, ms


def _register_with(service, measures: int) -> str:
    """A goal with ``measures`` measures over 30 projects under 5 primary drivers; returns the goal's id."""
    rng = random.Random(13)
    goal = service.add_node("goal", f"Mål med {measures} målinger")
    projects = []
    for driver_number in range(5):
        driver = service.add_node("primary", f"Primær driver {driver_number}", goal.id)
        projects += [service.add_node("project", f"Projekt {driver_number}.{n}", driver.id).id for n in range(6)]
    kinds = [("i", "anhoej"), ("run", "anhoej"), ("p", "anhoej"), ("i", "mdc")]
    for number in range(measures):
        chart, rules = kinds[number % 4]
        extra = {"rules": rules, "target": 45.0} if rules == "mdc" else {}
        measure = service.add_measure(projects[number % len(projects)], f"Måling {number}", chart=chart,
                                      improvement="down", **extra)  # fmt: skip
        rows = []
        for month in range(36):
            value = rng.gauss(50 - 5 * (month > 24), 4)
            row = {"date": date(2023, 1, 1) + timedelta(days=31 * month), "value": value}
            if chart == "p":
                row = {"date": row["date"], "value": max(0, min(200, round(value))), "denominator": 200}
            rows.append(row)
        service.add_observations(measure.id, rows)
    return goal.id


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from register.exchange import import_file
    from register.overview import measures_overview
    from register.overview_export import export_overview
    from register.service import RegisterService
    from register.storage import open_database
    from resources import sample_register_path
    from ui.document import RegisterDocument
    from ui.overview_panel import OverviewPanel

    with tempfile.TemporaryDirectory() as folder:
        sample = RegisterService(open_database(Path(folder) / "sample.sqlite"), user="bench")
        import_file(sample, sample_register_path())
        sample_goal = sample.find_node("Færre ambulante besøg i Region Midtjylland", kind="goal").id
        large = RegisterService(open_database(Path(folder) / "large.sqlite"), user="bench")
        large_goal = _register_with(large, 300)

        print("| register | measures | compute | table shown | a point added | PDF (pages) | XLSX |")
        print("|---|---|---|---|---|---|---|")
        for label, service, goal_id in (("sample register, goal", sample, sample_goal),
                                        ("300 measures, goal", large, large_goal)):  # fmt: skip
            overview = measures_overview(service, goal_id)
            compute = median_seconds(lambda s=service, g=goal_id: measures_overview(s, g), 5)
            count = len(overview.rows)
            panel = OverviewPanel()
            document = RegisterDocument(service)
            panel.set_document(document)
            panel.resize(1400, 800)
            panel.show()

            def shown(panel=panel, goal_id=goal_id, count=count) -> None:
                panel.show_node(None)
                panel.show_node(goal_id)
                panel.view.repaint()
                app.processEvents()
                assert panel.model.rowCount() == count

            table = median_seconds(shown, 5)
            measure_id = next(row.measure.id for row in overview.rows if row.measure.chart == "i")
            days = iter(range(10_000))

            def point_added(panel=panel, document=document, measure_id=measure_id, days=days) -> None:
                """An observation added (one transaction) until the overview's table shows it."""
                when = date(2027, 1, 1) + timedelta(days=next(days))
                document.add_observations(measure_id, [{"date": when, "value": 50.0}])
                panel.update_overview()
                panel.view.repaint()
                app.processEvents()

            added = median_seconds(point_added, 9)
            pdf_path, xlsx_path = Path(folder) / "overview.pdf", Path(folder) / "overview.xlsx"
            pages = export_overview(overview, pdf_path)
            pdf = median_seconds(lambda o=overview, p=pdf_path: export_overview(o, p), 3)
            xlsx = median_seconds(lambda o=overview, p=xlsx_path: export_overview(o, p), 3)
            print(
                f"| {label} | {count} | {ms(compute)} | {ms(table)} | {ms(added)} | {ms(pdf)} ({pages}) | {ms(xlsx)} |"
            )
            panel.close()


if __name__ == "__main__":
    main()
