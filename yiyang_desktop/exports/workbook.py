"""The one workbook writer: how every exported .xlsx writes its cells and prints.

Every workbook the program writes (application forms, monthly returns, grade lists, the audit export, the import
template) goes through these helpers, so that they all print the same way from Excel, WPS and LibreOffice:

- **values typed once**: text is always stored as text (never a formula: a resident called ``=HYPERLINK(…)``
  stays a name), counts as integers, 元 as numbers with ``#,##0.00`` (from integer fen or exact yuan
  ``Decimal``/text, never float), dates as dates shown ``yyyy-mm-dd``;
- **row heights that fit** wrapped text, computed from the text and the column (or merged columns) width, CJK
  characters counting double;
- **A4 print setup**: orientation from the sheet's width, fit to page width, repeated header rows, margins,
  the footer 第 &P 页 共 &N 页, and a print area.

openpyxl loads lazily (the functions import it on first use).
"""
from __future__ import annotations

from pathlib import Path

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

FONT_NAME = "宋体"  # the Chinese office default (SimSun); WPS/Excel have it, LibreOffice substitutes a CJK font
FONT_SIZE = 10.5
MONEY = "#,##0.00"
COUNT = "0"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm:ss"
PERCENT = "0.0"  # a percentage as a number of per cent (81.1, rounded once by domain.figures), unit beside it
FOOTER = "第 &P 页 共 &N 页"
PORTRAIT_WIDTH = 110  # column-width units printed across A4 portrait (a little over 100 %: fit to width shrinks)
LINE = 1.45  # row height per line of text, in points per point of font size (CJK fonts have tall lines)
PAD = 4.0    # points above and below the text in a row

_FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r", "\n")  # what Excel/WPS/LibreOffice may read as the start of a formula
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters the .xlsx XML cannot hold
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?")


# ---------------------------------------------------------------- values

def set_text(cell, value) -> None:
    """Store ``value`` as text whatever it looks like: never a formula, never a number."""
    text = _ILLEGAL.sub("", str(value))
    cell.value = text
    cell.data_type = "s"  # openpyxl makes "=…" a formula; the writer then emits <f>. Force a plain string.
    if text.startswith(_FORMULA_LEAD) or _looks_numeric(text):
        cell.quotePrefix = True  # and Excel/WPS keep it text when the cell is edited


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def yuan(value) -> Decimal | None:
    """Exact yuan from integer fen (int) or from yuan as Decimal or text ("204000.00", "204,000.00")."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise TypeError("money cannot be a bool")
    if isinstance(value, int):
        return (Decimal(value) / 100).quantize(Decimal("0.01"))
    if isinstance(value, Decimal):
        return value.quantize(Decimal("0.01"))
    if isinstance(value, str):
        try:
            return Decimal(value.replace(",", "").strip()).quantize(Decimal("0.01"))
        except InvalidOperation:
            return None
    raise TypeError(f"money must be fen (int) or exact yuan (Decimal/str), not {type(value).__name__}")


def set_value(cell, value, kind: str | None = None, *, keep_format: bool = False) -> None:
    """Write ``value`` typed by ``kind``: "text", "count", "money", "date", "datetime", "percent", "number", or None
    (by the value's own type: str → text, int → count, Decimal → money, date → date).

    A value that does not fit its kind (a "—" in a money column, "是" in a count column) is written as text.
    ``keep_format``: a cell that already has a number format of its own (a city's template) keeps it."""
    def fmt(code: str) -> None:
        if not (keep_format and cell.number_format not in ("General", "@")):
            cell.number_format = code

    if value is None or value == "":
        cell.value = None
        return
    if kind is None:
        kind = ("count" if isinstance(value, int) and not isinstance(value, bool) else
                "money" if isinstance(value, Decimal) else
                "datetime" if isinstance(value, dt.datetime) else
                "date" if isinstance(value, dt.date) else "text")
    if kind == "money":
        amount = yuan(value)
        if amount is not None:
            cell.value = amount
            fmt(MONEY)
            return
    elif kind == "count":
        if isinstance(value, int) and not isinstance(value, bool):
            cell.value = value
            fmt(COUNT)
            return
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
            cell.value = int(value)
            fmt(COUNT)
            return
    elif kind in ("percent", "number"):
        number = value if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) else None
        if isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value.strip()):
            number = Decimal(value.strip())
        if number is not None:
            cell.value = number
            if kind == "percent":
                fmt(PERCENT)
            return
    elif kind == "date":
        day = value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None
        if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
            day = dt.date.fromisoformat(value.strip())
        if day is not None:
            cell.value = day
            fmt(DATE)
            return
    elif kind == "datetime":
        at = value if isinstance(value, dt.datetime) else None
        if isinstance(value, str) and _ISO_STAMP.fullmatch(value.strip()):
            at = dt.datetime.fromisoformat(value.strip().replace(" ", "T"))
        if at is not None:
            cell.value = at.replace(tzinfo=None)
            fmt(DATETIME)
            return
    if isinstance(value, bool):
        value = "是" if value else "否"
    set_text(cell, value)


