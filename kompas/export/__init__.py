"""Exports of a workshop: Word, PDF, Excel, Markdown and JSON, all but JSON rendered from
one WorkshopSummary. ``export_bytes(db, workshop_id, fmt)`` is the one entry point."""

from __future__ import annotations

import importlib
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from kompas import summary, workshops
from kompas.errors import InvalidInput, NotAllowed
from kompas.models import Workshop


@dataclass(frozen=True)
class Format:
    key: str
    label: str  # Dutch, for buttons
    extension: str
    mime: str
    module: str
    slow: bool  # shows a progress indication on the page


FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format(
            "docx",
            "Word",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "kompas.export.docx",
            True,
        ),
        Format("pdf", "PDF", "pdf", "application/pdf", "kompas.export.pdf", True),
        Format(
            "xlsx",
            "Excel",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "kompas.export.xlsx",
            False,
        ),
        Format("md", "Markdown", "md", "text/markdown", "kompas.export.markdown", False),
        Format(
            "json",
            "JSON (volledige back-up)",
            "json",
            "application/json",
            "kompas.export.json_io",
            False,
        ),
    )
}


# What a participant may download once the facilitator opens downloads: the report, never
# the JSON back-up (it holds every vote and placement, linked per person).
REPORT_FORMATS = tuple(k for k in FORMATS if k != "json")


def export_bytes(
    db: Session,
    workshop_id: int,
    fmt: str,
    *,
    show_names: bool | None = None,
    with_names: bool = False,
) -> bytes:
    """The file for ``fmt`` (docx, pdf, xlsx, md, json). ``show_names`` overrides the
    workshop's own setting for participant names in the report; ``with_names`` puts names
    and organisations in the JSON back-up (by default pseudonyms)."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Onbekend formaat '{fmt}'. Kies uit: {', '.join(FORMATS)}.")
    module = importlib.import_module(FORMATS[fmt].module)
    if fmt == "json":
        return module.export_json(db, workshop_id, with_names=with_names)
    return module.render(_summary(db, workshop_id, show_names))


def download_refusal(
    *, is_facilitator: bool, downloads_open: bool, fmt: str, with_names: bool = False
) -> str | None:
    """Why this viewer may not download ``fmt`` now, or None when they may."""
    if is_facilitator:
        return None
    if fmt not in REPORT_FORMATS or with_names:
        return "De back-up (JSON) is alleen voor de procesbegeleider."
    if not downloads_open:
        return "Downloaden is gesloten door de procesbegeleider."
    return None


def export_for(db: Session, *, actor, fmt: str, with_names: bool = False) -> bytes:
    """``export_bytes`` for a viewer: participants get the report formats only, and only
    while the facilitator has opened downloads. Raises NotAllowed otherwise."""
    workshop = workshops.check_actor(db, actor)
    refusal = download_refusal(
        is_facilitator=actor.is_facilitator,
        downloads_open=bool(workshop.downloads_open),
        fmt=fmt,
        with_names=with_names,
    )
    if refusal:
        raise NotAllowed(refusal)
    return export_bytes(db, actor.workshop_id, fmt, with_names=with_names)


_SUMMARIES: OrderedDict[tuple, tuple[float, object]] = OrderedDict()
_SUMMARY_TTL_S = 30.0
_lock = threading.Lock()


def _summary(db: Session, workshop_id: int, show_names: bool | None):
    """The summary, shared by exports of the same workshop version made shortly after one
    another (Word, then PDF, then Excel …). Every write bumps the version, so a cached
    summary is never stale; in-memory databases are never cached."""
    url = str(db.get_bind().url)
    version = db.execute(select(Workshop.version).where(Workshop.id == workshop_id)).scalar()
    if url in ("sqlite://", "sqlite:///:memory:") or version is None:
        return summary.build(db, workshop_id, show_names=show_names)
    key = (url, workshop_id, version, show_names)
    now = time.monotonic()
    with _lock:
        hit = _SUMMARIES.get(key)
        if hit and now - hit[0] < _SUMMARY_TTL_S:
            return hit[1]
    built = summary.build(db, workshop_id, show_names=show_names)
    with _lock:
        _SUMMARIES[key] = (now, built)
        while len(_SUMMARIES) > 8:
            _SUMMARIES.popitem(last=False)
    return built


def file_name(title: str, code: str, fmt: str) -> str:
    """A safe file name such as ``verslag-werksessie-culemborg-K7M2QP.docx``."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower().encode("ascii", "ignore").decode()).strip("-")
    stem = "backup" if fmt == "json" else "verslag"
    return f"{stem}-{slug[:40].strip('-') or 'workshop'}-{code}.{FORMATS[fmt].extension}"
