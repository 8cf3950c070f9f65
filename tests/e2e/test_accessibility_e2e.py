"""WCAG 2.1 A/AA in a real browser: axe-core on every page, for both roles, in every phase of
every tool at 1280 px and on a 390 px phone. Violations that come from Streamlit itself are
listed with their reason in axe_known_issues.json; anything else fails here."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from sqlmodel import select

from kompas import workshop_info
from kompas.db import reading, writing
from kompas.models import PHASES, TOOLS, Workshop
from tests.e2e import axe
from tests.e2e.conftest import ROOT, join, wait_app

PAGES = {"tree": "Doelenboom", "compass": "Kwaliteitskompas", "matrix": "Partnermatrix"}
OTHER_PAGES = ("", "Verslag", "Samenwerkingsscan", "Presentatie")


@pytest.fixture(scope="module")
def demo(server):
    env = {"KOMPAS_DATABASE_URL": server.db_url, "KOMPAS_BASE_URL": server.url}
    out = subprocess.run(
        [sys.executable, "-m", "kompas", "demo"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    code = re.search(r"code: (\S+)", out).group(1)
    facilitator = re.search(r"facilitator: (\S+)", out).group(1)
    with reading(server.engine) as db:
        wid = db.scalars(select(Workshop.id).where(Workshop.code == code)).one()
    return code, facilitator, wid


def _query(url: str) -> str:
    return url.split("?", 1)[1]


def _open(page, server, name: str, query: str) -> None:
    page.goto(f"{server.url}/{name}?{query}")
    wait_app(page)
    page.wait_for_timeout(600)


def _check(page, where: str, problems: list) -> None:
    for v in axe.scan(page):
        problems.append(
            f"{where}: {v['rule']} ({v['help']}) at {v['targets'][:3]}: {v['summary'][:1]}"
        )


def _set_phase(server, wid: int, tool: str, phase: str) -> None:
    with writing(server.engine) as db:
        w = db.get(Workshop, wid)
        setattr(w, f"phase_{tool}", phase)


@pytest.mark.parametrize("role", ["facilitator", "participant"])
def test_every_page_in_every_phase_at_1280(server, demo, new_page, role):
    code, facilitator, wid = demo
    page = new_page((1280, 800))
    url = facilitator if role == "facilitator" else join(page, server.url, code, f"Axe {role}")
    query = _query(url)
    problems: list[str] = []
    with reading(server.engine) as db:
        before = {t: workshop_info.phase_of(db.get(Workshop, wid), t) for t in TOOLS}
    try:
        for name in OTHER_PAGES:
            _open(page, server, name, query)
            _check(page, f"{name or 'start'}", problems)
        for tool in TOOLS:
            _open(page, server, PAGES[tool], query)
            for phase in PHASES[tool]:
                _set_phase(server, wid, tool, phase)
                page.wait_for_timeout(1200)  # the push redraw
                wait_app(page)
                _check(page, f"{PAGES[tool]} / {phase}", problems)
    finally:
        for tool, phase in before.items():
            _set_phase(server, wid, tool, phase)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", ["facilitator", "participant"])
def test_every_page_on_a_phone(server, demo, new_page, role):
    code, facilitator, _ = demo
    page = new_page((390, 844))
    url = facilitator if role == "facilitator" else join(page, server.url, code, f"Axe tel {role}")
    query = _query(url)
    problems: list[str] = []
    for name in (*OTHER_PAGES, *PAGES.values()):
        _open(page, server, name, query)
        _check(page, f"{name or 'start'} (390 px)", problems)
    assert not problems, "\n".join(problems)


def test_no_single_character_shortcuts(server, demo, new_page):
    """WCAG 2.1.4: a bare letter pressed outside a text field does nothing (Streamlit's own
    "r"/"R" rerun is swallowed), while typing in a field still works."""
    code, facilitator, _ = demo
    page = new_page((1280, 800))
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda f: frames.append(1)))
    page.goto(facilitator)
    wait_app(page)
    page.wait_for_timeout(1000)
    page.mouse.click(5, 500)  # focus on the page, not in a field
    # wait for quiet: earlier tests' writes reach this page by push and rerun its parts
    for _ in range(20):
        before = len(frames)
        page.wait_for_timeout(1500)
        if len(frames) == before:
            break
    for key in ("r", "R", "c", "r"):
        page.keyboard.press(key)
        page.wait_for_timeout(500)
    page.wait_for_timeout(800)
    assert len(frames) == before, "a single letter made Streamlit send a message (a rerun)"
    assert page.locator('[role="dialog"]').count() == 0
    field = page.get_by_role("textbox").first
    field.click()
    page.keyboard.press("End")
    page.keyboard.type("rc")
    assert field.input_value().endswith("rc")
