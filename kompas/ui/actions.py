"""The one write path and the cached reads.

Every write from the UI goes through :func:`act`: one unit of work, a refusal shown in
Dutch (escaped), an unexpected error answered with the apology. In a widget callback,
``act(..., later=True)`` keeps the message for the run that follows, where
:func:`show_pending_errors` shows it. Reads go through :func:`read` (cached per workshop
version) or :func:`read_chart` (a Vega-Lite spec with its datasets ready)."""

from __future__ import annotations

import importlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from streamlit import dataframe_util

from kompas import db as kdb
from kompas.errors import KompasError
from kompas.ui import runtime
from kompas.ui.language import refusal, t
from kompas.ui.runtime import ERROR_ICON, engine, version
from kompas.ui.safe import esc

PENDING_ERROR_KEY = "kompas_pending_error"  # an escaped message for the next run
PENDING_SUCCESS_KEY = "kompas_pending_success"  # a confirmation for the next run
# The widget key the Kwaliteitskompas import has always given its table of problems.
PROBLEMS_TABLE_KEY = "compass_import_problems"


# --- writes -------------------------------------------------------------------------------


def act(
    fn: Callable[..., Any],
    /,
    *args: Any,
    success: str | None = None,
    where=None,
    later: bool = False,
    **kwargs: Any,
) -> Any:
    """Run one domain write ``fn(db, *args, **kwargs)`` in a unit of work. A KompasError
    shows its Dutch message and changes nothing; an unexpected error shows an apology with
    a reference that is also in the log with its traceback. ``later=True`` (in a widget
    callback) keeps the message for :func:`show_pending_errors` on the next run. Returns
    the result, True for a result of None, or None when refused."""
    try:
        with kdb.writing(engine()) as db:
            result = fn(db, *args, **kwargs)
    except KompasError as exc:
        show_refusal(exc, where=where, later=later)
        return None
    except Exception as exc:  # noqa: BLE001 - every unexpected error gets a reference, never a traceback
        if not runtime.SUPPRESS_TRACEBACKS:
            raise
        show_error(runtime.apology(exc, nothing_saved=True), where=where, later=later)
        return None
    if success and later:  # a toast from a callback would land at the top of a fragment
        st.session_state[PENDING_SUCCESS_KEY] = success
    elif success:
        st.toast(success, icon=":material/check_circle:")
    return result if result is not None else True


def show_refusal(exc: KompasError, *, where=None, later: bool = False) -> None:
    """A refusal in Dutch. Messages quote what people typed (titles, names): always
    escaped. An import refusal with problems shows them as a table below its first line."""
    problems = getattr(exc, "problems", None)
    message = refusal(exc)
    if not problems or later:
        show_error(esc(message), where=where, later=later)
        return
    target = where or st
    show_error(esc(message.split("\n", 1)[0]), where=target)
    target.dataframe(
        pd.DataFrame({t("common.problems_column"): problems}),
        hide_index=True,
        width="stretch",
        key=PROBLEMS_TABLE_KEY,
        placeholder="",
    )


def show_error(message: str, *, where=None, later: bool = False) -> None:
    """Show an already escaped message, or keep it for the next run."""
    if later:
        st.session_state[PENDING_ERROR_KEY] = message
    else:
        (where or st).error(message, icon=ERROR_ICON)


def show_pending_errors() -> None:
    """Show what ``act(..., later=True)`` refused, or confirmed, in a callback before this run."""
    message = st.session_state.pop(PENDING_ERROR_KEY, None)
    if message:
        st.error(message, icon=ERROR_ICON)
    done = st.session_state.pop(PENDING_SUCCESS_KEY, None)
    if done:
        st.toast(done, icon=":material/check_circle:")


# --- reads --------------------------------------------------------------------------------


def reading_db():
    """A read-only unit of work on the process engine."""
    return kdb.reading(engine())


