"""SQLModel tables for workshops, the goal tree, the quality compass and the partner matrix.

Money is stored as integer euro cents (BIGINT: up to a billion euro fits, INTEGER would
stop at € 21 million on PostgreSQL); times are timezone-aware UTC (shown in
Europe/Amsterdam). Every table that people edit concurrently carries ``rev``, a row
version used for conflict checks (optimistic locking).
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Optional

from sqlalchemy import BigInteger, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_series_key() -> str:
    return secrets.token_hex(16)


# Tool identifiers and their phases (in order); what people see is in kompas.labels.
TOOLS = ("tree", "compass", "matrix")
PHASES = {
    "tree": ("verzamelen", "ordenen", "stemmen", "resultaat", "gesloten"),
    "compass": ("invullen", "bespreken", "gesloten"),
    "matrix": ("inschatten", "bespreken", "besluiten", "gesloten"),
}
ROLE_GROUPS = ("gemeente", "aanbieder", "inwoner", "anders")
# What became of an action (set in the review of a follow-up session).
ACTION_STATUSES = ("niet gestart", "loopt", "gedaan", "vervallen")


class Workshop(SQLModel, table=True):
    # Never reuse the id of a deleted workshop: pages, caches and push streams know
    # workshops by id (new SQLite databases; PostgreSQL sequences never reuse).
    __table_args__ = {"sqlite_autoincrement": True}
    id: Optional[int] = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, max_length=12)
    title: str
    organisation: str = ""
    theme: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    # The retention period counts from here: creation, or the moment a backup was imported
    # (an import keeps the original created_at). Not part of the JSON export.
    retained_from: datetime = Field(default_factory=utcnow)
    key_hash: str
    version: int = 0  # bumped by every write
    # The version at which each part a screen shows last changed (kompas.live.PARTS), so a
    # vote redraws the votes, not the compass.
    version_workshop: int = 0
    version_participants: int = 0
    version_tree: int = 0
    version_votes: int = 0
    version_compass: int = 0
    version_matrix: int = 0
    version_report: int = 0
    # per tool: phase and a lock that makes it read-only for participants
    phase_tree: str = "verzamelen"
    phase_compass: str = "invullen"
    phase_matrix: str = "inschatten"
    lock_tree: bool = False
    lock_compass: bool = False
    lock_matrix: bool = False
    timer_end: Optional[datetime] = None
    timer_label: str = ""
    # doelenboom voting
    vote_budget: int = 5
    max_votes_per_node: int = 2
    vote_level: str = "effect"  # effect | activity | both
    votes_revealed: bool = False
    # kwaliteitskompas
    compass_open_to_participants: bool = False
    # partnermatrix
    placements_revealed: bool = False
    quadrant_labels: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # the lens of this round (kompas/partners/lenses.py), chosen by the facilitator
    matrix_lens: str = Field(default="invloed_afhankelijkheid", max_length=40)
    scan_revealed: bool = False  # the samenwerkingsscan's group figures shown to everyone
    # verslag
    conclusions: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    open_questions: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # Other decisions the facilitator records, one per line (see kompas/actions.py).
    decisions: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    report_show_names: bool = False
    downloads_open: bool = False
    # Vervolgsessies: every session of a series shares the key (random, set at creation);
    # the number counts the sessions, from 1 (see kompas/series).
    series_key: str = Field(default_factory=new_series_key, index=True, max_length=32)
    series_number: int = 1
    # "Now": the tool the facilitator sends everyone to ('' none yet; otherwise one of TOOLS)
    now_tool: str = ""
    # The session itself, for the first page of the report (all optional).
    session_date: Optional[date] = None
    place: str = ""
    purpose: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    next_session_date: Optional[date] = None
    # Organisations of participants in the report only when the facilitator allows it.
    report_show_organisations: bool = False


class Participant(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    name: str
    role_group: str = "anders"
    organisation: str = ""
    # the language of this participant's screens (kompas.i18n.LANGUAGES)
    language: str = "nl"
    token_hash: str = Field(index=True, unique=True)
    joined_at: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow)
    removed: bool = False
    anonymised: bool = False


# --- Doelenboom -------------------------------------------------------------------------

NODE_KINDS = ("main_goal", "vision", "domain", "effect", "activity")
NODE_STATUSES = ("proposal", "accepted")


class GoalNode(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    parent_id: Optional[int] = Field(default=None, foreign_key="goalnode.id", index=True)
    kind: str = "effect"
    title: str
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    author_id: Optional[int] = Field(
        default=None, foreign_key="participant.id", ondelete="SET NULL"
    )
    status: str = "accepted"  # proposal | accepted
    position: int = 0
    partner_id: Optional[int] = Field(default=None, foreign_key="partner.id", ondelete="SET NULL")
    aliases: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    agreed_priority: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    rev: int = 1


class Vote(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("node_id", "participant_id"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    node_id: int = Field(foreign_key="goalnode.id", index=True, ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    count: int = 1


# --- Kwaliteitskompas -------------------------------------------------------------------


class Ambition(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    title: str
    current_state: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    monitoring: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    position: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    rev: int = 1


class Result(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    ambition_id: Optional[int] = Field(default=None, foreign_key="ambition.id", ondelete="SET NULL")
    title: str
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    goal_node_id: Optional[int] = Field(
        default=None, foreign_key="goalnode.id", ondelete="SET NULL"
    )
    position: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    rev: int = 1


class Activity(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    title: str
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    partner_id: Optional[int] = Field(default=None, foreign_key="partner.id", ondelete="SET NULL")
    budget_cents: Optional[int] = Field(default=None, sa_type=BigInteger)
    quality_method: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    quality_training: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    quality_conditions: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    proven_effective: str = "onbekend"  # ja | deels | nee | onbekend
    goal_node_id: Optional[int] = Field(
        default=None, foreign_key="goalnode.id", ondelete="SET NULL"
    )
    position: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    rev: int = 1


class ActivityResult(SQLModel, table=True):
    """Link activity ↔ result; ``weight`` splits the activity's budget (equal when all 1)."""

    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    result_id: int = Field(foreign_key="result.id", primary_key=True, ondelete="CASCADE")
    weight: float = 1.0


