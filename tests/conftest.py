"""Shared fixtures: an in-memory database, a real SQLite file for pages, factories.

With ``--postgres`` (and TEST_POSTGRES_URL, see scripts/postgres-test.sh) only the tests
marked ``postgres`` run, and the ``engine``/``file_engine`` fixtures and
:func:`fresh_engine` give an empty PostgreSQL database instead of SQLite: one database
per pytest worker, schema created once by ``make_engine``, emptied before every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

from kompas import live
from kompas.db import make_engine, writing
from kompas.workshops import Actor, create_workshop, join_workshop

ROOT = Path(__file__).resolve().parent.parent

POSTGRES_URL: str | None = None  # set by pytest_configure when --postgres is given
_pg: dict = {}


def pytest_addoption(parser):
    parser.addoption(
        "--postgres",
        action="store_true",
        help="run the tests marked 'postgres' against TEST_POSTGRES_URL",
    )


def pytest_configure(config):
    global POSTGRES_URL
    if config.getoption("--postgres"):
        POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL") or None
        if POSTGRES_URL is None:
            raise pytest.UsageError(
                "--postgres needs TEST_POSTGRES_URL (bash scripts/postgres-test.sh …)"
            )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--postgres"):
        return
    keep = [
        i
        for i in items
        if i.get_closest_marker("postgres") and not i.get_closest_marker("sqlite_only")
    ]
    drop = [i for i in items if i not in keep]
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_sessionfinish(session, exitstatus):
    # `make test PYTEST_ARGS=tests/test_cli.py` selects no postgres test: that is no failure.
    if session.config.getoption("--postgres") and exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.OK


def fresh_engine() -> Engine:
    """An engine on an empty database with the full schema: in-memory SQLite, or with
    --postgres this worker's PostgreSQL database, emptied."""
    live.reset()
    if POSTGRES_URL is None:
        return make_engine("sqlite://")
    if "engine" not in _pg:
        name = "kompas_test_" + os.environ.get("PYTEST_XDIST_WORKER", "main")
        admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        admin.dispose()
        url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
        _pg["engine"] = make_engine(url)  # creates the schema, like a first start
        _pg["tables"] = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        return _pg["engine"]
    eng = _pg["engine"]
    eng.dispose()
    with eng.begin() as conn:  # a session a test left open must not block the TRUNCATE
        conn.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        conn.exec_driver_sql(f"TRUNCATE {_pg['tables']} RESTART IDENTITY CASCADE")
    eng.dispose()
    return eng


@pytest.fixture
def engine():
    """In-memory SQLite (StaticPool) with the full schema (PostgreSQL with --postgres)."""
    eng = fresh_engine()
    yield eng
    eng.dispose()


@pytest.fixture
def db(engine):
    """A write unit of work on the in-memory engine; committed at the end of the test."""
    with writing(engine) as session:
        yield session


@pytest.fixture
def file_engine(tmp_path):
    """A real SQLite file in WAL mode (PostgreSQL with --postgres)."""
    if POSTGRES_URL is not None:
        eng = fresh_engine()
        yield eng
        eng.dispose()
        return
    live.reset()
    eng = make_engine(f"sqlite:///{tmp_path / 'kompas.db'}")
    yield eng
    eng.dispose()


@pytest.fixture
def app_db(tmp_path, monkeypatch):
    """A temporary SQLite file with KOMPAS_DATABASE_URL pointed at it, for AppTest pages."""
    import streamlit as st

    from kompas.ui import runtime
    from kompas.ui.actions import READS

    monkeypatch.setattr(runtime, "SUPPRESS_TRACEBACKS", False)  # a bug must fail the test
    url = f"sqlite:///{tmp_path / 'kompas.db'}"
    monkeypatch.setenv("KOMPAS_DATABASE_URL", url)
    monkeypatch.chdir(ROOT)
    st.cache_resource.clear()
    st.cache_data.clear()
    READS.clear()
    live.reset()
    eng = make_engine(url)
    yield eng
    eng.dispose()
    st.cache_resource.clear()
    st.cache_data.clear()
    READS.clear()


class Workshopper:
    """A workshop with its facilitator actor and key, plus helpers to add participants."""

    def __init__(self, engine, **overrides):
        self.engine = engine
        with writing(engine) as db:
            new = create_workshop(db, **{"title": "Werksessie sociaal domein", **overrides})
        self.id = new.workshop_id
        self.code = new.code
        self.key = new.facilitator_key
        self.facilitator = Actor(self.id, None, True, "Procesbegeleider")
        self.tokens: dict[int, str] = {}

    def join(
        self, name="Deelnemer", role_group="gemeente", organisation="", language="nl"
    ) -> Actor:
        with writing(self.engine) as db:
            actor, token = join_workshop(
                db,
                code=self.code,
                name=name,
                role_group=role_group,
                organisation=organisation,
                language=language,
            )
        self.tokens[actor.participant_id] = token
        return actor

    def with_template(self, partner: str | None = None) -> Workshopper:
        """The tree's six policy domains under the main goal (``main``; the first domain as
        ``domain``, ``domain_title``), and optionally one partner (its id as ``partner``)."""
        from kompas import goaltree, partners

        with writing(self.engine) as db:
            goaltree.apply_template(db, actor=self.facilitator)
            view = goaltree.tree_view(db, self.id)
            domain = next(n for n in view.nodes if n.kind == "domain")
            self.main, self.domain, self.domain_title = view.nodes[0].id, domain.id, domain.title
            if partner:
                self.partner = partners.add_partner(db, actor=self.facilitator, name=partner)
        return self


@pytest.fixture
def make_workshop(engine):
    """Factory: ``ws = make_workshop(title=…)`` → Workshopper on the in-memory engine."""

    def factory(**overrides) -> Workshopper:
        return Workshopper(engine, **overrides)

    return factory
