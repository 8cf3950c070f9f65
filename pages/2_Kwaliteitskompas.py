"""Kwaliteitskompas: the six steps as editable tables, and results versus inputs at a glance."""

import streamlit as st

from kompas import ui
from kompas.ui import compass as cui

ctx = ui.workshop_context("compass")
st.title("Kwaliteitskompas")
cui.live_part(ctx, cui.intro, "intro", parts=("workshop",))

tabs = st.tabs(["Resultaten en inzet", "1 Ambities", "2 Resultaten", "3 Activiteiten",
                "4 Kwaliteit", "5 Outcome", "6 Verbetercyclus", "Importeren"])
steps = [cui.overview, cui.ambitions_step, cui.results_step, cui.activities_step,
         cui.quality_step, cui.outcome_step, cui.reflections_step, cui.import_step]
for tab, step in zip(tabs, steps):
    with tab:
        cui.live_part(ctx, step, step.__name__)
