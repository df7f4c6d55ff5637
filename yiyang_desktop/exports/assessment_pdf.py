"""One resident's assessment report as a PDF, laid out like the standard's report (Appendix C)."""
from __future__ import annotations

from pathlib import Path

from .pdf_fonts import cell, para, register
from .pdf_pages import numbered_canvas


def write_assessment_pdf(path: Path | str, data: dict) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    font = register()
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22, alignment=1)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor=colors.HexColor("#555555"))
    grid = TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 10.5),
                       ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                       ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2"))])
    r = data["resident"]
    story = [para("老年人能力评估报告", title), para(f"{data['instrument']}　量表版本 {data['version']}", small),
             Spacer(1, 4 * mm)]
    info = [["评估机构", data["institution"], "评估基准日期", data["assessed_on"]],
            ["姓名", r["name"], "性别", r["sex"]],
            ["出生日期", r["birth_date"], "年龄", f"{r['age']} 岁"],
            ["公民身份号码", r["id_number"], "评估原因", data["reason"]],
            ["信息提供者", data["informant"], "疾病诊断", "、".join(data["diagnoses"]) or "无"]]
    cell_style = ParagraphStyle("cell", parent=body, leading=13)
    info = [[cell(str(x), cell_style) for x in row] for row in info]
    t = Table(info, colWidths=[28 * mm, 62 * mm, 28 * mm, 52 * mm])
    t.setStyle(grid)
    t.setStyle(TableStyle([("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#f2f2f2"))]))
    story += [t, Spacer(1, 4 * mm), para("一级指标得分", body)]
    rows = [["一级指标", "得分", "满分", "分级"]] + [[f"{i['code']} {i['name']}", str(i["score"]), str(i["max"]), i["grade"] or "—"]
                                              for i in data["indicators"]]
    if data["total"] is not None:
        rows.append(["总分", str(data["total"]), str(sum(i["max"] for i in data["indicators"])), ""])
    rows = [[cell(x, cell_style) for x in row] for row in rows]
    t = Table(rows, colWidths=[70 * mm, 30 * mm, 30 * mm, 40 * mm])
    t.setStyle(grid)
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f2f2")), ("ALIGN", (1, 1), (2, -1), "CENTER")]))
    story += [t, Spacer(1, 4 * mm)]
    basis = "<br/>".join(f"{'■' if ticked else '□'} {text}" for text, ticked in data["basis"]) or "（本标准无等级变更条款）"
    result = [["初步等级", para(data["initial_grade"], body)],
              ["能力等级变更依据", para(basis, body)],
              ["最终等级", para(f"<b>{data['final_grade']}</b>", body)]]
    if data.get("care_level"):
        result.append(["对应护理等级", para(data["care_level"], body)])
    t = Table(result, colWidths=[40 * mm, 130 * mm])
    t.setStyle(grid)
    story += [t, Spacer(1, 4 * mm)]
    if data["pending_verification"]:
        story.append(para("注：本标准的分级分段与组合矩阵尚待与官方文本核对，结果仅供参考。", small))
    for note in data["notes"]:
        story.append(para(f"说明：{note}", small))
    story += [Spacer(1, 10 * mm)]
    sig = Table([["评估员签名：", "____________________", "评估员签名：", "____________________"],
                 ["", f"（{data['assessors'][0]}）", "", f"（{data['assessors'][1]}）"],
                 ["信息提供者签名：", "____________________", "日期：", "______年____月____日"]],
                colWidths=[32 * mm, 53 * mm, 32 * mm, 53 * mm], rowHeights=[9 * mm, 7 * mm, 12 * mm])
    sig.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 10.5),
                             ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    story.append(sig)
    path = Path(path)
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                      bottomMargin=18 * mm, title="老年人能力评估报告", author=data["institution"]).build(
        story, canvasmaker=numbered_canvas(font, y=9 * mm))
    return path
