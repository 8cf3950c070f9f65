"""Samenwerkingsscan: short statements on the three elements of a working regional network
(strategie, governance, samenwerken), after the questions in the Rijnconsult article.

Participants score each statement from 1 (helemaal oneens) to 5 (helemaal eens) while the
partner matrix is open to them (same lock and closing as the matrix). The group sees the
average and the spread per statement once the facilitator shows them (the facilitator
always sees them), and per role group only for groups of ``MIN_GROUP`` or more, and only
when the rest is empty or also that large (as in the matrix: nobody's score can be worked
out by subtraction). A participant sees the average of a statement only from ``MIN_GROUP``
scores (with two, each would know the other's). Nobody sees who gave which score. The facilitator records one
conclusion per element, with an optional action and owner (an action in kompas.actions).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from kompas import live, text, workshops
from kompas.errors import Conflict, InvalidInput, NotAllowed
from kompas.models import SCAN_ELEMENTS, Participant, ScanConclusion, ScanScore, utcnow
from kompas.workshops import MIN_GROUP, Actor

TOOL = "matrix"  # the scan opens and closes with the partner matrix
SCORES = (1, 2, 3, 4, 5)
SCORE_WORDS = {
    1: "helemaal oneens",
    2: "oneens",
    3: "neutraal",
    4: "eens",
    5: "helemaal eens",
}


@dataclass(frozen=True)
class Statement:
    id: str
    element: str  # one of SCAN_ELEMENTS
    text: str


STATEMENTS = (
    Statement(
        "strategie_samen", "strategie", "We hebben samen een duidelijke strategie voor de regio."
    ),
    Statement(
        "strategie_doorleefd",
        "strategie",
        "De strategie leeft in de hele organisatie: van de balie tot de backoffice.",
    ),
    Statement(
        "strategie_keuzes",
        "strategie",
        "We maken keuzes vanuit die strategie, ook als dat moeilijk is.",
    ),
    Statement(
        "governance_wie_stuurt",
        "governance",
        "Het is duidelijk wie stuurt, ook als de gemeente tegelijk betaalt, opdracht geeft "
        "en zelf uitvoert.",
    ),
    Statement(
        "governance_grip",
        "governance",
        "De gemeenteraad en de toezichthouders houden grip op het netwerk, zonder alles zelf "
        "te regelen.",
    ),
    Statement(
        "governance_vertrouwen",
        "governance",
        "We sturen vooral op vertrouwen. We controleren alleen waar dat echt nodig is.",
    ),
    Statement(
        "samenwerken_teams",
        "samenwerken",
        "Professionals van verschillende organisaties werken samen in één team.",
    ),
    Statement(
        "samenwerken_zelfsturing",
        "samenwerken",
        "De teams krijgen ruimte om zelf te beslissen wat een inwoner nodig heeft.",
    ),
    Statement(
        "samenwerken_belangen",
        "samenwerken",
        "We kennen elkaars belangen en we bespreken ze open.",
    ),
)
STATEMENT_IDS = tuple(s.id for s in STATEMENTS)


def statement(statement_id: object) -> Statement:
    found = next((s for s in STATEMENTS if s.id == statement_id), None)
    if found is None:
        raise InvalidInput("Deze stelling bestaat niet.")
    return found


def _score(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InvalidInput("Geef een score van 1 tot en met 5.")
    try:
        number = float(value)
    except ValueError as exc:
        raise InvalidInput("Geef een score van 1 tot en met 5.") from exc
    if number not in SCORES:
        raise InvalidInput("Geef een score van 1 tot en met 5.")
    return int(number)


# --- writes ---------------------------------------------------------------------------------


def set_score(db: Session, *, actor: Actor, statement_id: str, score: object) -> None:
    """A participant's own score for one statement (while the matrix is open to them)."""
    workshop = workshops.require_open(db, actor, TOOL)
    if actor.is_facilitator or actor.participant_id is None:
        raise NotAllowed("Alleen deelnemers vullen de scan in.")
    chosen = statement(statement_id)
    value = _score(score)
    row = db.execute(
        select(ScanScore).where(
            ScanScore.participant_id == actor.participant_id, ScanScore.statement == chosen.id
        )
    ).scalar_one_or_none()
    if row is None:
        db.add(
            ScanScore(
                workshop_id=workshop.id,
                participant_id=actor.participant_id,
                statement=chosen.id,
                score=value,
            )
        )
    else:
        row.score, row.updated_at = value, utcnow()
    live.touch(db, workshop.id)


def set_scores(db: Session, *, actor: Actor, scores: dict) -> int:
    """Several scores in one unit of work (the form): ``{statement id: score}``; None
    values are skipped. Returns how many were stored."""
    done = 0
    for statement_id, score in scores.items():
        if score is None:
            continue
        set_score(db, actor=actor, statement_id=statement_id, score=score)
        done += 1
    if not done:
        raise InvalidInput("Kies bij minstens één stelling een score.")
    return done


def reveal_scan(db: Session, *, actor: Actor, revealed: bool = True) -> None:
    workshop = workshops.require_facilitator(db, actor)
    workshop.scan_revealed = bool(revealed)
    live.touch(db, workshop.id)


