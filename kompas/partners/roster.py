"""Partnermatrix: partners, individual placements, consensus figures, agreed positions
and directions (partner strategies after Kraljic).

Axes are fractions 0..1: ``influence`` (vertical, *invloed op de doelen*) and
``dependency`` (horizontal, *afhankelijkheid van de gemeente*). A ``Placement`` with a
participant is one person's estimate; with ``participant_id`` None it is the agreed group
position (at most one per partner, enforced here because SQL NULLs are never equal).

Participants move only their own placements, in the phases ``inschatten`` and
``bespreken`` (after hearing the others they may adjust), never when the matrix is locked
or closed. Everything else (partners, agreed positions, directions, reveal) is the
facilitator's.
"""

from __future__ import annotations

import csv
import io
import math
import statistics
import zipfile
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from kompas import formats, live, text, workshops
from kompas.errors import Conflict, ImportRefused, InvalidInput, NotAllowed, NotFound
from kompas.models import (
    DIRECTIONS,
    PARTNER_KINDS,
    Activity,
    Direction,
    GoalNode,
    Participant,
    Partner,
    Placement,
    utcnow,
)
from kompas.workshops import Actor

TOOL = "matrix"
PLACE_PHASES = ("inschatten", "bespreken")
MAX_PARTNERS = 200
SERVICE_MAX = 120
MIN_GROUP = 3  # a role group's figures are shown from this many placements on
KIND_LABELS = {"welzijn": "Welzijn", "zorg": "Zorg", "jeugd": "Jeugd", "onderwijs": "Onderwijs",
               "wonen": "Wonen", "overig": "Overig"}
STALE = "{name} is intussen door iemand anders gewijzigd. Laad opnieuw en probeer het nog eens."


# --- read models --------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    service: str
    kind: str
    contract_value_cents: Optional[int]
    notes: str
    position: int
    rev: int


@dataclass(frozen=True)
class Point:
    influence: float  # vertical, 0..1
    dependency: float  # horizontal, 0..1


@dataclass(frozen=True)
class Mark:
    """One revealed placement, without who made it."""

    partner_id: int
    influence: float
    dependency: float


@dataclass(frozen=True)
class GroupFigures:
    role_group: str
    count: int
    mean: Point
    spread: float


@dataclass(frozen=True)
class Consensus:
    """Figures of the placements of one partner.

    ``spread`` is the mean Euclidean distance of the placements to their mean point, in
    axis units (0 = everyone agrees, about 0.7 at most). ``sd_influence`` and
    ``sd_dependency`` are population standard deviations per axis, to see on which axis
    people differ. ``groups`` holds role groups with at least ``MIN_GROUP`` placements
    (and only when the rest is empty or also at least ``MIN_GROUP``, so nobody's position
    can be worked out by subtraction)."""

    partner_id: int
    count: int
    mean: Optional[Point]
    spread: float
    sd_influence: float
    sd_dependency: float
    groups: tuple = ()


@dataclass(frozen=True)
class DirectionRow:
    partner_id: int
    direction: str
    rationale: str
    action: str
    owner: str
    review_date: Optional[date]
    dissent: str
    rev: int


