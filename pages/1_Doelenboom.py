"""Doelenboom."""

import streamlit as st

from kompas import ui

ctx = ui.workshop_context("tree")
st.title("Doelenboom")
st.info("Dit onderdeel komt binnenkort.")
