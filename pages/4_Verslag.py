"""Verslag: the report on screen, conclusions and open questions, and all downloads."""

import streamlit as st

from kompas import summary, ui
from kompas.ui import report

ctx = ui.workshop_context()

st.title(ui.t("report.title"))
st.markdown(ui.t("report.intro"))


@ui.live(parts=("report", "participants"))
def settings_and_downloads():
    fresh = ctx.refreshed()
    info = fresh.info
    if fresh.is_facilitator:
        left, right = st.columns([3, 2], gap="large")
        with left:
            report.settings_form(fresh)
        with right:
            report.downloads(fresh)
            names = (
                ui.t("report.names_shown")
                if info.report_show_names
                else ui.t("report.names_hidden")
            )
            downloads = (
                ui.t("report.participants_download")
                if info.downloads_open
                else ui.t("report.participants_no_download")
            )
            st.caption(f"{names} {downloads}")
    else:
        report.downloads(fresh)


settings_and_downloads()
st.divider()
top, toggle = st.columns([4, 1])
with toggle:
    pictures = st.toggle(
        ui.t("report.pictures"),
        key="report_pictures",
        value=False,
        help=ui.t("report.pictures_help"),
    )


@ui.live  # the report shows every part of the workshop
def report_live():
    built = ui.read(summary.build, ctx.workshop_id)
    st.markdown(f"### {ui.esc_inline(built.title)}")
    if pictures:
        with st.spinner(ui.t("report.making_pictures")):
            report.show_summary(built, pictures=True)
    else:
        report.show_summary(built, pictures=False)


with top:
    report_live()
