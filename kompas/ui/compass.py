"""Streamlit helpers for the Kwaliteitskompas page: its live parts, the intro, the
results-versus-inputs overview and the import (the six steps are in compass_steps)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kompas import compass, formats, ui, workshops
from kompas.compass import CompassView, chart as charts, importer as compass_import
from kompas.ui import esc
from kompas.ui.actions import READS
from kompas.ui.compass_tables import gen, reload

# Every part of the page shows the compass; activity owners are partners, and results and
# activities can come from the goal tree.
PARTS = ("workshop", "compass", "matrix", "tree")
IMPORTED_KEY = "compass_imported"  # the summary of an import, shown after the reload
APP_CHART_WIDTH = 780  # fits the main column of a 1280 px projector next to the sidebar
STATUS_ICONS = {
    compass.STATUS_REACHED: "◆",
    compass.STATUS_ON_TRACK: "●",
    compass.STATUS_OFF_TRACK: "▼",
    compass.STATUS_NO_DATA: "■",
    compass.STATUS_STORY: "✚",
}


def live_part(ctx: ui.Context, draw, name: str, parts: tuple[str, ...] = PARTS) -> None:
    """One live part of the page: ``draw(ctx, view, editable)`` with current data, redrawn
    when the compass (or the phase, the lock, the partners) changes."""

    @ui.live(parts=parts, key=f"compass_{name}")
    def part() -> None:
        fresh = ctx.refreshed()
        editable = fresh.can_write("compass", compass.EDIT_PHASES)
        draw(fresh, ui.read(compass.compass_view, ctx.workshop_id), editable)

    part()


# --- intro and settings ---------------------------------------------------------------------


def intro(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    if ctx.is_facilitator:
        with st.expander(ui.t("compass.settings"), icon=":material/tune:"):
            open_ = st.toggle(
                ui.t("compass.open_to_participants"),
                key=ui.synced("compass_open", ctx.info.compass_open_to_participants),
            )
            if open_ != ctx.info.compass_open_to_participants:
                ui.act(
                    workshops.update_workshop, actor=ctx.actor, compass_open_to_participants=open_
                )
                st.rerun()
            st.caption(ui.t("compass.settings_caption"))
    elif editable:
        st.caption(ui.t("compass.can_write"))
    else:
        st.info(ctx.write_refusal("compass", compass.EDIT_PHASES), icon=":material/visibility:")


# --- live overview ------------------------------------------------------------------------------


def _chart_specs(workshop_id: int, version: int, view: CompassView, language: str) -> dict:
    """Chart specs per workshop version and language: built once, shared by every viewer
    who reads that language (each gets a shallow copy: Streamlit copies only the top level
    of a spec before changing it)."""

    def make() -> dict:
        width = APP_CHART_WIDTH
        per_result = charts.budget_per_result_chart(view, language=language)
        per_partner = charts.budget_per_partner_chart(view, language=language)
        main = charts.results_inputs_chart(view, width=width, language=language)
        return {
            "main": ui.arrow_datasets(main.to_dict()),
            "result": None if per_result is None else ui.arrow_datasets(per_result.to_dict()),
            "partner": None if per_partner is None else ui.arrow_datasets(per_partner.to_dict()),
        }

    key = ("compass_charts", str(ui.engine().url), workshop_id, version, language)
    specs = READS.get(key, make)
    return {name: spec and dict(spec) for name, spec in specs.items()}


def overview(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    show_overview(ctx, view, ui.version(ctx.workshop_id))


def show_overview(ctx: ui.Context, view: CompassView, version: int) -> None:
    if view.empty:
        st.info(ui.t("compass.empty"), icon=":material/explore:")
        return
    counts = view.status_counts
    cols = st.columns(4)
    cols[0].metric(
        ui.t("compass.metric_on_track"),
        counts[compass.STATUS_ON_TRACK] + counts[compass.STATUS_REACHED],
    )
    cols[1].metric(ui.t("compass.metric_off_track"), counts[compass.STATUS_OFF_TRACK])
    cols[2].metric(ui.t("compass.metric_activities"), len(view.activities))
    cols[3].metric(
        ui.t("compass.metric_budget"),
        money_compact(view.total_budget_cents),
        help=formats.money(view.total_budget_cents),
    )
    specs = _chart_specs(ctx.workshop_id, version, view, ui.current_language())
    with st.container(key="compass_chart"):
        st.vega_lite_chart(specs["main"], width="content", theme=None)
    with st.container(key="compass_status"):
        for result in view.results:
            parts = [
                ui.t(
                    "compass.indicator_status",
                    icon=STATUS_ICONS[i.status],
                    name=i.name,
                    status=ui.label("compass_status", i.status),
                )
                for i in result.indicators
            ]
            st.text(
                ui.t(
                    "compass.result_line",
                    ambition=result.ambition_title or ui.t("compass.no_ambition"),
                    result=result.title,
                    indicators="; ".join(parts) if parts else ui.t("compass.no_indicator"),
                )
            )
    if view.warnings:
        with st.container(key="compass_warnings", border=True):
            st.markdown(ui.t("compass.missing"))
            for w in view.warnings:
                st.warning(esc(w.message), icon=":material/warning:")
    # one under the other: side by side the names left no room for the bars at 1280 px
    with st.container(key="compass_budget_charts"):
        if specs["result"] is None:
            st.info(ui.t("compass.no_budget"), icon=":material/euro:")
        else:
            st.vega_lite_chart(specs["result"], width="stretch", theme=None)
            if specs["partner"] is not None:
                st.vega_lite_chart(specs["partner"], width="stretch", theme=None)
    st.subheader(ui.t("compass.table_heading"))
    st.caption(ui.t("compass.table_caption"))
    st.dataframe(
        compass_table(view),
        hide_index=True,
        width="stretch",
        key="compass_table",
        column_config=compass_table_columns(),
        placeholder="",
    )


# Widths (px) that keep every column, Budget included, in view in the 780 px main column
# at 1280 px; a cell's full text shows on hover and in the copy.
COMPASS_TABLE_WIDTHS = {
    "ambition": 95,
    "result": 140,
    "indicator": 125,
    "status": 95,
    "activity": 125,
    "partner": 100,
    "budget": 95,
}


def compass_table_columns() -> dict:
    """The column widths, by the column names in the viewer's language."""
    return {
        ui.t(f"compass.column_{column}"): st.column_config.TextColumn(width=width)
        for column, width in COMPASS_TABLE_WIDTHS.items()
    }


