"""Partnermatrix lenses in Chromium: the facilitator switches to the Stade lens, the open
participant page follows by push, and the participant places a partner by keyboard in that
lens (stored in the Stade lens, the default lens untouched)."""

from __future__ import annotations

import time

import pytest

from kompas import partners
from kompas.db import reading, writing
from kompas.partners import lenses
from tests.conftest import Workshopper
from tests.e2e.conftest import wait_app
from tests.e2e.test_partnermatrix_e2e import open_matrix

STADE = lenses.STURING_NETWERK


@pytest.fixture
def ws(server):
    ws = Workshopper(server.engine, title="Lenzen e2e")
    with writing(server.engine) as db:
        ws.mee = partners.add_partner(db, actor=ws.facilitator, name="MEE Gelderse Poort")
        ws.vb = partners.add_partner(db, actor=ws.facilitator, name="Voedselbank")
    ws.anne = ws.join("Anne", "gemeente")
    return ws


def stored(server, ws, lens_id, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with reading(server.engine) as db:
            own = partners.matrix_view(db, ws.id, ws.anne.participant_id, lens=lens_id).own
        if ws.mee in own:
            return own[ws.mee].influence, own[ws.mee].dependency
        time.sleep(0.2)
    return None


def test_switch_lens_and_place_by_keyboard(server, new_page, ws):
    facilitator = open_matrix(new_page, server, ws)
    anne = open_matrix(new_page, server, ws, ws.anne, viewport=(1280, 800))
    y_label = anne.locator('[data-role="y-label"]')
    assert y_label.text_content() == "Invloed op de doelen"

    facilitator.get_by_role("combobox", name="Lens van deze ronde").click()
    facilitator.get_by_role("option", name=STADE.name).click()
    wait_app(facilitator)
    with reading(server.engine) as db:
        assert partners.matrix_view(db, ws.id).lens.id == STADE.id

    # Anne's page follows without a reload: the axes and ends of the Stade lens
    anne.wait_for_function(
        """(label) => {
            const host = [...document.querySelectorAll('*')].find(
                e => e.shadowRoot && e.shadowRoot.querySelector('svg.matrix'));
            const t = host && host.shadowRoot.querySelector('[data-role="y-label"]');
            return t && t.textContent === label;
        }""",
        arg=STADE.vertical.label,
        timeout=15000,
    )
    wait_app(anne)
    assert anne.locator('[data-role="x-label"]').text_content() == STADE.horizontal.label
    assert anne.locator('[data-role="y-high"]').text_content() == "strak sturen"
    assert anne.get_by_text(f"Lens: {STADE.name}").is_visible()

    dot = anne.locator(f'g.dot[data-id="{ws.mee}"]')
    assert "unplaced" in dot.get_attribute("class")
    dot.focus()
    for key in ("ArrowUp", "ArrowUp", "ArrowUp", "ArrowRight", "ArrowRight"):
        anne.keyboard.press(key)
    assert "sturing 65%, netwerkpositie 60%" in anne.locator('[data-role="live"]').text_content()
    assert stored(server, ws, STADE.id) == (pytest.approx(0.65), pytest.approx(0.6))
    assert stored(server, ws, lenses.DEFAULT, timeout=0.5) is None  # the other lens untouched
    wait_app(anne)
    anne.screenshot(path="/tmp/lenses-1280.png", full_page=False)
    for size in ((390, 844), (1920, 1080)):
        anne.set_viewport_size({"width": size[0], "height": size[1]})
        anne.wait_for_timeout(400)
        anne.screenshot(path=f"/tmp/lenses-{size[0]}.png", full_page=False)
    assert anne.js_errors == [] and facilitator.js_errors == []


def test_scan_page_scores_and_relations_part(server, new_page, ws):
    from kompas import scan

    page = new_page((1280, 800))
    page.goto(
        f"{server.url}/Samenwerkingsscan?code={ws.code}&p={ws.tokens[ws.anne.participant_id]}"
    )
    page.get_by_role("heading", name="Samenwerkingsscan").wait_for()
    wait_app(page)
    grip = next(s for s in scan.STATEMENTS if s.id == "governance_grip")
    group = page.get_by_role("radiogroup", name=grip.text)
    group.get_by_text("2", exact=True).click()
    page.get_by_role("button", name="Scores opslaan").click()
    deadline = time.monotonic() + 15
    while True:
        with reading(server.engine) as db:
            own = scan.scan_view(scan.scan_state(db, ws.id), ws.anne.participant_id).own
        if own:
            break
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert own == {"governance_grip": 2}
    wait_app(page)
    page.screenshot(path="/tmp/scan-1280.png", full_page=True)
    # the relation and interests part of the matrix page, as the facilitator
    boss = open_matrix(new_page, server, ws, viewport=(1280, 800))
    boss.get_by_role(
        "heading", name="Opdrachtgever én partner, en belangen"
    ).scroll_into_view_if_needed()
    boss.screenshot(path="/tmp/relations-1280.png", full_page=True)
