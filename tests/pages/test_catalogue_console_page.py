"""The facilitator's console on the home page, its series section and review (Terugblik), and
the start form take every word from the message catalogue; the Dutch on screen stays word for
word, and the same screens read English when the viewer's language is English."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kompas import series
from kompas.db import writing
from kompas.demo import create_demo
from kompas.ui import language
from tests.conftest import Workshopper
from tests.pages.helpers import page_as, run_as, texts
from tests.test_i18n import assert_no_dutch_of_its_own

CONVERTED = [
    ("kompas/ui/console.py", "show"),
    ("kompas/ui/console.py", "_new_workshop_banner"),
    ("kompas/ui/console.py", "_retention_warning"),
    ("kompas/ui/console.py", "_participants_live"),
    ("kompas/ui/console.py", "_tools"),
    ("kompas/ui/console.py", "_timer_controls"),
    ("kompas/ui/console.py", "_danger_zone"),
    ("kompas/ui/console.py", "deleted_notice"),
    ("kompas/ui/series.py", "console_section"),
    ("kompas/ui/series.py", "review_section"),
    ("kompas/ui/series.py", "_review_actions"),
    ("kompas/ui/series.py", "_review_priorities"),
    ("kompas/ui/series.py", "_measured"),
    ("kompas/ui/series.py", "_review_indicators"),
    ("kompas/ui/series.py", "_add_measurement"),
    ("kompas/ui/series.py", "matrix_section"),
    ("kompas/ui/home.py", "start_form"),
]


@pytest.mark.parametrize("file, function", CONVERTED)
def test_no_dutch_of_its_own(file, function):
    assert_no_dutch_of_its_own(file, function)


@pytest.fixture
def console(app_db, monkeypatch):
    monkeypatch.setenv("KOMPAS_RETENTION_DAYS", "5")  # the retention warning shows
    ws = Workshopper(app_db, title="Werksessie Zutphen")
    ws.join("Anne", "inwoner", "Wijkteam")
    return ws


@pytest.fixture
def follow_up(app_db):
    """A follow-up of the demo workshop: actions with owners and dates, priorities and
    indicators from last time."""
    with writing(app_db) as db:
        demo = create_demo(db)
    with writing(app_db) as db:
        new = series.follow_up(db, demo.workshop_id)
    return SimpleNamespace(code=new.code, key=new.facilitator_key, tokens={})


CONSOLE_NL = (
    "Code voor deelnemers",
    "met deze code, of via de link:",
    "automatisch verwijderd (bewaartermijn 5 dagen). Maak nu een export als je hem wilt bewaren.",
    "Deelnemers: 1",
    "Anne · Wijkteam",
    "Inwoner: **1**",
    "Reeks van sessies",
    "deelnemers (deze sessie)",
    "Een vervolgsessie begint waar deze sessie eindigt",
    "Onderdelen",
    "**Doelenboom**",
    "Timer",
    "Dit verwijdert de workshop met alle deelnemers",
)


def test_console_in_dutch(console):
    at = page_as("home.py", console)
    shown = texts(at)
    for words in CONSOLE_NL:
        assert words in shown, words
    assert at.button(key=next(b.key for b in at.button if b.key.startswith("anon_"))).label == (
        "Naam wissen"
    )
    assert at.button(key="next_session").label == "Vervolgsessie starten"
    assert at.selectbox(key="phase_tree").label == "Fase"
    assert at.selectbox(key="phase_tree").value == "verzamelen"
    assert at.toggle(key="lock_tree").label == "Op slot (alleen kijken)"
    assert at.number_input(key="timer_minutes").label == "Minuten"
    assert at.text_input(key="timer_label").label == "Waarvoor (mag leeg)"
    assert at.button(key="timer_start").label == "Timer starten"
    assert (
        at.text_input(key="delete_confirm").label == f"Typ de code {console.code} om te bevestigen"
    )
    assert at.button(key="delete_submit").label == "Definitief verwijderen"
    # a phase set: the success message names the tool and the phase
    at.selectbox(key="phase_tree").set_value("ordenen").run()
    assert not at.exception
    assert "Doelenboom: fase ordenen" in [t.value for t in at.toast]


def test_removing_a_participant_and_the_timer_in_dutch(console):
    at = page_as("home.py", console)
    remove = next(b for b in at.button if b.key.startswith("remove_"))
    remove.click().run()
    confirm = next(b for b in at.button if b.key.startswith("remove_confirm_"))
    assert confirm.label == "Zeker weten?"
    at.button(key="timer_start").click().run()
    assert not at.exception
    assert "Timer gestart" in [t.value for t in at.toast]


def test_deleting_shows_the_notice_in_dutch(console):
    at = page_as("home.py", console)
    at.text_input(key="delete_confirm").input(console.code)
    at.button(key="delete_submit").click().run()
    assert not at.exception
    assert "De workshop Werksessie Zutphen en al zijn gegevens zijn verwijderd." in texts(at)


def test_review_of_a_follow_up_in_dutch(follow_up):
    at = page_as("home.py", follow_up)
    shown = texts(at)
    for words in (
        "Terugblik op sessie 1",
        "Wat is er gebeurd sinds vorige keer?",
        "#### Acties van vorige keer",
        "eigenaar ",
        "#### Doelenboom: wat kreeg vorige keer voorrang",
        "#### Indicatoren sinds vorige keer",
        "Sessie 2 · ",
    ):
        assert words.removeprefix("#### ") in shown, words
    status = next(s for s in at.selectbox if s.key and s.key.startswith("review_status_"))
    assert status.label == "Status" and status.value == "niet gestart"
    assert status.options == ["niet gestart", "loopt", "gedaan", "vervallen"]
    priorities = next(d.value for d in at.dataframe if "Stippen vorige keer" in d.value.columns)
    assert list(priorities.columns) == [
        "Onderdeel",
        "Stippen vorige keer",
        "Afgesproken prioriteit",
    ]
    assert "ja" in set(priorities["Afgesproken prioriteit"])
    indicators = next(d.value for d in at.dataframe if "Indicator" in d.value.columns)
    assert list(indicators.columns) == [
        "Indicator",
        "Vorige keer",
        "Nu",
        "Verschil",
        "Ontwikkeling",
    ]
    assert "Nog geen vergelijking" in set(indicators["Ontwikkeling"])
    assert at.button(key="review_measure_submit").label == "Meting toevoegen"


def test_start_form_in_dutch(app_db):
    at = run_as("home.py")
    assert not at.exception
    shown = texts(at)
    assert "Workshop starten" in shown and "Alleen een titel is nodig." in shown
    assert at.text_input(key="new_title").label == "Titel van de workshop"
    assert at.text_input(key="new_title").placeholder == "Bijvoorbeeld: Werksessie sociaal domein"
    assert at.number_input(key="new_budget").label == "Stippen per deelnemer (voor het stemmen)"
    assert at.text_area(key="new_purpose").label == "Doel van de sessie"
    assert at.button(key="new_submit").label == "Workshop starten"


@pytest.fixture
def english(monkeypatch):
    """The viewer's language English, as for a participant who chose it (the facilitator's
    screens are Dutch in the app; this shows that their words come from the catalogue)."""
    monkeypatch.setattr(language, "current_language", lambda: "en")


def test_console_and_review_read_english_from_the_catalogue(follow_up, english):
    at = page_as("home.py", follow_up)
    shown = texts(at)
    for words in (
        "Code for participants",
        "Participants: 0",
        "Nobody has joined yet. Show the code or the QR code.",
        "Review of session 1",
        "Actions from last time",
        "owner ",
        "Goal tree: what came first last time",
        "Indicators since last time",
        "participants (this session)",
        "Series of sessions",
        "Parts",
        "This deletes the workshop",
    ):
        assert words in shown, words
    for dutch in ("Terugblik", "Deelnemers:", "Reeks van sessies", "Onderdelen", "eigenaar "):
        assert dutch not in shown, dutch
    status = next(s for s in at.selectbox if s.key and s.key.startswith("review_status_"))
    assert status.value == "niet gestart"  # the stored id, shown as its English word
    assert status.options == ["not started", "in progress", "done", "dropped"]
    priorities = next(d.value for d in at.dataframe if "Dots last time" in d.value.columns)
    assert "yes" in set(priorities["Agreed priority"])
    assert at.button(key="timer_start").label == "Start timer"
    assert at.selectbox(key="phase_tree").label == "Phase"
    assert at.button(key="delete_submit").label == "Delete for good"


def test_start_form_reads_english_from_the_catalogue(app_db, english):
    at = run_as("home.py")
    assert not at.exception
    assert "Start a workshop" in texts(at)
    assert at.text_input(key="new_title").label == "Title of the workshop"
    assert at.button(key="new_submit").label == "Start workshop"
