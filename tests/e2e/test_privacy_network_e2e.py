"""Privacy: no request leaves the machine. Every request of three browsers (facilitator,
Anne, Bram) is recorded while a whole workshop is run through the user interface — start,
join, every page, an action on each — and any host other than the app's own fails the
test (no CDN, no web fonts, no telemetry, no map tiles, no images from user text)."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from tests.e2e.conftest import join, start_workshop, wait_app

HOSTILE = "![x](http://example.org/leak.png) <img src=http://example.org/x.png>"


class Recorder:
    """Records every request of a browser context (pages, workers, downloads)."""

    def __init__(self, app_url: str):
        self.own = urlsplit(app_url).netloc
        self.requests: list[str] = []

    def attach(self, page) -> None:
        page.context.on("request", lambda request: self.requests.append(request.url))

    def hosts(self) -> Counter:
        found: Counter = Counter()
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about", "chrome-error"):
                continue
            found[parts.netloc] += 1
        return found

    def outside(self) -> list[str]:
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme not in ("data", "blob", "about")
            and urlsplit(u).netloc != self.own
        ]


def go(page, label: str) -> None:
    """Navigate with the app's own sidebar link, as a user would."""
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=label, exact=True).click()
    page.wait_for_url(re.compile(rf".*/{label}\?.*" if label != "Start" else r".*/\?.*"))
    try:
        page.get_by_role(
            "heading", name=label if label != "Start" else re.compile(".")
        ).first.wait_for(timeout=40000)
    except Exception:
        page.screenshot(path="/tmp/privacy-fail.png")
        raise
    wait_app(page)


def propose(page, title: str) -> None:
    page.locator(".st-key-node_title input").fill(title)
    form = page.locator('[data-testid="stForm"]').filter(has=page.locator(".st-key-node_title"))
    form.get_by_role("button", name="Toevoegen").click()
    wait_app(page)
    page.locator(".st-key-tree_outline").get_by_text(title, exact=False).first.wait_for(
        timeout=15000
    )


def test_a_whole_workshop_makes_no_request_outside_the_app(process_server, new_page):
    rec = Recorder(process_server.url)
    facilitator = new_page()
    rec.attach(facilitator)

    # Start: the facilitator starts the workshop and sets a timer
    code, _ = start_workshop(facilitator, process_server.url, title="Privacy werksessie")
    facilitator.get_by_role("textbox", name="Waarvoor (mag leeg)").fill("Ronde 1")
    facilitator.get_by_role("button", name="Timer starten").click()
    facilitator.locator('[data-testid="stSidebar"]').get_by_text("Ronde 1").wait_for()

    anne, bram = new_page(), new_page()
    for page in (anne, bram):
        rec.attach(page)
    join(anne, process_server.url, code, HOSTILE)  # a name that tries to load an image
    join(bram, process_server.url, code, "Bram", role="Aanbieder")
    facilitator.get_by_text("Bram").first.wait_for(timeout=15000)

    # Partnermatrix: the facilitator adds a partner whose name also tries to load an image
    go(facilitator, "Partnermatrix")
    facilitator.get_by_role("tab", name="Partners").click()
    facilitator.locator(".st-key-partner_name input").fill("Wijkteam " + HOSTILE)
    facilitator.locator(".st-key-partner_submit button").click()
    wait_app(facilitator)
    facilitator.locator("svg.matrix g.dot").first.wait_for(state="attached", timeout=15000)

    # Doelenboom: everyone proposes or adds a node
    go(facilitator, "Doelenboom")
    facilitator.get_by_text("Procesbegeleider: fase, stemmen, toevoegen en ordenen").click()
    facilitator.get_by_role("button", name="Zes beleidsterreinen").click()
    wait_app(facilitator)
    facilitator.locator(".st-key-tree_outline").get_by_text("Onderwijs").first.wait_for(
        timeout=15000
    )
    for page, title in ((anne, "Buurtkamers " + HOSTILE), (bram, "Schuldhulp dichtbij")):
        go(page, "Doelenboom")
        propose(page, title)

    # Kwaliteitskompas: the facilitator opens it to participants, they look at it
    go(facilitator, "Kwaliteitskompas")
    facilitator.get_by_text("Instellingen voor deelnemers").click()
    facilitator.locator(".st-key-compass_open label").first.click()
    wait_app(facilitator)
    for page in (anne, bram):
        go(page, "Kwaliteitskompas")

    # Partnermatrix: each participant moves the partner with the keyboard
    for page in (anne, bram):
        go(page, "Partnermatrix")
        dot = page.locator("svg.matrix g.dot").first
        dot.wait_for(state="attached", timeout=15000)
        dot.focus()
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowRight")
        wait_app(page)

    # Verslag: pictures on for everyone; the facilitator downloads two reports
    for page in (facilitator, anne, bram):
        go(page, "Verslag")
        pictures = page.locator(".st-key-report_pictures")
        if pictures.count():
            pictures.locator("label").first.click()
            wait_app(page)
    for key in ("download_md", "download_pdf"):
        button = facilitator.locator(f".st-key-{key}").get_by_role("button").first
        button.wait_for()
        with facilitator.expect_download(timeout=60000) as info:
            button.click()
        assert info.value.failure() is None

    # back to Start for the participants: the lobby
    for page in (anne, bram):
        go(page, "Start")
        page.get_by_text("Welkom").wait_for()

    facilitator.wait_for_timeout(1500)  # a few live ticks more on every page
    hosts = rec.hosts()
    print(f"\nrequests seen: {len(rec.requests)}; hosts: {dict(hosts)}")
    assert len(rec.requests) > 50  # the recorder really saw the app's traffic
    assert rec.outside() == [], f"requests outside the app: {rec.outside()[:20]}"
    assert set(hosts) == {rec.own}
    for page in (facilitator, anne, bram):
        assert page.locator('img[src*="example.org"]').count() == 0
