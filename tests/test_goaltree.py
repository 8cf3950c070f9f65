"""Goal tree rules: proposals, moderation, moves, merges, dot votes and priorities."""

from __future__ import annotations

import json
import threading

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlmodel import select

from kompas import goaltree as g, workshops
from kompas.db import reading, writing
from kompas.errors import Conflict, InvalidInput, KompasError, NotAllowed, NotFound
from kompas.models import Activity, GoalNode, Partner, Result, Vote
from tests.conftest import fresh_engine

pytestmark = pytest.mark.postgres


class Tree:
    """A workshop with the template domains, one effect and one activity per domain."""

    def __init__(self, make_workshop, **settings_):
        self.ws = make_workshop()
        self.engine = self.ws.engine
        self.fac = self.ws.facilitator
        self.anne = self.ws.join("Anne", "gemeente")
        self.bram = self.ws.join("Bram", "aanbieder")
        self.cas = self.ws.join("Cas", "inwoner")
        self.run(g.apply_template, actor=self.fac)
        view = self.view()
        self.root = view.root.id
        self.domains = [n.id for n in view.nodes if n.kind == "domain"]
        self.effect = self.run(
            g.add_node, actor=self.fac, parent_id=self.domains[0], title="Minder eenzaamheid"
        )
        self.effect2 = self.run(
            g.add_node, actor=self.fac, parent_id=self.domains[1], title="Gezonder leven"
        )
        self.activity = self.run(
            g.add_node, actor=self.fac, parent_id=self.effect, title="Buurtkamer"
        )
        if settings_:
            self.run(workshops.update_workshop, actor=self.fac, **settings_)

    def run(self, fn, **kwargs):
        with writing(self.engine) as db:
            return fn(db, **kwargs)

    def view(self, viewer=None):
        with reading(self.engine) as db:
            return g.tree_view(db, self.ws.id, viewer)

    def phase(self, phase):
        self.run(workshops.set_phase, actor=self.fac, tool="tree", phase=phase)

    def node(self, node_id):
        with reading(self.engine) as db:
            return db.get(GoalNode, node_id)

    def rev(self, node_id):
        return self.node(node_id).rev

    def prio(self):
        with reading(self.engine) as db:
            return g.priorities(db, self.ws.id)


@pytest.fixture
def tree(make_workshop):
    return Tree(make_workshop)


# --- adding ------------------------------------------------------------------------------


def test_new_workshop_has_main_goal_and_template_adds_six_domains(tree):
    view = tree.view()
    assert view.root.kind == "main_goal"
    assert [n.title for n in view.nodes if n.kind == "domain"] == list(g.TEMPLATE_DOMAINS)
    assert tree.run(g.apply_template, actor=tree.fac) == 0  # idempotent


def test_participant_proposal_is_shown_as_proposal_with_role(tree):
    node_id = tree.run(
        g.add_node, actor=tree.bram, parent_id=tree.domains[2], title="Mantelzorg ontlasten"
    )
    node = tree.view().node(node_id)
    assert (node.status, node.kind, node.author_role, node.depth) == (
        "proposal",
        "effect",
        "aanbieder",
        2,
    )
    facilitator_node = tree.view().node(tree.effect)
    assert (facilitator_node.status, facilitator_node.author_role) == (
        "accepted",
        "procesbegeleider",
    )


@pytest.mark.parametrize(
    "title, error, message",
    [
        ("", InvalidInput, "mag niet leeg zijn"),
        ("   \n ", InvalidInput, "mag niet leeg zijn"),
        ("x" * 201, InvalidInput, "te lang: 201 tekens, maximaal 200"),
        ("x" * 200, None, None),
        ("**vet** <script>alert(1)</script>", None, None),
    ],
)
def test_title_rules(tree, title, error, message):
    if error is None:
        node_id = tree.run(g.add_node, actor=tree.anne, parent_id=tree.root, title=title)
        assert tree.view().node(node_id).title == title
    else:
        with pytest.raises(error, match=message):
            tree.run(g.add_node, actor=tree.anne, parent_id=tree.root, title=title)


