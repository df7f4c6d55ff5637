"""Import of existing Excel ledgers: beds, residents with their current stay, staff, partners, past assessments.

Two stages, both run on every import:

1. **Row checks** (pure): each cell is read by a parser that returns a value or a Chinese problem, never raises —
   dates typed as text or numbers, ID numbers Excel turned into numbers, spaces, 是/否, choice lists.
   Duplicate rows inside the file are found here.
2. **Writes**, all inside ONE transaction: beds and residents (with their stay) through ``import_writer`` — the
   same checks as create_bed / create_resident / admit (the services' own check functions), every check of a row
   before its first insert, then plain prepared INSERTs (audit rows come from the triggers); staff, partners and
   assessments through the services (create_staff, create_partner), each in its own savepoint. Later rows see the
   earlier ones (a bed listed in the 床位 sheet can be used in the 入住老人 sheet). If any row has a problem, or
   for a dry run, the transaction is rolled back: all or nothing.

Records that already exist (bed label; resident ID number; staff ID number, or name + start date; partner USCC
or name; assessment resident + instrument + date) are skipped and reported "已存在，跳过"; they are never changed.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..domain import beds as B
from ..domain.assessment import InstrumentError, list_instruments
from ..domain.ids import IdInfo, IdNumberError, parse_id_number
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from . import assessments as A
from . import partners as P
from . import residents as R
from . import staff as S
from .base import Context, NotFound, ServiceError, ValidationError
from .accounts import requires
from .import_writer import ImportWriter
from .workbook_reader import MAX_TEXT, BadCell, read_book
from .permissions import public

SEQ = "序号"          # optional numbering column; a row whose 序号 is 示例 is the template's example, never imported
EXAMPLE = "示例"
HUKOU = ("本地", "外地")
YES, NO = "是", "否"


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str = "text"      # text | date | id | flag | choice | multi | int | instrument | seq
    required: bool = False
    options: tuple[str, ...] = ()
    note: str = ""
    example: Any = None
    width: int = 12


@dataclass(frozen=True)
class Sheet:
    name: str
    key: str
    columns: tuple[Column, ...]
    note: str = ""

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


def _instrument_names() -> tuple[str, ...]:
    try:
        return tuple(i.name for i in list_instruments())
    except InstrumentError:
        return ()


_SEQ = Column(SEQ, "", "seq", note="可不填。填“示例”的行是示例，不导入。", example=EXAMPLE, width=6)
EXAMPLE_ID = "110101194001010020"  # a made-up number with a correct check digit (女, 1940-01-01)
SHEETS: tuple[Sheet, ...] = (
    Sheet("床位", "beds", (
        _SEQ,
        Column("楼栋", "building", note="如 1号楼；只有一栋楼可不填", example="1号楼"),
        Column("楼层", "floor", note="如 2 或 2层", example="2"),
        Column("房间号", "room", required=True, example="201"),
        Column("床号", "number", required=True, example="1", width=8),
        Column("床位类型", "bed_type", "choice", True, B.BED_TYPES, example="护理型床位", width=14),
        Column("医疗床位子类型", "sub_type", "choice", False, B.MEDICAL_SUBTYPES, note="只有医疗床位填写", width=14),
        Column("床位来源", "provision", "choice", False, B.PROVISIONS, note="不填按“新建”", example="新建"),
        Column("租赁到期日", "lease_end_date", "date", note="床位来源为“租赁”时必填", width=13),
        Column("投入使用日期", "service_date", "date", True, example=dt.date(2020, 1, 1), width=13),
        Column("备注", "note", width=20),
    ), "每行一张床位。楼栋、楼层、房间号、床号合起来不能重复；已存在的床位跳过。"),
    Sheet("入住老人", "residents", (
        _SEQ,
        Column("姓名", "name", required=True, example="王秀英"),
        Column("身份证号", "id_number", "id", True, note="18位，请设为文本格式", example=EXAMPLE_ID, width=21),
        Column("性别", "sex", "choice", False, R.SEXES, note="不填则按身份证号", example="女", width=6),
        Column("出生日期", "birth_date", "date", note="不填则按身份证号；填了须与身份证号一致", width=13),
        Column("户籍", "hukou", "choice", True, HUKOU, example="本地", width=8),
        Column("户籍地址", "hukou_address", width=20),
        Column("人员类别", "categories", "multi", False, R.CATEGORIES, note="可填多个，用顿号“、”隔开", example="低保"),
        Column("医疗保险", "medical_insurance", "choice", False, R.INSURANCES, example="城乡居民"),
        Column("长护险", "ltc_insurance", "flag", note="是否参加长期护理保险：是/否，不填为否", example=NO, width=8),
        Column("电话", "phone", width=14),
        Column("入住日期", "admission_date", "date", True, example=dt.date(2024, 3, 1), width=13),
        Column("床位", "bed", required=True, note="楼栋-楼层-房间号-床号，与程序中的床位名称一致，如 1号楼-2层-201-1",
               example="1号楼-2层-201-1", width=18),
        Column("紧急联系人", "contact_name", example="李明"),
        Column("与老人关系", "contact_relation", example="儿子", width=10),
        Column("联系人电话", "contact_phone", example="13800000000", width=14),
        Column("备注", "note", width=20),
    ), "每行一位在住老人及其本次入住。身份证号已登记的老人跳过（不修改）；已登记但未在住的老人按本行办理入住。"),
    Sheet("人员", "staff", (
        _SEQ,
        Column("姓名", "name", required=True, example="赵丽"),
        Column("身份证号", "id_number", "id", note="可不填；填写则须正确，请设为文本格式", width=21),
        Column("岗位", "role", "choice", True, S.ROLES, example="注册护士", width=13),
        Column("职称", "title", example="护师"),
        Column("执业证书编号", "practice_cert_no", note="执业医师、执业助理医师必填", width=16),
        Column("资格证书编号", "qualification_cert_no", width=16),
        Column("其他证书", "other_certs", width=16),
        Column("第一注册地", "first_registration", "flag", note="医师是否以本机构为第一注册地：是/否", width=10),
        Column("用工方式", "employment", "choice", False, S.EMPLOYMENTS, note="不填按“全职”", example="全职", width=10),
        Column("入职日期", "start_date", "date", True, example=dt.date(2022, 5, 1), width=13),
        Column("离职日期", "end_date", "date", width=13),
        Column("电话", "phone", width=14),
        Column("备注", "note", width=20),
    ), "每行一名员工。按身份证号（没有身份证号时按姓名+入职日期）判断是否已登记，已登记的跳过。"),
    Sheet("合作医疗机构", "partners", (
        _SEQ,
        Column("机构名称", "name", required=True, example="某某县人民医院", width=22),
        Column("统一社会信用代码", "uscc", note="18位，可不填", width=21),
        Column("机构类别", "kind", "choice", True, P.PARTNER_KINDS, example="综合医院", width=16),
        Column("医院等级", "level", "choice", False, P.LEVELS, note="不填按“未定级”", example="二级", width=10),
        Column("医保定点", "insurance_designated", "flag", note="是/否", example=YES, width=9),
        Column("地址", "address", width=20),
        Column("总机电话", "phone", width=14),
        Column("距离（公里）", "distance_km", example="3.5", width=11),
        Column("车程（分钟）", "travel_minutes", "int", note="0至1440的整数", example=10, width=11),
        Column("联系人", "contact_name", width=10),
        Column("联系人职务", "contact_role", width=12),
        Column("联系人电话", "contact_phone", width=14),
        Column("备注", "note", width=20),
    ), "每行一家签约或合作的医疗机构。按统一社会信用代码或机构名称判断是否已登记，已登记的跳过。协议在程序中录入。"),
    Sheet("历史评估", "assessments", (
        _SEQ,
        Column("身份证号", "id_number", "id", True, note="老人的身份证号；老人须已登记或在本文件“入住老人”表中",
               example=EXAMPLE_ID, width=21),
        Column("姓名", "name", note="可不填；填了须与身份证号对应的老人一致", example="王秀英"),
        Column("评估标准", "instrument", "instrument", True, _instrument_names(),
               note="从下拉列表选择，也可填标准编号（如 GB/T 42195-2022、MZ/T 039-2013）",
               example=next(iter(_instrument_names()), None), width=30),
        Column("评估日期", "assessed_on", "date", True, example=dt.date(2025, 6, 10), width=13),
        Column("评估原因", "reason", "choice", False, A.REASONS, note="不填按“常规评估”", example="常规评估", width=10),
        Column("最终等级", "grade", note="纸质记录上的最终等级：等级名称（如 轻度失能）或等级数字（0为最好）",
               example="能力完好", width=22),
        Column("总分", "total", "int", note="纸质记录上的总分；该标准不计总分时留空", example=88, width=8),
        Column("评估员1", "assessor1", width=10),
        Column("评估员2", "assessor2", width=10),
        Column("备注", "note", width=20),
    ), "每行一次已完成的纸质评估，按纸质记录的最终等级（和总分）登记为“已完成”，标注为导入记录，没有逐项得分。"
       "同一老人、同一标准、同一日期的评估已存在时跳过。"),
)
SHEETS_BY_NAME = {s.name: s for s in SHEETS}
NON_DATA_SHEETS = ("说明", "选项")


# --- cell parsers: (value, None) or (None, Chinese problem); they never raise ---------------------------------
_WS = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")


def clean_text(value: Any) -> str | None:
    """A cell as trimmed text (numbers without a trailing .0, dates as 2026-01-31); None when empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return str(value)
    text = _WS.sub(" ", str(value)).strip()
    return text or None


