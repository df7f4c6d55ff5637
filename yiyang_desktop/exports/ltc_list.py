"""The 长护险 monthly list as an Excel workbook and a PDF (A4 landscape, bundled CJK font): one row per insured
resident and level, the totals, the residents left out and why, and the lines to sign. Pure functions of a
``domain.ltc.LtcList``; openpyxl and reportlab load lazily. Money is written from integer fen: in Excel through the
one workbook writer (exact yuan numbers ``#,##0.00``, text never a formula, A4 print set-up and page footer), in the
PDF with the one yuan formatter (``domain.money.yuan_text``) and "第 N 页 共 M 页"."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from ..domain.dates import month_bounds
from ..domain.money import yuan_text
from ..domain.policy.profile import HOSPITAL_DEDUCT
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .workbook import part_of

MONEY, COUNT = "money", "count"   # the workbook writer's kinds (exports/workbook.py); None is text
# (key, heading, relative width in the PDF, kind)
COLUMNS = (
    ("no", N_("xlsx", "序号"), 5, COUNT), ("name", N_("xlsx", "姓名"), 9, None),
    ("id_number", N_("xlsx", "身份证号"), 20, None), ("insured_place", N_("xlsx", "参保地"), 14, None),
    ("level", N_("xlsx", "失能等级"), 14, None), ("certificate_no", N_("xlsx", "待遇决定书编号"), 15, None),
    ("valid_to", N_("xlsx", "等级有效期至"), 11, "date"), ("census_days", N_("xlsx", "在住天数"), 8, COUNT),
    ("hospital_days", N_("xlsx", "住院天数"), 8, COUNT), ("care_days", N_("xlsx", "护理天数"), 8, COUNT),
    ("day_fen", N_("xlsx", "每床日标准（元）"), 11, MONEY), ("amount_fen", N_("xlsx", "金额（元）"), 11, MONEY),
    ("fund_fen", N_("xlsx", "基金支付（元）"), 11, MONEY), ("self_fen", N_("xlsx", "个人负担（元）"), 11, MONEY),
)
EXCLUDED_COLUMNS = (("no", N_("xlsx", "序号"), COUNT), ("name", N_("xlsx", "姓名"), None),
                    ("reason", N_("xlsx", "未列入原因"), None), ("detail", N_("xlsx", "说明"), None))
SIGNATURES = (N_("xlsx", "制表人："), N_("xlsx", "审核人："), N_("xlsx", "机构负责人："), N_("xlsx", "机构（盖章）："))


def title_of(lst, institution: str) -> str:
    return N_("xlsx", "{inst}{y}年{m}月长期护理保险结算清单").format(inst=institution + " " if institution else "",
                                                            y=lst.year, m=lst.month)


def subtitle_of(lst) -> str:
    first, last = month_bounds(lst.year, lst.month)
    return N_("xlsx", "统计期：{a} 至 {b}；护理天数按日末在住计；政策配置：{profile}").format(
        a=first.isoformat(), b=last.isoformat(), profile=lst.profile_title)


def rule_note(lst) -> str:
    if lst.hospital_days is None:
        return ""
    return N_("xlsx", "住院期间不计护理天数") if lst.hospital_days == HOSPITAL_DEDUCT else N_("xlsx", "住院期间照计护理天数")


def rows_of(lst) -> list[dict]:
    """The list's rows as cells: counts as ints, money as fen (None when not computed)."""
    out = []
    for i, r in enumerate(lst.rows, 1):
        out.append({"no": i, "name": r.name, "id_number": r.id_number, "insured_place": r.insured_place,
                    "level": r.level, "certificate_no": r.certificate_no, "valid_to": r.valid_to.isoformat(),
                    "census_days": r.census_days, "hospital_days": r.hospital_days, "care_days": r.care_days,
                    "day_fen": r.day_fen, "amount_fen": r.amount_fen, "fund_fen": r.fund_fen, "self_fen": r.self_fen})
    return out