class Indicator(SQLModel, table=True):
    """A result indicator (``result_id``) or an outcome indicator of an activity."""

    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    result_id: Optional[int] = Field(default=None, foreign_key="result.id", ondelete="CASCADE")
    activity_id: Optional[int] = Field(default=None, foreign_key="activity.id", ondelete="CASCADE")
    name: str
    kind: str = "tellen"  # tellen (a number) | vertellen (a story)
    unit: str = ""
    baseline_value: Optional[float] = None
    baseline_year: Optional[int] = None
    target_value: Optional[float] = None
    target_year: Optional[int] = None
    higher_is_better: bool = True
    source: str = ""
    position: int = 0
    rev: int = 1


class Measurement(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True, ondelete="CASCADE")
    value: Optional[float] = None
    story: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    measured_on: date
    source: str = ""
    carried: bool = False  # copied from an earlier session of the series


class Reflection(SQLModel, table=True):
    """Verbetercyclus: per result or activity what goes well, better, next step."""

    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    result_id: Optional[int] = Field(default=None, foreign_key="result.id", ondelete="SET NULL")
    activity_id: Optional[int] = Field(default=None, foreign_key="activity.id", ondelete="SET NULL")
    going_well: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    could_be_better: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    next_step: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    owner: str = ""
    due_date: Optional[date] = None
    status: str = "niet gestart"  # one of ACTION_STATUSES
    status_note: str = ""
    rev: int = 1


# --- Partnermatrix ----------------------------------------------------------------------

PARTNER_KINDS = ("welzijn", "zorg", "jeugd", "onderwijs", "wonen", "overig")
RELATION_TYPES = ("opdrachtgever", "partner", "beide")
INTEREST_KINDS = ("gedeeld", "eigen")
DIRECTIONS = ("omhoog", "omlaag", "links", "rechts", "blijven")


