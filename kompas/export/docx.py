"""Word export (python-docx): a title page, headings, tables with repeating header rows,
the three pictures, page numbers and the date in the footer. A4, opens without repair."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

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
    signal_fill,
)
from kompas.export.pictures import picture_png, png_size

ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x55, 0x55, 0x55)
HEADER_SHADE = "1F4E79"
STRIPE_SHADE = "EEF3F8"
TEXT_WIDTH_CM = 17.0
NUMERIC = ("int", "number", "money", "percent")
LANGUAGE = "nl-NL"
FONT = "Arial"  # in Word everywhere; LibreOffice substitutes the metric-equal Liberation Sans
MAX_PICTURE_HEIGHT_CM = 22.0
KEEP_TOGETHER_ROWS = 15
NEW_PAGE_SECTIONS = ("tree", "compass", "matrix")
MIN_WIDTH_CM = {"money": 2.3, "date": 2.3, "percent": 1.1, "int": 0.9, "number": 1.2}


def column_widths(
    table: Table,
    total_cm: float = TEXT_WIDTH_CM,
    char_cm: float = 0.19,
    measure=None,
    pad_cm: float = 0.45,
) -> list[float]:
    """Relative widths scaled to the text width, with a minimum per column so that no
    word and no amount ('€ 1.234.567,00') breaks in the middle; ``char_cm`` is the width
    of one character of the table font."""
    cols = table.columns
    rel = [c.width for c in cols]
    floor = []
    for i, c in enumerate(cols):
        words = c.name.split()
        for row in table.rows[:300]:
            text = cell_text(row[i], c.kind)
            words.extend(text.split() if c.kind == "text" else [text.replace(" ", "x")])
        longest = max((len(w) for w in words), default=1)
        floor.append(min(max(MIN_WIDTH_CM.get(c.kind, 0.0), longest * char_cm + 0.45), 4.5))
    if sum(floor) > total_cm:  # cannot be helped: shrink the floors evenly
        floor = [f * total_cm / sum(floor) for f in floor]
    widths = [total_cm * w / sum(rel) for w in rel]
    for _ in range(len(cols)):
        short = {i for i, w in enumerate(widths) if w < floor[i] - 1e-9}
        if not short:
            break
        fixed = {i for i in range(len(cols)) if widths[i] <= floor[i] + 1e-9}
        left = total_cm - sum(floor[i] for i in fixed)
        free = sum(rel[i] for i in range(len(cols)) if i not in fixed)
        widths = [floor[i] if i in fixed else left * rel[i] / free for i in range(len(cols))]
    return widths


_ILLEGAL = dict.fromkeys(list(range(0, 9)) + [11, 12] + list(range(14, 32)))


def _clean(text: object) -> str:
    """XML 1.0 cannot hold most control characters; Word refuses such a file."""
    return str(text or "").translate(_ILLEGAL)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin/instr/separate/result/end runs."""

    def char(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        return run

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run("1")
    char("end")


def _setup(doc, summary: WorkshopSummary) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.different_first_page_header_footer = True
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for name, size in (("Heading 1", 18), ("Heading 2", 13.5), ("Heading 3", 11.5)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.font.bold = True
        style.paragraph_format.space_before = Pt(14 if name != "Heading 3" else 10)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
        style.element.get_or_add_rPr()
        rfonts = style.element.rPr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            style.element.rPr.append(rfonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), FONT)
        for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            if rfonts.get(qn(theme_attr)) is not None:
                del rfonts.attrib[qn(theme_attr)]
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run(f"{_clean(summary.title)} · {summary.date_label} · pagina ")
    run.font.size, run.font.color.rgb = Pt(8.5), MUTED
    _field(footer, "PAGE")
    tail = footer.add_run(" van ")
    tail.font.size, tail.font.color.rgb = Pt(8.5), MUTED
    _field(footer, "NUMPAGES")
    for r in footer.runs:
        r.font.size, r.font.color.rgb = Pt(8.5), MUTED


def _title_page(doc, summary: WorkshopSummary) -> None:
    """The head of the first page: what this is, the title, the day and place. The first
    page goes on with the session, conclusions, decisions and actions (no page of its own)."""
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(2)
    run = p.add_run("Verslag van de werksessie")
    run.font.size, run.font.color.rgb = Pt(11), MUTED
    p = doc.add_paragraph(style="Title")
    run = p.add_run(_clean(summary.title))
    run.font.size, run.font.bold, run.font.color.rgb = Pt(22), True, ACCENT
    line = " · ".join(
        x for x in (summary.date_label, summary.place, summary.organisation, summary.theme) if x
    )
    p = doc.add_paragraph()
    run = p.add_run(_clean(line))
    run.font.size, run.font.color.rgb = Pt(11), MUTED


def heading_level(block: Heading) -> int:
    """Section titles are level 1; a heading inside a section level 2 (a block's level 3),
    deeper ones 3: no level is skipped."""
    return max(2, min(block.level - 1, 3))


def _table(doc, table: Table) -> None:
    """A table as one piece of WordprocessingML: python-docx's cell by cell API costs about
    a second for the tables of a large workshop."""
    if not table.rows or not table.documents:
        return
    cols = table.columns
    widths = [int(Cm(w).twips) for w in column_widths(table)]
    size = 17 if len(cols) > 5 else 19  # half points: 8.5 pt, 9.5 pt
    rows = list(table.rows) + ([table.total] if table.total else [])
    keep = len(rows) <= KEEP_TOGETHER_ROWS  # a short table stays on one page
    out = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>'
    ]
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")

    def row_xml(values, *, header: bool, bold: bool, stripe: bool, last: bool) -> str:
        cells = []
        for value, col, width in zip(values, cols, widths):
            if header:
                text, fill = _clean(col.name), HEADER_SHADE
            else:
                text = _clean(cell_text(value, col.kind))
                fill = signal_fill(value) if col.kind == "signal" else None
                fill = fill or (STRIPE_SHADE if stripe else None)
            ppr = '<w:pPr><w:spacing w:after="0"/>'
            if keep and not last:
                ppr = '<w:pPr><w:keepNext/><w:spacing w:after="0"/>'
            if col.kind in NUMERIC:
                ppr += '<w:jc w:val="right"/>'
            ppr += "</w:pPr>"
            rpr = "<w:rPr>" + ("<w:b/>" if bold or header else "")
            rpr += '<w:color w:val="FFFFFF"/>' if header else ""
            rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
            runs = "<w:br/>".join(
                f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.split("\n")
            )
            shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
                f"<w:p>{ppr}<w:r>{rpr}{runs}</w:r></w:p></w:tc>"
            )
        trpr = (
            '<w:trPr><w:tblHeader w:val="true"/></w:trPr>'
            if header
            else ("<w:trPr><w:cantSplit/></w:trPr>")
        )
        return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"

    out.append(row_xml(cols, header=True, bold=True, stripe=False, last=False))
    for i, values in enumerate(rows):
        is_total = table.total is not None and i == len(rows) - 1
        out.append(
            row_xml(
                values,
                header=False,
                bold=is_total,
                stripe=i % 2 == 1 and not is_total,
                last=i == len(rows) - 1,
            )
        )
    out.append("</w:tbl>")
    doc.element.body._insert_tbl(parse_xml("".join(out)))
    if table.caption:
        p = doc.add_paragraph()
        run = p.add_run(_clean(table.caption))
        run.italic, run.font.size, run.font.color.rgb = True, Pt(8.5), MUTED
    else:
        doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _picture(doc, summary: WorkshopSummary, block: Picture) -> None:
    png = picture_png(summary, block.key)
    if not png:
        return
    width = min(block.width_cm, TEXT_WIDTH_CM)
    px_w, px_h = png_size(png)
    if px_w and px_h and width * px_h / px_w > MAX_PICTURE_HEIGHT_CM:
        shape = doc.add_picture(io.BytesIO(png), height=Cm(MAX_PICTURE_HEIGHT_CM))
    else:
        shape = doc.add_picture(io.BytesIO(png), width=Cm(width))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", _clean(block.alt or block.caption))
    doc_pr.set("title", _clean(block.caption)[:250])
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(_clean(block.caption))
    run.italic, run.font.size, run.font.color.rgb = True, Pt(9), MUTED