def is_numeric_kind(kind: str | None) -> bool:
    return kind in ("money", "count", "percent", "number")


# ---------------------------------------------------------------- styles

def font(*, size: float = FONT_SIZE, bold: bool = False, italic: bool = False, color: str | None = None):
    from openpyxl.styles import Font
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color)


def border():
    from openpyxl.styles import Border, Side
    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def align(kind: str | None = None, *, center: bool = False, top: bool = False):
    """Wrapped text, vertically centred; numbers right-aligned with one indent so that neighbouring figures never
    touch; dates centred."""
    from openpyxl.styles import Alignment
    vertical = "top" if top else "center"
    if center:
        return Alignment(horizontal="center", vertical=vertical, wrap_text=True)
    if is_numeric_kind(kind):
        return Alignment(horizontal="right", vertical=vertical, indent=1)
    if kind in ("date", "datetime"):
        return Alignment(horizontal="center", vertical=vertical)
    return Alignment(horizontal="left", vertical=vertical, wrap_text=True)


def new_workbook():
    """A workbook whose default (Normal) font is the Chinese one, so empty cells and column units match."""
    from openpyxl import Workbook
    wb = Workbook()
    set_default_font(wb)
    return wb


def part_of(out) -> Path:
    """The temporary name a file is written under (its folder made first); renamed to ``out`` once complete, so
    a half-written Excel or PDF never stands under the real name."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    return out.with_name(out.name + ".part")


def save(wb, out) -> Path:
    """Save ``wb`` as ``out`` through :func:`part_of`."""
    tmp = part_of(out)
    wb.save(tmp)
    tmp.replace(out)
    return Path(out)


def set_default_font(wb) -> None:
    """Make the Chinese font the workbook's font 0 and the Normal style's (a fresh workbook only)."""
    from copy import copy

    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList
    normal = Font(name=FONT_NAME, size=FONT_SIZE)
    wb._fonts = IndexedList([normal])  # font 0: every cell without a font of its own
    for style in wb._named_styles:
        if style.name == "Normal":
            style.font = copy(normal)  # the unit of column widths is this font's digit


# ---------------------------------------------------------------- sizes

def text_units(text: str) -> float:
    """Width of ``text`` in column-width units: wide (CJK, full-width) characters count 2, others 1."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.0 for ch in text)


def lines_needed(text: str, width_units: float, size: float = FONT_SIZE) -> int:
    """Lines ``text`` wraps to in a column ``width_units`` wide at font ``size``."""
    scale = size / 11.0  # column units are measured in the 11-point digit width
    room = max(width_units - 1.0, 1.0)  # the cell's own padding
    return sum(max(1, math.ceil(text_units(part) * scale / room)) for part in str(text).split("\n"))


MAX_ROW_HEIGHT = 409.0  # Excel's largest row height (points); a longer text is cut off in print


def row_height(lines: int, size: float = FONT_SIZE) -> float:
    return min(round(lines * size * LINE + PAD, 1), MAX_ROW_HEIGHT)


def column_width(ws, col: int) -> float:
    from openpyxl.utils import get_column_letter
    dim = ws.column_dimensions.get(get_column_letter(col))
    return dim.width if dim is not None and dim.width else 8.43