@functools.lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    """For comparing choices: full-width → half-width, no spaces."""
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def parse_choice(value: Any, options: tuple[str, ...]) -> tuple[str | None, str | None]:
    text = clean_text(value)
    if text is None:
        return None, None
    for o in options:
        if _norm(o) == _norm(text):
            return o, None
    return None, N_("msg", "“{v}”不在可选范围：{opts}").format(v=text, opts="、".join(options))


def parse_multi(value: Any, options: tuple[str, ...]) -> tuple[list[str], str | None]:
    text = clean_text(value)
    if text is None:
        return [], None
    out = []
    for part in re.split(r"[、,，;；/／\s]+", text):
        if not part:
            continue
        v, problem = parse_choice(part, options)
        if problem:
            return [], problem
        if v not in out:
            out.append(v)
    return out, None


_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "有", "参加", "已参加"}
_FALSE = {"否", "n", "no", "false", "0", "×", "✗", "无", "未参加", "不是"}


def parse_flag(value: Any) -> tuple[bool | None, str | None]:
    if isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value), None
    text = clean_text(value)
    if text is None:
        return None, None
    key = _norm(text).lower()
    if key in _TRUE:
        return True, None
    if key in _FALSE:
        return False, None
    return None, N_("msg", "“{v}”应填“是”或“否”").format(v=text)


