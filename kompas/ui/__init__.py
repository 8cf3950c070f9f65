"""The Streamlit side of Kompas, as pages and the screen modules use it.

Pages start with ``ctx = ui.workshop_context("tree")`` and then only call into kompas/;
every write goes through ``ui.act``. The parts: runtime (settings, engine, errors, page
chrome), actions (the write path and cached reads), identity (who is looking), sidebar,
live (live fragments and the version watcher) and safe (escaping user text).
"""

from kompas.ui.actions import (
    act,
    arrow_datasets,
    draw_chart,
    read,
    read_chart,
    reading_db,
    show_pending_errors,
)
from kompas.ui.identity import Context, current_identity, forget_identity, sign_in, workshop_context

# The decorator, not the module: after this line ``kompas.ui.live`` is the function.
# Modules that need the machinery import it by its full path (from kompas.ui.live import …).
from kompas.ui.language import current_language, day, label, set_page_language, t
from kompas.ui.live import live, synced
from kompas.ui.runtime import (
    ICON,
    PAGES,
    engine,
    install_error_handler,
    page_style,
    settings,
    version,
)
from kompas.ui.safe import esc, esc_inline
from kompas.ui.sidebar import page_link, phase_label, sidebar

__all__ = [
    "ICON",
    "PAGES",
    "Context",
    "act",
    "arrow_datasets",
    "current_identity",
    "current_language",
    "day",
    "label",
    "set_page_language",
    "t",
    "draw_chart",
    "engine",
    "esc",
    "esc_inline",
    "forget_identity",
    "install_error_handler",
    "live",
    "page_link",
    "page_style",
    "phase_label",
    "read",
    "read_chart",
    "reading_db",
    "settings",
    "show_pending_errors",
    "sidebar",
    "sign_in",
    "synced",
    "version",
    "workshop_context",
]
