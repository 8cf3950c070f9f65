"""The demo workshop's other lenses: a round in the Stade lens, relation types and interests
per partner, and a samenwerkingsscan that everyone filled in (revealed, so the spread per
role group shows). Called from kompas.demo.create_demo."""

from __future__ import annotations

import random

from sqlmodel import Session

from kompas.models import (
    Direction,
    Interest,
    Participant,
    Partner,
    Placement,
    ScanConclusion,
    ScanScore,
    Workshop,
)
from kompas.partners.lenses import STURING_NETWERK
from kompas.scan import STATEMENTS

# partner index -> (sturing, netwerkpositie) agreed in the Stade lens, or None (placed only)
STADE = {
    0: (0.30, 0.80),  # Welzijn: facilitated, many partners -> productive partnership
    1: (0.75, 0.70),
    6: (0.85, 0.25),  # Jeugdzorg: tightly steered, stand-alone -> good commissioning
    7: None,
    8: None,
}
STADE_DIRECTION = (
    0,
    "omlaag",
    "Welzijn werkt met veel partners; strak sturen op uren remt dat.",
    "Subsidie op gedeelde resultaten in plaats van op uren",
    "Sanne de Vries",
)

# partner index -> (now, desired, roles and agreements, good enough)
RELATIONS = {
    0: (
        "opdrachtgever",
        "partner",
        "Samen de opgave in de wijk bepalen; de gemeente faciliteert.",
        "",
    ),
    1: ("beide", "beide", "Gemeente stuurt op toegang, het wijkteam op de inhoud.", ""),
    6: (
        "opdrachtgever",
        "opdrachtgever",
        "Heldere opdracht per traject, kwartaalgesprek over productie.",
        "Wachttijd voor specialistische jeugdhulp hooguit 6 weken.",
    ),
}

# partner index -> [(kind, text, grouping)]
INTERESTS = {
    0: [
        ("gedeeld", "Minder eenzaamheid bij ouderen in de kernen", "Inwoners"),
        ("gedeeld", "Vrijwilligers die lang blijven", "Inwoners"),
        ("eigen", "Zekerheid over subsidie voor meer dan één jaar", "Geld"),
    ],
    6: [
        ("eigen", "Genoeg trajecten om gespecialiseerde mensen te houden", "Geld"),
        ("gedeeld", "Jongeren zo dicht mogelijk bij huis helpen", ""),
    ],
}

CONCLUSION = (
    "governance",
    "Als financier, opdrachtgever en uitvoerder tegelijk is de gemeente niet altijd "
    "duidelijk over wie stuurt.\nAanbieders willen meer vertrouwen en minder verantwoording.",
    "Rollen van gemeente en aanbieders per opdracht op papier zetten",
    "Mohamed El Amrani",
)


def _clamp(v: float) -> float:
    return round(min(1.0, max(0.0, v)), 3)


def add_demo_lenses_and_scan(
    db: Session,
    workshop: Workshop,
    people: list[Participant],
    partners: list[Partner],
    rng: random.Random,
) -> None:
    lens = STURING_NETWERK.id
    for ix, agreed in STADE.items():
        centre = agreed or (0.5, 0.5)
        for person in people[:6]:
            db.add(
                Placement(
                    workshop_id=workshop.id,
                    partner_id=partners[ix].id,
                    participant_id=person.id,
                    influence=_clamp(centre[0] + rng.uniform(-0.2, 0.2)),
                    dependency=_clamp(centre[1] + rng.uniform(-0.2, 0.2)),
                    lens=lens,
                )
            )
        if agreed is not None:
            db.add(
                Placement(
                    workshop_id=workshop.id,
                    partner_id=partners[ix].id,
                    participant_id=None,
                    influence=agreed[0],
                    dependency=agreed[1],
                    lens=lens,
                )
            )
    ix, direction, why, action, owner = STADE_DIRECTION
    db.add(
        Direction(
            workshop_id=workshop.id,
            partner_id=partners[ix].id,
            direction=direction,
            rationale=why,
            action=action,
            owner=owner,
            lens=lens,
        )
    )
    for ix, (now, desired, roles, enough) in RELATIONS.items():
        p = partners[ix]
        p.relation_now, p.relation_desired = now, desired
        p.roles_agreements, p.good_enough = roles, enough
    for ix, rows in INTERESTS.items():
        for kind, text, grouping in rows:
            db.add(
                Interest(
                    workshop_id=workshop.id,
                    partner_id=partners[ix].id,
                    kind=kind,
                    text=text,
                    grouping=grouping,
                )
            )
    # the scan: governance scores lower for providers than for the municipality
    for person in people:
        for s in STATEMENTS:
            base = 3.0 + (0.6 if person.role_group == "gemeente" else 0.0)
            if s.element == "governance" and person.role_group == "aanbieder":
                base -= 1.2
            score = int(min(5, max(1, round(base + rng.uniform(-1.0, 1.0)))))
            db.add(
                ScanScore(
                    workshop_id=workshop.id,
                    participant_id=person.id,
                    statement=s.id,
                    score=score,
                )
            )
    element, conclusion, action, owner = CONCLUSION
    db.add(
        ScanConclusion(
            workshop_id=workshop.id,
            element=element,
            conclusion=conclusion,
            action=action,
            owner=owner,
        )
    )
    workshop.scan_revealed = True
