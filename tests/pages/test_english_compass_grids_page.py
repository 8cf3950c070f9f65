"""AppTest: the Kwaliteitskompas's editable tables (save button, notes on unsaved and
conflicting edits, deleting) and its charts as an English participant sees them; a Dutch
participant still sees Dutch, and the charts of the exports (the builders' default) stay
Dutch."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kompas import compass as c, i18n
from kompas.compass import chart
from kompas.db import reading, writing
from kompas.models import Partner
from kompas.workshops import update_workshop
from tests.conftest import ROOT, Workshopper
from tests.pages.helpers import page_as, texts, unescape
from tests.test_i18n import assert_no_dutch_of_its_own

COMPASS = str(ROOT / "pages" / "2_Kwaliteitskompas.py")


def fill(ws: Workshopper) -> dict:
    f = ws.facilitator
    with writing(ws.engine) as db:
        partner = Partner(workshop_id=ws.id, name="Welzijn Oost")
        db.add(partner)
        db.flush()
        amb = c.add_ambition(db, actor=f, title="Minder eenzaamheid")
        r1 = c.add_result(db, actor=f, ambition_id=amb, title="Minder eenzame inwoners")
        c.add_result(db, actor=f, ambition_id=amb, title="Meer ontmoeting")  # no activity
        i1 = c.add_indicator(
            db,
            actor=f,
            result_id=r1,
            name="Eenzaam (GGD)",
            baseline_value=44,
            target_value=38,
            higher_is_better=False,
        )
        c.add_measurement(db, actor=f, indicator_id=i1, value=46, measured_on=date(2024, 9, 1))
        a1 = c.add_activity(
            db,
            actor=f,
            title="Buurtkamers",
            partner_id=partner.id,
            budget_cents=1_000_000,
            result_ids=[r1],
        )
        a2 = c.add_activity(db, actor=f, title="Maatjes", budget_cents=100_000)
        update_workshop(db, actor=f, compass_open_to_participants=True)
    return dict(r1=r1, a1=a1, a2=a2)


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db)
    ws.sam = ws.join("Sam", "aanbieder", language="en")
    ws.anne = ws.join("Anne", "gemeente")
    return ws


def _view(ws):
    with reading(ws.engine) as db:
        return c.compass_view(db, ws.id)


def _edit(at, prefix: str, state: dict) -> str:
    """Simulate an edit of the data_editor (AppTest has no editor driver)."""
    key = next(d.key for d in at.dataframe if d.key and d.key.startswith(prefix))
    at.session_state[key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [], **state}
    return key


def _captions(at) -> list[str]:
    return [x.value for x in at.caption]


def _chart_texts(at) -> str:
    """The Vega-Lite specs of the page's charts, as one string."""
    return "\n".join(el.proto.spec for el in at.get("vega_lite_chart"))


def _has(specs: str, words: str) -> bool:
    """Whether ``words`` are a whole string value (a title, a label, a data value)."""
    return json.dumps(words, ensure_ascii=False) in specs or json.dumps(words) in specs


# --- the grids ------------------------------------------------------------------------------


def test_english_grid_chrome_while_editing_and_saving(ws):
    fill(ws)
    at = page_as(COMPASS, ws, ws.sam)
    assert at.button(key="save_activities").label == "Save"
    assert at.button(key="save_activities").disabled
    _edit(
        at,
        "ed_activities",
        {
            "edited_rows": {0: {"budget": "€ 12.500,50"}},
            "added_rows": [{"title": "Huiskamer", "budget": "500"}],
        },
    )
    at.run()
    assert "Not saved yet: 2 changes." in _captions(at)
    at.button(key="save_activities").click().run()
    assert not at.exception and not at.error
    assert [t.value for t in at.toast] == ["Saved"]
    assert not any(x.startswith(("Not saved", "Nog niet")) for x in _captions(at))
    budgets = {a.title: a.budget_cents for a in _view(ws).activities}
    assert budgets == {"Buurtkamers": 1_250_050, "Maatjes": 100_000, "Huiskamer": 50_000}


