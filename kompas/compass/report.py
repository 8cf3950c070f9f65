"""The Kwaliteitskompas section of the report (*verslag*): the compass in one table, the
indicators with their status, budget per result and per partner, activities and their
quality, the coverage warnings and the improvement cycle."""

from __future__ import annotations

from typing import Optional

from sqlmodel import Session

from kompas import formats, workshops
from kompas.blocks import Bullets, Column, Heading, Paragraph, Picture, Section, Table
from kompas.compass.rules import (
    STATUS_OFF_TRACK,
    STATUS_ON_TRACK,
    STATUS_REACHED,
    STATUS_STORY,
    change_between,
    count,
    split_budget,
)
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
            f"Het kompas heeft {count(n_res, 'maatschappelijk resultaat', 'maatschappelijke resultaten')}"
            f" en {count(n_act, 'activiteit', 'activiteiten')}, samen "
            f"{formats.money(view.total_budget_cents)} aan budget."
            + (
                f" Van de {len(view.indicators)} indicatoren: {', '.join(status_bits)}."
                if status_bits
                else ""
            )
        )
    )
    blocks.append(Paragraph(HOW_TO_READ))
    blocks.append(Paragraph(STATUS_RULE, "note"))
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
    blocks.append(Heading("Per resultaat: indicatoren en activiteiten", 3))
    blocks += _per_result(view)
    blocks.append(_compass_sheet(view))
    blocks.append(Picture("compass", "Resultaten en inzet: budget per resultaat"))
    outcome = [i for i in view.indicators if i.activity_id is not None]
    if outcome:
        blocks.append(Heading("Indicatoren van activiteiten", 3))
        blocks.append(
            Paragraph(
                "Deze indicatoren laten zien of een activiteit zelf werkt (outcome). "
                "Ze horen bij een activiteit, niet bij een resultaat."
            )
        )
        blocks.append(
            Table(
                "Outcome-indicatoren (verslag)",
                (Column("Activiteit", width=1.3),) + INDICATOR_COLUMNS,
                tuple((i.owner_title,) + indicator_cells(i) for i in outcome),
                sheet=False,
            )
        )
    if view.indicators:
        blocks.append(
            Table(
                "Indicatoren",
                (
                    Column("Indicator", width=1.4),
                    Column("Hoort bij", width=1.3),
                    Column("Eenheid", width=0.5),
                    Column("Nulmeting", "number", 0.6),
                    Column("Basisjaar", "year", 0.45),
                    Column("Streefwaarde", "number", 0.65),
                    Column("Streefjaar", "year", 0.45),
                    Column("Hoger is beter", width=0.5),
                    Column("Laatste meting", "number", 0.65),
                    Column("Gemeten op", "date", 0.9),
                    Column("Status", width=0.75),
                    Column("Kleur", "signal", 0.9),
                    Column("Trend", width=0.6),
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
                        signal(i),
                        trend(i),
                        i.source,
                    )
                    for i in view.indicators
                ),
                documents=False,
            )
        )
        blocks.append(_measurements_sheet(view))
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
    if m.value is None:
        story = m.story.strip() or "verhaal zonder tekst"
        return f"{story} ({formats.date_nl(m.measured_on)})"
    return f"{_measure(m.value, indicator.unit, None)} op {formats.date_nl(m.measured_on)}"


def _quality(activity) -> str:
    parts = []
    for label, value in (
        ("Methode", activity.quality_method),
        ("Scholing", activity.quality_training),
        ("Voorwaarden", activity.quality_conditions),
    ):
        if value:
            # "Methode: Methode 'Welzijn op recept'" reads twice: no label then
            said = value.strip()
            parts.append(said if said.lower().startswith(label.lower()) else f"{label}: {said}")
    return "\n".join(parts)


# --- reading aids ------------------------------------------------------------------------

HOW_TO_READ = (
    "Zo lees je dit. Het kwaliteitskompas zet per maatschappelijk resultaat onder elkaar: "
    "de indicatoren (waaraan we zien of het de goede kant op gaat) en de activiteiten die "
    "eraan bijdragen, met de partner en het budget. Een kleur zegt hoe een indicator "
    "ervoor staat: groen is op koers of doel bereikt, oranje loopt achter op het plan, "
    "rood gaat achteruit, grijs heeft nog geen cijfer."
)
STATUS_RULE = (
    "Wanneer is een indicator op koers? We trekken een rechte lijn van de nulmeting (midden "
    "van het basisjaar) naar de streefwaarde (eind van het streefjaar). Ligt de laatste "
    "meting op of voorbij die lijn, dan is de indicator op koers. Zonder jaren: op koers als "
    "de meting beter is dan de nulmeting. Achter op het plan maar beter dan de nulmeting is "
    "oranje. Slechter dan de nulmeting, of slechter dan de meting ervoor, is rood."
)

SIGNAL_GREEN, SIGNAL_AMBER, SIGNAL_RED, SIGNAL_GREY = "Groen", "Oranje", "Rood", "Grijs"


def _numeric(indicator) -> list:
    return [m for m in indicator.measurements if m.value is not None]


def trend(indicator) -> str:
    """Beter, slechter or gelijk: the last measured value against the one before it
    (higher or lower is better as the indicator says); "" with fewer than two values."""
    values = _numeric(indicator)
    if len(values) < 2:
        return ""
    return change_between(values[-2].value, values[-1].value, indicator.higher_is_better)


def _worse_than_baseline(indicator) -> bool:
    latest = indicator.latest
    if latest is None or latest.value is None or indicator.baseline_value is None:
        return False
    delta = latest.value - indicator.baseline_value
    return delta < -1e-9 if indicator.higher_is_better else delta > 1e-9