def fit_rows(ws, first: int = 1, last: int | None = None, *, keep_taller: bool = True) -> None:
    """Give every row from ``first`` to ``last`` the height its wrapped text needs (merged cells count the width of
    all their columns). ``keep_taller``: a row already taller (a template's own height) keeps it."""
    last = ws.max_row if last is None else last
    widths: dict[int, float] = {}

    def width(c: int) -> float:
        if c not in widths:
            widths[c] = column_width(ws, c)
        return widths[c]
    spans: dict[tuple[int, int], int] = {}  # (row, first col) → last col of a one-row merge
    tall: set[tuple[int, int]] = set()      # top-left cells of merges over several rows: left alone
    for m in ws.merged_cells.ranges:
        if m.min_row == m.max_row:
            spans[(m.min_row, m.min_col)] = m.max_col
        else:
            tall.add((m.min_row, m.min_col))
    cells = ws._cells
    by_row: dict[int, list] = {}
    for (r, c), cell in cells.items():
        if first <= r <= last and cell.value is not None and cell.data_type in ("s", "n", "d"):
            by_row.setdefault(r, []).append(cell)
    dims = ws.row_dimensions
    for r in range(first, last + 1):
        need = 1
        size_of_row = FONT_SIZE
        for cell in by_row.get(r, ()):
            c = cell.column
            if (r, c) in tall:
                continue
            size = (cell.font.sz if cell.font is not None and cell.font.sz else FONT_SIZE)
            size_of_row = max(size_of_row, size)
            w = sum(width(x) for x in range(c, spans.get((r, c), c) + 1))
            text = cell.value if isinstance(cell.value, str) else _shown(cell.value)
            wraps = cell.alignment is not None and cell.alignment.wrap_text
            n = lines_needed(text, w, size) if wraps else 1 + str(text).count("\n")
            need = max(need, n)
        height = row_height(need, size_of_row)
        old = dims[r].height
        dims[r].height = max(height, old) if keep_taller and old else height


def _shown(v) -> str:
    """A value as a spreadsheet shows it with our number formats."""
    if isinstance(v, Decimal):
        return f"{v:,.2f}"
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def fit_widths(ws, kinds: list[str | None], headers: list[str], rows, *, least: float = 4.0, most: float = 40.0,
               first_col: int = 1) -> list[float]:
    """Column widths from the header and the values (shown as printed), between ``least`` and ``most`` units; longer
    text wraps (and :func:`fit_rows` makes the row tall enough). Returns the widths."""
    from openpyxl.utils import get_column_letter
    out = []
    for i, (kind, head) in enumerate(zip(kinds, headers)):
        widest = max((text_units(part) for part in head.split("\n")), default=0) * (FONT_SIZE + 0.5) / 11 + 2
        for row in rows:
            v = row[i]
            if v is None or v == "":
                continue
            shown = _display(v, kind)
            widest = max(widest, max(text_units(part) for part in shown.split("\n")) * FONT_SIZE / 11 + 2
                         + (1 if is_numeric_kind(kind) else 0))
        w = round(min(max(widest, least), most), 1)
        ws.column_dimensions[get_column_letter(first_col + i)].width = w
        out.append(w)
    return out


def _display(v, kind) -> str:
    if kind == "money":
        amount = yuan(v) if not isinstance(v, float) else None
        return f"{amount:,.2f}" if amount is not None else str(v)
    if isinstance(v, bool):
        return "是"
    return _shown(v)


# ---------------------------------------------------------------- printing

