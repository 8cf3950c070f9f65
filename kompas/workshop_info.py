"""What pages and reports read about a workshop: its settings, phases and locks, and its
participants, as plain data that is safe to cache and share between viewers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from kompas.errors import NotFound
from kompas.labels import DEFAULT_QUADRANTS
from kompas.models import ROLE_GROUPS, TOOLS, Participant, Workshop


def phase_of(workshop: Workshop, tool: str) -> str:
    return getattr(workshop, f"phase_{tool}")


def is_locked(workshop: Workshop, tool: str) -> bool:
    return bool(getattr(workshop, f"lock_{tool}"))


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    name: str
    role_group: str
    organisation: str
    joined_at: datetime
    last_seen: datetime
    removed: bool
    anonymised: bool
    language: str = "nl"


@dataclass(frozen=True)
class WorkshopInfo:
    id: int
    code: str
    title: str
    organisation: str
    theme: str
    created_at: datetime
    retained_from: datetime
    version: int
    phases: dict
    locks: dict
    timer_end: Optional[datetime]
    timer_label: str
    vote_budget: int
    max_votes_per_node: int
    vote_level: str
    votes_revealed: bool
    placements_revealed: bool
    compass_open_to_participants: bool
    report_show_names: bool
    downloads_open: bool
    quadrant_labels: tuple
    conclusions: str
    open_questions: str
    participants: tuple  # of ParticipantRow, removed ones included
    now_tool: str = ""  # the tool the facilitator has set as "now" ('' none)
    session_date: Optional[date] = None
    place: str = ""
    purpose: str = ""
    next_session_date: Optional[date] = None
    report_show_organisations: bool = False
    decisions: str = ""

    @property
    def active_participants(self) -> list[ParticipantRow]:
        return [p for p in self.participants if not p.removed]

    def count_by_role(self) -> dict[str, int]:
        counts = {role: 0 for role in ROLE_GROUPS}
        for p in self.active_participants:
            counts[p.role_group] = counts.get(p.role_group, 0) + 1
        return counts


def quadrant_labels(workshop: Workshop) -> tuple[str, str, str, str]:
    """Top-left, top-right, bottom-left, bottom-right."""
    try:
        labels = json.loads(workshop.quadrant_labels or "[]")
    except ValueError:
        labels = []
    if not (
        isinstance(labels, list) and len(labels) == 4 and all(isinstance(x, str) for x in labels)
    ):
        labels = list(DEFAULT_QUADRANTS)
    return tuple(labels)  # type: ignore[return-value]


def workshop_info(db: Session, workshop_id: int) -> WorkshopInfo:
    w = db.get(Workshop, workshop_id)
    if w is None:
        raise NotFound("Deze workshop bestaat niet (meer).")
    people = (
        db.execute(
            select(Participant)
            .where(Participant.workshop_id == workshop_id)
            .order_by(Participant.id)
        )
        .scalars()
        .all()
    )
    return WorkshopInfo(
        id=w.id,
        code=w.code,
        title=w.title,
        organisation=w.organisation,
        theme=w.theme,
        created_at=w.created_at,
        retained_from=w.retained_from,
        version=w.version,
        phases={t: phase_of(w, t) for t in TOOLS},
        locks={t: is_locked(w, t) for t in TOOLS},
        timer_end=w.timer_end,
        timer_label=w.timer_label,
        vote_budget=w.vote_budget,
        max_votes_per_node=w.max_votes_per_node,
        vote_level=w.vote_level,
        votes_revealed=w.votes_revealed,
        placements_revealed=w.placements_revealed,
        compass_open_to_participants=w.compass_open_to_participants,
        report_show_names=w.report_show_names,
        downloads_open=w.downloads_open,
        quadrant_labels=quadrant_labels(w),
        conclusions=w.conclusions,
        open_questions=w.open_questions,
        participants=tuple(
            ParticipantRow(
                p.id,
                p.name,
                p.role_group,
                p.organisation,
                p.joined_at,
                p.last_seen,
                p.removed,
                p.anonymised,
                p.language,
            )
            for p in people
        ),
        now_tool=w.now_tool if w.now_tool in TOOLS else "",
        session_date=w.session_date,
        place=w.place,
        purpose=w.purpose,
        next_session_date=w.next_session_date,
        report_show_organisations=w.report_show_organisations,
        decisions=w.decisions,
    )


@dataclass(frozen=True)
class WorkshopListing:
    code: str
    title: str
    created_at: datetime
    participants: int


def list_workshops(db: Session) -> list[WorkshopListing]:
    counts = (
        select(Participant.workshop_id, func.count(Participant.id).label("n"))
        .where(Participant.removed == False)  # noqa: E712
        .group_by(Participant.workshop_id)
        .subquery()
    )
    rows = db.execute(
        select(Workshop.code, Workshop.title, Workshop.created_at, counts.c.n)
        .outerjoin(counts, counts.c.workshop_id == Workshop.id)
        .order_by(Workshop.created_at, Workshop.id)
    ).all()
    return [WorkshopListing(r.code, r.title, r.created_at, r.n or 0) for r in rows]
