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

from .forms import LAYOUTS, FormData

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")
COLS = 8  # every sheet is laid out on 8 columns; a grid uses them as label(2) value(2) label(2) value(2)


class TemplateError(Exception):
    """A template that cannot be filled; ``str(err)`` is Chinese and names the sheet and cell."""


# ---------------------------------------------------------------- building the shipped templates

def make_template(kind: str):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.page import PageMargins
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wb = Workbook()
    wb.remove(wb.active)
    for sheet_title, blocks in LAYOUTS[kind]:
        ws = wb.create_sheet(sheet_title)
        table_cols = max((len(b[2]) for b in blocks if b[0] == "table"), default=0)
        ncols = max(COLS, table_cols)
        for col in range(1, ncols + 1):
            ws.column_dimensions[_col(col)].width = 13 if ncols == COLS else 11
        row = 1
        header_rows = []

        def merged(r, c1, c2, value, *, font=None, align=wrap, border=True, height=None):
            cell = ws.cell(r, c1, value)
            cell.alignment = align
            if font:
                cell.font = font
            if c2 > c1:
                ws.merge_cells(start_row=r, start_column=c1, end_row=r, end_column=c2)
            if border:
                for c in range(c1, c2 + 1):
                    ws.cell(r, c).border = box
            if height:
                ws.row_dimensions[r].height = height
            return cell

        for block in blocks:
            kind_ = block[0]
            if kind_ == "title":
                merged(row, 1, ncols, block[1], font=Font(size=16, bold=True), align=center, border=False, height=32)
                row += 1
            elif kind_ == "note":
                merged(row, 1, ncols, block[1], font=Font(size=10), align=center, border=False)
                row += 1
            elif kind_ == "grid":
                pairs = block[1]
                for i in range(0, len(pairs), 2):
                    for j, (label, key) in enumerate(pairs[i:i + 2]):
                        c = 1 + 4 * j
                        merged(row, c, c + 1, label, font=Font(bold=True), align=center)
                        merged(row, c + 2, c + 3, "{{" + key + "}}")
                    ws.row_dimensions[row].height = 22
                    row += 1
            elif kind_ == "wide":
                merged(row, 1, 2, block[1], font=Font(bold=True), align=center)
                merged(row, 3, ncols, "{{" + block[2] + "}}", height=60 if "简介" in block[1] else 22)
                row += 1
            elif kind_ == "table":
                spans = _spans(len(block[2]), ncols)
                for (header, _f), (c1, c2) in zip(block[2], spans):
                    merged(row, c1, c2, header, font=Font(bold=True), align=center)
                header_rows.append(row)
                row += 1
                for (_h, f), (c1, c2) in zip(block[2], spans):
                    merged(row, c1, c2, "{{" + block[1] + "." + f + "}}")
                row += 1
            elif kind_ == "text":
                merged(row, 1, ncols, block[1], border=False, height=48)
                row += 1
            elif kind_ == "sign":
                parts = block[1]
                spans = _spans(len(parts), ncols)
                for text, (c1, c2) in zip(parts, spans):
                    merged(row, c1, c2, text, border=False, align=center)
                ws.row_dimensions[row].height = 28
                row += 1
            elif kind_ == "review":
                cell = ws.cell(row, 1, block[1])
                cell.font, cell.alignment = Font(bold=True), center
                first = row
                for line in block[2]:
                    merged(row, 3, ncols, line, height=22)
                    row += 1
                ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=2)
                for r in range(first, row):
                    for c in (1, 2):
                        ws.cell(r, c).border = box
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if ncols > COLS else "portrait"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.print_options.horizontalCentered = True
        if len(header_rows) == 1 and sheet_title != "申请表":
            ws.print_title_rows = f"{header_rows[0]}:{header_rows[0]}"
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    return wb


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(n)


def _spans(n: int, ncols: int) -> list[tuple[int, int]]:
    """Split ``ncols`` columns into ``n`` contiguous spans (the last ones get the spare columns)."""
    base, extra = divmod(ncols, n)
    out, c = [], 1
    for i in range(n):
        width = base + (1 if i >= n - extra else 0)
        out.append((c, c + width - 1))
        c += width
    return out


# ---------------------------------------------------------------- filling a template

def _substitute(text: str, values: dict, where: str):
    """Replace placeholders in one cell's text; a cell that is exactly one placeholder keeps the value's type."""
    whole = PLACEHOLDER.fullmatch(text.strip())
    if whole:
        key = whole.group(1)
        if key not in values:
            raise TemplateError(f"{where}：模板中的占位符“{{{{{key}}}}}”无法识别")
        value = values[key]
        return "" if value is None else value

    def one(m):
        key = m.group(1)
        if key not in values:
            raise TemplateError(f"{where}：模板中的占位符“{{{{{key}}}}}”无法识别")
        value = values[key]
        return "" if value is None else str(value)
    return PLACEHOLDER.sub(one, text)


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
            plan[col] = ("one", whole.group(1)) if whole else ("text", local)
        else:
            plan[col] = ("fixed", value)
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
            how, what = plan[col]
            if how == "fixed":
                cell.value = what
            elif item is None:
                cell.value = None
            elif how == "one":
                v = item.get(what)
                cell.value = "" if v is None else v
            else:
                cell.value = PLACEHOLDER.sub(lambda m: "" if item.get(m.group(1)) is None else str(item.get(m.group(1))),
                                             what)
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
    _check_placeholders(wb, data)
    for ws in wb.worksheets:
        row = 1
        while row <= ws.max_row:
            cells = [c for c in ws[row] if isinstance(c.value, str) and "{{" in c.value]
            tables = {k.partition(".")[0] for c in cells for k in _fields(c.value) if "." in k}
            if tables:
                table = sorted(tables)[0]
                if table not in data.tables:
                    raise TemplateError(f"{ws.title}!第{row}行：模板中的表格“{table}”无法识别（可用：{'、'.join(data.tables)}）")
                added = _repeat_row(ws, row, data.tables[table], table)
                row += added + 1
                continue
            for c in cells:
                c.value = _substitute(c.value, data.values, f"{ws.title}!{c.coordinate}")
            row += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    wb.save(tmp)
    tmp.replace(out)
    return out


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
