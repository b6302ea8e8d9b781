"""The register's fixed vocabulary (kinds, stages, RAG values, chart types, field lengths) without any heavy import.

The window needs these names before it shows; keeping them here (standard library only) lets it start without
loading SQLAlchemy, the ORM models or numpy. :mod:`register.model` and :mod:`register.spc` re-export them.
"""

from __future__ import annotations

from register.i18n import N_

NODE_KINDS = ("goal", "primary", "secondary", "project")
#: The node kinds in words (translate with ``register.i18n._`` where shown).
KIND_NAMES = {"goal": N_("goal"), "primary": N_("primary driver"), "secondary": N_("secondary driver"),
              "project": N_("project")}  # fmt: skip
STAGES = ("idea", "planning", "testing", "implementing", "spreading", "sustaining", "closed")
LINK_STRENGTHS = ("strong", "weak")
RAG_VALUES = ("green", "amber", "red")
MEASURE_TYPES = ("outcome", "process", "balancing")
IMPROVEMENT_DIRECTIONS = ("up", "down")
RULE_SETS = ("anhoej", "mdc", "mdc6")  # mdc6: MDC with 6-point shifts and trends

#: The kinds a node of each kind may have as its tree parent (None: a root).
ALLOWED_PARENTS: dict[str, tuple[str | None, ...]] = {
    "goal": (None,),
    "primary": ("goal",),
    "secondary": ("primary",),
    "project": ("secondary", "primary"),
}
#: The kinds a node may be cross-linked to (contributes-to edges).
ALLOWED_LINK_TARGETS: dict[str, tuple[str, ...]] = {
    "project": ("primary", "secondary"),
    "secondary": ("primary",),
}

#: IHI project progress scale.
PROGRESS_SCALE: dict[float, str] = {
    0.5: "Intent to participate",
    1.0: "Team formed",
    1.5: "Planning begun",
    2.0: "Activity but no changes",
    2.5: "Changes tested but no improvement",
    3.0: "Modest improvement",
    3.5: "Improvement",
    4.0: "Significant improvement",
    4.5: "Sustainable improvement",
    5.0: "Outstanding sustainable results",
}

MEETING_STATES = ("planned", "held", "closed")
MEMBER_ROLES = ("chair", "member", "secretary")
ITEM_KINDS = ("decision", "action", "request")
ITEM_STATES = ("open", "done", "dropped")
#: The meeting cycle's names shown to users (translate with ``register.i18n._`` where shown).
MEETING_STATE_NAMES = {"planned": N_("planned"), "held": N_("held"), "closed": N_("closed")}
MEMBER_ROLE_NAMES = {"chair": N_("chair"), "member": N_("member"), "secretary": N_("secretary")}
ITEM_KIND_NAMES = {"decision": N_("decision"), "action": N_("action"), "request": N_("request for help")}
ITEM_STATE_NAMES = {"open": N_("open"), "done": N_("decided/done"), "dropped": N_("dropped")}

#: The role of everyone on a register file (no roles: single user).
LOCAL = "local"
#: The roles of a shared (PostgreSQL) register, from reading only to granting roles (see ``register.roles``).
ROLES = ("viewer", "project-lead", "steering-group", "admin")

#: The chart types :mod:`register.spc` computes.
CHART_TYPES: tuple[str, ...] = ("run", "i", "mr", "xbar", "s", "t", "p", "pp", "c", "u", "up", "g")
#: "mdc" flags shifts and trends of 7 points (NHS default), "mdc6" of 6 (the MDC Excel tool's variant).
MDC_RULE_SETS: frozenset[str] = frozenset({"mdc", "mdc6"})

#: The longest text each limited field holds: the schema's column lengths (:mod:`register.model` builds its
#: columns from these), so that the services and the exchange import refuse the same lengths on SQLite (which
#: would store any length) and PostgreSQL (which refuses).
FIELD_LIMITS: dict[str, int] = {
    "title": 500,
    "lead": 200,
    "unit": 200,
    "author": 200,
    "name": 300,
    "measure unit": 100,
}
