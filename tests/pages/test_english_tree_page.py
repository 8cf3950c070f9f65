"""The Doelenboom page for a participant who chose English at join: every word of the page
in English (the form, the phase, the picture with its legend and tooltips, the tree as
text, voting, the priorities), what people wrote as they wrote it; a Dutch participant
still sees the page in Dutch."""

from __future__ import annotations

import json

import pytest

from kompas import goaltree, workshops
from kompas.db import reading, writing
from kompas.workshops import join_workshop
from tests.conftest import Workshopper
from tests.pages.helpers import page_as, texts
from tests.test_i18n import assert_no_dutch_of_its_own

PAGE = "pages/1_Doelenboom.py"
CONVERTED = [
    ("kompas/ui/goaltree.py", "who"),
    ("kompas/ui/goaltree.py", "parent_label"),
    ("kompas/ui/goaltree.py", "add_form"),
    ("kompas/ui/goaltree.py", "_submit_node"),
    ("kompas/ui/goaltree.py", "status"),
    ("kompas/ui/goaltree.py", "actions_and_outline"),
    ("kompas/ui/goaltree.py", "legend_text"),
    ("kompas/ui/goaltree.py", "enlarged"),
    ("kompas/ui/goaltree.py", "_enlarged"),
    ("kompas/ui/goaltree.py", "picture"),
    ("kompas/ui/goaltree.py", "dots"),
    ("kompas/ui/goaltree.py", "outline_markdown"),
    ("kompas/ui/goaltree.py", "outline"),
    ("kompas/ui/goaltree.py", "proposals"),
    ("kompas/ui/goaltree.py", "voting"),
    ("kompas/ui/goaltree.py", "result"),
    ("pages/1_Doelenboom.py", "tree_live"),
    ("kompas/goaltree/chart.py", "_box_rows"),
    ("kompas/goaltree/chart.py", "_chart"),
]


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
        ws.sam, token = join_workshop(
            db, code=ws.code, name="Sam", role_group="aanbieder", language="en"
        )
    ws.tokens[ws.sam.participant_id] = token
    ws.anne = ws.join("Anne", "gemeente")
    return ws


def set_phase(ws, phase, **settings):
    with writing(ws.engine) as db:
        if settings:
            workshops.update_workshop(db, actor=ws.facilitator, **settings)
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase=phase)


def chart_specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def test_collecting_in_english_and_what_people_wrote_stays(ws):
    at = page_as(PAGE, ws, ws.sam)
    shown = texts(at)
    assert at.title[0].value == "Goal tree"
    for english in (
        "From the main goal via policy domains and societal effects to activities.",
        "**Phase:** Collecting (1 of 5) — Propose parts:",
        "**Propose a part**",
        "**The tree as text**",
        "**Legend**",
        "Dotted white border: proposal, not agreed yet.",
        "The dots appear as red circles in the tree",
        "- **Main goal:** Iedereen telt mee en doet mee",  # the theme as written
        "**Societal effect:** Minder eenzaamheid",
    ):
        assert english in shown, english
    for dutch in ("Fase:", "Onderdeel voorstellen", "Legenda", "De boom als tekst", "Hoofddoel"):
        assert dutch not in shown, dutch
    assert at.text_input(key="node_title").label == "Title"
    assert at.text_input(key="node_title").placeholder.startswith("For example:")
    parent = at.selectbox(key="node_parent")
    assert parent.label == "Under" and parent.help.startswith("The level below")
    assert parent.options[0] == "Main goal: Iedereen telt mee en doet mee"
    assert at.text_area(key="node_description").label == "Explanation (optional)"
    assert at.button(key="node_submit").label == "Add"
    assert at.multiselect(key="tree_collapse").label == "Fold policy domains"
    assert at.multiselect(key="tree_collapse").placeholder == "Everything unfolded"
    assert at.button(key="tree_enlarge").label == "View large"
    # the picture's description and tooltips in English too
    (spec,) = chart_specs(at)
    assert spec["description"].startswith("Goal tree with ")
    assert "Onderdeel" not in json.dumps(spec)


def test_proposing_and_withdrawing_in_english(ws):
    at = page_as(PAGE, ws, ws.sam)
    at.text_input(key="node_title").input("Maatjesproject")
    at.selectbox(key="node_parent").set_value(ws.effect)
    at.button(key="node_submit").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Maatjesproject (proposal by provider)" in shown
    assert "**My proposals (1)**" in shown
    assert "Activity under Minder eenzaamheid · provider" in shown
    assert "Mijn voorstellen" not in shown and "voorstel van" not in shown
    withdraw = [b for b in at.button if b.key.startswith("withdraw_")]
    assert [b.label for b in withdraw] == ["Withdraw"]
    # the enlarged picture has an English title and legend
    at.button(key="tree_enlarge").click().run()
    assert not at.exception
    assert len(chart_specs(at)) == 2
    assert all(s["description"].startswith("Goal tree with ") for s in chart_specs(at))


