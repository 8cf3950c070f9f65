"""Kwaliteitskompas input: parsing of single values (numbers, years, cents, yes/no, dates)
and the input models that validate a whole ambition, result, activity, indicator or
reflection, from keyword arguments or from a row of an editable table.

Every refusal is an ``InvalidInput`` with a Dutch sentence; the validators raise it
directly, so it passes through pydantic unchanged.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any, ClassVar, Optional

from pydantic import ConfigDict, field_validator, model_validator
from sqlmodel import SQLModel

from kompas import formats, text
from kompas.errors import InvalidInput
from kompas.labels import EFFECTIVENESS_LABELS, sentence_start

INDICATOR_KINDS = ("tellen", "vertellen")
EFFECTIVENESS = ("ja", "deels", "nee", "onbekend")
YEAR_MIN, YEAR_MAX = 1990, 2100
VALUE_MAX = 1e12


# --- single values ---------------------------------------------------------------------------


def parse_value(raw: object, field_: str) -> Optional[float]:
    value = formats.parse_number(raw, field=field_)
    if value is not None and abs(value) > VALUE_MAX:
        raise InvalidInput(f"{sentence_start(field_)} is onwaarschijnlijk groot.")
    return value


def parse_year(raw: object, field_: str) -> Optional[int]:
    try:
        value = formats.parse_number(raw, field=field_)
    except InvalidInput as exc:
        raise InvalidInput(f"{sentence_start(field_)} moet een jaartal zijn, zoals 2025.") from exc
    if value is None:
        return None
    if not float(value).is_integer() or not YEAR_MIN <= value <= YEAR_MAX:
        raise InvalidInput(f"{sentence_start(field_)} moet een jaartal zijn, zoals 2025.")
    return int(value)


def parse_cents(raw: object) -> Optional[int]:
    """A budget that is already in cents (an int); euro text goes through formats.parse_money."""
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise InvalidInput("Het budget moet een bedrag in centen zijn.")
    if raw < 0:
        raise InvalidInput("Het budget mag niet negatief zijn.")
    if raw > formats.MONEY_MAX_CENTS:
        raise InvalidInput("Het budget is onwaarschijnlijk hoog (meer dan een miljard euro).")
    return raw


def parse_bool(raw: object, field_: str) -> bool:
    """Yes or no as people type it in a spreadsheet; empty counts as yes."""
    if isinstance(raw, bool):
        return raw
    if raw is None:
        return True
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    word = str(raw).strip().lower()
    if word in ("ja", "j", "waar", "true", "yes", "1", "hoger", "x"):
        return True
    if word in ("nee", "n", "onwaar", "false", "no", "0", "lager"):
        return False
    raise InvalidInput(f"{sentence_start(field_)}: vul ja of nee in, niet '{raw}'.")


def parse_date(raw: object, field_: str, *, required: bool = True) -> Optional[date]:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if raw is None or (isinstance(raw, float) and math.isnan(raw)) or str(raw).strip() == "":
        if required:
            raise InvalidInput(f"{sentence_start(field_)} mag niet leeg zijn.")
        return None
    s = str(raw).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%d-%m-%y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise InvalidInput(
        f"{sentence_start(field_)} '{s}' is geen datum. Schrijf bijvoorbeeld 15-03-2025."
    )


def parse_effectiveness(raw: object) -> str:
    """The key (ja, deels, nee, onbekend) from a key or its label; empty is onbekend."""
    word = str(raw or "onbekend").strip().lower()
    for key, label in EFFECTIVENESS_LABELS.items():
        if word in (key, label.lower()):
            return key
    raise InvalidInput(f"Bewezen effectief: kies ja, deels, nee of onbekend, niet '{raw}'.")


def parse_choice(value: object) -> Optional[int]:
    """The id behind a choice in a table cell (a select box): empty is None."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise InvalidInput("Kies een bestaande waarde uit de lijst.") from exc