class _Reads:
    """Read models per workshop version, shared by every viewer in this process as the very
    same object (they are frozen dataclasses and tuples): no copy and no pickling per page
    run, which st.cache_data would do for each of a hundred participants after a change."""

    def __init__(self, size: int = 512) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict = OrderedDict()
        self._making: dict[tuple, threading.Lock] = {}
        self._size = size

    def get(self, key: tuple, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            making = self._making.setdefault(key, threading.Lock())
        with making:  # the first viewer after a change builds it; the others wait for it
            with self._lock:
                if key in self._items:
                    return self._items[key]
            value = make()
            with self._lock:
                self._items[key] = value
                self._making.pop(key, None)
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


READS = _Reads()


def _cached_read(
    module: str, name: str, url: str, workshop_id: int, version_: int, args: tuple
) -> Any:
    def make() -> Any:
        fn = getattr(importlib.import_module(module), name)
        with kdb.reading(engine()) as db:
            return fn(db, workshop_id, *args)

    return READS.get((module, name, url, workshop_id, version_, args), make)


# Reads that show only some parts of a workshop (kompas.live.PARTS), by (module, name):
# they are read again only when one of those parts changes, not after every write (the
# workshop at a glance is not read again, for every page, after each proposal). The
# workshop row's columns belong to several parts (kompas.live.PART_OF_COLUMN): name them
# all (tests/test_live_reads.py checks it).
READ_PARTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("kompas.workshop_info", "workshop_info"): (
        "workshop",
        "participants",
        "votes",
        "matrix",
        "report",
    ),
}


def read_version(fn: Callable[..., Any], workshop_id: int) -> Any:
    """What ``fn``'s cached result is keyed by: the versions of the parts it shows
    (READ_PARTS), else the workshop's version."""
    parts = READ_PARTS.get((fn.__module__, fn.__name__))
    if parts is None:
        return version(workshop_id)
    now = runtime.part_versions(workshop_id)
    return tuple(now.get(p, -1) for p in parts)


def read(fn: Callable[..., Any], workshop_id: int, *args: Any) -> Any:
    """``fn(db, workshop_id, *args)`` cached per workshop version (or per version of the
    parts it shows, READ_PARTS): one query per change, shared by every participant.
    ``fn`` must return plain, immutable data (no ORM objects); callers must not change
    what it returns."""
    return _cached_read(
        fn.__module__,
        fn.__name__,
        str(engine().url),
        workshop_id,
        read_version(fn, workshop_id),
        tuple(args),
    )


def arrow_datasets(spec: dict) -> dict:
    """The Vega-Lite spec with its named datasets already as Arrow IPC bytes. Otherwise
    Streamlit converts them on every st.vega_lite_chart call, per participant per change
    (a fifth of the server's time with 40 participants in bench/live_load.py). Use it
    inside a cache, so the conversion happens once per workshop version."""
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    return {
        **spec,
        "datasets": {
            name: values
            if isinstance(values, bytes)
            else dataframe_util.convert_anything_to_arrow_bytes(values)
            for name, values in datasets.items()
        },
    }


def read_chart(fn: Callable[..., dict], workshop_id: int, *args: Any) -> dict:
    """Like ``read`` for a function that returns a Vega-Lite spec: cached per version,
    datasets ready for the browser. Streamlit copies the top level of a spec before it
    changes it, so each viewer gets a shallow copy of the one shared spec."""
    url, version_ = str(engine().url), version(workshop_id)
    spec = READS.get(
        ("chart", fn.__module__, fn.__name__, url, workshop_id, version_, tuple(args)),
        lambda: arrow_datasets(
            _cached_read(fn.__module__, fn.__name__, url, workshop_id, version_, tuple(args))
        ),
    )
    return dict(spec)


def draw_chart(
    fn: Callable[..., dict], workshop_id: int, *args: Any, width: Any = "content"
) -> dict:
    """``st.vega_lite_chart`` of ``read_chart(fn, workshop_id, *args)`` (the spec built once
    per workshop version and shared by every viewer). Returns the spec.

    Not replayed from ``st.cache_resource``: a recorded element carries the position it had
    on the page that drew it first, and replayed on a page laid out differently (the
    facilitator's bar, another viewer's parts) it broke the whole page in the browser
    ("Bad delta path index"; tests/e2e/test_privacy_network_e2e.py)."""
    spec = read_chart(fn, workshop_id, *args)
    st.vega_lite_chart(spec=spec, theme=None, width=width)
    return spec
