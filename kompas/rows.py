"""Row rules every tool shares: fetch a row of this workshop or raise NotFound, and the
optimistic lock (``rev``) that refuses an edit of a row someone else saved first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional, TypeVar

from sqlmodel import Session

from kompas.errors import Conflict, NotFound

T = TypeVar("T")


def get_in_workshop(
    db: Session,
    model: type[T],
    obj_id: object,
    workshop_id: int,
    what: str,
    *,
    owner: Optional[Callable[[T], int]] = None,
    message: Optional[str] = None,
) -> T:
    """The row ``obj_id`` of ``model`` when it belongs to this workshop. ``what`` names it
    in the message ("Deze indicator"); ``message``, when given, is the whole message for
    both cases (gone, or of another workshop). ``owner`` gives the workshop of a row that
    has no ``workshop_id`` of its own (a measurement belongs to its indicator's workshop).
    Only a real int is an id: a string or a bool from a form is NotFound, not a lookup."""
    valid = isinstance(obj_id, int) and not isinstance(obj_id, bool)
    obj = db.get(model, obj_id) if valid else None
    if obj is None:
        raise NotFound(message or f"{what} bestaat niet (meer). Laad de pagina opnieuw.")
    workshop_of = owner(obj) if owner is not None else getattr(obj, "workshop_id", None)
    if workshop_of != workshop_id:
        raise NotFound(message or f"{what} bestaat niet in deze workshop.")
    return obj


def check_rev(obj, rev: object, what: str, *, bump: bool = True) -> None:
    """Refuse the edit when the row changed since the editor loaded it (``rev`` None: the
    caller did not load it, e.g. an import); otherwise count this edit (``rev`` + 1),
    unless ``bump`` is False (the caller counts it itself)."""
    if rev is not None and rev != obj.rev:
        raise Conflict(
            f"{what} is intussen door iemand anders gewijzigd. "
            "Laad opnieuw en probeer het nog eens."
        )
    if bump:
        obj.rev += 1
