"""Kompas home: start a workshop, join one, or — with a valid link — the console or lobby."""

import streamlit as st

from kompas import ui
from kompas.errors import KompasError
from kompas.ui import console, home, report

st.set_page_config(page_title="Kompas", page_icon=ui.ICON, layout="wide")
ui.install_error_handler()
ui.page_style()

try:
    ctx = ui.current_identity()
except KompasError as exc:
    ui.forget_identity()
    st.error(ui.esc(str(exc)), icon=":material/error:")
    ctx = None
ui.set_page_language()

if ctx is not None:
    ui.sidebar(ctx, None)
    if ctx.is_facilitator:
        console.show(ctx)
    else:
        home.lobby(ctx)
    st.stop()

code = st.query_params.get("code", "")[:12]
home.offer_remembered(code)
st.title("Kompas")
st.markdown(ui.t("common.tagline"))
console.deleted_notice()

title = home.workshop_title_for(code) if code else None
if title:  # a join link: only the form, with the workshop's title to confirm it
    with st.columns([1, 2, 1])[1]:
        home.join_form(prefill_code=code, title=title)
    st.stop()
join_col, start_col = st.columns(2, gap="large")
with join_col:
    home.join_form(prefill_code=code)
with start_col:
    home.start_form()
    with st.expander(ui.t("start.restore")):
        report.import_form()
