"""AppTest: the Samenwerkingsscan, the Kwaliteitskompas and the Verslag page as an English
participant sees them (a Dutch participant still sees Dutch), and the screens that take
every word from the catalogue."""

from __future__ import annotations

from datetime import date

import pytest

from kompas import compass as c, live, scan
from kompas.db import reading, writing
from kompas.models import Workshop
from kompas.workshops import update_workshop
from tests.conftest import ROOT, Workshopper
from tests.pages.helpers import page_as, texts
from tests.test_i18n import assert_no_dutch_of_its_own

SCAN = str(ROOT / "pages" / "6_Samenwerkingsscan.py")
COMPASS = str(ROOT / "pages" / "2_Kwaliteitskompas.py")
REPORT = str(ROOT / "pages" / "4_Verslag.py")


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db)
    ws.sam = ws.join("Sam", "aanbieder", language="en")
    ws.anne = ws.join("Anne", "gemeente")
    return ws


# --- Samenwerkingsscan ----------------------------------------------------------------------


def test_scan_in_english_before_the_reveal(ws):
    at = page_as(SCAN, ws, ws.sam)
    shown = texts(at)
    assert at.title[0].value == "Cooperation scan"
    assert "You have scored 0 of the 9 statements." in shown
    assert "**Strategy**" in shown and "**Cooperation**" in shown
    assert "The group's scores become visible when the facilitator shows them." in shown
    assert "No conclusions yet." in shown
    labels = [r.label for r in at.radio]
    assert "Together we have a clear strategy for the region." in labels
    options = at.radio(key="scan_governance_grip").options
    assert options == ["1 strongly disagree", "2", "3", "4", "5 strongly agree"]
    assert at.button(key="scan_submit").label == "Save scores"
    for dutch in ("stellingen", "Wat zegt de groep", "helemaal", "Conclusies"):
        assert dutch not in shown, dutch
    assert not any("strategie voor de regio" in label for label in labels)


def test_scan_in_english_saves_and_shows_the_figures_after_the_reveal(ws):
    at = page_as(SCAN, ws, ws.sam)
    at.radio(key="scan_governance_grip").set_value(2)
    at.button(key="scan_submit").click().run()
    assert not at.exception
    with writing(ws.engine) as db:
        scan.reveal_scan(db, actor=ws.facilitator, revealed=True)
        scan.set_conclusion(
            db,
            actor=ws.facilitator,
            element="governance",
            conclusion="Wie stuurt is onduidelijk",
            action="Rollen op papier",
            owner="Anne",
        )
    at = page_as(SCAN, ws, ws.sam)
    shown = texts(at)
    assert "You have scored 1 of the 9 statements." in shown
    assert "What does the group say?" in shown
    assert "1 of the 2 participants has scored." in shown
    assert "Average: from 1 (strongly disagree)" in shown
    assert "Conclusions" in shown
    assert "Wie stuurt is onduidelijk" in shown  # what people write is not translated
    assert "Action: Rollen op papier (owner: Anne)" in shown
    frame = at.dataframe[0].value
    assert list(frame.columns) == [
        "Element",
        "Statement",
        "Scores",
        "Average",
        "Spread",
        "Per role group (3 or more)",
    ]
    row = frame[frame["Statement"].str.contains("grip")].iloc[0]
    assert row["Element"] == "Governance" and row["Scores"] == 1


def test_scan_for_a_dutch_participant_stays_dutch(ws):
    with writing(ws.engine) as db:
        scan.reveal_scan(db, actor=ws.facilitator, revealed=True)
        scan.set_scores(db, actor=ws.sam, scores={"strategie_samen": 4})
    at = page_as(SCAN, ws, ws.anne)
    shown = texts(at)
    assert at.title[0].value == "Samenwerkingsscan"
    assert "Je hebt 0 van de 9 stellingen gescoord." in shown
    assert "Wat zegt de groep?" in shown and "1 van de 2 deelnemers heeft gescoord." in shown
    labels = [r.label for r in at.radio]
    assert "We hebben samen een duidelijke strategie voor de regio." in labels
    assert at.radio(key="scan_strategie_samen").options[0] == "1 helemaal oneens"
    assert "Stelling" in at.dataframe[0].value.columns
    assert "Cooperation scan" not in shown and "statements" not in shown
    with reading(ws.engine) as db:
        assert scan.scan_view(scan.scan_state(db, ws.id), ws.sam.participant_id).own == {
            "strategie_samen": 4
        }


# --- Kwaliteitskompas ------------------------------------------------------------------------


def fill_compass(ws: Workshopper) -> None:
    f = ws.facilitator
    with writing(ws.engine) as db:
        amb = c.add_ambition(db, actor=f, title="Minder eenzaamheid")
        r1 = c.add_result(db, actor=f, ambition_id=amb, title="Minder eenzame inwoners")
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
        c.add_activity(db, actor=f, title="Buurtkamers", budget_cents=1_000_000, result_ids=[r1])


