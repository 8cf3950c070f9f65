"""AppTest for the Partnermatrix page: the data sent to the matrix component (AppTest
sees it as an UnknownElement with the data in ``proto.json``), the slider form and the
facilitator's forms."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from kompas import labels, partners, workshops
from kompas.db import reading, writing
from kompas.ui.safe import esc_inline
from tests.conftest import ROOT, Workshopper
from tests.pages.helpers import page_as

PAGE = str(ROOT / "pages" / "3_Partnermatrix.py")
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db)
    with writing(app_db) as db:
        ws.mee = partners.add_partner(db, actor=ws.facilitator, name="MEE", kind="zorg")
        ws.evil = partners.add_partner(db, actor=ws.facilitator, name=HOSTILE)
    ws.anne = ws.join("Anne", "gemeente")
    ws.bram = ws.join("Bram", "aanbieder")
    return ws


def page(ws, actor=None) -> AppTest:
    return page_as(PAGE, ws, actor)


def matrix_elements(at: AppTest) -> list:
    """The partner matrix components on the page (the sidebar also holds the version watcher)."""
    return [
        e for e in at.get("bidi_component") if e.proto.component_name == "kompas.partner_matrix"
    ]


def matrix_data(at: AppTest) -> dict:
    [element] = matrix_elements(at)
    assert element.proto.component_name == "kompas.partner_matrix"
    assert element.proto.id.endswith("partner_matrix")
    return json.loads(element.proto.json)


def place(ws, actor, pid, influence, dependency):
    with writing(ws.engine) as db:
        partners.place_partner(
            db, actor=actor, partner_id=pid, influence=influence, dependency=dependency
        )


def placements(ws, actor):
    with reading(ws.engine) as db:
        return partners.matrix_view(db, ws.id, actor.participant_id, False).own


def test_without_identity_asks_to_join(app_db):
    at = AppTest.from_file(PAGE, default_timeout=30).run()
    assert not at.exception
    assert "Meld je aan" in at.warning[0].value


def test_participant_gets_a_dot_for_every_partner_at_the_centre(ws):
    data = matrix_data(page(ws, ws.anne))
    assert data["role"] == "participant" and data["readonly"] is False
    assert {d["id"] for d in data["dots"]} == {ws.mee, ws.evil}
    for dot in data["dots"]:
        assert (dot["x"], dot["y"], dot["placed"]) == (0.5, 0.5, False)
        assert dot["unplaced_text"] == "nog niet geplaatst"
    assert data["y_label"] == "Invloed op de doelen"
    assert data["x_label"] == "Afhankelijkheid van de gemeente"
    assert "alternatief" in data["x_hint"]
    assert data["quadrants"] == list(labels.DEFAULT_QUADRANTS)


def test_others_placements_hidden_until_revealed(ws):
    place(ws, ws.anne, ws.mee, 0.9, 0.8)
    place(ws, ws.bram, ws.mee, 0.1, 0.2)
    before = matrix_data(page(ws, ws.anne))
    assert before["marks"] == []
    own = next(d for d in before["dots"] if d["id"] == ws.mee)
    assert (own["x"], own["y"], own["placed"]) == (0.8, 0.9, True)
    assert "0.1" not in json.dumps(before)  # Bram's estimate is nowhere in the data
    at = page(ws, ws.anne)
    assert "matrix_consensus" not in [getattr(d, "key", None) for d in at.dataframe]

    with writing(ws.engine) as db:
        partners.reveal_placements(db, actor=ws.facilitator)
    after = matrix_data(page(ws, ws.anne))
    assert after["marks"] == [{"partner": ws.mee, "x": 0.2, "y": 0.1}]
    assert all(set(m) == {"partner", "x", "y"} for m in after["marks"])  # never who


def test_facilitator_drags_the_agreed_position_starting_at_the_mean(ws):
    place(ws, ws.anne, ws.mee, 0.8, 0.4)
    place(ws, ws.bram, ws.mee, 0.4, 0.2)
    data = matrix_data(page(ws))
    assert data["role"] == "facilitator"
    dot = next(d for d in data["dots"] if d["id"] == ws.mee)
    assert dot["placed"] is False and dot["agreed"] is False
    assert dot["x"] == pytest.approx(0.3) and dot["y"] == pytest.approx(0.6)
    assert len(data["marks"]) == 2  # the facilitator sees them before the reveal
    with writing(ws.engine) as db:
        partners.set_agreed_position(
            db, actor=ws.facilitator, partner_id=ws.mee, influence=0.7, dependency=0.9
        )
        partners.set_direction(db, actor=ws.facilitator, partner_id=ws.mee, direction="rechts")
    data = matrix_data(page(ws))
    dot = next(d for d in data["dots"] if d["id"] == ws.mee)
    assert (dot["x"], dot["y"], dot["agreed"]) == (0.9, 0.7, True)
    assert data["arrows"] == [{"id": ws.mee, "direction": "rechts", "x": 0.9, "y": 0.7}]
    participant = matrix_data(page(ws, ws.anne))
    assert participant["agreed"] == [{"id": ws.mee, "label": "MEE", "x": 0.9, "y": 0.7}]


def test_hostile_name_is_sent_as_data_and_escaped_in_markdown(ws):
    at = page(ws)
    data = matrix_data(at)
    assert any(d["label"] == HOSTILE for d in data["dots"])
    [element] = matrix_elements(at)
    assert HOSTILE not in element.proto.html_content
    assert "innerHTML" not in element.proto.js_content
    shown = [md.value for md in at.markdown] + [s.label for s in at.slider]
    assert any(esc_inline(HOSTILE) in value for value in shown)
    assert not any(re.search(r"(?<!\\)<img", value) for value in shown)


@pytest.mark.parametrize(
    "phase, locked, can_move",
    [
        ("inschatten", False, True),
        ("bespreken", False, True),
        ("besluiten", False, False),
        ("gesloten", False, False),
        ("inschatten", True, False),
    ],
)
def test_participant_matrix_readonly_outside_open_phases(ws, phase, locked, can_move):
    with writing(ws.engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="matrix", phase=phase)
        workshops.set_lock(db, actor=ws.facilitator, tool="matrix", locked=locked)
    at = page(ws, ws.anne)
    assert matrix_data(at)["readonly"] is (not can_move)
    assert bool(at.slider) is can_move
    assert matrix_data(page(ws))["readonly"] is False  # the facilitator always decides


def test_slider_form_saves_only_moved_partners(ws):
    at = page(ws, ws.anne)
    assert at.slider(key=f"influence_{ws.mee}").value == 50
    at.slider(key=f"influence_{ws.mee}").set_value(80)
    at.slider(key=f"dependency_{ws.mee}").set_value(25)
    at.button(key="matrix_sliders_submit").click().run()
    assert not at.exception
    assert placements(ws, ws.anne) == {ws.mee: partners.Point(0.8, 0.25)}  # evil untouched
    data = matrix_data(at)
    dot = next(d for d in data["dots"] if d["id"] == ws.mee)
    assert (dot["x"], dot["y"], dot["placed"]) == (0.25, 0.8, True)


def test_slider_form_does_not_undo_a_drag(ws):
    at = page(ws, ws.anne)
    place(ws, ws.anne, ws.mee, 0.3, 0.3)  # a drop in the matrix after the form was drawn
    at.slider(key=f"influence_{ws.evil}").set_value(10)
    at.button(key="matrix_sliders_submit").click().run()
    own = placements(ws, ws.anne)
    assert own[ws.mee] == partners.Point(0.3, 0.3) and own[ws.evil].influence == 0.1


def test_facilitator_sliders_set_the_agreed_position(ws):
    at = page(ws)
    at.slider(key=f"dependency_{ws.mee}").set_value(95)
    at.button(key="matrix_sliders_submit").click().run()
    with reading(ws.engine) as db:
        view = partners.matrix_view(db, ws.id, None, True)
    assert view.agreed == {ws.mee: partners.Point(0.5, 0.95)}


def test_group_view_orders_by_disagreement(ws):
    cor = ws.join("Cor", "gemeente")
    for person, x in ((ws.anne, 0.0), (ws.bram, 1.0), (cor, 0.5)):
        place(ws, person, ws.evil, x, 1 - x)
        place(ws, person, ws.mee, 0.5, 0.5)
    with writing(ws.engine) as db:
        partners.reveal_placements(db, actor=ws.facilitator)
        workshops.set_phase(db, actor=ws.facilitator, tool="matrix", phase="bespreken")
    at = page(ws, ws.anne)
    table = at.dataframe[0].value
    assert list(table["Partner"]) == [HOSTILE, "MEE"]
    assert table["Spreiding"].iloc[0].startswith("groot")


def test_facilitator_adds_partner_and_direction(ws):
    at = page(ws)
    at.text_input(key="partner_name").input("Bibliotheek")
    at.selectbox(key="partner_kind").set_value("onderwijs")
    at.text_input(key="partner_value").input("€ 12.500")
    at.button(key="partner_submit").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        rows = partners.list_partners(db, ws.id)
    new = next(r for r in rows if r.name == "Bibliotheek")
    assert (new.kind, new.contract_value_cents) == ("onderwijs", 1250000)

    at.selectbox(key="direction_partner").set_value(ws.mee).run()
    at.radio(key=f"direction_{ws.mee}").set_value("rechts")
    at.text_area(key=f"direction_action_{ws.mee}").input("Meerjarig contract")
    at.text_input(key=f"direction_owner_{ws.mee}").input("Wethouder")
    at.date_input(key=f"direction_review_{ws.mee}").set_value(date(2027, 3, 1))
    at.button(key=f"direction_submit_{ws.mee}").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        d = partners.matrix_view(db, ws.id).directions[ws.mee]
    assert (d.direction, d.action, d.owner, d.review_date) == (
        "rechts",
        "Meerjarig contract",
        "Wethouder",
        date(2027, 3, 1),
    )


def test_delete_partner_with_activity_asks_for_confirmation(ws):
    from kompas.models import Activity

    with writing(ws.engine) as db:
        db.add(Activity(workshop_id=ws.id, title="Cliëntondersteuning", partner_id=ws.mee))
    at = page(ws)
    at.selectbox(key="partner_pick").set_value(ws.mee).run()
    at.button(key=f"partner_delete_{ws.mee}").click().run()
    assert "Cliëntondersteuning" in at.error[0].value
    at.checkbox(key=f"partner_confirm_{ws.mee}").check()
    at.button(key=f"partner_delete_{ws.mee}").click().run()
    with reading(ws.engine) as db:
        assert [p.id for p in partners.list_partners(db, ws.id)] == [ws.evil]


def test_reveal_toggle(ws):
    at = page(ws)
    at.toggle(key="matrix_reveal").set_value(True).run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert partners.matrix_view(db, ws.id).revealed


def test_empty_state(app_db):
    ws = Workshopper(app_db)
    anne = ws.join("Anne")
    at = page(ws, anne)
    assert "nog geen partners" in at.info[0].value
    assert not matrix_elements(at)