@pytest.mark.parametrize(
    "phase, locked, who, allowed",
    [
        ("verzamelen", False, "anne", True),
        ("ordenen", False, "anne", False),
        ("stemmen", False, "anne", False),
        ("resultaat", False, "anne", False),
        ("gesloten", False, "anne", False),
        ("verzamelen", True, "anne", False),
        ("ordenen", False, "fac", True),
        ("gesloten", True, "fac", True),
    ],
)
def test_who_may_add_in_which_phase(tree, phase, locked, who, allowed):
    tree.phase(phase)
    tree.run(workshops.set_lock, actor=tree.fac, tool="tree", locked=locked)
    actor = getattr(tree, who)
    if allowed:
        assert tree.run(g.add_node, actor=actor, parent_id=tree.effect, title="Nieuw")
    else:
        with pytest.raises(NotAllowed):
            tree.run(g.add_node, actor=actor, parent_id=tree.effect, title="Nieuw")


@pytest.mark.parametrize(
    "parent, kind, ok",
    [
        ("root", None, "domain"),
        ("root", "vision", "vision"),
        ("domain", None, "effect"),
        ("effect", None, "activity"),
        ("activity", None, None),
        ("domain", "activity", None),
        ("root", "effect", None),
    ],
)
def test_kinds_under_parents(tree, parent, kind, ok):
    parent_id = {
        "root": tree.root,
        "domain": tree.domains[0],
        "effect": tree.effect,
        "activity": tree.activity,
    }[parent]
    if ok:
        node_id = tree.run(g.add_node, actor=tree.fac, parent_id=parent_id, title="T", kind=kind)
        assert tree.node(node_id).kind == ok
    else:
        with pytest.raises(InvalidInput):
            tree.run(g.add_node, actor=tree.fac, parent_id=parent_id, title="T", kind=kind)


def test_parent_from_other_workshop_is_not_found(tree, make_workshop):
    other = make_workshop(title="Ander")
    with reading(tree.engine) as db:
        other_root = g.main_goal(db, other.id).id
    with pytest.raises(NotFound):
        tree.run(g.add_node, actor=tree.anne, parent_id=other_root, title="Inbraak")


def test_removed_participant_cannot_add(tree):
    tree.run(workshops.remove_participant, actor=tree.fac, participant_id=tree.anne.participant_id)
    with pytest.raises(NotAllowed, match="verwijderd"):
        tree.run(g.add_node, actor=tree.anne, parent_id=tree.root, title="Nog één")


def test_activity_partner_must_be_of_this_workshop(tree, make_workshop):
    with writing(tree.engine) as db:
        own = Partner(workshop_id=tree.ws.id, name="Welzijn Oost")
        other_ws = make_workshop(title="Ander")
        foreign = Partner(workshop_id=other_ws.id, name="Elders")
        db.add_all([own, foreign])
        db.flush()
        own_id, foreign_id = own.id, foreign.id
    node_id = tree.run(
        g.add_node, actor=tree.fac, parent_id=tree.effect, title="Maatje", partner_id=own_id
    )
    assert tree.view().node(node_id).partner_name == "Welzijn Oost"
    with pytest.raises(NotFound):
        tree.run(
            g.add_node, actor=tree.fac, parent_id=tree.effect, title="X", partner_id=foreign_id
        )
    with pytest.raises(InvalidInput, match="Alleen een activiteit"):
        tree.run(
            g.add_node, actor=tree.fac, parent_id=tree.domains[0], title="X", partner_id=own_id
        )


# --- editing and withdrawing -------------------------------------------------------------


