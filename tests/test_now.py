"""The facilitator's "now": which tool (and phase) everyone should be at."""

import pytest

from kompas import live, partners, workshops
from kompas.db import reading, writing
from kompas.demo import create_demo
from kompas.errors import InvalidInput, NotAllowed
from kompas.workshop_info import workshop_info

pytestmark = pytest.mark.postgres


def _info(engine, ws):
    with reading(engine) as db:
        return workshop_info(db, ws.id)


def test_new_workshop_has_no_now(engine, make_workshop):
    assert _info(engine, make_workshop()).now_tool == ""


def test_facilitator_sets_now_with_phase(engine, make_workshop):
    ws = make_workshop()
    with writing(engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="tree", phase="stemmen")
    info = _info(engine, ws)
    assert info.now_tool == "tree" and info.phases["tree"] == "stemmen"
    with writing(engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="matrix")
    info = _info(engine, ws)
    assert info.now_tool == "matrix" and info.phases["tree"] == "stemmen"
    with writing(engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="")
    assert _info(engine, ws).now_tool == ""


def test_now_bumps_the_workshop_part(engine, make_workshop):
    ws = make_workshop()
    before = live.versions_of(engine, ws.id, mode="database")["workshop"]
    with writing(engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="compass")
    assert live.versions_of(engine, ws.id, mode="database")["workshop"] > before


@pytest.mark.parametrize(
    "tool, phase, error",
    [
        ("boom", None, InvalidInput),
        ("tree", "invullen", InvalidInput),
        ("", "stemmen", InvalidInput),
    ],
)
def test_bad_now_is_refused_and_changes_nothing(engine, make_workshop, tool, phase, error):
    ws = make_workshop()
    with pytest.raises(error):
        with writing(engine) as db:
            workshops.set_now(db, actor=ws.facilitator, tool=tool, phase=phase)
    info = _info(engine, ws)
    assert info.now_tool == "" and info.phases["tree"] == "verzamelen"


def test_participant_may_not_set_now(engine, make_workshop):
    ws = make_workshop()
    anne = ws.join("Anne")
    with pytest.raises(NotAllowed):
        with writing(engine) as db:
            workshops.set_now(db, actor=anne, tool="tree")
    assert _info(engine, ws).now_tool == ""


def test_demo_matrix_lets_a_newcomer_place_at_once(engine):
    """Revealed placements, an agreed position per partner, and a phase that allows placing."""
    with writing(engine) as db:
        new = create_demo(db)
    with writing(engine) as db:
        info = workshop_info(db, new.workshop_id)
        state = partners.matrix_state(db, new.workshop_id)
        newcomer, _ = workshops.join_workshop(db, code=new.code, name="Nieuw", role_group="inwoner")
    assert info.phases["matrix"] in partners.PLACE_PHASES and info.placements_revealed
    assert {p.id for p in state.partners} == set(dict(state.agreed))
    first = state.partners[0].id
    with writing(engine) as db:
        partners.place_partner(db, actor=newcomer, partner_id=first, influence=0.8, dependency=0.2)