def test_empty_compass_in_english(ws):
    at = page_as(COMPASS, ws, ws.sam)
    assert at.title[0].value == "Quality compass"
    assert [tab.label for tab in at.tabs] == [
        "Results and inputs",
        "1 Ambitions",
        "2 Results",
        "3 Activities",
        "4 Quality",
        "5 Outcome",
        "6 Improvement cycle",
        "Import",
    ]
    shown = texts(at)
    assert "The compass is still empty. Start at step 1: ambitions. Or import a file." in shown
    assert "**Step 1 · Monitoring and ambitions.**" in shown
    assert "First make activities in step 3." in shown
    assert "First make results or activities." in shown
    assert at.get("download_button")[0].proto.label == "Template (Excel)"
    for dutch in ("Kwaliteitskompas", "nog leeg", "Stap 1", "Maak eerst", "Sjabloon"):
        assert dutch not in shown.replace("/Kwaliteitskompas?", ""), dutch


def test_filled_compass_in_english_while_open(ws):
    fill_compass(ws)
    with writing(ws.engine) as db:
        update_workshop(db, actor=ws.facilitator, compass_open_to_participants=True)
    at = page_as(COMPASS, ws, ws.sam)
    shown = texts(at)
    assert "You can write along. The others see changes at once." in shown
    assert "Eenzaam (GGD): off track" in shown  # the indicator's name stays as written
    assert "Minder eenzaamheid › Minder eenzame inwoners" in shown
    assert [m.label for m in at.metric] == [
        "Indicators on track or reached",
        "Off track",
        "Activities",
        "Total budget",
    ]
    assert "Compass table" in shown
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "Ambition",
        "Result",
        "Indicator",
        "Status",
        "Activity",
        "Partner",
        "Budget",
    ]
    assert "off track" in set(table["Status"])
    assert "**Indicators for the results**" in shown
    for dutch in ("meeschrijven", "niet op koers", "Kompastabel", "Indicatoren bij"):
        assert dutch not in shown, dutch


def test_compass_for_a_dutch_participant_stays_dutch(ws):
    fill_compass(ws)
    at = page_as(COMPASS, ws, ws.anne)
    assert at.title[0].value == "Kwaliteitskompas"
    assert at.tabs[0].label == "Resultaten en inzet"
    shown = texts(at)
    assert "Eenzaam (GGD): niet op koers" in shown
    assert "Kompastabel" in shown
    assert list(at.dataframe[0].value.columns)[:2] == ["Ambitie", "Resultaat"]
    assert "Quality compass" not in shown and "Compass table" not in shown


# --- Verslag --------------------------------------------------------------------------------


def test_report_page_in_english_keeps_the_report_in_dutch(ws):
    at = page_as(REPORT, ws, ws.sam)
    assert at.title[0].value == "Report"
    shown = texts(at)
    assert "The report itself is in Dutch." in shown
    assert "The facilitator shares the report." in shown
    assert "Over deze werksessie" in shown  # the report's content: the facilitator's language
    assert at.toggle(key="report_pictures").label == "Show pictures"
    assert "Downloaden kan zodra" not in shown and "Alles uit de doelenboom" not in shown
    with writing(ws.engine) as db:
        db.get(Workshop, ws.id).downloads_open = True
        live.touch(db, ws.id)
    at = page_as(REPORT, ws, ws.sam)
    shown = texts(at)
    assert "Download" in [h.value for h in at.subheader]
    assert "The file is made when you click." in shown
    [pdf] = [b for b in at.get("download_button") if b.proto.label == "PDF (.pdf)"]
    assert pdf.proto.help == "The report as a PDF file."


def test_report_page_for_a_dutch_participant_stays_dutch(ws):
    at = page_as(REPORT, ws, ws.anne)
    assert at.title[0].value == "Verslag"
    shown = texts(at)
    assert "Downloaden kan zodra" in shown and "Alles uit de doelenboom" in shown
    assert at.toggle(key="report_pictures").label == "Afbeeldingen tonen"
    assert "The report itself is in Dutch." not in shown


# --- screens that take every word from the catalogue -----------------------------------------

TRANSLATED = [
    ("kompas/ui/scan.py", "score_form"),
    ("kompas/ui/scan.py", "statement_text"),
    ("kompas/ui/scan.py", "score_choice"),
    ("kompas/ui/scan.py", "figures_table"),
    ("kompas/ui/scan.py", "group_view"),
    ("kompas/ui/scan.py", "conclusions"),
    ("kompas/ui/compass.py", "intro"),
    ("kompas/ui/compass.py", "show_overview"),
    ("kompas/ui/compass.py", "compass_table_columns"),
    ("kompas/ui/compass.py", "money_compact"),
    ("kompas/ui/compass.py", "compass_table"),
    ("kompas/ui/compass.py", "import_step"),
    ("kompas/ui/compass_steps.py", "ambitions_step"),
    ("kompas/ui/compass_steps.py", "results_step"),
    ("kompas/ui/compass_steps.py", "activities_step"),
    ("kompas/ui/compass_steps.py", "quality_step"),
    ("kompas/ui/compass_steps.py", "outcome_step"),
    ("kompas/ui/compass_steps.py", "reflections_step"),
    ("kompas/ui/compass_steps.py", "goal_tree_link"),
    ("kompas/ui/compass_indicators.py", "indicators_editor"),
    ("kompas/ui/compass_indicators.py", "measurement_form"),
    ("kompas/ui/report.py", "downloads"),
]


@pytest.mark.parametrize(("file", "function"), TRANSLATED)
def test_translated_screens_hold_no_dutch_of_their_own(file, function):
    assert_no_dutch_of_its_own(file, function)
