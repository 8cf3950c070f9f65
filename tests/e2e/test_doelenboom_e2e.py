"""Doelenboom in Chromium: two participants propose nodes and vote in their own browsers;
a third browser sees the proposals and, after the reveal, the totals without reloading."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from kompas import goaltree, workshops
from kompas.db import reading, writing
from kompas.models import GoalNode, Vote
from tests.conftest import Workshopper
from tests.e2e.conftest import wait_app


@pytest.fixture
def ws(server):
    ws = Workshopper(server.engine, title="Doelenboom e2e", theme="Iedereen telt mee en doet mee")
    with writing(server.engine) as db:
        goaltree.apply_template(db, actor=ws.facilitator)
        domain = [n.id for n in goaltree.tree_view(db, ws.id).nodes if n.kind == "domain"][0]
        ws.effect = goaltree.add_node(
            db, actor=ws.facilitator, parent_id=domain, title="Minder inwoners voelen zich eenzaam"
        )
    ws.anne = ws.join("Anne", "gemeente")
    ws.bram = ws.join("Bram", "aanbieder")
    ws.carla = ws.join("Carla", "inwoner")
    return ws


def open_tree(new_page, server, ws, actor=None):
    page = new_page()
    ident = f"f={ws.key}" if actor is None else f"p={ws.tokens[actor.participant_id]}"
    page.goto(f"{server.url}/Doelenboom?code={ws.code}&{ident}")
    page.locator(".st-key-tree_outline").wait_for()
    wait_app(page)
    return page


def propose(page, title, parent=None):
    form = page.locator('[data-testid="stForm"]').filter(has=page.locator(".st-key-node_title"))
    page.locator(".st-key-node_title input").fill(title)
    if parent:
        page.locator(".st-key-node_parent").click()
        page.get_by_role("option", name=re.compile(re.escape(parent))).first.click()
    form.get_by_role("button", name="Toevoegen").click()
    wait_app(page)


def click(page, key):
    """Click the button with this widget key (once the live part has settled: a fragment
    tick may briefly show the old and the new element)."""
    button = page.locator(f".st-key-{key} button").first
    button.wait_for(timeout=10000)
    wait_app(page)
    page.locator(f".st-key-{key} button").first.click()


def node_id(server, title):
    with reading(server.engine) as db:
        return db.execute(select(GoalNode.id).where(GoalNode.title == title)).scalar_one()


def test_two_participants_propose_and_vote_third_sees_it_live(server, new_page, ws):
    anne = open_tree(new_page, server, ws, ws.anne)
    bram = open_tree(new_page, server, ws, ws.bram)
    carla = open_tree(new_page, server, ws, ws.carla)
    carla_url = carla.url
    outline = carla.locator(".st-key-tree_outline")

    propose(anne, "Jongeren <b>doen</b> mee", parent="Jeugd")
    propose(bram, "Buurtkamers in elke kern", parent="Minder inwoners voelen zich eenzaam")

    # Carla sees both proposals, literally, marked with the proposer's role group
    outline.get_by_text("Jongeren <b>doen</b> mee (voorstel van gemeente)").wait_for(timeout=10000)
    outline.get_by_text("Buurtkamers in elke kern (voorstel van aanbieder)").wait_for(timeout=10000)
    assert "voorstel" in anne.locator(".st-key-tree_outline").inner_text()
    young, rooms = (
        node_id(server, "Jongeren <b>doen</b> mee"),
        node_id(server, "Buurtkamers in elke kern"),
    )
    with reading(server.engine) as db:
        assert (
            db.get(GoalNode, young).kind == "effect" and db.get(GoalNode, rooms).kind == "activity"
        )

    # the facilitator accepts everything and opens voting on effects and activities
    with writing(server.engine) as db:
        goaltree.accept_all(db, actor=ws.facilitator)
        workshops.update_workshop(db, actor=ws.facilitator, vote_level="both", vote_budget=5)
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="stemmen")

    click(anne, f"vote_{young}")
    anne.locator(".st-key-tree_budget").get_by_text("nog 4 van 5 over").wait_for(timeout=10000)
    click(anne, f"vote_{young}")
    anne.locator(".st-key-tree_budget").get_by_text("nog 3 van 5 over").wait_for(timeout=10000)
    click(bram, f"vote_{rooms}")
    bram.locator(".st-key-tree_budget").get_by_text("nog 4 van 5 over").wait_for(timeout=10000)

    # votes stay hidden; the facilitator sees how many voted
    facilitator = open_tree(new_page, server, ws)
    facilitator.locator(".st-key-tree_voters").get_by_text("2 van 3 hebben gestemd").wait_for(
        timeout=10000
    )
    assert "stippen)" not in outline.inner_text()
    with reading(server.engine) as db:
        assert sorted(db.execute(select(Vote.node_id, Vote.count)).all()) == sorted(
            [(young, 2), (rooms, 1)]
        )

    with writing(server.engine) as db:
        workshops.update_workshop(db, actor=ws.facilitator, votes_revealed=True)
    outline.get_by_text("Jongeren <b>doen</b> mee (2 stippen)").wait_for(timeout=10000)
    outline.get_by_text("Buurtkamers in elke kern (1 stip)").wait_for(timeout=10000)
    assert carla.url == carla_url  # no reload, no navigation
