"""Shared fixtures: an in-memory database, a real SQLite file for pages, factories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kompas import live
from kompas.db import make_engine, writing
from kompas.workshops import Actor, create_workshop, join_workshop

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def engine():
    """In-memory SQLite (StaticPool) with the full schema."""
    live.reset()
    eng = make_engine("sqlite://")
    yield eng
    eng.dispose()


@pytest.fixture
def db(engine):
    """A write unit of work on the in-memory engine; committed at the end of the test."""
    with writing(engine) as session:
        yield session


@pytest.fixture
def file_engine(tmp_path):
    """A real SQLite file in WAL mode."""
    live.reset()
    eng = make_engine(f"sqlite:///{tmp_path / 'kompas.db'}")
    yield eng
    eng.dispose()


@pytest.fixture
def app_db(tmp_path, monkeypatch):
    """A temporary SQLite file with KOMPAS_DATABASE_URL pointed at it, for AppTest pages."""
    import streamlit as st

    from kompas import ui

    monkeypatch.setattr(ui, "SUPPRESS_TRACEBACKS", False)  # a bug must fail the test
    url = f"sqlite:///{tmp_path / 'kompas.db'}"
    monkeypatch.setenv("KOMPAS_DATABASE_URL", url)
    monkeypatch.chdir(ROOT)
    st.cache_resource.clear()
    st.cache_data.clear()
    live.reset()
    eng = make_engine(url)
    yield eng
    eng.dispose()
    st.cache_resource.clear()
    st.cache_data.clear()


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

    def join(self, name="Deelnemer", role_group="gemeente", organisation="") -> Actor:
        with writing(self.engine) as db:
            actor, token = join_workshop(db, code=self.code, name=name, role_group=role_group,
                                         organisation=organisation)
        self.tokens[actor.participant_id] = token
        return actor


@pytest.fixture
def make_workshop(engine):
    """Factory: ``ws = make_workshop(title=…)`` → Workshopper on the in-memory engine."""

    def factory(**overrides) -> Workshopper:
        return Workshopper(engine, **overrides)

    return factory
