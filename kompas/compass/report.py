"""The Kwaliteitskompas section of the report (*verslag*): the compass in one table, the
indicators with their status, budget per result and per partner, activities and their
quality, the coverage warnings and the improvement cycle."""

from __future__ import annotations

from typing import Optional

from sqlmodel import Session

from kompas import formats, workshops
from kompas.blocks import Bullets, Column, Heading, Paragraph, Picture, Section, Table
from kompas.compass.view import CompassView, compass_view
from kompas.labels import EFFECTIVENESS_SHORT_LABELS, compass_status_label


def compass_section(
    db: Session, info: workshops.WorkshopInfo
) -> tuple[Section, Optional[CompassView]]:
    """The Kwaliteitskompas section of the report, and the view its picture is drawn from
    (None when the compass is empty)."""
    view = compass_view(db, info.id)
    blocks: list = []
    if view.empty:
        blocks.append(Paragraph("Het kwaliteitskompas is nog niet ingevuld.", "note"))
        return Section("compass", "Kwaliteitskompas", tuple(blocks)), None
    n_res, n_act = len(view.results), len(view.activities)
    counts = view.status_counts or {}
    status_bits = [f"{v} {compass_status_label(k)}" for k, v in counts.items() if v]
    blocks.append(
        Paragraph(
            f"Het kompas heeft {n_res} maatschappelijke resultaten en {n_act} activiteiten, samen "
            f"{formats.money(view.total_budget_cents)} aan budget."
            + (
                f" Van de {len(view.indicators)} indicatoren: {', '.join(status_bits)}."
                if status_bits
                else ""
            )
        )
    )
    ambitions = [a for a in view.ambitions if a.id is not None]
    if ambitions:
        blocks.append(Heading("Ambities", 3))
        blocks.append(
            Table(
                "Ambities",
                (
                    Column("Ambitie", width=1.3),
                    Column("Hoe gaat het nu", width=1.6),
                    Column("Monitoring", width=1.3),
                ),
                tuple((a.title, a.current_state, a.monitoring) for a in ambitions),
            )
        )
    blocks.append(Heading("Het kompas in één tabel", 3))
    blocks.append(
        Table(
            "Kompas",
            (
                Column("Ambitie", width=1.0),
                Column("Resultaat", width=1.3),
                Column("Indicator", width=1.2),
                Column("Status", width=0.75),
                Column("Activiteit", width=1.3),
                Column("Partner", width=1.0),
                Column("Budget", "money", 0.9),
            ),
            tuple(
                (
                    r.ambition,
                    r.result,
                    r.indicator,
                    compass_status_label(r.status),
                    r.activity,
                    r.partner,
                    r.budget_cents,
                )
                for r in view.rows
            ),
            caption="Per resultaat de indicatoren en de activiteiten die eraan bijdragen; het budget "
            "is het deel van de activiteit voor dit resultaat.",
        )
    )
    blocks.append(Picture("compass", "Resultaten en inzet: budget per resultaat"))
    if view.indicators:
        blocks.append(Heading("Indicatoren", 3))
        blocks.append(
            Table(
                "Indicatoren (verslag)",
                (
                    Column("Indicator", width=1.5),
                    Column("Hoort bij", width=1.5),
                    Column("Nulmeting", width=0.9),
                    Column("Doel", width=0.9),
                    Column("Laatste meting", width=1.2),
                    Column("Status", width=0.8),
                ),
                tuple(
                    (
                        i.name,
                        i.owner_title,
                        _measure(i.baseline_value, i.unit, i.baseline_year),
                        _measure(i.target_value, i.unit, i.target_year),
                        _latest(i),
                        compass_status_label(i.status),
                    )
                    for i in view.indicators
                ),
                sheet=False,
            )
        )
        blocks.append(
            Table(
                "Indicatoren",
                (
                    Column("Indicator", width=1.4),
                    Column("Hoort bij", width=1.3),
                    Column("Eenheid", width=0.5),
                    Column("Nulmeting", "number", 0.6),
                    Column("Basisjaar", "int", 0.45),
                    Column("Streefwaarde", "number", 0.65),
                    Column("Streefjaar", "int", 0.45),
                    Column("Hoger is beter", width=0.5),
                    Column("Laatste meting", "number", 0.65),
                    Column("Gemeten op", "date", 0.9),
                    Column("Status", width=0.75),
                    Column("Bron", width=1.0),
                ),
                tuple(
                    (
                        i.name,
                        i.owner_title,
                        i.unit,
                        i.baseline_value,
                        i.baseline_year,
                        i.target_value,
                        i.target_year,
                        "ja" if i.higher_is_better else "nee",
                        i.latest.value if i.latest else None,
                        i.latest.measured_on if i.latest else None,
                        compass_status_label(i.status),
                        i.source,
                    )
                    for i in view.indicators
                ),
                documents=False,
            )
        )
    blocks.append(Heading("Budget", 3))
    blocks.append(
        Table(
            "Budget per resultaat",
            (Column("Resultaat", width=3.0), Column("Budget", "money", 1.0)),
            tuple((title, cents) for _id, title, cents in view.budget_per_result),
            total=("Totaal", view.total_budget_cents),
        )
    )
    if view.budget_per_partner:
        blocks.append(
            Table(
                "Budget per partner",
                (Column("Partner", width=3.0), Column("Budget", "money", 1.0)),
                tuple(view.budget_per_partner),
                total=("Totaal", view.total_budget_cents),
            )
        )
    if view.activities:
        blocks.append(Heading("Activiteiten en kwaliteit", 3))
        blocks.append(
            Table(
                "Activiteiten",
                (
                    Column("Activiteit", width=1.3),
                    Column("Partner", width=1.0),
                    Column("Budget", "money", 0.8),
                    Column("Draagt bij aan", width=1.4),
                    Column("Bewezen effectief", width=0.7),
                    Column("Kwaliteit", width=1.6),
                ),
                tuple(
                    (
                        a.title,
                        a.partner_name,
                        a.budget_cents,
                        "; ".join(a.result_titles),
                        EFFECTIVENESS_SHORT_LABELS.get(a.proven_effective, a.proven_effective),
                        _quality(a),
                    )
                    for a in view.activities
                ),
            )
        )
    blocks.append(Heading("Aandachtspunten", 3))
    if view.warnings:
        blocks.append(Bullets(tuple(w.message for w in view.warnings)))
    else:
        blocks.append(
            Paragraph(
                "Elk resultaat heeft een activiteit en elke activiteit draagt "
                "bij aan een resultaat."
            )
        )
    blocks.append(Heading("Verbetercyclus", 3))
    if view.reflections:
        blocks.append(
            Table(
                "Verbeterpunten",
                (
                    Column("Over", width=1.3),
                    Column("Wat gaat goed", width=1.3),
                    Column("Wat kan beter", width=1.3),
                    Column("Volgende stap", width=1.3),
                    Column("Wie", width=0.7),
                    Column("Wanneer", "date", 0.8),
                ),
                tuple(
                    (r.subject, r.going_well, r.could_be_better, r.next_step, r.owner, r.due_date)
                    for r in view.reflections
                ),
            )
        )
    else:
        blocks.append(Paragraph("Er zijn nog geen verbeterpunten genoteerd.", "note"))
    return Section("compass", "Kwaliteitskompas", tuple(blocks)), view


def _measure(value: Optional[float], unit: str, year: Optional[int]) -> str:
    if value is None:
        return ""
    if unit.strip().lower() in ("aantal", "stuks", "#"):
        unit = ""
    text_ = formats.smart_number(value) + (f" {unit}" if unit and unit != "%" else unit)
    return text_ + (f" ({year})" if year else "")


def _latest(indicator) -> str:
    m = indicator.latest
    if m is None:
        return ""
    what = _measure(m.value, indicator.unit, None) if m.value is not None else "verhaal"
    return f"{what} op {formats.date_nl(m.measured_on)}"


def _quality(activity) -> str:
    parts = []
    for label, value in (
        ("Methode", activity.quality_method),
        ("Scholing", activity.quality_training),
        ("Voorwaarden", activity.quality_conditions),
    ):
        if value:
            parts.append(f"{label}: {value}")
    return "\n".join(parts)
