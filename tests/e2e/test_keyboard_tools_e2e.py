"""Keyboard only, in Chromium: the facilitator's tools on the Doelenboom (edit a title,
move, merge, delete with its confirmation) and an edit in the Kwaliteitskompas grid of
activities, saved with the button. After ``page.goto`` every interaction is a key press
(Tab, arrows, Enter, Control+A, typing: no click, fill, focus or mouse); each focus stop
that is used must show its focus (WCAG 2.1.1, 2.4.7), and each step is checked in the
database. The helpers come from test_keyboard_e2e."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kompas import compass, goaltree
from kompas.db import writing
from kompas.goaltree.nodes import parse_aliases
from kompas.models import GoalNode, Partner
from tests.conftest import Workshopper
from tests.e2e.conftest import wait_app
from tests.e2e.test_keyboard_e2e import (
    ACTIVE,
    DESCRIBE,
    assert_focus_visible,
    choose,
    eventually,
    keyed,
    read,
    tab_to,
)


def tab_named(text: str) -> str:
    """A predicate: a tab (role="tab") whose text contains ``text``."""
    return f"""(el) => Boolean(el && el.getAttribute && el.getAttribute("role") === "tab"
      && el.textContent.includes({text!r}))"""


def summary_named(text: str) -> str:
    """A predicate: an expander's summary whose text contains ``text``."""
    return f"""(el) => Boolean(el && el.tagName === "SUMMARY"
      && el.textContent.includes({text!r}))"""


def focused(page) -> str:
    return page.evaluate(f"() => ({DESCRIBE})(({ACTIVE})())")


def arrow_to_tab(page, text: str, key: str = "ArrowRight", max_presses: int = 10) -> None:
    """In a focused tab list: arrow keys until the tab ``text`` has the focus and shows
    its panel (aria-selected)."""
    for _ in range(max_presses):
        if page.evaluate(f"() => ({tab_named(text)})(({ACTIVE})())"):
            break
        page.keyboard.press(key)
    else:
        raise AssertionError(f"the arrows never reached the tab {text!r}: at {focused(page)}")
    assert_focus_visible(page)
    page.wait_for_function(
        f"() => {{ const el = ({ACTIVE})(); return ({tab_named(text)})(el)"
        ' && el.getAttribute("aria-selected") === "true"; }'
    )


# --- Doelenboom ---------------------------------------------------------------------------


@pytest.fixture
def tree(server):
    """Six domains; under the first one node to edit, one to move, two duplicates and a
    node with a child (its delete asks first)."""
    ws = Workshopper(server.engine, title="Toetsenbord gereedschap").with_template()
    with writing(server.engine) as db:
        view = goaltree.tree_view(db, ws.id)
        domains = [n for n in view.nodes if n.kind == "domain"]
        ws.other_domain, ws.other_title = domains[1].id, domains[1].title
        add = lambda title, parent=ws.domain: goaltree.add_node(  # noqa: E731
            db, actor=ws.facilitator, parent_id=parent, title=title
        )
        ws.edit = add("Buurtkamer open")
        ws.move = add("Mantelzorgcafé")
        # the duplicate comes first: the merge picker's default (a later node) is not it
        ws.gone = add("Wijkteam in de buurt")
        ws.keep = add("Wijkteam dichtbij")
        ws.parent = add("Schuldhulp vroeg")
        ws.child = add("Vroegsignalering", ws.parent)
    return ws


def open_tools(page, server, ws, tab: str) -> None:
    """Open the Doelenboom as the facilitator, open the tools (Enter on the expander)
    and choose ``tab`` in its tab list with the arrow keys."""
    page.goto(f"{server.url}/Doelenboom?code={ws.code}&f={ws.key}")
    page.locator(".st-key-tree_outline").wait_for()
    tab_to(page, summary_named("Procesbegeleider"))
    page.keyboard.press("Enter")
    page.wait_for_selector('[role="tab"]:has-text("Samenvoegen")')
    tab_to(page, tab_named("Fase en stemmen"))
    arrow_to_tab(page, tab)
    wait_app(page)


def node(server, node_id):
    return read(server, lambda db: db.get(GoalNode, node_id))


def test_edit_a_title_with_keys_only(server, new_page, tree):
    page = new_page()
    open_tools(page, server, tree, "Bewerken en verplaatsen")
    tab_to(page, keyed("edit_node", "input"))
    choose(page, "Buurtkamer open")
    page.locator(f".st-key-edit_title_{tree.edit} input").wait_for()
    tab_to(page, keyed(f"edit_title_{tree.edit}", "input"))
    page.keyboard.press("Control+A")
    page.keyboard.type("Buurtkamer elke dag open")
    tab_to(page, keyed("edit_submit", "button", "Wijzigen opslaan"))
    page.keyboard.press("Enter")
    got = eventually(lambda: node(server, tree.edit).title, "Buurtkamer elke dag open")
    assert got == "Buurtkamer elke dag open"


def test_move_a_node_with_keys_only(server, new_page, tree):
    page = new_page()
    open_tools(page, server, tree, "Bewerken en verplaatsen")
    tab_to(page, keyed("edit_node", "input"))
    choose(page, "Mantelzorgcafé")
    page.locator(f".st-key-move_to_{tree.move} input").wait_for()
    tab_to(page, keyed(f"move_to_{tree.move}", "input"))
    choose(page, tree.other_title)
    tab_to(page, keyed("move_submit", "button", "Verplaatsen"))
    page.keyboard.press("Enter")
    got = eventually(lambda: node(server, tree.move).parent_id, tree.other_domain)
    assert got == tree.other_domain


