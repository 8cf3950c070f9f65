"""The README's privacy promises, each held by a test here or named below.

| promise (README, "Privacy")                                   | test                              |
| ------------------------------------------------------------- | --------------------------------- |
| nothing loaded from outside                                   | e2e/test_privacy_network_e2e.py   |
| no placement or vote per person in any report format          | test_reports_show_no_one_s_...    |
| figures per role group only from 3 people in that group       | test_partners.py (MIN_GROUP), test_vote_figures_per_role_... |
| participants get the report formats, never the JSON back-up   | test_participants_never_get_...   |
| back-up: pseudonyms by default, not in joining order          | test_json_roundtrip.py            |
| back-up with names only on request                            | test_json_roundtrip.py, test_cli.py |
| user text never a link, image or markup                       | pages/test_hostile_text_pages.py, e2e/test_user_text_e2e.py |
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from kompas import partners
from kompas.db import reading, writing
from kompas.errors import NotAllowed
from kompas.export import REPORT_FORMATS, export_bytes, export_for
from kompas.models import Workshop

README = Path(__file__).resolve().parent.parent / "README.md"

# Each person's own estimate of one partner; only their mean (39%, 39%) may be reported.
OWN = ((0.07, 0.11), (0.13, 0.17), (0.97, 0.89))


def report_text(data: bytes, fmt: str) -> str:
    if fmt == "md":
        return data.decode("utf-8")
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
        return "\n".join(
            f"{round(c.value * 100)}%" if "%" in c.number_format else str(c.value) for c in cells
        )
    if fmt == "docx":
        from docx import Document

        doc = Document(io.BytesIO(data))
        parts = [p.text for p in doc.paragraphs]
        parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join(parts)
    if fmt == "pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    raise AssertionError(fmt)


@pytest.fixture
def placed(make_workshop):
    ws = make_workshop(title="Privacy")
    people = [
        ws.join("Anne", "gemeente"),
        ws.join("Bram", "aanbieder"),
        ws.join("Chloë", "inwoner"),
    ]
    with writing(ws.engine) as db:
        pid = partners.add_partner(db, actor=ws.facilitator, name="Wijkteam Noord")
        for actor, (influence, dependency) in zip(people, OWN):
            partners.place_partner(
                db, actor=actor, partner_id=pid, influence=influence, dependency=dependency
            )
        partners.reveal_placements(db, actor=ws.facilitator)
        w = db.get(Workshop, ws.id)
        w.report_show_names = True  # even with names on
    ws.people = people
    return ws


@pytest.mark.parametrize("fmt", ["md", "xlsx", "docx", "pdf"])
def test_reports_show_no_one_s_own_placement(placed, fmt):
    with reading(placed.engine) as db:
        text = report_text(export_bytes(db, placed.id, fmt), fmt)
    assert "Wijkteam Noord" in text and "Anne" in text  # names are on: the list is there
    values = {round(v * 100) for point in OWN for v in point}
    shown = {int(n) for n in re.findall(r"(?<![\d,.])(\d{1,3})\s?%", text)}
    assert 39 in shown  # the group's mean
    assert not values & shown, f"a person's own estimate is in the {fmt} report: {values & shown}"


def test_participants_never_get_the_backup(placed):
    anne = placed.people[0]
    with writing(placed.engine) as db:
        db.get(Workshop, placed.id).downloads_open = True
    with reading(placed.engine) as db:
        with pytest.raises(NotAllowed, match="alleen voor de procesbegeleider"):
            export_for(db, actor=anne, fmt="json")
        with pytest.raises(NotAllowed, match="alleen voor de procesbegeleider"):
            export_for(db, actor=anne, fmt="md", with_names=True)
        for fmt in REPORT_FORMATS:
            assert export_for(db, actor=anne, fmt=fmt)
        assert export_for(db, actor=placed.facilitator, fmt="json", with_names=True)
    assert "json" not in REPORT_FORMATS


def test_participants_get_nothing_while_downloads_are_closed(placed):
    with reading(placed.engine) as db:
        with pytest.raises(NotAllowed, match="gesloten"):
            export_for(db, actor=placed.people[1], fmt="pdf")


def test_readme_promises_are_the_tested_ones():
    """The privacy section says what the tests above hold; change both together."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Privacy") :]
    section = " ".join(section[: section.index("\n## ", 5)].split())
    for promise in (
        "Wie wat stemde of waar iemand een partner plaatste staat op geen scherm en in geen verslag",
        "cijfers per rolgroep pas als er minstens 3 mensen uit die rolgroep meededen",
        "nooit de JSON-back-up",
        "Standaard staan deelnemers erin als Deelnemer 1, 2, … met hun rol",
        "de nummers volgen niet de volgorde van aanmelden",
        "nooit een link, plaatje of opmaak, ook niet van een webadres of e-mailadres",
    ):
        assert promise in section, promise


def _vote(ws, people, node_of):
    from kompas import goaltree, workshops

    with writing(ws.engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="stemmen")
        workshops.update_workshop(db, actor=ws.facilitator, votes_revealed=True)
        main = goaltree.main_goal(db, ws.id).id
        domain = goaltree.add_node(
            db, actor=ws.facilitator, parent_id=main, kind="domain", title="Welzijn"
        )
        nodes = {
            t: goaltree.add_node(db, actor=ws.facilitator, parent_id=domain, title=t)
            for t in ("Minder eenzaamheid", "Schulden eerder in beeld")
        }
        for actor in people:
            goaltree.cast_vote(db, actor=actor, node_id=nodes[node_of(actor)])


def test_vote_figures_per_role_only_from_three_voters_per_role(make_workshop):
    from kompas import goaltree

    ws = make_workshop(title="Stippen")
    gemeente = [ws.join(f"G{i}", "gemeente") for i in range(3)]
    bram = ws.join("Bram", "aanbieder")  # the only provider: his dot would be his own column
    _vote(
        ws,
        [*gemeente, bram],
        lambda a: "Schulden eerder in beeld" if a is bram else "Minder eenzaamheid",
    )
    with reading(ws.engine) as db:
        rows = goaltree.priorities(db, ws.id)
        view = goaltree.tree_view(db, ws.id)
        md = export_bytes(db, ws.id, "md").decode("utf-8")
    assert [r.total for r in rows] == [3, 1]  # the totals are there …
    assert all(r.by_role == () for r in rows)  # … but not per role
    assert all(n.by_role == () for n in view.nodes)
    assert re.search(r"\| Schulden eerder in beeld \| 1 \|\s*$", md, re.MULTILINE), md
    assert "minstens 3 mensen" in md


def test_vote_figures_per_role_with_three_voters_in_every_role(make_workshop):
    from kompas import goaltree

    ws = make_workshop(title="Stippen")
    people = [ws.join(f"G{i}", "gemeente") for i in range(3)] + [
        ws.join(f"A{i}", "aanbieder") for i in range(3)
    ]
    _vote(ws, people, lambda a: "Minder eenzaamheid")
    with reading(ws.engine) as db:
        rows = goaltree.priorities(db, ws.id)
    assert dict(rows[0].by_role) == {"gemeente": 3, "aanbieder": 3, "inwoner": 0, "anders": 0}
