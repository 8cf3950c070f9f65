"""The review (*terugblik*) that opens a follow-up session: the facilitator records what
became of each action of last time. New measurements go through the compass
(``kompas.compass.add_measurement``); the review reads them as the trend since last time."""

from __future__ import annotations

from sqlmodel import Session

from kompas import actions, live
from kompas.workshops import Actor, require_facilitator


def set_action_status(db: Session, *, actor: Actor, key: str, status: str, note: str = "") -> None:
    """Status (gedaan, loopt, niet gestart, vervallen) and a note for one action."""
    workshop = require_facilitator(db, actor)
    actions.set_status(db, workshop.id, key, status, note)
    live.touch(db, workshop.id)
