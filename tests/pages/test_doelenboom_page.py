"""AppTest for the Doelenboom page in each phase, for participants and the facilitator."""

from __future__ import annotations

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from kompas import goaltree, workshops
from kompas.db import reading, writing
from kompas.models import GoalNode, Vote
from tests.conftest import ROOT, Workshopper
from tests.pages.helpers import page_as

PAGE = str(ROOT / "pages" / "1_Doelenboom.py")


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db, theme="Iedereen telt mee en doet mee")
    with writing(app_db) as db:
        goaltree.apply_template(db, actor=ws.facilitator)
        domain = [n.id for n in goaltree.tree_view(db, ws.id).nodes if n.kind == "domain"][0]
        ws.effect = goaltree.add_node(
            db, actor=ws.facilitator, parent_id=domain, title="Minder eenzaamheid"
        )
        ws.activity = goaltree.add_node(
            db, actor=ws.facilitator, parent_id=ws.effect, title="Buurtkamer"
        )
    ws.anne = ws.join("Anne", "gemeente")
    ws.bram = ws.join("Bram", "aanbieder")
    return ws


def page(ws, actor=None) -> AppTest:
    return page_as(PAGE, ws, actor)


def text_of(at: AppTest) -> str:
    parts = (
        [m.value for m in at.markdown] + [t.value for t in at.text] + [c.value for c in at.caption]
    )
    return "\n".join(parts)


def set_phase(ws, phase, **settings):
    with writing(ws.engine) as db:
        if settings:
            workshops.update_workshop(db, actor=ws.facilitator, **settings)
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase=phase)


def test_without_identity_asks_to_join(app_db):
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    assert not at.exception
    assert "Meld je aan" in at.warning[0].value


def test_participant_proposes_node_under_main_goal_by_default(ws):
    at = page(ws, ws.anne)
    with reading(ws.engine) as db:
        root = goaltree.main_goal(db, ws.id).id
    assert at.selectbox(key="node_parent").value == root
    at.text_input(key="node_title").input("Inwoners doen mee *naar* vermogen")
    at.button(key="node_submit").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        node = db.execute(
            select(GoalNode).where(GoalNode.title.like("Inwoners doen%"))
        ).scalar_one()
    assert (node.status, node.parent_id, node.kind) == ("proposal", root, "domain")
    # shown literally in the outline, marked as a proposal with the role group
    assert r"Inwoners doen mee \*naar\* vermogen (voorstel van gemeente)" in text_of(at)
    assert "Mijn voorstellen (1)" in text_of(at)


def test_participant_proposes_under_chosen_parent_and_withdraws(ws):
    at = page(ws, ws.bram)
    at.text_input(key="node_title").input("Maatjesproject")
    at.selectbox(key="node_parent").set_value(ws.effect)
    at.button(key="node_submit").click().run()
    with reading(ws.engine) as db:
        node = db.execute(select(GoalNode).where(GoalNode.title == "Maatjesproject")).scalar_one()
    assert (node.parent_id, node.kind) == (ws.effect, "activity")
    at.button(key=f"withdraw_{node.id}").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert db.get(GoalNode, node.id) is None


def test_empty_title_shows_dutch_error(ws):
    at = page(ws, ws.anne)
    at.button(key="node_submit").click().run()
    assert "mag niet leeg zijn" in at.error[0].value


def test_every_node_title_is_on_the_page_as_text(ws):
    at = page(ws, ws.anne)
    text = text_of(at)
    for title in (
        "Iedereen telt mee en doet mee",
        *goaltree.TEMPLATE_DOMAINS,
        "Minder eenzaamheid",
        "Buurtkamer",
    ):
        assert title.replace(",", r"\,") in text
    assert any(el.type == "arrow_vega_lite_chart" or "vega" in el.type for el in at.main)


@pytest.mark.parametrize("phase", ["ordenen", "stemmen", "resultaat", "gesloten"])
def test_no_proposal_form_outside_collecting(ws, phase):
    set_phase(ws, phase)
    at = page(ws, ws.anne)
    assert not [w for w in at.text_input if w.key == "node_title"]
    assert "Minder eenzaamheid" in text_of(at)


def test_facilitator_accepts_proposal(ws):
    with writing(ws.engine) as db:
        node = goaltree.add_node(db, actor=ws.anne, parent_id=ws.effect, title="Huisbezoeken")
    set_phase(ws, "ordenen")
    at = page(ws)
    assert "Voorstellen (1)" in text_of(at)
    at.button(key=f"accept_{node}").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert db.get(GoalNode, node).status == "accepted"


