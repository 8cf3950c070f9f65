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
from kompas.models import PHASES, ROLE_GROUPS, ROLE_LABELS, TOOL_LABELS, utcnow

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
            missing.append(TOOL_LABELS[key])
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
        by_role=tuple((ROLE_LABELS[r], counts.get(r, 0)) for r in ROLE_GROUPS),
        phases=tuple((TOOL_LABELS[t], info.phases[t]) for t in TOOL_LABELS),
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
        return f"{phase} (stap {steps.index(phase) + 1} van {len(steps)})"
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
    facts += [(f"Fase {TOOL_LABELS[t]}", _phase_text(t, info.phases[t])) for t in TOOL_LABELS]
    blocks: list = [Table("Workshop", (Column("Onderdeel", width=0.9), Column("Gegevens", width=2.1)),
                          tuple(facts))]
    blocks.append(Heading("Wie deden er mee", 3))
    rows = []
    for role in ROLE_GROUPS:
        people = [p for p in active if p.role_group == role]
        orgs = sorted({p.organisation for p in people if p.organisation}, key=str.lower)
        if people:
            rows.append((ROLE_LABELS[role], len(people), ", ".join(orgs)))
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
                            tuple((p.name, ROLE_LABELS.get(p.role_group, p.role_group),
                                   p.organisation) for p in active)))
    return Section("about", "Over deze werksessie", tuple(blocks))


# --- Doelenboom ---------------------------------------------------------------------------


def _tree(db: Session, info: workshops.WorkshopInfo):
    from kompas import goaltree

    view = goaltree.tree_view(db, info.id)
    accepted = [n for n in view.nodes if n.status == "accepted"]
    proposals = [n for n in view.nodes if n.status == "proposal"]
    blocks: list = []
    if len(view.nodes) <= 1 and not proposals:
        blocks.append(Paragraph("De doelenboom heeft alleen het hoofddoel. Er zijn nog geen "
                                "beleidsterreinen, effecten of activiteiten.", "note"))
        return Section("tree", "Doelenboom", tuple(blocks)), view
    blocks.append(Paragraph(
        f"De doelenboom heeft {len(accepted)} onderdelen"
        + (f" en {len(proposals)} voorstel{'len' if len(proposals) != 1 else ''} die nog niet "
           "zijn besproken" if proposals else "")
        + ". Hieronder staat de boom als afbeelding en daarna in woorden."))
    collapsed, level = tree_collapse(view)
    caption = "De doelenboom" if not collapsed else (
        "De bovenste niveaus van de doelenboom (" + level + "); de hele boom staat hieronder in woorden")
    blocks.append(Picture("tree", caption + (", met het aantal stippen per onderdeel"
                                             if view.revealed else "")))
    blocks.append(Heading("Prioriteiten", 3))
    if view.revealed:
        rows = goaltree.priorities(db, info.id)
        if rows:
            voters = f"{view.voters} van de {view.participants} deelnemers hebben gestemd"
            blocks.append(Paragraph(
                f"Elke deelnemer had {view.vote_budget} stippen om te verdelen. {voters}. "
                "De tabel toont de onderdelen met de meeste stippen eerst, met de verdeling "
                "over de rollen."))
            role_cols = tuple(Column(ROLE_LABELS[r], "int", 0.55) for r in ROLE_GROUPS)
            # documents: compact (the domain is in the tree, "afgesproken" after the title)
            doc_columns = ((Column("Nr.", "int", 0.35), Column("Onderdeel", width=3.0),
                            Column("Stippen", "int", 0.6)) + role_cols)
            doc_rows = tuple((r.rank, r.title + (" (afgesproken)" if r.agreed else ""), r.total)
                             + tuple(dict(r.by_role).get(role, 0) for role in ROLE_GROUPS)
                             for r in rows)
            caption = ""
            if len(doc_rows) > PRIORITY_ROWS:
                caption = (f"De {PRIORITY_ROWS} onderdelen met de meeste stippen. Alle "
                           f"{len(doc_rows)} staan in de Excel-versie.")
            blocks.append(Table("Prioriteiten (verslag)", doc_columns, doc_rows[:PRIORITY_ROWS],
                                caption=caption, sheet=False))
            blocks.append(Table(
                "Prioriteiten",
                (Column("Nr.", "int", 0.35), Column("Onderdeel", width=2.2),
                 Column("Beleidsterrein", width=1.2), Column("Stippen", "int", 0.6))
                + role_cols + (Column("Afgesproken", width=0.7),),
                tuple((r.rank, r.title, r.domain_title, r.total)
                      + tuple(dict(r.by_role).get(role, 0) for role in ROLE_GROUPS)
                      + ("ja" if r.agreed else "",) for r in rows),
                documents=False))
        else:
            blocks.append(Paragraph("Er zijn nog geen stippen geplakt.", "note"))
    else:
        blocks.append(Paragraph("De stemmen zijn nog niet zichtbaar gemaakt. De prioriteiten "
                                "komen in het verslag zodra de procesbegeleider ze toont.", "note"))
    blocks.append(Heading("De doelenboom in woorden", 3))
    items = []
    for n in view.nodes:
        notes = [n.kind_label]
        if n.partner_name:
            notes.append(n.partner_name)
        if n.total:
            notes.append(f"{n.total} stip{'pen' if n.total != 1 else ''}")
        if n.status == "proposal":
            notes.append("voorstel")
        items.append((n.depth, n.title, ", ".join(notes)))
    blocks.append(Outline(tuple(items)))
    blocks.append(Table(
        "Doelenboom",
        (Column("Soort", width=0.9), Column("Titel", width=2.0), Column("Valt onder", width=1.4),
         Column("Partner", width=1.0), Column("Status", width=0.6), Column("Stippen", "int", 0.5)),
        tuple((n.kind_label, n.title, _parent_title(view, n), n.partner_name,
               "voorstel" if n.status == "proposal" else "vastgesteld",
               n.total if view.revealed else None) for n in view.nodes),
        caption="Alle onderdelen van de doelenboom", documents=False))
    return Section("tree", "Doelenboom", tuple(blocks)), view


