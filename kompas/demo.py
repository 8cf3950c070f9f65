"""The demo workshop: a fictional municipality with content in all three tools."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from sqlmodel import Session, select

from kompas import live
from kompas.demo_data import AGREED, PARTICIPANTS, PARTNERS, TREE, VISION
from kompas.demo_lenses import add_demo_lenses_and_scan
from kompas.labels import DEFAULT_QUADRANTS
from kompas.models import (
    Activity,
    ActivityResult,
    Ambition,
    Direction,
    GoalNode,
    Indicator,
    Measurement,
    Participant,
    Partner,
    Placement,
    Reflection,
    Result,
    Vote,
    Workshop,
)
from kompas.workshops import NewWorkshop, create_workshop, hash_secret, new_secret


def create_demo(db: Session, *, seed: int = 7) -> NewWorkshop:
    """Create the demo workshop and return its code and facilitator key."""
    rng = random.Random(seed)
    new = create_workshop(
        db,
        title="Werksessie sociaal domein 2027",
        organisation="Gemeente Lingewaarden",
        theme="Iedereen telt mee en doet mee",
        vote_budget=5,
    )
    ws = db.get(Workshop, new.workshop_id)
    ws.phase_tree, ws.votes_revealed, ws.vote_level = "resultaat", True, "effect"
    ws.phase_compass, ws.compass_open_to_participants = "bespreken", True
    # a phase where participants can still place, so a newcomer can try the drag at once
    ws.phase_matrix, ws.placements_revealed = "bespreken", True
    ws.quadrant_labels = json.dumps(list(DEFAULT_QUADRANTS))
    ws.conclusions = (
        "Eenzaamheid en schulden krijgen de meeste stippen. De groep wil minder "
        "versnippering in het jongerenwerk en een tweede aanbieder voor "
        "specialistische jeugdhulp."
    )
    ws.open_questions = (
        "Welke indicator gebruiken we voor 'hulp snel en dichtbij'?\n"
        "Wie trekt het convenant vroegsignalering?"
    )
    ws.session_date = date(2026, 11, 24)
    ws.place = "Gemeentehuis Lingewaarden, raadszaal"
    ws.purpose = "Samen kiezen welke resultaten voorgaan en hoe we met partners verder gaan."
    ws.next_session_date = date(2027, 2, 9)
    ws.decisions = "Het jongerenwerk wordt vanaf 2028 één opdracht aan één aanbieder."

    people = []
    for name, role, org in PARTICIPANTS:
        p = Participant(
            workshop_id=ws.id,
            name=name,
            role_group=role,
            organisation=org,
            token_hash=hash_secret(new_secret()),
        )
        db.add(p)
        people.append(p)
    partners = []
    for i, (name, service, kind, value, notes) in enumerate(PARTNERS):
        partner = Partner(
            workshop_id=ws.id,
            name=name,
            service=service,
            kind=kind,
            notes=notes,
            contract_value_cents=None if value is None else value * 100,
            position=i,
        )
        db.add(partner)
        partners.append(partner)
    db.flush()

    main = db.exec(
        select(GoalNode).where(GoalNode.workshop_id == ws.id, GoalNode.kind == "main_goal")
    ).one()
    main.description = "Het integrale hoofddoel voor het hele sociaal domein."
    db.add(
        GoalNode(
            workshop_id=ws.id,
            parent_id=main.id,
            kind="vision",
            title="Beoogde nieuwe werkelijkheid",
            description=VISION,
            position=0,
        )
    )
    effects: list[GoalNode] = []
    activity_nodes: list[tuple[GoalNode, int]] = []
    for d_pos, (domain, domain_effects) in enumerate(TREE, start=1):
        d = GoalNode(
            workshop_id=ws.id, parent_id=main.id, kind="domain", title=domain, position=d_pos
        )
        db.add(d)
        db.flush()
        for e_pos, (effect, activities) in enumerate(domain_effects):
            e = GoalNode(
                workshop_id=ws.id, parent_id=d.id, kind="effect", title=effect, position=e_pos
            )
            db.add(e)
            db.flush()
            effects.append(e)
            for a_pos, (activity, partner_ix) in enumerate(activities):
                a = GoalNode(
                    workshop_id=ws.id,
                    parent_id=e.id,
                    kind="activity",
                    title=activity,
                    position=a_pos,
                    partner_id=partners[partner_ix].id,
                )
                db.add(a)
                activity_nodes.append((a, partner_ix))
    # Two proposals from participants, as left after the collect phase.
    db.add(
        GoalNode(
            workshop_id=ws.id,
            parent_id=effects[2].id,
            kind="activity",
            status="proposal",
            title="Maatjesproject met vrijwilligers",
            author_id=people[6].id,
            position=9,
        )
    )
    db.add(
        GoalNode(
            workshop_id=ws.id,
            parent_id=effects[9].id,
            kind="activity",
            status="proposal",
            title="Budgetcursus op het mbo",
            author_id=people[4].id,
            position=9,
        )
    )
    db.flush()

    # Dot voting on effects: popular themes get more dots.
    weights = {2: 6, 9: 5, 6: 4, 4: 3, 7: 2, 0: 2}
    for person in people:
        left = 5
        order = sorted(range(len(effects)), key=lambda i: -(weights.get(i, 1) + rng.random() * 3))
        for ix in order:
            if left == 0:
                break
            count = min(2, left, 1 + (weights.get(ix, 0) > 3))
            db.add(
                Vote(
                    workshop_id=ws.id, node_id=effects[ix].id, participant_id=person.id, count=count
                )
            )
            left -= count
    effects[2].agreed_priority = True
    effects[9].agreed_priority = True

    _demo_compass(db, ws.id, partners, effects, activity_nodes)

    for ix, partner in enumerate(partners):
        infl, dep, direction, why, action, owner = AGREED[ix]
        db.add(
            Placement(
                workshop_id=ws.id,
                partner_id=partner.id,
                participant_id=None,
                influence=infl,
                dependency=dep,
            )
        )
        spread = 0.25 if ix in (6, 8) else 0.1
        for person in people[: 6 + ix % 3]:
            db.add(
                Placement(
                    workshop_id=ws.id,
                    partner_id=partner.id,
                    participant_id=person.id,
                    influence=_clamp(infl + rng.uniform(-spread, spread)),
                    dependency=_clamp(dep + rng.uniform(-spread, spread)),
                )
            )
        db.add(
            Direction(
                workshop_id=ws.id,
                partner_id=partner.id,
                direction=direction,
                rationale=why,
                action=action,
                owner=owner,
                review_date=date(2027, 3 + ix % 6, 1),
                dissent="Aanbieders zien minder overlap dan de gemeente." if ix == 8 else "",
            )
        )
    db.flush()
    add_demo_lenses_and_scan(db, ws, people, partners, rng)  # Stade lens, relations, scan
    live.touch(db, ws.id)
    return new


def _clamp(v: float) -> float:
    return round(min(1.0, max(0.0, v)), 3)


def _demo_compass(db: Session, workshop_id: int, partners, effects, activity_nodes) -> None:
    ambitions = [
        Ambition(
            workshop_id=workshop_id,
            position=0,
            title="Minder eenzaamheid",
            current_state="Een op de tien volwassenen voelt zich ernstig eenzaam; bij 75-plussers meer.",
            monitoring="GGD Gezondheidsmonitor 2022: 11,2% ernstig eenzaam.",
        ),
        Ambition(
            workshop_id=workshop_id,
            position=1,
            title="Kinderen groeien gezond en veilig op",
            current_state="Meer jeugdhulp dan in vergelijkbare gemeenten; lange wachttijden.",
            monitoring="Jeugdmonitor CBS: 13,1% van de jongeren heeft jeugdhulp.",
        ),
        Ambition(
            workshop_id=workshop_id,
            position=2,
            title="Financieel gezond huishouden",
            current_state="Schulden worden laat gemeld; gemiddeld na vijf jaar.",
            monitoring="Vroegsignalering: 640 signalen in 2024.",
        ),
    ]
    db.add_all(ambitions)
    db.flush()
    results = [
        Result(
            workshop_id=workshop_id,
            ambition_id=ambitions[0].id,
            position=0,
            goal_node_id=effects[2].id,
            title="Over 3 jaar voelen minder inwoners zich ernstig eenzaam",
        ),
        Result(
            workshop_id=workshop_id,
            ambition_id=ambitions[0].id,
            position=1,
            title="Ouderen hebben een netwerk om op terug te vallen",
        ),
        Result(
            workshop_id=workshop_id,
            ambition_id=ambitions[1].id,
            position=0,
            goal_node_id=effects[6].id,
            title="Kinderen groeien veilig op",
        ),
        Result(
            workshop_id=workshop_id,
            ambition_id=ambitions[2].id,
            position=0,
            goal_node_id=effects[9].id,
            title="Minder huishoudens hebben problematische schulden",
        ),
    ]
    db.add_all(results)
    db.flush()
    indicators = [
        (
            results[0],
            "Volwassenen die zich ernstig eenzaam voelen",
            "%",
            11.2,
            2022,
            9.0,
            2027,
            False,
            "GGD Gezondheidsmonitor",
            [(10.8, date(2024, 10, 1))],
        ),
        (
            results[0],
            "Bezoekers buurtkamers per week",
            "aantal",
            120,
            2023,
            250,
            2026,
            True,
            "Registratie Welzijn Lingewaarden",
            [(160, date(2024, 6, 30)), (210, date(2025, 6, 30))],
        ),
        (
            results[1],
            "75-plussers met een huisbezoek",
            "%",
            35,
            2023,
            70,
            2026,
            True,
            "Registratie ouderenadvies",
            [],
        ),
        (
            results[2],
            "Jongeren met jeugdhulp",
            "%",
            13.1,
            2023,
            11.0,
            2027,
            False,
            "CBS Jeugdmonitor",
            [(13.6, date(2025, 1, 1))],
        ),
        (
            results[2],
            "Meldingen huiselijk geweld opgepakt binnen 5 dagen",
            "%",
            70,
            2023,
            90,
            2026,
            True,
            "Veilig Thuis",
            [(82, date(2025, 3, 1))],
        ),
        (
            results[3],
            "Huishoudens met problematische schulden",
            "%",
            8.4,
            2022,
            7.0,
            2027,
            False,
            "Nibud / CBS",
            [(8.1, date(2024, 12, 31))],
        ),
        (
            results[3],
            "Wachttijd schuldhulp (dagen)",
            "dagen",
            42,
            2023,
            21,
            2026,
            False,
            "Schuldhulp Rivierenland",
            [(35, date(2025, 5, 1))],
        ),
    ]
    for pos, (result, name, unit, bv, by, tv, ty, hib, source, measures) in enumerate(indicators):
        ind = Indicator(
            workshop_id=workshop_id,
            result_id=result.id,
            name=name,
            unit=unit,
            baseline_value=bv,
            baseline_year=by,
            target_value=tv,
            target_year=ty,
            higher_is_better=hib,
            source=source,
            position=pos,
        )
        db.add(ind)
        db.flush()
        for value, when in measures:
            db.add(Measurement(indicator_id=ind.id, value=value, measured_on=when, source=source))

    node_of = {a.title: a for a, _ in activity_nodes}
    # title, partner index, budget euro, results, method, training, conditions, proven
    acts = [
        (
            "Huisbezoeken bij 75-plussers",
            0,
            185_000,
            [0, 1],
            "Methode 'Welzijn op recept'",
            "Vrijwilligers getraind in gesprekstechniek",
            "Coördinator per kern",
            "deels",
        ),
        (
            "Buurtkamers in elke kern",
            0,
            240_000,
            [0],
            "Buurtkamer-aanpak Movisie",
            "",
            "Ruimte in dorpshuizen",
            "ja",
        ),
        (
            "Gezinscoaches in het wijkteam",
            1,
            620_000,
            [2],
            "Signs of Safety",
            "Jaarlijkse scholing",
            "Caseload maximaal 12 gezinnen",
            "ja",
        ),
        ("Specialistische jeugdhulp", 6, 2_450_000, [2], "", "", "", "onbekend"),
        (
            "Vroegsignalering betalingsachterstanden",
            5,
            95_000,
            [3],
            "Convenant vroegsignalering",
            "",
            "Gegevensdeling geregeld",
            "ja",
        ),
        (
            "Schuldhulp binnen drie weken",
            7,
            410_000,
            [3],
            "Wet gemeentelijke schuldhulpverlening",
            "Schuldhulpverleners NVVK-gecertificeerd",
            "",
            "deels",
        ),
        (
            "Jongerenwerk in de avonduren",
            8,
            160_000,
            [],
            "Jongerenwerk-methodiek",
            "",
            "",
            "onbekend",
        ),
    ]
    for pos, (title, p_ix, euro, res_ix, method, training, conditions, proven) in enumerate(acts):
        node = node_of.get(title)
        act = Activity(
            workshop_id=workshop_id,
            title=title,
            partner_id=partners[p_ix].id,
            budget_cents=euro * 100,
            quality_method=method,
            quality_training=training,
            quality_conditions=conditions,
            proven_effective=proven,
            position=pos,
            goal_node_id=node.id if node else None,
        )
        db.add(act)
        db.flush()
        for r in res_ix:
            db.add(ActivityResult(activity_id=act.id, result_id=results[r].id, weight=1.0))
        if pos == 1:
            out = Indicator(
                workshop_id=workshop_id,
                activity_id=act.id,
                name="Unieke bezoekers per maand",
                unit="aantal",
                baseline_value=300,
                baseline_year=2023,
                target_value=600,
                target_year=2026,
                higher_is_better=True,
                source="Turflijsten",
            )
            db.add(out)
            db.flush()
            db.add(
                Measurement(
                    indicator_id=out.id,
                    value=450,
                    measured_on=date(2025, 6, 1),
                    source="Turflijsten",
                )
            )
            story = Indicator(
                workshop_id=workshop_id,
                activity_id=act.id,
                name="Verhalen van bezoekers",
                kind="vertellen",
                source="Interviews",
            )
            db.add(story)
            db.flush()
            db.add(
                Measurement(
                    indicator_id=story.id,
                    measured_on=date(2025, 6, 1),
                    source="Interviews",
                    story="'Sinds de buurtkamer ken ik mijn buren weer.' (bezoeker, 81 jaar)",
                )
            )
    db.add(
        Reflection(
            workshop_id=workshop_id,
            result_id=results[0].id,
            going_well="Buurtkamers trekken steeds meer bezoekers.",
            could_be_better="We bereiken mannen en mensen met een migratieachtergrond slecht.",
            next_step="Samen met moskee en sportclubs een aanbod ontwikkelen.",
            owner="Welzijn Lingewaarden",
            due_date=date.today() + timedelta(days=120),
        )
    )
    db.add(
        Reflection(
            workshop_id=workshop_id,
            result_id=results[3].id,
            going_well="Vroegsignalering vindt huishoudens eerder.",
            could_be_better="Wachttijd voor schuldhulp is nog te lang.",
            next_step="Extra schuldhulpverlener inzetten tot de wachtlijst weg is.",
            owner="Mohamed El Amrani",
            due_date=date.today() + timedelta(days=60),
        )
    )