@dataclass(frozen=True)
class MatrixView:
    """Everything one viewer may see of the matrix; plain data, safe to cache.

    ``own``: the viewer's placements (participant) by partner id. ``agreed``: agreed
    positions by partner id. ``marks``: other people's placements, only once revealed
    (the facilitator always sees them), sorted by position so they cannot be linked
    across partners. ``consensus``: ordered by disagreement, largest first (empty for a
    participant before the reveal). ``placed``: how many people placed each partner."""

    workshop_id: int
    phase: str
    locked: bool
    revealed: bool
    is_facilitator: bool
    viewer_participant_id: Optional[int]
    quadrant_labels: tuple
    partners: tuple
    own: dict = field(default_factory=dict)
    agreed: dict = field(default_factory=dict)
    marks: tuple = ()
    consensus: tuple = ()
    placed: dict = field(default_factory=dict)
    directions: dict = field(default_factory=dict)
    participants: int = 0

    def partner(self, partner_id: int) -> Optional[PartnerRow]:
        return next((p for p in self.partners if p.id == partner_id), None)

    def consensus_for(self, partner_id: int) -> Optional[Consensus]:
        return next((c for c in self.consensus if c.partner_id == partner_id), None)

    def anchor(self, partner_id: int) -> Optional[Point]:
        """Where the agreed position is, or would start: agreed, else the mean."""
        if partner_id in self.agreed:
            return self.agreed[partner_id]
        c = self.consensus_for(partner_id)
        return c.mean if c else None

    def viewer_position(self, partner_id: int) -> tuple[Point, bool]:
        """The draggable dot of this viewer and whether it is set: a participant's own
        placement, the facilitator's agreed position (starting at the mean); unset dots
        sit at the centre."""
        if self.is_facilitator:
            if partner_id in self.agreed:
                return self.agreed[partner_id], True
            start = self.anchor(partner_id)
            return (start or Point(0.5, 0.5)), False
        if partner_id in self.own:
            return self.own[partner_id], True
        return Point(0.5, 0.5), False

    def can_move(self) -> bool:
        if self.is_facilitator:
            return True
        return (not self.locked and self.phase in PLACE_PHASES
                and self.viewer_participant_id is not None)


# --- pure helpers -------------------------------------------------------------------------


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


def consensus(partner_id: int, points: list[tuple[float, float]],
              roles: list[str] | None = None) -> Consensus:
    """Figures for one partner from ``(influence, dependency)`` pairs; ``roles`` gives
    each pair's role group (same order) for the per-group figures."""
    if not points:
        return Consensus(partner_id, 0, None, 0.0, 0.0, 0.0, ())
    mean, spread = _mean_spread(points)
    sd_i = statistics.pstdev(p[0] for p in points)
    sd_d = statistics.pstdev(p[1] for p in points)
    groups = []
    if roles is not None:
        by_role: dict[str, list[tuple[float, float]]] = {}
        for role, point in zip(roles, points):
            by_role.setdefault(role, []).append(point)
        for role in sorted(by_role):
            members = by_role[role]
            rest = len(points) - len(members)
            if len(members) >= MIN_GROUP and (rest == 0 or rest >= MIN_GROUP):
                g_mean, g_spread = _mean_spread(members)
                groups.append(GroupFigures(role, len(members), g_mean, g_spread))
    return Consensus(partner_id, len(points), mean, spread, sd_i, sd_d, tuple(groups))


def _mean_spread(points: list[tuple[float, float]]) -> tuple[Point, float]:
    mi = sum(p[0] for p in points) / len(points)
    md = sum(p[1] for p in points) / len(points)
    spread = sum(math.hypot(p[0] - mi, p[1] - md) for p in points) / len(points)
    return Point(mi, md), spread


def by_disagreement(figures: list[Consensus], names: dict[int, str]) -> tuple[Consensus, ...]:
    """Largest spread first; partners with fewer than two placements last (no spread
    to speak of), ties by name."""
    return tuple(sorted(figures, key=lambda c: (c.count < 2, -round(c.spread, 9),
                                                names.get(c.partner_id, "").lower())))


# --- lookups ------------------------------------------------------------------------------


def _partner_in(db: Session, workshop_id: int, partner_id: object) -> Partner:
    partner = db.get(Partner, partner_id) if isinstance(partner_id, int) else None
    if partner is None or partner.workshop_id != workshop_id:
        raise NotFound("Deze partner bestaat niet (meer) in deze workshop.")
    return partner


def _agreed(db: Session, partner_id: int) -> Optional[Placement]:
    return db.execute(select(Placement).where(Placement.partner_id == partner_id,
                                              Placement.participant_id.is_(None))
                      .order_by(Placement.id)).scalars().first()


def _row(p: Partner) -> PartnerRow:
    return PartnerRow(p.id, p.name, p.service, p.kind, p.contract_value_cents, p.notes,
                      p.position, p.rev)


# --- partners -----------------------------------------------------------------------------


def _clean_fields(name, service, kind, notes):
    name = text.clean(name, field="naam van de partner", max_len=text.NAME_MAX)
    service = text.clean(service, field="voorziening", max_len=SERVICE_MAX, required=False)
    kind = (kind or "overig").strip().lower() if isinstance(kind, str) else kind
    if kind not in PARTNER_KINDS:
        raise InvalidInput(f"Soort '{kind}' bestaat niet. Kies uit: {', '.join(PARTNER_KINDS)}.")
    notes = text.optional(notes, field="notities")
    return name, service, kind, notes


