"""Chart settings: a measure's rule set, baseline and order; excluded observations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("measures") as batch:
        batch.add_column(sa.Column("rules", sa.String(8), nullable=False, server_default="anhoej"))
        batch.add_column(sa.Column("baseline", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("observations") as batch:
        batch.add_column(sa.Column("excluded", sa.Boolean(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("exclude_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("observations") as batch:
        batch.drop_column("exclude_reason")
        batch.drop_column("excluded")
    with op.batch_alter_table("measures") as batch:
        batch.drop_column("position")
        batch.drop_column("baseline")
        batch.drop_column("rules")
