"""Excel application forms: building the shipped templates from the layouts, and filling any template.

Filling works on the shipped template or on a city's own one saved in the data folder's ``templates/`` folder
under the same file name: every ``{{名称}}`` in a cell is replaced; a row holding ``{{表名.列名}}`` placeholders is
repeated once per row of that table (styles, heights and the merged cells below it move down with it).
An unknown placeholder is an error naming the sheet, the cell and the placeholder.
"""
from __future__ import annotations

import copy
import re
from pathlib import Path

from . import workbook as W
from .forms import LAYOUTS, TOTAL_LABEL, FormData, field_kind, total_key, with_totals

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")
COLS = 8  # every sheet is laid out on 8 columns; a grid uses them as label(2) value(2) label(2) value(2)


class TemplateError(Exception):
    """A template that cannot be filled; ``str(err)`` is Chinese and names the sheet and cell."""


# ---------------------------------------------------------------- building the shipped templates

# Column widths of the list sheets (one table, one column per field: 床位清单, 花名册, 人员 …), so that the usual
# values fit on one line; longer ones wrap and the row grows.
WIDTHS = {"月份": 6, "序号": 5, "姓名": 9, "性别": 5, "年龄": 5, "身份证号": 20, "户籍": 5, "类别": 10, "能力等级": 24,
          "床位": 16, "床位类型": 14, "举办方式": 9, "投入使用日期": 12, "租赁到期日": 12, "金额": 13, "计算依据": 30,
          "原因": 40, "入住日期": 12, "标准": 11, "计入月数": 8, "岗位": 10, "职称": 10, "执业证书编号": 17,
          "资格证书编号": 17, "首次注册": 9, "用工": 6, "到岗日期": 12, "材料": 60, "准备情况": 16}


def make_template(kind: str):
    from openpyxl.styles import Alignment
    box = W.border()
    wrap = Alignment(wrap_text=True, vertical="center")
    center = W.align(center=True)
    bold = W.font(bold=True)
    wb = W.new_workbook()
    wb.remove(wb.active)
    for sheet_title, blocks in LAYOUTS[kind]:
        ws = wb.create_sheet(sheet_title)
        tables = [b for b in blocks if b[0] == "table"]
        table_cols = max((len(b[2]) for b in tables), default=0)
        is_list = len(tables) == 1 and all(b[0] in ("title", "note", "table") for b in blocks)
        ncols = len(tables[0][2]) if is_list else max(COLS, table_cols)
        for col in range(1, ncols + 1):
            ws.column_dimensions[_col(col)].width = 13
        if is_list:
            for col, (_h, f) in enumerate(tables[0][2], start=1):
                ws.column_dimensions[_col(col)].width = WIDTHS.get(f, 10)
        row = 1
        header_rows = []

        def merged(r, c1, c2, value, *, font=None, align=wrap, border=True, height=None):
            cell = ws.cell(r, c1)
            if value is not None:
                W.set_text(cell, value)
            cell.alignment = align
            cell.font = font or W.font()
            if c2 > c1:
                ws.merge_cells(start_row=r, start_column=c1, end_row=r, end_column=c2)
            if border:
                for c in range(c1, c2 + 1):
                    ws.cell(r, c).border = box
            if height:
                ws.row_dimensions[r].height = height
            return cell

        def placeholder(key):
            return "{{" + key + "}}"

        for block in blocks:
            kind_ = block[0]
            if kind_ == "title":
                merged(row, 1, ncols, block[1], font=W.font(size=16, bold=True), align=center, border=False, height=32)
                row += 1
            elif kind_ == "note":
                merged(row, 1, ncols, block[1], font=W.font(size=10), align=center, border=False)
                row += 1
            elif kind_ == "grid":
                pairs = block[1]
                for i in range(0, len(pairs), 2):
                    for j, (label, key) in enumerate(pairs[i:i + 2]):
                        c = 1 + 4 * j
                        merged(row, c, c + 1, label, font=bold, align=center)
                        merged(row, c + 2, c + 3, placeholder(key), align=W.align(field_kind(key)))
                    ws.row_dimensions[row].height = 22
                    row += 1
            elif kind_ == "wide":
                merged(row, 1, 2, block[1], font=bold, align=center)
                merged(row, 3, ncols, placeholder(block[2]), height=60 if "简介" in block[1] else 22)
                row += 1
            elif kind_ == "table":
                name, cols, totals = block[1], block[2], (block[3] if len(block) > 3 else ())
                spans = _spans(len(cols), ncols)
                for (header, _f), (c1, c2) in zip(cols, spans):
                    merged(row, c1, c2, header, font=bold, align=center)
                header_rows.append(row)
                row += 1
                for (_h, f), (c1, c2) in zip(cols, spans):
                    merged(row, c1, c2, placeholder(name + "." + f), align=W.align(field_kind(f)))
                row += 1
                if totals:
                    for n, ((_h, f), (c1, c2)) in enumerate(zip(cols, spans)):
                        value = TOTAL_LABEL if n == 0 else placeholder(total_key(name, f)) if f in totals else None
                        merged(row, c1, c2, value, font=bold,
                               align=center if n == 0 else W.align(field_kind(f)))
                    row += 1
            elif kind_ == "text":
                merged(row, 1, ncols, block[1], border=False, height=48)
                row += 1
            elif kind_ == "sign":
                parts = block[1]
                spans = _spans(len(parts), ncols, spare_first=True)
                for text, (c1, c2) in zip(parts, spans):
                    merged(row, c1, c2, text, border=False, align=center)
                ws.row_dimensions[row].height = 28
                row += 1
            elif kind_ == "review":
                cell = ws.cell(row, 1)
                W.set_text(cell, block[1])
                cell.font, cell.alignment = bold, center
                first = row
                for line in block[2]:
                    merged(row, 3, ncols, line, height=20)
                    row += 1
                ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=2)
                for r in range(first, row):
                    for c in (1, 2):
                        ws.cell(r, c).border = box
        W.print_setup(ws, title_rows=(header_rows[0], header_rows[0]) if is_list else None, last_row=row - 1,
                      last_col=ncols, landscape=None if is_list else ncols > COLS)
    return wb


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(n)


