"""The report (*verslag*) as one plain object: every export and the Verslag page render it.

``build(db, workshop_id)`` reads the workshop and returns a ``WorkshopSummary`` (see
``kompas.blocks``): facts about the workshop and the section about it, then the sections
each tool writes about itself (``goaltree.report``, ``compass.report``, ``partners.report``).
The views the pictures are drawn from travel along in ``WorkshopSummary.views``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Optional

from sqlmodel import Session

from kompas import actions, formats, workshops
from kompas.blocks import Bullets, Column, Heading, Paragraph, Section, Table, WorkshopSummary
from kompas.compass.report import compass_section
from kompas.goaltree.report import tree_section
from kompas.labels import role_label, tool_label
from kompas.models import ROLE_GROUPS, TOOLS, utcnow
from kompas.partners.report import (
    direction_sentences,
    lens_sections,
    matrix_section,
    relations_section,
)
from kompas.scan_report import scan_section
from kompas.series.report import since_last_time

# --- building -----------------------------------------------------------------------------

# Sections that come right after the first page (session, conclusions, decisions, actions)
# and before the tools: each is called as ``builder(db, info)`` and returns a Section or None.
AFTER_FIRST_PAGE: list[Callable[[Session, workshops.WorkshopInfo], Optional[Section]]] = []

FIRST_PAGE = ("about", "conclusions", "decisions", "actions")


def build(db: Session, workshop_id: int, show_names: bool | None = None) -> WorkshopSummary:
    """The whole report. ``show_names`` None follows the workshop's own setting."""
    info = workshops.workshop_info(db, workshop_id)
    names = info.report_show_names if show_names is None else bool(show_names)
    counts = info.count_by_role()
    views: dict[str, Any] = {}
    tools = []
    for key, builder in (
        ("tree", tree_section),
        ("compass", compass_section),
        ("matrix", matrix_section),
    ):
        section, view = builder(db, info)
        tools.append(section)
        if view is not None:
            views[key] = view
    # the first page: the session, what it concluded and decided, who does what by when
    sections = [_about(info, names)]
    if info.conclusions.strip():
        sections.append(Section("conclusions", "Conclusies", _text_blocks(info.conclusions)))
    sections.append(_decisions(db, info, views.get("matrix")))
    sections.append(_actions(db, info))
    sections += since_last_time(db, info.id)  # a follow-up session: what moved since
    for extra in AFTER_FIRST_PAGE:
        section = extra(db, info)
        if section is not None:
            sections.append(section)
    sections += tools
    for section, key, view in lens_sections(db, info):  # the other lenses of the matrix
        sections.append(section)
        views[key] = view
    for extra in (relations_section(db, info), scan_section(db, info)):
        if extra is not None:  # only when the group used them
            sections.append(extra)
    if info.open_questions.strip():
        sections.append(
            Section(
                "open_questions",
                "Open vragen voor de volgende sessie",
                (Bullets(tuple(_lines(info.open_questions))),),
            )
        )
    return WorkshopSummary(
        workshop_id=info.id,
        code=info.code,
        title=info.title,
        organisation=info.organisation,
        theme=info.theme,
        created_at=info.created_at,
        generated_at=utcnow(),
        show_names=names,
        participant_count=len(info.active_participants),
        by_role=tuple((role_label(r), counts.get(r, 0)) for r in ROLE_GROUPS),
        phases=tuple((tool_label(t), info.phases[t]) for t in TOOLS),
        conclusions=info.conclusions,
        open_questions=info.open_questions,
        sections=tuple(sections),
        views=views,
        session_date=info.session_date,
        place=info.place,
        purpose=info.purpose,
        next_session_date=info.next_session_date,
    )


def _lines(text_: str) -> list[str]:
    return [line.strip(" -•*\t") for line in text_.splitlines() if line.strip(" -•*\t")]


def _text_blocks(text_: str) -> tuple:
    """Free text: paragraphs split on blank lines; lines starting with - become bullets."""
    blocks: list = []
    for chunk in [c for c in text_.replace("\r", "").split("\n\n") if c.strip()]:
        lines = [l for l in chunk.splitlines() if l.strip()]
        if all(l.lstrip().startswith(("-", "•", "*")) for l in lines):
            blocks.append(Bullets(tuple(l.strip().lstrip("-•*").strip() for l in lines)))
        else:
            blocks.append(Paragraph("\n".join(l.strip() for l in lines)))
    return tuple(blocks)


