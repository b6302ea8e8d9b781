"""The one date field of the window: it takes a date the way a Danish or English user types it and shows
it the UI language's way.

Every form a user types is read by the core's :func:`register.validation.date_from_text` (the same parser
the imports use): ``13-04-2026``, ``13.04.2026``, ``13/4/2026``, ``13-4-26`` and ISO ``2026-04-13``. A text
that is not a date, or names a day that does not exist (``31-02-2026``), is flagged where it is typed (red,
with the reason in the tooltip and in :meth:`DateEdit.problem`); nothing is guessed. When the field loses
focus a valid date is rewritten the language's way (Danish ``13-04-2026``, English ``2026-04-13``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from register import validation
from register.errors import ValidationError
from ui.labels import date_text

translate = QCoreApplication.translate

ERROR_STYLE = "background: #fdecea; border: 1px solid #b3261e;"


class DateEdit(QLineEdit):
    """A line edit for one date; :meth:`date` is the date typed, :meth:`problem` why it is not one."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None, *, optional: bool = False,
                 field: str = "date") -> None:  # fmt: skip
        super().__init__(parent)
        self.optional = optional
        self.field = field
        self._problem = ""
        self.setPlaceholderText(translate("DateEdit", "yyyy-mm-dd"))  # the language's way: Danish dd-mm-åååå
        self.setToolTip(self._hint())
        self.textChanged.connect(self._check)
        self.editingFinished.connect(self._tidy)
        self.setDate(value)

    @staticmethod
    def _hint() -> str:
        return translate("DateEdit", "A date like 13-04-2026, 13.04.2026, 13/4/2026, 13-4-26 or 2026-04-13")

    def setDate(self, value: date | None) -> None:  # noqa: N802 - Qt naming, like QDateEdit.setDate
        """Show ``value`` the language's way (None empties the field)."""
        self.setText(date_text(value))

    def date(self) -> date | None:
        """The date typed; None when the field is empty or does not hold a date (see :meth:`problem`)."""
        try:
            return validation.parse_date(self.text(), self.field, optional=True)
        except ValidationError:
            return None

    def problem(self) -> str:
        """Why the text is not a date (translated), or "" when it is one (or is empty and that is allowed)."""
        return self._problem

    def is_valid(self) -> bool:
        return not self._problem

    def _check(self, text: str) -> None:
        try:
            validation.parse_date(text, self.field, optional=self.optional)
            self._problem = ""
        except ValidationError as error:
            self._problem = str(error)
        # An empty required field is not an error to shout about while typing; it only blocks saving.
        shown = self._problem if text.strip() else ""
        self.setStyleSheet(ERROR_STYLE if shown else "")
        self.setToolTip(shown or self._hint())

    def _tidy(self) -> None:
        """Rewrite a valid date the language's way once the user leaves the field."""
        value = self.date()
        if value is not None and self.text() != date_text(value):
            self.setText(date_text(value))


class DateDelegate(QStyledItemDelegate):
    """The date column of a grid edited with a :class:`DateEdit`: the same forms, the same inline flag."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = DateEdit(parent=parent, optional=True)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