_DATE_RE = (re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
            re.compile(r"^(\d{4})(\d{2})(\d{2})$"))
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _sane(d: dt.date, shown: str) -> tuple[dt.date | None, str | None]:
    if not 1880 <= d.year <= 2100:
        return None, N_("msg", "日期“{v}”不合理").format(v=shown)
    return d, None


def parse_date(value: Any) -> tuple[dt.date | None, str | None]:
    """Excel dates, date-like numbers (20240115 or an Excel serial day number) and text such as 2024/1/15,
    2024.1.15 or 2024年1月15日."""
    if value is None or isinstance(value, bool):
        return (None, None) if value is None else (None, N_("msg", "“{v}”不是有效日期（请写成 2026-01-31）").format(v=value))
    if isinstance(value, dt.datetime):
        return _sane(value.date(), value.date().isoformat())
    if isinstance(value, dt.date):
        return _sane(value, value.isoformat())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value) or not float(value).is_integer():
            return None, N_("msg", "“{v}”不是有效日期（请写成 2026-01-31）").format(v=value)
        n = int(value)
        if 18800101 <= n <= 21001231:
            value = str(n)
        elif 1 <= n <= 80000:  # an Excel serial day number (the cell lost its date format)
            return _sane(_EXCEL_EPOCH + dt.timedelta(days=n), str(n))
        else:
            return None, N_("msg", "“{v}”不是有效日期（请写成 2026-01-31）").format(v=n)
    text = clean_text(value)
    if text is None:
        return None, None
    text = unicodedata.normalize("NFKC", text)
    for pattern in _DATE_RE:
        if m := pattern.match(text):
            try:
                return _sane(dt.date(int(m[1]), int(m[2]), int(m[3])), text)
            except ValueError:
                break
    return None, N_("msg", "“{v}”不是有效日期（请写成 2026-01-31）").format(v=text)


def parse_id(value: Any, today: dt.date) -> tuple[IdInfo | None, str | None]:
    """A 公民身份号码 from a cell. Excel keeps 15 significant digits, so a number typed without text format has
    already lost its last digits: say so instead of a puzzling checksum error."""
    if value is None:
        return None, None
    lost = N_("msg", "身份证号被 Excel 存成了数字（{v}），末尾几位已经丢失；请把这一列设为“文本”格式，重新输入完整的18位号码")
    if isinstance(value, bool):
        return None, N_("msg", "身份证号应为18位（现在是{n}位）").format(n=1)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None, lost.format(v=value)
        if value.is_integer() and abs(value) < 1e15:
            value = int(value)
        else:
            return None, lost.format(v=f"{value:.15g}")
    if isinstance(value, int):
        text = str(value)
        try:
            return parse_id_number(text, today=today), None
        except IdNumberError as e:
            if 16 <= len(text) <= 18 and text[15:].strip("0") == "":
                return None, lost.format(v=text)
            return None, message_of(e)
    text = clean_text(value)
    if text is None:
        return None, None
    text = unicodedata.normalize("NFKC", text).lstrip("'")
    if not text.isascii():  # e.g. digits of other scripts: isdigit() says yes, int() says no
        return None, N_("msg", "身份证号前17位应为数字，最后一位为数字或X")
    try:
        return parse_id_number(text, today=today), None
    except IdNumberError as e:
        return None, message_of(e)


def parse_int(value: Any, lo: int, hi: int) -> tuple[int | None, str | None]:
    bad = N_("msg", "“{v}”应为{lo}至{hi}之间的整数")
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, bad.format(v=value, lo=lo, hi=hi)
    if isinstance(value, float):
        if not (math.isfinite(value) and value.is_integer()):
            return None, bad.format(v=value, lo=lo, hi=hi)
        value = int(value)
    if isinstance(value, int):
        n = value
    else:
        text = clean_text(value)
        if text is None:
            return None, None
        text = unicodedata.normalize("NFKC", text)
        if not re.fullmatch(r"[+-]?\d{1,9}(\.0+)?", text):
            return None, bad.format(v=text, lo=lo, hi=hi)
        n = int(float(text))
    if not lo <= n <= hi:
        return None, bad.format(v=n, lo=lo, hi=hi)
    return n, None


