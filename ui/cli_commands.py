"""Subcommands that need Qt (drawing), registered with :mod:`register.cli` by the app's entry point.

They run without a display: Qt's offscreen platform is used when there is no screen.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from register.cli import UsageError, command, open_service
from register.i18n import N_, _, ngettext
from register.meeting_cli import meeting_action, meeting_service, pack_written
from register.safe_output import check_output_path

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
        raise argparse.ArgumentTypeError(_("{text!r} must end in .pdf, .svg or .png").format(text=text))
    return path


def _dpi(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a whole number").format(text=text)) from None
    if not 50 <= value <= 1200:
        raise argparse.ArgumentTypeError(_("{value} is outside 50 to 1200").format(value=value))
    return value


def _diagram_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=_output_file, required=True, metavar=_("FILE.pdf|.svg|.png"))
    parser.add_argument("--goal", metavar=_("ID_OR_TITLE"), help=_("one goal (default: all goals, stacked)"))
    parser.add_argument("--page", type=str.upper, choices=("A4", "A3", "A2"), default="A3",
                        help=_("paper size (default A3)"))  # fmt: skip
    parser.add_argument("--orientation", type=str.lower, choices=("landscape", "portrait"), default="landscape",
                        help=_("landscape (default) or portrait"))  # fmt: skip
    parser.add_argument("--tile", action="store_true", help=_("tile over several pages (PDF) instead of fitting one"))
    parser.add_argument("--dpi", type=_dpi, default=200, help=_("resolution of a PNG (default 200)"))


@command("export-diagram", N_("draw the driver diagram to a PDF, SVG or PNG file (no display needed)"),
         _diagram_arguments)  # fmt: skip
def export_diagram_command(args: argparse.Namespace) -> int:
    from register.tree_index import TreeIndex
    from ui.diagram_export import PageSetup, TitleBlock, check_output, diagram_area, export_diagram
    from ui.diagram_paint import diagram_texts, goal_label, layout_for_page

    check_output(args.out)
    headless_application()
    service = open_service(args)
    check_output_path(args.out, service.db.path)
    tree = TreeIndex(service.load_tree())
    goal_ids = [service.find_node(args.goal, kind="goal").id] if args.goal else None
    setup = PageSetup(args.page, args.orientation, args.tile)
    area = diagram_area(setup.size())
    layout = layout_for_page(tree, goal_ids, area.width(), area.height())
    title = TitleBlock(tree.title or service.db.display_name, goal_label(tree, goal_ids))
    from register.charts import evidence_by_node

    drawn = set(layout.boxes)  # the evidence of what is drawn only (one goal's nodes, not the whole register)
    evidence = {node_id: found.marker for node_id, found in evidence_by_node(service, node_ids=drawn).items()}
    pages = export_diagram(layout, args.out, setup, title, diagram_texts(), args.dpi, evidence, service.db.path)
    print(
        ngettext(
            "Wrote the driver diagram to {path} ({pages} page).",
            "Wrote the driver diagram to {path} ({pages} pages).",
            pages,
        ).format(path=args.out, pages=pages)
    )
    return 0


def _pack_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meeting", required=True, metavar=_("ID_OR_DATE"), help=_("the meeting's id or date"))
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


@meeting_action(
    "pack", N_("write a meeting's pack (A4 PDF); a closed meeting's from its frozen snapshot"), _pack_arguments
)
def meeting_pack_command(args: argparse.Namespace) -> int:
    from ui.meeting_pack import meeting_pack, write_pack

    if args.out.suffix.lower() != ".pdf":
        raise UsageError(_("--out {path}: the pack is a PDF; the file must end in .pdf").format(path=args.out))
    headless_application()
    meetings = meeting_service(args)
    meeting = meetings.find_meeting(args.meeting)
    pages = write_pack(meeting_pack(meetings, meeting.id), args.out, meetings.service.db.path)
    print(pack_written(meeting.title, args.out, pages))
    return 0
