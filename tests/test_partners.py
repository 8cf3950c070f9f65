"""Partnermatrix domain: partners, placements, consensus, agreed positions, directions,
import."""

from __future__ import annotations

import io
import math
import zipfile
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st
from sqlmodel import func, select

from kompas import partners, upload, workshops
from kompas.db import reading, writing
from kompas.errors import Conflict, ImportRefused, InvalidInput, NotAllowed, NotFound
from kompas.export import pictures
from kompas.models import Activity, GoalNode, Placement
from kompas.partners.chart import matrix_chart

pytestmark = pytest.mark.postgres


@pytest.fixture
def ws(make_workshop):
    return make_workshop()


def add(ws, name="Welzijn Noord", **kw):
    with writing(ws.engine) as db:
        return partners.add_partner(db, actor=ws.facilitator, name=name, **kw)


def place(ws, actor, partner_id, influence, dependency):
    with writing(ws.engine) as db:
        return partners.place_partner(
            db, actor=actor, partner_id=partner_id, influence=influence, dependency=dependency
        )


def count(db, model, *where):
    return db.exec(select(func.count()).select_from(model).where(*where)).one()


def view(ws, participant_id=None, facilitator=False):
    with reading(ws.engine) as db:
        return partners.matrix_view(db, ws.id, participant_id, facilitator)


def set_phase(ws, phase, locked=False):
    with writing(ws.engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="matrix", phase=phase)
        workshops.set_lock(db, actor=ws.facilitator, tool="matrix", locked=locked)


# --- partners -------------------------------------------------------------------------------


def test_add_partner_and_list(ws):
    pid = add(
        ws,
        "MEE",
        service="Cliëntondersteuning",
        kind="zorg",
        contract_value_cents="€ 12.500,50",
        notes="regionaal",
    )
    add(ws, "Bibliotheek")
    with reading(ws.engine) as db:
        rows = partners.list_partners(db, ws.id)
    assert [r.name for r in rows] == ["MEE", "Bibliotheek"]
    assert rows[0].id == pid and rows[0].kind == "zorg" and rows[0].contract_value_cents == 1250050


@pytest.mark.parametrize(
    "fields, error",
    [
        ({"name": ""}, InvalidInput),
        ({"name": "x" * 81}, InvalidInput),
        ({"name": "A", "kind": "sport"}, InvalidInput),
        ({"name": "A", "contract_value_cents": "veel"}, InvalidInput),
        ({"name": "A", "contract_value_cents": -5}, InvalidInput),
        ({"name": "A", "contract_value_cents": 100_000_000_001}, InvalidInput),  # > a billion euro
        ({"name": "welzijn noord"}, Conflict),  # same name, other case
    ],
)
def test_add_partner_refuses(ws, fields, error):
    add(ws)
    with pytest.raises(error):
        add(ws, **fields)


def test_large_contract_values_are_kept(ws):
    """Cents above 2**31 (€ 21 million): PostgreSQL's INTEGER overflowed, BIGINT keeps them."""
    big = add(ws, "Jeugdzorg regio", contract_value_cents="€ 50.000.000")
    top = add(ws, "Inkoop", contract_value_cents=100_000_000_000)
    with reading(ws.engine) as db:
        rows = {r.id: r.contract_value_cents for r in partners.list_partners(db, ws.id)}
    assert rows == {big: 5_000_000_000, top: 100_000_000_000}


def test_hostile_name_is_kept_literally(ws):
    pid = add(ws, "<img src=x onerror=alert(1)>")
    with reading(ws.engine) as db:
        assert partners.list_partners(db, ws.id)[0].name == "<img src=x onerror=alert(1)>"
    assert pid


def test_participant_cannot_manage_partners(ws):
    anne = ws.join("Anne")
    pid = add(ws)
    with pytest.raises(NotAllowed), writing(ws.engine) as db:
        partners.add_partner(db, actor=anne, name="Nieuw")
    with pytest.raises(NotAllowed), writing(ws.engine) as db:
        partners.update_partner(db, actor=anne, partner_id=pid, rev=1, name="Anders")
    with pytest.raises(NotAllowed), writing(ws.engine) as db:
        partners.delete_partner(db, actor=anne, partner_id=pid, confirm=True)
    with pytest.raises(NotAllowed), writing(ws.engine) as db:
        partners.set_agreed_position(db, actor=anne, partner_id=pid, influence=0.5, dependency=0.5)
    with pytest.raises(NotAllowed), writing(ws.engine) as db:
        partners.set_direction(db, actor=anne, partner_id=pid, direction="omhoog")
    with pytest.raises(NotAllowed), writing(ws.engine) as db:
        partners.reveal_placements(db, actor=anne)


