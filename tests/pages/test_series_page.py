"""AppTest for the Vervolgsessie screens: the review on the console of a follow-up, the
series on the console, and "Sinds vorige keer" on the Partnermatrix page (hidden from
participants until the placements are shown)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kompas import partners, series
from kompas.db import writing
from kompas.workshops import Actor, join_workshop
from tests.conftest import Workshopper
from tests.pages.helpers import page_as, raw_texts, texts

HOSTILE = "**vet** ![x](http://example.com/x.png)"


@pytest.fixture
def follow(app_db):
    ws = Workshopper(app_db, title="Reeks")
    with writing(app_db) as db:
        pid = partners.add_partner(db, actor=ws.facilitator, name=HOSTILE)
        partners.set_agreed_position(
            db, actor=ws.facilitator, partner_id=pid, influence=0.4, dependency=0.3
        )
        partners.set_direction(
            db, actor=ws.facilitator, partner_id=pid, direction="rechts", action="Convenant"
        )
    with writing(app_db) as db:
        new = series.follow_up(db, ws.id)
    nxt = SimpleNamespace(code=new.code, key=new.facilitator_key, tokens={}, id=new.workshop_id)
    with writing(app_db) as db:
        anna, token = join_workshop(db, code=new.code, name="Anna", role_group="inwoner")
        nxt.tokens[anna.participant_id] = token
        new_pid = next(iter(partners.list_partners(db, new.workshop_id))).id
        partners.place_partner(db, actor=anna, partner_id=new_pid, influence=0.4, dependency=0.6)
    nxt.anna, nxt.partner = anna, new_pid
    return ws, nxt


def test_console_of_a_follow_up_opens_with_the_review(follow):
    ws, nxt = follow
    first = page_as("home.py", ws)
    assert "Terugblik" not in texts(first)
    assert "Sessie 1" in texts(first) and first.button(key="next_session")
    at = page_as("home.py", nxt)
    shown = texts(at)
    assert "Terugblik op sessie 1" in shown and "Convenant" in shown
    assert "Sessie 2 · " in shown and nxt.code in shown
    status = [s for s in at.selectbox if s.key and s.key.startswith("review_status_")]
    assert len(status) == 1 and status[0].value == "niet gestart"


def test_matrix_since_last_time_for_facilitator_and_participant(follow):
    ws, nxt = follow
    at = page_as("pages/3_Partnermatrix.py", nxt)
    shown = texts(at)
    assert "Sinds vorige keer" in shown
    assert "Vorige keer: invloed 40%, afhankelijkheid 30%" in shown
    assert "Nu, 1 plaatsing: invloed 40%, afhankelijkheid 60%" in shown
    assert "Zoals afgesproken" in shown
    assert "![x](http" not in raw_texts(at)  # the partner name stays text
    # a participant does not see the group before the placements are shown
    mine = page_as("pages/3_Partnermatrix.py", nxt, nxt.anna)
    assert "Vorige keer: invloed 40%" in texts(mine)
    assert "Nu, 1 plaatsing" not in texts(mine) and "zichtbaar na het tonen" in texts(mine)


def test_the_first_session_has_no_since_section(follow):
    ws, _ = follow
    assert "Sinds vorige keer" not in texts(page_as("pages/3_Partnermatrix.py", ws))


def test_next_session_button_signs_the_facilitator_into_the_new_session(app_db):
    ws = Workshopper(app_db, title="Knop")
    at = page_as("home.py", ws)
    at.button(key="next_session").click().run()
    assert not at.exception
    assert at.query_params["code"] != ws.code
    assert "De workshop is gestart" in texts(at)


def test_matrix_since_last_time_in_english_for_an_english_participant(follow, app_db):
    ws, nxt = follow
    with writing(app_db) as db:
        sam, token = join_workshop(
            db, code=nxt.code, name="Sam", role_group="aanbieder", language="en"
        )
        nxt.tokens[sam.participant_id] = token
        facilitator = Actor(nxt.id, None, True, "Procesbegeleider")
        partners.reveal_placements(db, actor=facilitator, revealed=True)
    shown = texts(page_as("pages/3_Partnermatrix.py", nxt, sam))
    assert "Since last time" in shown and "Sinds vorige keer" not in shown
    assert "Last time: influence 40%, dependency 30%" in shown
    assert "Now, 1 placement: influence 40%, dependency 60%" in shown
    assert "As agreed" in shown and "Direction: To the right" in shown


def test_the_since_section_takes_every_word_from_the_catalogue():
    from tests.test_i18n import assert_no_dutch_of_its_own

    assert_no_dutch_of_its_own("kompas/ui/series.py", "matrix_section")
    assert_no_dutch_of_its_own("kompas/ui/series.py", "position")
