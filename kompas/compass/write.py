"""Kwaliteitskompas writes: ambitions, results, activities (partner, budget, quality),
indicators with their measurements, and the improvement cycle; also turning goal-tree
nodes into linked results and activities.

Who may write: the facilitator always; a participant only when the facilitator opened
the compass to participants, the phase is ``invullen`` and the compass is not locked.
Edits of existing rows pass the ``rev`` the editor saw (optimistic locking). Fields are
validated by the input models in ``fields``; the keyword arguments of each function are
the fields of its model.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Optional

from sqlalchemy import delete, select, update
from sqlmodel import Session

from kompas import links, live, text, workshops
from kompas.compass.fields import (
    YEAR_MAX,
    YEAR_MIN,
    ActivityCreate,
    ActivityUpdate,
    AmbitionCreate,
    IndicatorCreate,
    ReflectionCreate,
    ResultCreate,
    parse_date,
    parse_value,
)
from kompas.compass.rules import activity_references, name_list, result_references
from kompas.errors import Conflict, InvalidInput
from kompas.formats import count
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
    Workshop,
)
from kompas.rows import check_rev, get_in_workshop
from kompas.workshops import Actor

TOOL = "compass"
EDIT_PHASES = ("invullen",)  # the phases in which participants may write

# --- permissions and lookups ------------------------------------------------------------


def require_edit(db: Session, actor: Actor) -> Workshop:
    """The compass may be written by this actor now (``workshops.write_refusal``:
    facilitator; or participant when opened to participants, phase ``invullen``, not locked)."""
    return workshops.require_open(db, actor, TOOL, phases=EDIT_PHASES)


def _optional_in(db: Session, model, obj_id: object, workshop_id: int, what: str) -> Optional[int]:
    """An optional choice (ambition, partner): empty is None, otherwise it must exist here."""
    if obj_id in (None, ""):
        return None
    return get_in_workshop(db, model, obj_id, workshop_id, what).id


def _next_position(db: Session, model, workshop_id: int) -> int:
    rows = (
        db.execute(select(model.position).where(model.workshop_id == workshop_id)).scalars().all()
    )
    return (max(rows) + 1) if rows else 0


# --- ambitions (step 1) --------------------------------------------------------------------


def add_ambition(
    db: Session, *, actor: Actor, title: str, current_state: str = "", monitoring: str = ""
) -> int:
    workshop = require_edit(db, actor)
    data = AmbitionCreate(title=title, current_state=current_state, monitoring=monitoring)
    ambition = Ambition(
        workshop_id=workshop.id,
        position=_next_position(db, Ambition, workshop.id),
        **data.model_dump(),
    )
    db.add(ambition)
    db.flush()
    live.touch(db, workshop.id)
    return ambition.id


def update_ambition(
    db: Session,
    *,
    actor: Actor,
    ambition_id: int,
    rev: Optional[int],
    title: str,
    current_state: str = "",
    monitoring: str = "",
) -> None:
    workshop = require_edit(db, actor)
    ambition = get_in_workshop(db, Ambition, ambition_id, workshop.id, "Deze ambitie")
    data = AmbitionCreate(title=title, current_state=current_state, monitoring=monitoring)
    check_rev(ambition, rev, f"Ambitie '{ambition.title}'")
    ambition.sqlmodel_update(data.model_dump())
    live.touch(db, workshop.id)


def delete_ambition(db: Session, *, actor: Actor, ambition_id: int, confirm: bool = False) -> None:
    """Results of the ambition stay, without an ambition; ``confirm`` is needed when there are any."""
    workshop = require_edit(db, actor)
    ambition = get_in_workshop(db, Ambition, ambition_id, workshop.id, "Deze ambitie")
    results = (
        db.execute(select(Result.title).where(Result.ambition_id == ambition.id)).scalars().all()
    )
    if results and not confirm:
        raise Conflict(
            f"Ambitie '{ambition.title}' heeft nog {count(len(results), 'resultaat', 'resultaten')}: "
            f"{name_list(results)}. Bij verwijderen blijven die bestaan, zonder ambitie."
        )
    db.execute(update(Result).where(Result.ambition_id == ambition.id).values(ambition_id=None))
    db.delete(ambition)
    live.touch(db, workshop.id)


# --- results (step 2) ----------------------------------------------------------------------


def add_result(
    db: Session,
    *,
    actor: Actor,
    title: str,
    ambition_id: Optional[int] = None,
    description: str = "",
    goal_node_id: Optional[int] = None,
) -> int:
    workshop = require_edit(db, actor)
    ambition_id = _optional_in(db, Ambition, ambition_id, workshop.id, "Deze ambitie")
    data = ResultCreate(title=title, ambition_id=ambition_id, description=description)
    result = Result(
        workshop_id=workshop.id,
        goal_node_id=goal_node_id,
        position=_next_position(db, Result, workshop.id),
        **data.model_dump(),
    )
    db.add(result)
    db.flush()
    live.touch(db, workshop.id)
    return result.id


def update_result(
    db: Session,
    *,
    actor: Actor,
    result_id: int,
    rev: Optional[int],
    title: str,
    ambition_id: Optional[int] = None,
    description: str = "",
) -> None:
    workshop = require_edit(db, actor)
    result = get_in_workshop(db, Result, result_id, workshop.id, "Dit resultaat")
    data = ResultCreate(title=title, ambition_id=ambition_id, description=description)
    data.ambition_id = _optional_in(db, Ambition, data.ambition_id, workshop.id, "Deze ambitie")
    check_rev(result, rev, f"Resultaat '{result.title}'")
    result.sqlmodel_update(data.model_dump())
    links.item_renamed(db, workshop_id=workshop.id, node_id=result.goal_node_id, title=result.title)
    live.touch(db, workshop.id)


def delete_result(db: Session, *, actor: Actor, result_id: int, confirm: bool = False) -> None:
    """Without ``confirm`` a result that is still referred to is refused with a message
    that lists what would happen; with it the result goes with its indicators and
    reflections, and activities are unlinked (they stay)."""
    workshop = require_edit(db, actor)
    result = get_in_workshop(db, Result, result_id, workshop.id, "Dit resultaat")
    refs = result_references(db, result.id)
    if refs and not confirm:
        raise Conflict(
            f"Resultaat '{result.title}' wordt nog gebruikt. Bij verwijderen: "
            + "; ".join(refs)
            + "."
        )
    _delete_indicators(db, select(Indicator.id).where(Indicator.result_id == result.id))
    db.execute(delete(Reflection).where(Reflection.result_id == result.id))
    db.execute(delete(ActivityResult).where(ActivityResult.result_id == result.id))
    db.delete(result)
    live.touch(db, workshop.id)


def _delete_indicators(db: Session, ids_query) -> None:
    ids = db.execute(ids_query).scalars().all()
    if ids:
        db.execute(delete(Measurement).where(Measurement.indicator_id.in_(ids)))
        db.execute(delete(Indicator).where(Indicator.id.in_(ids)))


def result_from_node(
    db: Session, *, actor: Actor, node_id: int, ambition_id: Optional[int] = None
) -> int:
    """Turn a goal-tree effect node into a compass result that stays linked to it."""
    workshop = require_edit(db, actor)
    node = get_in_workshop(db, GoalNode, node_id, workshop.id, "Dit onderdeel van de doelenboom")
    if node.kind != "effect":
        raise InvalidInput(
            f"'{node.title}' is geen maatschappelijk effect. Alleen een effect "
            "kan een resultaat in het kompas worden."
        )
    links.require_unlinked(db, model=Result, node=node)
    return add_result(
        db,
        actor=actor,
        title=node.title,
        ambition_id=ambition_id,
        description=node.description,
        goal_node_id=node.id,
    )


def activity_from_node(db: Session, *, actor: Actor, node_id: int) -> int:
    """Turn a goal-tree activity node into a compass activity (with its partner), linked.
    When the node hangs under an effect that is already a result, the two are linked."""
    workshop = require_edit(db, actor)
    node = get_in_workshop(db, GoalNode, node_id, workshop.id, "Dit onderdeel van de doelenboom")
    if node.kind != "activity":
        raise InvalidInput(f"'{node.title}' is geen activiteit in de doelenboom.")
    links.require_unlinked(db, model=Activity, node=node)
    return add_activity(
        db,
        actor=actor,
        title=node.title,
        description=node.description,
        partner_id=node.partner_id,
        result_ids=links.results_of_node(db, node.parent_id),
        goal_node_id=node.id,
    )


# --- activities (steps 3 and 4) ----------------------------------------------------------


def add_activity(db: Session, *, actor: Actor, **fields: object) -> int:
    """``fields``: those of ``ActivityCreate`` (title; partner_id, budget_cents,
    result_ids, description, quality_*, proven_effective, goal_node_id)."""
    workshop = require_edit(db, actor)
    data = ActivityCreate(**fields)
    values = data.model_dump(exclude={"result_ids"})
    values["partner_id"] = _optional_in(db, Partner, data.partner_id, workshop.id, "Deze partner")
    activity = Activity(
        workshop_id=workshop.id, position=_next_position(db, Activity, workshop.id), **values
    )
    db.add(activity)
    db.flush()
    _set_links(db, workshop.id, activity, data.result_ids or {})
    live.touch(db, workshop.id)
    return activity.id


def update_activity(
    db: Session, *, actor: Actor, activity_id: int, rev: Optional[int], **changes: object
) -> None:
    """Change only the fields given (those of ``ActivityUpdate``). ``result_ids``
    replaces the links (a dict ``{result_id: weight}`` sets weights too)."""
    workshop = require_edit(db, actor)
    activity = get_in_workshop(db, Activity, activity_id, workshop.id, "Deze activiteit")
    data = ActivityUpdate(**changes)
    values = data.model_dump(exclude_unset=True, exclude={"result_ids"})
    if "partner_id" in values:
        values["partner_id"] = _optional_in(
            db, Partner, data.partner_id, workshop.id, "Deze partner"
        )
    check_rev(activity, rev, f"Activiteit '{activity.title}'")
    activity.sqlmodel_update(values)
    if "title" in values:
        links.item_renamed(
            db, workshop_id=workshop.id, node_id=activity.goal_node_id, title=activity.title
        )
    if "result_ids" in data.model_fields_set:
        _set_links(db, workshop.id, activity, data.result_ids or {})
    live.touch(db, workshop.id)


def _set_links(db: Session, workshop_id: int, activity: Activity, weights: dict) -> None:
    for rid, weight in weights.items():
        get_in_workshop(db, Result, rid, workshop_id, "Dit resultaat")
        try:
            weight = float(weight)
        except (TypeError, ValueError) as exc:
            raise InvalidInput("Het gewicht van een koppeling moet een getal zijn.") from exc
        if not (0 < weight <= 1000) or math.isnan(weight):
            raise InvalidInput("Het gewicht van een koppeling moet groter dan 0 zijn.")
        weights[rid] = weight
    db.execute(delete(ActivityResult).where(ActivityResult.activity_id == activity.id))
    for rid, weight in weights.items():
        db.add(ActivityResult(activity_id=activity.id, result_id=rid, weight=weight))


def link_activity(
    db: Session, *, actor: Actor, activity_id: int, result_id: int, weight: float = 1.0
) -> None:
    workshop = require_edit(db, actor)
    activity = get_in_workshop(db, Activity, activity_id, workshop.id, "Deze activiteit")
    weights = {
        r.result_id: r.weight
        for r in db.execute(
            select(ActivityResult).where(ActivityResult.activity_id == activity.id)
        ).scalars()
    }
    weights[result_id] = weight
    _set_links(db, workshop.id, activity, weights)
    live.touch(db, workshop.id)


def delete_activity(db: Session, *, actor: Actor, activity_id: int, confirm: bool = False) -> None:
    workshop = require_edit(db, actor)
    activity = get_in_workshop(db, Activity, activity_id, workshop.id, "Deze activiteit")
    refs = activity_references(db, activity.id)
    if refs and not confirm:
        raise Conflict(
            f"Activiteit '{activity.title}' wordt nog gebruikt. Bij verwijderen: "
            + "; ".join(refs)
            + "."
        )
    _delete_indicators(db, select(Indicator.id).where(Indicator.activity_id == activity.id))
    db.execute(delete(Reflection).where(Reflection.activity_id == activity.id))
    db.execute(delete(ActivityResult).where(ActivityResult.activity_id == activity.id))
    db.delete(activity)
    live.touch(db, workshop.id)


# --- indicators and measurements (steps 2 and 5) ------------------------------------------


def add_indicator(
    db: Session,
    *,
    actor: Actor,
    result_id: Optional[int] = None,
    activity_id: Optional[int] = None,
    **fields: object,
) -> int:
    """A result indicator (``result_id``) or an outcome indicator (``activity_id``);
    ``fields``: those of ``IndicatorCreate``."""
    workshop = require_edit(db, actor)
    if (result_id is None) == (activity_id is None):
        raise InvalidInput("Een indicator hoort bij één resultaat of bij één activiteit.")
    if result_id is not None:
        get_in_workshop(db, Result, result_id, workshop.id, "Dit resultaat")
    else:
        get_in_workshop(db, Activity, activity_id, workshop.id, "Deze activiteit")
    data = IndicatorCreate(**fields)
    indicator = Indicator(
        workshop_id=workshop.id,
        result_id=result_id,
        activity_id=activity_id,
        position=_next_position(db, Indicator, workshop.id),
        **data.model_dump(),
    )
    db.add(indicator)
    db.flush()
    live.touch(db, workshop.id)
    return indicator.id


def update_indicator(
    db: Session, *, actor: Actor, indicator_id: int, rev: Optional[int], **fields: object
) -> None:
    """Replaces every field of ``IndicatorCreate`` (a field not given gets its default)."""
    workshop = require_edit(db, actor)
    indicator = get_in_workshop(db, Indicator, indicator_id, workshop.id, "Deze indicator")
    data = IndicatorCreate(**fields)
    check_rev(indicator, rev, f"Indicator '{indicator.name}'")
    indicator.sqlmodel_update(data.model_dump())
    live.touch(db, workshop.id)


def delete_indicator(
    db: Session, *, actor: Actor, indicator_id: int, confirm: bool = False
) -> None:
    workshop = require_edit(db, actor)
    indicator = get_in_workshop(db, Indicator, indicator_id, workshop.id, "Deze indicator")
    n = len(
        db.execute(select(Measurement.id).where(Measurement.indicator_id == indicator.id)).all()
    )
    if n and not confirm:
        raise Conflict(
            f"Indicator '{indicator.name}' heeft {count(n, 'meting', 'metingen')}. Bij verwijderen gaan die ook weg."
        )
    _delete_indicators(db, select(Indicator.id).where(Indicator.id == indicator.id))
    live.touch(db, workshop.id)


def add_measurement(
    db: Session,
    *,
    actor: Actor,
    indicator_id: int,
    measured_on: object,
    value: object = None,
    story: str = "",
    source: str = "",
) -> int:
    """A measured value (tellen) or a short story (vertellen) on a date."""
    workshop = require_edit(db, actor)
    indicator = get_in_workshop(db, Indicator, indicator_id, workshop.id, "Deze indicator")
    number = parse_value(value, "gemeten waarde")
    story = text.optional(story, field="verhaal", max_len=2000)
    if indicator.kind == "tellen" and number is None:
        raise InvalidInput(f"Vul bij '{indicator.name}' een gemeten waarde in (een getal).")
    if indicator.kind == "vertellen" and not story and number is None:
        raise InvalidInput(f"Vul bij '{indicator.name}' een kort verhaal in.")
    when = parse_date(measured_on, "datum van de meting")
    if not date(YEAR_MIN, 1, 1) <= when <= date(YEAR_MAX, 12, 31):
        raise InvalidInput("De datum van de meting is niet aannemelijk.")
    m = Measurement(
        indicator_id=indicator.id,
        value=number,
        story=story,
        measured_on=when,
        source=text.clean(source, field="bron", required=False),
    )
    db.add(m)
    db.flush()
    live.touch(db, workshop.id)
    return m.id


def delete_measurement(db: Session, *, actor: Actor, measurement_id: int) -> None:
    workshop = require_edit(db, actor)
    m = get_in_workshop(
        db,
        Measurement,
        measurement_id,
        workshop.id,
        "Deze meting",
        owner=lambda m: db.get(Indicator, m.indicator_id).workshop_id,
    )
    db.delete(m)
    live.touch(db, workshop.id)


# --- improvement cycle (step 6) --------------------------------------------------------------


def _reflection(db: Session, workshop_id: int, fields: dict) -> dict:
    data = ReflectionCreate(**fields)
    if data.result_id is not None:
        get_in_workshop(db, Result, data.result_id, workshop_id, "Dit resultaat")
    else:
        get_in_workshop(db, Activity, data.activity_id, workshop_id, "Deze activiteit")
    return data.model_dump()


def add_reflection(db: Session, *, actor: Actor, **fields: object) -> int:
    """``fields``: those of ``ReflectionCreate`` (result_id or activity_id, going_well,
    could_be_better, next_step, owner, due_date)."""
    workshop = require_edit(db, actor)
    reflection = Reflection(workshop_id=workshop.id, **_reflection(db, workshop.id, fields))
    db.add(reflection)
    db.flush()
    live.touch(db, workshop.id)
    return reflection.id


def update_reflection(
    db: Session, *, actor: Actor, reflection_id: int, rev: Optional[int], **fields: object
) -> None:
    """Replaces every field of ``ReflectionCreate``."""
    workshop = require_edit(db, actor)
    reflection = get_in_workshop(db, Reflection, reflection_id, workshop.id, "Dit verbeterpunt")
    values = _reflection(db, workshop.id, fields)
    check_rev(reflection, rev, "Dit verbeterpunt")
    reflection.sqlmodel_update(values)
    live.touch(db, workshop.id)


def delete_reflection(db: Session, *, actor: Actor, reflection_id: int) -> None:
    workshop = require_edit(db, actor)
    db.delete(get_in_workshop(db, Reflection, reflection_id, workshop.id, "Dit verbeterpunt"))
    live.touch(db, workshop.id)
