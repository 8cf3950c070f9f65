"""The Kwaliteitskompas read model: ``compass_view`` gives everything the compass page,
its charts and the report show (ambition → result → indicator → activity → partner →
budget) as frozen plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from kompas import links, workshops
from kompas.compass.rules import STATUSES, coverage_warnings, indicator_status, split_budget
from kompas.models import (
    Activity,
    ActivityResult,
    Ambition,
    GoalNode,
    Indicator,
    Measurement,
    Partner,
    Reflection,
    Result,
)

NO_PARTNER = "Geen partner"
NOT_LINKED = "Niet gekoppeld aan een resultaat"
NO_AMBITION = "Zonder ambitie"


@dataclass(frozen=True)
class MeasurementView:
    id: int
    measured_on: date
    value: Optional[float]
    story: str
    source: str


@dataclass(frozen=True)
class IndicatorView:
    id: int
    rev: int
    name: str
    kind: str
    unit: str
    baseline_value: Optional[float]
    baseline_year: Optional[int]
    target_value: Optional[float]
    target_year: Optional[int]
    higher_is_better: bool
    source: str
    result_id: Optional[int]
    activity_id: Optional[int]
    measurements: tuple  # of MeasurementView, oldest first
    latest: Optional[MeasurementView]
    status: str
    progress: Optional[float]
    expected: Optional[float]
    owner_title: str  # title of the result or activity it belongs to


@dataclass(frozen=True)
class ResultView:
    id: int
    rev: int
    ambition_id: Optional[int]
    ambition_title: str
    title: str
    description: str
    goal_node_id: Optional[int]
    indicators: tuple  # of IndicatorView
    activity_ids: tuple
    budget_cents: int  # this result's share of the budget of its activities


@dataclass(frozen=True)
class AmbitionView:
    id: Optional[int]  # None: the results without an ambition
    rev: int
    title: str
    current_state: str
    monitoring: str
    results: tuple  # of ResultView


@dataclass(frozen=True)
class ActivityView:
    id: int
    rev: int
    title: str
    description: str
    partner_id: Optional[int]
    partner_name: str
    budget_cents: Optional[int]
    result_ids: tuple
    result_titles: tuple
    weights: tuple  # per result_id, same order
    quality_method: str
    quality_training: str
    quality_conditions: str
    proven_effective: str
    goal_node_id: Optional[int]
    indicators: tuple  # outcome indicators

    @property
    def has_quality_note(self) -> bool:
        return bool(self.quality_method or self.quality_training or self.quality_conditions)


@dataclass(frozen=True)
class ReflectionView:
    id: int
    rev: int
    result_id: Optional[int]
    activity_id: Optional[int]
    subject: str  # "Resultaat: …" or "Activiteit: …"
    going_well: str
    could_be_better: str
    next_step: str
    owner: str
    due_date: Optional[date]


@dataclass(frozen=True)
class CompassRow:
    """One line of the compact compass table (ambition → result → indicator → activity
    → partner → budget); ``budget_cents`` is the activity's share for this result."""

    ambition: str
    result: str
    indicator: str
    status: str
    activity: str
    partner: str
    budget_cents: Optional[int]


@dataclass(frozen=True)
class CompassView:
    workshop_id: int
    ambitions: tuple  # of AmbitionView (a last one with id None holds results without ambition)
    results: tuple  # of ResultView, in display order
    activities: tuple  # of ActivityView
    indicators: tuple  # all, result and outcome
    reflections: tuple
    partners: tuple  # of (id, name) for choosing an owner
    budget_per_result: tuple  # of (result_id or None, title, cents); None = not linked
    budget_per_partner: tuple  # of (partner name, cents), largest first
    total_budget_cents: int
    warnings: tuple  # of CoverageWarning
    rows: tuple  # of CompassRow
    status_counts: dict = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.results or self.activities or any(a.id for a in self.ambitions))


def _indicator_view(ind: Indicator, ms: list[Measurement], owner_title: str) -> IndicatorView:
    mviews = tuple(
        MeasurementView(m.id, m.measured_on, m.value, m.story, m.source)
        for m in sorted(ms, key=lambda m: (m.measured_on, m.id))
    )
    valued = [m for m in mviews if m.value is not None]
    latest_any = mviews[-1] if mviews else None
    latest_val = valued[-1] if valued else None
    st = indicator_status(
        latest=latest_val.value if latest_val else None,
        baseline=ind.baseline_value,
        target=ind.target_value,
        higher_is_better=ind.higher_is_better,
        baseline_year=ind.baseline_year,
        target_year=ind.target_year,
        measured_on=latest_val.measured_on if latest_val else None,
        first=valued[0].value if len(valued) > 1 else None,
        kind=ind.kind,
        has_story=any(m.story for m in mviews),
    )
    return IndicatorView(
        ind.id,
        ind.rev,
        ind.name,
        ind.kind,
        ind.unit,
        ind.baseline_value,
        ind.baseline_year,
        ind.target_value,
        ind.target_year,
        ind.higher_is_better,
        ind.source,
        ind.result_id,
        ind.activity_id,
        mviews,
        latest_val or latest_any,
        st.status,
        st.progress,
        st.expected,
        owner_title,
    )


