"""Reading and checking instrument files (resources/instruments/*.json).

A broken file is refused with an InstrumentError whose Chinese message names the file and the place in it (a
line for bad JSON, a JSON path such as ``$.indicators[1].grading.bands[2].max`` otherwise), so a maintainer can
correct the data without a code change. Beyond the shape, the checks are semantic: every reachable subtotal
falls in exactly one band, rules cover every combination, a matrix has the shape of the grades it combines.
"""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from ...assets import resource_path
from ..text import QT_TRANSLATE_NOOP as N_
from .checks import Reader, check_bands, check_rules, reachable_sums
from .engine import FLAGS, icd_category
from .model import Indicator, Instrument, Item, Option

DEFAULT_INSTRUMENT_ID = "gbt42195-2022"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_CACHE: dict[tuple, Instrument] = {}


class InstrumentError(ValueError):
    """A broken or unknown instrument file; ``str(err)`` names the file and where in it."""


def instruments_dir() -> Path:
    return resource_path("instruments")


def load_file(path: Path | str) -> Instrument:
    """Read and check one instrument file (not cached)."""
    path = Path(path)
    r = Reader(path.name, InstrumentError)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        r.fail(N_("msg", "第{line}行第{col}列").format(line=e.lineno, col=e.colno), e.msg)
    except UnicodeDecodeError:
        r.fail("$", N_("msg", "文件不是 UTF-8 编码"))
    except OSError as e:
        r.fail("$", e.strerror or str(e))
    try:
        return _build(raw, r, path.stem)
    except InstrumentError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:  # a shape no check foresaw
        r.fail("$", N_("msg", "结构不对（{err}）").format(err=f"{type(e).__name__}: {e}"))


def _build(raw, r: Reader, stem: str) -> Instrument:
    r.dict(raw, "$")
    inst_id = r.text(raw, "id", "$")
    if inst_id != stem:
        r.fail("$.id", N_("msg", "编号“{id}”应与文件名一致").format(id=inst_id))
    meta = {k: r.text(raw, k, "$") for k in ("version", "name", "standard", "source")}
    confidence = r.get(raw, "confidence", "$", str)
    if confidence not in ("A", "B", "C", "D"):
        r.fail("$.confidence", N_("msg", "置信度应为 A、B、C 或 D"))
    items = _items(raw, r)
    by_code = {i.code: i for i in items}
    grades = {}
    for k, g in enumerate(r.get(raw, "grades", "$", list)):
        where = f"$.grades[{k}]"
        grades[r.get(g, "grade", where, int)] = r.text(g, "name", where)
    if not grades or sorted(grades) != list(range(len(r.get(raw, "grades", "$", list)))):
        r.fail("$.grades", N_("msg", "等级应从0起连续编号"))
    names = r.get(raw, "indicator_grade_names", "$", dict, default={})
    ind_names = {}
    for key, value in names.items():
        if not re.fullmatch(r"\d+", key) or not isinstance(value, str):
            r.fail(f"$.indicator_grade_names.{key}", N_("msg", "类型不对"))
        ind_names[int(key)] = value
    if ind_names and sorted(ind_names) != list(range(len(ind_names))):
        r.fail("$.indicator_grade_names", N_("msg", "等级应从0起连续编号"))
    scale = set(ind_names or grades)
    indicators, domains, possible = _indicators(raw, r, by_code, scale)
    has_total = r.get(raw, "has_total", "$", bool, default=True)
    initial = r.get(raw, "initial", "$", dict)
    _check_initial(initial, r, items, indicators, domains, possible, set(grades), scale, has_total)
    cap = r.get(raw, "cap", "$", int, default=None)
    if cap is not None and cap not in grades:
        r.fail("$.cap", N_("msg", "等级 {g} 不存在").format(g=cap))
    overrides = _overrides(raw, r, set(grades))
    notes = r.get(raw, "resolution_notes", "$", list, default=[])
    for k, n in enumerate(notes):
        r.typed(n, f"$.resolution_notes[{k}]", str)
    pending = _pending_parts(raw, "$", r)
    english = _english(raw, r, meta["name"], grades, ind_names)
    return Instrument(
        id=inst_id, **meta, confidence=confidence, items=tuple(items), indicators=tuple(indicators), grades=grades, initial=initial,
        overrides=tuple(overrides), cap=cap, resolution_notes=tuple(notes), indicator_grade_names=ind_names,
        pending_verification=bool(pending), pending_parts=tuple(pending), has_total=has_total, english=english,
        raw=raw)


