"""Word export: opened by python-docx (tables read back) and, where installed, LibreOffice."""

from __future__ import annotations

import io

import pytest
from docx import Document

from kompas.db import reading
from kompas.export import FORMATS, export_bytes, file_name
from tests.office import docx_to_pdf, needs_libreoffice
from tests.test_summary import FORMULA_PARTNER, HOSTILE_PARTNER, IJ_NODE, report  # noqa: F401


@pytest.fixture(scope="module")
def docx_bytes(report):  # noqa: F811
    engine, wid, _ = report
    with reading(engine) as db:
        return export_bytes(db, wid, "docx")


def tables_text(doc) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


def test_opens_with_title_headings_and_tables(docx_bytes):
    doc = Document(io.BytesIO(docx_bytes))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Werksessie Culemborg" in text and "Verslag van de werksessie" in text
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for expected in (
        "Over deze werksessie",
        "Conclusies",
        "Doelenboom",
        "Prioriteiten",
        "Kwaliteitskompas",
        "Partnermatrix",
        "Open vragen voor de volgende sessie",
    ):
        assert expected in headings
    assert IJ_NODE in text  # the tree in words
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_partner_table_lists_every_partner_by_name(docx_bytes):
    doc = Document(io.BytesIO(docx_bytes))
    partner_table = next(t for t in tables_text(doc) if t[0][0] == "Partner" and "Kwadrant" in t[0])
    names = [row[0] for row in partner_table[1:]]
    assert names == [
        "Welzijn Rivierenland",
        "MEE Gelderse Poort",
        "Stichting IJsselgroep",
        HOSTILE_PARTNER,
        FORMULA_PARTNER,
    ]
    assert partner_table[1][2] == "€ 125.000,00" and partner_table[1][3] == "80%"


def test_header_rows_repeat_and_footer_has_page_numbers(docx_bytes):
    doc = Document(io.BytesIO(docx_bytes))
    for table in doc.tables:
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert (
        "22 november 2026" in doc.sections[0].footer.paragraphs[0].text
        or "november" in footer_xml
        or any(m in footer_xml for m in ("januari", "december"))
    )


def test_money_and_dutch_dates_in_tables(docx_bytes):
    doc = Document(io.BytesIO(docx_bytes))
    cells = {c for t in tables_text(doc) for row in t for c in row}
    assert "€ 12.345,67" in cells
    assert "1 maart 2027" in cells


def test_pictures_are_embedded(docx_bytes):
    doc = Document(io.BytesIO(docx_bytes))
    pytest.importorskip("kompas.goaltree.chart")
    assert len(doc.inline_shapes) >= 1


def test_file_name_is_safe():
    assert (
        file_name("Werksessie: Wmo & Jeugd / 2027", "K7M2QP", "docx")
        == "verslag-werksessie-wmo-jeugd-2027-K7M2QP.docx"
    )
    assert file_name("ĳ€", "K7M2QP", "json") == "backup-workshop-K7M2QP.json"
    assert FORMATS["docx"].mime.endswith("wordprocessingml.document")


@needs_libreoffice
def test_libreoffice_converts_to_pdf(docx_bytes, tmp_path):
    pdf = docx_to_pdf(docx_bytes, tmp_path)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "MEE Gelderse Poort" in text