def _contract(value: object) -> Optional[int]:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise InvalidInput("De contractwaarde mag niet negatief zijn.")
        if value > 100_000_000_000:  # the same limit as parse_money: a billion euro
            raise InvalidInput("De contractwaarde is onwaarschijnlijk hoog (meer dan een miljard euro).")
        return value
    return formats.parse_money(value, field="contractwaarde")


def _name_taken(db: Session, workshop_id: int, name: str, except_id: int | None = None) -> bool:
    q = select(Partner.id).where(Partner.workshop_id == workshop_id,
                                 func.lower(Partner.name) == name.lower())
    if except_id is not None:
        q = q.where(Partner.id != except_id)
    return db.execute(q).first() is not None


def add_partner(db: Session, *, actor: Actor, name: str, service: str = "", kind: str = "overig",
                contract_value_cents: object = None, notes: str = "") -> int:
    """Add a partner (facilitator). ``contract_value_cents``: cents as int, or an amount
    as text (\"€ 12.500\"). Returns the new id."""
    workshop = workshops.require_facilitator(db, actor)
    name, service, kind, notes = _clean_fields(name, service, kind, notes)
    cents = _contract(contract_value_cents)
    count = db.execute(select(func.count(Partner.id))
                       .where(Partner.workshop_id == workshop.id)).scalar_one()
    if count >= MAX_PARTNERS:
        raise InvalidInput(f"Er zijn al {count} partners; meer dan {MAX_PARTNERS} kan niet.")
    if _name_taken(db, workshop.id, name):
        raise Conflict(f"Er is al een partner met de naam '{name}'.")
    partner = Partner(workshop_id=workshop.id, name=name, service=service, kind=kind,
                      contract_value_cents=cents, notes=notes, position=count)
    db.add(partner)
    db.flush()
    live.touch(db, workshop.id)
    return partner.id


def update_partner(db: Session, *, actor: Actor, partner_id: int, rev: int, name: str,
                   service: str = "", kind: str = "overig", contract_value_cents: object = None,
                   notes: str = "") -> None:
    workshop = workshops.require_facilitator(db, actor)
    partner = _partner_in(db, workshop.id, partner_id)
    if partner.rev != rev:
        raise Conflict(STALE.format(name=f"Partner '{partner.name}'"))
    name, service, kind, notes = _clean_fields(name, service, kind, notes)
    cents = _contract(contract_value_cents)
    if _name_taken(db, workshop.id, name, except_id=partner.id):
        raise Conflict(f"Er is al een partner met de naam '{name}'.")
    partner.name, partner.service, partner.kind = name, service, kind
    partner.contract_value_cents, partner.notes = cents, notes
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
            parts.append(f"{len(self.activities)} activiteit(en) in het kompas ("
                         + ", ".join(f"'{t}'" for t in self.activities[:5])
                         + (", …" if len(self.activities) > 5 else "") + ")")
        if self.goal_nodes:
            parts.append(f"{len(self.goal_nodes)} activiteit(en) in de doelenboom ("
                         + ", ".join(f"'{t}'" for t in self.goal_nodes[:5])
                         + (", …" if len(self.goal_nodes) > 5 else "") + ")")
        return " en ".join(parts)


def partner_references(db: Session, workshop_id: int, partner_id: int) -> References:
    acts = db.execute(select(Activity.title).where(Activity.workshop_id == workshop_id,
                                                   Activity.partner_id == partner_id)
                      .order_by(Activity.position, Activity.id)).scalars().all()
    nodes = db.execute(select(GoalNode.title).where(GoalNode.workshop_id == workshop_id,
                                                    GoalNode.partner_id == partner_id)
                       .order_by(GoalNode.position, GoalNode.id)).scalars().all()
    return References(tuple(acts), tuple(nodes))


