"""Verslag in Chromium: every download button delivers a file that its reader opens; a
participant gets downloads only when the facilitator opens them."""

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

        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
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


def test_facilitator_downloads_every_format(new_page, server, ws, tmp_path):
    page = open_report(new_page, server, ws, f"f={ws.key}")
    for key, suffix in FORMATS.items():
        button = page.locator(f".st-key-{key}").get_by_role("button").first
        button.wait_for()
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
