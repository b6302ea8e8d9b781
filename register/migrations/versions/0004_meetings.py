"""The steering-group meeting cycle: meetings, members, the decision log and meeting snapshots.

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
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


def downgrade() -> None:
    op.drop_table("meeting_snapshots")
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
