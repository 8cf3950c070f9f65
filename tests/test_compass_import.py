"""Kwaliteitskompas import: template round trip, a good file, each kind of bad row, and
the upload guards (size, type, zip bomb)."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from kompas import compass, upload
from kompas.compass import importer as ci
from kompas.db import reading, writing
from kompas.errors import ImportRefused
from kompas.models import Partner

HEADER = list(ci.COLUMN_NAMES)


def csv_bytes(rows: list[dict], delimiter: str = ";") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([row.get(h, "") for h in HEADER])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: list[dict]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Kompas"
    ws.append(HEADER)
    for row in rows:
        ws.append([row.get(h) for h in HEADER])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


GOOD = [
    {"soort": "resultaat", "ambitie": "Minder eenzaamheid", "resultaat": "Minder eenzame inwoners"},
    {
        "soort": "indicator",
        "resultaat": "Minder eenzame inwoners",
        "naam": "Eenzaam (GGD)",
        "eenheid": "%",
        "nulmeting": "44,5",
        "jaar_nulmeting": "2022",
        "streefwaarde": "38",
        "streefjaar": "2027",
        "hoger_is_beter": "nee",
        "bron": "GGD",
        "meting": "41",
        "meetdatum": "01-09-2024",
    },
    {
        "soort": "activiteit",
        "activiteit": "Buurtkamers",
        "resultaat": "Minder eenzame inwoners",
        "partner": "welzijn oost",
        "budget": "€ 12.500,50",
        "methode": "Buurtkamermethode",
        "bewezen_effectief": "deels",
    },
    {
        "soort": "indicator",
        "activiteit": "Buurtkamers",
        "naam": "Verhalen van bezoekers",
        "vorm": "vertellen",
        "meting": "Mevrouw K. komt elke week.",
        "meetdatum": "2025-02-01",
    },
]


@pytest.fixture
def ws(engine, make_workshop):
    ws = make_workshop()
    with writing(engine) as db:
        db.add(Partner(workshop_id=ws.id, name="Welzijn Oost"))
    return ws


def _import(engine, ws, name, data):
    with writing(engine) as db:
        return ci.import_compass(db, actor=ws.facilitator, filename=name, data=data)


def _view(engine, ws):
    with reading(engine) as db:
        return compass.compass_view(db, ws.id)


@pytest.mark.parametrize(
    "name,make",
    [
        ("kompas.csv", csv_bytes),
        ("kompas.xlsx", xlsx_bytes),
        ("komma.csv", lambda r: csv_bytes(r, ",")),
    ],
)
def test_good_file(engine, ws, name, make):
    result = _import(engine, ws, name, make(GOOD))
    assert (result.results, result.indicators, result.measurements, result.activities) == (
        1,
        2,
        2,
        1,
    )
    view = _view(engine, ws)
    assert [a.title for a in view.ambitions] == ["Minder eenzaamheid"]
    ind = view.results[0].indicators[0]
    assert ind.baseline_value == 44.5 and ind.higher_is_better is False and ind.latest.value == 41
    act = view.activities[0]
    assert act.budget_cents == 1_250_050 and act.partner_name == "Welzijn Oost"
    assert act.result_ids == (view.results[0].id,) and act.proven_effective == "deels"
    assert act.indicators[0].latest.story.startswith("Mevrouw")


def test_xlsx_with_real_numbers_and_dates(engine, ws):
    from datetime import datetime

    rows = [
        dict(GOOD[0]),
        {
            **GOOD[1],
            "nulmeting": 44.5,
            "jaar_nulmeting": 2022,
            "streefwaarde": 38,
            "streefjaar": 2027,
            "meting": 41,
            "meetdatum": datetime(2024, 9, 1),
        },
        {**GOOD[2], "budget": 12500.5},
    ]
    _import(engine, ws, "k.xlsx", xlsx_bytes(rows))
    view = _view(engine, ws)
    assert view.activities[0].budget_cents == 1_250_050
    assert view.indicators[0].latest.measured_on.isoformat() == "2024-09-01"


def test_template_reimports_as_empty_and_has_all_columns():
    wb = load_workbook(io.BytesIO(ci.template_xlsx()))
    assert [c.value for c in wb["Kompas"][1]] == HEADER
    assert "Uitleg" in wb.sheetnames
    assert ci.template_csv().decode("utf-8-sig").strip() == ";".join(HEADER)
    with pytest.raises(ImportRefused, match="geen regels"):
        ci.read_rows("sjabloon.xlsx", ci.template_xlsx())


def test_examples_in_template_import(engine, ws):
    _import(engine, ws, "voorbeeld.csv", csv_bytes(list(ci.EXAMPLES)))
    assert len(_view(engine, ws).activities) == 1


BAD_ROWS = [
    ("unknown kind", {"soort": "doel", "resultaat": "x"}, "soort 'doel' is onbekend"),
    ("result without title", {"soort": "resultaat", "ambitie": "A"}, "titel van het resultaat"),
    (
        "indicator without owner",
        {"soort": "indicator", "naam": "x"},
        "óf een resultaat óf een activiteit",
    ),
    (
        "indicator for unknown result",
        {"soort": "indicator", "resultaat": "Bestaat niet", "naam": "x"},
        "bestaat niet",
    ),
    ("baseline not a number", {**GOOD[1], "naam": "Ander", "nulmeting": "veel"}, "geen getal"),
    ("bad year", {**GOOD[1], "naam": "Ander", "streefjaar": "volgend jaar"}, "jaartal"),
    ("bad date", {**GOOD[1], "naam": "Ander", "meetdatum": "gisteren"}, "geen datum"),
    (
        "target against direction",
        {**GOOD[1], "naam": "Ander", "hoger_is_beter": "ja"},
        "hoger is beter",
    ),
    ("bad money", {**GOOD[2], "activiteit": "Nieuw", "budget": "twaalf"}, "geen bedrag"),
    (
        "unknown partner",
        {**GOOD[2], "activiteit": "Nieuw", "partner": "Onbekend BV"},
        "partnerlijst",
    ),
    ("duplicate activity", GOOD[2], "bestaat al"),
    (
        "bad effectiveness",
        {**GOOD[2], "activiteit": "Nieuw", "bewezen_effectief": "zeker"},
        "ja, deels",
    ),
    ("title too long", {"soort": "resultaat", "resultaat": "x" * 300}, "te lang"),
]


@pytest.mark.parametrize(
    "bad,message", [case[1:] for case in BAD_ROWS], ids=[case[0] for case in BAD_ROWS]
)
def test_bad_row_changes_nothing_and_names_the_row(engine, ws, bad, message):
    data = csv_bytes(GOOD + [bad])
    with pytest.raises(ImportRefused) as exc:
        _import(engine, ws, "kompas.csv", data)
    bad_row = len(GOOD) + 2  # header is row 1
    assert any(p.startswith(f"Rij {bad_row}:") and message in p for p in exc.value.problems), (
        exc.value.problems
    )
    assert "niets veranderd" in str(exc.value)
    view = _view(engine, ws)
    assert view.empty and not view.indicators


def test_all_bad_rows_are_listed(engine, ws):
    rows = [{"soort": "x"}, {"soort": "resultaat"}, {"soort": "indicator", "naam": "y"}]
    with pytest.raises(ImportRefused) as exc:
        _import(engine, ws, "k.csv", csv_bytes(rows))
    assert [p.split(":")[0] for p in exc.value.problems] == ["Rij 2", "Rij 3", "Rij 4"]


FILE_GUARDS = [
    ("old excel", "kompas.xls", b"\xd0\xcf\x11\xe0" + b"0" * 100, "type bestand"),
    ("pdf renamed", "kompas.xlsx", b"%PDF-1.4 ...", "geen geldig Excel"),
    ("binary csv", "kompas.csv", b"\x00\x01\x02" * 10, "geen tekstbestand"),
    ("too big", "kompas.csv", b"a" * (upload.MAX_BYTES + 1), "te groot"),
    ("empty", "kompas.csv", b"", "leeg"),
    ("unknown column", "kompas.csv", b"soort;kleur\nresultaat;rood\n", "kolommen"),
    ("no soort column", "kompas.csv", b"resultaat\nIets\n", "soort"),
    ("zip without workbook", "kompas.xlsx", None, "geen geldig Excel"),
]


@pytest.mark.parametrize(
    "name,data,message", [case[1:] for case in FILE_GUARDS], ids=[case[0] for case in FILE_GUARDS]
)
def test_file_guards(name, data, message):
    if data is None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            zf.writestr("hello.txt", "hi")
        data = out.getvalue()
    with pytest.raises(ImportRefused, match=message):
        ci.read_rows(name, data)


def test_zip_bomb_is_refused_before_parsing():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    data = out.getvalue()
    assert len(data) < upload.MAX_BYTES
    with pytest.raises(ImportRefused, match="uitgepakt veel te groot"):
        ci.read_rows("bom.xlsx", data)


def test_too_many_rows():
    data = csv_bytes([{"soort": "resultaat", "resultaat": f"R{i}"} for i in range(ci.MAX_ROWS + 1)])
    with pytest.raises(ImportRefused, match="meer dan"):
        ci.read_rows("groot.csv", data)


def test_participant_cannot_import_when_compass_closed(engine, ws):
    anne = ws.join("Anne")
    with pytest.raises(Exception, match="procesbegeleider"), writing(engine) as db:
        ci.import_compass(db, actor=anne, filename="k.csv", data=csv_bytes(GOOD))
