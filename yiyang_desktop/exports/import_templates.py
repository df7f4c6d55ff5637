"""The downloadable Excel template for importing existing ledgers.

One workbook: a 说明 sheet explaining every column, one sheet per kind of record (床位, 入住老人, 人员, 合作医疗机构,
历史评估) with the header row, an example row (序号 = 示例, which the importer skips) and drop-down lists for the
choice columns, and a hidden 选项 sheet holding those lists. The columns come from ``services.importer.SHEETS``,
so the template, the importer and docs/import.md describe the same thing.
"""
from __future__ import annotations

from pathlib import Path

from ..domain.assessment import InstrumentError, list_instruments
from ..services.importer import EXAMPLE, SEQ, SHEETS, Column, Sheet
from . import workbook as W

LAST_ROW = 2000  # drop-downs and formats reach this far
GENERAL = [
    "本工作簿用于把已有的 Excel 台账导入医养台账。可以只保留需要的工作表，工作表名称和列名请不要修改。",
    "每张工作表第1行是列名（红色为必填），第2行是示例（“序号”为“示例”的行不会导入，可以删除），从第3行起填写。",
    "日期写成 2026-01-31（也可用 2026/1/31、2026年1月31日 或 Excel 日期格式）。",
    "身份证号请按文本输入：数字格式的单元格只保留15位有效数字，末尾几位会丢失。本模板的身份证号列已设为文本格式。",
    "导入时先检查全部行：身份证号校验位、日期、必填项、可选值、床位是否存在且空闲、文件内重复行等。"
    "只要有一处问题，就一条也不导入，并列出问题所在的工作表、行号、列名和原因；改正后重新导入即可。",
    "再次导入同一个文件不会产生重复记录：已登记的床位、老人、员工、医疗机构和评估会跳过（不修改原有记录）。",
    "导入顺序：床位 → 人员 → 合作医疗机构 → 入住老人 → 历史评估，因此“入住老人”可以使用同一文件“床位”表中的床位，"
    "“历史评估”可以引用同一文件“入住老人”表中的老人。",
]
KIND_TEXT = {"text": "文字", "date": "日期", "id": "18位身份证号（文本）", "flag": "是 / 否", "int": "整数",
             "seq": "任意"}


def _grade_names() -> list[str]:
    out: list[str] = []
    try:
        for inst in list_instruments():
            out += [g for g in inst.grades.values() if g not in out]
    except InstrumentError:
        pass
    return out


def _format(col: Column) -> str:
    if col.kind in ("choice", "multi", "instrument") and col.options:
        lead = "可选（可填多个，用“、”隔开）：" if col.kind == "multi" else "可选："
        return lead + "、".join(col.options)
    return KIND_TEXT.get(col.kind, "文字")


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(i)


def _explain(wb, sheets: tuple[Sheet, ...]) -> None:
    from openpyxl.styles import Alignment, PatternFill
    ws = wb.active
    ws.title = "说明"
    for letter, width in zip("ABCDE", (14, 18, 6, 50, 50)):
        ws.column_dimensions[letter].width = width
    box, top = W.border(), Alignment(wrap_text=True, vertical="top")

    def line(values, *, bold=False, fill=None, framed=True):
        ws.append([None] * len(values))
        r = ws.max_row
        for c, v in enumerate(values, start=1):
            cell = ws.cell(r, c)
            if v:
                W.set_text(cell, v)
            cell.font, cell.alignment = W.font(bold=bold), top
            if framed:
                cell.border = box
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)
        return r
    W.set_text(ws.cell(1, 1), "医养台账 台账导入模板 — 填写说明")
    ws["A1"].font = W.font(size=14, bold=True)
    for i, text in enumerate(GENERAL, start=1):
        r = line([f"{i}. {text}"], framed=False)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    ws.append([])
    head = line(["工作表", "列名", "必填", "格式 / 可选值", "说明"], bold=True, fill="DDEBF7")
    for sheet in sheets:
        line([sheet.name, "", "", "", sheet.note], bold=True)
        for col in sheet.columns:
            line(["", col.header, "必填" if col.required else "", _format(col), col.note])
    ws.freeze_panes = f"A{head + 1}"
    W.fit_rows(ws, keep_taller=False)
    W.print_setup(ws, title_rows=(head, head), landscape=True, center=False)


