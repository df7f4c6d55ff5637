"""The monthly return's summary as a PDF (A4, bundled CJK font embedded): the figures in a two-column table and
two charts drawn with reportlab.graphics — the 12-month occupancy and nursing-bed share trend, and the residents
by ability grade. A pure function of a ``MonthReturn``; reportlab loads on first use."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .pdf_fonts import cell, para, register
from .pdf_pages import numbered_canvas
from .return_xlsx import PCT, SEAL, sign_fields, subtitle_of, summary_rows, title_of
from .workbook import part_of


def _fmt(value, unit: str) -> str:
    if value is None:
        return "—"
    if unit == PCT:
        return f"{value}%"  # already rounded once by domain.figures.percent
    return f"{value}{unit}"


def trend_chart(trend: list[dict], width: float, height: float, font: str, target: float | None = None):
    """Month-end occupancy rate and nursing-bed share (in %) over the months of ``trend``; the profile's
    nursing-bed target as a dashed line when there is one."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    d = Drawing(width, height)
    span = f"{trend[0]['month']} — {trend[-1]['month']}" if trend else ""
    d.add(String(width / 2, height - 12, N_("pdf", "月末入住率与护理型床位占比（%）{span}").format(span=span),
                 fontName=font, fontSize=9.5, textAnchor="middle"))
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 36, 34, width - 56, height - 70
    occ = [None if t["occupancy_rate"] is None else round(t["occupancy_rate"] * 100, 2) for t in trend]
    share = [None if t["nursing_bed_share"] is None else round(t["nursing_bed_share"] * 100, 2) for t in trend]
    if not trend:
        d.add(String(width / 2, height / 2, N_("pdf", "无数据"), fontName=font, fontSize=9, textAnchor="middle"))
        return d
    chart.data = [occ, share] + ([[round(target * 100, 2)] * len(trend)] if target is not None else [])
    chart.categoryAxis.categoryNames = [f"{int(t['month'][5:])}月" for t in trend]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    for i, colour in enumerate((colors.HexColor("#1f77b4"), colors.HexColor("#d62728"))):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.6
        from reportlab.graphics.widgets.markers import makeMarker
        chart.lines[i].symbol = makeMarker("FilledCircle", size=3, fillColor=colour, strokeColor=colour)
    if target is not None:
        chart.lines[2].strokeColor = colors.HexColor("#d62728")
        chart.lines[2].strokeWidth = 0.8
        chart.lines[2].strokeDashArray = (3, 2)
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = 40, 12
    legend.fontName, legend.fontSize = font, 8
    legend.alignment, legend.columnMaximum, legend.dx, legend.dy = "right", 1, 8, 8
    legend.deltax = 110
    legend.colorNamePairs = [(chart.lines[0].strokeColor, N_("pdf", "入住率")),
                             (chart.lines[1].strokeColor, N_("pdf", "护理型床位占比"))]
    if target is not None:
        legend.deltax = 80
        legend.colorNamePairs.append((colors.HexColor("#f0a0a0"), N_("pdf", "占比目标")))
    d.add(legend)
    return d


