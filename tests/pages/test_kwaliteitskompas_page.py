"""AppTest for the Kwaliteitskompas page: empty state, the overview of a filled compass,
saving an edited table, a conflicting save, deleting with references, read-only
participants, the goal-tree link and a refused import."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from kompas import compass as c, live
from kompas.db import reading, writing
from kompas.models import GoalNode, Partner
from kompas.workshops import update_workshop
from tests.conftest import ROOT, Workshopper

PAGE = str(ROOT / "pages" / "2_Kwaliteitskompas.py")


def _app(ws, token=None):
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["code"] = ws.code
    if token:
        at.query_params["p"] = token
    else:
        at.query_params["f"] = ws.key
    return at.run()


def _fill(ws):
    f = ws.facilitator
    with writing(ws.engine) as db:
        p = Partner(workshop_id=ws.id, name="Welzijn *Oost*")
        db.add(p)
        db.flush()
        amb = c.add_ambition(db, actor=f, title="Minder eenzaamheid")
        r1 = c.add_result(db, actor=f, ambition_id=amb, title="Minder eenzame inwoners")
        r2 = c.add_result(db, actor=f, ambition_id=amb, title="Meer ontmoeting")
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
            partner_id=p.id,
            budget_cents=1_000_000,
            result_ids=[r1],
        )
    return dict(amb=amb, r1=r1, r2=r2, i1=i1, a1=a1)


def _texts(at):
    return " ".join(str(t.value) for t in at.text)


def _view(ws):
    with reading(ws.engine) as db:
        return c.compass_view(db, ws.id)


def _editor_key(at, prefix):
    keys = [d.key for d in at.dataframe if d.key and d.key.startswith(prefix)]
    assert keys, f"no editor {prefix}"
    return keys[0]


@pytest.fixture
def ws(app_db):
    return Workshopper(app_db)


def test_empty_compass(ws):
    at = _app(ws)
    assert not at.exception
    assert any("nog leeg" in i.value for i in at.info)
    assert at.title[0].value == "Kwaliteitskompas"


def test_overview_shows_status_warnings_and_table(ws):
    _fill(ws)
    at = _app(ws)
    assert not at.exception
    assert "Eenzaam (GGD): niet op koers" in _texts(at)
    warnings = " ".join(w.value for w in at.warning)
    assert "Meer ontmoeting" in warnings and "zonder activiteit" in warnings
    assert "zonder notitie over kwaliteit" in warnings
    table = at.dataframe[0].value  # the compass table comes first (overview tab)
    assert list(table.columns) == [
        "Ambitie",
        "Resultaat",
        "Indicator",
        "Status",
        "Activiteit",
        "Partner",
        "Budget",
    ]
    assert "Welzijn *Oost*" in set(table["Partner"])  # literal, in a dataframe cell
    assert "€ 10.000,00" in set(table["Budget"])
    assert at.metric[3].value == "€ 10.000"


def _edit(at, prefix, state):
    """Simulate an edit of the data_editor (AppTest has no editor driver)."""
    key = _editor_key(at, prefix)
    at.session_state[key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [], **state}
    return key


def test_saving_a_table_edit_changes_status(ws):
    _fill(ws)
    at = _app(ws)
    _edit(
        at,
        "ed_indicators_result",
        {"edited_rows": {0: {"baseline_value": 50.0, "target_value": 46.0}}},
    )
    at.run()
    at.button(key="save_indicators_result").click().run()
    assert not at.exception and not at.error
    ind = _view(ws).indicators[0]
    assert ind.target_value == 46 and ind.status == c.STATUS_REACHED
    assert "Eenzaam (GGD): doel bereikt" in _texts(at)


def test_dutch_money_in_activity_table(ws):
    _fill(ws)
    at = _app(ws)
    _edit(
        at,
        "ed_activities",
        {
            "edited_rows": {0: {"budget": "€ 12.500,50"}},
            "added_rows": [{"title": "Maatjes", "budget": "2.000"}],
        },
    )
    at.run()
    at.button(key="save_activities").click().run()
    assert not at.error
    budgets = {a.title: a.budget_cents for a in _view(ws).activities}
    assert budgets == {"Buurtkamers": 1_250_050, "Maatjes": 200_000}


def test_bad_money_is_refused_and_nothing_changes(ws):
    _fill(ws)
    at = _app(ws)
    _edit(at, "ed_activities", {"edited_rows": {0: {"budget": "heel veel"}}})
    at.run()
    at.button(key="save_activities").click().run()
    assert any("geen bedrag" in e.value for e in at.error)
    assert _view(ws).activities[0].budget_cents == 1_000_000
    assert at.button(key="reload_activities")  # a way out


def test_conflicting_save_is_refused_with_reload(ws):
    ids = _fill(ws)
    at = _app(ws)  # loads rev 1 of the result
    with writing(ws.engine) as db:
        c.update_result(
            db,
            actor=ws.facilitator,
            result_id=ids["r1"],
            rev=None,
            title="Versie van Anne",
            ambition_id=ids["amb"],
        )
    _edit(at, "ed_results", {"edited_rows": {0: {"title": "Versie van Bram"}}})
    at.run()
    at.button(key="save_results").click().run()
    assert any("intussen door iemand anders gewijzigd" in e.value for e in at.error)
    assert _view(ws).results[0].title == "Versie van Anne"
    at.button(key="reload_results").click().run()
    assert not at.exception
    assert _view(ws).results[0].title == "Versie van Anne"


def test_deleting_a_referenced_result_asks_first(ws):
    _fill(ws)
    at = _app(ws)
    key = _edit(at, "ed_results", {"deleted_rows": [0]})
    at.run()
    assert any("Buurtkamers" in w.value and "losgekoppeld" in w.value for w in at.warning)
    at.button(key="save_results").click().run()
    assert any("wordt nog gebruikt" in e.value for e in at.error)
    assert len(_view(ws).results) == 2
    at.session_state[key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [0]}
    confirm = [cb for cb in at.checkbox if cb.label == "Ja, verwijder toch"][0]
    confirm.check().run()
    at.button(key="save_results").click().run()
    view = _view(ws)
    assert [r.title for r in view.results] == ["Meer ontmoeting"]
    assert view.activities[0].result_ids == ()


def test_participant_reads_only_until_opened(ws):
    _fill(ws)
    anne = ws.join("Anne")
    at = _app(ws, ws.tokens[anne.participant_id])
    assert not at.exception
    assert any("meekijken" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "save_results"]
    with writing(ws.engine) as db:
        update_workshop(db, actor=ws.facilitator, compass_open_to_participants=True)
    at.run()
    assert at.button(key="save_results")


def test_facilitator_opens_compass_to_participants(ws):
    at = _app(ws)
    at.toggle(key="compass_open").set_value(True).run()
    with reading(ws.engine) as db:
        from kompas.workshops import workshop_info

        assert workshop_info(db, ws.id).compass_open_to_participants


def test_effect_from_goal_tree_becomes_result(ws):
    ids = _fill(ws)
    with writing(ws.engine) as db:
        db.add(
            GoalNode(workshop_id=ws.id, kind="effect", title="![x](http://x.test/a.png) doet mee")
        )
        live.touch(db, ws.id)
    at = _app(ws)
    pick = at.selectbox(key="node_pick_effect")
    # Option labels are plain text in Streamlit: the title is shown literally, unescaped.
    assert "![x](http://x.test/a.png) doet mee" in pick.options
    pick.select("![x](http://x.test/a.png) doet mee")
    at.selectbox(key="node_ambition").select("Minder eenzaamheid").run()
    at.button(key="node_take_effect").click().run()
    assert not at.exception
    result = [r for r in _view(ws).results if r.title.endswith("doet mee")][0]
    assert result.goal_node_id is not None and result.ambition_id == ids["amb"]


def test_add_measurement_form(ws):
    _fill(ws)
    at = _app(ws)
    at.text_input(key="measure_value_result").input("39,5")
    at.button(key="measure_submit_result").click().run()
    assert not at.error
    ind = _view(ws).indicators[0]
    assert ind.latest.value == 39.5


def test_template_downloads_exist(ws):
    at = _app(ws)
    assert not at.exception
    _names = (
        {el.proto.id for el in at.get("download_button")} if at.get("download_button") else set()
    )
    assert len(at.get("download_button")) >= 2


def test_unsaved_grid_edits_survive_a_page_change(ws):
    """Edits in a step table come back after a visit to another page, with a note, and
    can still be saved; more edits on top of them count too."""
    _fill(ws)
    at = _app(ws)
    _edit(
        at,
        "ed_activities",
        {
            "edited_rows": {0: {"budget": "€ 12.500,50"}},
            "added_rows": [{"title": "Maatjes", "budget": "2.000"}],
        },
    )
    at.run()
    at.switch_page("1_Doelenboom.py").run()
    assert not at.exception
    at.switch_page("2_Kwaliteitskompas.py").run()
    assert not at.exception
    assert "Nog niet opgeslagen: 2 wijzigingen." in [c.value for c in at.caption]
    shown = next(d for d in at.dataframe if d.key and d.key.startswith("ed_activities"))
    assert "Maatjes" in set(shown.value["title"])
    at.session_state[shown.key] = {
        "edited_rows": {},
        "added_rows": [{"title": "Huiskamer", "budget": "500"}],
        "deleted_rows": [],
    }
    at.run()
    assert "Nog niet opgeslagen: 3 wijzigingen." in [c.value for c in at.caption]
    at.button(key="save_activities").click().run()
    assert not at.error
    budgets = {a.title: a.budget_cents for a in _view(ws).activities}
    assert budgets == {"Buurtkamers": 1_250_050, "Maatjes": 200_000, "Huiskamer": 50_000}
    assert not any(c.value.startswith("Nog niet opgeslagen") for c in at.caption)


def test_a_kept_grid_edit_merges_with_others_changes_by_row(ws):
    """Back on the page, rows this person did not touch show what someone else changed
    meanwhile; the row both changed keeps this person's value, is named, and its save is
    refused (nothing of the other's change is lost)."""
    ids = _fill(ws)
    with writing(ws.engine) as db:
        a2 = c.add_activity(db, actor=ws.facilitator, title="Maatjes", budget_cents=100_000)
    at = _app(ws)
    _edit(at, "ed_activities", {"edited_rows": {1: {"budget": "€ 3.000"}}})
    at.run()
    at.switch_page("1_Doelenboom.py").run()
    with writing(ws.engine) as db:  # meanwhile, someone else
        c.update_activity(
            db, actor=ws.facilitator, activity_id=ids["a1"], rev=None, title="Buurtkamers Noord"
        )
        c.update_activity(db, actor=ws.facilitator, activity_id=a2, rev=None, budget_cents=500_000)
    at.switch_page("2_Kwaliteitskompas.py").run()
    assert not at.exception
    shown = next(d for d in at.dataframe if d.key and d.key.startswith("ed_activities"))
    assert list(shown.value["title"]) == ["Buurtkamers Noord", "Maatjes"]
    assert list(shown.value["budget"])[1] == "€ 3.000"
    assert any("iemand anders ook" in w.value and "Maatjes" in w.value for w in at.warning)
    assert "Nog niet opgeslagen: 1 wijziging." in [c.value for c in at.caption]
    at.button(key="save_activities").click().run()
    assert any("intussen door iemand anders gewijzigd" in e.value for e in at.error)
    budgets = {a.title: a.budget_cents for a in _view(ws).activities}
    assert budgets == {"Buurtkamers Noord": 1_000_000, "Maatjes": 500_000}
