"""Consensus figures of the partner matrix: the mean and spread of the individual
placements per partner, per role group, and the order of disagreement."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from kompas.models import Participant, Partner, Placement
from kompas.partners.lenses import DEFAULT
from kompas.workshops import MIN_GROUP


@dataclass(frozen=True)
class Point:
    influence: float  # vertical, 0..1
    dependency: float  # horizontal, 0..1


@dataclass(frozen=True)
class GroupFigures:
    role_group: str
    count: int
    mean: Point
    spread: float


@dataclass(frozen=True)
class Consensus:
    """Figures of the placements of one partner.

    ``spread`` is the mean Euclidean distance of the placements to their mean point, in
    axis units (0 = everyone agrees, about 0.7 at most). ``sd_influence`` and
    ``sd_dependency`` are population standard deviations per axis, to see on which axis
    people differ. ``groups`` holds role groups with at least ``MIN_GROUP`` placements
    (and only when the rest is empty or also at least ``MIN_GROUP``, so nobody's position
    can be worked out by subtraction)."""

    partner_id: int
    count: int
    mean: Optional[Point]
    spread: float
    sd_influence: float
    sd_dependency: float
    groups: tuple = ()


def consensus(
    partner_id: int, points: list[tuple[float, float]], roles: list[str] | None = None
) -> Consensus:
    """Figures for one partner from ``(influence, dependency)`` pairs; ``roles`` gives
    each pair's role group (same order) for the per-group figures."""
    if not points:
        return Consensus(partner_id, 0, None, 0.0, 0.0, 0.0, ())
    mean, spread = _mean_spread(points)
    sd_i = statistics.pstdev(p[0] for p in points)
    sd_d = statistics.pstdev(p[1] for p in points)
    groups = []
    if roles is not None:
        by_role: dict[str, list[tuple[float, float]]] = {}
        for role, point in zip(roles, points):
            by_role.setdefault(role, []).append(point)
        for role in sorted(by_role):
            members = by_role[role]
            rest = len(points) - len(members)
            if len(members) >= MIN_GROUP and (rest == 0 or rest >= MIN_GROUP):
                g_mean, g_spread = _mean_spread(members)
                groups.append(GroupFigures(role, len(members), g_mean, g_spread))
    return Consensus(partner_id, len(points), mean, spread, sd_i, sd_d, tuple(groups))


def _mean_spread(points: list[tuple[float, float]]) -> tuple[Point, float]:
    mi = sum(p[0] for p in points) / len(points)
    md = sum(p[1] for p in points) / len(points)
    spread = sum(math.hypot(p[0] - mi, p[1] - md) for p in points) / len(points)
    return Point(mi, md), spread


def by_disagreement(figures: list[Consensus], names: dict[int, str]) -> tuple[Consensus, ...]:
    """Largest spread first; partners with fewer than two placements last (no spread
    to speak of), ties by name."""
    return tuple(
        sorted(
            figures,
            key=lambda c: (c.count < 2, -round(c.spread, 9), names.get(c.partner_id, "").lower()),
        )
    )


def individual_placements(db: Session, workshop_id: int, lens: str = DEFAULT):
    """(partner id, participant id, role group, influence, dependency) of every
    individual placement in ``lens`` by a participant who has not been removed."""
    return db.execute(
        select(
            Placement.partner_id,
            Placement.participant_id,
            Participant.role_group,
            Placement.influence,
            Placement.dependency,
        )
        .join(Participant, Participant.id == Placement.participant_id)
        .where(
            Placement.workshop_id == workshop_id,
            Placement.lens == lens,
            Participant.removed == False,  # noqa: E712
        )
        .order_by(Placement.partner_id, Placement.influence, Placement.dependency)
    ).all()


def figures_by_partner(db: Session, workshop_id: int, lens: str = DEFAULT) -> dict[int, Consensus]:
    partner_ids = (
        db.execute(select(Partner.id).where(Partner.workshop_id == workshop_id)).scalars().all()
    )
    points: dict[int, list] = {pid: [] for pid in partner_ids}
    roles: dict[int, list] = {pid: [] for pid in partner_ids}
    for r in individual_placements(db, workshop_id, lens):
        if r.partner_id in points:
            points[r.partner_id].append((r.influence, r.dependency))
            roles[r.partner_id].append(r.role_group)
    return {pid: consensus(pid, points[pid], roles[pid]) for pid in partner_ids}