def grade_chart(by_grade: dict, width: float, height: float, font: str):
    """Residents at month end by ability grade (the last bar: without a valid assessment)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    d = Drawing(width, height)
    d.add(String(width / 2, height - 12, N_("pdf", "月末在住老人能力等级分布（人）"), fontName=font, fontSize=10,
                 textAnchor="middle"))
    names = list(by_grade) or ["—"]
    values = [by_grade.get(n, 0) for n in names]
    chart = HorizontalBarChart()
    label_w = min(190, 12 + 8.5 * max(len(n) for n in names))
    chart.x, chart.y = label_w, 10
    chart.width, chart.height = width - label_w - 40, height - 32
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.forceZero = True
    if max(values, default=0) < 5:
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = 5, 1
    chart.bars[0].fillColor = colors.HexColor("#4a90c2")
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def write_return_pdf(ret, out: Path | str, institution: str) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

    from .referral_slip import _chinese_line_breaks
    _chinese_line_breaks()
    font = register()
    body = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=15, leading=21, alignment=TA_CENTER, spaceAfter=2)
    sub = ParagraphStyle("sub", parent=body, fontSize=8.5, alignment=TA_CENTER, spaceAfter=6)
    margin = 13 * mm
    width = A4[0] - 2 * margin
    out = Path(out)
    tmp = part_of(out)
    doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=title_of(ret, institution), author="医养台账")

    story = [para(escape(title_of(ret, institution)), title), para(escape(subtitle_of(ret)), sub)]
    charts = Table([[trend_chart(ret.trend, width * 0.5 - 4, 118, font, ret.figures.get("nursing_target")),
                     grade_chart(ret.figures["residents_by_grade"], width * 0.5 - 4, 118, font)]],
                   colWidths=[width * 0.5] * 2)
    charts.setStyle(TableStyle([("BOX", (0, 0), (0, 0), 0.4, colors.grey), ("BOX", (1, 0), (1, 0), 0.4, colors.grey),
                                ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [charts, Spacer(1, 6)]
    rows = [(sec, label.strip("　"), _fmt(v, unit), note) for sec, label, v, unit, note in summary_rows(ret.figures)]
    half = (len(rows) + 1) // 2
    left, right = rows[:half], rows[half:]
    cells, style = [], [("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("FONTNAME", (0, 0), (-1, -1), font),
                        ("FONTSIZE", (0, 0), (-1, -1), 8), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("TOPPADDING", (0, 0), (-1, -1), 0.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
                        ("ALIGN", (1, 0), (1, -1), "RIGHT"), ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]
    head = [N_("pdf", "项目"), N_("pdf", "数值")]
    cells.append(head + head)
    for i in range(half):
        row = []
        for side in (left, right):
            if i < len(side):
                sec, label, value, _note = side[i]
                row += [f"{sec}·{label}" if not label.startswith(("其中", "能力", "年龄", "性别", "户籍", "人员",
                                                                     "上转", "下转")) else label, value]
            else:
                row += ["", ""]
        cells.append(row)
    cell_style = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    cells = [[cell(x, cell_style) for x in row] for row in cells]
    t = Table(cells, colWidths=[width * 0.34, width * 0.16] * 2, repeatRows=1)
    t.setStyle(TableStyle(style))
    story.append(t)
    notes = [f"{label.strip('　')}：{note}" for _s, label, _v, _u, note in summary_rows(ret.figures)
             if note and label.strip("　") in (N_("xlsx", "护理型床位占比"), N_("xlsx", "运营补贴床次"))]
    if ret.submitted and ret.submitted.get("note"):
        notes.append(N_("pdf", "报送备注：{t}").format(t=ret.submitted["note"]))
    for n in notes:
        story += [Spacer(1, 2), para(escape(n), body)]
    story.append(KeepTogether([Spacer(1, 4), _sign_table(ret, width, font)]))
    doc.build(story, canvasmaker=numbered_canvas(font, y=7 * mm))
    tmp.replace(out)
    return out


def _sign_table(ret, width: float, font: str):
    """填表人、负责人、联系电话、填报日期 on two lines and the place for the unit's seal on the right."""
    from reportlab.platypus import Table, TableStyle
    fields = sign_fields(ret)
    cells = []
    for label, value in fields:
        blank = "____年____月____日" if label == N_("xlsx", "填报日期") else "________________"
        cells.append(f"{label}：{value or blank}")
    rows = [[cells[0], cells[1], SEAL], [cells[2], cells[3], ""]]
    t = Table(rows, colWidths=[width * 0.36, width * 0.36, width * 0.28], rowHeights=[18, 18])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                           ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("SPAN", (2, 0), (2, 1)),
                           ("VALIGN", (2, 0), (2, 1), "MIDDLE"), ("ALIGN", (2, 0), (2, 1), "CENTER")]))
    return t
