"""The partner list of the partner matrix: adding, changing and deleting partners, and
what refers to them. All of it is the facilitator's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pydantic import field_validator
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

from kompas import formats, live, text, workshops
from kompas.errors import Conflict, InvalidInput
from kompas.formats import count
from kompas.models import (
    PARTNER_KINDS,
    Activity,
    Direction,
    GoalNode,
    Interest,
    Partner,
    Placement,
)
from kompas.rows import get_in_workshop
from kompas.workshops import Actor

MAX_PARTNERS = 200
SERVICE_MAX = 120
STALE = "{name} is intussen door iemand anders gewijzigd. Laad opnieuw en probeer het nog eens."


# --- input models -------------------------------------------------------------------------


class PartnerBase(SQLModel):
    """A partner as the facilitator enters it; fields are checked in this order."""

    name: str
    service: str = ""
    kind: str = "overig"
    notes: str = ""
    contract_value_cents: Optional[int] = None  # cents as int, or an amount as text

    @field_validator("name", mode="before")
    @classmethod
    def _clean_name(cls, value: object) -> str:
        return text.clean(value, field="naam van de partner", max_len=text.NAME_MAX)

    @field_validator("service", mode="before")
    @classmethod
    def _clean_service(cls, value: object) -> str:
        return text.clean(value, field="voorziening", max_len=SERVICE_MAX, required=False)

    @field_validator("kind", mode="before")
    @classmethod
    def _check_kind(cls, value: object) -> str:
        kind = (value or "overig").strip().lower() if isinstance(value, str) else value
        if kind not in PARTNER_KINDS:
            raise InvalidInput(
                f"Soort '{kind}' bestaat niet. Kies uit: {', '.join(PARTNER_KINDS)}."
            )
        return kind

    @field_validator("notes", mode="before")
    @classmethod
    def _clean_notes(cls, value: object) -> str:
        return text.optional(value, field="notities")

    @field_validator("contract_value_cents", mode="before")
    @classmethod
    def _contract(cls, value: object) -> Optional[int]:
        if value is None or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                raise InvalidInput("De contractwaarde mag niet negatief zijn.")
            if value > formats.MONEY_MAX_CENTS:
                raise InvalidInput(
                    "De contractwaarde is onwaarschijnlijk hoog (meer dan een miljard euro)."
                )
            return value
        return formats.parse_money(value, field="contractwaarde")


class PartnerCreate(PartnerBase):
    pass


class PartnerUpdate(PartnerBase):
    """Only the fields given change (``model_dump(exclude_unset=True)``)."""

    name: Optional[str] = None
    service: Optional[str] = None
    kind: Optional[str] = None
    notes: Optional[str] = None


# --- partners -----------------------------------------------------------------------------


def get_partner(db: Session, workshop_id: int, partner_id: object) -> Partner:
    return get_in_workshop(
        db,
        Partner,
        partner_id,
        workshop_id,
        "Deze partner",
        message="Deze partner bestaat niet (meer) in deze workshop.",
    )


def is_name_taken(db: Session, workshop_id: int, name: str, except_id: int | None = None) -> bool:
    q = select(Partner.id).where(
        Partner.workshop_id == workshop_id, func.lower(Partner.name) == name.lower()
    )
    if except_id is not None:
        q = q.where(Partner.id != except_id)
    return db.execute(q).first() is not None


def add_partner(
    db: Session,
    *,
    actor: Actor,
    name: str,
    service: str = "",
    kind: str = "overig",
    contract_value_cents: object = None,
    notes: str = "",
) -> int:
    """Add a partner (facilitator). ``contract_value_cents``: cents as int, or an amount
    as text (\"€ 12.500\"). Returns the new id."""
    workshop = workshops.require_facilitator(db, actor)
    partner_in = PartnerCreate(
        name=name,
        service=service,
        kind=kind,
        notes=notes,
        contract_value_cents=contract_value_cents,
    )
    count = db.execute(
        select(func.count(Partner.id)).where(Partner.workshop_id == workshop.id)
    ).scalar_one()
    if count >= MAX_PARTNERS:
        raise InvalidInput(f"Er zijn al {count} partners; meer dan {MAX_PARTNERS} kan niet.")
    if is_name_taken(db, workshop.id, partner_in.name):
        raise Conflict(f"Er is al een partner met de naam '{partner_in.name}'.")
    partner = Partner(workshop_id=workshop.id, **partner_in.model_dump(), position=count)
    db.add(partner)
    db.flush()
    live.touch(db, workshop.id)
    return partner.id


def update_partner(
    db: Session,
    *,
    actor: Actor,
    partner_id: int,
    rev: int,
    name: str,
    service: str = "",
    kind: str = "overig",
    contract_value_cents: object = None,
    notes: str = "",
) -> None:
    """Replace a partner's fields (facilitator); an omitted keyword resets its field."""
    workshop = workshops.require_facilitator(db, actor)
    partner = get_partner(db, workshop.id, partner_id)
    if partner.rev != rev:
        raise Conflict(STALE.format(name=f"Partner '{partner.name}'"))
    changes = PartnerUpdate(
        name=name,
        service=service,
        kind=kind,
        notes=notes,
        contract_value_cents=contract_value_cents,
    ).model_dump(exclude_unset=True)
    if is_name_taken(db, workshop.id, changes["name"], except_id=partner.id):
        raise Conflict(f"Er is al een partner met de naam '{changes['name']}'.")
    partner.sqlmodel_update(changes)
    partner.rev += 1
    live.touch(db, workshop.id)


@dataclass(frozen=True)
class References:
    activities: tuple  # titles of compass activities carried out by the partner
    goal_nodes: tuple  # titles of goal-tree activity nodes naming the partner

    def __bool__(self) -> bool:
        return bool(self.activities or self.goal_nodes)

    def sentence(self) -> str:
        parts = []
        if self.activities:
            parts.append(
                f"{count(len(self.activities), 'activiteit', 'activiteiten')} in het kompas ("
                + ", ".join(f"'{t}'" for t in self.activities[:5])
                + (", …" if len(self.activities) > 5 else "")
                + ")"
            )
        if self.goal_nodes:
            parts.append(
                f"{count(len(self.goal_nodes), 'activiteit', 'activiteiten')} in de doelenboom ("
                + ", ".join(f"'{t}'" for t in self.goal_nodes[:5])
                + (", …" if len(self.goal_nodes) > 5 else "")
                + ")"
            )
        return " en ".join(parts)


def partner_references(db: Session, workshop_id: int, partner_id: int) -> References:
    acts = (
        db.execute(
            select(Activity.title)
            .where(Activity.workshop_id == workshop_id, Activity.partner_id == partner_id)
            .order_by(Activity.position, Activity.id)
        )
        .scalars()
        .all()
    )
    nodes = (
        db.execute(
            select(GoalNode.title)
            .where(GoalNode.workshop_id == workshop_id, GoalNode.partner_id == partner_id)
            .order_by(GoalNode.position, GoalNode.id)
        )
        .scalars()
        .all()
    )
    return References(tuple(acts), tuple(nodes))


def delete_partner(db: Session, *, actor: Actor, partner_id: int, confirm: bool = False) -> None:
    """Delete a partner with its placements and direction. When activities refer to it,
    refuse unless ``confirm``: then those activities keep existing without a partner."""
    workshop = workshops.require_facilitator(db, actor)
    partner = get_partner(db, workshop.id, partner_id)
    refs = partner_references(db, workshop.id, partner.id)
    if refs and not confirm:
        raise Conflict(
            f"Partner '{partner.name}' voert {refs.sentence()} uit. Bevestig het "
            f"verwijderen: die activiteiten blijven bestaan, zonder partner."
        )
    # Explicit, so the result does not depend on the database enforcing ON DELETE.
    for model in (Activity, GoalNode):
        db.execute(
            model.__table__.update().where(model.partner_id == partner.id).values(partner_id=None)
        )
    for model in (Placement, Direction, Interest):
        db.execute(model.__table__.delete().where(model.partner_id == partner.id))
    db.delete(partner)
    live.touch(db, workshop.id)
