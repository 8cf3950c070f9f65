"""Kwaliteitskompas: the six steps as editable tables, and results versus inputs at a glance."""

import streamlit as st

from kompas import compass, ui
from kompas.ui import compass as cui

ctx = ui.workshop_context("compass")
st.title("Kwaliteitskompas")
cui.mark_loaded(ctx)
editable = ctx.can_write("compass", compass.EDIT_PHASES)
view = ui.read(compass.compass_view, ctx.workshop_id)
cui.intro(ctx, editable)

tabs = st.tabs(["Resultaten en inzet", "1 Ambities", "2 Resultaten", "3 Activiteiten",
                "4 Kwaliteit", "5 Outcome", "6 Verbetercyclus", "Importeren"])
with tabs[0]:
    cui.overview(ctx, editable)
with tabs[1]:
    cui.ambitions_step(ctx, view, editable)
with tabs[2]:
    cui.results_step(ctx, view, editable)
with tabs[3]:
    cui.activities_step(ctx, view, editable)
with tabs[4]:
    cui.quality_step(ctx, view, editable)
with tabs[5]:
    cui.outcome_step(ctx, view, editable)
with tabs[6]:
    cui.reflections_step(ctx, view, editable)
with tabs[7]:
    cui.import_step(ctx, editable)
