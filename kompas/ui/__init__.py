"""Streamlit-only helpers: settings and engine per process, identity from the URL, the
shared sidebar, live fragments, cached reads, safe text and one way to run an action.

Pages start with ``ctx = ui.workshop_context("tree")`` and then only call into kompas/.
"""

from __future__ import annotations

import importlib
import logging
import re
import secrets
import time
from dataclasses import dataclass, replace
from pathlib import Path
from datetime import datetime, timezone
from typing import Any, Callable, Optional

import streamlit as st
from streamlit import dataframe_util
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
from streamlit.errors import StreamlitAPIException, StreamlitPageNotFoundError

from kompas import db as kdb
from kompas import live as _live
from kompas import workshops
from kompas.config import Settings, load_settings
from kompas.errors import KompasError, NotAllowed
from kompas.models import PHASES, ROLE_LABELS, TOOL_LABELS
from kompas.ui.language import set_page_language
from kompas.ui.safe import esc, esc_inline  # noqa: F401  (re-exported for pages)

log = logging.getLogger("kompas")

PAGES = (
    ("app.py", "Start", ":material/home:"),
    ("pages/1_Doelenboom.py", "Doelenboom", ":material/account_tree:"),
    ("pages/2_Kwaliteitskompas.py", "Kwaliteitskompas", ":material/explore:"),
    ("pages/3_Partnermatrix.py", "Partnermatrix", ":material/grid_view:"),
    ("pages/4_Verslag.py", "Verslag", ":material/description:"),
)
IDENTITY_KEY = "kompas_identity"
# A local file: a ":material/…:" page icon makes the browser fetch the favicon from
# fonts.gstatic.com, and nothing may leave the municipality's network.
ICON = str(Path(__file__).with_name("static") / "icon.png")


