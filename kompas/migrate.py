"""Schema migrations (Alembic, ``migrations/``): every start upgrades the database to the
newest revision, on SQLite and PostgreSQL alike.

- An empty database is upgraded from nothing to the newest revision (an in-memory one,
  which only tests use, is built from the models and stamped: see ``_throwaway``).
- A database that Kompas made before migrations existed (tables, but no
  ``alembic_version``) is recognised: its missing baseline tables and columns are added
  (the additive step Kompas used to run on every start), it is stamped at the baseline
  revision and then upgraded like any other. Nothing is recreated; no row is lost.
- A database at the newest revision costs one query and a look at its columns (a model
  column that no migration adds is named at once, see ``_check_models``).

The caller holds the writers' turn (kompas.db.create_schema). On PostgreSQL the upgrade
runs in one transaction under an advisory lock, so processes that start together upgrade
once; PostgreSQL's DDL is transactional, so a failed upgrade leaves the database as it was.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

from kompas import models  # noqa: F401  (registers the tables on SQLModel.metadata)

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "migrations"
BASELINE = "0001"
LOCK_ID = 0x4B4F4D50  # "KOMP": the PostgreSQL advisory lock for schema upgrades

# Columns that were added after databases already existed, and which column fills them
# for old rows (a pre-migration database may lack them).
BACKFILL = {("workshop", "retained_from"): "created_at", ("workshop", "content_version"): "version"}


def config(connection: Connection | None = None) -> Config:
    """The Alembic configuration, without alembic.ini: Kompas finds its migrations itself."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head() -> str:
    return scripts().get_current_head()


def current(connection: Connection) -> str | None:
    """The database's revision; None when it has none (empty, or made before migrations)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision (see the module text)."""
    with engine.connect() as conn:
        if _is_current(conn):
            _check_models(conn)
            return
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # outside a transaction, or SQLite ignores it
            _sqlite_pragma(conn, "PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                _upgrade(conn)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("schema upgrade broke a foreign key; rolled back")
        finally:
            if sqlite:
                _sqlite_pragma(conn, "PRAGMA foreign_keys=ON")
    with engine.connect() as conn:
        _check_models(conn)


def _check_models(conn: Connection) -> None:
    """A model column that no migration adds would fail later as "no such column", on some
    page: say it now, once, with what to do."""
    inspector = sa.inspect(conn)
    tables = set(inspector.get_table_names())
    missing = []
    for table in SQLModel.metadata.sorted_tables:
        present = (
            {c["name"] for c in inspector.get_columns(table.name)}
            if table.name in tables
            else set()
        )
        missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in present]
    if missing:
        raise RuntimeError(
            f"kompas/models.py has {', '.join(missing)}, the migrations do not: "
            'write a migration with `make migration m="…"` (README, Ontwikkelen)'
        )


def _sqlite_pragma(conn: Connection, pragma: str) -> None:
    """On the driver's connection: SQLAlchemy would open a transaction first."""
    conn.connection.driver_connection.execute(pragma)


def _upgrade(conn: Connection) -> None:
    """On SQLite, a batch migration copies a table and drops the old one: with foreign keys
    on, that drop would cascade and delete every row that refers to it (every participant,
    node and vote when ``workshop`` is copied). So the caller turns them off, and checks
    them after the upgrade, before the commit."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": LOCK_ID})
    if _is_current(conn):  # another process did it while we waited
        return
    if _throwaway(conn) and not sa.inspect(conn).has_table("workshop"):
        SQLModel.metadata.create_all(conn)  # the models are the newest revision (tested)
        MigrationContext.configure(conn).stamp(scripts(), "head")
        return
    if current(conn) is None and sa.inspect(conn).has_table("workshop"):
        log.warning("schema: database from before migrations; stamping at %s", BASELINE)
        _fill_up_to_baseline(conn)
        command.stamp(config(conn), BASELINE)
    before = current(conn)
    command.upgrade(config(conn), "head")
    log.info("schema: upgraded from %s to %s", before or "empty", head())


def _throwaway(conn: Connection) -> bool:
    """An in-memory SQLite database (the tests make hundreds): nothing in it ever needs
    upgrading, so it is built from the models, which equal the newest revision
    (tests/test_migrations.py), in a fifth of the time of running every migration."""
    return conn.dialect.name == "sqlite" and conn.engine.url.database in (None, "", ":memory:")


def _is_current(conn: Connection) -> bool:
    return current(conn) == head()


def baseline_metadata() -> sa.MetaData:
    module = scripts().get_revision(BASELINE).module
    return module.define(sa.MetaData())


def _fill_up_to_baseline(conn: Connection) -> None:
    """The additive step of old: create the baseline tables the database lacks and add the
    baseline columns its tables lack, filled for the rows already there."""
    baseline = baseline_metadata()
    baseline.create_all(conn)  # only the missing tables (checkfirst)
    inspector = sa.inspect(conn)
    for table in baseline.sorted_tables:
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            kind = column.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}')
            source = BACKFILL.get((table.name, column.name))
            if table.name == "workshop" and column.name.startswith("version_"):
                source = "version"
            if source:
                conn.exec_driver_sql(f'UPDATE "{table.name}" SET "{column.name}" = "{source}"')
            else:
                value = _default(table.name, column.name)
                if value is not None:
                    conn.execute(sa.update(table).values({column.name: value}))
            log.info("schema: added column %s.%s", table.name, column.name)


def _default(table: str, column: str):
    """The models' plain default for a column (False, 0, "" …), for rows made before it."""
    model = SQLModel.metadata.tables.get(table)
    if model is None or column not in model.c:
        return None
    default = model.c[column].default
    if default is None or not getattr(default, "is_scalar", False):
        return None
    return default.arg
