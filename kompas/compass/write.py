"""Kwaliteitskompas (quality compass): ambitions, results, indicators, measurements,
activities with partner and budget, input quality, outcome and the improvement cycle;
plus the results-versus-inputs read model (``compass_view``) that pages and exports use.

Who may write: the facilitator always; a participant only when the facilitator opened
the compass to participants, the phase is ``invullen`` and the compass is not locked.
Edits of existing rows pass the ``rev`` the editor saw (optimistic locking).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterable, Optional, Sequence

from sqlalchemy import delete, select, update
from sqlmodel import Session

from kompas import formats, live, text, workshops
from kompas.errors import Conflict, InvalidInput, NotAllowed, NotFound
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
    utcnow,
)
from kompas.workshops import Actor

TOOL = "compass"
INDICATOR_KINDS = ("tellen", "vertellen")
EFFECTIVENESS = ("ja", "deels", "nee", "onbekend")
EFFECTIVENESS_LABELS = {"ja": "Ja, bewezen effectief", "deels": "Deels / veelbelovend",
                        "nee": "Nee", "onbekend": "Onbekend"}

STATUS_REACHED = "doel bereikt"
STATUS_ON_TRACK = "op koers"
STATUS_OFF_TRACK = "niet op koers"
STATUS_NO_DATA = "geen gegevens"
STATUS_STORY = "verhaal"
STATUSES = (STATUS_REACHED, STATUS_ON_TRACK, STATUS_OFF_TRACK, STATUS_NO_DATA, STATUS_STORY)

NO_PARTNER = "Geen partner"
NOT_LINKED = "Niet gekoppeld aan een resultaat"
NO_AMBITION = "Zonder ambitie"
YEAR_MIN, YEAR_MAX = 1990, 2100
VALUE_MAX = 1e12


# --- permissions and lookups ------------------------------------------------------------


def require_edit(db: Session, actor: Actor) -> Workshop:
    """The compass may be written by this actor now (facilitator; or participant when
    opened to participants, phase ``invullen``, not locked)."""
    workshop = workshops.check_actor(db, actor)
    if actor.is_facilitator:
        return workshop
    if not workshop.compass_open_to_participants:
        raise NotAllowed("De procesbegeleider vult het kompas nu zelf in. Je kunt meekijken.")
    return workshops.require_open(db, actor, TOOL, phases=("invullen",))


def can_edit(info: workshops.WorkshopInfo, actor: Actor) -> bool:
    """For showing inputs only; every write checks again with ``require_edit``."""
    if actor.is_facilitator:
        return True
    return (info.compass_open_to_participants and info.phases.get(TOOL) == "invullen"
            and not info.locks.get(TOOL))


def _get(db: Session, model, obj_id: object, workshop_id: int, what: str):
    obj = db.get(model, obj_id) if isinstance(obj_id, int) and not isinstance(obj_id, bool) else None
    if obj is None:
        raise NotFound(f"{what} bestaat niet (meer). Laad de pagina opnieuw.")
    owner = getattr(obj, "workshop_id", None)
    if owner is None and isinstance(obj, Measurement):
        owner = db.get(Indicator, obj.indicator_id).workshop_id
    if owner != workshop_id:
        raise NotFound(f"{what} bestaat niet in deze workshop.")
    return obj


def _check_rev(obj, rev: object, what: str) -> None:
    if rev is not None and rev != obj.rev:
        raise Conflict(f"{what} is intussen door iemand anders gewijzigd. "
                       "Laad opnieuw en probeer het nog eens.")
    obj.rev += 1


def _partner_id(db: Session, workshop_id: int, partner_id: object) -> Optional[int]:
    if partner_id in (None, ""):
        return None
    _get(db, Partner, partner_id, workshop_id, "Deze partner")
    return partner_id  # type: ignore[return-value]


def _next_position(db: Session, model, workshop_id: int) -> int:
    rows = db.execute(select(model.position).where(model.workshop_id == workshop_id)).scalars().all()
    return (max(rows) + 1) if rows else 0


# --- value validation ---------------------------------------------------------------------


def _value(raw: object, field_: str) -> Optional[float]:
    value = formats.parse_number(raw, field=field_)
    if value is not None and abs(value) > VALUE_MAX:
        raise InvalidInput(f"{field_.capitalize()} is onwaarschijnlijk groot.")
    return value


def _year(raw: object, field_: str) -> Optional[int]:
    try:
        value = formats.parse_number(raw, field=field_)
    except InvalidInput as exc:
        raise InvalidInput(f"{field_.capitalize()} moet een jaartal zijn, zoals 2025.") from exc
    if value is None:
        return None
    if not float(value).is_integer() or not YEAR_MIN <= value <= YEAR_MAX:
        raise InvalidInput(f"{field_.capitalize()} moet een jaartal zijn, zoals 2025.")
    return int(value)


def _cents(raw: object) -> Optional[int]:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise InvalidInput("Het budget moet een bedrag in centen zijn.")
    if raw < 0:
        raise InvalidInput("Het budget mag niet negatief zijn.")
    if raw > 100_000_000_000:  # the same limit as formats.parse_money: a billion euro
        raise InvalidInput("Het budget is onwaarschijnlijk hoog (meer dan een miljard euro).")
    return raw


def _bool(raw: object, field_: str) -> bool:
    if isinstance(raw, bool):
        return raw
    if raw is None:
        return True
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    word = str(raw).strip().lower()
    if word in ("ja", "j", "waar", "true", "yes", "1", "hoger", "x"):
        return True
    if word in ("nee", "n", "onwaar", "false", "no", "0", "lager"):
        return False
    raise InvalidInput(f"{field_.capitalize()}: vul ja of nee in, niet '{raw}'.")


def _date(raw: object, field_: str, *, required: bool = True) -> Optional[date]:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if raw is None or (isinstance(raw, float) and math.isnan(raw)) or str(raw).strip() == "":
        if required:
            raise InvalidInput(f"{field_.capitalize()} mag niet leeg zijn.")
        return None
    s = str(raw).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%d-%m-%y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise InvalidInput(f"{field_.capitalize()} '{s}' is geen datum. Schrijf bijvoorbeeld 15-03-2025.")


def _check_direction(baseline: Optional[float], target: Optional[float], higher_is_better: bool,
                     name: str) -> None:
    if baseline is None or target is None or baseline == target:
        return
    if higher_is_better and target < baseline:
        raise InvalidInput(f"Indicator '{name}': de streefwaarde is lager dan de nulmeting, "
                           "maar 'hoger is beter' staat aan. Zet 'hoger is beter' uit of pas de waarden aan.")
    if not higher_is_better and target > baseline:
        raise InvalidInput(f"Indicator '{name}': de streefwaarde is hoger dan de nulmeting, "
                           "maar 'hoger is beter' staat uit. Zet 'hoger is beter' aan of pas de waarden aan.")


def _title_of_node_sync(db: Session, workshop_id: int, node_id: Optional[int], title: str) -> None:
    """A linked goal-tree node shows the same title (the tree module syncs the other way)."""
    if node_id is None:
        return
    db.execute(update(GoalNode).where(GoalNode.id == node_id, GoalNode.workshop_id == workshop_id,
                                      GoalNode.title != title)
               .values(title=title, updated_at=utcnow(), rev=GoalNode.rev + 1))


# --- ambitions (step 1) --------------------------------------------------------------------


def add_ambition(db: Session, *, actor: Actor, title: str, current_state: str = "",
                 monitoring: str = "") -> int:
    workshop = require_edit(db, actor)
    ambition = Ambition(
        workshop_id=workshop.id, title=text.clean(title, field="titel van de ambitie"),
        current_state=text.optional(current_state, field="hoe gaat het nu"),
        monitoring=text.optional(monitoring, field="monitoringcijfers"),
        position=_next_position(db, Ambition, workshop.id))
    db.add(ambition)
    db.flush()
    live.touch(db, workshop.id)
    return ambition.id


def update_ambition(db: Session, *, actor: Actor, ambition_id: int, rev: Optional[int],
                    title: str, current_state: str = "", monitoring: str = "") -> None:
    workshop = require_edit(db, actor)
    ambition = _get(db, Ambition, ambition_id, workshop.id, "Deze ambitie")
    title = text.clean(title, field="titel van de ambitie")
    current_state = text.optional(current_state, field="hoe gaat het nu")
    monitoring = text.optional(monitoring, field="monitoringcijfers")
    _check_rev(ambition, rev, f"Ambitie '{ambition.title}'")
    ambition.title, ambition.current_state, ambition.monitoring = title, current_state, monitoring
    live.touch(db, workshop.id)


def delete_ambition(db: Session, *, actor: Actor, ambition_id: int, confirm: bool = False) -> None:
    """Results of the ambition stay, without an ambition; ``confirm`` is needed when there are any."""
    workshop = require_edit(db, actor)
    ambition = _get(db, Ambition, ambition_id, workshop.id, "Deze ambitie")
    results = db.execute(select(Result.title).where(Result.ambition_id == ambition.id)).scalars().all()
    if results and not confirm:
        raise Conflict(f"Ambitie '{ambition.title}' heeft nog {len(results)} resultaat/resultaten: "
                       f"{_names(results)}. Bij verwijderen blijven die bestaan, zonder ambitie.")
    db.execute(update(Result).where(Result.ambition_id == ambition.id).values(ambition_id=None))
    db.delete(ambition)
    live.touch(db, workshop.id)


def _names(names: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(f"'{n}'" for n in names[:limit])
    return shown + (f" en nog {len(names) - limit}" if len(names) > limit else "")


# --- results (step 2) ----------------------------------------------------------------------


def _ambition_id(db: Session, workshop_id: int, ambition_id: object) -> Optional[int]:
    if ambition_id in (None, ""):
        return None
    _get(db, Ambition, ambition_id, workshop_id, "Deze ambitie")
    return ambition_id  # type: ignore[return-value]


def add_result(db: Session, *, actor: Actor, title: str, ambition_id: Optional[int] = None,
               description: str = "", goal_node_id: Optional[int] = None) -> int:
    workshop = require_edit(db, actor)
    result = Result(workshop_id=workshop.id, ambition_id=_ambition_id(db, workshop.id, ambition_id),
                    title=text.clean(title, field="titel van het resultaat"),
                    description=text.optional(description, field="toelichting"),
                    goal_node_id=goal_node_id, position=_next_position(db, Result, workshop.id))
    db.add(result)
    db.flush()
    live.touch(db, workshop.id)
    return result.id


def update_result(db: Session, *, actor: Actor, result_id: int, rev: Optional[int], title: str,
                  ambition_id: Optional[int] = None, description: str = "") -> None:
    workshop = require_edit(db, actor)
    result = _get(db, Result, result_id, workshop.id, "Dit resultaat")
    title = text.clean(title, field="titel van het resultaat")
    ambition_id = _ambition_id(db, workshop.id, ambition_id)
    description = text.optional(description, field="toelichting")
    _check_rev(result, rev, f"Resultaat '{result.title}'")
    result.title, result.ambition_id, result.description = title, ambition_id, description
    _title_of_node_sync(db, workshop.id, result.goal_node_id, title)
    live.touch(db, workshop.id)


def result_references(db: Session, result_id: int) -> list[str]:
    """What still refers to this result, as Dutch phrases (empty: free to delete)."""
    refs = []
    acts = db.execute(select(Activity.title).join(ActivityResult, ActivityResult.activity_id == Activity.id)
                      .where(ActivityResult.result_id == result_id)).scalars().all()
    if acts:
        refs.append(f"{len(acts)} gekoppelde activiteit(en) ({_names(acts)}) worden losgekoppeld")
    inds = db.execute(select(Indicator.name).where(Indicator.result_id == result_id)).scalars().all()
    if inds:
        refs.append(f"{len(inds)} indicator(en) ({_names(inds)}) worden met hun metingen verwijderd")
    refl = db.execute(select(Reflection.id).where(Reflection.result_id == result_id)).scalars().all()
    if refl:
        refs.append(f"{len(refl)} verbeterpunt(en) worden verwijderd")
    return refs


def delete_result(db: Session, *, actor: Actor, result_id: int, confirm: bool = False) -> None:
    """Without ``confirm`` a result that is still referred to is refused with a message
    that lists what would happen; with it the result goes with its indicators and
    reflections, and activities are unlinked (they stay)."""
    workshop = require_edit(db, actor)
    result = _get(db, Result, result_id, workshop.id, "Dit resultaat")
    refs = result_references(db, result.id)
    if refs and not confirm:
        raise Conflict(f"Resultaat '{result.title}' wordt nog gebruikt. Bij verwijderen: "
                       + "; ".join(refs) + ".")
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


def result_from_node(db: Session, *, actor: Actor, node_id: int,
                     ambition_id: Optional[int] = None) -> int:
    """Turn a goal-tree effect node into a compass result that stays linked to it."""
    workshop = require_edit(db, actor)
    node = _get(db, GoalNode, node_id, workshop.id, "Dit onderdeel van de doelenboom")
    if node.kind != "effect":
        raise InvalidInput(f"'{node.title}' is geen maatschappelijk effect. Alleen een effect "
                           "kan een resultaat in het kompas worden.")
    existing = db.execute(select(Result.title).where(Result.goal_node_id == node.id)).scalar()
    if existing is not None:
        raise Conflict(f"'{node.title}' staat al in het kompas als resultaat '{existing}'.")
    return add_result(db, actor=actor, title=node.title, ambition_id=ambition_id,
                      description=node.description, goal_node_id=node.id)


def activity_from_node(db: Session, *, actor: Actor, node_id: int) -> int:
    """Turn a goal-tree activity node into a compass activity (with its partner), linked.
    When the node hangs under an effect that is already a result, the two are linked."""
    workshop = require_edit(db, actor)
    node = _get(db, GoalNode, node_id, workshop.id, "Dit onderdeel van de doelenboom")
    if node.kind != "activity":
        raise InvalidInput(f"'{node.title}' is geen activiteit in de doelenboom.")
    existing = db.execute(select(Activity.title).where(Activity.goal_node_id == node.id)).scalar()
    if existing is not None:
        raise Conflict(f"'{node.title}' staat al in het kompas als activiteit '{existing}'.")
    result_ids = []
    if node.parent_id is not None:
        result_ids = list(db.execute(select(Result.id).where(Result.goal_node_id == node.parent_id))
                          .scalars().all())
    return add_activity(db, actor=actor, title=node.title, description=node.description,
                        partner_id=node.partner_id, result_ids=result_ids, goal_node_id=node.id)


# --- activities (steps 3 and 4) ----------------------------------------------------------


def _effectiveness(raw: object) -> str:
    word = str(raw or "onbekend").strip().lower()
    for key, label in EFFECTIVENESS_LABELS.items():
        if word in (key, label.lower()):
            return key
    raise InvalidInput(f"Bewezen effectief: kies ja, deels, nee of onbekend, niet '{raw}'.")


def add_activity(db: Session, *, actor: Actor, title: str, partner_id: Optional[int] = None,
                 budget_cents: Optional[int] = None, result_ids: Iterable[int] = (),
                 description: str = "",
                 quality_method: str = "", quality_training: str = "",
                 quality_conditions: str = "", proven_effective: str = "onbekend",
                 goal_node_id: Optional[int] = None) -> int:
    workshop = require_edit(db, actor)
    activity = Activity(
        workshop_id=workshop.id, title=text.clean(title, field="titel van de activiteit"),
        description=text.optional(description, field="toelichting"),
        partner_id=_partner_id(db, workshop.id, partner_id), budget_cents=_cents(budget_cents),
        quality_method=text.optional(quality_method, field="methode"),
        quality_training=text.optional(quality_training, field="scholing"),
        quality_conditions=text.optional(quality_conditions, field="randvoorwaarden"),
        proven_effective=_effectiveness(proven_effective), goal_node_id=goal_node_id,
        position=_next_position(db, Activity, workshop.id))
    db.add(activity)
    db.flush()
    _set_links(db, workshop.id, activity, {rid: 1.0 for rid in result_ids})
    live.touch(db, workshop.id)
    return activity.id


_UNSET = object()


def update_activity(db: Session, *, actor: Actor, activity_id: int, rev: Optional[int],
                    title: object = _UNSET, partner_id: object = _UNSET,
                    budget_cents: object = _UNSET,
                    description: object = _UNSET, quality_method: object = _UNSET,
                    quality_training: object = _UNSET, quality_conditions: object = _UNSET,
                    proven_effective: object = _UNSET, result_ids: object = _UNSET) -> None:
    """Change only the fields given. ``result_ids`` replaces the links (a dict
    ``{result_id: weight}`` sets weights too)."""
    workshop = require_edit(db, actor)
    activity = _get(db, Activity, activity_id, workshop.id, "Deze activiteit")
    changes: dict = {}
    if title is not _UNSET:
        changes["title"] = text.clean(title, field="titel van de activiteit")
    if partner_id is not _UNSET:
        changes["partner_id"] = _partner_id(db, workshop.id, partner_id)
    if budget_cents is not _UNSET:
        changes["budget_cents"] = _cents(budget_cents)
    if description is not _UNSET:
        changes["description"] = text.optional(description, field="toelichting")
    for name, label in (("quality_method", "methode"), ("quality_training", "scholing"),
                        ("quality_conditions", "randvoorwaarden")):
        value = locals()[name]
        if value is not _UNSET:
            changes[name] = text.optional(value, field=label)
    if proven_effective is not _UNSET:
        changes["proven_effective"] = _effectiveness(proven_effective)
    _check_rev(activity, rev, f"Activiteit '{activity.title}'")
    for name, value in changes.items():
        setattr(activity, name, value)
    if "title" in changes:
        _title_of_node_sync(db, workshop.id, activity.goal_node_id, changes["title"])
    if result_ids is not _UNSET:
        links = (dict(result_ids) if isinstance(result_ids, dict)
                 else {rid: 1.0 for rid in result_ids})  # type: ignore[union-attr]
        _set_links(db, workshop.id, activity, links)
    live.touch(db, workshop.id)


def _set_links(db: Session, workshop_id: int, activity: Activity, links: dict) -> None:
    for rid, weight in links.items():
        _get(db, Result, rid, workshop_id, "Dit resultaat")
        try:
            weight = float(weight)
        except (TypeError, ValueError) as exc:
            raise InvalidInput("Het gewicht van een koppeling moet een getal zijn.") from exc
        if not (0 < weight <= 1000) or math.isnan(weight):
            raise InvalidInput("Het gewicht van een koppeling moet groter dan 0 zijn.")
        links[rid] = weight
    db.execute(delete(ActivityResult).where(ActivityResult.activity_id == activity.id))
    for rid, weight in links.items():
        db.add(ActivityResult(activity_id=activity.id, result_id=rid, weight=weight))


def link_activity(db: Session, *, actor: Actor, activity_id: int, result_id: int,
                  weight: float = 1.0) -> None:
    workshop = require_edit(db, actor)
    activity = _get(db, Activity, activity_id, workshop.id, "Deze activiteit")
    links = {r.result_id: r.weight for r in db.execute(
        select(ActivityResult).where(ActivityResult.activity_id == activity.id)).scalars()}
    links[result_id] = weight
    _set_links(db, workshop.id, activity, links)
    live.touch(db, workshop.id)


def activity_references(db: Session, activity_id: int) -> list[str]:
    refs = []
    results = db.execute(select(Result.title).join(ActivityResult, ActivityResult.result_id == Result.id)
                         .where(ActivityResult.activity_id == activity_id)).scalars().all()
    if results:
        refs.append(f"de koppeling met {len(results)} resultaat/resultaten ({_names(results)}) vervalt")
    inds = db.execute(select(Indicator.name).where(Indicator.activity_id == activity_id)).scalars().all()
    if inds:
        refs.append(f"{len(inds)} outcome-indicator(en) ({_names(inds)}) worden met hun metingen verwijderd")
    refl = db.execute(select(Reflection.id).where(Reflection.activity_id == activity_id)).scalars().all()
    if refl:
        refs.append(f"{len(refl)} verbeterpunt(en) worden verwijderd")
    return refs


def delete_activity(db: Session, *, actor: Actor, activity_id: int, confirm: bool = False) -> None:
    workshop = require_edit(db, actor)
    activity = _get(db, Activity, activity_id, workshop.id, "Deze activiteit")
    refs = activity_references(db, activity.id)
    if refs and not confirm:
        raise Conflict(f"Activiteit '{activity.title}' wordt nog gebruikt. Bij verwijderen: "
                       + "; ".join(refs) + ".")
    _delete_indicators(db, select(Indicator.id).where(Indicator.activity_id == activity.id))
    db.execute(delete(Reflection).where(Reflection.activity_id == activity.id))
    db.execute(delete(ActivityResult).where(ActivityResult.activity_id == activity.id))
    db.delete(activity)
    live.touch(db, workshop.id)


# --- indicators and measurements (steps 2 and 5) ------------------------------------------


@dataclass(frozen=True)
class IndicatorInput:
    """Validated fields of an indicator (from a form, table row or import row)."""

    name: str
    kind: str = "tellen"
    unit: str = ""
    baseline_value: Optional[float] = None
    baseline_year: Optional[int] = None
    target_value: Optional[float] = None
    target_year: Optional[int] = None
    higher_is_better: bool = True
    source: str = ""

    @classmethod
    def parse(cls, *, name: object, kind: object = "tellen", unit: object = "",
              baseline_value: object = None, baseline_year: object = None,
              target_value: object = None, target_year: object = None,
              higher_is_better: object = True, source: object = "") -> "IndicatorInput":
        name = text.clean(name, field="naam van de indicator")
        kind = str(kind or "tellen").strip().lower()
        if kind not in INDICATOR_KINDS:
            raise InvalidInput(f"Soort indicator: kies tellen (een getal) of vertellen (een verhaal), niet '{kind}'.")
        item = cls(
            name=name, kind=kind, unit=text.clean(unit, field="eenheid", max_len=40, required=False),
            baseline_value=_value(baseline_value, "nulmeting"),
            baseline_year=_year(baseline_year, "jaar van de nulmeting"),
            target_value=_value(target_value, "streefwaarde"),
            target_year=_year(target_year, "streefjaar"),
            higher_is_better=_bool(higher_is_better, "hoger is beter"),
            source=text.clean(source, field="bron", required=False))
        if item.baseline_year and item.target_year and item.target_year < item.baseline_year:
            raise InvalidInput(f"Indicator '{name}': het streefjaar ligt voor het jaar van de nulmeting.")
        _check_direction(item.baseline_value, item.target_value, item.higher_is_better, name)
        return item


def add_indicator(db: Session, *, actor: Actor, result_id: Optional[int] = None,
                  activity_id: Optional[int] = None, **fields: object) -> int:
    """A result indicator (``result_id``) or an outcome indicator (``activity_id``)."""
    workshop = require_edit(db, actor)
    if (result_id is None) == (activity_id is None):
        raise InvalidInput("Een indicator hoort bij één resultaat of bij één activiteit.")
    if result_id is not None:
        _get(db, Result, result_id, workshop.id, "Dit resultaat")
    else:
        _get(db, Activity, activity_id, workshop.id, "Deze activiteit")
    item = IndicatorInput.parse(**fields)
    indicator = Indicator(workshop_id=workshop.id, result_id=result_id, activity_id=activity_id,
                          position=_next_position(db, Indicator, workshop.id), **item.__dict__)
    db.add(indicator)
    db.flush()
    live.touch(db, workshop.id)
    return indicator.id


def update_indicator(db: Session, *, actor: Actor, indicator_id: int, rev: Optional[int],
                     **fields: object) -> None:
    workshop = require_edit(db, actor)
    indicator = _get(db, Indicator, indicator_id, workshop.id, "Deze indicator")
    item = IndicatorInput.parse(**fields)
    _check_rev(indicator, rev, f"Indicator '{indicator.name}'")
    for name, value in item.__dict__.items():
        setattr(indicator, name, value)
    live.touch(db, workshop.id)


def delete_indicator(db: Session, *, actor: Actor, indicator_id: int, confirm: bool = False) -> None:
    workshop = require_edit(db, actor)
    indicator = _get(db, Indicator, indicator_id, workshop.id, "Deze indicator")
    n = len(db.execute(select(Measurement.id).where(Measurement.indicator_id == indicator.id)).all())
    if n and not confirm:
        raise Conflict(f"Indicator '{indicator.name}' heeft {n} meting(en). "
                       "Bij verwijderen gaan die ook weg.")
    _delete_indicators(db, select(Indicator.id).where(Indicator.id == indicator.id))
    live.touch(db, workshop.id)


def add_measurement(db: Session, *, actor: Actor, indicator_id: int, measured_on: object,
                    value: object = None, story: str = "", source: str = "") -> int:
    """A measured value (tellen) or a short story (vertellen) on a date."""
    workshop = require_edit(db, actor)
    indicator = _get(db, Indicator, indicator_id, workshop.id, "Deze indicator")
    number = _value(value, "gemeten waarde")
    story = text.optional(story, field="verhaal", max_len=2000)
    if indicator.kind == "tellen" and number is None:
        raise InvalidInput(f"Vul bij '{indicator.name}' een gemeten waarde in (een getal).")
    if indicator.kind == "vertellen" and not story and number is None:
        raise InvalidInput(f"Vul bij '{indicator.name}' een kort verhaal in.")
    when = _date(measured_on, "datum van de meting")
    if not date(YEAR_MIN, 1, 1) <= when <= date(YEAR_MAX, 12, 31):
        raise InvalidInput("De datum van de meting is niet aannemelijk.")
    m = Measurement(indicator_id=indicator.id, value=number, story=story, measured_on=when,
                    source=text.clean(source, field="bron", required=False))
    db.add(m)
    db.flush()
    live.touch(db, workshop.id)
    return m.id


def delete_measurement(db: Session, *, actor: Actor, measurement_id: int) -> None:
    workshop = require_edit(db, actor)
    m = _get(db, Measurement, measurement_id, workshop.id, "Deze meting")
    db.delete(m)
    live.touch(db, workshop.id)


# --- improvement cycle (step 6) --------------------------------------------------------------


def _reflection_fields(db: Session, workshop_id: int, *, result_id, activity_id, going_well,
                       could_be_better, next_step, owner, due_date) -> dict:
    if (result_id in (None, "")) == (activity_id in (None, "")):
        raise InvalidInput("Een verbeterpunt hoort bij één resultaat of bij één activiteit.")
    if result_id not in (None, ""):
        _get(db, Result, result_id, workshop_id, "Dit resultaat")
    else:
        _get(db, Activity, activity_id, workshop_id, "Deze activiteit")
    fields = dict(
        result_id=result_id if result_id not in (None, "") else None,
        activity_id=activity_id if activity_id not in (None, "") else None,
        going_well=text.optional(going_well, field="wat gaat goed"),
        could_be_better=text.optional(could_be_better, field="wat kan beter"),
        next_step=text.optional(next_step, field="volgende stap"),
        owner=text.clean(owner, field="eigenaar", max_len=text.NAME_MAX, required=False),
        due_date=_date(due_date, "datum", required=False))
    if not (fields["going_well"] or fields["could_be_better"] or fields["next_step"]):
        raise InvalidInput("Vul bij een verbeterpunt minstens in wat goed gaat, wat beter kan of de volgende stap.")
    return fields


def add_reflection(db: Session, *, actor: Actor, result_id: Optional[int] = None,
                   activity_id: Optional[int] = None, going_well: str = "",
                   could_be_better: str = "", next_step: str = "", owner: str = "",
                   due_date: object = None) -> int:
    workshop = require_edit(db, actor)
    fields = _reflection_fields(db, workshop.id, result_id=result_id, activity_id=activity_id,
                                going_well=going_well, could_be_better=could_be_better,
                                next_step=next_step, owner=owner, due_date=due_date)
    reflection = Reflection(workshop_id=workshop.id, **fields)
    db.add(reflection)
    db.flush()
    live.touch(db, workshop.id)
    return reflection.id


def update_reflection(db: Session, *, actor: Actor, reflection_id: int, rev: Optional[int],
                      result_id: Optional[int] = None, activity_id: Optional[int] = None,
                      going_well: str = "", could_be_better: str = "", next_step: str = "",
                      owner: str = "", due_date: object = None) -> None:
    workshop = require_edit(db, actor)
    reflection = _get(db, Reflection, reflection_id, workshop.id, "Dit verbeterpunt")
    fields = _reflection_fields(db, workshop.id, result_id=result_id, activity_id=activity_id,
                                going_well=going_well, could_be_better=could_be_better,
                                next_step=next_step, owner=owner, due_date=due_date)
    _check_rev(reflection, rev, "Dit verbeterpunt")
    for name, value in fields.items():
        setattr(reflection, name, value)
    live.touch(db, workshop.id)


def delete_reflection(db: Session, *, actor: Actor, reflection_id: int) -> None:
    workshop = require_edit(db, actor)
    db.delete(_get(db, Reflection, reflection_id, workshop.id, "Dit verbeterpunt"))
    live.touch(db, workshop.id)


# --- table saves (st.data_editor) ----------------------------------------------------------


@dataclass(frozen=True)
class TableChanges:
    """What an editable table changed: rows are dicts with ``id`` and ``rev`` (new rows
    have ``id`` None); ``deleted`` holds (id, rev) pairs."""

    updated: tuple = ()
    added: tuple = ()
    deleted: tuple = ()

    @property
    def empty(self) -> bool:
        return not (self.updated or self.added or self.deleted)


def _row_error(exc: InvalidInput, label: str) -> InvalidInput:
    return type(exc)(f"{label}: {exc}")


def save_table(db: Session, *, actor: Actor, table: str, changes: TableChanges,
               confirm: bool = False, **context: object) -> int:
    """Apply one save of an editable table in one transaction: all rows or none. A row
    that someone else changed since it was loaded refuses the whole save (Conflict).
    ``table``: ambitions | results | activities | indicators | reflections. Returns the
    number of changed rows."""
    require_edit(db, actor)
    handlers = _TABLES.get(table)
    if handlers is None:
        raise InvalidInput(f"Onbekende tabel '{table}'.")
    add, upd, rem = handlers
    count = 0
    for row in changes.deleted:
        obj_id, rev = row
        if rev is not None:
            obj = db.get(_MODELS[table], obj_id)
            if obj is not None and obj.rev != rev:
                raise Conflict("Een rij die je wilt verwijderen is intussen door iemand anders "
                               "gewijzigd. Laad opnieuw en probeer het nog eens.")
        rem(db, actor=actor, obj_id=obj_id, confirm=confirm)
        count += 1
    for n, row in enumerate(changes.updated, start=1):
        try:
            upd(db, actor=actor, row=row, **context)
        except (Conflict, NotFound):
            raise
        except InvalidInput as exc:
            raise _row_error(exc, f"Rij '{row.get('_label') or n}'") from exc
        count += 1
    for n, row in enumerate(changes.added, start=1):
        try:
            add(db, actor=actor, row=row, **context)
        except InvalidInput as exc:
            raise _row_error(exc, f"Nieuwe rij {n}") from exc
        count += 1
    return count


def _r(row: dict, key: str, default: object = "") -> object:
    value = row.get(key, default)
    if isinstance(value, float) and math.isnan(value):
        return default
    return default if value is None else value


def _opt_id(value: object) -> Optional[int]:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise InvalidInput("Kies een bestaande waarde uit de lijst.") from exc


def _ind_fields(row: dict) -> dict:
    return dict(name=_r(row, "name"), kind=_r(row, "kind", "tellen"), unit=_r(row, "unit"),
                baseline_value=_r(row, "baseline_value", None), baseline_year=_r(row, "baseline_year", None),
                target_value=_r(row, "target_value", None), target_year=_r(row, "target_year", None),
                higher_is_better=_r(row, "higher_is_better", True), source=_r(row, "source"))


def _refl_fields(row: dict) -> dict:
    return dict(result_id=_opt_id(row.get("result_id")), activity_id=_opt_id(row.get("activity_id")),
                going_well=_r(row, "going_well"), could_be_better=_r(row, "could_be_better"),
                next_step=_r(row, "next_step"), owner=_r(row, "owner"),
                due_date=_r(row, "due_date", None))


_ACTIVITY_KEYS = ("title", "partner_id", "budget", "description", "quality_method",
                  "quality_training", "quality_conditions", "proven_effective", "result_ids")


def _activity_fields(row: dict) -> dict:
    out = {}
    for key in _ACTIVITY_KEYS:
        if key in row:
            value = row[key]
            if key == "partner_id":
                value = _opt_id(value)
            elif key == "budget":
                out["budget_cents"] = formats.parse_money(_r(row, key, None), field="budget")
                continue
            elif key != "result_ids":
                value = _r(row, key, "onbekend" if key == "proven_effective" else "")
            out[key] = value
    return out


_TABLES = {
    "ambitions": (
        lambda db, actor, row, **_: add_ambition(db, actor=actor, title=_r(row, "title"),
                                                  current_state=_r(row, "current_state"),
                                                  monitoring=_r(row, "monitoring")),
        lambda db, actor, row, **_: update_ambition(db, actor=actor, ambition_id=row["id"], rev=row.get("rev"),
                                                     title=_r(row, "title"), current_state=_r(row, "current_state"),
                                                     monitoring=_r(row, "monitoring")),
        lambda db, actor, obj_id, confirm: delete_ambition(db, actor=actor, ambition_id=obj_id, confirm=confirm),
    ),
    "results": (
        lambda db, actor, row, **_: add_result(db, actor=actor, title=_r(row, "title"),
                                                ambition_id=_opt_id(row.get("ambition_id")),
                                                description=_r(row, "description")),
        lambda db, actor, row, **_: update_result(db, actor=actor, result_id=row["id"], rev=row.get("rev"),
                                                   title=_r(row, "title"),
                                                   ambition_id=_opt_id(row.get("ambition_id")),
                                                   description=_r(row, "description")),
        lambda db, actor, obj_id, confirm: delete_result(db, actor=actor, result_id=obj_id, confirm=confirm),
    ),
    "activities": (
        lambda db, actor, row, **_: add_activity(db, actor=actor, **_activity_fields(row)),
        lambda db, actor, row, **_: update_activity(db, actor=actor, activity_id=row["id"],
                                                     rev=row.get("rev"), **_activity_fields(row)),
        lambda db, actor, obj_id, confirm: delete_activity(db, actor=actor, activity_id=obj_id, confirm=confirm),
    ),
    "indicators": (
        lambda db, actor, row, result_id=None, activity_id=None, **_: add_indicator(
            db, actor=actor, result_id=_opt_id(row.get("result_id", result_id)),
            activity_id=_opt_id(row.get("activity_id", activity_id)), **_ind_fields(row)),
        lambda db, actor, row, **_: update_indicator(db, actor=actor, indicator_id=row["id"],
                                                      rev=row.get("rev"), **_ind_fields(row)),
        lambda db, actor, obj_id, confirm: delete_indicator(db, actor=actor, indicator_id=obj_id, confirm=confirm),
    ),
    "reflections": (
        lambda db, actor, row, **_: add_reflection(db, actor=actor, **_refl_fields(row)),
        lambda db, actor, row, **_: update_reflection(db, actor=actor, reflection_id=row["id"],
                                                       rev=row.get("rev"), **_refl_fields(row)),
        lambda db, actor, obj_id, confirm: delete_reflection(db, actor=actor, reflection_id=obj_id),
    ),
}
_MODELS = {"ambitions": Ambition, "results": Result, "activities": Activity,
           "indicators": Indicator, "reflections": Reflection}


def deletion_references(db: Session, workshop_id: int, table: str, ids: Sequence[int]) -> tuple:
    """Dutch lines saying what deleting these rows would do to what refers to them."""
    lines = []
    for obj_id in ids:
        obj = db.get(_MODELS[table], obj_id)
        if obj is None or obj.workshop_id != workshop_id:
            continue
        if table == "results":
            refs, name = result_references(db, obj_id), f"Resultaat '{obj.title}'"
        elif table == "activities":
            refs, name = activity_references(db, obj_id), f"Activiteit '{obj.title}'"
        elif table == "ambitions":
            n = len(db.execute(select(Result.id).where(Result.ambition_id == obj_id)).all())
            refs = [f"{n} resultaat/resultaten blijven bestaan zonder ambitie"] if n else []
            name = f"Ambitie '{obj.title}'"
        elif table == "indicators":
            n = len(db.execute(select(Measurement.id).where(Measurement.indicator_id == obj_id)).all())
            refs = [f"{n} meting(en) worden verwijderd"] if n else []
            name = f"Indicator '{obj.name}'"
        else:
            refs, name = [], ""
        if refs:
            lines.append(f"{name}: " + "; ".join(refs) + ".")
    return tuple(lines)


# --- status rules and budget splitting --------------------------------------------------------


@dataclass(frozen=True)
class IndicatorStatus:
    status: str
    progress: Optional[float]  # 0 = baseline, 1 = target (clamped to 0..1); None: unknown
    expected: Optional[float] = None  # where a straight line from baseline to target would be


def indicator_status(*, latest: Optional[float], baseline: Optional[float] = None,
                     target: Optional[float] = None, higher_is_better: bool = True,
                     baseline_year: Optional[int] = None, target_year: Optional[int] = None,
                     measured_on: Optional[date] = None, first: Optional[float] = None,
                     kind: str = "tellen", has_story: bool = False) -> IndicatorStatus:
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


# --- the read model ------------------------------------------------------------------------


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
class CoverageWarning:
    kind: str  # result_without_activity | activity_without_result | indicator_without_value | activity_without_quality
    message: str
    ids: tuple


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
    mviews = tuple(MeasurementView(m.id, m.measured_on, m.value, m.story, m.source)
                   for m in sorted(ms, key=lambda m: (m.measured_on, m.id)))
    valued = [m for m in mviews if m.value is not None]
    latest_any = mviews[-1] if mviews else None
    latest_val = valued[-1] if valued else None
    st = indicator_status(latest=latest_val.value if latest_val else None,
                          baseline=ind.baseline_value, target=ind.target_value,
                          higher_is_better=ind.higher_is_better, baseline_year=ind.baseline_year,
                          target_year=ind.target_year,
                          measured_on=latest_val.measured_on if latest_val else None,
                          first=valued[0].value if len(valued) > 1 else None, kind=ind.kind,
                          has_story=any(m.story for m in mviews))
    return IndicatorView(ind.id, ind.rev, ind.name, ind.kind, ind.unit, ind.baseline_value,
                         ind.baseline_year, ind.target_value, ind.target_year, ind.higher_is_better,
                         ind.source, ind.result_id, ind.activity_id, mviews,
                         latest_val or latest_any, st.status, st.progress, st.expected, owner_title)


def compass_view(db: Session, workshop_id: int) -> CompassView:
    """Everything the compass pages, charts and exports show, as plain data."""
    workshops.get_workshop(db, workshop_id)
    ambitions = db.execute(select(Ambition).where(Ambition.workshop_id == workshop_id)
                           .order_by(Ambition.position, Ambition.id)).scalars().all()
    results = db.execute(select(Result).where(Result.workshop_id == workshop_id)
                         .order_by(Result.position, Result.id)).scalars().all()
    activities = db.execute(select(Activity).where(Activity.workshop_id == workshop_id)
                            .order_by(Activity.position, Activity.id)).scalars().all()
    indicators = db.execute(select(Indicator).where(Indicator.workshop_id == workshop_id)
                            .order_by(Indicator.position, Indicator.id)).scalars().all()
    partners = db.execute(select(Partner.id, Partner.name).where(Partner.workshop_id == workshop_id)
                          .order_by(Partner.position, Partner.name, Partner.id)).all()
    act_ids = [a.id for a in activities]
    links = db.execute(select(ActivityResult).where(ActivityResult.activity_id.in_(act_ids))
                       ).scalars().all() if act_ids else []
    ind_ids = [i.id for i in indicators]
    measurements = db.execute(select(Measurement).where(Measurement.indicator_id.in_(ind_ids))
                              ).scalars().all() if ind_ids else []
    reflections = db.execute(select(Reflection).where(Reflection.workshop_id == workshop_id)
                             .order_by(Reflection.id)).scalars().all()

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
        owner = (result_by_id[ind.result_id].title if ind.result_id in result_by_id
                 else activity_by_id[ind.activity_id].title if ind.activity_id in activity_by_id else "")
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
        act_views.append(ActivityView(
            a.id, a.rev, a.title, a.description, a.partner_id,
            partner_names.get(a.partner_id, "") if a.partner_id else "", a.budget_cents,
            tuple(l.result_id for l in ls), tuple(result_by_id[l.result_id].title for l in ls),
            tuple(l.weight for l in ls), a.quality_method, a.quality_training, a.quality_conditions,
            a.proven_effective, a.goal_node_id, tuple(inds_by_act.get(a.id, []))))

    result_views = {r.id: ResultView(r.id, r.rev, r.ambition_id, amb_titles.get(r.ambition_id, ""),
                                     r.title, r.description, r.goal_node_id,
                                     tuple(inds_by_result.get(r.id, [])),
                                     tuple(acts_by_result.get(r.id, [])), per_result.get(r.id, 0))
                    for r in results}
    amb_views = [AmbitionView(a.id, a.rev, a.title, a.current_state, a.monitoring,
                              tuple(result_views[r.id] for r in results if r.ambition_id == a.id))
                 for a in ambitions]
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

    warnings = []
    lonely = [rv for rv in ordered_results if not rv.activity_ids]
    if lonely:
        warnings.append(CoverageWarning("result_without_activity",
                                        f"{len(lonely)} resultaat/resultaten zonder activiteit: "
                                        + _names([r.title for r in lonely]),
                                        tuple(r.id for r in lonely)))
    idle = [av for av in act_views if not av.result_ids]
    if idle:
        warnings.append(CoverageWarning("activity_without_result",
                                        f"{len(idle)} activiteit(en) zonder resultaat: "
                                        + _names([a.title for a in idle]), tuple(a.id for a in idle)))
    empty = [iv for iv in ind_views if iv.latest is None]
    if empty:
        warnings.append(CoverageWarning("indicator_without_value",
                                        f"{len(empty)} indicator(en) zonder gemeten waarde: "
                                        + _names([i.name for i in empty]), tuple(i.id for i in empty)))
    unsure = [av for av in act_views if not av.has_quality_note]
    if unsure:
        warnings.append(CoverageWarning("activity_without_quality",
                                        f"{len(unsure)} activiteit(en) zonder notitie over kwaliteit: "
                                        + _names([a.title for a in unsure]), tuple(a.id for a in unsure)))

    rows = []
    act_view_by_id = {a.id: a for a in act_views}
    for rv in ordered_results:
        inds = list(rv.indicators)
        acts = [act_view_by_id[i] for i in rv.activity_ids]
        for n in range(max(len(inds), len(acts), 1)):
            ind = inds[n] if n < len(inds) else None
            act = acts[n] if n < len(acts) else None
            rows.append(CompassRow(
                rv.ambition_title or NO_AMBITION, rv.title, ind.name if ind else "",
                ind.status if ind else "", act.title if act else "",
                (act.partner_name or NO_PARTNER) if act else "",
                share.get((act.id, rv.id), 0 if act.budget_cents else None) if act else None))
    for av in idle:
        rows.append(CompassRow("", NOT_LINKED, "", "", av.title, av.partner_name or NO_PARTNER,
                               av.budget_cents))

    refl_views = []
    for r in reflections:
        if r.result_id in result_by_id:
            subject = f"Resultaat: {result_by_id[r.result_id].title}"
        elif r.activity_id in activity_by_id:
            subject = f"Activiteit: {activity_by_id[r.activity_id].title}"
        else:
            subject = "(niet meer gekoppeld)"
        refl_views.append(ReflectionView(r.id, r.rev, r.result_id, r.activity_id, subject,
                                         r.going_well, r.could_be_better, r.next_step, r.owner,
                                         r.due_date))
    counts = {s: 0 for s in STATUSES}
    for iv in ind_views:
        counts[iv.status] += 1
    return CompassView(workshop_id, tuple(amb_views), ordered_results, tuple(act_views),
                       tuple(ind_views), tuple(refl_views), tuple((p.id, p.name) for p in partners),
                       budget_per_result, budget_per_partner, total, tuple(warnings), tuple(rows),
                       counts)


def goal_nodes_for_compass(db: Session, workshop_id: int) -> tuple:
    """Effect and activity nodes of the goal tree not yet in the compass: (id, kind, title)."""
    used_r = set(db.execute(select(Result.goal_node_id).where(Result.workshop_id == workshop_id,
                                                              Result.goal_node_id.is_not(None))).scalars())
    used_a = set(db.execute(select(Activity.goal_node_id).where(Activity.workshop_id == workshop_id,
                                                                Activity.goal_node_id.is_not(None))).scalars())
    nodes = db.execute(select(GoalNode.id, GoalNode.kind, GoalNode.title)
                       .where(GoalNode.workshop_id == workshop_id,
                              GoalNode.kind.in_(("effect", "activity")),
                              GoalNode.status == "accepted")
                       .order_by(GoalNode.kind, GoalNode.position, GoalNode.id)).all()
    return tuple((n.id, n.kind, n.title) for n in nodes
                 if n.id not in (used_r if n.kind == "effect" else used_a))
