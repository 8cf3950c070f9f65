"""Vervolgsessies (kompas.series): what a follow-up carries and what not, the review, the
movement against the agreed direction, retention and the JSON round trip of a series."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import func, select

from kompas import actions, compass, series, summary, workshops
from kompas.db import reading, writing
from kompas.demo import create_demo
from kompas.errors import InvalidInput, NotAllowed
from kompas.export.json_io import export_document, import_document
from kompas.models import (
    Activity,
    ActivityResult,
    Ambition,
    Direction,
    GoalNode,
    Indicator,
    Measurement,
    NodeHistory,
    Participant,
    Partner,
    PartnerHistory,
    Placement,
    Reflection,
    Result,
    Vote,
    Workshop,
    utcnow,
)
from kompas.partners.consensus import Point
from kompas.workshops import Actor

pytestmark = pytest.mark.postgres


def _count(db, model, wid):
    return db.execute(
        select(func.count()).select_from(model).where(model.workshop_id == wid)
    ).scalar()


def _measurements(db, wid):
    return db.execute(
        select(func.count())
        .select_from(Measurement)
        .join(Indicator, Indicator.id == Measurement.indicator_id)
        .where(Indicator.workshop_id == wid)
    ).scalar()


@pytest.fixture
def demo(engine):
    with writing(engine) as db:
        new = create_demo(db)
    return engine, new.workshop_id


def _snapshot(db, wid) -> dict:
    doc = export_document(db, wid, with_names=True)
    return {k: v for k, v in doc.items()}


def test_follow_up_carries_the_session_and_not_the_people(demo):
    engine, wid = demo
    with reading(engine) as db:
        before = _snapshot(db, wid)
    with writing(engine) as db:
        new = series.follow_up(db, wid)
    assert new.workshop_id != wid and len(new.code) == 6 and new.facilitator_key
    with reading(engine) as db:
        old, ws = db.get(Workshop, wid), db.get(Workshop, new.workshop_id)
        assert ws.series_key == old.series_key and ws.series_number == old.series_number + 1
        assert (ws.title, ws.decisions, ws.quadrant_labels, ws.open_questions) == (
            old.title,
            old.decisions,
            old.quadrant_labels,
            old.open_questions,
        )
        assert ws.phase_tree == "verzamelen" and not ws.placements_revealed
        assert ws.conclusions == ""
        n = new.workshop_id
        # not carried: participants, votes, individual placements, proposals
        assert _count(db, Participant, n) == 0 and _count(db, Vote, n) == 0
        assert all(
            p.participant_id is None
            for p in db.scalars(select(Placement).where(Placement.workshop_id == n))
        )
        accepted = db.execute(
            select(func.count())
            .select_from(GoalNode)
            .where(GoalNode.workshop_id == wid, GoalNode.status == "accepted")
        ).scalar()
        assert _count(db, GoalNode, n) == accepted
        assert not any(
            g.agreed_priority for g in db.scalars(select(GoalNode).where(GoalNode.workshop_id == n))
        )
        # carried: compass, partners, agreed positions, directions, history
        for model in (Ambition, Result, Activity, Indicator, Reflection, Partner, Direction):
            assert _count(db, model, n) == _count(db, model, wid), model.__name__
        assert _measurements(db, n) == _measurements(db, wid)
        assert (
            db.execute(
                select(func.count())
                .select_from(ActivityResult)
                .join(Activity, Activity.id == ActivityResult.activity_id)
                .where(Activity.workshop_id == n)
            ).scalar()
            == db.execute(
                select(func.count())
                .select_from(ActivityResult)
                .join(Activity, Activity.id == ActivityResult.activity_id)
                .where(Activity.workshop_id == wid)
            ).scalar()
        )
        # only agreed positions travel: one per partner per lens, as many as there were
        agreed_before = db.execute(
            select(func.count())
            .select_from(Placement)
            .where(Placement.workshop_id == wid, Placement.participant_id.is_(None))
        ).scalar()
        assert _count(db, Placement, n) == agreed_before >= _count(db, Partner, wid)
        budgets = lambda w: sorted(  # noqa: E731
            a.budget_cents or 0
            for a in db.scalars(select(Activity).where(Activity.workshop_id == w))
        )
        assert budgets(n) == budgets(wid)
        # history: last time's vote totals and agreed priorities
        history = {
            db.get(GoalNode, h.node_id).title: h
            for h in db.scalars(select(NodeHistory).where(NodeHistory.workshop_id == n))
        }
        old_votes = dict(
            db.execute(
                select(GoalNode.title, func.sum(Vote.count))
                .join(Vote, Vote.node_id == GoalNode.id)
                .where(GoalNode.workshop_id == wid)
                .group_by(GoalNode.title)
            ).all()
        )
        assert {t: h.votes for t, h in history.items() if h.votes} == old_votes
        assert {t for t, h in history.items() if h.agreed_priority} == {
            g.title
            for g in db.scalars(
                select(GoalNode).where(GoalNode.workshop_id == wid, GoalNode.agreed_priority)
            )
        }
        assert _count(db, PartnerHistory, n) == _count(db, Partner, wid)
        # the original is unchanged
        assert _snapshot(db, wid) == before


def test_statuses_and_actions_travel(demo):
    engine, wid = demo
    with writing(engine) as db:
        key = actions.collect(db, wid)[0].key
        actions.set_status(db, wid, key, "loopt", "Eerste gesprek gevoerd")
    with writing(engine) as db:
        new = series.follow_up(db, wid)
    with reading(engine) as db:
        old_items = actions.collect(db, wid)
        new_items = actions.collect(db, new.workshop_id)
    strip = lambda items: [
        (i.source, i.action, i.about, i.owner, i.due, i.status, i.status_note) for i in items
    ]  # noqa: E731
    assert strip(new_items) == strip(old_items)
    assert new_items[0].status == "loopt" and new_items[0].status_note == "Eerste gesprek gevoerd"


def test_review_statuses_are_the_facilitators(demo):
    engine, wid = demo
    with writing(engine) as db:
        new = series.follow_up(db, wid)
    boss = Actor(new.workshop_id, None, True)
    with reading(engine) as db:
        items = series.review(db, new.workshop_id).actions
    key = next(i.key for i in items if i.source == "cyclus")
    for status in ("gedaan", "loopt", "niet gestart", "vervallen"):
        with writing(engine) as db:
            series.set_action_status(db, actor=boss, key=key, status=status, note=f"nu {status}")
        with reading(engine) as db:
            item = next(i for i in series.review(db, new.workshop_id).actions if i.key == key)
        assert (item.status, item.status_note) == (status, f"nu {status}")
    with writing(engine) as db, pytest.raises(InvalidInput):
        series.set_action_status(db, actor=boss, key=key, status="klaar")
    with writing(engine) as db, pytest.raises(InvalidInput):
        series.set_action_status(db, actor=boss, key="vraag:1", status="gedaan")
    with writing(engine) as db:
        actor, _ = workshops.join_workshop(db, code=new.code, name="Anna", role_group="inwoner")
    with writing(engine) as db, pytest.raises(NotAllowed):
        series.set_action_status(db, actor=actor, key=key, status="gedaan")
    # the original keeps its own status
    with reading(engine) as db:
        original = {i.action: i.status for i in actions.collect(db, wid)}
        assert set(original.values()) <= {"niet gestart", ""}


def test_review_shows_priorities_and_indicator_trend(demo):
    engine, wid = demo
    with writing(engine) as db:
        new = series.follow_up(db, wid)
    boss = Actor(new.workshop_id, None, True)
    with reading(engine) as db:
        rev = series.review(db, new.workshop_id)
        first = series.review(db, wid)
    assert not first.is_follow_up and first.priorities == ()
    assert rev.is_follow_up and rev.previous == 1 and rev.number == 2
    assert rev.priorities[0].agreed and rev.priorities[0].votes > 0
    counted = next(t for t in rev.indicators if t.kind == "tellen" and t.last_time is not None)
    assert counted.now is None and counted.trend == "onbekend"
    better = counted.last_time[1] + (1 if counted.higher_is_better else -1)
    with writing(engine) as db:
        compass.add_measurement(
            db,
            actor=boss,
            indicator_id=counted.indicator_id,
            measured_on=date.today(),
            value=better,
        )
    with reading(engine) as db:
        after = next(
            t
            for t in series.review(db, new.workshop_id).indicators
            if t.indicator_id == counted.indicator_id
        )
    assert after.trend == "beter" and after.change == pytest.approx(better - counted.last_time[1])


P = Point(0.5, 0.5)


@pytest.mark.parametrize(
    "agreed, now, moved, verdict",
    [
        ("omhoog", Point(0.7, 0.5), "omhoog", "zoals_afgesproken"),
        ("omhoog", Point(0.3, 0.5), "omlaag", "andere_kant_op"),
        ("omlaag", Point(0.3, 0.52), "omlaag", "zoals_afgesproken"),
        ("omlaag", Point(0.65, 0.5), "omhoog", "andere_kant_op"),
        ("rechts", Point(0.5, 0.8), "rechts", "zoals_afgesproken"),
        ("rechts", Point(0.5, 0.2), "links", "andere_kant_op"),
        ("links", Point(0.45, 0.3), "links", "zoals_afgesproken"),
        ("links", Point(0.5, 0.6), "rechts", "andere_kant_op"),
        ("omhoog", Point(0.52, 0.48), "blijven", "niet_bewogen"),
        ("links", Point(0.8, 0.5), "omhoog", "zijwaarts"),
        ("blijven", Point(0.53, 0.47), "blijven", "zoals_afgesproken"),
        ("blijven", Point(0.5, 0.2), "links", "bewogen"),
        ("", Point(0.9, 0.5), "omhoog", "onbekend"),
    ],
)
def test_movement_against_the_agreed_direction(agreed, now, moved, verdict):
    m = series.movement(agreed, P, now)
    assert (m.moved, m.verdict) == (moved, verdict)


def test_movement_without_a_position_is_unknown():
    assert series.movement("omhoog", None, P).verdict == "onbekend"
    assert series.movement("omhoog", P, None).verdict == "onbekend"


def test_partner_shifts_compare_last_time_with_the_new_placements(demo):
    engine, wid = demo
    with writing(engine) as db:
        new = series.follow_up(db, wid)
    with reading(engine) as db:
        shifts = series.partner_shifts(db, new.workshop_id)
        assert series.partner_shifts(db, wid) == ()
    target = next(s for s in shifts if s.direction == "omhoog")
    assert target.now is None and target.movement.verdict == "onbekend"
    assert [s.number for s in target.path] == [1, 2] and target.path[-1].current
    with writing(engine) as db:
        actor, _ = workshops.join_workshop(db, code=new.code, name="Bo", role_group="gemeente")
    from kompas import partners

    with writing(engine) as db:
        partners.place_partner(
            db,
            actor=actor,
            partner_id=target.partner_id,
            influence=min(1.0, target.before.influence + 0.2),
            dependency=target.before.dependency,
        )
    with reading(engine) as db:
        moved = next(
            s
            for s in series.partner_shifts(db, new.workshop_id)
            if s.partner_id == target.partner_id
        )
    assert moved.movement.verdict == "zoals_afgesproken" and moved.placements == 1


def test_series_sessions_and_cli_numbering(demo):
    engine, wid = demo
    with writing(engine) as db:
        second = series.follow_up(db, wid)
    with writing(engine) as db:
        third = series.follow_up(db, second.workshop_id)
    with reading(engine) as db:
        sessions = series.series_sessions(db, third.workshop_id)
    assert [s.number for s in sessions] == [1, 2, 3]
    assert [s.code for s in sessions][1:] == [second.code, third.code]
    assert sessions[0].participants == 8 and sessions[2].participants == 0
    assert [s.current for s in sessions] == [False, False, True]


def test_only_the_facilitator_starts_a_follow_up(make_workshop, engine):
    ws = make_workshop()
    anna = ws.join("Anna")
    with writing(engine) as db, pytest.raises(NotAllowed):
        series.start_follow_up(db, actor=anna)
    with writing(engine) as db:
        new = series.start_follow_up(db, actor=ws.facilitator)
    with reading(engine) as db:
        assert db.get(Workshop, new.workshop_id).series_number == 2


def test_retention_counts_from_the_latest_session(engine, make_workshop):
    old = make_workshop(title="Oud traject")
    alone = make_workshop(title="Los en oud")
    long_ago = utcnow() - timedelta(days=400)
    with writing(engine) as db:
        for wid in (old.id, alone.id):
            db.get(Workshop, wid).retained_from = long_ago
        new = series.follow_up(db, old.id)
    with writing(engine) as db:
        assert workshops.series_retained_from(db, old.id) > long_ago + timedelta(days=300)
        purged = workshops.purge_expired(db, retention_days=365)
    assert purged == [alone.code]
    with writing(engine) as db:
        db.get(Workshop, new.workshop_id).retained_from = long_ago
    with writing(engine) as db:
        assert sorted(workshops.purge_expired(db, retention_days=365)) == sorted(
            [old.code, new.code]
        )


def test_a_series_round_trips_through_json(demo):
    engine, wid = demo
    with writing(engine) as db:
        second = series.follow_up(db, wid)
    with reading(engine) as db:
        docs = [export_document(db, w, with_names=True) for w in (wid, second.workshop_id)]
    assert docs[1]["workshop"]["series_key"] == docs[0]["workshop"]["series_key"]
    assert docs[1]["node_history"] and docs[1]["partner_history"]
    with writing(engine) as db:
        restored = [import_document(db, doc) for doc in docs]
    with reading(engine) as db:
        again = [export_document(db, r.workshop_id, with_names=True) for r in restored]
        assert again == docs
        shape = lambda w: [  # noqa: E731
            (s.name, s.before, s.direction, s.movement, [(p.number, p.agreed) for p in s.path])
            for s in series.partner_shifts(db, w)
        ]
        assert shape(restored[1].workshop_id) == shape(second.workshop_id)
        numbers = [s.number for s in series.series_sessions(db, restored[1].workshop_id)]
    assert sorted(numbers) == [1, 1, 2, 2]  # the originals and the restored copies


carried_models = (Ambition, Result, Activity, Indicator, Reflection, Partner, Direction)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    statuses=st.lists(
        st.sampled_from(("gedaan", "loopt", "niet gestart", "vervallen")), max_size=4
    ),
    extra_votes=st.integers(0, 3),
    depth=st.integers(1, 3),
)
def test_a_follow_up_of_a_follow_up_keeps_everything_carried(engine, statuses, extra_votes, depth):
    with writing(engine) as db:
        wid = create_demo(db).workshop_id
    chain = [wid]
    for step in range(depth):
        current = chain[-1]
        with writing(engine) as db:
            items = [i for i in actions.collect(db, current) if i.status]
            for item, status in zip(items, statuses):
                actions.set_status(db, current, item.key, status, f"stap {step}")
            if extra_votes:
                actor, _ = workshops.join_workshop(
                    db, code=db.get(Workshop, current).code, name="Kim", role_group="anders"
                )
                node = db.scalars(
                    select(GoalNode).where(
                        GoalNode.workshop_id == current, GoalNode.kind == "effect"
                    )
                ).first()
                db.add(
                    Vote(
                        workshop_id=current,
                        node_id=node.id,
                        participant_id=actor.participant_id,
                        count=extra_votes,
                    )
                )
        with writing(engine) as db:
            chain.append(series.follow_up(db, current).workshop_id)
    with reading(engine) as db:
        last, before = chain[-1], chain[-2]
        for model in carried_models:
            assert _count(db, model, last) == _count(db, model, wid)
        assert _measurements(db, last) == _measurements(db, wid)
        strip = lambda w: [(i.action, i.status, i.status_note) for i in actions.collect(db, w)]  # noqa: E731
        assert strip(last) == strip(before)
        # history: one row per carried node and per partner for every earlier session
        nodes, partners_n = _count(db, GoalNode, last), _count(db, Partner, last)
        assert _count(db, NodeHistory, last) == nodes * depth
        assert _count(db, PartnerHistory, last) == partners_n * depth
        numbers = sorted(
            set(
                db.scalars(select(NodeHistory.series_number).where(NodeHistory.workshop_id == last))
            )
        )
        assert numbers == list(range(1, depth + 1))
        # earlier history is kept exactly
        prev_hist = sorted(
            (db.get(GoalNode, h.node_id).title, h.series_number, h.votes, h.agreed_priority)
            for h in db.scalars(select(NodeHistory).where(NodeHistory.workshop_id == before))
        )
        last_hist = sorted(
            (db.get(GoalNode, h.node_id).title, h.series_number, h.votes, h.agreed_priority)
            for h in db.scalars(
                select(NodeHistory).where(
                    NodeHistory.workshop_id == last, NodeHistory.series_number < depth
                )
            )
        )
        assert last_hist == prev_hist


def test_the_report_of_a_follow_up_has_since_last_time(engine):
    from kompas.demo_series import create_demo_series
    from kompas.export import export_bytes

    with writing(engine) as db:
        first, second = create_demo_series(db)
    with reading(engine) as db:
        assert summary.build(db, first.workshop_id).section("since_last_time") is None
        report = summary.build(db, second.workshop_id)
        section = report.section("since_last_time")
        tables = {b.name: b for b in section.blocks if hasattr(b, "rows")}
        actions_table = tables["Acties sinds vorige keer"]
        assert {r[4] for r in actions_table.rows} >= {"gedaan", "loopt", "vervallen"}
        verdicts = {r[-1] for r in tables["Partners sinds vorige keer"].rows}
        assert {"Zoals afgesproken", "Juist de andere kant op"} <= verdicts
        assert any(r[3] == "Beter" for r in tables["Indicatoren sinds vorige keer"].rows)
        md = export_bytes(db, second.workshop_id, "md").decode()
        assert "Sinds vorige keer" in md and "Juist de andere kant op" in md
        for fmt in ("docx", "xlsx", "pdf"):
            assert len(export_bytes(db, second.workshop_id, fmt)) > 1000


def test_a_workshop_from_before_series_gets_a_key_and_a_child_of_a_proposal_moves_up(
    engine, make_workshop
):
    ws = make_workshop(title="Van vroeger")
    with writing(engine) as db:
        row = db.get(Workshop, ws.id)
        row.series_key = ""  # as a database from before the series columns has it
        main = db.execute(
            select(GoalNode).where(GoalNode.workshop_id == ws.id, GoalNode.kind == "main_goal")
        ).scalar_one()
        proposal = GoalNode(
            workshop_id=ws.id, parent_id=main.id, kind="domain", title="Voorstel", status="proposal"
        )
        db.add(proposal)
        db.flush()
        db.add(GoalNode(workshop_id=ws.id, parent_id=proposal.id, kind="effect", title="Effect"))
    with writing(engine) as db:
        new = series.follow_up(db, ws.id)
    with reading(engine) as db:
        old, fresh = db.get(Workshop, ws.id), db.get(Workshop, new.workshop_id)
        assert old.series_key and fresh.series_key == old.series_key
        nodes = {
            n.title: n
            for n in db.scalars(select(GoalNode).where(GoalNode.workshop_id == new.workshop_id))
        }
        assert "Voorstel" not in nodes
        assert nodes["Effect"].parent_id == nodes["Van vroeger"].id