# --- the report ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportProblem:
    sheet: str
    row: int        # as Excel shows it (1 = the first row)
    column: str     # the column header; "" for the whole row or file
    message: str

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "problem": str(self.message)}

    def line(self) -> str:
        where = N_("msg", "工作表“{sheet}”第{row}行").format(sheet=self.sheet, row=self.row) if self.sheet else ""
        col = N_("msg", "“{col}”列").format(col=self.column) if self.column else ""
        return f"{where}{col}：{self.message}" if where or col else str(self.message)


@dataclass
class ImportResult:
    dry_run: bool = False
    committed: bool = False
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[ImportProblem] = field(default_factory=list)
    skipped_rows: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {"ok": self.ok, "dry_run": self.dry_run, "committed": self.committed, "added": self.added,
                "skipped": self.skipped, "problems": [p.to_json() for p in self.problems],
                "skipped_rows": [p.to_json() for p in self.skipped_rows],
                "warnings": [p.to_json() for p in self.warnings]}

    def report(self) -> str:
        """The problems as Chinese lines, for stderr and logs."""
        head = N_("msg", "发现 {n} 个问题，没有导入任何数据。请改正后重新导入：").format(n=len(self.problems))
        return "\n".join([head, *(p.line() for p in self.problems)])


@dataclass
class Row:
    sheet: Sheet
    number: int
    data: dict[str, Any]
    key: Any = None
    problems: list[tuple[str, str]] = field(default_factory=list)


# --- reading the workbook ----------------------------------------------------------------------------------------
def _header_key(value: Any) -> str:
    text = clean_text(value) or ""
    text = re.sub(r"[*＊]|（必填）|\(必填\)", "", text)
    return _WS.sub("", unicodedata.normalize("NFKC", text))


_HEADER_ALIASES = {"身份证号码": "身份证号", "公民身份号码": "身份证号", "床位号": "床位"}


