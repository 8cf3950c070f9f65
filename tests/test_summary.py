"""The report summary: what it contains, what it hides, how cells are formatted."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from kompas import live, summary
from kompas.blocks import Bullets, Outline, Picture, Table, WorkshopSummary, cell_text
from kompas.db import make_engine, reading, writing
from kompas.models import GoalNode, Partner, Workshop
from kompas.workshops import create_workshop
from tests.test_json_roundtrip import make_rich

HOSTILE_PARTNER = "![x](http://evil.example/leak.png) <script>alert(1)</script>"
FORMULA_PARTNER = '=HYPERLINK("http://evil.example","klik")'
IJ_NODE = "Fĳne ĳsbaan voor Chloë: € 12,50"


def make_report_workshop(engine) -> int:
    """The rich workshop plus hostile and non-ASCII names."""
    wid = make_rich(engine)
    with writing(engine) as db:
        db.add(Partner(workshop_id=wid, name=HOSTILE_PARTNER, service="Welzijn", position=10))
        db.add(Partner(workshop_id=wid, name=FORMULA_PARTNER, service="-1+2", position=11))
        main = db.execute(
            select(GoalNode).where(GoalNode.workshop_id == wid, GoalNode.kind == "main_goal")
        ).scalar_one()
        db.add(GoalNode(workshop_id=wid, parent_id=main.id, kind="domain", title=IJ_NODE))
        w = db.get(Workshop, wid)
        w.open_questions = "Wie trekt het convenant?\n- Welke indicator voor bereik?"
        live.touch(db, wid)
    return wid


@pytest.fixture(scope="module")
def report():
    """(engine, workshop id, summary) shared by the tests of one module."""
    live.reset()
    engine = make_engine("sqlite://")
    wid = make_report_workshop(engine)
    with reading(engine) as db:
        built = summary.build(db, wid)
    yield engine, wid, built
    engine.dispose()


def all_text(s: WorkshopSummary) -> str:
    parts = []
    for section in s.sections:
        parts.append(section.title)
        for block in section.blocks:
            if isinstance(block, Table):
                parts += [c.name for c in block.columns]
                parts += [
                    cell_text(v, c.kind) for row in block.rows for v, c in zip(row, block.columns)
                ]
            elif isinstance(block, (Bullets,)):
                parts += list(block.items)
            elif isinstance(block, Outline):
                parts += [t for _, t, _ in block.items]
            elif hasattr(block, "text"):
                parts.append(block.text)
    return "\n".join(parts)


def test_sections_in_report_order(report):
    _, _, s = report
    assert [sec.key for sec in s.sections] == [
        "about",
        "conclusions",
        "decisions",
        "actions",
        "tree",
        "compass",
        "matrix",
        "matrix:sturing_netwerk",  # the other lens, relations and scan of the rich seed
        "relations",
        "scan",
        "open_questions",
    ]


def test_participants_counted_per_role_without_names_by_default(report):
    _, _, s = report
    assert dict(s.by_role) == {"Gemeente": 1, "Aanbieder": 1, "Inwoner": 1, "Anders": 0}
    per_role = next(t for t in s.tables() if t.name == "Deelnemers per rol")
    # organisations only when the facilitator allows them (issue 14)
    assert ("Aanbieder", 1) in per_role.rows
    assert [c.name for c in per_role.columns] == ["Rol", "Aantal"]
    assert "Anna" not in all_text(s)
    assert not any(t.name == "Deelnemers" for t in s.tables())


def test_names_shown_when_asked(report):
    engine, wid, _ = report
    with reading(engine) as db:
        s = summary.build(db, wid, show_names=True)
    names = next(t for t in s.tables() if t.name == "Deelnemers")
    assert [r[0] for r in names.rows] == ["Anna", "Bram", "Chloë"]


def test_tree_priorities_with_vote_totals_per_role(report):
    _, _, s = report
    prio = next(t for t in s.tables() if t.name == "Prioriteiten")
    assert not prio.documents  # the full table is for Excel; documents get a compact one
    row = prio.rows[0]
    assert row[1] == "Minder eenzaamheid" and row[3] == 3  # 2 + 1 dots
    compact = next(t for t in s.tables() if t.name == "Prioriteiten (verslag)")
    assert compact.rows[0][:3] == (1, "Minder eenzaamheid", 3)
    columns = [c.name for c in prio.columns]
    # Anna (gemeente) and Bram (aanbieder) voted: per role would show what each chose
    assert "Gemeente" not in columns and "Aanbieder" not in columns
    outline = next(b for b in s.section("tree").blocks if isinstance(b, Outline))
    assert (1, IJ_NODE, "Beleidsterrein") in outline.items
    assert any(isinstance(b, Picture) and b.key == "tree" for b in s.section("tree").blocks)


def test_hidden_votes_stay_hidden(engine):
    wid = make_rich(engine)
    with writing(engine) as db:
        db.get(Workshop, wid).votes_revealed = False
    with reading(engine) as db:
        s = summary.build(db, wid)
    assert not any(t.name == "Prioriteiten" for t in s.tables())
    assert "nog niet zichtbaar" in all_text(s)


def test_compass_content(report):
    _, _, s = report
    text = all_text(s)
    for expected in (
        "Minder eenzame inwoners",
        "Eenzaamheid (GGD)",
        "€ 12.345,67",
        "Huiskamer",
        "Bereik jongeren",
        "Jongerenwerk erbij",
        "15 januari 2027",
    ):
        assert expected in text
    budget = next(t for t in s.tables() if t.name == "Budget per resultaat")
    assert budget.total == ("Totaal", 12_345_67)
    warnings = next(b for b in s.section("compass").blocks if isinstance(b, Bullets))
    assert any("zonder activiteit" in w for w in warnings.items)


def test_matrix_lists_every_partner_with_direction(report):
    _, _, s = report
    partners = next(t for t in s.tables() if t.name == "Partners (verslag)")
    names = [r[0] for r in partners.rows]
    assert names == [
        "Welzijn Rivierenland",
        "MEE Gelderse Poort",
        "Stichting IJsselgroep",
        HOSTILE_PARTNER,
        FORMULA_PARTNER,
    ]
    first = partners.rows[0]
    assert first[3] == 0.8 and first[4] == 0.65 and first[5] == "Strategisch partnerschap"
    assert first[6] == "Naar rechts: vast partnerschap"  # the direction in plain words
    directions = next(t for t in s.tables() if t.name == "Richtingen")
    assert directions.rows[0][3] == "Meerjarig convenant" and directions.rows[0][5] == date(
        2027, 3, 1
    )


def test_open_questions_become_bullets(report):
    _, _, s = report
    bullets = s.section("open_questions").blocks[0]
    assert bullets.items == ("Wie trekt het convenant?", "Welke indicator voor bereik?")


def test_empty_workshop_has_friendly_notes(engine):
    with writing(engine) as db:
        wid = create_workshop(db, title="Leeg").workshop_id
    with reading(engine) as db:
        s = summary.build(db, wid)
    text = all_text(s)
    assert "alleen het hoofddoel" in text
    assert "nog niet ingevuld" in text
    assert "nog geen partners" in text
    assert s.section("conclusions") is None and s.section("open_questions") is None


def test_sheet_names_are_unique_and_short(report):
    _, _, s = report
    names = [t.name for t in s.sheets()]
    assert len(names) == len(set(names)) and all(len(n) <= 31 for n in names)


@pytest.mark.parametrize(
    "value, kind, expected",
    [
        (123450, "money", "€ 1.234,50"),
        (0, "money", "€ 0,00"),
        (None, "money", ""),
        (0.726, "percent", "73%"),
        (date(2026, 11, 22), "date", "22 november 2026"),
        (datetime(2026, 11, 22, 23, 30, tzinfo=UTC), "date", "23 november 2026"),
        (1234.5, "number", "1.234,5"),
        (12000, "int", "12.000"),
        ("=1+1", "text", "=1+1"),
        (True, "text", "ja"),
    ],
)
def test_cell_text_is_dutch(value, kind, expected):
    assert cell_text(value, kind) == expected


def test_summary_is_picklable_plain_data(report):
    import pickle

    _, _, s = report
    again = pickle.loads(pickle.dumps(s))
    assert again.sections == s.sections