def test_form_after_the_phase_moved_on_in_english(ws):
    at = page_as(PAGE, ws, ws.sam)
    set_phase(ws, "ordenen")
    at.run()
    assert not at.exception
    assert at.button(key="node_form_close").label == "Close the form"
    assert "What you typed is still here" in at.warning[0].value
    assert "The facilitator puts the tree in order" in texts(at)


def test_voting_in_english(ws):
    set_phase(ws, "stemmen", vote_budget=3, max_votes_per_node=2)
    at = page_as(PAGE, ws, ws.sam)
    at.button(key=f"vote_{ws.effect}").click().run()
    assert not at.exception
    shown = texts(at)
    for english in (
        "**Votes**",
        "Your dots: 2 of 3 left (at most 2 per part, on societal effects)",
        "1 of 2 have voted",
        "The votes stay hidden until the facilitator shows them.",
        "● 1 dot",
    ):
        assert english in shown, english
    for dutch in ("Jouw stippen", "hebben gestemd", "Stemmen**", "stippen"):
        assert dutch not in shown, dutch
    vote = at.button(key=f"vote_{ws.effect}")
    assert vote.label == "Add a dot" and vote.help == "Dot on: Minder eenzaamheid"
    assert at.button(key=f"unvote_{ws.effect}").label == "Take a dot back"


def test_result_in_english(ws):
    set_phase(ws, "stemmen")
    with writing(ws.engine) as db:
        goaltree.cast_vote(db, actor=ws.sam, node_id=ws.effect)
        goaltree.cast_vote(db, actor=ws.anne, node_id=ws.effect)
    set_phase(ws, "resultaat")
    at = page_as(PAGE, ws, ws.sam)
    assert "The votes have not been shown yet." in texts(at)
    with writing(ws.engine) as db:
        workshops.update_workshop(db, actor=ws.facilitator, votes_revealed=True)
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "Priorities" in [s.value for s in at.subheader]
    assert "We only show dots per role when at least" in shown
    assert "Red circle with a number: the number of dots." in shown
    assert "(societal effect" not in shown and "2 dots" in shown
    table = at.dataframe[0].value
    assert list(table.columns[:5]) == ["Rank", "Part", "Kind", "Policy domain", "Dots"]
    assert table["Kind"].tolist() == ["Societal effect"]
    assert table["Part"].tolist() == ["Minder eenzaamheid"]
    # the tooltips travel as Arrow data: read them from the spec the page asks for
    with reading(ws.engine) as db:
        english = goaltree.chart_spec(db, ws.id, True, (), "en")
        dutch = goaltree.chart_spec(db, ws.id, True, ())
    tips = {row["id"]: row["tip"] for row in english["datasets"]["boxes"]}
    assert tips[ws.effect] == "Societal effect: Minder eenzaamheid · 2 dots"
    assert english["layer"][1]["encoding"]["tooltip"]["title"] == "Part"
    tips = {row["id"]: row["tip"] for row in dutch["datasets"]["boxes"]}
    assert tips[ws.effect] == "Maatschappelijk effect: Minder eenzaamheid · 2 stippen"


def test_the_same_page_stays_dutch_for_a_dutch_participant(ws):
    at = page_as(PAGE, ws, ws.anne)
    shown = texts(at)
    assert at.title[0].value == "Doelenboom"
    for dutch in ("**Onderdeel voorstellen**", "**Legenda**", "**De boom als tekst**"):
        assert dutch in shown
    assert "**Fase:** Verzamelen" in shown
    assert "Goal tree" not in shown and "Legend**" not in shown
    (spec,) = chart_specs(at)
    assert spec["description"].startswith("Doelenboom met ")


@pytest.mark.parametrize(("file", "function"), CONVERTED)
def test_converted_screens_hold_no_dutch_of_their_own(file, function):
    assert_no_dutch_of_its_own(file, function)


def test_a_refused_proposal_says_why_in_english_and_keeps_the_text(ws):
    at = page_as(PAGE, ws, ws.sam)
    at.text_input(key="node_title").input("   ")
    at.text_area(key="node_description").input("Mijn toelichting")
    at.button(key="node_submit").click().run()
    assert not at.exception
    shown = texts(at)
    assert "The title must not be empty." in shown
    assert "mag niet leeg zijn" not in shown
    assert at.text_area(key="node_description").value == "Mijn toelichting"
    # the same refusal for a Dutch participant, word for word as before
    dutch = page_as(PAGE, ws, ws.anne)
    dutch.text_input(key="node_title").input("   ")
    dutch.button(key="node_submit").click().run()
    assert "De titel mag niet leeg zijn." in texts(dutch)
