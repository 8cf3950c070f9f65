"""Vervolgsessies on screen: the series on the console (sessions, the button that starts
the next one), the review (*terugblik*) that opens a follow-up session, and the partners'
movement since last time on the Partnermatrix page."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from kompas import compass, formats, series, ui
from kompas.db import reading
from kompas.errors import KompasError
from kompas.models import ACTION_STATUSES
from kompas.partners.consensus import Point
from kompas.series.chart import path_chart
from kompas.ui import esc, esc_inline
from kompas.ui.home import NEW_WORKSHOP_KEY


def path_spec(db, workshop_id: int, show_now: bool) -> dict:
    """Read function for ``ui.read_chart``: the partners' paths as a Vega-Lite dict."""
    return path_chart(series.partner_shifts(db, workshop_id), show_now=show_now).to_dict(
        validate=False
    )


REVIEW_PARTS = ("workshop", "tree", "compass", "matrix")
# The review's measurement form (its fields are read and cleared in the submit callback).
MEASURE_IND_KEY = "review_measure_ind"
MEASURE_VALUE_KEY = "review_measure_value"
MEASURE_DATE_KEY = "review_measure_date"


def _safe_key(key: str) -> str:
    return key.replace(":", "_")


def position(point: Point | None) -> str:
    if point is None:
        return ui.t("series.not_placed")
    return ui.t(
        "series.position",
        influence=formats.percent(point.influence),
        dependency=formats.percent(point.dependency),
    )


# --- the console: the series and the next session ------------------------------------------


def console_section(ctx: ui.Context) -> None:
    """On the console: the sessions of the series and the button for the next one."""
    st.subheader(ui.t("series.sessions_heading"))

    @ui.live(parts=("workshop", "participants"))
    def sessions() -> None:
        # Not cached: the other sessions' counts change without a push to this workshop.
        with reading(ui.engine()) as db:
            rows = series.series_sessions(db, ctx.workshop_id)
        with st.container(key="series_list"):
            for s in rows:
                st.text(
                    ui.t(
                        "series.session_current" if s.current else "series.session",
                        number=s.number,
                        date=ui.day(s.created_at),
                        code=s.code,
                        n=s.participants,
                    )
                )

    sessions()
    st.caption(ui.t("series.follow_up_caption"))
    if st.button(
        ui.t("series.start_follow_up"),
        key="next_session",
        icon=":material/east:",
        help=ui.t("series.start_follow_up_help"),
    ):
        new = ui.act(series.start_follow_up, actor=ctx.actor)
        if new:
            st.session_state[NEW_WORKSHOP_KEY] = {"code": new.code, "key": new.facilitator_key}
            ui.sign_in({"code": new.code, "f": new.facilitator_key})
            st.rerun()


# --- the review that opens a follow-up session ---------------------------------------------


def review_section(ctx: ui.Context) -> None:
    """The terugblik, only for a follow-up session."""

    @ui.live(parts=REVIEW_PARTS)
    def review() -> None:
        rev = ui.read(series.review, ctx.workshop_id)
        if not rev.is_follow_up:
            return
        with st.container(key="review", border=True):
            st.subheader(ui.t("series.review_heading", number=rev.previous))
            st.caption(ui.t("series.review_caption"))
            _review_actions(ctx, rev)
            _review_priorities(rev)
            _review_indicators(ctx, rev)

    review()


def _review_actions(ctx: ui.Context, rev: series.Review) -> None:
    st.markdown(f"#### {ui.t('series.actions_heading')}")
    items = [a for a in rev.actions if a.status]
    if not items:
        st.info(ui.t("series.no_actions"))
    for item in items:
        safe = _safe_key(item.key)
        details = [item.about or ui.label("action_source", item.source)]
        if item.owner:
            details.append(ui.t("series.owner", owner=item.owner))
        if item.due:
            details.append(ui.t("series.due", date=ui.day(item.due)))
        with st.form(f"review_form_{safe}", border=True):
            cols = st.columns([3, 1.7, 2.4, 1.2], vertical_alignment="bottom")
            with cols[0], st.container(key=f"review_item_{safe}"):
                st.markdown(f"**{esc_inline(item.action)}**")
                st.caption(esc(" · ".join(details)))
            status = cols[1].selectbox(
                ui.t("series.status"),
                ACTION_STATUSES,
                key=ui.synced(f"review_status_{safe}", item.status),
                format_func=lambda status: ui.label("action_status", status),
            )
            note = cols[2].text_input(
                ui.t("series.note"),
                key=ui.synced(f"review_note_{safe}", item.status_note),
                max_chars=1000,
            )
            go = cols[3].form_submit_button(ui.t("series.save"), key=f"review_save_{safe}")
            if go:
                ui.act(
                    series.set_action_status,
                    actor=ctx.actor,
                    key=item.key,
                    status=status,
                    note=note,
                    success=ui.t("series.status_saved"),
                )
    questions = [a for a in rev.actions if a.source == "vraag"]
    if questions:
        st.markdown(f"**{ui.t('series.open_questions')}**")
        for q in questions:
            st.text(f"• {q.action}")


