"""Exported diagrams, opened as a reader would: PDF page size and text, SVG as XML, PNG size for its DPI."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from register.errors import OutputError
from register.tree_index import TreeIndex
from ui.cli_commands import export_diagram_command  # noqa: F401 - registers the subcommand
from ui.diagram_export import ExportError, PageSetup, TitleBlock, export_diagram, plan_pages
from ui.diagram_paint import build_layout, diagram_texts, layout_for_page

MM_PER_POINT = 25.4 / 72
A_SIZES_MM = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.app", *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home())})  # fmt: skip


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def titles(tree: TreeIndex, goal_ids=None) -> list[str]:
    goals = goal_ids or tree.child_ids(None)
    return [tree.nodes[n].title for goal in goals for n in tree.subtree(goal)]


@pytest.mark.parametrize(("page", "orientation"), [("A3", "landscape"), ("A4", "portrait"), ("A2", "landscape")])
def test_pdf_page_size_orientation_and_every_title_as_text(qapp, sample_path, tmp_path, page, orientation) -> None:
    out = tmp_path / "diagram.pdf"
    result = run_cli("export-diagram", "--db", str(sample_path), "--out", str(out), "--page", page,
                     "--orientation", orientation)  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    short, long = A_SIZES_MM[page]
    for pdf_page in reader.pages:
        width, height = (float(pdf_page.mediabox.width) * MM_PER_POINT, float(pdf_page.mediabox.height) * MM_PER_POINT)
        expected = (long, short) if orientation == "landscape" else (short, long)
        assert (round(width), round(height)) == expected
    text = pdf_text(out)
    from register.service import RegisterService
    from register.storage import open_database

    tree = TreeIndex(RegisterService(open_database(sample_path)).load_tree())
    for title in titles(tree):
        assert " ".join(title.split()[:2]) in text, title  # wrapped titles: their first words, æøå intact
    assert "Page 1 of" in text and "Printed" in text


def test_pdf_text_is_complete_across_wrapped_lines(qapp, document, tmp_path) -> None:
    tree = document.index
    setup = PageSetup("A3", "landscape")
    layout = build_layout(tree)
    out = tmp_path / "d.pdf"
    export_diagram(layout, out, setup, TitleBlock("Registret", "Alle mål"), diagram_texts())
    words = set(pdf_text(out).split())
    for title in titles(tree):
        for word in title.split():
            assert word in words, (word, title)  # every word of every title, Danish letters included
    assert {"æ", "ø", "å"} <= set("".join(words))


def test_tiling_when_text_would_be_too_small_and_on_request(qapp, document) -> None:
    tree = document.index
    layout = build_layout(tree)
    a4 = PageSetup("A4", "portrait").size()
    plan = plan_pages(layout, a4)
    assert plan.tiled and plan.pages > 1
    assert plan.scale * layout.smallest_font == pytest.approx(6.0)
    a2 = PageSetup("A2", "landscape").size()
    assert not plan_pages(layout, a2).tiled
    assert plan_pages(layout, a2, tile=True).tiled
    assert layout_for_page(tree, None, a2.width(), a2.height()).width >= layout.width


def test_svg_is_valid_xml_with_every_title(qapp, sample_path, tmp_path) -> None:
    out = tmp_path / "diagram.svg"
    result = run_cli("export-diagram", "--db", str(sample_path), "--out", str(out), "--goal",
                     "Færre ambulante besøg i Region Midtjylland")  # fmt: skip
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = " ".join(" ".join(element.itertext()) for element in root.iter() if element.tag.endswith("text"))
    assert "AmbuFlex:" in text and "Regionsklinik" in text
    assert "Projekt 1:" not in text  # the other goal is not drawn


@pytest.mark.parametrize("dpi", [72, 200])
def test_png_has_the_pixels_of_the_page_at_the_dpi(qapp, sample_path, tmp_path, dpi) -> None:
    out = tmp_path / "diagram.png"
    result = run_cli("export-diagram", "--db", str(sample_path), "--out", str(out), "--page", "A4", "--dpi", str(dpi))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (round(842 * dpi / 72), round(595 * dpi / 72))
    assert round(image.dotsPerMeterX() * 0.0254) == dpi


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--out", "x.doc"], "must end in .pdf, .svg or .png"),
        (["--out", "x.pdf", "--page", "A5"], "invalid choice: 'A5'"),
        (["--out", "x.pdf", "--orientation", "sideways"], "invalid choice: 'sideways'"),
        (["--out", "x.png", "--dpi", "many"], "'many' is not a whole number"),
        (["--out", "x.png", "--dpi", "5"], "5 is outside 50 to 1200"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(sample_path, tmp_path, arguments, message) -> None:
    result = run_cli("export-diagram", "--db", str(sample_path), *arguments)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_unknown_goal_and_missing_folder_are_errors(sample_path, tmp_path) -> None:
    result = run_cli("export-diagram", "--db", str(sample_path), "--out", str(tmp_path / "d.pdf"), "--goal", "Ingen")
    assert result.returncode == 1 and "No goal has the id or title 'Ingen'" in result.stderr
    result = run_cli("export-diagram", "--db", str(sample_path), "--out", str(tmp_path / "missing" / "d.pdf"))
    assert result.returncode == 1 and "does not exist" in result.stderr


def test_existing_file_is_replaced_only_when_the_new_one_is_complete(qapp, document, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "diagram.pdf"
    out.write_bytes(b"the old diagram")
    layout = build_layout(document.index)
    import ui.diagram_export as export

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_write_pdf", broken)
    with pytest.raises(OutputError, match="The disk is full"):
        export_diagram(layout, out, PageSetup(), TitleBlock("R", "G"), diagram_texts())
    assert out.read_bytes() == b"the old diagram"
    assert sorted(p.name for p in folder.iterdir()) == ["diagram.pdf"]  # no partial file left
    monkeypatch.undo()
    export_diagram(layout, out, PageSetup(), TitleBlock("R", "G"), diagram_texts())
    assert out.read_bytes().startswith(b"%PDF")


def test_empty_register_has_nothing_to_draw(qapp, empty_document, tmp_path) -> None:
    with pytest.raises(ExportError, match="nothing to draw"):
        export_diagram(build_layout(empty_document.index), tmp_path / "d.pdf", PageSetup(), TitleBlock("R", "G"),
                       diagram_texts())  # fmt: skip


def test_pdf_embeds_its_fonts(qapp, document, tmp_path) -> None:
    out = tmp_path / "fonts.pdf"
    export_diagram(build_layout(document.index), out, PageSetup(), TitleBlock("R", "G"), diagram_texts())
    fonts = PdfReader(out).pages[0]["/Resources"]["/Font"]
    embedded = []
    for reference in fonts.values():
        font = reference.get_object()
        for descendant in font.get("/DescendantFonts", [font]):
            descriptor = descendant.get_object()["/FontDescriptor"].get_object()
            embedded.append(any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert embedded and all(embedded)


def _text_positions(path: Path) -> list[tuple[str, float, float]]:
    """Every text run of the first page with where it starts (in points from the page's bottom-left)."""
    found = []

    def visit(text, cm, tm, _font, _size) -> None:
        if text.strip():
            found.append((text.strip(), round(cm[4] + tm[4] * cm[0], 1), round(cm[5] + tm[5] * cm[3], 1)))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return found


def test_print_uses_the_page_as_the_pdf_does(qapp, document, tmp_path) -> None:
    """A printer's default margins (here 20 mm) must not move the drawing: print and PDF put every text at the
    same place on the sheet."""
    from datetime import date

    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from ui.diagram_export import diagram_area, print_diagram

    setup = PageSetup("A3", "landscape", False)
    area = diagram_area(setup.size())
    layout = layout_for_page(document.index, None, area.width(), area.height())
    title = TitleBlock("Register", "Alle mål", date(2026, 4, 13))
    export_diagram(layout, tmp_path / "exported.pdf", setup, title, diagram_texts())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    print_diagram(printer, layout, False, title, diagram_texts())
    exported, printed = _text_positions(tmp_path / "exported.pdf"), _text_positions(tmp_path / "printed.pdf")
    assert len(exported) > 30
    assert printed == exported


@pytest.mark.parametrize(("page", "orientation"), [("A3", "landscape"), ("A3", "portrait"), ("A2", "landscape")])
def test_evidence_badges_at_the_right_edge_are_printed_whole(qapp, document, page, orientation) -> None:
    """The badge (✓) stands out of a project box's top-right corner; projects sit in the rightmost column,
    so a diagram fitted to the page's width must leave room for it inside the printed area."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QPainter

    from ui.diagram_export import diagram_area, paint_page
    from ui.diagram_paint import EVIDENCE_STYLE

    setup = PageSetup(page, orientation, False)
    size = setup.size()
    area = diagram_area(size)
    layout = layout_for_page(document.index, None, area.width(), area.height())
    plan = plan_pages(layout, size)
    assert plan.pages == 1
    evidence = dict.fromkeys(layout.boxes, "improvement")
    pixels_per_point = 4
    image = QImage(round(size.width() * pixels_per_point), round(size.height() * pixels_per_point),
                   QImage.Format.Format_ARGB32)  # fmt: skip
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(pixels_per_point, pixels_per_point)
    title = TitleBlock("Register", "Alle mål", __import__("datetime").date(2026, 4, 13))
    paint_page(painter, layout, plan, 0, size, title, diagram_texts(), evidence)
    painter.end()
    green = EVIDENCE_STYLE["improvement"][0]
    badge = layout.style.badge_size
    rightmost = max(layout.boxes.values(), key=lambda box: box.right)
    centre = QPointF(area.x() + (rightmost.right - 1) * plan.scale, area.y() + (rightmost.y + 1) * plan.scale)
    row = round((centre.y() + badge * plan.scale * 0.3) * pixels_per_point)  # below the symbol, inside the circle
    span = [x for x in range(image.width()) if abs(x / pixels_per_point - centre.x()) <= badge * plan.scale
            and QColor(image.pixel(x, row)).name() == green.name()]  # fmt: skip
    assert span, "no badge drawn"
    chord = 2 * (0.25 - 0.09) ** 0.5 * badge * plan.scale  # the circle's width 0.6 radius below its centre
    # Whole, not cut at the box's edge: the fill reaches as far right of the centre as left of it.
    assert max(span) / pixels_per_point - centre.x() >= 0.3 * chord
    assert centre.x() - min(span) / pixels_per_point >= 0.3 * chord
    assert max(span) / pixels_per_point <= area.right()


def test_export_diagram_refuses_a_link_and_keeps_what_it_points_to(sample_path, tmp_path) -> None:
    drawing = tmp_path / "meeting.pdf"
    drawing.write_bytes(b"last week's diagram")
    link = tmp_path / "link.pdf"
    link.symlink_to(drawing)
    result = run_cli("export-diagram", "--db", str(sample_path), "--out", str(link))
    assert result.returncode == 1 and "is a link" in result.stderr and "internal error" not in result.stderr
    assert link.is_symlink() and drawing.read_bytes() == b"last week's diagram"