def test_english_notes_on_edits_others_changed_meanwhile(ws):
    ids = fill(ws)
    at = page_as(COMPASS, ws, ws.sam)
    _edit(at, "ed_activities", {"edited_rows": {1: {"budget": "€ 3.000"}}})
    at.run()
    assert "Not saved yet: 1 change." in _captions(at)
    at.switch_page("1_Doelenboom.py").run()
    with writing(ws.engine) as db:  # meanwhile, someone else
        c.update_activity(
            db, actor=ws.facilitator, activity_id=ids["a1"], rev=None, title="Buurtkamers Noord"
        )
        c.update_activity(
            db, actor=ws.facilitator, activity_id=ids["a2"], rev=None, budget_cents=500_000
        )
        c.add_result(db, actor=ws.facilitator, title="Samen sterker")
    at.switch_page("2_Kwaliteitskompas.py").run()
    assert not at.exception
    [both] = [unescape(w.value) for w in at.warning if "You changed" in w.value]
    assert both.startswith("You changed these rows and someone else did too: 'Maatjes'.")
    assert "Not saved yet: 1 change." in _captions(at)
    # a step table this person did not leave: their unsaved edit there, others' change
    _edit(at, "ed_results", {"edited_rows": {0: {"description": "Mijn toelichting"}}})
    at.run()
    with writing(ws.engine) as db:
        c.update_result(
            db, actor=ws.facilitator, result_id=ids["r1"], rev=None, title="Minder eenzamen"
        )
    at.run()
    infos = [unescape(i.value) for i in at.info if i.value.startswith("Changed by someone else")]
    assert infos and "'Minder eenzamen' (changed)" in infos[0]
    assert "Your changes stay." in infos[0]
    at.button(key="save_activities").click().run()
    assert at.error  # the domain's refusal (it stays in Dutch)
    assert at.button(key="reload_activities").label == "Throw away my changes"
    assert at.button(key="reload_activities").help.startswith("Puts the table back")
    shown = texts(at)
    for dutch in ("Nog niet opgeslagen", "Intussen gewijzigd", "heb jij gewijzigd", "Opslaan"):
        assert dutch not in shown, dutch
    assert "(gewijzigd)" not in shown and "(nieuw)" not in shown


def test_english_delete_note_and_kept_edits_while_reading_only(ws):
    fill(ws)
    at = page_as(COMPASS, ws, ws.sam)
    _edit(at, "ed_results", {"deleted_rows": [0]})
    at.run()
    [note] = [w.value for w in at.warning if "Buurtkamers" in w.value and "deleting" in w.value]
    assert note.startswith("Note, when deleting:\n\n")  # the lines below: the domain's Dutch
    assert [cb.label for cb in at.checkbox if cb.key.startswith("confirm_results")] == [
        "Yes, delete anyway"
    ]
    with writing(ws.engine) as db:
        update_workshop(db, actor=ws.facilitator, compass_open_to_participants=False)
    at.run()
    assert not at.exception
    kept = [w.value for w in at.warning if w.value.startswith("Not saved yet")]
    assert kept == [
        "Not saved yet: 1 change. They are kept; you can save again as soon as you may write."
    ]


def test_dutch_participant_keeps_the_dutch_grid_chrome(ws):
    fill(ws)
    at = page_as(COMPASS, ws, ws.anne)
    assert at.button(key="save_activities").label == "Opslaan"
    _edit(at, "ed_results", {"deleted_rows": [0]})
    at.run()
    assert "Nog niet opgeslagen: 1 wijziging." in _captions(at)
    assert any(w.value.startswith("Let op, bij verwijderen:\n\n") for w in at.warning)
    assert any(cb.label == "Ja, verwijder toch" for cb in at.checkbox)
    with writing(ws.engine) as db:
        update_workshop(db, actor=ws.facilitator, compass_open_to_participants=False)
    at.run()
    assert any(
        w.value == "Nog niet opgeslagen: 1 wijziging. Ze blijven bewaard; opslaan kan weer "
        "zodra je mag schrijven."
        for w in at.warning
    )
    assert "Not saved yet" not in texts(at)


# --- the charts -----------------------------------------------------------------------------

DUTCH_CHART_WORDS = (
    "Resultaten: staan de indicatoren op koers?",
    "Inzet: budget per resultaat",
    "Indicatoren: van nulmeting (0%) naar doel (100%)",
    "Budget in euro",
    "Budget per resultaat",
    "Waarden",
    "niet op koers",
    "geen activiteit",
    "Niet gekoppeld aan een resultaat",
    "Geen partner",
    "nulmeting 44 → gemeten 46 → doel 38",
)