def test_update_partner_checks_rev(ws):
    pid = add(ws)
    with writing(ws.engine) as db:
        partners.update_partner(
            db, actor=ws.facilitator, partner_id=pid, rev=1, name="Welzijn Zuid"
        )
    with (
        pytest.raises(Conflict, match="intussen door iemand anders gewijzigd"),
        writing(ws.engine) as db,
    ):
        partners.update_partner(db, actor=ws.facilitator, partner_id=pid, rev=1, name="Oud")
    with reading(ws.engine) as db:
        row = partners.list_partners(db, ws.id)[0]
    assert (row.name, row.rev) == ("Welzijn Zuid", 2)


def test_partner_of_other_workshop_is_not_found(ws, make_workshop):
    other = make_workshop(title="Andere sessie")
    pid = add(other)
    anne = ws.join("Anne")
    with pytest.raises(NotFound), writing(ws.engine) as db:
        partners.place_partner(db, actor=anne, partner_id=pid, influence=0.2, dependency=0.2)
    with pytest.raises(NotFound), writing(ws.engine) as db:
        partners.delete_partner(db, actor=ws.facilitator, partner_id=pid)


def test_delete_partner_with_references_needs_confirmation(ws):
    pid = add(ws, "Jongerenwerk")
    with writing(ws.engine) as db:
        db.add(Activity(workshop_id=ws.id, title="Straatwerk", partner_id=pid))
        db.add(
            GoalNode(
                workshop_id=ws.id, kind="activity", title="Ambulant jongerenwerk", partner_id=pid
            )
        )
    with pytest.raises(Conflict) as refused, writing(ws.engine) as db:
        partners.delete_partner(db, actor=ws.facilitator, partner_id=pid)
    assert "Straatwerk" in str(refused.value) and "Ambulant jongerenwerk" in str(refused.value)
    with reading(ws.engine) as db:
        assert len(partners.list_partners(db, ws.id)) == 1
    with writing(ws.engine) as db:
        partners.delete_partner(db, actor=ws.facilitator, partner_id=pid, confirm=True)
    with reading(ws.engine) as db:
        assert partners.list_partners(db, ws.id) == ()
        assert db.exec(select(Activity.partner_id)).one() is None
        assert db.exec(select(GoalNode.partner_id).where(GoalNode.kind == "activity")).one() is None


def test_delete_partner_without_references_removes_placements(ws):
    anne = ws.join("Anne")
    pid = add(ws)
    place(ws, anne, pid, 0.3, 0.3)
    with writing(ws.engine) as db:
        partners.set_direction(db, actor=ws.facilitator, partner_id=pid, direction="rechts")
        partners.delete_partner(db, actor=ws.facilitator, partner_id=pid)
    with reading(ws.engine) as db:
        assert count(db, Placement) == 0


# --- placements and rules -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, stored",
    [
        ((0.3, 0.7), (0.3, 0.7)),
        ((-1, 2), (0.0, 1.0)),
        (("0.25", 1), (0.25, 1.0)),
        ((1e300, -1e300), (1.0, 0.0)),
    ],
)
def test_positions_are_clamped(ws, raw, stored):
    anne = ws.join("Anne")
    pid = add(ws)
    point = place(ws, anne, pid, *raw)
    assert (point.influence, point.dependency) == stored
    assert view(ws, anne.participant_id).own[pid] == partners.Point(*stored)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "veel", None, True])
def test_non_numbers_are_refused(ws, bad):
    anne = ws.join("Anne")
    pid = add(ws)
    with pytest.raises(InvalidInput):
        place(ws, anne, pid, bad, 0.5)
    with pytest.raises(InvalidInput), writing(ws.engine) as db:
        partners.set_agreed_position(
            db, actor=ws.facilitator, partner_id=pid, influence=0.5, dependency=bad
        )


