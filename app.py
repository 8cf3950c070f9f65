"""`streamlit run app.py` serves Kompas: the home page (home.py), the tool pages (pages/)
and the push route that tells every open page what changed (kompas/ui/push.py)."""

import streamlit as st

from kompas.ui.push import routes

app = st.App("home.py", routes=routes())
