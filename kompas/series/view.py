"""What a follow-up session reads about its series: the sessions, the review (*terugblik*)
of last time, the partners' movement against the agreed direction and their path over all
sessions. Plain data, safe to cache per workshop version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from kompas import actions
from kompas.compass.rules import change_between
from kompas.errors import NotFound
from kompas.models import (
    GoalNode,
    Indicator,
    Measurement,
    NodeHistory,
    Participant,
    Partner,
    PartnerHistory,
    Placement,
    Workshop,
)
from kompas.partners.consensus import Point
from kompas.series.movement import Movement, movement

TRENDS = ("beter", "slechter", "gelijk", "onbekend")  # an indicator since last time


@dataclass(frozen=True)
class SeriesSession:
    workshop_id: int
    code: str
    title: str
    number: int
    created_at: datetime
    participants: int
    current: bool


def series_sessions(db: Session, workshop_id: int) -> tuple[SeriesSession, ...]:
    """The sessions of ``workshop_id``'s series that still exist, in order."""
    workshop = db.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound("Deze workshop bestaat niet (meer).")
    if not workshop.series_key:
        rows = [workshop]
    else:
        rows = list(
            db.execute(
                select(Workshop)
                .where(Workshop.series_key == workshop.series_key)
                .order_by(Workshop.series_number, Workshop.created_at, Workshop.id)
            )
            .scalars()
            .all()
        )
    counts = dict(
        db.execute(
            select(Participant.workshop_id, func.count(Participant.id))
            .where(
                Participant.workshop_id.in_([w.id for w in rows]),
                Participant.removed.is_(False),
            )
            .group_by(Participant.workshop_id)
        ).all()
    )
    return tuple(
        SeriesSession(
            w.id,
            w.code,
            w.title,
            w.series_number,
            w.created_at,
            counts.get(w.id, 0),
            w.id == workshop_id,
        )
        for w in rows
    )


# --- the review ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Priority:
    title: str
    votes: int
    agreed: bool


@dataclass(frozen=True)
class IndicatorTrend:
    indicator_id: int
    name: str
    unit: str
    kind: str
    higher_is_better: bool
    last_time: Optional[tuple[date, Optional[float], str]]  # latest carried measurement
    now: Optional[tuple[date, Optional[float], str]]  # latest measurement of this session
    trend: str  # beter | slechter | gelijk | onbekend

    @property
    def change(self) -> Optional[float]:
        if self.last_time is None or self.now is None:
            return None
        if self.last_time[1] is None or self.now[1] is None:
            return None
        return self.now[1] - self.last_time[1]


@dataclass(frozen=True)
class Review:
    number: int  # this session's number in the series
    previous: Optional[int]  # the number of the session it follows, None for a first session
    actions: tuple  # of actions.ActionItem
    priorities: tuple  # of Priority, last time's, most votes first
    indicators: tuple  # of IndicatorTrend

    @property
    def is_follow_up(self) -> bool:
        return self.previous is not None


def previous_number(db: Session, workshop_id: int) -> Optional[int]:
    numbers = [
        db.execute(
            select(func.max(model.series_number)).where(model.workshop_id == workshop_id)
        ).scalar()
        for model in (NodeHistory, PartnerHistory)
    ]
    known = [n for n in numbers if n is not None]
    return max(known) if known else None


def _trend(indicator: Indicator, before, now) -> str:
    if before is None or now is None or before[1] is None or now[1] is None:
        return "onbekend"
    return change_between(before[1], now[1], indicator.higher_is_better)


def indicator_trends(db: Session, workshop_id: int) -> tuple[IndicatorTrend, ...]:
    indicators = (
        db.execute(
            select(Indicator)
            .where(Indicator.workshop_id == workshop_id)
            .order_by(Indicator.position, Indicator.id)
        )
        .scalars()
        .all()
    )
    measurements = (
        db.execute(
            select(Measurement)
            .where(Measurement.indicator_id.in_([i.id for i in indicators]))
            .order_by(Measurement.measured_on, Measurement.id)
        )
        .scalars()
        .all()
    )
    latest: dict[tuple[int, bool], tuple] = {}
    for m in measurements:  # in date order: the last one wins
        latest[(m.indicator_id, m.carried)] = (m.measured_on, m.value, m.story)
    out = []
    for i in indicators:
        before, now = latest.get((i.id, True)), latest.get((i.id, False))
        out.append(
            IndicatorTrend(
                i.id,
                i.name,
                i.unit,
                i.kind,
                i.higher_is_better,
                before,
                now,
                _trend(i, before, now),
            )
        )
    return tuple(out)


