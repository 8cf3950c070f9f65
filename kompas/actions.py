"""A workshop's decisions and actions, gathered from the tools in one list.

Actions live where they were agreed: a partner's direction (the matrix), a step of the
improvement cycle (the compass) and the open questions of the report. Each keeps a status
(``ACTION_STATUSES``) that the facilitator sets, for instance in the review that opens a
follow-up session. Decisions are the agreed priorities of the goal tree, the agreed partner
directions and the facilitator's own decisions (``Workshop.decisions``, one per line).

The report's "Besluiten" and "Acties", the follow-up session's review and the JSON backup
all read this module, so the three never disagree about what was decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from sqlalchemy import select
from sqlmodel import Session

from kompas import text
from kompas.errors import InvalidInput, NotFound
from kompas.labels import scan_element_label
from kompas.models import (
    ACTION_STATUSES,
    Activity,
    Direction,
    GoalNode,
    Partner,
    Reflection,
    Result,
    ScanConclusion,
    Workshop,
)
from kompas.partners.lenses import DEFAULT as DEFAULT_LENS, name as lens_name

# Where an action comes from; the first part of its key.
SOURCES = {"richting": "Partnermatrix", "cyclus": "Verbetercyclus", "vraag": "Open vraag"}
SOURCES["scan"] = "Samenwerkingsscan"  # a conclusion of the scan with an action


@dataclass(frozen=True)
class ActionItem:
    key: str  # "richting:12", "cyclus:5" or "vraag:2" (line number, from 1)
    source: str  # a key of SOURCES
    action: str
    about: str  # the partner, result or activity it concerns ("" for an open question)
    owner: str
    due: Optional[date]
    status: str  # one of ACTION_STATUSES ("" for an open question: it has no status)
    status_note: str


@dataclass(frozen=True)
class Decision:
    source: str  # "prioriteit", "richting" or "besluit"
    text: str


def lines(value: str) -> list[str]:
    """Non-empty lines, without list bullets ("- ", "* ", "• ")."""
    out = []
    for line in (value or "").splitlines():
        line = line.strip()
        if line[:2] in ("- ", "* ", "• "):
            line = line[2:].strip()
        if line:
            out.append(line)
    return out


def collect(db: Session, workshop_id: int) -> list[ActionItem]:
    """Every action of the workshop: matrix directions with an action, improvement steps
    with a next step, then the open questions."""
    workshop = db.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound("Deze workshop bestaat niet (meer).")
    items: list[ActionItem] = []
    rows = db.execute(
        select(Direction, Partner.name)
        .join(Partner, Partner.id == Direction.partner_id)
        .where(Direction.workshop_id == workshop_id)
        .order_by(Partner.position, Partner.id, Direction.id)
    ).all()
    for d, name in rows:
        if d.action.strip():
            items.append(
                ActionItem(
                    f"richting:{d.id}",
                    "richting",
                    d.action.strip(),
                    _about_partner(name, d),
                    d.owner,
                    d.review_date,
                    d.status,
                    d.status_note,
                )
            )
    results = dict(
        db.execute(select(Result.id, Result.title).where(Result.workshop_id == workshop_id)).all()
    )
    activities = dict(
        db.execute(
            select(Activity.id, Activity.title).where(Activity.workshop_id == workshop_id)
        ).all()
    )
    for r in db.scalars(
        select(Reflection).where(Reflection.workshop_id == workshop_id).order_by(Reflection.id)
    ):
        if r.next_step.strip():
            about = activities.get(r.activity_id) or results.get(r.result_id) or ""
            items.append(
                ActionItem(
                    f"cyclus:{r.id}",
                    "cyclus",
                    r.next_step.strip(),
                    about,
                    r.owner,
                    r.due_date,
                    r.status,
                    r.status_note,
                )
            )
    for c in _scan_conclusions(db, workshop_id):
        if c.action.strip():
            items.append(
                ActionItem(
                    f"scan:{c.id}",
                    "scan",
                    c.action.strip(),
                    scan_element_label(c.element),
                    c.owner,
                    None,
                    c.status,
                    c.status_note,
                )
            )
    for n, line in enumerate(lines(workshop.open_questions), start=1):
        items.append(ActionItem(f"vraag:{n}", "vraag", line, "", "", None, "", ""))
    return items


def decisions(db: Session, workshop_id: int) -> list[Decision]:
    """Agreed priorities of the tree, agreed partner directions (other than "blijven" only
    when an action or rationale says why), then the facilitator's own decisions."""
    workshop = db.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound("Deze workshop bestaat niet (meer).")
    out: list[Decision] = []
    for title in db.scalars(
        select(GoalNode.title)
        .where(GoalNode.workshop_id == workshop_id, GoalNode.agreed_priority.is_(True))
        .order_by(GoalNode.position, GoalNode.id)
    ):
        out.append(Decision("prioriteit", title))
    rows = db.execute(
        select(Direction, Partner.name)
        .join(Partner, Partner.id == Direction.partner_id)
        .where(Direction.workshop_id == workshop_id)
        .order_by(Partner.position, Partner.id, Direction.id)
    ).all()
    for d, name in rows:
        out.append(Decision("richting", f"{_about_partner(name, d)}: {d.direction}"))
    for c in _scan_conclusions(db, workshop_id):
        for line in lines(c.conclusion):
            out.append(Decision("scan", f"{scan_element_label(c.element)}: {line}"))
    for line in lines(workshop.decisions):
        out.append(Decision("besluit", line))
    return out


def set_status(db: Session, workshop_id: int, key: str, status: str, note: str = "") -> None:
    """Record what became of an action. Refuses unknown keys and statuses; open questions
    have no status. The caller commits."""
    if status not in ACTION_STATUSES:
        raise InvalidInput(f"Kies een status: {', '.join(ACTION_STATUSES)}.")
    note = text.optional(note, field="toelichting", max_len=1000)
    source, _, ident = key.partition(":")
    model = {"richting": Direction, "cyclus": Reflection, "scan": ScanConclusion}.get(source)
    if model is None or not ident.isdigit():
        raise InvalidInput("Deze actie heeft geen status.")
    row = db.get(model, int(ident))
    if row is None or row.workshop_id != workshop_id:
        raise NotFound("Deze actie bestaat niet (meer).")
    row.status, row.status_note = status, note
    row.rev += 1


def _about_partner(name: str, direction: Direction) -> str:
    """The partner's name, with the lens when the direction was set in another lens than
    the default (a partner can have a direction per lens)."""
    lens = getattr(direction, "lens", DEFAULT_LENS)
    return name if lens == DEFAULT_LENS else f"{name} ({lens_name(lens)})"


def _scan_conclusions(db: Session, workshop_id: int) -> list[ScanConclusion]:
    """The samenwerkingsscan's conclusions in the order strategie, governance,
    samenwerken."""
    rows = db.scalars(select(ScanConclusion).where(ScanConclusion.workshop_id == workshop_id))
    order = ("strategie", "governance", "samenwerken")
    return sorted(rows, key=lambda c: order.index(c.element) if c.element in order else 9)