@pytest.mark.parametrize(
    "phase, locked, allowed",
    [
        ("inschatten", False, True),
        ("bespreken", False, True),
        ("besluiten", False, False),
        ("gesloten", False, False),
        ("inschatten", True, False),
        ("bespreken", True, False),
    ],
)
def test_participant_places_only_in_open_phases(ws, phase, locked, allowed):
    anne = ws.join("Anne")
    pid = add(ws)
    set_phase(ws, phase, locked)
    if allowed:
        place(ws, anne, pid, 0.8, 0.1)
        assert view(ws, anne.participant_id).own[pid] == partners.Point(0.8, 0.1)
    else:
        with pytest.raises(NotAllowed):
            place(ws, anne, pid, 0.8, 0.1)
        assert view(ws, anne.participant_id).own == {}


@pytest.mark.parametrize(
    "phase, locked", [("inschatten", True), ("gesloten", False), ("besluiten", True)]
)
def test_facilitator_may_always_decide(ws, phase, locked):
    pid = add(ws)
    set_phase(ws, phase, locked)
    with writing(ws.engine) as db:
        partners.set_agreed_position(
            db, actor=ws.facilitator, partner_id=pid, influence=0.9, dependency=0.2
        )
        partners.set_direction(db, actor=ws.facilitator, partner_id=pid, direction="links")
    v = view(ws, facilitator=True)
    assert v.agreed[pid] == partners.Point(0.9, 0.2) and v.directions[pid].direction == "links"


def test_facilitator_has_no_individual_placement(ws):
    pid = add(ws)
    with pytest.raises(NotAllowed):
        place(ws, ws.facilitator, pid, 0.5, 0.5)


def test_participant_moves_only_own_placement(ws):
    anne, bram = ws.join("Anne"), ws.join("Bram")
    pid = add(ws)
    place(ws, anne, pid, 0.1, 0.1)
    place(ws, bram, pid, 0.9, 0.9)
    place(ws, anne, pid, 0.2, 0.2)
    assert view(ws, anne.participant_id).own[pid] == partners.Point(0.2, 0.2)
    assert view(ws, bram.participant_id).own[pid] == partners.Point(0.9, 0.9)
    with reading(ws.engine) as db:
        assert count(db, Placement) == 2


def test_removed_participant_cannot_place_and_does_not_count(ws):
    anne, bram = ws.join("Anne"), ws.join("Bram")
    pid = add(ws)
    place(ws, anne, pid, 0.1, 0.1)
    place(ws, bram, pid, 0.9, 0.9)
    with writing(ws.engine) as db:
        workshops.remove_participant(db, actor=ws.facilitator, participant_id=bram.participant_id)
    with pytest.raises(NotAllowed):
        place(ws, bram, pid, 0.5, 0.5)
    assert view(ws, facilitator=True).consensus_for(pid).count == 1


def test_clear_placement_returns_dot_to_unplaced(ws):
    anne = ws.join("Anne")
    pid = add(ws)
    place(ws, anne, pid, 0.1, 0.1)
    with writing(ws.engine) as db:
        partners.clear_placement(db, actor=anne, partner_id=pid)
    v = view(ws, anne.participant_id)
    assert v.own == {} and v.viewer_position(pid) == (partners.Point(0.5, 0.5), False)


# --- agreed positions -------------------------------------------------------------------------


def test_one_agreed_position_per_partner(ws):
    pid = add(ws)
    for x in (0.1, 0.2, 0.3):
        with writing(ws.engine) as db:
            partners.set_agreed_position(
                db, actor=ws.facilitator, partner_id=pid, influence=x, dependency=x
            )
    with reading(ws.engine) as db:
        assert count(db, Placement, Placement.participant_id.is_(None)) == 1
    assert view(ws, facilitator=True).agreed[pid] == partners.Point(0.3, 0.3)


