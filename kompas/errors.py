"""The Kompas exception tree; every message is a Dutch sentence a facilitator understands
(a refusal shown to a participant who chose English is in English: workshops.write_refusal).

    KompasError
    ├── NotFound        the workshop, node, partner … does not exist (or not in this workshop)
    ├── NotAllowed      the actor may not do this now (role, owner, phase, lock, budget)
    ├── Conflict        someone else saved first (version check), or a duplicate
    ├── InvalidInput    the input itself is wrong (empty, too long, not a number …)
    │   └── ImportRefused   an import file is refused as a whole; carries per-row problems
    └── StorageError    the database cannot be written (disk full, read-only)

Third-party errors (SQLAlchemy, pydantic) are translated with ``raise … from exc`` at the
data boundary, so pages only ever catch ``KompasError``.
"""

from __future__ import annotations


class KompasError(Exception):
    """Base class; ``str(exc)`` is the Dutch message for the user. A message that the
    catalogue also holds carries its ``key`` and ``values`` (kompas.i18n), so a screen can
    show it in the viewer's language."""

    def __init__(self, message: str = "", *, key: str | None = None, values: dict | None = None):
        super().__init__(message)
        self.key = key
        self.values = values or {}


class NotFound(KompasError):
    pass


class NotAllowed(KompasError):
    pass


class Conflict(KompasError):
    pass


class InvalidInput(KompasError):
    pass


class ImportRefused(InvalidInput):
    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = list(problems or [])

    def __str__(self) -> str:
        base = super().__str__()
        if not self.problems:
            return base
        shown = self.problems[:20]
        more = len(self.problems) - len(shown)
        tail = f"\n… en nog {more} andere problemen." if more > 0 else ""
        return base + "\n" + "\n".join(f"- {p}" for p in shown) + tail


class StorageError(KompasError):
    pass
