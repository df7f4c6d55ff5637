"""Reading and checking instrument files (resources/instruments/*.json). A broken file is refused with a Chinese
message naming the file and the place in it, so a maintainer can correct the data without a code change."""
from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path

from ...assets import resource_path
from ..text import QT_TRANSLATE_NOOP as N_
from .engine import band_grade, condition_vars, first_rule
from .model import Indicator, Instrument, Item, Option

DEFAULT_INSTRUMENT_ID = "gbt42195-2022"


class InstrumentError(ValueError):
    """A broken instrument file; ``str(err)`` names the file and where in it."""


def instruments_dir() -> Path:
    return resource_path("instruments")


class _Reader:
    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, problem: str):
        raise InstrumentError(N_("msg", "评估量表文件 {file} 有误（{where}）：{problem}").format(
            file=self.path.name, where=where, problem=problem))

    def get(self, obj: dict, key: str, where: str, kind=None):
        if not isinstance(obj, dict) or key not in obj:
            self.fail(where, N_("msg", "缺少“{key}”").format(key=key))
        value = obj[key]
        if kind is not None and not isinstance(value, kind):
            self.fail(f"{where}.{key}", N_("msg", "类型不对"))
        return value


def load_file(path: Path) -> Instrument:
    r = _Reader(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        r.fail(N_("msg", "第{line}行第{col}列").format(line=e.lineno, col=e.colno), e.msg)
    except OSError as e:
        r.fail("", str(e))
    items = []
    for i, it in enumerate(r.get(raw, "items", "$", list)):
        where = f"items[{i}]"
        opts = []
        for j, o in enumerate(r.get(it, "options", where, list)):
            pts = r.get(o, "points", f"{where}.options[{j}]")
            if isinstance(pts, bool) or not isinstance(pts, int):
                r.fail(f"{where}.options[{j}].points", N_("msg", "分值应为整数"))
            opts.append(Option(pts, str(r.get(o, "label", f"{where}.options[{j}]", str))))
        if not opts or len({o.points for o in opts}) != len(opts):
            r.fail(f"{where}.options", N_("msg", "选项为空或分值重复"))
        items.append(Item(r.get(it, "code", where, str), r.get(it, "name", where, str), tuple(opts), it.get("definition", "")))
    codes = [i.code for i in items]
    if len(set(codes)) != len(codes):
        r.fail("items", N_("msg", "项目编号重复"))
    by_code = {i.code: i for i in items}
    indicators, seen = [], []
    for k, ind in enumerate(r.get(raw, "indicators", "$", list)):
        where = f"indicators[{k}]"
        member = tuple(r.get(ind, "items", where, list))
        for c in member:
            if c not in by_code:
                r.fail(f"{where}.items", N_("msg", "引用了不存在的项目“{c}”").format(c=c))
        seen.extend(member)
        mx = sum(by_code[c].max_points for c in member)
        if ind.get("max", mx) != mx:
            r.fail(f"{where}.max", N_("msg", "满分应为各项目最高分之和 {m}").format(m=mx))
        indicators.append(Indicator(r.get(ind, "code", where, str), r.get(ind, "name", where, str), member, mx,
                                    ind.get("grading")))
    if sorted(seen) != sorted(codes):
        r.fail("indicators", N_("msg", "每个项目应属于且只属于一个一级指标"))
    grades = {int(g["grade"]): str(g["name"]) for g in r.get(raw, "grades", "$", list)}
    if sorted(grades) != list(range(len(grades))):
        r.fail("grades", N_("msg", "等级应从0起连续编号"))
    inst = Instrument(
        id=r.get(raw, "id", "$", str), version=str(r.get(raw, "version", "$")), name=r.get(raw, "name", "$", str),
        standard=r.get(raw, "standard", "$", str), source=r.get(raw, "source", "$", str),
        confidence=r.get(raw, "confidence", "$", str), items=tuple(items), indicators=tuple(indicators),
        grades=grades, initial=r.get(raw, "initial", "$", dict), overrides=tuple(raw.get("overrides", ())),
        cap=raw.get("cap"), resolution_notes=tuple(raw.get("resolution_notes", ())),
        indicator_grade_names={int(k): v for k, v in raw.get("indicator_grade_names", {}).items()},
        pending_verification=bool(raw.get("pending_verification", False)), raw=raw)
    if inst.id != path.stem:
        r.fail("id", N_("msg", "编号“{id}”应与文件名一致").format(id=inst.id))
    _check_rules(inst, r)
    return inst


def _sums(inst: Instrument, codes) -> set[int]:
    """Every subtotal the items can reach (so bands can be checked for gaps and overlaps)."""
    reach = {0}
    for c in codes:
        reach = {s + p for s in reach for p in inst.item(c).allowed}
    return reach


def _check_bands(r: _Reader, where: str, bands, reachable: set[int], grades: set[int]) -> None:
    for v in sorted(reachable):
        hits = [b for b in bands if b["min"] <= v <= b["max"]]
        if len(hits) != 1:
            r.fail(where, N_("msg", "分数 {v} 落在 {n} 个分段中（应恰好1个）").format(v=v, n=len(hits)))
        if hits[0]["grade"] not in grades:
            r.fail(where, N_("msg", "分段给出的等级 {g} 不存在").format(g=hits[0]["grade"]))


def _check_exhaustive(r: _Reader, where: str, rules, domains: dict[str, list[int]], grades: set[int]) -> None:
    names = sorted(set().union(*(condition_vars(x["when"]) for x in rules)))
    for name in names:
        if name not in domains:
            r.fail(where, N_("msg", "规则引用了未知变量“{v}”").format(v=name))
    for combo in itertools.product(*(domains[n] for n in names)):
        values = dict(zip(names, combo))
        rule = first_rule(rules, values)
        if rule is None:
            r.fail(where, N_("msg", "组合 {c} 没有任何规则覆盖").format(c=values))
        if rule["grade"] not in grades:
            r.fail(where, N_("msg", "规则给出的等级 {g} 不存在").format(g=rule["grade"]))


def _check_rules(inst: Instrument, r: _Reader) -> None:
    ind_grades = set(inst.indicator_grade_names) or set(inst.grades)
    domains: dict[str, list[int]] = {i.code: sorted(i.allowed) for i in inst.items}
    for k, ind in enumerate(inst.indicators):
        g = ind.grading
        if not g:
            continue
        where = f"indicators[{k}].grading"
        if g.get("kind") == "bands":
            _check_bands(r, where, g["bands"], _sums(inst, ind.items), ind_grades)
        elif g.get("kind") == "rules":
            _check_exhaustive(r, where, g["rules"], domains, ind_grades)
        else:
            r.fail(where, N_("msg", "未知的分级方式"))
        domains[f"grade:{ind.code}"] = sorted(ind_grades)
    spec, kinds = inst.initial, {"total_bands", "indicator", "matrix", "rules"}
    if spec.get("kind") not in kinds:
        r.fail("initial.kind", N_("msg", "未知的定级方式"))
    grades = set(inst.grades)
    if spec["kind"] == "total_bands":
        _check_bands(r, "initial.bands", spec["bands"], _sums(inst, inst.item_codes), grades)
    elif spec["kind"] == "indicator" and spec.get("indicator") not in {i.code for i in inst.indicators}:
        r.fail("initial.indicator", N_("msg", "引用了不存在的一级指标"))
    elif spec["kind"] == "matrix":
        m = spec.get("matrix")
        n = len(ind_grades)
        if not isinstance(m, list) or len(m) != n or any(len(row) != n for row in m):
            r.fail("initial.matrix", N_("msg", "组合矩阵应为 {n}×{n}").format(n=n))
        if any(v not in grades for row in m for v in row):
            r.fail("initial.matrix", N_("msg", "矩阵中有不存在的等级"))
    elif spec["kind"] == "rules":
        _check_exhaustive(r, "initial.rules", spec["rules"], domains, grades)
    for k, o in enumerate(inst.overrides):
        where = f"overrides[{k}]"
        if o.get("kind") not in ("set_if_flag", "raise_once_if_any") or "id" not in o or "description" not in o:
            r.fail(where, N_("msg", "变更规则缺少编号、说明或类型不对"))
        if o["kind"] == "set_if_flag" and (o.get("flag") != "coma" or o.get("grade") not in grades):
            r.fail(where, N_("msg", "只支持“昏迷”标记，且等级须存在"))
        if o["kind"] == "raise_once_if_any" and not o.get("conditions"):
            r.fail(where, N_("msg", "上调规则缺少条件"))


@cache
def _load_default(instrument_id: str) -> Instrument:
    return load_file(instruments_dir() / f"{instrument_id}.json")


def load_instrument(instrument_id: str, directory: Path | None = None) -> Instrument:
    """Load (and cache) an instrument by id; an unknown id is an InstrumentError listing the known ones."""
    folder = directory or instruments_dir()
    path = folder / f"{instrument_id}.json"
    if not path.is_file():
        known = "、".join(sorted(p.stem for p in folder.glob("*.json")))
        raise InstrumentError(N_("msg", "没有评估量表“{id}”，可用的有：{known}").format(id=instrument_id, known=known))
    return load_file(path) if directory else _load_default(instrument_id)


def list_instruments(directory: Path | None = None) -> list[Instrument]:
    """Every shipped instrument, the default first."""
    folder = directory or instruments_dir()
    ids = sorted(p.stem for p in folder.glob("*.json"))
    ids.sort(key=lambda i: i != DEFAULT_INSTRUMENT_ID)
    return [load_instrument(i, directory) for i in ids]
