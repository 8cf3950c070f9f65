"""The facilitator's parts of the Partnermatrix and Samenwerkingsscan pages take their words
from the catalogue: the Dutch on screen is word for word what it was, an English
participant sees none of it (and English where they see the same parts), and the screen
code holds no Dutch of its own."""

from __future__ import annotations

import pytest

from kompas import i18n, partners
from kompas.db import writing
from kompas.partners import lenses, relations
from tests.conftest import ROOT, Workshopper
from tests.pages.helpers import page_as, texts
from tests.test_i18n import assert_no_dutch_of_its_own

MATRIX = str(ROOT / "pages" / "3_Partnermatrix.py")
SCAN = str(ROOT / "pages" / "6_Samenwerkingsscan.py")

CONVERTED = [
    ("pages/3_Partnermatrix.py", "facilitator_tools"),
    ("kompas/ui/partners.py", "partner_admin"),
    ("kompas/ui/partners.py", "_partner_editor"),
    ("kompas/ui/partners.py", "import_form"),
    ("kompas/ui/partners.py", "settings_panel"),
    ("kompas/ui/partners.py", "_towards"),
    ("kompas/ui/partners.py", "direction_form"),
    ("kompas/ui/partners_relations.py", "relations_part"),
    ("kompas/ui/partners_relations.py", "_relation_form"),
    ("kompas/ui/partners_relations.py", "_interests"),
    ("kompas/ui/partners_relations.py", "_group_form"),
    ("kompas/ui/partners_lens.py", "lens_bar"),
    ("kompas/ui/scan.py", "facilitator_panel"),
    ("pages/6_Samenwerkingsscan.py", "facilitator_tools"),
]


@pytest.mark.parametrize(("file", "function"), CONVERTED)
def test_the_facilitators_parts_hold_no_dutch_of_their_own(file, function):
    assert_no_dutch_of_its_own(file, function)


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db)
    with writing(app_db) as db:
        ws.mee = partners.add_partner(db, actor=ws.facilitator, name="MEE", kind="zorg")
        relations.add_interest(
            db, actor=ws.facilitator, partner_id=ws.mee, kind="gedeeld", text_="Wachttijd"
        )
    ws.sam = ws.join("Sam", "gemeente", language="en")
    return ws


def test_the_facilitator_sees_the_matrix_tools_in_dutch_word_for_word(ws):
    at = page_as(MATRIX, ws)
    shown = texts(at)
    assert "Voor de procesbegeleider" in [s.value for s in at.subheader]
    assert [tab.label for tab in at.tabs] == [
        "Richting per partner",
        "Partners",
        "Importeren",
        "Zichtbaarheid en kwadranten",
    ]
    # direction per partner
    assert at.selectbox(key="direction_partner").label == "Partner"
    assert (
        "In de lens Invloed × afhankelijkheid: omhoog is meer invloed, omlaag minder invloed, "
        "naar rechts meer afhankelijkheid, naar links minder afhankelijkheid."
    ) in shown
    pid = ws.mee
    assert at.radio(key=f"direction_{pid}").label == "Richting"
    assert at.radio(key=f"direction_{pid}").options[-1] == "Blijven"
    assert at.text_area(key=f"direction_rationale_{pid}").label == "Onderbouwing"
    assert at.text_area(key=f"direction_action_{pid}").label == "Actie"
    assert at.text_input(key=f"direction_owner_{pid}").label == "Eigenaar"
    assert at.date_input(key=f"direction_review_{pid}").label == "Terugkijken op"
    assert at.text_area(key=f"direction_dissent_{pid}").label == "Afwijkende mening (mag leeg)"
    assert at.button(key=f"direction_submit_{pid}").label == "Richting opslaan"
    # partners: add and edit
    assert "**Partner toevoegen**" in [m.value for m in at.markdown]
    assert at.text_input(key="partner_name").label == "Naam"
    assert at.text_input(key="partner_service").label == "Voorziening (mag leeg)"
    assert at.selectbox(key="partner_kind").label == "Soort"
    assert at.selectbox(key="partner_kind").options[-1] == "Overig"
    value = at.text_input(key="partner_value")
    assert (value.label, value.placeholder) == (
        "Contractwaarde in euro (mag leeg)",
        "Bijvoorbeeld 125.000",
    )
    assert at.text_area(key="partner_notes").label == "Notities (mag leeg)"
    assert at.button(key="partner_submit").label == "Toevoegen"
    assert at.selectbox(key="partner_pick").label == "Partner bewerken of verwijderen"
    assert at.text_input(key=f"partner_service_{pid}").label == "Voorziening"
    assert at.selectbox(key=f"partner_kind_{pid}").value == "zorg"
    assert at.text_input(key=f"partner_value_{pid}").label == "Contractwaarde in euro"
    assert at.text_area(key=f"partner_notes_{pid}").label == "Notities"
    assert at.button(key=f"partner_save_{pid}").label == "Wijzigingen opslaan"
    assert at.checkbox(key=f"partner_confirm_{pid}").label == (
        "Ook verwijderen als activiteiten deze partner noemen (die activiteiten blijven, "
        "zonder partner)"
    )
    assert at.button(key=f"partner_delete_{pid}").label == "Partner verwijderen"
    # import
    assert (
        "Een CSV- of Excel-bestand met de kolommen **naam**, voorziening, soort (welzijn, zorg, "
        "jeugd, onderwijs, wonen, overig), contractwaarde en notities. Klopt één regel niet, "
        "dan wordt niets geïmporteerd."
    ) in [m.value for m in at.markdown]
    # visibility and quadrants
    assert at.toggle(key="matrix_reveal").label == (
        "Inschattingen van iedereen laten zien (zonder namen)"
    )
    agree = at.button(key="matrix_agree_mean")
    assert agree.label == "Gezamenlijke posities starten op het gemiddelde"
    assert agree.help.startswith("Voor partners zonder gezamenlijke positie;")
    assert "**Namen van de kwadranten**" in [m.value for m in at.markdown]
    assert at.text_input(key="quadrant_0").label == "Linksboven (veel invloed, weinig afhankelijk)"
    assert at.text_input(key="quadrant_3").label == "Rechtsonder (weinig invloed, erg afhankelijk)"
    assert at.button(key="quadrant_submit").label == "Kwadranten opslaan"
    # the relation and ordering the interests
    assert at.selectbox(key=f"relation_now_{pid}").label == "Relatie nu"
    assert at.selectbox(key=f"relation_now_{pid}").options[0] == "Nog niet besproken"
    assert at.selectbox(key=f"relation_desired_{pid}").label == "Gewenste relatie"
    assert at.text_area(key=f"relation_roles_{pid}").label == "Rollen en afspraken (mag leeg)"
    enough = at.text_area(key=f"relation_enough_{pid}")
    assert enough.label == "Wat is goed genoeg? (mag leeg)"
    assert enough.help.startswith("De ondergrens die de groep afspreekt")
    assert at.button(key=f"relation_submit_{pid}").label == "Relatie opslaan"
    assert "Belangen ordenen" in [e.label for e in at.expander]
    assert "Geef belangen die bij elkaar horen dezelfde groep. Leeg = geen groep." in shown
    [interest] = [w.key for w in at.text_input if w.key.startswith("interest_group_")]
    assert at.text_input(key=interest).label == "Groep"
    kind = at.selectbox(key=interest.replace("group", "kindof"))
    assert (kind.label, kind.options) == ("Soort", ["Gedeeld belang", "Eigen belang"])
    assert at.button(key=f"interest_groups_save_{pid}").label == "Groepen opslaan"
    assert at.selectbox(key=f"interest_delete_pick_{pid}").label == "Belang verwijderen"
    assert at.button(key=f"interest_delete_{pid}").label == "Verwijderen"


