"""The partner matrix's section of the report (*verslag*): the picture, partners with
their agreed positions, directions and where opinions differ most."""

from __future__ import annotations

from sqlmodel import Session

from kompas import workshops
from kompas.blocks import Column, Heading, Paragraph, Picture, Section, Table
from kompas.labels import (
    direction_label,
    interest_kind_label,
    partner_kind_label,
    relation_label,
    sentence_start,
)
from kompas.partners.lenses import DEFAULT, LENSES, Lens
from kompas.partners.relations import relations
from kompas.partners.view import lenses_used, matrix_view


def quadrant(labels: tuple, influence: float, dependency: float) -> str:
    """Labels are top-left, top-right, bottom-left, bottom-right; influence is vertical."""
    index = (0 if influence >= 0.5 else 2) + (1 if dependency >= 0.5 else 0)
    return labels[index] if len(labels) == 4 else ""


def matrix_section(db: Session, info: workshops.WorkshopInfo):
    view = matrix_view(db, info.id, None, True, lens=DEFAULT)
    blocks: list = []
    if not view.partners:
        blocks.append(Paragraph("Er staan nog geen partners in de partnermatrix.", "note"))
        return Section("matrix", "Partnermatrix", tuple(blocks)), None
    labels = tuple(view.quadrant_labels)
    n_agreed = sum(1 for p in view.partners if p.id in view.agreed)
    blocks.append(
        Paragraph(
            f"De groep heeft {len(view.partners)} partners ingeschat op invloed op de doelen "
            f"(verticaal) en afhankelijkheid van de gemeente (horizontaal). Voor {n_agreed} "
            f"partner{'s' if n_agreed != 1 else ''} is een gezamenlijke positie afgesproken, voor "
            f"{len(view.directions)} een richting."
        )
    )
    blocks.append(Picture("matrix", "De partnermatrix met de afgesproken posities"))
    rows = []
    for p in view.partners:
        point = view.agreed.get(p.id)
        d = view.directions.get(p.id)
        rows.append(
            (
                p.name,
                p.service,
                partner_kind_label(p.kind),
                p.contract_value_cents,
                point.influence if point else None,
                point.dependency if point else None,
                quadrant(labels, point.influence, point.dependency) if point else "",
                direction_label(d.direction) if d else "",
                view.placed.get(p.id, 0),
            )
        )
    blocks.append(Heading("Partners en afgesproken posities", 3))
    blocks.append(
        Table(
            "Partners (verslag)",
            (
                Column("Partner", width=1.5),
                Column("Voorziening", width=1.5),
                Column("Contractwaarde", "money", 1.0),
                Column("Invloed", "percent", 0.6),
                Column("Afhankelijkheid", "percent", 0.8),
                Column("Kwadrant", width=1.1),
                Column("Richting", width=0.7),
            ),
            tuple(r[:2] + r[3:8] for r in rows),
            caption="Invloed en afhankelijkheid van de afgesproken positie, van 0% tot 100%.",
            sheet=False,
        )
    )
    blocks.append(
        Table(
            "Partners",
            (
                Column("Partner", width=1.4),
                Column("Voorziening", width=1.3),
                Column("Soort", width=0.6),
                Column("Contractwaarde", "money", 0.9),
                Column("Invloed", "percent", 0.55),
                Column("Afhankelijkheid", "percent", 0.75),
                Column("Kwadrant", width=1.0),
                Column("Richting", width=0.7),
                Column("Inschattingen", "int", 0.6),
                Column("Notities", width=1.5),
            ),
            tuple(r + (p.notes,) for r, p in zip(rows, view.partners)),
            documents=False,
        )
    )
    names = {p.id: p.name for p in view.partners}
    if view.directions:
        blocks.append(Heading("Richtingen en acties", 3))
        ordered = [view.directions[p.id] for p in view.partners if p.id in view.directions]
        blocks.append(
            Table(
                "Richtingen",
                (
                    Column("Partner", width=1.1),
                    Column("Richting", width=0.7),
                    Column("Waarom", width=1.4),
                    Column("Actie", width=1.5),
                    Column("Eigenaar", width=0.8),
                    Column("Evaluatie", "date", 0.8),
                    Column("Afwijkend geluid", width=1.0),
                ),
                tuple(
                    (
                        names.get(d.partner_id, ""),
                        direction_label(d.direction),
                        d.rationale,
                        d.action,
                        d.owner,
                        d.review_date,
                        d.dissent,
                    )
                    for d in ordered
                ),
            )
        )
    spread = [c for c in view.consensus if c.count >= 2][:5]
    if spread:
        blocks.append(Heading("Waar de meningen het verst uiteenlopen", 3))
        blocks.append(
            Paragraph(
                "De spreiding is de gemiddelde afstand van de inschattingen tot hun gemiddelde "
                "(0% = iedereen is het eens). Deze partners verdienen een vervolggesprek."
            )
        )
        blocks.append(
            Table(
                "Verschil van inzicht",
                (
                    Column("Partner", width=1.6),
                    Column("Spreiding", "percent", 0.7),
                    Column("Inschattingen", "int", 0.7),
                    Column("Gemiddelde invloed", "percent", 0.9),
                    Column("Gemiddelde afhankelijkheid", "percent", 1.1),
                ),
                tuple(
                    (
                        names.get(c.partner_id, ""),
                        c.spread,
                        c.count,
                        c.mean.influence if c.mean else None,
                        c.mean.dependency if c.mean else None,
                    )
                    for c in spread
                ),
            )
        )
    return Section("matrix", "Partnermatrix", tuple(blocks)), view


