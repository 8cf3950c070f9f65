"""Every page is a deep link: without a valid code or token it says so and offers joining;
with one it shows the shared sidebar (workshop, code, who you are)."""

import pytest

from kompas.db import writing
from kompas.workshops import create_workshop, join_workshop
from tests.pages.helpers import run_as, texts

PAGES = [
    "pages/1_Doelenboom.py",
    "pages/2_Kwaliteitskompas.py",
    "pages/3_Partnermatrix.py",
    "pages/4_Verslag.py",
    "pages/5_Presentatie.py",
    "pages/6_Samenwerkingsscan.py",
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "query", [{}, {"code": "ZZZZZZ", "token": "x"}, {"code": "%%%", "token": ""}]
)
def test_page_without_identity_sends_to_join(app_db, page, query):
    at = run_as(page, **query)
    assert not at.exception
    assert "aanmelden" in texts(at).lower() or "geen workshop" in texts(at).lower()


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_sidebar_identity(app_db, page):
    with writing(app_db) as db:
        new = create_workshop(db, title="Werksessie Zutphen")
        actor, token = join_workshop(db, code=new.code, name="Anne", role_group="inwoner")
    at = run_as(page, code=new.code, token=token)
    assert not at.exception
    side = "\n".join(str(m.value) for m in at.sidebar.markdown)
    assert "Werksessie Zutphen" in side and new.code in side and "Anne" in side
