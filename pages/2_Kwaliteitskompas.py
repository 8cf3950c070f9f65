"""Kwaliteitskompas."""

import streamlit as st

from kompas import ui

ctx = ui.workshop_context("compass")
st.title("Kwaliteitskompas")
st.info("Dit onderdeel komt binnenkort.")
