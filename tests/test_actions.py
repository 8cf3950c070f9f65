"""Decisions and actions gathered from the tools (kompas.actions), on the demo workshop."""

from __future__ import annotations

import pytest
from sqlmodel import select

from kompas import actions
from kompas.db import reading, writing
from kompas.demo import create_demo
from kompas.errors import InvalidInput, NotFound
from kompas.models import Direction, Reflection, ScanConclusion, Workshop

pytestmark = pytest.mark.postgres


@pytest.fixture
def demo(engine):
    with writing(engine) as db:
        new = create_demo(db)
    return engine, new.workshop_id


def test_demo_actions_come_from_matrix_cycle_and_questions(demo):
    engine, wid = demo
    with reading(engine) as db:
        items = actions.collect(db, wid)
        n_dir = sum(
            1
            for d in db.scalars(select(Direction).where(Direction.workshop_id == wid))
            if d.action.strip()
        )
        n_cyc = sum(
            1
            for r in db.scalars(select(Reflection).where(Reflection.workshop_id == wid))
            if r.next_step.strip()
        )
        questions = actions.lines(db.get(Workshop, wid).open_questions)
        n_scan = sum(
            1
            for c in db.scalars(select(ScanConclusion).where(ScanConclusion.workshop_id == wid))
            if c.action.strip()
        )
    assert n_dir and n_cyc and questions and n_scan
    assert [i.source for i in items] == ["richting"] * n_dir + ["cyclus"] * n_cyc + [
        "scan"
    ] * n_scan + ["vraag"] * len(questions)
    assert all(i.status == "niet gestart" for i in items if i.source != "vraag")
    assert all(i.about for i in items if i.source == "richting")
    assert len({i.key for i in items}) == len(items)


def test_set_status_and_refusals(demo):
    engine, wid = demo
    with reading(engine) as db:
        first = actions.collect(db, wid)[0]
    with writing(engine) as db:
        actions.set_status(db, wid, first.key, "gedaan", "Afgerond in maart.")
    with reading(engine) as db:
        again = actions.collect(db, wid)[0]
    assert (again.status, again.status_note) == ("gedaan", "Afgerond in maart.")
    for key, status, error in [
        (first.key, "klaar", InvalidInput),
        ("vraag:1", "gedaan", InvalidInput),
        ("richting:999999", "gedaan", NotFound),
    ]:
        with pytest.raises(error), writing(engine) as db:
            actions.set_status(db, wid, key, status)


def test_decisions_include_the_facilitators_own(demo):
    engine, wid = demo
    with writing(engine) as db:
        db.get(Workshop, wid).decisions = "- Budget schuldhulp blijft gelijk\n\nEvaluatie in juni"
    with reading(engine) as db:
        out = actions.decisions(db, wid)
    assert [d.text for d in out if d.source == "besluit"] == [
        "Budget schuldhulp blijft gelijk",
        "Evaluatie in juni",
    ]
    assert any(d.source == "prioriteit" for d in out) and any(d.source == "richting" for d in out)