def review(db: Session, workshop_id: int) -> Review:
    """The review that opens a follow-up session (for a first session: no previous)."""
    workshop = db.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound("Deze workshop bestaat niet (meer).")
    previous = previous_number(db, workshop_id)
    priorities: tuple = ()
    if previous is not None:
        rows = db.execute(
            select(GoalNode.title, NodeHistory.votes, NodeHistory.agreed_priority)
            .join(GoalNode, GoalNode.id == NodeHistory.node_id)
            .where(NodeHistory.workshop_id == workshop_id, NodeHistory.series_number == previous)
            .where((NodeHistory.votes > 0) | NodeHistory.agreed_priority.is_(True))
            .order_by(
                NodeHistory.agreed_priority.desc(), NodeHistory.votes.desc(), GoalNode.position
            )
        ).all()
        priorities = tuple(Priority(t, v, bool(a)) for t, v, a in rows)
    return Review(
        workshop.series_number,
        previous,
        tuple(actions.collect(db, workshop_id)),
        priorities,
        indicator_trends(db, workshop_id),
    )


# --- the matrix across sessions ------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    number: int
    agreed: Optional[Point]
    group: Optional[Point]
    direction: str
    current: bool = False


@dataclass(frozen=True)
class PartnerShift:
    partner_id: int
    name: str
    before: Optional[Point]  # last time's agreed position
    direction: str  # last time's agreed direction ("" when none)
    now: Optional[Point]  # where the group puts the partner now (mean of placements)
    placements: int
    agreed_now: Optional[Point]
    movement: Movement
    path: tuple  # of Step, every session of the series, this one last


def _point(influence, dependency) -> Optional[Point]:
    if influence is None or dependency is None:
        return None
    return Point(influence, dependency)


def partner_shifts(db: Session, workshop_id: int) -> tuple[PartnerShift, ...]:
    """Per partner: last time's agreed position and direction beside where the group puts
    it now, the verdict, and the path over all sessions. Empty for a first session."""
    workshop = db.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound("Deze workshop bestaat niet (meer).")
    history: dict[int, list[PartnerHistory]] = {}
    for h in db.execute(
        select(PartnerHistory)
        .where(PartnerHistory.workshop_id == workshop_id)
        .order_by(PartnerHistory.series_number, PartnerHistory.id)
    ).scalars():
        history.setdefault(h.partner_id, []).append(h)
    if not history:
        return ()
    partners = (
        db.execute(
            select(Partner)
            .where(Partner.workshop_id == workshop_id)
            .order_by(Partner.position, Partner.id)
        )
        .scalars()
        .all()
    )
    agreed_now: dict[int, Point] = {}
    marks: dict[int, list[Placement]] = {}
    for p in db.execute(select(Placement).where(Placement.workshop_id == workshop_id)).scalars():
        if p.participant_id is None:
            agreed_now[p.partner_id] = Point(p.influence, p.dependency)
        else:
            marks.setdefault(p.partner_id, []).append(p)
    out = []
    for partner in partners:
        steps = [
            Step(
                h.series_number,
                _point(h.influence, h.dependency),
                _point(h.group_influence, h.group_dependency),
                h.direction,
            )
            for h in history.get(partner.id, [])
        ]
        mine = marks.get(partner.id, [])
        now = (
            Point(
                sum(m.influence for m in mine) / len(mine),
                sum(m.dependency for m in mine) / len(mine),
            )
            if mine
            else None
        )
        last = steps[-1] if steps else None
        before = last.agreed if last else None
        direction = last.direction if last else ""
        steps.append(
            Step(workshop.series_number, agreed_now.get(partner.id), now, "", current=True)
        )
        out.append(
            PartnerShift(
                partner.id,
                partner.name,
                before,
                direction,
                now,
                len(mine),
                agreed_now.get(partner.id),
                movement(direction, before, now),
                tuple(steps),
            )
        )
    return tuple(out)
