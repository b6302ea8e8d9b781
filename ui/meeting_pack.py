"""The meeting pack: an A4 PDF for a steering-group meeting, in the UI language.

Made from snapshot documents (:mod:`register.meeting_view`), so a closed meeting's pack regenerates
identically from its frozen snapshot. Sections, in order: a cover in the Danish "bilag" style (register,
meeting, date, case number, members, contents); requests and decisions for this meeting (open requests for
help, overdue actions, other open items); exceptions (red or stale projects, signals of concern); changes
since the last closed meeting; the driver diagram of each goal (A4 landscape, with RAG and evidence markers);
one page per live project (stage, lead, unit, RAG and progress trend, the latest narrative, key measure
charts, open items); the decision log; the measures of each goal. Every page says "page n of m"; the PDF is
vector with embedded fonts and has bookmarks (added with pypdf).

The pages are first laid out as lists of drawing steps, then painted, so the page count is known when the
footers are drawn; the same steps paint a PDF (:func:`write_pack`) and a printer (:func:`print_pack`).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from register import charts, validation
from register.errors import RegisterError
from register.i18n import _
from register.meeting_view import Change, RegisterView, changes_between
from register.records import LogItemRecord, MeasureRecord, NodeRecord, ObservationRecord, StatusRecord
from register.tree_index import TreeIndex
from register.vocabulary import ITEM_KIND_NAMES, ITEM_STATE_NAMES, MEMBER_ROLE_NAMES
from ui.diagram_paint import (
    diagram_texts,
    draw_rag_marker,
    draw_text,
    layout_for_page,
    paint_diagram,
    paint_evidence_badge,
    paint_legend,
    qt_measurer,
)
from ui.labels import RAG_COLOURS, kind_name, progress_text, rag_name, stage_name

translate = QCoreApplication.translate

PORTRAIT = QSizeF(595.28, 841.89)
LANDSCAPE = QSizeF(841.89, 595.28)
MARGIN = 48.0
FOOTER = 28.0
PDF_RESOLUTION = 1200
BLUE = QColor("#1f4e79")
DARK = QColor("#222222")
GREY = QColor("#666666")
BODY = 9.0
# Charts of a project page besides its progress chart.
KEY_MEASURES = 2

Step = Callable[[QPainter, "PackContext"], None]


class PackError(RegisterError):
    """The pack could not be written (bad file name, folder missing or not writable)."""


def format_date(value: date | None) -> str:
    """A date as the language writes it: ``13-04-2026`` in Danish, ``2026-04-13`` in English."""
    return "" if value is None else validation.format_date(value)


def format_number(value: float | None) -> str:
    """A number to six significant digits with the language's decimal mark (``3,5`` in Danish)."""
    return "" if value is None else validation.format_number(float(f"{value:.6g}"))


def item_kind_name(kind: str) -> str:
    return _(ITEM_KIND_NAMES[kind]) if kind in ITEM_KIND_NAMES else kind


def item_state_name(state: str) -> str:
    return _(ITEM_STATE_NAMES[state]) if state in ITEM_STATE_NAMES else state


def role_name(role: str) -> str:
    return _(MEMBER_ROLE_NAMES[role]) if role in MEMBER_ROLE_NAMES else role


def evidence_name(kind: str) -> str:
    names = {
        "improvement": translate("MeetingPack", "signal of improvement"),
        "worsening": translate("MeetingPack", "signal of concern"),
        "signal": translate("MeetingPack", "signal (no direction set)"),
        "no_signal": translate("MeetingPack", "no signal"),
        "too_little": translate("MeetingPack", "too little data"),
        "": translate("MeetingPack", "no signal"),
    }
    return names.get(kind, kind)


def describe_change(change: Change) -> str:
    """One line of the change list, in the UI language."""
    texts = {
        "node_added": translate("MeetingPack", "Added: {subject} ({what})"),
        "node_archived": translate("MeetingPack", "Archived: {subject}"),
        "node_restored": translate("MeetingPack", "Restored: {subject}"),
        "node_moved": translate("MeetingPack", "Moved: {subject}, from {before} to {after}"),
        "node_renamed": translate("MeetingPack", "Renamed: {before} is now {after}"),
        "link_added": translate("MeetingPack", "Cross-link added: {subject} also serves {after}"),
        "link_removed": translate("MeetingPack", "Cross-link removed: {subject} no longer serves {before}"),
        "rag_changed": translate("MeetingPack", "RAG: {subject}, {before} to {after}"),
        "stage_changed": translate("MeetingPack", "Stage: {subject}, {before} to {after}"),
        "status_added": translate("MeetingPack", "New status update: {subject} ({after})"),
        "signal_new": translate("MeetingPack", "New signal: {subject}, {after}"),
        "item_decided": translate("MeetingPack", "Answered: {subject} ({after})"),
        "item_overdue": translate("MeetingPack", "Overdue: {subject} (deadline {after})"),
    }
    before, after, what = change.before, change.after, ""
    if change.kind == "node_added":
        what = kind_name(change.after)
    elif change.kind == "rag_changed":
        before, after = rag_name(before) or "–", rag_name(after) or "–"
    elif change.kind == "stage_changed":
        before, after = stage_name(before) or "–", stage_name(after) or "–"
    elif change.kind in ("status_added", "item_overdue"):
        after = format_date(date.fromisoformat(after)) if after else ""
    elif change.kind == "signal_new":
        after = evidence_name(after)
    elif change.kind == "item_decided":
        after = item_state_name(after)
    return texts[change.kind].format(subject=change.subject, before=before, after=after, what=what)