def test_english_participant_sees_english_charts_and_a_dutch_one_dutch(ws):
    fill(ws)
    at = page_as(COMPASS, ws, ws.sam)
    specs = _chart_texts(at)
    assert len(at.get("vega_lite_chart")) == 3  # results and inputs, per result, per partner
    for english in (
        "Results: are the indicators on track?",
        "Inputs: budget per result",
        "Indicators: from baseline (0%) to target (100%)",
        "Budget in euros",
        "Budget per result",
        "no activity",
        "Budget per partner",
        "off track",
        "Not linked to a result",
    ):
        assert _has(specs, english), english
    for dutch in DUTCH_CHART_WORDS:
        assert not _has(specs, dutch), dutch
    # the same workshop version for a Dutch viewer: the charts' cache keeps the languages apart
    at = page_as(COMPASS, ws, ws.anne)
    specs = _chart_texts(at)
    for dutch in ("Resultaten: staan de indicatoren op koers?", "niet op koers", "Waarden"):
        assert _has(specs, dutch), dutch
    assert not _has(specs, "Results: are the indicators on track?")
    assert not _has(specs, "off track")


def test_chart_builders_speak_english_when_asked(ws):
    fill(ws)
    with writing(ws.engine) as db:  # an activity without a partner
        c.add_activity(db, actor=ws.facilitator, title="Losse actie", budget_cents=5_000)
    view = _view(ws)
    made = [
        chart.results_inputs_chart(view, language="en"),
        chart.budget_per_result_chart(view, language="en"),
        chart.budget_per_partner_chart(view, language="en"),
    ]
    specs = json.dumps([m.to_dict() for m in made], ensure_ascii=False)
    for english in (
        "Status",
        "Values",
        "baseline 44 → measured 46 → target 38",
        "no activity",
        "No partner",
        "Welzijn Oost",  # what people wrote stays as written
        "Minder eenzame inwoners",
    ):
        assert _has(specs, english), english
    for dutch in DUTCH_CHART_WORDS:
        assert not _has(specs, dutch), dutch


def test_chart_builders_stay_dutch_by_default_for_the_exports(ws):
    fill(ws)
    with writing(ws.engine) as db:
        c.add_activity(db, actor=ws.facilitator, title="Losse actie", budget_cents=5_000)
    view = _view(ws)
    builders = (
        chart.results_inputs_chart,
        chart.budget_per_result_chart,
        chart.budget_per_partner_chart,
    )
    default = [b(view).to_dict() for b in builders]
    assert default == [b(view, language="nl").to_dict() for b in builders]
    main = default[0]
    left, right = main["hconcat"]
    assert left["title"] == "Resultaten: staan de indicatoren op koers?"
    assert right["title"] == "Inzet: budget per resultaat"
    dots = next(layer for layer in left["layer"] if layer["mark"]["type"] == "point")
    assert dots["encoding"]["x"]["title"] == "Indicatoren: van nulmeting (0%) naar doel (100%)"
    assert dots["encoding"]["color"]["title"] == "Status"
    assert dots["encoding"]["color"]["scale"]["domain"] == [
        "doel bereikt",
        "op koers",
        "niet op koers",
        "geen gegevens",
        "verhaal",
    ]
    assert [t["title"] for t in dots["encoding"]["tooltip"]] == ["Indicator", "Status", "Waarden"]
    bar = next(layer for layer in right["layer"] if layer["mark"]["type"] == "bar")
    assert bar["encoding"]["x"]["title"] == "Budget in euro"
    assert [t["title"] for t in bar["encoding"]["tooltip"]] == ["Resultaat", "Budget"]
    dumped = json.dumps(default, ensure_ascii=False)
    for dutch in DUTCH_CHART_WORDS:
        assert _has(dumped, dutch), dutch
    assert default[1]["title"] == "Budget per resultaat"
    assert default[2]["title"] == "Budget per partner"
    assert i18n.text("compass.chart_budget_axis") == "Budget in euro"


# --- screens that take every word from the catalogue -----------------------------------------

TRANSLATED = [
    ("kompas/ui/compass_tables.py", "count_changes"),
    ("kompas/ui/compass_tables.py", "_rows"),
    ("kompas/ui/compass_tables.py", "changed_by_others"),
    ("kompas/ui/compass_tables.py", "changed_by_both"),
    ("kompas/ui/compass_tables.py", "table_editor"),
    ("kompas/ui/compass.py", "_chart_specs"),
    ("kompas/compass/chart.py", "results_inputs_chart"),
    ("kompas/compass/chart.py", "_results_inputs_parts"),
    ("kompas/compass/chart.py", "_values_text"),
    ("kompas/compass/chart.py", "budget_per_result_chart"),
    ("kompas/compass/chart.py", "budget_per_partner_chart"),
    ("kompas/compass/chart.py", "_budget_bars"),
]


@pytest.mark.parametrize(("file", "function"), TRANSLATED)
def test_translated_screens_hold_no_dutch_of_their_own(file, function):
    assert_no_dutch_of_its_own(file, function)
