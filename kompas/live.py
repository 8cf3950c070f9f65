"""Change versions and push: every write bumps the versions of the parts of a workshop it
changed, in the same transaction, and after the commit every subscriber of that workshop
is woken (the pages' push route listens here).

Parts are what a screen can show: ``workshop`` (title, phases, locks, timer, access),
``participants``, ``tree``, ``votes``, ``compass``, ``matrix`` and ``report``. Which parts a
transaction changed is seen from the rows it wrote (``PART_OF_TABLE``, ``PART_OF_COLUMN``),
so a write cannot forget one; domain code only says which workshop with :func:`touch`.

Notifications: a commit wakes this process's subscribers directly. With several processes
(``database`` mode) each process also runs one :class:`Listener` that carries the others'
writes: PostgreSQL ``LISTEN`` (every write sends ``NOTIFY`` with its commit), or for SQLite
one poll of the workshops it has subscribers for (never one per participant).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field
from itertools import chain
from typing import Optional

from sqlalchemy import event, inspect, select, text, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from kompas.models import Participant, Workshop, utcnow

log = logging.getLogger("kompas")

PARTS = ("workshop", "participants", "tree", "votes", "compass", "matrix", "report")
PART_COLUMNS = {part: f"version_{part}" for part in PARTS}
CHANNEL = "kompas_live"

PART_OF_TABLE = {
    "participant": "participants",
    "goalnode": "tree",
    "vote": "votes",
    "ambition": "compass",
    "result": "compass",
    "indicator": "compass",
    "measurement": "compass",
    "activity": "compass",
    "activityresult": "compass",
    "reflection": "compass",
    "partner": "matrix",
    "placement": "matrix",
    "direction": "matrix",
    "nodehistory": "tree",
    "partnerhistory": "matrix",
    "interest": "matrix",
    "scanscore": "matrix",  # the samenwerkingsscan belongs to the partners' conversation
    "scanconclusion": "matrix",
}
# Workshop columns by the part that shows them; any other column is "workshop".
PART_OF_COLUMN = {
    "vote_budget": "votes",
    "max_votes_per_node": "votes",
    "vote_level": "votes",
    "votes_revealed": "votes",
    "placements_revealed": "matrix",
    "quadrant_labels": "matrix",
    "matrix_lens": "matrix",
    "scan_revealed": "matrix",
    "conclusions": "report",
    "open_questions": "report",
    "report_show_names": "report",
    "downloads_open": "report",
}
# Bookkeeping columns: changing them changes nothing anyone sees.
QUIET_COLUMNS = {"version", "key_hash", "retained_from", *PART_COLUMNS.values()}
PRESENCE_COLUMNS = {"last_seen"}  # participant presence: no page redraws for it

_TOUCHED = "kompas_touched"  # workshop id -> how many touches
_PARTS = "kompas_parts"
_PENDING = "kompas_versions"
_BUMPING = "kompas_bumping"
_FORGET = "kompas_forget"


def _engine_key(bind) -> str:
    engine = getattr(bind, "engine", bind)
    return str(engine.url)


# --- which parts a transaction changed ---------------------------------------------------


def _parts_of_workshop_columns(names) -> set[str]:
    return {PART_OF_COLUMN.get(n, "workshop") for n in names if n not in QUIET_COLUMNS}


def _parts_of_object(db: Session, obj) -> set[str]:
    table = getattr(obj, "__tablename__", None)
    if table == "workshop":
        state = inspect(obj)
        if state.pending or state.deleted:
            return set(PARTS)
        changed = [a.key for a in state.attrs if a.history.has_changes()]
        return _parts_of_workshop_columns(changed)
    if table == "participant" and obj in db.dirty:
        state = inspect(obj)
        changed = {a.key for a in state.attrs if a.history.has_changes()}
        if changed and changed <= PRESENCE_COLUMNS:
            return set()
    part = PART_OF_TABLE.get(table)
    return {part} if part else set()


@event.listens_for(Session, "before_flush")
def _note_objects(db: Session, _flush_context, _instances) -> None:
    parts: set = db.info.setdefault(_PARTS, set())
    for obj in chain(db.new, db.dirty, db.deleted):
        if obj in db.dirty and not db.is_modified(obj):
            continue
        parts |= _parts_of_object(db, obj)


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    db = state.session
    if db.info.get(_BUMPING):
        return
    mapper = state.bind_mapper
    table = mapper.local_table.name if mapper is not None else None
    parts: set = db.info.setdefault(_PARTS, set())
    names = _statement_columns(state.statement) if state.is_update else None
    if table == "workshop":
        parts |= _parts_of_workshop_columns(names) if names is not None else {"workshop"}
    elif table == "participant" and names is not None and names <= PRESENCE_COLUMNS:
        return
    elif table in PART_OF_TABLE:
        parts.add(PART_OF_TABLE[table])
    else:  # a statement we cannot place: everything may have changed
        parts |= set(PARTS)


def _statement_columns(statement) -> Optional[set[str]]:
    values = getattr(statement, "_values", None)  # UPDATE … SET: {column: value}
    if not values:
        return None
    return {getattr(k, "key", getattr(k, "name", str(k))) for k in values}


# --- bumping and publishing --------------------------------------------------------------


def touch(db: Session, workshop_id: int, *parts: str) -> None:
    """Mark ``workshop_id`` as changed by this transaction. The versions of the parts it
    changed are bumped just before the commit (explicit ``parts`` are added to the ones
    seen from the rows written)."""
    touched: dict = db.info.setdefault(_TOUCHED, {})
    touched[workshop_id] = touched.get(workshop_id, 0) + 1
    if parts:
        unknown = set(parts) - set(PARTS)
        if unknown:
            raise ValueError(f"unknown live parts: {sorted(unknown)}")
        db.info.setdefault(_PARTS, set()).update(parts)


@event.listens_for(Session, "before_commit")
def _bump(db: Session) -> None:
    touched: dict = db.info.pop(_TOUCHED, None)
    if not touched:
        db.info.pop(_PARTS, None)
        return
    db.flush()  # so that pending objects count in the parts
    parts = db.info.pop(_PARTS, None) or {"workshop"}
    notify = _uses_notify(db)
    db.info[_BUMPING] = True
    try:
        for workshop_id, count in touched.items():
            new = Workshop.version + count  # the change counter counts every touch
            values = {"version": new}
            values.update({PART_COLUMNS[p]: new for p in parts})
            db.execute(update(Workshop).where(Workshop.id == workshop_id).values(**values))
            row = db.execute(select(*_version_columns()).where(Workshop.id == workshop_id)).first()
            if row is None:
                continue  # the workshop was deleted in this transaction
            db.info.setdefault(_PENDING, {})[(_engine_key(db.get_bind()), workshop_id)] = _as_dict(
                row
            )
            if notify:
                db.execute(
                    text("SELECT pg_notify(:channel, :payload)"),
                    {"channel": CHANNEL, "payload": str(workshop_id)},
                )
    finally:
        db.info.pop(_BUMPING, None)


def forget(db: Session, workshop_ids) -> None:
    """These workshops are deleted in this transaction: after the commit this process
    forgets their versions."""
    key = _engine_key(db.get_bind())
    db.info.setdefault(_FORGET, set()).update((key, i) for i in workshop_ids)


@event.listens_for(Session, "after_commit")
def _publish(db: Session) -> None:
    for key, workshop_id in db.info.pop(_FORGET, ()):
        HUB.forget(key, workshop_id)
    pending = db.info.pop(_PENDING, None)
    if not pending:
        return
    for (engine_key, workshop_id), versions in pending.items():
        HUB.publish(engine_key, workshop_id, versions)


@event.listens_for(Session, "after_rollback")
def _forget(db: Session) -> None:
    for key in (_PENDING, _TOUCHED, _PARTS, _BUMPING, _FORGET):
        db.info.pop(key, None)


def _version_columns():
    return [
        Workshop.version,
        *(getattr(Workshop, c) for c in PART_COLUMNS.values()),
    ]


def _as_dict(row) -> dict[str, int]:
    out = {"version": int(row[0])}
    for part, value in zip(PARTS, row[1:]):
        out[part] = int(value or 0)
    return out


def _uses_notify(db: Session) -> bool:
    # Always on PostgreSQL: a NOTIFY nobody listens to costs next to nothing, and every
    # process (app, command line, import) then reaches the others' pages.
    return db.get_bind().dialect.name == "postgresql"


# --- subscribers -------------------------------------------------------------------------


@dataclass(eq=False)
class Subscriber:
    """One open push stream: woken on its own event loop, keeps only the newest versions."""

    engine_key: str
    workshop_id: int
    loop: asyncio.AbstractEventLoop
    event: asyncio.Event = field(default_factory=asyncio.Event)
    latest: Optional[dict] = None

    def _wake(self, versions: dict) -> None:
        self.latest = versions
        self.event.set()

    async def next(self, timeout: float) -> Optional[dict]:
        """The newest versions after a change, or None after ``timeout`` seconds."""
        try:
            await asyncio.wait_for(self.event.wait(), timeout)
        except TimeoutError:
            return None
        self.event.clear()
        return self.latest


class Hub:
    """The versions of every workshop this process knows, and who listens to them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[tuple[str, int], set[Subscriber]] = {}
        self._versions: dict[tuple[str, int], dict] = {}

    def subscribe(self, engine_key: str, workshop_id: int) -> Subscriber:
        sub = Subscriber(engine_key, workshop_id, asyncio.get_running_loop())
        with self._lock:
            self._subscribers.setdefault((engine_key, workshop_id), set()).add(sub)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        with self._lock:
            subs = self._subscribers.get((sub.engine_key, sub.workshop_id))
            if subs is not None:
                subs.discard(sub)
                if not subs:
                    del self._subscribers[(sub.engine_key, sub.workshop_id)]

    def watched(self, engine_key: str) -> list[int]:
        with self._lock:
            return [wid for (key, wid) in self._subscribers if key == engine_key]

    def count(self) -> int:
        with self._lock:
            return sum(len(s) for s in self._subscribers.values())

    def known(self, engine_key: str, workshop_id: int) -> Optional[dict]:
        return self._versions.get((engine_key, workshop_id))

    def publish(self, engine_key: str, workshop_id: int, versions: dict) -> bool:
        """Record newer versions and wake every subscriber; older news is ignored.
        Safe from any thread."""
        key = (engine_key, workshop_id)
        with self._lock:
            old = self._versions.get(key)
            if old is not None and old["version"] >= versions["version"]:
                return False
            self._versions[key] = versions
            subs = list(self._subscribers.get(key, ()))
        for sub in subs:
            try:
                sub.loop.call_soon_threadsafe(sub._wake, versions)
            except RuntimeError:  # that stream's loop has closed
                self.unsubscribe(sub)
        return True

    def forget(self, engine_key: str, workshop_id: int) -> None:
        with self._lock:
            self._versions.pop((engine_key, workshop_id), None)

    def reset(self) -> None:
        with self._lock:
            self._versions.clear()


