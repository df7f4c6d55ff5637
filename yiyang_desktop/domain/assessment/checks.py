"""The checks behind the loader: typed access with JSON paths, bands without gaps or overlaps, rule tables that
cover every combination of the values they test."""
from __future__ import annotations

import itertools
from typing import Iterable, NoReturn

from ..text import QT_TRANSLATE_NOOP as N_
from .engine import condition_vars, pick_rule

MAX_COMBINATIONS = 200_000  # a rule table testing more value combinations than this cannot be checked
_MISSING = object()


class Reader:
    """Typed access to a parsed file; every failure names the file and a JSON path."""

    def __init__(self, file: str, error: type[Exception]):
        self.file, self.error = file, error

    def fail(self, where: str, problem: str) -> NoReturn:
        raise self.error(N_("msg", "评估量表文件 {file} 有误（{where}）：{problem}").format(
            file=self.file, where=where, problem=problem))

    def dict(self, value, where: str) -> dict:
        if not isinstance(value, dict):
            self.fail(where, N_("msg", "类型不对"))
        return value

    def typed(self, value, where: str, kind):
        bad = isinstance(value, bool) and kind is not bool
        if bad or not isinstance(value, kind):
            self.fail(where, N_("msg", "类型不对"))
        return value

    def get(self, obj, key: str, where: str, kind=None, default=_MISSING):
        self.dict(obj, where)
        if key not in obj:
            if default is not _MISSING:
                return default
            self.fail(where, N_("msg", "缺少“{key}”").format(key=key))
        return obj[key] if kind is None else self.typed(obj[key], f"{where}.{key}", kind)

    def text(self, obj, key: str, where: str) -> str:
        """A required, non-empty string."""
        value = self.get(obj, key, where, str)
        if not value.strip():
            self.fail(f"{where}.{key}", N_("msg", "不能为空"))
        return value


def reachable_sums(option_points: Iterable[Iterable[int]]) -> set[int]:
    """Every subtotal a set of items can reach (so bands are checked only where a score can fall)."""
    reach = {0}
    for points in option_points:
        reach = {s + p for s in reach for p in points}
    return reach


def check_bands(r: Reader, where: str, bands: list, reachable: set[int], grades: set[int]) -> set[int]:
    """Bands must not overlap and must hold every reachable subtotal; returns the grades they can give."""
    for k, b in enumerate(bands):
        w = f"{where}[{k}]"
        if r.get(b, "min", w, int) > r.get(b, "max", w, int):
            r.fail(w, N_("msg", "分段下限大于上限"))
        if r.get(b, "grade", w, int) not in grades:
            r.fail(f"{w}.grade", N_("msg", "分段给出的等级 {g} 不存在").format(g=b["grade"]))
    for (i, a), (j, b) in itertools.combinations(enumerate(bands), 2):
        if a["min"] <= b["max"] and b["min"] <= a["max"]:
            v = max(a["min"], b["min"])
            r.fail(f"{where}[{j}]", N_("msg", "分数 {v} 落在 {n} 个分段中（应恰好1个）").format(v=v, n=2))
    out = set()
    for v in sorted(reachable):
        hits = [b for b in bands if b["min"] <= v <= b["max"]]
        if len(hits) != 1:
            r.fail(where, N_("msg", "分数 {v} 落在 {n} 个分段中（应恰好1个）").format(v=v, n=len(hits)))
        out.add(hits[0]["grade"])
    return out


def _check_condition(r: Reader, where: str, cond) -> None:
    r.dict(cond, where)
    heads = [k for k in ("all", "any", "not", "count", "var") if k in cond]
    if len(heads) != 1:
        r.fail(where, N_("msg", "条件应含 all、any、not、count、var 之一"))
    head = heads[0]
    if head in ("all", "any"):
        parts = r.get(cond, head, where, list)
        if not parts:
            r.fail(f"{where}.{head}", N_("msg", "条件列表为空"))
        for k, c in enumerate(parts):
            _check_condition(r, f"{where}.{head}[{k}]", c)
        return
    if head == "not":
        _check_condition(r, f"{where}.not", cond["not"])
        return
    if head == "count":
        names = r.get(cond, "count", where, list)
        if not names or not all(isinstance(n, str) for n in names):
            r.fail(f"{where}.count", N_("msg", "类型不对"))
        r.get(cond, "at_least", where, int, default=0)
        r.get(cond, "at_most", where, int, default=0)
    else:
        r.get(cond, "var", where, str)
    if not any(k in cond for k in ("in", "min", "max")):
        r.fail(where, N_("msg", "条件缺少 in、min 或 max"))
    values = r.get(cond, "in", where, list, default=[])
    if any(isinstance(v, bool) or not isinstance(v, int) for v in values):
        r.fail(f"{where}.in", N_("msg", "类型不对"))
    r.get(cond, "min", where, int, default=0)
    r.get(cond, "max", where, int, default=0)


def check_rules(r: Reader, where: str, spec: dict, domains: dict[str, list[int]], grades: set[int]) -> set[int]:
    """A rule table: each rule well formed, and every combination of the values it tests decided by some rule.
    The values are taken as independent of each other (an item and the subtotal it belongs to too), so a table
    must decide even combinations that cannot occur. Returns the grades the table can give."""
    rules = r.get(spec, "rules", where, list)
    if not rules:
        r.fail(f"{where}.rules", N_("msg", "条件列表为空"))
    if r.get(spec, "pick", where, str, default="first") not in ("first", "most_severe"):
        r.fail(f"{where}.pick", N_("msg", "pick 应为 first 或 most_severe"))
    r.get(spec, "overlap_note", where, str, default="")
    for k, rule in enumerate(rules):
        w = f"{where}.rules[{k}]"
        if r.get(rule, "grade", w, int) not in grades:
            r.fail(f"{w}.grade", N_("msg", "规则给出的等级 {g} 不存在").format(g=rule["grade"]))
        r.get(rule, "note", w, str, default="")
        r.get(rule, "fallback", w, bool, default=False)
        _check_condition(r, f"{w}.when", r.get(rule, "when", w, dict))
    names = sorted(set().union(*(condition_vars(x["when"]) for x in rules)))
    for name in names:
        if name not in domains:
            r.fail(where, N_("msg", "规则引用了未知变量“{v}”").format(v=name))
    size = 1
    for name in names:
        size *= len(domains[name])
    if size > MAX_COMBINATIONS:
        r.fail(where, N_("msg", "规则涉及的组合太多（{n}），无法逐一核对").format(n=size))
    out = set()
    for combo in itertools.product(*(domains[n] for n in names)):
        values = dict(zip(names, combo))
        rule = pick_rule(spec, values)
        if rule is None:
            shown = "，".join(f"{k}={v}" for k, v in values.items())
            r.fail(where, N_("msg", "组合 {c} 没有任何规则覆盖").format(c=shown))
        out.add(rule["grade"])
    return out
