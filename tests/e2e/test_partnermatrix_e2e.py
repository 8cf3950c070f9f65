"""Partnermatrix in Chromium: a mouse drag and a keyboard move reach the database and
show in another participant's browser; the slider form; hostile names stay text."""

from __future__ import annotations

import time

import pytest

from kompas import partners, workshops
from kompas.db import reading, writing
from tests.conftest import Workshopper
from tests.e2e.conftest import wait_app

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def ws(server):
    ws = Workshopper(server.engine, title="Matrix e2e")
    with writing(server.engine) as db:
        ws.mee = partners.add_partner(db, actor=ws.facilitator, name="MEE Gelderse Poort")
        ws.evil = partners.add_partner(db, actor=ws.facilitator, name=HOSTILE)
        workshops.update_workshop(db, actor=ws.facilitator, placements_revealed=True)
    ws.anne = ws.join("Anne", "gemeente")
    ws.bram = ws.join("Bram", "aanbieder")
    return ws


def open_matrix(new_page, server, ws, actor=None, viewport=(1400, 1000)):
    page = new_page(viewport)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    ident = f"f={ws.key}" if actor is None else f"p={ws.tokens[actor.participant_id]}"
    page.goto(f"{server.url}/Partnermatrix?code={ws.code}&{ident}")
    page.locator("svg.matrix").wait_for()
    wait_app(page)
    return page


