"""AppTest: the Partnermatrix page for a participant who chose English at join, in each
phase; what people write (partner names, interests, quadrant names the facilitator gave)
stays as written; a Dutch participant still sees Dutch."""

from __future__ import annotations

import json

import pytest

from kompas import labels, partners, workshops
from kompas.db import writing
from kompas.partners import lenses, relations
from tests.conftest import ROOT, Workshopper
from tests.pages.helpers import page_as, texts, unescape
from tests.test_i18n import assert_no_dutch_of_its_own

PAGE = str(ROOT / "pages" / "3_Partnermatrix.py")
PARTNER = "MEE Gelderse Poort"  # user text: never translated


@pytest.fixture
def ws(app_db):
    ws = Workshopper(app_db)
    with writing(app_db) as db:
        ws.mee = partners.add_partner(db, actor=ws.facilitator, name=PARTNER, kind="zorg")
        ws.wijk = partners.add_partner(db, actor=ws.facilitator, name="Wijkteam Noord")
    ws.sam = ws.join("Sam", "gemeente", language="en")
    ws.anne = ws.join("Anne", "gemeente")
    return ws


def set_phase(ws, phase: str) -> None:
    with writing(ws.engine) as db:
        workshops.set_phase(db, actor=ws.facilitator, tool="matrix", phase=phase)


def matrix_data(at) -> dict:
    [element] = [
        e for e in at.get("bidi_component") if e.proto.component_name == "kompas.partner_matrix"
    ]
    return json.loads(element.proto.json)


