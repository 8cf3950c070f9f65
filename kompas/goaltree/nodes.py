"""The goal tree (*doelenboom*): nodes from main goal to activities, moderation, dot votes
and priorities.

Kinds and where they may stand (parent → children):

    main_goal ─┬─ vision            (leaf: the beoogde nieuwe werkelijkheid)
               └─ domain ── effect ── activity

Participants propose nodes (status ``proposal``) in phase *verzamelen*; the facilitator
accepts, edits, moves, merges and deletes. Votes are dots (*stippen*): one ``Vote`` row per
(node, participant) holding a count, limited by the workshop's budget and per-node
maximum, hidden from everyone until the facilitator reveals them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Optional

from sqlalchemy import delete, func, select, update
from sqlmodel import Session

from kompas import live, text, workshops
from kompas.errors import Conflict, InvalidInput, NotAllowed, NotFound
from kompas.models import (
    NODE_KIND_LABELS,
    ROLE_GROUPS,
    Activity,
    GoalNode,
    Participant,
    Partner,
    Result,
    Vote,
    Workshop,
    utcnow,
)
from kompas.workshops import Actor

TOOL = "tree"
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
VOTE_KINDS = {"effect": ("effect",), "activity": ("activity",), "both": ("effect", "activity")}
VOTE_LEVEL_LABELS = {"effect": "maatschappelijke effecten", "activity": "activiteiten",
                     "both": "effecten en activiteiten"}
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
FACILITATOR_ROLE = "procesbegeleider"


# --- helpers ----------------------------------------------------------------------------


def kind_label(kind: str) -> str:
    return NODE_KIND_LABELS.get(kind, kind)


def _get_node(db: Session, workshop_id: int, node_id: object) -> GoalNode:
    try:
        node = db.get(GoalNode, int(node_id))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        node = None
    if node is None or node.workshop_id != workshop_id:
        raise NotFound("Dit onderdeel van de doelenboom bestaat niet (meer).")
    return node


def _check_rev(node: GoalNode, rev: Optional[int]) -> None:
    if rev is not None and int(rev) != node.rev:
        raise Conflict(f"'{node.title}' is intussen door iemand anders gewijzigd. "
                       "Laad opnieuw en probeer het nog eens.")


def _bump(node: GoalNode) -> None:
    node.rev += 1
    node.updated_at = utcnow()


def _aliases(node: GoalNode) -> list[str]:
    try:
        value = json.loads(node.aliases or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _children(db: Session, node_id: int) -> list[GoalNode]:
    return list(db.execute(select(GoalNode).where(GoalNode.parent_id == node_id)
                           .order_by(GoalNode.position, GoalNode.id)).scalars())


def _subtree(db: Session, node: GoalNode) -> list[GoalNode]:
    """The node and everything under it, parents before children."""
    out, todo = [], [node]
    while todo:
        current = todo.pop(0)
        out.append(current)
        todo.extend(_children(db, current.id))
    return out


def _next_position(db: Session, parent_id: int) -> int:
    top = db.execute(select(func.max(GoalNode.position))
                     .where(GoalNode.parent_id == parent_id)).scalar()
    return 0 if top is None else top + 1


def _check_child_kind(parent: GoalNode, kind: str) -> None:
    allowed = CHILD_KINDS.get(parent.kind, ())
    if not allowed:
        raise InvalidInput(f"Onder een {kind_label(parent.kind).lower()} kan niets staan. "
                           "Kies een ander onderdeel.")
    if kind not in allowed:
        raise InvalidInput(f"Een {kind_label(kind).lower()} kan niet onder een "
                           f"{kind_label(parent.kind).lower()} staan.")


def _fit_kinds(db: Session, node: GoalNode, parent_kind: str) -> dict[int, str]:
    """New kinds for the node and its subtree under a parent of ``parent_kind``: a kind
    that may stand there is kept, otherwise it becomes the parent's default child kind.
    Raises InvalidInput when the subtree cannot be placed there."""
    kinds: dict[int, str] = {}

    def fit(n: GoalNode, pkind: str) -> None:
        allowed = CHILD_KINDS.get(pkind, ())
        if not allowed:
            raise InvalidInput(f"'{n.title}' kan daar niet staan: onder een "
                               f"{kind_label(pkind).lower()} kan niets staan.")
        new = n.kind if n.kind in allowed else DEFAULT_CHILD[pkind]
        kinds[n.id] = new
        for child in _children(db, n.id):
            fit(child, new)

    fit(node, parent_kind)
    return kinds


def _sync_linked_titles(db: Session, node_id: int, title: str) -> None:
    # Kwaliteitskompas results and activities made from this node carry its title.
    db.execute(update(Result).where(Result.goal_node_id == node_id).values(title=title))
    db.execute(update(Activity).where(Activity.goal_node_id == node_id).values(title=title))


def _check_partner(db: Session, workshop_id: int, partner_id: object, kind: str) -> Optional[int]:
    if partner_id in (None, "", 0):
        return None
    if kind != "activity":
        raise InvalidInput("Alleen een activiteit kan een partner hebben.")
    try:
        partner = db.get(Partner, int(partner_id))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        partner = None
    if partner is None or partner.workshop_id != workshop_id:
        raise NotFound("Deze partner bestaat niet in deze workshop.")
    return partner.id


def _clean_title(title: object) -> str:
    return text.clean(title, field="de titel", max_len=text.TITLE_MAX)


def _clean_description(description: object) -> str:
    return text.optional(description, field="de toelichting", max_len=DESCRIPTION_MAX)


# --- nodes ------------------------------------------------------------------------------


def add_node(db: Session, *, actor: Actor, parent_id: int, title: str, kind: str | None = None,
             description: str = "", partner_id: int | None = None) -> int:
    """A participant's node is a proposal (phase verzamelen only); the facilitator's is
    accepted at once. ``kind`` defaults to the usual child of the parent. Returns the id."""
    workshop = workshops.require_open(db, actor, TOOL, phases=("verzamelen",))
    parent = _get_node(db, workshop.id, parent_id)
    title = _clean_title(title)
    description = _clean_description(description)
    kind = kind or DEFAULT_CHILD.get(parent.kind) or "activity"
    _check_child_kind(parent, kind)
    if parent.status != "accepted" and not actor.is_facilitator and parent.author_id != actor.participant_id:
        # proposals under someone else's proposal would be lost when that one is withdrawn
        raise NotAllowed("Je kunt alleen iets toevoegen onder een vastgesteld onderdeel of "
                         "onder je eigen voorstel.")
    node = GoalNode(
        workshop_id=workshop.id, parent_id=parent.id, kind=kind, title=title,
        description=description, author_id=actor.participant_id,
        status="accepted" if actor.is_facilitator else "proposal",
        position=_next_position(db, parent.id),
        partner_id=_check_partner(db, workshop.id, partner_id, kind),
    )
    db.add(node)
    db.flush()
    live.touch(db, workshop.id)
    return node.id


_UNSET = object()


def edit_node(db: Session, *, actor: Actor, node_id: int, rev: int, title: object = _UNSET,
              description: object = _UNSET, partner_id: object = _UNSET) -> None:
    """Change title, description or partner. Participants: only their own proposal, in
    phases verzamelen and ordenen. A new title also renames linked compass items."""
    workshop = workshops.require_open(db, actor, TOOL, phases=("verzamelen", "ordenen"))
    node = _get_node(db, workshop.id, node_id)
    _require_own_proposal(actor, node, "wijzigen")
    _check_rev(node, rev)
    if title is not _UNSET:
        new_title = _clean_title(title)
        if new_title != node.title:
            node.title = new_title
            _sync_linked_titles(db, node.id, new_title)
    if description is not _UNSET:
        node.description = _clean_description(description)
    if partner_id is not _UNSET:
        node.partner_id = _check_partner(db, workshop.id, partner_id, node.kind)
    _bump(node)
    live.touch(db, workshop.id)


def _require_own_proposal(actor: Actor, node: GoalNode, verb: str) -> None:
    if actor.is_facilitator:
        return
    if node.author_id != actor.participant_id:
        raise NotAllowed(f"Je kunt '{node.title}' niet {verb}: het is niet jouw voorstel.")
    if node.status != "proposal":
        raise NotAllowed(f"'{node.title}' is al vastgesteld door de procesbegeleider. "
                         f"Je kunt het niet meer {verb}.")


def delete_node(db: Session, *, actor: Actor, node_id: int) -> None:
    """The facilitator deletes a node with everything under it (votes included); a
    participant withdraws their own proposal, as long as nothing stands under it."""
    workshop = workshops.require_open(db, actor, TOOL, phases=("verzamelen", "ordenen"))
    node = _get_node(db, workshop.id, node_id)
    if node.kind == "main_goal":
        raise NotAllowed("Het hoofddoel kun je niet verwijderen. Je kunt de titel wel wijzigen.")
    _require_own_proposal(actor, node, "intrekken")
    nodes = _subtree(db, node)
    if not actor.is_facilitator and len(nodes) > 1:
        raise NotAllowed(f"Er staan al andere onderdelen onder '{node.title}'. Vraag de "
                         "procesbegeleider om het te verwijderen.")
    for n in reversed(nodes):  # children first: parent_id has no cascade
        db.execute(delete(Vote).where(Vote.node_id == n.id))
        db.execute(update(Result).where(Result.goal_node_id == n.id).values(goal_node_id=None))
        db.execute(update(Activity).where(Activity.goal_node_id == n.id).values(goal_node_id=None))
        db.delete(n)
        db.flush()
    live.touch(db, workshop.id)


def accept_node(db: Session, *, actor: Actor, node_id: int, rev: int | None = None) -> None:
    workshop = workshops.require_facilitator(db, actor)
    node = _get_node(db, workshop.id, node_id)
    _check_rev(node, rev)
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
    nodes = list(db.execute(select(GoalNode).where(GoalNode.workshop_id == workshop.id,
                                                   GoalNode.status == "proposal")).scalars())
    for node in nodes:
        node.status = "accepted"
        _bump(node)
    live.touch(db, workshop.id)
    return len(nodes)


def move_node(db: Session, *, actor: Actor, node_id: int, new_parent_id: int,
              rev: int | None = None) -> None:
    """Put a node (with its subtree and votes) under another parent. Kinds that cannot
    stand there become the parent's usual child kind, e.g. a domain moved under a
    domain becomes an effect."""
    workshop = workshops.require_facilitator(db, actor)
    node = _get_node(db, workshop.id, node_id)
    parent = _get_node(db, workshop.id, new_parent_id)
    _check_rev(node, rev)
    if node.kind == "main_goal":
        raise NotAllowed("Het hoofddoel staat altijd bovenaan; je kunt het niet verplaatsen.")
    if parent.id in {n.id for n in _subtree(db, node)}:
        raise InvalidInput(f"Je kunt '{node.title}' niet onder zichzelf of onder een eigen "
                           "onderdeel zetten.")
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
    keep = _get_node(db, workshop.id, keep_id)
    gone = _get_node(db, workshop.id, merge_id)
    if keep.id == gone.id:
        raise InvalidInput("Kies twee verschillende onderdelen om samen te voegen.")
    if gone.kind == "main_goal":
        raise NotAllowed("Het hoofddoel kun je niet in een ander onderdeel opgaan.")
    if keep.id in {n.id for n in _subtree(db, gone)}:
        raise InvalidInput(f"'{keep.title}' staat onder '{gone.title}'. Voeg het onderste "
                           "samen in het bovenste, niet andersom.")
    for child in _children(db, gone.id):
        kinds = _fit_kinds(db, child, keep.kind)
        for n in _subtree(db, child):
            n.kind = kinds[n.id]
        child.parent_id = keep.id
        child.position = _next_position(db, keep.id)
        db.flush()
    _merge_votes(db, workshop, keep.id, gone.id)
    db.execute(update(Result).where(Result.goal_node_id == gone.id).values(goal_node_id=keep.id))
    db.execute(update(Activity).where(Activity.goal_node_id == gone.id).values(goal_node_id=keep.id))
    aliases = _aliases(keep)
    for title in (gone.title, *_aliases(gone)):
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
    kept = {v.participant_id: v for v in db.execute(
        select(Vote).where(Vote.node_id == keep_id)).scalars()}
    for vote in list(db.execute(select(Vote).where(Vote.node_id == gone_id)).scalars()):
        target = kept.get(vote.participant_id)
        if target is None:
            vote.node_id = keep_id
            vote.count = min(vote.count, workshop.max_votes_per_node)
        else:
            target.count = min(target.count + vote.count,
                               max(workshop.max_votes_per_node, target.count))
            db.delete(vote)
    db.flush()


def set_agreed(db: Session, *, actor: Actor, node_id: int, agreed: bool) -> None:
    """Mark (or unmark) a node as an agreed priority (*afgesproken prioriteit*)."""
    workshop = workshops.require_facilitator(db, actor)
    node = _get_node(db, workshop.id, node_id)
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
        db.add(GoalNode(workshop_id=workshop.id, parent_id=root.id, kind="domain", title=title,
                        status="accepted", position=_next_position(db, root.id)))
        db.flush()
        added += 1
    live.touch(db, workshop.id)
    return added


def main_goal(db: Session, workshop_id: int) -> GoalNode:
    node = db.execute(select(GoalNode).where(GoalNode.workshop_id == workshop_id,
                                             GoalNode.kind == "main_goal")
                      .order_by(GoalNode.id)).scalars().first()
    if node is None:
        raise NotFound("Deze doelenboom heeft geen hoofddoel.")
    return node


# --- votes ------------------------------------------------------------------------------


def _voting_participant(db: Session, actor: Actor) -> Workshop:
    workshop = workshops.require_open(db, actor, TOOL, phases=("stemmen",))
    if actor.is_facilitator:
        raise NotAllowed("De procesbegeleider stemt niet mee.")
    if workshop.phase_tree != "stemmen":
        raise NotAllowed("Stemmen kan alleen in de fase 'stemmen' van de Doelenboom.")
    # Serialise this participant's votes on PostgreSQL (SQLite: BEGIN IMMEDIATE already
    # holds the write lock), so two tabs can never spend the same dot twice.
    db.execute(select(Participant.id).where(Participant.id == actor.participant_id)
               .with_for_update()).first()
    return workshop


def _used(db: Session, workshop_id: int, participant_id: int) -> int:
    return db.execute(select(func.coalesce(func.sum(Vote.count), 0))
                      .where(Vote.workshop_id == workshop_id,
                             Vote.participant_id == participant_id)).scalar_one()


def cast_vote(db: Session, *, actor: Actor, node_id: int) -> int:
    """Put one dot on a node. Returns the dots the participant has left."""
    workshop = _voting_participant(db, actor)
    node = _get_node(db, workshop.id, node_id)
    if node.status != "accepted":
        raise NotAllowed(f"'{node.title}' is nog een voorstel. Daarop kun je niet stemmen.")
    if node.kind not in VOTE_KINDS.get(workshop.vote_level, ()):
        raise NotAllowed(f"Je stemt nu op {VOTE_LEVEL_LABELS[workshop.vote_level]}, "
                         f"niet op een {kind_label(node.kind).lower()}.")
    used = _used(db, workshop.id, actor.participant_id)
    if used >= workshop.vote_budget:
        raise NotAllowed(f"Je hebt al je {workshop.vote_budget} stippen gebruikt. Haal ergens "
                         "een stip weg als je anders wilt kiezen.")
    vote = db.execute(select(Vote).where(Vote.node_id == node.id,
                                         Vote.participant_id == actor.participant_id)).scalar()
    if vote is not None and vote.count >= workshop.max_votes_per_node:
        raise NotAllowed(f"Je hebt al {vote.count} stippen op '{node.title}'. Meer dan "
                         f"{workshop.max_votes_per_node} per onderdeel kan niet.")
    if vote is None:
        db.add(Vote(workshop_id=workshop.id, node_id=node.id,
                    participant_id=actor.participant_id, count=1))
    else:
        vote.count += 1
    db.flush()
    live.touch(db, workshop.id)
    return workshop.vote_budget - used - 1


def remove_vote(db: Session, *, actor: Actor, node_id: int) -> int:
    """Take one dot back from a node. Returns the dots the participant has left."""
    workshop = _voting_participant(db, actor)
    node = _get_node(db, workshop.id, node_id)
    vote = db.execute(select(Vote).where(Vote.node_id == node.id,
                                         Vote.participant_id == actor.participant_id)).scalar()
    if vote is None:
        raise NotAllowed(f"Je hebt geen stip op '{node.title}'.")
    if vote.count <= 1:
        db.delete(vote)
    else:
        vote.count -= 1
    db.flush()
    live.touch(db, workshop.id)
    return workshop.vote_budget - _used(db, workshop.id, actor.participant_id)


# --- read models ------------------------------------------------------------------------


@dataclass(frozen=True)
class NodeView:
    id: int
    parent_id: Optional[int]
    kind: str
    title: str
    description: str
    status: str  # proposal | accepted
    author_id: Optional[int]
    author_role: str  # a role group, or "procesbegeleider"
    aliases: tuple[str, ...]
    partner_id: Optional[int]
    partner_name: str
    depth: int
    order: int  # position in a depth-first walk (outline order)
    rev: int
    agreed: bool
    children: tuple[int, ...]
    total: Optional[int] = None  # vote total; None while votes are hidden
    by_role: tuple[tuple[str, int], ...] = ()  # (role group, dots); empty while hidden

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def is_proposal(self) -> bool:
        return self.status == "proposal"


@dataclass(frozen=True)
class TreeView:
    workshop_id: int
    phase: str
    locked: bool
    nodes: tuple[NodeView, ...]  # outline order: parents before children
    revealed: bool
    vote_budget: int
    max_votes_per_node: int
    vote_level: str
    participants: int  # active participants
    voters: int  # of them, how many placed at least one dot
    my_votes: tuple[tuple[int, int], ...] = ()  # (node id, dots) of the viewer
    my_remaining: Optional[int] = None  # None when the viewer is not a participant
    partners: tuple[tuple[int, str], ...] = field(default=())  # for the partner selectbox

    def node(self, node_id: int) -> NodeView:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    @property
    def root(self) -> NodeView:
        return self.nodes[0]

    def my_count(self, node_id: int) -> int:
        return dict(self.my_votes).get(node_id, 0)

    def votable(self, node: NodeView) -> bool:
        return node.status == "accepted" and node.kind in VOTE_KINDS.get(self.vote_level, ())


def _outline(rows: list[GoalNode]) -> list[tuple[GoalNode, int]]:
    """Depth-first order with depth; nodes whose parent is missing hang under the root."""
    by_parent: dict[Optional[int], list[GoalNode]] = {}
    ids = {r.id for r in rows}
    roots = []
    for r in rows:
        if r.parent_id is None or r.parent_id not in ids:
            roots.append(r)
        else:
            by_parent.setdefault(r.parent_id, []).append(r)
    for kids in by_parent.values():
        kids.sort(key=lambda n: (n.kind != "vision", n.position, n.id))
    roots.sort(key=lambda n: (n.kind != "main_goal", n.id))
    out: list[tuple[GoalNode, int]] = []
    stack = [(r, 0) for r in reversed(roots)]
    while stack:
        node, depth = stack.pop()
        out.append((node, depth))
        stack.extend((c, depth + 1) for c in reversed(by_parent.get(node.id, [])))
    return out


def _vote_totals(db: Session, workshop_id: int) -> dict[int, dict[str, int]]:
    rows = db.execute(
        select(Vote.node_id, Participant.role_group, func.sum(Vote.count))
        .join(Participant, Participant.id == Vote.participant_id)
        .where(Vote.workshop_id == workshop_id)
        .group_by(Vote.node_id, Participant.role_group)
    ).all()
    totals: dict[int, dict[str, int]] = {}
    for node_id, role, count in rows:
        totals.setdefault(node_id, {})[role] = int(count)
    return totals


def _by_role(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple((role, counts.get(role, 0)) for role in ROLE_GROUPS)


def tree_view(db: Session, workshop_id: int,
              viewer_participant_id: Optional[int] = None) -> TreeView:
    """Everything a page or an export needs to show the tree; vote totals only once the
    facilitator has revealed them, the viewer's own dots always."""
    workshop = workshops.get_workshop(db, workshop_id)
    rows = list(db.execute(select(GoalNode).where(GoalNode.workshop_id == workshop_id)).scalars())
    people = {p.id: p for p in db.execute(
        select(Participant).where(Participant.workshop_id == workshop_id)).scalars()}
    partners = {p.id: p.name for p in db.execute(
        select(Partner).where(Partner.workshop_id == workshop_id)
        .order_by(Partner.position, Partner.name, Partner.id)).scalars()}
    totals = _vote_totals(db, workshop_id) if workshop.votes_revealed else {}
    children: dict[int, list[int]] = {}
    outline = _outline(rows)
    for node, _depth in outline:
        if node.parent_id is not None:
            children.setdefault(node.parent_id, []).append(node.id)
    nodes = []
    for order, (node, depth) in enumerate(outline):
        author = people.get(node.author_id) if node.author_id else None
        counts = totals.get(node.id, {})
        nodes.append(NodeView(
            id=node.id, parent_id=node.parent_id, kind=node.kind, title=node.title,
            description=node.description, status=node.status, author_id=node.author_id,
            author_role=author.role_group if author else FACILITATOR_ROLE,
            aliases=tuple(_aliases(node)), partner_id=node.partner_id,
            partner_name=partners.get(node.partner_id, "") if node.partner_id else "",
            depth=depth, order=order, rev=node.rev, agreed=node.agreed_priority,
            children=tuple(children.get(node.id, ())),
            total=sum(counts.values()) if workshop.votes_revealed else None,
            by_role=_by_role(counts) if workshop.votes_revealed else (),
        ))
    active = {pid for pid, p in people.items() if not p.removed}
    voter_ids = set(db.execute(select(Vote.participant_id).where(Vote.workshop_id == workshop_id)
                               .distinct()).scalars())
    view = TreeView(
        workshop_id=workshop_id, phase=workshop.phase_tree, locked=workshop.lock_tree,
        nodes=tuple(nodes), revealed=workshop.votes_revealed, vote_budget=workshop.vote_budget,
        max_votes_per_node=workshop.max_votes_per_node, vote_level=workshop.vote_level,
        participants=len(active), voters=len(voter_ids & active), my_votes=(),
        my_remaining=None, partners=tuple(partners.items()),
    )
    if viewer_participant_id is not None and viewer_participant_id in people:
        view = with_viewer(view, viewer_votes(db, workshop_id, viewer_participant_id))
    return view