PRIORITY_ROWS = 25  # in the documents; Excel has them all
TREE_PICTURE_ROWS = 45  # more rows than this do not fit a page readably


def tree_collapse(view) -> tuple[frozenset, str]:
    """Which nodes to fold in the report picture so that it fits a page: nothing, the
    activities (folded into their effects) or everything below the policy domains."""
    try:
        from kompas.tree_chart import layout
    except ImportError:
        return frozenset(), ""
    _, rows = layout(view)
    if rows <= TREE_PICTURE_ROWS:
        return frozenset(), ""
    effects = frozenset(n.id for n in view.nodes if n.kind == "effect")
    if layout(view, effects)[1] <= TREE_PICTURE_ROWS:
        return effects, "tot en met de effecten"
    return frozenset(n.id for n in view.nodes if n.kind == "domain"), "tot en met de beleidsterreinen"


def _parent_title(view, node) -> str:
    if node.parent_id is None:
        return ""
    try:
        return view.node(node.parent_id).title
    except KeyError:
        return ""


# --- Kwaliteitskompas ---------------------------------------------------------------------


def _compass(db: Session, info: workshops.WorkshopInfo):
    # imported here: kompas.compass.report builds its section from this module's blocks
    from kompas.compass.report import compass_section

    return compass_section(db, info)


# --- Partnermatrix ------------------------------------------------------------------------


def quadrant(labels: tuple, influence: float, dependency: float) -> str:
    """Labels are top-left, top-right, bottom-left, bottom-right; influence is vertical."""
    index = (0 if influence >= 0.5 else 2) + (1 if dependency >= 0.5 else 0)
    return labels[index] if len(labels) == 4 else ""


