"""What a delete in the goal tree takes with it: the nodes below and their dots, so the
facilitator is asked first and told what goes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from kompas.models import GoalNode, Vote


@dataclass(frozen=True)
class DeleteImpact:
    below: int  # nodes under the node, at any depth
    votes: int  # dots on the node and everything below it

    @property
    def asks_first(self) -> bool:
        return bool(self.below or self.votes)

    def sentence(self, title: str) -> str:
        """'Dit verwijdert ‘X’ met 3 onderdelen eronder en 5 stippen.' (title as given:
        the caller escapes it for where it is shown)."""
        parts = []
        if self.below:
            parts.append(f"{self.below} {'onderdeel' if self.below == 1 else 'onderdelen'} eronder")
        if self.votes:
            parts.append(f"{self.votes} {'stip' if self.votes == 1 else 'stippen'}")
        tail = f" met {' en '.join(parts)}" if parts else ""
        return f"Dit verwijdert '{title}'{tail}. Dat kun je niet ongedaan maken."


def delete_impact(db: Session, workshop_id: int, node_id: int) -> DeleteImpact:
    """Read function (``ui.read``): how many nodes and dots a delete of the node takes."""
    edges = db.execute(
        select(GoalNode.id, GoalNode.parent_id).where(GoalNode.workshop_id == workshop_id)
    ).all()
    children: dict[int, list[int]] = {}
    for child, parent in edges:
        if parent is not None:
            children.setdefault(parent, []).append(child)
    subtree, todo = [], [node_id]
    while todo:
        current = todo.pop()
        subtree.append(current)
        todo.extend(children.get(current, ()))
    votes = db.execute(
        select(func.coalesce(func.sum(Vote.count), 0)).where(Vote.node_id.in_(subtree))
    ).scalar_one()
    return DeleteImpact(below=len(subtree) - 1, votes=int(votes))
