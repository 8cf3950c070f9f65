"""The shared upload reader: the guards every import relies on, and the CSV dialects and
encodings people save from Excel."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from kompas import upload
from kompas.errors import ImportRefused


def xlsx(rows: list[list], *, formula: bool = False) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if formula:
        ws.append(["=1+1", '=HYPERLINK("http://example.org")'])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def cells(table: list[list]) -> list[list]:
    """Excel rows come padded to MAX_COLUMNS; compare without the empty tail."""
    out = []
    for row in table:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        out.append(row)
    return out


def test_zip_bomb_xlsx_is_refused_before_parsing():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (upload.MAX_UNZIPPED + 1))
    data = out.getvalue()
    assert len(data) < upload.MAX_BYTES
    with pytest.raises(ImportRefused, match="uitgepakt veel te groot"):
        upload.read_table("bom.xlsx", data, max_rows=10)


def test_a_member_that_unpacks_far_beyond_its_size_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/sharedStrings.xml", b" " * (upload.MAX_UNZIPPED // 3))  # under the total
    with pytest.raises(ImportRefused, match="uitgepakt veel te groot"):
        upload.read_table("ratio.xlsx", out.getvalue(), max_rows=10)


def test_too_many_zip_members():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for i in range(upload.MAX_ZIP_MEMBERS + 1):
            zf.writestr(f"xl/part{i}.xml", "")
    with pytest.raises(ImportRefused, match="te veel onderdelen"):
        upload.read_table("veel.xlsx", out.getvalue(), max_rows=10)


@pytest.mark.parametrize(
    "filename, data",
    [
        ("groot.csv", ("naam\n" + "x\n" * 11).encode()),
        ("groot.xlsx", xlsx([["naam"], *[["x"]] * 11])),
    ],
)
def test_too_many_rows(filename, data):
    assert len(upload.read_table(filename, data, max_rows=11)) == 12
    with pytest.raises(ImportRefused, match="meer dan 10 regels"):
        upload.read_table(filename, data, max_rows=10)


def test_too_large_file():
    with pytest.raises(ImportRefused, match="te groot"):
        upload.read_table("groot.csv", b"a" * (upload.MAX_BYTES + 1), max_rows=10)


@pytest.mark.parametrize(
    "filename, data, word",
    [
        ("leeg.csv", b"", "leeg"),
        ("oud.xls", b"\xd0\xcf\x11\xe0" + b"0" * 100, "type bestand"),
        ("nep.xlsx", b"%PDF-1.4", "geen geldig Excel"),
        ("binair.csv", b"naam\n\x00\x01", "geen tekstbestand"),
    ],
)
def test_other_refusals(filename, data, word):
    with pytest.raises(ImportRefused, match=word):
        upload.read_table(filename, data, max_rows=10)


def test_semicolon_csv():
    data = "naam;bedrag\nWelzijn Oost;€ 1.250,50\n".encode()
    assert upload.read_table("p.csv", data, max_rows=10) == [
        ["naam", "bedrag"],
        ["Welzijn Oost", "€ 1.250,50"],
    ]


def test_utf8_with_bom_csv():
    data = "naam,plaats\nCliëntenraad,Zwolle\n".encode("utf-8-sig")
    table = upload.read_table("p.csv", data, max_rows=10)
    assert table[0][0] == "naam"  # the BOM is not part of the first column name
    assert table[1] == ["Cliëntenraad", "Zwolle"]


def test_windows_1252_csv():
    data = "naam;notitie\nCliëntenraad;€ 5 per deelnemer\n".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert upload.read_table("p.csv", data, max_rows=10)[1] == ["Cliëntenraad", "€ 5 per deelnemer"]


def test_xlsx_reads_saved_values_and_never_formulas():
    data = xlsx([["naam", "getal"], ["Buurtkamer", 12]], formula=True)
    table = upload.read_table("p.xlsx", data, max_rows=10)
    assert all(len(row) == upload.MAX_COLUMNS for row in table)
    # openpyxl saved no computed value: the cells are empty, not the formula text
    assert cells(table) == [["naam", "getal"], ["Buurtkamer", 12], []]


def test_blank_rows_before_the_header_are_dropped():
    data = xlsx([[None, None], ["naam", "soort"], ["A", "zorg"]])
    assert cells(upload.read_table("p.xlsx", data, max_rows=10)) == [
        ["naam", "soort"],
        ["A", "zorg"],
    ]


def test_preferred_sheet():
    wb = Workbook()
    wb.active.append(["uitleg"])
    wb.create_sheet("Kompas").append(["soort"])
    out = io.BytesIO()
    wb.save(out)
    assert cells(upload.read_table("k.xlsx", out.getvalue(), max_rows=10, sheet="Kompas")) == [
        ["soort"]
    ]
    assert cells(upload.read_table("k.xlsx", out.getvalue(), max_rows=10)) == [["uitleg"]]
