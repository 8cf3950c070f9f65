"""Live parts of a page, by push: every part that shows shared state is a keyed fragment
(:func:`live`) that names the parts of the workshop it shows (kompas.live.PARTS). One small
watcher per page listens to the push route; when a part changes, it reruns exactly the
fragments that show it. Nothing polls; an idle page costs nothing.

Per page run: :func:`start_page` before the page's live parts (they register again), and
:func:`watch` once, in the sidebar."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from kompas import live as live_versions
from kompas.ui.push import stream_url
from kompas.ui.runtime import part_versions

log = logging.getLogger("kompas")

# The watcher: one EventSource per browser tab (kept across Streamlit's page changes, which
# do not reload the document). On news it compares the versions with what this page drew
# and fires "changed" when a part the page shows moved on: at most one trigger per 150 ms,
# the newest news always last.
#
# Never while the tab is leaving the page: from a click on a link (the sidebar, the "now"
# banner) or a step back in the browser until a new page run has drawn the watcher. A
# trigger sent then names the old page, and Streamlit runs it after the new page: the
# browser switches back to the old page and fails on the new page's parts ("Bad delta path
# index", a blank page). `data.run` counts this tab's page runs; fragment reruns keep it.
WATCH_JS = r"""
export default function (component) {
  const { data, setTriggerValue } = component;
  let live = window.__kompasLive;
  if (!live || live.url !== data.url) {
    if (live) live.source.close();
    live = window.__kompasLive = live || {};
    Object.assign(live, { url: data.url, latest: null, fired: 0, firedAt: 0, timer: null });
    live.source = new EventSource(data.url);
    live.source.onmessage = (event) => {
      try { live.latest = JSON.parse(event.data); } catch (e) { return; }
      live.check();
    };
  }
  if (!live.guarded) {
    live.guarded = true;
    const leave = () => {
      live.leavingRun = live.run;
      clearTimeout(live.leaveTimer);  // a link that started no run: live again after 10 s
      live.leaveTimer = setTimeout(() => { live.leavingRun = null; live.check(); }, 10000);
    };
    document.addEventListener("click", (event) => {
      const a = event.target.closest && event.target.closest("a[href]");
      if (!a || a.target === "_blank" || a.hasAttribute("download")) return;
      const to = new URL(a.href, location.href);
      if (to.origin !== location.origin || (to.pathname === location.pathname && to.hash)) return;
      leave();
    }, true);
    window.addEventListener("popstate", leave);
  }
  const fire = setTriggerValue;
  live.run = data.run;
  if (live.leavingRun != null && live.leavingRun !== data.run) {
    live.leavingRun = null;  // a new page run drew this watcher: the tab arrived
    clearTimeout(live.leaveTimer);
  }
  live.drawn = data.versions;
  live.parts = data.parts;
  live.fire = fire;
  live.check = () => {
    const v = live.latest, drawn = live.drawn;
    if (!live.fire) return;  // between pages: the next page's watcher checks again
    if (live.leavingRun != null && live.leavingRun === live.run) return;
    if (!v || !drawn || v.version <= live.fired || v.version <= drawn.version) return;
    if (!live.parts.some((p) => (v[p] || 0) > (drawn[p] || 0))) return;
    const wait = 150 - (Date.now() - live.firedAt);
    if (wait > 0) {
      if (!live.timer) live.timer = setTimeout(() => { live.timer = null; live.check(); }, wait);
      return;
    }
    live.fired = v.version;
    live.firedAt = Date.now();
    live.fire("changed", v.version);
  };
  live.check();
  // unmounted (another page): never fire for a page that is gone
  return () => { if (live.fire === fire) live.fire = null; };
}
"""
_watch = st.components.v2.component(
    "kompas.live_watch", html="<span hidden></span>", js=WATCH_JS, isolate_styles=True
)
WATCH_WIDGET_KEY = "kompas_live_watch"
WATCH_FRAGMENT_KEY = "kompas_live_watcher"
LIVE_KEYS = "kompas_live_keys"  # fragment key -> the parts it shows, for this page
LIVE_WORKSHOP = "kompas_live_workshop"
LIVE_PAGE = "kompas_live_page"
PAGE_PARTS = "kompas_live_page_parts"  # what this page showed last time (the watcher comes first)
PAGE_RUN = "kompas_live_page_run"  # counts this session's page runs (not fragment reruns)
SEEN_PREFIX = "kompas_seen_"  # + fragment key: the versions that part last drew
ALL_PARTS = live_versions.PARTS


def seen_key(key: str) -> str:
    return f"{SEEN_PREFIX}{key}"


def start_page(workshop_id: int) -> None:
    """Before the page's live parts: forget the previous run's parts (they register again),
    but remember which parts of the workshop they showed, for the watcher drawn before them."""
    run = get_script_run_ctx()
    page = run.page_script_hash if run else None
    before = st.session_state.get(LIVE_KEYS) or {}
    same = st.session_state.get(LIVE_PAGE) == page and before
    st.session_state[PAGE_PARTS] = (
        sorted({p for shows in before.values() for p in shows}) if same else list(ALL_PARTS)
    )
    st.session_state[LIVE_KEYS] = {}
    st.session_state[PAGE_RUN] = st.session_state.get(PAGE_RUN, 0) + 1
    st.session_state[LIVE_WORKSHOP] = workshop_id
    st.session_state[LIVE_PAGE] = page


def stale_live_parts(workshop_id: int) -> list[str]:
    """Keys of this page's live parts that show a part of the workshop that changed since
    they were drawn."""
    parts: dict = st.session_state.get(LIVE_KEYS) or {}
    if not parts:
        return []
    now = part_versions(workshop_id)
    stale = []
    for key, shows in parts.items():
        seen = st.session_state.get(seen_key(key))
        if seen is None or any(now.get(p, 0) > seen.get(p, 0) for p in shows):
            stale.append(key)
    return stale


def rerun_live_parts() -> None:
    """The watcher heard news: rerun the live parts whose data changed (and the watcher,
    so that it knows what the page now shows)."""
    workshop_id = st.session_state.get(LIVE_WORKSHOP)
    run = get_script_run_ctx()
    if workshop_id is None or run is None:
        return
    if run.page_script_hash != st.session_state.get(LIVE_PAGE):
        # The trigger arrived with a move to another page: a keyed rerun would replace
        # that page's full run (a blank page) and name fragments it does not have.
        return
    stale = stale_live_parts(workshop_id)
    if stale:
        try:
            st.rerun([*stale, WATCH_FRAGMENT_KEY])
        except StreamlitAPIException:  # a part this page no longer draws: redraw it all
            st.rerun()


def watch(workshop_id: int) -> None:
    """The page's watcher, in a fragment of its own: a trigger reruns only that fragment
    unless the callback names the live parts to rerun."""

    @st.fragment(key=WATCH_FRAGMENT_KEY)
    def watcher() -> None:
        # in a full run the watcher comes before most live parts: add what they showed last time
        registered = {
            p for parts in (st.session_state.get(LIVE_KEYS) or {}).values() for p in parts
        }
        shows = sorted(registered | set(st.session_state.get(PAGE_PARTS) or ALL_PARTS))
        _watch(
            key=WATCH_WIDGET_KEY,
            height=0,
            on_changed_change=rerun_live_parts,
            data={
                "url": stream_url(workshop_id),
                "parts": shows,
                "versions": part_versions(workshop_id),
                "run": st.session_state.get(PAGE_RUN, 0),
            },
        )

    watcher()


def live(
    fn: Callable[[], None] | None = None,
    *,
    parts: Iterable[str] = ALL_PARTS,
    key: str | None = None,
):
    """Decorator for a live part of a page: a keyed fragment that reruns, pushed, when one
    of the workshop's ``parts`` changes (kompas.live.PARTS: "workshop" for title, phases,
    locks and the timer; "participants", "tree", "votes", "compass", "matrix", "report").
    Inputs may sit inside: what someone is typing survives the rerun. ``key`` names the
    part when one function draws several (by default its module and name)."""
    shows = tuple(parts)
    unknown = set(shows) - set(live_versions.PARTS)
    if unknown:
        raise ValueError(f"unknown live parts: {sorted(unknown)}")
    if fn is None:
        return lambda f: live(f, parts=shows, key=key)
    key = "live_" + re.sub(r"\W", "_", key or f"{fn.__module__}_{fn.__qualname__}")

    def part() -> None:
        # registered when drawn: only parts on screen now can be rerun by name
        st.session_state.setdefault(LIVE_KEYS, {})[key] = shows
        workshop_id = st.session_state.get(LIVE_WORKSHOP)
        if workshop_id is not None:  # read before the data, so a later change reruns again
            st.session_state[seen_key(key)] = part_versions(workshop_id)
        started = time.perf_counter()
        fn()
        log.debug("live part %s drawn in %.1f ms", key, (time.perf_counter() - started) * 1000)

    part.__name__ = part.__qualname__ = fn.__name__
    return st.fragment(key=key)(part)


SYNCED_PREFIX = "kompas_synced_"  # + widget key: the shared value that widget last showed
_NOTHING = object()


def synced(key: str, current: object) -> str:
    """The widget key for an input that shows a shared setting (a phase, a vote budget, a
    toggle). When someone else changed the setting since this widget was drawn, the widget
    shows the new value, so it can never write an old value back. Use it instead of
    ``value=``/``index=``: ``st.selectbox(…, key=ui.synced("tree_phase", view.phase))``."""
    shown = SYNCED_PREFIX + key
    # not in the state: the widget was not drawn in the last run (another page), and
    # Streamlit forgot its value
    if key not in st.session_state or st.session_state.get(shown, _NOTHING) != current:
        st.session_state[key] = current
        st.session_state[shown] = current
    return key
