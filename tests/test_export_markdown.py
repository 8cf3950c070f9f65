"""Markdown export: readable tables, and user text that is never a link, image or HTML."""

from __future__ import annotations

import re

import pytest

from kompas.db import reading
from kompas.export import export_bytes
from kompas.export.markdown import esc
from tests.test_summary import HOSTILE_PARTNER, IJ_NODE, report  # noqa: F401


@pytest.fixture(scope="module")
def md(report):  # noqa: F811
    engine, wid, _ = report
    with reading(engine) as db:
        return export_bytes(db, wid, "md").decode("utf-8")


def html(text: str) -> str:
    """Rendered by a real CommonMark parser when markdown-it-py is installed."""
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("gfm-like").render(text)


SPECIAL = re.compile(r"(?<!\\)[\[\]<>*_`|~&]")


def unescaped(text: str) -> list[str]:
    """Markdown characters in escaped text that are not preceded by a backslash."""
    body = text.replace("\\\\", "")
    return SPECIAL.findall(body)


def test_headings_and_tables(md):
    assert md.startswith("# Werksessie Culemborg\n")
    for heading in ("## Doelenboom", "## Kwaliteitskompas", "## Partnermatrix", "### Prioriteiten"):
        assert heading in md
    assert "| Partner | Voorziening | Waarde contract |" in md
    assert "| Welzijn Rivierenland | Welzijnswerk | € 125.000,00 | 80% |" in md
    assert "€ 12.345,67" in md


def test_hostile_partner_is_escaped(md):
    line = next(l for l in md.splitlines() if "evil.example" in l and l.startswith("| !"))
    cell = line.split(" | ")[0][2:]
    assert cell == r"!\[x\](http\://evil.example/leak.png) \<script\>alert(1)\</script\>"


def test_rendered_tables(md):
    out = html(md)
    assert out.count("<table>") >= 8
    assert "€ 12.345,67" in out


def test_hostile_text_is_literal(md):
    out = html(md)
    assert "<img" not in out and "<script" not in out and "<a " not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "![x](http" in out.replace("\\", "")


def test_unicode_kept(md):
    assert IJ_NODE.replace("€", "€") in md.replace("\\", "")


@pytest.mark.parametrize(
    "text",
    [
        "![x](http://evil.example/x.png)",
        "[klik](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "http://evil.example/a",
        "www.evil.example",
        "# kop",
        "- lijst",
        "1. genummerd",
        "> citaat",
        "a | b | c",
        "**vet** _schuin_ `code`",
        "&lt;b&gt;",
        "<https://evil.example>",
    ],
)
def test_esc_leaves_no_markdown(text):
    escaped = esc(text)
    assert unescaped(escaped) == []
    assert not re.match(r"^\s*([-+=#>]|\d+[.)])", escaped)
    assert not re.search(r"(?<!\\):/", escaped) and "www." not in escaped.lower()


@pytest.mark.parametrize(
    "text",
    [
        "![x](http://evil.example/x.png)",
        "[klik](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "http://evil.example/a",
        "www.evil.example",
        "# kop",
        "- lijst",
        "1. genummerd",
        "> citaat",
        "**vet** _schuin_ `code`",
        "<https://evil.example>",
    ],
)
def test_esc_renders_literally(text):
    out = html(esc(text))
    assert "<img" not in out and "<a " not in out and "<h1" not in out and "<li" not in out
    assert "<strong" not in out and "<em" not in out and "<code" not in out
    assert "<blockquote" not in out and "<table" not in out
    assert "<b>" not in out


def test_table_cells_escape_pipes():
    out = html("| a |\n| --- |\n| " + esc("x | y") + " |\n")
    assert "<td>x | y</td>" in out
