"""JSON export and import: the complete workshop with ids local to the file.

An import keeps everything (timestamps, names, phases, settings, ``rev`` values) except the
join code, the facilitator key, participant tokens, database ids and ``Workshop.version``.

The back-up is the facilitator's. By default it names participants by pseudonym
("Deelnemer 1", "Deelnemer 2", … with their role group; no organisation, no times), in an
order unrelated to who joined when, so nobody can read from it who voted or placed what;
votes and placements stay linked to the pseudonyms, so every figure is restored exactly.
``with_names=True`` keeps names, organisations and times, for the facilitator's own archive.
A file is validated completely before anything is written; a bad file raises
ImportRefused listing its problems and writes nothing.

The fields of each table come from the models, so a column added later is exported and
imported without changes here; the rules below only add limits, choices and references.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import Text, select
from sqlmodel import Session, SQLModel

from kompas import formats, live, text
from kompas.compass import EFFECTIVENESS, INDICATOR_KINDS
from kompas.errors import ImportRefused, NotFound
from kompas.models import (
    DIRECTIONS,
    NODE_KINDS,
    NODE_STATUSES,
    PARTNER_KINDS,
    PHASES,
    ROLE_GROUPS,
    Activity,
    ActivityResult,
    Ambition,
    Direction,
    GoalNode,
    Indicator,
    Measurement,
    Participant,
    Partner,
    Placement,
    Reflection,
    Result,
    Vote,
    Workshop,
)
from kompas.workshops import VOTE_LEVELS, NewWorkshop, hash_secret, new_code, new_secret

SCHEMA_VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000  # per table; a real workshop has a few hundred
MAX_INT = 2**53  # every integer must survive a trip through JavaScript and PostgreSQL
MAX_PROBLEMS = 200


@dataclass(frozen=True)
class Section:
    """One table in the document: where it sits and which columns it leaves out."""

    key: str  # "participants" or "compass.results"
    model: type[SQLModel]
    label: str  # Dutch, for messages
    has_id: bool = True


# In insert order: every reference points to an earlier section, except goal_nodes.parent_id.
SECTIONS = (
    Section("participants", Participant, "deelnemer"),
    Section("partners", Partner, "partner"),
    Section("goal_nodes", GoalNode, "onderdeel van de doelenboom"),
    Section("votes", Vote, "stem"),
    Section("compass.ambitions", Ambition, "ambitie"),
    Section("compass.results", Result, "resultaat"),
    Section("compass.activities", Activity, "activiteit"),
    Section("compass.activity_results", ActivityResult, "koppeling activiteit–resultaat",
            has_id=False),
    Section("compass.indicators", Indicator, "indicator"),
    Section("compass.measurements", Measurement, "meting"),
    Section("compass.reflections", Reflection, "verbeterpunt"),
    Section("placements", Placement, "plaatsing"),
    Section("directions", Direction, "richting"),
)
SECTION_OF_TABLE = {s.model.__tablename__: s for s in SECTIONS}
COMPASS_KEYS = tuple(s.key.split(".", 1)[1] for s in SECTIONS if s.key.startswith("compass."))
TOP_KEYS = ("schema_version", "workshop") + tuple(
    dict.fromkeys(s.key.split(".", 1)[0] for s in SECTIONS))

WORKSHOP_LEFT_OUT = {"id", "code", "key_hash", "version", "content_version", "retained_from",
                     *live.PART_COLUMNS.values()}
LEFT_OUT = {"workshop_id", "token_hash"}
# Participant columns that identify a person, left out of a back-up without names.
IDENTIFYING = {"name", "organisation", "joined_at", "last_seen"}
PSEUDONYM = "Deelnemer {n}"

# Text limits per column; anything not named gets DEFAULT_LIMIT (short) or LONG_LIMIT.
DEFAULT_LIMIT = 1000
LONG_LIMIT = 20000
LIMITS = {
    "title": text.TITLE_MAX, "name": text.TITLE_MAX, "organisation": text.NAME_MAX,
    "theme": text.TITLE_MAX, "timer_label": 80, "role_group": 20, "service": text.TITLE_MAX,
    "unit": text.NAME_MAX, "source": text.TITLE_MAX, "owner": text.TITLE_MAX,
    "quadrant_labels": 2000, "conclusions": LONG_LIMIT, "open_questions": LONG_LIMIT,
}
ALLOWED = {
    ("workshop", "phase_tree"): PHASES["tree"],
    ("workshop", "phase_compass"): PHASES["compass"],
    ("workshop", "phase_matrix"): PHASES["matrix"],
    ("workshop", "vote_level"): VOTE_LEVELS,
    ("participant", "role_group"): ROLE_GROUPS,
    ("goalnode", "kind"): NODE_KINDS,
    ("goalnode", "status"): NODE_STATUSES,
    ("activity", "proven_effective"): EFFECTIVENESS,
    ("indicator", "kind"): INDICATOR_KINDS,
    ("partner", "kind"): PARTNER_KINDS,
    ("direction", "direction"): DIRECTIONS,
}
RANGES = {
    ("workshop", "vote_budget"): (1, 20), ("workshop", "max_votes_per_node"): (1, 20),
    ("vote", "count"): (1, 1000), ("placement", "influence"): (0.0, 1.0),
    ("placement", "dependency"): (0.0, 1.0), ("activityresult", "weight"): (0.0, 1e6),
    ("activity", "budget_cents"): (0, formats.MONEY_MAX_CENTS),
    ("partner", "contract_value_cents"): (0, formats.MONEY_MAX_CENTS),
}
# Unique together, besides the local id (mirrors the database constraints).
UNIQUE = {
    "vote": ("node_id", "participant_id"),
    "activityresult": ("activity_id", "result_id"),
    "direction": ("partner_id",),
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# --- export ------------------------------------------------------------------------------


def _columns(model: type[SQLModel], left_out: set[str]) -> list:
    return [c for c in model.__table__.columns if c.name not in left_out]


def _ref_table(column) -> Optional[str]:
    for fk in column.foreign_keys:
        return fk.column.table.name
    return None


def _dump_value(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _rows(db: Session, model: type[SQLModel], workshop_id: int, *, with_names: bool = True) -> list:
    if model is Participant and not with_names:
        # The token hash is random and secret: this order tells nothing about who joined when.
        stmt = (select(Participant).where(Participant.workshop_id == workshop_id)
                .order_by(Participant.token_hash))
    elif model is ActivityResult:
        stmt = (select(ActivityResult).join(Activity, Activity.id == ActivityResult.activity_id)
                .where(Activity.workshop_id == workshop_id)
                .order_by(ActivityResult.activity_id, ActivityResult.result_id))
    elif model is Measurement:
        stmt = (select(Measurement).join(Indicator, Indicator.id == Measurement.indicator_id)
                .where(Indicator.workshop_id == workshop_id).order_by(Measurement.id))
    else:
        stmt = select(model).where(model.workshop_id == workshop_id).order_by(model.id)
    return list(db.execute(stmt).scalars().all())


def export_document(db: Session, workshop_id: int, *, with_names: bool = False) -> dict:
    """The whole workshop as a JSON-ready dict (schema_version 1); participants by
    pseudonym unless ``with_names``."""
    workshop = db.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound("Deze workshop bestaat niet (meer).")
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    doc["workshop"] = {c.name: _dump_value(getattr(workshop, c.name))
                       for c in _columns(Workshop, WORKSHOP_LEFT_OUT)}
    local: dict[str, dict[int, int]] = {}  # table name → database id → local id
    fetched = {s.key: _rows(db, s.model, workshop_id, with_names=with_names) for s in SECTIONS}
    for section in SECTIONS:
        if section.has_id:
            local[section.model.__tablename__] = {
                row.id: i for i, row in enumerate(fetched[section.key], start=1)}
    for section in SECTIONS:
        columns = _columns(section.model, LEFT_OUT)
        out = []
        for row in fetched[section.key]:
            item = {}
            for c in columns:
                value = getattr(row, c.name)
                if c.name == "id":
                    value = local[section.model.__tablename__][value]
                else:
                    target = _ref_table(c)
                    if target is not None and value is not None:
                        value = local.get(target, {}).get(value)
                item[c.name] = _dump_value(value)
            if section.model is Participant and not with_names:
                item = {k: PSEUDONYM.format(n=item["id"]) if k == "name" else v
                        for k, v in item.items() if k == "name" or k not in IDENTIFYING}
            out.append(item)
        _put(doc, section.key, out)
    return doc


def _put(doc: dict, key: str, value: Any) -> None:
    if "." in key:
        outer, inner = key.split(".", 1)
        doc.setdefault(outer, {})[inner] = value
    else:
        doc[key] = value


def export_json(db: Session, workshop_id: int, *, with_names: bool = False) -> bytes:
    return json.dumps(export_document(db, workshop_id, with_names=with_names),
                      ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")


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
        raise ImportRefused(f"Het bestand is te groot: {len(data) / 1024 / 1024:.1f} MB, "
                            f"maximaal {MAX_BYTES // 1024 // 1024} MB.")
    try:
        raw = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused("Het bestand is geen leesbare tekst (geen UTF-8). "
                            "Is het wel een JSON-export van Kompas?") from exc
    try:
        doc = json.loads(raw, object_pairs_hook=_no_duplicate_keys,
                         parse_constant=_reject_constant)
    except RecursionError as exc:
        raise ImportRefused("Het bestand is te diep genest. Dit is geen export van Kompas.") from exc
    except ValueError as exc:
        where = ""
        if isinstance(exc, json.JSONDecodeError):
            where = f" (regel {exc.lineno}, kolom {exc.colno})"
        raise ImportRefused("Het bestand is geen geldige JSON of het is afgebroken"
                            f"{where}. Maak de export opnieuw.") from exc
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
    for kind, types in (("bool", bool), ("datetime", datetime), ("date", date), ("int", int),
                        ("float", float)):
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
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                kind == "int" and not isinstance(value, int)):
            problems.add(f"{where}: '{name}' moet een {'heel ' if kind == 'int' else ''}getal zijn.")
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
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)
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
    if _CONTROL.search(value):
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


def _check_row(item: Any, model: type[SQLModel], columns: list, where: str,
               problems: _Problems) -> Optional[dict]:
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
            if (column.name == "id" or _required(model, column.name)
                    or _ref_table(column) is not None and not column.nullable):
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
        raise ImportRefused(f"Deze export heeft schemaversie {str(version)[:20]!s}; deze versie "
                            f"van Kompas leest alleen schemaversie {SCHEMA_VERSION}.")
    unknown = [k for k in doc if k not in TOP_KEYS]
    if unknown:
        problems.add("Onbekend onderdeel in het bestand: "
                     + ", ".join(repr(k[:40]) for k in unknown[:5]) + ".")
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
        raise ImportRefused("Dit is geen JSON-export van Kompas: 'workshop' ontbreekt.",
                            problems.items)
    workshop = _check_row(raw_workshop, Workshop, _columns(Workshop, WORKSHOP_LEFT_OUT),
                          "workshop", problems) or {}

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
        columns = _columns(section.model, LEFT_OUT)
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
        ref_columns = [(c.name, _ref_table(c)) for c in _columns(section.model, LEFT_OUT)
                       if _ref_table(c) is not None and c.name != "id"]
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
        raise ImportRefused("Dit bestand kan niet worden ingelezen. Er is niets opgeslagen.",
                            problems.items)
    return _Checked(workshop, sections)


def _check_placements(rows: list[dict], problems: _Problems) -> None:
    seen = set()
    for n, row in enumerate(rows, start=1):
        if row.get("participant_id") is None:
            continue  # the agreed position; NULLs are distinct in the database as well
        key = (row.get("partner_id"), row.get("participant_id"))
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
                problems.add(f"goal_nodes: de bovenliggende onderdelen van id {start} vormen een kring.")
                break
            path.add(node)
            node = parent.get(node)
        done |= path


# --- import: writing ---------------------------------------------------------------------


def import_document(db: Session, data: bytes | str | dict) -> NewWorkshop:
    """Create a new workshop from an export; new join code, facilitator key and tokens.
    Raises ImportRefused (nothing written) when the file is not acceptable."""
    checked = validate(parse(data))
    key = new_secret()
    workshop = Workshop(code=new_code(db), key_hash=hash_secret(key), version=0,
                        **checked.workshop)
    db.add(workshop)
    db.flush()
    mapping: dict[str, dict[int, int]] = {}
    for section in SECTIONS:
        table = section.model.__tablename__
        columns = _columns(section.model, LEFT_OUT)
        refs = {c.name: _ref_table(c) for c in columns
                if c.name != "id" and _ref_table(c) is not None}
        objects = []
        deferred_parents = []
        for row in checked.sections[section.key]:
            values = {k: v for k, v in row.items() if k != "id"}
            for name, target in refs.items():
                if values.get(name) is not None:
                    if target == table:  # goal_nodes.parent_id: set once all nodes exist
                        deferred_parents.append((len(objects), values.pop(name)))
                    else:
                        values[name] = mapping[target][values[name]]
            if "workshop_id" in section.model.__table__.columns:
                values["workshop_id"] = workshop.id
            if section.model is Participant:
                values["token_hash"] = hash_secret(new_secret())
                # a back-up without names has no times: the workshop's start stands in
                for moment in ("joined_at", "last_seen"):
                    values.setdefault(moment, workshop.created_at)
            objects.append(section.model(**values))
        db.add_all(objects)
        db.flush()
        if section.has_id:
            mapping[table] = {row["id"]: obj.id
                              for row, obj in zip(checked.sections[section.key], objects)}
        for index, local_parent in deferred_parents:
            objects[index].parent_id = mapping[table][local_parent]
        if deferred_parents:
            db.flush()
    live.touch(db, workshop.id)
    return NewWorkshop(workshop.id, workshop.code, key)
