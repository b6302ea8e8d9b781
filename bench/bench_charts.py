"""Benchmark the charts: one chart of 24 and of 500 points on screen (target 100 ms), a node with twelve measures
in the Charts panel (target 0.5 s), and the PDF of a project with 20 measures (target 5 s). One chart rendered
(an annotated I chart, an MDC chart with its icons) against bare matplotlib drawing the same artists, side by
side: the floor is 1.3x.

Run: python -m bench.bench_charts
"""

from __future__ import annotations

import os
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import median_seconds, ms, side_by_side

#: One chart drawn by register.charts may take at most this many times bare matplotlib drawing its artists.
RENDER_FLOOR = 1.3


def bare_copy(source: Any, target: Any) -> None:
    """Draw the artists of ``source`` (a chart drawn by register.charts) on ``target`` with plain matplotlib
    calls: the same lines, fills, points, texts, title, date axis and icons, none of the chart logic."""
    import matplotlib.dates as mdates
    from matplotlib.collections import PathCollection, PolyCollection

    from register import variation_icons

    axes = source.axes[0]
    bare = target.add_subplot()
    for line in axes.lines:
        style = {"color": line.get_color(), "linestyle": line.get_linestyle(), "linewidth": line.get_linewidth()}
        x, y = list(line.get_xdata()), list(line.get_ydata())
        if line.get_transform() is not axes.transData and y == [0, 1]:
            bare.axvline(x[0], **style)
        elif line.get_transform() is not axes.transData:
            bare.axhline(y[0], **style)
        else:
            bare.plot(x, y, marker=line.get_marker(), markevery=line.get_markevery(),
                      markersize=line.get_markersize(), **style)  # fmt: skip
    for collection in axes.collections:
        if isinstance(collection, PolyCollection):
            polygons = [path.vertices for path in collection.get_paths()]
            bare.add_collection(PolyCollection(polygons, facecolors=collection.get_facecolor(), linewidths=0))
        elif isinstance(collection, PathCollection):
            offsets = collection.get_offsets()
            bare.scatter(offsets[:, 0], offsets[:, 1], c=collection.get_facecolors(), s=collection.get_sizes(),
                         edgecolors=collection.get_edgecolors(), zorder=4)  # fmt: skip
    for text in axes.texts:
        style = {"fontsize": text.get_fontsize(), "color": text.get_color(), "ha": text.get_ha(), "va": text.get_va()}
        if hasattr(text, "xyann"):
            bare.annotate(text.get_text(), xy=text.xy, xycoords=text.xycoords, xytext=text.xyann,
                          textcoords=text.anncoords, annotation_clip=False, **style)  # fmt: skip
        else:
            transform = bare.transAxes if text.get_transform() is axes.transAxes else bare.transData
            bare.text(*text.get_position(), text.get_text(), transform=transform, **style)
    bare.set_title(axes.get_title(loc="left"), fontsize=10, loc="left")
    bare.set_ylabel(axes.get_ylabel())
    bare.set_ylim(axes.get_ylim())
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    bare.xaxis.set_major_locator(locator)
    bare.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    for extra in source.axes[1:]:
        code = extra.get_label().removeprefix("icon:")
        variation_icons.draw_icon(target.add_axes(extra.get_position().bounds), code)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from register import charts
    from register.service import RegisterService
    from register.storage import open_database
    from ui.charts_panel import ChartsPanel, ChartWidget
    from ui.document import RegisterDocument

    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        service = RegisterService(open_database(Path(folder) / "charts.sqlite"), user="bench")
        goal = service.add_node("goal", "Mål")
        primary = service.add_node("primary", "Primær", goal.id)
        project = service.add_node("project", "Projekt med 20 målinger", primary.id)
        twelve = service.add_node("project", "Projekt med 12 målinger", primary.id)
        service.add_status_update(project.id, date="2026-06-01", rag="amber", progress=2.0)

        def measure(node_id: str, points: int, chart: str = "i", number: int = 0):
            m = service.add_measure(node_id, f"Måling {number} ({points} punkter)", chart=chart, improvement="down")
            start = date(2020, 1, 1)
            rows = [{"date": start + timedelta(days=7 * i), "value": rng.gauss(50 - (i > points / 2) * 5, 4),
                     "denominator": 200 if chart == "p" else None} for i in range(points)]  # fmt: skip
            if chart == "p":
                for row in rows:
                    row["value"] = max(0, min(200, round(row["value"])))
            service.add_observations(m.id, rows)
            return m

        small, large = measure(project.id, 24), measure(project.id, 500, number=1)
        for number in range(18):
            measure(project.id, 36, ("i", "run", "p", "c")[number % 4], number + 2)
        for number in range(12):
            measure(twelve.id, 36, ("i", "run", "p")[number % 3], number + 30)

        def on_screen(m) -> None:
            data = charts.chart_data(m, service.observations(m.id), service.annotations(m.id))
            figure = charts.new_figure(7.0, 3.0)
            charts.draw_chart(figure, data)
            widget = ChartWidget(lambda: figure, charts.read_chart(data).sentence)
            widget.resize(700, 330)
            widget.show()
            widget.ensure_canvas()
            app.processEvents()  # the first paint draws the figure once
            assert widget.canvas.get_renderer() is not None
            widget.close()
            widget.deleteLater()

        document = RegisterDocument(service)
        panel = ChartsPanel()
        panel.set_document(document)
        panel.resize(800, 900)
        panel.show()

        shown: list[int] = []
        made: list[int] = []

        def twelve_charts_shown() -> None:
            """What the user waits for: all twelve charts built, the ones in view drawn."""
            panel.show_node(twelve.id)
            panel.build_all()
            in_view = [w for w in panel.widgets if not w.visibleRegion().isEmpty()]
            for _ in range(100):  # paint -> make the figures in view -> draw them
                app.processEvents()
                in_view = [w for w in panel.widgets if not w.visibleRegion().isEmpty()]
                if in_view and all(w.drawn for w in in_view):
                    break
            assert in_view and all(w.drawn for w in in_view), "the charts in view were not drawn"
            shown.append(len(in_view))
            made.append(sum(1 for w in panel.widgets if w.canvas is not None))

        def twelve_charts_all_drawn() -> None:
            panel.show_node(twelve.id)
            panel.build_all()
            app.processEvents()
            for widget in panel.widgets:
                widget.ensure_canvas()
                widget.canvas.draw()

        annotated = measure(project.id, 36, "i", 90)
        for number, row in enumerate(service.observations(annotated.id)[6::10]):
            service.add_annotation(annotated.id, date=row.date, text=f"PDSA {number + 1}", phase_break=number == 1)
        mdc = service.add_measure(project.id, "MDC", chart="i", rules="mdc", improvement="down", target=45)
        service.add_observations(mdc.id, [{"date": date(2020, 1, 1) + timedelta(days=30 * i),
                                           "value": 50 - i * 0.4 + rng.gauss(0, 1.5)} for i in range(36)])  # fmt: skip

        def rendered(m) -> tuple[float, float]:
            """(ours, bare) median seconds: the Figure built and drawn to pixels, alternating."""
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            data = charts.chart_data(m, service.observations(m.id), service.annotations(m.id))
            model = charts.new_figure(7.0, 3.0)
            charts.draw_chart(model, data)

            def ours() -> None:
                figure = charts.new_figure(7.0, 3.0)
                charts.draw_chart(figure, data)
                FigureCanvasAgg(figure).draw()

            def bare() -> None:
                figure = charts.new_figure(7.0, 3.0)
                bare_copy(model, figure)
                FigureCanvasAgg(figure).draw()

            result = side_by_side({"ours": ours, "bare": bare}, 21)
            return result["ours"], result["bare"]

        for name, m in (("annotated I chart, 36 points, 2 periods", annotated), ("MDC chart with icons", mdc)):
            ours, bare = rendered(m)
            verdict = "ok" if ours <= RENDER_FLOOR * bare else "MISSED"
            print(f"{name}: register.charts {ms(ours)}, bare matplotlib {ms(bare)}: {ours / bare:.2f}x "
                  f"(floor {RENDER_FLOOR}x) {verdict}")  # fmt: skip

        out = Path(folder) / "project.pdf"
        rows = [
            ("one chart of 24 points, on screen", median_seconds(lambda: on_screen(small), 15), 0.100),
            ("one chart of 500 points, on screen", median_seconds(lambda: on_screen(large), 15), 0.100),
            ("a node with 12 measures: all built, those in view drawn", median_seconds(twelve_charts_shown, 5), 0.5),
            ("a node with 12 measures: every chart drawn (for scale)", median_seconds(twelve_charts_all_drawn, 5),
             float("inf")),
            ("PDF of a project with 20 measures (21 pages)",
             median_seconds(lambda: charts.export_project_pdf(service, project.id, out), 5), 5.0),
        ]  # fmt: skip
        print(f"charts in view of an 800 x 900 panel: {shown[-1]} of 12; figures made: {made[-1]}")
        print("| what | median | target |")
        print("|---|---|---|")
        for label, seconds, target in rows:
            goal = "—" if target == float("inf") else f"{ms(target)} {'ok' if seconds <= target else 'MISSED'}"
            print(f"| {label} | {ms(seconds)} | {goal} |")


if __name__ == "__main__":
    main()