def check_direction(
    baseline: Optional[float], target: Optional[float], higher_is_better: bool, name: str
) -> None:
    if baseline is None or target is None or baseline == target:
        return
    if higher_is_better and target < baseline:
        raise InvalidInput(
            f"Indicator '{name}': de streefwaarde is lager dan de nulmeting, "
            "maar 'hoger is beter' staat aan. Zet 'hoger is beter' uit of pas de waarden aan."
        )
    if not higher_is_better and target > baseline:
        raise InvalidInput(
            f"Indicator '{name}': de streefwaarde is hoger dan de nulmeting, "
            "maar 'hoger is beter' staat uit. Zet 'hoger is beter' aan of pas de waarden aan."
        )


def _empty_cell(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# --- input models ---------------------------------------------------------------------------


class CompassInput(SQLModel):
    """Base of the input models. ``from_row`` reads a row of an editable table: only this
    model's columns, an empty cell (None or NaN) is no value, and the columns in
    ``CHOICES`` hold ids picked from a list. Defaults are validated too, so a missing
    title gets the same Dutch refusal as an empty one."""

    model_config = ConfigDict(extra="forbid", validate_default=True)
    CHOICES: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_row(cls, row: dict, **extra: object):
        values = {
            k: (None if _empty_cell(v) else v) for k, v in row.items() if k in cls.model_fields
        }
        for key in cls.CHOICES:
            if key in values:
                values[key] = parse_choice(values[key])
        return cls.model_validate({**values, **extra})


def _text(field_: str, max_len: int = text.TEXT_MAX):
    return lambda cls, v: text.optional(v, field=field_, max_len=max_len)


class AmbitionCreate(CompassInput):
    """An ambition; an edit replaces all three fields."""

    title: str = ""
    current_state: str = ""
    monitoring: str = ""

    _title = field_validator("title", mode="before")(
        lambda cls, v: text.clean(v, field="titel van de ambitie")
    )
    _current_state = field_validator("current_state", mode="before")(_text("hoe gaat het nu"))
    _monitoring = field_validator("monitoring", mode="before")(_text("monitoringcijfers"))


class ResultCreate(CompassInput):
    """A result; an edit replaces title, ambition and description. ``ambition_id`` is
    checked against the workshop when it is written."""

    CHOICES: ClassVar[tuple[str, ...]] = ("ambition_id",)
    title: str = ""
    ambition_id: Any = None
    description: str = ""

    _title = field_validator("title", mode="before")(
        lambda cls, v: text.clean(v, field="titel van het resultaat")
    )
    _description = field_validator("description", mode="before")(_text("toelichting"))


class ActivityUpdate(CompassInput):
    """The fields of an activity that an edit changes; only those given (``exclude_unset``).
    ``result_ids`` replaces the links: a list of result ids, or ``{result_id: weight}``.
    In a table row the budget is euro text in the column ``budget``."""

    model_config = ConfigDict(extra="forbid", validate_default=False)
    CHOICES: ClassVar[tuple[str, ...]] = ("partner_id",)
    title: Optional[str] = None
    description: Optional[str] = None
    partner_id: Any = None
    budget_cents: Optional[int] = None
    result_ids: Any = None
    quality_method: Optional[str] = None
    quality_training: Optional[str] = None
    quality_conditions: Optional[str] = None
    proven_effective: Optional[str] = None

    _title = field_validator("title", mode="before")(
        lambda cls, v: text.clean(v, field="titel van de activiteit")
    )
    _description = field_validator("description", mode="before")(_text("toelichting"))
    _budget = field_validator("budget_cents", mode="before")(lambda cls, v: parse_cents(v))
    _method = field_validator("quality_method", mode="before")(_text("methode"))
    _training = field_validator("quality_training", mode="before")(_text("scholing"))
    _conditions = field_validator("quality_conditions", mode="before")(_text("randvoorwaarden"))
    _effective = field_validator("proven_effective", mode="before")(
        lambda cls, v: parse_effectiveness(v)
    )

    @field_validator("result_ids", mode="before")
    @classmethod
    def _links(cls, value: object) -> Optional[dict]:
        if value is None:
            return None
        return dict(value) if isinstance(value, dict) else {rid: 1.0 for rid in value}  # type: ignore[union-attr]

    @classmethod
    def from_row(cls, row: dict, **extra: object):
        if "budget" in row:
            budget = None if _empty_cell(row["budget"]) else row["budget"]
            extra = {"budget_cents": formats.parse_money(budget, field="budget"), **extra}
        return super().from_row(row, **extra)


class ActivityCreate(ActivityUpdate):
    """A new activity: a title is needed, the rest has defaults."""

    model_config = ConfigDict(extra="forbid", validate_default=True)
    title: str = ""
    description: str = ""
    quality_method: str = ""
    quality_training: str = ""
    quality_conditions: str = ""
    proven_effective: str = "onbekend"
    goal_node_id: Optional[int] = None


class IndicatorCreate(CompassInput):
    """A result or outcome indicator; an edit replaces every field."""

    name: str = ""
    kind: str = "tellen"
    unit: str = ""
    baseline_value: Optional[float] = None
    baseline_year: Optional[int] = None
    target_value: Optional[float] = None
    target_year: Optional[int] = None
    higher_is_better: bool = True
    source: str = ""

    _name = field_validator("name", mode="before")(
        lambda cls, v: text.clean(v, field="naam van de indicator")
    )
    _unit = field_validator("unit", mode="before")(
        lambda cls, v: text.clean(v, field="eenheid", max_len=40, required=False)
    )
    _baseline = field_validator("baseline_value", mode="before")(
        lambda cls, v: parse_value(v, "nulmeting")
    )
    _baseline_year = field_validator("baseline_year", mode="before")(
        lambda cls, v: parse_year(v, "jaar van de nulmeting")
    )
    _target = field_validator("target_value", mode="before")(
        lambda cls, v: parse_value(v, "streefwaarde")
    )
    _target_year = field_validator("target_year", mode="before")(
        lambda cls, v: parse_year(v, "streefjaar")
    )
    _higher = field_validator("higher_is_better", mode="before")(
        lambda cls, v: parse_bool(v, "hoger is beter")
    )
    _source = field_validator("source", mode="before")(
        lambda cls, v: text.clean(v, field="bron", required=False)
    )

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> str:
        kind = str(value or "tellen").strip().lower()
        if kind not in INDICATOR_KINDS:
            raise InvalidInput(
                f"Soort indicator: kies tellen (een getal) of vertellen (een verhaal), niet '{kind}'."
            )
        return kind

    @model_validator(mode="after")
    def _years_and_direction(self) -> IndicatorCreate:
        if self.baseline_year and self.target_year and self.target_year < self.baseline_year:
            raise InvalidInput(
                f"Indicator '{self.name}': het streefjaar ligt voor het jaar van de nulmeting."
            )
        check_direction(self.baseline_value, self.target_value, self.higher_is_better, self.name)
        return self


class ReflectionCreate(CompassInput):
    """A point of the improvement cycle about one result or one activity; an edit
    replaces every field. The result or activity is checked when it is written."""

    CHOICES: ClassVar[tuple[str, ...]] = ("result_id", "activity_id")
    result_id: Any = None
    activity_id: Any = None
    going_well: str = ""
    could_be_better: str = ""
    next_step: str = ""
    owner: str = ""
    due_date: Optional[date] = None

    _going_well = field_validator("going_well", mode="before")(_text("wat gaat goed"))
    _could_be_better = field_validator("could_be_better", mode="before")(_text("wat kan beter"))
    _next_step = field_validator("next_step", mode="before")(_text("volgende stap"))
    _owner = field_validator("owner", mode="before")(
        lambda cls, v: text.clean(v, field="eigenaar", max_len=text.NAME_MAX, required=False)
    )
    _due_date = field_validator("due_date", mode="before")(
        lambda cls, v: parse_date(v, "datum", required=False)
    )

    @model_validator(mode="before")
    @classmethod
    def _one_subject(cls, values: dict) -> dict:
        values = {**values}
        for key in ("result_id", "activity_id"):
            if values.get(key) == "":
                values[key] = None
        if (values.get("result_id") is None) == (values.get("activity_id") is None):
            raise InvalidInput("Een verbeterpunt hoort bij één resultaat of bij één activiteit.")
        return values

    @model_validator(mode="after")
    def _something_noted(self) -> ReflectionCreate:
        if not (self.going_well or self.could_be_better or self.next_step):
            raise InvalidInput(
                "Vul bij een verbeterpunt minstens in wat goed gaat, wat beter kan of de volgende stap."
            )
        return self