def delete_partner(db: Session, *, actor: Actor, partner_id: int, confirm: bool = False) -> None:
    """Delete a partner with its placements and direction. When activities refer to it,
    refuse unless ``confirm``: then those activities keep existing without a partner."""
    workshop = workshops.require_facilitator(db, actor)
    partner = _partner_in(db, workshop.id, partner_id)
    refs = partner_references(db, workshop.id, partner.id)
    if refs and not confirm:
        raise Conflict(f"Partner '{partner.name}' voert {refs.sentence()} uit. Bevestig het "
                       f"verwijderen: die activiteiten blijven bestaan, zonder partner.")
    # Explicit, so the result does not depend on the database enforcing ON DELETE.
    for model in (Activity, GoalNode):
        db.execute(model.__table__.update().where(model.partner_id == partner.id)
                   .values(partner_id=None))
    for model in (Placement, Direction):
        db.execute(model.__table__.delete().where(model.partner_id == partner.id))
    db.delete(partner)
    live.touch(db, workshop.id)


# --- placements ---------------------------------------------------------------------------


def place_partner(db: Session, *, actor: Actor, partner_id: int, influence: object,
                  dependency: object) -> Point:
    """A participant's own estimate (phases inschatten and bespreken, not locked).
    Values outside 0..1 are clamped. Returns the stored point."""
    workshop = workshops.require_open(db, actor, TOOL, phases=PLACE_PHASES)
    if actor.is_facilitator or actor.participant_id is None:
        raise NotAllowed("Alleen deelnemers plaatsen partners in hun eigen matrix. Als "
                         "procesbegeleider verschuif je de gezamenlijke positie.")
    partner = _partner_in(db, workshop.id, partner_id)
    point = Point(clamp_position(influence, axis="invloed"),
                  clamp_position(dependency, axis="afhankelijkheid"))
    row = db.execute(select(Placement).where(Placement.partner_id == partner.id,
                                             Placement.participant_id == actor.participant_id)
                     ).scalar_one_or_none()
    if row is None:
        db.add(Placement(workshop_id=workshop.id, partner_id=partner.id,
                         participant_id=actor.participant_id, influence=point.influence,
                         dependency=point.dependency))
    else:
        row.influence, row.dependency, row.updated_at = point.influence, point.dependency, utcnow()
    live.touch(db, workshop.id)
    return point


def clear_placement(db: Session, *, actor: Actor, partner_id: int) -> None:
    """Take back one's own estimate: the dot goes back to 'not yet placed'."""
    workshop = workshops.require_open(db, actor, TOOL, phases=PLACE_PHASES)
    if actor.participant_id is None:
        raise NotAllowed("Alleen deelnemers hebben een eigen plaatsing.")
    partner = _partner_in(db, workshop.id, partner_id)
    db.execute(Placement.__table__.delete().where(
        Placement.partner_id == partner.id, Placement.participant_id == actor.participant_id))
    live.touch(db, workshop.id)


def set_agreed_position(db: Session, *, actor: Actor, partner_id: int, influence: object,
                        dependency: object) -> Point:
    """The agreed group position of one partner (facilitator; clamped to 0..1)."""
    workshop = workshops.require_facilitator(db, actor)
    partner = _partner_in(db, workshop.id, partner_id)
    point = Point(clamp_position(influence, axis="invloed"),
                  clamp_position(dependency, axis="afhankelijkheid"))
    _write_agreed(db, workshop.id, partner.id, point)
    live.touch(db, workshop.id)
    return point


def _write_agreed(db: Session, workshop_id: int, partner_id: int, point: Point) -> None:
    rows = db.execute(select(Placement).where(Placement.partner_id == partner_id,
                                              Placement.participant_id.is_(None))
                      .order_by(Placement.id)).scalars().all()
    for extra in rows[1:]:  # heal duplicates a race might have left: one agreed position
        db.delete(extra)
    if rows:
        rows[0].influence, rows[0].dependency = point.influence, point.dependency
        rows[0].updated_at = utcnow()
    else:
        db.add(Placement(workshop_id=workshop_id, partner_id=partner_id, participant_id=None,
                         influence=point.influence, dependency=point.dependency))


