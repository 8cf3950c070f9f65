"""The demo series: the demo workshop and its follow-up session two months later, in which
the group has placed the partners again, voted again and started the review."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session, select

from kompas import actions, live
from kompas.demo import create_demo
from kompas.demo_data import PARTICIPANTS
from kompas.models import (
    Direction,
    GoalNode,
    Indicator,
    Measurement,
    Participant,
    Partner,
    Placement,
    Vote,
    Workshop,
    utcnow,
)
from kompas.series import follow_up
from kompas.series.movement import AXIS, OPPOSITE
from kompas.workshops import NewWorkshop, hash_secret, new_secret

# What became of the first actions, in the order of actions.collect (directions first).
STATUSES = (
    ("gedaan", "Subsidie voor vier jaar toegekend."),
    ("loopt", "Eerste gesprek in mei; vervolg gepland."),
    ("niet gestart", "Geen tijd gehad; nieuwe eigenaar nodig."),
    ("vervallen", "Past niet meer na de aanbesteding."),
)


def create_demo_series(db: Session, *, seed: int = 7) -> tuple[NewWorkshop, NewWorkshop]:
    """The demo workshop (session 1) and its follow-up (session 2); a newcomer opens the
    follow-up, which shows the review and the movement of the partners at once."""
    first = create_demo(db, seed=seed)
    old = db.get(Workshop, first.workshop_id)
    old.created_at = old.created_at - timedelta(days=61)  # the first session was earlier
    second = follow_up(db, first.workshop_id)
    rng = random.Random(seed + 1)
    ws = db.get(Workshop, second.workshop_id)
    ws.phase_tree, ws.votes_revealed, ws.vote_level = "stemmen", True, "effect"
    ws.phase_compass, ws.compass_open_to_participants = "bespreken", True
    ws.phase_matrix, ws.placements_revealed = old.phase_matrix, True
    people = []
    for name, role, org in PARTICIPANTS[:7]:
        p = Participant(
            workshop_id=ws.id,
            name=name,
            role_group=role,
            organisation=org,
            token_hash=hash_secret(new_secret()),
        )
        db.add(p)
        people.append(p)
    db.flush()

    partners = list(
        db.exec(select(Partner).where(Partner.workshop_id == ws.id).order_by(Partner.position))
    )
    agreed = {
        p.partner_id: p for p in db.exec(select(Placement).where(Placement.workshop_id == ws.id))
    }
    from_direction = {d.partner_id: d.direction for d in _directions(db, ws.id)}
    # One relation went the other way: the second partner with an agreed direction.
    contrary = [p.id for p in partners if from_direction.get(p.id) in OPPOSITE][1:2]
    for ix, partner in enumerate(partners):
        base = agreed.get(partner.id)
        if base is None:
            continue
        direction = from_direction.get(partner.id, "blijven")
        if partner.id in contrary:
            direction = OPPOSITE[direction]
        di = dd = 0.0
        if direction in AXIS:
            axis, sign = AXIS[direction]
            step = sign * (
                0.03 if ix % 4 == 2 and partner.id not in contrary else 0.15
            )  # every fourth one hardly moved
            di, dd = (step, 0.0) if axis == "influence" else (0.0, step)
        for person in people:
            db.add(
                Placement(
                    workshop_id=ws.id,
                    partner_id=partner.id,
                    participant_id=person.id,
                    influence=_clamp(base.influence + di + rng.uniform(-0.06, 0.06)),
                    dependency=_clamp(base.dependency + dd + rng.uniform(-0.06, 0.06)),
                )
            )
    effects = list(
        db.exec(select(GoalNode).where(GoalNode.workshop_id == ws.id, GoalNode.kind == "effect"))
    )
    for person in people:
        for node in rng.sample(effects, k=min(3, len(effects))):
            db.add(Vote(workshop_id=ws.id, node_id=node.id, participant_id=person.id, count=1))
    db.flush()
    for item, (status, note) in zip(
        [i for i in actions.collect(db, ws.id) if i.status][:4], STATUSES
    ):
        actions.set_status(db, ws.id, item.key, status, note)
    today = utcnow().date()
    for indicator in db.exec(
        select(Indicator)
        .where(Indicator.workshop_id == ws.id, Indicator.kind == "tellen")
        .order_by(Indicator.position, Indicator.id)
        .limit(3)
    ):
        latest = db.exec(
            select(Measurement)
            .where(Measurement.indicator_id == indicator.id, Measurement.value.is_not(None))
            .order_by(Measurement.measured_on.desc())
        ).first()
        if latest is None:
            continue
        better = 1 if indicator.higher_is_better else -1
        db.add(
            Measurement(
                indicator_id=indicator.id,
                value=round(latest.value * (1 + better * 0.05), 1),
                measured_on=date(today.year, today.month, 1),
                source=latest.source,
            )
        )
    live.touch(db, ws.id)
    return first, second


def _directions(db: Session, workshop_id: int):
    return db.exec(select(Direction).where(Direction.workshop_id == workshop_id))


def _clamp(v: float) -> float:
    return round(min(1.0, max(0.0, v)), 3)
