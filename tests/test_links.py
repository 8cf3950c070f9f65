"""Links between the goal tree and the Kwaliteitskompas: one title in both directions, a
rename counts as an edit on the other side, deleting a node unlinks; and the shared row
helpers (fetch in this workshop, optimistic lock)."""

from __future__ import annotations

import pytest

from kompas import compass as c, goaltree as g
from kompas.db import reading, writing
from kompas.errors import Conflict, NotFound
from kompas.models import Activity, Ambition, GoalNode, Result
from kompas.rows import check_rev, get_in_workshop

pytestmark = pytest.mark.postgres


def _linked(engine, ws):
    """An effect and an activity node under it, both made into compass items."""
    with writing(engine) as db:
        effect = GoalNode(workshop_id=ws.id, kind="effect", title="Jongeren doen mee")
        db.add(effect)
        db.flush()
        node = GoalNode(workshop_id=ws.id, kind="activity", title="Straatwerk", parent_id=effect.id)
        db.add(node)
        db.flush()
        rid = c.result_from_node(db, actor=ws.facilitator, node_id=effect.id)
        aid = c.activity_from_node(db, actor=ws.facilitator, node_id=node.id)
        return dict(effect=effect.id, node=node.id, result=rid, activity=aid)


def _rev(engine, model, obj_id):
    with reading(engine) as db:
        return db.get(model, obj_id).rev


def test_tree_rename_renames_compass_items_and_counts_as_their_edit(engine, make_workshop):
    ws = make_workshop()
    ids = _linked(engine, ws)
    result_rev, activity_rev = (
        _rev(engine, Result, ids["result"]),
        _rev(engine, Activity, ids["activity"]),
    )
    effect_rev, node_rev = (
        _rev(engine, GoalNode, ids["effect"]),
        _rev(engine, GoalNode, ids["node"]),
    )
    with writing(engine) as db:
        g.edit_node(
            db,
            actor=ws.facilitator,
            node_id=ids["effect"],
            rev=effect_rev,
            title="Meer jongeren doen mee",
        )
        g.edit_node(
            db,
            actor=ws.facilitator,
            node_id=ids["node"],
            rev=node_rev,
            title="Straatwerk in elke wijk",
        )
    with reading(engine) as db:
        result, activity = db.get(Result, ids["result"]), db.get(Activity, ids["activity"])
        assert (result.title, result.rev) == ("Meer jongeren doen mee", result_rev + 1)
        assert (activity.title, activity.rev) == ("Straatwerk in elke wijk", activity_rev + 1)
    # an editor who still shows the old title cannot rename it back unnoticed
    with (
        pytest.raises(Conflict, match="intussen door iemand anders gewijzigd"),
        writing(engine) as db,
    ):
        c.update_result(
            db,
            actor=ws.facilitator,
            result_id=ids["result"],
            rev=result_rev,
            title="Jongeren doen mee",
        )
    with reading(engine) as db:
        assert db.get(GoalNode, ids["effect"]).title == "Meer jongeren doen mee"


def test_compass_rename_renames_the_node_and_counts_as_its_edit(engine, make_workshop):
    ws = make_workshop()
    ids = _linked(engine, ws)
    node_rev = _rev(engine, GoalNode, ids["node"])
    with writing(engine) as db:
        c.update_activity(
            db, actor=ws.facilitator, activity_id=ids["activity"], rev=None, title="Straatwerk plus"
        )
    with reading(engine) as db:
        node = db.get(GoalNode, ids["node"])
        assert (node.title, node.rev) == ("Straatwerk plus", node_rev + 1)
    with pytest.raises(Conflict), writing(engine) as db:
        g.edit_node(db, actor=ws.facilitator, node_id=ids["node"], rev=node_rev, title="Straatwerk")


def test_same_title_is_no_edit_on_the_other_side(engine, make_workshop):
    ws = make_workshop()
    ids = _linked(engine, ws)
    node_rev = _rev(engine, GoalNode, ids["effect"])
    with writing(engine) as db:
        c.update_result(
            db,
            actor=ws.facilitator,
            result_id=ids["result"],
            rev=None,
            title="Jongeren doen mee",
            description="Alleen de toelichting",
        )
    assert _rev(engine, GoalNode, ids["effect"]) == node_rev


def test_deleting_a_node_unlinks_but_keeps_compass_items(engine, make_workshop):
    ws = make_workshop()
    ids = _linked(engine, ws)
    with writing(engine) as db:
        g.delete_node(db, actor=ws.facilitator, node_id=ids["effect"])
    with reading(engine) as db:
        result, activity = db.get(Result, ids["result"]), db.get(Activity, ids["activity"])
        assert (result.title, result.goal_node_id) == ("Jongeren doen mee", None)
        assert (activity.title, activity.goal_node_id) == ("Straatwerk", None)
        assert db.get(GoalNode, ids["node"]) is None


def test_a_node_becomes_one_compass_item(engine, make_workshop):
    ws = make_workshop()
    ids = _linked(engine, ws)
    with (
        pytest.raises(
            Conflict, match="'Straatwerk' staat al in het kompas als activiteit 'Straatwerk'"
        ),
        writing(engine) as db,
    ):
        c.activity_from_node(db, actor=ws.facilitator, node_id=ids["node"])


# --- shared row helpers ------------------------------------------------------------------------


@pytest.mark.parametrize("obj_id", [True, "1", 1.0, None, 999])
def test_get_in_workshop_takes_only_an_existing_int_id(engine, make_workshop, obj_id):
    ws = make_workshop()
    with writing(engine) as db:
        c.add_ambition(db, actor=ws.facilitator, title="Minder eenzaamheid")
    with (
        pytest.raises(
            NotFound, match=r"^Deze ambitie bestaat niet \(meer\)\. Laad de pagina opnieuw\.$"
        ),
        reading(engine) as db,
    ):
        get_in_workshop(db, Ambition, obj_id, ws.id, "Deze ambitie")


def test_get_in_workshop_refuses_another_workshops_row(engine, make_workshop):
    mine, other = make_workshop(), make_workshop()
    with writing(engine) as db:
        rid = c.add_result(db, actor=other.facilitator, title="Van een ander")
    with reading(engine) as db:
        assert get_in_workshop(db, Result, rid, other.id, "Dit resultaat").title == "Van een ander"
        with pytest.raises(NotFound, match="^Dit resultaat bestaat niet in deze workshop.$"):
            get_in_workshop(db, Result, rid, mine.id, "Dit resultaat")


def test_check_rev():
    row = Result(workshop_id=1, title="R", rev=3)
    check_rev(row, None, "Resultaat 'R'")
    assert row.rev == 4
    check_rev(row, 4, "Resultaat 'R'")
    assert row.rev == 5
    with pytest.raises(Conflict, match="^Resultaat 'R' is intussen door iemand anders gewijzigd"):
        check_rev(row, 4, "Resultaat 'R'")
    assert row.rev == 5
