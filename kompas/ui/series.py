"""Vervolgsessies on screen: the series on the console (sessions, the button that starts
the next one), the review (*terugblik*) that opens a follow-up session, and the partners'
movement since last time on the Partnermatrix page."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from kompas import compass, formats, series, ui
from kompas.actions import SOURCES
from kompas.db import reading
from kompas.errors import KompasError
from kompas.labels import trend_label
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
    st.subheader("Reeks van sessies")

    @ui.live(parts=("workshop", "participants"))
    def sessions() -> None:
        # Not cached: the other sessions' counts change without a push to this workshop.
        with reading(ui.engine()) as db:
            rows = series.series_sessions(db, ctx.workshop_id)
        with st.container(key="series_list"):
            for s in rows:
                here = " (deze sessie)" if s.current else ""
                st.text(
                    f"Sessie {s.number} · {formats.date_nl(s.created_at)} · code {s.code} · "
                    f"{s.participants} deelnemers{here}"
                )

    sessions()
    st.caption(
        "Een vervolgsessie begint waar deze sessie eindigt: de doelenboom (met de stemmen "
        "en prioriteiten van nu als geschiedenis), het kwaliteitskompas, de partners met "
        "hun afgesproken positie en richting, de acties en besluiten. Deelnemers, stemmen en "
        "eigen plaatsingen gaan niet mee. Deze sessie blijft zoals hij is."
    )
    if st.button(
        "Vervolgsessie starten",
        key="next_session",
        icon=":material/east:",
        help="Maakt een nieuwe workshop in deze reeks, met een eigen code",
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
            st.subheader(f"Terugblik op sessie {rev.previous}")
            st.caption(
                "Wat is er gebeurd sinds vorige keer? Zet per actie de status en een korte "
                "toelichting. Vul nieuwe metingen in en kijk wat er vorige keer voorrang kreeg."
            )
            _review_actions(ctx, rev)
            _review_priorities(rev)
            _review_indicators(ctx, rev)

    review()


def _review_actions(ctx: ui.Context, rev: series.Review) -> None:
    st.markdown("#### Acties van vorige keer")
    items = [a for a in rev.actions if a.status]
    if not items:
        st.info("Er waren vorige keer geen acties met een eigenaar of datum.")
    for item in items:
        safe = _safe_key(item.key)
        details = [item.about or SOURCES[item.source]]
        if item.owner:
            details.append(f"eigenaar {item.owner}")
        if item.due:
            details.append(f"datum {formats.date_nl(item.due)}")
        with st.form(f"review_form_{safe}", border=True):
            cols = st.columns([3, 1.7, 2.4, 1.2], vertical_alignment="bottom")
            with cols[0], st.container(key=f"review_item_{safe}"):
                st.markdown(f"**{esc_inline(item.action)}**")
                st.caption(esc(" · ".join(details)))
            status = cols[1].selectbox(
                "Status",
                ACTION_STATUSES,
                key=ui.synced(f"review_status_{safe}", item.status),
            )
            note = cols[2].text_input(
                "Toelichting (mag leeg)",
                key=ui.synced(f"review_note_{safe}", item.status_note),
                max_chars=1000,
            )
            go = cols[3].form_submit_button("Opslaan", key=f"review_save_{safe}")
            if go:
                ui.act(
                    series.set_action_status,
                    actor=ctx.actor,
                    key=item.key,
                    status=status,
                    note=note,
                    success="Status opgeslagen",
                )
    questions = [a for a in rev.actions if a.source == "vraag"]
    if questions:
        st.markdown("**Open vragen van vorige keer**")
        for q in questions:
            st.text(f"• {q.action}")


def _review_priorities(rev: series.Review) -> None:
    st.markdown("#### Doelenboom: wat kreeg vorige keer voorrang")
    if not rev.priorities:
        st.caption("Vorige keer zijn er geen stemmen uitgebracht of prioriteiten afgesproken.")
        return
    table = pd.DataFrame(
        [
            {
                "Onderdeel": p.title,
                "Stippen vorige keer": p.votes,
                "Afgesproken prioriteit": "ja" if p.agreed else "",
            }
            for p in rev.priorities
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch", key="review_priorities", placeholder="")


def _measured(m) -> str:
    if m is None:
        return "–"
    when, value, story = m
    return (
        f"{formats.smart_number(value) if value is not None else story} ({formats.date_nl(when)})"
    )


def _review_indicators(ctx: ui.Context, rev: series.Review) -> None:
    st.markdown("#### Indicatoren sinds vorige keer")
    if not rev.indicators:
        st.caption("Er zijn geen indicatoren in het kwaliteitskompas.")
        return
    table = pd.DataFrame(
        [
            {
                "Indicator": t.name,
                "Vorige keer": _measured(t.last_time),
                "Nu": _measured(t.now),
                "Verschil": formats.smart_number(t.change, empty=""),
                "Ontwikkeling": trend_label(t.trend),
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
            "Nieuwe meting voor", list(names), format_func=names.get, key=MEASURE_IND_KEY
        )
        cols[1].text_input("Waarde of verhaal", key=MEASURE_VALUE_KEY)
        cols[2].date_input("Datum", value=date.today(), format="DD-MM-YYYY", key=MEASURE_DATE_KEY)
        st.form_submit_button(
            "Meting toevoegen",
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
        success="Meting toegevoegd",
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
