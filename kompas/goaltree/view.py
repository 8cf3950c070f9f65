"""The goal tree as plain read models for pages and exports: nodes in outline order, the
viewer's own dots, priorities."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from sqlalchemy import func, select
from sqlmodel import Session

from kompas import i18n, workshops
from kompas.goaltree.chart import tree_spec
from kompas.goaltree.nodes import parse_aliases
from kompas.goaltree.votes import VOTE_KINDS
from kompas.labels import node_kind_label
from kompas.models import ROLE_GROUPS, GoalNode, Participant, Partner, Vote
from kompas.workshops import MIN_GROUP

FACILITATOR_ROLE = "procesbegeleider"


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
    by_role: tuple[
        tuple[str, int], ...
    ] = ()  # (role group, dots); () while hidden, see roles_shown

    @property
    def kind_label(self) -> str:
        return node_kind_label(self.kind)

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


def roles_shown(db: Session, workshop_id: int) -> bool:
    """Dots per role group are shown only when every role group that voted has at least
    MIN_GROUP voters: with fewer, the column would tell how one person voted."""
    rows = db.execute(
        select(Participant.role_group, func.count(func.distinct(Vote.participant_id)))
        .join(Participant, Participant.id == Vote.participant_id)
        .where(Vote.workshop_id == workshop_id)
        .group_by(Participant.role_group)
    ).all()
    return all(count >= MIN_GROUP for _, count in rows)


def _by_role(counts: dict[str, int], shown: bool = True) -> tuple[tuple[str, int], ...]:
    if not shown:
        return ()
    return tuple((role, counts.get(role, 0)) for role in ROLE_GROUPS)


def tree_view(
    db: Session, workshop_id: int, viewer_participant_id: Optional[int] = None
) -> TreeView:
    """Everything a page or an export needs to show the tree; vote totals only once the
    facilitator has revealed them, the viewer's own dots always."""
    workshop = workshops.get_workshop(db, workshop_id)
    rows = list(db.execute(select(GoalNode).where(GoalNode.workshop_id == workshop_id)).scalars())
    people = {
        p.id: p
        for p in db.execute(
            select(Participant).where(Participant.workshop_id == workshop_id)
        ).scalars()
    }
    partners = {
        p.id: p.name
        for p in db.execute(
            select(Partner)
            .where(Partner.workshop_id == workshop_id)
            .order_by(Partner.position, Partner.name, Partner.id)
        ).scalars()
    }
    totals = _vote_totals(db, workshop_id) if workshop.votes_revealed else {}
    per_role = workshop.votes_revealed and roles_shown(db, workshop_id)
    children: dict[int, list[int]] = {}
    outline = _outline(rows)
    for node, _depth in outline:
        if node.parent_id is not None:
            children.setdefault(node.parent_id, []).append(node.id)
    nodes = []
    for order, (node, depth) in enumerate(outline):
        author = people.get(node.author_id) if node.author_id else None
        counts = totals.get(node.id, {})
        nodes.append(
            NodeView(
                id=node.id,
                parent_id=node.parent_id,
                kind=node.kind,
                title=node.title,
                description=node.description,
                status=node.status,
                author_id=node.author_id,
                author_role=author.role_group if author else FACILITATOR_ROLE,
                aliases=tuple(parse_aliases(node)),
                partner_id=node.partner_id,
                partner_name=partners.get(node.partner_id, "") if node.partner_id else "",
                depth=depth,
                order=order,
                rev=node.rev,
                agreed=node.agreed_priority,
                children=tuple(children.get(node.id, ())),
                total=sum(counts.values()) if workshop.votes_revealed else None,
                by_role=_by_role(counts, per_role),
            )
        )
    active = {pid for pid, p in people.items() if not p.removed}
    voter_ids = set(
        db.execute(
            select(Vote.participant_id).where(Vote.workshop_id == workshop_id).distinct()
        ).scalars()
    )
    view = TreeView(
        workshop_id=workshop_id,
        phase=workshop.phase_tree,
        locked=workshop.lock_tree,
        nodes=tuple(nodes),
        revealed=workshop.votes_revealed,
        vote_budget=workshop.vote_budget,
        max_votes_per_node=workshop.max_votes_per_node,
        vote_level=workshop.vote_level,
        participants=len(active),
        voters=len(voter_ids & active),
        my_votes=(),
        my_remaining=None,
        partners=tuple(partners.items()),
    )
    if viewer_participant_id is not None and viewer_participant_id in people:
        view = with_viewer(view, viewer_votes(db, workshop_id, viewer_participant_id))
    return view