# --- process-wide resources ------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    s = load_settings()
    logging.basicConfig(level=s.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return s


@st.cache_resource(show_spinner=False)
def engine():
    """One engine per process; on first use the schema is created and expired workshops
    are purged (retention)."""
    s = settings()
    eng = kdb.make_engine(s.database_url)
    try:
        with kdb.writing(eng) as db:
            purged = workshops.purge_expired(db, retention_days=s.retention_days)
    except KompasError as exc:  # read-only database: pages stay readable, writes say why not
        log.warning("retention: could not delete expired workshops: %s", exc)
        purged = []
    if purged:
        log.info("retention: deleted %d workshop(s) older than %d days", len(purged), s.retention_days)
    return eng


def poll_seconds() -> float:
    return settings().poll_seconds


def version(workshop_id: int) -> int:
    return _live.current_version(engine(), workshop_id, mode=settings().live)


def versions(workshop_id: int) -> tuple[int, int]:
    """(version, content_version) of the workshop; see kompas.live."""
    return _live.current_versions(engine(), workshop_id, mode=settings().live)


# --- errors -----------------------------------------------------------------------------

# Tests of pages set this to False so that a bug still shows up as an exception in AppTest.
SUPPRESS_TRACEBACKS = True


def _apology(where=None) -> str:
    ref = secrets.token_hex(3).upper()
    log.exception("unexpected error, reference %s", ref)
    (where or st).error(f"Sorry, er ging iets mis. Er is niets opgeslagen. Noem deze referentie "
                        f"aan de beheerder: {ref}.", icon=":material/error:")
    return ref


def _on_script_error(exc: Exception) -> bool:
    """Streamlit's hook for an uncaught error in a page or fragment: never a traceback for
    the user. A KompasError shows its Dutch message; anything else an apology with a
    reference that is also logged with the traceback."""
    if isinstance(exc, KompasError):
        st.error(esc(str(exc)), icon=":material/error:")
        return True
    if not SUPPRESS_TRACEBACKS:
        return False
    ref = secrets.token_hex(3).upper()
    log.error("unexpected error, reference %s", ref, exc_info=exc)
    st.error(f"Sorry, er ging iets mis. Noem deze referentie aan de beheerder: {ref}.",
             icon=":material/error:")
    return True


# Streamlit draws captions and placeholders in faded grey (#83858c on white: 3.7:1), below
# the WCAG 2.1 AA minimum of 4.5:1 for normal text; this grey gives 7.1:1 (6.3:1 on the
# sidebar background).
_STYLE = """<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #555862 !important; }
input::placeholder, textarea::placeholder { color: #555862 !important; opacity: 1; }
</style>"""


def page_style() -> None:
    st.html(_STYLE)
    set_page_language()


def install_error_handler() -> None:
    ctx = get_script_run_ctx()
    if ctx is not None:
        ctx.on_script_error = _on_script_error


# --- running actions and reads -----------------------------------------------------------


def act(fn: Callable[..., Any], /, *args: Any, success: str | None = None, where=None,
        **kwargs: Any) -> Any:
    """Run one domain write in a unit of work. A KompasError shows its Dutch message and
    changes nothing; an unexpected error shows an apology with a reference that is also
    in the log with its traceback. Returns the result, or None when refused."""
    target = where or st
    try:
        with kdb.writing(engine()) as db:
            result = fn(db, *args, **kwargs)
    except KompasError as exc:
        # Messages quote what people typed (titles, names): show them literally.
        target.error(esc(str(exc)), icon=":material/error:")
        return None
    except Exception:  # noqa: BLE001 - every unexpected error gets a reference, never a traceback
        if not SUPPRESS_TRACEBACKS:
            raise
        _apology(target)
        return None
    if success:
        st.toast(success, icon=":material/check_circle:")
    return result if result is not None else True


def reading_db():
    """A read-only unit of work on the process engine."""
    return kdb.reading(engine())


@st.cache_data(max_entries=2048, show_spinner=False)
def _cached_read(module: str, name: str, url: str, workshop_id: int, version_: int,
                 args: tuple) -> Any:
    fn = getattr(importlib.import_module(module), name)
    with kdb.reading(engine()) as db:
        return fn(db, workshop_id, *args)


def read(fn: Callable[..., Any], workshop_id: int, *args: Any) -> Any:
    """``fn(db, workshop_id, *args)`` cached per workshop version: one query per change,
    shared by every participant. ``fn`` must return plain data (no ORM objects)."""
    return _cached_read(fn.__module__, fn.__name__, str(engine().url), workshop_id,
                        version(workshop_id), tuple(args))


def arrow_datasets(spec: dict) -> dict:
    """The Vega-Lite spec with its named datasets already as Arrow IPC bytes. Otherwise
    Streamlit converts them on every st.vega_lite_chart call, per participant per change
    (a fifth of the server's time with 40 participants in bench/live_load.py). Use it
    inside a cache, so the conversion happens once per workshop version."""
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    return {**spec, "datasets": {
        name: values if isinstance(values, bytes) else dataframe_util.convert_anything_to_arrow_bytes(values)
        for name, values in datasets.items()}}


@st.cache_data(max_entries=512, show_spinner=False)
def _cached_chart(module: str, name: str, url: str, workshop_id: int, version_: int,
                  args: tuple) -> dict:
    return arrow_datasets(_cached_read(module, name, url, workshop_id, version_, args))


def read_chart(fn: Callable[..., dict], workshop_id: int, *args: Any) -> dict:
    """Like ``read`` for a function that returns a Vega-Lite spec: cached per version,
    datasets ready for the browser."""
    return _cached_chart(fn.__module__, fn.__name__, str(engine().url), workshop_id,
                         version(workshop_id), tuple(args))


# --- identity ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """Who is looking at which workshop. ``info`` is plain cached data."""

    actor: workshops.Actor
    info: workshops.WorkshopInfo
    query: dict

    @property
    def workshop_id(self) -> int:
        return self.actor.workshop_id

    @property
    def is_facilitator(self) -> bool:
        return self.actor.is_facilitator

    @property
    def participant_id(self) -> Optional[int]:
        return self.actor.participant_id

    def phase(self, tool: str) -> str:
        return self.info.phases[tool]

    def locked(self, tool: str) -> bool:
        return self.info.locks[tool]

    def can_write(self, tool: str, phases: tuple[str, ...] | None = None) -> bool:
        """For showing or hiding inputs only; kompas/ checks again on every write."""
        if self.is_facilitator:
            return True
        phase = self.phase(tool)
        return (not self.locked(tool) and phase != "gesloten"
                and (phases is None or phase in phases))

    def refreshed(self) -> "Context":
        """The same viewer with the latest workshop data (inside a live fragment)."""
        return replace(self, info=read(workshops.workshop_info, self.workshop_id))


def _query_identity() -> dict:
    params = st.query_params
    ident = {k: params.get(k) for k in ("code", "p", "f") if isinstance(params.get(k), str)}
    ident = {k: v[:200] for k, v in ident.items() if v}
    if ident.get("code"):
        ident["code"] = workshops.normalise_code(ident["code"])
    remembered = st.session_state.get(IDENTITY_KEY)
    if not ident.get("code") and remembered:
        ident = dict(remembered)
    elif (remembered and ident.get("code") == remembered.get("code")
          and not ident.get("p") and not ident.get("f")):
        ident = dict(remembered)
    return ident


def remember(identity: dict) -> None:
    """Keep the identity for this browser session and put it in the URL (for reloads)."""
    clean = {k: v for k, v in identity.items() if k in ("code", "p", "f") and v}
    st.session_state[IDENTITY_KEY] = clean
    st.query_params.from_dict(clean)


def forget_identity() -> None:
    st.session_state.pop(IDENTITY_KEY, None)
    st.query_params.clear()


def current_identity() -> Optional[Context]:
    """The viewer from URL or browser session, or None with no identity. Raises
    KompasError for a wrong code or token."""
    ident = _query_identity()
    if not ident.get("code") or not (ident.get("p") or ident.get("f")):
        return None
    cache = st.session_state.get("kompas_actor")
    if cache and cache[0] == ident:
        actor = cache[1]
    else:
        with kdb.reading(engine()) as db:
            actor = workshops.authenticate(db, code=ident["code"], participant_token=ident.get("p"),
                                           facilitator_key=ident.get("f"))
        st.session_state["kompas_actor"] = (ident, actor)
    info = read(workshops.workshop_info, actor.workshop_id)
    if actor.participant_id is not None:
        me = next((p for p in info.participants if p.id == actor.participant_id), None)
        if me is None or me.removed:
            st.session_state.pop("kompas_actor", None)
            raise NotAllowed("Je bent uit deze workshop verwijderd door de procesbegeleider.")
        actor = replace(actor, name=me.name, role_group=me.role_group)
    if st.query_params.to_dict() != ident:
        remember(ident)
    else:
        st.session_state[IDENTITY_KEY] = ident
    _mark_seen(actor)
    return Context(actor=actor, info=info, query=ident)


def _mark_seen(actor: workshops.Actor) -> None:
    if actor.participant_id is None:
        return
    last = st.session_state.get("kompas_seen", 0.0)
    if time.monotonic() - last < 60:
        return
    st.session_state["kompas_seen"] = time.monotonic()
    try:
        with kdb.writing(engine()) as db:
            _live.mark_seen(db, actor.participant_id)
    except KompasError:
        pass  # presence is a nicety; never block a page on it


def workshop_context(tool: str | None = None) -> Context:
    """First line of every page: the viewer and the workshop, the shared sidebar; stops
    the page with a message and a way to join when the URL has no valid identity."""
    st.set_page_config(page_title=f"Kompas – {TOOL_LABELS.get(tool, 'Start')}",
                       page_icon=ICON, layout="wide")
    install_error_handler()
    page_style()
    try:
        ctx = current_identity()
    except KompasError as exc:
        st.session_state.pop(IDENTITY_KEY, None)
        st.session_state.pop("kompas_actor", None)
        _stop_with_join(esc(str(exc)))
        raise  # unreachable; st.stop() raises
    if ctx is None:
        _stop_with_join("Je bent nog niet aangemeld. Meld je aan met de code van de workshop.")
    sidebar(ctx, tool)
    return ctx  # type: ignore[return-value]


def _stop_with_join(message: str) -> None:
    st.warning(message, icon=":material/login:")
    page_link("app.py", "Naar aanmelden", ":material/login:")
    st.stop()


# --- sidebar and navigation ------------------------------------------------------------


def page_link(path: str, label: str, icon: str | None = None, query: dict | None = None) -> None:
    """st.page_link with the identity in the query; falls back to a plain link when the
    page is not known to this run (a page opened on its own in AppTest)."""
    try:
        st.page_link(path, label=label, icon=icon, query_params=query or {})
    except (StreamlitAPIException, StreamlitPageNotFoundError):
        slug = "" if path == "app.py" else path.rsplit("/", 1)[-1].split("_", 1)[-1].removesuffix(".py")
        qs = "&".join(f"{k}={v}" for k, v in (query or {}).items())
        st.markdown(f"[{esc_inline(label)}](/{slug}{'?' + qs if qs else ''})")


def nav(ctx: Context) -> None:
    for path, label, icon in PAGES:
        page_link(path, label, icon, ctx.query)


def sidebar(ctx: Context, tool: str | None) -> None:
    run = get_script_run_ctx()
    page = run.page_script_hash if run else None
    if st.session_state.get(LIVE_PAGE) == page:
        # A full run redraws every live part of this page with current data, but after
        # the sidebar: mark them seen now, so the watcher does not fire for it.
        now = versions(ctx.workshop_id)
        for key in st.session_state.get(LIVE_KEYS) or {}:
            st.session_state[_seen_key(key)] = now
    st.session_state[LIVE_KEYS] = {}  # the live parts of this page register again below
    st.session_state[LIVE_WORKSHOP] = ctx.workshop_id
    st.session_state[LIVE_PAGE] = page
    with st.sidebar:
        st.markdown("### Kompas")
        nav(ctx)
        st.divider()
        _sidebar_live(ctx, tool)


def _sidebar_live(ctx: Context, tool: str | None) -> None:
    """The one polling fragment of a page: cheap (a few lines of text and the version
    watcher), so that a tick per participant per second costs almost nothing. The heavy
    live parts (@ui.live) rerun only when the workshop's version changed."""

    @st.fragment(run_every=poll_seconds())
    def body():
        info = ctx.refreshed().info
        st.markdown(f"**Workshop:** {esc(info.title)}")
        st.markdown(f"**Code:** `{info.code}`")
        who = ("Procesbegeleider" if ctx.is_facilitator
               else f"{ctx.actor.name} ({ROLE_LABELS.get(ctx.actor.role_group, '')})")
        st.markdown(f"**Jij bent:** {esc(who)}")
        if tool:
            phase = info.phases[tool]
            lock = " · op slot" if info.locks[tool] else ""
            st.markdown(f"**Fase:** {phase_label(tool, phase)}{lock}")
        st.markdown(f"**Deelnemers:** {len(info.active_participants)}")
        timer(info)
        stale = _stale_live_parts(ctx.workshop_id)
        _watch(key="kompas_version_watch",
               data={"version": list(versions(ctx.workshop_id)) if stale else "ok"},
               on_changed_change=_rerun_live_parts, height=0)

    body()


def phase_label(tool: str, phase: str) -> str:
    steps = PHASES[tool]
    return f"{phase.capitalize()} ({steps.index(phase) + 1} van {len(steps)})" if phase in steps else phase


def timer(info: workshops.WorkshopInfo) -> None:
    if info.timer_end is None:
        return
    end = info.timer_end if info.timer_end.tzinfo else info.timer_end.replace(tzinfo=timezone.utc)
    left = int((end - datetime.now(timezone.utc)).total_seconds())
    label = esc(info.timer_label) + ": " if info.timer_label else ""
    if left > 0:
        st.markdown(f"**Timer:** {label}nog {left // 60}:{left % 60:02d}",
                    help="De procesbegeleider heeft een timer gezet.")
    else:
        st.markdown(f"**Timer:** {label}de tijd is om")


# A tiny Custom Component that fires "changed" when the version it is given changes. It
# sits in the polling sidebar fragment; its callback reruns only the page's live parts
# (keyed fragments), so a page with a large tree or table is redrawn once per change
# instead of once per second for every participant (bench/live_load.py).
_WATCH_JS = r"""
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
                                    js=_WATCH_JS, isolate_styles=True)
LIVE_KEYS = "kompas_live_keys"  # fragment key -> "content" | "any", for this page
LIVE_WORKSHOP = "kompas_live_workshop"
LIVE_PAGE = "kompas_live_page"


def _seen_key(key: str) -> str:
    return f"kompas_seen_{key}"


def _stale_live_parts(workshop_id: int) -> list[str]:
    """Keys of this page's live parts whose data changed since they were drawn
    ("content" parts ignore joins and the timer)."""
    parts = st.session_state.get(LIVE_KEYS) or {}
    if not parts:
        return []
    now = versions(workshop_id)
    return [key for key, on in parts.items()
            if (seen := st.session_state.get(_seen_key(key))) is None
            or (now != tuple(seen) if on == "any" else now[1] != seen[1])]


def _rerun_live_parts() -> None:
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
    stale = _stale_live_parts(workshop_id)
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
            st.session_state[_seen_key(key)] = versions(workshop_id)
        fn()

    part.__name__ = part.__qualname__ = fn.__name__
    return st.fragment(key=key)(part)
