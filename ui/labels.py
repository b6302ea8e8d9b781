"""Translated display names of the register's codes (kinds, stages, RAG, progress) and their colours."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QFont

from register import validation
from register.vocabulary import PROGRESS_SCALE

translate = QCoreApplication.translate

_KINDS = {
    "goal": QT_TRANSLATE_NOOP("Labels", "goal"),
    "primary": QT_TRANSLATE_NOOP("Labels", "primary driver"),
    "secondary": QT_TRANSLATE_NOOP("Labels", "secondary driver"),
    "project": QT_TRANSLATE_NOOP("Labels", "project"),
}
_KINDS_PLURAL = {
    "goal": QT_TRANSLATE_NOOP("Labels", "goals"),
    "primary": QT_TRANSLATE_NOOP("Labels", "primary drivers"),
    "secondary": QT_TRANSLATE_NOOP("Labels", "secondary drivers"),
    "project": QT_TRANSLATE_NOOP("Labels", "projects"),
}
_NEW_NODE_TITLES = {
    "goal": QT_TRANSLATE_NOOP("Labels", "New goal"),
    "primary": QT_TRANSLATE_NOOP("Labels", "New primary driver"),
    "secondary": QT_TRANSLATE_NOOP("Labels", "New secondary driver"),
    "project": QT_TRANSLATE_NOOP("Labels", "New project"),
}
_AUDIT_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Labels", "created"),
    "update": QT_TRANSLATE_NOOP("Labels", "changed"),
    "move": QT_TRANSLATE_NOOP("Labels", "moved"),
    "archive": QT_TRANSLATE_NOOP("Labels", "deleted (archived)"),
    "restore": QT_TRANSLATE_NOOP("Labels", "restored"),
    "delete": QT_TRANSLATE_NOOP("Labels", "removed"),
    "remove": QT_TRANSLATE_NOOP("Labels", "removed"),
    "purge": QT_TRANSLATE_NOOP("Labels", "purged"),
    "import": QT_TRANSLATE_NOOP("Labels", "imported"),
    "add_data": QT_TRANSLATE_NOOP("Labels", "data added"),
}
#: The fields the audit trail names, in words (``end_date`` → ``end date`` / ``slutdato``).
_AUDIT_FIELDS = {
    "title": QT_TRANSLATE_NOOP("Labels", "title"),
    "description": QT_TRANSLATE_NOOP("Labels", "description"),
    "kind": QT_TRANSLATE_NOOP("Labels", "kind"),
    "parent_id": QT_TRANSLATE_NOOP("Labels", "parent"),
    "position": QT_TRANSLATE_NOOP("Labels", "position"),
    "lead": QT_TRANSLATE_NOOP("Labels", "lead"),
    "unit": QT_TRANSLATE_NOOP("Labels", "unit"),
    "start_date": QT_TRANSLATE_NOOP("Labels", "start date"),
    "end_date": QT_TRANSLATE_NOOP("Labels", "end date"),
    "stage": QT_TRANSLATE_NOOP("Labels", "stage"),
    "archived_at": QT_TRANSLATE_NOOP("Labels", "archived"),
    "source_id": QT_TRANSLATE_NOOP("Labels", "from"),
    "target_id": QT_TRANSLATE_NOOP("Labels", "to"),
    "strength": QT_TRANSLATE_NOOP("Labels", "strength"),
    "date": QT_TRANSLATE_NOOP("Labels", "date"),
    "rag": QT_TRANSLATE_NOOP("Labels", "RAG"),
    "progress": QT_TRANSLATE_NOOP("Labels", "progress score"),
    "author": QT_TRANSLATE_NOOP("Labels", "author"),
    "summary": QT_TRANSLATE_NOOP("Labels", "summary"),
    "next_steps": QT_TRANSLATE_NOOP("Labels", "next steps"),
    "help_needed": QT_TRANSLATE_NOOP("Labels", "help needed"),
    "name": QT_TRANSLATE_NOOP("Labels", "name"),
    "type": QT_TRANSLATE_NOOP("Labels", "type"),
    "definition": QT_TRANSLATE_NOOP("Labels", "operational definition"),
    "chart": QT_TRANSLATE_NOOP("Labels", "chart type"),
    "improvement": QT_TRANSLATE_NOOP("Labels", "direction of improvement"),
    "target": QT_TRANSLATE_NOOP("Labels", "target"),
    "rules": QT_TRANSLATE_NOOP("Labels", "rule set"),
    "baseline": QT_TRANSLATE_NOOP("Labels", "baseline"),
    "value": QT_TRANSLATE_NOOP("Labels", "value"),
    "denominator": QT_TRANSLATE_NOOP("Labels", "denominator"),
    "note": QT_TRANSLATE_NOOP("Labels", "note"),
    "excluded": QT_TRANSLATE_NOOP("Labels", "excluded"),
    "exclude_reason": QT_TRANSLATE_NOOP("Labels", "reason for exclusion"),
    "text": QT_TRANSLATE_NOOP("Labels", "text"),
    "phase_break": QT_TRANSLATE_NOOP("Labels", "new period"),
    "observations": QT_TRANSLATE_NOOP("Labels", "data points"),
}
_AUDIT_ENTITIES = {
    "node": QT_TRANSLATE_NOOP("Labels", "Node"),
    "link": QT_TRANSLATE_NOOP("Labels", "Cross-link"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status update"),
    "measure": QT_TRANSLATE_NOOP("Labels", "Measure"),
    "observation": QT_TRANSLATE_NOOP("Labels", "Observation"),
    "annotation": QT_TRANSLATE_NOOP("Labels", "Annotation"),
    "register": QT_TRANSLATE_NOOP("Labels", "Register"),
}
_STAGES = {
    "idea": QT_TRANSLATE_NOOP("Labels", "idea"),
    "planning": QT_TRANSLATE_NOOP("Labels", "planning"),
    "testing": QT_TRANSLATE_NOOP("Labels", "testing"),
    "implementing": QT_TRANSLATE_NOOP("Labels", "implementing"),
    "spreading": QT_TRANSLATE_NOOP("Labels", "spreading"),
    "sustaining": QT_TRANSLATE_NOOP("Labels", "sustaining"),
    "closed": QT_TRANSLATE_NOOP("Labels", "closed"),
}
_RAG = {
    "green": QT_TRANSLATE_NOOP("Labels", "green"),
    "amber": QT_TRANSLATE_NOOP("Labels", "amber"),
    "red": QT_TRANSLATE_NOOP("Labels", "red"),
}
_STRENGTHS = {
    "strong": QT_TRANSLATE_NOOP("Labels", "strong"),
    "weak": QT_TRANSLATE_NOOP("Labels", "weak"),
}
_PROGRESS = {
    0.5: QT_TRANSLATE_NOOP("Labels", "Intent to participate"),
    1.0: QT_TRANSLATE_NOOP("Labels", "Team formed"),
    1.5: QT_TRANSLATE_NOOP("Labels", "Planning begun"),
    2.0: QT_TRANSLATE_NOOP("Labels", "Activity but no changes"),
    2.5: QT_TRANSLATE_NOOP("Labels", "Changes tested but no improvement"),
    3.0: QT_TRANSLATE_NOOP("Labels", "Modest improvement"),
    3.5: QT_TRANSLATE_NOOP("Labels", "Improvement"),
    4.0: QT_TRANSLATE_NOOP("Labels", "Significant improvement"),
    4.5: QT_TRANSLATE_NOOP("Labels", "Sustainable improvement"),
    5.0: QT_TRANSLATE_NOOP("Labels", "Outstanding sustainable results"),
}
assert set(_PROGRESS) == set(PROGRESS_SCALE)

RAG_COLOURS = {"green": QColor("#2e9d4f"), "amber": QColor("#f0a020"), "red": QColor("#d43c3c")}
STALE_COLOUR = QColor("#b3261e")
#: A node with an open request for help, and a node changed since the last meeting (highlighted).
REQUEST_COLOUR = QColor("#7030a0")
HIGHLIGHT_COLOUR = QColor("#fff1a8")


def bold_font(font: QFont) -> QFont:
    """A bold copy of ``font``."""
    bold = QFont(font)
    bold.setBold(True)
    return bold


def plural(count: int, one: str, many: str, **values: object) -> str:
    """``one`` or ``many`` (both translated, with ``{count}`` and any other ``values``) by the count; English and
    Danish agree on the rule."""
    return (one if count == 1 else many).format(count=count, **values)


def _label(table: dict, code: str | None) -> str:
    if code is None:
        return ""
    return translate("Labels", table[code]) if code in table else str(code)


def kind_name(kind: str) -> str:
    return _label(_KINDS, kind)


def kind_plural(kind: str) -> str:
    return _label(_KINDS_PLURAL, kind)


def new_node_title(kind: str) -> str:
    """The title a new node gets until the user names it ("Nyt projekt": Danish nouns have gender)."""
    return _label(_NEW_NODE_TITLES, kind)


def audit_action(entity: str, action: str) -> str:
    """``Node created``, ``Status update removed`` (translated)."""
    return f"{_label(_AUDIT_ENTITIES, entity)} {_label(_AUDIT_ACTIONS, action)}"


def audit_field(name: str) -> str:
    """A field of the audit trail in words (``end_date`` → ``end date``; Danish ``slutdato``)."""
    return _label(_AUDIT_FIELDS, name)


def stage_name(stage: str | None) -> str:
    return _label(_STAGES, stage)


def rag_name(rag: str | None) -> str:
    return _label(_RAG, rag)


def strength_name(strength: str) -> str:
    return _label(_STRENGTHS, strength)


def date_text(value: date | None) -> str:
    """``value`` as the UI language writes a date (empty for None)."""
    return "" if value is None else validation.format_date(value)


def number_text(value: float | None) -> str:
    """A number as the UI language writes it (Danish ``2,5``), empty for None; it reads back unchanged."""
    return "" if value is None else validation.format_number(value)


def progress_text(score: float | None) -> str:
    """``3.5 – Improvement`` (Danish ``3,5 – Forbedring``), or empty for no score."""
    if score is None:
        return ""
    if score not in _PROGRESS:
        return number_text(score)
    return f"{number_text(score)} – {translate('Labels', _PROGRESS[score])}"


def weeks_text(weeks: int | None) -> str:
    """Weeks since a project's last status update ("never" without one)."""
    if weeks is None:
        return translate("TreeModel", "never")
    return plural(weeks, translate("TreeModel", "{count} week"), translate("TreeModel", "{count} weeks"))
