"""PDF application forms drawn from the same layouts and values as the Excel forms (A4, bundled font embedded)."""
from __future__ import annotations

import functools
import re
from pathlib import Path
from xml.sax.saxutils import escape

from .form_xlsx import PLACEHOLDER
from .forms import LAYOUTS, TOTAL_LABEL, FormData, field_kind, total_key, with_totals
from .pdf_fonts import needs_fallback, para, register
from .pdf_pages import numbered_canvas
from .workbook import part_of, yuan


def shown(key: str, value) -> str:
    """A value as the form prints it: 元 with thousands separators and two decimals, anything else as it is."""
    if value is None:
        return ""
    if field_kind(key) == "money" and not isinstance(value, float):
        amount = yuan(value)
        if amount is not None:
            return f"{amount:,.2f}"
    return str(value)


def _text(template: str, values: dict) -> str:
    return PLACEHOLDER.sub(lambda m: shown(m.group(1), values.get(m.group(1))), template)


def write_form_pdf(data: FormData, out: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Spacer, Table,
                                    TableStyle)
    from reportlab.platypus.doctemplate import BaseDocTemplate
    from reportlab.platypus.frames import Frame

    from .referral_slip import _chinese_line_breaks
    _chinese_line_breaks()
    font = register()
    data = with_totals(data)
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    right = ParagraphStyle("right", parent=body, alignment=2)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10)
    bold = ParagraphStyle("bold", parent=body, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=4)
    note = ParagraphStyle("note", parent=body, fontSize=9, alignment=TA_CENTER, spaceAfter=6)
    tight = [("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    grid_style = TableStyle(tight + [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")),
                             ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#f2f2f2"))])

    def p(text, style=body):
        return para(escape(str(text)).replace("\n", "<br/>"), style)

    portrait, wide = A4, landscape(A4)
    margin = 14 * mm
    tmp = part_of(out)
    doc = BaseDocTemplate(str(tmp), pagesize=portrait, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin, title=data.values.get("表名", ""), author="医养台账")

    doc.addPageTemplates([
        PageTemplate("portrait", [Frame(margin, margin, portrait[0] - 2 * margin, portrait[1] - 2 * margin)],
                     pagesize=portrait),
        PageTemplate("landscape", [Frame(margin, margin, wide[0] - 2 * margin, wide[1] - 2 * margin)],
                     pagesize=wide)])
    story = []
    sheets = LAYOUTS[data.kind]
    for n, (_sheet, blocks) in enumerate(sheets):
        table_cols = max((len(b[2]) for b in blocks if b[0] == "table"), default=0)
        is_wide = table_cols > 8
        width = (wide if is_wide else portrait)[0] - 2 * margin
        if n:
            story += [NextPageTemplate("landscape" if is_wide else "portrait"), PageBreak()]
        elif is_wide:
            story.insert(0, NextPageTemplate("landscape"))
        # The last table (or wide block) of a sheet, the declaration, the signatures and the offices' opinion blocks
        # are kept on one page: an approval block never stands apart from the figures it approves.
        tail = max((i for i, b in enumerate(blocks) if b[0] == "table"), default=len(blocks))
        if not any(b[0] in ("review", "sign") for b in blocks[tail:]):
            tail = len(blocks)
        sheet_story, story = story, []
        for i, block in enumerate(blocks):
            if i == tail:
                sheet_story, story = sheet_story + story, []
            kind = block[0]
            if kind == "title":
                story.append(p(_text(block[1], data.values), title))
            elif kind == "note":
                story.append(p(_text(block[1], data.values), note))
            elif kind == "grid":
                rows, pairs = [], block[1]
                for i in range(0, len(pairs), 2):
                    row = []
                    for label, key in pairs[i:i + 2]:
                        row += [p(label, bold), p(shown(key, data.values.get(key)),
                                                  right if _numeric(key) else body)]
                    rows.append(row + [""] * (4 - len(row)))
                t = Table(rows, colWidths=[width * 0.17, width * 0.33] * 2)
                t.setStyle(grid_style)
                story.append(t)
            elif kind == "wide":
                t = Table([[p(block[1], bold), p(shown(block[2], data.values.get(block[2])))]],
                          colWidths=[width * 0.17, width * 0.83], minRowHeights=[60 if "简介" in block[1] else 18])
                t.setStyle(grid_style)
                story.append(t)
            elif kind == "table":
                totals = block[3] if len(block) > 3 else ()
                total_row = {f: data.values.get(total_key(block[1], f)) for f in totals} if totals else None
                story += _table(block[2], data.tables.get(block[1], []), width, small if len(block[2]) > 6 else body,
                                bold, font, tight, total_row)
            elif kind == "text":
                story += [Spacer(1, 4), p(block[1]), Spacer(1, 4)]
            elif kind == "sign":
                parts = block[1]
                t = Table([[p(x, bold) for x in parts]], colWidths=[width / len(parts)] * len(parts),
                          minRowHeights=[26])
                story.append(t)
            elif kind == "review":
                t = Table([[p(block[1], bold), para("<br/>".join(escape(x) for x in block[2]), body)]],
                          colWidths=[width * 0.22, width * 0.78], minRowHeights=[52])
                t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
                story.append(t if i >= tail else KeepTogether([t]))  # a nested KeepTogether always "overflows"
        story = sheet_story + ([KeepTogether(story)] if story and tail < len(blocks) else story)
    doc.build(story, canvasmaker=numbered_canvas(font, y=8 * mm))
    tmp.replace(out)
    return out