def _matrix(db: Session, info: workshops.WorkshopInfo):
    from kompas import partners as partners_mod

    view = partners_mod.matrix_view(db, info.id, None, True)
    blocks: list = []
    if not view.partners:
        blocks.append(Paragraph("Er staan nog geen partners in de partnermatrix.", "note"))
        return Section("matrix", "Partnermatrix", tuple(blocks)), None
    labels = tuple(view.quadrant_labels)
    n_agreed = sum(1 for p in view.partners if p.id in view.agreed)
    blocks.append(Paragraph(
        f"De groep heeft {len(view.partners)} partners ingeschat op invloed op de doelen "
        f"(verticaal) en afhankelijkheid van de gemeente (horizontaal). Voor {n_agreed} "
        f"partner{'s' if n_agreed != 1 else ''} is een gezamenlijke positie afgesproken, voor "
        f"{len(view.directions)} een richting."))
    blocks.append(Picture("matrix", "De partnermatrix met de afgesproken posities"))
    kinds = getattr(partners_mod, "KIND_LABELS", {})
    rows = []
    for p in view.partners:
        point = view.agreed.get(p.id)
        d = view.directions.get(p.id)
        rows.append((p.name, p.service, kinds.get(p.kind, p.kind), p.contract_value_cents,
                     point.influence if point else None, point.dependency if point else None,
                     quadrant(labels, point.influence, point.dependency) if point else "",
                     _direction_label(d.direction) if d else "", view.placed.get(p.id, 0)))
    blocks.append(Heading("Partners en afgesproken posities", 3))
    blocks.append(Table(
        "Partners (verslag)",
        (Column("Partner", width=1.5), Column("Voorziening", width=1.5),
         Column("Contractwaarde", "money", 1.0), Column("Invloed", "percent", 0.6),
         Column("Afhankelijkheid", "percent", 0.8), Column("Kwadrant", width=1.1),
         Column("Richting", width=0.7)),
        tuple(r[:2] + r[3:8] for r in rows),
        caption="Invloed en afhankelijkheid van de afgesproken positie, van 0% tot 100%.",
        sheet=False))
    blocks.append(Table(
        "Partners",
        (Column("Partner", width=1.4), Column("Voorziening", width=1.3), Column("Soort", width=0.6),
         Column("Contractwaarde", "money", 0.9), Column("Invloed", "percent", 0.55),
         Column("Afhankelijkheid", "percent", 0.75), Column("Kwadrant", width=1.0),
         Column("Richting", width=0.7), Column("Inschattingen", "int", 0.6),
         Column("Notities", width=1.5)),
        tuple(r + (p.notes,) for r, p in zip(rows, view.partners)),
        documents=False))
    names = {p.id: p.name for p in view.partners}
    if view.directions:
        blocks.append(Heading("Richtingen en acties", 3))
        ordered = [view.directions[p.id] for p in view.partners if p.id in view.directions]
        blocks.append(Table(
            "Richtingen",
            (Column("Partner", width=1.1), Column("Richting", width=0.7),
             Column("Waarom", width=1.4), Column("Actie", width=1.5), Column("Eigenaar", width=0.8),
             Column("Evaluatie", "date", 0.8), Column("Afwijkend geluid", width=1.0)),
            tuple((names.get(d.partner_id, ""), _direction_label(d.direction), d.rationale, d.action,
                   d.owner, d.review_date, d.dissent) for d in ordered)))
    spread = [c for c in view.consensus if c.count >= 2][:5]
    if spread:
        blocks.append(Heading("Waar de meningen het verst uiteenlopen", 3))
        blocks.append(Paragraph(
            "De spreiding is de gemiddelde afstand van de inschattingen tot hun gemiddelde "
            "(0% = iedereen is het eens). Deze partners verdienen een vervolggesprek."))
        blocks.append(Table(
            "Verschil van inzicht",
            (Column("Partner", width=1.6), Column("Spreiding", "percent", 0.7),
             Column("Inschattingen", "int", 0.7), Column("Gemiddelde invloed", "percent", 0.9),
             Column("Gemiddelde afhankelijkheid", "percent", 1.1)),
            tuple((names.get(c.partner_id, ""), c.spread, c.count,
                   c.mean.influence if c.mean else None, c.mean.dependency if c.mean else None)
                  for c in spread)))
    return Section("matrix", "Partnermatrix", tuple(blocks)), view


def _direction_label(direction: str) -> str:
    from kompas.models import DIRECTION_LABELS

    return DIRECTION_LABELS.get(direction, direction)


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
            from kompas.tree_chart import tree_chart

            spec = tree_chart(view, show_votes=bool(view.revealed),
                              collapsed=tree_collapse(view)[0]).to_dict(validate=False)
            return _spec_png(spec)
        if key == "compass":
            from kompas.compass.chart import results_inputs_chart

            chart = results_inputs_chart(view, width=760)
            return None if chart is None else _spec_png(chart.to_dict(validate=False))
        if key == "matrix":
            from kompas.matrix_chart import matrix_chart

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