@pytest.mark.parametrize(
    "editor, author, status, phase, allowed",
    [
        ("anne", "anne", "proposal", "verzamelen", True),
        ("anne", "anne", "proposal", "ordenen", True),
        ("anne", "anne", "proposal", "stemmen", False),
        ("anne", "bram", "proposal", "verzamelen", False),
        ("anne", "anne", "accepted", "verzamelen", False),
        ("anne", "fac", "accepted", "verzamelen", False),
        ("fac", "bram", "proposal", "stemmen", True),
        ("fac", "fac", "accepted", "gesloten", True),
    ],
)
def test_edit_and_withdraw_rules(tree, editor, author, status, phase, allowed):
    node_id = tree.run(
        g.add_node, actor=getattr(tree, author), parent_id=tree.root, title="Origineel"
    )
    if status == "accepted" and author != "fac":
        tree.run(g.accept_node, actor=tree.fac, node_id=node_id)
    tree.phase(phase)
    actor = getattr(tree, editor)
    if allowed:
        tree.run(g.edit_node, actor=actor, node_id=node_id, rev=tree.rev(node_id), title="Nieuw")
        assert tree.node(node_id).title == "Nieuw"
        tree.run(g.delete_node, actor=actor, node_id=node_id)
        assert tree.node(node_id) is None
    else:
        with pytest.raises(NotAllowed):
            tree.run(
                g.edit_node, actor=actor, node_id=node_id, rev=tree.rev(node_id), title="Nieuw"
            )
        with pytest.raises(NotAllowed):
            tree.run(g.delete_node, actor=actor, node_id=node_id)
        assert tree.node(node_id).title == "Origineel"


def test_stale_rev_is_a_conflict(tree):
    rev = tree.rev(tree.effect)
    tree.run(g.edit_node, actor=tree.fac, node_id=tree.effect, rev=rev, title="Eerste")
    with pytest.raises(Conflict, match="intussen door iemand anders gewijzigd"):
        tree.run(g.edit_node, actor=tree.fac, node_id=tree.effect, rev=rev, title="Tweede")
    assert tree.node(tree.effect).title == "Eerste"


def test_title_edit_renames_linked_compass_items(tree):
    with writing(tree.engine) as db:
        db.add(Result(workshop_id=tree.ws.id, title="Minder eenzaamheid", goal_node_id=tree.effect))
        db.add(Activity(workshop_id=tree.ws.id, title="Buurtkamer", goal_node_id=tree.activity))
    tree.run(
        g.edit_node,
        actor=tree.fac,
        node_id=tree.effect,
        rev=tree.rev(tree.effect),
        title="Minder inwoners voelen zich eenzaam",
    )
    tree.run(
        g.edit_node,
        actor=tree.fac,
        node_id=tree.activity,
        rev=tree.rev(tree.activity),
        title="Buurtkamer De Linde",
    )
    with reading(tree.engine) as db:
        assert db.execute(select(Result.title)).scalar() == "Minder inwoners voelen zich eenzaam"
        assert db.execute(select(Activity.title)).scalar() == "Buurtkamer De Linde"


def test_participant_cannot_withdraw_proposal_with_children(tree):
    mine = tree.run(g.add_node, actor=tree.anne, parent_id=tree.domains[0], title="Mijn effect")
    tree.run(g.add_node, actor=tree.fac, parent_id=mine, title="Iets eronder")
    with pytest.raises(NotAllowed, match="andere onderdelen"):
        tree.run(g.delete_node, actor=tree.anne, node_id=mine)


def test_main_goal_cannot_be_deleted_or_moved(tree):
    with pytest.raises(NotAllowed):
        tree.run(g.delete_node, actor=tree.fac, node_id=tree.root)
    with pytest.raises(NotAllowed):
        tree.run(g.move_node, actor=tree.fac, node_id=tree.root, new_parent_id=tree.domains[0])


def test_facilitator_delete_removes_subtree_votes_and_unlinks_compass(tree):
    with writing(tree.engine) as db:
        db.add(Result(workshop_id=tree.ws.id, title="R", goal_node_id=tree.effect))
    tree.phase("stemmen")
    tree.run(g.cast_vote, actor=tree.anne, node_id=tree.effect)
    tree.phase("ordenen")
    tree.run(g.delete_node, actor=tree.fac, node_id=tree.domains[0])
    ids = {n.id for n in tree.view().nodes}
    assert not ids & {tree.domains[0], tree.effect, tree.activity}
    with reading(tree.engine) as db:
        assert db.execute(select(Vote)).first() is None
        assert db.execute(select(Result.goal_node_id)).scalar() is None