CHUNK = 200  # rows measured per Table when sizing the rows
PAD = 6  # reportlab's default left and right cell padding


def _numeric(key: str) -> bool:
    return field_kind(key) in ("money", "count", "number")


def _table(cols, items, width, style, head_style, font, tight, total_row: dict | None = None) -> list:
    """A table block as page-sized Table pieces, each with its header row.

    Column widths follow the content: each column gets the width of its widest value (measured in the font), and
    the room left over is shared by the columns' weights; only when the values together are wider than the page do
    the widest columns get less than their widest value. A value that fits its column is drawn as a plain string
    (fast); only a value too long for its column (or with a line break) becomes a wrapping Paragraph.
    Long tables go in pieces: reportlab splits one huge table over and over (quadratic)."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table, TableStyle

    size = style.fontSize
    measured: dict[str, float] = {}

    def measure(text: str) -> float:
        w = measured.get(text)
        if w is None:
            w = measured[text] = stringWidth(text, font, size)
        return w
    fields = [f for _h, f in cols]
    rows = [[shown(f, item.get(f)) for f in fields] for item in items] or [[""] * len(cols)]
    if total_row is not None:  # the 合计 row: the label in the first column, the sums under their columns
        rows.append([TOTAL_LABEL if n == 0 else shown(f, total_row.get(f)) if f in total_row else ""
                     for n, f in enumerate(fields)])
    need = []
    for n, (h, _f) in enumerate(cols):
        widest = max(measure(r[n]) for r in rows)
        head = min(stringWidth(h, font, head_style.fontSize), 4 * head_style.fontSize)  # a header may wrap
        need.append(max(widest, head, 2 * size) + 2 * PAD + 1)
    widths = _fit_widths(need, [_weight(f) for f in fields], width)
    room = [w - 2 * PAD - 0.5 for w in widths]

    def wrapped(text):
        return para(escape(text).replace("\n", "<br/>"), style)
    body = [[text if ("\n" not in text and measure(text) <= room[n] and not needs_fallback(text)) else wrapped(text)
             for n, text in enumerate(r)]
            for r in rows]
    header = [para(escape(h), head_style) for h, _f in cols]
    table_style = TableStyle(tight + [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                      ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                      ("FONTNAME", (0, 0), (-1, -1), font),
                                      ("FONTSIZE", (0, 0), (-1, -1), size),
                                      ("LEADING", (0, 0), (-1, -1), style.leading),
                                      ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f2f2"))]
                             + [("ALIGN", (n, 0), (n, -1), "RIGHT") for n, f in enumerate(fields) if _numeric(f)])
    # Every row's height, measured once (linear, not quadratic): one plain row gives the height of all plain rows;
    # rows holding a Paragraph are measured in pieces.
    def measured_rows(rows):
        t = Table([header] + rows, colWidths=widths)
        t.setStyle(table_style)
        t.wrap(sum(widths), 1e9)
        return t._rowHeights
    first = measured_rows([[""] * len(cols)])
    head_h, plain_h = first
    tall = [i for i, r in enumerate(body) if any(not isinstance(c, str) for c in r)]
    heights = [plain_h] * len(body)
    for i in range(0, len(tall), CHUNK):
        part = tall[i:i + CHUNK]
        for n, h in zip(part, measured_rows([body[n] for n in part])[1:]):
            heights[n] = h
    return [_rows_class()(header, body, heights, head_h, widths, table_style)]


@functools.lru_cache(maxsize=None)
def _rows_class():
    """A flowable for a long table: it lays out one page of rows at a time as a Table with the header row on top,
    so every page starts with the header and no page break re-measures the rest of the table."""
    from reportlab.platypus import Table
    from reportlab.platypus.flowables import Flowable

    class Rows(Flowable):
        def __init__(self, header, rows, heights, head_h, widths, style, start=0):
            super().__init__()
            self.header, self.rows, self.heights, self.head_h = header, rows, heights, head_h
            self.widths, self.style, self.start, self._t = widths, style, start, None

        def _fit(self, avail: float) -> int:
            h, k = self.head_h, self.start
            while k < len(self.rows) and h + self.heights[k] <= avail + 1e-6:
                h += self.heights[k]
                k += 1
            return k

        def _table(self, stop: int):
            t = Table([self.header] + self.rows[self.start:stop], colWidths=self.widths, repeatRows=1)
            t.setStyle(self.style)
            return t

        def wrap(self, avail_w, avail_h):
            if self._fit(avail_h) == len(self.rows):
                self._t = self._table(len(self.rows))
                return self._t.wrap(avail_w, avail_h)
            return avail_w, avail_h + 1  # taller than the room left: the frame calls split()

        def split(self, avail_w, avail_h):
            k = self._fit(avail_h)
            if k == self.start:
                frame = getattr(self, "_frame", None)
                if frame is None or not frame._atTop:
                    return []  # not even one row fits here: start on the next page
                k = self.start + 1  # a single row taller than a page: let the table deal with it
            return [self._table(k), Rows(self.header, self.rows, self.heights, self.head_h, self.widths, self.style, k)]

        def drawOn(self, canvas, x, y, _sW=0):
            return self._t.drawOn(canvas, x, y, _sW)

    return Rows


def _fit_widths(need: list[float], weights: list[float], width: float) -> list[float]:
    """Column widths filling ``width``: every column its ``need`` plus a weighted share of the spare room; when the
    needs do not fit, columns that fit their weighted share keep their need and the others share the rest."""
    total_need = sum(need)
    if total_need <= width:
        spare, total = width - total_need, sum(weights)
        return [n + spare * w / total for n, w in zip(need, weights)]
    fixed: set[int] = set()
    while True:
        rest = width - sum(need[i] for i in fixed)
        free = [i for i in range(len(need)) if i not in fixed]
        total = sum(weights[i] for i in free)
        more = {i for i in free if need[i] <= rest * weights[i] / total}
        if not more or len(more) == len(free):
            break
        fixed |= more
    return [need[i] if i in fixed else rest * weights[i] / total for i in range(len(need))]


def _weight(field: str) -> float:
    if re.search(r"原因|依据|说明|材料|条件", field):
        return 3.2
    if re.search(r"身份证|床位$|执业证书|资格证书|名称", field):
        return 2.0
    if re.search(r"日期|类型|方式|等级|类别|职称|岗位", field):
        return 1.4
    return 1.0
