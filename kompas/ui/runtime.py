"""Process-wide resources and page chrome: settings and engine (one per process), the
workshop's version for caches, the page style, the page list and icon, and the one
apology for unexpected errors (with the handler Streamlit calls for an uncaught error)."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from kompas import db as kdb, live as live_versions, workshops
from kompas.config import Settings, load_settings
from kompas.errors import KompasError
from kompas.ui.language import t
from kompas.ui.safe import esc

log = logging.getLogger("kompas")

# (file, its name in the message catalogue: "sidebar.page.<id>", icon)
PAGES = (
    ("home.py", "home", ":material/home:"),
    ("pages/1_Doelenboom.py", "tree", ":material/account_tree:"),
    ("pages/2_Kwaliteitskompas.py", "compass", ":material/explore:"),
    ("pages/3_Partnermatrix.py", "matrix", ":material/grid_view:"),
    ("pages/6_Samenwerkingsscan.py", "scan", ":material/handshake:"),
    ("pages/4_Verslag.py", "report", ":material/description:"),
    ("pages/5_Presentatie.py", "presenter", ":material/co_present:"),
)
FACILITATOR_PAGES = ("pages/5_Presentatie.py",)  # not in a participant's navigation
# A local file: a ":material/…:" page icon makes the browser fetch the favicon from
# fonts.gstatic.com, and nothing may leave the municipality's network.
ICON = str(Path(__file__).with_name("static") / "icon.png")


# --- process-wide resources ------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    s = load_settings()
    logging.basicConfig(level=s.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return s


@st.cache_resource(show_spinner=False)
def engine():
    """One engine per process; on first use the schema is created and expired workshops
    are purged (retention)."""
    s = settings()
    eng = kdb.make_engine(s.database_url)
    try:
        with kdb.writing(eng) as db:
            purged = workshops.purge_expired(db, retention_days=s.retention_days)
    except KompasError as exc:  # read-only database: pages stay readable, writes say why not
        log.warning("retention: could not delete expired workshops: %s", exc)
        purged = []
    if purged:
        log.info(
            "retention: deleted %d workshop(s) older than %d days", len(purged), s.retention_days
        )
    return eng


def version(workshop_id: int) -> int:
    return live_versions.current_version(engine(), workshop_id, mode=settings().live)


def part_versions(workshop_id: int) -> dict[str, int]:
    """The workshop's version and the version of each part (kompas.live.PARTS)."""
    return live_versions.versions_of(engine(), workshop_id, mode=settings().live)


# --- errors -----------------------------------------------------------------------------

# Tests of pages set this to False so that a bug still shows up as an exception in AppTest.
SUPPRESS_TRACEBACKS = True
ERROR_ICON = ":material/error:"


def apology(exc: BaseException, *, nothing_saved: bool) -> str:
    """The one answer to an unexpected error: logged with its traceback under a short
    reference; returns the Dutch text with that reference for the user (never details)."""
    ref = secrets.token_hex(3).upper()
    log.error("unexpected error, reference %s", ref, exc_info=exc)
    saved = t("common.nothing_saved") if nothing_saved else ""
    return t("common.apology", saved=saved, ref=ref)


def on_script_error(exc: Exception) -> bool:
    """Streamlit's hook for an uncaught error in a page or fragment: never a traceback for
    the user. A KompasError shows its Dutch message; anything else an apology with a
    reference that is also logged with the traceback."""
    if isinstance(exc, KompasError):
        st.error(esc(str(exc)), icon=ERROR_ICON)
        return True
    if not SUPPRESS_TRACEBACKS:
        return False
    st.error(apology(exc, nothing_saved=False), icon=ERROR_ICON)
    return True


def install_error_handler() -> None:
    ctx = get_script_run_ctx()
    if ctx is not None:
        ctx.on_script_error = on_script_error


# Streamlit draws captions and placeholders in faded grey (#83858c on white: 3.7:1), below
# the WCAG 2.1 AA minimum of 4.5:1 for normal text; this grey gives 7.1:1 (6.3:1 on the
# sidebar background).
# Keyboard focus that shows (WCAG 2.4.7): Streamlit marks a focused page link only by the
# light tint the current page already has, and a focused radio button or toggle only by a
# faint tint of its label (its own focus ring sits on a covered native input), and the
# buttons of a chart's or table's toolbar, a code block's copy button and the page's
# scrolling area (a Tab stop of its own) not at all; these get an outline in the theme colour.
STYLE = """<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #555862 !important; }
input::placeholder, textarea::placeholder { color: #555862 !important; opacity: 1; }
a[data-testid="stPageLink-NavLink"]:focus-visible,
[data-testid="stRadio"] label:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible) {
  outline: 2px solid #1f5f8b !important; outline-offset: 2px; border-radius: 4px;
}
[data-testid="stElementToolbarButton"] button:focus-visible,
[data-testid="stCode"] button:focus-visible { outline: 2px solid #1f5f8b !important; }
main:focus-visible { outline: 2px solid #1f5f8b !important; outline-offset: -2px; }
</style>"""


def page_style() -> None:
    """The page's own styles. (The page language follows once the viewer is known:
    language.set_page_language.)"""
    st.html(STYLE)