def agree_at_mean(db: Session, *, actor: Actor, overwrite: bool = False) -> int:
    """Give every partner without an agreed position one at the mean of the placements
    (``overwrite``: all partners). Partners nobody placed are skipped. Returns how many
    were set."""
    workshop = workshops.require_facilitator(db, actor)
    figures = _figures(db, workshop.id)
    done = 0
    for partner_id, c in figures.items():
        if c.mean is None:
            continue
        if not overwrite and _agreed(db, partner_id) is not None:
            continue
        _write_agreed(db, workshop.id, partner_id, c.mean)
        done += 1
    if done:
        live.touch(db, workshop.id)
    return done


def reveal_placements(db: Session, *, actor: Actor, revealed: bool = True) -> None:
    workshops.update_workshop(db, actor=actor, placements_revealed=bool(revealed))


# --- directions ---------------------------------------------------------------------------


def set_direction(db: Session, *, actor: Actor, partner_id: int, direction: str,
                  rationale: str = "", action: str = "", owner: str = "",
                  review_date: Optional[date] = None, dissent: str = "",
                  rev: Optional[int] = None) -> int:
    """Record the agreed direction of one partner (facilitator). ``rev``: the direction's
    rev the editor saw, None when there was none yet. Returns the new rev."""
    workshop = workshops.require_facilitator(db, actor)
    partner = _partner_in(db, workshop.id, partner_id)
    if direction not in DIRECTIONS:
        raise InvalidInput("Kies een richting: omhoog, omlaag, links, rechts of blijven.")
    rationale = text.optional(rationale, field="onderbouwing")
    action = text.optional(action, field="actie")
    owner = text.clean(owner, field="eigenaar", max_len=text.NAME_MAX, required=False)
    dissent = text.optional(dissent, field="afwijkende mening")
    if review_date is not None and not isinstance(review_date, date):
        raise InvalidInput("De evaluatiedatum is geen datum.")
    row = db.execute(select(Direction).where(Direction.partner_id == partner.id)).scalar_one_or_none()
    if row is None:
        if rev is not None:
            raise Conflict(STALE.format(name=f"De richting van '{partner.name}'"))
        row = Direction(workshop_id=workshop.id, partner_id=partner.id, rev=0)
        db.add(row)
    elif rev is None or row.rev != rev:
        raise Conflict(STALE.format(name=f"De richting van '{partner.name}'"))
    row.direction, row.rationale, row.action = direction, rationale, action
    row.owner, row.review_date, row.dissent = owner, review_date, dissent
    row.updated_at = utcnow()
    row.rev += 1
    live.touch(db, workshop.id)
    return row.rev


# --- reads --------------------------------------------------------------------------------


def list_partners(db: Session, workshop_id: int) -> tuple[PartnerRow, ...]:
    rows = db.execute(select(Partner).where(Partner.workshop_id == workshop_id)
                      .order_by(Partner.position, Partner.id)).scalars().all()
    return tuple(_row(p) for p in rows)


def _individual(db: Session, workshop_id: int):
    """(partner id, participant id, role group, influence, dependency) of every
    individual placement by a participant who has not been removed."""
    return db.execute(
        select(Placement.partner_id, Placement.participant_id, Participant.role_group,
               Placement.influence, Placement.dependency)
        .join(Participant, Participant.id == Placement.participant_id)
        .where(Placement.workshop_id == workshop_id, Participant.removed == False)  # noqa: E712
        .order_by(Placement.partner_id, Placement.influence, Placement.dependency)
    ).all()


def _figures(db: Session, workshop_id: int) -> dict[int, Consensus]:
    partner_ids = db.execute(select(Partner.id).where(Partner.workshop_id == workshop_id)).scalars().all()
    points: dict[int, list] = {pid: [] for pid in partner_ids}
    roles: dict[int, list] = {pid: [] for pid in partner_ids}
    for r in _individual(db, workshop_id):
        if r.partner_id in points:
            points[r.partner_id].append((r.influence, r.dependency))
            roles[r.partner_id].append(r.role_group)
    return {pid: consensus(pid, points[pid], roles[pid]) for pid in partner_ids}


@dataclass(frozen=True)
class MatrixState:
    """Everything of one workshop's matrix, who placed what included. Read once per
    change and shared by all viewers (``ui.read``); each viewer gets only their
    ``view_of`` it, never this object."""

    workshop_id: int
    phase: str
    locked: bool
    revealed: bool
    quadrant_labels: tuple
    partners: tuple
    individual: tuple  # (partner id, participant id, role group, influence, dependency)
    agreed: dict
    directions: dict
    participants: int
    consensus: tuple


