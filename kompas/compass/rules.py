"""Kwaliteitskompas rules that need no form: the status of an indicator, the exact split of
a budget over results, the coverage warnings, and what a deletion would take with it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from kompas.formats import count
from kompas.models import (
    Activity,
    ActivityResult,
    Ambition,
    Indicator,
    Measurement,
    Reflection,
    Result,
)

STATUS_REACHED = "doel bereikt"
STATUS_ON_TRACK = "op koers"
STATUS_OFF_TRACK = "niet op koers"
STATUS_NO_DATA = "geen gegevens"
STATUS_STORY = "verhaal"
STATUSES = (STATUS_REACHED, STATUS_ON_TRACK, STATUS_OFF_TRACK, STATUS_NO_DATA, STATUS_STORY)
# the editable tables of the compass page and the rows they hold
TABLE_MODELS = {
    "ambitions": Ambition,
    "results": Result,
    "activities": Activity,
    "indicators": Indicator,
    "reflections": Reflection,
}


def name_list(names: Sequence[str], limit: int = 5) -> str:
    """'a', 'b' en nog 3: the first ``limit`` names for a message."""
    shown = ", ".join(f"'{n}'" for n in names[:limit])
    return shown + (f" en nog {len(names) - limit}" if len(names) > limit else "")


# --- status rules and budget splitting --------------------------------------------------------


@dataclass(frozen=True)
class IndicatorStatus:
    status: str
    progress: Optional[float]  # 0 = baseline, 1 = target (clamped to 0..1); None: unknown
    expected: Optional[float] = None  # where a straight line from baseline to target would be


def indicator_status(
    *,
    latest: Optional[float],
    baseline: Optional[float] = None,
    target: Optional[float] = None,
    higher_is_better: bool = True,
    baseline_year: Optional[int] = None,
    target_year: Optional[int] = None,
    measured_on: Optional[date] = None,
    first: Optional[float] = None,
    kind: str = "tellen",
    has_story: bool = False,
) -> IndicatorStatus:
    """The status of an indicator from its latest measured value.

    - no measured value: "geen gegevens" (a telling indicator with a story: "verhaal");
    - target reached or passed (respecting higher-is-better): "doel bereikt";
    - with baseline and target: progress = share of the way from baseline to target.
      With both years and a measurement date it is "op koers" when at least as far as a
      straight line from the middle of the baseline year to the end of the target year
      would be by then; without years
      when it moved the right way (progress > 0, or still at the start when measured in
      the baseline year);
    - without target: "op koers" when better than the baseline;
    - without baseline: judged by the direction from the first to the latest value
      (needs two measurements; otherwise "geen gegevens").
    """
    if latest is None:
        if kind == "vertellen" and has_story:
            return IndicatorStatus(STATUS_STORY, None)
        return IndicatorStatus(STATUS_NO_DATA, None)
    sign = 1.0 if higher_is_better else -1.0

    def better_or_equal(a: float, b: float) -> bool:
        return sign * (a - b) >= -1e-9

    if target is not None and better_or_equal(latest, target):
        return IndicatorStatus(STATUS_REACHED, 1.0 if baseline is not None else None)
    reference = baseline if baseline is not None else first
    if reference is None:
        return IndicatorStatus(STATUS_NO_DATA, None)
    if target is None or baseline is None or target == baseline:
        if baseline is None and first is not None and first == latest:
            return IndicatorStatus(STATUS_NO_DATA, None)
        ok = sign * (latest - reference) > 1e-9
        return IndicatorStatus(STATUS_ON_TRACK if ok else STATUS_OFF_TRACK, None)
    raw = (latest - baseline) / (target - baseline)
    progress = min(max(raw, 0.0), 1.0)
    expected = None
    if baseline_year and target_year and target_year > baseline_year and measured_on:
        # A baseline "of 2023" is taken as mid-2023; a target "for 2026" as the end of 2026.
        now = measured_on.year + (measured_on.timetuple().tm_yday - 1) / 365.25
        start, end = baseline_year + 0.5, target_year + 1.0
        expected = min(max((now - start) / (end - start), 0.0), 1.0)
        ok = raw >= expected - 1e-9
    else:
        ok = raw > 1e-9
    return IndicatorStatus(STATUS_ON_TRACK if ok else STATUS_OFF_TRACK, progress, expected)


def split_budget(total_cents: int, weights: Sequence[float]) -> list[int]:
    """Split an amount in cents by weights so the parts sum exactly to the total.

    Largest remainder: every part gets its floor, and the remainder cents go one each
    to the largest fractions (ties: the earlier part). Weights that are all zero or
    missing split evenly."""
    n = len(weights)
    if n == 0:
        return []
    ws = [w if (w is not None and w > 0 and not math.isnan(w)) else 0.0 for w in weights]
    if sum(ws) <= 0:
        ws = [1.0] * n
    total_w = sum(ws)
    sign = -1 if total_cents < 0 else 1
    amount = abs(int(total_cents))
    exact = [amount * w / total_w for w in ws]
    parts = [int(math.floor(x)) for x in exact]
    rest = amount - sum(parts)
    order = sorted(range(n), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:rest]:
        parts[i] += 1
    return [sign * p for p in parts]


# --- coverage ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageWarning:
    kind: str  # result_without_activity | activity_without_result | indicator_without_value | activity_without_quality
    message: str
    ids: tuple


def coverage_warnings(results: Sequence, activities: Sequence, indicators: Sequence) -> tuple:
    """Gaps between results and inputs, from the views (ResultView, ActivityView,
    IndicatorView): a result without activity, an activity without result, an indicator
    without a measured value, an activity without a note on quality."""
    warnings = []
    lonely = [rv for rv in results if not rv.activity_ids]
    if lonely:
        warnings.append(
            CoverageWarning(
                "result_without_activity",
                f"{count(len(lonely), 'resultaat', 'resultaten')} zonder activiteit: "
                + name_list([r.title for r in lonely]),
                tuple(r.id for r in lonely),
            )
        )
    idle = [av for av in activities if not av.result_ids]
    if idle:
        warnings.append(
            CoverageWarning(
                "activity_without_result",
                f"{count(len(idle), 'activiteit', 'activiteiten')} zonder resultaat: "
                + name_list([a.title for a in idle]),
                tuple(a.id for a in idle),
            )
        )
    empty = [iv for iv in indicators if iv.latest is None]
    if empty:
        warnings.append(
            CoverageWarning(
                "indicator_without_value",
                f"{count(len(empty), 'indicator', 'indicatoren')} zonder gemeten waarde: "
                + name_list([i.name for i in empty]),
                tuple(i.id for i in empty),
            )
        )
    unsure = [av for av in activities if not av.has_quality_note]
    if unsure:
        warnings.append(
            CoverageWarning(
                "activity_without_quality",
                f"{count(len(unsure), 'activiteit', 'activiteiten')} zonder notitie over kwaliteit: "
                + name_list([a.title for a in unsure]),
                tuple(a.id for a in unsure),
            )
        )
    return tuple(warnings)


# --- what a deletion takes with it ---------------------------------------------------------------


def result_references(db: Session, result_id: int) -> list[str]:
    """What still refers to this result, as Dutch phrases (empty: free to delete)."""
    refs = []
    acts = (
        db.execute(
            select(Activity.title)
            .join(ActivityResult, ActivityResult.activity_id == Activity.id)
            .where(ActivityResult.result_id == result_id)
        )
        .scalars()
        .all()
    )
    if acts:
        refs.append(
            f"{count(len(acts), 'gekoppelde activiteit', 'gekoppelde activiteiten')} ({name_list(acts)}) {'wordt' if len(acts) == 1 else 'worden'} losgekoppeld"
        )
    inds = (
        db.execute(select(Indicator.name).where(Indicator.result_id == result_id)).scalars().all()
    )
    if inds:
        refs.append(
            f"{count(len(inds), 'indicator', 'indicatoren')} ({name_list(inds)}) {'wordt' if len(inds) == 1 else 'worden'} met hun metingen verwijderd"
        )
    refl = (
        db.execute(select(Reflection.id).where(Reflection.result_id == result_id)).scalars().all()
    )
    if refl:
        refs.append(
            f"{count(len(refl), 'verbeterpunt', 'verbeterpunten')} {'wordt' if len(refl) == 1 else 'worden'} verwijderd"
        )
    return refs


def activity_references(db: Session, activity_id: int) -> list[str]:
    refs = []
    results = (
        db.execute(
            select(Result.title)
            .join(ActivityResult, ActivityResult.result_id == Result.id)
            .where(ActivityResult.activity_id == activity_id)
        )
        .scalars()
        .all()
    )
    if results:
        refs.append(
            f"de koppeling met {count(len(results), 'resultaat', 'resultaten')} ({name_list(results)}) vervalt"
        )
    inds = (
        db.execute(select(Indicator.name).where(Indicator.activity_id == activity_id))
        .scalars()
        .all()
    )
    if inds:
        refs.append(
            f"{count(len(inds), 'outcome-indicator', 'outcome-indicatoren')} ({name_list(inds)}) {'wordt' if len(inds) == 1 else 'worden'} met hun metingen verwijderd"
        )
    refl = (
        db.execute(select(Reflection.id).where(Reflection.activity_id == activity_id))
        .scalars()
        .all()
    )
    if refl:
        refs.append(
            f"{count(len(refl), 'verbeterpunt', 'verbeterpunten')} {'wordt' if len(refl) == 1 else 'worden'} verwijderd"
        )
    return refs


def deletion_references(db: Session, workshop_id: int, table: str, ids: Sequence[int]) -> tuple:
    """Dutch lines saying what deleting these rows would do to what refers to them."""
    lines = []
    for obj_id in ids:
        obj = db.get(TABLE_MODELS[table], obj_id)
        if obj is None or obj.workshop_id != workshop_id:
            continue
        if table == "results":
            refs, name = result_references(db, obj_id), f"Resultaat '{obj.title}'"
        elif table == "activities":
            refs, name = activity_references(db, obj_id), f"Activiteit '{obj.title}'"
        elif table == "ambitions":
            n = len(db.execute(select(Result.id).where(Result.ambition_id == obj_id)).all())
            refs = (
                [f"{count(n, 'resultaat', 'resultaten')} blijven bestaan zonder ambitie"]
                if n
                else []
            )
            name = f"Ambitie '{obj.title}'"
        elif table == "indicators":
            n = len(
                db.execute(select(Measurement.id).where(Measurement.indicator_id == obj_id)).all()
            )
            refs = [f"{count(n, 'meting', 'metingen')} worden verwijderd"] if n else []
            name = f"Indicator '{obj.name}'"
        else:
            refs, name = [], ""
        if refs:
            lines.append(f"{name}: " + "; ".join(refs) + ".")
    return tuple(lines)


def change_between(before: float, now: float, higher_is_better: bool) -> str:
    """ "beter", "slechter" or "gelijk": how an indicator moved from ``before`` to ``now``,
    read the way the indicator counts (higher or lower is better). The report's trend and
    the follow-up session's "since last time" both use this one rule."""
    delta = now - before
    if abs(delta) < 1e-9:
        return "gelijk"
    return "beter" if (delta > 0) == higher_is_better else "slechter"