def test_agreed_position_starts_at_the_mean(ws):
    anne, bram = ws.join("Anne"), ws.join("Bram")
    pid, nobody = add(ws, "A"), add(ws, "B")
    place(ws, anne, pid, 0.2, 0.4)
    place(ws, bram, pid, 0.6, 0.8)
    v = view(ws, facilitator=True)
    start, is_set = v.viewer_position(pid)
    assert (
        not is_set
        and start.influence == pytest.approx(0.4)
        and start.dependency == pytest.approx(0.6)
    )
    assert v.viewer_position(nobody) == (partners.Point(0.5, 0.5), False)
    with writing(ws.engine) as db:
        assert partners.agree_at_mean(db, actor=ws.facilitator) == 1
    v = view(ws, facilitator=True)
    assert v.agreed[pid].influence == pytest.approx(0.4) and nobody not in v.agreed
    # an existing agreed position is kept unless asked
    with writing(ws.engine) as db:
        partners.set_agreed_position(
            db, actor=ws.facilitator, partner_id=pid, influence=1, dependency=1
        )
        assert partners.agree_at_mean(db, actor=ws.facilitator) == 0


# --- visibility -----------------------------------------------------------------------------


def test_placements_hidden_until_revealed(ws):
    anne, bram = ws.join("Anne"), ws.join("Bram")
    pid = add(ws)
    place(ws, anne, pid, 0.1, 0.1)
    place(ws, bram, pid, 0.9, 0.9)
    before = view(ws, anne.participant_id)
    assert before.marks == () and before.consensus == ()
    assert before.placed[pid] == 2  # how many, never where
    assert len(view(ws, facilitator=True).marks) == 2
    with writing(ws.engine) as db:
        partners.reveal_placements(db, actor=ws.facilitator)
    after = view(ws, anne.participant_id)
    assert [(m.influence, m.dependency) for m in after.marks] == [(0.9, 0.9)]  # not her own
    assert after.consensus_for(pid).count == 2


def test_marks_do_not_say_who(ws):
    people = [ws.join(f"P{i}") for i in range(4)]
    a, b = add(ws, "A"), add(ws, "B")
    for i, person in enumerate(people):
        place(ws, person, a, 0.1 * (4 - i), 0.5)
        place(ws, person, b, 0.1 * i, 0.5)
    marks = view(ws, facilitator=True).marks
    assert all(set(vars(m)) == {"partner_id", "influence", "dependency"} for m in marks)
    per_partner = [[m.influence for m in marks if m.partner_id == p] for p in (a, b)]
    assert all(xs == sorted(xs) for xs in per_partner)  # sorted by value, not by person


# --- consensus ------------------------------------------------------------------------------


def test_consensus_mean_and_spread():
    c = partners.consensus(1, [(0.0, 0.0), (1.0, 0.0)])
    assert c.mean == partners.Point(0.5, 0.0)
    assert c.spread == pytest.approx(0.5)  # mean distance to the mean point
    assert c.sd_influence == pytest.approx(0.5) and c.sd_dependency == 0
    single = partners.consensus(2, [(0.3, 0.6)])
    assert single.spread == 0 and single.count == 1
    empty = partners.consensus(3, [])
    assert empty.mean is None and empty.count == 0


@pytest.mark.parametrize(
    "roles, shown",
    [
        (["gemeente"] * 3, ["gemeente"]),
        (["gemeente"] * 2, []),
        (["gemeente"] * 3 + ["aanbieder"] * 3, ["aanbieder", "gemeente"]),
        (["gemeente"] * 3 + ["aanbieder"] * 2, []),  # the 2 could be worked out by subtraction
        (["gemeente"] * 3 + ["aanbieder", "inwoner", "anders"], ["gemeente"]),
        (["gemeente"] * 4 + ["aanbieder"], []),
    ],
)
def test_group_figures_need_three(roles, shown):
    points = [(i / 10, 1 - i / 10) for i in range(len(roles))]
    c = partners.consensus(1, points, roles)
    assert [g.role_group for g in c.groups] == shown
    for g in c.groups:
        assert g.count >= partners.MIN_GROUP


