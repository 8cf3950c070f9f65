"""Doelenboom: from main goal to activities, live proposals, moderation, dot voting."""

import streamlit as st

from kompas import ui
from kompas.ui import goaltree as gt, goaltree_tools

ctx = ui.workshop_context("tree")
st.title(ui.t("tree.title"))
st.caption(ui.t("tree.caption"))


# One live part: the form and the tools are live too (what someone is typing survives a
# redraw, and the choices, the "Onder" list and the phase, are always current).
@ui.live(parts=gt.TREE_PARTS)
def tree_live():
    fresh = ctx.refreshed()
    now = gt.tree_for(fresh)
    if fresh.is_facilitator:
        goaltree_tools.facilitator_tools(fresh, now)
    else:
        gt.add_form(fresh, now)
    ui.show_pending_errors()
    gt.status(fresh, now)
    if len(now.nodes) <= 1:
        st.info(
            ui.t("tree.only_main_goal_facilitator")
            if fresh.is_facilitator
            else ui.t("tree.only_main_goal"),
            icon=":material/park:",
        )
    # the task of the phase comes first, the picture and the outline follow
    if now.phase == "stemmen":
        gt.actions_and_outline(fresh, now)
        gt.picture(fresh, now)
    elif now.phase in ("resultaat", "gesloten"):
        gt.result(fresh, now)
        gt.picture(fresh, now)
        gt.actions_and_outline(fresh, now)
    else:
        gt.picture(fresh, now)
        gt.actions_and_outline(fresh, now)
        gt.result(fresh, now)


tree_live()
