"""The lens of the Partnermatrix on screen: which lens this round uses, what it asks and what
its quadrants mean, and (facilitator) the choice of lens."""

from __future__ import annotations

import streamlit as st

from kompas import partners, ui
from kompas.partners import MatrixView
from kompas.partners.lenses import LENSES
from kompas.ui import esc, matrix as component


def _lens_name(lens_id: str) -> str:
    lens = LENSES.get(lens_id)
    return component.shown_lens(lens).name if lens else partners.lenses.name(lens_id)


def lens_bar(ctx: ui.Context, view: MatrixView) -> None:
    """The lens of this round, its question and its quadrants; the facilitator chooses."""
    lens = component.shown_lens(view.lens)
    with st.container(key="matrix_lens_bar"):
        if ctx.is_facilitator:
            ids = list(LENSES)
            chosen = st.selectbox(
                ui.t("matrix.lens_choice"),
                ids,
                key=ui.synced("matrix_lens", lens.id),
                format_func={i: _lens_name(i) for i in ids}.get,
                help=ui.t("matrix.lens_choice_help"),
            )
            if chosen != lens.id and ui.act(
                partners.set_lens,
                actor=ctx.actor,
                lens=chosen,
                success=ui.t("matrix.lens_changed", lens=_lens_name(chosen)),
            ):
                st.rerun()
        else:
            st.markdown(ui.t("matrix.lens_heading", lens=esc(lens.name)))
        st.caption(lens.help)
        with st.expander(ui.t("matrix.quadrants_expander"), expanded=False):
            for i, name in enumerate(component.quadrant_names(view)):
                corner = ui.t(f"matrix.corner.{i}")
                st.markdown(ui.t("matrix.quadrant_heading", corner=esc(corner), name=esc(name)))
                st.caption(lens.quadrant_help[i])