def _english(raw, r: Reader, name: str, grades: dict[int, str], ind_names: dict[int, str]) -> dict[str, str]:
    """The English names written beside the Chinese ones (``name_en``; ``indicator_grade_names_en``), Chinese →
    English, for the English interface. Optional: a file without them shows its Chinese names."""
    out: dict[str, str] = {}

    def put(zh: str, obj, key: str, where: str) -> None:
        en = r.get(obj, key, where, str, default="")
        if en.strip():
            out.setdefault(zh, en.strip())
    put(name, raw, "name_en", "$")
    for k, g in enumerate(raw["grades"]):
        put(g["name"], g, "name_en", f"$.grades[{k}]")
    for k, ind in enumerate(raw["indicators"]):
        put(ind["name"], ind, "name_en", f"$.indicators[{k}]")
    names_en = r.get(raw, "indicator_grade_names_en", "$", dict, default={})
    for key, zh in ind_names.items():
        if str(key) in names_en:
            put(zh, names_en, str(key), "$.indicator_grade_names_en")
    return out


def english_names(directory: Path | str | None = None) -> dict[str, str]:
    """Every name of the shipped instruments (instrument, grades, indicators) that has an English one."""
    out: dict[str, str] = {}
    for inst in list_instruments(directory):
        for zh, en in inst.english.items():
            out.setdefault(zh, en)
    return out


def _items(raw, r: Reader) -> list[Item]:
    items = []
    for i, it in enumerate(r.get(raw, "items", "$", list)):
        where = f"$.items[{i}]"
        opts = []
        for j, o in enumerate(r.get(it, "options", where, list)):
            w = f"{where}.options[{j}]"
            opts.append(Option(r.get(o, "points", w, int), r.text(o, "label", w)))
        if not opts:
            r.fail(f"{where}.options", N_("msg", "选项为空或分值重复"))
        seen = set()
        for j, o in enumerate(opts):
            if o.points in seen:
                r.fail(f"{where}.options[{j}].points", N_("msg", "选项为空或分值重复"))
            seen.add(o.points)
        items.append(Item(r.text(it, "code", where), r.text(it, "name", where), tuple(opts),
                          r.get(it, "definition", where, str, default="")))
    if not items:
        r.fail("$.items", N_("msg", "没有任何评估项目"))
    codes = [i.code for i in items]
    for k, c in enumerate(codes):
        if c in codes[:k]:
            r.fail(f"$.items[{k}].code", N_("msg", "项目编号重复"))
    return items