def signal(indicator) -> str:
    """Red, amber, green (or grey) with the reason in words: a worsening indicator is red,
    one that improves but is behind the plan is amber."""
    status = indicator.status
    if status == STATUS_REACHED:
        return f"{SIGNAL_GREEN}: doel bereikt"
    if status == STATUS_ON_TRACK:
        return f"{SIGNAL_GREEN}: op koers"
    if status == STATUS_OFF_TRACK:
        if _worse_than_baseline(indicator) or trend(indicator) == "slechter":
            return f"{SIGNAL_RED}: gaat achteruit"
        return f"{SIGNAL_AMBER}: loopt achter"
    if status == STATUS_STORY:
        return f"{SIGNAL_GREY}: verhaal"
    return f"{SIGNAL_GREY}: nog geen meting"


INDICATOR_COLUMNS = (
    Column("Indicator", width=1.5),
    Column("Nulmeting", width=0.8),
    Column("Doel", width=0.8),
    Column("Laatste meting", width=1.3),
    Column("Trend", width=0.6),
    Column("Status", "signal", 0.95),
    Column("Bron", width=0.9),
)


def indicator_cells(i) -> tuple:
    return (
        i.name,
        _measure(i.baseline_value, i.unit, i.baseline_year),
        _measure(i.target_value, i.unit, i.target_year),
        _latest(i),
        trend(i),
        signal(i),
        i.source or (i.latest.source if i.latest else ""),
    )


def _per_result(view: CompassView) -> list:
    """For each result: what it is, its indicators and its activities, in two tables, so
    an indicator is never paired with an activity on one row."""
    blocks: list = []
    acts = {a.id: a for a in view.activities}
    for n, r in enumerate(view.results, start=1):
        blocks.append(Heading(f"{n}. {r.title}", 4))
        about = []
        if r.description.strip():
            about.append(r.description.strip())
        facts = []
        if r.ambition_title:
            facts.append(f"Ambitie: {r.ambition_title}.")
        facts.append(f"Budget voor dit resultaat: {formats.money(r.budget_cents)}.")
        about.append(" ".join(facts))
        blocks.append(Paragraph("\n".join(about)))
        if r.indicators:
            blocks.append(
                Table(
                    f"Resultaat {n} indicatoren",
                    INDICATOR_COLUMNS,
                    tuple(indicator_cells(i) for i in r.indicators),
                    sheet=False,
                )
            )
        else:
            blocks.append(Paragraph("Dit resultaat heeft nog geen indicator.", "note"))
        linked = [acts[a] for a in r.activity_ids if a in acts]
        if linked:
            blocks.append(
                Table(
                    f"Resultaat {n} activiteiten",
                    (
                        Column("Activiteit", width=2.0),
                        Column("Partner", width=1.3),
                        Column("Budget voor dit resultaat", "money", 1.1),
                        Column("Bewezen effectief", width=0.8),
                    ),
                    tuple(
                        (
                            a.title,
                            a.partner_name,
                            _share(a, r.id),
                            EFFECTIVENESS_SHORT_LABELS.get(a.proven_effective, a.proven_effective),
                        )
                        for a in linked
                    ),
                    sheet=False,
                )
            )
        else:
            blocks.append(
                Paragraph("Er draagt nog geen activiteit bij aan dit resultaat.", "warning")
            )
    return blocks


def _share(activity, result_id: int) -> Optional[int]:
    """The part of an activity's budget that goes to one result (as the chart splits it)."""
    if activity.budget_cents is None:
        return None
    ids = list(activity.result_ids)
    if result_id not in ids:
        return None
    parts = split_budget(activity.budget_cents, list(activity.weights))
    return parts[ids.index(result_id)]


def _compass_sheet(view: CompassView) -> Table:
    """The compass in Excel: one row per indicator or activity of a result (never both)."""
    rows = []
    acts = {a.id: a for a in view.activities}
    for r in view.results:
        for i in r.indicators:
            rows.append(
                (r.ambition_title, r.title, "Indicator", i.name, signal(i), trend(i), "", None)
            )
        for a_id in r.activity_ids:
            a = acts.get(a_id)
            if a is not None:
                rows.append(
                    (
                        r.ambition_title,
                        r.title,
                        "Activiteit",
                        a.title,
                        "",
                        "",
                        a.partner_name,
                        _share(a, r.id),
                    )
                )
    return Table(
        "Kompas",
        (
            Column("Ambitie", width=1.0),
            Column("Resultaat", width=1.3),
            Column("Onderdeel", width=0.7),
            Column("Naam", width=1.5),
            Column("Status", "signal", 0.9),
            Column("Trend", width=0.6),
            Column("Partner", width=1.0),
            Column("Budget", "money", 0.9),
        ),
        tuple(rows),
        caption="Per resultaat eerst de indicatoren, dan de activiteiten met hun deel van "
        "het budget.",
        documents=False,
    )


def _measurements_sheet(view: CompassView) -> Table:
    """Every measurement of every indicator (Excel): the history behind the status."""
    return Table(
        "Metingen",
        (
            Column("Indicator", width=1.4),
            Column("Hoort bij", width=1.3),
            Column("Gemeten op", "date", 0.9),
            Column("Waarde", "number", 0.7),
            Column("Verhaal", width=2.0),
            Column("Bron", width=1.0),
        ),
        tuple(
            (i.name, i.owner_title, m.measured_on, m.value, m.story, m.source)
            for i in view.indicators
            for m in i.measurements
        ),
        documents=False,
    )
