"""Markdown export: clean enough to paste into another document. User text is escaped so
that it is shown literally, never as a link, an image or HTML."""

from __future__ import annotations

import re

from kompas import formats
from kompas.blocks import (
    Bullets,
    Heading,
    Outline,
    Paragraph,
    Picture,
    Table,
    WorkshopSummary,
    cell_text,
)

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=#>]|\d+[.)])", re.MULTILINE)
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|file|javascript|data)(:)")
_WWW = re.compile(r"(?i)\b(www)\.")


def esc(text: object) -> str:
    """Escape user text for Markdown (CommonMark and GitHub): literal everywhere."""
    s = "" if text is None else str(text)
    s = _INLINE.sub(r"\\\1", s)
    s = _AUTOLINK.sub(r"\1\\\2", s)
    s = _WWW.sub(r"\1\\.", s)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), s)


def _cell(value, kind: str) -> str:
    text = esc(cell_text(value, kind))
    return text.replace("\n", "<br>") if text else " "


def _table(table: Table) -> list[str]:
    names = [esc(c.name) for c in table.columns]
    align = [
        "---:" if c.kind in ("int", "number", "money", "percent") else "---" for c in table.columns
    ]
    out = ["| " + " | ".join(names) + " |", "| " + " | ".join(align) + " |"]
    rows = list(table.rows) + ([table.total] if table.total else [])
    for i, row in enumerate(rows):
        cells = [_cell(v, c.kind) for v, c in zip(row, table.columns)]
        if table.total and i == len(rows) - 1:
            cells = [f"**{c}**" if c.strip() else c for c in cells]
        out.append("| " + " | ".join(cells) + " |")
    if table.caption:
        out += ["", "*" + esc(table.caption) + "*"]
    return out


def render(summary: WorkshopSummary) -> bytes:
    lines = [
        f"# {esc(summary.title)}",
        "",
        f"**Verslag van de werksessie** · {esc(summary.subtitle)}",
        "",
    ]
    if summary.theme:
        lines += [f"Thema: {esc(summary.theme)}", ""]
    for section in summary.sections:
        lines += [f"## {esc(section.title)}", ""]
        for block in section.blocks:
            if getattr(block, "with_picture", False):
                continue  # a legend of a picture that Markdown does not have
            if isinstance(block, Heading):
                lines += ["#" * max(3, min(block.level, 6)) + " " + esc(block.text), ""]
            elif isinstance(block, Paragraph):
                text = esc(block.text).replace("\n", "  \n")
                lines += [f"*{text}*" if block.style == "note" else text, ""]
            elif isinstance(block, Bullets):
                lines += [f"- {esc(item)}" for item in block.items] + [""]
            elif isinstance(block, Outline):
                for depth, text, note in block.items:
                    lines.append(
                        "  " * depth + f"- {esc(text)}" + (f" ({esc(note)})" if note else "")
                    )
                lines.append("")
            elif isinstance(block, Table):
                if block.rows and block.documents:
                    lines += _table(block) + [""]
            elif isinstance(block, Picture):
                continue  # pictures are in the Word and PDF versions
    lines += [
        "---",
        "",
        f"*Gemaakt met Kompas op {formats.datetime_nl(summary.generated_at)}.*",
        "",
    ]
    return "\n".join(lines).encode("utf-8")
