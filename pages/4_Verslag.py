"""Verslag."""

import streamlit as st

from kompas import ui

ctx = ui.workshop_context()
st.title("Verslag")
st.info("Dit onderdeel komt binnenkort.")
