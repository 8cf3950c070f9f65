"""The tree picture: layout, collapsed domains, proposals, vote totals, PNG."""

from __future__ import annotations

import json

import pytest

from kompas import goaltree, workshops
from kompas.db import reading, writing
from kompas.export import pictures
from kompas.goaltree import chart as tree_chart


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
        goaltree.add_node(db, actor=fac, parent_id=effect, title="Huisbezoeken")
        goaltree.add_node(db, actor=anne, parent_id=domains[1], title="Voorstel: " + "lang " * 30)
        workshops.set_phase(db, actor=fac, tool="tree", phase="stemmen")
    with writing(ws.engine) as db:
        goaltree.cast_vote(db, actor=anne, node_id=effect)
    ws.domains, ws.effect = domains, effect
    return ws


def view_of(ws):
    with reading(ws.engine) as db:
        return goaltree.tree_view(db, ws.id)


def reveal(ws):
    with writing(ws.engine) as db:
        workshops.update_workshop(db, actor=ws.facilitator, votes_revealed=True)


def test_layout_is_a_left_to_right_tree(tree):
    view = view_of(tree)
    boxes, rows = tree_chart.layout(view)
    at = {b.id: b for b in boxes}
    assert len(boxes) == len(view.nodes)
    # one row per leaf: 2 activities + the proposal + 4 empty domains
    assert rows == 7
    for b in boxes:
        if b.node.parent_id:
            assert at[b.node.parent_id].x < b.x  # parent left of child
    effect = at[tree.effect]
    kids = [at[c] for c in effect.node.children]
    assert effect.y == (kids[0].y + kids[-1].y) / 2
    assert len({round(b.y) for b in boxes if not b.node.children}) == rows  # leaves never overlap


def test_collapsed_domain_is_one_box_with_count(tree):
    view = view_of(tree)
    boxes, rows = tree_chart.layout(view, frozenset({tree.domains[0]}))
    assert tree.effect not in {b.id for b in boxes}
    spec = tree_chart.tree_chart(
        view, show_votes=False, collapsed=frozenset({tree.domains[0]})
    ).to_dict()
    labels = [r["label"] for r in _rows(spec)]
    assert "Onderwijs  +3" in labels
    assert rows == 6


def test_labels_wrap_and_are_never_cut():
    assert tree_chart.wrap_label("kort") == "kort"
    long = tree_chart.wrap_label("woord " * 40)
    assert long.count("\n") > 2 and "…" not in long
    assert long.replace("\n", " ") == ("woord " * 40).strip()
    assert all(len(line) <= tree_chart.LINE_CHARS for line in long.split("\n"))


def test_a_word_longer_than_a_line_is_split_with_a_hyphen():
    wrapped = tree_chart.wrap_label("Mantelzorgondersteuning thuis", width=12)
    assert wrapped == "Mantelzorgo-\nndersteuning\nthuis"
    assert wrapped.replace("-\n", "").replace("\n", " ") == "Mantelzorgondersteuning thuis"


def test_full_titles_in_boxes_as_high_as_their_text(tree):
    view = view_of(tree)
    boxes, _rows = tree_chart.layout(view)
    long = next(b for b in boxes if b.node.title.startswith("Voorstel"))
    assert long.label.replace("\n", " ") == long.node.title
    assert long.h == (long.label.count("\n") + 1) * tree_chart.LINE_H + 2 * tree_chart.BOX_PAD
    # no two boxes in one column overlap, whatever their height
    columns: dict[float, list] = {}
    for b in boxes:
        columns.setdefault(b.x, []).append(b)
    for column in columns.values():
        column.sort(key=lambda b: b.y)
        for upper, lower in zip(column, column[1:]):
            assert upper.y + upper.h / 2 < lower.y - lower.h / 2


def test_four_levels_fit_a_laptop_column(tree):
    # main goal, domain, effect, activity: the column at 1280 px is about 780 px wide
    width, _height = tree_chart.chart_size(view_of(tree))
    assert width <= 780


def _rows(spec):
    return spec["datasets"]["boxes"]


def test_proposals_are_dashed_and_votes_only_when_revealed(tree):
    hidden = tree_chart.tree_chart(view_of(tree), show_votes=True).to_dict()
    rows = _rows(hidden)
    assert {r["dash"] for r in rows if r["label"].startswith("Voorstel")} == {"voorstel"}
    assert all(r["votes"] == "" for r in rows)  # not revealed yet: nothing to show
    assert any(layer.get("mark", {}).get("strokeDash") == [5, 3] for layer in hidden["layer"])
    reveal(tree)
    shown = _rows(tree_chart.tree_chart(view_of(tree), show_votes=True).to_dict())
    assert [r["votes"] for r in shown if r["id"] == tree.effect] == ["1"]
    off = _rows(tree_chart.tree_chart(view_of(tree), show_votes=False).to_dict())
    assert all(r["votes"] == "" for r in off)


def test_chart_grows_with_leaves_and_is_valid_vega_lite(tree):
    view = view_of(tree)
    chart = tree_chart.tree_chart(view, show_votes=True)
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    width, height = tree_chart.chart_size(view)
    assert (spec["width"], spec["height"]) == (width, height)
    boxes, _rows = tree_chart.layout(view)
    bottom = max(b.y + b.h / 2 for b in boxes)
    assert height == round(bottom + tree_chart.ROW_GAP / 2 + tree_chart.MARGIN)
    assert height + tree_chart.MARGIN > 7 * tree_chart.ROW_H
    json.dumps(spec)


def test_chart_spec_read_function_and_png(tree):
    reveal(tree)
    with reading(tree.engine) as db:
        spec = goaltree.chart_spec(db, tree.id, True, (tree.domains[0],))
    assert spec["height"] > 0
    png = pictures.render("tree", view_of(tree))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


def test_marks_are_hidden_from_screen_readers_the_picture_is_named(tree):
    # axe (svg-img-alt) flagged a mark group without a name; the outline carries the text
    reveal(tree)
    spec = tree_chart.tree_chart(view_of(tree), show_votes=True).to_dict()
    assert all(layer["mark"].get("aria") is False for layer in spec["layer"])
    assert spec["description"].startswith("Doelenboom met")