def test_facilitator_accepts_all_proposals(ws):
    with writing(ws.engine) as db:
        ids = [
            goaltree.add_node(db, actor=ws.anne, parent_id=ws.effect, title=f"Voorstel {i}")
            for i in range(15)
        ]
    at = page(ws)
    assert "En nog 3 voorstellen" in text_of(at)
    at.button(key="accept_all").click().run()
    assert not at.exception and "Voorstellen (" not in text_of(at)
    with reading(ws.engine) as db:
        assert {db.get(GoalNode, i).status for i in ids} == {"accepted"}


def test_voting_with_budget_and_hidden_totals(ws):
    set_phase(ws, "stemmen", vote_budget=2, max_votes_per_node=2)
    at = page(ws, ws.anne)
    assert "nog 2 van 2 over" in text_of(at)
    assert at.button(key=f"unvote_{ws.effect}").disabled
    at.button(key=f"vote_{ws.effect}").click().run()
    at.button(key=f"vote_{ws.effect}").click().run()
    assert not at.exception
    assert "nog 0 van 2 over" in text_of(at)
    assert at.button(key=f"vote_{ws.effect}").disabled
    with reading(ws.engine) as db:
        assert db.execute(select(Vote.count)).scalar() == 2
    at.button(key=f"unvote_{ws.effect}").click().run()
    assert "nog 1 van 2 over" in text_of(at)
    # the facilitator sees how many voted, not the totals
    fac = page(ws)
    assert "1 van 2 hebben gestemd" in text_of(fac)
    assert "stip)" not in text_of(fac) and "Prioriteiten" not in text_of(fac)
    assert not [b for b in fac.button if b.key.startswith("vote_") and b.key[5:].isdigit()]


def test_result_shows_ranked_totals_per_role_after_reveal(ws):
    set_phase(ws, "stemmen", vote_level="both")
    with writing(ws.engine) as db:
        goaltree.cast_vote(db, actor=ws.anne, node_id=ws.effect)
        goaltree.cast_vote(db, actor=ws.bram, node_id=ws.effect)
        goaltree.cast_vote(db, actor=ws.bram, node_id=ws.activity)
    set_phase(ws, "resultaat")
    at = page(ws, ws.anne)
    assert "De stemmen zijn nog niet zichtbaar gemaakt." in at.info[0].value
    fac = page(ws)
    fac.button(key="reveal_votes").click().run()
    assert not fac.exception
    table = fac.dataframe[0].value
    assert list(table["Onderdeel"]) == ["Minder eenzaamheid", "Buurtkamer"]
    assert list(table["Stippen"]) == [2, 1]
    # one voter per role: no column per role, and the page says why
    assert "Gemeente" not in table.columns and "Aanbieder" not in table.columns
    assert any("minstens 3 mensen" in c.value for c in fac.caption)
    assert "Minder eenzaamheid (2 stippen)" in text_of(fac)
    fac.multiselect(key="agreed_").set_value([ws.effect]).run()
    with reading(ws.engine) as db:
        assert db.get(GoalNode, ws.effect).agreed_priority


def test_facilitator_moves_and_merges(ws):
    with writing(ws.engine) as db:
        dup = goaltree.add_node(db, actor=ws.facilitator, parent_id=ws.effect, title="Buurtkamers")
        domains = [n.id for n in goaltree.tree_view(db, ws.id).nodes if n.kind == "domain"]
    at = page(ws)
    at.selectbox(key="edit_node").set_value(ws.activity).run()
    with writing(ws.engine) as db:
        other_effect = goaltree.add_node(
            db, actor=ws.facilitator, parent_id=domains[1], title="Gezond"
        )
    at.run()
    at.selectbox(key=f"move_to_{ws.activity}").set_value(other_effect)
    at.button(key="move_submit").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert db.get(GoalNode, ws.activity).parent_id == other_effect
    at.selectbox(key="merge_keep").set_value(ws.activity)
    at.selectbox(key="merge_gone").set_value(dup)
    at.button(key="merge_submit").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert db.get(GoalNode, dup) is None
    assert "ook genoemd: Buurtkamers" in text_of(at)


def test_collapsed_domain_and_template_button(ws):
    at = page(ws)
    at.button(key="tree_template").click().run()
    assert not at.exception
    domains = at.multiselect(key="tree_collapse").options
    assert len(domains) == 1  # only domains with something under them
    at.multiselect(key="tree_collapse").set_value(
        [ws.effect and at.multiselect(key="tree_collapse").options[0]]
    )
    at.run()
    assert not at.exception
