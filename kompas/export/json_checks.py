"""Reading a JSON back-up before anything is written: parse it (size, encoding, duplicate
keys, nesting) and check every row (types, limits, choices, references, the tree); a bad
file raises ImportRefused with its problems."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Optional

from sqlalchemy import Text
from sqlmodel import SQLModel

from kompas.errors import ImportRefused
from kompas.export.json_format import (
    ALLOWED,
    COMPASS_KEYS,
    CONTROL_CHARACTERS,
    DEFAULT_LIMIT,
    LEFT_OUT,
    LIMITS,
    LONG_LIMIT,
    MAX_BYTES,
    MAX_INT,
    MAX_PROBLEMS,
    MAX_ROWS,
    RANGES,
    SCHEMA_VERSION,
    SECTIONS,
    TOP_KEYS,
    UNIQUE,
    WORKSHOP_LEFT_OUT,
    ref_table,
    table_columns,
)
from kompas.models import Workshop

# --- import: parsing ---------------------------------------------------------------------


def _no_duplicate_keys(pairs: list) -> dict:
    out = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"dubbele sleutel {key!r}")
        out[key] = value
    return out


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is geen geldig getal")


def parse(data: bytes | str | dict) -> dict:
    """Bytes, text or an already parsed dict → dict; refuses non-JSON, truncated and too
    large files, duplicate keys, NaN and deep nesting."""
    if isinstance(data, dict):
        return data
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogatepass")
    if not isinstance(data, (bytes, bytearray)):
        raise ImportRefused("Dit is geen JSON-bestand van Kompas.")
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            f"Het bestand is te groot: {len(data) / 1024 / 1024:.1f} MB, "
            f"maximaal {MAX_BYTES // 1024 // 1024} MB."
        )
    try:
        raw = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            "Het bestand is geen leesbare tekst (geen UTF-8). "
            "Is het wel een JSON-export van Kompas?"
        ) from exc
    try:
        doc = json.loads(raw, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant)
    except RecursionError as exc:
        raise ImportRefused(
            "Het bestand is te diep genest. Dit is geen export van Kompas."
        ) from exc
    except ValueError as exc:
        where = ""
        if isinstance(exc, json.JSONDecodeError):
            where = f" (regel {exc.lineno}, kolom {exc.colno})"
        raise ImportRefused(
            f"Het bestand is geen geldige JSON of het is afgebroken{where}. Maak de export opnieuw."
        ) from exc
    if not isinstance(doc, dict):
        raise ImportRefused("Dit is geen JSON-export van Kompas.")
    return doc


# --- import: validation ------------------------------------------------------------------


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(message)

    def __bool__(self) -> bool:
        return bool(self.items)


def _kind(column) -> str:
    try:
        python_type = getattr(column.type, "impl", column.type).python_type
    except NotImplementedError:
        return "str"
    for kind, types in (
        ("bool", bool),
        ("datetime", datetime),
        ("date", date),
        ("int", int),
        ("float", float),
    ):
        if issubclass(python_type, types):
            return kind
    return "str"


def _required(model: type[SQLModel], name: str) -> bool:
    field = model.model_fields.get(name)
    return field is not None and field.is_required()


def _check_value(value: Any, column, table: str, where: str, problems: _Problems) -> Any:
    """Return the value converted for the database, or add a problem and return None."""
    name = column.name
    if value is None:
        if column.nullable and name != "id":
            return None
        problems.add(f"{where}: '{name}' mag niet leeg zijn.")
        return None
    kind = _kind(column)
    if kind == "bool":
        if not isinstance(value, bool):
            problems.add(f"{where}: '{name}' moet true of false zijn.")
        return value
    if kind in ("int", "float"):
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or (kind == "int" and not isinstance(value, int))
        ):
            problems.add(
                f"{where}: '{name}' moet een {'heel ' if kind == 'int' else ''}getal zijn."
            )
            return None
        lo, hi = RANGES.get((table, name), (-MAX_INT, MAX_INT))
        if not lo <= value <= hi:
            problems.add(f"{where}: '{name}' moet tussen {lo} en {hi} liggen.")
            return None
        return float(value) if kind == "float" else value
    if not isinstance(value, str):
        problems.add(f"{where}: '{name}' moet tekst zijn.")
        return None
    if kind == "datetime":
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            problems.add(f"{where}: '{name}' is geen geldig tijdstip.")
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    if kind == "date":
        try:
            if len(value) != 10:
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            problems.add(f"{where}: '{name}' is geen geldige datum (JJJJ-MM-DD).")
            return None
    limit = LIMITS.get(name, LONG_LIMIT if not _is_short(column) else DEFAULT_LIMIT)
    if len(value) > limit:
        problems.add(f"{where}: '{name}' is te lang: {len(value)} tekens, maximaal {limit}.")
        return None
    if CONTROL_CHARACTERS.search(value):
        problems.add(f"{where}: '{name}' bevat verboden stuurtekens.")
        return None
    allowed = ALLOWED.get((table, name))
    if allowed is not None and value not in allowed:
        problems.add(f"{where}: '{name}' heeft een onbekende waarde.")
        return None
    if name in ("title", "name") and not value.strip():
        problems.add(f"{where}: '{name}' mag niet leeg zijn.")
    return value


def _is_short(column) -> bool:
    return not isinstance(column.type, Text)


def _check_row(
    item: Any, model: type[SQLModel], columns: list, where: str, problems: _Problems
) -> Optional[dict]:
    table = model.__tablename__
    if not isinstance(item, dict):
        problems.add(f"{where}: moet een object zijn.")
        return None
    known = {c.name for c in columns}
    unknown = [k for k in item if k not in known]
    if unknown:
        problems.add(f"{where}: onbekend veld {', '.join(repr(k[:40]) for k in unknown[:5])}.")
        return None
    out = {}
    for column in columns:
        if column.name not in item:
            if (
                column.name == "id"
                or _required(model, column.name)
                or ref_table(column) is not None
                and not column.nullable
            ):
                problems.add(f"{where}: veld '{column.name}' ontbreekt.")
            continue
        out[column.name] = _check_value(item[column.name], column, table, where, problems)
    return out


@dataclass
class _Checked:
    workshop: dict
    sections: dict  # section key → list of row dicts (local ids)


def validate(doc: dict) -> _Checked:
    problems = _Problems()
    version = doc.get("schema_version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        if "schema_version" not in doc:
            raise ImportRefused("Dit is geen JSON-export van Kompas: 'schema_version' ontbreekt.")
        raise ImportRefused(
            f"Deze export heeft schemaversie {str(version)[:20]!s}; deze versie "
            f"van Kompas leest alleen schemaversie {SCHEMA_VERSION}."
        )
    unknown = [k for k in doc if k not in TOP_KEYS]
    if unknown:
        problems.add(
            "Onbekend onderdeel in het bestand: "
            + ", ".join(repr(k[:40]) for k in unknown[:5])
            + "."
        )
    compass = doc.get("compass", {})
    if not isinstance(compass, dict):
        problems.add("'compass' moet een object zijn.")
        compass = {}
    else:
        for k in compass:
            if k not in COMPASS_KEYS:
                problems.add(f"Onbekend onderdeel in 'compass': {k[:40]!r}.")
    raw_workshop = doc.get("workshop")
    if not isinstance(raw_workshop, dict):
        raise ImportRefused(
            "Dit is geen JSON-export van Kompas: 'workshop' ontbreekt.", problems.items
        )
    workshop = (
        _check_row(
            raw_workshop, Workshop, table_columns(Workshop, WORKSHOP_LEFT_OUT), "workshop", problems
        )
        or {}
    )

    sections: dict[str, list[dict]] = {}
    ids: dict[str, set] = {}
    for section in SECTIONS:
        if "." in section.key:
            outer, inner = section.key.split(".", 1)
            items = compass.get(inner, [])
        else:
            items = doc.get(section.key, [])
        if not isinstance(items, list):
            problems.add(f"'{section.key}' moet een lijst zijn.")
            items = []
        if len(items) > MAX_ROWS:
            raise ImportRefused(f"'{section.key}' heeft te veel regels: {len(items)}.")
        columns = table_columns(section.model, LEFT_OUT)
        rows = []
        seen: set = set()
        for n, item in enumerate(items, start=1):
            where = f"{section.key} nr. {n}"
            row = _check_row(item, section.model, columns, where, problems)
            if row is None:
                continue
            if section.has_id:
                if row.get("id") is None:
                    continue  # already reported
                if row["id"] in seen:
                    problems.add(f"{where}: id {row['id']} komt twee keer voor.")
                seen.add(row["id"])
            rows.append(row)
        sections[section.key] = rows
        ids[section.model.__tablename__] = seen

    # references and uniqueness
    for section in SECTIONS:
        table = section.model.__tablename__
        ref_columns = [
            (c.name, ref_table(c))
            for c in table_columns(section.model, LEFT_OUT)
            if ref_table(c) is not None and c.name != "id"
        ]
        unique_cols = UNIQUE.get(table)
        unique_seen: set = set()
        for n, row in enumerate(sections[section.key], start=1):
            where = f"{section.key} nr. {n}"
            for name, target in ref_columns:
                value = row.get(name)
                if value is not None and value not in ids.get(target, set()):
                    problems.add(f"{where}: '{name}' verwijst naar {value}, maar die bestaat niet.")
            if unique_cols:
                key = tuple(row.get(c) for c in unique_cols)
                if key in unique_seen:
                    problems.add(f"{where}: komt dubbel voor ({', '.join(unique_cols)}).")
                unique_seen.add(key)
    _check_placements(sections["placements"], problems)
    _check_tree(sections["goal_nodes"], problems)
    if problems:
        raise ImportRefused(
            "Dit bestand kan niet worden ingelezen. Er is niets opgeslagen.", problems.items
        )
    return _Checked(workshop, sections)


def _check_placements(rows: list[dict], problems: _Problems) -> None:
    seen = set()
    for n, row in enumerate(rows, start=1):
        if row.get("participant_id") is None:
            continue  # the agreed position; NULLs are distinct in the database as well
        key = (row.get("partner_id"), row.get("participant_id"), row.get("lens"))
        if key in seen:
            problems.add(f"placements nr. {n}: dezelfde deelnemer plaatst deze partner twee keer.")
        seen.add(key)


def _check_tree(rows: list[dict], problems: _Problems) -> None:
    parent = {row["id"]: row.get("parent_id") for row in rows}
    done: set = set()
    for start in parent:
        path: set = set()
        node = start
        while node is not None and node not in done:
            if node in path:
                problems.add(
                    f"goal_nodes: de bovenliggende onderdelen van id {start} vormen een kring."
                )
                break
            path.add(node)
            node = parent.get(node)
        done |= path