def _review_priorities(rev: series.Review) -> None:
    st.markdown(f"#### {ui.t('series.priorities_heading')}")
    if not rev.priorities:
        st.caption(ui.t("series.no_priorities"))
        return
    table = pd.DataFrame(
        [
            {
                ui.t("series.column_item"): p.title,
                ui.t("series.column_votes"): p.votes,
                ui.t("series.column_agreed"): ui.t("series.agreed") if p.agreed else "",
            }
            for p in rev.priorities
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch", key="review_priorities", placeholder="")


def _measured(m) -> str:
    if m is None:
        return "–"
    when, value, story = m
    return f"{formats.smart_number(value) if value is not None else story} ({ui.day(when)})"


def _review_indicators(ctx: ui.Context, rev: series.Review) -> None:
    st.markdown(f"#### {ui.t('series.indicators_heading')}")
    if not rev.indicators:
        st.caption(ui.t("series.no_indicators"))
        return
    table = pd.DataFrame(
        [
            {
                ui.t("series.column_indicator"): t.name,
                ui.t("series.column_last_time"): _measured(t.last_time),
                ui.t("series.column_now"): _measured(t.now),
                ui.t("series.column_change"): formats.smart_number(t.change, empty=""),
                ui.t("series.column_trend"): ui.label("trend", t.trend),
            }
            for t in rev.indicators
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch", key="review_indicators", placeholder="")
    names = {t.indicator_id: t.name for t in rev.indicators}
    kinds = {t.indicator_id: t.kind for t in rev.indicators}
    with st.form("review_measure", border=False):
        cols = st.columns([3, 1, 1], vertical_alignment="bottom")
        cols[0].selectbox(
            ui.t("series.measure_for"), list(names), format_func=names.get, key=MEASURE_IND_KEY
        )
        cols[1].text_input(ui.t("series.measure_value"), key=MEASURE_VALUE_KEY)
        cols[2].date_input(
            ui.t("series.measure_date"),
            value=date.today(),
            format="DD-MM-YYYY",
            key=MEASURE_DATE_KEY,
        )
        st.form_submit_button(
            ui.t("series.measure_add"),
            key="review_measure_submit",
            on_click=_add_measurement,
            args=(ctx, kinds),
        )


def _add_measurement(ctx: ui.Context, kinds: dict) -> None:
    """In the submit callback: the value field is cleared only after a successful write."""
    indicator_id = st.session_state.get(MEASURE_IND_KEY)
    value = st.session_state.get(MEASURE_VALUE_KEY, "")
    is_story = kinds.get(indicator_id) == "vertellen" and is_text(value)
    if ui.act(
        compass.add_measurement,
        actor=ctx.actor,
        indicator_id=indicator_id,
        measured_on=st.session_state.get(MEASURE_DATE_KEY),
        value=None if is_story else value,
        story=value if is_story else "",
        success=ui.t("series.measure_added"),
        later=True,
    ):
        st.session_state[MEASURE_VALUE_KEY] = ""


def is_text(value: str) -> bool:
    try:
        formats.parse_number(value)
        return False
    except KompasError:
        return True


# --- the matrix across sessions ------------------------------------------------------------


def matrix_section(ctx: ui.Context) -> None:
    """On the Partnermatrix page of a follow-up: per partner last time's agreed position
    and direction beside where the group puts it now, and the path over all sessions."""

    @ui.live(parts=("workshop", "matrix"))
    def since() -> None:
        shifts = ui.read(series.partner_shifts, ctx.workshop_id)
        if not shifts:
            return
        fresh = ctx.refreshed()
        show_now = (
            fresh.is_facilitator
            or fresh.info.placements_revealed
            or fresh.phase("matrix") != "inschatten"
        )
        st.divider()
        with st.container(key="matrix_since"):
            st.subheader(ui.t("series.since_heading"))
            st.caption(ui.t("series.since_caption"))
            for s in shifts:
                with st.container(border=True, key=f"since_{s.partner_id}"):
                    cols = st.columns([2, 3, 2, 3, 2])
                    cols[0].markdown(f"**{esc_inline(s.name)}**")
                    cols[1].text(ui.t("series.before", position=position(s.before)))
                    direction = (
                        ui.label("direction", s.direction)
                        if s.direction
                        else ui.t("series.no_direction")
                    )
                    cols[2].text(ui.t("series.direction", direction=direction))
                    if show_now:
                        now = position(s.now)
                        cols[3].text(
                            ui.t("series.now_one", position=now)
                            if s.placements == 1
                            else ui.t("series.now_many", n=s.placements, position=now)
                        )
                        cols[4].text(ui.label("movement", s.movement.verdict))
                    else:
                        cols[3].text(ui.t("series.now_hidden"))
            with st.expander(ui.t("series.paths")):
                st.vega_lite_chart(
                    ui.read_chart(path_spec, ctx.workshop_id, show_now),
                    key="series_path_chart",
                )
                st.caption(ui.t("series.paths_caption"))
                rows = []
                for s in shifts:
                    for step in s.path:
                        if step.current and not show_now:
                            group = None
                        else:
                            group = step.group
                        rows.append(
                            {
                                ui.t("series.column_partner"): s.name,
                                ui.t("series.column_session"): step.number,
                                ui.t("series.column_agreed_influence"): _pct(
                                    step.agreed, "influence"
                                ),
                                ui.t("series.column_agreed_dependency"): _pct(
                                    step.agreed, "dependency"
                                ),
                                ui.t("series.column_group_influence"): _pct(group, "influence"),
                                ui.t("series.column_group_dependency"): _pct(group, "dependency"),
                                ui.t("series.column_direction"): ui.label(
                                    "direction", step.direction
                                )
                                if step.direction
                                else "",
                            }
                        )
                st.dataframe(
                    pd.DataFrame(rows),
                    hide_index=True,
                    width="stretch",
                    key="series_paths",
                    placeholder="",
                )

    since()


def _pct(point: Point | None, axis: str) -> str:
    return "" if point is None else formats.percent(getattr(point, axis))
