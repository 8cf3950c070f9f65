"""The facilitator's screens take their words from the catalogue: the tree tools on the
Doelenboom page, the projector screen (Presentatie), the Verslag page's settings and the
back-up upload on the home page. The facilitator still reads Dutch, word for word; a
participant who chose English is refused the projector screen in English and reads the
Verslag page's chrome in English, while the report itself stays in Dutch."""

from __future__ import annotations

import pytest

from kompas import goaltree, workshops
from kompas.db import writing
from kompas.workshops import join_workshop
from tests.conftest import Workshopper
from tests.pages.helpers import page_as, run_as, texts
from tests.test_i18n import assert_no_dutch_of_its_own

CONVERTED = [
    ("kompas/ui/goaltree_tools.py", "facilitator_tools"),
    ("kompas/ui/goaltree_tools.py", "_phase_and_votes"),
    ("kompas/ui/goaltree_tools.py", "_node_picker"),
    ("kompas/ui/goaltree_tools.py", "_edit_move"),
    ("kompas/ui/goaltree_tools.py", "_delete"),
    ("kompas/ui/goaltree_tools.py", "_merge"),
    ("kompas/ui/presenter.py", "refusal"),
    ("kompas/ui/presenter.py", "show"),
    ("kompas/ui/presenter.py", "_header"),
    ("kompas/ui/presenter.py", "_now"),
    ("kompas/ui/presenter.py", "_tree"),
    ("kompas/ui/presenter.py", "_matrix"),
    ("kompas/ui/report.py", "show_summary"),
    ("kompas/ui/report.py", "settings_form"),
    ("kompas/ui/report.py", "downloads"),
    ("kompas/ui/report.py", "import_form"),
    ("pages/4_Verslag.py", "settings_and_downloads"),
    ("pages/4_Verslag.py", "report_live"),
]


@pytest.mark.parametrize(("file", "function"), CONVERTED)
def test_converted_screens_hold_no_words_of_their_own(file, function):
    assert_no_dutch_of_its_own(file, function)


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db, title="Werksessie Zutphen").with_template(partner="Bibliotheek")
    with writing(app_db) as db:
        ws.effect = goaltree.add_node(
            db, actor=ws.facilitator, parent_id=ws.domain, title="Minder eenzaamheid"
        )
        ws.activity = goaltree.add_node(
            db, actor=ws.facilitator, parent_id=ws.effect, title="Buurtkamer", partner_id=ws.partner
        )
        ws.sam, token = join_workshop(
            db, code=ws.code, name="Sam", role_group="aanbieder", language="en"
        )
    ws.tokens[ws.sam.participant_id] = token
    ws.anne = ws.join("Anne", "gemeente")
    return ws


# --- the tree tools -----------------------------------------------------------------------


def test_tree_tools_speak_dutch_to_the_facilitator(ws):
    at = page_as("pages/1_Doelenboom.py", ws)
    assert at.expander[0].label == "Procesbegeleider: fase, stemmen, toevoegen en ordenen"
    assert [t.label for t in at.tabs][:4] == [
        "Fase en stemmen",
        "Toevoegen",
        "Bewerken en verplaatsen",
        "Samenvoegen",
    ]
    shown = texts(at)
    assert "De fase en het zichtbaar maken van de stemmen staan bovenaan de pagina." in shown
    assert "Het tweede onderdeel gaat op in het eerste" in shown
    template = at.button(key="tree_template")
    assert template.label == "Zes beleidsterreinen toevoegen (sjabloon)"
    assert template.help == "Voegt de beleidsterreinen toe die er nog niet zijn."
    assert [at.number_input(key=k).label for k in ("vote_budget", "vote_max")] == [
        "Stippen per deelnemer",
        "Maximaal per onderdeel",
    ]
    assert at.selectbox(key="vote_level").label == "Stemmen op"
    assert at.button(key="vote_settings_submit").label == "Opslaan"
    assert at.selectbox(key="edit_node").label == "Onderdeel"
    assert at.selectbox(key="merge_keep").label == "Bewaren"
    assert at.selectbox(key="merge_gone").label == "Laten opgaan in het eerste"
    assert at.button(key="merge_submit").label == "Samenvoegen"
    assert at.button(key="edit_submit").label == "Wijzigen opslaan"


def test_editing_an_activity_and_deleting_with_children_in_dutch(ws):
    at = page_as("pages/1_Doelenboom.py", ws)
    at.selectbox(key="edit_node").set_value(ws.activity).run()
    partner = at.selectbox(key=f"edit_partner_{ws.activity}")
    assert partner.label == "Partner"
    assert partner.format_func(None) == "geen"
    assert at.text_input(key=f"edit_title_{ws.activity}").label == "Titel"
    assert at.text_area(key=f"edit_desc_{ws.activity}").label == "Toelichting"
    move = at.selectbox(key=f"move_to_{ws.activity}")
    assert move.label == "Verplaatsen naar onder"
    assert move.help == "Alles eronder en de stippen gaan mee."
    assert at.button(key="move_submit").label == "Verplaatsen"
    at.selectbox(key="edit_node").set_value(ws.effect).run()
    at.button(key="delete_submit_node").click().run()
    assert not at.exception
    assert at.button(key="delete_confirm").label == "Ja, verwijderen"
    assert at.button(key="delete_cancel").label == "Niet verwijderen"