def _options_sheet(wb, sheets: tuple[Sheet, ...]) -> dict[tuple[str, ...], str]:
    """The hidden 选项 sheet: one column per list; returns list → range formula."""
    ws = wb.create_sheet("选项")
    ws.sheet_state = "hidden"
    ranges: dict[tuple[str, ...], str] = {}
    lists = [c.options for s in sheets for c in s.columns if c.kind in ("choice", "instrument") and c.options]
    lists.append(tuple(_grade_names()))
    for opts in lists:
        if opts in ranges or not opts:
            continue
        col = len(ranges) + 1
        for r, value in enumerate(opts, start=1):
            W.set_text(ws.cell(r, col), value)
        ranges[opts] = f"'选项'!${_letter(col)}$1:${_letter(col)}${len(opts)}"
    return ranges


def _data_sheet(wb, sheet: Sheet, ranges: dict) -> None:
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    ws = wb.create_sheet(sheet.name)
    box = W.border()
    for i, col in enumerate(sheet.columns, start=1):
        letter = _letter(i)
        head = ws.cell(1, i)
        W.set_text(head, col.header)
        head.font = W.font(bold=True, color="C00000" if col.required else "000000")
        head.fill = PatternFill("solid", fgColor="FCE4D6" if col.required else "EEEEEE")
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ex = ws.cell(2, i)
        W.set_value(ex, col.example, {"date": "date", "int": "count"}.get(col.kind, "text"))
        ex.font = W.font(italic=True, color="808080")
        head.border = ex.border = box
        ws.column_dimensions[letter].width = col.width
        fmt = "yyyy-mm-dd" if col.kind == "date" else "@" if col.kind in ("id", "text", "seq") else None
        if fmt:
            ws.column_dimensions[letter].number_format = fmt
            ex.number_format = fmt
        area = f"{letter}3:{letter}{LAST_ROW}"
        dv = None
        if col.kind in ("choice", "instrument") and col.options:
            dv = DataValidation(type="list", formula1=ranges[col.options], allow_blank=True, showErrorMessage=True,
                                errorTitle="不在可选范围", error="请从下拉列表中选择：" + "、".join(col.options)[:200])
        elif col.kind == "flag":
            dv = DataValidation(type="list", formula1='"是,否"', allow_blank=True, showErrorMessage=True,
                                errorTitle="请填“是”或“否”", error="请从下拉列表中选择“是”或“否”")
        elif col.field == "grade" and ranges.get(tuple(_grade_names())):
            dv = DataValidation(type="list", formula1=ranges[tuple(_grade_names())], allow_blank=True,
                                showErrorMessage=True, errorStyle="information", errorTitle="最终等级",
                                error="也可以填写等级数字（0为最好）或纸质记录上的简称")
        elif col.note:
            dv = DataValidation(allow_blank=True)
        if dv is not None:
            if col.note:
                dv.showInputMessage = True
                dv.promptTitle = col.header[:32]
                dv.prompt = col.note[:250]
            ws.add_data_validation(dv)
            dv.add(area)
    ws.freeze_panes = "B2"
    if sheet.columns[0].header == SEQ:
        W.set_text(ws.cell(2, 1), EXAMPLE)
    W.fit_rows(ws, 1, 2, keep_taller=False)
    W.print_setup(ws, title_rows=(1, 1), last_col=len(sheet.columns), center=False, area=False)  # rows are added


def write_template(path: Path | str, sheets: tuple[Sheet, ...] = SHEETS) -> Path:
    """Write the import template workbook to ``path`` and return it."""
    wb = W.new_workbook()
    _explain(wb, sheets)
    ranges = _options_sheet(wb, sheets)
    for sheet in sheets:
        _data_sheet(wb, sheet, ranges)
    wb.move_sheet("选项", offset=len(wb.sheetnames))
    wb.properties.title = "医养台账 台账导入模板"
    wb.active = 0
    path = Path(path)
    wb.save(path)
    return path
