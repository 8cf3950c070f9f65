"""Budget charts of the Kwaliteitskompas stay readable with one or two bars and say
nothing (no empty axis) before anyone entered a budget."""

from __future__ import annotations

import pytest

from kompas import compass as c
from kompas.compass import chart
from kompas.db import reading, writing
from kompas.models import Partner


def _compass(ws, budgets: list[int | None]):
    f = ws.facilitator
    with writing(ws.engine) as db:
        partner = Partner(workshop_id=ws.id, name="Welzijn Oost")
        db.add(partner)
        db.flush()
        amb = c.add_ambition(db, actor=f, title="Minder eenzaamheid")
        for i, cents in enumerate(budgets):
            result = c.add_result(db, actor=f, ambition_id=amb, title=f"Resultaat {i}")
            c.add_activity(
                db,
                actor=f,
                title=f"Activiteit {i}",
                partner_id=partner.id,
                budget_cents=cents,
                result_ids=[result],
            )
    with reading(ws.engine) as db:
        return c.compass_view(db, ws.id)


def _axes(spec) -> list:
    """Every x encoding of every layer (also inside hconcat)."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            x = node.get("encoding", {}).get("x")
            if isinstance(x, dict) and x.get("field") == "budget":
                found.append(x)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


@pytest.mark.parametrize(
    "top, expected",
    [
        (1.4, [0, 1]),
        (14, [0, 5, 10]),
        (700, [0, 500]),
        (4_298_000, [0, 2_000_000, 4_000_000]),
    ],
)
def test_money_ticks_are_round_and_never_repeat(top, expected):
    assert chart.money_ticks(top) == expected


@pytest.mark.parametrize("budgets", [[None], [0, None]])
def test_no_budget_gives_no_chart_and_no_empty_axis(make_workshop, budgets):
    view = _compass(make_workshop(), budgets)
    assert chart.budget_per_result_chart(view) is None
    assert chart.budget_per_partner_chart(view) is None
    main = chart.results_inputs_chart(view).to_dict()
    assert [x.get("axis") for x in _axes(main) if "scale" in x] == [None]


@pytest.mark.parametrize("budgets", [[250_00], [1_000_000_00, 1_500_00]])
def test_one_or_two_bars_stay_readable(make_workshop, budgets):
    view = _compass(make_workshop(), budgets)
    for made in (chart.budget_per_result_chart(view), chart.budget_per_partner_chart(view)):
        spec = made.to_dict()
        assert spec["height"] >= 2 * chart.ROW_HEIGHT
        bar = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
        assert bar["mark"]["size"] == chart.BAR_SIZE
        (x,) = [x for x in _axes(spec) if "axis" in x]
        values = x["axis"]["values"]
        assert len(values) == len(set(values)) >= 2
        assert max(values) <= x["scale"]["domain"][1]
        assert "mln" in x["axis"]["labelExpr"]  # € 2 mln rather than € 2.000.000
