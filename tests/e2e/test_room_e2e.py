"""Ready for the room, in Chromium: the projector screen (huge code, live tree), the "now"
banner following the facilitator, joining without a role refused, links built on the
browser's address, a participant's flow on a phone with the timer in view, and no English
Streamlit text on any page.

One server for the module, started WITHOUT KOMPAS_BASE_URL (links come from the browser)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from sqlmodel import select

from kompas import goaltree, partners, workshops
from kompas.db import reading, writing
from kompas.models import GoalNode, Vote
from tests.conftest import Workshopper
from tests.e2e.conftest import Server, join, start_workshop, wait_app

SHOTS = Path("/tmp/kompas-room")
PHONE = (390, 844)
LAPTOP = (1280, 800)
PROJECTOR = (1920, 1080)
# Streamlit's own English texts (and the date placeholder) that must never reach a user.
ENGLISH = (
    "Press Enter to submit form",
    "Press Enter to apply",
    "Choose an option",
    "Choose options",
    "Select all",
    "No results",
    "No options to select",
    "dd - mm - yyyy",
    "YYYY/MM/DD",
    "Add row",
    "Search",
    "Download as CSV",
    "Fullscreen",
    "(en)",
    "Skip to main content",
)
# The same for the names of Streamlit's buttons that screen readers read and tooltips show
# (aria-label, title), and the ARIA descriptions Vega writes for chart axes and legends.
ENGLISH_NAMES = re.compile(
    r"^(Add row|Choose date|Clear all|Collapse sidebar|Expand sidebar|Copy to clipboard|"
    r"Copy Vega-Lite spec|Decrement|Increment|Download as \w+|Fullscreen|View fullscreen|"
    r"Close fullscreen|Link to heading|Open|Search|Show data|Show/hide columns|More options|"
    r"Help for .*|Remove .*|Fullscreen: .*|[XY]-axis .*|\w+ legend titled .*)$",
    re.S,
)
NAMES_JS = """() => [...document.querySelectorAll('[aria-label], [title]')].flatMap(
  (e) => [e.getAttribute('aria-label'), e.getAttribute('title')]).filter(Boolean)"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("srv"), "database", base_url=False)
    yield srv
    srv.stop()


@pytest.fixture
def ws(server):
    ws = Workshopper(
        server.engine, title="Werksessie in de zaal", theme="Iedereen doet mee"
    ).with_template("MEE Gelderse Poort")
    ws.mee = ws.partner
    ws.anne = ws.join("Anne", "gemeente")
    return ws


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def open_as(new_page, server, ws, path: str, actor=None, viewport=LAPTOP):
    page = new_page(viewport)
    ident = f"f={ws.key}" if actor is None else f"p={ws.tokens[actor.participant_id]}"
    page.goto(f"{server.url}/{path}?code={ws.code}&{ident}")
    wait_app(page)
    return page


def test_presenter_code_is_huge_and_the_tree_grows_live(server, new_page, ws):
    with writing(server.engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="tree")
    screen = open_as(new_page, server, ws, "Presentatie", viewport=PROJECTOR)
    code = screen.locator(".st-key-presenter_code .kompas-code")
    code.wait_for()
    assert code.inner_text().strip() == ws.code
    size = code.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 40
    screen.locator('[data-testid="stImage"] img').first.wait_for()  # the QR code
    assert f"{server.url}/?code={ws.code}" in screen.inner_text("body")
    screen.get_by_text("Nu: Doelenboom").wait_for()
    with writing(server.engine) as db:
        goaltree.add_node(db, actor=ws.anne, parent_id=ws.domain, title="Buurthuis elke dag open")
    screen.locator(".st-key-presenter_live li").get_by_text("Buurthuis elke dag open").wait_for(
        timeout=15000
    )
    shot(screen, "presentatie-1920")


def test_now_banner_follows_the_facilitator(server, new_page, ws):
    anne = open_as(new_page, server, ws, "Doelenboom", ws.anne)
    banner = anne.locator(".st-key-now_banner")
    banner.get_by_text("De procesbegeleider vertelt zo").wait_for()
    fac = open_as(new_page, server, ws, "Partnermatrix")
    fac.get_by_role("button", name="Iedereen naar Partnermatrix").click()
    banner.get_by_text("Partnermatrix · Inschatten").wait_for(timeout=15000)
    fac.get_by_text("Bespreken", exact=True).click()  # the phase acts at once
    banner.get_by_text("Partnermatrix · Bespreken").wait_for(timeout=15000)
    shot(anne, "now-banner-1280")
    banner.get_by_role("link", name="Ga naar Partnermatrix").click()
    anne.wait_for_url(re.compile(r".*/Partnermatrix\?.*p="))
    anne.locator(".st-key-now_banner").get_by_text("Je bent op de goede plek").wait_for()