# --- moderation: accept, move, merge --------------------------------------------------------


def test_accept_proposal_and_its_proposed_parent(tree):
    parent = tree.run(g.add_node, actor=tree.anne, parent_id=tree.domains[0], title="Effect A")
    child = tree.run(g.add_node, actor=tree.anne, parent_id=parent, title="Activiteit A")
    tree.run(g.accept_node, actor=tree.fac, node_id=child)
    assert tree.node(child).status == tree.node(parent).status == "accepted"
    with pytest.raises(NotAllowed):
        tree.run(g.accept_node, actor=tree.anne, node_id=child)


@pytest.mark.parametrize(
    "node, new_parent, expect",
    [
        ("activity", "effect2", "activity"),  # plain move
        ("effect", "domain2", "effect"),  # with its activity below it
        ("domain3", "domain2", "effect"),  # a domain under a domain becomes an effect
        ("domain0", "domain1", "leaf"),  # ... but not with activities two levels down
        ("effect", "effect", "cycle"),  # under itself
        ("domain0", "activity", "cycle"),  # under its own descendant
        ("effect", "activity2", "leaf"),  # nothing can stand under an activity
        ("domain0", "effect2", "leaf"),  # its effect would land under an activity
    ],
)
def test_move_rules(tree, node, new_parent, expect):
    tree.activity2 = tree.run(g.add_node, actor=tree.fac, parent_id=tree.effect2, title="Sport")
    names = {
        "activity": tree.activity,
        "effect": tree.effect,
        "effect2": tree.effect2,
        "domain0": tree.domains[0],
        "domain1": tree.domains[1],
        "domain2": tree.domains[2],
        "domain3": tree.domains[3],
        "activity2": tree.activity2,
    }
    node_id, parent_id = names[node], names[new_parent]
    tree.phase("stemmen")
    tree.run(g.cast_vote, actor=tree.bram, node_id=tree.effect)
    if expect == "cycle":
        with pytest.raises(InvalidInput, match="onder zichzelf"):
            tree.run(g.move_node, actor=tree.fac, node_id=node_id, new_parent_id=parent_id)
    elif expect == "leaf":
        with pytest.raises(InvalidInput, match="kan niets staan"):
            tree.run(g.move_node, actor=tree.fac, node_id=node_id, new_parent_id=parent_id)
        assert tree.node(node_id).kind != "activity" or node == "activity"
    else:
        tree.run(
            g.move_node,
            actor=tree.fac,
            node_id=node_id,
            new_parent_id=parent_id,
            rev=tree.rev(node_id),
        )
        moved = tree.view().node(node_id)
        assert (moved.parent_id, moved.kind) == (parent_id, expect)
        if node != "activity":
            assert tree.view().node(tree.activity).parent_id == tree.effect  # subtree kept
        with reading(tree.engine) as db:
            assert db.execute(select(Vote.node_id)).scalar() == tree.effect  # votes kept


def test_participant_cannot_move_or_merge(tree):
    with pytest.raises(NotAllowed):
        tree.run(g.move_node, actor=tree.anne, node_id=tree.activity, new_parent_id=tree.effect2)
    with pytest.raises(NotAllowed):
        tree.run(g.merge_nodes, actor=tree.anne, keep_id=tree.effect, merge_id=tree.effect2)


