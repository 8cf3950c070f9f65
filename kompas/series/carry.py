"""Start a follow-up session (*vervolgsessie*): a new workshop in the same series that
starts where the last one ended.

Carried over: the accepted goal nodes (last time's vote totals and agreed priorities as
history, not as votes), the whole compass (ambitions, results, indicators with all their
measurements, activities, budgets, reflections with their status), the partners with their
agreed positions and directions (status included), the quadrant labels, the decisions and
the open questions. Not carried: participants, individual votes, individual placements,
proposals, conclusions. The original is not changed (except that a workshop from before
series existed gets its series key).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

from kompas import live
from kompas.models import (
    Activity,
    ActivityResult,
    Ambition,
    Direction,
    GoalNode,
    Indicator,
    Interest,
    Measurement,
    NodeHistory,
    Partner,
    PartnerHistory,
    Placement,
    Reflection,
    Result,
    ScanConclusion,
    Vote,
    Workshop,
    new_series_key,
    utcnow,
)
from kompas.partners.lenses import DEFAULT as DEFAULT_LENS
from kompas.workshops import (
    Actor,
    NewWorkshop,
    get_workshop,
    hash_secret,
    new_code,
    new_secret,
    require_facilitator,
)

# Workshop settings a follow-up keeps; phases, locks, timer, reveals and conclusions start anew.
KEPT_SETTINGS = (
    "title",
    "organisation",
    "theme",
    "vote_budget",
    "max_votes_per_node",
    "vote_level",
    "compass_open_to_participants",
    "quadrant_labels",
    "matrix_lens",
    "decisions",
    "open_questions",
    "report_show_names",
    "series_key",
)
NOT_COPIED = {"id", "workshop_id"}


def _copy(row: SQLModel, **changes: object) -> SQLModel:
    model = type(row)
    values = {
        c.name: getattr(row, c.name) for c in model.__table__.columns if c.name not in NOT_COPIED
    }
    values.update(changes)
    return model(**values)


def _by_id(db: Session, model, workshop_id: int) -> list:
    return list(
        db.execute(select(model).where(model.workshop_id == workshop_id).order_by(model.id))
        .scalars()
        .all()
    )


def next_number(db: Session, series_key: str) -> int:
    highest = db.execute(
        select(func.max(Workshop.series_number)).where(Workshop.series_key == series_key)
    ).scalar()
    return (highest or 0) + 1


def follow_up(db: Session, workshop_id: int) -> NewWorkshop:
    """Create the next session of ``workshop_id``'s series; returns its code and the
    facilitator key (shown once, stored as a hash). The caller commits."""
    old = get_workshop(db, workshop_id)
    if not old.series_key:  # a workshop from before series existed
        old.series_key = new_series_key()
    key = new_secret()
    new = Workshop(
        code=new_code(db),
        key_hash=hash_secret(key),
        series_number=next_number(db, old.series_key),
        **{name: getattr(old, name) for name in KEPT_SETTINGS},
    )
    db.add(new)
    db.flush()
    wid = new.id
    now = utcnow()

    partners = {}
    for p in _by_id(db, Partner, workshop_id):
        partners[p.id] = _copy(p, workshop_id=wid)
    db.add_all(partners.values())
    db.flush()
    partner_map = {old_id: p.id for old_id, p in partners.items()}

    nodes = _carry_tree(db, workshop_id, wid, old.series_number, partner_map)
    _carry_compass(db, workshop_id, wid, nodes, partner_map)
    _carry_matrix(db, workshop_id, wid, old.series_number, partner_map, now)
    live.touch(db, wid)
    return NewWorkshop(wid, new.code, key)


def _carry_tree(
    db: Session, old_id: int, wid: int, number: int, partner_map: dict
) -> dict[int, int]:
    """Accepted nodes keep their place (a node under a proposal moves up to the nearest
    accepted ancestor); returns old node id → new node id."""
    rows = _by_id(db, GoalNode, old_id)
    by_id = {n.id: n for n in rows}
    accepted = [n for n in rows if n.status == "accepted"]

    def carried_parent(node: GoalNode):
        parent, seen = node.parent_id, set()
        while parent is not None and parent not in seen:
            seen.add(parent)
            p = by_id.get(parent)
            if p is None or p.status == "accepted":
                return parent
            parent = p.parent_id
        return None

    copies = {
        n.id: _copy(
            n,
            workshop_id=wid,
            parent_id=None,
            author_id=None,
            agreed_priority=False,
            partner_id=partner_map.get(n.partner_id),
        )
        for n in accepted
    }
    db.add_all(copies.values())
    db.flush()
    node_map = {old: c.id for old, c in copies.items()}
    for n in accepted:
        parent = carried_parent(n)
        if parent is not None:
            copies[n.id].parent_id = node_map.get(parent)

    votes = dict(
        db.execute(
            select(Vote.node_id, func.sum(Vote.count))
            .where(Vote.workshop_id == old_id)
            .group_by(Vote.node_id)
        ).all()
    )
    history = [
        _copy(h, workshop_id=wid, node_id=node_map[h.node_id])
        for h in _by_id(db, NodeHistory, old_id)
        if h.node_id in node_map
    ]
    history += [
        NodeHistory(
            workshop_id=wid,
            node_id=node_map[n.id],
            series_number=number,
            votes=int(votes.get(n.id) or 0),
            agreed_priority=n.agreed_priority,
        )
        for n in accepted
    ]
    db.add_all(history)
    db.flush()
    return node_map


def _carry_compass(db: Session, old_id: int, wid: int, nodes: dict, partner_map: dict) -> None:
    ambitions = {a.id: _copy(a, workshop_id=wid) for a in _by_id(db, Ambition, old_id)}
    db.add_all(ambitions.values())
    db.flush()
    results = {
        r.id: _copy(
            r,
            workshop_id=wid,
            ambition_id=ambitions[r.ambition_id].id if r.ambition_id in ambitions else None,
            goal_node_id=nodes.get(r.goal_node_id),
        )
        for r in _by_id(db, Result, old_id)
    }
    activities = {
        a.id: _copy(
            a,
            workshop_id=wid,
            partner_id=partner_map.get(a.partner_id),
            goal_node_id=nodes.get(a.goal_node_id),
        )
        for a in _by_id(db, Activity, old_id)
    }
    db.add_all([*results.values(), *activities.values()])
    db.flush()
    links = db.execute(
        select(ActivityResult).where(ActivityResult.activity_id.in_(list(activities)))
    ).scalars()
    db.add_all(
        ActivityResult(
            activity_id=activities[link.activity_id].id,
            result_id=results[link.result_id].id,
            weight=link.weight,
        )
        for link in list(links)
        if link.result_id in results
    )
    indicators = {
        i.id: _copy(
            i,
            workshop_id=wid,
            result_id=results[i.result_id].id if i.result_id in results else None,
            activity_id=activities[i.activity_id].id if i.activity_id in activities else None,
        )
        for i in _by_id(db, Indicator, old_id)
    }
    db.add_all(indicators.values())
    db.flush()
    measurements = db.execute(
        select(Measurement)
        .where(Measurement.indicator_id.in_(list(indicators)))
        .order_by(Measurement.id)
    ).scalars()
    db.add_all(
        _copy(m, indicator_id=indicators[m.indicator_id].id, carried=True)
        for m in list(measurements)
    )
    db.add_all(
        _copy(
            r,
            workshop_id=wid,
            result_id=results[r.result_id].id if r.result_id in results else None,
            activity_id=activities[r.activity_id].id if r.activity_id in activities else None,
        )
        for r in _by_id(db, Reflection, old_id)
    )
    db.flush()


def _carry_matrix(db: Session, old_id: int, wid: int, number: int, partner_map: dict, now) -> None:
    """Agreed positions and directions of every lens, the interests and the scan's
    conclusions (with their actions); the history of where each partner stood (in the
    default lens, the one the movement is judged in)."""
    placements = _by_id(db, Placement, old_id)
    agreed_all = [p for p in placements if p.participant_id is None]
    agreed = {p.partner_id: p for p in agreed_all if p.lens == DEFAULT_LENS}
    individual = defaultdict(list)
    for p in placements:
        if p.participant_id is not None and p.lens == DEFAULT_LENS:
            individual[p.partner_id].append(p)
    directions_all = _by_id(db, Direction, old_id)
    directions = {d.partner_id: d for d in directions_all if d.lens == DEFAULT_LENS}
    db.add_all(
        _copy(p, workshop_id=wid, partner_id=partner_map[p.partner_id], updated_at=now)
        for p in agreed_all
    )
    db.add_all(
        _copy(d, workshop_id=wid, partner_id=partner_map[d.partner_id]) for d in directions_all
    )
    db.add_all(
        _copy(i, workshop_id=wid, partner_id=partner_map[i.partner_id])
        for i in _by_id(db, Interest, old_id)
        if i.partner_id in partner_map
    )
    db.add_all(_copy(c, workshop_id=wid) for c in _by_id(db, ScanConclusion, old_id))
    history = [
        _copy(h, workshop_id=wid, partner_id=partner_map[h.partner_id])
        for h in _by_id(db, PartnerHistory, old_id)
        if h.partner_id in partner_map
    ]
    for old_partner, new_partner in partner_map.items():
        a, marks, d = agreed.get(old_partner), individual[old_partner], directions.get(old_partner)
        history.append(
            PartnerHistory(
                workshop_id=wid,
                partner_id=new_partner,
                series_number=number,
                influence=a.influence if a else None,
                dependency=a.dependency if a else None,
                group_influence=sum(m.influence for m in marks) / len(marks) if marks else None,
                group_dependency=sum(m.dependency for m in marks) / len(marks) if marks else None,
                placements=len(marks),
                direction=d.direction if d else "",
            )
        )
    db.add_all(history)
    db.flush()


def start_follow_up(db: Session, *, actor: Actor) -> NewWorkshop:
    """The facilitator starts the next session of their workshop's series."""
    workshop = require_facilitator(db, actor)
    return follow_up(db, workshop.id)