def own_placement(server, ws, actor, partner_id, timeout=15.0):
    """Wait until the participant's placement is stored; returns (influence, dependency)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with reading(server.engine) as db:
            own = partners.matrix_view(db, ws.id, actor.participant_id, False).own
        if partner_id in own:
            return own[partner_id].influence, own[partner_id].dependency
        time.sleep(0.2)
    return None


def screen_point(page, dependency, influence):
    box = page.locator("svg.matrix").bounding_box()
    sx, sy = box["width"] / 560, box["height"] / 580
    return box["x"] + (52 + dependency * 500) * sx, box["y"] + (10 + (1 - influence) * 500) * sy


def test_mouse_drag_reaches_database_and_other_browser(server, new_page, ws):
    anne = open_matrix(new_page, server, ws, ws.anne)
    bram = open_matrix(new_page, server, ws, ws.bram)
    dot = anne.locator(f'g.dot[data-id="{ws.mee}"]')
    assert "unplaced" in dot.get_attribute("class")
    assert "nog niet geplaatst" in dot.get_attribute("aria-label")
    box = dot.locator("circle.body").bounding_box()
    anne.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    anne.mouse.down()
    target = screen_point(anne, 0.8, 0.7)
    anne.mouse.move(*target, steps=12)
    anne.mouse.up()

    stored = own_placement(server, ws, ws.anne, ws.mee)
    assert stored is not None
    assert stored[0] == pytest.approx(0.7, abs=0.02) and stored[1] == pytest.approx(0.8, abs=0.02)
    # Bram sees Anne's placement as an anonymous mark, without reloading
    bram.locator(f'g.mark[data-partner="{ws.mee}"]').wait_for(state="attached", timeout=15000)
    # Anne's dot stays where she dropped it and is no longer "not placed"
    anne.wait_for_function(
        f"""() => {{
            const host = [...document.querySelectorAll('*')].find(e => e.shadowRoot && e.shadowRoot.querySelector('svg.matrix'));
            const g = host.shadowRoot.querySelector('g.dot[data-id="{ws.mee}"]');
            return !g.classList.contains('unplaced');
        }}"""
    )
    assert "invloed 70%" in dot.get_attribute("aria-label")


def test_keyboard_move_reaches_database_and_other_browser(server, new_page, ws):
    anne = open_matrix(new_page, server, ws, ws.anne)
    bram = open_matrix(new_page, server, ws, ws.bram)
    dot = anne.locator(f'g.dot[data-id="{ws.mee}"]')
    assert dot.get_attribute("tabindex") == "0"
    dot.focus()
    for key in ("ArrowUp", "ArrowUp", "ArrowUp", "ArrowRight", "ArrowRight"):
        anne.keyboard.press(key)
    live = anne.locator('[data-role="live"]')
    assert live.get_attribute("aria-live") == "polite"
    assert "invloed 65%, afhankelijkheid 60%" in live.text_content()

    stored = own_placement(server, ws, ws.anne, ws.mee)
    assert stored == (pytest.approx(0.65), pytest.approx(0.6))
    bram.locator(f'g.mark[data-partner="{ws.mee}"]').wait_for(state="attached", timeout=15000)
    # the focus stays on the dot, so the next press continues from there
    anne.keyboard.press("ArrowDown")
    deadline = time.monotonic() + 15
    while own_placement(server, ws, ws.anne, ws.mee) != (pytest.approx(0.6), pytest.approx(0.6)):
        assert time.monotonic() < deadline, own_placement(server, ws, ws.anne, ws.mee)
        time.sleep(0.2)


def test_facilitator_drag_sets_agreed_position_seen_by_participant(server, new_page, ws):
    facilitator = open_matrix(new_page, server, ws)
    anne = open_matrix(new_page, server, ws, ws.anne)
    dot = facilitator.locator(f'g.dot[data-id="{ws.mee}"]')
    dot.focus()
    facilitator.keyboard.press("ArrowLeft")
    anne.locator(f'g.agreed[data-id="{ws.mee}"]').wait_for(state="attached", timeout=15000)
    with reading(server.engine) as db:
        agreed = partners.matrix_view(db, ws.id, None, True).agreed[ws.mee]
    assert (agreed.influence, agreed.dependency) == (pytest.approx(0.5), pytest.approx(0.45))
    facilitator.locator(f'g.dot.agreed[data-id="{ws.mee}"]').wait_for(state="attached")


def test_slider_form(server, new_page, ws):
    anne = open_matrix(new_page, server, ws, ws.anne)
    anne.get_by_text("Liever zonder slepen?").click()
    slider = anne.get_by_role("slider", name="Invloed op de doelen (%) – MEE Gelderse Poort")
    slider.focus()
    for _ in range(4):
        slider.press("ArrowRight")
    anne.get_by_role("button", name="Opslaan").click()
    stored = own_placement(server, ws, ws.anne, ws.mee)
    assert stored == (pytest.approx(0.7), pytest.approx(0.5))
    with reading(server.engine) as db:
        assert ws.evil not in partners.matrix_view(db, ws.id, ws.anne.participant_id).own


def test_hostile_partner_name_shows_literally(server, new_page, ws):
    anne = open_matrix(new_page, server, ws, ws.anne)
    dot = anne.locator(f'g.dot[data-id="{ws.evil}"]')
    assert dot.locator("text").text_content() == HOSTILE
    assert anne.locator("svg.matrix img").count() == 0
    anne.get_by_text("Liever zonder slepen?").click()
    form = anne.locator('[data-testid="stExpander"]')
    form.get_by_text(HOSTILE, exact=True).first.wait_for()
    form.get_by_text(f"Invloed op de doelen (%) – {HOSTILE}", exact=True).wait_for()
    assert anne.locator('img[src="x"]').count() == 0
    assert anne.dialogs == []


def drag_to(page, partner_id, dependency, influence, *, release=True):
    try:
        box = page.locator(f'g.dot[data-id="{partner_id}"] circle.body').bounding_box()
    except Exception:
        raise AssertionError(f"no dot {partner_id}; js errors: {page.js_errors}") from None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(*screen_point(page, dependency, influence), steps=8)
    if release:
        page.mouse.up()


def test_dot_in_hand_is_not_moved_by_updates_and_both_drags_count(server, new_page, ws):
    anne = open_matrix(new_page, server, ws, ws.anne)
    bram = open_matrix(new_page, server, ws, ws.bram)
    drag_to(anne, ws.mee, 0.2, 0.9, release=False)  # Anne is still holding her dot
    held = anne.locator(f'g.dot[data-id="{ws.mee}"]').get_attribute("transform")
    drag_to(bram, ws.evil, 0.9, 0.1)
    assert own_placement(server, ws, ws.bram, ws.evil) is not None
    # Anne's matrix redraws with Bram's placement while her dot stays in her hand
    anne.locator(f'g.mark[data-partner="{ws.evil}"]').wait_for(state="attached", timeout=15000)
    assert anne.locator(f'g.dot[data-id="{ws.mee}"]').get_attribute("transform") == held
    anne.mouse.up()
    stored = own_placement(server, ws, ws.anne, ws.mee)
    assert stored == (pytest.approx(0.9, abs=0.02), pytest.approx(0.2, abs=0.02))
    bram_own = own_placement(server, ws, ws.bram, ws.evil)
    assert bram_own == (pytest.approx(0.1, abs=0.02), pytest.approx(0.9, abs=0.02))


def test_a_point_the_participant_may_not_move_is_not_a_draggable_dot(server, new_page, ws):
    """Phase over: the participant's own points are drawn, but not as g.dot (no keyboard
    stop, no grab, no "versleepbaar"), no slider form is offered, and a drag changes
    nothing; when the phase opens again they are dots again, live."""
    with writing(server.engine) as db:
        partners.place_partner(db, actor=ws.anne, partner_id=ws.mee, influence=0.8, dependency=0.3)
        workshops.set_phase(db, actor=ws.facilitator, tool="matrix", phase="besluiten")
    anne = open_matrix(new_page, server, ws, ws.anne)
    fixed = anne.locator(f'g.fixed[data-id="{ws.mee}"]')
    fixed.wait_for(state="attached")
    assert anne.locator("svg.matrix g.dot").count() == 0
    assert fixed.get_attribute("tabindex") is None
    assert fixed.get_attribute("aria-roledescription") is None
    assert anne.locator(f".st-key-influence_{ws.mee}").count() == 0
    x, y = screen_point(anne, 0.3, 0.8)
    anne.mouse.move(x, y)
    anne.mouse.down()
    anne.mouse.move(x + 80, y + 80, steps=5)
    anne.mouse.up()
    wait_app(anne)
    assert own_placement(server, ws, ws.anne, ws.mee, timeout=2) == (0.8, 0.3)

    with writing(server.engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="matrix", phase="inschatten")
    anne.locator(f'g.dot[data-id="{ws.mee}"]').wait_for(state="attached", timeout=10000)
    assert anne.locator("svg.matrix g.fixed").count() == 0
    assert anne.js_errors == []
