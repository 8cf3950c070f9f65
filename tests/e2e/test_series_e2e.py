"""Vervolgsessie in Chromium: start the follow-up from the console, set an action's status
in the review, and see last time's agreed position beside the new placements."""

from __future__ import annotations

import re
import time

from sqlmodel import select

from kompas import partners
from kompas.db import reading, writing
from kompas.models import Direction, Workshop
from kompas.workshops import join_workshop
from tests.conftest import Workshopper
from tests.e2e.conftest import wait_app


def _wait_for(fn, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.2)
    return fn()


def test_follow_up_review_and_movement(server, new_page):
    ws = Workshopper(server.engine, title="Reeks e2e")
    with writing(server.engine) as db:
        partner = partners.add_partner(db, actor=ws.facilitator, name="Wijkteam Noord")
        partners.set_agreed_position(
            db, actor=ws.facilitator, partner_id=partner, influence=0.4, dependency=0.3
        )
        partners.set_direction(
            db,
            actor=ws.facilitator,
            partner_id=partner,
            direction="omhoog",
            action="Gesprek over de wijkaanpak",
            owner="Sanne",
        )
    page = new_page()
    page.goto(f"{server.url}/?code={ws.code}&f={ws.key}")
    button = page.locator(".st-key-next_session button").first
    button.wait_for()
    wait_app(page)
    button.click()
    # the console of the new session opens with its review
    page.wait_for_url(re.compile(rf".*code=(?!{ws.code})[A-Z2-9]{{6}}.*f="))
    page.locator(".st-key-review").wait_for()
    wait_app(page)
    new_code = re.search(r"code=([A-Z2-9]{6})", page.url).group(1)
    with reading(server.engine) as db:
        new = db.exec(select(Workshop).where(Workshop.code == new_code)).one()
        direction = db.exec(select(Direction).where(Direction.workshop_id == new.id)).one()
    assert new.series_number == 2
    key = f"richting_{direction.id}"
    assert "Gesprek over de wijkaanpak" in page.locator(f".st-key-review_item_{key}").inner_text()
    option = page.get_by_role("option", name="gedaan", exact=True)
    for _ in range(3):  # a push redraw that lands just then closes the list; open it again
        page.locator(f".st-key-review_status_{key} button[aria-haspopup='listbox']").click()
        try:
            option.wait_for(timeout=3000)
            break
        except Exception:
            wait_app(page)
    option.click()
    page.locator(f".st-key-review_note_{key} input").fill("Afspraak staat")
    page.locator(f".st-key-review_save_{key} button").click()

    def stored():
        with reading(server.engine) as db:
            d = db.get(Direction, direction.id)
            return (d.status, d.status_note) == ("gedaan", "Afspraak staat")

    assert _wait_for(stored)
    # the series on the console lists both sessions
    series_text = page.locator(".st-key-series_list").inner_text()
    assert "Sessie 1" in series_text and new_code in series_text
    # a participant places the partner in the new session
    with writing(server.engine) as db:
        anna, _ = join_workshop(db, code=new_code, name="Anna", role_group="inwoner")
    with writing(server.engine) as db:
        new_partner = direction.partner_id
        partners.place_partner(
            db, actor=anna, partner_id=new_partner, influence=0.7, dependency=0.3
        )
    page.goto(page.url.replace(f"{server.url}/?", f"{server.url}/Partnermatrix?"))
    row = page.locator(f".st-key-since_{new_partner}")
    row.wait_for()
    wait_app(page)
    text = row.inner_text()
    assert "Vorige keer: invloed 40%, afhankelijkheid 30%" in text
    assert "Omhoog" in text
    assert "Nu, 1 plaatsing: invloed 70%, afhankelijkheid 30%" in text
    assert "Zoals afgesproken" in text
    # the original session is unchanged
    with reading(server.engine) as db:
        old = db.exec(select(Direction).where(Direction.workshop_id == ws.id)).one()
    assert old.status == "niet gestart"