def test_joining_without_a_role_is_refused(server, new_page, ws):
    page = new_page(PHONE)
    page.goto(f"{server.url}/?code={ws.code}")
    wait_app(page)
    page.get_by_text("Meedoen met Werksessie in de zaal").wait_for()
    assert page.get_by_role("textbox", name="Titel van de workshop").count() == 0
    page.get_by_role("textbox", name="Je naam").fill("Zonder Rol")
    page.get_by_role("button", name="Meedoen").click()
    page.get_by_text("Dan kun je meedoen").wait_for()
    assert "p=" not in page.url
    assert page.get_by_role("textbox", name="Je naam").input_value() == "Zonder Rol"
    shot(page, "join-refused-390")


def test_links_use_the_address_the_browser_used(server, new_page):
    page = new_page(LAPTOP)
    code, _ = start_workshop(page, server.url, "Links uit de browser")
    assert (
        f"Meedoen via {server.url} met deze code"
        in page.locator(".st-key-workshop_code").inner_text()
    )
    page.get_by_text(f"{server.url}/?code={code}").first.wait_for()
    assert "localhost:8501" not in page.inner_text("body")


def test_phone_participant_joins_proposes_votes_and_places(server, new_page, ws):
    with writing(server.engine) as db:
        workshops.start_timer(db, actor=ws.facilitator, minutes=10, label="Voorstellen")
        workshops.set_now(db, actor=ws.facilitator, tool="tree")
    phone = new_page(PHONE)
    url = join(phone, server.url, ws.code, "Fien", "Inwoner")
    token = re.search(r"p=([^&]+)", url).group(1)
    timer = phone.locator(".st-key-now_banner .kompas-timer.big")
    timer.wait_for()
    assert "Voorstellen: nog" in timer.inner_text()
    assert timer.is_visible()  # on the page itself, not in the closed sidebar
    shot(phone, "lobby-390")

    phone.goto(f"{server.url}/Doelenboom?code={ws.code}&p={token}")
    wait_app(phone)
    phone.locator(".st-key-now_banner .kompas-timer.big").wait_for()
    phone.locator(".st-key-node_title input").fill("Wijkteam op school")
    phone.locator(".st-key-node_parent").click()
    phone.get_by_role("option", name=re.compile(re.escape(ws.domain_title))).first.click()
    form = phone.locator('[data-testid="stForm"]').filter(has=phone.locator(".st-key-node_title"))
    form.get_by_role("button", name="Toevoegen").click()
    deadline = time.monotonic() + 15
    while True:
        with reading(server.engine) as db:
            node = db.execute(
                select(GoalNode).where(GoalNode.title == "Wijkteam op school")
            ).scalar_one_or_none()
        if node is not None or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert node is not None
    shot(phone, "doelenboom-390")

    with writing(server.engine) as db:
        goaltree.accept_node(db, actor=ws.facilitator, node_id=node.id)
        workshops.update_workshop(db, actor=ws.facilitator, vote_level="both")
        workshops.set_now(db, actor=ws.facilitator, tool="tree", phase="stemmen")
    button = phone.locator(f".st-key-vote_{node.id} button:visible").first
    button.wait_for(timeout=15000)
    wait_app(phone)
    button.click()
    deadline = time.monotonic() + 15
    while True:
        with reading(server.engine) as db:
            votes = db.execute(select(Vote).where(Vote.node_id == node.id)).scalars().all()
        if votes or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert votes
    shot(phone, "stemmen-390")

    with writing(server.engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="matrix")
    phone.locator(".st-key-now_banner").get_by_role("link", name="Ga naar Partnermatrix").click()
    phone.wait_for_url(re.compile(r".*/Partnermatrix\?.*p="))
    dot = phone.locator(f'g.dot[data-id="{ws.mee}"]')
    dot.wait_for(state="attached")
    wait_app(phone)
    hit = dot.locator("circle.hit").bounding_box()
    assert hit["width"] >= 44 and hit["height"] >= 44, hit  # a touch target for a finger
    # the partner's name stays readable: at least 12 CSS pixels after the plot's scaling
    name_px = dot.locator("text").evaluate(
        """(t) => parseFloat(getComputedStyle(t).fontSize)
          * t.ownerSVGElement.getBoundingClientRect().width
          / t.ownerSVGElement.viewBox.baseVal.width"""
    )
    assert name_px >= 11.9, name_px
    dot.focus()
    phone.keyboard.press("ArrowUp")
    deadline = time.monotonic() + 15
    while True:
        with reading(server.engine) as db:
            own = partners.matrix_state(db, ws.id).individual
        if own or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert own
    assert phone.locator(".st-key-now_banner .kompas-timer.big").is_visible()
    shot(phone, "partnermatrix-390")


