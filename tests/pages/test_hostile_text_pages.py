"""Hostile text typed by participants is shown literally on every page, for facilitator and
participant: no image, no link, no e-mail link, no HTML in any Markdown context (markdown,
captions, alerts, toasts, widget labels and help, expander and tab titles)."""

from __future__ import annotations

import re

import pytest

from kompas import compass, goaltree, partners, scan, workshops
from kompas.db import writing
from kompas.partners import relations
from kompas.ui.safe import BREAK
from kompas.workshops import Actor
from tests.pages.helpers import run_as, unescape

IMG = "![x](http://evil.test/leak.png)"
LINK = "[klik](javascript:alert(1))"
HTML = "<img src=x onerror=alert(1)><script>alert(2)</script>"
BARE = "zie http://evil.test/a en www.evil.test/b, mail@evil.test of <https://evil.test/c>"
HOSTILE = f"{IMG} {LINK} {HTML} :red[rood] $x^2$ {BARE}"

# After removing escaped characters (backslash + one char) and the empty directives that
# split addresses (see kompas.ui.safe.BREAK), none of these may remain.
DANGER = re.compile(r"!\[|\]\((?:http|javascript)|<img|<script|:red\[|javascript:")

PAGES = [
    "home.py",
    "pages/1_Doelenboom.py",
    "pages/2_Kwaliteitskompas.py",
    "pages/3_Partnermatrix.py",
    "pages/4_Verslag.py",
    "pages/6_Samenwerkingsscan.py",
]

# GitHub-flavoured Markdown links bare addresses after escapes are resolved, one text node
# at a time (mdast-util-gfm-autolink-literal); these are the starts it looks for.
AUTOLINK = re.compile(r"(?i)https?://|www\.|[\w.+-]@[\w-]+\.[\w-]")


def autolinked(markdown: str) -> list[str]:
    """The text nodes of ``markdown`` in which GFM would find an address to link."""
    return [
        node for node in (unescape(part) for part in markdown.split(BREAK)) if AUTOLINK.search(node)
    ]


MARKDOWN_KINDS = {
    "markdown",
    "caption",
    "title",
    "header",
    "subheader",
    "info",
    "warning",
    "error",
    "success",
    "toast",
    "exception",
}


def markdown_strings(at):
    """Every string Streamlit renders as Markdown on this page."""
    out = []

    def walk(node):
        kind = getattr(node, "type", "")
        if kind in MARKDOWN_KINDS:
            out.append((kind, str(getattr(node, "value", ""))))
        for attr in ("label", "help"):
            value = getattr(node, attr, None)
            if isinstance(value, str) and value:
                out.append((f"{kind}.{attr}", value))
        proto = getattr(node, "proto", None)
        for attr in ("label", "help", "body"):
            value = getattr(proto, attr, None) if proto is not None else None
            if isinstance(value, str) and value and kind not in ("text", "code"):
                out.append((f"{kind}.proto.{attr}", value))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


