"""AppTest helpers: run a page as someone, read what the user sees."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from kompas.ui.safe import BREAK

ROOT = Path(__file__).resolve().parents[2]


def run_as(
    path: str,
    *,
    code: str | None = None,
    token: str | None = None,
    key: str | None = None,
    timeout: float = 30,
) -> AppTest:
    """``path`` relative to the repository root, e.g. "pages/1_Doelenboom.py"."""
    at = AppTest.from_file(str(ROOT / path), default_timeout=timeout)
    if code:
        at.query_params["code"] = code
    if token:
        at.query_params["p"] = token
    if key:
        at.query_params["f"] = key
    return at.run()


_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(markdown: str) -> str:
    """What a reader sees of escaped Markdown: the backslash escapes removed, and the empty
    directives that keep addresses from becoming links (they render as nothing)."""
    return _ESCAPE.sub(r"\1", markdown.replace(BREAK, ""))


def page_as(path: str, ws, actor=None) -> AppTest:
    """Run a page as the facilitator of a Workshopper (``actor`` None) or as one of its
    participants; a page that raises fails the test."""
    if actor is None:
        at = run_as(path, code=ws.code, key=ws.key)
    else:
        at = run_as(path, code=ws.code, token=ws.tokens[actor.participant_id])
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """Everything a user reads on the page, main area and sidebar, as one string
    (Markdown escapes removed; see raw_texts for the Markdown as sent)."""
    return unescape(raw_texts(at))


def raw_texts(at: AppTest) -> str:
    """The Markdown bodies as sent to the browser."""
    parts = []
    for kind in (
        "markdown",
        "text",
        "caption",
        "title",
        "header",
        "subheader",
        "info",
        "warning",
        "error",
        "success",
        "code",
    ):
        parts += [str(el.value) for el in getattr(at, kind)]
    return "\n".join(parts)


def qp(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value