# --------------------------------------------------------------------------- layout


@dataclass
class Page:
    landscape: bool
    steps: list[Step] = field(default_factory=list)

    @property
    def size(self) -> QSizeF:
        return LANDSCAPE if self.landscape else PORTRAIT


@dataclass
class PackContext:
    """What every page's steps may need when painted: the page count and the bookmarks' pages."""

    pages: int
    bookmarks: list[tuple[str, int, int]]  # (title, page index, level)
    footer_left: str


@dataclass
class Pack:
    pages: list[Page]
    bookmarks: list[tuple[str, int, int]]
    title: str
    footer_left: str


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (paragraphs kept, long words cut)."""
    lines: list[str] = []
    for paragraph in (text or "").splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if qt_measurer(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while qt_measurer(word, size, bold) > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and qt_measurer(word[:cut], size, bold) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


class PackLayout:
    """Flows headings, paragraphs, tables and figures onto pages, recording bookmarks."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.bookmarks: list[tuple[str, int, int]] = []
        self.y = 0.0

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def width(self) -> float:
        return self.page.size.width() - 2 * MARGIN

    @property
    def bottom(self) -> float:
        return self.page.size.height() - MARGIN - FOOTER

    def new_page(self, landscape: bool = False) -> None:
        self.pages.append(Page(landscape))
        self.y = MARGIN

    def ensure(self, height: float) -> None:
        if not self.pages or self.y + height > self.bottom:
            self.new_page(self.page.landscape if self.pages else False)

    def add(self, step: Step) -> None:
        self.page.steps.append(step)

    def bookmark(self, title: str, level: int) -> None:
        self.bookmarks.append((title, len(self.pages) - 1, level))

    def heading(self, text: str, level: int = 0, bookmark: bool = True) -> None:
        size = (15.0, 12.0, 10.5)[min(level, 2)]
        lines = wrap(text, self.width, size, True)
        self.ensure(size * 1.4 * len(lines) + 40)
        if bookmark:
            self.bookmark(text, level)
        self.y += 4 if level else 0
        for line in lines:
            self.text_line(line, size, True, BLUE)
        if level == 0:
            y, width = self.y + 2, self.width
            self.add(lambda p, _c, y=y, w=width: _rule(p, MARGIN, y, w))
            self.y += 8
        else:
            self.y += 3

    def text_line(self, line: str, size: float, bold: bool = False, colour: QColor = DARK, x: float = MARGIN) -> None:
        y = self.y
        self.add(lambda p, _c, y=y: draw_text(p, x, y, line, size, bold, colour))
        self.y += size * 1.35

    def paragraph(
        self, text: str, size: float = BODY, bold: bool = False, colour: QColor = DARK, indent: float = 0.0
    ) -> None:
        for line in wrap(text, self.width - indent, size, bold):
            self.ensure(size * 1.35)
            self.text_line(line, size, bold, colour, MARGIN + indent)
        self.y += size * 0.35

    def labelled(
        self, label: str, text: str, indent: float = 110.0, marker: Callable[[QPainter, QPointF], None] | None = None
    ) -> None:
        """``label`` in bold on the left, ``text`` wrapped beside it (after ``marker``, when given)."""
        shift = 13.0 if marker is not None else 0.0
        lines = wrap(text or "–", self.width - indent - shift, BODY)
        self.ensure(BODY * 1.35 * min(len(lines), 3))
        y = self.y
        self.add(lambda p, _c, y=y: draw_text(p, MARGIN, y, label, BODY, True, GREY))
        if marker is not None:
            self.add(lambda p, _c, y=y: marker(p, QPointF(MARGIN + indent + 4.5, y + BODY * 0.62)))
        for line in lines:
            self.ensure(BODY * 1.35)
            self.text_line(line, BODY, False, DARK, MARGIN + indent + shift)
        self.y += 1

    def table(
        self,
        headers: list[str],
        rows: list[list[str]],
        fractions: list[float],
        markers: list[Callable[[QPainter, QPointF], None] | None] | None = None,
    ) -> None:
        """A table with wrapped cells; the header repeats on a new page. ``markers`` draw in the first column."""
        size = 8.0
        widths = [self.width * f for f in fractions]
        offset = 12.0 if markers else 0.0

        def header() -> None:
            cells = [wrap(text, width - 6, size, True) for text, width in zip(headers, widths, strict=True)]
            height = max(len(lines) for lines in cells) * size * 1.3
            self.ensure(height + size * 2)
            y = self.y
            x = MARGIN
            for lines, width in zip(cells, widths, strict=True):
                for number, line in enumerate(lines):
                    ly = y + number * size * 1.3
                    self.add(lambda p, _c, x=x, y=ly, t=line: draw_text(p, x, y, t, size, True, GREY))
                x += width
            self.y += height + size * 0.2
            ry = self.y
            self.add(lambda p, _c, y=ry, w=self.width: _rule(p, MARGIN, y, w, QColor("#bbbbbb")))
            self.y += 3

        header()
        for index, row in enumerate(rows):
            cells = [
                wrap(text, width - 6 - (offset if column == 0 else 0), size)
                for column, (text, width) in enumerate(zip(row, widths, strict=True))
            ]
            height = max(len(lines) for lines in cells) * size * 1.3 + 3
            if self.y + height > self.bottom:
                self.new_page(self.page.landscape)
                header()
            y, x = self.y, MARGIN
            marker = markers[index] if markers else None
            if marker is not None:
                self.add(lambda p, _c, y=y, m=marker: m(p, QPointF(MARGIN + 4.5, y + size * 0.62)))
            for column, (lines, width) in enumerate(zip(cells, widths, strict=True)):
                cx = x + (offset if column == 0 else 0)
                for number, line in enumerate(lines):
                    ly = y + number * size * 1.3
                    self.add(lambda p, _c, x=cx, y=ly, t=line: draw_text(p, x, y, t, size, False, DARK))
                x += width
            self.y += height
        self.y += 6

    def figure(self, height: float, paint: Callable[[QPainter, QRectF], None]) -> None:
        self.ensure(height + 4)
        rect = QRectF(MARGIN, self.y, self.width, height)
        self.add(lambda p, _c, r=rect: paint(p, r))
        self.y += height + 6