def test_ordering_by_disagreement(ws):
    people = [ws.join(f"P{i}", role_group="gemeente") for i in range(3)]
    calm, torn, mid, lonely = (
        add(ws, "Eens"),
        add(ws, "Oneens"),
        add(ws, "Midden"),
        add(ws, "Alleen"),
    )
    for person, x in zip(people, (0.0, 0.5, 1.0)):
        place(ws, person, torn, x, 1 - x)
        place(ws, person, mid, x / 2, 0.5)
        place(ws, person, calm, 0.5, 0.5)
    place(ws, people[0], lonely, 0.9, 0.9)
    order = [c.partner_id for c in view(ws, facilitator=True).consensus]
    assert order == [torn, mid, calm, lonely]
    assert view(ws, facilitator=True).consensus[0].groups[0].role_group == "gemeente"


def test_unmoved_dot_does_not_count(ws):
    anne, bram, cor = ws.join("Anne"), ws.join("Bram"), ws.join("Cor")
    pid = add(ws)
    place(ws, anne, pid, 0.2, 0.2)
    place(ws, bram, pid, 0.4, 0.4)
    c = view(ws, facilitator=True).consensus_for(pid)
    assert c.count == 2 and c.mean.influence == pytest.approx(0.3)
    assert cor.participant_id not in view(ws, cor.participant_id).own


points_st = st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(points_st)
def test_consensus_properties(points):
    c = partners.consensus(1, points)
    assert 0 <= c.mean.influence <= 1 + 1e-12 and 0 <= c.mean.dependency <= 1 + 1e-12
    assert 0 <= c.spread <= math.sqrt(2) / 2 + 1e-9 or len(points) == 1
    assert c.spread <= math.hypot(c.sd_influence, c.sd_dependency) + 1e-9  # mean ≤ RMS
    same = partners.consensus(1, [points[0]] * len(points))
    assert same.spread == pytest.approx(0, abs=1e-12)


# --- directions -----------------------------------------------------------------------------


def test_direction_is_recorded_and_rev_checked(ws):
    pid = add(ws)
    with writing(ws.engine) as db:
        rev = partners.set_direction(
            db,
            actor=ws.facilitator,
            partner_id=pid,
            direction="rechts",
            rationale="Geen alternatief",
            action="Meerjarig contract",
            owner="Wethouder",
            review_date=date(2026, 6, 1),
            dissent="Aanbieders twijfelen",
        )
    assert rev == 1
    d = view(ws).directions[pid]
    assert (d.direction, d.action, d.owner, d.review_date) == (
        "rechts",
        "Meerjarig contract",
        "Wethouder",
        date(2026, 6, 1),
    )
    with pytest.raises(Conflict), writing(ws.engine) as db:
        partners.set_direction(
            db, actor=ws.facilitator, partner_id=pid, direction="links"
        )  # rev None
    with writing(ws.engine) as db:
        assert (
            partners.set_direction(
                db, actor=ws.facilitator, partner_id=pid, direction="links", rev=1
            )
            == 2
        )
    with pytest.raises(Conflict), writing(ws.engine) as db:
        partners.set_direction(db, actor=ws.facilitator, partner_id=pid, direction="omhoog", rev=1)


@pytest.mark.parametrize(
    "fields",
    [
        {"direction": "schuin"},
        {"direction": "omhoog", "owner": "x" * 200},
        {"direction": "omhoog", "review_date": "morgen"},
    ],
)
def test_direction_refuses_bad_input(ws, fields):
    pid = add(ws)
    with pytest.raises(InvalidInput), writing(ws.engine) as db:
        partners.set_direction(db, actor=ws.facilitator, partner_id=pid, **fields)


def test_quadrant_labels_in_view(ws):
    with writing(ws.engine) as db:
        workshops.set_quadrant_labels(db, actor=ws.facilitator, labels=["a", "b", "c", "d"])
    assert view(ws).quadrant_labels == ("a", "b", "c", "d")


# --- import ---------------------------------------------------------------------------------


def imp(ws, filename, data):
    with writing(ws.engine) as db:
        return partners.import_partners(db, actor=ws.facilitator, filename=filename, data=data)


def test_import_csv_semicolon_dutch_money(ws):
    data = (
        "naam;voorziening;soort;contractwaarde;notities\n"
        "MEE;Cliëntondersteuning;zorg;€ 120.000;\n"
        "Bibliotheek;Taalhuis;onderwijs;;loopt tot 2027\n"
    ).encode("utf-8-sig")
    assert imp(ws, "partners.csv", data) == 2
    with reading(ws.engine) as db:
        rows = partners.list_partners(db, ws.id)
    assert [(r.name, r.kind, r.contract_value_cents) for r in rows] == [
        ("MEE", "zorg", 12000000),
        ("Bibliotheek", "onderwijs", None),
    ]


