"""The tree picture's spec without Altair per change (goaltree.chart.tree_spec) is the
very spec Altair builds, for every shape: with and without dots, collapsed, any size."""

from __future__ import annotations

import pytest

from kompas import goaltree, workshops
from kompas.db import reading, writing
from kompas.goaltree import chart


@pytest.fixture
def tree(make_workshop):
    ws = make_workshop(theme="Iedereen telt mee")
    fac = ws.facilitator
    anne = ws.join("Anne", "inwoner")
    with writing(ws.engine) as db:
        goaltree.apply_template(db, actor=fac)
        domains = [n.id for n in goaltree.tree_view(db, ws.id).nodes if n.kind == "domain"]
        effect = goaltree.add_node(db, actor=fac, parent_id=domains[0], title="Minder eenzaamheid")
        goaltree.add_node(db, actor=fac, parent_id=effect, title="Buurtkamer")
        goaltree.add_node(db, actor=anne, parent_id=domains[1], title="Voorstel: " + "lang " * 30)
        workshops.set_phase(db, actor=fac, tool="tree", phase="stemmen")
    with writing(ws.engine) as db:
        goaltree.cast_vote(db, actor=anne, node_id=effect)
    ws.domains = domains
    return ws


def view_of(ws):
    with reading(ws.engine) as db:
        return goaltree.tree_view(db, ws.id)


@pytest.mark.parametrize("revealed", [False, True])
@pytest.mark.parametrize("show_votes", [False, True])
@pytest.mark.parametrize("collapse", [False, True])
def test_fast_spec_equals_the_altair_spec(tree, revealed, show_votes, collapse):
    if revealed:
        with writing(tree.engine) as db:
            workshops.update_workshop(db, actor=tree.facilitator, votes_revealed=True)
    view = view_of(tree)
    collapsed = frozenset({tree.domains[0]}) if collapse else frozenset()
    fast = chart.tree_spec(view, show_votes=show_votes, collapsed=collapsed)
    slow = chart.tree_chart(view, show_votes=show_votes, collapsed=collapsed).to_dict(
        validate=False
    )
    assert fast == slow
    assert fast["width"] == chart.chart_size(view, collapsed)[0]
    assert f"met {len(view.nodes)} onderdelen" in fast["description"]


def test_fast_spec_follows_a_growing_tree(tree):
    before = chart.tree_spec(view_of(tree), show_votes=False)
    with writing(tree.engine) as db:
        goaltree.add_node(db, actor=tree.facilitator, parent_id=tree.domains[0], title="Nieuw")
    view = view_of(tree)
    after = chart.tree_spec(view, show_votes=False)
    assert after["height"] > before["height"]
    assert after == chart.tree_chart(view, show_votes=False).to_dict(validate=False)
    assert "Nieuw" in {r["label"] for r in after["datasets"]["boxes"]}
