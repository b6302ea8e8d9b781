"""What the user's role lets them do in the window (the database enforces the same; see register.roles).

The window disables what a role may not do and says why in the tooltip, so nobody types an edit the
register will refuse. A register file has no roles: everything is allowed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from register.vocabulary import LOCAL

translate = QCoreApplication.translate

#: What an action needs: the whole diagram, a project's own data, or the project's fields.
DIAGRAM, PROJECT_DATA, PROJECT_FIELDS, STATUS = "diagram", "project_data", "project_fields", "status"


def role_label(role: str, person: str = "") -> str:
    """The role for the status bar ("Role: project lead (Mette Hansen)")."""
    names = {
        LOCAL: translate("Permissions", "Register file: no roles (one user at a time)"),
        "viewer": translate("Permissions", "Role: viewer (read only)"),
        "project-lead": translate("Permissions", "Role: project lead"),
        "steering-group": translate("Permissions", "Role: steering group"),
        "admin": translate("Permissions", "Role: admin"),
        "": translate("Permissions", "No role in this register (read only)"),
    }
    label = names.get(role, names[""])
    return f"{label} ({person})" if role == "project-lead" and person else label


def refusal(role: str, person: str, need: str, kind: str | None = None, lead: str = "") -> str:
    """Why ``role`` may not do what ``need`` names on a node of ``kind`` led by ``lead`` ("" when it may)."""
    if role in (LOCAL, "admin"):
        return ""
    if role == "steering-group":
        if need == STATUS:
            return translate("Permissions", "Your role (steering group) does not log status; project leads do.")
        return ""
    if role == "project-lead":
        if need == DIAGRAM:
            return translate("Permissions", "Your role (project lead) does not change the diagram's structure.")
        if kind != "project" or not person or lead != person:
            return translate("Permissions", "Your role (project lead) changes only the projects you lead.")
        return ""
    return translate("Permissions", "Your role lets you read this register, not change it.")
