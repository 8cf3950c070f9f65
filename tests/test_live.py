"""Versions per part: a write bumps exactly the parts whose rows it changed, in the same
transaction; the hub wakes subscribers after the commit, never after a rollback; the
per-process listener carries another process's writes (SQLite poll, PostgreSQL NOTIFY)."""

from __future__ import annotations

import asyncio
import threading

import pytest

from kompas import compass, goaltree, live, partners, workshops
from kompas.db import writing
from kompas.errors import InvalidInput

pytestmark = pytest.mark.postgres


def parts_changed(engine, ws, write) -> set[str]:
    before = live.read_versions(engine, ws.id)
    with writing(engine) as db:
        write(db)
    after = live.read_versions(engine, ws.id)
    assert after["version"] > before["version"]
    return {p for p in live.PARTS if after[p] != before[p]}


@pytest.fixture
def ws(make_workshop):
    ws = make_workshop()
    ws.anne = ws.join("Anne", "gemeente")
    return ws


WRITES = {
    "join": (
        lambda ws: (
            lambda db: workshops.join_workshop(
                db, code=ws.code, name="Bram", role_group="aanbieder"
            )
        ),
        {"participants"},
    ),
    "phase": (
        lambda ws: (
            lambda db: workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="stemmen")
        ),
        {"workshop"},
    ),
    "timer": (
        lambda ws: lambda db: workshops.start_timer(db, actor=ws.facilitator, minutes=5),
        {"workshop"},
    ),
    "reveal votes": (
        lambda ws: (
            lambda db: workshops.update_workshop(db, actor=ws.facilitator, votes_revealed=True)
        ),
        {"votes"},
    ),
    "report": (
        lambda ws: (
            lambda db: workshops.update_workshop(db, actor=ws.facilitator, conclusions="Klaar.")
        ),
        {"report"},
    ),
    "proposal": (
        lambda ws: (
            lambda db: goaltree.add_node(
                db, actor=ws.anne, parent_id=goaltree.main_goal(db, ws.id).id, title="Buurtkamer"
            )
        ),
        {"tree"},
    ),
    "result": (
        lambda ws: lambda db: compass.add_result(db, actor=ws.facilitator, title="Minder eenzaam"),
        {"compass"},
    ),
    "partner": (
        lambda ws: lambda db: partners.add_partner(db, actor=ws.facilitator, name="MEE"),
        {"matrix"},
    ),
}


@pytest.mark.parametrize("name", list(WRITES))
def test_a_write_bumps_the_parts_it_changed(engine, ws, name):
    make, expected = WRITES[name]
    assert parts_changed(engine, ws, make(ws)) == expected


def test_a_vote_bumps_votes_not_the_compass(engine, ws):
    with writing(engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="stemmen")
        domain = goaltree.add_node(
            db,
            actor=ws.facilitator,
            kind="domain",
            parent_id=goaltree.main_goal(db, ws.id).id,
            title="Welzijn",
        )
        node = goaltree.add_node(db, actor=ws.facilitator, parent_id=domain, title="Effect")
    changed = parts_changed(
        engine, ws, lambda db: goaltree.cast_vote(db, actor=ws.anne, node_id=node)
    )
    assert changed == {"votes"}


def test_renaming_a_linked_activity_bumps_tree_and_compass(engine, ws):
    with writing(engine) as db:
        domain = goaltree.add_node(
            db,
            actor=ws.facilitator,
            kind="domain",
            parent_id=goaltree.main_goal(db, ws.id).id,
            title="Welzijn",
        )
        effect = goaltree.add_node(db, actor=ws.facilitator, parent_id=domain, title="Effect")
        node = goaltree.add_node(
            db, actor=ws.facilitator, parent_id=effect, title="Huiskamer", kind="activity"
        )
        act = compass.activity_from_node(db, actor=ws.facilitator, node_id=node)
    with writing(engine) as db:
        view = compass.compass_view(db, ws.id)
        rev = next(a.rev for a in view.activities if a.id == act)
    changed = parts_changed(
        engine,
        ws,
        lambda db: compass.update_activity(
            db, actor=ws.facilitator, activity_id=act, rev=rev, title="Huiskamer Noord"
        ),
    )
    assert changed == {"compass", "tree"}


