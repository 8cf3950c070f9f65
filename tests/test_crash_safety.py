"""Crash safety: a writer killed with SIGKILL in the middle of a stream of writes leaves a
database that passes PRAGMA integrity_check and holds every write it reported as done.

The writer is a separate Python process. After each unit of work has committed it prints
the unit's number and flushes, so a number on its stdout is a promise: "this is saved".
The test kills it at a random moment, reads every promise that reached the pipe, and
checks the database file. At most one unit more than promised may be present (committed,
killed before it could print); nothing half-written may be.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from kompas import goaltree
from kompas.db import integrity_ok, make_engine, writing
from kompas.models import GoalNode, Participant
from kompas.workshops import Actor, create_workshop

from .conftest import ROOT

WRITER = r"""
import sys
from kompas import goaltree
from kompas.db import make_engine, writing
from kompas.workshops import Actor, join_workshop

url, code, workshop_id, root, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
engine = make_engine(url, create=False)
boss = Actor(workshop_id, None, True, "Procesbegeleider")
n = start
while True:
    # one unit of work = a participant joins AND the facilitator adds a node for them
    with writing(engine) as db:
        join_workshop(db, code=code, name=f"w-{n}", role_group="inwoner")
        goaltree.add_node(db, actor=boss, parent_id=root, title=f"w-{n}", kind="domain",
                          description="x" * (n % 7 * 300))
    print(n, flush=True)   # only after the commit
    n += 1
"""


@pytest.fixture
def crash_db(tmp_path):
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    engine = make_engine(url)
    with writing(engine) as db:
        new = create_workshop(db, title="Crashtest")
    with writing(engine) as db:
        root = goaltree.main_goal(db, new.workshop_id).id
    yield url, engine, new, root
    engine.dispose()


def _run_and_kill(
    url: str, new, root: int, start: int, at_least: int, rng: random.Random
) -> list[int]:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, url, new.code, str(new.workshop_id), str(root), str(start)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    promised: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(promised) < at_least and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            promised.append(int(line))
        assert len(promised) >= at_least, "writer stopped early: " + proc.stderr.read()[-2000:]
        time.sleep(rng.uniform(0, 0.02))  # land somewhere inside the next transaction
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        promised += [int(line) for line in proc.stdout.read().split()]  # printed before the kill
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return promised


def test_sigkill_mid_stream_loses_nothing_that_was_reported(crash_db):
    url, engine, new, root = crash_db
    rng = random.Random(7)
    promised_all: set[int] = set()
    start = 0
    for _round in range(4):
        promised = _run_and_kill(url, new, root, start, at_least=rng.randint(5, 60), rng=rng)
        promised_all |= set(promised)

        fresh = make_engine(url, create=False)  # a new process would open it like this
        try:
            assert integrity_ok(fresh)
            with fresh.connect() as conn:
                people = {
                    int(n[2:])
                    for n in conn.execute(
                        select(Participant.name).where(Participant.workshop_id == new.workshop_id)
                    ).scalars()
                }
                nodes = {
                    int(t[2:])
                    for t in conn.execute(
                        select(GoalNode.title).where(
                            GoalNode.workshop_id == new.workshop_id, GoalNode.title.like("w-%")
                        )
                    ).scalars()
                }
        finally:
            fresh.dispose()
        assert promised_all <= people, f"reported but lost: {sorted(promised_all - people)}"
        # a unit is all or nothing: the join and the node of one unit are both there or both not
        assert people == nodes
        # at most the one unit that committed just before the kill was not reported
        unreported = people - promised_all
        assert len(unreported) <= _round + 1
        start = max(people | promised_all) + 1

    # the database is still fully usable for writes after four hard kills
    with writing(engine) as db:
        goaltree.add_node(
            db,
            actor=Actor(new.workshop_id, None, True),
            parent_id=root,
            title="na de crash",
            kind="domain",
        )
    assert integrity_ok(engine)
