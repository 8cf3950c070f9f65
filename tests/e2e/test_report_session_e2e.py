"""The session on the report's first page, in Chromium: place and purpose given when
starting (an optional, folded part of the form), then shown and editable on Verslag."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from kompas.db import reading
from kompas.models import Workshop
from tests.e2e.conftest import wait_app

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844), (1920, 1080)])
def test_start_with_place_and_purpose_then_see_them_on_verslag(
    new_page, server, viewport, tmp_path
):
    page = new_page(viewport)
    page.goto(server.url + "/")
    wait_app(page)
    title = f"Sessie {viewport[0]}"
    page.get_by_role("textbox", name="Titel van de workshop").fill(title)
    page.get_by_text("Over de sessie").click()
    page.get_by_role("textbox", name="Plaats").fill("Stadhuis Zutphen")
    page.get_by_role("textbox", name="Doel van de sessie").fill("Kiezen wat voorgaat")
    page.screenshot(path=f"/tmp/report-home-{viewport[0]}.png", full_page=True)
    page.get_by_role("button", name="Workshop starten").click()
    page.wait_for_url(re.compile(r".*[?&]f="))
    with reading(server.engine) as db:
        ws = db.execute(select(Workshop).where(Workshop.title == title)).scalar_one()
    assert (ws.place, ws.purpose) == ("Stadhuis Zutphen", "Kiezen wat voorgaat")
    code, key = re.search(r"code=(\w+)", page.url).group(1), re.search(r"f=([\w-]+)", page.url)
    page.goto(f"{server.url}/Verslag?code={code}&f={key.group(1)}")
    page.get_by_role("heading", name="Verslag", exact=True).wait_for()
    wait_app(page)
    place = page.get_by_role("textbox", name="Plaats")
    expect(place).to_have_value("Stadhuis Zutphen")  # the live part may still be drawing
    place.scroll_into_view_if_needed()
    page.screenshot(path=f"/tmp/report-settings-{viewport[0]}.png")
    page.get_by_role("heading", name="Besluiten").first.wait_for()
    page.get_by_role("heading", name="Acties").first.wait_for()
    page.screenshot(path=f"/tmp/report-verslag-{viewport[0]}.png", full_page=True)
