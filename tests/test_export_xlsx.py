"""Excel export: openpyxl reads it back with typed cells, euro formats, dates, frozen
headers, and formula-looking text kept as text."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from kompas.db import reading
from kompas.export import export_bytes
from kompas.export.xlsx import EURO
from tests.test_summary import FORMULA_PARTNER, HOSTILE_PARTNER, report  # noqa: F401


@pytest.fixture(scope="module")
def book(report):  # noqa: F811
    engine, wid, s = report
    with reading(engine) as db:
        data = export_bytes(db, wid, "xlsx")
    return load_workbook(io.BytesIO(data)), s


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_one_sheet_per_table(book):
    wb, s = book
    expected = ["Verslag"] + [t.name for t in s.sheets() if t.name != "Workshop"]
    assert wb.sheetnames == expected
    for name in (
        "Prioriteiten",
        "Doelenboom",
        "Kompas",
        "Indicatoren",
        "Budget per resultaat",
        "Partners",
        "Richtingen",
    ):
        assert name in wb.sheetnames


def test_headers_frozen_and_bold(book):
    wb, _ = book
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.cell(1, 1).font.bold


def test_money_is_a_number_with_euro_format(book):
    wb, _ = book
    ws = wb["Partners"]
    header = [c.value for c in ws[1]]
    col = header.index("Contractwaarde") + 1
    cell = ws.cell(2, col)
    assert cell.value == 125000 and cell.number_format == EURO
    budget = wb["Budget per resultaat"]
    values = rows(budget)
    assert values[-1][0] == "Totaal" and values[-1][1] == pytest.approx(12345.67)


def test_dates_are_dates_and_numbers_are_numbers(book):
    wb, _ = book
    ws = wb["Richtingen"]
    header = [c.value for c in ws[1]]
    review = ws.cell(2, header.index("Evaluatie") + 1).value
    assert isinstance(review, (date, datetime)) and review.year == 2027 and review.month == 3
    prio = wb["Prioriteiten"]
    assert rows(prio)[1][3] == 3 and isinstance(rows(prio)[1][3], int)
    ind = wb["Indicatoren"]
    header = [c.value for c in ind[1]]
    assert ind.cell(2, header.index("Nulmeting") + 1).value == 48
    year = ind.cell(2, header.index("Basisjaar") + 1)
    # a plain integer with format "0": 2024, never "2.024" in a Dutch Excel (issue 14)
    assert year.value == 2024 and year.number_format == "0"


def test_formula_text_stays_text(book):
    wb, _ = book
    ws = wb["Partners"]
    names = [r[0] for r in rows(ws)[1:]]
    assert FORMULA_PARTNER in names and HOSTILE_PARTNER in names
    cell = next(c for c in ws["A"] if c.value == FORMULA_PARTNER)
    assert cell.data_type == "s"
    service = next(r[1] for r in rows(ws) if r[0] == FORMULA_PARTNER)
    assert service == "-1+2"


def test_no_formula_anywhere_in_the_file(report):  # noqa: F811
    import zipfile

    engine, wid, _ = report
    with reading(engine) as db:
        data = export_bytes(db, wid, "xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)


def test_conclusions_on_first_sheet(book):
    wb, _ = book
    first = rows(wb["Verslag"])
    assert ("Workshop", "Werksessie Culemborg") in first
    assert any(r[0] == "Open vragen voor de volgende sessie" for r in first)
