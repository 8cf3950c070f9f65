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


def test_delete_with_children_asks_first_and_says_what_goes(ws):  # noqa: F811
    set_phase(ws, "stemmen")
    with writing(ws.engine) as db:
        goaltree.cast_vote(db, actor=ws.anne, node_id=ws.effect)
        goaltree.cast_vote(db, actor=ws.bram, node_id=ws.effect)
    set_phase(ws, "ordenen")
    at = page(ws)
    at.selectbox(key="edit_node").set_value(ws.effect).run()
    at.button(key="delete_submit_node").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert db.get(GoalNode, ws.effect) is not None  # nothing gone yet
    assert "met 1 onderdeel eronder en 2 stippen" in at.warning[0].value
    at.button(key="delete_cancel").click().run()
    with reading(ws.engine) as db:
        assert db.get(GoalNode, ws.effect) is not None
    at.button(key="delete_submit_node").click().run()
    at.button(key="delete_confirm").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert db.get(GoalNode, ws.effect) is None
        assert db.get(GoalNode, ws.activity) is None


def test_delete_of_a_lone_node_needs_no_question(ws):  # noqa: F811
    at = page(ws)
    at.selectbox(key="edit_node").set_value(ws.activity).run()
    at.button(key="delete_submit_node").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert db.get(GoalNode, ws.activity) is None


def test_merge_picker_never_offers_the_kept_node_and_defaults_to_its_kind(ws):  # noqa: F811
    with writing(ws.engine) as db:
        dup = goaltree.add_node(db, actor=ws.facilitator, parent_id=ws.effect, title="Buurtkamers")
    at = page(ws)
    at.selectbox(key="merge_keep").set_value(ws.activity).run()
    gone = at.selectbox(key="merge_gone")
    assert gone.value == dup  # the other activity, not the node itself
    assert all("Buurtkamer" != o.split(": ", 1)[-1] for o in gone.options)
    # a node that the kept one stands under is not offered either (it would be refused)
    assert not any(o.split(": ", 1)[-1] == "Minder eenzaamheid" for o in gone.options)
    at.button(key="merge_submit").click().run()
    assert not at.exception and not at.error
    with reading(ws.engine) as db:
        assert db.get(GoalNode, dup) is None


def test_move_picker_never_offers_the_node_or_its_own_branch(ws):  # noqa: F811
    at = page(ws)
    at.selectbox(key="edit_node").set_value(ws.effect).run()
    move = at.selectbox(key=f"move_to_{ws.effect}")
    titles = [o.split(": ", 1)[-1] for o in move.options]
    assert "Minder eenzaamheid" not in titles and "Buurtkamer" not in titles
    # an effect moves to another domain by default, not to the main goal
    with reading(ws.engine) as db:
        assert db.get(GoalNode, move.value).kind == "domain"
        assert move.value != db.get(GoalNode, ws.effect).parent_id
