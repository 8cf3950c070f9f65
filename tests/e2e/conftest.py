"""Browser tests: a real `streamlit run` server on a free port and Debian's Chromium
driven by Playwright. Skips loudly when Chromium is missing (scripts/ensure-chromium.sh
installs it in CI)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kompas import live
from kompas.db import make_engine

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

pytestmark = pytest.mark.e2e


# A browser test on a shared, busy machine can miss a moment that a person would simply wait
# for. A browser test that fails gets one more try; the summary lists it as RERUN, so a test
# that needed one is visible, and a test that fails twice fails the run. Domain and AppTest
# tests get no second try.
BROWSER_RERUNS = 1


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.flaky(reruns=BROWSER_RERUNS))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(
        self,
        tmp: Path,
        live_mode: str,
        db_url: str | None = None,
        base_url: str | bool | None = None,
    ):
        """base_url: None → the server's own address as KOMPAS_BASE_URL; a string → that
        address (behind a proxy); False → no KOMPAS_BASE_URL (links from the browser)."""
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url = db_url or f"sqlite:///{tmp / 'kompas.db'}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("KOMPAS_")}
        env.update(
            KOMPAS_DATABASE_URL=self.db_url,
            KOMPAS_BASE_URL=base_url if isinstance(base_url, str) else self.url,
            KOMPAS_LIVE=live_mode,
            KOMPAS_JOIN_ATTEMPTS_PER_MINUTE="100",
        )
        if base_url is False:  # links then come from the address the browser used
            del env["KOMPAS_BASE_URL"]
        self.log = open(tmp / "server.log", "w")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.3)
        else:
            self.stop()
            raise RuntimeError(
                "streamlit did not start: " + (tmp / "server.log").read_text()[-2000:]
            )
        live.reset()
        self.engine = make_engine(self.db_url)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server in KOMPAS_LIVE=database mode, so that a test may also seed the database
    file directly and the pages still notice."""
    srv = Server(tmp_path_factory.mktemp("srv"), "database")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def process_server(tmp_path_factory):
    """A server in the default process mode (all writes through the app)."""
    srv = Server(tmp_path_factory.mktemp("srv"), "process")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        msg = "BROWSERTESTS OVERGESLAGEN: /usr/bin/chromium ontbreekt (apt-get install chromium)"
        print("\n" + "!" * 80 + "\n" + msg + "\n" + "!" * 80, file=sys.stderr)
        pytest.skip(msg)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def new_page(browser):
    """Factory for pages in separate browser contexts (separate people)."""
    contexts = []

    def make(viewport=(1400, 1000)):
        ctx = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]}, locale="nl-NL"
        )
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(20000)
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def wait_app(page):
    """Wait until Streamlit has finished a run."""
    try:
        # attached, not "visible": during a page change the app can be briefly without size
        page.wait_for_selector('[data-testid="stApp"]', state="attached")
    except Exception:
        page.screenshot(path="/tmp/wait-app-fail.png", full_page=True)
        Path("/tmp/wait-app-fail.html").write_text(page.content())
        raise
    # Streamlit shows its running icon only after half a second; before that, the elements
    # of the previous run are still there, marked stale
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stStatusWidgetRunningIcon"], '
        '[data-testid="stElementContainer"][data-stale="true"]\')'
    )
    page.wait_for_timeout(300)


def start_workshop(page, server_url: str, title: str = "E2E werksessie") -> tuple[str, str]:
    """Start a workshop through the home page; returns (code, facilitator url)."""
    page.goto(server_url + "/")
    page.get_by_role("textbox", name="Titel van de workshop").fill(title)
    page.get_by_role("button", name="Workshop starten").click()
    page.wait_for_url(re.compile(r".*[?&]f="))
    box = page.locator(".st-key-workshop_code")
    box.wait_for()
    code = re.search(r"[A-Z2-9]{6}", box.inner_text()).group(0)
    return code, page.url


def join(page, server_url: str, code: str, name: str, role: str = "Gemeente") -> str:
    """Join through the home page; returns the participant url."""
    page.goto(f"{server_url}/?code={code}")
    page.get_by_role("textbox", name="Je naam").fill(name)
    if role:  # the role starts empty (DESIGN.md): always choose one
        page.get_by_label("Je rol").click()
        page.get_by_role("option", name=role).click()
    page.get_by_role("button", name="Meedoen").click()
    page.wait_for_url(re.compile(r".*[?&]p="))
    page.get_by_text("Welkom").wait_for()
    return page.url
