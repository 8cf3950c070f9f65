"""Time one AppTest run of the Doelenboom page with a large workshop (300 nodes).

Prints JSON: {"nodes": 300, "runs": N, "median_ms": …, "p90_ms": …,
"after_change_median_ms": …, "target_ms": 300}. ``median_ms`` is a run with nothing
changed (a live tick, a click); ``after_change_median_ms`` the first run after a write,
when the tree, the priorities and the chart spec are read again.
Run: python bench/bench_tree_page.py [--nodes 300] [--runs 15]
``seed_tree`` is also used to fill a database for screenshots.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kompas import goaltree, workshops  # noqa: E402
from kompas.db import make_engine, writing  # noqa: E402
from kompas.models import Partner  # noqa: E402

WORDS = (
    "Inwoners",
    "Jongeren",
    "Ouderen",
    "Gezinnen",
    "Mantelzorgers",
    "Statushouders",
    "Werkzoekenden",
    "Kinderen",
    "Buurtbewoners",
    "Vrijwilligers",
)
CHANGES = (
    "voelen zich minder eenzaam",
    "vinden sneller passende hulp dichtbij huis",
    "hebben minder problematische schulden",
    "doen mee op school en werk",
    "wonen langer veilig en zelfstandig thuis",
    "bewegen meer en leven gezonder",
)
ACTIONS = (
    "Buurtkamer",
    "Huisbezoeken",
    "Maatjesproject",
    "Taalcafé",
    "Vroegsignalering",
    "Gezinscoach",
    "Werkfit-traject",
    "Inloopspreekuur",
    "Sportcoach",
    "Schuldhulpmaatje",
)


def seed_tree(
    engine,
    nodes: int = 300,
    *,
    participants: int = 40,
    phase: str = "resultaat",
    revealed: bool = True,
) -> workshops.NewWorkshop:
    """A workshop with the six template domains and about ``nodes`` nodes (effects and
    activities), partners, some proposals, dots from ``participants`` people."""
    with writing(engine) as db:
        new = workshops.create_workshop(
            db, title="Grote werksessie sociaal domein", theme="Iedereen telt mee en doet mee"
        )
        fac = workshops.Actor(new.workshop_id, None, True)
        goaltree.apply_template(db, actor=fac)
        partner_ids = []
        for i, name in enumerate(
            (
                "Welzijn Oost",
                "Sociaal Wijkteam",
                "MEE",
                "GGD",
                "Bibliotheek",
                "Woonstichting",
                "Jongerenwerk",
                "Schuldhulp",
            )
        ):
            p = Partner(workshop_id=new.workshop_id, name=name, position=i)
            db.add(p)
            db.flush()
            partner_ids.append(p.id)
        root = goaltree.main_goal(db, new.workshop_id).id
        goaltree.add_node(
            db,
            actor=fac,
            parent_id=root,
            kind="vision",
            title="Inwoners wonen zelfstandig, hebben een netwerk en doen mee naar vermogen",
        )
        domains = [
            n.id for n in goaltree.tree_view(db, new.workshop_id).nodes if n.kind == "domain"
        ]
        people = [
            workshops.join_workshop(
                db,
                code=new.code,
                name=f"Deelnemer {i}",
                role_group=("gemeente", "aanbieder", "inwoner")[i % 3],
            )[0]
            for i in range(participants)
        ]
        count, effects, activities, k = 8, [], [], 0
        while count < nodes:
            domain = domains[k % len(domains)]
            effect = goaltree.add_node(
                db,
                actor=fac,
                parent_id=domain,
                title=f"{WORDS[k % len(WORDS)]} {CHANGES[k % len(CHANGES)]} ({k + 1})",
            )
            effects.append(effect)
            count += 1
            for j in range(3):
                if count >= nodes:
                    break
                actor = people[(k + j) % len(people)] if j == 2 else fac
                act = goaltree.add_node(
                    db,
                    actor=actor,
                    parent_id=effect,
                    title=f"{ACTIONS[(k + j) % len(ACTIONS)]} in de wijk {k + j}",
                    partner_id=partner_ids[(k + j) % len(partner_ids)] if actor is fac else None,
                )
                activities.append(act)
                count += 1
            k += 1
        workshops.update_workshop(db, actor=fac, vote_level="both")
        workshops.set_phase(db, actor=fac, tool="tree", phase="stemmen")
    with writing(engine) as db:
        votable = [
            n.id
            for n in goaltree.tree_view(db, new.workshop_id).nodes
            if n.kind in ("effect", "activity") and n.status == "accepted"
        ]
        for i, person in enumerate(people):
            for d in range(5):
                goaltree.cast_vote(
                    db, actor=person, node_id=votable[(i * 7 + d * 13) % len(votable)]
                )
        workshops.update_workshop(db, actor=fac, votes_revealed=revealed)
        workshops.set_phase(db, actor=fac, tool="tree", phase=phase)
    return new


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=300)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{tmp / 'bench.db'}"
    os.environ["KOMPAS_DATABASE_URL"] = url
    os.chdir(ROOT)
    engine = make_engine(url)
    new = seed_tree(engine, args.nodes)

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "pages" / "1_Doelenboom.py"), default_timeout=60)
    at.query_params["code"] = new.code
    at.query_params["f"] = new.facilitator_key
    at.run()  # warm-up: imports, engine, caches
    if at.exception:
        raise SystemExit(f"page failed: {at.exception}")
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    # a run right after a change: reads and the chart spec are rebuilt (cache miss)
    from kompas import live

    changed = []
    for _ in range(max(5, args.runs // 3)):
        with writing(engine) as db:
            live.touch(db, new.workshop_id)
        start = time.perf_counter()
        at.run()
        changed.append((time.perf_counter() - start) * 1000)
    outline = "\n".join(m.value for m in at.markdown)
    if at.exception or outline.count("**Activiteit:**") < args.nodes // 2:
        raise SystemExit("page did not render the whole tree")
    times.sort()
    after = statistics.median(changed)
    print(
        json.dumps(
            {
                "bench": "tree_page",
                "nodes": args.nodes,
                "runs": args.runs,
                "median_ms": round(statistics.median(times), 1),
                "p90_ms": round(times[int(0.9 * (len(times) - 1))], 1),
                "after_change_median_ms": round(after, 1),
                "load_average_1m": round(os.getloadavg()[0], 2),
                "target_ms": 300,
                # The target is for one page run; judged on the heavier run after a change.
                "ok": after <= 300,
            }
        )
    )


if __name__ == "__main__":
    main()
