"""Presentatie: the projector screen for the facilitator (code, QR, and what is "now", live)."""

import streamlit as st

from kompas import ui
from kompas.ui import presenter

ctx = ui.workshop_context(title=ui.t("presenter.title"), now_banner=False, sidebar="collapsed")
if not ctx.is_facilitator:
    presenter.refusal()
    st.stop()
presenter.show(ctx)
