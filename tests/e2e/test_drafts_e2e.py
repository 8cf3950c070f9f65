"""Nothing typed is lost on a page change, in Chromium: a proposal typed but not sent, a
direction's action, the facilitator's conclusions and an unsaved row in a compass grid are
there again after a visit to another page in the same tab; a sent proposal does not come
back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kompas import compass, partners, workshops
from kompas.db import reading, writing
from kompas.models import GoalNode
from tests.conftest import Workshopper
from tests.e2e.conftest import wait_app


@pytest.fixture
def ws(server):
    ws = Workshopper(server.engine, title="Concepten e2e")
    ws.anne = ws.join("Anne", "inwoner")
    return ws


def open_page(new_page, server, ws, page: str, who=None):
    p = new_page((1280, 800))
    ident = f"p={ws.tokens[who.participant_id]}" if who else f"f={ws.key}"
    p.goto(f"{server.url}/{page}?code={ws.code}&{ident}")
    p.get_by_role("heading", name=page, exact=True).wait_for()
    wait_app(p)
    # the keeper is a component script that the browser loads after the first page run; on
    # a busy machine that can take a moment, and these tests are about page changes
    p.wait_for_function("() => Boolean(window.__kompasDrafts)", timeout=20000)
    return p


def go_to(p, page: str) -> None:
    """Another page through the sidebar: the same tab, no reload."""
    p.locator('[data-testid="stSidebar"]').get_by_role("link", name=page).click()
    p.wait_for_url(f"**/{page}?**")
    p.get_by_role("heading", name=page, exact=True).wait_for()
    wait_app(p)


def test_a_typed_proposal_survives_a_page_change(server, new_page, ws):
    anne = open_page(new_page, server, ws, "Doelenboom", ws.anne)
    anne.locator(".st-key-node_title input").fill("Buurtkamer in elke kern")
    anne.locator(".st-key-node_description textarea").fill("Ook in de kleine kernen")
    go_to(anne, "Partnermatrix")
    go_to(anne, "Doelenboom")
    title = anne.locator(".st-key-node_title input")
    expect(title).to_have_value("Buurtkamer in elke kern")
    expect(anne.locator(".st-key-node_description textarea")).to_have_value(
        "Ook in de kleine kernen"
    )
    # what comes back is sent too, and once sent it does not come back
    anne.locator(".st-key-node_submit button").click()
    anne.locator(".st-key-tree_outline").get_by_text("Buurtkamer in elke kern").wait_for()
    expect(title).to_have_value("")
    with reading(server.engine) as db:
        node = db.exec(select(GoalNode).where(GoalNode.title == "Buurtkamer in elke kern")).one()
        assert node.description == "Ook in de kleine kernen"
    go_to(anne, "Verslag")
    go_to(anne, "Doelenboom")
    anne.wait_for_timeout(600)  # the keeper looks every 200 ms
    expect(anne.locator(".st-key-node_title input")).to_have_value("")


def test_changed_conclusions_survive_a_page_change(server, new_page, ws):
    with writing(server.engine) as db:
        workshops.update_workshop(db, actor=ws.facilitator, conclusions="Opgeslagen tekst")
    fac = open_page(new_page, server, ws, "Verslag")
    box = fac.locator(".st-key-report_conclusions textarea")
    expect(box).to_have_value("Opgeslagen tekst")
    box.fill("Opgeslagen tekst\nEn een tweede conclusie")
    go_to(fac, "Doelenboom")
    go_to(fac, "Verslag")
    back = fac.locator(".st-key-report_conclusions textarea")
    try:
        expect(back).to_have_value("Opgeslagen tekst\nEn een tweede conclusie")
    except AssertionError as lost:
        raise AssertionError("\n".join(fac.evaluate("window.__kompasDrafts.log"))) from lost


def test_a_field_drawn_empty_before_its_real_text_keeps_its_draft(server, new_page, ws):
    """On a busy machine a returning field can first be drawn without its text (the element
    of the previous page, reused) and get the text the draft was typed over a moment later;
    that is the app drawing the field, not someone saving another text (CI lost the
    conclusions this way)."""
    fac = open_page(new_page, server, ws, "Verslag")
    fac.evaluate(
        """() => {
          const k = new URLSearchParams(location.search).get("code") + location.pathname
            + "#probe_field";
          sessionStorage.setItem("kompas_drafts", JSON.stringify(
            {[k]: {value: "Mijn concept", base: "Oude tekst"}}));
          const box = document.createElement("div");
          box.className = "st-key-probe_field";
          box.innerHTML = '<div data-testid="stTextArea"><textarea></textarea></div>';
          document.querySelector('[data-testid="stMain"]').append(box);
        }"""
    )
    field = fac.locator(".st-key-probe_field textarea")
    fac.wait_for_function("() => window.__kompasDrafts.log.some((l) => l.includes('probe_field'))")
    # the real text arrives, as the app sets it: no input event
    field.evaluate("(el) => { el.value = 'Oude tekst'; }")
    expect(field).to_have_value("Mijn concept")
    # another text from the app does win
    field.evaluate("(el) => { el.value = 'Iemand anders schreef dit'; }")
    fac.wait_for_timeout(600)
    expect(field).to_have_value("Iemand anders schreef dit")
    assert "probe_field" not in fac.evaluate("sessionStorage.getItem('kompas_drafts')")


def test_an_unsaved_grid_row_survives_a_page_change(server, new_page, ws):
    with writing(server.engine) as db:
        compass.add_activity(db, actor=ws.facilitator, title="Bestaande activiteit")
    fac = open_page(new_page, server, ws, "Kwaliteitskompas")
    fac.get_by_role("tab", name="3 Activiteiten").click()
    grid = fac.locator('[class*="st-key-ed_activities_"]')
    grid.locator("canvas").first.wait_for()
    fac.wait_for_timeout(500)
    note = fac.locator(".st-key-draft_note_activities")
    for attempt in range(3):  # a click on a canvas grid that is still settling can miss
        box = grid.locator("canvas").first.bounding_box()
        fac.mouse.click(box["x"] + 80, box["y"] + 35 + 35 + 18)  # the empty row below the last
        fac.wait_for_timeout(300)
        fac.keyboard.type("Huiskamer Zuid", delay=20)
        fac.keyboard.press("Enter")
        wait_app(fac)
        try:
            expect(note).to_have_count(1, timeout=5000)  # the new row reached the server
            break
        except AssertionError:
            if attempt == 2:
                raise
            fac.keyboard.press("Escape")
    go_to(fac, "Doelenboom")
    go_to(fac, "Kwaliteitskompas")
    fac.get_by_role("tab", name="3 Activiteiten").click()
    cells = fac.locator('[class*="st-key-ed_activities_"] td[role="gridcell"]')
    expect(cells.filter(has_text="Huiskamer Zuid")).to_have_count(1)
    expect(note).to_have_text("Nog niet opgeslagen: 1 wijziging.")
    fac.locator(".st-key-save_activities button").click()
    fac.get_by_text("Opgeslagen", exact=True).first.wait_for()
    with reading(server.engine) as db:
        titles = {a.title for a in compass.compass_view(db, ws.id).activities}
    assert titles == {"Bestaande activiteit", "Huiskamer Zuid"}
    expect(note).to_have_count(0)


def test_a_typed_direction_action_survives_a_page_change(server, new_page, ws):
    with writing(server.engine) as db:
        partners.add_partner(db, actor=ws.facilitator, name="Welzijn Oost")
    fac = open_page(new_page, server, ws, "Partnermatrix")
    action = fac.locator('[class*="st-key-direction_action_"] textarea')
    action.fill("Eén offerte vragen voor al het jongerenwerk")
    go_to(fac, "Verslag")
    go_to(fac, "Partnermatrix")
    expect(fac.locator('[class*="st-key-direction_action_"] textarea')).to_have_value(
        "Eén offerte vragen voor al het jongerenwerk"
    )
