"""All residents' current grades as an Excel sheet that prints on A4 and can be filtered."""
from __future__ import annotations

from pathlib import Path

from . import workbook as W

HEADERS = [("name", "姓名", "text"), ("sex", "性别", "text"), ("age", "年龄", "count"), ("bed", "床位", "text"),
           ("instrument", "评估标准", "text"), ("assessed_on", "最近评估日期", "date"), ("grade", "能力等级", "text"),
           ("care_level", "护理等级", "text"), ("due_date", "下次评估日期", "date"), ("state", "评估状态", "text")]


def write_grades_xlsx(path: Path | str, institution: str, on: str, rows: list[dict]) -> Path:
    from openpyxl.styles import Alignment

    wb = W.new_workbook()
    ws = wb.active
    ws.title = "能力等级"
    W.set_text(ws.cell(1, 1), f"{institution} 入住老人能力等级一览（{on}）")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws["A1"].font = W.font(size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    last = W.write_table(ws, HEADERS, rows, start_row=2, total_label=f"合计 {len(rows)} 人", most=40)
    W.fit_rows(ws, 1, 1, keep_taller=False)
    ws.auto_filter.ref = f"A2:{ws.cell(row=2, column=len(HEADERS)).column_letter}{max(last - 1, 3)}"
    ws.freeze_panes = "A3"
    W.print_setup(ws, title_rows=(2, 2), last_row=last, last_col=len(HEADERS))
    path = Path(path)
    wb.save(path)
    return path
