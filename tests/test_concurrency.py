"""Many writers at once against one SQLite file (threads, and separate processes):
nothing lost, no "database is locked", budgets never exceeded, shared edits never
silently overwritten (the later save gets a Conflict)."""

from __future__ import annotations

import multiprocessing as mp
import threading
from collections import Counter

import pytest
from sqlalchemy import func, select

from kompas import goaltree, partners, workshops
from kompas.db import integrity_ok, make_engine, writing
from kompas.errors import Conflict, KompasError, NotAllowed
from kompas.models import GoalNode, Participant, Placement, Vote, Workshop
from kompas.workshops import Actor

pytestmark = pytest.mark.postgres

BUDGET = 3
NODES = 3


@pytest.fixture
def voting(file_engine):
    """A workshop in the voting phase: NODES effects, budget BUDGET, up to BUDGET a node."""
    with writing(file_engine) as db:
        new = workshops.create_workshop(db, title="Gelijktijdig", vote_budget=BUDGET)
    boss = Actor(new.workshop_id, None, True, "Procesbegeleider")
    with writing(file_engine) as db:
        root = goaltree.main_goal(db, new.workshop_id).id
        domain = goaltree.add_node(db, actor=boss, parent_id=root, title="Domein", kind="domain")
        nodes = [
            goaltree.add_node(db, actor=boss, parent_id=domain, title=f"Effect {i}", kind="effect")
            for i in range(NODES)
        ]
        workshops.update_workshop(db, actor=boss, max_votes_per_node=BUDGET)
        workshops.set_phase(db, actor=boss, tool="tree", phase="stemmen")
        partner = partners.add_partner(db, actor=boss, name="Wijkteam")
    return {
        "engine": file_engine,
        "url": str(file_engine.url),
        "id": new.workshop_id,
        "code": new.code,
        "boss": boss,
        "nodes": nodes,
        "domain": domain,
        "partner": partner,
    }


def _join(engine, code: str, name: str) -> Actor:
    with writing(engine) as db:
        return workshops.join_workshop(db, code=code, name=name, role_group="aanbieder")[0]


def _version(engine, workshop_id: int) -> int:
    with engine.connect() as conn:
        return conn.execute(select(Workshop.version).where(Workshop.id == workshop_id)).scalar_one()


def _stream(engine, w: dict, name: str, shared: list[Actor], seed: int) -> Counter:
    """One writer: joins, votes with its own and with shared participants (two 'tabs' of
    the same person), places a partner for a shared participant, starts the timer."""
    done: Counter = Counter()

    def attempt(kind: str, fn, **kwargs):
        try:
            with writing(engine) as db:
                result = fn(db, **kwargs)
        except NotAllowed:
            done["refused"] += 1  # budget spent: expected
            return None
        except KompasError as exc:
            done["error:" + type(exc).__name__ + ": " + str(exc)[:80]] += 1
            return None
        except Exception as exc:  # noqa: BLE001 - a crash here must fail the test, counted
            done["crash:" + type(exc).__name__ + ": " + str(exc)[:80]] += 1
            return None
        done[kind] += 1
        return result

    joined = attempt(
        "join", workshops.join_workshop, code=w["code"], name=name, role_group="inwoner"
    )
    me = joined[0] if joined else None
    for k in range(BUDGET + 1):
        node = w["nodes"][(seed + k) % NODES]
        if me is not None:
            attempt("vote", goaltree.cast_vote, actor=me, node_id=node)
        attempt("vote", goaltree.cast_vote, actor=shared[(seed + k) % len(shared)], node_id=node)
    attempt(
        "place",
        partners.place_partner,
        actor=shared[seed % len(shared)],
        partner_id=w["partner"],
        influence=(seed % 10) / 10,
        dependency=0.5,
    )
    attempt("timer", workshops.start_timer, actor=w["boss"], minutes=3, label=name)
    return done


def _child(url: str, w: dict, name: str, shared: list[Actor], seed: int, queue) -> None:
    engine = make_engine(url, create=False)
    try:
        queue.put(dict(_stream(engine, w, name, shared, seed)))
    except Exception as exc:  # noqa: BLE001
        queue.put({f"crash:{type(exc).__name__}: {exc}": 1})
    finally:
        engine.dispose()


