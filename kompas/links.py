"""Links between the goal tree (*doelenboom*) and the Kwaliteitskompas: a compass result made
from an effect node, or an activity made from an activity node, stays linked to its node.

One rule in both directions: linked items carry one title. Renaming either side renames
the other and counts as an edit there (``rev`` + 1), so an editor who still shows the old
title gets a conflict instead of quietly renaming it back. Deleting a node unlinks its
compass items (they stay); merging nodes moves the links to the node that is kept.
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import select, update
from sqlmodel import Session

from kompas.errors import Conflict
from kompas.models import Activity, GoalNode, Result, utcnow

LINKED = (Result, Activity)  # compass tables whose rows can be made from a tree node
_KIND_WORD = {Result: "resultaat", Activity: "activiteit"}


def node_renamed(db: Session, *, node_id: int, title: str) -> None:
    """The compass results and activities made from this node carry its new title."""
    for model in LINKED:
        db.execute(
            update(model)
            .where(model.goal_node_id == node_id, model.title != title)
            .values(title=title, rev=model.rev + 1)
        )


def item_renamed(db: Session, *, workshop_id: int, node_id: Optional[int], title: str) -> None:
    """The tree node a compass result or activity was made from carries its new title."""
    if node_id is None:
        return
    db.execute(
        update(GoalNode)
        .where(GoalNode.id == node_id, GoalNode.workshop_id == workshop_id, GoalNode.title != title)
        .values(title=title, updated_at=utcnow(), rev=GoalNode.rev + 1)
    )


def unlink_node(db: Session, *, node_id: int) -> None:
    """The node goes; what the compass made from it stays, without the link."""
    for model in LINKED:
        db.execute(update(model).where(model.goal_node_id == node_id).values(goal_node_id=None))


def relink_node(db: Session, *, from_node_id: int, to_node_id: int) -> None:
    """A merged node's compass items are linked to the node that is kept."""
    for model in LINKED:
        db.execute(
            update(model).where(model.goal_node_id == from_node_id).values(goal_node_id=to_node_id)
        )


def require_unlinked(db: Session, *, model: type, node: GoalNode) -> None:
    """A node becomes at most one result or one activity in the compass."""
    existing = db.execute(select(model.title).where(model.goal_node_id == node.id)).scalar()
    if existing is not None:
        raise Conflict(
            f"'{node.title}' staat al in het kompas als {_KIND_WORD[model]} '{existing}'."
        )


def results_of_node(db: Session, node_id: Optional[int]) -> list[int]:
    """Ids of the compass results made from this node (none for no node)."""
    if node_id is None:
        return []
    return list(db.execute(select(Result.id).where(Result.goal_node_id == node_id)).scalars().all())


def linked_node_ids(db: Session, *, model: type, workshop_id: int) -> set[int]:
    """The nodes that already have a compass item of this kind."""
    return set(
        db.execute(
            select(model.goal_node_id).where(
                model.workshop_id == workshop_id, model.goal_node_id.is_not(None)
            )
        ).scalars()
    )
