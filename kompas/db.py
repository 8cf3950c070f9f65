"""Engine, SQLite pragmas, schema creation and write transactions (BEGIN IMMEDIATE)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from kompas import migrate
from kompas.errors import Conflict, StorageError

try:  # POSIX: writer processes queue on an advisory lock beside the database file
    import fcntl
except ImportError:  # pragma: no cover - Windows: threads still queue, processes use busy_timeout
    fcntl = None

log = logging.getLogger(__name__)

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=10000",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
)


def make_engine(url: str, *, create: bool = True) -> Engine:
    """One engine per process. For SQLite: pragmas on every connection, and a
    ``sqlite_begin`` execution option so that writes can start with BEGIN IMMEDIATE."""
    if url.startswith("sqlite"):
        in_memory = url in ("sqlite://", "sqlite:///:memory:")
        if not in_memory:
            path = url.split("sqlite:///", 1)[1]
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 10},
            poolclass=StaticPool if in_memory else None,
        )
        _install_sqlite_hooks(engine, wal=not in_memory)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    if create:
        create_schema(engine)
    return engine


def _install_sqlite_hooks(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide when a transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            if "journal_mode" in pragma and not wal:
                continue
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def create_schema(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration (kompas.migrate): an empty
    database gets the full schema, an older one is upgraded, one made before migrations
    existed is recognised and stamped first. Starting processes take turns."""
    try:
        with _write_turn(engine):
            migrate.upgrade(engine)
    except OperationalError as exc:
        raise StorageError(_storage_message(exc)) from exc


def _storage_message(exc: Exception) -> str:
    text_ = str(exc).lower()
    if "readonly" in text_ or "read-only" in text_:
        return "De database is alleen-lezen. Er is niets opgeslagen. Vraag de beheerder om schrijfrechten."
    if "disk is full" in text_ or "no space" in text_ or "full" in text_:
        return (
            "De schijf van de server is vol. Er is niets opgeslagen. Vraag de beheerder om ruimte."
        )
    if "locked" in text_ or "busy" in text_:
        return "De database is even bezet. Er is niets opgeslagen. Probeer het opnieuw."
    if "unable to open" in text_:
        return "De database kan niet worden geopend. Vraag de beheerder het pad te controleren."
    return "De database gaf een fout. Er is niets opgeslagen. Probeer het opnieuw."


def _is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


_guard = threading.Lock()
_thread_locks: dict[tuple[int, str], threading.RLock] = {}
_lock_fds: dict[tuple[int, str], int | None] = {}
_depth = threading.local()


def _sqlite_file(engine: Engine) -> str | None:
    if not _is_sqlite(engine) or engine.url.database in (None, "", ":memory:"):
        return None
    return os.path.abspath(engine.url.database)


def _lock_fd(key: tuple[int, str]) -> int | None:
    if key not in _lock_fds:
        try:
            _lock_fds[key] = (
                os.open(key[1] + "-writelock", os.O_RDWR | os.O_CREAT, 0o600) if fcntl else None
            )
        except OSError:  # read-only directory: SQLite's busy_timeout still applies
            _lock_fds[key] = None
    return _lock_fds[key]


@contextmanager
def _write_turn(engine: Engine) -> Iterator[None]:
    """Writers to one SQLite file take turns: threads on a lock, processes on an advisory
    lock of a file beside the database (released by the kernel when a process dies).
    SQLite's own busy handler sleeps with a growing back-off and is unfair: with 100
    writer processes some waited past busy_timeout and got "database is locked"
    (bench/concurrent_writes.py)."""
    path = _sqlite_file(engine)
    if path is None:
        yield
        return
    key = (os.getpid(), path)  # per process: a forked child gets its own locks
    with _guard:
        lock = _thread_locks.setdefault(key, threading.RLock())
        fd = _lock_fd(key)
    with lock:
        outer = getattr(_depth, "n", 0) == 0
        _depth.n = getattr(_depth, "n", 0) + 1
        try:
            if outer and fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if outer and fd is not None:
                    fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            _depth.n -= 1


WRITING = "kompas_writing"  # Session.info key: this session is a write unit of work


def locks_rows(db: Session) -> bool:
    """True in a write unit of work on a database where writers run side by side
    (PostgreSQL): there the workshop row is locked first, see workshops.check_actor."""
    return bool(db.info.get(WRITING)) and not _is_sqlite(db.get_bind())


@contextmanager
def writing(engine: Engine) -> Iterator[Session]:
    """A write unit of work: BEGIN IMMEDIATE on SQLite, commit on success, roll back on
    any exception (so a refused action changes nothing). Storage failures become
    StorageError, unique-constraint races become Conflict.

    PostgreSQL (READ COMMITTED) has no BEGIN IMMEDIATE: there every domain write locks its
    workshop's row (SELECT … FOR NO KEY UPDATE, in workshops.check_actor) before it reads
    anything, so the writes to one workshop take turns just as on SQLite and each one
    sees the commits before it: budgets and ``rev`` checks hold. ``live.touch`` takes the
    same row lock at the end of every write anyway, so this costs no parallelism;
    different workshops still write side by side."""
    with _write_turn(engine), _writing(engine) as db:
        yield db


@contextmanager
def _writing(engine: Engine) -> Iterator[Session]:
    bind = (
        engine.execution_options(sqlite_begin="BEGIN IMMEDIATE") if _is_sqlite(engine) else engine
    )
    db = Session(bind, expire_on_commit=False)
    db.info[WRITING] = True  # workshops.check_actor locks the workshop row (PostgreSQL)
    try:
        yield db
        db.commit()
    except IntegrityError as exc:
        db.rollback()
        log.info("integrity error: %s", exc)
        raise Conflict(
            "Iemand anders heeft tegelijk hetzelfde opgeslagen. Probeer het opnieuw."
        ) from exc
    except OperationalError as exc:
        db.rollback()
        log.warning("storage error: %s", exc)
        raise StorageError(_storage_message(exc)) from exc
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    db = Session(engine, expire_on_commit=False)
    try:
        yield db
    except OperationalError as exc:
        log.warning("storage error on read: %s", exc)
        raise StorageError(_storage_message(exc)) from exc
    finally:
        db.close()  # ends the read transaction; loaded objects stay readable (not expired)


def integrity_ok(engine: Engine) -> bool:
    if not _is_sqlite(engine):
        return True
    with engine.connect() as conn:
        return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
