"""The report (*verslag*) as one plain object: every export and the Verslag page render it.

``build(db, workshop_id)`` reads the workshop and the three tools through their own read
functions and returns a ``WorkshopSummary``: facts about the workshop, then sections made
of simple blocks (heading, paragraph, bullets, outline, table, picture). Table cells keep
their type (money in cents, dates as dates) so Excel gets real numbers and the other
formats format them the Dutch way with ``cell_text``.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Optional

from sqlmodel import Session

from kompas import formats, workshops
from kompas.labels import phase_label, role_label, tool_label
from kompas.models import PHASES, ROLE_GROUPS, TOOLS, utcnow

_PNG_LOCK = threading.Lock()

# --- blocks -------------------------------------------------------------------------------

# Column kinds: text, int, number (float), money (cents), percent (fraction 0..1), date.


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


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "normal"  # normal | note | warning


@dataclass(frozen=True)
class Bullets:
    items: tuple


@dataclass(frozen=True)
class Outline:
    """An indented list: (depth, text, note) — the goal tree in words."""

    items: tuple


@dataclass(frozen=True)
class Picture:
    key: str  # tree | compass | matrix, rendered by ``picture_png``
    caption: str
    width_cm: float = 16.0


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
    missing: tuple = ()  # tools whose module is not available (yet)
    views: dict = field(default_factory=dict, compare=False)  # tool views for pictures

    @property
    def date_label(self) -> str:
        return formats.date_nl(self.created_at)

    @property
    def subtitle(self) -> str:
        parts = [p for p in (self.organisation, self.date_label) if p]
        return " · ".join(parts)

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def sheets(self) -> list[Table]:
        return [t for t in self.tables() if t.sheet]

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
    if kind == "int" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return formats.number(value, 0)
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return formats.smart_number(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


# --- building -----------------------------------------------------------------------------


def build(db: Session, workshop_id: int, show_names: bool | None = None) -> WorkshopSummary:
    """The whole report. ``show_names`` None follows the workshop's own setting."""
    info = workshops.workshop_info(db, workshop_id)
    names = info.report_show_names if show_names is None else bool(show_names)
    counts = info.count_by_role()
    views: dict[str, Any] = {}
    missing: list[str] = []
    sections = [_about(info, names)]
    if info.conclusions.strip():
        sections.append(Section("conclusions", "Conclusies", _text_blocks(info.conclusions)))
    for key, builder in (("tree", _tree), ("compass", _compass), ("matrix", _matrix)):
        try:
            section, view = builder(db, info)
        except ImportError:
            missing.append(tool_label(key))
            continue
        sections.append(section)
        if view is not None:
            views[key] = view
    if info.open_questions.strip():
        sections.append(Section("open_questions", "Open vragen voor de volgende sessie",
                                (Bullets(tuple(_lines(info.open_questions))),)))
    return WorkshopSummary(
        workshop_id=info.id, code=info.code, title=info.title, organisation=info.organisation,
        theme=info.theme, created_at=info.created_at, generated_at=utcnow(), show_names=names,
        participant_count=len(info.active_participants),
        by_role=tuple((role_label(r), counts.get(r, 0)) for r in ROLE_GROUPS),
        phases=tuple((tool_label(t), info.phases[t]) for t in TOOLS),
        conclusions=info.conclusions, open_questions=info.open_questions,
        sections=tuple(sections), missing=tuple(missing), views=views,
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
        return f"{phase_label(tool, phase).lower()} (stap {steps.index(phase) + 1} van {len(steps)})"
    return phase


def _about(info: workshops.WorkshopInfo, show_names: bool) -> Section:
    active = info.active_participants
    facts = [("Workshop", info.title)]
    if info.organisation:
        facts.append(("Organisatie", info.organisation))
    if info.theme:
        facts.append(("Thema", info.theme))
    facts += [("Datum", formats.date_nl(info.created_at)),
              ("Deelnemers", formats.number(len(active)))]
    facts += [(f"Fase {tool_label(t)}", _phase_text(t, info.phases[t])) for t in TOOLS]
    blocks: list = [Table("Workshop", (Column("Onderdeel", width=0.9), Column("Gegevens", width=2.1)),
                          tuple(facts))]
    blocks.append(Heading("Wie deden er mee", 3))
    rows = []
    for role in ROLE_GROUPS:
        people = [p for p in active if p.role_group == role]
        orgs = sorted({p.organisation for p in people if p.organisation}, key=str.lower)
        if people:
            rows.append((role_label(role), len(people), ", ".join(orgs)))
    if rows:
        blocks.append(Table("Deelnemers per rol",
                            (Column("Rol", width=0.8), Column("Aantal", "int", 0.5),
                             Column("Organisaties", width=2.7)),
                            tuple(rows), total=("Totaal", len(active), "")))
    else:
        blocks.append(Paragraph("Er hebben zich (nog) geen deelnemers aangemeld.", "note"))
    if show_names and active:
        blocks.append(Table("Deelnemers",
                            (Column("Naam", width=1.2), Column("Rol", width=0.8),
                             Column("Organisatie", width=1.6)),
                            tuple((p.name, role_label(p.role_group),
                                   p.organisation) for p in active)))
    return Section("about", "Over deze werksessie", tuple(blocks))


# --- Doelenboom ---------------------------------------------------------------------------


def _tree(db: Session, info: workshops.WorkshopInfo):
    # local import: kompas.goaltree.report builds its section from this module's blocks
    from kompas.goaltree.report import tree_section

    return tree_section(db, info)


# --- Kwaliteitskompas ---------------------------------------------------------------------


def _compass(db: Session, info: workshops.WorkshopInfo):
    # imported here: kompas.compass.report builds its section from this module's blocks
    from kompas.compass.report import compass_section

    return compass_section(db, info)


# --- Partnermatrix ------------------------------------------------------------------------


def _matrix(db: Session, info: workshops.WorkshopInfo):
    # local import: kompas.partners.report builds its section from this module's blocks
    from kompas.partners.report import matrix_section

    return matrix_section(db, info)


# --- pictures -----------------------------------------------------------------------------


_PNG_CACHE: "OrderedDict[str, Optional[bytes]]" = OrderedDict()
_PNG_CACHE_SIZE = 24
PNG_SCALE = 1.25  # about 120-150 dpi at the width of an A4 text column


def picture_png(summary: WorkshopSummary, key: str) -> Optional[bytes]:
    """The PNG for a Picture block, or None when its chart module is not available or
    the tool has nothing to draw. Cached by content, so the Word and PDF exports of the
    same workshop version render each picture once."""
    view = summary.views.get(key)
    if view is None:
        return None
    digest = hashlib.sha1(f"{key}|{view!r}".encode("utf-8", "surrogatepass")).hexdigest()
    with _PNG_LOCK:
        if digest in _PNG_CACHE:
            _PNG_CACHE.move_to_end(digest)
            return _PNG_CACHE[digest]
    png = _render_picture(key, view)
    with _PNG_LOCK:
        _PNG_CACHE[digest] = png
        while len(_PNG_CACHE) > _PNG_CACHE_SIZE:
            _PNG_CACHE.popitem(last=False)
    return png


def _render_picture(key: str, view) -> Optional[bytes]:
    try:
        if key == "tree":
            from kompas.goaltree.chart import tree_chart
            from kompas.goaltree.report import tree_collapse

            spec = tree_chart(view, show_votes=bool(view.revealed),
                              collapsed=tree_collapse(view)[0]).to_dict(validate=False)
            return _spec_png(spec)
        if key == "compass":
            from kompas.compass.chart import results_inputs_chart

            chart = results_inputs_chart(view, width=760)
            return None if chart is None else _spec_png(chart.to_dict(validate=False))
        if key == "matrix":
            from kompas.partners.chart import matrix_chart

            return _spec_png(matrix_chart(view).to_dict(validate=False))
    except ImportError:
        return None
    return None


def _spec_png(spec: dict) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_png(spec, scale=PNG_SCALE)


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from the PNG header."""
    if len(png) < 24 or png[:8] != b"\x89PNG\r\n\x1a\n":
        return (0, 0)
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
