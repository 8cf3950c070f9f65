"""Dot voting (*stippen*) on the goal tree: casting and taking back dots within the budget.

One ``Vote`` row per (node, participant) holds a count, limited by the workshop's budget
and per-node maximum, hidden from everyone until the facilitator reveals them.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session

from kompas import i18n, live, workshops
from kompas.errors import NotAllowed
from kompas.goaltree.nodes import TOOL, get_node
from kompas.models import Participant, Vote, Workshop
from kompas.workshops import Actor

VOTE_PHASES = ("stemmen",)
VOTE_KINDS = {"effect": ("effect",), "activity": ("activity",), "both": ("effect", "activity")}


def _voting_participant(db: Session, actor: Actor) -> Workshop:
    workshop = workshops.require_open(db, actor, TOOL, phases=VOTE_PHASES)
    if actor.is_facilitator:
        raise NotAllowed("De procesbegeleider stemt niet mee.")
    # Serialise this participant's votes on PostgreSQL (SQLite: BEGIN IMMEDIATE already
    # holds the write lock), so two tabs can never spend the same dot twice.
    db.execute(
        select(Participant.id).where(Participant.id == actor.participant_id).with_for_update()
    ).first()
    return workshop


def _used(db: Session, workshop_id: int, participant_id: int) -> int:
    return db.execute(
        select(func.coalesce(func.sum(Vote.count), 0)).where(
            Vote.workshop_id == workshop_id, Vote.participant_id == participant_id
        )
    ).scalar_one()


def cast_vote(db: Session, *, actor: Actor, node_id: int) -> int:
    """Put one dot on a node. Returns the dots the participant has left."""
    workshop = _voting_participant(db, actor)
    node = get_node(db, workshop.id, node_id)
    lang = actor.language  # a refusal speaks the voter's language
    if node.status != "accepted":
        raise NotAllowed(i18n.text("refusal.vote_proposal", lang, title=node.title))
    if node.kind not in VOTE_KINDS.get(workshop.vote_level, ()):
        raise NotAllowed(
            i18n.text(
                "refusal.vote_level",
                lang,
                level=i18n.label("vote_level", workshop.vote_level, lang),
                kind=i18n.label("node_kind", node.kind, lang).lower(),
            )
        )
    used = _used(db, workshop.id, actor.participant_id)
    if used >= workshop.vote_budget:
        raise NotAllowed(i18n.text("refusal.vote_budget", lang, n=workshop.vote_budget))
    vote = db.execute(
        select(Vote).where(Vote.node_id == node.id, Vote.participant_id == actor.participant_id)
    ).scalar()
    if vote is not None and vote.count >= workshop.max_votes_per_node:
        raise NotAllowed(
            i18n.text(
                "refusal.vote_max",
                lang,
                n=vote.count,
                title=node.title,
                max=workshop.max_votes_per_node,
            )
        )
    if vote is None:
        db.add(
            Vote(
                workshop_id=workshop.id,
                node_id=node.id,
                participant_id=actor.participant_id,
                count=1,
            )
        )
    else:
        vote.count += 1
    db.flush()
    live.touch(db, workshop.id)
    return workshop.vote_budget - used - 1


def remove_vote(db: Session, *, actor: Actor, node_id: int) -> int:
    """Take one dot back from a node. Returns the dots the participant has left."""
    workshop = _voting_participant(db, actor)
    node = get_node(db, workshop.id, node_id)
    vote = db.execute(
        select(Vote).where(Vote.node_id == node.id, Vote.participant_id == actor.participant_id)
    ).scalar()
    if vote is None:
        raise NotAllowed(i18n.text("refusal.vote_none", actor.language, title=node.title))
    if vote.count <= 1:
        db.delete(vote)
    else:
        vote.count -= 1
    db.flush()
    live.touch(db, workshop.id)
    return workshop.vote_budget - _used(db, workshop.id, actor.participant_id)
