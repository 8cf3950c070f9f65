"""A Dutch and an English participant in one workshop, in Chromium: each chooses a language
when joining, sees their own screens in it (<html lang> included), sees what the other writes
as it was written, live; a participant can switch language in the sidebar."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kompas import goaltree, workshops
from kompas.db import writing
from tests.conftest import Workshopper
from tests.e2e.conftest import wait_app


@pytest.fixture
def ws(server):
    return Workshopper(server.engine, title="Regiosessie Achterhoek")


def join_in(page, server, ws, name: str, role: str, language: str) -> None:
    page.goto(f"{server.url}/?code={ws.code}")
    page.get_by_role("textbox", name="Je naam").fill(name)
    page.get_by_label("Je rol").click()
    page.get_by_role("option", name=role).click()
    page.get_by_role("radiogroup", name="Taal / Language").get_by_text(language).click()
    page.get_by_role("button", name="Meedoen").click()
    page.wait_for_url(re.compile(r".*[?&]p="))
    wait_app(page)


def test_a_dutch_and_an_english_participant_in_one_workshop(server, new_page, ws):
    anne, sam = new_page((1280, 800)), new_page((390, 844))
    join_in(anne, server, ws, "Anne", "Inwoner", "Nederlands")
    join_in(sam, server, ws, "Sam", "Aanbieder", "English")
    expect(anne.get_by_text("Welkom, Anne.")).to_be_visible()
    expect(sam.get_by_text("Welcome, Sam.")).to_be_visible()
    anne.wait_for_function("() => document.documentElement.lang === 'nl'", timeout=15000)
    sam.wait_for_function("() => document.documentElement.lang === 'en'", timeout=15000)
    # the facilitator sends everyone to the tree: each banner in its own language, live
    with writing(server.engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="tree")
    expect(anne.locator(".st-key-now_banner")).to_contain_text("Ga naar Doelenboom", timeout=5000)
    expect(sam.locator(".st-key-now_banner")).to_contain_text("Go to Goal tree", timeout=5000)
    # what someone writes is shown as written, to both
    with writing(server.engine) as db:
        main = goaltree.tree_view(db, ws.id).nodes[0].id
        goaltree.add_node(db, actor=ws.facilitator, title="Minder eenzaamheid", parent_id=main)
    sam.locator(".st-key-now_banner").get_by_role("link", name="Go to Goal tree").click()
    wait_app(sam)
    expect(sam.locator(".st-key-now_banner")).to_contain_text("You are in the right place")
    expect(sam.get_by_text("Minder eenzaamheid").first).to_be_visible()
    # Sam switches to Dutch in the sidebar (on a phone: open it first)
    if not sam.locator('[data-testid="stSidebar"]').is_visible():
        sam.locator('[data-testid="stExpandSidebarButton"]').click()
    # Streamlit's own button names stay English for Sam (translated to Dutch for Anne)
    expect(sam.get_by_role("button", name="Help for Taal / Language")).to_have_count(1)
    sam.get_by_role("combobox", name="Taal / Language").click()
    sam.get_by_role("option", name="Nederlands").click()
    wait_app(sam)
    expect(sam.locator(".st-key-now_banner")).to_contain_text("Je bent op de goede plek")
    sam.wait_for_function("() => document.documentElement.lang === 'nl'", timeout=15000)
    expect(sam.get_by_role("button", name="Uitleg bij Taal / Language")).to_have_count(1)
    # the switch is Sam's own: Anne's screen did not change language
    assert anne.evaluate("document.documentElement.lang") == "nl"