def _spans(n: int, ncols: int, *, spare_first: bool = False) -> list[tuple[int, int]]:
    """Split ``ncols`` columns into ``n`` contiguous spans (the last ones get the spare columns, or the first)."""
    base, extra = divmod(ncols, n)
    out, c = [], 1
    for i in range(n):
        width = base + (1 if (i < extra if spare_first else i >= n - extra) else 0)
        out.append((c, c + width - 1))
        c += width
    return out


# ---------------------------------------------------------------- filling a template

def _substitute(cell, values: dict, where: str) -> None:
    """Replace the placeholders in one cell: a cell that is exactly one placeholder gets the value typed by the
    placeholder's kind (a number, a date); any other text stays text."""
    text = cell.value
    whole = PLACEHOLDER.fullmatch(text.strip())
    if whole:
        key = whole.group(1)
        if key not in values:
            raise TemplateError(f"{where}：模板中的占位符“{{{{{key}}}}}”无法识别")
        W.set_value(cell, values[key], field_kind(key), keep_format=True)
        return

    def one(m):
        key = m.group(1)
        if key not in values:
            raise TemplateError(f"{where}：模板中的占位符“{{{{{key}}}}}”无法识别")
        value = values[key]
        return "" if value is None else str(value)
    W.set_text(cell, PLACEHOLDER.sub(one, text))


def _repeat_row(ws, row: int, items: list[dict], table: str) -> int:
    """Repeat template row ``row`` once per item (at least once, left blank when there are none).
    Returns how many rows were added.

    The rows below move down once (one ``insert_rows``); each template cell is worked out once per column (a fixed
    value, one placeholder or a text with placeholders) and every new cell gets a copy of its column's style;
    the template row's merged cells are repeated without openpyxl's per-merge border rebuild."""
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.worksheet.cell_range import CellRange
    extra = max(len(items), 1) - 1
    template = {c.column: (c.value, copy.copy(c._style), isinstance(c, MergedCell)) for c in ws[row]}
    height = ws.row_dimensions[row].height
    row_merges = [CellRange(r.coord) for r in ws.merged_cells.ranges if r.min_row == row == r.max_row]
    if extra:
        below = [CellRange(r.coord) for r in ws.merged_cells.ranges if r.min_row > row]
        for r in below:
            ws.unmerge_cells(r.coord)
        heights = {r: ws.row_dimensions[r].height for r in range(row + 1, ws.max_row + 1)}
        ws.insert_rows(row + 1, extra)
        for r, h in heights.items():
            ws.row_dimensions[r + extra].height = h
        for r in below:
            r.shift(row_shift=extra)
            ws.merge_cells(r.coord)
    plan = {}  # column → ("fixed", value) | ("one", field) | ("text", template text with the row's field names)
    for col, (value, _style, covered) in template.items():
        if covered:
            continue
        where = f"{ws.title}!{_col(col)}{row}"
        if isinstance(value, str) and "{{" in value:
            def field(m):
                key = m.group(1)
                name, _, col_name = key.partition(".")
                if name != table:
                    raise TemplateError(f"{where}：同一行只能放一个表格的占位符（{key}）")
                return "{{" + col_name + "}}"
            local = PLACEHOLDER.sub(field, value)
            whole = PLACEHOLDER.fullmatch(local.strip())
            plan[col] = ("one", whole.group(1), field_kind(whole.group(1))) if whole else ("text", local, None)
        else:
            plan[col] = ("fixed", value, None)
    cells, dims = ws._cells, ws.row_dimensions
    for i in range(max(len(items), 1)):
        item = items[i] if items else None
        r = row + i
        for col, (value, style, covered) in template.items():
            cell = cells.get((r, col)) if i == 0 else None  # the template row keeps its own cell objects
            if cell is None:
                cell = cells[r, col] = MergedCell(ws, r, col) if covered else Cell(ws, row=r, column=col)
            cell._style = copy.copy(style)
            if covered:
                continue
            how, what, kind = plan[col]
            if how == "fixed":
                cell.value = what  # the template's own text, number or formula
            elif item is None:
                cell.value = None
            elif how == "one":
                W.set_value(cell, item.get(what), kind, keep_format=True)
            else:
                W.set_text(cell, PLACEHOLDER.sub(
                    lambda m: "" if item.get(m.group(1)) is None else str(item.get(m.group(1))), what))
        if i:
            dims[r].height = height
            for m in row_merges:
                _merge_new(ws, r, m.min_col, m.max_col, cells[r, m.min_col])
    return extra


