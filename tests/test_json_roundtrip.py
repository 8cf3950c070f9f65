"""JSON export → import → export gives the same document; the import keeps everything
except codes, keys, tokens, database ids and the change counter. The default back-up names
participants by pseudonym only, and still restores every figure exactly."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import select

from kompas import live
from kompas.db import reading, writing
from kompas.export import json_io
from kompas.models import (
    DIRECTIONS,
    NODE_KINDS,
    PARTNER_KINDS,
    ROLE_GROUPS,
    Activity,
    ActivityResult,
    Ambition,
    Direction,
    GoalNode,
    Indicator,
    Interest,
    Measurement,
    Participant,
    Partner,
    Placement,
    Reflection,
    Result,
    ScanConclusion,
    ScanScore,
    Vote,
    Workshop,
)
from kompas.workshops import authenticate, create_workshop, hash_secret
from tests.conftest import fresh_engine

pytestmark = pytest.mark.postgres

T0 = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def seed_rich(db, workshop_id: int) -> None:
    """One or more of every table, with links between the tools."""
    w = db.get(Workshop, workshop_id)
    w.phase_tree, w.votes_revealed, w.conclusions = "stemmen", True, "Eerste **conclusie** <b>"
    w.timer_end = T0 + timedelta(minutes=10)
    people = [
        Participant(
            workshop_id=workshop_id,
            name=n,
            role_group=r,
            organisation=o,
            token_hash=hash_secret(f"{workshop_id}-{n}"),
            joined_at=T0,
            last_seen=T0,
        )
        for n, r, o in (
            ("Anna", "gemeente", "Gemeente Culemborg"),
            ("Bram", "aanbieder", "Welzijn Rivierenland"),
            ("Chloë", "inwoner", ""),
        )
    ]
    db.add_all(people)
    partners = [
        Partner(
            workshop_id=workshop_id, name=n, service=s, kind=k, position=i, contract_value_cents=c
        )
        for i, (n, s, k, c) in enumerate(
            (
                ("Welzijn Rivierenland", "Welzijnswerk", "welzijn", 125_000_00),
                ("MEE Gelderse Poort", "Cliëntondersteuning", "zorg", None),
                ("Stichting IJsselgroep", "Jongerenwerk", "jeugd", 40_500_50),
            )
        )
    ]
    db.add_all(partners)
    db.flush()
    main = db.execute(select(GoalNode).where(GoalNode.workshop_id == workshop_id)).scalar_one()
    domain = GoalNode(
        workshop_id=workshop_id,
        parent_id=main.id,
        kind="domain",
        title="Welzijn",
        created_at=T0,
        updated_at=T0,
    )
    db.add(domain)
    db.flush()
    effect = GoalNode(
        workshop_id=workshop_id,
        parent_id=domain.id,
        kind="effect",
        title="Minder eenzaamheid",
        author_id=people[0].id,
        rev=3,
    )
    db.add(effect)
    db.flush()
    act_node = GoalNode(
        workshop_id=workshop_id,
        parent_id=effect.id,
        kind="activity",
        title="Huiskamer in de wijk",
        partner_id=partners[0].id,
        status="proposal",
    )
    db.add(act_node)
    db.flush()
    db.add_all(
        [
            Vote(workshop_id=workshop_id, node_id=effect.id, participant_id=people[0].id, count=2),
            Vote(workshop_id=workshop_id, node_id=effect.id, participant_id=people[1].id),
        ]
    )
    amb = Ambition(
        workshop_id=workshop_id, title="Iedereen doet mee", current_state="Eenzaamheid 48%"
    )
    db.add(amb)
    db.flush()
    res = Result(
        workshop_id=workshop_id,
        ambition_id=amb.id,
        title="Minder eenzame inwoners",
        goal_node_id=effect.id,
    )
    res2 = Result(workshop_id=workshop_id, title="Meer vrijwilligers")
    act = Activity(
        workshop_id=workshop_id,
        title="Huiskamer",
        partner_id=partners[0].id,
        budget_cents=12_345_67,
        goal_node_id=act_node.id,
        proven_effective="deels",
    )
    db.add_all([res, res2, act])
    db.flush()
    db.add(ActivityResult(activity_id=act.id, result_id=res.id, weight=0.75))
    ind = Indicator(
        workshop_id=workshop_id,
        result_id=res.id,
        name="Eenzaamheid (GGD)",
        unit="%",
        baseline_value=48.0,
        baseline_year=2024,
        target_value=40.5,
        target_year=2028,
        higher_is_better=False,
        source="GGD Gezondheidsmonitor",
    )
    db.add(ind)
    db.flush()
    db.add(
        Measurement(
            indicator_id=ind.id, value=46.2, measured_on=date(2026, 6, 1), story="Iets minder"
        )
    )
    db.add(
        Reflection(
            workshop_id=workshop_id,
            result_id=res.id,
            going_well="Opkomst",
            could_be_better="Bereik jongeren",
            next_step="Jongerenwerk erbij",
            owner="Bram",
            due_date=date(2027, 1, 15),
        )
    )
    db.add_all(
        [
            Placement(
                workshop_id=workshop_id,
                partner_id=partners[0].id,
                participant_id=None,
                influence=0.8,
                dependency=0.65,
            ),
            Placement(
                workshop_id=workshop_id,
                partner_id=partners[0].id,
                participant_id=people[0].id,
                influence=0.9,
                dependency=0.4,
            ),
            Placement(
                workshop_id=workshop_id,
                partner_id=partners[1].id,
                participant_id=people[1].id,
                influence=0.2,
                dependency=0.1,
            ),
        ]
    )
    db.add(
        Direction(
            workshop_id=workshop_id,
            partner_id=partners[0].id,
            direction="rechts",
            rationale="Goed netwerk",
            action="Meerjarig convenant",
            owner="Wethouder",
            review_date=date(2027, 3, 1),
        )
    )
    # the other lenses, relations, interests and the samenwerkingsscan
    w.matrix_lens, w.scan_revealed = "sturing_netwerk", True
    partners[0].relation_now, partners[0].relation_desired = "opdrachtgever", "beide"
    partners[0].roles_agreements, partners[0].good_enough = (
        "Wij betalen, zij doen",
        "Wachttijd < 4 weken",
    )
    db.add_all(
        [
            Placement(
                workshop_id=workshop_id,
                partner_id=partners[0].id,
                participant_id=people[0].id,
                influence=0.2,
                dependency=0.9,
                lens="sturing_netwerk",
            ),
            Direction(
                workshop_id=workshop_id,
                partner_id=partners[0].id,
                direction="omlaag",
                action="Minder strak sturen",
                lens="sturing_netwerk",
            ),
            Interest(
                workshop_id=workshop_id,
                partner_id=partners[1].id,
                kind="eigen",
                text="Continuïteit van de **eigen** organisatie",
                grouping="Geld",
            ),
            ScanScore(
                workshop_id=workshop_id,
                participant_id=people[2].id,
                statement="governance_grip",
                score=2,
            ),
            ScanConclusion(
                workshop_id=workshop_id,
                element="governance",
                conclusion="Rollen zijn onduidelijk",
                action="Rollen op papier",
                owner="Wethouder",
                status="loopt",
            ),
        ]
    )
    live.touch(db, workshop_id)


def make_rich(engine) -> int:
    with writing(engine) as db:
        new = create_workshop(
            db,
            title="Werksessie Culemborg",
            organisation="Gemeente Culemborg",
            theme="Iedereen telt mee",
        )
        seed_rich(db, new.workshop_id)
    return new.workshop_id


def export(engine, workshop_id: int, *, with_names: bool = True) -> dict:
    """The complete back-up (names included): the lossless round trip is checked on it."""
    with reading(engine) as db:
        return json_io.export_document(db, workshop_id, with_names=with_names)


def test_rich_round_trip_is_identical(engine):
    wid = make_rich(engine)
    first = export(engine, wid)
    assert first["schema_version"] == 1
    assert set(first) == {
        "schema_version",
        "workshop",
        "participants",
        "goal_nodes",
        "votes",
        "compass",
        "partners",
        "placements",
        "directions",
        "node_history",
        "partner_history",
        "interests",
        "scan_scores",
        "scan_conclusions",
    }
    assert set(first["compass"]) == {
        "ambitions",
        "results",
        "activities",
        "activity_results",
        "indicators",
        "measurements",
        "reflections",
    }
    text = json.dumps(first)
    assert "code" not in first["workshop"] and "key_hash" not in text and "token_hash" not in text
    with writing(engine) as db:
        new = json_io.import_document(db, json.dumps(first).encode())
    assert new.workshop_id != wid
    second = export(engine, new.workshop_id)
    assert second == first


def test_import_gives_new_code_key_and_tokens(engine):
    wid = make_rich(engine)
    doc = export(engine, wid)
    with writing(engine) as db:
        new = json_io.import_document(db, doc)
    with reading(engine) as db:
        old_w, new_w = db.get(Workshop, wid), db.get(Workshop, new.workshop_id)
        assert new_w.code != old_w.code and new_w.key_hash != old_w.key_hash
        actor = authenticate(db, code=new.code, facilitator_key=new.facilitator_key)
        assert actor.is_facilitator and actor.workshop_id == new.workshop_id
        old_tokens = set(
            db.execute(
                select(Participant.token_hash).where(Participant.workshop_id == wid)
            ).scalars()
        )
        new_tokens = set(
            db.execute(
                select(Participant.token_hash).where(Participant.workshop_id == new.workshop_id)
            ).scalars()
        )
        assert len(new_tokens) == 3 and not old_tokens & new_tokens
        # timestamps survive as they were
        assert new_w.created_at == old_w.created_at
        nodes = (
            db.execute(
                select(GoalNode)
                .where(GoalNode.workshop_id == new.workshop_id)
                .order_by(GoalNode.id)
            )
            .scalars()
            .all()
        )
        assert nodes[1].created_at.replace(tzinfo=None) == T0.replace(tzinfo=None)
        assert [n.rev for n in nodes] == [1, 1, 3, 1]


def test_export_json_bytes_are_utf8_and_literal(engine):
    wid = make_rich(engine)
    with reading(engine) as db:
        raw = json_io.export_json(db, wid, with_names=True)
    assert "Chloë".encode() in raw
    assert json.loads(raw)["workshop"]["conclusions"] == "Eerste **conclusie** <b>"


# --- the default back-up: pseudonyms -------------------------------------------------------


def test_default_backup_names_nobody(engine):
    wid = make_rich(engine)
    with reading(engine) as db:
        raw = json_io.export_json(db, wid)
    doc = json.loads(raw)
    people = doc["participants"]
    assert [p["name"] for p in people] == ["Deelnemer 1", "Deelnemer 2", "Deelnemer 3"]
    assert sorted(p["role_group"] for p in people) == ["aanbieder", "gemeente", "inwoner"]
    for p in people:
        assert set(p) == {"id", "name", "role_group", "removed", "anonymised"}
    assert '"Anna"' not in raw.decode("utf-8")  # (Bram is also an activity's owner: content)
    # votes stay linked to the pseudonyms: Anna's two dots are still one person's two dots
    assert sorted(v["count"] for v in doc["votes"]) == [1, 2]
    assert {v["participant_id"] for v in doc["votes"]} <= {p["id"] for p in people}


def test_pseudonyms_do_not_follow_the_order_of_joining(engine):
    """The numbers come from the secret token hashes, not from who joined first."""
    with writing(engine) as db:
        wid = create_workshop(db, title="Volgorde").workshop_id
        for i in range(12):
            db.add(
                Participant(
                    workshop_id=wid,
                    name=f"P{i:02d}",
                    role_group="gemeente",
                    token_hash=hash_secret(f"volgorde-{i}"),
                )
            )
    named = export(engine, wid)["participants"]
    plain = export(engine, wid, with_names=False)["participants"]
    assert [p["name"] for p in named] == [f"P{i:02d}" for i in range(12)]
    by_hash = [n for _, n in sorted((hash_secret(f"volgorde-{i}"), f"P{i:02d}") for i in range(12))]
    assert [p["name"] for p in plain] == [f"Deelnemer {i}" for i in range(1, 13)]
    assert by_hash != [f"P{i:02d}" for i in range(12)]  # else this test could not fail


def test_default_backup_restores_every_figure(engine):
    wid = make_rich(engine)
    first = export(engine, wid, with_names=False)
    with writing(engine) as db:
        new = json_io.import_document(db, json.dumps(first).encode())
    second = export(engine, new.workshop_id)  # names: the pseudonyms it was given
    for person in second["participants"]:
        for key in ("organisation", "joined_at", "last_seen", "language"):
            person.pop(key)
    assert second == first
    with reading(engine) as db:
        created = db.get(Workshop, new.workshop_id).created_at
        joined = (
            db.execute(
                select(Participant.joined_at).where(Participant.workshop_id == new.workshop_id)
            )
            .scalars()
            .all()
        )
        assert set(joined) == {created}  # no made-up times


# --- property: random workshops ----------------------------------------------------------

SAFE_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    max_size=30,
)
LINE = SAFE_TEXT.filter(lambda s: s.strip() != "")
MOMENT = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
)
FLOAT = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
UNIT = st.floats(min_value=0, max_value=1, allow_nan=False)


@st.composite
def workshops(draw):
    n_people = draw(st.integers(0, 4))
    n_partners = draw(st.integers(0, 4))
    n_nodes = draw(st.integers(0, 6))
    n_results = draw(st.integers(0, 3))
    n_acts = draw(st.integers(0, 3))
    return dict(
        title=draw(LINE),
        conclusions=draw(SAFE_TEXT),
        created=draw(MOMENT),
        phase=draw(st.sampled_from(("verzamelen", "stemmen", "gesloten"))),
        people=[
            (draw(LINE), draw(st.sampled_from(ROLE_GROUPS)), draw(MOMENT), draw(st.booleans()))
            for _ in range(n_people)
        ],
        partners=[
            (
                draw(LINE),
                draw(st.sampled_from(PARTNER_KINDS)),
                draw(st.none() | st.integers(0, 10**11)),
            )
            for _ in range(n_partners)
        ],
        # parent is an index into earlier nodes (or the main goal): never a cycle
        nodes=[
            (
                draw(LINE),
                draw(st.sampled_from(NODE_KINDS)),
                draw(st.integers(-1, i - 1)),
                draw(st.none() | st.integers(0, max(n_partners - 1, 0))),
                draw(MOMENT),
                draw(st.integers(1, 50)),
            )
            for i in range(n_nodes)
        ],
        votes=draw(
            st.lists(
                st.tuples(st.integers(0, 10), st.integers(0, 10), st.integers(1, 3)), max_size=6
            )
        ),
        results=[(draw(LINE), draw(SAFE_TEXT)) for _ in range(n_results)],
        acts=[
            (
                draw(LINE),
                draw(st.none() | st.integers(0, 10**10)),
                draw(UNIT),
                draw(st.none() | st.integers(0, 10)),
            )
            for _ in range(n_acts)
        ],
        indicators=[
            (
                draw(LINE),
                draw(st.none() | FLOAT),
                draw(st.booleans()),
                draw(st.none() | st.dates(date(2000, 1, 1), date(2040, 1, 1))),
            )
            for _ in range(draw(st.integers(0, 3)))
        ],
        placements=[
            (draw(st.integers(0, 10)), draw(st.none() | st.integers(0, 10)), draw(UNIT), draw(UNIT))
            for _ in range(draw(st.integers(0, 5)))
        ],
        directions=[
            (
                draw(st.integers(0, 10)),
                draw(st.sampled_from(DIRECTIONS)),
                draw(SAFE_TEXT),
                draw(st.none() | st.dates(date(2026, 1, 1), date(2030, 1, 1))),
            )
            for _ in range(draw(st.integers(0, 3)))
        ],
    )


def build(db, spec) -> int:
    new = create_workshop(db, title=spec["title"].strip()[:200] or "x")
    wid = new.workshop_id
    w = db.get(Workshop, wid)
    w.title, w.conclusions, w.created_at, w.phase_tree = (
        spec["title"],
        spec["conclusions"],
        spec["created"],
        spec["phase"],
    )
    people = [
        Participant(
            workshop_id=wid,
            name=n,
            role_group=r,
            token_hash=hash_secret(f"{wid}-{i}"),
            joined_at=t,
            removed=rem,
        )
        for i, (n, r, t, rem) in enumerate(spec["people"])
    ]
    partners = [
        Partner(workshop_id=wid, name=n, kind=k, contract_value_cents=c)
        for n, k, c in spec["partners"]
    ]
    db.add_all(people + partners)
    db.flush()
    nodes = [db.execute(select(GoalNode).where(GoalNode.workshop_id == wid)).scalar_one()]
    for title, kind, parent, partner, moment, rev in spec["nodes"]:
        node = GoalNode(
            workshop_id=wid,
            parent_id=nodes[parent + 1].id,
            kind=kind,
            title=title,
            partner_id=partners[partner].id if partners and partner is not None else None,
            created_at=moment,
            updated_at=moment,
            rev=rev,
        )
        db.add(node)
        db.flush()
        nodes.append(node)
    seen = set()
    for node_i, person_i, count in spec["votes"]:
        if people and (node_i % len(nodes), person_i % len(people)) not in seen:
            seen.add((node_i % len(nodes), person_i % len(people)))
            db.add(
                Vote(
                    workshop_id=wid,
                    node_id=nodes[node_i % len(nodes)].id,
                    participant_id=people[person_i % len(people)].id,
                    count=count,
                )
            )
    results = [Result(workshop_id=wid, title=t, description=d) for t, d in spec["results"]]
    acts = [Activity(workshop_id=wid, title=t, budget_cents=b) for t, b, _, _ in spec["acts"]]
    db.add_all(results + acts)
    db.flush()
    for act, (_, _, weight, res_i) in zip(acts, spec["acts"]):
        if results and res_i is not None:
            db.add(
                ActivityResult(
                    activity_id=act.id, result_id=results[res_i % len(results)].id, weight=weight
                )
            )
    for name, value, higher, day in spec["indicators"]:
        ind = Indicator(
            workshop_id=wid,
            name=name,
            target_value=value,
            higher_is_better=higher,
            result_id=results[0].id if results else None,
        )
        db.add(ind)
        db.flush()
        if day is not None:
            db.add(Measurement(indicator_id=ind.id, value=value, measured_on=day))
    seen = set()
    for partner_i, person_i, infl, dep in spec["placements"]:
        if not partners:
            break
        partner = partners[partner_i % len(partners)]
        person = people[person_i % len(people)].id if people and person_i is not None else None
        if (partner.id, person) in seen:
            continue
        seen.add((partner.id, person))
        db.add(
            Placement(
                workshop_id=wid,
                partner_id=partner.id,
                participant_id=person,
                influence=infl,
                dependency=dep,
                updated_at=spec["created"],
            )
        )
    seen = set()
    for partner_i, direction, action, review in spec["directions"]:
        if partners and partner_i % len(partners) not in seen:
            seen.add(partner_i % len(partners))
            db.add(
                Direction(
                    workshop_id=wid,
                    partner_id=partners[partner_i % len(partners)].id,
                    direction=direction,
                    action=action,
                    review_date=review,
                )
            )
    db.flush()
    return wid


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=workshops())
def test_random_workshops_round_trip(spec):
    live.reset()
    engine = fresh_engine()
    try:
        with writing(engine) as db:
            wid = build(db, spec)
        first = export(engine, wid)
        with writing(engine) as db:
            new = json_io.import_document(db, json.dumps(first, ensure_ascii=False))
        second = export(engine, new.workshop_id)
        assert second == first
        with writing(engine) as db:  # and once more, from the bytes of the second export
            third_id = json_io.import_document(
                db, json_io.export_json(db, new.workshop_id, with_names=True)
            ).workshop_id
        assert export(engine, third_id) == first
    finally:
        engine.dispose()
