"""Doelenboom: from main goal to activities, live proposals, moderation, dot voting."""

import streamlit as st

from kompas import goaltree, ui
from kompas.ui import goaltree as gt

ctx = ui.workshop_context("tree")
st.title("Doelenboom")
st.caption("Van hoofddoel via beleidsterreinen en maatschappelijke effecten naar activiteiten.")

# Inputs stay outside the live fragment, so a poll never eats what someone types.
view = gt.tree_for(ctx)
if ctx.is_facilitator:
    gt.facilitator_tools(ctx, view)
elif ctx.can_write("tree", goaltree.PROPOSE_PHASES):
    gt.add_form(ctx, view)


@ui.live(parts=("workshop", "tree", "votes"))
def tree_live():
    live_ctx = ctx.refreshed()
    now = gt.tree_for(live_ctx)
    ui.show_pending_errors()
    gt.status(live_ctx, now)
    if len(now.nodes) <= 1:
        st.info("De boom heeft alleen nog een hoofddoel. Stel een beleidsterrein of effect voor."
                if not ctx.is_facilitator else
                "De boom heeft alleen nog een hoofddoel. Voeg de zes beleidsterreinen toe met het "
                "sjabloon, of begin leeg.", icon=":material/park:")
    if gt.parent_options(now, live_ctx) != gt.parent_options(view, live_ctx):
        if st.button("Nieuwe onderdelen in de keuzelijst zetten", key="refresh_parents",
                     help="Er zijn onderdelen bijgekomen; je getypte tekst gaat verloren als je "
                          "nog niet op Toevoegen hebt gedrukt."):
            st.rerun()
    # the task of the phase comes first, the picture and the outline follow
    if now.phase == "stemmen":
        gt.actions_and_outline(live_ctx, now)
        gt.picture(live_ctx, now)
    elif now.phase in ("resultaat", "gesloten"):
        gt.result(live_ctx, now)
        gt.picture(live_ctx, now)
        gt.actions_and_outline(live_ctx, now)
    else:
        gt.picture(live_ctx, now)
        gt.actions_and_outline(live_ctx, now)
        gt.result(live_ctx, now)


tree_live()