class Partner(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    name: str
    service: str = ""
    kind: str = "overig"
    contract_value_cents: Optional[int] = Field(default=None, sa_type=BigInteger)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    position: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    rev: int = 1
    # Opdrachtgever én partner: the relation now and the one the group wants (RELATION_TYPES,
    # "" = not yet discussed), the explicit roles and agreements, and the lower limit.
    relation_now: str = ""
    relation_desired: str = ""
    roles_agreements: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    good_enough: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Placement(SQLModel, table=True):
    """A participant's estimate, or with ``participant_id`` None the agreed group position."""

    __table_args__ = (UniqueConstraint("partner_id", "participant_id", "lens"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    partner_id: int = Field(foreign_key="partner.id", index=True, ondelete="CASCADE")
    participant_id: Optional[int] = Field(
        default=None, foreign_key="participant.id", ondelete="CASCADE"
    )
    influence: float = 0.5  # 0..1, vertical (the vertical axis of every lens)
    dependency: float = 0.5  # 0..1, horizontal (the horizontal axis of every lens)
    lens: str = Field(default="invloed_afhankelijkheid", max_length=40)
    updated_at: datetime = Field(default_factory=utcnow)


class Direction(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("partner_id", "lens"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    partner_id: int = Field(foreign_key="partner.id", index=True, ondelete="CASCADE")
    direction: str = "blijven"
    rationale: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    action: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    owner: str = ""
    review_date: Optional[date] = None
    status: str = "niet gestart"  # one of ACTION_STATUSES
    status_note: str = ""
    dissent: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_at: datetime = Field(default_factory=utcnow)
    rev: int = 1
    lens: str = Field(default="invloed_afhankelijkheid", max_length=40)


# --- Vervolgsessies (kompas/series) ------------------------------------------------------


class NodeHistory(SQLModel, table=True):
    """What a goal node got in an earlier session of the series: its vote total and
    whether it was an agreed priority (history, not votes)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    node_id: int = Field(foreign_key="goalnode.id", index=True, ondelete="CASCADE")
    series_number: int
    votes: int = 0
    agreed_priority: bool = False


class PartnerHistory(SQLModel, table=True):
    """Where a partner stood in an earlier session of the series: the agreed position,
    the mean of the individual placements and the agreed direction."""

    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    partner_id: int = Field(foreign_key="partner.id", index=True, ondelete="CASCADE")
    series_number: int
    influence: Optional[float] = None  # agreed position; None when none was set
    dependency: Optional[float] = None
    group_influence: Optional[float] = None  # mean of the placements; None without any
    group_dependency: Optional[float] = None
    placements: int = 0
    direction: str = ""  # one of DIRECTIONS, "" when none was agreed


class Interest(SQLModel, table=True):
    """An interest around a partner, added anonymously (no author is kept): shared with the
    others (``gedeeld``) or the partner's own (``eigen``); ``grouping`` is the facilitator's
    heading for interests that belong together."""

    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    partner_id: int = Field(foreign_key="partner.id", index=True, ondelete="CASCADE")
    kind: str = "gedeeld"  # one of INTEREST_KINDS
    text: str = Field(sa_column=Column(Text, nullable=False))
    grouping: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    rev: int = 1


# --- Samenwerkingsscan (strategie, governance, samenwerken) -----------------------------

SCAN_ELEMENTS = ("strategie", "governance", "samenwerken")


class ScanScore(SQLModel, table=True):
    """One participant's score (1–5) for one statement of the scan (kompas/scan.py)."""

    __table_args__ = (UniqueConstraint("participant_id", "statement"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    statement: str = Field(max_length=40)
    score: int = 3
    updated_at: datetime = Field(default_factory=utcnow)


class ScanConclusion(SQLModel, table=True):
    """The facilitator's conclusion per element of the scan, with an optional action."""

    __table_args__ = (UniqueConstraint("workshop_id", "element"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    element: str = "strategie"  # one of SCAN_ELEMENTS
    conclusion: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    action: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    owner: str = ""
    status: str = "niet gestart"  # one of ACTION_STATUSES
    status_note: str = ""
    updated_at: datetime = Field(default_factory=utcnow)
    rev: int = 1
