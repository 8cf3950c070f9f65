"""An unexpected error never shows a traceback: a Dutch apology with a reference, which
is also in the log with the traceback."""

import logging

from kompas import workshops
from kompas.ui import runtime
from tests.pages.helpers import run_as, texts


def test_unexpected_error_shows_reference_not_traceback(app_db, monkeypatch, caplog):
    monkeypatch.setattr(runtime, "SUPPRESS_TRACEBACKS", True)

    def broken(db, workshop_id):
        raise ZeroDivisionError("geheime details")

    broken.__module__, broken.__name__ = (
        "kompas.workshops",
        "workshop_info",
    )  # ui.read re-imports by name
    monkeypatch.setattr(workshops, "workshop_info", broken)
    from kompas.db import writing

    with writing(app_db) as db:
        new = workshops.create_workshop(db, title="Werksessie")
    with caplog.at_level(logging.ERROR, logger="kompas"):
        at = run_as("pages/1_Doelenboom.py", code=new.code, key=new.facilitator_key)
    shown = texts(at)
    assert not at.exception
    assert "Sorry, er ging iets mis" in shown and "referentie" in shown
    assert "geheime details" not in shown and "Traceback" not in shown
    ref = shown.split("beheerder: ")[1][:6]
    assert any(
        ref in r.getMessage() and r.exc_info and r.exc_info[0] is ZeroDivisionError
        for r in caplog.records
    )


def test_storage_error_on_read_shows_dutch_message(app_db, monkeypatch):
    from kompas.errors import StorageError

    def full(db, workshop_id):
        raise StorageError("De schijf van de server is vol. Er is niets opgeslagen.")

    full.__module__, full.__name__ = "kompas.workshops", "workshop_info"
    monkeypatch.setattr(workshops, "workshop_info", full)
    from kompas.db import writing

    with writing(app_db) as db:
        new = workshops.create_workshop(db, title="Werksessie")
    at = run_as("pages/1_Doelenboom.py", code=new.code, key=new.facilitator_key)
    assert not at.exception
    assert "schijf van de server is vol" in texts(at)
