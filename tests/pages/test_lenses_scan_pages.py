"""AppTest for the lens choice and the relation/interest part of the Partnermatrix page,
and for the Samenwerkingsscan page."""

from __future__ import annotations

import json

import pytest

from kompas import partners, scan
from kompas.db import reading, writing
from kompas.partners import lenses, relations
from tests.conftest import ROOT, Workshopper
from tests.pages.helpers import page_as

MATRIX = str(ROOT / "pages" / "3_Partnermatrix.py")
SCAN = str(ROOT / "pages" / "6_Samenwerkingsscan.py")
HOSTILE = "**vet** <b>x</b> www.voorbeeld.nl"


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db)
    with writing(app_db) as db:
        ws.mee = partners.add_partner(db, actor=ws.facilitator, name="MEE", kind="zorg")
    ws.anne = ws.join("Anne", "gemeente")
    return ws


def matrix_data(at) -> dict:
    [element] = [
        e for e in at.get("bidi_component") if e.proto.component_name == "kompas.partner_matrix"
    ]
    return json.loads(element.proto.json)


def test_facilitator_switches_lens_and_the_matrix_follows(ws):
    at = page_as(MATRIX, ws)
    assert matrix_data(at)["lens"] == lenses.DEFAULT
    box = at.selectbox(key="matrix_lens")
    box.select(lenses.STURING_NETWERK.id).run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert partners.matrix_view(db, ws.id).lens.id == lenses.STURING_NETWERK.id
    data = matrix_data(at)
    assert data["y_label"] == lenses.STURING_NETWERK.vertical.label
    assert data["quadrants"][3] == "Productief partnerschap"
    assert data["y_high"] == "strak sturen" and data["x_word"] == "netwerkpositie"
    # the participant sees the lens by name, and the sliders speak its words
    anne = page_as(MATRIX, ws, ws.anne)
    assert any("Sturing × netwerkpositie" in m.value for m in anne.markdown)
    labels = [s.label for s in anne.slider]
    assert labels and labels[0].startswith("Sturing door de gemeente als financier")


def test_participant_adds_interest_without_name_and_keeps_refused_text(ws):
    at = page_as(MATRIX, ws, ws.anne)
    at.text_area(key="interest_text").input(HOSTILE)
    at.radio(key="interest_kind").set_value("eigen")
    at.button(key=f"interest_submit_{ws.mee}").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        [row] = relations.relations(db, ws.id)
    assert [(i.kind, i.text) for i in row.interests] == [("eigen", HOSTILE)]
    assert at.text_area(key="interest_text").value == ""
    assert any(HOSTILE in t.value for t in at.text)  # literal, as text
    # an empty interest is refused and says why
    at.text_area(key="interest_text").input("   ")
    at.button(key=f"interest_submit_{ws.mee}").click().run()
    assert at.error and "belang" in at.error[0].value.lower()


def test_facilitator_records_relation(ws):
    at = page_as(MATRIX, ws)
    at.selectbox(key=f"relation_now_{ws.mee}").select("opdrachtgever")
    at.selectbox(key=f"relation_desired_{ws.mee}").select("beide")
    at.text_area(key=f"relation_enough_{ws.mee}").input("Wachttijd hooguit 4 weken")
    at.button(key=f"relation_submit_{ws.mee}").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        [row] = relations.relations(db, ws.id)
    assert (row.relation_now, row.relation_desired) == ("opdrachtgever", "beide")
    assert row.good_enough == "Wachttijd hooguit 4 weken"


def test_scan_participant_scores_and_group_sees_after_reveal(ws):
    at = page_as(SCAN, ws, ws.anne)
    assert not at.exception
    at.radio(key="scan_governance_grip").set_value(2)
    at.radio(key="scan_strategie_samen").set_value(5)
    at.button(key="scan_submit").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        view = scan.scan_view(scan.scan_state(db, ws.id), ws.anne.participant_id)
    assert view.own == {"governance_grip": 2, "strategie_samen": 5}
    assert view.figures == ()
    assert len(at.dataframe) == 0  # nothing of the group before the reveal
    boss = page_as(SCAN, ws)
    assert not boss.exception
    boss.toggle(key="scan_reveal").set_value(True).run()
    with reading(ws.engine) as db:
        assert scan.scan_state(db, ws.id).revealed
    at = page_as(SCAN, ws, ws.anne)
    assert len(at.dataframe) == 1
    frame = at.dataframe[0].value
    row = frame[frame["Stelling"].str.contains("grip")].iloc[0]
    assert row["Scores"] == 1 and row["Gemiddeld"] == "–"  # one score: no average
    assert row["Per rolgroep (3 of meer)"] == "–"


def test_scan_facilitator_records_conclusion(ws):
    at = page_as(SCAN, ws)
    at.radio(key="scan_element").set_value("governance").run()
    at.text_area(key="scan_conclusion_text_governance").input("Wie stuurt is onduidelijk")
    at.text_input(key="scan_action_governance").input("Rollen op papier")
    at.button(key="scan_conclusion_submit_governance").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        c = scan.scan_state(db, ws.id).conclusions["governance"]
    assert (c.conclusion, c.action) == ("Wie stuurt is onduidelijk", "Rollen op papier")