def viewer_votes(db: Session, workshop_id: int, participant_id: int) -> tuple[tuple[int, int], ...]:
    """One participant's own dots as (node id, count)."""
    mine = db.execute(select(Vote.node_id, Vote.count)
                      .where(Vote.workshop_id == workshop_id, Vote.participant_id == participant_id)).all()
    return tuple((n, c) for n, c in mine)


def with_viewer(view: TreeView, my_votes: tuple[tuple[int, int], ...]) -> TreeView:
    """The shared tree (the same for everyone, read once per change) with one viewer's
    dots and remaining budget."""
    return replace(view, my_votes=my_votes,
                   my_remaining=view.vote_budget - sum(c for _, c in my_votes))


@dataclass(frozen=True)
class PriorityRow:
    rank: int  # 1 = most dots; equal totals share a rank (1, 2, 2, 4)
    node_id: int
    title: str
    kind: str
    parent_title: str
    domain_title: str  # the policy domain the node stands under ("" when none)
    partner_name: str
    total: int
    by_role: tuple[tuple[str, int], ...]  # (role group, dots) for every role group
    agreed: bool

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


def priorities(db: Session, workshop_id: int) -> tuple[PriorityRow, ...]:
    """Nodes with dots or marked as agreed, most dots first. Ignores whether votes are
    revealed: exports and the result view decide what to show."""
    workshop = workshops.get_workshop(db, workshop_id)
    rows = {n.id: n for n in db.execute(
        select(GoalNode).where(GoalNode.workshop_id == workshop.id)).scalars()}
    partners = dict(db.execute(select(Partner.id, Partner.name)
                               .where(Partner.workshop_id == workshop.id)).all())
    totals = _vote_totals(db, workshop.id)
    order = {n.id: i for i, (n, _) in enumerate(_outline(list(rows.values())))}

    def domain_of(node: GoalNode) -> str:
        current, seen = node, set()
        while current is not None and current.id not in seen:
            seen.add(current.id)
            if current.kind == "domain":
                return current.title
            current = rows.get(current.parent_id) if current.parent_id else None
        return ""

    picked = [n for n in rows.values() if totals.get(n.id) or n.agreed_priority]
    picked.sort(key=lambda n: (-sum(totals.get(n.id, {}).values()), not n.agreed_priority,
                               order.get(n.id, 0)))
    out, last_total, rank = [], None, 0
    for i, node in enumerate(picked, start=1):
        total = sum(totals.get(node.id, {}).values())
        if total != last_total:
            rank, last_total = i, total
        parent = rows.get(node.parent_id) if node.parent_id else None
        out.append(PriorityRow(
            rank=rank, node_id=node.id, title=node.title, kind=node.kind,
            parent_title=parent.title if parent else "", domain_title=domain_of(node),
            partner_name=partners.get(node.partner_id, "") if node.partner_id else "",
            total=total, by_role=_by_role(totals.get(node.id, {})), agreed=node.agreed_priority,
        ))
    return tuple(out)
