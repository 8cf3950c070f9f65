"""A back-up of every workshop: one JSON file per workshop, the same file as the JSON export
on the Verslag page (participants by pseudonym unless ``with_names``), for
``python -m kompas backup --output DIR``. Each file restores with ``python -m kompas import``.

All files are read in one transaction (on PostgreSQL REPEATABLE READ), so the back-up is one
moment even while workshops are running; each file is written beside its place first and
then renamed, so a file in DIR is never half written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from kompas.db import reading
from kompas.export import file_name
from kompas.export.json_io import export_json
from kompas.models import Workshop


@dataclass(frozen=True)
class BackupFile:
    code: str
    path: Path
    size: int


def write_backup(engine: Engine, directory: Path, *, with_names: bool = False) -> list[BackupFile]:
    """Write one JSON file per workshop into ``directory`` (made when missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    with reading(engine) as db:
        if engine.dialect.name == "postgresql":
            db.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        rows = db.execute(select(Workshop.id, Workshop.code, Workshop.title).order_by(Workshop.id))
        for workshop_id, code, title in rows.all():
            data = export_json(db, workshop_id, with_names=with_names)
            path = directory / file_name(title, code, "json")
            part = path.with_name(path.name + ".part")
            part.write_bytes(data)
            part.replace(path)
            written.append(BackupFile(code, path, len(data)))
    return written
