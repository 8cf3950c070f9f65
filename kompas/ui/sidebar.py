"""The shared sidebar: navigation, the workshop at a glance (phase, participants, timer)
in the one polling fragment of a page, and the version watcher of the live parts."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

import streamlit as st
from streamlit.errors import StreamlitAPIException, StreamlitPageNotFoundError

from kompas import labels, workshops
from kompas.models import PHASES
from kompas.ui.live import start_page, watch
from kompas.ui.runtime import PAGES, poll_seconds
from kompas.ui.safe import esc, esc_inline

if TYPE_CHECKING:  # identity draws this sidebar: a runtime import would be a cycle
    from kompas.ui.identity import Context


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
    start_page(ctx.workshop_id)
    with st.sidebar:
        st.markdown("### Kompas")
        nav(ctx)
        st.divider()
        sidebar_live(ctx, tool)


def sidebar_live(ctx: Context, tool: str | None) -> None:
    """The one polling fragment of a page: cheap (a few lines of text and the version
    watcher), so that a tick per participant per second costs almost nothing. The heavy
    live parts (@ui.live) rerun only when the workshop's version changed."""

    @st.fragment(run_every=poll_seconds())
    def body():
        info = ctx.refreshed().info
        st.markdown(f"**Workshop:** {esc(info.title)}")
        st.markdown(f"**Code:** `{info.code}`")
        who = ("Procesbegeleider" if ctx.is_facilitator
               else f"{ctx.actor.name} ({labels.ROLE_LABELS.get(ctx.actor.role_group, '')})")
        st.markdown(f"**Jij bent:** {esc(who)}")
        if tool:
            phase = info.phases[tool]
            lock = " · op slot" if info.locks[tool] else ""
            st.markdown(f"**Fase:** {phase_label(tool, phase)}{lock}")
        st.markdown(f"**Deelnemers:** {len(info.active_participants)}")
        timer(info)
        watch(ctx.workshop_id)

    body()


def phase_label(tool: str, phase: str) -> str:
    steps = PHASES[tool]
    return f"{labels.phase_label(tool, phase)} ({steps.index(phase) + 1} van {len(steps)})" if phase in steps else phase


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