def _indicators(raw, r: Reader, by_code: dict[str, Item], scale: set[int]):
    """Indicators, plus the value domains rules may test and the grades each graded indicator can reach."""
    indicators, seen = [], []
    domains: dict[str, list[int]] = {c: sorted(i.allowed) for c, i in by_code.items()}
    possible: dict[str, set[int]] = {}
    for k, ind in enumerate(r.get(raw, "indicators", "$", list)):
        where = f"$.indicators[{k}]"
        code = r.text(ind, "code", where)
        if code in {i.code for i in indicators}:
            r.fail(f"{where}.code", N_("msg", "一级指标编号重复"))
        member = tuple(r.get(ind, "items", where, list))
        for j, c in enumerate(member):
            if r.typed(c, f"{where}.items[{j}]", str) not in by_code:
                r.fail(f"{where}.items", N_("msg", "引用了不存在的项目“{c}”").format(c=c))
        seen.extend(member)
        sums = reachable_sums([by_code[c].allowed for c in member])
        if r.get(ind, "max", where, int, default=max(sums)) != max(sums):
            r.fail(f"{where}.max", N_("msg", "满分应为各项目最高分之和 {m}").format(m=max(sums)))
        grading = r.get(ind, "grading", where, dict, default=None)
        domains[f"sum:{code}"] = sorted(sums)
        if grading is not None:
            gw = f"{where}.grading"
            kind = r.get(grading, "kind", gw, str)
            if kind == "bands":
                possible[code] = check_bands(r, f"{gw}.bands", r.get(grading, "bands", gw, list), sums, scale)
            elif kind == "rules":
                possible[code] = check_rules(r, gw, grading, domains, scale)
            else:
                r.fail(f"{gw}.kind", N_("msg", "未知的分级方式"))
            domains[f"grade:{code}"] = sorted(possible[code])
        indicators.append(Indicator(code, r.text(ind, "name", where), member, max(sums), grading, min(sums)))
    if not indicators or sorted(seen) != sorted(by_code):
        r.fail("$.indicators", N_("msg", "每个项目应属于且只属于一个一级指标"))
    return indicators, domains, possible


def _check_initial(spec, r: Reader, items, indicators, domains, possible, grades: set[int], scale: set[int],
                   has_total: bool) -> None:
    kind = r.get(spec, "kind", "$.initial", str)
    graded = set(possible)
    if kind == "total_bands":
        if not has_total:
            r.fail("$.initial.kind", N_("msg", "没有总分的量表不能按总分定级"))
        check_bands(r, "$.initial.bands", r.get(spec, "bands", "$.initial", list),
                    reachable_sums([i.allowed for i in items]), grades)
    elif kind == "indicator":
        code = r.get(spec, "indicator", "$.initial", str)
        if code not in graded:
            r.fail("$.initial.indicator", N_("msg", "引用了不存在的一级指标"))
        if not possible[code] <= grades:
            r.fail("$.initial.indicator", N_("msg", "分段给出的等级 {g} 不存在").format(g=min(possible[code] - grades)))
    elif kind == "matrix":
        rows = r.get(spec, "rows", "$.initial", str)
        cols = r.get(spec, "cols_worst_of", "$.initial", list)
        if rows not in graded or not cols or any(not isinstance(c, str) or c not in graded for c in cols):
            r.fail("$.initial", N_("msg", "引用了不存在的一级指标"))
        m, n = r.get(spec, "matrix", "$.initial", list), len(scale)
        if len(m) != n or any(not isinstance(row, list) or len(row) != n for row in m):
            r.fail("$.initial.matrix", N_("msg", "组合矩阵应为 {n}×{n}").format(n=n))
        for i, j in itertools.product(range(n), repeat=2):
            if isinstance(m[i][j], bool) or not isinstance(m[i][j], int) or m[i][j] not in grades:
                r.fail(f"$.initial.matrix[{i}][{j}]", N_("msg", "矩阵中有不存在的等级"))
    elif kind == "rules":
        check_rules(r, "$.initial", spec, domains, grades)
    else:
        r.fail("$.initial.kind", N_("msg", "未知的定级方式"))


def _overrides(raw, r: Reader, grades: set[int]) -> list[dict]:
    out = r.get(raw, "overrides", "$", list, default=[])
    ids = []
    for k, o in enumerate(out):
        where = f"$.overrides[{k}]"
        ids.append(r.text(o, "id", where))
        r.text(o, "description", where)
        kind = r.get(o, "kind", where, str)
        if ids[-1] in ids[:-1]:
            r.fail(f"{where}.id", N_("msg", "变更规则编号重复"))
        if kind == "set_if_flag":
            if r.get(o, "flag", where, str) not in FLAGS or r.get(o, "grade", where, int) not in grades:
                r.fail(where, N_("msg", "只支持“昏迷”标记，且等级须存在"))
        elif kind == "raise_once_if_any":
            if r.get(o, "by", where, int, default=1) < 1:
                r.fail(f"{where}.by", N_("msg", "应为正整数"))
            conditions = r.get(o, "conditions", where, list)
            if not conditions:
                r.fail(f"{where}.conditions", N_("msg", "上调规则缺少条件"))
            for j, c in enumerate(conditions):
                _check_condition(c, f"{where}.conditions[{j}]", r)
        else:
            r.fail(f"{where}.kind", N_("msg", "变更规则缺少编号、说明或类型不对"))
    return out