def _rule(painter: QPainter, x: float, y: float, width: float, colour: QColor = BLUE) -> None:
    painter.save()
    painter.setPen(QPen(colour, 0.6))
    painter.drawLine(QPointF(x, y), QPointF(x + width, y))
    painter.restore()


def rag_marker(rag: str | None) -> Callable[[QPainter, QPointF], None]:
    def paint(painter: QPainter, centre: QPointF) -> None:
        box = QRectF(centre.x() - 4.5, centre.y() - 4.5, 9, 9)
        painter.fillRect(box, RAG_COLOURS.get(rag or "", QColor("#bfbfbf")))
        draw_rag_marker(painter, rag, centre, 5.5)

    return paint


def evidence_marker(kind: str) -> Callable[[QPainter, QPointF], None]:
    return lambda painter, centre: paint_evidence_badge(painter, kind, centre, 8.5)


def svg_figure(figure: Any) -> Callable[[QPainter, QRectF], None]:
    """Paint a matplotlib Figure as vector graphics (via SVG) into a rectangle."""
    from matplotlib import rc_context
    from PySide6.QtSvg import QSvgRenderer

    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none"}):  # text as text: Qt's SVG renderer cannot read matplotlib's glyphs
        figure.savefig(buffer, format="svg")
    data = QByteArray(buffer.getvalue())

    def paint(painter: QPainter, rect: QRectF) -> None:
        renderer = QSvgRenderer(data)
        size = renderer.defaultSize()
        scale = min(rect.width() / max(size.width(), 1), rect.height() / max(size.height(), 1))
        renderer.render(painter, QRectF(rect.x(), rect.y(), size.width() * scale, size.height() * scale))

    return paint


def paint_progress(painter: QPainter, rect: QRectF, history: list[StatusRecord], title: str) -> None:
    """A project's IHI progress score as a step line over time, each update marked with its RAG shape."""
    draw_text(painter, rect.x(), rect.y(), title, 8.0, True, GREY)
    plot = QRectF(rect.x() + 22, rect.y() + 14, rect.width() - 30, rect.height() - 28)
    first, last = history[0].date, history[-1].date
    span = max((last - first).days, 1)

    def x_of(day: date) -> float:
        return plot.x() + 6 + (plot.width() - 12) * (day - first).days / span

    def y_of(score: float) -> float:
        return plot.bottom() - plot.height() * score / 5.0

    painter.save()
    painter.setPen(QPen(QColor("#dddddd"), 0.4))
    for score in (1, 2, 3, 4, 5):
        painter.drawLine(QPointF(plot.x(), y_of(score)), QPointF(plot.right(), y_of(score)))
        draw_text(painter, plot.x() - 10, y_of(score) - 3.5, str(score), 6.0, False, GREY)
    painter.setPen(QPen(QColor("#999999"), 0.6))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    scored = [s for s in history if s.progress is not None]
    if scored:
        painter.setPen(QPen(QColor("#5DA5DA"), 1.3))
        for before, after in itertools.pairwise(scored):
            painter.drawLine(
                QPointF(x_of(before.date), y_of(before.progress)), QPointF(x_of(after.date), y_of(before.progress))
            )
            painter.drawLine(
                QPointF(x_of(after.date), y_of(before.progress)), QPointF(x_of(after.date), y_of(after.progress))
            )
    painter.restore()
    for status in history:
        score = status.progress if status.progress is not None else 0.25
        rag_marker(status.rag)(painter, QPointF(x_of(status.date), y_of(score)))
    for day in (first, last) if first != last else (first,):
        text = format_date(day)
        width = qt_measurer(text, 6.5, False)
        x = min(max(x_of(day) - width / 2, plot.x()), plot.right() - width)
        draw_text(painter, x, plot.bottom() + 3, text, 6.5, False, GREY)


