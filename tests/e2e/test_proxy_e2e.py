"""The scaled-out topology without containers: PostgreSQL (scripts/postgres-test.sh), two
`streamlit run` processes with KOMPAS_LIVE=database, and nginx from apt with the very
configuration file the container set-up uses (deploy/nginx.conf). Two participants who
reach Kompas through nginx are served by different processes (read from nginx's access
log: every request, websocket and push stream included), see each other's proposals live,
and a reload keeps each on their own process.

Prints the propagation across the two processes (a click in one browser until the text
shows in the other's page): a figure, never an assertion. Runs in `make test-postgres`."""

from __future__ import annotations

import statistics
import time

import pytest

from kompas import goaltree
from kompas.db import writing
from tests.conftest import Workshopper, fresh_engine
from tests.e2e.conftest import Server, wait_app
from tests.e2e.proxy import Proxy, find_nginx, free_port

pytestmark = pytest.mark.postgres

LIVE_MS = 15_000
WATCH_JS = """text => {
  window.__seen = window.__seen || {};
  const look = () => document.querySelector('.st-key-tree_outline')?.textContent.includes(text);
  const obs = new MutationObserver(() => {
    if (look()) { window.__seen[text] = Date.now(); obs.disconnect(); }
  });
  obs.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@pytest.fixture(scope="module")
def topology(tmp_path_factory):
    engine = fresh_engine()
    if engine.dialect.name != "postgresql":
        pytest.skip("needs PostgreSQL (make test-postgres)")
    nginx = find_nginx()
    if nginx is None:
        pytest.skip("nginx ontbreekt (apt-get install nginx-light)")
    url = engine.url.render_as_string(hide_password=False)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    servers = [
        Server(tmp_path_factory.mktemp(f"proc{i}"), "database", url, base_url=base) for i in (1, 2)
    ]
    proxy = Proxy(nginx, tmp_path_factory.mktemp("nginx"), [s.url[7:] for s in servers], port)
    yield engine, servers, proxy
    proxy.stop()
    for server in servers:
        server.stop()
    engine.dispose()


def _upstream_of(proxy: Proxy, backend: str) -> str:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        seen = {r["upstream"] for r in proxy.requests() if r["backend"] == backend}
        if seen:
            (upstream,) = seen
            return upstream
        time.sleep(0.05)
    raise AssertionError(f"nginx logged no request for {backend}")


def _browser_on(browser, proxy: Proxy, upstream: str | None, avoid: str | None):
    """A new browser (context) that nginx sends to ``upstream`` (or anywhere but ``avoid``):
    its first request gets the sticky cookie; a browser that lands elsewhere is let go."""
    for _ in range(20):
        ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
        ctx.request.get(proxy.url + "/_stcore/health")
        backend = next(c["value"] for c in ctx.cookies() if c["name"] == "kompas_backend")
        got = _upstream_of(proxy, backend)
        if got != avoid and (upstream is None or got == upstream):
            return ctx, backend, got
        ctx.close()
    raise AssertionError("nginx sent 20 new browsers to the same process")


def _propose(page, other, title: str) -> float:
    """Propose ``title`` in ``page``; ms from the click until ``other`` shows it."""
    other.evaluate(WATCH_JS, title)
    page.locator(".st-key-node_title input").fill(title)
    page.evaluate(
        "() => document.addEventListener('click', () => window.__clickAt = Date.now(), "
        "{capture: true, once: true})"
    )
    page.locator(".st-key-node_submit button").click()
    other.wait_for_function("t => window.__seen[t]", arg=title, timeout=LIVE_MS)
    shown_at = other.evaluate("t => window.__seen[t]", title)
    return shown_at - page.evaluate("window.__clickAt")


def test_two_participants_on_two_processes_through_nginx(topology, browser, capsys):
    engine, servers, proxy = topology
    ws = Workshopper(engine, title="Achter nginx")
    anne, bram = ws.join("Anne", "inwoner"), ws.join("Bram", "aanbieder")
    with writing(engine) as db:
        main = goaltree.main_goal(db, ws.id).id
        goaltree.add_node(db, actor=ws.facilitator, parent_id=main, kind="domain", title="Welzijn")

    ctx_a, backend_a, up_a = _browser_on(browser, proxy, None, None)
    ctx_b, backend_b, up_b = _browser_on(browser, proxy, None, avoid=up_a)
    assert up_a != up_b and {up_a, up_b} == {s.url[7:] for s in servers}
    pages = {}
    for name, who, ctx in (("Anne", anne, ctx_a), ("Bram", bram, ctx_b)):
        page = ctx.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{proxy.url}/Doelenboom?code={ws.code}&p={ws.tokens[who.participant_id]}")
        page.get_by_role("heading", name="Doelenboom", exact=True).wait_for()
        wait_app(page)
        pages[name] = page

    delays = []
    for i in range(3):
        delays.append(_propose(pages["Anne"], pages["Bram"], f"Voorstel A{i} via {up_a}"))
        delays.append(_propose(pages["Bram"], pages["Anne"], f"Voorstel B{i} via {up_b}"))

    for page in pages.values():  # a reload: same process, same state, still live
        page.reload()
        page.get_by_role("heading", name="Doelenboom", exact=True).wait_for()
        wait_app(page)
        page.locator(".st-key-tree_outline").get_by_text("Voorstel B2").first.wait_for()
    delays.append(_propose(pages["Anne"], pages["Bram"], "Na het herladen"))
    assert pages["Bram"].get_by_role("button", name="Vernieuwen").count() == 0

    ctx_a.close(), ctx_b.close()  # nginx logs a websocket or a push stream when it closes
    time.sleep(0.5)
    log = proxy.requests()
    for backend, upstream in ((backend_a, up_a), (backend_b, up_b)):
        mine = [r for r in log if r["backend"] == backend]
        assert {r["upstream"] for r in mine} == {upstream}, mine
        paths = [r["path"] for r in mine]
        assert sum(p.startswith("/_stcore/stream") for p in paths) == 2  # before/after reload
        assert any(p.startswith("/_kompas/live/") for p in paths)
        assert sum(p.startswith("/Doelenboom") for p in paths) >= 1
    with capsys.disabled():
        print(
            f"\n[proxy] propagation across two processes through nginx, click to text on the "
            f"other page, {len(delays)} proposals: median {statistics.median(delays):.0f} ms, "
            f"max {max(delays):.0f} ms ({', '.join(f'{d:.0f}' for d in delays)})"
        )