@public("reads a workbook the user chose; nothing of the data file (import_workbook checks records.write)")
def read_workbook(path: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's rows as tuples of cell values (``workbook_reader.read_book``: sizes checked first, error cells
    and formulas without a value marked as BadCell). A file that is not a readable .xlsx raises ServiceError."""
    return read_book(path)


def _sheet_rows(sheet: Sheet, rows: list[tuple], result: ImportResult) -> list[Row] | None:
    """The data rows of one sheet keyed by header; header problems go to ``result`` (None: sheet unusable)."""
    known = {_header_key(c.header): c.header for c in sheet.columns}

    def header(v: Any) -> str:
        h = _header_key(v)
        return known.get(_HEADER_ALIASES.get(h, h), h)
    header_at = next((i for i, r in enumerate(rows[:10]) if sum(1 for v in r if header(v) in sheet.headers) >= 2), None)
    if header_at is None:
        result.problems.append(ImportProblem(sheet.name, 1, "", N_("msg", "找不到表头行（第一行应为列名：{cols}）")
                                             .format(cols="、".join(c.header for c in sheet.columns if c.required))))
        return None
    columns: dict[int, str] = {}
    for i, v in enumerate(rows[header_at]):
        h = header(v)
        if not h:
            continue
        if h not in sheet.headers:
            result.warnings.append(ImportProblem(sheet.name, header_at + 1, h, N_("msg", "不是模板中的列，已忽略")))
        elif h in columns.values():
            result.problems.append(ImportProblem(sheet.name, header_at + 1, h, N_("msg", "列名重复")))
        else:
            columns[i] = h
    missing = [c.header for c in sheet.columns if c.required and c.header not in columns.values()]
    for h in missing:
        result.problems.append(ImportProblem(sheet.name, header_at + 1, h, N_("msg", "缺少必填的列“{col}”").format(col=h)))
    if missing:
        return None
    out = []
    for n, r in enumerate(rows[header_at + 1:], start=header_at + 2):
        cells = {h: (r[i] if i < len(r) else None) for i, h in columns.items()}
        seq = clean_text(cells.get(SEQ))
        if seq and seq.startswith(EXAMPLE):
            continue
        if all(clean_text(v) is None for h, v in cells.items() if h != SEQ):
            continue
        out.append(Row(sheet, n, cells))
    return out


# --- row checks (pure) ------------------------------------------------------------------------------------------
def _resolve_instrument(text: str | None):
    if not text:
        return None
    for inst in list_instruments():
        names = {inst.id, inst.name, inst.standard}
        if _norm(text) in {_norm(re.split(r"[（(]", n)[0]) for n in names} | {_norm(n) for n in names}:
            return inst
    return None


def parse_grade(value: Any, inst) -> tuple[int | None, str | None]:
    """A grade as recorded on paper: its name (full, or the part before or inside the brackets) or its number."""
    text = clean_text(value)
    if text is None:
        return None, None
    if re.fullmatch(r"\d{1,2}", _norm(text)):
        g = int(_norm(text))
        if g in inst.grades:
            return g, None
    matches = set()
    for g, name in inst.grades.items():
        parts = {name, re.split(r"[（(]", name)[0]} | set(re.findall(r"[（(]([^）)]+)[）)]", name))
        if _norm(text) in {_norm(p) for p in parts if p}:
            matches.add(g)
    if len(matches) == 1:
        return matches.pop(), None
    return None, N_("msg", "“{v}”不是“{inst}”的等级，可填：{opts}（或等级数字 {lo}–{hi}）").format(
        v=text, inst=inst.name, opts="、".join(inst.grades.values()), lo=min(inst.grades), hi=max(inst.grades))


def _text_cell(raw: Any) -> tuple[Any, None]:
    return clean_text(raw), None


def _name_cell(raw: Any) -> tuple[Any, None]:
    value = clean_text(raw)
    if value:  # 张 三 → 张三 (a space typed between Chinese characters)
        value = re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", value)
    return value, None


def _cell_parser(col: Column) -> Callable[[Any], tuple[Any, str | None]] | None:
    """How one column's cells are read (None: an ID number, read with today's date)."""
    if col.kind == "date":
        return parse_date
    if col.kind == "id":
        return None
    if col.kind == "flag":
        return parse_flag
    if col.kind == "choice" and col.options:
        return functools.partial(parse_choice, options=col.options)
    if col.kind == "multi":
        return functools.partial(parse_multi, options=col.options)
    if col.kind == "int":
        return functools.partial(parse_int, lo=0, hi=1440 if col.field == "travel_minutes" else 100000)
    return _name_cell if col.field == "name" else _text_cell


_PLANS: dict[int, tuple] = {}


def _row_plan(sheet: Sheet) -> tuple:
    """(header, field, required, parser) per column, worked out once per sheet (by identity: hashing a Sheet
    hashes every column)."""
    got = _PLANS.get(id(sheet))
    if got is None or got[0] is not sheet:
        got = _PLANS[id(sheet)] = (sheet, tuple((c.header, c.field, c.required, _cell_parser(c))
                                                for c in sheet.columns if c.kind != "seq"))
    return got[1]


def check_row(sheet: Sheet, cells: dict[str, Any], today: dt.date) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Read one row: the values the services take, and (column, problem) pairs. Never raises."""
    data: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for header, name, required, parse in _row_plan(sheet):
        raw = cells.get(header)
        if isinstance(raw, BadCell):
            problems.append((header, raw.message()))
            continue
        if isinstance(raw, str) and len(raw) > MAX_TEXT:
            problems.append((header, N_("msg", "内容太长（{n} 个字，最多 {m} 个字）").format(n=len(raw), m=MAX_TEXT)))
            continue
        value, p = parse_id(raw, today) if parse is None else parse(raw)
        if p:
            problems.append((header, p))
        elif required and value in (None, "", []):
            problems.append((header, N_("msg", "请填写{col}").format(col=header)))
        data[name] = value
    extra = _EXTRA_CHECKS.get(sheet.key)
    if extra:
        extra(data, problems)
    return data, problems


def _resident_extra(data: dict, problems: list) -> None:
    info: IdInfo | None = data.get("id_number")
    if info and not data.get("sex"):
        data["sex"] = info.sex
    data["hukou_local"] = data.pop("hukou", None) != "外地"


def _assessment_extra(data: dict, problems: list) -> None:
    raw = data.get("instrument")
    inst = None
    if raw:
        inst = _resolve_instrument(raw)
        data["instrument"] = inst
        if inst is None:
            problems.append(("评估标准", N_("msg", "“{v}”不在可选范围：{opts}").format(
                v=raw, opts="、".join(_instrument_names()))))
    if inst is None:
        return
    grade, p = parse_grade(data.get("grade"), inst)
    if p:
        problems.append(("最终等级", p))
    elif grade is None:
        problems.append(("最终等级", N_("msg", "请填写{col}").format(col="最终等级")))
    data["grade"] = grade
    total = data.get("total")
    if total is not None:
        if not inst.has_total:
            problems.append(("总分", N_("msg", "“{inst}”不计总分，此列请留空").format(inst=inst.name)))
        elif total > inst.max_total:
            problems.append(("总分", N_("msg", "总分不能超过{n}").format(n=inst.max_total)))


def _partner_extra(data: dict, problems: list) -> None:
    if data.get("travel_minutes") is None:
        data.pop("travel_minutes", None)


_EXTRA_CHECKS: dict[str, Callable] = {"residents": _resident_extra, "assessments": _assessment_extra,
                                      "partners": _partner_extra}