def money_compact(cents: int) -> str:
    """€ 4,2 mln for big amounts, so a metric fits a narrow column on a projector."""
    if cents >= 100_000_000:
        return ui.t("compass.money_millions", amount=formats.number(cents / 100_000_000, 1))
    return formats.money_short(cents)


def compass_table(view: CompassView) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                "ambition": r.ambition,
                "result": r.result,
                "indicator": r.indicator,
                "status": ui.label("compass_status", r.status) if r.status else "",
                "activity": r.activity,
                "partner": r.partner,
                "budget": formats.money(r.budget_cents, empty=""),
            }
            for r in view.rows
        ],
        columns=list(COMPASS_TABLE_WIDTHS),
    )
    return frame.rename(columns={c: ui.t(f"compass.column_{c}") for c in COMPASS_TABLE_WIDTHS})


def import_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown(ui.t("compass.import_intro"))
    cols = st.columns(2)
    cols[0].download_button(
        ui.t("compass.template_xlsx"),
        data=compass_import.template_xlsx,
        on_click="ignore",
        file_name="kwaliteitskompas-sjabloon.xlsx",
        key="compass_template_xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    cols[1].download_button(
        ui.t("compass.template_csv"),
        data=compass_import.template_csv,
        on_click="ignore",
        file_name="kwaliteitskompas-sjabloon.csv",
        mime="text/csv",
        key="compass_template_csv",
    )
    if not editable:
        return
    upload = st.file_uploader(
        ui.t("compass.upload"),
        type=["xlsx", "csv"],
        key=f"compass_upload_{gen()}",
        max_upload_size=2,
    )
    if upload is not None and st.button(
        ui.t("compass.import"), key="compass_import", type="primary"
    ):
        # a refusal shows its first line and the problems as a table (ui.act)
        result = ui.act(
            compass_import.import_compass,
            actor=ctx.actor,
            filename=upload.name,
            data=upload.getvalue(),
        )
        if not result:
            return
        st.session_state[IMPORTED_KEY] = result.summary()
        reload()
    done = st.session_state.pop(IMPORTED_KEY, None)
    if done:
        st.success(done, icon=":material/check_circle:")
