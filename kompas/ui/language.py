"""Page-wide accessibility fixes that Streamlit does not offer as settings, done by one tiny
Custom Component on every page:

- the page's language for screen readers and browsers (WCAG 3.1.1): Streamlit serves every
  page as <html lang="en">; the component sets the viewer's language instead;
- no single-character shortcuts (WCAG 2.1.4): Streamlit reruns the page on a bare "r" (and
  "R") pressed outside a text field, which speech-input users trigger by accident. The
  component swallows those keys before Streamlit sees them; typing in fields and grids and
  the matrix's arrow keys are untouched."""

from __future__ import annotations

import streamlit as st

DEFAULT = "nl"

# Custom Components v2 run in the page itself (no iframe), so the script can reach <html>.
_JS = r"""
export default function (component) {
  const lang = (component.data && component.data.lang) || "nl";
  if (document.documentElement.lang !== lang) {
    document.documentElement.lang = lang;
  }
  if (!window.__kompasNoCharShortcuts) {
    window.__kompasNoCharShortcuts = true;
    window.addEventListener("keydown", (evt) => {
      if (evt.ctrlKey || evt.metaKey || evt.altKey || evt.key.length !== 1) return;
      if (!/^[a-z]$/i.test(evt.key)) return;
      const t = evt.target;
      if (t && t.closest && (t.isContentEditable ||
          t.closest("input, textarea, select, [contenteditable], [data-testid='stDataFrame']," +
                    " [data-testid='stDataFrameResizable'], canvas"))) return;
      evt.stopImmediatePropagation();
    }, true);
  }
  return () => {};
}
"""
_component = st.components.v2.component(
    "kompas.page_language", html="<span hidden></span>", js=_JS, isolate_styles=True
)


def set_page_language(lang: str = DEFAULT) -> None:
    """Mark the page as written in ``lang`` (a BCP 47 tag such as "nl" or "en")."""
    _component(key="kompas_page_language", data={"lang": lang})
