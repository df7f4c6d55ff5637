"""All residents' current grades as an Excel sheet that prints on A4 and can be filtered."""
from __future__ import annotations

from pathlib import Path

HEADERS = [("name", "姓名", 10), ("sex", "性别", 6), ("age", "年龄", 6), ("bed", "床位", 18), ("instrument", "评估标准", 30),
           ("assessed_on", "最近评估日期", 13), ("grade", "能力等级", 24), ("care_level", "护理等级", 10),
           ("due_date", "下次评估日期", 13), ("state", "评估状态", 11)]


def write_grades_xlsx(path: Path | str, institution: str, on: str, rows: list[dict]) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "能力等级"
    ws.append([f"{institution} 入住老人能力等级一览（{on}）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws["A1"].font = Font(size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([h[1] for h in HEADERS])
    thin = Side(style="thin")
    for r in rows:
        ws.append([r.get(k, "") for k, _, _ in HEADERS])
    for col, (_, _, width) in enumerate(HEADERS, start=1):
        ws.column_dimensions[ws.cell(row=2, column=col).column_letter].width = width
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
    ws.auto_filter.ref = f"A2:{ws.cell(row=2, column=len(HEADERS)).column_letter}{ws.max_row}"
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    path = Path(path)
    wb.save(path)
    return path
