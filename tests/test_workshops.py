"""Workshops: create, join, authenticate, phases, locks, timer, remove, delete, retention."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select
from sqlmodel import SQLModel

from kompas import live, migrate, workshops
from kompas.db import reading, writing
from kompas.errors import InvalidInput, NotAllowed, NotFound
from kompas.models import PHASES, TOOLS, GoalNode, Participant, Workshop, utcnow
from kompas.workshops import CODE_ALPHABET, Actor

pytestmark = pytest.mark.postgres


def test_new_workshop_has_code_main_goal_and_hashed_key(engine, make_workshop):
    ws = make_workshop(title="Werksessie Zutphen", theme="Iedereen telt mee en doet mee")
    assert len(ws.code) == 6 and set(ws.code) <= set(CODE_ALPHABET)
    assert not set(ws.code) & set("0O1IL")
    assert len(ws.key) >= 40
    with reading(engine) as db:
        row = db.get(Workshop, ws.id)
        assert row.key_hash != ws.key and ws.key not in row.key_hash
        main = db.execute(select(GoalNode).where(GoalNode.workshop_id == ws.id)).scalars().all()
    assert [(n.kind, n.title) for n in main] == [("main_goal", "Iedereen telt mee en doet mee")]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"title": ""}, "Titel mag niet leeg zijn"),
        ({"title": "   "}, "Titel mag niet leeg zijn"),
        ({"title": "x" * 201}, "te lang"),
        ({"title": "Goed", "vote_budget": 0}, "1 tot en met 20"),
        ({"title": "Goed", "vote_budget": "vijf"}, "heel getal"),
    ],
)
def test_create_refuses_bad_input(engine, kwargs, message):
    with pytest.raises(InvalidInput, match=message):
        with writing(engine) as db:
            workshops.create_workshop(db, **kwargs)
    with reading(engine) as db:
        assert db.execute(select(func.count()).select_from(Workshop)).scalar() == 0


def test_join_and_authenticate_round_trip(engine, make_workshop):
    ws = make_workshop()
    anne = ws.join("Anne", "aanbieder", "MEE")
    token = ws.tokens[anne.participant_id]
    with reading(engine) as db:
        again = workshops.authenticate(db, code=ws.code.lower(), participant_token=token)
        fac = workshops.authenticate(db, code=ws.code, facilitator_key=ws.key)
        stored = db.get(Participant, anne.participant_id)
    assert again.participant_id == anne.participant_id and again.role_group == "aanbieder"
    assert fac.is_facilitator
    assert stored.token_hash != token


@pytest.mark.parametrize(
    "code, token_kind, error",
    [
        ("ZZZZZZ", "participant", NotFound),
        ("", "participant", NotFound),
        ("own", "wrong", NotAllowed),
        ("own", "other_workshop", NotAllowed),
        ("own", "wrong_key", NotAllowed),
        ("own", "none", NotAllowed),
    ],
)
def test_authenticate_refuses(engine, make_workshop, code, token_kind, error):
    ws, other = make_workshop(), make_workshop()
    ws.join("Anne")
    bob = other.join("Bob")
    kwargs = {
        "participant": {"participant_token": "x" * 43},
        "wrong": {"participant_token": "x" * 43},
        "other_workshop": {"participant_token": other.tokens[bob.participant_id]},
        "wrong_key": {"facilitator_key": "y" * 43},
        "none": {},
    }[token_kind]
    with reading(engine) as db, pytest.raises(error):
        workshops.authenticate(db, code=ws.code if code == "own" else code, **kwargs)


@pytest.mark.parametrize(
    "name, role, message",
    [
        ("", "gemeente", "Naam mag niet leeg zijn"),
        ("A" * 81, "gemeente", "te lang"),
        ("Anne", "wethouder", "Kies een rol"),
    ],
)
def test_join_refuses_bad_input_and_creates_nothing(engine, make_workshop, name, role, message):
    ws = make_workshop()
    with pytest.raises(InvalidInput, match=message), writing(engine) as db:
        workshops.join_workshop(db, code=ws.code, name=name, role_group=role)
    with reading(engine) as db:
        assert db.execute(select(func.count()).select_from(Participant)).scalar() == 0


def test_join_with_wrong_code_says_so(engine, make_workshop):
    make_workshop()
    with pytest.raises(NotFound, match="geen workshop met deze code"), writing(engine) as db:
        workshops.join_workshop(db, code="ABCDEF", name="Anne", role_group="gemeente")


def test_join_cleans_names(engine, make_workshop):
    ws = make_workshop()
    actor = ws.join("  Anne\x00\u202e de  Vries\t", "inwoner")
    assert actor.name == "Anne de Vries"


FACILITATOR_ONLY = [
    (workshops.set_phase, {"tool": "tree", "phase": "stemmen"}),
    (workshops.set_lock, {"tool": "matrix", "locked": True}),
    (workshops.start_timer, {"minutes": 5}),
    (workshops.stop_timer, {}),
    (workshops.update_workshop, {"vote_budget": 9}),
    (workshops.set_quadrant_labels, {"labels": ["a", "b", "c", "d"]}),
    (workshops.delete_workshop, {"confirm_code": "$code"}),
]


@pytest.mark.parametrize("fn, kwargs", FACILITATOR_ONLY, ids=lambda v: getattr(v, "__name__", ""))
def test_participants_cannot_do_facilitator_actions(engine, make_workshop, fn, kwargs):
    ws = make_workshop()
    anne = ws.join("Anne")
    kwargs = {k: (ws.code if v == "$code" else v) for k, v in kwargs.items()}
    with reading(engine) as db:
        before = db.get(Workshop, ws.id).model_dump()
    with pytest.raises(NotAllowed, match="Alleen de procesbegeleider"), writing(engine) as db:
        fn(db, actor=anne, **kwargs)
    with reading(engine) as db:
        assert db.get(Workshop, ws.id).model_dump() == before


def test_facilitator_controls_phase_lock_timer_and_version(engine, make_workshop):
    ws = make_workshop()
    v0 = live.current_version(engine, ws.id)
    with writing(engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="stemmen")
        workshops.set_lock(db, actor=ws.facilitator, tool="compass", locked=True)
        workshops.start_timer(db, actor=ws.facilitator, minutes=10, label="Stemmen")
    with reading(engine) as db:
        info = workshops.workshop_info(db, ws.id)
    assert info.phases["tree"] == "stemmen" and info.locks["compass"] is True
    assert timedelta(minutes=9) < info.timer_end - utcnow() <= timedelta(minutes=10)
    assert live.current_version(engine, ws.id) == v0 + 3 == info.version
    with pytest.raises(InvalidInput), writing(engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="dansen")


def test_removed_participant_is_locked_out_but_contributions_stay(engine, make_workshop):
    ws = make_workshop()
    anne = ws.join("Anne")
    with writing(engine) as db:
        workshops.remove_participant(db, actor=ws.facilitator, participant_id=anne.participant_id)
    with reading(engine) as db, pytest.raises(NotAllowed, match="verwijderd"):
        workshops.authenticate(db, code=ws.code, participant_token=ws.tokens[anne.participant_id])
    with reading(engine) as db, pytest.raises(NotAllowed):
        workshops.check_actor(db, anne)
    with reading(engine) as db:
        assert db.get(Participant, anne.participant_id) is not None


@pytest.mark.parametrize(
    "tool, phase, locked, opened",
    [
        (tool, phase, locked, opened)
        for tool in TOOLS
        for phase in PHASES[tool]
        for locked in (False, True)
        for opened in (False, True)
    ],
)
def test_write_refusal_reads_the_same_from_the_page_data_as_in_a_write(
    engine, make_workshop, tool, phase, locked, opened
):
    """The UI asks write_refusal with the cached WorkshopInfo, the domain with the row."""
    ws = make_workshop()
    anne = ws.join("Anne")
    with writing(engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool=tool, phase=phase)
        workshops.set_lock(db, actor=ws.facilitator, tool=tool, locked=locked)
        workshops.update_workshop(db, actor=ws.facilitator, compass_open_to_participants=opened)
    with reading(engine) as db:
        row, info = db.get(Workshop, ws.id), workshops.workshop_info(db, ws.id)
        for phases in (None, PHASES[tool][:1]):
            assert workshops.write_refusal(info, ws.facilitator, tool, phases) is None
            reason = workshops.write_refusal(row, anne, tool, phases)
            assert workshops.write_refusal(info, anne, tool, phases) == reason
            assert (reason is None) == (
                not locked
                and phase != "gesloten"
                and (phases is None or phase in phases)
                and (tool != "compass" or opened)
            )
    with writing(engine) as db:
        workshops.remove_participant(db, actor=ws.facilitator, participant_id=anne.participant_id)
    with reading(engine) as db:
        info = workshops.workshop_info(db, ws.id)
    assert "verwijderd" in workshops.write_refusal(info, anne, tool, None)


def test_anonymise_keeps_row_without_name(engine, make_workshop):
    ws = make_workshop()
    anne = ws.join("Anne de Vries", organisation="MEE")
    with writing(engine) as db:
        workshops.anonymise_participant(
            db, actor=ws.facilitator, participant_id=anne.participant_id
        )
    with reading(engine) as db:
        row = db.get(Participant, anne.participant_id)
    assert "Anne" not in row.name and row.organisation == "" and row.anonymised


def test_facilitator_of_other_workshop_cannot_touch_participants(engine, make_workshop):
    ws, other = make_workshop(), make_workshop()
    anne = ws.join("Anne")
    with pytest.raises(NotFound), writing(engine) as db:
        workshops.remove_participant(
            db, actor=other.facilitator, participant_id=anne.participant_id
        )


def test_delete_needs_the_code_and_removes_everything(file_engine):
    from kompas.demo import create_demo

    with writing(file_engine) as db:
        demo = create_demo(db)
    keep = None
    with writing(file_engine) as db:
        keep = workshops.create_workshop(db, title="Blijft staan")
    facilitator = Actor(demo.workshop_id, None, True)
    with pytest.raises(InvalidInput, match="Typ de code"), writing(file_engine) as db:
        workshops.delete_workshop(db, actor=facilitator, confirm_code="WRONG1")
    with writing(file_engine) as db:
        workshops.delete_workshop(db, actor=facilitator, confirm_code=demo.code.lower())
    with reading(file_engine) as db:
        for table in SQLModel.metadata.sorted_tables:
            if "workshop_id" in table.c:
                left = db.execute(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.workshop_id == demo.workshop_id)
                ).scalar()
                assert left == 0, table.name
        assert db.get(Workshop, keep.workshop_id) is not None


def test_retention_purges_only_old_workshops(engine, make_workshop):
    old, new = make_workshop(title="Oud"), make_workshop(title="Nieuw")
    with writing(engine) as db:
        db.get(Workshop, old.id).retained_from = utcnow() - timedelta(days=400)
    with writing(engine) as db:
        purged = workshops.purge_expired(db, retention_days=365)
    assert purged == [old.code]
    with reading(engine) as db:
        assert db.get(Workshop, old.id) is None and db.get(Workshop, new.id) is not None


def test_list_counts_active_participants(engine, make_workshop):
    ws = make_workshop(title="Lijst")
    ws.join("A")
    b = ws.join("B")
    with writing(engine) as db:
        workshops.remove_participant(db, actor=ws.facilitator, participant_id=b.participant_id)
    with reading(engine) as db:
        rows = workshops.list_workshops(db)
    assert [(r.code, r.title, r.participants) for r in rows] == [(ws.code, "Lijst", 1)]


def test_code_space_is_large():
    assert workshops.CODE_SPACE == len(CODE_ALPHABET) ** 6 > 800_000_000


def test_an_imported_old_backup_is_not_purged_at_the_next_start(engine, make_workshop):
    from kompas.export.json_io import export_document, import_document

    old = make_workshop(title="Oude sessie")
    with writing(engine) as db:
        row = db.get(Workshop, old.id)
        row.created_at = row.retained_from = utcnow() - timedelta(days=400)
    with reading(engine) as db:
        backup = export_document(db, old.id)
    with writing(engine) as db:
        restored = import_document(db, backup)
    with writing(engine) as db:
        purged = workshops.purge_expired(db, retention_days=365)
    assert purged == [old.code]
    with reading(engine) as db:
        kept = db.get(Workshop, restored.workshop_id)
    assert kept is not None and kept.created_at.year == (utcnow() - timedelta(days=400)).year


@pytest.mark.sqlite_only
def test_an_older_database_gets_new_columns_on_start(tmp_path):
    """A database made before Workshop.retained_from existed (and before migrations, so
    without alembic_version) keeps working: the column is added and filled from created_at."""
    import sqlite3

    from kompas.db import make_engine

    path = tmp_path / "oud.db"
    eng = make_engine(f"sqlite:///{path}")
    with writing(eng) as db:
        new = workshops.create_workshop(db, title="Oude database")
    eng.dispose()
    # back to the schema of the first migration (what code before migrations made):
    # every row copied into freshly made baseline tables, columns of later revisions left out
    baseline = migrate.baseline_metadata()
    raw = sa.create_engine(f"sqlite:///{path}")
    with raw.begin() as conn:
        present = {
            t: {c["name"] for c in sa.inspect(conn).get_columns(t)}
            for t in sa.inspect(conn).get_table_names()
        }
        data = {}
        for table in baseline.sorted_tables:
            cols = [c.name for c in table.columns if c.name in present.get(table.name, ())]
            data[table.name] = [
                dict(r)
                for r in conn.execute(
                    sa.select(*(sa.column(c) for c in cols)).select_from(sa.table(table.name))
                ).mappings()
            ]
        for name in present:
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
        baseline.create_all(conn)
        for table in baseline.sorted_tables:  # raw values, as SQLite stored them
            if data[table.name]:
                for c in table.columns:  # dropped since (content_version): a plain value
                    if c.name not in data[table.name][0]:
                        plain = (
                            None if c.nullable else (0 if c.type.python_type in (int, bool) else "")
                        )
                        for r in data[table.name]:
                            r[c.name] = plain
                cols = list(data[table.name][0])
                conn.exec_driver_sql(
                    f'INSERT INTO "{table.name}" ({", ".join(cols)}) '
                    f"VALUES ({', '.join('?' * len(cols))})",
                    [tuple(r[c] for c in cols) for r in data[table.name]],
                )
    raw.dispose()
    con = sqlite3.connect(path)
    # … and older still: without Workshop.retained_from
    con.execute("ALTER TABLE workshop DROP COLUMN retained_from")
    con.commit()
    con.close()
    live.reset()
    eng = make_engine(f"sqlite:///{path}")
    with reading(eng) as db:
        row = db.get(Workshop, new.workshop_id)
        assert row.retained_from == row.created_at
        assert workshops.workshop_info(db, new.workshop_id).title == "Oude database"


def test_joins_and_the_timer_do_not_redraw_the_tools(engine, make_workshop):
    """A join bumps the participants part, the timer the workshop part; the heavy parts
    (tree, votes, compass, matrix, report) redraw only when their own content changed."""
    from kompas import goaltree

    ws = make_workshop()
    before = dict(live.versions_of(engine, ws.id))
    anne = ws.join("Anne")
    with writing(engine) as db:
        workshops.start_timer(db, actor=ws.facilitator, minutes=5)
    after = dict(live.versions_of(engine, ws.id))
    assert after["version"] == before["version"] + 2
    assert after["participants"] > before["participants"]
    assert after["workshop"] > before["workshop"]
    heavy = ("tree", "votes", "compass", "matrix", "report")
    assert [after[p] for p in heavy] == [before[p] for p in heavy]
    with writing(engine) as db:
        goaltree.add_node(
            db, actor=anne, parent_id=goaltree.main_goal(db, ws.id).id, title="Voorstel"
        )
    after_node = dict(live.versions_of(engine, ws.id))
    assert after_node["tree"] == after_node["version"] == after["version"] + 1
    with reading(engine) as db:
        row = db.get(Workshop, ws.id)
    assert (row.version, row.version_tree) == (after_node["version"], after_node["tree"])


def test_a_participant_joins_in_english_and_can_switch_back(engine, make_workshop):
    ws = make_workshop()
    with writing(engine) as db:
        actor, token = workshops.join_workshop(
            db, code=ws.code, name="Sam", role_group="aanbieder", language="en"
        )
    assert actor.language == "en"
    with reading(engine) as db:
        again = workshops.authenticate(db, code=ws.code, participant_token=token)
        row = next(
            p
            for p in workshops.workshop_info(db, ws.id).participants
            if p.id == again.participant_id
        )
    assert again.language == "en" and row.language == "en"
    with writing(engine) as db:
        workshops.set_language(db, actor=actor, language="nl")
    with reading(engine) as db:
        assert db.get(Participant, actor.participant_id).language == "nl"


def test_an_unknown_language_is_refused_and_changes_nothing(engine, make_workshop):
    ws = make_workshop()
    with pytest.raises(InvalidInput, match="Kies een taal"), writing(engine) as db:
        workshops.join_workshop(db, code=ws.code, name="Sam", role_group="inwoner", language="fr")
    anne = ws.join("Anne")
    with pytest.raises(InvalidInput, match="Kies een taal"), writing(engine) as db:
        workshops.set_language(db, actor=anne, language="de")
    with pytest.raises(NotAllowed), writing(engine) as db:
        workshops.set_language(db, actor=ws.facilitator, language="en")
    with reading(engine) as db:
        assert db.get(Participant, anne.participant_id).language == "nl"
        assert db.execute(select(func.count()).select_from(Participant)).scalar() == 1


def test_a_refusal_is_in_the_participants_language(engine, make_workshop):
    ws = make_workshop()
    with writing(engine) as db:
        sam, _ = workshops.join_workshop(
            db, code=ws.code, name="Sam", role_group="inwoner", language="en"
        )
    anne = ws.join("Anne")
    with writing(engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="stemmen")
    with reading(engine) as db:
        info = workshops.workshop_info(db, ws.id)
    assert workshops.write_refusal(info, sam, "tree", ("verzamelen",)) == (
        "Not possible now: the goal tree is in the phase Voting."
    )
    assert workshops.write_refusal(info, anne, "tree", ("verzamelen",)) == (
        "Dat kan nu niet: de doelenboom staat in de fase Stemmen."
    )
    with writing(engine) as db:
        workshops.set_lock(db, actor=ws.facilitator, tool="tree", locked=True)
    with pytest.raises(NotAllowed, match="The goal tree is locked"), writing(engine) as db:
        workshops.require_open(db, sam, "tree")
