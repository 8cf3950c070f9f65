"""The "Sinds vorige keer" section of a follow-up session's report: last time's actions
and their status, the indicators since last time, and each partner's movement against the
agreed direction. A first session has no such section."""

from __future__ import annotations

from sqlmodel import Session

from kompas import formats
from kompas.actions import SOURCES
from kompas.blocks import Column, Heading, Paragraph, Section, Table
from kompas.labels import direction_label, movement_label, trend_label
from kompas.series.view import partner_shifts, review


def _value(measured) -> str:
    if measured is None:
        return ""
    when, value, story = measured
    shown = formats.smart_number(value) if value is not None else story
    return f"{shown} ({formats.date_nl(when)})"


def since_last_time(db: Session, workshop_id: int) -> list[Section]:
    """The section as a list: empty for a first session (one line in summary.build)."""
    rev = review(db, workshop_id)
    if not rev.is_follow_up:
        return []
    blocks: list = [
        Paragraph(
            f"Dit is sessie {rev.number} van de reeks. Hieronder staat wat er sinds sessie "
            f"{rev.previous} gebeurd is met de acties, de indicatoren en de partners."
        )
    ]
    with_status = [a for a in rev.actions if a.status]
    blocks.append(Heading("Acties van vorige keer", 3))
    if with_status:
        blocks.append(
            Table(
                "Acties sinds vorige keer",
                (
                    Column("Actie", width=2.0),
                    Column("Bij", width=1.0),
                    Column("Eigenaar", width=0.9),
                    Column("Datum", "date", 0.7),
                    Column("Status", width=0.7),
                    Column("Toelichting", width=1.4),
                ),
                tuple(
                    (
                        a.action,
                        a.about or SOURCES[a.source],
                        a.owner,
                        a.due,
                        a.status,
                        a.status_note,
                    )
                    for a in with_status
                ),
            )
        )
    else:
        blocks.append(Paragraph("Er waren vorige keer geen acties.", "note"))
    counted = [t for t in rev.indicators if t.last_time is not None or t.now is not None]
    if counted:
        blocks.append(Heading("Indicatoren sinds vorige keer", 3))
        blocks.append(
            Table(
                "Indicatoren sinds vorige keer",
                (
                    Column("Indicator", width=1.8),
                    Column("Vorige keer", width=1.1),
                    Column("Nu", width=1.1),
                    Column("Ontwikkeling", width=0.8),
                ),
                tuple(
                    (t.name, _value(t.last_time), _value(t.now), trend_label(t.trend))
                    for t in counted
                ),
            )
        )
    shifts = [s for s in partner_shifts(db, workshop_id) if s.before is not None]
    if shifts:
        blocks.append(Heading("Partners: beweging en afgesproken richting", 3))
        blocks.append(
            Table(
                "Partners sinds vorige keer",
                (
                    Column("Partner", width=1.5),
                    Column("Afgesproken richting", width=1.0),
                    Column("Invloed vorige keer", "percent", 0.7),
                    Column("Afhankelijkheid vorige keer", "percent", 0.8),
                    Column("Invloed nu", "percent", 0.7),
                    Column("Afhankelijkheid nu", "percent", 0.8),
                    Column("Beweging", width=1.3),
                ),
                tuple(
                    (
                        s.name,
                        direction_label(s.direction) if s.direction else "",
                        s.before.influence,
                        s.before.dependency,
                        s.now.influence if s.now else None,
                        s.now.dependency if s.now else None,
                        movement_label(s.movement.verdict),
                    )
                    for s in shifts
                ),
                caption="Nu: het gemiddelde van de plaatsingen in deze sessie.",
            )
        )
    return [Section("since_last_time", "Sinds vorige keer", tuple(blocks))]