def test_refused_write_publishes_nothing(engine, ws):
    key = str(engine.url)
    before = live.read_versions(engine, ws.id)
    live.HUB.publish(key, ws.id, before)
    with pytest.raises(InvalidInput), writing(engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="dansen")
    assert live.read_versions(engine, ws.id) == before
    assert live.HUB.known(key, ws.id) == before


def test_subscribers_are_woken_after_the_commit(engine, ws):
    key = str(engine.url)
    got: list[dict] = []

    async def listen(ready: threading.Event):
        sub = live.HUB.subscribe(key, ws.id)
        ready.set()
        try:
            got.append(await sub.next(timeout=5))
        finally:
            live.HUB.unsubscribe(sub)

    ready = threading.Event()
    thread = threading.Thread(target=lambda: asyncio.run(listen(ready)))
    thread.start()
    ready.wait(5)
    with writing(engine) as db:
        goaltree.add_node(
            db, actor=ws.facilitator, parent_id=goaltree.main_goal(db, ws.id).id, title="Nieuw"
        )
    thread.join(10)
    assert got and got[0] is not None
    assert got[0] == live.read_versions(engine, ws.id)
    assert live.HUB.count() == 0


OTHER_PROCESS = """
import sys
from kompas import goaltree
from kompas.db import make_engine, writing
from kompas.workshops import Actor
engine = make_engine(sys.argv[1], create=False)
wid = int(sys.argv[2])
with writing(engine) as db:
    goaltree.add_node(db, actor=Actor(wid, None, True), title="Van elders",
                      parent_id=goaltree.main_goal(db, wid).id)
"""


def test_listener_carries_writes_of_another_process(file_engine):
    """A write by another process reaches this process's subscribers only through the
    listener: one poll per process for SQLite, LISTEN/NOTIFY for PostgreSQL."""
    import subprocess
    import sys

    from tests.conftest import ROOT, Workshopper

    ws = Workshopper(file_engine)
    key = str(file_engine.url)
    start = live.read_versions(file_engine, ws.id)
    got: list = []

    async def listen(ready: threading.Event):
        sub = live.HUB.subscribe(key, ws.id)
        ready.set()
        try:
            while True:
                news = await sub.next(timeout=10)
                if news is None or news["tree"] > start["tree"]:
                    got.append(news)
                    return
        finally:
            live.HUB.unsubscribe(sub)

    ready = threading.Event()
    thread = threading.Thread(target=lambda: asyncio.run(listen(ready)))
    thread.start()
    ready.wait(5)
    live.LISTENERS.start(file_engine, interval=0.05)
    try:
        url = file_engine.url.render_as_string(hide_password=False)
        subprocess.run(
            [sys.executable, "-c", OTHER_PROCESS, url, str(ws.id)],
            cwd=ROOT,
            check=True,
            timeout=60,
            env={**__import__("os").environ, "KOMPAS_LIVE": "database"},
        )
        thread.join(15)
    finally:
        live.LISTENERS.stop_all()
    assert got and got[0] is not None, "the other process's write never reached this one"
    assert got[0] == live.read_versions(file_engine, ws.id)


def test_a_deleted_workshop_is_forgotten_and_its_id_never_comes_back(file_engine):
    from tests.conftest import Workshopper

    old = Workshopper(file_engine, title="Oud")
    for i in range(5):
        old.join(f"P{i}")
    key = str(file_engine.url)
    assert live.versions_of(file_engine, old.id)["version"] >= 5
    with writing(file_engine) as db:
        workshops.delete_workshop(db, actor=old.facilitator, confirm_code=old.code)
    assert live.HUB.known(key, old.id) is None
    new = Workshopper(file_engine, title="Nieuw")
    assert new.id != old.id
    assert live.versions_of(file_engine, new.id) == live.read_versions(file_engine, new.id)
