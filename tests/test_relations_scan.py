"""Opdrachtgever én partner (relation types, roles, good enough), interests added without a
name, and the samenwerkingsscan: scores, the anonymity threshold per role group, the
reveal, conclusions as decisions and actions, and the report."""

from __future__ import annotations

import pytest
from sqlmodel import select

from kompas import actions, partners, scan, summary, workshops
from kompas.db import reading, writing
from kompas.errors import Conflict, InvalidInput, NotAllowed, NotFound
from kompas.models import Interest, ScanConclusion, ScanScore
from kompas.partners import relations

pytestmark = pytest.mark.postgres


@pytest.fixture
def ws(make_workshop):
    ws = make_workshop()
    with writing(ws.engine) as db:
        ws.mee = partners.add_partner(db, actor=ws.facilitator, name="MEE Gelderse Poort")
    return ws


def rel(ws):
    with reading(ws.engine) as db:
        return {r.partner_id: r for r in relations.relations(db, ws.id)}


def state(ws, participant_id=None, facilitator=False):
    with reading(ws.engine) as db:
        return scan.scan_view(scan.scan_state(db, ws.id), participant_id, facilitator)


# --- relations ------------------------------------------------------------------------------


def test_relation_is_recorded_and_rev_checked(ws):
    row = rel(ws)[ws.mee]
    assert not row.recorded and row.relation_now == ""
    with writing(ws.engine) as db:
        relations.set_relation(
            db,
            actor=ws.facilitator,
            partner_id=ws.mee,
            rev=row.rev,
            relation_now="opdrachtgever",
            relation_desired="beide",
            roles_agreements="Wij betalen, MEE voert uit",
            good_enough="Wachttijd hooguit 4 weken",
        )
    row2 = rel(ws)[ws.mee]
    assert (row2.relation_now, row2.relation_desired) == ("opdrachtgever", "beide")
    assert row2.good_enough == "Wachttijd hooguit 4 weken" and row2.recorded
    with writing(ws.engine) as db, pytest.raises(Conflict):
        relations.set_relation(db, actor=ws.facilitator, partner_id=ws.mee, rev=row.rev)


@pytest.mark.parametrize("field", ["relation_now", "relation_desired"])
def test_relation_refuses_unknown_type(ws, field):
    rev = rel(ws)[ws.mee].rev
    with writing(ws.engine) as db, pytest.raises(InvalidInput, match="opdrachtgever"):
        relations.set_relation(
            db, actor=ws.facilitator, partner_id=ws.mee, rev=rev, **{field: "vriend"}
        )
    assert rel(ws)[ws.mee].rev == rev


def test_participant_cannot_set_relation(ws):
    anne = ws.join("Anne")
    with writing(ws.engine) as db, pytest.raises(NotAllowed):
        relations.set_relation(db, actor=anne, partner_id=ws.mee, rev=1, relation_now="partner")


# --- interests ------------------------------------------------------------------------------


def test_interests_are_added_without_a_name_and_grouped(ws):
    anne = ws.join("Anne")
    with writing(ws.engine) as db:
        first = relations.add_interest(
            db, actor=anne, partner_id=ws.mee, kind="eigen", text_="Eigen *continuïteit*"
        )
        relations.add_interest(
            db, actor=ws.facilitator, partner_id=ws.mee, kind="gedeeld", text_="Minder wachten"
        )
    # no author is stored: nobody, not even the database, knows who wrote what
    assert not {"author_id", "participant_id"} & {c.name for c in Interest.__table__.columns}
    with writing(ws.engine) as db:
        relations.group_interest(db, actor=ws.facilitator, interest_id=first, grouping="Geld")
    rows = rel(ws)[ws.mee].interests
    assert [(r.text, r.grouping) for r in rows] == [
        ("Eigen *continuïteit*", "Geld"),  # grouped first, the text literal
        ("Minder wachten", ""),
    ]
    with writing(ws.engine) as db, pytest.raises(NotAllowed):
        relations.group_interest(db, actor=anne, interest_id=first, grouping="x")
    with writing(ws.engine) as db:
        relations.delete_interest(db, actor=ws.facilitator, interest_id=first)
    assert len(rel(ws)[ws.mee].interests) == 1
    with writing(ws.engine) as db, pytest.raises(NotFound):
        relations.delete_interest(db, actor=ws.facilitator, interest_id=first)


