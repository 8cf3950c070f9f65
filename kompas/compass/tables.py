"""Saving an editable table of the Kwaliteitskompas page (``st.data_editor``) in one go:
each row becomes an input model once (``from_row``) and goes through the same write
functions as a form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session

from kompas.compass import write
from kompas.compass.fields import (
    ActivityCreate,
    ActivityUpdate,
    AmbitionCreate,
    CompassInput,
    IndicatorCreate,
    ReflectionCreate,
    ResultCreate,
    parse_choice,
)
from kompas.compass.rules import TABLE_MODELS
from kompas.errors import Conflict, InvalidInput, NotFound
from kompas.workshops import Actor


@dataclass(frozen=True)
class TableChanges:
    """What an editable table changed: rows are dicts with ``id`` and ``rev`` (new rows
    have ``id`` None); ``deleted`` holds (id, rev) pairs."""

    updated: tuple = ()
    added: tuple = ()
    deleted: tuple = ()

    @property
    def empty(self) -> bool:
        return not (self.updated or self.added or self.deleted)


@dataclass(frozen=True)
class _Table:
    create: type[CompassInput]  # the model of a new row
    update: type[CompassInput]  # the model of an edited row
    add: Callable[..., int]
    edit: Callable[..., None]
    delete: Callable[..., None]
    id_name: str  # how the write functions call the row's id


_TABLES = {
    "ambitions": _Table(
        AmbitionCreate,
        AmbitionCreate,
        write.add_ambition,
        write.update_ambition,
        write.delete_ambition,
        "ambition_id",
    ),
    "results": _Table(
        ResultCreate,
        ResultCreate,
        write.add_result,
        write.update_result,
        write.delete_result,
        "result_id",
    ),
    "activities": _Table(
        ActivityCreate,
        ActivityUpdate,
        write.add_activity,
        write.update_activity,
        write.delete_activity,
        "activity_id",
    ),
    "indicators": _Table(
        IndicatorCreate,
        IndicatorCreate,
        write.add_indicator,
        write.update_indicator,
        write.delete_indicator,
        "indicator_id",
    ),
    "reflections": _Table(
        ReflectionCreate,
        ReflectionCreate,
        write.add_reflection,
        write.update_reflection,
        lambda db, *, actor, reflection_id, confirm: write.delete_reflection(
            db, actor=actor, reflection_id=reflection_id
        ),
        "reflection_id",
    ),
}


def _row_error(exc: InvalidInput, label: str) -> InvalidInput:
    return type(exc)(f"{label}: {exc}")


def save_table(
    db: Session,
    *,
    actor: Actor,
    table: str,
    changes: TableChanges,
    confirm: bool = False,
    **context: object,
) -> int:
    """Apply one save of an editable table in one transaction: all rows or none. A row
    that someone else changed since it was loaded refuses the whole save (Conflict).
    ``table``: ambitions | results | activities | indicators | reflections; ``context``
    (indicators only): the ``result_id`` or ``activity_id`` new rows belong to. Returns
    the number of changed rows."""
    write.require_edit(db, actor)
    spec = _TABLES.get(table)
    if spec is None:
        raise InvalidInput(f"Onbekende tabel '{table}'.")
    count = 0
    for obj_id, rev in changes.deleted:
        if rev is not None:
            obj = db.get(TABLE_MODELS[table], obj_id)
            if obj is not None and obj.rev != rev:
                raise Conflict(
                    "Een rij die je wilt verwijderen is intussen door iemand anders "
                    "gewijzigd. Laad opnieuw en probeer het nog eens."
                )
        spec.delete(db, actor=actor, confirm=confirm, **{spec.id_name: obj_id})
        count += 1
    for n, row in enumerate(changes.updated, start=1):
        try:
            fields = spec.update.from_row(row).model_dump(exclude_unset=True)
            spec.edit(db, actor=actor, rev=row.get("rev"), **{spec.id_name: row["id"]}, **fields)
        except (Conflict, NotFound):
            raise
        except InvalidInput as exc:
            raise _row_error(exc, f"Rij '{row.get('_label') or n}'") from exc
        count += 1
    for n, row in enumerate(changes.added, start=1):
        try:
            fields = spec.create.from_row(row).model_dump(exclude_unset=True)
            if table == "indicators":  # the row names its owner, or the table is one owner's
                fields.update(
                    {
                        key: parse_choice(row.get(key, context.get(key)))
                        for key in ("result_id", "activity_id")
                    }
                )
            spec.add(db, actor=actor, **fields)
        except InvalidInput as exc:
            raise _row_error(exc, f"Nieuwe rij {n}") from exc
        count += 1
    return count