def set_conclusion(
    db: Session,
    *,
    actor: Actor,
    element: str,
    conclusion: object = "",
    action: object = "",
    owner: object = "",
    rev: Optional[int] = None,
) -> int:
    """The facilitator's conclusion for one element (strategie, governance, samenwerken),
    with an optional action and owner. ``rev``: what the form showed (None: none yet)."""
    workshop = workshops.require_facilitator(db, actor)
    if element not in SCAN_ELEMENTS:
        raise InvalidInput("Kies strategie, governance of samenwerken.")
    body = text.optional(conclusion, field="conclusie")
    todo = text.optional(action, field="actie")
    who = text.clean(owner, field="eigenaar", max_len=text.NAME_MAX, required=False)
    row = db.execute(
        select(ScanConclusion).where(
            ScanConclusion.workshop_id == workshop.id, ScanConclusion.element == element
        )
    ).scalar_one_or_none()
    stale = "De conclusie over {0} is intussen door iemand anders gewijzigd. Laad opnieuw."
    if row is None:
        if rev is not None:
            raise Conflict(stale.format(element))
        row = ScanConclusion(workshop_id=workshop.id, element=element, rev=0)
        db.add(row)
    elif rev is None or row.rev != rev:
        raise Conflict(stale.format(element))
    row.conclusion, row.action, row.owner = body, todo, who
    row.updated_at = utcnow()
    row.rev += 1
    live.touch(db, workshop.id)
    return row.rev


# --- figures and views ----------------------------------------------------------------------


@dataclass(frozen=True)
class GroupScore:
    role_group: str
    count: int
    mean: float
    spread: float


@dataclass(frozen=True)
class StatementFigures:
    statement: str
    count: int
    mean: Optional[float]
    spread: float  # population standard deviation, in score points
    groups: tuple = ()  # GroupScore, only groups that may be shown


def figures(statement_id: str, scores: list[int], roles: list[str]) -> StatementFigures:
    """Mean and spread of one statement; per role group only from ``MIN_GROUP`` scores,
    and only when the rest is empty or also at least ``MIN_GROUP``."""
    if not scores:
        return StatementFigures(statement_id, 0, None, 0.0, ())
    groups = []
    by_role: dict[str, list[int]] = {}
    for role, score in zip(roles, scores):
        by_role.setdefault(role, []).append(score)
    for role in sorted(by_role):
        members = by_role[role]
        rest = len(scores) - len(members)
        if len(members) >= MIN_GROUP and (rest == 0 or rest >= MIN_GROUP):
            groups.append(
                GroupScore(
                    role, len(members), statistics.fmean(members), statistics.pstdev(members)
                )
            )
    return StatementFigures(
        statement_id,
        len(scores),
        statistics.fmean(scores),
        statistics.pstdev(scores),
        tuple(groups),
    )


@dataclass(frozen=True)
class ConclusionRow:
    id: int
    element: str
    conclusion: str
    action: str
    owner: str
    status: str
    rev: int


@dataclass(frozen=True)
class ScanState:
    """Everything of one workshop's scan, who scored what included. Read once per change
    and shared; each viewer gets only their ``scan_view`` of it."""

    workshop_id: int
    revealed: bool
    individual: tuple  # (statement, participant id, role group, score)
    figures: tuple  # StatementFigures in the order of STATEMENTS
    conclusions: dict  # element -> ConclusionRow
    participants: int


@dataclass(frozen=True)
class ScanView:
    revealed: bool
    is_facilitator: bool
    own: dict = field(default_factory=dict)  # statement -> score
    figures: tuple = ()  # empty for a participant before the reveal
    conclusions: dict = field(default_factory=dict)
    participants: int = 0
    respondents: int = 0  # how many people scored at least one statement

    def figures_for(self, statement_id: str) -> Optional[StatementFigures]:
        return next((f for f in self.figures if f.statement == statement_id), None)


def scan_state(db: Session, workshop_id: int) -> ScanState:
    workshop = workshops.get_workshop(db, workshop_id)
    rows = tuple(
        (r.statement, r.participant_id, r.role_group, r.score)
        for r in db.execute(
            select(
                ScanScore.statement,
                ScanScore.participant_id,
                Participant.role_group,
                ScanScore.score,
            )
            .join(Participant, Participant.id == ScanScore.participant_id)
            .where(ScanScore.workshop_id == workshop_id, Participant.removed.is_(False))
            .order_by(ScanScore.statement, ScanScore.score)
        ).all()
    )
    per: dict[str, tuple[list, list]] = {s: ([], []) for s in STATEMENT_IDS}
    for sid, _, role, score in rows:
        if sid in per:
            per[sid][0].append(score)
            per[sid][1].append(role)
    conclusions = {
        c.element: ConclusionRow(c.id, c.element, c.conclusion, c.action, c.owner, c.status, c.rev)
        for c in db.execute(
            select(ScanConclusion).where(ScanConclusion.workshop_id == workshop_id)
        ).scalars()
    }
    active = db.execute(
        select(func.count(Participant.id)).where(
            Participant.workshop_id == workshop_id, Participant.removed.is_(False)
        )
    ).scalar_one()
    return ScanState(
        workshop_id,
        bool(workshop.scan_revealed),
        rows,
        tuple(figures(sid, *per[sid]) for sid in STATEMENT_IDS),
        conclusions,
        active,
    )


def scan_view(
    state: ScanState, viewer_participant_id: Optional[int] = None, is_facilitator: bool = False
) -> ScanView:
    own = {
        sid: score
        for sid, who, _, score in state.individual
        if viewer_participant_id is not None and who == viewer_participant_id
    }
    shown: tuple = ()
    if is_facilitator:
        shown = state.figures
    elif state.revealed:
        # With fewer than MIN_GROUP scores, the average would tell each of them the
        # others' scores: participants see only how many scored.
        shown = tuple(
            f if f.count >= MIN_GROUP else StatementFigures(f.statement, f.count, None, 0.0, ())
            for f in state.figures
        )
    return ScanView(
        revealed=state.revealed,
        is_facilitator=bool(is_facilitator),
        own=own,
        figures=shown,
        conclusions=dict(state.conclusions),
        participants=state.participants,
        respondents=len({who for _, who, _, _ in state.individual}),
    )
