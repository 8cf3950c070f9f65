"""Home page: start a workshop, join one, the console, the lobby, refusals."""

from datetime import date

from sqlalchemy import func, select

from kompas.db import reading
from kompas.models import Participant, Workshop
from tests.pages.helpers import qp, run_as, texts


def start(app_db, title="Werksessie Zutphen"):
    at = run_as("home.py")
    at.text_input(key="new_title").input(title)
    at.button(key="new_submit").click().run()
    return at


def test_home_smoke(app_db):
    at = run_as("home.py")
    assert not at.exception
    assert at.text_input(key="join_code") and at.button(key="new_submit")
    assert list(at.selectbox(key="join_role").options) == [
        "Gemeente",
        "Aanbieder",
        "Inwoner",
        "Anders",
    ]


def test_start_shows_code_links_and_qr(app_db):
    at = start(app_db)
    assert not at.exception
    code = qp(at, "code")
    with reading(app_db) as db:
        ws = db.execute(select(Workshop)).scalar_one()
    assert ws.code == code and ws.title == "Werksessie Zutphen"
    shown = texts(at)
    assert code in shown
    assert f"?code={code}&f={qp(at, 'f')}" in shown  # the facilitator link, shown once
    assert f"?code={code}" in shown
    assert at.get("image")  # the QR code, made locally
    assert any(f"`{code}`" in str(el.value) for el in at.markdown)


def test_empty_title_is_refused_and_creates_nothing(app_db):
    at = start(app_db, title="   ")
    assert "Titel mag niet leeg zijn" in texts(at)
    with reading(app_db) as db:
        assert db.execute(select(func.count()).select_from(Workshop)).scalar() == 0


def test_join_keeps_identity_in_url(app_db):
    code = qp(start(app_db), "code")
    at = run_as("home.py", code=code)
    assert at.text_input(key="join_code").value == code
    at.text_input(key="join_name").input("Anne")
    at.selectbox(key="join_role").set_value("aanbieder")
    at.text_input(key="join_organisation").input("MEE")
    at.button(key="join_submit").click().run()
    assert not at.exception
    token = qp(at, "p")
    assert token and "Welkom, **Anne**" in texts(at)
    again = run_as("home.py", code=code, token=token)  # a reload
    assert "Welkom, **Anne**" in texts(again)
    with reading(app_db) as db:
        p = db.execute(select(Participant)).scalar_one()
    assert (p.name, p.role_group, p.organisation) == ("Anne", "aanbieder", "MEE")


def test_wrong_code_gets_a_message_and_nothing_is_created(app_db):
    start(app_db)
    at = run_as("home.py")
    at.text_input(key="join_code").input("ZZZZZZ")
    at.text_input(key="join_name").input("Anne")
    at.selectbox(key="join_role").set_value("gemeente")
    at.button(key="join_submit").click().run()
    assert "geen workshop met deze code" in texts(at)
    with reading(app_db) as db:
        assert db.execute(select(func.count()).select_from(Participant)).scalar() == 0


def test_console_counts_participants_and_changes_phase(app_db):
    fac = start(app_db)
    code, key = qp(fac, "code"), qp(fac, "f")
    for name in ("Anne", "Bram"):
        j = run_as("home.py", code=code)
        j.text_input(key="join_name").input(name)
        j.selectbox(key="join_role").set_value("gemeente")
        j.button(key="join_submit").click().run()
    console = run_as("home.py", code=code, key=key)
    shown = texts(console)
    assert "Deelnemers: 2" in shown and "Anne" in shown and "Bram" in shown
    console.selectbox(key="phase_tree").set_value("stemmen").run()
    assert not console.exception
    with reading(app_db) as db:
        assert db.execute(select(Workshop.phase_tree)).scalar() == "stemmen"


def test_participant_cannot_open_console_with_own_token(app_db):
    fac = start(app_db)
    code = qp(fac, "code")
    j = run_as("home.py", code=code)
    j.text_input(key="join_name").input("Anne")
    j.selectbox(key="join_role").set_value("gemeente")
    j.button(key="join_submit").click().run()
    lobby = run_as("home.py", code=code, token=qp(j, "p"))
    keys = {w.key for w in lobby.selectbox}
    assert "phase_tree" not in keys and "Welkom" in texts(lobby)


def test_bad_token_in_url_gets_message(app_db):
    code = qp(start(app_db), "code")
    at = run_as("home.py", code=code, token="nep")
    assert not at.exception
    assert "niet (meer) geldig" in texts(at)


def test_delete_workshop_after_confirmation(app_db):
    fac = start(app_db)
    code, key = qp(fac, "code"), qp(fac, "f")
    console = run_as("home.py", code=code, key=key)
    console.text_input(key="delete_confirm").input("FOUT")
    console.button(key="delete_submit").click().run()
    assert "Typ de code" in texts(console)
    console.text_input(key="delete_confirm").input(code)
    console.button(key="delete_submit").click().run()
    assert not console.exception
    with reading(app_db) as db:
        assert db.execute(select(func.count()).select_from(Workshop)).scalar() == 0


