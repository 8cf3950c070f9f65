from datetime import UTC

import pytest

from kompas import formats, text
from kompas.errors import InvalidInput


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  Anne  ", "Anne"),
        ("A\x00B\x1bC", "ABC"),
        ("e\u0301en", "één"[0:1] + "en" if False else "\u00e9en"),
        ("links\u202eskcil", "linksskcil"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("![x](http://h/leak.png)", "![x](http://h/leak.png)"),
    ],
)
def test_clean_normalises_and_keeps_markup_literal(raw, expected):
    assert text.clean(raw, field="titel") == expected


def test_clean_limits():
    with pytest.raises(InvalidInput, match="maximaal 200"):
        text.clean("x" * 201, field="titel")
    with pytest.raises(InvalidInput, match="mag niet leeg"):
        text.clean("\x00 ", field="titel")
    assert text.optional(None, field="notitie") == ""
    assert text.optional("a\r\nb", field="notitie") == "a\nb"


@pytest.mark.parametrize(
    "cents, shown",
    [
        (123450, "€ 1.234,50"),
        (0, "€ 0,00"),
        (5, "€ 0,05"),
        (100000000, "€ 1.000.000,00"),
        (None, "–"),
    ],
)
def test_money(cents, shown):
    assert formats.money(cents) == shown


@pytest.mark.parametrize(
    "raw, cents",
    [
        ("€ 12.500,50", 1250050),
        ("12500", 1250000),
        ("12.500", 1250000),
        ("12500.50", 1250050),
        ("1,5", 150),
        (" € 1.234.567,89 ", 123456789),
        (12.5, 1250),
        ("", None),
        (None, None),
        ("€ 250,-", 25000),
    ],
)
def test_parse_money(raw, cents):
    assert formats.parse_money(raw) == cents


@pytest.mark.parametrize("raw", ["twaalf", "12,500,50", "1.2.3,4", "-5", "12,345", True])
def test_parse_money_refuses(raw):
    with pytest.raises(InvalidInput):
        formats.parse_money(raw)


def test_dates_in_dutch():
    from datetime import date, datetime

    assert formats.date_nl(date(2026, 11, 22)) == "22 november 2026"
    # 23:30 UTC on 31 March is 1 April in Amsterdam (summer time)
    assert formats.datetime_nl(datetime(2026, 3, 31, 23, 30, tzinfo=UTC)) == "1 april 2026, 01:30"


@pytest.mark.parametrize(
    "n, expected",
    [
        (0, "0 activiteiten"),
        (1, "1 activiteit"),
        (2, "2 activiteiten"),
        (1200, "1.200 activiteiten"),
    ],
)
def test_count_says_singular_or_plural_never_en_in_brackets(n, expected):
    assert formats.count(n, "activiteit", "activiteiten") == expected