def table(at, column: str):
    """A read-only table (no id in AppTest) by a column it has."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


DUTCH = (
    "Plaats elke partner",
    "Je hebt",
    "Invloed op de doelen",
    "Wat betekenen de kwadranten?",
    "Linksboven",
    "Ontwikkelen",
    "Liever zonder slepen?",
    "Opdrachtgever én partner",
    "Nog geen belangen genoemd.",
    "Belangen",
)


def test_estimating_in_english(ws):
    at = page_as(PAGE, ws, ws.sam)
    shown = texts(at)
    assert "Partner matrix" in [t.value for t in at.title]
    assert "Place each partner in your own matrix." in shown
    assert "You have placed 0 of the 2 partners. The estimates of others are still hidden." in (
        shown
    )
    assert "**Lens: Influence × dependency**" in [m.value for m in at.markdown]
    assert "Top left: Develop" in shown and "Bottom right: Secure" in shown
    assert "Much influence on the goals" in shown
    assert "Client and partner, and interests" in shown
    assert "No interests named yet." in shown
    for dutch in DUTCH:
        assert dutch not in shown, dutch
    # the matrix component speaks English; the partner's name is as written
    data = matrix_data(at)
    assert data["title"] == "Partner matrix: Influence × dependency"
    assert (data["y_label"], data["x_label"]) == (
        "Influence on the goals",
        "The municipality's dependency",
    )
    assert (data["y_word"], data["x_word"], data["y_high"]) == ("influence", "dependency", "high")
    assert data["x_hint"].startswith("Test question")
    assert data["quadrants"] == ["Develop", "Strategic partnership", "Keep limited", "Secure"]
    assert data["legend"].startswith("Blue dots: your estimate.")
    assert data["texts"] == {
        "draggable": "draggable point",
        "agreed": "agreed position",
        "unplaced": "not placed yet",
    }
    assert {d["label"] for d in data["dots"]} == {PARTNER, "Wijkteam Noord"}
    assert {d["unplaced_text"] for d in data["dots"]} == {"not placed yet"}
    # the sliders and the interest form
    assert at.expander[1].label == "Rather not drag? Set your estimate with sliders"
    assert at.slider(key=f"influence_{ws.mee}").label == f"Influence on the goals (%) – {PARTNER}"
    dependency = unescape(at.slider(key=f"dependency_{ws.mee}").label)
    assert dependency == f"The municipality's dependency (%) – {PARTNER}"
    assert at.button(key="matrix_sliders_submit").label == "Save"
    assert at.selectbox(key="relation_partner").label == "Partner"
    assert at.radio(key="interest_kind").label == "Kind of interest"
    assert at.radio(key="interest_kind").options == ["Shared interest", "Own interest"]
    assert at.text_area(key="interest_text").label == "Interest"
    assert at.text_area(key="interest_text").placeholder.startswith("For example:")
    assert at.button(key=f"interest_submit_{ws.mee}").label == "Add interest"


def test_the_same_page_stays_dutch_for_a_dutch_participant(ws):
    at = page_as(PAGE, ws, ws.anne)
    shown = texts(at)
    assert "Partnermatrix" in [t.value for t in at.title]
    assert "Je hebt 0 van de 2 partners geplaatst. De inschattingen van anderen zijn nog" in shown
    assert "**Lens: Invloed × afhankelijkheid**" in [m.value for m in at.markdown]
    assert "Linksboven: Ontwikkelen" in shown
    data = matrix_data(at)
    assert data["title"] == "Partnermatrix: Invloed × afhankelijkheid"
    assert data["y_label"] == "Invloed op de doelen"
    assert data["quadrants"] == list(labels.DEFAULT_QUADRANTS)
    assert data["texts"]["draggable"] == "versleepbaar punt"
    assert at.slider(key=f"influence_{ws.mee}").label == f"Invloed op de doelen (%) – {PARTNER}"
    assert at.radio(key="interest_kind").options == ["Gedeeld belang", "Eigen belang"]


def test_discussing_in_english_shows_the_group_in_english(ws):
    people = [ws.sam, ws.anne, ws.join("Cor", "gemeente")]
    with writing(ws.engine) as db:
        for person, x in zip(people, (0.0, 1.0, 0.5), strict=True):
            partners.place_partner(
                db, actor=person, partner_id=ws.mee, influence=1 - x, dependency=x
            )
        partners.reveal_placements(db, actor=ws.facilitator)
    set_phase(ws, "bespreken")
    at = page_as(PAGE, ws, ws.sam)
    shown = texts(at)
    assert "Discuss where the group disagrees" in shown
    assert "Where do we differ?" in shown
    assert "Spread: the average distance" in shown
    assert "Waar verschillen we?" not in shown and "Spreiding" not in shown
    group = table(at, "Placed")
    assert list(group.columns) == [
        "Partner",
        "Placed",
        "Influence (avg.)",
        "Dependency (avg.)",
        "Spread",
        "Per group (3 or more)",
    ]
    first = group.iloc[0]
    assert first["Partner"] == PARTNER and first["Placed"] == "3 of 3"
    assert first["Spread"].startswith("large")
    assert first["Per group (3 or more)"].startswith("Municipality: ")
    legend = matrix_data(at)["legend"]
    assert "Small grey dots: estimates of others, without names." in legend
    # the Dutch participant's table keeps its Dutch headers
    dutch = table(page_as(PAGE, ws, ws.anne), "Geplaatst")
    assert list(dutch.columns)[:3] == ["Partner", "Geplaatst", "Invloed (gem.)"]
    assert dutch.iloc[0]["Spreiding"].startswith("groot")


def test_deciding_and_closed_in_english(ws):
    with writing(ws.engine) as db:
        partners.set_agreed_position(
            db, actor=ws.facilitator, partner_id=ws.mee, influence=0.8, dependency=0.7
        )
        partners.set_direction(
            db, actor=ws.facilitator, partner_id=ws.mee, direction="rechts", action="Bellen"
        )
    set_phase(ws, "besluiten")
    at = page_as(PAGE, ws, ws.sam)
    shown = texts(at)
    assert "For each partner the facilitator sets the agreed position" in shown
    assert "Direction per partner" in shown and "Richting per partner" not in shown
    directions = table(at, "Direction")
    assert list(directions.columns)[:4] == ["Partner", "Direction", "Action", "Owner"]
    assert (directions.iloc[0]["Direction"], directions.iloc[0]["Action"]) == (
        "To the right",
        "Bellen",  # what people write stays as written
    )
    legend = matrix_data(at)["legend"]
    assert legend.startswith("Blue dots: your estimate (view only).")
    assert "Brown diamonds: the agreed position." in legend
    assert "Arrows: the agreed direction; a ring means stay." in legend
    assert not at.slider  # no sliders once the group decides
    set_phase(ws, "gesloten")
    shown = texts(page_as(PAGE, ws, ws.sam))
    assert "The partner matrix is closed. You can still look at everything." in shown


def test_a_quadrant_name_the_facilitator_gave_stays_as_written(ws):
    names = ["Samen optrekken", *labels.DEFAULT_QUADRANTS[1:]]
    with writing(ws.engine) as db:
        workshops.set_quadrant_labels(db, actor=ws.facilitator, labels=names)
    at = page_as(PAGE, ws, ws.sam)
    assert matrix_data(at)["quadrants"] == [
        "Samen optrekken",
        "Strategic partnership",
        "Keep limited",
        "Secure",
    ]
    assert "Top left: Samen optrekken" in texts(at)


def test_the_stade_lens_in_english(ws):
    with writing(ws.engine) as db:
        partners.set_lens(db, actor=ws.facilitator, lens=lenses.STURING_NETWERK.id)
    at = page_as(PAGE, ws, ws.sam)
    shown = texts(at)
    assert "**Lens: Steering × network position**" in [m.value for m in at.markdown]
    assert "After the model of Stade Advies." in shown
    assert "Top right: Directing the chain" in shown
    assert "Sturing" not in shown and "Regie op de keten" not in shown
    data = matrix_data(at)
    assert data["y_label"] == "Steering by the municipality as funder"
    assert (data["y_low"], data["y_high"]) == ("facilitating", "tight steering")
    assert (data["x_low"], data["x_high"]) == ("on its own", "many partners")
    assert data["x_word"] == "network position"
    assert data["quadrants"][3] == "Productive partnership"
    label = at.slider(key=f"influence_{ws.mee}").label
    assert label == f"Steering by the municipality as funder (%) – {PARTNER}"


def test_an_interest_in_english_and_its_text_as_written(ws):
    at = page_as(PAGE, ws, ws.sam)
    at.text_area(key="interest_text").input("Een sluitende begroting")
    at.radio(key="interest_kind").set_value("eigen")
    at.button(key=f"interest_submit_{ws.mee}").click().run()
    assert not at.exception
    assert "Interest added" in [t.value for t in at.toast]
    shown = texts(at)
    assert "Own interest: Een sluitende begroting" in shown
    assert "*Not grouped yet*" in [m.value for m in at.markdown]
    assert "**Relation now:** Not discussed yet  \n**Desired relation:** Not discussed yet" in [
        m.value for m in at.markdown
    ]
    with writing(ws.engine) as db:
        [row] = [r for r in relations.relations(db, ws.id) if r.partner_id == ws.mee]
        relations.set_relation(
            db,
            actor=ws.facilitator,
            partner_id=ws.mee,
            rev=row.rev,
            relation_now="beide",
            roles_agreements="X",
        )
    shown = texts(page_as(PAGE, ws, ws.sam))
    assert "Relation now:** Both" in shown and "**Roles and agreements**" in shown


def test_sliders_say_what_they_saved_in_english(ws):
    at = page_as(PAGE, ws, ws.sam)
    at.slider(key=f"influence_{ws.mee}").set_value(80)
    at.button(key="matrix_sliders_submit").click().run()
    assert not at.exception
    assert "1 partner(s) saved" in [t.value for t in at.toast]


def test_without_partners_the_participant_waits_in_english(app_db):
    ws = Workshopper(app_db)
    sam = ws.join("Sam", "aanbieder", language="en")
    shown = texts(page_as(PAGE, ws, sam))
    assert "The facilitator has not added any partners yet. Please wait." in shown


TRANSLATED = [
    ("pages/3_Partnermatrix.py", "intro"),
    ("pages/3_Partnermatrix.py", "lens_bar"),
    ("pages/3_Partnermatrix.py", "live_matrix"),
    ("pages/3_Partnermatrix.py", "sliders"),
    ("pages/3_Partnermatrix.py", "relations_part"),
    ("kompas/ui/partners.py", "intro"),
    ("kompas/ui/partners.py", "matrix"),
    ("kompas/ui/partners.py", "_spread_word"),
    ("kompas/ui/partners.py", "_consensus_columns"),
    ("kompas/ui/partners.py", "consensus_table"),
    ("kompas/ui/partners.py", "group_view"),
    ("kompas/ui/partners.py", "directions_table"),
    ("kompas/ui/partners.py", "slider_form"),
    ("kompas/ui/partners.py", "_save_sliders"),
    ("kompas/ui/matrix/__init__.py", "shown_lens"),
    ("kompas/ui/matrix/__init__.py", "quadrant_names"),
    ("kompas/ui/matrix/__init__.py", "component_data"),
    ("kompas/ui/matrix/__init__.py", "_legend"),
    ("kompas/ui/partners_lens.py", "_lens_name"),
    ("kompas/ui/partners_lens.py", "lens_bar"),
    ("kompas/ui/partners_relations.py", "relations_part"),
    ("kompas/ui/partners_relations.py", "_relation_text"),
    ("kompas/ui/partners_relations.py", "_interests"),
    ("kompas/ui/partners_relations.py", "_add_interest"),
]


@pytest.mark.parametrize(("file", "function"), TRANSLATED)
def test_translated_matrix_screens_hold_no_dutch_of_their_own(file, function):
    assert_no_dutch_of_its_own(file, function)