# --- the other lenses (kompas/partners/lenses.py): one section per lens used ---------------


def lens_sections(db: Session, info: workshops.WorkshopInfo) -> list[tuple]:
    """``(section, picture key, view)`` for every lens other than the default that the
    workshop used (placements, directions, or the current lens with partners)."""
    out = []
    for lens_id in lenses_used(db, info.id):
        if lens_id == DEFAULT or lens_id not in LENSES:
            continue
        view = matrix_view(db, info.id, None, True, lens=lens_id)
        used = any(view.placed.values()) or view.agreed or view.directions
        if not view.partners or not used:
            continue
        key = f"matrix:{lens_id}"
        out.append((lens_section(view, key), key, view))
    return out


def lens_section(view, key: str) -> Section:
    """The matrix in one lens: the picture, agreed positions and quadrants, directions and
    where opinions differ most, in the lens's own words."""
    lens: Lens = view.lens
    y, x = lens.vertical, lens.horizontal
    labels = tuple(view.quadrant_labels)
    n_agreed = sum(1 for p in view.partners if p.id in view.agreed)
    blocks: list = [
        Paragraph(
            f"De groep heeft de partners ook bekeken door de lens '{lens.name}': "
            f"{y.label.lower()} (verticaal, van {y.low} tot {y.high}) en "
            f"{x.label.lower()} (horizontaal, van {x.low} tot {x.high}). Voor {n_agreed} "
            f"partner{'s' if n_agreed != 1 else ''} is een gezamenlijke positie afgesproken, "
            f"voor {len(view.directions)} een richting."
        ),
        Picture(key, f"De partnermatrix door de lens '{lens.name}'"),
    ]
    rows = []
    for p in view.partners:
        point = view.agreed.get(p.id)
        d = view.directions.get(p.id)
        rows.append(
            (
                p.name,
                point.influence if point else None,
                point.dependency if point else None,
                lens.quadrant(point.influence, point.dependency, labels) if point else "",
                direction_label(d.direction) if d else "",
                view.placed.get(p.id, 0),
            )
        )
    blocks.append(Heading(f"Posities: {lens.name}", 3))
    blocks.append(
        Table(
            f"Lens {lens.id}"[:31],
            (
                Column("Partner", width=1.5),
                Column(sentence_start(y.word), "percent", 0.8),
                Column(sentence_start(x.word), "percent", 0.8),
                Column("Kwadrant", width=1.3),
                Column("Richting", width=0.7),
                Column("Inschattingen", "int", 0.6),
            ),
            tuple(rows),
            caption=f"{y.label} en {x.label.lower()} van de afgesproken positie, van 0% tot 100%.",
        )
    )
    names = {p.id: p.name for p in view.partners}
    ordered = [view.directions[p.id] for p in view.partners if p.id in view.directions]
    if ordered:
        blocks.append(Heading(f"Richtingen en acties: {lens.name}", 3))
        blocks.append(
            Table(
                f"Richtingen {lens.id}"[:31],
                (
                    Column("Partner", width=1.1),
                    Column("Richting", width=0.7),
                    Column("Waarom", width=1.4),
                    Column("Actie", width=1.5),
                    Column("Eigenaar", width=0.8),
                    Column("Evaluatie", "date", 0.8),
                    Column("Afwijkend geluid", width=1.0),
                ),
                tuple(
                    (
                        names.get(d.partner_id, ""),
                        direction_label(d.direction),
                        d.rationale,
                        d.action,
                        d.owner,
                        d.review_date,
                        d.dissent,
                    )
                    for d in ordered
                ),
            )
        )
    spread = [c for c in view.consensus if c.count >= 2][:5]
    if spread:
        blocks.append(Heading(f"Waar de meningen het verst uiteenlopen: {lens.name}", 3))
        blocks.append(
            Table(
                f"Verschil {lens.id}"[:31],
                (
                    Column("Partner", width=1.6),
                    Column("Spreiding", "percent", 0.7),
                    Column("Inschattingen", "int", 0.7),
                    Column(f"Gemiddelde {y.word}", "percent", 0.9),
                    Column(f"Gemiddelde {x.word}", "percent", 1.1),
                ),
                tuple(
                    (
                        names.get(c.partner_id, ""),
                        c.spread,
                        c.count,
                        c.mean.influence if c.mean else None,
                        c.mean.dependency if c.mean else None,
                    )
                    for c in spread
                ),
            )
        )
    return Section(key, f"Partnermatrix: {lens.name}", tuple(blocks))


