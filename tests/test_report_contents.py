"""The report a wethouder reads in five minutes (issue 14): the first page carries the
session, Besluiten and Acties; the compass is grouped per result; the files say they are
Dutch; Excel prints; Markdown stands alone."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from kompas import actions, live, summary
from kompas.blocks import Heading, Table, cell_text as summary_cell
from kompas.compass.report import signal, trend
from kompas.compass.view import IndicatorView, MeasurementView, compass_view
from kompas.db import make_engine, reading, writing
from kompas.demo import create_demo
from kompas.demo_data import VISION
from kompas.export import docx as docx_export, markdown, pdf, xlsx
from kompas.models import Partner, Placement
from tests.office import docx_to_pdf, needs_libreoffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def demo():
    live.reset()
    engine = make_engine("sqlite://")
    with writing(engine) as db:
        wid = create_demo(db).workshop_id
    with reading(engine) as db:
        built = summary.build(db, wid)
        items = actions.collect(db, wid)
        view = compass_view(db, wid)
    yield engine, wid, built, items, view
    engine.dispose()


@pytest.fixture(scope="module")
def word(demo):
    return Document(io.BytesIO(docx_export.render(demo[2])))


@pytest.fixture(scope="module")
def pdf_reader(demo):
    return PdfReader(io.BytesIO(pdf.render(demo[2])))


def _body_until_page_break(doc) -> str:
    """Text of the Word body up to the first section that starts on a new page."""
    out = []
    for el in doc.element.body.iterchildren():
        if el.tag == W + "p" and el.find(f"{W}pPr/{W}pageBreakBefore") is not None:
            break
        out.append("".join(t.text or "" for t in el.iter(W + "t")))
    return "\n".join(out)


def test_first_word_pages_carry_the_session(word):
    first = _body_until_page_break(word)
    for expected in (
        "Werksessie sociaal domein 2027",
        "24 november 2026",
        "Gemeentehuis Lingewaarden, raadszaal",
        "Samen kiezen welke resultaten voorgaan",
        "8 deelnemers: 3 van de gemeente",
        "9 februari 2027",  # the next session
        "Conclusies",
        "Besluiten",
        "Minder inwoners voelen zich ernstig eenzaam",  # an agreed priority
        "Minder afhankelijk worden, bijvoorbeeld door een tweede aanbieder: Jeugdzorg "
        "Gelderland",  # a direction in plain words
        "Het jongerenwerk wordt vanaf 2028 één opdracht",  # the facilitator's own decision
        "Acties",
    ):
        assert expected in first, expected
    # before the tools: the goal tree starts on a page of its own after all of this
    assert "De doelenboom in woorden" not in first


def test_actions_table_has_every_demo_action(word, demo):
    items = demo[3]
    table = next(
        t
        for t in word.tables
        if [c.text for c in t.rows[0].cells][:4] == ["Actie", "Eigenaar", "Datum", "Status"]
    )
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[0] for r in rows] == [a.action for a in items]
    assert len(rows) == len(items) >= 10
    by_action = {r[0]: r for r in rows}
    for a in items:
        row = by_action[a.action]
        assert row[1] == (a.owner or "nog niet bekend")
        if a.due:
            assert row[2] == summary.formats.date_nl(a.due)
        assert row[3] == (a.status or "open vraag")


def test_vision_text_is_in_word_and_pdf(word, pdf_reader):
    words = " ".join(VISION.split()[:12])
    text = "\n".join(p.text for p in word.paragraphs)
    assert words in " ".join(text.split())
    pdf_text = " ".join("\n".join(p.extract_text() for p in pdf_reader.pages).split())
    assert words in pdf_text


def test_compass_never_pairs_an_indicator_with_an_activity(demo):
    _, _, built, _, view = demo
    indicators = {i.name for i in view.indicators}
    activities = {a.title for a in view.activities}
    section = built.section("compass")
    per_result = [
        b for b in section.blocks if isinstance(b, Table) and b.name.startswith("Resultaat ")
    ]
    assert per_result
    for block in per_result:
        names = {str(row[0]) for row in block.rows}
        if block.name.endswith("indicatoren"):
            assert names <= indicators and not names & activities
        else:
            assert names <= activities and not names & indicators
    # every indicator of the headline count is in the documents
    shown = {
        row[0 if "Outcome" not in b.name else 1]
        for b in section.blocks
        if isinstance(b, Table)
        and b.documents
        and b.columns[0].name in ("Indicator", "Activiteit")
        and any(c.name == "Nulmeting" for c in b.columns)
        for row in b.rows
    }
    assert shown == indicators
    sheet = next(b for b in section.blocks if isinstance(b, Table) and b.name == "Kompas")
    for row in sheet.rows:
        if row[2] == "Indicator":
            assert row[6] == "" and row[7] is None
        else:
            assert row[2] == "Activiteit" and row[4] == ""


def test_result_headings_sit_under_a_subheading(demo):
    section = demo[2].section("compass")
    levels = [b.level for b in section.blocks if isinstance(b, Heading)]
    assert 4 in levels and levels.index(4) > levels.index(3)


def _indicator(values, *, status, baseline=10.0, higher=True):
    ms = tuple(MeasurementView(n, date(2025, 1 + n, 1), v, "", "") for n, v in enumerate(values))
    return IndicatorView(
        1,
        0,
        "x",
        "tellen",
        "%",
        baseline,
        2024,
        20.0,
        2026,
        higher,
        "",
        1,
        None,
        ms,
        ms[-1] if ms else None,
        status,
        None,
        None,
        "r",
    )


@pytest.mark.parametrize(
    "values, status, higher, expected",
    [
        ((12.0, 13.0), "niet op koers", True, "Oranje: loopt achter"),  # better, too slow
        ((12.0, 11.0), "niet op koers", True, "Rood: gaat achteruit"),  # fell back
        ((9.0,), "niet op koers", True, "Rood: gaat achteruit"),  # below the baseline
        ((9.0,), "niet op koers", False, "Oranje: loopt achter"),  # lower is better
        ((15.0,), "op koers", True, "Groen: op koers"),
        ((21.0,), "doel bereikt", True, "Groen: doel bereikt"),
        ((), "geen gegevens", True, "Grijs: nog geen meting"),
    ],
)
def test_worsening_and_late_are_told_apart(values, status, higher, expected):
    assert signal(_indicator(values, status=status, higher=higher)) == expected


def test_trend_respects_lower_is_better():
    assert trend(_indicator((12.0, 11.0), status="x", higher=False)) == "beter"
    assert trend(_indicator((12.0,), status="x")) == ""


def test_word_is_dutch_with_title_author_and_alt_text(word, demo):
    props = word.core_properties
    assert props.language == "nl-NL"
    assert props.title == "Werksessie sociaal domein 2027"
    assert props.author == "Gemeente Lingewaarden"
    assert "python-docx" not in (props.comments or "")
    assert props.created.year == datetime.now(UTC).year
    langs = {el.get(W + "val") for el in word.styles.element.iter(W + "lang")}
    assert langs == {"nl-NL"}
    described = [
        el.get("descr")
        for el in word.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        )
    ]
    assert described and all(described)
    # headings never skip a level
    levels = [
        int(p.style.name.split()[-1]) for p in word.paragraphs if p.style.name.startswith("Heading")
    ]
    assert all(b - a <= 1 for a, b in zip([0] + levels, levels))


def test_pdf_has_bookmarks_language_and_author(pdf_reader):
    titles = [o.title for o in pdf_reader.outline if not isinstance(o, list)]
    for expected in ("Over deze werksessie", "Besluiten", "Acties", "Doelenboom", "Partnermatrix"):
        assert expected in titles
    assert pdf_reader.trailer["/Root"]["/Lang"] == "nl-NL"
    assert pdf_reader.metadata.author == "Gemeente Lingewaarden"


def test_excel_prints_landscape_fit_to_width_with_plain_years(demo):
    book = load_workbook(io.BytesIO(xlsx.render(demo[2])))
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
    ind = book["Indicatoren"]
    header = [c.value for c in ind[1]]
    for name in ("Basisjaar", "Streefjaar"):
        cell = ind.cell(2, header.index(name) + 1)
        assert isinstance(cell.value, int) and cell.number_format == "0"
    first = {r[0].value: r[1].value for r in book["Verslag"].iter_rows(min_row=2)}
    assert first["Datum"].date() == date(2026, 11, 24)
    assert first["Plaats"] == "Gemeentehuis Lingewaarden, raadszaal"


def test_markdown_stands_alone(demo):
    md = markdown.render(demo[2]).decode()
    assert not re.search(r"!\[|\.png|\.svg|\.jpe?g", md)
    assert "Legenda" not in md  # no legend of a picture it does not have
    assert "## Besluiten" in md and "| Actie | Eigenaar | Datum | Status |" in md


def test_no_plural_in_brackets_anywhere(demo):
    md = markdown.render(demo[2]).decode()
    assert "(en)" not in md and "resultaat/resultaten" not in md


def test_crowded_matrix_gets_numbers_and_a_key(demo):
    engine = make_engine("sqlite://")
    with writing(engine) as db:
        wid = create_demo(db).workshop_id
        for n in range(30):
            p = Partner(workshop_id=wid, name=f"Stichting Welzijn en Zorg {n}", position=50 + n)
            db.add(p)
            db.flush()
            spot = (n % 6) / 6 + 0.05
            db.add(Placement(workshop_id=wid, partner_id=p.id, influence=spot, dependency=spot))
        live.touch(db, wid)
    with reading(engine) as db:
        built = summary.build(db, wid)
    engine.dispose()
    section = built.section("matrix")
    key = next(
        b for b in section.blocks if isinstance(b, Table) and b.name == "Nummers in de matrix"
    )
    assert [r[0] for r in key.rows] == list(range(1, len(key.rows) + 1))


def _words_in_tables(built) -> set[str]:
    words = set()
    for t in built.tables():
        if not t.documents:
            continue
        texts = [c.name for c in t.columns] + [
            summary_cell(v, c.kind) for r in t.rows for v, c in zip(r, t.columns)
        ]
        for text_ in texts:
            for w in text_.split():
                w = w.strip(".,;:()'\"")
                if len(w) >= 6 and w.isalpha():
                    words.add(w)
    return words


@needs_libreoffice
def test_word_in_libreoffice_breaks_no_word_and_has_no_blank_page(demo, tmp_path):
    reader = PdfReader(str(docx_to_pdf(docx_export.render(demo[2]), tmp_path)))
    pages = [p.extract_text() for p in reader.pages]
    footer = "Werksessie sociaal domein 2027 · 24 november 2026 · pagina"
    for n, page in enumerate(pages, start=1):
        body = [line for line in page.splitlines() if line.strip() and footer not in line]
        assert body, f"page {n} is blank"
    tokens = set(re.findall(r"[^\s]+", "\n".join(pages)))
    broken = [w for w in _words_in_tables(demo[2]) if not any(w in t for t in tokens)]
    assert not broken


def _headings(built) -> set[str]:
    out = {s.title for s in built.sections}
    out |= {b.text for s in built.sections for b in s.blocks if isinstance(b, Heading)}
    return out


def test_no_heading_alone_at_the_bottom_of_a_pdf_page(demo, pdf_reader):
    headings = _headings(demo[2])
    for n, page in enumerate(pdf_reader.pages[:-1], start=1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if "· pagina" not in line]
        assert body and body[-1] not in headings, (n, body[-1])


def test_pictures_have_at_least_200_ppi_where_printed(demo):
    from kompas.export.pictures import (
        MIN_PPI,
        PRINT_HEIGHT_CM,
        PRINT_WIDTH_CM,
        picture_png,
        png_size,
    )

    for key in ("tree", "compass", "matrix"):
        w, h = png_size(picture_png(demo[2], key))
        printed_cm = min(PRINT_WIDTH_CM, PRINT_HEIGHT_CM * w / h)
        assert w / (printed_cm / 2.54) >= MIN_PPI, key


def test_a_bad_session_date_is_refused_and_changes_nothing():
    from kompas import workshops
    from kompas.errors import InvalidInput
    from kompas.models import Workshop

    engine = make_engine("sqlite://")
    with writing(engine) as db:
        new = workshops.create_workshop(db, title="Sessie", session_date="2026-11-24")
    actor = workshops.Actor(new.workshop_id, None, True, "Procesbegeleider", "")
    with pytest.raises(InvalidInput, match="is geen geldige datum van de sessie"):
        with writing(engine) as db:
            workshops.update_workshop(db, actor=actor, place="Zaal 2", session_date="24 nov")
    with reading(engine) as db:
        w = db.get(Workshop, new.workshop_id)
        assert (w.session_date, w.place) == (date(2026, 11, 24), "")
    engine.dispose()