def test_merge_moves_children_votes_links_and_keeps_alias(make_workshop):
    tree = Tree(make_workshop, max_votes_per_node=2, vote_budget=5)
    dup = tree.run(
        g.add_node, actor=tree.fac, parent_id=tree.domains[0], title="Eenzaamheid verminderen"
    )
    under_dup = tree.run(g.add_node, actor=tree.fac, parent_id=dup, title="Maatjesproject")
    with writing(tree.engine) as db:
        db.add(Result(workshop_id=tree.ws.id, title="R", goal_node_id=dup))
    tree.phase("stemmen")
    for actor, node, times in (
        (tree.anne, tree.effect, 2),
        (tree.anne, dup, 2),
        (tree.bram, tree.effect, 1),
        (tree.bram, dup, 1),
        (tree.cas, dup, 2),
    ):
        for _ in range(times):
            tree.run(g.cast_vote, actor=actor, node_id=node)
    tree.run(g.merge_nodes, actor=tree.fac, keep_id=tree.effect, merge_id=dup)

    kept = tree.node(tree.effect)
    assert json.loads(kept.aliases) == ["Eenzaamheid verminderen"]
    assert tree.node(dup) is None
    assert tree.node(under_dup).parent_id == tree.effect
    with reading(tree.engine) as db:
        votes = dict(
            db.execute(
                select(Vote.participant_id, Vote.count).where(Vote.node_id == tree.effect)
            ).all()
        )
        assert db.execute(select(Result.goal_node_id)).scalar() == tree.effect
    # Anne had 2+2: capped at 2, her other 2 dots are back in her budget
    assert votes == {
        tree.anne.participant_id: 2,
        tree.bram.participant_id: 2,
        tree.cas.participant_id: 2,
    }
    assert tree.view(tree.anne.participant_id).my_remaining == 3
    assert tree.view().node(tree.effect).aliases == ("Eenzaamheid verminderen",)


@pytest.mark.parametrize(
    "keep, merge, error",
    [
        ("effect", "effect", InvalidInput),
        ("effect", "root", NotAllowed),
        ("activity", "effect", InvalidInput),  # keep stands under the merged node
    ],
)
def test_merge_refusals(tree, keep, merge, error):
    names = {"effect": tree.effect, "root": tree.root, "activity": tree.activity}
    with pytest.raises(error):
        tree.run(g.merge_nodes, actor=tree.fac, keep_id=names[keep], merge_id=names[merge])


# --- votes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "level, node, ok",
    [
        ("effect", "effect", True),
        ("effect", "activity", False),
        ("activity", "activity", True),
        ("activity", "effect", False),
        ("both", "effect", True),
        ("both", "activity", True),
        ("both", "domain", False),
        ("both", "root", False),
    ],
)
def test_vote_level(make_workshop, level, node, ok):
    tree = Tree(make_workshop, vote_level=level)
    tree.phase("stemmen")
    node_id = {
        "effect": tree.effect,
        "activity": tree.activity,
        "domain": tree.domains[0],
        "root": tree.root,
    }[node]
    if ok:
        assert tree.run(g.cast_vote, actor=tree.anne, node_id=node_id) == 4
    else:
        with pytest.raises(NotAllowed, match="Je stemt nu op"):
            tree.run(g.cast_vote, actor=tree.anne, node_id=node_id)


@pytest.mark.parametrize(
    "phase, locked, who, message",
    [
        ("verzamelen", False, "anne", "fase"),
        ("ordenen", False, "anne", "fase"),
        ("resultaat", False, "anne", "fase"),
        ("gesloten", False, "anne", "gesloten"),
        ("stemmen", True, "anne", "op slot"),
        ("stemmen", False, "fac", "stemt niet mee"),
    ],
)
def test_vote_refused_outside_voting(tree, phase, locked, who, message):
    tree.phase(phase)
    tree.run(workshops.set_lock, actor=tree.fac, tool="tree", locked=locked)
    with pytest.raises(NotAllowed, match=message):
        tree.run(g.cast_vote, actor=getattr(tree, who), node_id=tree.effect)


def test_vote_on_proposal_refused(tree):
    proposal = tree.run(g.add_node, actor=tree.anne, parent_id=tree.domains[0], title="Voorstel")
    tree.phase("stemmen")
    with pytest.raises(NotAllowed, match="nog een voorstel"):
        tree.run(g.cast_vote, actor=tree.bram, node_id=proposal)


