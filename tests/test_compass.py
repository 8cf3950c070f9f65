"""Kwaliteitskompas domain: status rules, budget splitting, coverage, permissions,
conflicts, deleting with references, the goal-tree link."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st
from sqlalchemy import select

from kompas import compass as c, live
from kompas.db import reading, writing
from kompas.errors import Conflict, InvalidInput, NotAllowed, NotFound
from kompas.models import Activity, GoalNode, Indicator, Measurement, Partner, Result
from kompas.workshops import set_lock, set_phase, update_workshop

pytestmark = pytest.mark.postgres

# --- indicator status ------------------------------------------------------------------------

S = c.indicator_status
STATUS_CASES = [
    # id, kwargs, expected status, expected progress
    ("no value", dict(latest=None, baseline=10, target=20), c.STATUS_NO_DATA, None),
    ("story only", dict(latest=None, kind="vertellen", has_story=True), c.STATUS_STORY, None),
    ("higher better, halfway", dict(latest=15, baseline=10, target=20), c.STATUS_ON_TRACK, 0.5),
    ("higher better, worse", dict(latest=8, baseline=10, target=20), c.STATUS_OFF_TRACK, 0.0),
    ("higher better, unchanged", dict(latest=10, baseline=10, target=20), c.STATUS_OFF_TRACK, 0.0),
    ("higher better, reached", dict(latest=20, baseline=10, target=20), c.STATUS_REACHED, 1.0),
    ("higher better, overshoot", dict(latest=35, baseline=10, target=20), c.STATUS_REACHED, 1.0),
    (
        "lower better, halfway",
        dict(latest=25, baseline=30, target=20, higher_is_better=False),
        c.STATUS_ON_TRACK,
        0.5,
    ),
    (
        "lower better, worse",
        dict(latest=33, baseline=30, target=20, higher_is_better=False),
        c.STATUS_OFF_TRACK,
        0.0,
    ),
    (
        "lower better, reached",
        dict(latest=20, baseline=30, target=20, higher_is_better=False),
        c.STATUS_REACHED,
        1.0,
    ),
    (
        "lower better, overshoot",
        dict(latest=12, baseline=30, target=20, higher_is_better=False),
        c.STATUS_REACHED,
        1.0,
    ),
    (
        "lower better, higher value is not reached",
        dict(latest=40, baseline=30, target=20, higher_is_better=False),
        c.STATUS_OFF_TRACK,
        0.0,
    ),
    ("no target, better than baseline", dict(latest=12, baseline=10), c.STATUS_ON_TRACK, None),
    ("no target, worse than baseline", dict(latest=9, baseline=10), c.STATUS_OFF_TRACK, None),
    (
        "no target, lower better, lower",
        dict(latest=9, baseline=10, higher_is_better=False),
        c.STATUS_ON_TRACK,
        None,
    ),
    ("no baseline, one value", dict(latest=12, target=20), c.STATUS_NO_DATA, None),
    ("no baseline, target reached", dict(latest=21, target=20), c.STATUS_REACHED, None),
    (
        "no baseline, improving from first",
        dict(latest=14, first=12, target=20),
        c.STATUS_ON_TRACK,
        None,
    ),
    (
        "no baseline, worsening from first",
        dict(latest=11, first=12, target=20),
        c.STATUS_OFF_TRACK,
        None,
    ),
    ("no baseline, no target", dict(latest=11), c.STATUS_NO_DATA, None),
    (
        "on the line by time",
        dict(
            latest=15,
            baseline=10,
            target=20,
            baseline_year=2024,
            target_year=2026,
            measured_on=date(2025, 1, 1),
        ),
        c.STATUS_ON_TRACK,
        0.5,
    ),
    (
        "behind the line by time",
        dict(
            latest=12,
            baseline=10,
            target=20,
            baseline_year=2024,
            target_year=2026,
            measured_on=date(2025, 12, 31),
        ),
        c.STATUS_OFF_TRACK,
        0.2,
    ),
    (
        "measured in baseline year, unchanged",
        dict(
            latest=10,
            baseline=10,
            target=20,
            baseline_year=2024,
            target_year=2027,
            measured_on=date(2024, 1, 1),
        ),
        c.STATUS_ON_TRACK,
        0.0,
    ),
]


@pytest.mark.parametrize(
    "kwargs,status,progress",
    [case[1:] for case in STATUS_CASES],
    ids=[case[0] for case in STATUS_CASES],
)
def test_indicator_status(kwargs, status, progress):
    result = S(**kwargs)
    assert result.status == status
    if progress is None:
        assert result.progress is None
    else:
        assert result.progress == pytest.approx(progress)


@given(baseline=st.floats(-1e6, 1e6), target=st.floats(-1e6, 1e6), latest=st.floats(-1e7, 1e7))
def test_progress_stays_between_zero_and_one(baseline, target, latest):
    higher = target >= baseline
    result = S(latest=latest, baseline=baseline, target=target, higher_is_better=higher)
    assert result.status in c.STATUSES
    if result.progress is not None:
        assert 0.0 <= result.progress <= 1.0


# --- budget splitting ---------------------------------------------------------------------------

SPLIT_CASES = [
    (100, [1, 1, 1], [34, 33, 33]),
    (1000001, [1, 1], [500001, 500000]),
    (10, [1, 3], [3, 7]),  # 2.5 / 7.5: tie goes to the earlier part
    (5, [0, 0], [3, 2]),  # all zero weights: even
    (0, [1, 2], [0, 0]),
    (7, [1], [7]),
    (2, [1, 1, 1], [1, 1, 0]),
]


@pytest.mark.parametrize("total,weights,expected", SPLIT_CASES)
def test_split_budget(total, weights, expected):
    assert c.split_budget(total, weights) == expected


@given(total=st.integers(0, 10**12), weights=st.lists(st.floats(0, 100), min_size=1, max_size=12))
def test_split_budget_sums_exactly(total, weights):
    parts = c.split_budget(total, weights)
    assert sum(parts) == total
    assert len(parts) == len(weights)
    assert all(p >= 0 for p in parts)


# --- building a compass ------------------------------------------------------------------------


def _partner(engine, ws, name):
    with writing(engine) as db:
        p = Partner(workshop_id=ws.id, name=name)
        db.add(p)
        db.flush()
        return p.id


def _build(engine, ws):
    """Ambition with two results; one activity serves both, one none."""
    f = ws.facilitator
    welzijn = _partner(engine, ws, "Welzijn Oost")
    with writing(engine) as db:
        amb = c.add_ambition(db, actor=f, title="Minder eenzaamheid", current_state="44% eenzaam")
        r1 = c.add_result(db, actor=f, ambition_id=amb, title="Over 3 jaar minder eenzame inwoners")
        r2 = c.add_result(db, actor=f, ambition_id=amb, title="Meer ontmoetingsplekken")
        i1 = c.add_indicator(
            db,
            actor=f,
            result_id=r1,
            name="Eenzaamheid (GGD)",
            unit="%",
            baseline_value=44,
            baseline_year=2022,
            target_value=38,
            target_year=2026,
            higher_is_better=False,
            source="GGD-monitor",
        )
        c.add_measurement(db, actor=f, indicator_id=i1, value=39, measured_on=date(2024, 9, 1))
        a1 = c.add_activity(
            db,
            actor=f,
            title="Buurtkamers",
            partner_id=welzijn,
            budget_cents=10_001,
            result_ids=[r1, r2],
            quality_method="Methode X",
        )
        a2 = c.add_activity(db, actor=f, title="Losse cursus", budget_cents=5_000)
    return dict(amb=amb, r1=r1, r2=r2, i1=i1, a1=a1, a2=a2, partner=welzijn)


def _view(engine, ws):
    with reading(engine) as db:
        return c.compass_view(db, ws.id)


def test_compass_view_budget_and_coverage(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    view = _view(engine, ws)
    per_result = {rid: cents for rid, _, cents in view.budget_per_result}
    assert per_result[ids["r1"]] + per_result[ids["r2"]] == 10_001
    assert sorted([per_result[ids["r1"]], per_result[ids["r2"]]]) == [5000, 5001]
    assert per_result[None] == 5_000  # the activity without a result
    assert sum(per_result.values()) == view.total_budget_cents == 15_001
    assert dict(view.budget_per_partner) == {"Welzijn Oost": 10_001, c.NO_PARTNER: 5_000}
    kinds = {w.kind: w for w in view.warnings}
    assert set(kinds) == {"activity_without_result", "activity_without_quality"}
    assert kinds["activity_without_result"].ids == (ids["a2"],)
    ind = view.results[0].indicators[0]
    assert ind.status == c.STATUS_ON_TRACK and ind.latest.value == 39
    assert view.activities[0].partner_name == "Welzijn Oost"
    assert any(r.activity == "Buurtkamers" and r.partner == "Welzijn Oost" for r in view.rows)
    assert sum(r.budget_cents or 0 for r in view.rows) == 15_001


def test_large_budgets_are_kept_and_absurd_ones_refused(engine, make_workshop):
    """Cents above 2**31 (€ 21 million) fit (BIGINT on PostgreSQL); over a billion euro not."""
    ws = make_workshop()
    with writing(engine) as db:
        c.add_activity(db, actor=ws.facilitator, title="Wmo-inkoop", budget_cents=7_500_000_000)
    assert _view(engine, ws).total_budget_cents == 7_500_000_000
    with pytest.raises(InvalidInput, match="miljard"), writing(engine) as db:
        c.add_activity(db, actor=ws.facilitator, title="Te veel", budget_cents=100_000_000_001)


def test_weights_split_budget(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    with writing(engine) as db:
        act = db.get(Activity, ids["a1"])
        c.update_activity(
            db,
            actor=ws.facilitator,
            activity_id=ids["a1"],
            rev=act.rev,
            result_ids={ids["r1"]: 3, ids["r2"]: 1},
        )
    per_result = {rid: cents for rid, _, cents in _view(engine, ws).budget_per_result}
    assert per_result[ids["r1"]] == 7501 and per_result[ids["r2"]] == 2500


COVERAGE_CASES = [
    ("result_without_activity", lambda db, f, ids: c.add_result(db, actor=f, title="Alleen")),
    (
        "indicator_without_value",
        lambda db, f, ids: c.add_indicator(db, actor=f, result_id=ids["r2"], name="Aantal plekken"),
    ),
    (
        "indicator_without_value",
        lambda db, f, ids: c.add_indicator(db, actor=f, activity_id=ids["a1"], name="Bezoekers"),
    ),
]


@pytest.mark.parametrize("kind,make", COVERAGE_CASES)
def test_coverage_warnings(engine, make_workshop, kind, make):
    ws = make_workshop()
    ids = _build(engine, ws)
    with writing(engine) as db:
        new_id = make(db, ws.facilitator, ids)
    warning = next(w for w in _view(engine, ws).warnings if w.kind == kind)
    assert new_id in warning.ids


def test_empty_workshop_view(engine, make_workshop):
    view = _view(engine, make_workshop())
    assert view.empty and view.warnings == () and view.total_budget_cents == 0


# --- permissions ------------------------------------------------------------------------------


def test_participant_needs_open_compass(engine, make_workshop):
    ws = make_workshop()
    anne = ws.join("Anne")
    with pytest.raises(NotAllowed), writing(engine) as db:
        c.add_ambition(db, actor=anne, title="Iets")
    with writing(engine) as db:
        update_workshop(db, actor=ws.facilitator, compass_open_to_participants=True)
    with writing(engine) as db:
        assert c.add_ambition(db, actor=anne, title="Iets")
    with writing(engine) as db:
        set_phase(db, actor=ws.facilitator, tool="compass", phase="bespreken")
    with pytest.raises(NotAllowed), writing(engine) as db:
        c.add_ambition(db, actor=anne, title="Nog iets")
    with writing(engine) as db:
        set_phase(db, actor=ws.facilitator, tool="compass", phase="invullen")
        set_lock(db, actor=ws.facilitator, tool="compass", locked=True)
    with pytest.raises(NotAllowed), writing(engine) as db:
        c.add_ambition(db, actor=anne, title="Nog iets")
    with writing(engine) as db:  # the facilitator always may
        c.add_ambition(db, actor=ws.facilitator, title="Nog iets")


def test_other_workshop_objects_are_not_found(engine, make_workshop):
    ws, other = make_workshop(), make_workshop(title="Andere")
    ids = _build(engine, ws)
    with pytest.raises(NotFound), writing(engine) as db:
        c.add_indicator(db, actor=other.facilitator, result_id=ids["r1"], name="x")
    foreign_partner = _partner(engine, other, "Vreemd")
    with pytest.raises(NotFound), writing(engine) as db:
        c.add_activity(db, actor=ws.facilitator, title="x", partner_id=foreign_partner)


def test_writes_bump_the_version(engine, make_workshop):
    ws = make_workshop()
    before = live.current_version(engine, ws.id)
    with writing(engine) as db:
        c.add_ambition(db, actor=ws.facilitator, title="Iets")
    assert live.current_version(engine, ws.id) > before


# --- validation -----------------------------------------------------------------------------------

INDICATOR_BAD = [
    ("empty name", dict(name=" "), "mag niet leeg"),
    ("baseline not a number", dict(name="x", baseline_value="veel"), "geen getal"),
    ("year not a year", dict(name="x", baseline_year="2024,5"), "jaartal"),
    (
        "target year before baseline",
        dict(name="x", baseline_year=2025, target_year=2020),
        "streefjaar",
    ),
    (
        "target against direction",
        dict(name="x", baseline_value=10, target_value=5),
        "hoger is beter",
    ),
    ("unknown kind", dict(name="x", kind="schatten"), "tellen"),
    ("bad boolean", dict(name="x", higher_is_better="misschien"), "ja of nee"),
]


@pytest.mark.parametrize(
    "fields,message", [case[1:] for case in INDICATOR_BAD], ids=[case[0] for case in INDICATOR_BAD]
)
def test_indicator_validation(engine, make_workshop, fields, message):
    ws = make_workshop()
    ids = _build(engine, ws)
    with pytest.raises(InvalidInput, match=message), writing(engine) as db:
        c.add_indicator(db, actor=ws.facilitator, result_id=ids["r1"], **fields)


def test_dutch_numbers_and_money_in_table_save(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    with writing(engine) as db:
        ind = db.get(Indicator, ids["i1"])
        changes = c.TableChanges(
            updated=(
                {
                    "id": ids["i1"],
                    "rev": ind.rev,
                    "name": "Eenzaamheid",
                    "baseline_value": "44,5",
                    "target_value": "38",
                    "higher_is_better": False,
                },
            ),
        )
        c.save_table(db, actor=ws.facilitator, table="indicators", changes=changes)
        act = db.get(Activity, ids["a2"])
        c.save_table(
            db,
            actor=ws.facilitator,
            table="activities",
            changes=c.TableChanges(
                updated=(
                    {
                        "id": ids["a2"],
                        "rev": act.rev,
                        "title": "Cursus",
                        "budget": "€ 12.500,50",
                        "partner_id": None,
                    },
                )
            ),
        )
    with reading(engine) as db:
        assert db.get(Indicator, ids["i1"]).baseline_value == 44.5
        assert db.get(Activity, ids["a2"]).budget_cents == 1_250_050


def test_quality_row_changes_only_the_quality_fields(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    before = next(a for a in _view(engine, ws).activities if a.id == ids["a1"])
    with writing(engine) as db:
        c.save_table(
            db,
            actor=ws.facilitator,
            table="activities",
            changes=c.TableChanges(
                updated=(
                    {
                        "id": ids["a1"],
                        "rev": before.rev,
                        "_label": None,
                        "quality_method": "Methode Y",
                        "quality_training": float("nan"),
                        "quality_conditions": "Vaste ruimte",
                        "proven_effective": "deels",
                    },
                )
            ),
        )
    after = next(a for a in _view(engine, ws).activities if a.id == ids["a1"])
    assert (
        after.quality_method,
        after.quality_training,
        after.quality_conditions,
        after.proven_effective,
    ) == ("Methode Y", "", "Vaste ruimte", "deels")
    assert (after.title, after.budget_cents, after.partner_id, after.result_ids, after.weights) == (
        before.title,
        before.budget_cents,
        before.partner_id,
        before.result_ids,
        before.weights,
    )
    assert after.rev == before.rev + 1


def test_table_row_errors_name_the_row(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    with reading(engine) as db:
        rev = db.get(Indicator, ids["i1"]).rev
    with (
        pytest.raises(InvalidInput, match="^Rij 'Eenzaamheid': Streefjaar moet een jaartal zijn"),
        writing(engine) as db,
    ):
        c.save_table(
            db,
            actor=ws.facilitator,
            table="indicators",
            changes=c.TableChanges(
                updated=(
                    {
                        "id": ids["i1"],
                        "rev": rev,
                        "_label": "Eenzaamheid",
                        "name": "Eenzaamheid",
                        "target_year": "volgend jaar",
                    },
                )
            ),
        )
    with (
        pytest.raises(InvalidInput, match="^Nieuwe rij 1: Kies een bestaande waarde uit de lijst."),
        writing(engine) as db,
    ):
        c.save_table(
            db,
            actor=ws.facilitator,
            table="results",
            changes=c.TableChanges(
                added=({"id": None, "title": "Nieuw", "ambition_id": "Minder eenzaamheid"},)
            ),
        )


def test_bad_table_row_changes_nothing(engine, make_workshop):
    ws = make_workshop()
    _build(engine, ws)
    with pytest.raises(InvalidInput, match="geen bedrag"), writing(engine) as db:
        c.save_table(
            db,
            actor=ws.facilitator,
            table="activities",
            changes=c.TableChanges(
                added=({"title": "Goed"}, {"title": "Fout", "budget": "twaalf euro"})
            ),
        )
    assert [a.title for a in _view(engine, ws).activities] == ["Buurtkamers", "Losse cursus"]


def test_measurement_needs_value_for_counting_indicator(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    with pytest.raises(InvalidInput, match="gemeten waarde"), writing(engine) as db:
        c.add_measurement(db, actor=ws.facilitator, indicator_id=ids["i1"], measured_on="1-2-2025")
    with pytest.raises(InvalidInput, match="geen datum"), writing(engine) as db:
        c.add_measurement(
            db, actor=ws.facilitator, indicator_id=ids["i1"], value="40", measured_on="morgen"
        )


def test_telling_indicator_with_story(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    with writing(engine) as db:
        i = c.add_indicator(
            db, actor=ws.facilitator, activity_id=ids["a1"], name="Verhalen", kind="vertellen"
        )
        c.add_measurement(
            db,
            actor=ws.facilitator,
            indicator_id=i,
            story="Mevrouw K. komt nu wekelijks.",
            measured_on="15-03-2025",
        )
    ind = next(i for i in _view(engine, ws).indicators if i.name == "Verhalen")
    assert ind.status == c.STATUS_STORY and ind.latest.story.startswith("Mevrouw")


# --- conflicts -------------------------------------------------------------------------------------


def test_stale_rev_is_a_conflict_and_changes_nothing(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    seen = _view(engine, ws).results[0].rev
    with writing(engine) as db:
        c.update_result(
            db,
            actor=ws.facilitator,
            result_id=ids["r1"],
            rev=seen,
            title="Versie A",
            ambition_id=ids["amb"],
        )
    with (
        pytest.raises(Conflict, match="intussen door iemand anders gewijzigd"),
        writing(engine) as db,
    ):
        c.save_table(
            db,
            actor=ws.facilitator,
            table="results",
            changes=c.TableChanges(
                updated=(
                    {"id": ids["r1"], "rev": seen, "title": "Versie B", "ambition_id": ids["amb"]},
                )
            ),
        )
    assert _view(engine, ws).results[0].title == "Versie A"


# --- deleting with references ----------------------------------------------------------------------


def test_delete_result_with_references_needs_confirmation(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    with pytest.raises(Conflict) as exc, writing(engine) as db:
        c.delete_result(db, actor=ws.facilitator, result_id=ids["r1"])
    assert "Buurtkamers" in str(exc.value) and "Eenzaamheid (GGD)" in str(exc.value)
    with writing(engine) as db:
        c.delete_result(db, actor=ws.facilitator, result_id=ids["r1"], confirm=True)
    view = _view(engine, ws)
    assert [r.id for r in view.results] == [ids["r2"]]
    assert view.activities[0].result_ids == (ids["r2"],)  # the activity stays, unlinked
    with reading(engine) as db:
        assert db.get(Indicator, ids["i1"]) is None
        assert db.execute(select(Measurement)).first() is None


def test_delete_activity_and_ambition_with_references(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    with pytest.raises(Conflict, match="koppeling"), writing(engine) as db:
        c.delete_activity(db, actor=ws.facilitator, activity_id=ids["a1"])
    with writing(engine) as db:
        c.delete_activity(db, actor=ws.facilitator, activity_id=ids["a2"])  # no references
    with pytest.raises(Conflict, match="zonder ambitie"), writing(engine) as db:
        c.delete_ambition(db, actor=ws.facilitator, ambition_id=ids["amb"])
    with writing(engine) as db:
        c.delete_ambition(db, actor=ws.facilitator, ambition_id=ids["amb"], confirm=True)
    view = _view(engine, ws)
    assert [a.title for a in view.ambitions] == [c.NO_AMBITION]
    assert len(view.results) == 2


# --- goal tree link -----------------------------------------------------------------------------------


def test_result_and_activity_from_goal_nodes_keep_titles_in_sync(engine, make_workshop):
    ws = make_workshop()
    partner = _partner(engine, ws, "Jongerenwerk")
    with writing(engine) as db:
        effect = GoalNode(workshop_id=ws.id, kind="effect", title="Jongeren doen mee")
        db.add(effect)
        db.flush()
        node = GoalNode(
            workshop_id=ws.id,
            kind="activity",
            title="Straatwerk",
            parent_id=effect.id,
            partner_id=partner,
        )
        db.add(node)
        db.flush()
        effect_id, node_id = effect.id, node.id
    with reading(engine) as db:
        assert {n[0] for n in c.goal_nodes_for_compass(db, ws.id)} == {effect_id, node_id}
    with writing(engine) as db:
        rid = c.result_from_node(db, actor=ws.facilitator, node_id=effect_id)
        aid = c.activity_from_node(db, actor=ws.facilitator, node_id=node_id)
    with pytest.raises(Conflict), writing(engine) as db:
        c.result_from_node(db, actor=ws.facilitator, node_id=effect_id)
    with pytest.raises(InvalidInput), writing(engine) as db:
        c.result_from_node(db, actor=ws.facilitator, node_id=node_id)
    view = _view(engine, ws)
    assert view.activities[0].partner_name == "Jongerenwerk"
    assert view.activities[0].result_ids == (rid,)
    with writing(engine) as db:
        c.update_result(
            db, actor=ws.facilitator, result_id=rid, rev=None, title="Meer jongeren doen mee"
        )
        c.update_activity(
            db, actor=ws.facilitator, activity_id=aid, rev=None, title="Straatwerk plus"
        )
    with reading(engine) as db:
        assert db.get(GoalNode, effect_id).title == "Meer jongeren doen mee"
        assert db.get(GoalNode, node_id).title == "Straatwerk plus"
        assert db.get(Result, rid).goal_node_id == effect_id
        assert c.goal_nodes_for_compass(db, ws.id) == ()


def test_reflections(engine, make_workshop):
    ws = make_workshop()
    ids = _build(engine, ws)
    with pytest.raises(InvalidInput), writing(engine) as db:
        c.add_reflection(db, actor=ws.facilitator, result_id=ids["r1"])
    with writing(engine) as db:
        c.add_reflection(
            db,
            actor=ws.facilitator,
            activity_id=ids["a1"],
            going_well="Veel bezoek",
            next_step="Ook op zaterdag open",
            owner="Welzijn Oost",
            due_date="1-6-2025",
        )
    refl = _view(engine, ws).reflections[0]
    assert refl.subject == "Activiteit: Buurtkamers" and refl.due_date == date(2025, 6, 1)
