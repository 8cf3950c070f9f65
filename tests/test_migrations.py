"""Schema migrations (kompas/migrate.py, migrations/): an empty database is upgraded to the
newest revision, a database at the first revision keeps every row through the upgrade, a
database made before migrations is recognised and stamped (never recreated), and the
models and the migrations agree. On SQLite files and, with --postgres, on PostgreSQL."""

from __future__ import annotations

import itertools
import os
import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from kompas import goaltree, live, migrate, workshops
from kompas.db import make_engine, reading, writing
from kompas.demo import create_demo
from kompas.export import export_bytes
from kompas.models import Direction, Placement, Workshop
from kompas.partners import lenses
from tests import conftest
from tests.conftest import Workshopper

pytestmark = pytest.mark.postgres

_numbers = itertools.count()


@pytest.fixture
def empty_url(tmp_path):
    """The address of an empty database: a new SQLite file, or a new PostgreSQL database."""
    live.reset()
    if conftest.POSTGRES_URL is None:
        yield f"sqlite:///{tmp_path / 'kompas.db'}"
        return
    name = f"kompas_mig_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{next(_numbers)}"
    admin = sa.create_engine(conftest.POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(conftest.POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def _revision(engine) -> str | None:
    with engine.connect() as conn:
        return migrate.current(conn)


def _upgrade_to(engine, revision: str) -> None:
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), revision)


def _diff(engine) -> list:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, SQLModel.metadata)


def _rows(engine, metadata: sa.MetaData) -> dict[str, list[dict]]:
    """Every row of every table of ``metadata``, by primary key."""
    out = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            rows = conn.execute(sa.select(table).order_by(*table.primary_key.columns)).mappings()
            out[table.name] = [dict(r) for r in rows]
    return out


def _still_there(metadata: sa.MetaData) -> sa.MetaData:
    """``metadata`` without the tables and columns that the models no longer have."""
    kept = sa.MetaData()
    for table in metadata.sorted_tables:
        now = SQLModel.metadata.tables.get(table.name)
        if now is not None:
            columns = [c for c in table.columns if c.name in now.c]
            sa.Table(
                table.name,
                kept,
                *(sa.Column(c.name, c.type, primary_key=c.primary_key) for c in columns),
            )
    return kept


def _fill_through_the_domain(engine) -> Workshopper:
    """The demo workshop (every tool filled) and a second workshop with people and votes."""
    with writing(engine) as db:
        create_demo(db)
    ws = Workshopper(engine, title="Migratie 'test' – één")
    anne = ws.join("Anne", "inwoner", "Buurtkamer")
    with writing(engine) as db:
        main = goaltree.main_goal(db, ws.id).id
        node = goaltree.add_node(db, actor=ws.facilitator, parent_id=main, title="Welzijn")
        goaltree.add_node(db, actor=anne, parent_id=node, kind="effect", title="Minder eenzaam")
        workshops.update_workshop(db, actor=ws.facilitator, theme="Eén\ttwee", vote_budget=3)
    return ws


def test_an_empty_database_is_upgraded_to_the_newest_revision(empty_url):
    engine = make_engine(empty_url)
    assert _revision(engine) == migrate.head()
    assert _diff(engine) == []
    again = make_engine(empty_url)  # a second start changes nothing
    assert _revision(again) == migrate.head()
    engine.dispose(), again.dispose()


def test_tables_that_never_reuse_an_id_keep_doing_so(empty_url):
    """SQLite: a batch migration copies a table; AUTOINCREMENT (workshop: a deleted
    workshop's id never comes back) must survive every copy."""
    engine = make_engine(empty_url)
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL sequences never reuse an id")
    with engine.connect() as conn:
        sql = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master").all())
    engine.dispose()
    for table in SQLModel.metadata.sorted_tables:
        wanted = bool(table.kwargs.get("sqlite_autoincrement"))
        assert ("AUTOINCREMENT" in sql[table.name]) == wanted, table.name


def test_models_and_migrations_agree(empty_url):
    """Autogenerate finds nothing: every model change has its migration
    (`make migration m="…"` writes one)."""
    engine = make_engine(empty_url, create=False)
    _upgrade_to(engine, "head")
    diff = _diff(engine)
    engine.dispose()
    assert diff == [], f"models and migrations differ; run make migration m='…': {diff}"