# --- relations and interests (kompas/partners/relations.py) --------------------------------


def relations_section(db: Session, info: workshops.WorkshopInfo):
    """Opdrachtgever én partner and the interests, when the group recorded any; else
    None."""
    rows = [r for r in relations(db, info.id) if r.recorded or r.interests]
    if not rows:
        return None
    blocks: list = [
        Paragraph(
            "Niet elke relatie hoeft een partnerschap te zijn. Per partner: de relatie nu en "
            "de relatie die de groep wil, de afspraken over rollen en wat goed genoeg is."
        )
    ]
    recorded = [r for r in rows if r.recorded]
    if recorded:
        blocks.append(
            Table(
                "Relaties",
                (
                    Column("Partner", width=1.2),
                    Column("Relatie nu", width=1.0),
                    Column("Gewenste relatie", width=1.0),
                    Column("Rollen en afspraken", width=1.5),
                    Column("Wat is goed genoeg", width=1.3),
                ),
                tuple(
                    (
                        r.name,
                        relation_label(r.relation_now),
                        relation_label(r.relation_desired),
                        r.roles_agreements,
                        r.good_enough,
                    )
                    for r in recorded
                ),
            )
        )
    interests = [(r.name, i) for r in rows for i in r.interests]
    if interests:
        blocks.append(Heading("Belangen", 3))
        blocks.append(
            Paragraph(
                "Gedeelde belangen en eigen belangen, zonder naam ingebracht door de "
                "deelnemers en geordend door de procesbegeleider."
            )
        )
        blocks.append(
            Table(
                "Belangen",
                (
                    Column("Partner", width=1.1),
                    Column("Soort", width=0.8),
                    Column("Groep", width=0.9),
                    Column("Belang", width=2.2),
                ),
                tuple(
                    (name, interest_kind_label(i.kind), i.grouping, i.text) for name, i in interests
                ),
            )
        )
    return Section("relations", "Opdrachtgever én partner, en belangen", tuple(blocks))
