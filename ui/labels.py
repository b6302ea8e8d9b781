"""Translated display names of the register's codes (kinds, stages, RAG, progress) and their colours."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from register.model import PROGRESS_SCALE

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


def plural(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (both translated, with ``{count}``) by the count; English and Danish agree on the rule."""
    return (one if count == 1 else many).format(count=count)


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


def stage_name(stage: str | None) -> str:
    return _label(_STAGES, stage)


def rag_name(rag: str | None) -> str:
    return _label(_RAG, rag)


def strength_name(strength: str) -> str:
    return _label(_STRENGTHS, strength)


def progress_text(score: float | None) -> str:
    """``3.5 – Improvement`` (translated), or empty for no score."""
    if score is None:
        return ""
    return f"{score:g} – {translate('Labels', _PROGRESS[score])}" if score in _PROGRESS else f"{score:g}"
