"""Change versions: every write bumps ``Workshop.version``; pages poll the version.
Writes that change what the tools show also set ``Workshop.content_version`` (joins and
the timer do not), so heavy live parts redraw only for content changes.

In the default ``process`` mode the current version of each workshop lives in a dict in
this module, updated after each commit by this process (0.1 µs to read). In ``database``
mode (several processes) the version is read with a SELECT behind a short TTL cache.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import event, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from kompas.models import Participant, Workshop, utcnow

DATABASE_TTL_SECONDS = 0.5

_lock = threading.Lock()
Versions = tuple[int, int]  # (version, content_version)
_versions: dict[tuple[str, int], Versions] = {}
_ttl_cache: dict[tuple[str, int], tuple[float, Versions]] = {}


def _engine_key(bind) -> str:
    engine = getattr(bind, "engine", bind)
    return str(engine.url)


def touch(db: Session, workshop_id: int, *, content: bool = True) -> int:
    """Bump the workshop's version inside the current transaction; published on commit.
    ``content=False`` for writes that only the sidebar shows (joins, the timer)."""
    values = {"version": Workshop.version + 1}
    if content:
        values["content_version"] = Workshop.version + 1
    db.execute(update(Workshop).where(Workshop.id == workshop_id).values(**values))
    row = db.execute(select(Workshop.version, Workshop.content_version)
                     .where(Workshop.id == workshop_id)).one()
    pending = db.info.setdefault("kompas_versions", {})
    pending[(_engine_key(db.get_bind()), workshop_id)] = (row[0], row[1])
    return row[0]


@event.listens_for(Session, "after_commit")
def _publish(db: Session) -> None:
    pending = db.info.pop("kompas_versions", None)
    if not pending:
        return
    with _lock:
        for key, versions in pending.items():
            if versions[0] > _versions.get(key, (-1, -1))[0]:
                _versions[key] = versions


@event.listens_for(Session, "after_rollback")
def _forget(db: Session) -> None:
    db.info.pop("kompas_versions", None)


def current_version(engine: Engine, workshop_id: int, *, mode: str = "process") -> int:
    """The workshop's change counter; -1 when the workshop no longer exists."""
    return current_versions(engine, workshop_id, mode=mode)[0]


def current_versions(engine: Engine, workshop_id: int, *, mode: str = "process") -> Versions:
    """(version, content_version); (-1, -1) when the workshop no longer exists."""
    key = (str(engine.url), workshop_id)
    if mode == "process":
        versions = _versions.get(key)
        if versions is not None:
            return versions
        versions = _read_versions(engine, workshop_id)
        with _lock:
            _versions.setdefault(key, versions)
            return _versions[key]
    now = time.monotonic()
    cached = _ttl_cache.get(key)
    if cached and now - cached[0] < DATABASE_TTL_SECONDS:
        return cached[1]
    versions = _read_versions(engine, workshop_id)
    _ttl_cache[key] = (now, versions)
    return versions


def _read_versions(engine: Engine, workshop_id: int) -> Versions:
    with Session(engine) as db:
        row = db.execute(select(Workshop.version, Workshop.content_version)
                         .where(Workshop.id == workshop_id)).first()
    return (-1, -1) if row is None else (row[0], row[1])


def reset() -> None:
    """Clear every cached version (tests)."""
    with _lock:
        _versions.clear()
        _ttl_cache.clear()


def mark_seen(db: Session, participant_id: int) -> None:
    """Presence: a cheap write that does not bump the version (no page needs to redraw)."""
    db.execute(update(Participant).where(Participant.id == participant_id)
               .values(last_seen=utcnow()))
