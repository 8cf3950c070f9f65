"""PDF export (fpdf2) with the DejaVu font shipped beside this module, so "€", "ë" and
"ĳ" render on machines without it. Same content and order as the Word export."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from kompas.blocks import (
    Bullets,
    Heading,
    Outline,
    Paragraph,
    Picture,
    Table,
    WorkshopSummary,
    cell_text,
    signal_fill,
)
from kompas.export.docx import NEW_PAGE_SECTIONS, column_widths
from kompas.export.pictures import picture_png, png_size

logging.getLogger("fontTools").setLevel(logging.WARNING)  # one INFO line per table otherwise

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
ACCENT = (31, 78, 121)
MUTED = (85, 85, 85)
STRIPE = (238, 243, 248)
NUMERIC = ("int", "number", "money", "percent")
MARGIN_MM = 18.0
_ILLEGAL = dict.fromkeys(list(range(0, 9)) + [11, 12] + list(range(14, 32)))


def _rgb(hex_: str) -> tuple:
    return tuple(int(hex_[i : i + 2], 16) for i in (0, 2, 4))


def _clean(text: object) -> str:
    return str(text or "").translate(_ILLEGAL).replace("\t", "    ")


class _Report(FPDF):
    footer_text = ""

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-13)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.footer_text} · pagina {self.page_no()} van {{nb}}", align="C")


def _new_pdf(summary: WorkshopSummary) -> _Report:
    pdf = _Report(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=18)
    pdf.alias_nb_pages()
    pdf.footer_text = _clean(f"{summary.title} · {summary.date_label}")
    pdf.set_title(_clean(summary.title))
    pdf.set_subject("Verslag van de werksessie")
    pdf.set_author(_clean(summary.organisation or "Kompas"))
    pdf.set_keywords("verslag, werksessie")
    pdf.set_creation_date(summary.generated_at)
    pdf.set_creator("Kompas")
    pdf.set_lang("nl-NL")
    return pdf


def _text(
    pdf: FPDF,
    text: str,
    *,
    size: float = 9.5,
    bold: bool = False,
    color=(0, 0, 0),
    height: float = 5.0,
    indent: float = 0.0,
) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*color)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(
        pdf.epw - indent, height, _clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )


def _heading(pdf: FPDF, text: str, level: int, *, room: float = 0.0) -> None:
    """A heading with a bookmark (level 1: a section, 2 and 3 inside it), kept with what
    follows: ``room`` is the height of the next block when known (a table's first rows, a
    picture), so a heading never stands alone at the bottom of a page."""
    size = {1: 16, 2: 12.5, 3: 11}.get(level, 11)
    needed = max(30 if level > 1 else 40, min(room + 14, pdf.eph * 0.6))
    if pdf.get_y() + needed > pdf.page_break_trigger and pdf.get_y() > pdf.t_margin + 1:
        pdf.add_page()
    pdf.ln(4 if level > 1 else 2)
    pdf.start_section(_clean(text)[:120] or "–", level=level - 1, strict=False)
    _text(pdf, text, size=size, bold=True, color=ACCENT, height=size * 0.5)
    pdf.ln(1.5)


def _title_page(pdf: FPDF, summary: WorkshopSummary) -> None:
    """The head of the first page; the session, conclusions, decisions and actions follow
    on the same page."""
    pdf.add_page()
    _text(pdf, "Verslag van de werksessie", size=11, color=MUTED, height=6)
    _text(pdf, summary.title, size=20, bold=True, color=ACCENT, height=9)
    line = " · ".join(
        x for x in (summary.date_label, summary.place, summary.organisation, summary.theme) if x
    )
    _text(pdf, line, size=10.5, color=MUTED, height=5.5)
    pdf.ln(2)


class _Wrapper:
    """Word wrapping with cached word widths: fpdf2's own table layout measures every
    character again for every cell and is about ten times slower."""

    def __init__(self, pdf: FPDF):
        self.pdf = pdf
        self.cache: dict = {}

    def width(self, word: str) -> float:
        key = (self.pdf.font_style, self.pdf.font_size_pt, word)
        value = self.cache.get(key)
        if value is None:
            value = self.cache[key] = self.pdf.get_string_width(word)
        return value

    def lines(self, text: str, max_w: float) -> list[str]:
        out: list[str] = []
        space = self.width(" ")
        for para in text.split("\n"):
            line, line_w = "", 0.0
            for word in para.split(" "):
                w = self.width(word)
                if w > max_w:  # a word longer than the column: break it by characters
                    if line:
                        out.append(line)
                    chunk = ""
                    for ch in word:
                        if self.width(chunk + ch) > max_w and chunk:
                            out.append(chunk)
                            chunk = ""
                        chunk += ch
                    line, line_w = chunk, self.width(chunk)
                    continue
                if line and line_w + space + w > max_w:
                    out.append(line)
                    line, line_w = word, w
                else:
                    line, line_w = (
                        (line + " " + word if line else word),
                        (line_w + space + w if line else w),
                    )
            out.append(line)
        return out or [""]


def _table(pdf: FPDF, table: Table) -> None:
    if not table.rows or not table.documents:
        return
    cols = table.columns
    size = 7.5 if len(cols) > 5 else 8.5
    line_h, pad_x, pad_y = size * 0.42, 1.2, 0.9
    wrap = _Wrapper(pdf)

    def measure(word: str, bold: bool) -> float:
        pdf.set_font(FONT, "B" if bold else "", size)
        return wrap.width(word) / 10

    widths = [
        w * 10
        for w in column_widths(
            table, total_cm=pdf.epw / 10, measure=measure, pad_cm=2 * pad_x / 10 + 0.05
        )
    ]
    numeric = [c.kind in NUMERIC for c in cols]
    pdf.set_draw_color(170, 170, 170)
    pdf.set_line_width(0.15)

    def layout(values, bold: bool) -> tuple[list[list[str]], float]:
        pdf.set_font(FONT, "B" if bold else "", size)
        cells = [wrap.lines(v, w - 2 * pad_x) for v, w in zip(values, widths)]
        return cells, max(len(c) for c in cells) * line_h + 2 * pad_y

    def draw(cells, height: float, bold: bool, fill, color, fills=None) -> None:
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.set_text_color(*color)
        x, y = pdf.l_margin, pdf.get_y()
        for n, (lines, w, right) in enumerate(zip(cells, widths, numeric)):
            own = fills[n] if fills else None
            use = own or fill
            if use:
                pdf.set_fill_color(*use)
            pdf.rect(x, y, w, height, style="DF" if use else "D")
            for n, line in enumerate(lines):
                tx = x + w - pad_x - wrap.width(line) if right else x + pad_x
                pdf.text(tx, y + pad_y + line_h * (n + 0.78), line)
            x += w
        pdf.set_y(y + height)

    head_cells, head_h = layout([_clean(c.name) for c in cols], True)
    rows = list(table.rows) + ([table.total] if table.total else [])
    laid = []
    for n, values in enumerate(rows):
        bold = table.total is not None and n == len(rows) - 1
        laid.append(
            (bold, *layout([_clean(cell_text(v, c.kind)) for v, c in zip(values, cols)], bold))
        )
    signal_fills = [
        [
            _rgb(signal_fill(v)) if c.kind == "signal" and signal_fill(v) else None
            for v, c in zip(values, cols)
        ]
        for values in rows
    ]
    whole = head_h + sum(h for _, _, h in laid)
    first = head_h + (laid[0][2] if laid else 0)
    # a short table moves to the next page as a whole; a long one needs room for a row
    if (
        whole < pdf.eph * 0.45 and pdf.get_y() + whole > pdf.page_break_trigger
    ) or pdf.get_y() + first > pdf.page_break_trigger:
        pdf.add_page()
    draw(head_cells, head_h, True, ACCENT, (255, 255, 255))
    for n, (bold, cells, height) in enumerate(laid):
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()
            draw(head_cells, head_h, True, ACCENT, (255, 255, 255))
        draw(
            cells,
            height,
            bold,
            STRIPE if n % 2 == 1 and not bold else None,
            (0, 0, 0),
            signal_fills[n] if any(signal_fills[n]) else None,
        )
    if table.caption:
        pdf.ln(0.8)
        _text(pdf, table.caption, size=7.5, color=MUTED, height=3.8)
    pdf.ln(3)


def _jpeg(png: bytes) -> io.BytesIO:
    """fpdf2 decodes and recompresses a PNG (slow for a big chart); a JPEG goes in as is."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        rgb = Image.new("RGB", img.size, "white")
        rgba = img.convert("RGBA")
        rgb.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    rgb.save(out, "JPEG", quality=92, optimize=False)
    out.seek(0)
    return out


