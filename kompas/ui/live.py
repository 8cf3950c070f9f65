"""Live parts of a page: keyed fragments (:func:`live`) that rerun when the workshop's
version changes, driven by a tiny version watcher in the polling sidebar fragment.

Per page run: :func:`start_page` (in the sidebar, before the page's live parts register
again), then :func:`watch` inside the polling fragment."""

from __future__ import annotations

import re
from typing import Callable

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from kompas.ui.runtime import versions

# A tiny Custom Component that fires "changed" when the version it is given changes. It
# sits in the polling sidebar fragment; its callback reruns only the page's live parts
# (keyed fragments), so a page with a large tree or table is redrawn once per change
# instead of once per second for every participant (bench/live_load.py).
WATCH_JS = r"""
const seen = new WeakMap();
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const version = data ? JSON.stringify(data.version) : undefined;
  const previous = seen.get(parentElement);
  seen.set(parentElement, version);
  // "ok": every live part is up to date; fire only when something became stale.
  if (previous !== undefined && previous !== version && data.version !== "ok") {
    setTriggerValue("changed", data.version);
  }
  return () => {};
}
"""
_watch = st.components.v2.component("kompas.version_watch", html="<span hidden></span>",
                                    js=WATCH_JS, isolate_styles=True)
WATCH_WIDGET_KEY = "kompas_version_watch"
LIVE_KEYS = "kompas_live_keys"  # fragment key -> "content" | "any", for this page
LIVE_WORKSHOP = "kompas_live_workshop"
LIVE_PAGE = "kompas_live_page"
SEEN_PREFIX = "kompas_seen_"  # + fragment key: the versions that part last drew


def seen_key(key: str) -> str:
    return f"{SEEN_PREFIX}{key}"


def start_page(workshop_id: int) -> None:
    """Before the page's live parts: forget the previous run's parts (they register
    again), and after a full run of this same page mark them seen."""
    run = get_script_run_ctx()
    page = run.page_script_hash if run else None
    if st.session_state.get(LIVE_PAGE) == page:
        # A full run redraws every live part of this page with current data, but after
        # the sidebar: mark them seen now, so the watcher does not fire for it.
        now = versions(workshop_id)
        for key in st.session_state.get(LIVE_KEYS) or {}:
            st.session_state[seen_key(key)] = now
    st.session_state[LIVE_KEYS] = {}  # the live parts of this page register again below
    st.session_state[LIVE_WORKSHOP] = workshop_id
    st.session_state[LIVE_PAGE] = page


def watch(workshop_id: int) -> None:
    """The version watcher, inside the polling sidebar fragment."""
    stale = stale_live_parts(workshop_id)
    _watch(key=WATCH_WIDGET_KEY,
           data={"version": list(versions(workshop_id)) if stale else "ok"},
           on_changed_change=rerun_live_parts, height=0)


def stale_live_parts(workshop_id: int) -> list[str]:
    """Keys of this page's live parts whose data changed since they were drawn
    ("content" parts ignore joins and the timer)."""
    parts = st.session_state.get(LIVE_KEYS) or {}
    if not parts:
        return []
    now = versions(workshop_id)
    return [key for key, on in parts.items()
            if (seen := st.session_state.get(seen_key(key))) is None
            or (now != tuple(seen) if on == "any" else now[1] != seen[1])]


def rerun_live_parts() -> None:
    """The watcher saw a new version: rerun the live parts whose data changed since they
    were drawn ("content" parts ignore joins and the timer)."""
    workshop_id = st.session_state.get(LIVE_WORKSHOP)
    parts = st.session_state.get(LIVE_KEYS) or {}
    run = get_script_run_ctx()
    if workshop_id is None or not parts or run is None:
        return
    if run.page_script_hash != st.session_state.get(LIVE_PAGE):
        # The trigger arrived with a move to another page: a keyed rerun would replace
        # that page's full run (a blank page) and name fragments it does not have.
        return
    stale = stale_live_parts(workshop_id)
    if stale:
        st.rerun(stale)


def live(fn: Callable[[], None] | None = None, *, on: str = "content"):
    """Decorator for the live part of a page: a keyed fragment that reruns when the
    workshop's content changes (``on="any"``: also for joins and the timer), within about
    KOMPAS_POLL_SECONDS, not on every tick. Keep forms and inputs outside it, so an
    update never eats what someone is typing."""
    if fn is None:
        return lambda f: live(f, on=on)
    key = "live_" + re.sub(r"\W", "_", f"{fn.__module__}_{fn.__qualname__}")
    st.session_state.setdefault(LIVE_KEYS, {})[key] = on

    def part() -> None:
        workshop_id = st.session_state.get(LIVE_WORKSHOP)
        if workshop_id is not None:  # read before the data, so a later change reruns again
            st.session_state[seen_key(key)] = versions(workshop_id)
        fn()

    part.__name__ = part.__qualname__ = fn.__name__
    return st.fragment(key=key)(part)