def print_setup(ws, *, title_rows: tuple[int, int] | None = None, last_row: int | None = None,
                last_col: int | None = None, landscape: bool | None = None, header: str | None = None,
                center: bool = True, area: bool = True, one_page: bool = False) -> None:
    """A4, fit to one page wide (any number of pages tall), margins, repeated header rows, page-number footer and a
    print area over the written cells (``area=False``: none, for a sheet the user fills in). ``landscape`` None:
    decided from the width of the printed columns. ``one_page``: shrink to one page (a form, not a list)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins
    last_row = last_row or ws.max_row
    last_col = last_col or ws.max_column
    if landscape is None:
        landscape = sum(column_width(ws, c) for c in range(1, last_col + 1)) > PORTRAIT_WIDTH
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, (1 if one_page else 0)
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = center
    if title_rows:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    if area:
        ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    for part in (ws.oddFooter.center, ws.evenFooter.center, ws.firstFooter.center):
        part.text, part.size, part.font = FOOTER, 9, f"{FONT_NAME},常规"
    if header:
        ws.oddHeader.center.text = header.replace("&", "&&")
        ws.oddHeader.center.size, ws.oddHeader.center.font = 9, f"{FONT_NAME},常规"


# ---------------------------------------------------------------- a simple list sheet

def write_table(ws, columns: list[tuple[str, str, str | None]], rows: list[dict], *, start_row: int = 1,
                total_label: str | None = None, totals: dict[str, object] | None = None, most: float = 40.0) -> int:
    """A bordered table: header row at ``start_row``, one row per dict (``columns`` = (key, header, kind)), and
    optionally a totals row (``total_label`` in the first column, ``totals[key]`` under its column). Widths fit the
    content, rows fit their wrapped text. Returns the last row written."""
    from openpyxl.styles import PatternFill
    box, head_fill = border(), PatternFill("solid", fgColor="EEEEEE")
    kinds = [k for _key, _h, k in columns]
    for c, (_key, head, _kind) in enumerate(columns, start=1):
        cell = ws.cell(start_row, c)
        set_text(cell, head)
        cell.font, cell.fill, cell.border, cell.alignment = font(bold=True), head_fill, box, align(center=True)
    body_font = font()
    aligns = [align(k) for k in kinds]
    r = start_row
    for item in rows:
        r += 1
        for c, (key, _h, kind) in enumerate(columns, start=1):
            cell = ws.cell(r, c)
            set_value(cell, item.get(key), kind)
            cell.font, cell.border, cell.alignment = body_font, box, aligns[c - 1]
    if total_label is not None:
        r += 1
        bold = font(bold=True)
        for c, (key, _h, kind) in enumerate(columns, start=1):
            cell = ws.cell(r, c)
            value = total_label if c == 1 else (totals or {}).get(key)
            set_value(cell, value, None if c == 1 else kind)
            cell.font, cell.border = bold, box
            cell.alignment = align(None if c == 1 else kind)
        # the label spans the columns before the first total, so that it never wraps in a narrow first column
        span = next((c for c, (key, _h, _k) in enumerate(columns, start=1) if c > 1 and key in (totals or {})),
                    len(columns) + 1) - 1
        if span > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=span)
    fit_widths(ws, kinds, [h for _k, h, _kind in columns],
               [[item.get(key) for key, _h, _kind in columns] for item in rows], most=most)
    fit_rows(ws, start_row, r, keep_taller=False)
    return r


# ---------------------------------------------------------------- page breaks

def page_capacity(ws) -> float:
    """The height of one printed page in the sheet's own points (before fit-to-width scaling), estimated from the
    paper, the margins and the printed columns' width (Excel: a column of width w is about 7·w + 5 pixels)."""
    landscape = ws.page_setup.orientation == "landscape"
    paper_w, paper_h = (11.69, 8.27) if landscape else (8.27, 11.69)
    m = ws.page_margins
    room_w, room_h = (paper_w - m.left - m.right) * 72, (paper_h - m.top - m.bottom) * 72
    last_col = ws.max_column
    area = ws.print_area
    if area:
        found = re.search(r":\$?([A-Z]+)\$?\d+", str(area))
        if found:
            from openpyxl.utils import column_index_from_string
            last_col = column_index_from_string(found.group(1))
    sheet_w = sum(int(column_width(ws, c) * 7 + 5) for c in range(1, last_col + 1)) * 0.75
    scale = min(1.0, room_w / sheet_w) if sheet_w else 1.0
    return room_h / scale * 0.96  # a little room for the differences between programs


def keep_together(ws, keep: list[tuple[int, int]] = (), first: int = 1, last: int | None = None) -> list[int]:
    """Put manual page breaks so that no block of rows in ``keep`` (and no cell merged over several rows) is cut
    by a page end, when the block fits on one page. Returns the rows a new page starts at."""
    from openpyxl.worksheet.pagebreak import Break
    last = ws.max_row if last is None else last
    units: dict[int, int] = {}
    for m in ws.merged_cells.ranges:
        if m.max_row > m.min_row:
            units[m.min_row] = max(units.get(m.min_row, m.min_row), m.max_row)
    for a, b in keep:
        units[a] = max(units.get(a, a), b)
    capacity = page_capacity(ws)

    def height(r: int) -> float:
        h = ws.row_dimensions[r].height
        return h if h else 15.0
    starts, used, r = [], 0.0, first
    while r <= last:
        end = units.get(r, r)
        inner = r
        while inner <= end:  # a unit holding the start of another one grows to cover it
            end = max(end, units.get(inner, inner))
            inner += 1
        h = sum(height(x) for x in range(r, end + 1))
        if h > capacity:  # taller than a page: it will be cut anyway; let its rows flow one by one
            end, h = r, height(r)
        if used + h > capacity and used > 0:
            ws.row_breaks.append(Break(id=r - 1))
            starts.append(r)
            used = 0.0
        used += h
        r = end + 1
    return starts
