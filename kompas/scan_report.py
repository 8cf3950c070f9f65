"""The samenwerkingsscan's section of the report: the average and spread per statement,
per role group where the group is large enough, and the facilitator's conclusions."""

from __future__ import annotations

from typing import Optional

from sqlmodel import Session

from kompas import formats, workshops
from kompas.blocks import Column, Heading, Paragraph, Section, Table
from kompas.labels import role_label, scan_element_label
from kompas.models import SCAN_ELEMENTS
from kompas.scan import STATEMENTS, scan_state, scan_view
from kompas.workshops import MIN_GROUP


def scan_section(db: Session, info: workshops.WorkshopInfo) -> Optional[Section]:
    """None when nobody scored and nothing was concluded."""
    view = scan_view(scan_state(db, info.id), None, True)
    if not view.respondents and not any(
        c.conclusion or c.action for c in view.conclusions.values()
    ):
        return None
    blocks: list = [
        Paragraph(
            f"{view.respondents} deelnemer{'s' if view.respondents != 1 else ''} gaven een "
            "score van 1 (helemaal oneens) tot 5 (helemaal eens) op stellingen over "
            "strategie, governance en samenwerken. Het gemiddelde en de cijfers per rolgroep "
            "alleen bij 3 of meer scores, nooit wie wat gaf."
        )
    ]
    rows = []
    for s in STATEMENTS:
        f = view.figures_for(s.id)
        if f is None or not f.count:
            continue
        groups = " · ".join(
            f"{role_label(g.role_group)}: {formats.number(g.mean, 1)} ({g.count})" for g in f.groups
        )
        rows.append(
            (
                scan_element_label(s.element),
                s.text,
                f.count,
                round(f.mean, 2) if f.count >= MIN_GROUP else None,
                round(f.spread, 2) if f.count >= MIN_GROUP else None,
                groups,
            )
        )
    if rows:
        blocks.append(
            Table(
                "Samenwerkingsscan",
                (
                    Column("Onderdeel", width=0.8),
                    Column("Stelling", width=2.2),
                    Column("Scores", "int", 0.5),
                    Column("Gemiddeld", "number", 0.6),
                    Column("Spreiding", "number", 0.6),
                    Column("Per rolgroep", width=1.3),
                ),
                tuple(rows),
                caption="Spreiding: de standaardafwijking van de scores (0 = iedereen gaf "
                "dezelfde score).",
            )
        )
    concluded = [view.conclusions[e] for e in SCAN_ELEMENTS if e in view.conclusions]
    concluded = [c for c in concluded if c.conclusion or c.action]
    if concluded:
        blocks.append(Heading("Conclusies", 3))
        blocks.append(
            Table(
                "Conclusies scan",
                (
                    Column("Onderdeel", width=0.8),
                    Column("Conclusie", width=2.0),
                    Column("Actie", width=1.5),
                    Column("Eigenaar", width=0.8),
                ),
                tuple(
                    (scan_element_label(c.element), c.conclusion, c.action, c.owner)
                    for c in concluded
                ),
            )
        )
    return Section("scan", "Samenwerkingsscan", tuple(blocks))