def viewer_votes(db: Session, workshop_id: int, participant_id: int) -> tuple[tuple[int, int], ...]:
    """One participant's own dots as (node id, count)."""
    mine = db.execute(
        select(Vote.node_id, Vote.count).where(
            Vote.workshop_id == workshop_id, Vote.participant_id == participant_id
        )
    ).all()
    return tuple((n, c) for n, c in mine)


def votes_by_participant(db: Session, workshop_id: int) -> dict[int, tuple[tuple[int, int], ...]]:
    """Every participant's own dots, read once per change for all viewers (each page then
    picks its viewer's)."""
    out: dict[int, list] = {}
    for pid, node, count in db.execute(
        select(Vote.participant_id, Vote.node_id, Vote.count)
        .where(Vote.workshop_id == workshop_id)
        .order_by(Vote.id)
    ).all():
        out.setdefault(pid, []).append((node, count))
    return {pid: tuple(v) for pid, v in out.items()}


def with_viewer(view: TreeView, my_votes: tuple[tuple[int, int], ...]) -> TreeView:
    """The shared tree (the same for everyone, read once per change) with one viewer's
    dots and remaining budget."""
    return replace(
        view, my_votes=my_votes, my_remaining=view.vote_budget - sum(c for _, c in my_votes)
    )


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
    by_role: tuple[tuple[str, int], ...]  # (role group, dots) per role group; () see roles_shown
    agreed: bool

    @property
    def kind_label(self) -> str:
        return node_kind_label(self.kind)


def priorities(db: Session, workshop_id: int) -> tuple[PriorityRow, ...]:
    """Nodes with dots or marked as agreed, most dots first. Ignores whether votes are
    revealed: exports and the result view decide what to show."""
    workshop = workshops.get_workshop(db, workshop_id)
    rows = {
        n.id: n
        for n in db.execute(select(GoalNode).where(GoalNode.workshop_id == workshop.id)).scalars()
    }
    partners = dict(
        db.execute(select(Partner.id, Partner.name).where(Partner.workshop_id == workshop.id)).all()
    )
    totals = _vote_totals(db, workshop.id)
    per_role = roles_shown(db, workshop.id)
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
    picked.sort(
        key=lambda n: (
            -sum(totals.get(n.id, {}).values()),
            not n.agreed_priority,
            order.get(n.id, 0),
        )
    )
    out, last_total, rank = [], None, 0
    for i, node in enumerate(picked, start=1):
        total = sum(totals.get(node.id, {}).values())
        if total != last_total:
            rank, last_total = i, total
        parent = rows.get(node.parent_id) if node.parent_id else None
        out.append(
            PriorityRow(
                rank=rank,
                node_id=node.id,
                title=node.title,
                kind=node.kind,
                parent_title=parent.title if parent else "",
                domain_title=domain_of(node),
                partner_name=partners.get(node.partner_id, "") if node.partner_id else "",
                total=total,
                by_role=_by_role(totals.get(node.id, {}), per_role),
                agreed=node.agreed_priority,
            )
        )
    return tuple(out)


def chart_spec(
    db: Session,
    workshop_id: int,
    show_votes: bool,
    collapsed: tuple[int, ...] = (),
    language: str = i18n.DEFAULT,
) -> dict:
    """Read function for pages (``ui.read``): the Vega-Lite spec as a plain dict, built
    once per workshop version and language (Altair's schema validation alone takes ~0.3 s).
    The tooltips and the description are in ``language``."""
    view = tree_view(db, workshop_id)
    return tree_spec(
        view,
        show_votes=show_votes and view.revealed,
        collapsed=frozenset(collapsed),
        language=language,
    )