HUB = Hub()


# --- reading versions --------------------------------------------------------------------


def read_versions(engine: Engine, workshop_id: int) -> Optional[dict]:
    """The workshop's versions from the database; None when it no longer exists."""
    with Session(engine) as db:
        row = db.execute(select(*_version_columns()).where(Workshop.id == workshop_id)).first()
    return None if row is None else _as_dict(row)


def versions_of(engine: Engine, workshop_id: int, *, mode: str = "process") -> dict:
    """The workshop's versions as this process knows them (``{"version": -1}`` when it no
    longer exists). In ``database`` mode other processes write too: read the database
    unless a listener keeps this workshop current."""
    key = str(engine.url)
    known = HUB.known(key, workshop_id)
    if known is not None and (mode == "process" or LISTENERS.keeps(key, workshop_id)):
        return known
    versions = read_versions(engine, workshop_id)
    if versions is None:
        return {"version": -1, **{p: -1 for p in PARTS}}
    HUB.publish(key, workshop_id, versions)
    return HUB.known(key, workshop_id) or versions


def current_version(engine: Engine, workshop_id: int, *, mode: str = "process") -> int:
    """The workshop's change counter; -1 when the workshop no longer exists."""
    return versions_of(engine, workshop_id, mode=mode)["version"]


def reset() -> None:
    """Forget every known version (tests)."""
    HUB.reset()