def _check(w: dict, totals: Counter, prefix: str, shared: list[Actor], version_before: int) -> None:
    engine = w["engine"]
    problems = {k: v for k, v in totals.items() if k.startswith(("error", "crash"))}
    assert problems == {}, problems
    with engine.connect() as conn:
        joined = conn.execute(
            select(func.count()).select_from(Participant).where(Participant.name.like(prefix + "%"))
        ).scalar_one()
        per_person = dict(
            conn.execute(
                select(Vote.participant_id, func.sum(Vote.count)).group_by(Vote.participant_id)
            ).all()
        )
        all_dots = conn.execute(select(func.coalesce(func.sum(Vote.count), 0))).scalar_one()
        placements = conn.execute(
            select(Placement.participant_id, func.count()).group_by(
                Placement.participant_id, Placement.partner_id
            )
        ).all()
    assert joined == totals["join"]
    assert all(n <= BUDGET for n in per_person.values()), per_person
    assert all(per_person.get(a.participant_id) == BUDGET for a in shared)  # spent, not more
    assert all_dots == totals["vote"]  # every accepted dot is there: none lost, none extra
    assert all(n == 1 for _, n in placements)  # one estimate per person and partner
    writes = sum(v for k, v in totals.items() if k in ("join", "vote", "place", "timer"))
    assert _version(engine, w["id"]) - version_before == writes  # every write bumped once
    assert integrity_ok(engine)


def test_many_threads_write_at_once(voting):
    w, engine = voting, voting["engine"]
    shared = [_join(engine, w["code"], f"gedeeld-{i}") for i in range(4)]
    before = _version(engine, w["id"])
    totals: Counter = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(40)

    def work(i: int) -> None:
        barrier.wait(30)
        result = _stream(engine, w, f"thread-{i}", shared, i)
        with lock:
            totals.update(result)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert totals["join"] == 40
    _check(w, totals, "thread-", shared, before)


def test_several_processes_write_at_once(voting):
    w, engine = voting, voting["engine"]
    shared = [_join(engine, w["code"], f"gedeeld-{i}") for i in range(3)]
    before = _version(engine, w["id"])
    plain = {k: v for k, v in w.items() if k != "engine"}
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    procs = [
        ctx.Process(target=_child, args=(w["url"], plain, f"proces-{i}", shared, i, queue))
        for i in range(8)
    ]
    for p in procs:
        p.start()
    totals: Counter = Counter()
    for _ in procs:
        totals.update(queue.get(timeout=120))
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    assert totals["join"] == 8
    _check(w, totals, "proces-", shared, before)


def test_two_facilitators_saving_the_same_node_one_gets_a_conflict(voting):
    """Both saw rev r; whoever saves second gets a Conflict, never a silent overwrite."""
    w, engine = voting, voting["engine"]
    with engine.connect() as conn:
        rev = conn.execute(select(GoalNode.rev).where(GoalNode.id == w["domain"])).scalar_one()
    with writing(engine) as db:  # editing is for phases verzamelen/ordenen
        workshops.set_phase(db, actor=w["boss"], tool="tree", phase="ordenen")
    outcomes: list[str] = []
    barrier = threading.Barrier(12)

    def save(i: int) -> None:
        barrier.wait(30)
        try:
            with writing(engine) as db:
                goaltree.edit_node(
                    db, actor=w["boss"], node_id=w["domain"], rev=rev, title=f"Titel {i}"
                )
            outcomes.append(f"saved:{i}")
        except Conflict as exc:
            assert "intussen door iemand anders gewijzigd" in str(exc)
            outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    saved = [o for o in outcomes if o.startswith("saved")]
    assert len(saved) == 1 and outcomes.count("conflict") == 11
    with engine.connect() as conn:
        title, new_rev = conn.execute(
            select(GoalNode.title, GoalNode.rev).where(GoalNode.id == w["domain"])
        ).one()
    assert title == f"Titel {saved[0].split(':')[1]}" and new_rev == rev + 1
