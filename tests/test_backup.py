"""`python -m kompas backup`: one JSON file per workshop (pseudonyms unless --with-names),
and every file restores (import) to the same workshop."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import select

from kompas import goaltree
from kompas.db import reading, writing
from kompas.demo import create_demo
from kompas.export import json_io
from kompas.export.backup import write_backup
from kompas.models import Workshop
from tests.conftest import Workshopper, fresh_engine
from tests.test_cli import kompas

pytestmark = pytest.mark.postgres


def _fill(engine) -> list[str]:
    with writing(engine) as db:
        demo = create_demo(db)
    ws = Workshopper(engine, title="Tweede workshop")
    anne = ws.join("Anne de Wit", "inwoner", "Buurtkamer Oost")
    with writing(engine) as db:
        main = goaltree.main_goal(db, ws.id).id
        domain = goaltree.add_node(
            db, actor=ws.facilitator, parent_id=main, kind="domain", title="Welzijn"
        )
        goaltree.add_node(db, actor=anne, parent_id=domain, kind="effect", title="Minder eenzaam")
    empty = Workshopper(engine, title="Lege workshop")
    return [demo.code, ws.code, empty.code]


def _documents(engine, *, with_names: bool) -> dict[str, dict]:
    with reading(engine) as db:
        ids = dict(db.execute(select(Workshop.code, Workshop.id)).all())
        return {
            code: json_io.export_document(db, wid, with_names=with_names)
            for code, wid in ids.items()
        }


@pytest.mark.parametrize("with_names", [False, True])
def test_every_workshop_is_backed_up_and_every_file_restores(engine, tmp_path, with_names):
    codes = _fill(engine)
    files = write_backup(engine, tmp_path / "backup", with_names=with_names)
    assert sorted(f.code for f in files) == sorted(codes)
    assert sorted(p.name for p in (tmp_path / "backup").iterdir()) == sorted(
        f.path.name for f in files
    )  # no half-written files left
    raw = b"".join(f.path.read_bytes() for f in files)
    assert (b"Anne de Wit" in raw) == with_names and (b"Buurtkamer Oost" in raw) == with_names

    originals = _documents(engine, with_names=with_names)
    target = fresh_engine() if engine.dialect.name != "postgresql" else engine
    restored = {}
    for item in files:
        with writing(target) as db:
            new = json_io.import_document(db, item.path.read_bytes())
        with reading(target) as db:
            restored[item.code] = json_io.export_document(
                db, new.workshop_id, with_names=with_names
            )
    for code in codes:
        assert _canonical(restored[code]) == _canonical(originals[code]), code


def _canonical(doc: dict) -> dict:
    """The document with each participant known by what they did instead of by number:
    pseudonyms are numbered anew in every back-up (not in the order people joined), so two
    back-ups of one workshop differ in numbering only."""
    doc = copy.deepcopy(doc)
    did = {}
    for person in doc["participants"]:
        pid = person["id"]
        did[pid] = json.dumps(
            [
                {k: v for k, v in person.items() if k not in ("id", "name")},
                sorted(
                    [v["node_id"], v["count"]] for v in doc["votes"] if v["participant_id"] == pid
                ),
                sorted(
                    [p["partner_id"], p["influence"], p["dependency"]]
                    for p in doc["placements"]
                    if p["participant_id"] == pid
                ),
                sorted(n["id"] for n in doc["goal_nodes"] if n.get("author_id") == pid),
            ]
        )
    for section, field in (
        ("goal_nodes", "author_id"),
        ("votes", "participant_id"),
        ("placements", "participant_id"),
        ("scan_scores", "participant_id"),
    ):
        for row in doc[section]:
            row[field] = did.get(row[field], row[field])
            if section != "goal_nodes":
                row.pop("id", None)
        doc[section].sort(key=json.dumps)
    doc["participants"] = sorted(did.values())
    return doc


def test_the_command_line_writes_the_backup(tmp_path):
    db = tmp_path / "k.db"
    assert kompas("demo", db=db).returncode == 0
    out = kompas("backup", "--output", str(tmp_path / "b"), db=db)
    assert out.returncode == 0, out.stderr
    # the demo is a series of two sessions
    assert out.stdout.splitlines()[-1] == f"2 workshops in {tmp_path / 'b'}"
    docs = {}
    for file in (tmp_path / "b").iterdir():
        doc = json.loads(file.read_text(encoding="utf-8"))
        docs[doc["workshop"]["series_number"]] = (file, doc)
    assert sorted(docs) == [1, 2]
    path, doc = docs[1]
    assert doc["workshop"]["title"] == "Werksessie sociaal domein 2027"
    for _, d in docs.values():  # pseudonyms by default
        names = {p["name"] for p in d["participants"]}
        assert names == {f"Deelnemer {i}" for i in range(1, len(names) + 1)}
    imported = kompas("import", str(path), db=tmp_path / "ander.db")
    assert imported.returncode == 0 and imported.stdout.startswith("code: ")
