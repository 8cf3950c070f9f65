"""Partnermatrix: everyone places the partners, the group sees where it differs, the
facilitator records the agreed position and direction per partner."""

import streamlit as st

from kompas import ui
from kompas.ui import partners as pm, partners_lens, partners_relations, series as series_ui

ctx = ui.workshop_context("matrix")
st.title(ui.t("matrix.title"))


@ui.live(parts=pm.PARTS)
def intro():
    pm.intro(ctx.refreshed())


@ui.live(parts=pm.PARTS)
def lens_bar():
    fresh = ctx.refreshed()
    partners_lens.lens_bar(fresh, pm.view_for(fresh))


@ui.live(parts=pm.PARTS)
def live_matrix():
    fresh = ctx.refreshed()
    view = pm.view_for(fresh)
    if not view.partners:
        if fresh.is_facilitator:
            st.info(ui.t("matrix.no_partners_facilitator"), icon=":material/group_add:")
        else:
            st.info(ui.t("matrix.no_partners"), icon=":material/hourglass_empty:")
        return
    left, right = st.columns([3, 2], gap="large")
    with left:
        pm.matrix(fresh, view)
    with right:
        if view.phase != "inschatten" or fresh.is_facilitator or view.revealed:
            pm.group_view(view)
        pm.directions_table(view)


@ui.live(parts=pm.PARTS)
def sliders():
    fresh = ctx.refreshed()
    pm.slider_form(fresh, pm.view_for(fresh))


@ui.live(parts=pm.PARTS)
def relations_part():
    partners_relations.relations_part(ctx.refreshed())


@ui.live(parts=pm.PARTS)
def facilitator_tools():
    fresh = ctx.refreshed()
    view = pm.view_for(fresh)
    st.divider()
    st.subheader(ui.t("matrix.facilitator_heading"))
    tab_dir, tab_partners, tab_import, tab_settings = st.tabs(
        [ui.t(f"matrix.tab.{tab}") for tab in ("direction", "partners", "import", "settings")]
    )
    with tab_dir:
        if view.partners:
            pm.direction_form(fresh, view)
        else:
            st.caption(ui.t("matrix.add_partners_first"))
    with tab_partners:
        pm.partner_admin(fresh, view)
    with tab_import:
        pm.import_form(fresh)
    with tab_settings:
        pm.settings_panel(fresh, view)


intro()
lens_bar()
live_matrix()
sliders()
series_ui.matrix_section(ctx)
relations_part()
if ctx.is_facilitator:
    facilitator_tools()