@pytest.mark.parametrize("kind, body", [("welk", "Iets"), ("eigen", "   ")])
def test_bad_interest_changes_nothing(ws, kind, body):
    anne = ws.join("Anne")
    with writing(ws.engine) as db, pytest.raises(InvalidInput):
        relations.add_interest(db, actor=anne, partner_id=ws.mee, kind=kind, text_=body)
    assert rel(ws)[ws.mee].interests == ()


def test_interests_follow_the_matrix_lock_and_the_partner(ws):
    anne = ws.join("Anne")
    with writing(ws.engine) as db:
        workshops.set_lock(db, actor=ws.facilitator, tool="matrix", locked=True)
    with writing(ws.engine) as db, pytest.raises(NotAllowed):
        relations.add_interest(db, actor=anne, partner_id=ws.mee, kind="eigen", text_="Geld")
    with writing(ws.engine) as db:
        relations.add_interest(
            db, actor=ws.facilitator, partner_id=ws.mee, kind="eigen", text_="Geld"
        )
        partners.delete_partner(db, actor=ws.facilitator, partner_id=ws.mee)
    with reading(ws.engine) as db:
        assert db.exec(select(Interest)).all() == []


# --- the samenwerkingsscan ------------------------------------------------------------------


def test_statements_cover_the_three_elements():
    assert {s.element for s in scan.STATEMENTS} == {"strategie", "governance", "samenwerken"}
    assert len(set(scan.STATEMENT_IDS)) == len(scan.STATEMENTS)
    assert all(len(s.id) <= 40 and s.text.endswith(".") for s in scan.STATEMENTS)


@pytest.mark.parametrize("bad", [0, 6, 2.5, "vijf", None, True])
def test_scores_are_one_to_five(ws, bad):
    anne = ws.join("Anne")
    with writing(ws.engine) as db, pytest.raises(InvalidInput, match="1 tot en met 5"):
        scan.set_score(db, actor=anne, statement_id="governance_grip", score=bad)
    assert state(ws, anne.participant_id).own == {}


def test_only_participants_score_and_not_when_locked(ws):
    anne = ws.join("Anne")
    with writing(ws.engine) as db, pytest.raises(NotAllowed, match="deelnemers"):
        scan.set_score(db, actor=ws.facilitator, statement_id="governance_grip", score=3)
    with writing(ws.engine) as db, pytest.raises(InvalidInput, match="stelling"):
        scan.set_score(db, actor=anne, statement_id="bestaat_niet", score=3)
    with writing(ws.engine) as db:
        workshops.set_lock(db, actor=ws.facilitator, tool="matrix", locked=True)
    with writing(ws.engine) as db, pytest.raises(NotAllowed):
        scan.set_score(db, actor=anne, statement_id="governance_grip", score=3)


def test_score_is_replaced_not_added(ws):
    anne = ws.join("Anne")
    for value in (2, 4):
        with writing(ws.engine) as db:
            scan.set_score(db, actor=anne, statement_id="strategie_samen", score=value)
    assert state(ws, anne.participant_id).own == {"strategie_samen": 4}
    with reading(ws.engine) as db:
        assert len(db.exec(select(ScanScore)).all()) == 1


