"""Per partner: the kind of relation (opdrachtgever–opdrachtnemer, maatschappelijk partner
or both) now and as the group wants it, the explicit roles and agreements, "wat is goed
genoeg", and the interests around the partner.

Not every relation should be a partnership: with some organisations a plain client–
contractor relation fits, and then roles and agreements must be explicit. Interests are
shared (*gedeeld*) or the partner's own (*eigen*); both belong on the table. Participants
add interests anonymously (no author is stored, like proposals in the goal tree, and nobody
sees who wrote what); the facilitator groups them under a short heading and may remove
them. The relation itself is the facilitator's, recorded from the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from kompas import live, text, workshops
from kompas.errors import Conflict, InvalidInput, NotFound
from kompas.models import INTEREST_KINDS, RELATION_TYPES, Interest, Partner
from kompas.partners.roster import STALE, get_partner
from kompas.workshops import Actor

TOOL = "matrix"
INTEREST_MAX = 500
GROUPING_MAX = 80
MAX_INTERESTS = 500  # per workshop: enough for any session, a stop for a runaway script


def _relation(value: object, field: str) -> str:
    if value in (None, ""):
        return ""
    if value not in RELATION_TYPES:
        raise InvalidInput(
            f"Kies bij {field}: opdrachtgever–opdrachtnemer, maatschappelijk partner of beide."
        )
    return value  # type: ignore[return-value]


def set_relation(
    db: Session,
    *,
    actor: Actor,
    partner_id: int,
    rev: int,
    relation_now: object = "",
    relation_desired: object = "",
    roles_agreements: object = "",
    good_enough: object = "",
) -> int:
    """Record the relation with one partner (facilitator). ``rev``: the partner's rev the
    form showed. Returns the new rev."""
    workshop = workshops.require_facilitator(db, actor)
    partner = get_partner(db, workshop.id, partner_id)
    now = _relation(relation_now, "de relatie nu")
    desired = _relation(relation_desired, "de gewenste relatie")
    roles = text.optional(roles_agreements, field="rollen en afspraken")
    enough = text.optional(good_enough, field="wat is goed genoeg")
    if partner.rev != rev:
        raise Conflict(STALE.format(name=f"Partner '{partner.name}'"))
    partner.relation_now, partner.relation_desired = now, desired
    partner.roles_agreements, partner.good_enough = roles, enough
    partner.rev += 1
    live.touch(db, workshop.id)
    return partner.rev


def add_interest(db: Session, *, actor: Actor, partner_id: int, kind: object, text_: object) -> int:
    """An interest around a partner (participants while the matrix is open, and the
    facilitator). No author is kept. Returns its id."""
    workshop = workshops.require_open(db, actor, TOOL)
    partner = get_partner(db, workshop.id, partner_id)
    if kind not in INTEREST_KINDS:
        raise InvalidInput("Kies of het een gedeeld belang is of een eigen belang.")
    body = text.clean(text_, field="belang", max_len=INTEREST_MAX)
    count = db.execute(
        select(func.count(Interest.id)).where(Interest.workshop_id == workshop.id)
    ).scalar_one()
    if count >= MAX_INTERESTS:
        raise InvalidInput(f"Er staan al {MAX_INTERESTS} belangen in deze workshop.")
    row = Interest(workshop_id=workshop.id, partner_id=partner.id, kind=kind, text=body)
    db.add(row)
    db.flush()
    live.touch(db, workshop.id)
    return row.id  # type: ignore[return-value]


def _interest(db: Session, workshop_id: int, interest_id: int) -> Interest:
    row = db.get(Interest, interest_id)
    if row is None or row.workshop_id != workshop_id:
        raise NotFound("Dit belang bestaat niet (meer).")
    return row


def group_interest(
    db: Session,
    *,
    actor: Actor,
    interest_id: int,
    grouping: object,
    kind: Optional[str] = None,
) -> None:
    """The facilitator puts an interest under a heading ("" = no heading) and may correct
    whether it is shared or own."""
    workshop = workshops.require_facilitator(db, actor)
    row = _interest(db, workshop.id, interest_id)
    heading = text.clean(grouping, field="groep", max_len=GROUPING_MAX, required=False)
    if kind is not None and kind not in INTEREST_KINDS:
        raise InvalidInput("Kies of het een gedeeld belang is of een eigen belang.")
    row.grouping = heading
    if kind is not None:
        row.kind = kind
    row.rev += 1
    live.touch(db, workshop.id)


def delete_interest(db: Session, *, actor: Actor, interest_id: int) -> None:
    workshop = workshops.require_facilitator(db, actor)
    db.delete(_interest(db, workshop.id, interest_id))
    live.touch(db, workshop.id)


# --- read model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InterestRow:
    id: int
    partner_id: int
    kind: str
    text: str
    grouping: str


@dataclass(frozen=True)
class RelationRow:
    partner_id: int
    name: str
    relation_now: str
    relation_desired: str
    roles_agreements: str
    good_enough: str
    rev: int
    interests: tuple  # of InterestRow: by grouping ("" last), then in order of adding

    @property
    def recorded(self) -> bool:
        return bool(
            self.relation_now or self.relation_desired or self.roles_agreements or self.good_enough
        )


def relations(db: Session, workshop_id: int) -> tuple[RelationRow, ...]:
    """Every partner with its relation and interests, in the partner order. Plain data,
    the same for every viewer (interests carry no author)."""
    by_partner: dict[int, list[InterestRow]] = {}
    for i in db.execute(
        select(Interest).where(Interest.workshop_id == workshop_id).order_by(Interest.id)
    ).scalars():
        by_partner.setdefault(i.partner_id, []).append(
            InterestRow(i.id, i.partner_id, i.kind, i.text, i.grouping)
        )
    out = []
    for p in db.execute(
        select(Partner)
        .where(Partner.workshop_id == workshop_id)
        .order_by(Partner.position, Partner.id)
    ).scalars():
        rows = sorted(
            by_partner.get(p.id, []), key=lambda r: (r.grouping == "", r.grouping.lower())
        )
        out.append(
            RelationRow(
                p.id,
                p.name,
                p.relation_now,
                p.relation_desired,
                p.roles_agreements,
                p.good_enough,
                p.rev,
                tuple(rows),
            )
        )
    return tuple(out)
