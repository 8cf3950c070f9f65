"""The projector screen (Presentatie): the join code huge beside the QR code and the join
address, then whatever the facilitator has set as "now", live; no admin controls."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from kompas import compass, goaltree, partners, ui
from kompas.goaltree.chart import chart_size as tree_chart_size
from kompas.models import TOOLS
from kompas.partners.chart import matrix_chart
from kompas.ui import compass as cui, goaltree as gt, partners as pm
from kompas.ui.home import join_url, qr_png, site_url
from kompas.ui.now import big_timer, now_text
from kompas.ui.safe import esc_inline

TREE_COLUMN_PX = 1200  # the tree's column at 1920 px wide
TREE_COLUMN_LAPTOP_PX = 760  # and at 1280
MAX_TREE_ZOOM = 2.2
RECENT_PROPOSALS = 6  # the newest proposals, large, beside the tree
# Readable from the back of a room at 1920×1080: the code at 120 px, the rest scaled up.
STYLE = """<style>
.st-key-presenter_code .kompas-code { font-size: clamp(48px, 6.2vw, 120px); font-weight: 700; letter-spacing: .08em;
  line-height: 1.05; font-family: "DejaVu Sans Mono", ui-monospace, monospace; color: #1a1d21; }
.st-key-presenter_code p, .st-key-presenter_join p { font-size: 1.6rem; }
.st-key-presenter_now h2 { font-size: 2.4rem; }
.st-key-presenter_live p, .st-key-presenter_live li { font-size: 1.35rem; }
.st-key-presenter_progress p { font-size: 2rem; font-weight: 600; }
.st-key-presenter_matrix { zoom: 1.25; }
@media (max-width: 1600px) { .st-key-presenter_matrix { zoom: 1; } }

</style>"""


def refusal() -> None:
    st.warning(ui.t("presenter.refusal"), icon=":material/lock:")


def show(ctx: ui.Context) -> None:
    st.html(STYLE)
    _header(ctx)
    _now(ctx)


def _header(ctx: ui.Context) -> None:
    @ui.live(parts=("workshop", "participants"), key="presenter_header")
    def header() -> None:
        info = ctx.refreshed().info
        url = join_url(info.code)
        code_col, now_col, qr_col = st.columns([5, 5, 3], gap="large", vertical_alignment="top")
        with code_col:
            st.subheader(esc_inline(info.title))
            with st.container(key="presenter_code"):
                st.markdown(ui.t("presenter.join_at", site=esc_inline(site_url())))
                # the code uses an alphabet of capitals and digits only: safe as HTML
                label = html.escape(ui.t("presenter.code_label"))
                st.html(f'<div class="kompas-code" aria-label="{label}">{info.code}</div>')
            with st.container(key="presenter_join"):
                st.markdown(ui.t("presenter.scan_and_count", n=len(info.active_participants)))
        with now_col, st.container(key="presenter_now"):
            text = now_text(info)
            st.header(ui.t("presenter.now", now=text) if text else ui.t("presenter.welcome"))
            big_timer(info, key="presenter_timer", size="huge")
        with qr_col:
            st.image(
                qr_png(url),
                caption=url,
                width=280,
                alt=ui.t("presenter.qr_alt", url=url),
            )

    header()


def _now(ctx: ui.Context) -> None:
    @ui.live(
        parts=("workshop", "participants", "tree", "votes", "compass", "matrix"),
        key="presenter_live",
    )
    def now_part() -> None:
        fresh = ctx.refreshed()
        info = fresh.info
        with st.container(key="presenter_live"):
            if info.now_tool == "tree":
                _tree(fresh)
            elif info.now_tool == "compass":
                view = ui.read(compass.compass_view, fresh.workshop_id)
                cui.show_overview(fresh, view, ui.version(fresh.workshop_id))
            elif info.now_tool == "matrix":
                _matrix(fresh)
            else:
                st.markdown(ui.t("presenter.starting_soon"))
                tools = ", ".join(ui.label("tool", tool) for tool in TOOLS)
                st.caption(ui.t("presenter.how_to_follow", tools=tools))

    now_part()


def _tree(ctx: ui.Context) -> None:
    view = gt.tree_for(ctx)
    if view.phase in ("stemmen", "resultaat") or view.voters:
        with st.container(key="presenter_progress"):
            st.markdown(ui.t("tree.voters", voters=view.voters, participants=view.participants))
    picture, side = st.columns([3, 1], gap="large")
    with picture:
        spec = ui.read_chart(goaltree.chart_spec, ctx.workshop_id, view.revealed, ())
        # the picture is drawn for a laptop column: scaled up to fill the projector's column
        width, _ = tree_chart_size(view)
        big, laptop = (
            max(1.0, min(MAX_TREE_ZOOM, column / max(width, 1)))
            for column in (TREE_COLUMN_PX, TREE_COLUMN_LAPTOP_PX)
        )
        st.html(
            f"<style>.st-key-presenter_tree {{ zoom: {big:.2f}; }}"
            f"@media (max-width: 1600px) {{ .st-key-presenter_tree {{ zoom: {laptop:.2f}; }} }}"
            "@media (max-width: 900px) { .st-key-presenter_tree { zoom: 1; } }</style>"
        )
        with st.container(key="presenter_tree"):
            st.vega_lite_chart(spec=spec, theme=None, width="content")
    with side:
        newest = sorted((n for n in view.nodes if n.is_proposal), key=lambda n: -n.id)
        st.subheader(ui.t("presenter.newest_proposals"))
        if not newest:
            st.markdown(ui.t("presenter.no_proposals"))
        for n in newest[:RECENT_PROPOSALS]:
            st.markdown(
                ui.t(
                    "presenter.proposal",
                    kind=ui.label("node_kind", n.kind),
                    title=esc_inline(n.title),
                )
            )
    if view.revealed:
        rows = ui.read(goaltree.priorities, ctx.workshop_id)
        if rows:
            st.subheader(ui.t("tree.priorities"))
            table = pd.DataFrame(
                [
                    {
                        ui.t("tree.col_rank"): r.rank,
                        ui.t("tree.col_node"): r.title,
                        ui.t("tree.col_dots"): r.total,
                    }
                    for r in rows[:10]
                ]
            )
            st.dataframe(table, hide_index=True, width="stretch", placeholder="")


def _matrix(ctx: ui.Context) -> None:
    state = ui.read(partners.matrix_state, ctx.workshop_id)
    view = partners.view_of(state, None, False)  # what the room may see: no unrevealed marks
    if not view.partners:
        st.markdown(ui.t("presenter.no_partners"))
        return
    left, right = st.columns([3, 2], gap="large")
    with left, st.container(key="presenter_matrix"):
        st.altair_chart(matrix_chart(view), width="content", theme=None)
    with right:
        pm.group_view(view)
