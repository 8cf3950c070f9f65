"""Partnermatrix."""

import streamlit as st

from kompas import ui

ctx = ui.workshop_context("matrix")
st.title("Partnermatrix")
st.info("Dit onderdeel komt binnenkort.")
