"""Bad import files are refused as a whole with a Dutch message, and write nothing."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import func, select
from sqlmodel import SQLModel

from kompas.db import reading, writing
from kompas.errors import ImportRefused
from kompas.export import json_io
from tests.test_json_roundtrip import export, make_rich

pytestmark = pytest.mark.postgres


def snapshot(engine) -> dict:
    with reading(engine) as db:
        return {
            t.name: db.execute(select(func.count()).select_from(t)).scalar_one()
            for t in SQLModel.metadata.sorted_tables
        }


@pytest.fixture
def rich(engine):
    wid = make_rich(engine)
    return export(engine, wid)


def edit(fn):
    """A case that changes a copy of the good document and sends it as JSON bytes."""

    def make(doc):
        doc = copy.deepcopy(doc)
        fn(doc)
        return json.dumps(doc).encode()

    return make


def raw(fn):
    def make(doc):
        return fn(json.dumps(doc).encode())

    return make


def _set(path, value):
    def fn(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit(fn)


def _cycle(doc):
    nodes = doc["goal_nodes"]
    nodes[0]["parent_id"] = nodes[-1]["id"]  # main goal under its own grandchild


def _deep(_: bytes) -> bytes:
    return b'{"schema_version": 1, "workshop": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


CASES = [
    # (name, make the file, a word the message must contain)
    ("not json", raw(lambda b: b"dit is geen json"), "geen geldige JSON"),
    ("truncated", raw(lambda b: b[: len(b) // 2]), "afgebroken"),
    ("empty file", raw(lambda b: b""), "geen geldige JSON"),
    ("binary", raw(lambda b: b"\xff\xfe\x00\x01" * 10), "UTF-8"),
    ("a list, not an object", raw(lambda b: b"[1, 2, 3]"), "geen JSON-export"),
    ("too large", raw(lambda b: b" " * (json_io.MAX_BYTES + 1)), "te groot"),
    ("deep nesting", raw(_deep), "te diep genest"),
    (
        "NaN",
        raw(lambda b: b.replace(b'"influence": 0.8', b'"influence": NaN')),
        "geen geldige JSON",
    ),
    (
        "duplicate key",
        raw(
            lambda b: b.replace(
                b'{"schema_version": 1,', b'{"schema_version": 1, "schema_version": 1,'
            )
        ),
        "geen geldige JSON",
    ),
    ("no schema_version", edit(lambda d: d.pop("schema_version")), "schema_version"),
    ("wrong schema_version", _set(["schema_version"], 2), "schemaversie 2"),
    ("schema_version as text", _set(["schema_version"], "1"), "schemaversie"),
    ("no workshop", edit(lambda d: d.pop("workshop")), "workshop"),
    ("unknown top field", _set(["extra"], 1), "Onbekend onderdeel"),
    ("unknown compass field", _set(["compass", "extra"], []), "Onbekend onderdeel"),
    ("unknown workshop field", _set(["workshop", "code"], "ABCDEF"), "onbekend veld"),
    ("unknown row field", edit(lambda d: d["partners"][0].update(evil=1)), "onbekend veld"),
    ("huge title", _set(["workshop", "title"], "x" * 201), "te lang"),
    ("huge partner name", edit(lambda d: d["partners"][0].update(name="p" * 5000)), "te lang"),
    ("huge conclusions", _set(["workshop", "conclusions"], "x" * 20001), "te lang"),
    (
        "huge description",
        edit(lambda d: d["goal_nodes"][0].update(description="x" * 100_000)),
        "te lang",
    ),
    (
        "nested object in a text field",
        edit(lambda d: d["partners"][0].update(name={"a": [[["b"]]]})),
        "moet tekst zijn",
    ),
    (
        "control characters",
        edit(lambda d: d["participants"][0].update(name="Anna\u202eevil")),
        "stuurtekens",
    ),
    ("number as text", edit(lambda d: d["votes"][0].update(count="2")), "heel getal"),
    ("bool as number", edit(lambda d: d["votes"][0].update(count=True)), "heel getal"),
    (
        "float for int",
        edit(lambda d: d["compass"]["activities"][0].update(budget_cents=1.5)),
        "heel getal",
    ),
    ("text for bool", _set(["workshop", "votes_revealed"], "ja"), "true of false"),
    ("bad timestamp", _set(["workshop", "created_at"], "gisteren"), "tijdstip"),
    ("bad date", edit(lambda d: d["directions"][0].update(review_date="2027-13-01")), "datum"),
    ("unknown phase", _set(["workshop", "phase_tree"], "hacken"), "onbekende waarde"),
    (
        "unknown role",
        edit(lambda d: d["participants"][0].update(role_group="admin")),
        "onbekende waarde",
    ),
    ("influence out of range", edit(lambda d: d["placements"][0].update(influence=7)), "tussen"),
    (
        "negative budget",
        edit(lambda d: d["compass"]["activities"][0].update(budget_cents=-5)),
        "tussen",
    ),
    ("huge integer", edit(lambda d: d["goal_nodes"][0].update(rev=10**30)), "tussen"),
    ("list instead of rows", _set(["partners"], {"a": 1}), "moet een lijst zijn"),
    ("row not an object", edit(lambda d: d["partners"].append("partner")), "moet een object zijn"),
    ("missing id", edit(lambda d: d["partners"][0].pop("id")), "ontbreekt"),
    ("missing title", edit(lambda d: d["goal_nodes"][1].pop("title")), "ontbreekt"),
    ("empty title", edit(lambda d: d["goal_nodes"][1].update(title="  ")), "niet leeg"),
    ("null in required field", edit(lambda d: d["partners"][0].update(name=None)), "niet leeg"),
    (
        "duplicate id",
        edit(lambda d: d["partners"][1].update(id=d["partners"][0]["id"])),
        "twee keer",
    ),
    (
        "parent points nowhere",
        edit(lambda d: d["goal_nodes"][1].update(parent_id=999)),
        "bestaat niet",
    ),
    ("vote for missing node", edit(lambda d: d["votes"][0].update(node_id=999)), "bestaat niet"),
    (
        "vote by missing participant",
        edit(lambda d: d["votes"][0].update(participant_id=42)),
        "bestaat niet",
    ),
    (
        "activity of missing partner",
        edit(lambda d: d["compass"]["activities"][0].update(partner_id=77)),
        "bestaat niet",
    ),
    (
        "link to missing result",
        edit(lambda d: d["compass"]["activity_results"][0].update(result_id=9)),
        "bestaat niet",
    ),
    (
        "measurement of missing indicator",
        edit(lambda d: d["compass"]["measurements"][0].update(indicator_id=5)),
        "bestaat niet",
    ),
    (
        "placement of missing partner",
        edit(lambda d: d["placements"][0].update(partner_id=50)),
        "bestaat niet",
    ),
    ("id as text", edit(lambda d: d["partners"][0].update(id="1")), "heel getal"),
    (
        "duplicate vote",
        edit(lambda d: d["votes"][1].update(participant_id=d["votes"][0]["participant_id"])),
        "dubbel",
    ),
    (
        "two directions for one partner",
        edit(lambda d: d["directions"].append(dict(d["directions"][0], id=2))),
        "dubbel",
    ),
    (
        "duplicate placement",
        edit(lambda d: d["placements"].append(dict(d["placements"][1], id=9))),
        "twee keer",
    ),
    ("parent cycle", edit(_cycle), "kring"),
    (
        "self parent",
        edit(lambda d: d["goal_nodes"][1].update(parent_id=d["goal_nodes"][1]["id"])),
        "kring",
    ),
]


@pytest.mark.parametrize("make, word", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refused_and_nothing_written(engine, rich, make, word):
    before = snapshot(engine)
    data = make(rich)
    with pytest.raises(ImportRefused) as info:
        with writing(engine) as db:
            json_io.import_document(db, data)
    assert word.lower() in str(info.value).lower()
    assert "Traceback" not in str(info.value)
    assert snapshot(engine) == before


def test_good_document_is_accepted_as_control(engine, rich):
    """The cases above fail because of their one change, not because the base is bad."""
    before = snapshot(engine)
    with writing(engine) as db:
        json_io.import_document(db, json.dumps(rich).encode())
    after = snapshot(engine)
    assert after["workshop"] == before["workshop"] + 1
    assert after["goalnode"] == 2 * before["goalnode"]


def test_many_problems_are_listed_but_capped(engine, rich):
    doc = copy.deepcopy(rich)
    for p in doc["participants"]:
        p["role_group"] = "x"
    doc["partners"] = [dict(doc["partners"][0], id=i, name="n" * 300) for i in range(1, 400)]
    with pytest.raises(ImportRefused) as info:
        with writing(engine) as db:
            json_io.import_document(db, doc)
    message = str(info.value)
    assert message.startswith("Dit bestand kan niet worden ingelezen")
    assert "en nog" in message and message.count("\n- ") == 20


def test_text_input_and_bom_accepted(engine, rich):
    with writing(engine) as db:
        json_io.import_document(db, json.dumps(rich))
    with writing(engine) as db:
        json_io.import_document(db, b"\xef\xbb\xbf" + json.dumps(rich).encode())
