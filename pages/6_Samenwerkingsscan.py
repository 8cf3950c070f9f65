"""Samenwerkingsscan: everyone scores short statements on strategie, governance and
samenwerken; the group sees the averages and the spread; the facilitator concludes."""

import streamlit as st

from kompas import ui
from kompas.ui import scan as sc

ctx = ui.workshop_context("matrix")
st.title(ui.t("scan.title"))
st.markdown(ui.t("scan.intro"))


@ui.live(parts=sc.PARTS)
def scores():
    fresh = ctx.refreshed()
    sc.score_form(fresh, sc.view_for(fresh))


@ui.live(parts=sc.PARTS)
def group():
    fresh = ctx.refreshed()
    view = sc.view_for(fresh)
    sc.group_view(view)
    sc.conclusions(view)


@ui.live(parts=sc.PARTS)
def facilitator_tools():
    fresh = ctx.refreshed()
    st.divider()
    st.subheader(ui.t("scan.facilitator_heading"))
    sc.facilitator_panel(fresh, sc.view_for(fresh))


scores()
group()
if ctx.is_facilitator:
    facilitator_tools()
