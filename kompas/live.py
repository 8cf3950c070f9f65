"""Change versions: every write bumps ``Workshop.version``; pages poll the version.

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
_versions: dict[tuple[str, int], int] = {}
_ttl_cache: dict[tuple[str, int], tuple[float, int]] = {}


def _engine_key(bind) -> str:
    engine = getattr(bind, "engine", bind)
    return str(engine.url)


def touch(db: Session, workshop_id: int) -> int:
    """Bump the workshop's version inside the current transaction; published on commit."""
    db.execute(update(Workshop).where(Workshop.id == workshop_id)
               .values(version=Workshop.version + 1))
    version = db.execute(select(Workshop.version).where(Workshop.id == workshop_id)).scalar_one()
    pending = db.info.setdefault("kompas_versions", {})
    pending[(_engine_key(db.get_bind()), workshop_id)] = version
    return version


@event.listens_for(Session, "after_commit")
def _publish(db: Session) -> None:
    pending = db.info.pop("kompas_versions", None)
    if not pending:
        return
    with _lock:
        for key, version in pending.items():
            if version > _versions.get(key, -1):
                _versions[key] = version


@event.listens_for(Session, "after_rollback")
def _forget(db: Session) -> None:
    db.info.pop("kompas_versions", None)


def current_version(engine: Engine, workshop_id: int, *, mode: str = "process") -> int:
    """The workshop's change counter; -1 when the workshop no longer exists."""
    key = (str(engine.url), workshop_id)
    if mode == "process":
        version = _versions.get(key)
        if version is not None:
            return version
        version = _read_version(engine, workshop_id)
        with _lock:
            _versions.setdefault(key, version)
            return _versions[key]
    now = time.monotonic()
    cached = _ttl_cache.get(key)
    if cached and now - cached[0] < DATABASE_TTL_SECONDS:
        return cached[1]
    version = _read_version(engine, workshop_id)
    _ttl_cache[key] = (now, version)
    return version


def _read_version(engine: Engine, workshop_id: int) -> int:
    with Session(engine) as db:
        value = db.execute(select(Workshop.version).where(Workshop.id == workshop_id)).scalar()
    return -1 if value is None else value


def forget(engine: Engine, workshop_id: int) -> None:
    key = (str(engine.url), workshop_id)
    with _lock:
        _versions.pop(key, None)
        _ttl_cache.pop(key, None)


def reset() -> None:
    """Clear every cached version (tests)."""
    with _lock:
        _versions.clear()
        _ttl_cache.clear()


def mark_seen(db: Session, participant_id: int) -> None:
    """Presence: a cheap write that does not bump the version (no page needs to redraw)."""
    db.execute(update(Participant).where(Participant.id == participant_id)
               .values(last_seen=utcnow()))