# --- the projector screen ----------------------------------------------------------------


def test_projector_screen_in_dutch_for_the_facilitator(ws):
    at = page_as("pages/5_Presentatie.py", ws)
    shown = texts(at)
    for dutch in (
        "Doe mee op **http://localhost:8501** met de code",
        "Of scan de QR-code. Deelnemers: **2**",
        "Welkom",
        "We beginnen zo. Doe alvast mee met de code hierboven.",
        "Voor de procesbegeleider: kies bij een onderdeel 'Iedereen naar …' (Doelenboom, "
        "Kwaliteitskompas, Partnermatrix); dit scherm volgt mee.",
    ):
        assert dutch in shown, dutch
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert f'aria-label="Code">{ws.code}</div>' in html
    assert at.get("image")[0].proto.imgs[0].alt.startswith("QR-code met de link om mee te doen: ")


def test_projector_screen_follows_the_tree_in_dutch(ws):
    with writing(ws.engine) as db:
        goaltree.add_node(db, actor=ws.anne, parent_id=ws.effect, title="Wandelgroep")
        workshops.set_now(db, actor=ws.facilitator, tool="tree", phase="stemmen")
        goaltree.cast_vote(db, actor=ws.anne, node_id=ws.effect)
        workshops.update_workshop(db, actor=ws.facilitator, votes_revealed=True)
    at = page_as("pages/5_Presentatie.py", ws)
    shown = texts(at)
    for dutch in (
        "Nu: Doelenboom · Stemmen",
        "1 van 2 hebben gestemd",
        "Nieuwste voorstellen",
        "- **Activiteit:** Wandelgroep",
        "Prioriteiten",
    ):
        assert dutch in shown, dutch
    assert list(at.dataframe[0].value.columns) == ["Rang", "Onderdeel", "Stippen"]


def test_projector_screen_without_partners_or_proposals(app_db):
    ws = Workshopper(app_db)
    with writing(app_db) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="matrix")
    assert "Nog geen partners." in texts(page_as("pages/5_Presentatie.py", ws))
    with writing(app_db) as db:
        workshops.set_now(db, actor=ws.facilitator, tool="tree")
    assert "Nog geen voorstellen." in texts(page_as("pages/5_Presentatie.py", ws))


def test_projector_screen_refuses_each_participant_in_their_language(ws):
    english = texts(page_as("pages/5_Presentatie.py", ws, ws.sam))
    assert "The presentation is for the facilitator only." in english
    assert "alleen voor de procesbegeleider" not in english
    dutch = texts(page_as("pages/5_Presentatie.py", ws, ws.anne))
    assert (
        "De presentatie is alleen voor de procesbegeleider. Jij doet mee via de andere "
        "pagina's: kies links een onderdeel." in dutch
    )


# --- the Verslag page and the back-up upload -----------------------------------------------


def test_report_settings_in_dutch_for_the_facilitator(ws):
    at = page_as("pages/4_Verslag.py", ws)
    shown = texts(at)
    for dutch in (
        "Conclusies, besluiten en open vragen",
        "De sessie",
        "Namen van deelnemers staan niet in het verslag. Deelnemers kunnen niet downloaden.",
    ):
        assert dutch in shown, dutch
    conclusions = at.text_area(key="report_conclusions")
    assert conclusions.label == "Conclusies van deze sessie"
    assert conclusions.help.startswith("Een lege regel begint een nieuwe alinea.")
    assert at.text_area(key="report_open_questions").help == "Eén vraag per regel."
    assert at.text_area(key="report_decisions").label == "Andere besluiten"
    assert at.date_input(key="report_session_date").label == "Datum van de sessie"
    assert at.date_input(key="report_next_session_date").label == (
        "Volgende sessie (als die gepland is)"
    )
    assert at.text_input(key="report_place").label == "Plaats"
    assert at.text_area(key="report_purpose").label == "Doel van de sessie"
    assert at.checkbox(key="report_show_names").help == (
        "Uit: alleen het aantal per rol en de organisaties."
    )
    assert at.checkbox(key="report_downloads_open").label == (
        "Deelnemers mogen het verslag downloaden"
    )
    at.checkbox(key="report_show_names").check()
    at.checkbox(key="report_downloads_open").check()
    at.button(key="report_save").click().run()
    assert not at.exception
    assert (
        "Namen van deelnemers staan wel in het verslag. Deelnemers kunnen wel downloaden."
        in texts(at)
    )


def test_report_chrome_in_english_and_the_report_itself_in_dutch(ws):
    at = page_as("pages/4_Verslag.py", ws, ws.sam)
    shown = texts(at)
    assert at.title[0].value == "Report"
    assert at.caption[1].value.endswith(" · 2 deelnemers")  # the report's own first line
    assert "Conclusions" not in shown and "Conclusies" not in shown  # no settings for Sam


def test_backup_upload_on_the_home_page_in_dutch(app_db):
    at = run_as("home.py")
    assert "Back-up terugzetten" in [s.value for s in at.subheader]
    assert "Zet een workshop terug uit een JSON-back-up van Kompas." in texts(at)
    assert at.get("file_uploader")[0].proto.label == "JSON-bestand"
    assert at.button(key="import_submit").label == "Terugzetten"
    at.button(key="import_submit").click().run()
    assert "Kies eerst een JSON-bestand." in texts(at)
