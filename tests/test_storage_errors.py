"""A read-only database and a full disk give a clear Dutch message, change nothing and
never show a traceback: in the domain (kompas.db.writing) and on the pages (AppTest).

Both faults are real SQLite errors, made in a way that also works as root (where chmod
does not stop writes): ``PRAGMA query_only`` makes SQLite refuse every write with the
same SQLITE_READONLY error as a read-only file, and ``PRAGMA max_page_count`` set to the
current size makes every write that needs a new page fail with SQLITE_FULL, as on a
full disk. The pragmas are added to the ones Kompas sets on every new connection.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from kompas import db as kdb, goaltree, partners, workshops
from kompas.db import integrity_ok, make_engine, writing
from kompas.errors import StorageError
from kompas.models import Participant, Workshop
from kompas.workshops import Actor
from tests.pages.helpers import run_as, texts, unescape

READ_ONLY = "alleen-lezen"
FULL = "vol"


def _with_pragma(monkeypatch, pragma: str) -> None:
    monkeypatch.setattr(kdb, "SQLITE_PRAGMAS", kdb.SQLITE_PRAGMAS + (pragma,))


def _count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def _page_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("PRAGMA page_count")).scalar_one()


def _assert_clean_message(exc: StorageError, word: str) -> None:
    message = str(exc)
    assert word in message and "niets opgeslagen" in message
    for leak in ("sqlite", "Traceback", "OperationalError", "SQL", "PRAGMA"):
        assert leak not in message


@pytest.fixture
def seeded(file_engine):
    with writing(file_engine) as db:
        new = workshops.create_workshop(db, title="Opslag")
    boss = Actor(new.workshop_id, None, True, "Procesbegeleider")
    with writing(file_engine) as db:
        root = goaltree.main_goal(db, new.workshop_id).id
        partner = partners.add_partner(db, actor=boss, name="Bibliotheek")
    with writing(file_engine) as db:
        anne = workshops.join_workshop(db, code=new.code, name="Anne", role_group="inwoner")[0]
    return {
        "engine": file_engine,
        "url": str(file_engine.url),
        "new": new,
        "boss": boss,
        "root": root,
        "partner": partner,
        "anne": anne,
    }


def _writes(s: dict):
    """Every kind of write a page can make, as (name, fn(db))."""
    new, boss, anne = s["new"], s["boss"], s["anne"]
    return [
        ("create_workshop", lambda db: workshops.create_workshop(db, title="Nog een")),
        (
            "join_workshop",
            lambda db: workshops.join_workshop(
                db, code=new.code, name="Bram", role_group="gemeente"
            ),
        ),
        ("start_timer", lambda db: workshops.start_timer(db, actor=boss, minutes=5, label="Pauze")),
        ("set_phase", lambda db: workshops.set_phase(db, actor=boss, tool="tree", phase="ordenen")),
        (
            "add_node",
            lambda db: goaltree.add_node(db, actor=anne, parent_id=s["root"], title="Wonen"),
        ),
        (
            "place_partner",
            lambda db: partners.place_partner(
                db, actor=anne, partner_id=s["partner"], influence=0.7, dependency=0.2
            ),
        ),
        ("add_partner", lambda db: partners.add_partner(db, actor=boss, name="GGD")),
    ]


@pytest.mark.parametrize(
    "index",
    range(7),
    ids=[
        "create_workshop",
        "join_workshop",
        "start_timer",
        "set_phase",
        "add_node",
        "place_partner",
        "add_partner",
    ],
)
def test_read_only_database_refuses_every_write_with_a_dutch_message(seeded, monkeypatch, index):
    name, write = _writes(seeded)[index]
    before = _dump(seeded["engine"])
    _with_pragma(monkeypatch, "PRAGMA query_only=ON")
    ro = make_engine(seeded["url"])  # opening and "creating" the schema still works
    try:
        with pytest.raises(StorageError) as caught:
            with writing(ro) as db:
                write(db)
        _assert_clean_message(caught.value, READ_ONLY)
    finally:
        ro.dispose()
    assert _dump(seeded["engine"]) == before  # nothing changed
    assert integrity_ok(seeded["engine"])


def test_a_new_database_that_cannot_be_written_gives_a_message(tmp_path, monkeypatch):
    _with_pragma(monkeypatch, "PRAGMA query_only=ON")
    with pytest.raises(StorageError) as caught:
        make_engine(f"sqlite:///{tmp_path / 'leeg.db'}")  # the schema cannot be created
    assert READ_ONLY in str(caught.value) and "sqlite" not in str(caught.value)


def _dump(engine) -> tuple:
    with engine.connect() as conn:
        return tuple(
            tuple(conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all())
            for t in ("workshop", "participant", "goalnode", "partner", "placement")
        )


def _fill(engine_full, code: str, *, name: str = "x" * 80) -> int:
    """Join until the database is full; returns the number of joins that succeeded.
    Stops after 20 refusals in a row: then a row of this shape never fits any more."""
    ok = refused = 0
    while refused < 20 and ok < 5000:
        try:
            with writing(engine_full) as db:
                workshops.join_workshop(
                    db,
                    code=code,
                    name=f"{name[:70]}{ok:06d}",
                    role_group="anders",
                    organisation="o" * 80,
                )
            ok += 1
            refused = 0
        except StorageError as exc:
            _assert_clean_message(exc, FULL)
            refused += 1
    assert refused == 20, "the database never filled up"
    return ok


def test_full_disk_gives_a_dutch_message_and_keeps_what_was_saved(seeded, monkeypatch):
    engine = seeded["engine"]
    people_before = _count(engine, Participant)
    _with_pragma(monkeypatch, f"PRAGMA max_page_count={_page_count(engine) + 2}")
    full = make_engine(seeded["url"], create=False)
    try:
        saved = _fill(full, seeded["new"].code)
        with pytest.raises(StorageError) as caught:  # every kind of write now stops cleanly
            with writing(full) as db:
                workshops.join_workshop(
                    db,
                    code=seeded["new"].code,
                    name="y" * 80,
                    role_group="gemeente",
                    organisation="o" * 80,
                )
        _assert_clean_message(caught.value, FULL)
    finally:
        full.dispose()
    assert _count(engine, Participant) == people_before + saved  # all saved, nothing half
    assert integrity_ok(engine)
    monkeypatch.undo()  # space again: writing works as before
    roomy = make_engine(seeded["url"], create=False)
    with writing(roomy) as db:
        workshops.join_workshop(
            db, code=seeded["new"].code, name="Na opruimen", role_group="inwoner"
        )
    roomy.dispose()


# --- on the pages -------------------------------------------------------------------------


def _no_traceback(at) -> None:
    assert not at.exception
    shown = texts(at)
    for leak in ("Traceback", "sqlite3", "OperationalError"):
        assert leak not in shown


def _seed_app(app_db):
    with writing(app_db) as db:
        new = workshops.create_workshop(db, title="Werksessie opslag")
    return new


def _join_through_form(code: str):
    at = run_as("home.py", code=code)
    at.text_input(key="join_name").input("y" * 70 + "Karin")
    at.selectbox(key="join_role").set_value("gemeente")
    at.text_input(key="join_organisation").input("o" * 80)
    at.button(key="join_submit").click().run()
    return at


def test_read_only_database_join_form_shows_message(app_db, monkeypatch):
    new = _seed_app(app_db)
    _with_pragma(monkeypatch, "PRAGMA query_only=ON")  # the app's engine is made after this
    at = _join_through_form(new.code)
    _no_traceback(at)
    assert any(READ_ONLY in unescape(e.value) for e in at.error), texts(at)
    assert _count(app_db, Participant) == 0


def test_read_only_database_start_form_shows_message(app_db, monkeypatch):
    _with_pragma(monkeypatch, "PRAGMA query_only=ON")
    at = run_as("home.py")
    at.text_input(key="new_title").input("Werksessie")
    at.button(key="new_submit").click().run()
    _no_traceback(at)
    assert any(READ_ONLY in unescape(e.value) for e in at.error), texts(at)
    assert _count(app_db, Workshop) == 0


def test_read_only_database_participant_page_still_shows_and_refuses_writes(app_db, monkeypatch):
    new = _seed_app(app_db)
    with writing(app_db) as db:
        _, token = workshops.join_workshop(db, code=new.code, name="Anne", role_group="inwoner")
    _with_pragma(monkeypatch, "PRAGMA query_only=ON")
    at = run_as("pages/1_Doelenboom.py", code=new.code, token=token)
    _no_traceback(at)  # reading works; the presence update fails quietly
    assert "Anne" in texts(at)
    at.text_input(key="node_title").input("Meer ontmoeting in de wijk")
    at.button(key="node_submit").click().run()
    _no_traceback(at)
    assert any(READ_ONLY in unescape(e.value) for e in at.error), texts(at)


def test_full_disk_join_form_shows_message(app_db, monkeypatch):
    new = _seed_app(app_db)
    _with_pragma(monkeypatch, f"PRAGMA max_page_count={_page_count(app_db) + 2}")
    filler = make_engine(str(app_db.url), create=False)
    saved = _fill(filler, new.code)
    filler.dispose()
    at = _join_through_form(new.code)
    _no_traceback(at)
    assert any(FULL in unescape(e.value) and "schijf" in unescape(e.value) for e in at.error), (
        texts(at)
    )
    assert _count(app_db, Participant) == saved


def test_read_only_database_facilitator_console_shows_message(app_db, monkeypatch):
    new = _seed_app(app_db)
    _with_pragma(monkeypatch, "PRAGMA query_only=ON")
    at = run_as("home.py", code=new.code, key=new.facilitator_key)
    _no_traceback(at)
    at.text_input(key="timer_label").input("Pauze")
    at.button(key="timer_start").click().run()
    _no_traceback(at)
    assert any(READ_ONLY in unescape(e.value) for e in at.error), texts(at)
