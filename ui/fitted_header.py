"""A table's column header that fits the columns to the table's width and never cuts a column's title.

Each column is as wide as its contents and its title on one line need, when the table has the room; when it has
not, titles wrap at their spaces onto more lines (the header grows taller) and their columns narrow, down to
the title's longest word. The free-text columns take what is left. Only when even that is wider than the table
does it scroll sideways, every title still whole. Words come from the model in the window's language, so this
holds in Danish as in English and at any font size.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMetaObject, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyleOptionHeader, QTableView

#: Rows whose cells are measured for a column's width (Qt's default, 1,000, takes about 0.1 s on a long series:
#: too slow to run after every point typed in).
ROWS_MEASURED = 100


class FittedHeader(QHeaderView):
    """The horizontal header of ``table``; ``elastic`` are its free-text columns (they share the room left)."""

    def __init__(self, table: QTableView, elastic: Iterable[int]) -> None:
        super().__init__(Qt.Orientation.Horizontal, table)
        self.table = table
        self.elastic = sorted(set(elastic))
        self.setSectionsClickable(True)  # as QTableView's own header: a click selects the column
        self.setHighlightSections(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # a title is wrapped, never cut
        self.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setResizeContentsPrecision(ROWS_MEASURED)
        self._lines = 1
        self._contents: list[int] | None = None  # what each column's cells need, until the rows change
        self._watching: list[QMetaObject.Connection] = []
        self._fit_soon = QTimer(self)
        self._fit_soon.setSingleShot(True)
        self._fit_soon.setInterval(0)
        self._fit_soon.timeout.connect(self.fit)
        self.sectionResized.connect(self._update_height)
        table.setHorizontalHeader(self)

    # ------------------------------------------------------------------ titles

    def _metrics(self) -> QFontMetrics:
        """Titles are measured bold: Qt draws a header bold while its column holds the selection."""
        font = QFont(self.font())
        font.setBold(True)
        return QFontMetrics(font)

    def _title(self, section: int) -> str:
        model = self.model()
        text = model.headerData(section, self.orientation(), Qt.ItemDataRole.DisplayRole) if model else None
        return str(text or "")

    def one_line_width(self, section: int) -> int:
        """How wide the section must be for its title on one line (Qt's own measure)."""
        return super().sectionSizeFromContents(section).width()

    def _margins(self, section: int) -> int:
        """What a section takes beside its title's text (the style's margins, a sort arrow)."""
        return self.one_line_width(section) - self._metrics().horizontalAdvance(self._title(section))

    def wrapped(self, section: int, width: int | None = None) -> list[str]:
        """The section's title in lines that fit its width (or ``width``), broken at spaces only."""
        metrics = self._metrics()
        room = (self.sectionSize(section) if width is None else width) - self._margins(section)
        lines: list[str] = []
        for word in self._title(section).split():
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines or [""]

    def least_width(self, section: int) -> int:
        """The narrowest the section can be with its title whole: its longest word on a line."""
        metrics = self._metrics()
        words = self._title(section).split() or [""]
        return self._margins(section) + max(metrics.horizontalAdvance(word) for word in words)

    def sectionSizeFromContents(self, section: int) -> Any:  # noqa: N802
        """Qt's size for the title on one line, made taller by the lines it wraps onto."""
        size = super().sectionSizeFromContents(section)
        extra = len(self.wrapped(section)) - 1
        if extra > 0:
            size.setHeight(size.height() + extra * self._metrics().lineSpacing())
        return size

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, section: int) -> None:  # noqa: N802
        """Paint the title as wrapped to the section's width."""
        super().initStyleOptionForIndex(option, section)
        option.text = "\n".join(self.wrapped(section))

    def _update_height(self, *_resized: int) -> None:
        """A section's width changed: the header grows or shrinks when the most lines a title takes change."""
        lines = max((len(self.wrapped(section)) for section in range(self.count())), default=1)
        if lines != self._lines:
            self._lines = lines
            self.headerDataChanged(self.orientation(), 0, self.count() - 1)  # forgets Qt's cached size hint
            self.updateGeometry()

    # ------------------------------------------------------------------ fitting

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        """The table's model (the table sets it): its rows coming and going fit the columns again."""
        for connection in self._watching:  # by handle: the old model may be gone already
            QObject.disconnect(connection)
        super().setModel(model)
        self._watching = [] if model is None else [
            signal.connect(self._rows_changed)
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged)]  # fmt: skip
        self._rows_changed()

    def _rows_changed(self, *_args: Any) -> None:
        """Measure the cells again, then fit (once the change settles)."""
        self._contents = None
        self._fit_soon.start()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        """The header is as wide as the table's viewport: fit the columns to its new width."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_soon.start()

    def steps(self, section: int, floor: int = 0) -> list[int]:
        """The widths to try for the section, widest first: its title on one line, on two, … down to its longest
        word on a line; none narrower than ``floor`` (what the column's contents need)."""
        least = max(self.least_width(section), floor)
        steps = [max(self.one_line_width(section), floor)]
        for lines in range(2, len(self._title(section).split()) + 1):
            low, high = least, steps[-1]  # the narrowest width that takes at most ``lines`` lines
            while low < high:
                middle = (low + high) // 2
                if len(self.wrapped(section, middle)) <= lines:
                    high = middle
                else:
                    low = middle + 1
            if low < steps[-1]:
                steps.append(low)
        return steps

    def fit(self) -> None:
        """Size the columns to the viewport (see the module's description): while they are wider than it, the
        title whose next line saves the most wraps; what is left goes to the free-text columns, first to those
        whose text is wider than they are."""
        if self.model() is None or not self.count():
            return
        sections = range(self.count())
        if self._contents is None or len(self._contents) != self.count():  # a new width alone measures nothing
            self._contents = [self.table.sizeHintForColumn(s) for s in sections]
        contents = self._contents
        steps = [self.steps(s, 0 if s in self.elastic else contents[s]) for s in sections]
        chosen = [0 for _section in sections]
        widths = [step[0] for step in steps]
        while sum(widths) > self.width():
            savings = [(steps[s][chosen[s]] - steps[s][chosen[s] + 1], s) for s in sections
                       if chosen[s] + 1 < len(steps[s])]  # fmt: skip
            if not savings:
                break  # the table scrolls sideways, every title whole
            _saving, section = max(savings)
            chosen[section] += 1
            widths[section] = steps[section][chosen[section]]
        wanting = {s: max(contents[s] - widths[s], 0) for s in self.elastic}  # free text wider than its column
        left, wanted = self.width() - sum(widths), sum(wanting.values())
        if left > 0 and wanted:
            for section, want in wanting.items():
                widths[section] += want * min(left, wanted) // wanted
            left = self.width() - sum(widths)
        if left > 0 and self.elastic:
            each, rest = divmod(left, len(self.elastic))
            for number, section in enumerate(self.elastic):
                widths[section] += each + (1 if number < rest else 0)
        for section, width in zip(sections, widths, strict=True):
            self.resizeSection(section, width)
        self._update_height()
