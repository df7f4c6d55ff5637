"""PDF application forms drawn from the same layouts and values as the Excel forms (A4, bundled font embedded)."""
from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from .form_xlsx import PLACEHOLDER
from .forms import LAYOUTS, FormData
from .pdf_fonts import register


def _text(template: str, values: dict) -> str:
    return PLACEHOLDER.sub(lambda m: "" if values.get(m.group(1)) is None else str(values.get(m.group(1))), template)


def write_form_pdf(data: FormData, out: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer, Table,
                                    TableStyle)
    from reportlab.platypus.doctemplate import BaseDocTemplate
    from reportlab.platypus.frames import Frame

    from .referral_slip import _chinese_line_breaks
    _chinese_line_breaks()
    font = register()
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10)
    bold = ParagraphStyle("bold", parent=body, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=4)
    note = ParagraphStyle("note", parent=body, fontSize=9, alignment=TA_CENTER, spaceAfter=6)
    tight = [("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    grid_style = TableStyle(tight + [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")),
                             ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#f2f2f2"))])

    def p(text, style=body):
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)

    portrait, wide = A4, landscape(A4)
    margin = 14 * mm
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    doc = BaseDocTemplate(str(tmp), pagesize=portrait, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin, title=data.values.get("表名", ""), author="医养台账")

    def footer(canvas, d):
        canvas.saveState()
        canvas.setFont(font, 8)
        w, _h = canvas._pagesize
        canvas.drawCentredString(w / 2, 8 * mm, f"第 {d.page} 页")
        canvas.restoreState()

    doc.addPageTemplates([
        PageTemplate("portrait", [Frame(margin, margin, portrait[0] - 2 * margin, portrait[1] - 2 * margin)],
                     onPage=footer, pagesize=portrait),
        PageTemplate("landscape", [Frame(margin, margin, wide[0] - 2 * margin, wide[1] - 2 * margin)],
                     onPage=footer, pagesize=wide)])
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
        for block in blocks:
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
                        row += [p(label, bold), p(data.values.get(key) if data.values.get(key) is not None else "")]
                    rows.append(row + [""] * (4 - len(row)))
                t = Table(rows, colWidths=[width * 0.17, width * 0.33] * 2)
                t.setStyle(grid_style)
                story.append(t)
            elif kind == "wide":
                t = Table([[p(block[1], bold), p(data.values.get(block[2]) or "")]],
                          colWidths=[width * 0.17, width * 0.83], minRowHeights=[60 if "简介" in block[1] else 18])
                t.setStyle(grid_style)
                story.append(t)
            elif kind == "table":
                cols = block[2]
                style = small if len(cols) > 6 else body
                header = [p(h, bold) for h, _f in cols]
                weights = [_weight(f) for _h, f in cols]
                total = sum(weights)
                widths = [width * w / total for w in weights]
                # A short value is drawn as a plain string (fast); only text too long for its column wraps.
                fits = [max(1, int((w - 6) / style.fontSize)) for w in widths]

                def cell(value, n, style=style):
                    text = "" if value is None else str(value)
                    return text if len(text) <= fits[n] and "\n" not in text else p(text, style)
                body_rows = [[cell(item.get(f), n) for n, (_h, f) in enumerate(cols)]
                             for item in data.tables.get(block[1], [])] or [[""] * len(cols)]
                table_style = TableStyle(tight + [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                                  ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                                  ("FONTNAME", (0, 0), (-1, -1), font),
                                                  ("FONTSIZE", (0, 0), (-1, -1), style.fontSize),
                                                  ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f2f2"))])
                # Long tables go in page-sized pieces, each with its header: reportlab splits one huge table
                # over and over (quadratic), pieces keep a 10,000-row roster to seconds.
                for i in range(0, len(body_rows), CHUNK):
                    t = Table([header] + body_rows[i:i + CHUNK], colWidths=widths, repeatRows=1)
                    t.setStyle(table_style)
                    story.append(t)
            elif kind == "text":
                story += [Spacer(1, 4), p(block[1]), Spacer(1, 4)]
            elif kind == "sign":
                parts = block[1]
                t = Table([[p(x, bold) for x in parts]], colWidths=[width / len(parts)] * len(parts),
                          minRowHeights=[26])
                story.append(t)
            elif kind == "review":
                t = Table([[p(block[1], bold), Paragraph("<br/>".join(escape(x) for x in block[2]), body)]],
                          colWidths=[width * 0.22, width * 0.78], minRowHeights=[52])
                t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
                story.append(KeepTogether([t]))
    doc.build(story)
    tmp.replace(out)
    return out


CHUNK = 40


def _weight(field: str) -> float:
    if re.search(r"原因|依据|说明|材料|条件", field):
        return 3.2
    if re.search(r"身份证|床位$|执业证书|资格证书|名称", field):
        return 2.0
    if re.search(r"日期|类型|方式|等级|类别|职称|岗位", field):
        return 1.4
    return 1.0
