"""A facilitator starts a workshop; two participants join in their own browsers; the
facilitator's participant count goes to 2 without a reload."""

from tests.e2e.conftest import join, start_workshop


def test_participant_count_updates_live(process_server, new_page):
    facilitator = new_page()
    code, console_url = start_workshop(facilitator, process_server.url)
    count = facilitator.locator(".st-key-participant_count")
    count.get_by_text("Deelnemers: 0").wait_for()

    anne, bram = new_page(), new_page()
    join(anne, process_server.url, code, "Anne")
    join(bram, process_server.url, code, "Bram", role="Aanbieder")

    count.get_by_text("Deelnemers: 2").wait_for(timeout=10000)
    assert facilitator.url == console_url  # no reload, no navigation
    facilitator.get_by_text("Bram").wait_for()


def test_identity_survives_reload_and_navigation(process_server, new_page):
    facilitator = new_page()
    code, _ = start_workshop(facilitator, process_server.url)
    anne = new_page()
    url = join(anne, process_server.url, code, "Anne")
    anne.reload()
    anne.get_by_text("Welkom, Anne").wait_for()
    anne.locator('[data-testid="stSidebar"]').get_by_role("link", name="Doelenboom").click()
    anne.wait_for_url("**/Doelenboom?**")
    anne.locator('[data-testid="stSidebar"]').get_by_text("Anne").wait_for()
    assert "p=" in anne.url and url.split("p=")[1] in anne.url