def _properties(doc, summary: WorkshopSummary) -> None:
    """Title, author (the organisation), language and dates of the file itself; python-docx's
    template would otherwise say 2013, "python-docx" and en-US."""
    props = doc.core_properties
    props.title = _clean(summary.title)[:250]
    props.subject = "Verslag van de werksessie"
    props.author = _clean(summary.organisation or "Kompas")[:250]
    props.last_modified_by = props.author
    props.comments = f"Gemaakt met Kompas op {formats.datetime_nl(summary.generated_at)}."
    props.keywords = "verslag, werksessie"
    props.category = "Verslag"
    props.language = LANGUAGE
    props.created = props.modified = summary.generated_at.replace(tzinfo=None)
    for old in props._element.findall(qn("cp:lastPrinted")):
        props._element.remove(old)
    props.revision = 1
    # the proofing language of every run: the document defaults and each style used
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    targets = [defaults.find(qn("w:rPrDefault"))] if defaults is not None else []
    for target in targets:
        ppr = target.find(qn("w:rPr"))
        if ppr is None:
            ppr = OxmlElement("w:rPr")
            target.append(ppr)
        _set_lang(ppr)
    for style in doc.styles:
        element = style.element
        if element.find(qn("w:rPr")) is not None:
            _set_lang(element.find(qn("w:rPr")))


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANGUAGE)


def render(summary: WorkshopSummary) -> bytes:
    doc = Document()
    _properties(doc, summary)
    _setup(doc, summary)
    _title_page(doc, summary)
    for section in summary.sections:
        heading = doc.add_heading(_clean(section.title), level=1)
        if section.key in NEW_PAGE_SECTIONS:
            heading.paragraph_format.page_break_before = True
        for n, block in enumerate(section.blocks):
            if isinstance(block, Heading):
                doc.add_heading(_clean(block.text), level=heading_level(block))
            elif isinstance(block, Paragraph):
                p = doc.add_paragraph()
                following = section.blocks[n + 1] if n + 1 < len(section.blocks) else None
                if isinstance(following, (Table, Picture)):
                    p.paragraph_format.keep_with_next = True  # an introduction stays with its table
                lines = _clean(block.text).split("\n")
                for n, line in enumerate(lines):
                    run = p.add_run(line)
                    if block.style == "note":
                        run.italic, run.font.color.rgb = True, MUTED
                    if n < len(lines) - 1:
                        run.add_break()
            elif isinstance(block, Bullets):
                for item in block.items:
                    doc.add_paragraph(_clean(item), style="List Bullet")
            elif isinstance(block, Outline):
                for depth, text, note in block.items:
                    p = doc.add_paragraph()
                    p.paragraph_format.left_indent = Cm(0.7 * depth)
                    p.paragraph_format.space_after = Pt(1)
                    run = p.add_run(_clean(text))
                    run.bold = depth <= 1
                    if note:
                        n = p.add_run(f"  ({_clean(note)})")
                        n.font.size, n.font.color.rgb = Pt(8.5), MUTED
            elif isinstance(block, Table):
                _table(doc, block)
            elif isinstance(block, Picture):
                _picture(doc, summary, block)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