# --------------------------------------------------------------------------- the pack's content


@dataclass
class PackOptions:
    """``statistics=False`` leaves out the charts and readings (for the benchmark's comparison)."""

    statistics: bool = True


def build_pack(
    current: Mapping[str, Any], previous: Mapping[str, Any] | None, meeting_id: str, options: PackOptions | None = None
) -> Pack:
    """Lay out the pack of ``meeting_id`` from its documents (what it shows, and the previous closed meeting's)."""
    options = options or PackOptions()
    meeting_entry = next(m for m in current["log"]["meetings"] if m["id"] == meeting_id)
    on = date.fromisoformat(meeting_entry["date"])
    view = RegisterView.from_document(current, on)
    meeting = view.meeting(meeting_id)
    assert meeting is not None
    old, previous_id = None, None
    if previous is not None:
        previous_id = previous["meeting"]
        previous_entry = next(m for m in previous["log"]["meetings"] if m["id"] == previous_id)
        old = RegisterView.from_document(previous, date.fromisoformat(previous_entry["date"]))
    register_title = view.title or translate("MeetingPack", "Improvement register")
    layout = PackLayout()
    footer = f"{register_title} · {meeting.title} · {format_date(meeting.date)}"

    _cover(layout, view, meeting_id, register_title, old, previous_id)
    _requests(layout, view, meeting_id)
    _exceptions(layout, view, options)
    _changes(layout, view, old)
    _diagrams(layout, view, options)
    _projects(layout, view, options)
    _decision_log(layout, view)
    _measures(layout, view, options)
    title = translate("MeetingPack", "Meeting pack: {meeting}").format(meeting=meeting.title)
    return Pack(layout.pages, layout.bookmarks, title, footer)


def _cover(
    layout: PackLayout,
    view: RegisterView,
    meeting_id: str,
    register_title: str,
    old: RegisterView | None,
    previous_id: str | None,
) -> None:
    meeting = view.meeting(meeting_id)
    assert meeting is not None
    layout.new_page()
    layout.bookmark(translate("MeetingPack", "Cover"), 0)
    box_x = MARGIN + layout.width * 0.55
    facts = [
        (translate("MeetingPack", "Register"), register_title),
        (translate("MeetingPack", "Meeting"), meeting.title),
        (translate("MeetingPack", "Date"), format_date(meeting.date)),
        (translate("MeetingPack", "Case number"), meeting.case_number or "–"),
        (translate("MeetingPack", "Location"), meeting.location or "–"),
    ]
    y = MARGIN
    for label, value in facts:
        for number, line in enumerate(wrap(value, layout.width * 0.45 - 70, 9.0)):
            ly = y + number * 12
            layout.add(lambda p, _c, y=ly, t=line: draw_text(p, box_x + 70, y, t, 9.0, False, DARK))
        layout.add(lambda p, _c, y=y, t=label: draw_text(p, box_x, y, t, 9.0, True, GREY))
        y += 12 * max(1, len(wrap(value, layout.width * 0.45 - 70, 9.0))) + 2
    layout.add(lambda p, _c: draw_text(p, MARGIN, MARGIN, translate("MeetingPack", "Appendix"), 22.0, True, BLUE))
    layout.y = max(y, MARGIN + 40) + 40
    layout.paragraph(translate("MeetingPack", "Meeting pack for the steering group"), 12.0, True, GREY)
    layout.paragraph(meeting.title, 20.0, True, BLUE)
    layout.paragraph(format_date(meeting.date), 12.0, False, DARK)
    layout.y += 10
    members = view.members.get(meeting_id, [])
    if members:
        layout.paragraph(translate("MeetingPack", "Members of the steering group"), 10.5, True, BLUE)
        for member in members:
            layout.paragraph(f"{member.name} ({role_name(member.role)})", BODY)
    layout.y += 6
    if meeting.state == "closed":
        layout.paragraph(
            translate("MeetingPack", "The meeting is closed: this pack shows the register as the meeting saw it."),
            8.5,
            False,
            GREY,
        )
    if old is not None:
        previous = old.meeting(previous_id)
        if previous is not None:
            since = translate("MeetingPack", "Changes are counted since the meeting of {date} ({title}).")
            layout.paragraph(since.format(date=format_date(previous.date), title=previous.title), 8.5, False, GREY)
    layout.y += 10
    layout.paragraph(translate("MeetingPack", "Contents"), 10.5, True, BLUE)
    y = layout.y

    def contents(painter: QPainter, context: PackContext, y: float = y) -> None:
        line = y
        for title, page, level in context.bookmarks:
            if level or page == 0:
                continue
            draw_text(painter, MARGIN, line, title, BODY, False, DARK)
            number = str(page + 1)
            draw_text(
                painter, MARGIN + layout_width - qt_measurer(number, BODY, False), line, number, BODY, False, DARK
            )
            line += BODY * 1.5

    layout_width = layout.width
    layout.add(contents)


