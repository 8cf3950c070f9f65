"""Samenwerkingsscan: everyone scores short statements on strategie, governance and
samenwerken; the group sees the averages and the spread; the facilitator concludes."""

import streamlit as st

from kompas import ui
from kompas.ui import scan as sc

ctx = ui.workshop_context("matrix")
st.title("Samenwerkingsscan")
st.markdown(
    "Een regionaal netwerk werkt als drie dingen kloppen: een gedeelde strategie, "
    "duidelijke sturing (governance) en goed samenwerken. Geef bij elke stelling aan hoe "
    "het nu is."
)


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
    st.subheader("Voor de procesbegeleider")
    sc.facilitator_panel(fresh, sc.view_for(fresh))


scores()
group()
if ctx.is_facilitator:
    facilitator_tools()
