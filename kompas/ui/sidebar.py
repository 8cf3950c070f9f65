"""The shared sidebar: navigation, the workshop at a glance (phase, participants, timer)
as a live part, and the page's watcher that hears every change by push."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st
from streamlit.errors import StreamlitAPIException, StreamlitPageNotFoundError

from kompas import i18n, workshops
from kompas.models import PHASES
from kompas.ui import remember
from kompas.ui.actions import act
from kompas.ui.drafts import keep_drafts
from kompas.ui.language import label, t
from kompas.ui.live import live, start_page, watch
from kompas.ui.runtime import FACILITATOR_PAGES, PAGES
from kompas.ui.safe import esc, esc_inline
from kompas.ui.timer import countdown

if TYPE_CHECKING:  # identity draws this sidebar: a runtime import would be a cycle
    from kompas.ui.identity import Context


def page_link(path: str, label: str, icon: str | None = None, query: dict | None = None) -> None:
    """st.page_link with the identity in the query; falls back to a plain link when the
    page is not known to this run (a page opened on its own in AppTest)."""
    try:
        st.page_link(path, label=label, icon=icon, query_params=query or {})
    except (StreamlitAPIException, StreamlitPageNotFoundError):
        slug = (
            ""
            if path == "home.py"
            else path.rsplit("/", 1)[-1].split("_", 1)[-1].removesuffix(".py")
        )
        qs = "&".join(f"{k}={v}" for k, v in (query or {}).items())
        st.markdown(f"[{esc_inline(label)}](/{slug}{'?' + qs if qs else ''})")


def nav(ctx: Context) -> None:
    for path, page, icon in PAGES:
        if path in FACILITATOR_PAGES and not ctx.is_facilitator:
            continue
        page_link(path, t(f"sidebar.page.{page}"), icon, ctx.query)


def sidebar(ctx: Context, tool: str | None) -> None:
    start_page(ctx.workshop_id)
    if not ctx.is_facilitator:
        remember.store(ctx.query)
    with st.sidebar:
        st.markdown("### Kompas")
        nav(ctx)
        st.divider()
        sidebar_live(ctx, tool)
        watch(ctx.workshop_id)
        keep_drafts()


def sidebar_live(ctx: Context, tool: str | None) -> None:
    """The workshop at a glance; redrawn, pushed, when the workshop (title, phase, lock,
    timer) or the list of participants changes."""

    @live(parts=("workshop", "participants"))
    def glance():
        info = ctx.refreshed().info
        st.markdown(t("sidebar.workshop", title=esc(info.title)))
        st.markdown(t("sidebar.code", code=info.code))
        who = (
            "Procesbegeleider"
            if ctx.is_facilitator
            else f"{ctx.actor.name} ({label('role', ctx.actor.role_group)})"
        )
        st.markdown(t("sidebar.you_are", who=esc(who)))
        if tool:
            phase = info.phases[tool]
            lock = t("sidebar.locked") if info.locks[tool] else ""
            st.markdown(t("sidebar.phase", phase=phase_label(tool, phase) + lock))
        st.markdown(t("sidebar.participants", n=len(info.active_participants)))
        timer(info)

    glance()
    if not ctx.is_facilitator:
        language_choice(ctx)


LANGUAGE_WIDGET_KEY = "sidebar_language"


def language_choice(ctx: Context) -> None:
    """A participant switches the language of their own screens."""
    choice = st.selectbox(
        t("sidebar.language"),
        tuple(i18n.LANGUAGES),
        index=tuple(i18n.LANGUAGES).index(ctx.actor.language),
        format_func=i18n.LANGUAGES.get,
        key=LANGUAGE_WIDGET_KEY,
        help=t("sidebar.language_help"),
    )
    if choice != ctx.actor.language:
        act(workshops.set_language, actor=ctx.actor, language=choice)
        st.session_state.pop(LANGUAGE_WIDGET_KEY, None)  # refused: the choice shows the old one
        st.rerun()


def phase_label(tool: str, phase: str) -> str:
    steps = PHASES[tool]
    word = label(f"phase.{tool}", phase)
    if phase not in steps:
        return word
    return t("sidebar.phase_of", phase=word, n=steps.index(phase) + 1, total=len(steps))


def timer(info: workshops.WorkshopInfo) -> None:
    if info.timer_end is None:
        return
    st.markdown(t("sidebar.timer"), help=t("sidebar.timer_help"))
    countdown(info.timer_end, info.timer_label)