def _merge_new(ws, row: int, c1: int, c2: int, start_cell) -> None:
    """Merge cells of a freshly inserted row like the template row. ``ws.merge_cells`` checks the new range
    against every merged range of the sheet and rebuilds borders through the style table, which makes a
    10,000-row table slow; a new row overlaps nothing and its cells already carry the template row's styles
    (the borders the template's merge produced)."""
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.merge import MergedCellRange
    m = MergedCellRange.__new__(MergedCellRange)
    m.ws = ws
    CellRange.__init__(m, min_col=c1, min_row=row, max_col=c2, max_row=row)
    m.start_cell = start_cell
    ws.merged_cells.ranges.add(m)


def _fields(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


def fill_workbook(template: Path, data: FormData, out: Path) -> Path:
    from openpyxl import load_workbook
    try:
        wb = load_workbook(template)
    except Exception as e:  # noqa: BLE001 - any unreadable file gets the same clear message
        raise TemplateError(f"无法打开模板 {template}：{e}") from e
    data = with_totals(data)
    _check_placeholders(wb, data)
    for ws in wb.worksheets:
        added_rows, last_filled = 0, 0
        row = 1
        while row <= ws.max_row:
            cells = [c for c in ws[row] if isinstance(c.value, str) and "{{" in c.value]
            tables = {k.partition(".")[0] for c in cells for k in _fields(c.value) if "." in k}
            if tables:
                table = sorted(tables)[0]
                if table not in data.tables:
                    raise TemplateError(f"{ws.title}!第{row}行：模板中的表格“{table}”无法识别（可用：{'、'.join(data.tables)}）")
                added = _repeat_row(ws, row, data.tables[table], table)
                added_rows += added
                row += added + 1
                last_filled = row - 1
                continue
            for c in cells:
                _substitute(c, data.values, f"{ws.title}!{c.coordinate}")
            if cells:
                last_filled = row
            row += 1
        W.fit_rows(ws, keep_taller=True)
        _extend_print_area(ws, added_rows)
        # the declaration, signatures and the offices' opinion blocks below the last figures stay on one page
        W.keep_together(ws, [(last_filled + 1, ws.max_row)] if last_filled < ws.max_row else [])
    return W.save(wb, out)


def _extend_print_area(ws, added: int) -> None:
    """openpyxl does not move the print area when rows are inserted: make it reach the rows the tables added."""
    if not added or not ws.print_area:
        return
    areas = []
    for area in str(ws.print_area).split(","):
        m = re.search(r"\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)", area)
        if not m:
            return
        a, r1, b, r2 = m.groups()
        areas.append(f"{a}{r1}:{b}{int(r2) + added}")
    ws.print_area = areas


def _check_placeholders(wb, data: FormData) -> None:
    """Every placeholder of the template must be known, reported with its cell as the template has it."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if not (isinstance(c.value, str) and "{{" in c.value):
                    continue
                for key in _fields(c.value):
                    table, dot, column = key.partition(".")
                    known = (table in data.tables and (not data.tables[table] or column in data.tables[table][0])) \
                        if dot else key in data.values
                    if not known:
                        raise TemplateError(f"{ws.title}!{c.coordinate}：模板中的占位符“{{{{{key}}}}}”无法识别")


def template_path(kind: str) -> tuple[Path, bool]:
    """The template to fill: the user's own one in the data folder if present, else the shipped one."""
    from ..assets import resource_path
    from ..paths import data_dir
    name = f"{kind}.xlsx"
    user = data_dir() / "templates" / name
    if user.is_file():
        return user, True
    return resource_path("templates", name), False