def _picture(pdf: FPDF, summary: WorkshopSummary, block: Picture) -> None:
    png = picture_png(summary, block.key)
    if not png:
        return
    px_w, px_h = png_size(png)
    width = min(block.width_cm * 10, pdf.epw)
    height = width * px_h / px_w if px_w else width * 0.6
    max_h = pdf.eph - 25
    if height > max_h:
        width, height = width * max_h / height, max_h
    if pdf.get_y() + height + 8 > pdf.page_break_trigger:
        pdf.add_page()
    x = pdf.l_margin + (pdf.epw - width) / 2
    pdf.image(
        io.BytesIO(png),
        x=x,
        y=pdf.get_y(),
        w=width,
        h=height,
        title=_clean(block.caption)[:200],
        alt_text=_clean(block.alt or block.caption),
    )
    pdf.set_y(pdf.get_y() + height + 1.5)
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(
        pdf.epw, 4, _clean(block.caption), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.ln(3)


def _outline(pdf: FPDF, block: Outline) -> None:
    """The tree in words: one indented line per node, wrapped with cached word widths
    (multi_cell per line is slow for a tree of hundreds of nodes)."""
    wrap = _Wrapper(pdf)
    height = 4.4
    for depth, text_, note in block.items:
        indent = min(depth, 6) * 6.0
        line = _clean(text_) + (f"  ({_clean(note)})" if note else "")
        pdf.set_font(FONT, "B" if depth <= 1 else "", 9 if depth > 1 else 9.5)
        pdf.set_text_color(0, 0, 0)
        for part in wrap.lines(line, pdf.epw - indent - 1):
            if pdf.get_y() + height > pdf.page_break_trigger:
                pdf.add_page()
            pdf.text(pdf.l_margin + indent, pdf.get_y() + height * 0.78, part)
            pdf.set_y(pdf.get_y() + height)
    pdf.ln(2)


def _room(pdf: FPDF, summary: WorkshopSummary, block) -> float:
    """About how much of ``block`` must fit below a heading (mm)."""
    if isinstance(block, Table) and block.documents and block.rows:
        # a short table moves to the next page as a whole (see _table): keep it all
        rows = len(block.rows) + (1 if block.total else 0)
        whole = 9.0 + 7.0 * rows + (5.0 if block.caption else 0.0)
        return whole if whole < pdf.eph * 0.45 else 8.0 + 6.0 * 3
    if isinstance(block, Picture):
        png = picture_png(summary, block.key)
        if png:
            px_w, px_h = png_size(png)
            width = min(block.width_cm * 10, pdf.epw)
            return min(width * px_h / px_w if px_w else 60.0, pdf.eph - 25) + 8
    if isinstance(block, Paragraph):
        return 12.0 + 5.0 * (len(block.text) // 110)
    if isinstance(block, Bullets):
        return 6.0 + 5.5 * min(len(block.items), 4)
    return 12.0


def render(summary: WorkshopSummary) -> bytes:
    pdf = _new_pdf(summary)
    _title_page(pdf, summary)
    for n, section in enumerate(summary.sections):
        if n and section.key in NEW_PAGE_SECTIONS:
            pdf.add_page()
        first = section.blocks[0] if section.blocks else None
        _heading(pdf, section.title, 1, room=_room(pdf, summary, first) if first else 0)
        for i, block in enumerate(section.blocks):
            if isinstance(block, Heading):
                following = section.blocks[i + 1] if i + 1 < len(section.blocks) else None
                room = _room(pdf, summary, following) if following is not None else 0.0
                if isinstance(following, Paragraph) and i + 2 < len(section.blocks):
                    room += _room(pdf, summary, section.blocks[i + 2])
                _heading(pdf, block.text, max(2, min(block.level - 1, 3)), room=room)
            elif isinstance(block, Paragraph):
                following = section.blocks[i + 1] if i + 1 < len(section.blocks) else None
                if isinstance(following, (Table, Picture)):
                    # an introduction stays with its table or picture
                    need = _room(pdf, summary, block) + _room(pdf, summary, following) - 12
                    if pdf.get_y() + need > pdf.page_break_trigger and need < pdf.eph * 0.6:
                        pdf.add_page()
                _text(pdf, block.text, color=MUTED if block.style == "note" else (0, 0, 0))
                pdf.ln(2)
            elif isinstance(block, Bullets):
                for item in block.items:
                    y = pdf.get_y()
                    pdf.set_font(FONT, "", 9.5)
                    pdf.set_text_color(0, 0, 0)
                    pdf.set_xy(pdf.l_margin + 1.5, y)
                    pdf.cell(4, 5, "•")
                    _text(pdf, item, indent=6)
                    pdf.ln(0.8)
                pdf.ln(1.5)
            elif isinstance(block, Outline):
                _outline(pdf, block)
            elif isinstance(block, Table):
                _table(pdf, block)
            elif isinstance(block, Picture):
                _picture(pdf, summary, block)
    return bytes(pdf.output())