def bed_label_key(text: str) -> str:
    """A bed label compared loosely: 1号楼-2层-201-1 = 1号楼 2层 201-1 = 1号楼-2-201-1."""
    t = _WS.sub("-", unicodedata.normalize("NFKC", text).strip())
    t = re.sub(r"[—–/_、]", "-", t).replace("层", "")
    return re.sub(r"-+", "-", t).strip("-")


def _bed_key_of(building: str | None, floor: str | None, room: str | None, number: str | None) -> str:
    return bed_label_key("-".join(x for x in (building, floor, room, number) if x))


def _natural_key(sheet: Sheet, d: dict):
    if sheet.key == "beds":
        return _bed_key_of(d.get("building"), d.get("floor"), d.get("room"), d.get("number"))
    if sheet.key == "residents":
        return d["id_number"].number if d.get("id_number") else None
    if sheet.key == "staff":
        if d.get("id_number"):
            return d["id_number"].number
        return (d.get("name"), d.get("start_date")) if d.get("name") and d.get("start_date") else None
    if sheet.key == "partners":
        return _uscc_key(d.get("uscc")) or d.get("name")
    if sheet.key == "assessments":
        if d.get("id_number") and d.get("instrument") and d.get("assessed_on"):
            return d["id_number"].number, d["instrument"].id, d["assessed_on"]
    return None


def _uscc_key(uscc: str | None) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", uscc or "")).upper()


_KEY_COLUMN = {"beds": "床号", "residents": "身份证号", "staff": "姓名", "partners": "机构名称", "assessments": "评估日期"}


# --- the import ------------------------------------------------------------------------------------------------
class _Rollback(Exception):
    pass