def matrix_state(db: Session, workshop_id: int) -> MatrixState:
    workshop = workshops.get_workshop(db, workshop_id)
    partner_rows = list_partners(db, workshop_id)
    rows = tuple((r.partner_id, r.participant_id, r.role_group, r.influence, r.dependency)
                 for r in _individual(db, workshop_id))
    agreed: dict[int, Point] = {}
    for a in db.execute(select(Placement).where(Placement.workshop_id == workshop_id,
                                                Placement.participant_id.is_(None))
                        .order_by(Placement.id)).scalars():
        agreed.setdefault(a.partner_id, Point(a.influence, a.dependency))
    directions = {
        d.partner_id: DirectionRow(d.partner_id, d.direction, d.rationale, d.action, d.owner,
                                   d.review_date, d.dissent, d.rev)
        for d in db.execute(select(Direction).where(Direction.workshop_id == workshop_id)).scalars()
    }
    active = db.execute(select(func.count(Participant.id)).where(
        Participant.workshop_id == workshop_id, Participant.removed == False)).scalar_one()  # noqa: E712
    points: dict[int, list] = {p.id: [] for p in partner_rows}
    roles: dict[int, list] = {p.id: [] for p in partner_rows}
    for pid, _, role, influence, dependency in rows:
        if pid in points:
            points[pid].append((influence, dependency))
            roles[pid].append(role)
    figures = by_disagreement([consensus(pid, points[pid], roles[pid]) for pid in points],
                              {p.id: p.name for p in partner_rows})
    return MatrixState(workshop_id, workshop.phase_matrix, bool(workshop.lock_matrix),
                       bool(workshop.placements_revealed), workshops.quadrant_labels(workshop),
                       partner_rows, rows, agreed, directions, active, figures)


def view_of(state: MatrixState, viewer_participant_id: Optional[int] = None,
            is_facilitator: bool = False) -> MatrixView:
    """What one viewer may see: a participant sees others' placements (as anonymous
    marks) and the group figures only after the reveal; the facilitator always."""
    own = {pid: Point(i, d) for pid, who, _, i, d in state.individual
           if viewer_participant_id is not None and who == viewer_participant_id}
    placed: dict[int, int] = {p.id: 0 for p in state.partners}
    for pid, *_ in state.individual:
        placed[pid] = placed.get(pid, 0) + 1
    marks: tuple = ()
    figures: tuple = ()
    if is_facilitator or state.revealed:
        marks = tuple(Mark(pid, i, d) for pid, who, _, i, d in state.individual
                      if is_facilitator or who != viewer_participant_id)
        figures = state.consensus
    return MatrixView(
        workshop_id=state.workshop_id, phase=state.phase, locked=state.locked,
        revealed=state.revealed, is_facilitator=bool(is_facilitator),
        viewer_participant_id=viewer_participant_id, quadrant_labels=state.quadrant_labels,
        partners=state.partners, own=own, agreed=dict(state.agreed), marks=marks,
        consensus=figures, placed=placed, directions=dict(state.directions),
        participants=state.participants)


def matrix_view(db: Session, workshop_id: int, viewer_participant_id: Optional[int] = None,
                is_facilitator: bool = False) -> MatrixView:
    return view_of(matrix_state(db, workshop_id), viewer_participant_id, is_facilitator)


# --- import -------------------------------------------------------------------------------

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_XLSX_UNPACKED = 30 * 1024 * 1024
MAX_IMPORT_ROWS = MAX_PARTNERS
COLUMNS = ("naam", "voorziening", "soort", "contractwaarde", "notities")


