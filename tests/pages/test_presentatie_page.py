"""AppTest: the projector screen is the facilitator's; it shows the join code and follows
"now"; participants are refused in Dutch."""

from __future__ import annotations

import pytest

from kompas import goaltree, workshops
from kompas.db import writing
from tests.conftest import Workshopper
from tests.pages.helpers import page_as, texts

PAGE = "pages/5_Presentatie.py"


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db, title="Werksessie Zutphen")
    ws.anne = ws.join("Anne", "gemeente")
    return ws


def test_participant_is_refused(ws):
    at = page_as(PAGE, ws, ws.anne)
    assert "alleen voor de procesbegeleider" in texts(at)
    assert ws.code not in "\n".join(h.value for h in at.get("html"))


def test_facilitator_sees_code_qr_and_join_address(ws):
    at = page_as(PAGE, ws)
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert f">{ws.code}</div>" in html
    assert "Doe mee op http://localhost:8501 met de code" in texts(at).replace("**", "")
    assert "Welkom" in texts(at)


def test_follows_now_to_the_tree_with_vote_progress(ws):
    with writing(ws.engine) as db:
        main = goaltree.tree_view(db, ws.id).nodes[0].id
        goaltree.add_node(db, actor=ws.anne, parent_id=main, title="Wonen voor iedereen")
        workshops.set_now(db, actor=ws.facilitator, tool="tree", phase="stemmen")
    shown = texts(page_as(PAGE, ws))
    assert "Nu: Doelenboom · Stemmen" in shown
    assert "0 van 1 hebben gestemd" in shown
    assert "Wonen voor iedereen" in shown