@pytest.fixture
def hostile(app_db):
    with writing(app_db) as db:
        new = workshops.create_workshop(
            db, title=f"Sessie {HOSTILE}"[:200], organisation="Gem <b>", theme=f"Doel {IMG}"
        )
        fac = Actor(new.workshop_id, None, True)
        me, token = workshops.join_workshop(
            db, code=new.code, name=f"{IMG} <b>"[:80], role_group="inwoner", organisation=LINK
        )
        workshops.update_workshop(
            db,
            actor=fac,
            compass_open_to_participants=True,
            conclusions=HOSTILE,
            open_questions=HOSTILE,
            votes_revealed=True,
            placements_revealed=True,
        )
        main = goaltree.main_goal(db, new.workshop_id).id
        domain = goaltree.add_node(
            db,
            actor=fac,
            parent_id=main,
            title=f"Domein {HOSTILE}"[:200],
            kind="domain",
            description=HOSTILE,
        )
        effect = goaltree.add_node(db, actor=fac, parent_id=domain, title=f"Effect {IMG}")
        goaltree.add_node(
            db, actor=me, parent_id=effect, title=f"Voorstel {HTML}"[:200], description=HOSTILE
        )
        pid = partners.add_partner(
            db, actor=fac, name=f"{IMG} <img src=x>", service=LINK, notes=HOSTILE
        )
        partners.place_partner(db, actor=me, partner_id=pid, influence=0.8, dependency=0.3)
        partners.set_agreed_position(db, actor=fac, partner_id=pid, influence=0.7, dependency=0.4)
        partners.set_direction(
            db,
            actor=fac,
            partner_id=pid,
            direction="rechts",
            rationale=HOSTILE,
            action=HOSTILE,
            owner=f"{IMG}"[:80],
            dissent=HOSTILE,
        )
        # relations, interests and the samenwerkingsscan
        iid = relations.add_interest(
            db, actor=me, partner_id=pid, kind="eigen", text_=f"Belang {LINK}"[:500]
        )
        relations.group_interest(db, actor=fac, interest_id=iid, grouping=f"{IMG}"[:80])
        relations.set_relation(
            db,
            actor=fac,
            partner_id=pid,
            rev=1,
            relation_now="beide",
            roles_agreements=HOSTILE,
            good_enough=HOSTILE,
        )
        scan.set_score(db, actor=me, statement_id="governance_grip", score=2)
        scan.reveal_scan(db, actor=fac)
        scan.set_conclusion(
            db, actor=fac, element="governance", conclusion=HOSTILE, action=HOSTILE, owner=IMG[:80]
        )
        amb = compass.add_ambition(
            db, actor=fac, title=f"Ambitie {IMG}", current_state=HOSTILE, monitoring=HOSTILE
        )
        res = compass.add_result(db, actor=fac, title=f"Resultaat {HTML}"[:200], ambition_id=amb)
        act = compass.add_activity(db, actor=fac, title=f"Activiteit {LINK}", partner_id=pid)
        compass.link_activity(db, actor=fac, activity_id=act, result_id=res)
        compass.add_indicator(db, actor=fac, result_id=res, name=f"Indicator {IMG}")
        compass.add_reflection(
            db,
            actor=fac,
            result_id=res,
            going_well=HOSTILE,
            could_be_better=HOSTILE,
            next_step=HOSTILE,
            owner=LINK,
        )
    return new, token


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["facilitator", "participant"])
def test_hostile_text_is_never_rendered(hostile, page, who):
    new, token = hostile
    at = run_as(
        page,
        code=new.code,
        **({"key": new.facilitator_key} if who == "facilitator" else {"token": token}),
    )
    assert not at.exception
    strings = markdown_strings(at)
    assert strings, "nothing collected: the walker is broken"
    bad = [
        (kind, s[:120])
        for kind, s in strings
        if DANGER.search(re.sub(r"\\.", "", s.replace(BREAK, "")))
    ]
    assert not bad, bad
    linked = [(kind, autolinked(s)) for kind, s in strings if autolinked(s)]
    assert not linked, linked
    shown = "\n".join(unescape(s) for _, s in strings)
    assert "www.evil.test/b" in shown, "the hostile text is not on the page: nothing was checked"


def test_the_walker_would_catch_an_unescaped_title(hostile):
    """Guard against a test that cannot fail: raw Markdown with the hostile text is caught."""
    assert DANGER.search(re.sub(r"\\.", "", HOSTILE))
    from kompas.ui.safe import esc

    assert not DANGER.search(re.sub(r"\\.", "", esc(HOSTILE).replace(BREAK, "")))
    # backslash escapes alone still leave every bare address to the autolinker
    plain = re.sub(r"([:.@/<>])", r"\\\1", BARE)
    assert len(autolinked(plain)) == 1 and autolinked(BARE)
    assert not autolinked(esc(HOSTILE)) and unescape(esc(HOSTILE)) == HOSTILE
