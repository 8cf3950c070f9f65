"""Kwaliteitskompas: the six steps as editable tables, and results versus inputs at a glance."""

import streamlit as st

from kompas import ui
from kompas.ui import compass as cui, compass_steps as steps

ctx = ui.workshop_context("compass")
st.title(ui.t("compass.title"))
cui.live_part(ctx, cui.intro, "intro", parts=("workshop",))

TABS = {
    ui.t("compass.tab_overview"): cui.overview,
    ui.t("compass.tab_ambitions"): steps.ambitions_step,
    ui.t("compass.tab_results"): steps.results_step,
    ui.t("compass.tab_activities"): steps.activities_step,
    ui.t("compass.tab_quality"): steps.quality_step,
    ui.t("compass.tab_outcome"): steps.outcome_step,
    ui.t("compass.tab_reflections"): steps.reflections_step,
    ui.t("compass.tab_import"): cui.import_step,
}
for tab, draw in zip(st.tabs(list(TABS)), TABS.values()):
    with tab:
        cui.live_part(ctx, draw, draw.__name__)
