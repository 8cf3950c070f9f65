"""Goal tree nodes: propose, edit, accept, move, merge and delete, and the template.

Kinds and where they may stand (parent → children):

    main_goal ─┬─ vision            (leaf: the beoogde nieuwe werkelijkheid)
               └─ domain ── effect ── activity

Participants propose nodes (status ``proposal``) in phase *verzamelen*; the facilitator
accepts, edits, moves, merges and deletes.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from pydantic import ConfigDict, field_validator
from sqlalchemy import delete, func, select
from sqlmodel import Session, SQLModel

from kompas import links, live, text, workshops
from kompas.errors import InvalidInput, NotAllowed, NotFound
from kompas.labels import node_kind_label
from kompas.models import (
    GoalNode,
    Partner,
    Vote,
    Workshop,
    utcnow,
)
from kompas.rows import check_rev, get_in_workshop
from kompas.workshops import Actor

TOOL = "tree"
# the phases in which participants propose nodes, and edit or withdraw their own proposals
PROPOSE_PHASES = ("verzamelen",)
EDIT_PHASES = ("verzamelen", "ordenen")
DESCRIPTION_MAX = 2000
CHILD_KINDS = {
    "main_goal": ("domain", "vision"),
    "vision": (),
    "domain": ("effect",),
    "effect": ("activity",),
    "activity": (),
}
# the kind a new or moved node gets under a parent when none is asked for
DEFAULT_CHILD = {"main_goal": "domain", "domain": "effect", "effect": "activity"}
# The six policy domains of the template: the nine traditional domains of DOMAIN.md,
# grouped the way most municipalities organise their social domain.
TEMPLATE_DOMAINS = (
    "Onderwijs",
    "Gezondheid",
    "Maatschappelijke ondersteuning en welzijn",
    "Jeugd",
    "Werk, inkomen en schuldhulp",
    "Wonen en veiligheid",
)


# --- input models -----------------------------------------------------------------------


class GoalNodeBase(SQLModel):
    """The text a person writes on a node, cleaned like all user text."""

    title: str
    description: str = ""

    @field_validator("title", mode="before")
    @classmethod
    def _clean_title(cls, value: object) -> str:
        return text.clean(value, field="de titel", max_len=text.TITLE_MAX)

    @field_validator("description", mode="before")
    @classmethod
    def _clean_description(cls, value: object) -> str:
        return text.optional(value, field="de toelichting", max_len=DESCRIPTION_MAX)


class GoalNodeCreate(GoalNodeBase):
    kind: Optional[str] = None  # None: the usual child kind of the parent
    partner_id: Any = None  # checked against the workshop's partners when written


class GoalNodeUpdate(GoalNodeBase):
    """Only the fields given change (``model_dump(exclude_unset=True)``)."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field must not pass unnoticed
    title: Optional[str] = None
    description: Optional[str] = None
    partner_id: Any = None


# --- helpers ----------------------------------------------------------------------------


def get_node(db: Session, workshop_id: int, node_id: object) -> GoalNode:
    return get_in_workshop(
        db,
        GoalNode,
        node_id,
        workshop_id,
        "Dit onderdeel",
        message="Dit onderdeel van de doelenboom bestaat niet (meer).",
    )


def _bump(node: GoalNode) -> None:
    node.rev += 1
    node.updated_at = utcnow()


