"""The facilitator's "now" on every page: participants see where the group is (a banner with
a link there and the timer, large, also on a phone); the facilitator sets it, with the phase
and the reveal, from the top of each tool page. Every choice acts at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from kompas import partners, workshops
from kompas.models import PHASES, TOOLS
from kompas.ui.actions import act
from kompas.ui.language import label, t
from kompas.ui.live import live, synced
from kompas.ui.sidebar import page_link
from kompas.ui.timer import countdown

if TYPE_CHECKING:  # identity draws these parts: a runtime import would be a cycle
    from kompas.ui.identity import Context

TOOL_PAGES = {
    "tree": ("pages/1_Doelenboom.py", ":material/account_tree:"),
    "compass": ("pages/2_Kwaliteitskompas.py", ":material/explore:"),
    "matrix": ("pages/3_Partnermatrix.py", ":material/grid_view:"),
}
# The banner stands out a little from the page, in the theme's colours (AA on white).
STYLE = """<style>
.st-key-now_banner, .st-key-now_controls { background: #eef3f8; }
.st-key-now_banner p { font-size: 1.1rem; }
</style>"""


def now_text(info: workshops.WorkshopInfo) -> str:
    """ "Doelenboom · Stemmen", or '' when the facilitator has set no "now"."""
    if info.now_tool not in TOOLS:
        return ""
    tool = info.now_tool
    return f"{label('tool', tool)} · {label(f'phase.{tool}', info.phases[tool])}"


def big_timer(info: workshops.WorkshopInfo, key: str = "now_timer", size: str = "big") -> None:
    if info.timer_end is not None:
        countdown(info.timer_end, info.timer_label, key=key, size=size)


def banner(ctx: Context, tool: str | None) -> None:
    """For participants, at the top of every page: where the group is now, a link there,
    and the timer."""
    st.html(STYLE)

    @live(parts=("workshop",), key="now_banner")
    def now_banner() -> None:
        info = ctx.refreshed().info
        with st.container(key="now_banner", border=True):
            text = now_text(info)
            if not text:
                st.markdown(t("now.waiting"))
            elif info.now_tool == tool:
                st.markdown(t("now.here", now=text))
            else:
                st.markdown(t("now.elsewhere", now=text))
                path, icon = TOOL_PAGES[info.now_tool]
                page_link(path, t("now.go_to", tool=label("tool", info.now_tool)), icon, ctx.query)
            big_timer(info)

    now_banner()


def controls(ctx: Context, tool: str) -> None:
    """For the facilitator, at the top of a tool page: the phase, sending everyone here,
    the reveal, the timer. Each acts at once (no separate Opslaan)."""
    st.html(STYLE)

    @live(parts=("workshop",), key="now_controls")
    def now_controls() -> None:
        fresh = ctx.refreshed()
        info = fresh.info
        with st.container(key="now_controls", border=True):
            phase = st.radio(
                t("now.phase_of", tool=label("tool", tool).lower()),
                PHASES[tool],
                key=synced(f"now_phase_{tool}", info.phases[tool]),
                format_func=lambda p: label(f"phase.{tool}", p),
                horizontal=True,
            )
            if phase != info.phases[tool]:
                if act(
                    workshops.set_phase,
                    actor=fresh.actor,
                    tool=tool,
                    phase=phase,
                    success=t("now.phase_set", phase=label(f"phase.{tool}", phase).lower()),
                ):
                    st.rerun()
            left, right = st.columns([3, 2], vertical_alignment="center")
            with left:
                if info.now_tool == tool:
                    st.markdown(t("now.participants_see", now=now_text(info)))
                else:
                    if info.now_tool:
                        st.markdown(t("now.participants_see", now=now_text(info)))
                    send_here(fresh, tool)
            with right:
                _reveal(fresh, tool)
            big_timer(info)

    now_controls()


def send_here(ctx: Context, tool: str) -> None:
    """The button that makes ``tool`` the "now" for everyone (key now_set_<tool>)."""
    if st.button(
        t("now.send_here", tool=label("tool", tool)),
        key=f"now_set_{tool}",
        icon=":material/campaign:",
        type="primary",
        disabled=ctx.info.now_tool == tool,
        help=t("now.send_here_help"),
    ):
        if act(workshops.set_now, actor=ctx.actor, tool=tool):
            st.rerun()


def _reveal(ctx: Context, tool: str) -> None:
    info = ctx.info
    if tool == "tree":
        shown = st.toggle(
            t("now.reveal_votes"),
            key=synced("now_reveal_tree", info.votes_revealed),
        )
        if shown != info.votes_revealed:
            if act(workshops.update_workshop, actor=ctx.actor, votes_revealed=shown):
                st.rerun()
    elif tool == "matrix":
        shown = st.toggle(
            t("now.reveal_placements"),
            key=synced("now_reveal_matrix", info.placements_revealed),
        )
        if shown != info.placements_revealed:
            if act(partners.reveal_placements, actor=ctx.actor, revealed=shown):
                st.rerun()


def top(ctx: Context, tool: str | None) -> None:
    """The first part of every page under the title bar: controls or banner."""
    if ctx.is_facilitator:
        if tool in TOOLS:
            controls(ctx, tool)
    else:
        banner(ctx, tool)
