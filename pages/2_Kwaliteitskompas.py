"""Kwaliteitskompas: the six steps as editable tables, and results versus inputs at a glance."""

import streamlit as st

from kompas import ui
from kompas.ui import compass as cui, compass_steps as steps

ctx = ui.workshop_context("compass")
st.title("Kwaliteitskompas")
cui.live_part(ctx, cui.intro, "intro", parts=("workshop",))

TABS = {
    "Resultaten en inzet": cui.overview,
    "1 Ambities": steps.ambitions_step,
    "2 Resultaten": steps.results_step,
    "3 Activiteiten": steps.activities_step,
    "4 Kwaliteit": steps.quality_step,
    "5 Outcome": steps.outcome_step,
    "6 Verbetercyclus": steps.reflections_step,
    "Importeren": cui.import_step,
}
for tab, draw in zip(st.tabs(list(TABS)), TABS.values()):
    with tab:
        cui.live_part(ctx, draw, draw.__name__)