def _item_nodes(view: RegisterView, item: LogItemRecord) -> str:
    return ", ".join(view.node_title(node_id) for node_id in item.node_ids) or "–"


def _requests(layout: PackLayout, view: RegisterView, meeting_id: str) -> None:
    layout.new_page()
    layout.heading(translate("MeetingPack", "Requests and decisions for this meeting"))
    requests = view.open_requests()
    layout.heading(translate("MeetingPack", "Open requests for help"), 1, bookmark=False)
    if requests:
        layout.table(
            [
                translate("MeetingPack", "Request"),
                translate("MeetingPack", "Concerns"),
                translate("MeetingPack", "Owner"),
                translate("MeetingPack", "Since"),
            ],
            [[i.text, _item_nodes(view, i), i.owner, format_date(i.created)] for i in requests],
            [0.45, 0.27, 0.14, 0.14],
        )
    else:
        layout.paragraph(translate("MeetingPack", "No open requests for help."), colour=GREY)
    overdue = view.overdue_actions()
    layout.heading(translate("MeetingPack", "Overdue actions"), 1, bookmark=False)
    if overdue:
        layout.table(
            [
                translate("MeetingPack", "Action"),
                translate("MeetingPack", "Concerns"),
                translate("MeetingPack", "Owner"),
                translate("MeetingPack", "Deadline"),
            ],
            [[i.text, _item_nodes(view, i), i.owner, format_date(i.deadline)] for i in overdue],
            [0.45, 0.27, 0.14, 0.14],
        )
    else:
        layout.paragraph(translate("MeetingPack", "No overdue actions."), colour=GREY)
    others = [
        i
        for i in view.items
        if i.state == "open" and i.kind != "request" and not i.is_overdue(view.on) and i.created <= view.on
    ]
    layout.heading(translate("MeetingPack", "Other open items"), 1, bookmark=False)
    if others:
        layout.table(
            [
                translate("MeetingPack", "Item"),
                translate("MeetingPack", "Kind"),
                translate("MeetingPack", "Concerns"),
                translate("MeetingPack", "Owner"),
                translate("MeetingPack", "Deadline"),
            ],
            [[i.text, item_kind_name(i.kind), _item_nodes(view, i), i.owner, format_date(i.deadline)] for i in others],
            [0.36, 0.14, 0.22, 0.14, 0.14],
        )
    else:
        layout.paragraph(translate("MeetingPack", "No other open items."), colour=GREY)
    answered = [i for i in view.items if i.answered_meeting_id == meeting_id]
    if answered:
        layout.heading(translate("MeetingPack", "Answered at this meeting"), 1, bookmark=False)
        layout.table(
            [translate("MeetingPack", "Item"), translate("MeetingPack", "Answer"), translate("MeetingPack", "State")],
            [[i.text, i.answer, item_state_name(i.state)] for i in answered],
            [0.45, 0.4, 0.15],
        )


def _exceptions(layout: PackLayout, view: RegisterView, options: PackOptions) -> None:
    layout.heading(translate("MeetingPack", "Exceptions"))
    projects = view.live_projects()
    red = [p for p in projects if (s := view.latest_status(p.id)) is not None and s.rag == "red"]
    stale = [p for p in projects if view.is_stale(p.id)]
    layout.heading(translate("MeetingPack", "Red projects"), 1, bookmark=False)
    if red:
        layout.table(
            [
                translate("MeetingPack", "Project"),
                translate("MeetingPack", "Lead"),
                translate("MeetingPack", "Latest update"),
                translate("MeetingPack", "Summary"),
            ],
            [
                [p.title, p.lead, format_date(view.latest_status(p.id).date), view.latest_status(p.id).summary]
                for p in red
            ],
            [0.3, 0.15, 0.15, 0.4],
            [rag_marker("red") for _ in red],
        )
    else:
        layout.paragraph(translate("MeetingPack", "No project is red."), colour=GREY)
    layout.heading(translate("MeetingPack", "Stale projects (no status update for 4 weeks or more)"), 1, bookmark=False)
    if stale:
        rows = []
        for project in stale:
            latest = view.latest_status(project.id)
            rows.append(
                [project.title, project.lead, format_date(latest.date) if latest else translate("MeetingPack", "never")]
            )
        layout.table(
            [
                translate("MeetingPack", "Project"),
                translate("MeetingPack", "Lead"),
                translate("MeetingPack", "Latest update"),
            ],
            rows,
            [0.5, 0.25, 0.25],
        )
    else:
        layout.paragraph(translate("MeetingPack", "No project is stale."), colour=GREY)
    if not options.statistics:
        return
    layout.heading(translate("MeetingPack", "Signals of concern in the measures"), 1, bookmark=False)
    readings = view.readings()
    concern = [m for m in view.live_measures() if readings[m.id].kind == "worsening"]
    if concern:
        layout.table(
            [
                translate("MeetingPack", "Measure"),
                translate("MeetingPack", "Node"),
                translate("MeetingPack", "Reading"),
            ],
            [[m.name, view.node_title(m.node_id), _reading(view, m).sentence] for m in concern],
            [0.3, 0.25, 0.45],
            [evidence_marker("worsening") for _ in concern],
        )
    else:
        layout.paragraph(translate("MeetingPack", "No measure shows a signal of concern."), colour=GREY)