def test_code_guessing_is_slowed_down(app_db, monkeypatch):
    monkeypatch.setenv("KOMPAS_JOIN_ATTEMPTS_PER_MINUTE", "3")
    import streamlit as st

    st.cache_resource.clear()
    at = run_as("home.py")
    at.text_input(key="join_name").input("Raad")
    at.selectbox(key="join_role").set_value("gemeente")
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC"):
        at.text_input(key="join_code").input(guess)
        at.button(key="join_submit").click().run()
        assert "geen workshop met deze code" in texts(at)
    at.text_input(key="join_code").input("DDDDDD")
    at.button(key="join_submit").click().run()
    assert "Te veel pogingen" in texts(at)


def test_remove_participant_needs_a_second_click(app_db):
    fac = start(app_db)
    code, key = qp(fac, "code"), qp(fac, "f")
    j = run_as("home.py", code=code)
    j.text_input(key="join_name").input("Anne")
    j.selectbox(key="join_role").set_value("gemeente")
    j.button(key="join_submit").click().run()
    console = run_as("home.py", code=code, key=key)
    with reading(app_db) as db:
        pid = db.execute(select(Participant.id)).scalar_one()
    console.button(key=f"remove_{pid}").click().run()
    with reading(app_db) as db:
        assert db.get(Participant, pid).removed is False
    console.button(key=f"remove_confirm_{pid}").click().run()
    with reading(app_db) as db:
        assert db.get(Participant, pid).removed is True
    assert "Deelnemers: 0" in texts(console)
    gone = run_as("home.py", code=code, token=qp(j, "p"))
    assert "verwijderd" in texts(gone)


def test_home_page_offers_a_json_backup_upload(app_db):
    """The upload itself cannot be driven in AppTest; import_document is tested in
    tests/test_json_roundtrip.py and tests/test_import_refusals.py, the CLI in test_cli."""
    at = run_as("home.py")
    uploaders = at.get("file_uploader")
    assert len(uploaders) == 1 and at.button(key="import_submit")


def test_join_role_starts_empty_and_joining_without_it_is_refused(app_db):
    fac = start(app_db)
    j = run_as("home.py", code=qp(fac, "code"))
    assert j.selectbox(key="join_role").value is None
    j.text_input(key="join_name").input("Anne")
    j.button(key="join_submit").click().run()
    assert "Kies je rol" in texts(j)
    assert j.text_input(key="join_name").value == "Anne"  # what was typed stays
    with reading(app_db) as db:
        assert db.execute(select(func.count()).select_from(Participant)).scalar() == 0


def test_join_link_shows_only_the_join_form_with_the_title(app_db):
    fac = start(app_db)
    j = run_as("home.py", code=qp(fac, "code"))
    assert "Meedoen met" in texts(j)
    keys = {w.key for w in j.text_input}
    assert "join_name" in keys and "new_title" not in keys


def test_start_with_session_date_place_and_purpose(app_db):
    at = run_as("home.py")
    at.text_input(key="new_title").input("Werksessie Zutphen")
    at.date_input(key="new_session_date").set_value(date(2026, 12, 3))
    at.text_input(key="new_place").input("Stadhuis Zutphen")
    at.text_area(key="new_purpose").input("Kiezen wat voorgaat")
    at.button(key="new_submit").click().run()
    assert not at.exception
    with reading(app_db) as db:
        ws = db.execute(select(Workshop)).scalar_one()
    assert (ws.session_date, ws.place, ws.purpose) == (
        date(2026, 12, 3),
        "Stadhuis Zutphen",
        "Kiezen wat voorgaat",
    )


def test_joining_in_english_gives_english_screens_and_user_text_stays(app_db):
    code = qp(start(app_db, title="Werksessie Zutphen"), "code")
    at = run_as("home.py", code=code)
    assert at.radio(key="join_language").options == ["Nederlands", "English"]
    at.text_input(key="join_name").input("Sam")
    at.selectbox(key="join_role").set_value("aanbieder")
    at.radio(key="join_language").set_value("en")
    at.button(key="join_submit").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Welcome, **Sam**. You take part as provider." in shown
    assert "Werksessie Zutphen" in shown  # what people write is not translated
    token = qp(at, "p")
    tree = run_as("pages/1_Doelenboom.py", code=code, token=token)
    assert not tree.exception
    sidebar = texts(tree)
    assert "**You are:** Sam (Provider)" in sidebar
    assert "The facilitator will tell you shortly where we start." in sidebar
    # back to Dutch, in the sidebar
    tree.selectbox(key="sidebar_language").set_value("nl").run()
    assert "**Jij bent:** Sam (Aanbieder)" in texts(tree)
    with reading(app_db) as db:
        assert db.execute(select(Participant)).scalar_one().language == "nl"