def compass_view(db: Session, workshop_id: int) -> CompassView:
    """Everything the compass pages, charts and exports show, as plain data."""
    workshops.get_workshop(db, workshop_id)
    ambitions = (
        db.execute(
            select(Ambition)
            .where(Ambition.workshop_id == workshop_id)
            .order_by(Ambition.position, Ambition.id)
        )
        .scalars()
        .all()
    )
    results = (
        db.execute(
            select(Result)
            .where(Result.workshop_id == workshop_id)
            .order_by(Result.position, Result.id)
        )
        .scalars()
        .all()
    )
    activities = (
        db.execute(
            select(Activity)
            .where(Activity.workshop_id == workshop_id)
            .order_by(Activity.position, Activity.id)
        )
        .scalars()
        .all()
    )
    indicators = (
        db.execute(
            select(Indicator)
            .where(Indicator.workshop_id == workshop_id)
            .order_by(Indicator.position, Indicator.id)
        )
        .scalars()
        .all()
    )
    partners = db.execute(
        select(Partner.id, Partner.name)
        .where(Partner.workshop_id == workshop_id)
        .order_by(Partner.position, Partner.name, Partner.id)
    ).all()
    act_ids = [a.id for a in activities]
    links = (
        db.execute(select(ActivityResult).where(ActivityResult.activity_id.in_(act_ids)))
        .scalars()
        .all()
        if act_ids
        else []
    )
    ind_ids = [i.id for i in indicators]
    measurements = (
        db.execute(select(Measurement).where(Measurement.indicator_id.in_(ind_ids))).scalars().all()
        if ind_ids
        else []
    )
    reflections = (
        db.execute(
            select(Reflection).where(Reflection.workshop_id == workshop_id).order_by(Reflection.id)
        )
        .scalars()
        .all()
    )

    partner_names = {p.id: p.name for p in partners}
    result_by_id = {r.id: r for r in results}
    activity_by_id = {a.id: a for a in activities}
    amb_titles = {a.id: a.title for a in ambitions}
    ms_by_ind: dict[int, list] = {}
    for m in measurements:
        ms_by_ind.setdefault(m.indicator_id, []).append(m)
    links_by_act: dict[int, list] = {}
    acts_by_result: dict[int, list] = {}
    result_order = {r.id: n for n, r in enumerate(results)}
    for link in sorted(links, key=lambda l: (l.activity_id, result_order.get(l.result_id, 0))):
        links_by_act.setdefault(link.activity_id, []).append(link)
        acts_by_result.setdefault(link.result_id, []).append(link.activity_id)

    ind_views = []
    for ind in indicators:
        owner = (
            result_by_id[ind.result_id].title
            if ind.result_id in result_by_id
            else activity_by_id[ind.activity_id].title
            if ind.activity_id in activity_by_id
            else ""
        )
        ind_views.append(_indicator_view(ind, ms_by_ind.get(ind.id, []), owner))
    inds_by_result: dict[int, list] = {}
    inds_by_act: dict[int, list] = {}
    for iv in ind_views:
        if iv.result_id is not None:
            inds_by_result.setdefault(iv.result_id, []).append(iv)
        elif iv.activity_id is not None:
            inds_by_act.setdefault(iv.activity_id, []).append(iv)

    # budget: each activity's budget over its results (by weight), exact in cents
    per_result: dict[Optional[int], int] = {}
    share: dict[tuple[int, int], int] = {}
    for a in activities:
        if not a.budget_cents:
            continue
        ls = links_by_act.get(a.id, [])
        if not ls:
            per_result[None] = per_result.get(None, 0) + a.budget_cents
            continue
        for link, part in zip(ls, split_budget(a.budget_cents, [l.weight for l in ls])):
            per_result[link.result_id] = per_result.get(link.result_id, 0) + part
            share[(a.id, link.result_id)] = part

    act_views = []
    for a in activities:
        ls = links_by_act.get(a.id, [])
        act_views.append(
            ActivityView(
                a.id,
                a.rev,
                a.title,
                a.description,
                a.partner_id,
                partner_names.get(a.partner_id, "") if a.partner_id else "",
                a.budget_cents,
                tuple(l.result_id for l in ls),
                tuple(result_by_id[l.result_id].title for l in ls),
                tuple(l.weight for l in ls),
                a.quality_method,
                a.quality_training,
                a.quality_conditions,
                a.proven_effective,
                a.goal_node_id,
                tuple(inds_by_act.get(a.id, [])),
            )
        )

    result_views = {
        r.id: ResultView(
            r.id,
            r.rev,
            r.ambition_id,
            amb_titles.get(r.ambition_id, ""),
            r.title,
            r.description,
            r.goal_node_id,
            tuple(inds_by_result.get(r.id, [])),
            tuple(acts_by_result.get(r.id, [])),
            per_result.get(r.id, 0),
        )
        for r in results
    }
    amb_views = [
        AmbitionView(
            a.id,
            a.rev,
            a.title,
            a.current_state,
            a.monitoring,
            tuple(result_views[r.id] for r in results if r.ambition_id == a.id),
        )
        for a in ambitions
    ]
    orphans = tuple(result_views[r.id] for r in results if r.ambition_id not in amb_titles)
    if orphans:
        amb_views.append(AmbitionView(None, 0, NO_AMBITION, "", "", orphans))
    ordered_results = tuple(rv for av in amb_views for rv in av.results)

    budget_per_result = tuple((rv.id, rv.title, rv.budget_cents) for rv in ordered_results)
    if per_result.get(None):
        budget_per_result += ((None, NOT_LINKED, per_result[None]),)
    per_partner: dict[str, int] = {}
    for av in act_views:
        if av.budget_cents:
            name = av.partner_name or NO_PARTNER
            per_partner[name] = per_partner.get(name, 0) + av.budget_cents
    budget_per_partner = tuple(sorted(per_partner.items(), key=lambda kv: (-kv[1], kv[0])))
    total = sum(a.budget_cents or 0 for a in activities)

    warnings = coverage_warnings(ordered_results, act_views, ind_views)
    idle = [av for av in act_views if not av.result_ids]
    rows = []
    act_view_by_id = {a.id: a for a in act_views}
    for rv in ordered_results:
        inds = list(rv.indicators)
        acts = [act_view_by_id[i] for i in rv.activity_ids]
        for n in range(max(len(inds), len(acts), 1)):
            ind = inds[n] if n < len(inds) else None
            act = acts[n] if n < len(acts) else None
            rows.append(
                CompassRow(
                    rv.ambition_title or NO_AMBITION,
                    rv.title,
                    ind.name if ind else "",
                    ind.status if ind else "",
                    act.title if act else "",
                    (act.partner_name or NO_PARTNER) if act else "",
                    share.get((act.id, rv.id), 0 if act.budget_cents else None) if act else None,
                )
            )
    for av in idle:
        rows.append(
            CompassRow(
                "", NOT_LINKED, "", "", av.title, av.partner_name or NO_PARTNER, av.budget_cents
            )
        )

    refl_views = []
    for r in reflections:
        if r.result_id in result_by_id:
            subject = f"Resultaat: {result_by_id[r.result_id].title}"
        elif r.activity_id in activity_by_id:
            subject = f"Activiteit: {activity_by_id[r.activity_id].title}"
        else:
            subject = "(niet meer gekoppeld)"
        refl_views.append(
            ReflectionView(
                r.id,
                r.rev,
                r.result_id,
                r.activity_id,
                subject,
                r.going_well,
                r.could_be_better,
                r.next_step,
                r.owner,
                r.due_date,
            )
        )
    counts = {s: 0 for s in STATUSES}
    for iv in ind_views:
        counts[iv.status] += 1
    return CompassView(
        workshop_id,
        tuple(amb_views),
        ordered_results,
        tuple(act_views),
        tuple(ind_views),
        tuple(refl_views),
        tuple((p.id, p.name) for p in partners),
        budget_per_result,
        budget_per_partner,
        total,
        warnings,
        tuple(rows),
        counts,
    )


def goal_nodes_for_compass(db: Session, workshop_id: int) -> tuple:
    """Effect and activity nodes of the goal tree not yet in the compass: (id, kind, title)."""
    used_r = links.linked_node_ids(db, model=Result, workshop_id=workshop_id)
    used_a = links.linked_node_ids(db, model=Activity, workshop_id=workshop_id)
    nodes = db.execute(
        select(GoalNode.id, GoalNode.kind, GoalNode.title)
        .where(
            GoalNode.workshop_id == workshop_id,
            GoalNode.kind.in_(("effect", "activity")),
            GoalNode.status == "accepted",
        )
        .order_by(GoalNode.kind, GoalNode.position, GoalNode.id)
    ).all()
    return tuple(
        (n.id, n.kind, n.title)
        for n in nodes
        if n.id not in (used_r if n.kind == "effect" else used_a)
    )
