"""Excel export: one sheet per table, typed cells (numbers, euro amounts, dates), frozen
header rows. Text that a spreadsheet would take for a formula stays text."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kompas import formats
from kompas.blocks import Bullets, Paragraph, Table, WorkshopSummary

EURO = '"€" #,##0.00'
PERCENT = "0%"
DATE = "d-m-yyyy"
YEAR = "0"
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _sheet_name(name: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", name).strip("' ")[:31] or "Blad"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" {n}"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def _put(cell, value, kind: str) -> None:
    if value is None or value == "":
        return
    if kind == "money" and isinstance(value, (int, float)):
        cell.value = value / 100
        cell.number_format = EURO
    elif kind == "percent" and isinstance(value, (int, float)):
        cell.value = float(value)
        cell.number_format = PERCENT
    elif kind == "year" and isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = int(value)
        cell.number_format = YEAR  # 2026, never 2.026 in a Dutch Excel
    elif (
        kind in ("int", "number")
        and isinstance(value, (int, float))
        and not isinstance(value, bool)
    ):
        cell.value = value
        cell.number_format = "#,##0" if kind == "int" else "#,##0.##"
    elif kind == "date" and isinstance(value, (date, datetime)):
        cell.value = formats.local(value).date() if isinstance(value, datetime) else value
        cell.number_format = DATE
    else:
        text_value(cell, str(value))


def text_value(cell, text: str) -> None:
    """Always a text cell: openpyxl would store '=…' as a formula, so set the type after
    the value (and mark it with a quote prefix, as Excel itself does)."""
    text = _ILLEGAL.sub("", text)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
    if "\n" in text:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def print_setup(ws, *, header_rows: int = 1) -> None:
    """Printable: A4 landscape, all columns on one page wide, the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{header_rows}"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "&A · pagina &P van &N"


def _write_table(ws, table: Table) -> None:
    for col, column in enumerate(table.columns, start=1):
        cell = ws.cell(row=1, column=col)
        text_value(cell, column.name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    rows = list(table.rows) + ([table.total] if table.total else [])
    for r, row in enumerate(rows, start=2):
        for col, (value, column) in enumerate(zip(row, table.columns), start=1):
            _put(ws.cell(row=r, column=col), value, column.kind)
        if table.total and r == len(rows) + 1:
            for col in range(1, len(table.columns) + 1):
                ws.cell(row=r, column=col).font = Font(bold=True)
    ws.freeze_panes = "A2"
    if table.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    wrap_cols = []
    for col, column in enumerate(table.columns, start=1):
        longest = max(
            [len(column.name)]
            + [
                max((len(line) for line in str(row[col - 1] or "").split("\n")), default=0)
                for row in table.rows[:200]
            ]
        )
        if column.kind == "money":
            longest = max(longest, 14)
        width = min(max(longest + 2, 8), 50)
        ws.column_dimensions[get_column_letter(col)].width = width
        if longest + 2 > 50:
            wrap_cols.append(col)
    # long text wraps inside its column, top-aligned, so rows do not overlap
    for col in wrap_cols:
        for r in range(2, len(rows) + 2):
            ws.cell(row=r, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    print_setup(ws)


def render(summary: WorkshopSummary) -> bytes:
    book = Workbook()
    used: set[str] = set()
    first = book.active
    first.title = _sheet_name("Verslag", used)
    lines = [
        ("Workshop", summary.title),
        ("Organisatie", summary.organisation),
        ("Thema", summary.theme),
        ("Datum", summary.session_date),
        ("Plaats", summary.place),
        ("Doel van de sessie", summary.purpose),
        ("Deelnemers", summary.participant_count),
        ("Volgende sessie", summary.next_session_date),
    ]
    for section in summary.sections:
        if section.key in ("conclusions", "decisions", "open_questions"):
            for block in section.blocks:
                items = (
                    block.items
                    if isinstance(block, Bullets)
                    else ([block.text] if isinstance(block, Paragraph) else [])
                )
                for item in items:
                    lines.append((section.title, item))
    lines = [(label, value) for label, value in lines if value not in (None, "")]
    text_value(first.cell(row=1, column=1), "Onderdeel")
    text_value(first.cell(row=1, column=2), "Inhoud")
    for c in (1, 2):
        first.cell(row=1, column=c).font, first.cell(row=1, column=c).fill = (
            HEADER_FONT,
            HEADER_FILL,
        )
    for r, (label, value) in enumerate(lines, start=2):
        text_value(first.cell(row=r, column=1), label)
        kind = (
            "date"
            if isinstance(value, (date, datetime))
            else ("int" if isinstance(value, int) else "text")
        )
        _put(first.cell(row=r, column=2), value, kind)
        first.cell(row=r, column=2).alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="left"
        )
    first.column_dimensions["A"].width = 36
    first.column_dimensions["B"].width = 90
    first.freeze_panes = "A2"
    print_setup(first)
    for table in summary.sheets():
        if table.name == "Workshop":
            continue  # the first sheet already has these facts
        _write_table(book.create_sheet(_sheet_name(table.name, used)), table)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