def test_import_xlsx(ws):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Naam", "Soort", "Contractwaarde"])
    sheet.append(["Jongerenwerk Oost", "jeugd", 80000])
    sheet.append([None, None, None])
    sheet.append(["Wijkteam <b>", "", 1.5])
    buf = io.BytesIO()
    book.save(buf)
    assert imp(ws, "lijst.XLSX", buf.getvalue()) == 2
    with reading(ws.engine) as db:
        rows = partners.list_partners(db, ws.id)
    assert rows[0].contract_value_cents == 8000000 and rows[1].kind == "overig"


def test_bad_import_changes_nothing_and_names_rows(ws):
    add(ws, "MEE")
    data = (
        b"naam,soort,contractwaarde\n"
        b"Goed,zorg,100\n"
        b",zorg,\n"
        b"Raar,sport,\n"
        b"Duur,zorg,heel veel\n"
        b"MEE,zorg,\n"
        b"Goed,zorg,\n"
    )
    with pytest.raises(ImportRefused) as refused:
        imp(ws, "p.csv", data)
    problems = refused.value.problems
    assert [p.split(":")[0] for p in problems] == [
        "Regel 3",
        "Regel 4",
        "Regel 5",
        "Regel 6",
        "Regel 7",
    ]
    with reading(ws.engine) as db:
        assert [r.name for r in partners.list_partners(db, ws.id)] == ["MEE"]


@pytest.mark.parametrize(
    "filename, data, match",
    [
        ("p.csv", b"", "leeg"),
        ("p.pdf", b"%PDF", "CSV"),
        ("p.csv", b"voorziening;soort\nx;zorg\n", "naam"),
        ("p.csv", b"naam\n", "geen partners"),
        ("p.xlsx", b"not a zip", "geen geldig Excel"),
        ("p.csv", b"x" * (upload.MAX_BYTES + 1), "te groot"),
    ],
)
def test_import_refuses_bad_files(ws, filename, data, match):
    with pytest.raises(ImportRefused, match=match):
        imp(ws, filename, data)


def test_import_refuses_zip_bomb(ws):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (upload.MAX_UNZIPPED + 10))
    assert len(buf.getvalue()) < upload.MAX_BYTES
    with pytest.raises(ImportRefused, match="uitgepakt veel te groot"):
        imp(ws, "bom.xlsx", buf.getvalue())


def test_participant_cannot_import(ws):
    anne = ws.join("Anne")
    with pytest.raises(NotAllowed), writing(ws.engine) as db:
        partners.import_partners(db, actor=anne, filename="p.csv", data=b"naam\nX\n")


# --- the static picture ---------------------------------------------------------------------


def test_matrix_chart_shows_agreed_positions_directions_and_labels(ws):
    anne = ws.join("Anne")
    agreed, mean_only, _nobody = add(ws, "Welzijn <b>Noord</b>"), add(ws, "MEE"), add(ws, "Leeg")
    place(ws, anne, mean_only, 0.3, 0.6)
    with writing(ws.engine) as db:
        partners.set_agreed_position(
            db, actor=ws.facilitator, partner_id=agreed, influence=0.8, dependency=0.9
        )
        partners.set_direction(db, actor=ws.facilitator, partner_id=agreed, direction="links")
        workshops.set_quadrant_labels(db, actor=ws.facilitator, labels=["A", "B", "C", "D"])
    v = view(ws, facilitator=True)
    spec = str(matrix_chart(v).to_dict(validate=False))
    assert "Welzijn <b>Noord</b>" in spec and "MEE" in spec and "Leeg" not in spec
    assert "triangle-left" in spec and all(f"'{q}'" in spec for q in "ABCD")
    assert "Invloed op de doelen" in spec and "Afhankelijkheid van de gemeente" in spec
    png = pictures.render("matrix", v)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


def test_matrix_chart_of_empty_matrix(ws):
    assert pictures.render("matrix", view(ws, facilitator=True))[:4] == b"\x89PNG"