def test_figures_hidden_until_revealed(ws):
    anne, bram = ws.join("Anne"), ws.join("Bram")
    with writing(ws.engine) as db:
        scan.set_scores(db, actor=anne, scores={"strategie_samen": 2, "governance_grip": None})
        scan.set_score(db, actor=bram, statement_id="strategie_samen", score=4)
    assert state(ws, anne.participant_id).figures == ()
    assert state(ws, facilitator=True).figures_for("strategie_samen").mean == 3
    with writing(ws.engine) as db:
        scan.reveal_scan(db, actor=ws.facilitator)
    # two scores: the average would tell Anne what Bram gave, so only the count shows
    f = state(ws, anne.participant_id).figures_for("strategie_samen")
    assert (f.count, f.mean, f.groups) == (2, None, ())
    assert state(ws, anne.participant_id).respondents == 2
    cor = ws.join("Cor")
    with writing(ws.engine) as db:
        scan.set_score(db, actor=cor, statement_id="strategie_samen", score=3)
    f = state(ws, anne.participant_id).figures_for("strategie_samen")
    assert (f.count, f.mean, round(f.spread, 3)) == (3, 3, 0.816)


@pytest.mark.parametrize(
    "roles, shown",
    [
        (["gemeente"] * 3, ["gemeente"]),
        (["gemeente"] * 2, []),
        (["gemeente"] * 3 + ["aanbieder"] * 3, ["aanbieder", "gemeente"]),
        (["gemeente"] * 3 + ["aanbieder"] * 2, []),  # the 2 by subtraction
        (["gemeente"] * 4 + ["inwoner"], []),
        (["gemeente"] * 3 + ["aanbieder", "inwoner", "anders"], ["gemeente"]),
    ],
)
def test_scan_groups_need_three(ws, roles, shown):
    people = [ws.join(f"P{i}", role_group=role) for i, role in enumerate(roles)]
    for i, person in enumerate(people):
        with writing(ws.engine) as db:
            scan.set_score(db, actor=person, statement_id="samenwerken_teams", score=1 + i % 5)
    f = state(ws, facilitator=True).figures_for("samenwerken_teams")
    assert [g.role_group for g in f.groups] == shown
    assert all(g.count >= workshops.MIN_GROUP for g in f.groups)


def test_removed_participant_does_not_count(ws):
    anne, bram = ws.join("Anne"), ws.join("Bram")
    with writing(ws.engine) as db:
        scan.set_score(db, actor=anne, statement_id="strategie_samen", score=1)
        scan.set_score(db, actor=bram, statement_id="strategie_samen", score=5)
        workshops.remove_participant(db, actor=ws.facilitator, participant_id=bram.participant_id)
    assert state(ws, facilitator=True).figures_for("strategie_samen").count == 1


def test_conclusions_become_decisions_actions_and_report(ws):
    anne = ws.join("Anne")
    with writing(ws.engine) as db:
        scan.set_score(db, actor=anne, statement_id="governance_grip", score=2)
        rev = scan.set_conclusion(
            db,
            actor=ws.facilitator,
            element="governance",
            conclusion="Wie stuurt is onduidelijk",
            action="Rollen van gemeente en partners op papier",
            owner="Wethouder",
        )
    with writing(ws.engine) as db, pytest.raises(Conflict):
        scan.set_conclusion(db, actor=ws.facilitator, element="governance", conclusion="x")
    with writing(ws.engine) as db, pytest.raises(InvalidInput):
        scan.set_conclusion(db, actor=ws.facilitator, element="geld", conclusion="x", rev=rev)
    with reading(ws.engine) as db:
        items = actions.collect(db, ws.id)
        decided = actions.decisions(db, ws.id)
        report = summary.build(db, ws.id)
    item = next(i for i in items if i.source == "scan")
    assert (item.about, item.owner, item.status) == ("Governance", "Wethouder", "niet gestart")
    assert ("scan", "Governance: Wie stuurt is onduidelijk") in [
        (d.source, d.text) for d in decided
    ]
    with writing(ws.engine) as db:
        actions.set_status(db, ws.id, item.key, "loopt", "Gestart in januari")
    with reading(ws.engine) as db:
        assert db.exec(select(ScanConclusion)).one().status == "loopt"
    section = next(s for s in report.sections if s.key == "scan")
    text = repr(section.blocks)
    assert "Wie stuurt is onduidelijk" in text and "grip op het netwerk" in text


def test_report_leaves_out_unused_relations_and_scan(ws):
    with reading(ws.engine) as db:
        keys = [s.key for s in summary.build(db, ws.id).sections]
    assert "scan" not in keys and "relations" not in keys
