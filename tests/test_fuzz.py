"""Fuzzing with hypothesis: the JSON import and the domain functions take any input and
either succeed or refuse with a KompasError — never another exception, and a refusal
writes nothing."""

from __future__ import annotations

import copy
import json
import unicodedata

from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import func, select

from kompas import compass, formats, goaltree, live, partners, workshops
from kompas.db import make_engine, reading, writing
from kompas.demo import create_demo
from kompas.errors import KompasError
from kompas.export.json_io import export_document, import_document
from kompas.models import GoalNode, Partner, Workshop
from kompas.workshops import Actor

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)

_engine = None
_backup = None


def engine():
    """One database for all examples (hypothesis runs many): the demo and its backup."""
    global _engine, _backup
    if _engine is None:
        live.reset()
        _engine = make_engine("sqlite://")
        with writing(_engine) as db:
            demo = create_demo(db)
        with reading(_engine) as db:
            _backup = export_document(db, demo.workshop_id)
    return _engine


def count_workshops() -> int:
    with reading(engine()) as db:
        return db.execute(select(func.count()).select_from(Workshop)).scalar()


def try_import(data) -> None:
    before = count_workshops()
    try:
        with writing(engine()) as db:
            import_document(db, data)
    except KompasError:
        assert count_workshops() == before
    else:
        assert count_workshops() == before + 1


@FUZZ
@given(json_values)
def test_import_of_any_json_value_refuses_cleanly(value):
    try_import(json.dumps(value))


@FUZZ
@given(st.binary(max_size=300))
def test_import_of_any_bytes_refuses_cleanly(raw):
    try_import(raw)


def _paths(doc, prefix=()):
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield prefix + (k,)
            yield from _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc[:3]):
            yield prefix + (i,)
            yield from _paths(v, prefix + (i,))


@FUZZ
@given(st.data())
def test_import_of_a_mutated_backup_refuses_cleanly_or_imports(data):
    engine()
    doc = copy.deepcopy(_backup)
    paths = list(_paths(doc))
    path = data.draw(st.sampled_from(paths))
    target = doc
    for step in path[:-1]:
        target = target[step]
    if data.draw(st.booleans()) and isinstance(target, dict):
        target.pop(path[-1])
    else:
        target[path[-1]] = data.draw(json_values)
    try_import(json.dumps(doc))


ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=260)
ANY_NUMBER = st.one_of(st.floats(), st.integers(), st.text(max_size=12), st.none())


def _world():
    eng = engine()
    with writing(eng) as db:
        new = workshops.create_workshop(db, title="Fuzz")
        me, _ = workshops.join_workshop(db, code=new.code, name="Fuzzer", role_group="anders")
    return eng, new.workshop_id, Actor(new.workshop_id, None, True), me


def _stored_text_is_clean(value: str, limit: int) -> None:
    assert len(value) <= limit
    assert value == unicodedata.normalize("NFC", value)
    assert not any(ord(c) < 32 and c not in "\n\t" for c in value)


@FUZZ
@given(title=ANY_TEXT, description=ANY_TEXT)
def test_goal_tree_titles(title, description):
    eng, wid, fac, _ = _world()
    try:
        with writing(eng) as db:
            node_id = goaltree.add_node(
                db,
                actor=fac,
                parent_id=goaltree.main_goal(db, wid).id,
                title=title,
                kind="domain",
                description=description,
            )
    except KompasError:
        return
    with reading(eng) as db:
        node = db.get(GoalNode, node_id)
    _stored_text_is_clean(node.title, 200)


@FUZZ
@given(name=ANY_TEXT, value=ANY_NUMBER, influence=ANY_NUMBER, dependency=ANY_NUMBER)
def test_partner_inputs(name, value, influence, dependency):
    eng, wid, fac, me = _world()
    try:
        with writing(eng) as db:
            pid = partners.add_partner(db, actor=fac, name=name, contract_value_cents=value)
    except KompasError:
        return
    with reading(eng) as db:
        _stored_text_is_clean(db.get(Partner, pid).name, 200)
    try:
        with writing(eng) as db:
            point = partners.place_partner(
                db, actor=me, partner_id=pid, influence=influence, dependency=dependency
            )
    except KompasError:
        return
    assert 0.0 <= point.influence <= 1.0 and 0.0 <= point.dependency <= 1.0


@FUZZ
@given(title=ANY_TEXT, budget=ANY_NUMBER)
def test_compass_activity_inputs(title, budget):
    eng, wid, fac, _ = _world()
    try:
        with writing(eng) as db:
            compass.add_activity(db, actor=fac, title=title, budget_cents=budget)
    except KompasError:
        return


@FUZZ
@given(st.one_of(ANY_TEXT, ANY_NUMBER))
def test_money_parser_never_crashes(raw):
    try:
        cents = formats.parse_money(raw)
    except KompasError:
        return
    assert cents is None or (isinstance(cents, int) and cents >= 0)
