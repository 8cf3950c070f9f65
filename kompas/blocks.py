"""The building blocks of a report, rendered by every export format: the whole report
(``WorkshopSummary``, made by ``kompas.summary.build``) is a list of sections of simple
blocks (heading, paragraph, bullets, outline, table, picture). Table cells keep their type
(money in cents, dates as dates) so Excel gets real numbers and the other formats format
them the Dutch way with ``cell_text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Optional

from kompas import formats

# Column kinds: text, int, number (float), money (cents), percent (fraction 0..1), date,
# year (an int shown without thousands separator: 2026), signal (a status text that starts
# with Groen, Oranje, Rood or Grijs; documents colour the cell).


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"
    width: float = 1.0  # relative width in documents


@dataclass(frozen=True)
class Table:
    name: str  # short, unique: the Excel sheet name (max 31 characters)
    columns: tuple
    rows: tuple  # of tuples, one value per column
    caption: str = ""
    total: Optional[tuple] = None  # a closing total row, same shape as rows
    documents: bool = True  # shown in Word, PDF, Markdown and on the page
    sheet: bool = True  # a sheet in Excel


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2
    with_picture: bool = False  # only where the pictures are (not in Markdown)


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "normal"  # normal | note | warning


@dataclass(frozen=True)
class Bullets:
    items: tuple
    with_picture: bool = False  # a legend: only where the pictures are (not in Markdown)


@dataclass(frozen=True)
class Outline:
    """An indented list: (depth, text, note) — the goal tree in words."""

    items: tuple


@dataclass(frozen=True)
class Picture:
    key: str  # tree | compass | matrix: drawn from its view in WorkshopSummary.views
    caption: str
    width_cm: float = 16.0
    alt: str = ""  # the alternative text (what the picture shows, for screen readers)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple


@dataclass(frozen=True)
class WorkshopSummary:
    workshop_id: int
    code: str
    title: str
    organisation: str
    theme: str
    created_at: datetime
    generated_at: datetime
    show_names: bool
    participant_count: int
    by_role: tuple  # of (role label, count)
    phases: tuple  # of (tool label, phase)
    conclusions: str
    open_questions: str
    sections: tuple  # of Section
    views: dict = field(default_factory=dict, compare=False)  # tool views for pictures
    session_date: Optional[date] = None
    place: str = ""
    purpose: str = ""
    next_session_date: Optional[date] = None

    @property
    def date_label(self) -> str:
        """The day of the session; the day the workshop was made in Kompas when the
        facilitator gave no date."""
        return formats.date_nl(self.session_date or self.created_at)

    @property
    def subtitle(self) -> str:
        parts = [p for p in (self.organisation, self.date_label) if p]
        return " · ".join(parts)

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def sheets(self) -> list[Table]:
        return [t for t in self.tables() if t.sheet]

    def pictures(self) -> list[Picture]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Picture)]

    def section(self, key: str) -> Optional[Section]:
        return next((s for s in self.sections if s.key == key), None)


def cell_text(value: Any, kind: str = "text") -> str:
    """A table cell as Dutch text: € 1.234,50, 22 november 2026, 80%, 1.234,5."""
    if value is None or value == "":
        return ""
    if kind == "money":
        return formats.money(int(value))
    if kind == "percent":
        return formats.percent(float(value))
    if kind == "date" and isinstance(value, (date, datetime)):
        return formats.date_nl(value)
    if kind == "year" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value))
    if kind == "int" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return formats.number(value, 0)
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return formats.smart_number(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


# Cell colours of a "signal" column (light, so black text keeps AA contrast).
SIGNAL_FILLS = {"Groen": "CDEBD3", "Oranje": "FBDDB0", "Rood": "F6C5BF", "Grijs": "E4E6E8"}


def signal_fill(value: Any) -> Optional[str]:
    """The hex fill for a status text such as "Rood: gaat achteruit", or None."""
    word = str(value or "").split(":", 1)[0].strip()
    return SIGNAL_FILLS.get(word)