def test_every_row_survives_the_upgrade_from_the_first_revision(empty_url, tmp_path):
    """A database at the first revision, filled with what the domain writes, upgraded to
    the newest: every row is still there with every value, and the domain works on it.

    The rows are written through the domain into a database at the newest revision and
    copied with the columns of the first revision (the domain of today cannot write to
    the schema of then once later revisions add columns)."""
    source = make_engine(f"sqlite:///{tmp_path / 'bron.db'}")
    ws = _fill_through_the_domain(source)
    baseline = migrate.baseline_metadata()
    kept = _still_there(baseline)  # a later revision may drop a column on purpose
    rows = _rows(source, kept)
    # rows the first revision could not hold: placements and directions of other matrix
    # lenses (0006 made them possible)
    with source.connect() as conn:
        for table in ("placement", "direction"):
            other = set(
                conn.execute(
                    sa.text(f"SELECT id FROM {table} WHERE lens != :lens"),
                    {"lens": lenses.DEFAULT},
                ).scalars()
            )
            rows[table] = [r for r in rows[table] if r["id"] not in other]
    assert all(rows[t] for t in ("workshop", "participant", "goalnode", "vote", "partner"))

    engine = make_engine(empty_url, create=False)
    _upgrade_to(engine, migrate.BASELINE)
    assert _revision(engine) == migrate.BASELINE
    with engine.begin() as conn:
        for table in baseline.sorted_tables:
            if rows[table.name]:  # columns dropped since the baseline: a plain value
                gone = {
                    c.name: _plain(c)
                    for c in table.columns
                    if c.name not in kept.tables[table.name].c
                }
                conn.execute(table.insert(), [{**gone, **row} for row in rows[table.name]])
        if conn.dialect.name == "postgresql":  # explicit ids: move the sequences on
            for table in baseline.sorted_tables:
                if "id" in table.c:
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                        f'(SELECT COALESCE(MAX(id), 0) + 1 FROM "{table.name}"), false)'
                    )
    engine.dispose()

    live.reset()
    engine = make_engine(empty_url)  # a start: upgrades to the newest revision
    assert _revision(engine) == migrate.head()
    assert _rows(engine, kept) == rows
    with reading(engine) as db:
        listed = {w.code: w.participants for w in workshops.list_workshops(db)}
        workshop = workshops.find_workshop(db, ws.code)
        assert export_bytes(db, workshop.id, "json")
        # every workshop from before series existed starts its own series (0003)
        keys = db.scalars(sa.select(Workshop.series_key)).all()
    assert listed[ws.code] == 1
    assert keys and all(len(k) == 32 for k in keys) and len(set(keys)) == len(keys)
    with writing(engine) as db:  # and it takes new writes
        main = goaltree.main_goal(db, ws.id).id
        goaltree.add_node(db, actor=ws.facilitator, parent_id=main, title="Na de upgrade")
    with writing(engine) as db:  # a second lens for a partner that has a direction (0006)
        old = db.scalars(sa.select(Direction)).first()
        stade = next(k for k in lenses.LENSES if k != lenses.DEFAULT)
        db.add(Direction(workshop_id=old.workshop_id, partner_id=old.partner_id, lens=stade))
        place = db.scalars(sa.select(Placement)).first()
        db.add(
            Placement(
                workshop_id=place.workshop_id,
                partner_id=place.partner_id,
                participant_id=place.participant_id,
                lens=stade,
            )
        )
    engine.dispose()
    source.dispose()


@pytest.mark.parametrize("missing", [(), ("decisions", "version_tree", "retained_from")])
def test_a_database_from_before_migrations_is_stamped_not_recreated(empty_url, missing):
    """Made by Kompas before migrations (create_all, no alembic_version): recognised,
    missing baseline columns added and filled, stamped, upgraded; every row kept."""
    baseline = migrate.baseline_metadata()
    old = sa.MetaData()
    for table in baseline.sorted_tables:
        table.to_metadata(old)
    if missing:
        workshop = old.tables["workshop"]
        for name in missing:
            workshop._columns.remove(workshop.c[name])
    engine = make_engine(empty_url, create=False)
    old.create_all(engine)
    created = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    table = old.tables["workshop"]
    values = {c.name: _plain(c) for c in table.columns if c.name != "id"}
    values.update(code="OUDE12", title="Van voor de migraties", version=7, created_at=created)
    with engine.begin() as conn:
        conn.execute(table.insert().values(values))
    engine.dispose()

    live.reset()
    engine = make_engine(empty_url)
    assert _revision(engine) == migrate.head()
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM workshop")).mappings().one()
    assert row["code"] == "OUDE12" and row["title"] == "Van voor de migraties"
    if "version_tree" in missing:
        assert row["version_tree"] == 7  # filled from the change counter
    if "decisions" in missing:
        assert row["decisions"] == ""  # the models' default, not NULL
    if "retained_from" in missing:
        assert row["retained_from"] == row["created_at"]
    with reading(engine) as db:
        assert [w.code for w in workshops.list_workshops(db)] == ["OUDE12"]
    engine.dispose()


def _plain(column: sa.Column):
    """A value of the column's type, for a row written without the domain."""
    if isinstance(column.type, sa.Boolean):
        return False
    if isinstance(column.type, sa.Integer | sa.Float):
        return 0
    if isinstance(getattr(column.type, "impl", column.type), sa.Date | sa.DateTime):
        return None if column.nullable else datetime(2026, 1, 1, tzinfo=UTC)
    return ""


def test_processes_that_start_together_upgrade_once(empty_url):
    """Several processes (here threads with their own engines) starting on one empty
    database: one upgrades, the others wait and find it done; nobody fails."""
    errors, engines = [], []

    def start():
        try:
            engines.append(make_engine(empty_url))
        except Exception as exc:  # noqa: BLE001 - collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert {_revision(e) for e in engines} == {migrate.head()}
    for e in engines:
        e.dispose()


def test_a_model_column_without_a_migration_is_named_at_start(empty_url):
    """Instead of "no such column" on some page later: the start says which column lacks
    a migration and what to do."""
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.exec_driver_sql('ALTER TABLE workshop DROP COLUMN "decisions"')
    engine.dispose()
    with pytest.raises(RuntimeError, match=r"workshop\.decisions.*make migration"):
        make_engine(empty_url)
