"""Several processes on one PostgreSQL database (KOMPAS_LIVE=database): a proposal made in
a page served by one `streamlit run` process reaches a page served by another, by push
(LISTEN/NOTIFY), without a reload. Runs in `make test-postgres`."""

from __future__ import annotations

import pytest

from kompas import goaltree
from kompas.db import writing
from tests.conftest import Workshopper, fresh_engine
from tests.e2e.conftest import Server, wait_app

pytestmark = pytest.mark.postgres


@pytest.fixture
def two_servers(tmp_path_factory):
    engine = fresh_engine()
    if engine.dialect.name != "postgresql":
        pytest.skip("needs PostgreSQL (make test-postgres)")
    url = engine.url.render_as_string(hide_password=False)
    servers = [Server(tmp_path_factory.mktemp(f"srv{i}"), "database", url) for i in (1, 2)]
    yield engine, servers
    for server in servers:
        server.stop()
    engine.dispose()


def test_a_write_through_one_process_reaches_a_page_of_the_other(two_servers, new_page):
    engine, (one, two) = two_servers
    ws = Workshopper(engine, title="Twee processen")
    anne, bram = ws.join("Anne", "inwoner"), ws.join("Bram", "aanbieder")
    with writing(engine) as db:
        main = goaltree.main_goal(db, ws.id).id
        goaltree.add_node(db, actor=ws.facilitator, parent_id=main, kind="domain", title="Welzijn")
    pages = {}
    for who, server in ((anne, one), (bram, two)):
        page = new_page((1280, 800))
        page.goto(f"{server.url}/Doelenboom?code={ws.code}&p={ws.tokens[who.participant_id]}")
        page.get_by_role("heading", name="Doelenboom", exact=True).wait_for()
        wait_app(page)
        pages[who.name] = page
    pages["Anne"].locator(".st-key-node_title input").fill("Buurtkamer via proces één")
    pages["Anne"].locator(".st-key-node_submit button").click()
    outline = pages["Bram"].locator(".st-key-tree_outline")
    outline.get_by_text("Buurtkamer via proces één").first.wait_for(timeout=15000)
    assert pages["Bram"].get_by_role("button", name="Vernieuwen").count() == 0