# The elements that hold a text (for the failure message).
WHERE = """(needle) => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walk.nextNode())) {
    if (!n.nodeValue.includes(needle)) continue;
    const chain = [];
    for (let e = n.parentElement, i = 0; e && i < 5; e = e.parentElement, i++)
      chain.push(e.tagName + "." + String(e.className).slice(0, 40));
    out.push(chain.join(" < "));
  }
  return out.join(" | ");
}"""
PAGES = (
    "",
    "Doelenboom",
    "Kwaliteitskompas",
    "Partnermatrix",
    "Samenwerkingsscan",
    "Verslag",
    "Presentatie",
)


def test_no_english_streamlit_text_on_any_page(server, new_page, ws):
    with writing(server.engine) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="tree")
    found = []
    for who in (None, ws.anne):
        page = new_page(LAPTOP)
        ident = f"f={ws.key}" if who is None else f"p={ws.tokens[who.participant_id]}"
        for path in PAGES:
            page.goto(f"{server.url}/{path}?code={ws.code}&{ident}")
            wait_app(page)
            page.wait_for_function("() => window.__kompasNl")  # the page has settled
            page.wait_for_timeout(500)
            text = page.inner_text("body")
            placeholders = page.eval_on_selector_all(
                "input, textarea", "els => els.map(e => e.placeholder || '').join('\\n')"
            )
            where_now = f"{path or 'Start'} ({'procesbegeleider' if who is None else 'deelnemer'})"
            found += [
                f"{where_now}, naam voor schermlezers: {name[:60]}"
                for name in sorted(set(page.evaluate(NAMES_JS)))
                if ENGLISH_NAMES.match(name.strip())
            ]
            for english in ENGLISH:
                if english in text or english in placeholders:
                    where = page.evaluate(WHERE, english)
                    found.append(
                        f"{where} "
                        + f"{path or 'Start'} ({'procesbegeleider' if who is None else 'deelnemer'}): {english}"
                    )
            shot(page, f"{path or 'start'}-{'f' if who is None else 'p'}-1280")
    assert not found, found


def test_reopening_the_plain_address_recognises_the_participant(server, new_page, ws):
    page = new_page(LAPTOP)
    join(page, server.url, ws.code, "Joost", "Aanbieder")
    again = page.context.new_page()  # a new tab in the same browser
    again.goto(server.url + "/")
    again.get_by_text("Welkom").wait_for()
    assert "Joost" in again.inner_text("body")
    with reading(server.engine) as db:
        assert len(workshops.workshop_info(db, ws.id).active_participants) == 2  # Anne, Joost
    again.get_by_role("button", name="Afmelden op dit apparaat").click()
    again.get_by_role("button", name="Meedoen").wait_for()
    third = page.context.new_page()
    third.goto(server.url + "/")
    wait_app(third)
    third.wait_for_timeout(1000)
    assert third.get_by_text("Welkom").count() == 0  # signed out means forgotten here too


def test_phone_sidebar_closes_after_choosing_a_page(server, new_page, ws):
    phone = open_as(new_page, server, ws, "Doelenboom", ws.anne, viewport=PHONE)
    phone.get_by_test_id("stExpandSidebarButton").click()
    sidebar = phone.get_by_test_id("stSidebar")
    sidebar.get_by_role("link", name="Partnermatrix").click()
    phone.wait_for_url(re.compile(r".*/Partnermatrix\?"))
    phone.wait_for_function(
        "() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().right <= 0"
    )


def test_tree_picture_fits_the_laptop_column_and_enlarges(server, new_page, ws):
    with writing(server.engine) as db:
        effect = goaltree.add_node(
            db,
            actor=ws.facilitator,
            parent_id=ws.domain,
            title="Minder inwoners voelen zich ernstig eenzaam in hun eigen buurt",
        )
        goaltree.add_node(
            db, actor=ws.facilitator, parent_id=effect, title="Mantelzorgondersteuning thuis"
        )
    page = open_as(new_page, server, ws, "Doelenboom", ws.anne)
    box = page.locator(".st-key-tree_picture")
    box.locator("canvas, svg").first.wait_for()
    # the picture is no wider than its column: nothing cut off at the right
    widths = box.evaluate("e => [e.clientWidth, e.scrollWidth]")
    assert widths[1] <= widths[0] + 1, widths
    page.locator(".st-key-tree_legend").get_by_text("Gestippelde witte rand").wait_for()
    page.get_by_role("button", name="Groot bekijken").click()
    dialog = page.get_by_role("dialog")
    dialog.locator(
        ".st-key-tree_picture_large canvas, .st-key-tree_picture_large svg"
    ).first.wait_for()
    shot(page, "doelenboom-groot-1280")
