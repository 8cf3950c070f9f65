"""The JSON back-up's format: its sections, the columns each leaves out, and the limits,
choices and ranges an import checks. The fields of each table come from the models, so a
column added later is exported and imported without changes here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from sqlmodel import SQLModel

from kompas import formats, live, text
from kompas.compass import EFFECTIVENESS, INDICATOR_KINDS
from kompas.i18n import LANGUAGES
from kompas.models import (
    ACTION_STATUSES,
    DIRECTIONS,
    INTEREST_KINDS,
    NODE_KINDS,
    NODE_STATUSES,
    PARTNER_KINDS,
    PHASES,
    RELATION_TYPES,
    ROLE_GROUPS,
    SCAN_ELEMENTS,
    Activity,
    ActivityResult,
    Ambition,
    Direction,
    GoalNode,
    Indicator,
    Interest,
    Measurement,
    NodeHistory,
    Participant,
    Partner,
    PartnerHistory,
    Placement,
    Reflection,
    Result,
    ScanConclusion,
    ScanScore,
    Vote,
)
from kompas.partners.lenses import KnownIds
from kompas.scan import STATEMENT_IDS
from kompas.workshops import VOTE_LEVELS

SCHEMA_VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000  # per table; a real workshop has a few hundred
MAX_INT = 2**53  # every integer must survive a trip through JavaScript and PostgreSQL
MAX_PROBLEMS = 200


@dataclass(frozen=True)
class Section:
    """One table in the document: where it sits and which columns it leaves out."""

    key: str  # "participants" or "compass.results"
    model: type[SQLModel]
    label: str  # Dutch, for messages
    has_id: bool = True


# In insert order: every reference points to an earlier section, except goal_nodes.parent_id.
SECTIONS = (
    Section("participants", Participant, "deelnemer"),
    Section("partners", Partner, "partner"),
    Section("goal_nodes", GoalNode, "onderdeel van de doelenboom"),
    Section("votes", Vote, "stem"),
    Section("compass.ambitions", Ambition, "ambitie"),
    Section("compass.results", Result, "resultaat"),
    Section("compass.activities", Activity, "activiteit"),
    Section(
        "compass.activity_results", ActivityResult, "koppeling activiteit–resultaat", has_id=False
    ),
    Section("compass.indicators", Indicator, "indicator"),
    Section("compass.measurements", Measurement, "meting"),
    Section("compass.reflections", Reflection, "verbeterpunt"),
    Section("placements", Placement, "plaatsing"),
    Section("directions", Direction, "richting"),
    Section("node_history", NodeHistory, "eerdere stemmen (vervolgsessie)"),
    Section("partner_history", PartnerHistory, "eerdere positie (vervolgsessie)"),
    Section("interests", Interest, "belang"),
    Section("scan_scores", ScanScore, "score in de samenwerkingsscan"),
    Section("scan_conclusions", ScanConclusion, "conclusie van de samenwerkingsscan"),
)
SECTION_OF_TABLE = {s.model.__tablename__: s for s in SECTIONS}
COMPASS_KEYS = tuple(s.key.split(".", 1)[1] for s in SECTIONS if s.key.startswith("compass."))
TOP_KEYS = ("schema_version", "workshop") + tuple(
    dict.fromkeys(s.key.split(".", 1)[0] for s in SECTIONS)
)

WORKSHOP_LEFT_OUT = {
    "id",
    "code",
    "key_hash",
    "version",
    "retained_from",
    *live.PART_COLUMNS.values(),
}
LEFT_OUT = {"workshop_id", "token_hash"}
# Participant columns that identify a person, left out of a back-up without names (the one
# participant who chose English is easy to find).
IDENTIFYING = {"name", "organisation", "joined_at", "last_seen", "language"}
PSEUDONYM = "Deelnemer {n}"

# Text limits per column; anything not named gets DEFAULT_LIMIT (short) or LONG_LIMIT.
DEFAULT_LIMIT = 1000
LONG_LIMIT = 20000
LIMITS = {
    "title": text.TITLE_MAX,
    "name": text.TITLE_MAX,
    "organisation": text.NAME_MAX,
    "theme": text.TITLE_MAX,
    "timer_label": 80,
    "role_group": 20,
    "language": 8,
    "service": text.TITLE_MAX,
    "unit": text.NAME_MAX,
    "source": text.TITLE_MAX,
    "owner": text.TITLE_MAX,
    "quadrant_labels": 2000,
    "conclusions": LONG_LIMIT,
    "open_questions": LONG_LIMIT,
    "decisions": LONG_LIMIT,
    "status_note": DEFAULT_LIMIT,
}
ALLOWED = {
    ("workshop", "phase_tree"): PHASES["tree"],
    ("workshop", "phase_compass"): PHASES["compass"],
    ("workshop", "phase_matrix"): PHASES["matrix"],
    ("workshop", "vote_level"): VOTE_LEVELS,
    ("participant", "role_group"): ROLE_GROUPS,
    ("participant", "language"): tuple(LANGUAGES),
    ("direction", "status"): ACTION_STATUSES,
    ("reflection", "status"): ACTION_STATUSES,
    ("goalnode", "kind"): NODE_KINDS,
    ("goalnode", "status"): NODE_STATUSES,
    ("activity", "proven_effective"): EFFECTIVENESS,
    ("indicator", "kind"): INDICATOR_KINDS,
    ("partner", "kind"): PARTNER_KINDS,
    ("direction", "direction"): DIRECTIONS,
    ("partnerhistory", "direction"): ("", *DIRECTIONS),
    # lenses are data (kompas/partners/lenses.py): whatever is registered is allowed
    ("workshop", "matrix_lens"): KnownIds(),
    ("placement", "lens"): KnownIds(),
    ("direction", "lens"): KnownIds(),
    ("partner", "relation_now"): RELATION_TYPES + ("",),
    ("partner", "relation_desired"): RELATION_TYPES + ("",),
    ("interest", "kind"): INTEREST_KINDS,
    ("scanscore", "statement"): STATEMENT_IDS,
    ("scanconclusion", "element"): SCAN_ELEMENTS,
    ("scanconclusion", "status"): ACTION_STATUSES,
}
RANGES = {
    ("workshop", "vote_budget"): (1, 20),
    ("workshop", "max_votes_per_node"): (1, 20),
    ("vote", "count"): (1, 1000),
    ("placement", "influence"): (0.0, 1.0),
    ("placement", "dependency"): (0.0, 1.0),
    ("activityresult", "weight"): (0.0, 1e6),
    ("activity", "budget_cents"): (0, formats.MONEY_MAX_CENTS),
    ("partner", "contract_value_cents"): (0, formats.MONEY_MAX_CENTS),
    ("workshop", "series_number"): (1, 10_000),
    ("nodehistory", "series_number"): (1, 10_000),
    ("nodehistory", "votes"): (0, 1_000_000),
    ("partnerhistory", "series_number"): (1, 10_000),
    ("partnerhistory", "influence"): (0.0, 1.0),
    ("partnerhistory", "dependency"): (0.0, 1.0),
    ("partnerhistory", "group_influence"): (0.0, 1.0),
    ("partnerhistory", "group_dependency"): (0.0, 1.0),
    ("partnerhistory", "placements"): (0, MAX_ROWS),
    ("scanscore", "score"): (1, 5),
}
# Unique together, besides the local id (mirrors the database constraints).
UNIQUE = {
    "vote": ("node_id", "participant_id"),
    "activityresult": ("activity_id", "result_id"),
    "direction": ("partner_id", "lens"),
    "scanscore": ("participant_id", "statement"),
    "scanconclusion": ("element",),
}

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def table_columns(model: type[SQLModel], left_out: set[str]) -> list:
    return [c for c in model.__table__.columns if c.name not in left_out]


def ref_table(column) -> Optional[str]:
    for fk in column.foreign_keys:
        return fk.column.table.name
    return None