def _reading(view: RegisterView, measure: MeasureRecord) -> charts.Reading:
    data = charts.chart_data(measure, view.observations.get(measure.id, []), view.annotations.get(measure.id, []))
    return charts.read_chart(data)


def _changes(layout: PackLayout, view: RegisterView, old: RegisterView | None) -> None:
    layout.heading(translate("MeetingPack", "Changes since the last meeting"))
    if old is None:
        layout.paragraph(translate("MeetingPack", "There is no earlier closed meeting to compare with."), colour=GREY)
        return
    found = changes_between(old, view)
    if not found:
        layout.paragraph(translate("MeetingPack", "Nothing has changed since the last meeting."), colour=GREY)
    for change in found:
        layout.paragraph("• " + describe_change(change), BODY, indent=4)


def _evidence_by_node(view: RegisterView) -> dict[str, str]:
    readings = view.readings()
    grouped: dict[str, list[tuple[str, charts.Reading]]] = {}
    for measure in view.live_measures():
        grouped.setdefault(measure.node_id, []).append((measure.name, readings[measure.id]))
    combined = {node_id: charts.combine(items) for node_id, items in grouped.items()}
    return {node_id: evidence.marker for node_id, evidence in combined.items() if evidence is not None}


def _diagrams(layout: PackLayout, view: RegisterView, options: PackOptions) -> None:
    tree = TreeIndex(view.tree_snapshot())
    evidence = _evidence_by_node(view) if options.statistics else {}
    texts = diagram_texts()
    goals = tree.child_ids(None)
    first = True
    for goal_id in goals:
        layout.new_page(landscape=True)
        if first:
            layout.bookmark(translate("MeetingPack", "Driver diagram"), 0)
            first = False
        goal = tree.nodes[goal_id]
        layout.heading(translate("MeetingPack", "Driver diagram: {goal}").format(goal=goal.title), 1)
        area_top = layout.y
        area = QRectF(MARGIN, area_top, layout.width, layout.bottom - area_top - 24)
        diagram = layout_for_page(tree, [goal_id], area.width(), area.height())
        # One A4 landscape page per goal, fitted (the PDF is vector: zoom in to read the smallest boxes).
        scale = min(area.width() / max(diagram.width, 1), area.height() / max(diagram.height, 1), 1.5)

        def paint(
            painter: QPainter, _context: PackContext, diagram: Any = diagram, scale: float = scale, area: QRectF = area
        ) -> None:
            painter.save()
            painter.setClipRect(area)
            painter.translate(area.x(), area.y())
            painter.scale(scale, scale)
            paint_diagram(painter, diagram, evidence=evidence)
            painter.restore()
            paint_legend(painter, MARGIN, area.bottom() + 6, texts, 7.0, area.width())

        layout.add(paint)
        layout.y = layout.bottom


def _projects(layout: PackLayout, view: RegisterView, options: PackOptions) -> None:
    projects = view.live_projects()
    first = True
    for project in projects:
        layout.new_page()
        if first:
            layout.bookmark(translate("MeetingPack", "Projects"), 0)
            first = False
        _project_page(layout, view, project, options)