def test_another_lens_names_its_directions_and_fixed_quadrants_in_dutch(ws):
    with writing(ws.engine) as db:
        partners.set_lens(db, actor=ws.facilitator, lens=lenses.STURING_NETWERK.id)
    shown = texts(page_as(MATRIX, ws))
    assert (
        "In de lens Sturing × netwerkpositie: omhoog is naar strak sturen, omlaag naar "
        "faciliteren, naar rechts naar veel partners, naar links naar op zichzelf."
    ) in shown
    assert (
        "De kwadranten van deze lens hebben vaste namen. Je kunt de namen van de lens "
        "'Invloed × afhankelijkheid' wel aanpassen."
    ) in shown


def test_an_english_participant_sees_english_and_none_of_the_facilitators_tools(ws):
    at = page_as(MATRIX, ws, ws.sam)
    shown = texts(at)
    assert "**Relation now:** Not discussed yet" in shown
    assert "Shared interest: Wachttijd" in shown  # what people write stays as written
    for dutch in ("Voor de procesbegeleider", "Relatie nu", "Belangen ordenen", "In de lens"):
        assert dutch not in shown, dutch
    assert not at.tabs
    assert f"relation_now_{ws.mee}" not in [w.key for w in at.selectbox]


def test_the_facilitator_sees_the_scan_panel_in_dutch_and_a_participant_in_english(ws):
    at = page_as(SCAN, ws)
    assert "Voor de procesbegeleider" in [s.value for s in at.subheader]
    assert at.toggle(key="scan_reveal").label == "Scores van de groep laten zien (zonder namen)"
    about = at.radio(key="scan_element")
    assert (about.label, about.options) == (
        "Conclusie over",
        ["Strategie", "Governance", "Samenwerken"],
    )
    body = at.text_area(key="scan_conclusion_text_strategie")
    assert (body.label, body.help) == ("Conclusie", "Elke regel komt als besluit in het verslag.")
    assert at.text_input(key="scan_action_strategie").label == "Actie (mag leeg)"
    assert at.text_input(key="scan_owner_strategie").label == "Eigenaar"
    assert at.button(key="scan_conclusion_submit_strategie").label == "Conclusie opslaan"

    sam = page_as(SCAN, ws, ws.sam)
    shown = texts(sam)
    assert "Cooperation scan" in [t.value for t in sam.title]
    assert "For the facilitator" not in shown and "Voor de procesbegeleider" not in shown
    assert not sam.toggle


def test_the_english_words_of_the_facilitators_tools():
    """The same keys in English (a facilitator's screen is Dutch today; the catalogue has both)."""
    assert i18n.text("matrix.tab.settings", "en") == "Visibility and quadrants"
    caption = i18n.text(
        "matrix.direction_caption",
        "en",
        lens="Influence × dependency",
        up=i18n.text("matrix.towards_more", "en", word="influence"),
        down=i18n.text("matrix.towards_less", "en", word="influence"),
        right=i18n.text("matrix.towards", "en", word="many partners"),
        left=i18n.text("matrix.towards", "en", word="on its own"),
    )
    assert caption == (
        "In the lens Influence × dependency: up is more influence, down less influence, to the "
        "right towards many partners, to the left towards on its own."
    )
    assert i18n.text("scan.conclusion_save", "en") == "Save conclusion"
    assert i18n.text("matrix.interest_delete", "en") == "Delete"