def test_budget_and_per_node_maximum(make_workshop):
    tree = Tree(make_workshop, vote_budget=3, max_votes_per_node=2)
    tree.phase("stemmen")
    tree.run(g.cast_vote, actor=tree.anne, node_id=tree.effect)
    tree.run(g.cast_vote, actor=tree.anne, node_id=tree.effect)
    with pytest.raises(NotAllowed, match="Meer dan 2 per onderdeel"):
        tree.run(g.cast_vote, actor=tree.anne, node_id=tree.effect)
    assert tree.run(g.cast_vote, actor=tree.anne, node_id=tree.effect2) == 0
    with pytest.raises(NotAllowed, match="al je 3 stippen gebruikt"):
        tree.run(g.cast_vote, actor=tree.anne, node_id=tree.effect2)
    assert tree.run(g.remove_vote, actor=tree.anne, node_id=tree.effect) == 1
    with pytest.raises(NotAllowed, match="geen stip"):
        tree.run(g.remove_vote, actor=tree.bram, node_id=tree.effect)
    assert tree.view(tree.anne.participant_id).my_votes == ((tree.effect, 1), (tree.effect2, 1))


def test_votes_hidden_until_revealed_but_voters_counted(tree):
    tree.phase("stemmen")
    tree.run(g.cast_vote, actor=tree.anne, node_id=tree.effect)
    tree.run(g.cast_vote, actor=tree.bram, node_id=tree.effect)
    hidden = tree.view()
    assert hidden.node(tree.effect).total is None and hidden.node(tree.effect).by_role == ()
    assert (hidden.voters, hidden.participants) == (2, 3)
    assert tree.view(tree.anne.participant_id).my_count(tree.effect) == 1
    tree.run(workshops.update_workshop, actor=tree.fac, votes_revealed=True)
    shown = tree.view().node(tree.effect)
    assert shown.total == 2
    # one voter per role group: dots per role would tell how each of them voted
    assert shown.by_role == ()


def test_priorities_ranked_with_role_totals_and_agreed(make_workshop):
    tree = Tree(make_workshop, vote_level="both")
    tree.phase("stemmen")
    for actor in (tree.anne, tree.bram, tree.cas):
        tree.run(g.cast_vote, actor=actor, node_id=tree.effect)
    tree.run(g.cast_vote, actor=tree.anne, node_id=tree.effect2)
    tree.run(g.cast_vote, actor=tree.bram, node_id=tree.activity)
    tree.run(g.set_agreed, actor=tree.fac, node_id=tree.effect2, agreed=True)
    rows = tree.prio()  # regardless of reveal
    assert [(r.rank, r.title, r.total) for r in rows] == [
        (1, "Minder eenzaamheid", 3),
        (2, "Gezonder leven", 1),
        (2, "Buurtkamer", 1),
    ]
    assert rows[0].by_role == ()  # one voter per role group (tests/test_privacy.py: from 3)
    assert rows[1].agreed and not rows[0].agreed
    assert rows[2].domain_title == "Onderwijs" and rows[2].parent_title == "Minder eenzaamheid"
    with pytest.raises(NotAllowed):
        tree.run(g.set_agreed, actor=tree.anne, node_id=tree.effect, agreed=True)


