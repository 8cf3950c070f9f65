"""AppTest for the Verslag page: the report on screen, settings, who gets downloads."""

from __future__ import annotations

from datetime import date

import pytest

from kompas import live
from kompas.db import reading, writing
from kompas.models import Workshop
from kompas.workshops import hash_secret
from tests.conftest import Workshopper
from tests.pages.helpers import raw_texts, run_as, texts
from tests.test_json_roundtrip import seed_rich
from tests.test_summary import HOSTILE_PARTNER

PAGE = "pages/4_Verslag.py"
DOWNLOAD_KEYS = ("download_docx", "download_pdf", "download_xlsx", "download_md", "download_json")


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db, title="Werksessie Culemborg", organisation="Gemeente Culemborg")
    with writing(app_db) as db:
        seed_rich(db, ws.id)
        from kompas.models import Participant, Partner

        db.add(Partner(workshop_id=ws.id, name=HOSTILE_PARTNER, position=9))
        token = "token-van-dirk"
        db.add(
            Participant(
                workshop_id=ws.id, name="Dirk", role_group="gemeente", token_hash=hash_secret(token)
            )
        )
        live.touch(db, ws.id)
    ws.participant_token = token
    return ws


def keys_on_page(at) -> set[str]:
    found = set()
    for el in at.get("download_button"):
        for key in DOWNLOAD_KEYS:
            if key in el.proto.id:
                found.add(key)
    return found


def test_without_identity_asks_to_join(app_db):
    at = run_as(PAGE)
    assert not at.exception
    assert "aangemeld" in texts(at)


def test_facilitator_sees_report_and_all_downloads(ws):
    at = run_as(PAGE, code=ws.code, key=ws.key)
    assert not at.exception, at.exception
    shown = texts(at)
    for expected in (
        "Verslag",
        "Over deze werksessie",
        "Doelenboom",
        "Prioriteiten",
        "Kwaliteitskompas",
        "Partnermatrix",
        "Eerste **conclusie** <b>",
    ):
        assert expected in shown, expected
    assert keys_on_page(at) == set(DOWNLOAD_KEYS)
    # tables are dataframes with Dutch formatted cells; the hostile name is literal there
    frames = [df.value for df in at.dataframe]
    partner_frame = next(f for f in frames if "Kwadrant" in f.columns)
    assert HOSTILE_PARTNER in list(partner_frame["Partner"])
    assert "€ 125.000,00" in list(partner_frame["Waarde contract"])  # two words: no mid-word break


def test_hostile_text_is_escaped_in_markdown(ws):
    at = run_as(PAGE, code=ws.code, key=ws.key)
    markdown = raw_texts(at)
    assert "Eerste \\*\\*conclusie\\*\\* \\<b\\>" in markdown
    assert "<b>" not in markdown.replace("\\<b\\>", "")


def test_participant_without_open_downloads_gets_none(ws):
    at = run_as(PAGE, code=ws.code, token=ws.participant_token)
    assert not at.exception
    assert keys_on_page(at) == set()
    assert "Downloaden kan zodra" in texts(at)
    assert "Over deze werksessie" in texts(at)
    assert not at.get("text_area")  # no settings for participants


def test_participant_gets_downloads_when_opened(ws):
    with writing(ws.engine) as db:
        db.get(Workshop, ws.id).downloads_open = True
        live.touch(db, ws.id)
    at = run_as(PAGE, code=ws.code, token=ws.participant_token)
    # the report formats; the JSON back-up (every vote and placement per person) never
    assert keys_on_page(at) == set(DOWNLOAD_KEYS) - {"download_json"}


def test_facilitator_saves_conclusions_and_questions(ws):
    at = run_as(PAGE, code=ws.code, key=ws.key)
    at.text_area(key="report_conclusions").set_value("We kiezen voor eenzaamheid.\n\n- Punt één")
    at.text_area(key="report_open_questions").set_value("Wie belt de wethouder?")
    at.checkbox(key="report_show_names").check()
    at.checkbox(key="report_downloads_open").check()
    at.button(key="report_save").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        w = db.get(Workshop, ws.id)
        assert w.conclusions == "We kiezen voor eenzaamheid.\n\n- Punt één"
        assert w.open_questions == "Wie belt de wethouder?"
        assert w.report_show_names and w.downloads_open
    shown = texts(at)
    assert "Wie belt de wethouder?" in shown
    names = [f for f in (df.value for df in at.dataframe) if "Naam" in f.columns]
    assert names and "Dirk" in list(names[0]["Naam"])


def test_conclusions_are_capped_at_the_limit(ws):
    at = run_as(PAGE, code=ws.code, key=ws.key)
    at.text_area(key="report_conclusions").set_value("x" * 20001)
    at.button(key="report_save").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        assert len(db.get(Workshop, ws.id).conclusions) <= 20000


def test_pictures_toggle_shows_images(ws):
    pytest.importorskip("kompas.goaltree.chart")
    at = run_as(PAGE, code=ws.code, key=ws.key, timeout=90)
    at.toggle(key="report_pictures").set_value(True).run()
    assert not at.exception
    assert len(at.get("image")) >= 1


def test_facilitator_records_session_decisions_and_next_session(ws):
    at = run_as(PAGE, code=ws.code, key=ws.key)
    at.date_input(key="report_session_date").set_value(date(2026, 11, 24))
    at.date_input(key="report_next_session_date").set_value(date(2027, 1, 19))
    at.text_input(key="report_place").set_value("Stadhuis Culemborg")
    at.text_area(key="report_purpose").set_value("Kiezen wat voorgaat")
    at.text_area(key="report_decisions").set_value("Het jongerenwerk wordt één opdracht")
    at.button(key="report_save").click().run()
    assert not at.exception
    with reading(ws.engine) as db:
        w = db.get(Workshop, ws.id)
        assert (w.session_date, w.next_session_date) == (date(2026, 11, 24), date(2027, 1, 19))
        assert (w.place, w.purpose) == ("Stadhuis Culemborg", "Kiezen wat voorgaat")
        assert w.decisions == "Het jongerenwerk wordt één opdracht"
    shown = texts(at)
    for expected in ("Besluiten", "Het jongerenwerk wordt één opdracht", "Acties"):
        assert expected in shown
