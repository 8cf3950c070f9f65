"""AppTest: the facilitator sets "now" (tool, phase, reveal) from a tool page; every
participant page shows it in the now_banner with a link there."""

from __future__ import annotations

import pytest

from kompas import workshops
from kompas.db import reading, writing
from kompas.workshop_info import workshop_info
from tests.conftest import Workshopper
from tests.pages.helpers import page_as, texts

TREE = "pages/1_Doelenboom.py"
MATRIX = "pages/3_Partnermatrix.py"


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db)
    ws.anne = ws.join("Anne", "gemeente")
    return ws


def _info(ws):
    with reading(ws.engine) as db:
        return workshop_info(db, ws.id)


def test_facilitator_sends_everyone_to_the_tree_from_its_page(ws):
    at = page_as(TREE, ws)
    at.button(key="now_set_tree").click().run()
    assert not at.exception
    assert _info(ws).now_tool == "tree"
    assert "Deelnemers zien nu:** Doelenboom · Verzamelen" in "\n".join(
        m.value for m in at.markdown
    )


def test_phase_on_the_tool_page_acts_at_once(ws):
    at = page_as(MATRIX, ws)
    at.radio(key="now_phase_matrix").set_value("bespreken").run()
    assert not at.exception
    assert _info(ws).phases["matrix"] == "bespreken"


def test_reveal_on_the_tree_page_acts_at_once(ws):
    at = page_as(TREE, ws)
    at.toggle(key="now_reveal_tree").set_value(True).run()
    assert _info(ws).votes_revealed


def test_participant_sees_now_with_a_link_there(ws):
    with writing(ws.engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="matrix")
    at = page_as(TREE, ws, ws.anne)
    shown = texts(at)
    assert "Nu:** Partnermatrix · Inschatten" in "\n".join(m.value for m in at.markdown)
    assert "Ga naar Partnermatrix" in [link.label for link in at.get("page_link")] or (
        "Ga naar Partnermatrix" in shown
    )
    assert not at.radio, "a participant gets no phase controls"


def test_participant_without_now_is_told_to_wait(ws):
    at = page_as(TREE, ws, ws.anne)
    assert "De procesbegeleider vertelt zo waar we mee beginnen." in texts(at)


def test_console_sends_everyone_to_a_tool(ws):
    at = page_as("home.py", ws)
    at.button(key="now_set_compass").click().run()
    assert not at.exception
    assert _info(ws).now_tool == "compass"
    assert at.button(key="now_set_compass").disabled  # already "now"
