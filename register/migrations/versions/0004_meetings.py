"""The steering-group meeting cycle: meetings, members, the decision log and meeting snapshots.

On PostgreSQL the new tables join what revision 0003 set up: every role reads them, the steering group and
admins write them, a project lead may add decision-log items (a "help needed" becomes a request), and the
database's audit trigger records every change of a meeting, member or item (not of a snapshot: closing the
meeting that stores it is recorded).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("case_number", sa.String(100), nullable=False),
        sa.Column("location", sa.String(300), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    op.create_index("ix_meetings_date", "meetings", ["date"])
    op.create_table(
        "meeting_members",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("meeting_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_members_meeting_id_meetings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_members")),
    )
    op.create_index(op.f("ix_meeting_members_meeting_id"), "meeting_members", ["meeting_id"])
    op.create_table(
        "log_items",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("raised_meeting_id", sa.String(36), nullable=True),
        sa.Column("answered_meeting_id", sa.String(36), nullable=True),
        sa.Column("source_status_id", sa.String(36), nullable=True),
        sa.Column("created", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["raised_meeting_id"], ["meetings.id"],
                                name=op.f("fk_log_items_raised_meeting_id_meetings")),
        sa.ForeignKeyConstraint(["answered_meeting_id"], ["meetings.id"],
                                name=op.f("fk_log_items_answered_meeting_id_meetings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_items")),
    )  # fmt: skip
    op.create_index(op.f("ix_log_items_raised_meeting_id"), "log_items", ["raised_meeting_id"])
    op.create_index(op.f("ix_log_items_answered_meeting_id"), "log_items", ["answered_meeting_id"])
    op.create_index(op.f("ix_log_items_source_status_id"), "log_items", ["source_status_id"], unique=True)
    op.create_table(
        "log_item_nodes",
        sa.Column("item_id", sa.String(36), nullable=False),
        sa.Column("node_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["log_items.id"], name=op.f("fk_log_item_nodes_item_id_log_items")),
        sa.PrimaryKeyConstraint("item_id", "node_id", name=op.f("pk_log_item_nodes")),
    )
    op.create_index(op.f("ix_log_item_nodes_node_id"), "log_item_nodes", ["node_id"])
    op.create_table(
        "meeting_snapshots",
        sa.Column("meeting_id", sa.String(36), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("document", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"],
                                name=op.f("fk_meeting_snapshots_meeting_id_meetings")),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_meeting_snapshots")),
    )  # fmt: skip
    if op.get_bind().dialect.name == "postgresql":
        _shared_register_rights()


#: table -> (entity name in the audit trail, the node the row concerns), added to revision 0003's audit trigger.
AUDITED = {
    "meetings": ("meeting", "NULL"),
    "meeting_members": ("member", "NULL"),
    "log_items": ("log_item", "NULL"),
    "log_item_nodes": ("log_item_node", "row_data ->> 'node_id'"),
}


def _shared_register_rights() -> None:
    """Grants and the audit trigger for the new tables (PostgreSQL; see revision 0003)."""
    from register.roles import ROLES, group_role

    bind = op.get_bind()
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    database = bind.execute(sa.text("SELECT current_database()")).scalar_one()
    q = bind.dialect.identifier_preparer.quote
    qs = q(schema)
    viewer, lead, steering, admin = (q(group_role(database, role)) for role in ROLES)
    # The audit function of 0003 names its tables in two CASE expressions: add the new ones to both.
    definition = bind.execute(sa.text(f"SELECT pg_get_functiondef('{qs}.ir_audit()'::regprocedure)")).scalar_one()
    node_first, entity_first = "WHEN 'register_info' THEN NULL", "WHEN 'register_info' THEN 'register'"
    key_end = "row_data ->> 'login')"
    if node_first not in definition or entity_first not in definition or key_end not in definition:
        raise RuntimeError("The audit trigger of revision 0003 is not as expected; the register was not upgraded.")
    nodes = " ".join(f"WHEN '{table}' THEN {expression}" for table, (_entity, expression) in AUDITED.items())
    entities = " ".join(f"WHEN '{table}' THEN '{entity}'" for table, (entity, _expression) in AUDITED.items())
    definition = definition.replace(node_first, f"{nodes} {node_first}").replace(
        entity_first, f"{entities} {entity_first}"
    )
    definition = definition.replace(key_end, "row_data ->> 'login', row_data ->> 'item_id')")
    op.execute(definition)
    for table in AUDITED:
        op.execute(
            f"CREATE TRIGGER ir_audit AFTER INSERT OR UPDATE OR DELETE ON {qs}.{q(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {qs}.ir_audit()"
        )
    for table in (*AUDITED, "meeting_snapshots"):
        op.execute(f"GRANT SELECT ON {qs}.{q(table)} TO {viewer}, {lead}, {steering}, {admin}")
        op.execute(f"GRANT INSERT, UPDATE, DELETE ON {qs}.{q(table)} TO {steering}, {admin}")
    for table in ("log_items", "log_item_nodes"):
        op.execute(f"GRANT INSERT ON {qs}.{q(table)} TO {lead}")


def downgrade() -> None:
    op.drop_table("meeting_snapshots")  # (PostgreSQL: the triggers and grants go with the tables)
    op.drop_index(op.f("ix_log_item_nodes_node_id"), table_name="log_item_nodes")
    op.drop_table("log_item_nodes")
    op.drop_index(op.f("ix_log_items_source_status_id"), table_name="log_items")
    op.drop_index(op.f("ix_log_items_answered_meeting_id"), table_name="log_items")
    op.drop_index(op.f("ix_log_items_raised_meeting_id"), table_name="log_items")
    op.drop_table("log_items")
    op.drop_index(op.f("ix_meeting_members_meeting_id"), table_name="meeting_members")
    op.drop_table("meeting_members")
    op.drop_index("ix_meetings_date", table_name="meetings")
    op.drop_table("meetings")