def _check_condition(c, where: str, r: Reader) -> None:
    r.text(c, "id", where)
    r.text(c, "description", where)
    if "diagnosis_ranges" in c:
        ranges = r.get(c, "diagnosis_ranges", where, list)
        for k, pair in enumerate(ranges):
            ok = isinstance(pair, list) and len(pair) == 2 and all(icd_category(x) == x for x in pair)
            if not ok or pair[0] > pair[1]:
                r.fail(f"{where}.diagnosis_ranges[{k}]", N_("msg", "诊断范围应写成 [\"F00\", \"F03\"] 的形式"))
        if not ranges:
            r.fail(f"{where}.diagnosis_ranges", N_("msg", "上调规则缺少条件"))
    elif r.get(c, "care_risk_events_at_least", where, int) < 1:
        r.fail(f"{where}.care_risk_events_at_least", N_("msg", "应为正整数"))


def _pending_parts(node, where: str, r: Reader) -> list[str]:
    """JSON paths of every part marked ``"pending_verification": true`` (待核对); a part's own ``confidence``
    label, where given, is checked too."""
    out = []
    if isinstance(node, dict):
        if node.get("confidence", "A") not in ("A", "B", "C", "D"):
            r.fail(f"{where}.confidence", N_("msg", "置信度应为 A、B、C 或 D"))
        if "pending_verification" in node and r.get(node, "pending_verification", where, bool):
            out.append(where)
        for k, v in node.items():
            out += _pending_parts(v, f"{where}.{k}", r)
    elif isinstance(node, list):
        for k, v in enumerate(node):
            out += _pending_parts(v, f"{where}[{k}]", r)
    return out


# --- finding files -----------------------------------------------------------------------------------------
def _known(folder: Path) -> str:
    return "、".join(sorted(p.stem for p in folder.glob("*.json"))) or "—"


def load_instrument(instrument_id: str | Path, directory: Path | str | None = None) -> Instrument:
    """Load (and cache while the file is unchanged) an instrument by id, from the shipped folder or ``directory``.
    A path to a .json file is accepted too. An unknown id is an InstrumentError listing the known ones."""
    if isinstance(instrument_id, Path) or str(instrument_id).endswith(".json"):
        path = Path(instrument_id)
    else:
        folder = Path(directory) if directory is not None else instruments_dir()
        if not isinstance(instrument_id, str) or not _ID.match(instrument_id):
            raise InstrumentError(N_("msg", "没有评估量表“{id}”，可用的有：{known}").format(
                id=instrument_id, known=_known(folder)))
        path = folder / f"{instrument_id}.json"
        if not path.is_file():
            raise InstrumentError(N_("msg", "没有评估量表“{id}”，可用的有：{known}").format(
                id=instrument_id, known=_known(folder)))
    try:
        st = path.stat()
    except OSError as e:
        raise InstrumentError(N_("msg", "评估量表文件 {file} 有误（{where}）：{problem}").format(
            file=path.name, where="$", problem=e.strerror or str(e))) from None
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    if key not in _CACHE:
        _CACHE[key] = load_file(path)
    return _CACHE[key]


def list_instruments(directory: Path | str | None = None) -> list[Instrument]:
    """Every instrument in the folder (by default the shipped one), the default first, then by id."""
    folder = Path(directory) if directory is not None else instruments_dir()
    ids = sorted(p.stem for p in folder.glob("*.json"))
    ids.sort(key=lambda i: i != DEFAULT_INSTRUMENT_ID)
    return [load_instrument(i, folder) for i in ids]


__all__ = ["DEFAULT_INSTRUMENT_ID", "InstrumentError", "english_names", "instruments_dir", "list_instruments",
           "load_file", "load_instrument"]