class _Importer:
    def __init__(self, ctx: Context, result: ImportResult):
        self.ctx, self.result = ctx, result
        self.beds = {}  # bed label key → bed id (existing and imported)
        for b in ctx.db.execute("SELECT id, building, floor, room, number FROM beds").fetchall():
            self.beds.setdefault(_bed_key_of(*b[1:]), b[0])
        self.failed: dict[tuple[str, Any], int] = {}  # (sheet key, natural key) → row number of a refused row
        self.made: dict[str, dict[int, int]] = {"staff": {}, "partners": {}}  # record id → row that created it
        self.writer = ImportWriter(ctx)  # beds and residents: prepared inserts, in-memory free-bed checks

    def problem(self, row: Row, column: str, message: str) -> None:
        self.result.problems.append(ImportProblem(row.sheet.name, row.number, column, message))

    def fail_row(self, row: Row) -> None:
        if row.key is not None:
            self.failed.setdefault((row.sheet.key, row.key), row.number)

    def skip(self, row: Row, message: str | None = None) -> None:
        self.result.skipped[row.sheet.name] = self.result.skipped.get(row.sheet.name, 0) + 1
        self.result.skipped_rows.append(ImportProblem(row.sheet.name, row.number, _KEY_COLUMN[row.sheet.key],
                                                      message or N_("msg", "已存在，跳过")))

    def added(self, row: Row) -> None:
        self.result.added[row.sheet.name] = self.result.added.get(row.sheet.name, 0) + 1

    def matched(self, row: Row, record_id: int) -> None:
        """A record matched by natural key: skipped if it was there before; a duplicate if an earlier row made it."""
        if n := self.made.get(row.sheet.key, {}).get(record_id):
            self.problem(row, _KEY_COLUMN[row.sheet.key], N_("msg", "与第{n}行重复").format(n=n))
            return self.fail_row(row)
        self.skip(row)

    def run(self, row: Row, write: Callable[[], Any], fields: dict[str, str]) -> None:
        """One row; a refusal becomes problems on the row's columns."""
        try:
            new_id = self.writer.row(write)
        except ValidationError as e:
            for p in e.problems:
                name = p.field.split(".")[0]
                column = fields.get(name) or next((c.header for c in row.sheet.columns if c.field == name), "")
                self.problem(row, column, p.message)
            self.fail_row(row)
            return
        except NotFound as e:
            self.problem(row, "", message_of(e))
            self.fail_row(row)
            return
        if row.sheet.key in self.made:
            self.made[row.sheet.key][new_id] = row.number
        self.added(row)

    # --- per sheet ---
    def beds_row(self, row: Row) -> None:
        if row.key in self.beds:
            return self.skip(row)

        def write():
            self.beds[row.key] = self.writer.create_bed(row.data)
            return self.beds[row.key]
        self.run(row, write, {})

    def staff_row(self, row: Row) -> None:
        d = row.data
        found = None
        if d.get("id_number"):
            found = self.ctx.db.execute("SELECT id, name FROM staff WHERE id_number = ?", [d["id_number"].number]).fetchone()
            if found and found[1] != d["name"]:
                return self.problem(row, "身份证号", N_("msg", "身份证号已登记在员工“{name}”名下，与本行姓名不一致")
                                    .format(name=found[1]))
        found = found or self.ctx.db.execute("SELECT id FROM staff WHERE name = ? AND start_date = ?",
                                             [d["name"], d["start_date"].isoformat()]).fetchone()
        if found:
            return self.matched(row, found[0])
        data = d | {"id_number": d["id_number"].number if d.get("id_number") else None}
        self.run(row, lambda: S.create_staff(self.ctx, data), {})

    def partners_row(self, row: Row) -> None:
        d = row.data
        found = self.ctx.db.execute("SELECT id FROM partners WHERE name = ? OR (uscc IS NOT NULL AND uscc = ?)",
                                    [d["name"], _uscc_key(d.get("uscc"))]).fetchone()
        if found:
            return self.matched(row, found[0])
        contacts = [{"name": d.get("contact_name"), "role": d.get("contact_role"), "phone": d.get("contact_phone")}]
        data = d | {"contacts": contacts}
        self.run(row, lambda: P.create_partner(self.ctx, data), {"contacts": "联系人"})

    def residents_row(self, row: Row) -> None:
        d = row.data
        number = d["id_number"].number
        found = self.ctx.db.execute("SELECT id, name FROM residents WHERE id_number = ?", [number]).fetchone()
        if found and found[1] != d["name"]:
            self.problem(row, "身份证号", N_("msg", "身份证号已登记在老人“{name}”名下，与本行姓名不一致").format(name=found[1]))
            return self.fail_row(row)
        if found:
            stays = self.ctx.db.execute("SELECT admission_date, discharge_date FROM stays WHERE resident_id = ?",
                                        [found[0]]).fetchall()
            if any(s[0] == d["admission_date"].isoformat() for s in stays):
                return self.skip(row)
            if open_stay := next((s for s in stays if s[1] is None), None):
                return self.skip(row, N_("msg", "已登记，自 {d} 起在住，跳过").format(d=open_stay[0]))
        bed_id = self.bed_of(row)
        if bed_id is None:
            return self.fail_row(row)
        stay = {"admission_date": d["admission_date"], "bed_id": bed_id}

        def write():
            if found:
                self.writer.admit(found[0], found[1], stay)
                return found[0]
            return self.writer.admit_new(d | {"id_number": number, "contacts": [{
                "name": d.get("contact_name"), "relation": d.get("contact_relation"), "phone": d.get("contact_phone")}]},
                stay)
        self.run(row, write, {"contacts": "紧急联系人", "bed_id": "床位"})

    def bed_of(self, row: Row) -> int | None:
        text = row.data["bed"]
        key = bed_label_key(text)
        if key in self.beds:
            return self.beds[key]
        if n := self.failed.get(("beds", key)):
            self.problem(row, "床位", N_("msg", "床位“{bed}”在“床位”表第{n}行有问题，请先改正那一行").format(bed=text, n=n))
        else:
            self.problem(row, "床位", N_("msg", "找不到床位“{bed}”：请在“床位”表中列出，或先在程序中添加"
                                              "（写法：楼栋-楼层-房间号-床号，如 1号楼-2层-201-1）").format(bed=text))
        return None

    def assessments_row(self, row: Row) -> None:
        d = row.data
        inst, number, when = d["instrument"], d["id_number"].number, d["assessed_on"]
        resident = self.ctx.db.execute("SELECT id, name, birth_date FROM residents WHERE id_number = ?",
                                       [number]).fetchone()
        if resident is None:
            if n := self.failed.get(("residents", number)):
                return self.problem(row, "身份证号", N_("msg", "这位老人在“入住老人”表第{n}行有问题，请先改正那一行").format(n=n))
            return self.problem(row, "身份证号", N_("msg", "没有身份证号为 {id} 的老人：请在“入住老人”表中列出，或先在程序中登记")
                                .format(id=number))
        if d.get("name") and d["name"] != resident[1]:
            return self.problem(row, "姓名", N_("msg", "身份证号 {id} 登记的老人是“{name}”，与本行姓名不一致")
                                .format(id=number, name=resident[1]))
        if self.ctx.db.execute("SELECT 1 FROM assessments WHERE resident_id = ? AND instrument_id = ? AND assessed_on = ?",
                               [resident[0], inst.id, when.isoformat()]).fetchone():
            return self.skip(row)
        if when > self.ctx.today() or when.isoformat() < resident[2]:
            return self.problem(row, "评估日期", N_("msg", "评估日期应在出生日期之后、今天或之前"))
        self.run(row, lambda: _insert_paper_assessment(self.ctx, resident[0], inst, d), {})


