"""AppTest for the Doelenboom's finer points (issue 13): "Onder" keeps its choice, a
delete with children asks first, merge and move pickers never offer the node itself."""

from __future__ import annotations

from sqlmodel import select

from kompas import goaltree
from kompas.db import reading, writing
from kompas.models import GoalNode
from tests.pages.test_doelenboom_page import page, set_phase, text_of, ws  # noqa: F401


def test_onder_keeps_the_last_choice_after_a_proposal(ws):  # noqa: F811
    at = page(ws, ws.anne)
    at.selectbox(key="node_parent").set_value(ws.effect)
    at.text_input(key="node_title").input("Maatjesproject")
    at.button(key="node_submit").click().run()
    assert not at.exception
    assert at.text_input(key="node_title").value == ""
    # the next proposal goes under the same effect unless someone picks another one
    assert at.selectbox(key="node_parent").value == ws.effect
    at.text_input(key="node_title").input("Wandelgroep")
    at.button(key="node_submit").click().run()
    with reading(ws.engine) as db:
        rows = db.execute(
            select(GoalNode).where(GoalNode.title.in_(["Maatjesproject", "Wandelgroep"]))
        ).scalars()
        parents = {n.title: n.parent_id for n in rows}
    assert parents == {"Maatjesproject": ws.effect, "Wandelgroep": ws.effect}


def test_onder_explains_the_levels_in_one_line(ws):  # noqa: F811
    at = page(ws, ws.anne)
    help_text = at.selectbox(key="node_parent").help
    assert "activiteit" in help_text and "effect" in help_text


def test_onder_keeps_its_choice_when_the_list_grows(ws):  # noqa: F811
    # the facilitator adds an effect: it becomes a choice in "Onder" itself, and
    # someone else's proposal arrives; the chosen domain stays chosen
    with reading(ws.engine) as db:
        domain = db.get(GoalNode, ws.effect).parent_id
    at = page(ws)
    at.selectbox(key="node_parent").set_value(domain)
    at.text_input(key="node_title").input("Meer mensen bewegen")
    at.button(key="node_submit").click().run()
    assert not at.exception
    assert at.selectbox(key="node_parent").value == domain
    with writing(ws.engine) as db:
        goaltree.add_node(db, actor=ws.anne, parent_id=domain, title="Sportakkoord")
    at.run()
    assert at.selectbox(key="node_parent").value == domain


def test_onder_keeps_its_choice_when_the_form_was_away(ws):  # noqa: F811
    # a phase without the form (or another page) drops the widget's own state
    at = page(ws, ws.anne)
    at.selectbox(key="node_parent").set_value(ws.effect)
    at.text_input(key="node_title").input("Maatjesproject")
    at.button(key="node_submit").click().run()
    set_phase(ws, "ordenen")
    at.run()
    at.button(key="node_form_close").click().run()
    at.run()
    assert not [s for s in at.selectbox if s.key == "node_parent"]
    set_phase(ws, "verzamelen")
    at.run()
    assert at.selectbox(key="node_parent").value == ws.effect


def test_picture_has_a_text_legend_and_can_be_enlarged(ws):  # noqa: F811
    at = page(ws, ws.anne)
    text = text_of(at)
    assert "Legenda" in text
    assert "Gestippelde witte rand: voorstel" in text and "★" in text
    assert "rode rondjes" in text  # dots not revealed yet: the legend says when they come
    at.button(key="tree_enlarge").click().run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2  # the picture and its enlarged copy
