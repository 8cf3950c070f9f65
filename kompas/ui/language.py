"""The page's language for screen readers and browsers (WCAG 3.1.1): Streamlit serves every
page as <html lang="en">; a tiny Custom Component sets the viewer's language instead."""

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
  return () => {};
}
"""
_component = st.components.v2.component(
    "kompas.page_language", html="<span hidden></span>", js=_JS, isolate_styles=True
)


def set_page_language(lang: str = DEFAULT) -> None:
    """Mark the page as written in ``lang`` (a BCP 47 tag such as "nl" or "en")."""
    _component(key="kompas_page_language", data={"lang": lang})
