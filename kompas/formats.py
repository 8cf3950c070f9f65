"""Dutch formats: € 1.234,50, 1.234,5, 22 november 2026, times in Europe/Amsterdam."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from kompas.errors import InvalidInput
from kompas.labels import sentence_start

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def number(value: float | int | None, decimals: int = 0, *, empty: str = "–") -> str:
    if value is None:
        return empty
    text = f"{abs(value):,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("-" if value < 0 and float(text.replace(".", "").replace(",", ".")) != 0 else "") + text


def smart_number(value: float | None, *, empty: str = "–") -> str:
    """Whole numbers without decimals, others with up to two (trailing zeros dropped)."""
    if value is None:
        return empty
    if float(value).is_integer():
        return number(value, 0)
    text = number(value, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def money(cents: int | None, *, empty: str = "–") -> str:
    if cents is None:
        return empty
    return ("€ -" if cents < 0 else "€ ") + number(abs(cents) / 100, 2)


def money_short(cents: int | None, *, empty: str = "–") -> str:
    """Whole euros, for charts and tight tables: € 12.500."""
    if cents is None:
        return empty
    return ("€ -" if cents < 0 else "€ ") + number(round(abs(cents) / 100), 0)


# The largest amount anyone enters: a billion euro, in cents (fits the BIGINT columns).
MONEY_MAX_CENTS = 100_000_000_000
_MONEY_CLEAN = re.compile(r"[€\s\u00a0]|eur(o)?", re.IGNORECASE)


def parse_money(raw: object, *, field: str = "bedrag") -> int | None:
    """Parse an euro amount into cents. Accepts 12500, 12.500, 12.500,50, € 12.500,50,
    12500.50 and 1,5; an empty value gives None."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise InvalidInput(f"{sentence_start(field)} moet een bedrag zijn.")
    if isinstance(raw, (int, float, Decimal)):
        if isinstance(raw, float) and raw != raw:  # NaN from an empty table cell
            return None
        amount = Decimal(str(raw))
    else:
        text = _MONEY_CLEAN.sub("", str(raw)).replace(",-", "")
        if not text:
            return None
        negative = text.startswith("-")
        text = text.lstrip("-+")
        if not re.fullmatch(r"[\d.,]+", text):
            raise InvalidInput(
                f"{sentence_start(field)} '{raw}' is geen bedrag. Schrijf bijvoorbeeld € 12.500,50."
            )
        if "," in text:
            # Dutch: dots group thousands, the comma is the decimal sign.
            whole, _, frac = text.rpartition(",")
            if (
                "," in whole
                or not re.fullmatch(r"\d{1,3}(\.\d{3})*|\d+", whole)
                or not re.fullmatch(r"\d{1,2}", frac)
            ):
                raise InvalidInput(
                    f"{sentence_start(field)} '{raw}' is geen bedrag. Schrijf bijvoorbeeld € 12.500,50."
                )
            text = whole.replace(".", "") + "." + frac
        elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
            text = text.replace(".", "")
        elif not re.fullmatch(r"\d+(\.\d{1,2})?", text):
            raise InvalidInput(
                f"{sentence_start(field)} '{raw}' is geen bedrag. Schrijf bijvoorbeeld € 12.500,50."
            )
        try:
            amount = Decimal(text)
        except InvalidOperation as exc:
            raise InvalidInput(f"{sentence_start(field)} '{raw}' is geen bedrag.") from exc
        if negative:
            amount = -amount
    if amount < 0:
        raise InvalidInput(f"{sentence_start(field)} mag niet negatief zijn.")
    if amount * 100 > MONEY_MAX_CENTS:
        raise InvalidInput(
            f"{sentence_start(field)} is onwaarschijnlijk hoog (meer dan een miljard euro)."
        )
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def parse_number(raw: object, *, field: str = "waarde") -> float | None:
    """A number in Dutch or plain notation (1.234,5 or 1234.5); empty gives None."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise InvalidInput(f"{sentence_start(field)} moet een getal zijn.")
    if isinstance(raw, (int, float)):
        if raw != raw:
            return None
        return float(raw)
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError as exc:
        raise InvalidInput(f"{sentence_start(field)} '{raw}' is geen getal.") from exc
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidInput(f"{sentence_start(field)} '{raw}' is geen getal.")
    return value


def local(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(AMSTERDAM)


def date_nl(value: date | datetime | None, *, empty: str = "–") -> str:
    if value is None:
        return empty
    if isinstance(value, datetime):
        value = local(value).date()
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def datetime_nl(value: datetime | None, *, empty: str = "–") -> str:
    if value is None:
        return empty
    moment = local(value)
    return f"{date_nl(moment.date())}, {moment:%H:%M}"


def percent(fraction: float | None, *, empty: str = "–") -> str:
    if fraction is None:
        return empty
    return number(fraction * 100, 0) + "%"


def count(n: int, one: str, many: str) -> str:
    """ "1 activiteit", "3 activiteiten": never "activiteit(en)"."""
    return f"{number(n)} {one if n == 1 else many}"