def _project_page(layout: PackLayout, view: RegisterView, project: NodeRecord, options: PackOptions) -> None:
    layout.heading(project.title, 1)
    path = [view.node_title(n) for n in _ancestors(view, project)]
    if path:
        layout.paragraph(" › ".join(path), 8.0, False, GREY)
    latest = view.latest_status(project.id)
    layout.labelled(translate("MeetingPack", "Stage"), stage_name(project.stage))
    layout.labelled(translate("MeetingPack", "Lead"), project.lead)
    layout.labelled(translate("MeetingPack", "Unit"), project.unit)
    if latest is not None:
        status = translate("MeetingPack", "{rag}, {date}").format(
            rag=rag_name(latest.rag), date=format_date(latest.date)
        )
        if latest.progress is not None:
            status += " · " + translate("MeetingPack", "progress {score}").format(
                score=format_number(latest.progress) + " – " + progress_text(latest.progress).split(" – ", 1)[-1]
            )
        layout.labelled(translate("MeetingPack", "Status"), status, marker=rag_marker(latest.rag))
    else:
        layout.labelled(translate("MeetingPack", "Status"), translate("MeetingPack", "no status update yet"))
    history = view.statuses.get(project.id, [])
    if history:
        title = translate("MeetingPack", "RAG and progress score over time")
        layout.figure(
            92, lambda painter, rect, history=history, title=title: paint_progress(painter, rect, history, title)
        )

    if latest is not None:
        layout.heading(
            translate("MeetingPack", "Latest status update ({date}, {author})").format(
                date=format_date(latest.date), author=latest.author or "–"
            ),
            2,
            bookmark=False,
        )
        layout.labelled(translate("MeetingPack", "Summary"), latest.summary)
        layout.labelled(translate("MeetingPack", "Next steps"), latest.next_steps)
        layout.labelled(translate("MeetingPack", "Help needed"), latest.help_needed)
    measures = view.live_measures(project.id)
    if options.statistics and measures:
        order = ("outcome", "process", "balancing")
        key = sorted(measures, key=lambda m: (order.index(m.type) if m.type in order else 3, m.position))
        layout.heading(translate("MeetingPack", "Key measures"), 2, bookmark=False)
        for measure in key[:KEY_MEASURES]:
            data = charts.chart_data(
                measure, view.observations.get(measure.id, []), view.annotations.get(measure.id, [])
            )
            figure = charts.new_figure(7.0, 2.1, bottom=0.3)
            charts.draw_chart(figure, data)
            layout.figure(130, svg_figure(figure))
            layout.paragraph(charts.read_chart(data).sentence, 8.0, False, GREY)
    open_items = [i for i in view.items if project.id in i.node_ids and i.state == "open"]
    layout.heading(translate("MeetingPack", "Open items"), 2, bookmark=False)
    if open_items:
        layout.table(
            [
                translate("MeetingPack", "Item"),
                translate("MeetingPack", "Kind"),
                translate("MeetingPack", "Owner"),
                translate("MeetingPack", "Deadline"),
            ],
            [[i.text, item_kind_name(i.kind), i.owner, format_date(i.deadline)] for i in open_items],
            [0.5, 0.2, 0.15, 0.15],
        )
    else:
        layout.paragraph(translate("MeetingPack", "No open items."), colour=GREY)


def _ancestors(view: RegisterView, node: NodeRecord) -> list[str]:
    chain: list[str] = []
    current = view.nodes.get(node.parent_id) if node.parent_id else None
    while current is not None:
        chain.append(current.id)
        current = view.nodes.get(current.parent_id) if current.parent_id else None
    return list(reversed(chain))


def _decision_log(layout: PackLayout, view: RegisterView) -> None:
    layout.new_page()
    layout.heading(translate("MeetingPack", "Decision log"))
    if not view.items:
        layout.paragraph(translate("MeetingPack", "The decision log is empty."), colour=GREY)
        return
    dates = {m.id: format_date(m.date) for m in view.meetings}
    rows = [
        [
            i.text,
            item_kind_name(i.kind),
            _item_nodes(view, i),
            i.owner,
            format_date(i.deadline),
            item_state_name(i.state) + (f": {i.answer}" if i.answer else ""),
            dates.get(i.answered_meeting_id or "", ""),
        ]
        for i in view.items
    ]
    layout.table(
        [
            translate("MeetingPack", "Item"),
            translate("MeetingPack", "Kind"),
            translate("MeetingPack", "Concerns"),
            translate("MeetingPack", "Owner"),
            translate("MeetingPack", "Deadline"),
            translate("MeetingPack", "State"),
            translate("MeetingPack", "Answered"),
        ],
        rows,
        [0.25, 0.11, 0.17, 0.1, 0.1, 0.17, 0.1],
    )


def _measures(layout: PackLayout, view: RegisterView, options: PackOptions) -> None:
    tree = TreeIndex(view.tree_snapshot())
    goals = tree.child_ids(None)
    layout.new_page()
    layout.heading(translate("MeetingPack", "Measures of each goal"))
    readings = view.readings() if options.statistics else {}
    for goal_id in goals:
        nodes = set(tree.subtree(goal_id))
        measures = [m for m in view.live_measures() if m.node_id in nodes]
        layout.heading(tree.nodes[goal_id].title, 1, bookmark=False)
        if not measures:
            layout.paragraph(translate("MeetingPack", "No measures."), colour=GREY)
            continue
        rows, markers = [], []
        for measure in measures:
            points = view.observations.get(measure.id, [])
            latest = max(points, key=lambda o: (o.date, o.id)) if points else None
            kind = readings[measure.id].kind if options.statistics else ""
            rows.append(
                [
                    measure.name,
                    view.node_title(measure.node_id),
                    f"{_value_text(latest)} ({format_date(latest.date)})" if latest else "–",
                    format_number(measure.target) or "–",
                    evidence_name(kind),
                ]
            )
            markers.append(evidence_marker(kind) if kind else None)
        layout.table(
            [
                translate("MeetingPack", "Measure"),
                translate("MeetingPack", "Node"),
                translate("MeetingPack", "Latest value"),
                translate("MeetingPack", "Target"),
                translate("MeetingPack", "Evidence"),
            ],
            rows,
            [0.3, 0.26, 0.16, 0.1, 0.18],
            markers,
        )


