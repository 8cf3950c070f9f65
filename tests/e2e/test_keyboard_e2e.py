"""Keyboard only, in Chromium (issue 17): a participant and a facilitator do their whole
flow with key presses and nothing else. After ``page.goto`` every interaction is
``page.keyboard.press``/``type`` (no click, fill, focus or mouse); each focus stop that
is used must show its focus, and each step must reach the database."""

from __future__ import annotations

import re
import time

import pytest
from sqlmodel import select

from kompas import goaltree, partners, scan, workshops
from kompas.db import reading, writing
from kompas.models import GoalNode, Participant, Vote, Workshop
from tests.conftest import Workshopper
from tests.e2e.conftest import wait_app

# The focused element, also inside a custom component's shadow root (the matrix).
ACTIVE = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
}"""
# A short description of the focused element, for failure messages.
DESCRIBE = """(el) => {
  if (!el) return "(nothing)";
  const box = el.closest && el.closest('[class*="st-key-"]');
  const key = box ? [...box.classList].find((c) => c.startsWith("st-key-")).slice(7) : "";
  const label = el.labels && el.labels[0] ? el.labels[0].textContent : "";
  const name = (el.getAttribute("aria-label") || label || el.textContent || "").trim().slice(0, 40);
  return `${el.tagName.toLowerCase()}${key ? "@" + key : ""} "${name.replace(/\\s+/g, " ")}"`;
}"""
# Is the focus visible? Buttons and links: an outline or a box-shadow on the element;
# text fields and select boxes: BaseWeb draws the field's border in the primary colour;
# a radio button or a toggle: its hidden native input is covered, so its label must
# show it; a matrix dot: its ring gets a stroke.
FOCUS_SHOWN = """(el) => {
  if (!el) return false;
  if (el.matches("g.dot")) {
    const ring = el.querySelector("circle.ring");
    const stroke = ring && getComputedStyle(ring).stroke;
    return Boolean(stroke) && stroke !== "none" && stroke !== "transparent"
      && stroke !== "rgba(0, 0, 0, 0)";
  }
  if (el.matches('input[type="radio"], input[type="checkbox"]')) el = el.closest("label") || el;
  const own = getComputedStyle(el);
  if (own.outlineStyle !== "none" && parseFloat(own.outlineWidth) > 0) return true;
  if (own.boxShadow !== "none") return true;
  if (el.matches("input, textarea")) {
    for (let e = el.parentElement, i = 0; e && i < 3; e = e.parentElement, i++) {
      if (getComputedStyle(e).borderTopColor === "rgb(31, 95, 139)") return true;
    }
  }
  return false;
}"""


def _active(page, fn: str):
    return page.evaluate(f"() => ({fn})(({ACTIVE})())")


def tab_to(page, predicate_js: str, max_presses: int = 80) -> None:
    """Press Tab until the focused element satisfies ``predicate_js`` (a JS function of
    the element); fails listing the focus path. The focus must then be visible."""
    wait_app(page)
    path = []
    for presses in range(max_presses + 1):
        if _active(page, predicate_js):
            break
        path.append(_active(page, DESCRIBE))
        if presses == max_presses:
            raise AssertionError(
                f"after {max_presses} Tabs the focus never reached {predicate_js}; "
                "it went: " + " → ".join(path)
            )
        page.keyboard.press("Tab")
    assert_focus_visible(page)


def assert_focus_visible(page) -> None:
    try:  # a field's border colour fades in: wait a moment for it
        page.wait_for_function(f"() => ({FOCUS_SHOWN})(({ACTIVE})())", timeout=3000)
    except Exception:
        raise AssertionError("focus not visible on " + _active(page, DESCRIBE)) from None


def keyed(key: str, tag: str = "", text: str = "") -> str:
    """A predicate: the element is (inside) the widget with this Streamlit key, is a
    ``tag`` (any when empty) and its text or label contains ``text``."""
    tag_ok = f'el.tagName === "{tag.upper()}"' if tag else "true"
    return f"""(el) => Boolean(el && el.closest && el.closest(".st-key-{key}") && {tag_ok}
      && ((el.getAttribute("aria-label") || "") + " " + el.textContent).includes({text!r}))"""


def link(text: str, where: str) -> str:
    """A predicate: a link whose text contains ``text`` inside ``where`` (a CSS selector)."""
    return f"""(el) => Boolean(el && el.tagName === "A" && el.closest({where!r})
      && el.textContent.includes({text!r}))"""


def dot(partner_id: int) -> str:
    return f"""(el) => Boolean(el && el.matches && el.matches('g.dot[data-id="{partner_id}"]'))"""


def eventually(read, expect, timeout: float = 20.0):
    """Poll the database until ``read()`` gives ``expect`` (or, a function, until it holds
    for the value); returns the last value."""
    done = expect if callable(expect) else (lambda got: got == expect)
    deadline = time.monotonic() + timeout
    while True:
        got = read()
        if done(got) or time.monotonic() > deadline:
            return got
        time.sleep(0.2)


def read(server, fn):
    with reading(server.engine) as db:
        return fn(db)


def choose(page, text: str) -> None:
    """In a focused select box: type to filter, Enter to take the highlighted option."""
    page.keyboard.type(text)
    page.wait_for_selector('[role="option"]')
    page.keyboard.press("Enter")


@pytest.fixture
def ws(server):
    ws = Workshopper(server.engine, title="Toetsenbord", theme="Iedereen telt mee").with_template(
        "MEE Gelderse Poort"
    )
    ws.mee = ws.partner
    return ws


def test_participant_flow_with_keys_only(server, new_page, ws):
    with writing(server.engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="tree")
    page = new_page()
    page.goto(f"{server.url}/?code={ws.code}")

    # join: name, role from the select box, Meedoen
    tab_to(page, keyed("join_name", "input"))
    page.keyboard.type("Kees Toets")
    tab_to(page, keyed("join_role", "input"))
    choose(page, "Inwoner")
    tab_to(page, keyed("join_submit", "button", "Meedoen"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*[?&]p="))
    kees = read(
        server,
        lambda db: db.execute(
            select(Participant).where(
                Participant.workshop_id == ws.id, Participant.name == "Kees Toets"
            )
        ).scalar_one(),
    )
    assert kees.role_group == "inwoner"

    # to the Doelenboom through the "now" banner
    tab_to(page, link("Ga naar Doelenboom", ".st-key-now_banner"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/Doelenboom\?.*p="))
    page.locator(".st-key-node_title").wait_for()

    # propose an effect under the first domain
    tab_to(page, keyed("node_title", "input"))
    page.keyboard.type("Buurtkamer met toetsenbord")
    tab_to(page, keyed("node_parent", "input"))
    choose(page, ws.domain_title)
    tab_to(page, keyed("node_submit", "button", "Toevoegen"))
    page.keyboard.press("Enter")

    def proposal(db):
        return db.execute(
            select(GoalNode.id, GoalNode.parent_id, GoalNode.status, GoalNode.author_id).where(
                GoalNode.title == "Buurtkamer met toetsenbord"
            )
        ).one_or_none()

    node = eventually(lambda: read(server, proposal), lambda got: got is not None)
    assert node is not None, "the proposal did not reach the database"
    assert (node.parent_id, node.status, node.author_id) == (ws.domain, "proposal", kees.id)

    # the facilitator opens voting; two dots with Enter and Space
    with writing(server.engine) as db:
        goaltree.accept_node(db, actor=ws.facilitator, node_id=node.id)
        workshops.update_workshop(db, actor=ws.facilitator, vote_level="both", vote_budget=5)
        workshops.set_phase(db, actor=ws.facilitator, tool="tree", phase="stemmen")
    page.locator(f".st-key-vote_{node.id} button").first.wait_for(timeout=15000)

    def my_votes(db):
        return db.execute(
            select(Vote.count).where(Vote.node_id == node.id, Vote.participant_id == kees.id)
        ).scalar_one_or_none()

    tab_to(page, keyed(f"vote_{node.id}", "button", "Stip erbij"))
    page.keyboard.press("Enter")
    assert eventually(lambda: read(server, my_votes), 1) == 1
    page.locator(".st-key-tree_budget").get_by_text("nog 4 van 5 over").wait_for()
    tab_to(page, keyed(f"vote_{node.id}", "button", "Stip erbij"))
    page.keyboard.press(" ")
    assert eventually(lambda: read(server, my_votes), 2) == 2

    # to the Partnermatrix through the banner, and move a partner with the arrows
    with writing(server.engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="matrix")
    page.locator(".st-key-now_banner").get_by_text("Ga naar Partnermatrix").wait_for(timeout=15000)
    tab_to(page, link("Ga naar Partnermatrix", ".st-key-now_banner"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/Partnermatrix\?.*p="))
    page.locator(f'g.dot[data-id="{ws.mee}"]').wait_for(state="attached")
    tab_to(page, dot(ws.mee))
    for key in ("ArrowUp", "ArrowUp", "ArrowRight"):
        page.keyboard.press(key)

    def own(db):
        mine = partners.matrix_view(db, ws.id, kees.id, False).own.get(ws.mee)
        return None if mine is None else (mine.influence, mine.dependency)

    assert eventually(lambda: read(server, own), (0.6, 0.55)) == (
        pytest.approx(0.6),
        pytest.approx(0.55),
    )

    # to the Samenwerkingsscan through the sidebar; score the first statement 4
    tab_to(page, link("Samenwerkingsscan", '[data-testid="stSidebar"]'))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/Samenwerkingsscan\?.*p="))
    first = scan.STATEMENTS[0].id
    page.locator(f".st-key-scan_{first}").wait_for()
    tab_to(page, keyed(f"scan_{first}", "input"))
    page.keyboard.press(" ")  # the first choice, 1
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    tab_to(page, keyed("scan_submit", "button", "Scores opslaan"))
    page.keyboard.press("Enter")

    def score(db):
        return scan.scan_view(scan.scan_state(db, ws.id), kees.id, False).own.get(first)

    assert eventually(lambda: read(server, score), 4) == 4


def test_facilitator_flow_with_keys_only(server, new_page, ws):
    anne = ws.join("Anne", "gemeente")
    with writing(server.engine) as db:
        proposal = goaltree.add_node(db, actor=anne, parent_id=ws.domain, title="Voorstel van Anne")
    page = new_page()
    page.goto(f"{server.url}/Doelenboom?code={ws.code}&f={ws.key}")
    page.locator(".st-key-tree_outline").wait_for()

    def workshop(db):
        return db.get(Workshop, ws.id)

    # the phase: verzamelen → ordenen (arrow keys in the radio group act at once)
    tab_to(page, keyed("now_phase_tree", "input"))
    page.keyboard.press("ArrowRight")
    assert eventually(lambda: read(server, lambda db: workshop(db).phase_tree), "ordenen") == (
        "ordenen"
    )

    # accept Anne's proposal
    page.locator(f".st-key-accept_{proposal} button").first.wait_for()
    tab_to(page, keyed(f"accept_{proposal}", "button"))
    page.keyboard.press("Enter")
    status = eventually(
        lambda: read(server, lambda db: db.get(GoalNode, proposal).status), "accepted"
    )
    assert status == "accepted"

    # reveal the votes (a toggle: Space)
    tab_to(page, keyed("now_reveal_tree", "input"))
    page.keyboard.press(" ")
    assert eventually(lambda: read(server, lambda db: workshop(db).votes_revealed), True)

    # Partnermatrix: the phase to besluiten, an agreed position with the arrows
    page.goto(f"{server.url}/Partnermatrix?code={ws.code}&f={ws.key}")
    page.locator(f'g.dot[data-id="{ws.mee}"]').wait_for(state="attached")
    tab_to(page, keyed("now_phase_matrix", "input"))
    page.keyboard.press("ArrowRight")  # one step at a time, as a person looks between them
    assert (
        eventually(lambda: read(server, lambda db: workshop(db).phase_matrix), "bespreken")
        == "bespreken"
    )
    wait_app(page)
    tab_to(page, keyed("now_phase_matrix", "input"))
    page.keyboard.press("ArrowRight")
    assert (
        eventually(lambda: read(server, lambda db: workshop(db).phase_matrix), "besluiten")
        == "besluiten"
    )
    tab_to(page, dot(ws.mee))
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowUp")

    def agreed(db):
        a = partners.matrix_view(db, ws.id, None, True).agreed.get(ws.mee)
        return None if a is None else (a.influence, a.dependency)

    assert eventually(lambda: read(server, agreed), (0.55, 0.45)) == (
        pytest.approx(0.55),
        pytest.approx(0.45),
    )

    # the direction: from "blijven" one step back to "rechts", with an action, saved
    tab_to(page, keyed(f"direction_{ws.mee}", "input"))
    page.keyboard.press("ArrowLeft")
    tab_to(page, keyed(f"direction_action_{ws.mee}", "textarea"))
    page.keyboard.type("Gesprek plannen")
    tab_to(page, keyed(f"direction_submit_{ws.mee}", "button", "Richting opslaan"))
    page.keyboard.press("Enter")

    def direction(db):
        d = partners.matrix_view(db, ws.id, None, True).directions.get(ws.mee)
        return None if d is None else (d.direction, d.action)

    assert eventually(lambda: read(server, direction), ("rechts", "Gesprek plannen")) == (
        "rechts",
        "Gesprek plannen",
    )
