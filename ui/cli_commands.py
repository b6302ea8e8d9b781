"""Subcommands that need Qt (drawing), registered with :mod:`register.cli` by the app's entry point.

They run without a display: Qt's offscreen platform is used when there is no screen.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from register.cli import command, open_service

FORMATS = (".pdf", ".svg", ".png")


def headless_application():  # noqa: ANN201 - QGuiApplication, imported lazily
    """A Qt application for drawing; offscreen when no display is available. Translations as in the app."""
    if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from ui.app import APPLICATION, ORGANISATION
    from ui.i18n import install_translators

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["improvement-register"])
        app.setOrganizationName(ORGANISATION)
        app.setApplicationName(APPLICATION)
        app._translators = install_translators(app)
    return app


def _output_file(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in FORMATS:
        raise argparse.ArgumentTypeError(f"{text!r} must end in .pdf, .svg or .png")
    return path


def _dpi(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 50 <= value <= 1200:
        raise argparse.ArgumentTypeError(f"{value} is outside 50 to 1200")
    return value


def _diagram_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=_output_file, required=True, metavar="FILE.pdf|.svg|.png")
    parser.add_argument("--goal", metavar="ID_OR_TITLE", help="one goal (default: all goals, stacked)")
    parser.add_argument("--page", type=str.upper, choices=("A4", "A3", "A2"), default="A3")
    parser.add_argument("--orientation", type=str.lower, choices=("landscape", "portrait"), default="landscape")
    parser.add_argument("--tile", action="store_true", help="tile over several pages (PDF) instead of fitting one")
    parser.add_argument("--dpi", type=_dpi, default=200, help="resolution of a PNG (default 200)")


@command("export-diagram", "draw the driver diagram to a PDF, SVG or PNG file (no display needed)", _diagram_arguments)
def export_diagram_command(args: argparse.Namespace) -> int:
    from register.tree_index import TreeIndex
    from ui.diagram_export import PageSetup, TitleBlock, check_output, diagram_area, export_diagram
    from ui.diagram_paint import diagram_texts, goal_label, layout_for_page

    check_output(args.out)
    headless_application()
    service = open_service(args)
    tree = TreeIndex(service.load_tree())
    goal_ids = [service.find_node(args.goal, kind="goal").id] if args.goal else None
    setup = PageSetup(args.page, args.orientation, args.tile)
    area = diagram_area(setup.size())
    layout = layout_for_page(tree, goal_ids, area.width(), area.height())
    title = TitleBlock(tree.title or service.db.display_name, goal_label(tree, goal_ids))
    from register.charts import evidence_by_node
    from ui.charts_panel import chart_tr

    drawn = set(layout.boxes)  # the evidence of what is drawn only (one goal's nodes, not the whole register)
    evidence = {node_id: found.kind for node_id, found in evidence_by_node(service, chart_tr, node_ids=drawn).items()}
    pages = export_diagram(layout, args.out, setup, title, diagram_texts(), args.dpi, evidence)
    print(f"Wrote the driver diagram to {args.out} ({pages} page{'s' if pages != 1 else ''}).")
    return 0
