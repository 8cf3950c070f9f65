"""Tables at 1280 px (a main column of about 780 px): the columns the discussion is about
(Stippen and per-role dots, Spreiding, Budget, Status) are in view without scrolling
sideways, and budget charts say in a sentence when there is no budget yet."""

from __future__ import annotations

import json

from kompas import compass as c, goaltree, partners, workshops
from kompas.db import writing
from tests.pages import (
    test_doelenboom_page as tree_page,
    test_kwaliteitskompas_page as compass_page,
    test_partnermatrix_page as matrix_page,
)
from tests.pages.test_doelenboom_page import ws as tree_ws  # noqa: F401 (fixture)

COLUMN_PX = 780
NAMED_WIDTHS = {"small": 75, "medium": 200, "large": 400}


def in_view(element) -> list[str]:
    """The columns whose right edge is within COLUMN_PX: pinned ones first, then the
    column order (or the data's order). A column without a width counts as too wide:
    Streamlit sizes it to its longest text."""
    config = json.loads(element.proto.columns or "{}")
    order = list(element.proto.column_order) or list(element.value.columns)
    order = [c for c in order if config.get(c, {}).get("pinned")] + [
        c for c in order if not config.get(c, {}).get("pinned")
    ]
    shown, left = [], 0
    for column in order:
        width = config.get(column, {}).get("width")
        left += NAMED_WIDTHS.get(width, width) if width else 10 * COLUMN_PX
        if left > COLUMN_PX:
            break
        shown.append(column)
    return shown


def by_key(at, key_start: str):
    """An editor by its key, a read-only table (no id in AppTest) by a column it has."""
    return next(
        d
        for d in at.dataframe
        if (d.proto.id and key_start in d.proto.id)
        or (not d.proto.id and key_start in d.value.columns)
    )


def test_compass_table_shows_every_column_budget_included(app_db):
    ws = compass_page.Workshopper(app_db)
    compass_page._fill(ws)
    at = compass_page._app(ws)
    table = by_key(at, "Ambitie")
    assert set(in_view(table)) == set(table.value.columns)


def test_activity_editor_keeps_title_and_budget_in_view(app_db):
    ws = compass_page.Workshopper(app_db)
    compass_page._fill(ws)
    at = compass_page._app(ws)
    editor = by_key(at, "ed_activities")
    assert {"title", "budget"} <= set(in_view(editor))


def test_indicator_editor_keeps_status_in_view(app_db):
    ws = compass_page.Workshopper(app_db)
    compass_page._fill(ws)
    at = compass_page._app(ws)
    editor = by_key(at, "ed_indicators")
    assert {"name", "status", "latest"} <= set(in_view(editor))


def test_no_budget_yet_is_a_sentence_not_an_empty_chart(app_db):
    ws = compass_page.Workshopper(app_db)
    with writing(ws.engine) as db:
        amb = c.add_ambition(db, actor=ws.facilitator, title="Minder eenzaamheid")
        result = c.add_result(db, actor=ws.facilitator, ambition_id=amb, title="Ontmoeting")
        c.add_activity(db, actor=ws.facilitator, title="Buurtkamer", result_ids=[result])
    at = compass_page._app(ws)
    assert not at.exception
    assert any("nog geen budget ingevuld" in i.value for i in at.info)
    assert len(at.get("vega_lite_chart")) == 1  # only results versus inputs


def test_priority_table_keeps_dots_per_role_in_view(tree_ws):  # noqa: F811
    ws = tree_ws
    voters = [ws.join(f"G{i}", "gemeente") for i in range(3)]
    voters += [ws.join(f"A{i}", "aanbieder") for i in range(3)]
    tree_page.set_phase(ws, "stemmen")
    with writing(ws.engine) as db:
        for person in voters:
            goaltree.cast_vote(db, actor=person, node_id=ws.effect)
        workshops.update_workshop(db, actor=ws.facilitator, votes_revealed=True)
    tree_page.set_phase(ws, "resultaat")
    at = tree_page.page(ws)
    table = by_key(at, "Rang")
    assert {"Onderdeel", "Stippen", "Gemeente", "Aanbieder", "Afgesproken"} <= set(in_view(table))


def test_consensus_table_keeps_spread_in_view(app_db):
    ws = matrix_page.ws.__wrapped__(app_db)
    for person, x in ((ws.anne, 0.0), (ws.bram, 1.0)):
        matrix_page.place(ws, person, ws.mee, x, 1 - x)
    with writing(ws.engine) as db:
        partners.reveal_placements(db, actor=ws.facilitator)
    at = matrix_page.page(ws, ws.anne)
    table = by_key(at, "Spreiding")
    assert {"Partner", "Geplaatst", "Spreiding"} <= set(in_view(table))
