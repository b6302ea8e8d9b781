"""Who may do what in a shared (PostgreSQL) register.

Four roles, enforced by the database itself (group roles, GRANTs and row-level security created by
migration 0003), so psql or Excel get exactly the rights the window gives:

- ``viewer``: reads everything;
- ``project-lead``: reads everything; writes status updates, measures, observations and annotations
  of the projects that name them as lead, and those projects' fields except their place in the tree
  and their lead;
- ``steering-group``: edits the whole diagram (nodes, cross-links, the register title, measures and
  their data);
- ``admin``: everything, and grants and revokes roles.

A person is a PostgreSQL login. Group roles are named after the database (``ir_<database>_viewer``),
so two registers on one server keep their members apart. A SQLite register has no roles: whoever
can write the file can change anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from register.errors import PermissionDeniedError, ValidationError
from register.i18n import N_, _
from register.storage import Database
from register.vocabulary import LOCAL as LOCAL  # re-exported
from register.vocabulary import ROLES as ROLES  # re-exported

#: What each role may change, for the window's explanations.
ROLE_DESCRIPTIONS = {
    "viewer": N_("reads everything and changes nothing"),
    "project-lead": N_("changes the projects that name them as lead: status, measures, data and project fields"),
    "steering-group": N_("edits the whole diagram: goals, drivers, projects, cross-links, measures and data"),
    "admin": N_("changes everything and grants roles"),
}
_MAX_IDENTIFIER = 63


def group_role(database: str, role: str) -> str:
    """The PostgreSQL group role that stands for ``role`` in ``database``."""
    suffix = "_" + role.replace("-", "_")
    return f"ir_{database[: _MAX_IDENTIFIER - 3 - len(suffix)]}{suffix}"


def notify_channel(schema: str) -> str:
    """The LISTEN/NOTIFY channel of the register in ``schema``."""
    return f"improvement_register:{schema}"[:_MAX_IDENTIFIER]


@dataclass(frozen=True)
class RoleMember:
    """One login with its role (and, for a project lead, the name in the projects' lead field)."""

    login: str
    role: str
    person: str


def _check_shared(database: Database) -> None:
    if not database.is_shared:
        raise ValidationError(
            _("A register file has no roles: it has one user at a time. Roles exist only in a shared register.")
        )


def current_role(database: Database) -> str:
    """The role of the connected login: one of :data:`ROLES`, ``""`` for none, :data:`LOCAL` for a file."""
    if not database.is_shared:
        return LOCAL
    with database.reading() as session:
        return session.execute(text("SELECT ir_role()")).scalar() or ""


def current_person(database: Database) -> str:
    """The lead name the connected login is mapped to ("" when none, or on a file)."""
    if not database.is_shared:
        return ""
    with database.reading() as session:
        return session.execute(text("SELECT ir_person()")).scalar() or ""


def _check_admin(database: Database) -> None:
    if current_role(database) != "admin":
        raise PermissionDeniedError(_("Only an admin of the register can grant or revoke roles."))


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError(
            _("Unknown role {role!r}: choose one of {roles}.").format(role=role, roles=", ".join(ROLES))
        )
    return role


def grant(database: Database, login: str, role: str, person: str = "") -> RoleMember:
    """Give ``login`` the role (replacing any other); ``person`` maps a project lead to the lead name."""
    _check_shared(database)
    _check_role(role)
    login, person = login.strip(), (person or "").strip()
    if not login or len(login) > _MAX_IDENTIFIER:
        raise ValidationError(_("A login name has 1 to 63 characters."))
    if len(person) > 200:
        raise ValidationError(_("A person's name is at most 200 characters long."))
    if person and role != "project-lead":
        raise ValidationError(_("--person is for project leads: it names them in their projects' lead field."))
    _check_admin(database)
    with database.transaction() as session:
        exists = session.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :login AND rolcanlogin"), {"login": login}
        ).first()
        if exists is None:
            raise ValidationError(
                _("There is no login named {login!r} on the server; create it first (CREATE ROLE … LOGIN).").format(
                    login=login
                )
            )
        session.execute(text("SELECT ir_grant_role(:login, :role, :person)"),
                        {"login": login, "role": role, "person": person})  # fmt: skip
    return RoleMember(login, role, person)


def revoke(database: Database, login: str) -> None:
    """Take every role of the register from ``login``."""
    _check_shared(database)
    _check_admin(database)
    with database.transaction() as session:
        session.execute(text("SELECT ir_revoke_role(:login)"), {"login": login.strip()})


def members(database: Database) -> list[RoleMember]:
    """Every login with a role in this register, by login name."""
    _check_shared(database)
    with database.reading() as session:
        name = session.execute(text("SELECT current_database()")).scalar_one()
        groups = {group_role(name, role): role for role in ROLES}
        rows = session.execute(
            text(
                "SELECT u.rolname, g.rolname, coalesce(p.person, '') FROM pg_auth_members m "
                "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                "LEFT JOIN lead_logins p ON p.login = u.rolname "
                "WHERE g.rolname = ANY(:groups) AND u.rolcanlogin ORDER BY u.rolname"
            ),
            {"groups": list(groups)},
        ).all()
    return [RoleMember(login, groups[group], person) for login, group, person in rows]