def import_partners(db: Session, *, actor: Actor, filename: str, data: bytes) -> int:
    """Add partners from a CSV or Excel file with the columns naam, voorziening, soort,
    contractwaarde, notities (only naam is required). All or nothing: any bad row
    refuses the whole file with one message per row. Returns the number added."""
    workshop = workshops.require_facilitator(db, actor)
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise ImportRefused("Het bestand is leeg.")
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(f"Het bestand is te groot: {formats.number(len(data) / 1024 / 1024, 1)} MB, "
                            f"maximaal {MAX_IMPORT_BYTES // 1024 // 1024} MB.")
    lower = (filename or "").lower()
    if lower.endswith(".xlsx"):
        table = _read_xlsx(bytes(data))
    elif lower.endswith((".csv", ".txt")):
        table = _read_csv(bytes(data))
    else:
        raise ImportRefused("Kies een CSV-bestand (.csv) of een Excel-bestand (.xlsx).")
    if not table:
        raise ImportRefused("Het bestand heeft geen kopregel met de kolom 'naam'.")
    header = [str(h or "").strip().lower() for h in table[0]]
    if "naam" not in header:
        raise ImportRefused("Het bestand mist de kolom 'naam'. Gebruik de kolommen: "
                            + ", ".join(COLUMNS) + ".")
    index = {col: header.index(col) for col in COLUMNS if col in header}
    body = [r for r in table[1:] if any(str(c or "").strip() for c in r)]
    if not body:
        raise ImportRefused("Het bestand heeft geen partners onder de kopregel.")
    existing = db.execute(select(func.count(Partner.id))
                          .where(Partner.workshop_id == workshop.id)).scalar_one()
    if existing + len(body) > MAX_PARTNERS:
        raise ImportRefused(f"Te veel partners: er zijn er al {existing} en het bestand heeft er "
                            f"{len(body)}; samen maximaal {MAX_PARTNERS}.")
    problems: list[str] = []
    seen: set[str] = set()
    clean_rows = []
    for number, raw in enumerate(table[1:], start=2):
        if not any(str(c or "").strip() for c in raw):
            continue

        def cell(col: str):
            i = index.get(col)
            value = raw[i] if i is not None and i < len(raw) else None
            return "" if value is None else value

        try:
            name, service, kind, notes = _clean_fields(
                str(cell("naam")), str(cell("voorziening")), str(cell("soort")) or "overig",
                str(cell("notities")))
            cents = formats.parse_money(cell("contractwaarde") or None, field="contractwaarde")
        except InvalidInput as exc:
            problems.append(f"Regel {number}: {exc}")
            continue
        if name.lower() in seen:
            problems.append(f"Regel {number}: partner '{name}' staat twee keer in het bestand.")
            continue
        if _name_taken(db, workshop.id, name):
            problems.append(f"Regel {number}: partner '{name}' bestaat al in deze workshop.")
            continue
        seen.add(name.lower())
        clean_rows.append((name, service, kind, cents, notes))
    if problems:
        raise ImportRefused("Er is niets geïmporteerd. Verbeter deze regels en probeer het opnieuw:",
                            problems)
    for offset, (name, service, kind, cents, notes) in enumerate(clean_rows):
        db.add(Partner(workshop_id=workshop.id, name=name, service=service, kind=kind,
                       contract_value_cents=cents, notes=notes, position=existing + offset))
    db.flush()
    live.touch(db, workshop.id)
    return len(clean_rows)


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1252", errors="replace")
    if "\x00" in content:
        raise ImportRefused("Dit is geen tekstbestand. Kies een CSV- of Excel-bestand.")
    first = content.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        rows = list(csv.reader(io.StringIO(content), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportRefused(f"Het CSV-bestand kan niet worden gelezen: {exc}.") from exc
    if len(rows) > MAX_IMPORT_ROWS + 50:
        raise ImportRefused(f"Het bestand heeft te veel regels ({len(rows)}).")
    return rows


def _read_xlsx(data: bytes) -> list[list[object]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_XLSX_UNPACKED or len(archive.infolist()) > 500:
                raise ImportRefused("Het Excel-bestand is uitgepakt te groot. Kies een kleiner bestand.")
    except zipfile.BadZipFile as exc:
        raise ImportRefused("Dit is geen geldig Excel-bestand (.xlsx).") from exc
    import openpyxl  # local: only needed for imports

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any parser failure means: not a usable file
        raise ImportRefused("Het Excel-bestand kan niet worden gelezen.") from exc
    try:
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(list(row[:20]))
            if len(rows) > MAX_IMPORT_ROWS + 50:
                raise ImportRefused("Het Excel-bestand heeft te veel regels.")
        return rows
    finally:
        book.close()
