"""User text in Chromium: bare web addresses, www. addresses, e-mail addresses and
autolinks in angle brackets stay literal text on every page for both roles (no <a>, no
image), and every page says it is Dutch (<html lang="nl">)."""

from __future__ import annotations

import pytest

from kompas import compass, goaltree, partners, workshops
from kompas.db import writing
from kompas.workshops import Actor
from tests.e2e.conftest import wait_app

BARE = "zie http://evil.test/a en www.evil.test/b, mail@evil.test of <https://evil.test/c>"
PAGES = {
    "Start": "/",
    "Doelenboom": "/Doelenboom",
    "Kwaliteitskompas": "/Kwaliteitskompas",
    "Partnermatrix": "/Partnermatrix",
    "Verslag": "/Verslag",
}


@pytest.fixture(scope="module")
def seeded(server):
    with writing(server.engine) as db:
        new = workshops.create_workshop(db, title=f"{BARE}", organisation="info@evil.test")
        fac = Actor(new.workshop_id, None, True)
        me, token = workshops.join_workshop(
            db,
            code=new.code,
            name="www.evil.test/naam",
            role_group="inwoner",
            organisation="mail@evil.test",
        )
        workshops.update_workshop(
            db,
            actor=fac,
            compass_open_to_participants=True,
            conclusions=BARE,
            open_questions=BARE,
            votes_revealed=True,
            placements_revealed=True,
            downloads_open=True,
        )
        main = goaltree.main_goal(db, new.workshop_id).id
        domain = goaltree.add_node(
            db,
            actor=fac,
            parent_id=main,
            title=f"Domein {BARE}"[:200],
            kind="domain",
            description=BARE,
        )
        goaltree.add_node(
            db, actor=me, parent_id=domain, title="Voorstel www.evil.test/v", description=BARE
        )
        pid = partners.add_partner(
            db, actor=fac, name="http://evil.test/partner", service=BARE[:200], notes=BARE
        )
        partners.place_partner(db, actor=me, partner_id=pid, influence=0.8, dependency=0.3)
        partners.set_direction(
            db,
            actor=fac,
            partner_id=pid,
            direction="rechts",
            rationale=BARE,
            action=BARE,
            owner="mail@evil.test",
        )
        amb = compass.add_ambition(db, actor=fac, title="Ambitie www.evil.test", current_state=BARE)
        res = compass.add_result(db, actor=fac, title="Resultaat mail@evil.test", ambition_id=amb)
        act = compass.add_activity(
            db, actor=fac, title="Activiteit <http://evil.test/x>", partner_id=pid
        )
        compass.link_activity(db, actor=fac, activity_id=act, result_id=res)
    return new, token


def check_page(page, url: str, name: str) -> None:
    page.goto(url)
    wait_app(page)
    page.wait_for_function("() => document.documentElement.lang === 'nl'", timeout=15000)
    page.wait_for_timeout(500)
    links = page.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href') || '')")
    bad = [h for h in links if "evil.test" in h or h.startswith("mailto:")]
    assert not bad, f"{name}: user text became links: {bad}"
    assert page.locator('img[src*="evil.test"]').count() == 0
    body = page.locator("body").inner_text()
    assert "www.evil.test/b" in body, f"{name}: the text itself is not shown"


@pytest.mark.parametrize("who", ["facilitator", "participant"])
def test_addresses_in_user_text_are_never_links(server, seeded, new_page, who):
    new, token = seeded
    ident = f"f={new.facilitator_key}" if who == "facilitator" else f"p={token}"
    page = new_page()
    for name, path in PAGES.items():
        check_page(page, f"{server.url}{path}?code={new.code}&{ident}", f"{who} {name}")


def test_the_join_page_is_dutch_too(server, new_page):
    page = new_page()
    page.goto(server.url + "/")
    wait_app(page)
    page.wait_for_function("() => document.documentElement.lang === 'nl'", timeout=15000)
