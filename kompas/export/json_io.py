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
imported without changes; json_format adds limits, choices and references.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, SQLModel

from kompas import live
from kompas.errors import NotFound
from kompas.export.json_checks import parse, validate
from kompas.export.json_format import (
    IDENTIFYING,
    LEFT_OUT,
    MAX_BYTES,
    PSEUDONYM,
    SCHEMA_VERSION,
    SECTIONS,
    WORKSHOP_LEFT_OUT,
    ref_table,
    table_columns,
)
from kompas.models import (
    Activity,
    ActivityResult,
    Indicator,
    Measurement,
    Participant,
    Workshop,
)
from kompas.workshops import NewWorkshop, hash_secret, new_code, new_secret

__all__ = ["MAX_BYTES", "export_document", "export_json", "import_document", "parse", "validate"]


# --- export ------------------------------------------------------------------------------
def _dump_value(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _rows(db: Session, model: type[SQLModel], workshop_id: int, *, with_names: bool = True) -> list:
    if model is Participant and not with_names:
        # The token hash is random and secret: this order tells nothing about who joined when.
        stmt = (
            select(Participant)
            .where(Participant.workshop_id == workshop_id)
            .order_by(Participant.token_hash)
        )
    elif model is ActivityResult:
        stmt = (
            select(ActivityResult)
            .join(Activity, Activity.id == ActivityResult.activity_id)
            .where(Activity.workshop_id == workshop_id)
            .order_by(ActivityResult.activity_id, ActivityResult.result_id)
        )
    elif model is Measurement:
        stmt = (
            select(Measurement)
            .join(Indicator, Indicator.id == Measurement.indicator_id)
            .where(Indicator.workshop_id == workshop_id)
            .order_by(Measurement.id)
        )
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
    doc["workshop"] = {
        c.name: _dump_value(getattr(workshop, c.name))
        for c in table_columns(Workshop, WORKSHOP_LEFT_OUT)
    }
    local: dict[str, dict[int, int]] = {}  # table name → database id → local id
    fetched = {s.key: _rows(db, s.model, workshop_id, with_names=with_names) for s in SECTIONS}
    for section in SECTIONS:
        if section.has_id:
            local[section.model.__tablename__] = {
                row.id: i for i, row in enumerate(fetched[section.key], start=1)
            }
    for section in SECTIONS:
        columns = table_columns(section.model, LEFT_OUT)
        out = []
        for row in fetched[section.key]:
            item = {}
            for c in columns:
                value = getattr(row, c.name)
                if c.name == "id":
                    value = local[section.model.__tablename__][value]
                else:
                    target = ref_table(c)
                    if target is not None and value is not None:
                        value = local.get(target, {}).get(value)
                item[c.name] = _dump_value(value)
            if section.model is Participant and not with_names:
                item = {
                    k: PSEUDONYM.format(n=item["id"]) if k == "name" else v
                    for k, v in item.items()
                    if k == "name" or k not in IDENTIFYING
                }
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
    return json.dumps(
        export_document(db, workshop_id, with_names=with_names),
        ensure_ascii=False,
        indent=1,
        allow_nan=False,
    ).encode("utf-8")


# --- import: writing ---------------------------------------------------------------------


def import_document(db: Session, data: bytes | str | dict) -> NewWorkshop:
    """Create a new workshop from an export; new join code, facilitator key and tokens.
    Raises ImportRefused (nothing written) when the file is not acceptable."""
    checked = validate(parse(data))
    key = new_secret()
    workshop = Workshop(code=new_code(db), key_hash=hash_secret(key), version=0, **checked.workshop)
    db.add(workshop)
    db.flush()
    mapping: dict[str, dict[int, int]] = {}
    for section in SECTIONS:
        table = section.model.__tablename__
        columns = table_columns(section.model, LEFT_OUT)
        refs = {
            c.name: ref_table(c) for c in columns if c.name != "id" and ref_table(c) is not None
        }
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
            mapping[table] = {
                row["id"]: obj.id for row, obj in zip(checked.sections[section.key], objects)
            }
        for index, local_parent in deferred_parents:
            objects[index].parent_id = mapping[table][local_parent]
        if deferred_parents:
            db.flush()
    live.touch(db, workshop.id)
    return NewWorkshop(workshop.id, workshop.code, key)
