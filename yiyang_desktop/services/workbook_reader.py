"""Reading an import workbook (.xlsx) safely: sizes checked before openpyxl reads it, bad cells marked.

An .xlsx is a zip archive of XML; a small file can unpack to gigabytes (a "zip bomb": 11 MB that took 4.7 GB of
memory) or declare a sheet of 16,384 × 1,048,576 cells. Before openpyxl reads anything:

* the archive's total uncompressed size (as its directory declares it; ``zipfile`` never inflates an entry past
  its declared size) must stay under ``MAX_UNPACKED``;
* each sheet's declared dimension (``<dimension ref="A1:K200"/>``) must stay under ``MAX_DECLARED_CELLS``;
* each sheet's XML is streamed once (never held whole) and must hold at most ``MAX_ROWS`` rows and reach at
  most column ``MAX_COLUMNS``. This pass also finds the cells whose value would mislead: an Excel error
  (``#REF!``, ``#N/A``…; openpyxl reads it as that text, so a room would be called ``#REF!``) and a formula whose
  file carries no computed value (openpyxl reads it as empty). Those cells are handed on as :class:`BadCell`,
  which the row checks refuse with the sheet and the cell's address (e.g. B7).

Every refusal is a ServiceError with a plain Chinese sentence naming the file; nothing is imported.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import ServiceError
from .permissions import public

MAX_UNPACKED = 200 * 1024 * 1024      # an import ledger of 5,000 residents unpacks to ≈ 5 MB
MAX_DECLARED_CELLS = 10_000_000       # 500,000 rows × 20 columns
MAX_ROWS = 200_000
MAX_COLUMNS = 200                     # the template has ≤ 20 columns; column GR
MAX_TEXT = 500                        # characters in one cell (the longest field, a note, takes 500)

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
_M = "{%s}" % NS["m"]
_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")


@dataclass(frozen=True)
class BadCell:
    """A cell whose value must not be imported: an error value or a formula without a computed value."""
    ref: str      # e.g. "B7"
    kind: str     # "error" | "formula"
    shown: str    # what Excel shows (#REF!) or the formula

    def __str__(self) -> str:
        return self.shown or self.ref

    def message(self) -> str:
        if self.kind == "error":
            return N_("msg", "单元格 {ref} 是错误值 {v}（公式出错或引用失效），请在 Excel 中改正后重新导入").format(
                ref=self.ref, v=self.shown)
        return N_("msg", "单元格 {ref} 是公式，但文件里没有保存它的计算结果（可能由其他程序生成），请在 Excel 中打开、"
                         "保存后再导入，或把公式换成数值").format(ref=self.ref)


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _refuse(path: Path, message: str) -> ServiceError:
    return ServiceError(message.format(path=path.name))


def _sheet_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet title, archive path of its XML) in workbook order."""
    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", NS)}
    out = []
    for sheet in wb.findall("m:sheets/m:sheet", NS):
        target = targets.get(sheet.get("{%s}id" % NS["r"]), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        out.append((sheet.get("name", ""), part))
    return out


def _declared_cells(ref: str) -> int:
    parts = ref.split(":")
    cells = [_REF.match(p.replace("$", "")) for p in parts]
    if not all(cells):
        return 0
    if len(cells) == 1:
        return 1
    (c1, r1), (c2, r2) = ((_col_number(m.group(1)), int(m.group(2))) for m in cells)
    return (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1)


@public("reads a workbook the user chose; nothing of the data file")
def scan(path: Path) -> dict[str, dict[tuple[int, int], BadCell]]:
    """Check sizes and find bad cells: {sheet title: {(row, column) 1-based: BadCell}}. Raises ServiceError."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as e:
        raise _refuse(path, N_("msg", "文件 {path} 已损坏或不是有效的 Excel 工作簿（.xlsx），无法导入")) from e
    with zf:
        unpacked = sum(max(i.file_size, 0) for i in zf.infolist())
        if unpacked > MAX_UNPACKED:
            raise ServiceError(N_("msg", "文件 {path} 解压后有 {mb} MB，远超导入台账应有的大小（上限 {limit} MB），"
                                         "可能已损坏或是恶意文件，没有导入").format(
                path=path.name, mb=unpacked // (1024 * 1024), limit=MAX_UNPACKED // (1024 * 1024)))
        try:
            parts = _sheet_parts(zf)
        except (KeyError, ET.ParseError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError) as e:  # a damaged entry, an unknown zip version, encryption
            raise _refuse(path, N_("msg", "文件 {path} 已损坏或不是有效的 Excel 工作簿（.xlsx），无法导入")) from e
        bad: dict[str, dict[tuple[int, int], BadCell]] = {}
        for title, part in parts:
            try:
                with zf.open(part) as f:
                    bad[title] = _scan_sheet(path, title, f)
            except KeyError as e:
                raise _refuse(path, N_("msg", "文件 {path} 已损坏或不是有效的 Excel 工作簿（.xlsx），无法导入")) from e
            except (ET.ParseError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
                    RuntimeError) as e:
                raise ServiceError(N_("msg", "文件 {path} 的工作表“{sheet}”已损坏，无法导入").format(
                    path=path.name, sheet=title)) from e
    return bad


def _scan_sheet(path: Path, title: str, f) -> dict[tuple[int, int], BadCell]:
    too_big = N_("msg", "文件 {path} 的工作表“{sheet}”大得不合常理（{what}），可能已损坏或是恶意文件，没有导入。"
                        "请只把台账数据复制到导入模板中再导入")
    bad: dict[tuple[int, int], BadCell] = {}
    rows = 0
    for event, el in ET.iterparse(f, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == _M + "dimension":
                n = _declared_cells(el.get("ref", ""))
                if n > MAX_DECLARED_CELLS:
                    raise ServiceError(too_big.format(path=path.name, sheet=title,
                                                      what=N_("msg", "声明的范围 {ref}").format(ref=el.get("ref"))))
            continue
        if tag == _M + "row":
            rows += 1
            if rows > MAX_ROWS:
                raise ServiceError(too_big.format(path=path.name, sheet=title,
                                                  what=N_("msg", "超过 {n} 行").format(n=MAX_ROWS)))
            el.clear()
        elif tag == _M + "c":
            ref = el.get("r", "")
            m = _REF.match(ref)
            if m and _col_number(m.group(1)) > MAX_COLUMNS:
                raise ServiceError(too_big.format(path=path.name, sheet=title,
                                                  what=N_("msg", "用到了第 {n} 列").format(n=_col_number(m.group(1)))))
            formula, value = el.find(_M + "f"), el.find(_M + "v")
            if m and el.get("t") == "e":
                bad[(int(m.group(2)), _col_number(m.group(1)))] = BadCell(ref, "error", value.text if value is not None else "")
            elif m and formula is not None and (value is None or value.text in (None, "")) and el.get("t") != "inlineStr":
                bad[(int(m.group(2)), _col_number(m.group(1)))] = BadCell(ref, "formula", f"={formula.text or ''}")
    return bad


@public("reads a workbook the user chose; nothing of the data file")
def read_book(path: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's rows as tuples of cell values, bad cells replaced by :class:`BadCell`. A file that is not a
    readable .xlsx, or is absurdly large, raises ServiceError."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise ServiceError(N_("msg", "无法读取文件 {path}：{err}").format(path=path, err=e.strerror or e)) from e
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ServiceError(N_("msg", "文件 {path} 是旧的 .xls 格式（或已加密），请在 Excel 或 WPS 中“另存为” .xlsx 后再导入")
                           .format(path=path.name))
    if not head.startswith(b"PK"):
        raise ServiceError(N_("msg", "文件 {path} 不是 Excel 工作簿（.xlsx），无法导入").format(path=path.name))
    bad = scan(path)
    try:
        from openpyxl import load_workbook
        wb = load_workbook(path, data_only=True, read_only=True)  # streamed: no Cell objects, ≈ 1/3 faster
        try:
            book = {}
            for ws in wb.worksheets:
                ws.reset_dimensions()  # never trust the file's stated size: it may cut rows or columns off
                marks = bad.get(ws.title, {})
                rows = []
                for n, row in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
                    row = row[:MAX_COLUMNS]
                    if marks:
                        row = tuple(marks.get((n, c), v) for c, v in enumerate(row, start=1))
                    rows.append(row)
                book[ws.title] = rows
            return book
        finally:
            wb.close()
    except ServiceError:
        raise
    except MemoryError as e:
        raise ServiceError(N_("msg", "文件 {path} 太大，内存不足，无法导入").format(path=path.name)) from e
    except Exception as e:  # noqa: BLE001 - a broken file makes zipfile/openpyxl raise many kinds; none reaches the user raw
        raise ServiceError(N_("msg", "文件 {path} 已损坏或不是有效的 Excel 工作簿（.xlsx），无法导入（{err}）")
                           .format(path=path.name, err=type(e).__name__)) from e
