"""Lenses of the partner matrix as data: the registry, placement and consensus per lens, a
third lens defined only here working end to end (view, report, picture, JSON round trip),
and the lens in actions and decisions."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kompas import actions, partners, summary
from kompas.db import reading, writing
from kompas.errors import Conflict, ImportRefused, InvalidInput
from kompas.export import json_io, pictures
from kompas.models import Direction, Placement, Workshop
from kompas.partners import lenses
from kompas.partners.chart import matrix_chart
from kompas.partners.lenses import Axis, Lens

pytestmark = pytest.mark.postgres

STADE = "sturing_netwerk"


@pytest.fixture
def ws(make_workshop):
    return make_workshop()


@pytest.fixture
def third_lens():
    """A lens that exists only in this test: no code outside the registry knows it."""
    lens = lenses.register(
        Lens(
            id="belang_macht",
            name="Belang × macht",
            vertical=Axis("Macht in het netwerk", "weinig", "veel", short="macht"),
            horizontal=Axis("Gedeeld belang", "eigen belang", "gedeeld", short="belang"),
            quadrants=("Tevreden houden", "Samen sturen", "Informeren", "Betrekken"),
            quadrant_help=("a", "b", "c", "d"),
            help="Een testlens.",
        )
    )
    yield lens
    lenses.unregister(lens.id)


def add(ws, name):
    with writing(ws.engine) as db:
        return partners.add_partner(db, actor=ws.facilitator, name=name)


def set_lens(ws, lens_id):
    with writing(ws.engine) as db:
        partners.set_lens(db, actor=ws.facilitator, lens=lens_id)


def place(ws, actor, pid, y, x, lens=None):
    with writing(ws.engine) as db:
        return partners.place_partner(
            db, actor=actor, partner_id=pid, influence=y, dependency=x, lens=lens
        )


def view(ws, participant_id=None, facilitator=False, lens=None):
    with reading(ws.engine) as db:
        return partners.matrix_view(db, ws.id, participant_id, facilitator, lens=lens)


# --- the registry ---------------------------------------------------------------------------


def test_shipped_lenses_are_complete():
    assert lenses.ids()[:2] == (lenses.DEFAULT, STADE)
    for lens in lenses.LENSES.values():
        assert len(lens.quadrants) == 4 and all(lens.quadrants)
        assert len(lens.quadrant_help) == 4 and all(lens.quadrant_help)
        assert lens.vertical.label and lens.horizontal.label and lens.help
        for axis in (lens.vertical, lens.horizontal):
            assert axis.low and axis.high and axis.word
    stade = lenses.get(STADE)
    assert stade.vertical.high == "strak sturen" and stade.vertical.low == "faciliteren"
    # productive partnership on the facilitating (lower) side, many partners (right)
    assert stade.quadrant(0.2, 0.8) == "Productief partnerschap"
    assert stade.quadrant(0.8, 0.2) == "Goed opdrachtgeverschap"


def test_unknown_lens_is_refused_in_dutch(ws):
    with pytest.raises(InvalidInput, match="lens bestaat niet"):
        lenses.get("geen_lens")
    with pytest.raises(InvalidInput, match="lens bestaat niet"):
        set_lens(ws, "geen_lens")
    with reading(ws.engine) as db:
        assert db.get(Workshop, ws.id).matrix_lens == lenses.DEFAULT


def test_register_refuses_bad_ids():
    bad = Lens(
        "met spatie",
        "x",
        Axis("a", "l", "h"),
        Axis("b", "l", "h"),
        ("", "", "", ""),
        ("", "", "", ""),
        "",
    )
    with pytest.raises(ValueError):
        lenses.register(bad)
    assert "met spatie" not in lenses.LENSES


# --- placement and consensus per lens -------------------------------------------------------


def test_placements_are_kept_per_lens(ws):
    anne = ws.join("Anne")
    pid = add(ws, "Welzijn Noord")
    place(ws, anne, pid, 0.9, 0.1)
    set_lens(ws, STADE)
    assert view(ws, anne.participant_id).own == {}  # a new lens starts unplaced
    place(ws, anne, pid, 0.2, 0.7)
    stade = view(ws, anne.participant_id)
    assert stade.lens.id == STADE and stade.own[pid] == partners.Point(0.2, 0.7)
    default = view(ws, anne.participant_id, lens=lenses.DEFAULT)
    assert default.own[pid] == partners.Point(0.9, 0.1)
    assert not default.can_move()  # only the current lens takes placements
    with reading(ws.engine) as db:
        rows = db.execute(select(Placement.lens).where(Placement.partner_id == pid)).all()
    assert sorted(r.lens for r in rows) == [lenses.DEFAULT, STADE]


def test_participant_places_only_in_the_current_lens(ws):
    anne = ws.join("Anne")
    pid = add(ws, "Welzijn Noord")
    set_lens(ws, STADE)
    with pytest.raises(Conflict, match="lens gewijzigd"):
        place(ws, anne, pid, 0.5, 0.5, lens=lenses.DEFAULT)  # the page still showed the old one
    assert view(ws, anne.participant_id, lens=lenses.DEFAULT).own == {}
    assert view(ws, anne.participant_id).own == {}


def test_new_lens_starts_hidden(ws):
    with writing(ws.engine) as db:
        partners.reveal_placements(db, actor=ws.facilitator, revealed=True)
    set_lens(ws, STADE)
    assert view(ws).revealed is False


def test_consensus_agreed_position_and_direction_per_lens(ws):
    people = [ws.join(f"G{i}", role_group="gemeente") for i in range(3)]
    people += [ws.join(f"A{i}", role_group="aanbieder") for i in range(3)]
    pid = add(ws, "Buurtteam")
    for person in people:  # the default lens: everyone agrees
        place(ws, person, pid, 0.8, 0.8)
    set_lens(ws, STADE)
    for i, person in enumerate(people):
        place(ws, person, pid, 0.1 if i < 3 else 0.9, 0.5)
    c = view(ws, facilitator=True).consensus_for(pid)
    assert c.count == 6 and c.mean == partners.Point(pytest.approx(0.5), pytest.approx(0.5))
    assert c.spread == pytest.approx(0.4)
    assert [g.role_group for g in c.groups] == ["aanbieder", "gemeente"]
    assert view(ws, facilitator=True, lens=lenses.DEFAULT).consensus_for(pid).spread < 1e-9
    with writing(ws.engine) as db:
        assert partners.agree_at_mean(db, actor=ws.facilitator) == 1
        partners.set_direction(
            db, actor=ws.facilitator, partner_id=pid, direction="omlaag", action="Faciliteren"
        )
    stade = view(ws, facilitator=True)
    assert stade.agreed[pid] == partners.Point(pytest.approx(0.5), pytest.approx(0.5))
    assert stade.directions[pid].direction == "omlaag"
    default = view(ws, facilitator=True, lens=lenses.DEFAULT)
    assert default.agreed == {} and default.directions == {}
    # the same partner gets a direction in the default lens too: one per lens
    with writing(ws.engine) as db:
        partners.set_direction(
            db,
            actor=ws.facilitator,
            partner_id=pid,
            direction="blijven",
            lens=lenses.DEFAULT,
        )
        assert len(db.execute(select(Direction).where(Direction.partner_id == pid)).all()) == 2
    with reading(ws.engine) as db:
        items = actions.collect(db, ws.id)
        decided = [d.text for d in actions.decisions(db, ws.id)]
    assert [i.about for i in items] == ["Buurtteam (Sturing × netwerkpositie)"]
    assert "Buurtteam: blijven" in decided and "Buurtteam (Sturing × netwerkpositie): omlaag" in (
        decided
    )


# --- a third lens, defined only in the test -------------------------------------------------


def test_third_lens_works_end_to_end(ws, third_lens):
    people = [ws.join(f"P{i}", role_group="inwoner") for i in range(3)]
    pid = add(ws, "Voedselbank")
    other = add(ws, "Bibliotheek")
    set_lens(ws, third_lens.id)
    for i, person in enumerate(people):
        place(ws, person, pid, 0.7 + i / 10, 0.2)
    with writing(ws.engine) as db:
        partners.reveal_placements(db, actor=ws.facilitator)
        partners.agree_at_mean(db, actor=ws.facilitator)
        partners.set_agreed_position(
            db, actor=ws.facilitator, partner_id=other, influence=0.1, dependency=0.9
        )
        partners.set_direction(
            db, actor=ws.facilitator, partner_id=pid, direction="rechts", action="Samen aanvragen"
        )
    seen = view(ws, people[0].participant_id)
    assert seen.lens is third_lens and seen.quadrant_labels == third_lens.quadrants
    assert len(seen.marks) == 2 and seen.consensus_for(pid).groups[0].role_group == "inwoner"
    chart = json.dumps(matrix_chart(view(ws, facilitator=True)).to_dict(validate=False))
    assert "Macht in het netwerk" in chart and "Gedeeld belang" in chart
    assert "Samen sturen" in chart
    with reading(ws.engine) as db:
        report = summary.build(db, ws.id)
    section = next(s for s in report.sections if s.key == f"matrix:{third_lens.id}")
    assert section.title == "Partnermatrix: Belang × macht"
    text = repr(section.blocks)
    assert "Tevreden houden" in text and "Betrekken" in text and "Samen aanvragen" in text
    png = pictures.picture_png(report, f"matrix:{third_lens.id}")
    assert png is not None and png.startswith(b"\x89PNG")
    # the JSON back-up carries the lens and comes back the same
    with reading(ws.engine) as db:
        first = json_io.export_document(db, ws.id, with_names=True)
    assert first["workshop"]["matrix_lens"] == third_lens.id
    assert {p["lens"] for p in first["placements"]} == {third_lens.id}
    with writing(ws.engine) as db:
        new = json_io.import_document(db, json.dumps(first).encode())
    with reading(ws.engine) as db:
        second = json_io.export_document(db, new.workshop_id, with_names=True)
    assert second == first


def test_report_shows_every_lens_used(ws):
    anne = ws.join("Anne")
    pid = add(ws, "Welzijn Noord")
    place(ws, anne, pid, 0.9, 0.1)
    with reading(ws.engine) as db:
        keys = [s.key for s in summary.build(db, ws.id).sections]
    assert "matrix" in keys and f"matrix:{STADE}" not in keys  # never used
    set_lens(ws, STADE)
    place(ws, anne, pid, 0.2, 0.8)
    with reading(ws.engine) as db:
        report = summary.build(db, ws.id)
    keys = [s.key for s in report.sections]
    assert keys.index("matrix") < keys.index(f"matrix:{STADE}")
    # the default section still shows the default lens while Stade is the current one
    default = report.views["matrix"]
    assert default.lens.id == lenses.DEFAULT and default.placed[pid] == 1


# --- the JSON checks ------------------------------------------------------------------------


def test_import_refuses_unknown_lens_and_checks_duplicates_per_lens(ws):
    anne = ws.join("Anne")
    pid = add(ws, "Welzijn Noord")
    place(ws, anne, pid, 0.9, 0.1)
    set_lens(ws, STADE)
    place(ws, anne, pid, 0.2, 0.8)
    with reading(ws.engine) as db:
        doc = json_io.export_document(db, ws.id, with_names=True)
    with writing(ws.engine) as db:  # the same person and partner in two lenses: fine
        json_io.import_document(db, json.dumps(doc).encode())
    bad = json.loads(json.dumps(doc))
    bad["placements"][1]["lens"] = "onbekend"
    with writing(ws.engine) as db, pytest.raises(ImportRefused) as refused:
        json_io.import_document(db, json.dumps(bad).encode())
    assert any("lens" in p and "onbekende waarde" in p for p in refused.value.problems)
    dup = json.loads(json.dumps(doc))
    dup["placements"][1]["lens"] = dup["placements"][0]["lens"]
    with writing(ws.engine) as db, pytest.raises(ImportRefused) as refused:
        json_io.import_document(db, json.dumps(dup).encode())
    assert any("twee keer" in p for p in refused.value.problems)


def test_demo_shows_the_stade_lens_relations_interests_and_scan(engine):
    from kompas import demo, scan
    from kompas.partners import relations

    with writing(engine) as db:
        new = demo.create_demo(db)
    with reading(engine) as db:
        default = partners.matrix_view(db, new.workshop_id, None, True)
        stade = partners.matrix_view(db, new.workshop_id, None, True, lens=STADE)
        rows = relations.relations(db, new.workshop_id)
        figures = scan.scan_view(scan.scan_state(db, new.workshop_id), None, False)
        report = summary.build(db, new.workshop_id)
    assert default.lens.id == lenses.DEFAULT and len(default.agreed) == len(default.partners)
    assert stade.agreed and stade.directions
    assert any(c.groups for c in stade.consensus)  # spread per role group shows
    assert {r.relation_now for r in rows} >= {"opdrachtgever", "beide"}
    assert any(r.good_enough for r in rows) and sum(len(r.interests) for r in rows) >= 4
    assert figures.revealed and all(len(f.groups) >= 2 for f in figures.figures)
    keys = [s.key for s in report.sections]
    assert {f"matrix:{STADE}", "relations", "scan"} <= set(keys)


def test_backup_from_before_lenses_imports_in_the_default_lens(ws):
    anne = ws.join("Anne")
    pid = add(ws, "Welzijn Noord")
    place(ws, anne, pid, 0.9, 0.1)
    with writing(ws.engine) as db:
        partners.set_direction(db, actor=ws.facilitator, partner_id=pid, direction="blijven")
    with reading(ws.engine) as db:
        doc = json_io.export_document(db, ws.id, with_names=True)
    for row in doc["placements"] + doc["directions"]:
        del row["lens"]
    del doc["workshop"]["matrix_lens"]
    for key in ("interests", "scan_scores", "scan_conclusions"):
        del doc[key]
    with writing(ws.engine) as db:
        new = json_io.import_document(db, json.dumps(doc).encode())
    with reading(ws.engine) as db:
        again = partners.matrix_view(db, new.workshop_id, None, True)
    assert again.lens.id == lenses.DEFAULT and again.placed[min(again.placed)] == 1
    assert len(again.directions) == 1