def _value_text(observation: ObservationRecord) -> str:
    """A value, with its denominator when it has one (``412/5890``)."""
    if observation.denominator is None:
        return format_number(observation.value)
    return f"{format_number(observation.value)}/{format_number(observation.denominator)}"


# --------------------------------------------------------------------------- painting


def paint_pack(device: QPagedPaintDevice, pack: Pack, resolution: float) -> None:
    """Paint every page on ``device`` (a QPdfWriter or a QPrinter), turning the page for landscape pages."""
    painter = QPainter()
    if not painter.begin(device):
        raise PackError(translate("MeetingPack", "The pack cannot be written there."))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    context = PackContext(len(pack.pages), pack.bookmarks, pack.footer_left)
    try:
        for number, page in enumerate(pack.pages):
            orientation = QPageLayout.Orientation.Landscape if page.landscape else QPageLayout.Orientation.Portrait
            if number:
                device.setPageOrientation(orientation)
                device.newPage()
            painter.resetTransform()
            painter.scale(resolution / 72, resolution / 72)
            for step in page.steps:
                step(painter, context)
            _footer(painter, page, number, context)
    finally:
        painter.end()


def _footer(painter: QPainter, page: Page, number: int, context: PackContext) -> None:
    size = page.size
    y = size.height() - MARGIN - FOOTER + 12
    _rule(painter, MARGIN, y - 4, size.width() - 2 * MARGIN, QColor("#bbbbbb"))
    text = translate("MeetingPack", "Page {page} of {pages}").format(page=number + 1, pages=context.pages)
    page_width = qt_measurer(text, 7.5, False)
    draw_text(painter, size.width() - MARGIN - page_width, y, text, 7.5, False, GREY)
    left = context.footer_left
    room = size.width() - 2 * MARGIN - page_width - 16
    while len(left) > 1 and qt_measurer(left, 7.5, False) > room:
        left = left[:-2].rstrip() + "…"
    draw_text(painter, MARGIN, y, left, 7.5, False, GREY)


def write_pack(pack: Pack, path: Path, register: Path | None = None) -> int:
    """Write the pack to ``path`` (A4 PDF with bookmarks); an existing file is replaced only when complete, and
    the open ``register`` itself, a folder, a link or a pipe is refused (:class:`register.errors.OutputError`)."""
    from pypdf import PdfReader, PdfWriter

    from register.safe_output import write_output

    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise PackError(
            translate("MeetingPack", "{name}: the pack is a PDF; give a file name ending in .pdf.").format(
                name=path.name
            )
        )

    def write(temporary: Path) -> None:
        drawn = temporary.with_name(f"{temporary.stem}.drawn.pdf")
        try:
            writer = QPdfWriter(str(drawn))
            writer.setResolution(PDF_RESOLUTION)
            first = QPageLayout.Orientation.Landscape if pack.pages[0].landscape else QPageLayout.Orientation.Portrait
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), first, QMarginsF(0, 0, 0, 0)))
            writer.setTitle(pack.title)
            writer.setCreator("Improvement Register")
            paint_pack(writer, pack, PDF_RESOLUTION)
            del writer
            output = PdfWriter(clone_from=PdfReader(str(drawn)))
            parents: dict[int, Any] = {}
            for title, page, level in pack.bookmarks:
                parent = parents.get(level - 1) if level else None
                parents[level] = output.add_outline_item(title=title, page_number=page, parent=parent)
            output.add_metadata({"/Title": pack.title, "/Creator": "Improvement Register"})
            with temporary.open("wb") as stream:
                output.write(stream)
        finally:
            drawn.unlink(missing_ok=True)

    write_output(path, write, register)
    return len(pack.pages)


def print_pack(printer: Any, pack: Pack) -> None:
    """Paint the pack on a QPrinter (print or print preview), A4."""
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    paint_pack(printer, pack, printer.resolution())


def meeting_pack(meetings: Any, meeting_id: str, options: PackOptions | None = None) -> Pack:
    """The pack of a meeting from the register (a closed meeting: from its frozen snapshot)."""
    current, previous = meetings.pack_documents(meeting_id)
    return build_pack(current, previous, meeting_id, options)
