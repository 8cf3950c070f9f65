"""User text in Streamlit's Markdown contexts (markdown, labels, captions, alerts, toasts,
tabs, expander titles): shown literally, never an image, a link, an e-mail link or HTML."""

from __future__ import annotations

import re

# CommonMark lets every ASCII punctuation character be escaped with a backslash; escaping
# all of them defeats Markdown links and images, HTML, Streamlit directives (:red[…],
# :material/…:) and LaTeX ($).
_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&\"'=^%@/;,?])")

# Escapes are not enough for bare addresses: GitHub-flavoured Markdown finds "http://…",
# "www.…" and "a@b.nl" in the text *after* escapes are resolved and turns them into links.
# It looks inside one text node at a time, so an empty directive before every ":", "." and
# "@" splits the text there. It renders as an empty <span>: the reader sees, and copies,
# exactly what was typed (checked in Chromium, tests/e2e/test_user_text_e2e.py).
BREAK = ":gray[]"
_BREAK_BEFORE = re.compile(r"(\\[:.@])")


def esc(text: object) -> str:
    """Escape for a Markdown block; newlines become hard line breaks."""
    s = "" if text is None else str(text)
    s = _PUNCT.sub(r"\\\1", s)
    s = _BREAK_BEFORE.sub(BREAK + r"\1", s)
    return s.replace("\n", "  \n")


def esc_inline(text: object) -> str:
    """Escape for a single-line label (widget labels, tabs, expander titles)."""
    return esc(" ".join(("" if text is None else str(text)).split()))
