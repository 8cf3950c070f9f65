"""`streamlit run app.py` serves Kompas: the home page (home.py), the tool pages (pages/)
and the push route that tells every open page what changed (kompas/ui/push.py)."""

import streamlit as st

from kompas.ui import runs
from kompas.ui.push import routes

runs.install()  # a fragment rerun never drops the end of a finished run (kompas/ui/runs.py)
app = st.App("home.py", routes=routes())