def _insert_paper_assessment(ctx: Context, resident_id: int, inst, d: dict) -> None:
    """A completed assessment from a paper record: the recorded grade (and total), no item answers.

    save_assessment() scores answers and needs all of them, which a paper ledger does not carry, so the row is
    written here in the same shape: status 完成, result JSON marked ``"imported": true`` with the recorded values,
    every indicator's subtotal shown as "—", and a note saying where it came from.
    """
    grade = d["grade"]
    note = "按纸质记录导入" + (f"；{d['note']}" if d.get("note") else "")
    now = ctx.stamp()
    result = {"instrument": inst.id, "version": inst.version, "imported": True,
              "subtotals": {i.code: "—" for i in inst.indicators}, "total": d.get("total"),
              "indicator_grades": {}, "indicator_grade_names": {}, "initial_grade": grade,
              "initial_grade_name": inst.grade_name(grade), "applied": [], "final_grade": grade,
              "final_grade_name": inst.grade_name(grade), "pending_verification": False,
              "notes": ["按纸质记录导入：只有纸质记录上的最终等级" + ("和总分" if d.get("total") is not None else "")
                        + "，没有逐项得分。"]}
    with ctx.transaction() as db:
        db["assessments"].insert({
            "resident_id": resident_id, "instrument_id": inst.id, "instrument_version": inst.version,
            "assessed_on": d["assessed_on"].isoformat(), "reason": d.get("reason") or "常规评估", "status": A.DONE,
            "assessor1": d.get("assessor1"), "assessor2": d.get("assessor2"), "coma": 0, "diagnoses": "[]",
            "risk_events": "{}", "answers": "{}", "result": json.dumps(result, ensure_ascii=False),
            "total": d.get("total"), "initial_grade": grade, "final_grade": grade,
            "final_grade_name": inst.grade_name(grade), "note": note, "created_at": now, "updated_at": now})


ORDER = ("beds", "staff", "partners", "residents", "assessments")


@requires("records.write")
def import_workbook(ctx: Context, path: Path | str, *, dry_run: bool = False) -> ImportResult:
    """Check every row of every sheet and import all of it, or nothing when any row has a problem.

    The file is read once; all checks and writes run inside one transaction that is committed only when no row
    has a problem and ``dry_run`` is False. The result lists every problem (sheet, row, column, message), the
    rows skipped as already present, and the counts added per sheet (for a dry run: what would be added; when
    there are problems: none). A file that cannot be read raises ServiceError.
    """
    return import_book(ctx, read_workbook(path), dry_run=dry_run)


@requires("records.write")
def import_book(ctx: Context, book: dict[str, list[tuple]], *, dry_run: bool = False) -> ImportResult:
    """The same for a workbook already read: ``{sheet title: [row tuples from row 1]}``.

    A broken assessment-instrument file (needed to read the 历史评估 sheet) refuses the whole import with a
    Chinese ServiceError naming the file; so does a full disk (``Context.transaction``). Nothing is written."""
    try:
        return _import_book(ctx, book, dry_run)
    except InstrumentError as e:
        raise ServiceError(N_("msg", "评估标准文件有误，没有导入任何数据：{err}").format(err=message_of(e))) from e


def _import_book(ctx: Context, book: dict[str, list[tuple]], dry_run: bool) -> ImportResult:
    result = ImportResult(dry_run=dry_run)
    rows_by_sheet: dict[str, list[Row]] = {}
    for title, rows in book.items():
        name = _WS.sub("", title)
        if name in NON_DATA_SHEETS:
            continue
        sheet = SHEETS_BY_NAME.get(name)
        if sheet is None:
            result.warnings.append(ImportProblem(title, 1, "", N_("msg", "不是模板中的工作表，已忽略")))
            continue
        got = _sheet_rows(sheet, rows, result)
        if got is not None:
            rows_by_sheet[sheet.key] = got
    if not any(s.name in {_WS.sub("", t) for t in book} for s in SHEETS):
        result.problems.append(ImportProblem("", 0, "", N_("msg", "文件中没有可导入的工作表（应为：{names}）")
                                             .format(names="、".join(s.name for s in SHEETS))))
    if not result.problems and not any(rows_by_sheet.values()):
        result.warnings.append(ImportProblem("", 0, "", N_("msg", "文件中没有需要导入的数据行")))
    today = ctx.today()
    seen: dict[tuple[str, Any], int] = {}
    for key in ORDER:
        for row in rows_by_sheet.get(key, []):
            row.data, row.problems = check_row(row.sheet, row.data, today)
            row.key = _natural_key(row.sheet, row.data)
            if row.key is not None:
                first = seen.setdefault((key, row.key), row.number)
                if first != row.number:
                    row.problems.append((_KEY_COLUMN[key], N_("msg", "与第{n}行重复").format(n=first)))
            for column, message in row.problems:
                result.problems.append(ImportProblem(row.sheet.name, row.number, column, message))
    try:
        with ctx.transaction():
            imp = _Importer(ctx, result)
            for key in ORDER:
                for row in rows_by_sheet.get(key, []):
                    if row.problems:
                        imp.fail_row(row)
                    else:
                        getattr(imp, f"{key}_row")(row)
            if result.problems or dry_run:
                raise _Rollback
        result.committed = True
    except _Rollback:
        if result.problems:
            result.added = {}
    result.problems.sort(key=lambda p: ([s.name for s in SHEETS].index(p.sheet) if p.sheet in SHEETS_BY_NAME else -1,
                                        p.row))
    return result