def test_concurrent_voters_never_exceed_budget(file_engine):
    with writing(file_engine) as db:
        new = workshops.create_workshop(db, title="Gelijktijdig", vote_budget=3)
        fac = workshops.Actor(new.workshop_id, None, True)
        g.apply_template(db, actor=fac)
        anne, _ = workshops.join_workshop(db, code=new.code, name="Anne", role_group="gemeente")
        workshops.update_workshop(db, actor=fac, max_votes_per_node=20)
        workshops.set_phase(db, actor=fac, tool="tree", phase="stemmen")
    with writing(file_engine) as db:
        domain = g.tree_view(db, new.workshop_id).nodes[1].id
        effect = g.add_node(db, actor=fac, parent_id=domain, title="E")
    refused = []

    def vote():
        try:
            with writing(file_engine) as db:
                g.cast_vote(db, actor=anne, node_id=effect)
        except KompasError as exc:
            refused.append(str(exc))

    threads = [threading.Thread(target=vote) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with reading(file_engine) as db:
        assert db.execute(select(Vote.count)).scalar() == 3
    assert len(refused) == 9 and all("stippen gebruikt" in r for r in refused)


# --- property: any sequence of cast/unvote keeps budgets and totals -----------------------


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ops=st.lists(
        st.tuples(st.sampled_from(["cast", "remove"]), st.integers(0, 2), st.integers(0, 3)),
        max_size=40,
    ),
    budget=st.integers(1, 6),
    per_node=st.integers(1, 3),
)
def test_any_vote_sequence_stays_within_budget(ops, budget, per_node):
    engine = fresh_engine()
    with writing(engine) as db:
        new = workshops.create_workshop(db, title="Eigenschap", vote_budget=budget)
        fac = workshops.Actor(new.workshop_id, None, True)
        g.apply_template(db, actor=fac)
        people = [
            workshops.join_workshop(db, code=new.code, name=f"P{i}", role_group=r)[0]
            for i, r in enumerate(("gemeente", "aanbieder", "inwoner"))
        ]
        domains = [n.id for n in g.tree_view(db, new.workshop_id).nodes if n.kind == "domain"]
        effects = [g.add_node(db, actor=fac, parent_id=d, title=f"E{d}") for d in domains[:4]]
        workshops.update_workshop(db, actor=fac, max_votes_per_node=per_node, votes_revealed=True)
        workshops.set_phase(db, actor=fac, tool="tree", phase="stemmen")
    model: dict[tuple[int, int], int] = {}
    for op, who, which in ops:
        actor, node = people[who], effects[which]
        key = (who, which)
        try:
            with writing(engine) as db:
                fn = g.cast_vote if op == "cast" else g.remove_vote
                fn(db, actor=actor, node_id=node)
        except NotAllowed:
            used = sum(c for (p, _), c in model.items() if p == who)
            assert (op == "cast" and (used >= budget or model.get(key, 0) >= per_node)) or (
                op == "remove" and model.get(key, 0) == 0
            )
            continue
        model[key] = model.get(key, 0) + (1 if op == "cast" else -1)
    with reading(engine) as db:
        view = g.tree_view(db, new.workshop_id)
        rows = db.execute(select(Vote.participant_id, Vote.node_id, Vote.count)).all()
        prio = g.priorities(db, new.workshop_id)
    for i, person in enumerate(people):
        assert sum(c for p, _, c in rows if p == person.participant_id) <= budget
        with reading(engine) as db:
            mine = g.tree_view(db, new.workshop_id, person.participant_id)
        assert mine.my_remaining == budget - sum(c for (p, _), c in model.items() if p == i)
    assert all(0 < c <= per_node for _, _, c in rows)
    for j, effect in enumerate(effects):
        expected = sum(c for (_, w), c in model.items() if w == j)
        assert view.node(effect).total == expected
        per_role = dict(view.node(effect).by_role)
        assert not per_role or sum(per_role.values()) == expected
    assert sum(r.total for r in prio) == sum(c for _, _, c in rows)
    engine.dispose()


def test_a_vote_refusal_speaks_the_voters_language(engine, make_workshop):
    ws = make_workshop()
    with writing(engine) as db:
        main = g.main_goal(db, ws.id).id
        domain = g.add_node(db, actor=ws.facilitator, parent_id=main, title="Armoede")
        effect = g.add_node(db, actor=ws.facilitator, parent_id=domain, title="Minder armoede")
        sam, _ = workshops.join_workshop(
            db, code=ws.code, name="Sam", role_group="inwoner", language="en"
        )
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="stemmen")
        workshops.update_workshop(db, actor=ws.facilitator, vote_budget=1)
    with writing(engine) as db:
        g.cast_vote(db, actor=sam, node_id=effect)
    with pytest.raises(NotAllowed, match="You have used all your 1 dots"), writing(engine) as db:
        g.cast_vote(db, actor=sam, node_id=effect)
    anne = ws.join("Anne")
    with writing(engine) as db:
        g.cast_vote(db, actor=anne, node_id=effect)
    with pytest.raises(NotAllowed, match="Je hebt al je 1 stippen gebruikt"), writing(engine) as db:
        g.cast_vote(db, actor=anne, node_id=effect)
