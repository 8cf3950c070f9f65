"""Verslag in Chromium: every download button delivers a file that its reader opens; a
participant gets the report downloads only when the facilitator opens them, and never the
JSON back-up; the back-up names people only when the facilitator asks for it."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from kompas import live
from kompas.db import writing
from kompas.models import Workshop
from tests.conftest import Workshopper
from tests.e2e.conftest import wait_app
from tests.test_json_roundtrip import seed_rich

FORMATS = {
    "download_pdf": ".pdf",
    "download_docx": ".docx",
    "download_xlsx": ".xlsx",
    "download_md": ".md",
    "download_json": ".json",
}
# what each button says, readable on the button itself (not only in a tooltip)
BUTTON_TEXT = {
    "download_pdf": "PDF (.pdf)",
    "download_docx": "Word (.docx)",
    "download_xlsx": "Excel (.xlsx)",
    "download_md": "Markdown (.md)",
    "download_json": "Back-up (.json)",
}


@pytest.fixture
def ws(server):
    ws = Workshopper(server.engine, title="Verslag e2e", organisation="Gemeente Culemborg")
    with writing(server.engine) as db:
        seed_rich(db, ws.id)
    ws.anne = ws.join("Anne", "gemeente")
    return ws


def open_report(new_page, server, ws, ident: str):
    page = new_page()
    page.goto(f"{server.url}/Verslag?code={ws.code}&{ident}")
    page.get_by_role("heading", name="Verslag", exact=True).wait_for()
    wait_app(page)
    return page


def check_file(key: str, data: bytes) -> None:
    if key == "download_docx":
        from docx import Document

        doc = Document(io.BytesIO(data))
        cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
        assert "MEE Gelderse Poort" in cells and "Welzijn Rivierenland" in cells
    elif key == "download_pdf":
        from pypdf import PdfReader

        text = " ".join(
            " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split()
        )
        assert "MEE Gelderse Poort" in text and "Minder eenzaamheid" in text
    elif key == "download_xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        assert "Partners" in book.sheetnames
        assert zipfile.is_zipfile(io.BytesIO(data))
    elif key == "download_md":
        text = data.decode("utf-8")
        assert text.startswith("# Verslag e2e") and "MEE Gelderse Poort" in text
    elif key == "download_json":
        doc = json.loads(data)
        assert doc["schema_version"] == 1
        assert {p["name"] for p in doc["partners"]} >= {"MEE Gelderse Poort"}
        # by default nobody is named: pseudonyms with a role, no organisation, no times
        people = doc["participants"]
        assert sorted(p["name"] for p in people) == sorted(
            f"Deelnemer {i}" for i in range(1, len(people) + 1)
        )
        assert not any(k in p for p in people for k in ("organisation", "joined_at", "last_seen"))
        assert "Anna" not in data.decode("utf-8")


def test_facilitator_downloads_every_format(new_page, server, ws, tmp_path):
    page = open_report(new_page, server, ws, f"f={ws.key}")
    for key, suffix in FORMATS.items():
        button = page.locator(f".st-key-{key}").get_by_role("button").first
        button.wait_for()
        # the format is visible text on the button, whole (not cut off to "…" or an icon)
        label = button.get_by_text(BUTTON_TEXT[key], exact=True)
        assert label.is_visible(), key
        assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), key
        with page.expect_download(timeout=60000) as info:
            button.click()
        download = info.value
        assert download.failure() is None, f"{key}: {download.failure()}"
        assert download.suggested_filename.endswith(suffix)
        assert ws.code in download.suggested_filename
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        check_file(key, path.read_bytes())


def test_participant_gets_downloads_only_when_opened(new_page, server, ws):
    page = open_report(new_page, server, ws, f"p={ws.tokens[ws.anne.participant_id]}")
    assert page.locator(".st-key-download_docx").count() == 0
    page.get_by_text("Downloaden kan zodra").wait_for()
    with writing(server.engine) as db:
        db.get(Workshop, ws.id).downloads_open = True
        live.touch(db, ws.id)
    button = page.locator(".st-key-download_md").get_by_role("button").first
    for _ in range(15):  # the server notices a change made outside it within a second
        page.reload()
        wait_app(page)
        if button.count():
            break
        page.wait_for_timeout(1000)
    button.wait_for()
    with page.expect_download(timeout=60000) as info:
        button.click()
    assert "MEE Gelderse Poort" in open(info.value.path(), encoding="utf-8").read()
    # the report formats, never the back-up with everyone's votes and placements
    for key in ("download_docx", "download_pdf", "download_xlsx"):
        assert page.locator(f".st-key-{key}").count() == 1
    assert page.locator(".st-key-download_json").count() == 0
    assert page.locator(".st-key-download_json_names").count() == 0


def test_backup_with_names_only_when_the_facilitator_ticks_it(new_page, server, ws, tmp_path):
    page = open_report(new_page, server, ws, f"f={ws.key}")
    page.locator(".st-key-download_json_names label").first.click()
    page.get_by_text("Met namen is in de back-up te zien wie wat stemde").wait_for()
    wait_app(page)
    with page.expect_download(timeout=60000) as info:
        page.locator(".st-key-download_json").get_by_role("button").first.click()
    doc = json.loads(open(info.value.path(), encoding="utf-8").read())
    names = {p["name"] for p in doc["participants"]}
    assert {"Anna", "Bram", "Chloë", "Anne"} <= names
    assert {p["organisation"] for p in doc["participants"]} >= {"Gemeente Culemborg"}