def _about(info: workshops.WorkshopInfo, show_names: bool) -> Section:
    active = info.active_participants
    facts = [("Workshop", info.title)]
    if info.session_date:
        facts.append(("Datum", formats.date_nl(info.session_date)))
    if info.place:
        facts.append(("Plaats", info.place))
    if info.purpose.strip():
        facts.append(("Doel van de sessie", info.purpose.strip()))
    if info.organisation:
        facts.append(("Organisatie", info.organisation))
    if info.theme:
        facts.append(("Thema", info.theme))
    facts.append(("Deelnemers", _people_sentence(info)))
    if info.next_session_date:
        facts.append(("Volgende sessie", formats.date_nl(info.next_session_date)))
    blocks: list = [
        Table(
            "Workshop",
            (Column("Onderdeel", width=0.9), Column("Gegevens", width=2.1)),
            tuple(facts),
        )
    ]
    show_orgs = show_names or info.report_show_organisations
    rows = []
    for role in ROLE_GROUPS:
        people = [p for p in active if p.role_group == role]
        orgs = sorted({p.organisation for p in people if p.organisation}, key=str.lower)
        if people:
            rows.append((role_label(role), len(people)) + ((", ".join(orgs),) if show_orgs else ()))
    if rows and (show_orgs or show_names):
        blocks.append(Heading("Wie deden er mee", 3))
        blocks.append(
            Table(
                "Deelnemers per rol",
                (Column("Rol", width=0.8), Column("Aantal", "int", 0.5))
                + ((Column("Organisaties", width=2.7),) if show_orgs else ()),
                tuple(rows),
                total=("Totaal", len(active)) + (("",) if show_orgs else ()),
            )
        )
    elif rows:
        # counts only: the sentence in the facts says it; Excel keeps the table
        blocks.append(
            Table(
                "Deelnemers per rol",
                (Column("Rol", width=0.8), Column("Aantal", "int", 0.5)),
                tuple(rows),
                total=("Totaal", len(active)),
                documents=False,
            )
        )
    if show_names and active:
        blocks.append(
            Table(
                "Deelnemers",
                (
                    Column("Naam", width=1.2),
                    Column("Rol", width=0.8),
                    Column("Organisatie", width=1.6),
                ),
                tuple((p.name, role_label(p.role_group), p.organisation) for p in active),
            )
        )
    return Section("about", "Over deze werksessie", tuple(blocks))


def _people_sentence(info: workshops.WorkshopInfo) -> str:
    """ "12 deelnemers: 5 van de gemeente, 4 aanbieders, …" (the role groups in words)."""
    active = info.active_participants
    if not active:
        return "Er hebben zich (nog) geen deelnemers aangemeld."
    counts = info.count_by_role()
    parts = [_role_phrase(r, n) for r in ROLE_GROUPS if (n := counts.get(r, 0))]
    total = len(active)
    return f"{total} {'deelnemer' if total == 1 else 'deelnemers'}: " + ", ".join(parts)


# How many of a role group, in words (one, more): "5 van de gemeente", "1 inwoner"
ROLE_PHRASES = {
    "gemeente": ("{n} van de gemeente", "{n} van de gemeente"),
    "aanbieder": ("{n} van een aanbieder", "{n} van aanbieders"),
    "inwoner": ("{n} inwoner", "{n} inwoners"),
    "anders": ("{n} met een andere rol", "{n} met een andere rol"),
}


def _role_phrase(role: str, n: int) -> str:
    one, more = ROLE_PHRASES.get(role, ("{n} " + role_label(role),) * 2)
    return (one if n == 1 else more).format(n=n)


def _decisions(db: Session, info: workshops.WorkshopInfo, matrix_view) -> Section:
    """Besluiten: the agreed priorities, the agreed partner directions in plain words and
    the facilitator's own decisions."""
    found = actions.decisions(db, info.id)
    blocks: list = []
    priorities = [d.text for d in found if d.source == "prioriteit"]
    if priorities:
        blocks.append(Heading("Afgesproken prioriteiten", 3))
        blocks.append(Bullets(tuple(priorities)))
    if matrix_view is not None and matrix_view.directions:
        said = direction_sentences(
            [
                (p.name, matrix_view.directions[p.id].direction)
                for p in matrix_view.partners
                if p.id in matrix_view.directions
            ]
        )
        blocks.append(Heading("Afspraken met partners", 3))
        blocks.append(Bullets(tuple(said)))
    own = [d.text for d in found if d.source == "besluit"]
    if own:
        blocks.append(Heading("Andere besluiten", 3))
        blocks.append(Bullets(tuple(own)))
    if not blocks:
        blocks.append(Paragraph("Er zijn (nog) geen besluiten vastgelegd.", "note"))
    return Section("decisions", "Besluiten", tuple(blocks))


def _actions(db: Session, info: workshops.WorkshopInfo) -> Section:
    """Acties: every action of the workshop, with who, when and how far it is."""
    items = actions.collect(db, info.id)
    if not items:
        return Section(
            "actions", "Acties", (Paragraph("Er zijn (nog) geen acties afgesproken.", "note"),)
        )
    rows = tuple(
        (
            a.action,
            a.owner or "nog niet bekend",
            a.due,
            a.status or "open vraag",
            a.about,
            actions.SOURCES.get(a.source, a.source),
        )
        for a in items
    )
    open_count = sum(1 for a in items if a.status in ("niet gestart", "loopt"))
    return Section(
        "actions",
        "Acties",
        (
            Paragraph(
                f"Wie doet wat en wanneer. {len(items)} "
                f"{'actie' if len(items) == 1 else 'acties'}, waarvan {open_count} nog niet klaar."
            ),
            Table(
                "Acties",
                (
                    Column("Actie", width=2.2),
                    Column("Eigenaar", width=1.0),
                    Column("Datum", "date", 0.9),
                    Column("Status", width=1.0),
                    Column("Over", width=1.0),
                    Column("Uit", width=0.9),
                ),
                rows,
            ),
        ),
    )
