"""The report (*verslag*) as one plain object: every export and the Verslag page render it.

``build(db, workshop_id)`` reads the workshop and returns a ``WorkshopSummary`` (see
``kompas.blocks``): facts about the workshop and the section about it, then the sections
each tool writes about itself (``goaltree.report``, ``compass.report``, ``partners.report``).
The views the pictures are drawn from travel along in ``WorkshopSummary.views``.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from kompas import formats, workshops
from kompas.blocks import Bullets, Column, Heading, Paragraph, Section, Table, WorkshopSummary
from kompas.compass.report import compass_section
from kompas.goaltree.report import tree_section
from kompas.labels import phase_label, role_label, tool_label
from kompas.models import PHASES, ROLE_GROUPS, TOOLS, utcnow
from kompas.partners.report import lens_sections, matrix_section, relations_section
from kompas.scan_report import scan_section

# --- building -----------------------------------------------------------------------------


def build(db: Session, workshop_id: int, show_names: bool | None = None) -> WorkshopSummary:
    """The whole report. ``show_names`` None follows the workshop's own setting."""
    info = workshops.workshop_info(db, workshop_id)
    names = info.report_show_names if show_names is None else bool(show_names)
    counts = info.count_by_role()
    views: dict[str, Any] = {}
    sections = [_about(info, names)]
    if info.conclusions.strip():
        sections.append(Section("conclusions", "Conclusies", _text_blocks(info.conclusions)))
    for key, builder in (
        ("tree", tree_section),
        ("compass", compass_section),
        ("matrix", matrix_section),
    ):
        section, view = builder(db, info)
        sections.append(section)
        if view is not None:
            views[key] = view
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


def _phase_text(tool: str, phase: str) -> str:
    steps = PHASES[tool]
    if phase in steps:
        return (
            f"{phase_label(tool, phase).lower()} (stap {steps.index(phase) + 1} van {len(steps)})"
        )
    return phase


def _about(info: workshops.WorkshopInfo, show_names: bool) -> Section:
    active = info.active_participants
    facts = [("Workshop", info.title)]
    if info.organisation:
        facts.append(("Organisatie", info.organisation))
    if info.theme:
        facts.append(("Thema", info.theme))
    facts += [
        ("Datum", formats.date_nl(info.created_at)),
        ("Deelnemers", formats.number(len(active))),
    ]
    facts += [(f"Fase {tool_label(t)}", _phase_text(t, info.phases[t])) for t in TOOLS]
    blocks: list = [
        Table(
            "Workshop",
            (Column("Onderdeel", width=0.9), Column("Gegevens", width=2.1)),
            tuple(facts),
        )
    ]
    blocks.append(Heading("Wie deden er mee", 3))
    rows = []
    for role in ROLE_GROUPS:
        people = [p for p in active if p.role_group == role]
        orgs = sorted({p.organisation for p in people if p.organisation}, key=str.lower)
        if people:
            rows.append((role_label(role), len(people), ", ".join(orgs)))
    if rows:
        blocks.append(
            Table(
                "Deelnemers per rol",
                (
                    Column("Rol", width=0.8),
                    Column("Aantal", "int", 0.5),
                    Column("Organisaties", width=2.7),
                ),
                tuple(rows),
                total=("Totaal", len(active), ""),
            )
        )
    else:
        blocks.append(Paragraph("Er hebben zich (nog) geen deelnemers aangemeld.", "note"))
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
