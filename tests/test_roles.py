"""Every domain write × every actor × every phase and lock state: allowed exactly where the
rules say; otherwise NotAllowed (or NotFound for another workshop's token) and the
database is unchanged, row for row."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from sqlalchemy import select
from sqlmodel import SQLModel

from kompas import compass, goaltree, live, partners, workshops
from kompas.db import reading, writing
from kompas.errors import KompasError, NotAllowed, NotFound
from kompas.models import PHASES, GoalNode
from kompas.workshops import Actor
from tests.conftest import fresh_engine

pytestmark = pytest.mark.postgres

ACTORS = ("facilitator", "author", "other", "removed", "other_workshop", "no_token")


@dataclass
class World:
    engine: object
    ws_id: int
    actors: dict
    main_id: int
    proposal_id: int  # a proposal by "author", under the main goal's first domain
    domain_id: int
    effect_id: int  # accepted effect (votable on the default level)
    partner_id: int
    ambition_id: int
    proposal_rev: int


def build(tool: str, phase: str, locked: bool) -> World:
    live.reset()
    engine = fresh_engine()
    with writing(engine) as db:
        new = workshops.create_workshop(db, title="Rollen")
        other = workshops.create_workshop(db, title="Andere workshop")
        fac = Actor(new.workshop_id, None, True)
        author, _ = workshops.join_workshop(db, code=new.code, name="Auteur", role_group="gemeente")
        other_p, _ = workshops.join_workshop(
            db, code=new.code, name="Ander", role_group="aanbieder"
        )
        removed, _ = workshops.join_workshop(db, code=new.code, name="Weg", role_group="inwoner")
        stranger, _ = workshops.join_workshop(
            db, code=other.code, name="Vreemde", role_group="gemeente"
        )
        main_id = goaltree.main_goal(db, new.workshop_id).id
        domain_id = goaltree.add_node(
            db, actor=fac, parent_id=main_id, title="Gezondheid", kind="domain"
        )
        effect_id = goaltree.add_node(
            db, actor=fac, parent_id=domain_id, title="Minder eenzaamheid"
        )
        proposal_id = goaltree.add_node(
            db, actor=author, parent_id=domain_id, title="Voorstel van auteur"
        )
        partner_id = partners.add_partner(db, actor=fac, name="Welzijn Noord")
        workshops.update_workshop(db, actor=fac, compass_open_to_participants=True)
        ambition_id = compass.add_ambition(db, actor=fac, title="Minder eenzaamheid")
        workshops.remove_participant(db, actor=fac, participant_id=removed.participant_id)
        workshops.set_phase(db, actor=fac, tool=tool, phase=phase)
        workshops.set_lock(db, actor=fac, tool=tool, locked=locked)
        rev = db.get(GoalNode, proposal_id).rev
    actors = {
        "facilitator": fac,
        "author": author,
        "other": other_p,
        "removed": removed,
        "other_workshop": stranger,
        "no_token": Actor(new.workshop_id, None, False),
    }
    return World(
        engine,
        new.workshop_id,
        actors,
        main_id,
        proposal_id,
        domain_id,
        effect_id,
        partner_id,
        ambition_id,
        rev,
    )


def dump(engine) -> dict:
    with reading(engine) as db:
        return {
            t.name: sorted(map(tuple, db.execute(select(t)).all()), key=repr)
            for t in SQLModel.metadata.sorted_tables
        }


# --- the rules, written independently of the code under test -----------------------------


def participant_may(tool, phase, locked, phases):
    return not locked and phase != "gesloten" and phase in phases


FAC_ONLY = "facilitator only"

# (tool, name, call(world, actor), who may: FAC_ONLY | ("participants", phases) |
#  ("author", phases) | ("participants_not_facilitator", phases))
OPS = [
    (
        "tree",
        "add_node",
        lambda w, a: goaltree.add_node(db_, actor=a, parent_id=w.domain_id, title="Nieuw effect"),
        ("participants", ("verzamelen",)),
    ),
    (
        "tree",
        "edit_node",
        lambda w, a: goaltree.edit_node(
            db_, actor=a, node_id=w.proposal_id, rev=w.proposal_rev, title="Nieuwe titel"
        ),
        ("author", ("verzamelen", "ordenen")),
    ),
    (
        "tree",
        "delete_node",
        lambda w, a: goaltree.delete_node(db_, actor=a, node_id=w.proposal_id),
        ("author", ("verzamelen", "ordenen")),
    ),
    (
        "tree",
        "accept_node",
        lambda w, a: goaltree.accept_node(db_, actor=a, node_id=w.proposal_id),
        FAC_ONLY,
    ),
    (
        "tree",
        "move_node",
        lambda w, a: goaltree.move_node(
            db_, actor=a, node_id=w.proposal_id, new_parent_id=w.effect_id
        ),
        FAC_ONLY,
    ),
    (
        "tree",
        "merge_nodes",
        lambda w, a: goaltree.merge_nodes(
            db_, actor=a, keep_id=w.effect_id, merge_id=w.proposal_id
        ),
        FAC_ONLY,
    ),
    (
        "tree",
        "set_agreed",
        lambda w, a: goaltree.set_agreed(db_, actor=a, node_id=w.effect_id, agreed=True),
        FAC_ONLY,
    ),
    ("tree", "apply_template", lambda w, a: goaltree.apply_template(db_, actor=a), FAC_ONLY),
    (
        "tree",
        "cast_vote",
        lambda w, a: goaltree.cast_vote(db_, actor=a, node_id=w.effect_id),
        ("participants_not_facilitator", ("stemmen",)),
    ),
    (
        "compass",
        "add_ambition",
        lambda w, a: compass.add_ambition(db_, actor=a, title="Ambitie"),
        ("participants", ("invullen",)),
    ),
    (
        "compass",
        "add_result",
        lambda w, a: compass.add_result(db_, actor=a, title="Resultaat", ambition_id=w.ambition_id),
        ("participants", ("invullen",)),
    ),
    (
        "compass",
        "update_ambition",
        lambda w, a: compass.update_ambition(
            db_, actor=a, ambition_id=w.ambition_id, rev=None, title="Anders"
        ),
        ("participants", ("invullen",)),
    ),
    (
        "compass",
        "add_activity",
        lambda w, a: compass.add_activity(db_, actor=a, title="Activiteit"),
        ("participants", ("invullen",)),
    ),
    (
        "matrix",
        "place_partner",
        lambda w, a: partners.place_partner(
            db_, actor=a, partner_id=w.partner_id, influence=0.7, dependency=0.2
        ),
        ("participants_not_facilitator", ("inschatten", "bespreken")),
    ),
    (
        "matrix",
        "add_partner",
        lambda w, a: partners.add_partner(db_, actor=a, name="Nieuwe partner"),
        FAC_ONLY,
    ),
    (
        "matrix",
        "set_agreed_position",
        lambda w, a: partners.set_agreed_position(
            db_, actor=a, partner_id=w.partner_id, influence=0.5, dependency=0.5
        ),
        FAC_ONLY,
    ),
    (
        "matrix",
        "set_direction",
        lambda w, a: partners.set_direction(
            db_, actor=a, partner_id=w.partner_id, direction="omhoog"
        ),
        FAC_ONLY,
    ),
    (
        "matrix",
        "delete_partner",
        lambda w, a: partners.delete_partner(db_, actor=a, partner_id=w.partner_id),
        FAC_ONLY,
    ),
    (
        "matrix",
        "reveal_placements",
        lambda w, a: partners.reveal_placements(db_, actor=a),
        FAC_ONLY,
    ),
]
db_ = None  # set per case; the lambdas above read it (keeps the table readable)


def expected(rule, actor: str, phase: str, locked: bool, tool: str) -> bool:
    if actor == "facilitator":
        return not (isinstance(rule, tuple) and rule[0] == "participants_not_facilitator")
    if rule == FAC_ONLY or actor in ("removed", "other_workshop", "no_token"):
        return False
    kind, phases = rule
    if kind == "author" and actor != "author":
        return False
    return participant_may(tool, phase, locked, phases)


CASES = [
    pytest.param(
        tool,
        name,
        call,
        rule,
        actor,
        phase,
        locked,
        id=f"{name}-{actor}-{phase}{'-slot' if locked else ''}",
    )
    for tool, name, call, rule in OPS
    for actor in ACTORS
    for phase in PHASES[tool]
    for locked in (False, True)
]


@pytest.mark.parametrize("tool, name, call, rule, actor, phase, locked", CASES)
def test_write_allowed_exactly_where_the_rules_say(tool, name, call, rule, actor, phase, locked):
    global db_
    world = build(tool, phase, locked)
    who = world.actors[actor]
    before = dump(world.engine)
    allowed = expected(rule, actor, phase, locked, tool)
    try:
        with writing(world.engine) as db:
            db_ = db
            call(world, who)
    except (NotAllowed, NotFound) as exc:
        assert not allowed, f"refused but should be allowed: {exc}"
        assert dump(world.engine) == before, "a refused write changed the database"
        assert str(exc) and "Traceback" not in str(exc)
        return
    except KompasError as exc:  # any other refusal is a failure of this table
        pytest.fail(f"{type(exc).__name__}: {exc}")
    finally:
        db_ = None
        world.engine.dispose()
    assert allowed, "allowed but the rules say no"


def test_compass_closed_to_participants_by_default():
    world = build("compass", "invullen", False)
    with writing(world.engine) as db:
        workshops.update_workshop(
            db, actor=world.actors["facilitator"], compass_open_to_participants=False
        )
    before = dump(world.engine)
    with pytest.raises(NotAllowed), writing(world.engine) as db:
        compass.add_ambition(db, actor=world.actors["author"], title="Ambitie")
    assert dump(world.engine) == before


def test_a_removed_actor_object_still_in_memory_is_refused():
    """A page that authenticated before the removal still holds the Actor: the domain
    re-checks in the transaction."""
    world = build("tree", "verzamelen", False)
    author = world.actors["author"]
    with writing(world.engine) as db:
        workshops.remove_participant(
            db, actor=world.actors["facilitator"], participant_id=author.participant_id
        )
    with pytest.raises(NotAllowed), writing(world.engine) as db:
        goaltree.add_node(db, actor=author, parent_id=world.domain_id, title="Toch nog")


def test_a_forged_facilitator_actor_from_another_workshop_finds_nothing():
    world = build("matrix", "inschatten", False)
    forged = replace(
        world.actors["facilitator"], workshop_id=world.actors["other_workshop"].workshop_id
    )
    before = dump(world.engine)
    with pytest.raises(NotFound), writing(world.engine) as db:
        partners.delete_partner(db, actor=forged, partner_id=world.partner_id, confirm=True)
    assert dump(world.engine) == before
