"""Benchmark the driver diagram: layout, scene and A3 PDF for the sample register and for a synthetic goal
with 20 primary drivers, 100 secondary drivers and 1,000 projects (targets: layout + scene < 1 s, PDF < 2 s).

Run: python -m bench.bench_diagram
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import ms, side_by_side


def synthetic_goal(seed: int = 11) -> dict:
    """An exchange file with one goal: 20 primary, 100 secondary drivers, 1,000 projects, 200 cross-links."""
    rng = random.Random(seed)
    words = ("patient", "forløb", "opfølgning", "hjemme", "telemedicin", "kontrol", "samarbejde", "kommune", "almen",
             "praksis", "ældre", "medicin", "udskrivelse", "genindlæggelse", "pårørende", "kvalitet")  # fmt: skip
    title = lambda n: " ".join(rng.choice(words) for _ in range(n)).capitalize()  # noqa: E731
    nodes = [{"id": "g", "kind": "goal", "title": "Syntetisk mål med mange projekter"}]
    for p in range(20):
        nodes.append({"id": f"p{p}", "kind": "primary", "title": title(rng.randint(3, 9)), "parent": "g"})
    for s in range(100):
        nodes.append({"id": f"s{s}", "kind": "secondary", "title": title(rng.randint(3, 12)), "parent": f"p{s % 20}"})
    for j in range(1000):
        nodes.append({"id": f"j{j}", "kind": "project", "title": title(rng.randint(2, 14)), "parent": f"s{j % 100}",
                      "lead": f"Leder {j % 37}", "stage": rng.choice(["idea", "testing", "spreading"])})  # fmt: skip
    links = [{"id": f"l{k}", "source": f"j{k * 5}", "target": f"s{(k * 5 % 100 + 7) % 100}",
              "strength": rng.choice(["strong", "weak"])} for k in range(200)]  # fmt: skip
    return {"format": "improvement-register", "version": 1, "title": "Benchmark", "nodes": nodes, "links": links}


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from register.exchange import import_data, import_file
    from register.service import RegisterService
    from register.storage import open_database
    from register.tree_index import TreeIndex
    from resources import sample_register_path
    from ui.diagram_export import PageSetup, TitleBlock, diagram_area, export_diagram
    from ui.diagram_paint import build_layout, diagram_texts, layout_for_page
    from ui.diagram_view import DiagramScene

    with tempfile.TemporaryDirectory() as folder:
        registers = {}
        sample = RegisterService(open_database(Path(folder) / "sample.sqlite"))
        import_file(sample, sample_register_path())
        registers["sample register (29 nodes)"] = TreeIndex(sample.load_tree())
        big = RegisterService(open_database(Path(folder) / "big.sqlite"))
        import_data(big, synthetic_goal())
        registers["1 goal, 20 primary, 100 secondary, 1,000 projects"] = TreeIndex(big.load_tree())

        setup = PageSetup("A3", "landscape")
        area = diagram_area(setup.size())
        print("| register | layout | scene | layout + scene | A3 PDF (layout for the page + export) | pages |")
        print("|---|---|---|---|---|---|")
        for name, tree in registers.items():
            scene = DiagramScene()
            layout = build_layout(tree)
            out = Path(folder) / "d.pdf"
            pages = []

            def pdf(tree: TreeIndex = tree, out: Path = out, pages: list = pages) -> None:
                page_layout = layout_for_page(tree, None, area.width(), area.height())
                pages.append(export_diagram(page_layout, out, setup, TitleBlock("Benchmark", "All goals"),
                                            diagram_texts()))  # fmt: skip

            def layout_and_scene(tree: TreeIndex = tree, scene: DiagramScene = scene) -> None:
                scene.show_layout(build_layout(tree), {})
                app.processEvents()

            times = side_by_side({
                "layout": lambda tree=tree: build_layout(tree),
                "scene": lambda scene=scene, layout=layout: scene.show_layout(layout, {}),
                "both": layout_and_scene,
                "pdf": pdf,
            }, repeats=7)  # fmt: skip
            print(f"| {name} | {ms(times['layout'])} | {ms(times['scene'])} | {ms(times['both'])} | "
                  f"{ms(times['pdf'])} | {pages[-1]} |")  # fmt: skip


if __name__ == "__main__":
    main()
