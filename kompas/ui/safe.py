"""Escaping of user text for Streamlit's Markdown contexts (markdown, labels, captions,
alerts, tabs, expander titles): shown literally, never an image, link or HTML."""

from __future__ import annotations

import re

# CommonMark lets every ASCII punctuation character be escaped with a backslash; escaping
# all of them also defeats autolinks (http\:), Streamlit directives (:red[…], :material/…:)
# and LaTeX ($).
_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&\"'=^%@/;,?])")


def esc(text: object) -> str:
    """Escape for a Markdown block; newlines become hard line breaks."""
    s = "" if text is None else str(text)
    s = _PUNCT.sub(r"\\\1", s)
    return s.replace("\n", "  \n")


def esc_inline(text: object) -> str:
    """Escape for a single-line label (widget labels, tabs, expander titles)."""
    return esc(" ".join(("" if text is None else str(text)).split()))