def test_merge_two_nodes_with_keys_only(server, new_page, tree):
    page = new_page()
    open_tools(page, server, tree, "Samenvoegen")
    tab_to(page, keyed("merge_keep", "input"))
    choose(page, "Wijkteam dichtbij")
    wait_app(page)
    tab_to(page, keyed("merge_gone", "input"))
    choose(page, "Wijkteam in de buurt")
    tab_to(page, keyed("merge_submit", "button", "Samenvoegen"))
    page.keyboard.press("Enter")
    assert eventually(lambda: node(server, tree.gone), None) is None
    kept = node(server, tree.keep)
    assert kept is not None and parse_aliases(kept) == ["Wijkteam in de buurt"]


def test_delete_with_confirmation_with_keys_only(server, new_page, tree):
    page = new_page()
    open_tools(page, server, tree, "Bewerken en verplaatsen")
    tab_to(page, keyed("edit_node", "input"))
    choose(page, "Schuldhulp vroeg")
    page.locator(f".st-key-move_to_{tree.parent} input").wait_for()
    tab_to(page, keyed("delete_submit_node", "button", "Verwijderen"))
    page.keyboard.press("Enter")
    page.locator(".st-key-delete_confirm_box").wait_for()
    assert node(server, tree.parent) is not None, "deleted before the confirmation"
    tab_to(page, keyed("delete_confirm", "button", "Ja, verwijderen"))
    page.keyboard.press("Enter")
    assert eventually(lambda: node(server, tree.parent), None) is None
    assert node(server, tree.child) is None
    assert node(server, tree.edit) is not None  # only that branch went


# --- Kwaliteitskompas ---------------------------------------------------------------------


def in_grid(name: str) -> str:
    """A predicate: the focus is inside the data editor ``name`` (its key is
    ``ed_<name>_<generation>``): on its canvas, its scroller or a cell of its grid."""
    return f"""(el) => Boolean(el && el.closest && el.closest('[class*="st-key-ed_{name}_"]')
      && !el.closest('[data-testid="stElementToolbar"]'))"""


@pytest.fixture
def kompas(server):
    ws = Workshopper(server.engine, title="Toetsenbord kompas")
    with writing(server.engine) as db:
        partner = Partner(workshop_id=ws.id, name="Welzijn Oost")
        db.add(partner)
        db.flush()
        ambition = compass.add_ambition(db, actor=ws.facilitator, title="Minder eenzaamheid")
        result = compass.add_result(
            db, actor=ws.facilitator, ambition_id=ambition, title="Minder eenzame inwoners"
        )
        ws.activity = compass.add_activity(
            db,
            actor=ws.facilitator,
            title="Buurtkamers",
            partner_id=partner.id,
            result_ids=[result],
        )
    return ws


def test_compass_activity_grid_with_keys_only(server, new_page, kompas):
    page = new_page()
    page.goto(f"{server.url}/Kwaliteitskompas?code={kompas.code}&f={kompas.key}")
    page.locator('[role="tab"]').first.wait_for()

    # the tab "3 Activiteiten": Tab to the tab list, the arrows to the tab
    tab_to(page, tab_named("Resultaten en inzet"))
    arrow_to_tab(page, "3 Activiteiten")
    grid = page.locator('[class*="st-key-ed_activities_"]').first
    canvas = grid.locator("canvas").first
    canvas.wait_for()
    wait_app(page)
    before = canvas.screenshot()

    # into the grid: past its toolbar (each button shows its focus) onto the canvas
    path = []
    for _ in range(12):
        if _active_is(page, in_grid("activities")):
            break
        path.append(focused(page))
        page.keyboard.press("Tab")
        if not _active_is(page, in_grid("activities")):
            assert_focus_visible(page)
    else:
        raise AssertionError("Tab never reached the grid: " + " → ".join(path))
    # the grid draws its focus (the selected cell's ring) on the canvas itself: the
    # focus is inside the grid, and the canvas looks different from before
    page.wait_for_timeout(300)  # the ring is drawn on the next animation frame
    assert canvas.screenshot() != before, "no focus ring drawn on the grid (WCAG 2.4.7)"

    # Enter opens the first cell (Activiteit) in the cell editor; type; Enter keeps it
    page.keyboard.press("Enter")
    page.wait_for_function(
        '() => document.activeElement && document.activeElement.closest("#portal")'
    )
    page.keyboard.press("Control+A")
    page.keyboard.type("Buurtkamers met toetsenbord")
    expect(page.locator("#portal textarea, #portal input").first).to_have_value(
        "Buurtkamers met toetsenbord"
    )
    # a person looks before pressing Enter; an Enter in the same instant as the last
    # letter was once seen to close the cell editor without keeping the text
    page.wait_for_timeout(200)
    page.keyboard.press("Enter")
    page.locator(".st-key-draft_note_activities").get_by_text("1 wijziging").wait_for()
    assert _active_is(page, in_grid("activities")), "the focus left the grid: " + focused(page)
    assert activity_title(server, kompas) == "Buurtkamers", "saved before Opslaan"

    # out of the grid (Tab moves the selection along the row's cells, then leaves the
    # grid) to Opslaan, now enabled; Enter
    tab_to(page, keyed("save_activities", "button", "Opslaan"), max_presses=12)
    page.keyboard.press("Enter")
    got = eventually(lambda: activity_title(server, kompas), "Buurtkamers met toetsenbord")
    assert got == "Buurtkamers met toetsenbord"


def _active_is(page, predicate_js: str) -> bool:
    return page.evaluate(f"() => ({predicate_js})(({ACTIVE})())")


def activity_title(server, ws) -> str:
    return read(
        server,
        lambda db: next(
            a.title for a in compass.compass_view(db, ws.id).activities if a.id == ws.activity
        ),
    )