def totals_of(lst) -> dict:
    return {"no": None, "name": N_("xlsx", "合计"), "census_days": sum(r.census_days for r in lst.rows),
            "hospital_days": sum(r.hospital_days for r in lst.rows), "care_days": lst.care_days_total,
            "amount_fen": lst.total_fen, "fund_fen": lst.fund_total_fen, "self_fen": lst.self_total_fen}


def excluded_of(lst) -> list[dict]:
    return [{"no": i, "name": x.name, "reason": x.reason, "detail": x.detail} for i, x in enumerate(lst.excluded, 1)]


def notes_of(lst) -> list[str]:
    notes = [str(p) for p in lst.problems]
    rule = rule_note(lst)
    if rule:
        notes.append(rule + N_("xlsx", "；金额 = 每床日标准 × 护理天数，基金支付 = 金额 × 基金支付比例（四舍五入到分），"
                                       "不超过每月最高支付；个人负担 = 金额 − 基金支付。"))
    if any(r.capped for r in lst.rows):
        notes.append(N_("xlsx", "有 {n} 人的基金支付达到每月最高支付。").format(n=sum(r.capped for r in lst.rows)))
    return notes


# ---------------------------------------------------------------- Excel (the one workbook writer, exports/workbook.py)

def write_ltc_xlsx(lst, path: Path | str, institution: str) -> Path:
    """The list sheet (title, the rows and their 合计, the notes, the lines to sign) and the residents left out."""
    from openpyxl.styles import Alignment

    from . import workbook as W
    wb = W.new_workbook()
    ws = wb.active
    ws.title = N_("xlsx", "长护险清单")
    n = len(COLUMNS)
    columns = [(key, head, kind) for key, head, _w, kind in COLUMNS]
    totals = {k: v for k, v in totals_of(lst).items() if k not in ("no", "name")}
    last = W.write_table(ws, columns, rows_of(lst), start_row=3, total_label=N_("xlsx", "合计"), totals=totals,
                         most=24)
    for r, (text, size) in enumerate(((title_of(lst, institution), 15), (subtitle_of(lst), W.FONT_SIZE)), start=1):
        W.set_text(ws.cell(r, 1), text)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        ws.cell(r, 1).font = W.font(size=size, bold=r == 1)
        ws.cell(r, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = last
    for note in notes_of(lst):
        row += 1
        W.set_text(ws.cell(row, 1), note)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n)
        ws.cell(row, 1).font = W.font(color="B42318" if note in map(str, lst.problems) else None)
        ws.cell(row, 1).alignment = W.align()
    row += 2
    for i, label in enumerate(SIGNATURES):
        W.set_text(ws.cell(row, 1 + i * (n // len(SIGNATURES))), label)
        ws.cell(row, 1 + i * (n // len(SIGNATURES))).font = W.font()
    W.fit_rows(ws, 1, row, keep_taller=True)
    ws.freeze_panes = "A4"
    W.print_setup(ws, title_rows=(3, 3), last_row=row, last_col=n, landscape=True)

    ex = wb.create_sheet(N_("xlsx", "未列入清单的老人"))
    ex_cols = [(key, head, "count" if kind == COUNT else "text") for key, head, kind in EXCLUDED_COLUMNS]
    ex_last = W.write_table(ex, ex_cols, excluded_of(lst), most=60)
    ex.freeze_panes = "A2"
    W.print_setup(ex, title_rows=(1, 1), last_row=ex_last, last_col=len(ex_cols),
                  header=f"{title_of(lst, institution)} — {N_('xlsx', '未列入清单的老人')}")
    return W.save(wb, path)


# ---------------------------------------------------------------- PDF

def _cell_text(value, kind, key: str = "") -> str:
    if value is None:
        return "—" if kind in (MONEY, COUNT) and key != "no" else ""
    if kind == MONEY:
        return yuan_text(value)
    return str(value)


def _is_text(kind) -> bool:
    return kind not in (MONEY, COUNT)


def write_ltc_pdf(lst, out: Path | str, institution: str) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from .pdf_fonts import register
    from .pdf_pages import numbered_canvas
    from .referral_slip import _chinese_line_breaks
    _chinese_line_breaks()
    font = register()
    page = landscape(A4)
    body = ParagraphStyle("body", fontName=font, fontSize=8, leading=10.5, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=15, leading=21, alignment=TA_CENTER, spaceAfter=2)
    sub = ParagraphStyle("sub", parent=body, fontSize=8.5, alignment=TA_CENTER, spaceAfter=6)
    margin = 12 * mm
    width = page[0] - 2 * margin
    out = Path(out)
    tmp = part_of(out)
    doc = SimpleDocTemplate(str(tmp), pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin + 4 * mm, title=title_of(lst, institution), author="医养台账")

    def para(text) -> Paragraph:
        return Paragraph(escape(str(text)), body)

    story = [Paragraph(escape(title_of(lst, institution)), title), Paragraph(escape(subtitle_of(lst)), sub)]
    weights = [w for _k, _h, w, _kind in COLUMNS]
    col_widths = [width * w / sum(weights) for w in weights]
    cells = [[para(head) for _k, head, _w, _kind in COLUMNS]]
    for values in [*rows_of(lst), totals_of(lst)]:
        cells.append([para(_cell_text(values.get(k), kind)) if _is_text(kind) else _cell_text(values.get(k), kind, k)
                      for k, _h, _w, kind in COLUMNS])
    numeric = [i for i, (_k, _h, _w, kind) in enumerate(COLUMNS) if kind in (MONEY, COUNT)]
    style = [("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("FONTNAME", (0, 0), (-1, -1), font),
             ("FONTSIZE", (0, 0), (-1, -1), 8), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
             ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f6f6f6"))]
    style += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric]
    table = Table(cells, colWidths=col_widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    story.append(table)
    warn = ParagraphStyle("warn", parent=body, textColor=colors.HexColor("#b42318"))
    for note in notes_of(lst):
        story += [Spacer(1, 3), Paragraph(escape(note), warn if note in map(str, lst.problems) else body)]
    if lst.excluded:
        story += [Spacer(1, 8), Paragraph(escape(N_("pdf", "未列入清单的老人")), body), Spacer(1, 2)]
        rows = [[para(h) for _k, h, _kind in EXCLUDED_COLUMNS]]
        rows += [[str(x["no"]), para(x["name"]), para(x["reason"]), para(x["detail"])] for x in excluded_of(lst)]
        ex = Table(rows, colWidths=[width * f for f in (0.05, 0.12, 0.2, 0.63)], repeatRows=1)
        ex.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("FONTNAME", (0, 0), (-1, -1), font),
                                ("FONTSIZE", (0, 0), (-1, -1), 8), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee"))]))
        story.append(ex)
    story += [Spacer(1, 16)]
    signs = Table([[para(s) for s in SIGNATURES]], colWidths=[width / len(SIGNATURES)] * len(SIGNATURES))
    signs.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font)]))
    story.append(signs)
    doc.build(story, canvasmaker=numbered_canvas(font, y=7 * mm))
    tmp.replace(out)
    return out


def write_ltc_files(lst, out_dir: Path | str, institution: str) -> list[Path]:
    """长护险清单-YYYY-MM.xlsx and .pdf in ``out_dir``."""
    out_dir = Path(out_dir)
    stem = f"长护险清单-{lst.key}"
    return [write_ltc_xlsx(lst, out_dir / f"{stem}.xlsx", institution),
            write_ltc_pdf(lst, out_dir / f"{stem}.pdf", institution)]


__all__ = ["COLUMNS", "rows_of", "title_of", "totals_of", "write_ltc_files", "write_ltc_pdf",
           "write_ltc_xlsx"]