def mark_seen(db: Session, participant_id: int) -> None:
    """Presence: a cheap write that does not bump any version (no page needs to redraw)."""
    db.execute(
        update(Participant).where(Participant.id == participant_id).values(last_seen=utcnow())
    )


# --- other processes: one listener per process and database ------------------------------


class Listener(threading.Thread):
    """Carries other processes' writes into HUB: PostgreSQL LISTEN, or for SQLite one
    poll of the watched workshops every ``interval`` seconds."""

    def __init__(self, engine: Engine, interval: float = 0.25):
        super().__init__(name="kompas-live-listener", daemon=True)
        self.engine = engine
        self.key = str(engine.url)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                if self.engine.dialect.name == "postgresql":
                    self._listen()
                else:
                    self._poll()
            except Exception:  # noqa: BLE001 - a lost connection: wait, then again
                log.warning("live listener: connection lost, retrying", exc_info=True)
                self.stopped.wait(1.0)

    def _poll(self) -> None:
        while not self.stopped.is_set():
            ids = HUB.watched(self.key)
            if ids:
                with Session(self.engine) as db:
                    rows = db.execute(
                        select(Workshop.id, *_version_columns()).where(Workshop.id.in_(ids))
                    ).all()
                for row in rows:
                    HUB.publish(self.key, row[0], _as_dict(row[1:]))
            self.stopped.wait(self.interval)

    def _listen(self) -> None:
        import psycopg  # only with PostgreSQL

        dsn = self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self._refresh_watched()  # news sent before LISTEN started
            while not self.stopped.is_set():
                for note in conn.notifies(timeout=1.0, stop_after=100):
                    try:
                        workshop_id = int(note.payload)
                    except ValueError:
                        continue
                    if workshop_id in HUB.watched(self.key):
                        versions = read_versions(self.engine, workshop_id)
                        if versions is not None:
                            HUB.publish(self.key, workshop_id, versions)

    def _refresh_watched(self) -> None:
        for workshop_id in HUB.watched(self.key):
            versions = read_versions(self.engine, workshop_id)
            if versions is not None:
                HUB.publish(self.key, workshop_id, versions)


class _Listeners:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_key: dict[str, Listener] = {}

    def start(self, engine: Engine, interval: float = 0.25) -> Listener:
        with self._lock:
            listener = self._by_key.get(str(engine.url))
            if listener is None or not listener.is_alive():
                listener = Listener(engine, interval)
                listener.start()
                self._by_key[str(engine.url)] = listener
            return listener

    def keeps(self, key: str, workshop_id: int) -> bool:
        listener = self._by_key.get(key)
        return listener is not None and listener.is_alive() and workshop_id in HUB.watched(key)

    def stop_all(self) -> None:
        with self._lock:
            for listener in self._by_key.values():
                listener.stopped.set()
            self._by_key.clear()


LISTENERS = _Listeners()