def parse_aliases(node: GoalNode) -> list[str]:
    try:
        value = json.loads(node.aliases or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _children(db: Session, node_id: int) -> list[GoalNode]:
    return list(
        db.execute(
            select(GoalNode)
            .where(GoalNode.parent_id == node_id)
            .order_by(GoalNode.position, GoalNode.id)
        ).scalars()
    )


def _subtree(db: Session, node: GoalNode) -> list[GoalNode]:
    """The node and everything under it, parents before children."""
    out, todo = [], [node]
    while todo:
        current = todo.pop(0)
        out.append(current)
        todo.extend(_children(db, current.id))
    return out


def _next_position(db: Session, parent_id: int) -> int:
    top = db.execute(
        select(func.max(GoalNode.position)).where(GoalNode.parent_id == parent_id)
    ).scalar()
    return 0 if top is None else top + 1


def _check_child_kind(parent: GoalNode, kind: str) -> None:
    allowed = CHILD_KINDS.get(parent.kind, ())
    if not allowed:
        raise InvalidInput(
            f"Onder een {node_kind_label(parent.kind).lower()} kan niets staan. "
            "Kies een ander onderdeel."
        )
    if kind not in allowed:
        raise InvalidInput(
            f"Een {node_kind_label(kind).lower()} kan niet onder een "
            f"{node_kind_label(parent.kind).lower()} staan."
        )


def _fit_kinds(db: Session, node: GoalNode, parent_kind: str) -> dict[int, str]:
    """New kinds for the node and its subtree under a parent of ``parent_kind``: a kind
    that may stand there is kept, otherwise it becomes the parent's default child kind.
    Raises InvalidInput when the subtree cannot be placed there."""
    kinds: dict[int, str] = {}

    def fit(n: GoalNode, pkind: str) -> None:
        allowed = CHILD_KINDS.get(pkind, ())
        if not allowed:
            raise InvalidInput(
                f"'{n.title}' kan daar niet staan: onder een "
                f"{node_kind_label(pkind).lower()} kan niets staan."
            )
        new = n.kind if n.kind in allowed else DEFAULT_CHILD[pkind]
        kinds[n.id] = new
        for child in _children(db, n.id):
            fit(child, new)

    fit(node, parent_kind)
    return kinds


def _check_partner(db: Session, workshop_id: int, partner_id: object, kind: str) -> Optional[int]:
    if partner_id in (None, "", 0):
        return None
    if kind != "activity":
        raise InvalidInput("Alleen een activiteit kan een partner hebben.")
    return get_in_workshop(
        db,
        Partner,
        partner_id,
        workshop_id,
        "Deze partner",
        message="Deze partner bestaat niet in deze workshop.",
    ).id


# --- nodes ------------------------------------------------------------------------------


def add_node(
    db: Session,
    *,
    actor: Actor,
    parent_id: int,
    title: str,
    kind: str | None = None,
    description: str = "",
    partner_id: int | None = None,
) -> int:
    """A participant's node is a proposal (phase verzamelen only); the facilitator's is
    accepted at once. ``kind`` defaults to the usual child of the parent. Returns the id."""
    workshop = workshops.require_open(db, actor, TOOL, phases=PROPOSE_PHASES)
    parent = get_node(db, workshop.id, parent_id)
    node_in = GoalNodeCreate(title=title, description=description, kind=kind, partner_id=partner_id)
    kind = node_in.kind or DEFAULT_CHILD.get(parent.kind) or "activity"
    _check_child_kind(parent, kind)
    if (
        parent.status != "accepted"
        and not actor.is_facilitator
        and parent.author_id != actor.participant_id
    ):
        # proposals under someone else's proposal would be lost when that one is withdrawn
        raise NotAllowed(
            "Je kunt alleen iets toevoegen onder een vastgesteld onderdeel of "
            "onder je eigen voorstel."
        )
    node = GoalNode(
        workshop_id=workshop.id,
        parent_id=parent.id,
        kind=kind,
        title=node_in.title,
        description=node_in.description,
        author_id=actor.participant_id,
        status="accepted" if actor.is_facilitator else "proposal",
        position=_next_position(db, parent.id),
        partner_id=_check_partner(db, workshop.id, node_in.partner_id, kind),
    )
    db.add(node)
    db.flush()
    live.touch(db, workshop.id)
    return node.id


def edit_node(db: Session, *, actor: Actor, node_id: int, rev: int, **fields: object) -> None:
    """Change title, description or partner (``fields``, see ``GoalNodeUpdate``: only
    those given change). Participants: only their own proposal, in phases verzamelen and
    ordenen. A new title also renames linked compass items."""
    workshop = workshops.require_open(db, actor, TOOL, phases=EDIT_PHASES)
    node = get_node(db, workshop.id, node_id)
    _require_own_proposal(actor, node, "wijzigen")
    check_rev(node, rev, f"'{node.title}'", bump=False)  # _bump counts the edit
    changes = GoalNodeUpdate(**fields).model_dump(exclude_unset=True)
    if "title" in changes:
        new_title = changes["title"]
        if new_title != node.title:
            node.title = new_title
            links.node_renamed(db, node_id=node.id, title=new_title)
    if "description" in changes:
        node.description = changes["description"]
    if "partner_id" in changes:
        node.partner_id = _check_partner(db, workshop.id, changes["partner_id"], node.kind)
    _bump(node)
    live.touch(db, workshop.id)


def _require_own_proposal(actor: Actor, node: GoalNode, verb: str) -> None:
    if actor.is_facilitator:
        return
    if node.author_id != actor.participant_id:
        raise NotAllowed(f"Je kunt '{node.title}' niet {verb}: het is niet jouw voorstel.")
    if node.status != "proposal":
        raise NotAllowed(
            f"'{node.title}' is al vastgesteld door de procesbegeleider. "
            f"Je kunt het niet meer {verb}."
        )


def delete_node(db: Session, *, actor: Actor, node_id: int) -> None:
    """The facilitator deletes a node with everything under it (votes included); a
    participant withdraws their own proposal, as long as nothing stands under it."""
    workshop = workshops.require_open(db, actor, TOOL, phases=EDIT_PHASES)
    node = get_node(db, workshop.id, node_id)
    if node.kind == "main_goal":
        raise NotAllowed("Het hoofddoel kun je niet verwijderen. Je kunt de titel wel wijzigen.")
    _require_own_proposal(actor, node, "intrekken")
    nodes = _subtree(db, node)
    if not actor.is_facilitator and len(nodes) > 1:
        raise NotAllowed(
            f"Er staan al andere onderdelen onder '{node.title}'. Vraag de "
            "procesbegeleider om het te verwijderen."
        )
    for n in reversed(nodes):  # children first: parent_id has no cascade
        db.execute(delete(Vote).where(Vote.node_id == n.id))
        links.unlink_node(db, node_id=n.id)
        db.delete(n)
        db.flush()
    live.touch(db, workshop.id)


def accept_node(db: Session, *, actor: Actor, node_id: int, rev: int | None = None) -> None:
    workshop = workshops.require_facilitator(db, actor)
    node = get_node(db, workshop.id, node_id)
    check_rev(node, rev, f"'{node.title}'", bump=False)
    # a proposal under a proposal: accepting the child accepts the way up to the tree
    current: GoalNode | None = node
    while current is not None and current.status != "accepted":
        current.status = "accepted"
        _bump(current)
        current = db.get(GoalNode, current.parent_id) if current.parent_id else None
    live.touch(db, workshop.id)


def accept_all(db: Session, *, actor: Actor) -> int:
    """Accept every proposal at once; returns how many."""
    workshop = workshops.require_facilitator(db, actor)
    nodes = list(
        db.execute(
            select(GoalNode).where(
                GoalNode.workshop_id == workshop.id, GoalNode.status == "proposal"
            )
        ).scalars()
    )
    for node in nodes:
        node.status = "accepted"
        _bump(node)
    live.touch(db, workshop.id)
    return len(nodes)


def move_node(
    db: Session, *, actor: Actor, node_id: int, new_parent_id: int, rev: int | None = None
) -> None:
    """Put a node (with its subtree and votes) under another parent. Kinds that cannot
    stand there become the parent's usual child kind, e.g. a domain moved under a
    domain becomes an effect."""
    workshop = workshops.require_facilitator(db, actor)
    node = get_node(db, workshop.id, node_id)
    parent = get_node(db, workshop.id, new_parent_id)
    check_rev(node, rev, f"'{node.title}'", bump=False)
    if node.kind == "main_goal":
        raise NotAllowed("Het hoofddoel staat altijd bovenaan; je kunt het niet verplaatsen.")
    if parent.id in {n.id for n in _subtree(db, node)}:
        raise InvalidInput(
            f"Je kunt '{node.title}' niet onder zichzelf of onder een eigen onderdeel zetten. "
            "Kies een plek buiten dit deel van de boom."
        )
    if parent.id == node.parent_id:
        return
    kinds = _fit_kinds(db, node, parent.kind)
    for n in _subtree(db, node):
        if n.kind != kinds[n.id]:
            n.kind = kinds[n.id]
            if n.kind != "activity":
                n.partner_id = None
            _bump(n)
    node.parent_id = parent.id
    node.position = _next_position(db, parent.id)
    _bump(node)
    live.touch(db, workshop.id)


def merge_nodes(db: Session, *, actor: Actor, keep_id: int, merge_id: int) -> None:
    """Merge a duplicate into the node that is kept: children, votes and compass links go
    to the kept node, the merged title stays as an alias, the duplicate disappears."""
    workshop = workshops.require_facilitator(db, actor)
    keep = get_node(db, workshop.id, keep_id)
    gone = get_node(db, workshop.id, merge_id)
    if keep.id == gone.id:
        raise InvalidInput(
            "Je koos twee keer hetzelfde onderdeel. Kies bij 'Laten opgaan' het dubbele onderdeel."
        )
    if gone.kind == "main_goal":
        raise NotAllowed(
            "Het hoofddoel kan niet in een ander onderdeel opgaan. Kies het hoofddoel bij "
            "'Bewaren' en het dubbele onderdeel bij 'Laten opgaan'."
        )
    if keep.id in {n.id for n in _subtree(db, gone)}:
        raise InvalidInput(
            f"'{keep.title}' staat onder '{gone.title}'. Voeg het onderste "
            "samen in het bovenste, niet andersom."
        )
    for child in _children(db, gone.id):
        kinds = _fit_kinds(db, child, keep.kind)
        for n in _subtree(db, child):
            n.kind = kinds[n.id]
        child.parent_id = keep.id
        child.position = _next_position(db, keep.id)
        db.flush()
    _merge_votes(db, workshop, keep.id, gone.id)
    links.relink_node(db, from_node_id=gone.id, to_node_id=keep.id)
    aliases = parse_aliases(keep)
    for title in (gone.title, *parse_aliases(gone)):
        if title != keep.title and title not in aliases:
            aliases.append(title)
    keep.aliases = json.dumps(aliases, ensure_ascii=False)
    if not keep.description and gone.description:
        keep.description = gone.description
    if keep.partner_id is None and gone.partner_id is not None and keep.kind == "activity":
        keep.partner_id = gone.partner_id
    keep.agreed_priority = keep.agreed_priority or gone.agreed_priority
    if gone.status == "accepted":
        keep.status = "accepted"
    _bump(keep)
    db.delete(gone)
    db.flush()
    live.touch(db, workshop.id)


def _merge_votes(db: Session, workshop: Workshop, keep_id: int, gone_id: int) -> None:
    # One row per (node, participant): counts on both nodes are added up and capped at
    # the per-node maximum. Dots above the cap are dropped, which returns them to the
    # participant's budget (the budget is the sum of their rows), so they can place them
    # again while voting is open.
    kept = {
        v.participant_id: v
        for v in db.execute(select(Vote).where(Vote.node_id == keep_id)).scalars()
    }
    for vote in list(db.execute(select(Vote).where(Vote.node_id == gone_id)).scalars()):
        target = kept.get(vote.participant_id)
        if target is None:
            vote.node_id = keep_id
            vote.count = min(vote.count, workshop.max_votes_per_node)
        else:
            target.count = min(
                target.count + vote.count, max(workshop.max_votes_per_node, target.count)
            )
            db.delete(vote)
    db.flush()


def set_agreed(db: Session, *, actor: Actor, node_id: int, agreed: bool) -> None:
    """Mark (or unmark) a node as an agreed priority (*afgesproken prioriteit*)."""
    workshop = workshops.require_facilitator(db, actor)
    node = get_node(db, workshop.id, node_id)
    node.agreed_priority = bool(agreed)
    _bump(node)
    live.touch(db, workshop.id)


def apply_template(db: Session, *, actor: Actor) -> int:
    """Add the six policy domains under the main goal (those not there yet). Returns how
    many were added."""
    workshop = workshops.require_facilitator(db, actor)
    root = main_goal(db, workshop.id)
    existing = {n.title.casefold() for n in _children(db, root.id)}
    added = 0
    for title in TEMPLATE_DOMAINS:
        if title.casefold() in existing:
            continue
        db.add(
            GoalNode(
                workshop_id=workshop.id,
                parent_id=root.id,
                kind="domain",
                title=title,
                status="accepted",
                position=_next_position(db, root.id),
            )
        )
        db.flush()
        added += 1
    live.touch(db, workshop.id)
    return added


def main_goal(db: Session, workshop_id: int) -> GoalNode:
    node = (
        db.execute(
            select(GoalNode)
            .where(GoalNode.workshop_id == workshop_id, GoalNode.kind == "main_goal")
            .order_by(GoalNode.id)
        )
        .scalars()
        .first()
    )
    if node is None:
        raise NotFound("Deze doelenboom heeft geen hoofddoel.")
    return node
