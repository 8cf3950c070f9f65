"""Placements in the partner matrix: each participant's own estimate, the agreed group
position and the agreed direction of every partner.

Axes are fractions 0..1: ``influence`` (vertical, *invloed op de doelen*) and
``dependency`` (horizontal, *afhankelijkheid van de gemeente*). A ``Placement`` with a
participant is one person's estimate; with ``participant_id`` None it is the agreed group
position (at most one per partner, enforced here because SQL NULLs are never equal).

Participants move only their own placements, in the phases ``inschatten`` and
``bespreken`` (after hearing the others they may adjust), never when the matrix is locked
or closed. Agreed positions, directions and the reveal are the facilitator's.

Every placement and direction belongs to a lens (``kompas.partners.lenses``); the axes
above are those of the default lens, other lenses store their vertical axis in
``influence`` and their horizontal one in ``dependency``. Participants place in the
workshop's current lens (``Workshop.matrix_lens``) only; the facilitator may record agreed
positions and directions in any lens.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from kompas import live, text, workshops
from kompas.errors import Conflict, InvalidInput, NotAllowed
from kompas.models import DIRECTIONS, Direction, Placement, Workshop, utcnow
from kompas.partners import lenses
from kompas.partners.consensus import Point, figures_by_partner
from kompas.partners.roster import STALE, get_partner
from kompas.workshops import Actor

TOOL = "matrix"
PLACE_PHASES = ("inschatten", "bespreken")


def clamp_position(value: object, *, axis: str) -> float:
    """A position as a float in 0..1; NaN, infinity and non-numbers are refused."""
    if isinstance(value, bool):
        raise InvalidInput(f"De {axis} moet een getal zijn.")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"De {axis} moet een getal zijn.") from exc
    if not math.isfinite(number):
        raise InvalidInput(f"De {axis} moet een gewoon getal zijn.")
    return min(1.0, max(0.0, number))


def current_lens(workshop: Workshop) -> str:
    """The lens of this round; an id this version does not know reads as the default."""
    return lenses.get_or_default(workshop.matrix_lens).id


def _lens_for(workshop: Workshop, actor: Actor, lens: Optional[str]) -> str:
    """The lens a write goes to: the current one when None. A participant may only place
    in the current lens: when the facilitator switched since the page was drawn, the move
    is refused (and the page shows the new lens)."""
    current = current_lens(workshop)
    if lens is None:
        return current
    chosen = lenses.get(lens).id
    if chosen != current and not actor.is_facilitator:
        raise Conflict(
            f"De procesbegeleider heeft de lens gewijzigd naar '{lenses.name(current)}'. "
            "Je inschatting is niet opgeslagen. Zet de partner opnieuw."
        )
    return chosen


def set_lens(db: Session, *, actor: Actor, lens: str) -> None:
    """The facilitator chooses the lens of the next round. A new lens starts hidden:
    everyone places first, the facilitator reveals when the group is ready."""
    workshop = workshops.require_facilitator(db, actor)
    chosen = lenses.get(lens).id
    if chosen == workshop.matrix_lens:
        return
    workshop.matrix_lens = chosen
    workshop.placements_revealed = False
    live.touch(db, workshop.id)


def _agreed(db: Session, partner_id: int, lens: str = lenses.DEFAULT) -> Optional[Placement]:
    return (
        db.execute(
            select(Placement)
            .where(
                Placement.partner_id == partner_id,
                Placement.participant_id.is_(None),
                Placement.lens == lens,
            )
            .order_by(Placement.id)
        )
        .scalars()
        .first()
    )


def place_partner(
    db: Session,
    *,
    actor: Actor,
    partner_id: int,
    influence: object,
    dependency: object,
    lens: Optional[str] = None,
) -> Point:
    """A participant's own estimate (phases inschatten and bespreken, not locked) in the
    current lens (``lens``: the lens the participant saw; refused when it is no longer
    the current one). Values outside 0..1 are clamped. Returns the stored point."""
    workshop = workshops.require_open(db, actor, TOOL, phases=PLACE_PHASES)
    if actor.is_facilitator or actor.participant_id is None:
        raise NotAllowed(
            "Alleen deelnemers plaatsen partners in hun eigen matrix. Als "
            "procesbegeleider verschuif je de gezamenlijke positie."
        )
    lens_id = _lens_for(workshop, actor, lens)
    partner = get_partner(db, workshop.id, partner_id)
    point = _point(lens_id, influence, dependency)
    row = db.execute(
        select(Placement).where(
            Placement.partner_id == partner.id,
            Placement.participant_id == actor.participant_id,
            Placement.lens == lens_id,
        )
    ).scalar_one_or_none()
    if row is None:
        db.add(
            Placement(
                workshop_id=workshop.id,
                partner_id=partner.id,
                participant_id=actor.participant_id,
                influence=point.influence,
                dependency=point.dependency,
                lens=lens_id,
            )
        )
    else:
        row.influence, row.dependency, row.updated_at = point.influence, point.dependency, utcnow()
    live.touch(db, workshop.id)
    return point


def _point(lens_id: str, vertical: object, horizontal: object) -> Point:
    lens = lenses.get_or_default(lens_id)
    return Point(
        clamp_position(vertical, axis=lens.vertical.label.lower()),
        clamp_position(horizontal, axis=lens.horizontal.label.lower()),
    )


def place_many(
    db: Session,
    *,
    actor: Actor,
    moves: list[tuple[int, tuple[int, int]]],
    lens: Optional[str] = None,
) -> None:
    """The moves of the slider form, ``(partner id, (influence, dependency))`` in percent
    (0–100), in one unit of work: the participant's own placements, or for the
    facilitator the agreed positions."""
    fn = set_agreed_position if actor.is_facilitator else place_partner
    for partner_id, (influence, dependency) in moves:
        fn(
            db,
            actor=actor,
            partner_id=partner_id,
            influence=influence / 100,
            dependency=dependency / 100,
            lens=lens,
        )


def clear_placement(
    db: Session, *, actor: Actor, partner_id: int, lens: Optional[str] = None
) -> None:
    """Take back one's own estimate (in the current lens): the dot goes back to 'not yet
    placed'."""
    workshop = workshops.require_open(db, actor, TOOL, phases=PLACE_PHASES)
    if actor.participant_id is None:
        raise NotAllowed("Alleen deelnemers hebben een eigen plaatsing.")
    lens_id = _lens_for(workshop, actor, lens)
    partner = get_partner(db, workshop.id, partner_id)
    db.execute(
        Placement.__table__.delete().where(
            Placement.partner_id == partner.id,
            Placement.participant_id == actor.participant_id,
            Placement.lens == lens_id,
        )
    )
    live.touch(db, workshop.id)


