"""The goal tree's section of the report (*verslag*): the picture, the priorities and the
tree in words."""

from __future__ import annotations

from sqlmodel import Session

from kompas import workshops
from kompas.blocks import Column, Heading, Outline, Paragraph, Picture, Section, Table
from kompas.goaltree.chart import layout
from kompas.goaltree.view import priorities, tree_view
from kompas.labels import node_status_label, role_label
from kompas.models import ROLE_GROUPS
from kompas.workshops import MIN_GROUP

HOW_TO_READ = (
    "Zo lees je de doelenboom. Bovenaan staat het hoofddoel: wat we samen willen bereiken. "
    "Daaronder de beleidsterreinen, per terrein de maatschappelijke effecten (wat er voor "
    "inwoners moet veranderen) en daaronder de activiteiten die daaraan bijdragen. Met "
    "stippen gaven de deelnemers aan wat zij het belangrijkst vinden."
)
PRIORITY_ROWS = 25  # in the documents; Excel has them all
TREE_PICTURE_ROWS = 45  # more rows than this do not fit a page readably


def tree_section(db: Session, info: workshops.WorkshopInfo):
    view = tree_view(db, info.id)
    accepted = [n for n in view.nodes if n.status == "accepted"]
    proposals = [n for n in view.nodes if n.status == "proposal"]
    blocks: list = []
    if len(view.nodes) <= 1 and not proposals:
        blocks.append(
            Paragraph(
                "De doelenboom heeft alleen het hoofddoel. Er zijn nog geen "
                "beleidsterreinen, effecten of activiteiten.",
                "note",
            )
        )
        return Section("tree", "Doelenboom", tuple(blocks)), view
    vision = [n for n in view.nodes if n.kind == "vision" and n.status == "accepted"]
    for node in vision:
        blocks.append(Heading(f"Visie: {node.title}" if node.title else "Visie", 3))
        blocks.append(
            Paragraph(
                node.description.strip() or "De visie is nog niet beschreven.",
                "normal" if node.description.strip() else "note",
            )
        )
    blocks.append(Paragraph(HOW_TO_READ))
    blocks.append(
        Paragraph(
            f"De doelenboom heeft {len(accepted)} onderdelen"
            + (
                f" en {len(proposals)} voorstel{'len' if len(proposals) != 1 else ''} die nog niet "
                "zijn besproken"
                if proposals
                else ""
            )
            + ". De boom staat hieronder in woorden; in Word en PDF ook als afbeelding."
        )
    )
    collapsed, level = tree_collapse(view)
    caption = (
        "De doelenboom"
        if not collapsed
        else (
            "De bovenste niveaus van de doelenboom ("
            + level
            + "); een getal als +12 is het aantal onderdelen dat eronder valt. De hele "
            "boom staat hieronder in woorden"
        )
    )
    blocks.append(
        Picture(
            "tree", caption + (", met het aantal stippen per onderdeel" if view.revealed else "")
        )
    )
    blocks.append(Heading("Prioriteiten", 3))
    if view.revealed:
        rows = priorities(db, info.id)
        if rows:
            voters = f"{view.voters} van de {view.participants} deelnemers hebben gestemd"
            per_role = bool(rows[0].by_role)
            blocks.append(
                Paragraph(
                    f"Elke deelnemer had {view.vote_budget} stippen om te verdelen. {voters}. "
                    "De tabel toont de onderdelen met de meeste stippen eerst"
                    + (
                        ", met de verdeling over de rollen."
                        if per_role
                        else ". De verdeling over de rollen staat er niet bij: die tonen we alleen als uit "
                        f"elke rol minstens {MIN_GROUP} mensen stemden."
                    )
                )
            )
            roles = ROLE_GROUPS if per_role else ()
            role_cols = tuple(Column(role_label(r), "int", 0.55) for r in roles)
            # documents: compact (the domain is in the tree, "afgesproken" after the title)
            doc_columns = (
                Column("Nr.", "int", 0.35),
                Column("Onderdeel", width=3.0),
                Column("Stippen", "int", 0.6),
            ) + role_cols
            doc_rows = tuple(
                (r.rank, r.title + (" (afgesproken)" if r.agreed else ""), r.total)
                + tuple(dict(r.by_role).get(role, 0) for role in roles)
                for r in rows
            )
            caption = ""
            if len(doc_rows) > PRIORITY_ROWS:
                caption = (
                    f"De {PRIORITY_ROWS} onderdelen met de meeste stippen. Alle "
                    f"{len(doc_rows)} staan in de Excel-versie."
                )
            blocks.append(
                Table(
                    "Prioriteiten (verslag)",
                    doc_columns,
                    doc_rows[:PRIORITY_ROWS],
                    caption=caption,
                    sheet=False,
                )
            )
            blocks.append(
                Table(
                    "Prioriteiten",
                    (
                        Column("Nr.", "int", 0.35),
                        Column("Onderdeel", width=2.2),
                        Column("Beleidsterrein", width=1.2),
                        Column("Stippen", "int", 0.6),
                    )
                    + role_cols
                    + (Column("Afgesproken", width=0.7),),
                    tuple(
                        (r.rank, r.title, r.domain_title, r.total)
                        + tuple(dict(r.by_role).get(role, 0) for role in roles)
                        + ("ja" if r.agreed else "",)
                        for r in rows
                    ),
                    documents=False,
                )
            )
        else:
            blocks.append(Paragraph("Er zijn nog geen stippen geplakt.", "note"))
    else:
        blocks.append(
            Paragraph(
                "De stemmen zijn nog niet zichtbaar gemaakt. De prioriteiten "
                "komen in het verslag zodra de procesbegeleider ze toont.",
                "note",
            )
        )
    blocks.append(Heading("De doelenboom in woorden", 3))
    items = []
    for n in view.nodes:
        notes = [n.kind_label]
        if n.partner_name:
            notes.append(n.partner_name)
        if n.total:
            notes.append(f"{n.total} stip{'pen' if n.total != 1 else ''}")
        if n.status == "proposal":
            notes.append(node_status_label(n.status))
        described = n.description.strip() if n.kind != "vision" else ""
        items.append((n.depth, n.title + (f": {described}" if described else ""), ", ".join(notes)))
    blocks.append(Outline(tuple(items)))
    blocks.append(
        Table(
            "Doelenboom",
            (
                Column("Soort", width=0.9),
                Column("Titel", width=2.0),
                Column("Valt onder", width=1.4),
                Column("Partner", width=1.0),
                Column("Status", width=0.6),
                Column("Stippen", "int", 0.5),
            ),
            tuple(
                (
                    n.kind_label,
                    n.title,
                    _parent_title(view, n),
                    n.partner_name,
                    node_status_label(n.status),
                    n.total if view.revealed else None,
                )
                for n in view.nodes
            ),
            caption="Alle onderdelen van de doelenboom",
            documents=False,
        )
    )
    return Section("tree", "Doelenboom", tuple(blocks)), view


def tree_collapse(view) -> tuple[frozenset, str]:
    """Which nodes to fold in the report picture so that it fits a page: nothing, the
    activities (folded into their effects) or everything below the policy domains."""
    _, rows = layout(view)
    if rows <= TREE_PICTURE_ROWS:
        return frozenset(), ""
    effects = frozenset(n.id for n in view.nodes if n.kind == "effect")
    if layout(view, effects)[1] <= TREE_PICTURE_ROWS:
        return effects, "tot en met de effecten"
    return frozenset(
        n.id for n in view.nodes if n.kind == "domain"
    ), "tot en met de beleidsterreinen"


def _parent_title(view, node) -> str:
    if node.parent_id is None:
        return ""
    try:
        return view.node(node.parent_id).title
    except KeyError:
        return ""
