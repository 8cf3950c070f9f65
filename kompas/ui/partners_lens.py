"""The lens of the Partnermatrix on screen: which lens this round uses, what it asks and what
its quadrants mean, and (facilitator) the choice of lens."""

from __future__ import annotations

import streamlit as st

from kompas import partners, ui
from kompas.partners import MatrixView
from kompas.partners.lenses import LENSES
from kompas.ui import esc

CORNERS = ("Linksboven", "Rechtsboven", "Linksonder", "Rechtsonder")


def _lens_name(lens_id: str) -> str:
    return partners.lenses.name(lens_id)


def lens_bar(ctx: ui.Context, view: MatrixView) -> None:
    """The lens of this round, its question and its quadrants; the facilitator chooses."""
    lens = view.lens
    with st.container(key="matrix_lens_bar"):
        if ctx.is_facilitator:
            ids = list(LENSES)
            chosen = st.selectbox(
                "Lens van deze ronde",
                ids,
                key=ui.synced("matrix_lens", lens.id),
                format_func=_lens_name,
                help="Alle partners, dezelfde stappen: eerst plaatst ieder zelf, dan laat je "
                "de inschattingen zien, daarna de gezamenlijke positie en richting. Een "
                "nieuwe lens begint met verborgen inschattingen.",
            )
            if chosen != lens.id and ui.act(
                partners.set_lens,
                actor=ctx.actor,
                lens=chosen,
                success=f"Lens gewijzigd naar {_lens_name(chosen)}",
            ):
                st.rerun()
        else:
            st.markdown(f"**Lens: {esc(lens.name)}**")
        st.caption(lens.help)
        with st.expander("Wat betekenen de kwadranten?", expanded=False):
            names = tuple(view.quadrant_labels)
            for i, corner in enumerate(CORNERS):
                name = names[i] if len(names) == 4 else lens.quadrants[i]
                st.markdown(f"**{esc(corner)}: {esc(name)}**")
                st.caption(lens.quadrant_help[i])
