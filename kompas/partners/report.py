"""The partner matrix's section of the report (*verslag*): the picture, partners with
their agreed positions, directions and where opinions differ most."""

from __future__ import annotations

from sqlmodel import Session

from kompas import workshops
from kompas.blocks import Bullets, Column, Heading, Paragraph, Picture, Section, Table
from kompas.labels import (
    direction_label,
    interest_kind_label,
    partner_kind_label,
    relation_label,
    sentence_start,
)
from kompas.partners.chart import numbered, partner_numbers
from kompas.partners.lenses import DEFAULT, LENSES, Lens
from kompas.partners.relations import relations
from kompas.partners.view import lenses_used, matrix_view

# A direction in plain words (DOMAIN.md, method 3), for the Besluiten and the matrix legend.
DIRECTION_SENTENCES = {
    "omhoog": "{name}: meer bijdragen aan de doelen. Er is ruimte om het effect te vergroten.",
    "omlaag": "{name}: de samenwerking afbouwen.",
    "links": "{name}: minder afhankelijk worden van deze partner, bijvoorbeeld door een "
    "tweede aanbieder.",
    "rechts": "{name}: een vaste samenwerking voor meerdere jaren aangaan.",
    "blijven": "{name}: de samenwerking blijft zoals hij is.",
}


# The direction in a table cell: its name and what it means, short.
DIRECTION_SHORT = {
    "omhoog": "Omhoog: meer effect",
    "omlaag": "Omlaag: afbouwen",
    "links": "Naar links: minder afhankelijk",
    "rechts": "Naar rechts: vast partnerschap",
    "blijven": "Blijven: zo houden",
}

HOW_TO_READ = (
    "Zo lees je de matrix. Elke partner staat op de plek die de groep samen heeft "
    "afgesproken. Hoe hoger, hoe meer de partner nu bijdraagt aan de doelen (invloed). Hoe "
    "verder naar rechts, hoe afhankelijker de gemeente van de partner is: is er een andere "
    "aanbieder als deze partner wegvalt? Rechts betekent: nauwelijks."
)
LEGEND = (
    "Bruine stip met naam of nummer: de afgesproken plek van een partner.",
    "Blauwe stip: het gemiddelde van de deelnemers, nog niet samen afgesproken.",
    "Pijl: de richting die de groep met de partner wil opgaan (omhoog, omlaag, naar links "
    "of naar rechts).",
    "Ring om een stip: de samenwerking blijft zoals hij is.",
    "Kleine grijze stippen: de inschattingen van de deelnemers, zonder naam.",
    "De vier vlakken: {quadrants}.",
)


# The agreed directions of several partners in one sentence each (the Besluiten).
DIRECTION_GROUPS = (
    ("rechts", "Een vaste samenwerking voor meerdere jaren aangaan met: {names}."),
    ("omhoog", "Meer bijdragen aan de doelen; er is ruimte om het effect te vergroten: {names}."),
    ("links", "Minder afhankelijk worden, bijvoorbeeld door een tweede aanbieder: {names}."),
    ("omlaag", "De samenwerking afbouwen: {names}."),
    ("blijven", "De samenwerking blijft zoals hij is: {names}."),
)


def direction_sentences(pairs) -> list[str]:
    """(partner name, direction) pairs as one sentence per direction, in the order above;
    unknown directions one by one."""
    out = []
    for direction, template in DIRECTION_GROUPS:
        names = [name for name, d in pairs if d == direction]
        if names:
            out.append(template.format(names=", ".join(names)))
    known = {d for d, _ in DIRECTION_GROUPS}
    out += [direction_sentence(name, d) for name, d in pairs if d not in known]
    return out


def short_direction(direction: str) -> str:
    return DIRECTION_SHORT.get(direction, direction_label(direction))


def direction_sentence(name: str, direction: str) -> str:
    """ "Jongerenwerk Lingewaarden: minder afhankelijk worden …" (an unknown id as it is)."""
    template = DIRECTION_SENTENCES.get(direction, "{name}: " + direction_label(direction) + ".")
    return template.format(name=name)


def quadrant(labels: tuple, influence: float, dependency: float) -> str:
    """Labels are top-left, top-right, bottom-left, bottom-right; influence is vertical."""
    index = (0 if influence >= 0.5 else 2) + (1 if dependency >= 0.5 else 0)
    return labels[index] if len(labels) == 4 else ""


def _directions_table(view, title: str, label, *, documents: bool = True) -> Table:
    """The agreed directions with their actions, in the order of the partner list."""
    names = {p.id: p.name for p in view.partners}
    ordered = [view.directions[p.id] for p in view.partners if p.id in view.directions]
    return Table(
        title,
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
                label(d.direction),
                d.rationale,
                d.action,
                d.owner,
                d.review_date,
                d.dissent,
            )
            for d in ordered
        ),
        documents=documents,
    )


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
    blocks.append(Paragraph(HOW_TO_READ))
    blocks.append(
        Picture(
            "matrix",
            "De partnermatrix met de afgesproken posities",
            alt=f"Matrix met {len(view.partners)} partners op invloed (verticaal) en "
            "afhankelijkheid (horizontaal), met de afgesproken richtingen als pijlen. De "
            "tabel hieronder geeft dezelfde gegevens.",
        )
    )
    quadrant_names = ", ".join(
        f"{where} {name}"
        for where, name in zip(("linksboven", "rechtsboven", "linksonder", "rechtsonder"), labels)
    )
    blocks.append(Heading("Legenda", 3, with_picture=True))
    blocks.append(
        Bullets(tuple(line.format(quadrants=quadrant_names) for line in LEGEND), with_picture=True)
    )
    if numbered(view):
        numbers = partner_numbers(view)
        blocks.append(
            Table(
                "Nummers in de matrix",
                (Column("Nr.", "int", 0.4), Column("Partner", width=3.0)),
                tuple((numbers[p.id], p.name) for p in view.partners),
                caption="De namen passen niet naast de stippen; de nummers staan in de matrix.",
                sheet=False,
            )
        )
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
                short_direction(d.direction) if d else "",
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
                Column("Waarde contract", "money", 1.0),
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
    noted = [p for p in view.partners if (p.notes or "").strip()]
    if noted:
        blocks.append(Heading("Notities over partners", 4))
        blocks.append(Bullets(tuple(f"{p.name}: {p.notes.strip()}" for p in noted)))
    names = {p.id: p.name for p in view.partners}
    if view.directions:
        blocks.append(Heading("Richtingen en acties", 3))
        ordered = [view.directions[p.id] for p in view.partners if p.id in view.directions]
        blocks.append(_directions_table(view, "Richtingen", short_direction, documents=False))
        # documents: why and what; who and when are in the Acties table up front
        blocks.append(
            Table(
                "Richtingen (verslag)",
                (
                    Column("Partner", width=1.1),
                    Column("Richting", width=0.9),
                    Column("Waarom", width=1.5),
                    Column("Actie", width=1.5),
                    Column("Afwijkend geluid", width=1.0),
                ),
                tuple(
                    (
                        names.get(d.partner_id, ""),
                        short_direction(d.direction),
                        d.rationale,
                        d.action,
                        d.dissent,
                    )
                    for d in ordered
                ),
                caption="Wie de actie uitvoert en wanneer staat bij Acties, voor in het verslag.",
                sheet=False,
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
    if any(p.id in view.directions for p in view.partners):
        blocks.append(Heading(f"Richtingen en acties: {lens.name}", 3))
        blocks.append(_directions_table(view, f"Richtingen {lens.id}"[:31], direction_label))
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
