"""Who is looking: the identity from the URL or the browser session, the viewer's
:class:`Context`, and the first line of every page (:func:`workshop_context`)."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Optional

import streamlit as st

from kompas import db as kdb, i18n, live as live_versions, workshops
from kompas.errors import KompasError, NotAllowed
from kompas.labels import TOOL_LABELS
from kompas.ui import now
from kompas.ui.actions import read
from kompas.ui.language import set_page_language, t, use_language
from kompas.ui.remember import mark_forgotten
from kompas.ui.runtime import ICON, engine, install_error_handler, page_style
from kompas.ui.safe import esc
from kompas.ui.sidebar import page_link, sidebar as draw_sidebar

IDENTITY_KEY = "kompas_identity"  # {"code", "p" | "f"} of this browser session
ACTOR_KEY = "kompas_actor"  # (identity, workshops.Actor): authenticated once per identity
SEEN_KEY = "kompas_seen"  # time.monotonic() of the last presence write
IDENTITY_PARAMS = ("code", "p", "f")


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

    def write_refusal(self, tool: str, phases: tuple[str, ...] | None = None) -> Optional[str]:
        """Why this viewer may not write in ``tool`` now (None: they may); the rule
        kompas/ checks again on every write."""
        return workshops.write_refusal(self.info, self.actor, tool, phases)

    def can_write(self, tool: str, phases: tuple[str, ...] | None = None) -> bool:
        """For showing or hiding inputs only; kompas/ checks again on every write."""
        return self.write_refusal(tool, phases) is None

    def refreshed(self) -> Context:
        """The same viewer with the latest workshop data (inside a live fragment)."""
        return replace(self, info=read(workshops.workshop_info, self.workshop_id))


def query_identity() -> dict:
    params = st.query_params
    ident = {k: params.get(k) for k in IDENTITY_PARAMS if isinstance(params.get(k), str)}
    ident = {k: v[:200] for k, v in ident.items() if v}
    if ident.get("code"):
        ident["code"] = workshops.normalise_code(ident["code"])
    remembered = st.session_state.get(IDENTITY_KEY)
    if not ident.get("code") and remembered:
        ident = dict(remembered)
    elif (
        remembered
        and ident.get("code") == remembered.get("code")
        and not ident.get("p")
        and not ident.get("f")
    ):
        ident = dict(remembered)
    return ident


def remember(identity: dict) -> None:
    """Keep the identity for this browser session and put it in the URL (for reloads)."""
    clean = {k: v for k, v in identity.items() if k in IDENTITY_PARAMS and v}
    st.session_state[IDENTITY_KEY] = clean
    st.query_params.from_dict(clean)


def sign_in(identity: dict) -> None:
    """A new viewer in this browser (joined, started or restored a workshop): remember the
    identity and authenticate again on the next run."""
    remember(identity)
    st.session_state.pop(ACTOR_KEY, None)


def forget_identity() -> None:
    """Sign out on this device: nothing of the viewer stays in the session or the URL."""
    st.session_state.pop(IDENTITY_KEY, None)
    st.session_state.pop(ACTOR_KEY, None)
    use_language(i18n.DEFAULT)
    st.query_params.clear()
    mark_forgotten()


def current_identity() -> Optional[Context]:
    """The viewer from URL or browser session, or None with no identity. Raises
    KompasError for a wrong code or token."""
    ident = query_identity()
    if not ident.get("code") or not (ident.get("p") or ident.get("f")):
        return None
    cache = st.session_state.get(ACTOR_KEY)
    if cache and cache[0] == ident:
        actor = cache[1]
    else:
        with kdb.reading(engine()) as db:
            actor = workshops.authenticate(
                db,
                code=ident["code"],
                participant_token=ident.get("p"),
                facilitator_key=ident.get("f"),
            )
        st.session_state[ACTOR_KEY] = (ident, actor)
    info = read(workshops.workshop_info, actor.workshop_id)
    if actor.participant_id is not None:
        me = next((p for p in info.participants if p.id == actor.participant_id), None)
        if me is None or me.removed:
            st.session_state.pop(ACTOR_KEY, None)
            raise NotAllowed(i18n.text("refusal.removed", actor.language))
        actor = replace(actor, name=me.name, role_group=me.role_group, language=me.language)
    use_language(actor.language)
    if st.query_params.to_dict() != ident:
        remember(ident)
    else:
        st.session_state[IDENTITY_KEY] = ident
    mark_seen(actor)
    return Context(actor=actor, info=info, query=ident)


def mark_seen(actor: workshops.Actor) -> None:
    """Presence for the facilitator's list, written at most once a minute."""
    if actor.participant_id is None:
        return
    last = st.session_state.get(SEEN_KEY, 0.0)
    if time.monotonic() - last < 60:
        return
    st.session_state[SEEN_KEY] = time.monotonic()
    try:
        with kdb.writing(engine()) as db:
            live_versions.mark_seen(db, actor.participant_id)
    except KompasError:
        pass  # presence is a nicety; never block a page on it


def workshop_context(
    tool: str | None = None,
    *,
    title: str | None = None,
    now_banner: bool = True,
    sidebar: str = "auto",
) -> Context:
    """First line of every page: the viewer and the workshop, the shared sidebar and the
    "now" banner (participants) or controls (facilitator, on a tool page); stops the page
    with a message and a way to join when the URL has no valid identity."""
    st.set_page_config(
        page_title=f"Kompas – {title or TOOL_LABELS.get(tool, 'Start')}",
        page_icon=ICON,
        layout="wide",
        initial_sidebar_state=sidebar,
    )
    install_error_handler()
    page_style()
    try:
        ctx = current_identity()
    except KompasError as exc:
        st.session_state.pop(IDENTITY_KEY, None)
        st.session_state.pop(ACTOR_KEY, None)
        set_page_language()
        stop_with_join(esc(str(exc)))
        raise  # unreachable; st.stop() raises
    set_page_language()
    if ctx is None:
        stop_with_join(t("join.not_signed_in"))
    draw_sidebar(ctx, tool)
    if now_banner:
        now.top(ctx, tool)  # type: ignore[arg-type]
    return ctx  # type: ignore[return-value]


def stop_with_join(message: str) -> None:
    st.warning(message, icon=":material/login:")
    page_link("home.py", t("join.to_join"), ":material/login:")
    st.stop()
