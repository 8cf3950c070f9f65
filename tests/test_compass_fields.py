"""Kwaliteitskompas input: single values, the input models, a table row read once, and the
one money limit."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kompas import formats
from kompas.compass import fields as f
from kompas.errors import InvalidInput

NAN = float("nan")

# --- single values -------------------------------------------------------------------------

VALUES = [
    ("1.234,5", 1234.5),
    ("1234.5", 1234.5),
    ("44%", 44.0),
    (" 12 ", 12.0),
    (7, 7.0),
    ("", None),
    (None, None),
    (NAN, None),
    ("-3,25", -3.25),
]


@pytest.mark.parametrize("raw,expected", VALUES)
def test_parse_value(raw, expected):
    assert f.parse_value(raw, "nulmeting") == expected


@pytest.mark.parametrize(
    "raw,message",
    [
        ("veel", "Nulmeting 'veel' is geen getal."),
        (2e12, "Nulmeting is onwaarschijnlijk groot."),
        (True, "Nulmeting moet een getal zijn."),
    ],
)
def test_parse_value_refuses(raw, message):
    with pytest.raises(InvalidInput) as exc:
        f.parse_value(raw, "nulmeting")
    assert str(exc.value) == message


@pytest.mark.parametrize(
    "raw,expected",
    [("2025", 2025), (2022.0, 2022), (1990, 1990), (2100, 2100), ("", None), (None, None)],
)
def test_parse_year(raw, expected):
    assert f.parse_year(raw, "streefjaar") == expected


@pytest.mark.parametrize("raw", ["twintig", 2025.5, 1989, 2101, "25"])
def test_parse_year_refuses_what_is_no_year(raw):
    with pytest.raises(InvalidInput, match=r"^Streefjaar moet een jaartal zijn, zoals 2025\.$"):
        f.parse_year(raw, "streefjaar")


@pytest.mark.parametrize(
    "raw,expected",
    [
        (True, True),
        (False, False),
        (None, True),
        (1, True),
        (0.0, False),
        ("Ja", True),
        (" x ", True),
        ("hoger", True),
        ("NEE", False),
        ("lager", False),
        ("0", False),
    ],
)
def test_parse_bool(raw, expected):
    assert f.parse_bool(raw, "hoger is beter") is expected


def test_parse_bool_refuses_other_words():
    with pytest.raises(InvalidInput, match="Hoger is beter: vul ja of nee in, niet 'misschien'"):
        f.parse_bool("misschien", "hoger is beter")


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("15-03-2025", date(2025, 3, 15)),
        ("2025-03-15", date(2025, 3, 15)),
        ("15/03/2025", date(2025, 3, 15)),
        ("15-03-25", date(2025, 3, 15)),
        (datetime(2025, 3, 15, 9, 30), date(2025, 3, 15)),
        (date(2024, 2, 29), date(2024, 2, 29)),
    ],
)
def test_parse_date(raw, expected):
    assert f.parse_date(raw, "datum") == expected


def test_parse_date_empty_and_wrong():
    assert f.parse_date("", "datum", required=False) is None
    assert f.parse_date(NAN, "datum", required=False) is None
    with pytest.raises(InvalidInput, match="^Datum mag niet leeg zijn.$"):
        f.parse_date(None, "datum")
    with pytest.raises(InvalidInput, match="Datum '31-02-2025' is geen datum"):
        f.parse_date("31-02-2025", "datum")


@pytest.mark.parametrize(
    "raw,expected",
    [(100, 100), (None, None), (0, 0), (formats.MONEY_MAX_CENTS, formats.MONEY_MAX_CENTS)],
)
def test_parse_cents(raw, expected):
    assert f.parse_cents(raw) == expected


@pytest.mark.parametrize(
    "raw,message",
    [
        (12.5, "moet een bedrag in centen zijn"),
        ("100", "moet een bedrag in centen zijn"),
        (True, "moet een bedrag in centen zijn"),
        (-1, "mag niet negatief zijn"),
        (formats.MONEY_MAX_CENTS + 1, "meer dan een miljard euro"),
    ],
)
def test_parse_cents_refuses(raw, message):
    with pytest.raises(InvalidInput, match=message):
        f.parse_cents(raw)


def test_money_limit_is_the_same_for_euro_text_and_cents():
    assert formats.parse_money("€ 1.000.000.000") == formats.MONEY_MAX_CENTS
    with pytest.raises(InvalidInput, match="miljard"):
        formats.parse_money("€ 1.000.000.000,01")
    with pytest.raises(InvalidInput, match="miljard"):
        f.parse_cents(formats.parse_money("€ 1.000.000.000") + 1)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("ja", "ja"),
        ("Deels / veelbelovend", "deels"),
        (None, "onbekend"),
        ("", "onbekend"),
        (" NEE ", "nee"),
    ],
)
def test_parse_effectiveness(raw, expected):
    assert f.parse_effectiveness(raw) == expected


def test_parse_effectiveness_refuses():
    with pytest.raises(InvalidInput, match="kies ja, deels, nee of onbekend, niet 'soms'"):
        f.parse_effectiveness("soms")


@pytest.mark.parametrize(
    "raw,expected", [(3, 3), (3.0, 3), ("4", 4), (None, None), ("", None), (NAN, None)]
)
def test_parse_choice(raw, expected):
    assert f.parse_choice(raw) == expected


def test_parse_choice_refuses_free_text():
    with pytest.raises(InvalidInput, match="Kies een bestaande waarde uit de lijst."):
        f.parse_choice("Buurtkamers")


# --- input models ------------------------------------------------------------------------------


def test_indicator_create_converts_every_field():
    ind = f.IndicatorCreate(
        name="  Eenzaamheid\u200b (GGD) ",
        kind="Tellen",
        unit="%",
        baseline_value="44,5",
        baseline_year="2022",
        target_value=38,
        target_year=2027.0,
        higher_is_better="nee",
        source="GGD",
    )
    assert ind.model_dump() == dict(
        name="Eenzaamheid (GGD)",
        kind="tellen",
        unit="%",
        baseline_value=44.5,
        baseline_year=2022,
        target_value=38.0,
        target_year=2027,
        higher_is_better=False,
        source="GGD",
    )


@pytest.mark.parametrize(
    "fields,message",
    [
        (dict(), "Naam van de indicator mag niet leeg zijn."),
        (
            dict(name="X", kind="meten"),
            "Soort indicator: kies tellen (een getal) of vertellen (een verhaal), niet 'meten'.",
        ),
        (
            dict(name="X", baseline_year=2027, target_year=2025),
            "Indicator 'X': het streefjaar ligt voor het jaar van de nulmeting.",
        ),
        (
            dict(name="X", baseline_value=10, target_value=5),
            "de streefwaarde is lager dan de nulmeting",
        ),
        (
            dict(name="X", baseline_value=10, target_value=15, higher_is_better=False),
            "de streefwaarde is hoger dan de nulmeting",
        ),
        (dict(name="X", unit="u" * 41), "Eenheid is te lang: 41 tekens, maximaal 40."),
    ],
)
def test_indicator_create_refuses(fields, message):
    with pytest.raises(InvalidInput) as exc:
        f.IndicatorCreate(**fields)
    assert message in str(exc.value)


def test_indicator_without_target_or_equal_values_needs_no_direction():
    assert (
        f.IndicatorCreate(
            name="X", baseline_value=10, target_value=10, higher_is_better=False
        ).target_value
        == 10
    )
    assert f.IndicatorCreate(name="X", baseline_value=10).target_value is None


def test_activity_update_holds_only_the_fields_given():
    update = f.ActivityUpdate(
        quality_method=" Methode X ", proven_effective="Ja, bewezen effectief"
    )
    assert update.model_dump(exclude_unset=True) == {
        "quality_method": "Methode X",
        "proven_effective": "ja",
    }
    assert f.ActivityUpdate(result_ids=[3, 4]).model_dump(exclude_unset=True) == {
        "result_ids": {3: 1.0, 4: 1.0}
    }
    assert f.ActivityUpdate(result_ids={3: 2}).result_ids == {3: 2}


def test_activity_create_defaults():
    new = f.ActivityCreate(title="Buurtkamers")
    assert (new.description, new.budget_cents, new.proven_effective, new.result_ids) == (
        "",
        None,
        "onbekend",
        None,
    )
    with pytest.raises(InvalidInput, match="^Titel van de activiteit mag niet leeg zijn.$"):
        f.ActivityCreate(title="   ")


def test_unknown_field_is_a_programming_error_not_a_silent_skip():
    with pytest.raises(ValueError, match="titel"):
        f.ActivityUpdate(titel="Buurtkamers")


def test_activity_row_is_read_once():
    row = {
        "id": 7,
        "rev": 2,
        "_label": "Buurtkamers",
        "title": "Buurtkamers",
        "partner_id": 3.0,
        "budget": "€ 12.500,50",
        "result_ids": [1],
    }
    data = f.ActivityUpdate.from_row(row)
    assert data.model_dump(exclude_unset=True) == {
        "title": "Buurtkamers",
        "partner_id": 3,
        "budget_cents": 1_250_050,
        "result_ids": {1: 1.0},
    }


def test_activity_row_with_empty_cells():
    data = f.ActivityUpdate.from_row(
        {"id": 7, "budget": NAN, "partner_id": NAN, "proven_effective": None}
    )
    assert data.model_dump(exclude_unset=True) == {
        "budget_cents": None,
        "partner_id": None,
        "proven_effective": "onbekend",
    }


@pytest.mark.parametrize(
    "budget,message",
    [
        ("twaalf", "Budget 'twaalf' is geen bedrag"),
        ("-5", "Budget mag niet negatief zijn."),
        ("€ 2.000.000.000", "miljard"),
    ],
)
def test_activity_row_refuses_bad_budget(budget, message):
    with pytest.raises(InvalidInput, match=message):
        f.ActivityCreate.from_row({"title": "X", "budget": budget})


def test_indicator_row_turns_empty_cells_into_defaults():
    row = {
        "id": None,
        "name": "Bezoekers",
        "kind": None,
        "unit": NAN,
        "baseline_value": NAN,
        "baseline_year": NAN,
        "target_value": 120.0,
        "target_year": 2027,
        "higher_is_better": None,
        "source": None,
        "latest": "",
        "status": "",
        "owner": "Resultaat 1",
    }
    ind = f.IndicatorCreate.from_row(row)
    assert (
        ind.kind,
        ind.unit,
        ind.baseline_value,
        ind.baseline_year,
        ind.higher_is_better,
        ind.source,
    ) == ("tellen", "", None, None, True, "")
    assert ind.target_value == 120.0 and ind.target_year == 2027


def test_result_row_choice_must_be_an_id():
    assert f.ResultCreate.from_row({"title": "R", "ambition_id": 2.0}).ambition_id == 2
    assert f.ResultCreate.from_row({"title": "R", "ambition_id": NAN}).ambition_id is None
    with pytest.raises(InvalidInput, match="Kies een bestaande waarde"):
        f.ResultCreate.from_row({"title": "R", "ambition_id": "Minder eenzaamheid"})


@pytest.mark.parametrize(
    "fields,message",
    [
        (
            dict(going_well="Goed"),
            "Een verbeterpunt hoort bij één resultaat of bij één activiteit.",
        ),
        (
            dict(result_id=1, activity_id=2, going_well="Goed"),
            "hoort bij één resultaat of bij één activiteit",
        ),
        (dict(result_id=1), "Vul bij een verbeterpunt minstens in wat goed gaat"),
        (dict(result_id=1, next_step="Door", due_date="morgen"), "Datum 'morgen' is geen datum"),
        (dict(activity_id=1, next_step="Door", owner="x" * 81), "Eigenaar is te lang"),
    ],
)
def test_reflection_refuses(fields, message):
    with pytest.raises(InvalidInput, match=message):
        f.ReflectionCreate(**fields)


def test_reflection_row():
    row = {
        "id": None,
        "subject": "Activiteit: Buurtkamers",
        "result_id": None,
        "activity_id": 4.0,
        "going_well": "Veel bezoek",
        "could_be_better": NAN,
        "next_step": None,
        "owner": "Welzijn Oost",
        "due_date": "1-6-2025",
    }
    data = f.ReflectionCreate.from_row(row)
    assert data.model_dump() == dict(
        result_id=None,
        activity_id=4,
        going_well="Veel bezoek",
        could_be_better="",
        next_step="",
        owner="Welzijn Oost",
        due_date=date(2025, 6, 1),
    )


def test_ambition_keeps_lines_in_long_text():
    amb = f.AmbitionCreate(
        title="Minder\teenzaamheid", current_state="44%\r\nGGD 2022", monitoring=None
    )
    assert (amb.title, amb.current_state, amb.monitoring) == (
        "Minder eenzaamheid",
        "44%\nGGD 2022",
        "",
    )


def test_check_direction_allows_missing_values():
    for baseline, target in ((None, 5), (5, None), (None, None)):
        assert f.check_direction(baseline, target, False, "X") is None
