"""Baseline: the schema of Kompas as it was when migrations started (the last schema that
``create_all`` plus the additive "add missing columns" step made).

The tables are defined in :func:`define` rather than as ``op.create_table`` calls, so that
kompas.migrate can also bring a database made before migrations existed up to exactly this
schema (create the missing tables, add the missing columns), stamp it here, and upgrade it
from here like any other. Never change this file: new schema changes are new revisions
(``make migration m="…"``).

Revision ID: 0001
Revises:
Create Date: 2026-11-24

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (the columns use sqlmodel.sql.sqltypes)
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def define(metadata: sa.MetaData) -> sa.MetaData:
    """The baseline tables on ``metadata``."""
    sa.Table(
        "workshop",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("theme", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("retained_from", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("key_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_version", sa.Integer(), nullable=False),
        sa.Column("version_workshop", sa.Integer(), nullable=False),
        sa.Column("version_participants", sa.Integer(), nullable=False),
        sa.Column("version_tree", sa.Integer(), nullable=False),
        sa.Column("version_votes", sa.Integer(), nullable=False),
        sa.Column("version_compass", sa.Integer(), nullable=False),
        sa.Column("version_matrix", sa.Integer(), nullable=False),
        sa.Column("version_report", sa.Integer(), nullable=False),
        sa.Column("phase_tree", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phase_compass", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("phase_matrix", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("lock_tree", sa.Boolean(), nullable=False),
        sa.Column("lock_compass", sa.Boolean(), nullable=False),
        sa.Column("lock_matrix", sa.Boolean(), nullable=False),
        sa.Column("timer_end", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("timer_label", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("vote_budget", sa.Integer(), nullable=False),
        sa.Column("max_votes_per_node", sa.Integer(), nullable=False),
        sa.Column("vote_level", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("votes_revealed", sa.Boolean(), nullable=False),
        sa.Column("compass_open_to_participants", sa.Boolean(), nullable=False),
        sa.Column("placements_revealed", sa.Boolean(), nullable=False),
        sa.Column("quadrant_labels", sa.Text(), nullable=False),
        sa.Column("conclusions", sa.Text(), nullable=False),
        sa.Column("open_questions", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("report_show_names", sa.Boolean(), nullable=False),
        sa.Column("downloads_open", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    sa.Index("ix_workshop_code", metadata.tables["workshop"].c["code"], unique=True)
    sa.Table(
        "ambition",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("current_state", sa.Text(), nullable=False),
        sa.Column("monitoring", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Index("ix_ambition_workshop_id", metadata.tables["ambition"].c["workshop_id"], unique=False)
    sa.Table(
        "participant",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("role_group", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("joined_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_seen", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("anonymised", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Index(
        "ix_participant_token_hash", metadata.tables["participant"].c["token_hash"], unique=True
    )
    sa.Index(
        "ix_participant_workshop_id", metadata.tables["participant"].c["workshop_id"], unique=False
    )
    sa.Table(
        "partner",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("service", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("contract_value_cents", sa.BigInteger(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Index("ix_partner_workshop_id", metadata.tables["partner"].c["workshop_id"], unique=False)
    sa.Table(
        "direction",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("direction", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status_note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("dissent", sa.Text(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["partner_id"], ["partner.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("partner_id"),
    )
    sa.Index(
        "ix_direction_workshop_id", metadata.tables["direction"].c["workshop_id"], unique=False
    )
    sa.Table(
        "goalnode",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("agreed_priority", sa.Boolean(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["participant.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["goalnode.id"],
        ),
        sa.ForeignKeyConstraint(["partner_id"], ["partner.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Index("ix_goalnode_parent_id", metadata.tables["goalnode"].c["parent_id"], unique=False)
    sa.Index("ix_goalnode_workshop_id", metadata.tables["goalnode"].c["workshop_id"], unique=False)
    sa.Table(
        "placement",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("influence", sa.Float(), nullable=False),
        sa.Column("dependency", sa.Float(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["partner_id"], ["partner.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("partner_id", "participant_id"),
    )
    sa.Index("ix_placement_partner_id", metadata.tables["placement"].c["partner_id"], unique=False)
    sa.Index(
        "ix_placement_workshop_id", metadata.tables["placement"].c["workshop_id"], unique=False
    )
    sa.Table(
        "activity",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("budget_cents", sa.BigInteger(), nullable=True),
        sa.Column("quality_method", sa.Text(), nullable=False),
        sa.Column("quality_training", sa.Text(), nullable=False),
        sa.Column("quality_conditions", sa.Text(), nullable=False),
        sa.Column("proven_effective", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("goal_node_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["goal_node_id"], ["goalnode.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["partner_id"], ["partner.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Index("ix_activity_workshop_id", metadata.tables["activity"].c["workshop_id"], unique=False)
    sa.Table(
        "result",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("ambition_id", sa.Integer(), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("goal_node_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["ambition_id"], ["ambition.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["goal_node_id"], ["goalnode.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Index("ix_result_workshop_id", metadata.tables["result"].c["workshop_id"], unique=False)
    sa.Table(
        "vote",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("node_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["node_id"], ["goalnode.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("node_id", "participant_id"),
    )
    sa.Index("ix_vote_node_id", metadata.tables["vote"].c["node_id"], unique=False)
    sa.Index("ix_vote_participant_id", metadata.tables["vote"].c["participant_id"], unique=False)
    sa.Index("ix_vote_workshop_id", metadata.tables["vote"].c["workshop_id"], unique=False)
    sa.Table(
        "activityresult",
        metadata,
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["result_id"], ["result.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("activity_id", "result_id"),
    )
    sa.Table(
        "indicator",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=True),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("baseline_value", sa.Float(), nullable=True),
        sa.Column("baseline_year", sa.Integer(), nullable=True),
        sa.Column("target_value", sa.Float(), nullable=True),
        sa.Column("target_year", sa.Integer(), nullable=True),
        sa.Column("higher_is_better", sa.Boolean(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["result_id"], ["result.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Index(
        "ix_indicator_workshop_id", metadata.tables["indicator"].c["workshop_id"], unique=False
    )
    sa.Table(
        "reflection",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=True),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("going_well", sa.Text(), nullable=False),
        sa.Column("could_be_better", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status_note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["result_id"], ["result.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["workshop_id"], ["workshop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Index(
        "ix_reflection_workshop_id", metadata.tables["reflection"].c["workshop_id"], unique=False
    )
    sa.Table(
        "measurement",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("story", sa.Text(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    sa.Index(
        "ix_measurement_indicator_id",
        metadata.tables["measurement"].c["indicator_id"],
        unique=False,
    )
    return metadata


def upgrade() -> None:
    define(sa.MetaData()).create_all(op.get_bind())


def downgrade() -> None:
    define(sa.MetaData()).drop_all(op.get_bind())