def set_agreed_position(
    db: Session,
    *,
    actor: Actor,
    partner_id: int,
    influence: object,
    dependency: object,
    lens: Optional[str] = None,
) -> Point:
    """The agreed group position of one partner in ``lens`` (the current one when None;
    facilitator; clamped to 0..1)."""
    workshop = workshops.require_facilitator(db, actor)
    lens_id = _lens_for(workshop, actor, lens)
    partner = get_partner(db, workshop.id, partner_id)
    point = _point(lens_id, influence, dependency)
    _write_agreed(db, workshop.id, partner.id, point, lens_id)
    live.touch(db, workshop.id)
    return point


def _write_agreed(
    db: Session, workshop_id: int, partner_id: int, point: Point, lens: str = lenses.DEFAULT
) -> None:
    rows = (
        db.execute(
            select(Placement)
            .where(
                Placement.partner_id == partner_id,
                Placement.participant_id.is_(None),
                Placement.lens == lens,
            )
            .order_by(Placement.id)
        )
        .scalars()
        .all()
    )
    for extra in rows[1:]:  # heal duplicates a race might have left: one agreed position
        db.delete(extra)
    if rows:
        rows[0].influence, rows[0].dependency = point.influence, point.dependency
        rows[0].updated_at = utcnow()
    else:
        db.add(
            Placement(
                workshop_id=workshop_id,
                partner_id=partner_id,
                participant_id=None,
                influence=point.influence,
                dependency=point.dependency,
                lens=lens,
            )
        )


def agree_at_mean(
    db: Session, *, actor: Actor, overwrite: bool = False, lens: Optional[str] = None
) -> int:
    """Give every partner without an agreed position one at the mean of the placements
    (``overwrite``: all partners), in ``lens`` (the current one when None). Partners
    nobody placed are skipped. Returns how many were set."""
    workshop = workshops.require_facilitator(db, actor)
    lens_id = _lens_for(workshop, actor, lens)
    figures = figures_by_partner(db, workshop.id, lens_id)
    done = 0
    for partner_id, c in figures.items():
        if c.mean is None:
            continue
        if not overwrite and _agreed(db, partner_id, lens_id) is not None:
            continue
        _write_agreed(db, workshop.id, partner_id, c.mean, lens_id)
        done += 1
    if done:
        live.touch(db, workshop.id)
    return done


def reveal_placements(db: Session, *, actor: Actor, revealed: bool = True) -> None:
    workshops.update_workshop(db, actor=actor, placements_revealed=bool(revealed))


# --- directions ---------------------------------------------------------------------------


def set_direction(
    db: Session,
    *,
    actor: Actor,
    partner_id: int,
    direction: str,
    rationale: str = "",
    action: str = "",
    owner: str = "",
    review_date: Optional[date] = None,
    dissent: str = "",
    rev: Optional[int] = None,
    lens: Optional[str] = None,
) -> int:
    """Record the agreed direction of one partner in ``lens`` (the current one when None;
    facilitator). ``rev``: the direction's rev the editor saw, None when there was none
    yet. Returns the new rev."""
    workshop = workshops.require_facilitator(db, actor)
    lens_id = _lens_for(workshop, actor, lens)
    partner = get_partner(db, workshop.id, partner_id)
    if direction not in DIRECTIONS:
        raise InvalidInput("Kies een richting: omhoog, omlaag, links, rechts of blijven.")
    rationale = text.optional(rationale, field="onderbouwing")
    action = text.optional(action, field="actie")
    owner = text.clean(owner, field="eigenaar", max_len=text.NAME_MAX, required=False)
    dissent = text.optional(dissent, field="afwijkende mening")
    if review_date is not None and not isinstance(review_date, date):
        raise InvalidInput("De evaluatiedatum is geen datum.")
    row = db.execute(
        select(Direction).where(Direction.partner_id == partner.id, Direction.lens == lens_id)
    ).scalar_one_or_none()
    if row is None:
        if rev is not None:
            raise Conflict(STALE.format(name=f"De richting van '{partner.name}'"))
        row = Direction(workshop_id=workshop.id, partner_id=partner.id, rev=0, lens=lens_id)
        db.add(row)
    elif rev is None or row.rev != rev:
        raise Conflict(STALE.format(name=f"De richting van '{partner.name}'"))
    row.direction, row.rationale, row.action = direction, rationale, action
    row.owner, row.review_date, row.dissent = owner, review_date, dissent
    row.updated_at = utcnow()
    row.rev += 1
    live.touch(db, workshop.id)
    return row.rev
