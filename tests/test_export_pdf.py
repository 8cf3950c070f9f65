"""PDF export: pypdf extracts the text; Unicode (€, ë, ĳ) survives."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from kompas.db import reading
from kompas.export import export_bytes
from tests.test_summary import HOSTILE_PARTNER, IJ_NODE, report  # noqa: F401


@pytest.fixture(scope="module")
def pdf_text(report):  # noqa: F811
    engine, wid, _ = report
    with reading(engine) as db:
        data = export_bytes(db, wid, "pdf")
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Werksessie Culemborg"
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_partner_names_and_node_titles(pdf_text):
    text, _ = pdf_text
    flat = squash(text)
    for name in (
        "Welzijn Rivierenland",
        "MEE Gelderse Poort",
        "Stichting IJsselgroep",
        "Minder eenzaamheid",
        "Huiskamer in de wijk",
        "Welzijn",
    ):
        assert name in flat
    assert re.sub(r"\s+", "", HOSTILE_PARTNER) in re.sub(r"\s+", "", text)


def test_unicode_renders(pdf_text):
    text, _ = pdf_text
    flat = squash(text)
    assert IJ_NODE in flat  # "ĳ", "ë" and "€" in one title
    assert "€ 12.345,67" in flat


def test_page_numbers_and_date(pdf_text):
    text, pages = pdf_text
    assert pages >= 3
    assert f"pagina 2 van {pages}" in text
    assert re.search(
        r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|"
        r"oktober|november|december) \d{4}",
        text,
    )


def test_every_section_is_there(pdf_text):
    text, _ = pdf_text
    for heading in (
        "Over deze werksessie",
        "Conclusies",
        "Doelenboom",
        "Kwaliteitskompas",
        "Partnermatrix",
        "Open vragen voor de volgende sessie",
        "Richtingen en acties",
    ):
        assert heading in text
