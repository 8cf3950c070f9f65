"""The partner matrix as plain read models: the whole state of a workshop's matrix, read
once per change, and what one viewer may see of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from kompas import workshops
from kompas.models import Direction, Participant, Partner, Placement
from kompas.partners.consensus import (
    Consensus,
    Point,
    by_disagreement,
    consensus,
    individual_placements,
)
from kompas.partners.lenses import DEFAULT, Lens, get_or_default, ids as lens_ids
from kompas.partners.placements import PLACE_PHASES, current_lens


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
class Mark:
    """One revealed placement, without who made it."""

    partner_id: int
    influence: float
    dependency: float


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
    lens: Lens = field(default_factory=lambda: get_or_default(DEFAULT))
    current_lens: str = DEFAULT  # the workshop's lens of this round

    @property
    def is_current(self) -> bool:
        """Whether this view shows the lens of the round (participants place only there)."""
        return self.lens.id == self.current_lens

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
        return (
            not self.locked
            and self.phase in PLACE_PHASES
            and self.viewer_participant_id is not None
            and self.is_current
        )


def _row(p: Partner) -> PartnerRow:
    return PartnerRow(
        p.id, p.name, p.service, p.kind, p.contract_value_cents, p.notes, p.position, p.rev
    )


def list_partners(db: Session, workshop_id: int) -> tuple[PartnerRow, ...]:
    rows = (
        db.execute(
            select(Partner)
            .where(Partner.workshop_id == workshop_id)
            .order_by(Partner.position, Partner.id)
        )
        .scalars()
        .all()
    )
    return tuple(_row(p) for p in rows)


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
    lens: Lens = field(default_factory=lambda: get_or_default(DEFAULT))
    current_lens: str = DEFAULT


def matrix_state(db: Session, workshop_id: int, lens: Optional[str] = None) -> MatrixState:
    """The matrix in ``lens`` (None: the workshop's current lens). The default lens keeps
    the workshop's own quadrant names; other lenses bring theirs."""
    workshop = workshops.get_workshop(db, workshop_id)
    current = current_lens(workshop)
    shown = get_or_default(current if lens is None else lens)
    partner_rows = list_partners(db, workshop_id)
    rows = tuple(
        (r.partner_id, r.participant_id, r.role_group, r.influence, r.dependency)
        for r in individual_placements(db, workshop_id, shown.id)
    )
    agreed: dict[int, Point] = {}
    for a in db.execute(
        select(Placement)
        .where(
            Placement.workshop_id == workshop_id,
            Placement.participant_id.is_(None),
            Placement.lens == shown.id,
        )
        .order_by(Placement.id)
    ).scalars():
        agreed.setdefault(a.partner_id, Point(a.influence, a.dependency))
    directions = {
        d.partner_id: DirectionRow(
            d.partner_id,
            d.direction,
            d.rationale,
            d.action,
            d.owner,
            d.review_date,
            d.dissent,
            d.rev,
        )
        for d in db.execute(
            select(Direction).where(
                Direction.workshop_id == workshop_id, Direction.lens == shown.id
            )
        ).scalars()
    }
    active = db.execute(
        select(func.count(Participant.id)).where(
            Participant.workshop_id == workshop_id, Participant.removed.is_(False)
        )
    ).scalar_one()
    points: dict[int, list] = {p.id: [] for p in partner_rows}
    roles: dict[int, list] = {p.id: [] for p in partner_rows}
    for pid, _, role, influence, dependency in rows:
        if pid in points:
            points[pid].append((influence, dependency))
            roles[pid].append(role)
    figures = by_disagreement(
        [consensus(pid, points[pid], roles[pid]) for pid in points],
        {p.id: p.name for p in partner_rows},
    )
    return MatrixState(
        workshop_id,
        workshop.phase_matrix,
        bool(workshop.lock_matrix),
        bool(workshop.placements_revealed),
        workshops.quadrant_labels(workshop) if shown.id == DEFAULT else shown.quadrants,
        partner_rows,
        rows,
        agreed,
        directions,
        active,
        figures,
        shown,
        current,
    )


def view_of(
    state: MatrixState, viewer_participant_id: Optional[int] = None, is_facilitator: bool = False
) -> MatrixView:
    """What one viewer may see: a participant sees others' placements (as anonymous
    marks) and the group figures only after the reveal; the facilitator always."""
    own = {
        pid: Point(i, d)
        for pid, who, _, i, d in state.individual
        if viewer_participant_id is not None and who == viewer_participant_id
    }
    placed: dict[int, int] = {p.id: 0 for p in state.partners}
    for pid, *_ in state.individual:
        placed[pid] = placed.get(pid, 0) + 1
    marks: tuple = ()
    figures: tuple = ()
    if is_facilitator or state.revealed:
        marks = tuple(
            Mark(pid, i, d)
            for pid, who, _, i, d in state.individual
            if is_facilitator or who != viewer_participant_id
        )
        figures = state.consensus
    return MatrixView(
        workshop_id=state.workshop_id,
        phase=state.phase,
        locked=state.locked,
        revealed=state.revealed,
        is_facilitator=bool(is_facilitator),
        viewer_participant_id=viewer_participant_id,
        quadrant_labels=state.quadrant_labels,
        partners=state.partners,
        own=own,
        agreed=dict(state.agreed),
        marks=marks,
        consensus=figures,
        placed=placed,
        directions=dict(state.directions),
        participants=state.participants,
        lens=state.lens,
        current_lens=state.current_lens,
    )


def matrix_view(
    db: Session,
    workshop_id: int,
    viewer_participant_id: Optional[int] = None,
    is_facilitator: bool = False,
    lens: Optional[str] = None,
) -> MatrixView:
    return view_of(matrix_state(db, workshop_id, lens), viewer_participant_id, is_facilitator)


def lenses_used(db: Session, workshop_id: int) -> tuple[str, ...]:
    """The lens ids with a placement or a direction, plus the current lens; the default
    first, then in registry order, then ids this version does not know."""
    from_rows = set(
        db.execute(select(Placement.lens).where(Placement.workshop_id == workshop_id))
        .scalars()
        .all()
    ) | set(
        db.execute(select(Direction.lens).where(Direction.workshop_id == workshop_id))
        .scalars()
        .all()
    )
    from_rows.add(current_lens(workshops.get_workshop(db, workshop_id)))
    order = list(lens_ids())
    return tuple(sorted(from_rows, key=lambda i: (order.index(i) if i in order else len(order), i)))
