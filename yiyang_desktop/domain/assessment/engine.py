"""One scoring engine for every instrument file: subtotals, indicator grades, initial grade, overrides."""
from __future__ import annotations

from typing import Iterable, Mapping

from ..text import QT_TRANSLATE_NOOP as N_
from .model import Instrument, ScoreResult


class AnswerError(ValueError):
    """An answer set that cannot be scored; ``str(err)`` names the item and the allowed values in Chinese."""


# --- conditions (used by rule-based grading) -----------------------------------------------------------------
def holds(cond: Mapping, values: Mapping[str, int]) -> bool:
    """Evaluate a declarative condition over named values (item codes, ``grade:X``, ``sum:X``, ``total``)."""
    if "all" in cond:
        return all(holds(c, values) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, values) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], values)
    if "count" in cond:
        n = sum(1 for v in cond["count"] if _test(values[v], cond))
        return cond.get("at_least", 0) <= n <= cond.get("at_most", len(cond["count"]))
    return _test(values[cond["var"]], cond)


def _test(value: int, cond: Mapping) -> bool:
    if "in" in cond:
        return value in cond["in"]
    return cond.get("min", value) <= value <= cond.get("max", value)


def condition_vars(cond: Mapping) -> set[str]:
    if "all" in cond or "any" in cond:
        return set().union(*(condition_vars(c) for c in cond.get("all", cond.get("any", []))))
    if "not" in cond:
        return condition_vars(cond["not"])
    if "count" in cond:
        return set(cond["count"])
    return {cond["var"]}


def first_rule(rules: Iterable[Mapping], values: Mapping[str, int]) -> Mapping | None:
    return next((r for r in rules if holds(r["when"], values)), None)


def band_grade(bands: Iterable[Mapping], value: int) -> int | None:
    return next((b["grade"] for b in bands if b["min"] <= value <= b["max"]), None)


# --- answers --------------------------------------------------------------------------------------------------
def answer_problems(inst: Instrument, answers: Mapping, *, complete: bool = True) -> list[str]:
    """Chinese sentences for every unknown item, disallowed value and (if ``complete``) missing item."""
    problems = []
    codes = set(inst.item_codes)
    for code, value in answers.items():
        if code not in codes:
            problems.append(N_("msg", "未知的评估项目“{code}”（{inst}没有这一项）").format(code=code, inst=inst.name))
            continue
        item = inst.item(code)
        if isinstance(value, bool) or not isinstance(value, int) or value not in item.allowed:
            problems.append(N_("msg", "{code} {name}：{value} 不是允许的分值，可选：{allowed}").format(
                code=code, name=item.name, value=value, allowed="、".join(str(a) for a in sorted(item.allowed))))
    if complete:
        for item in inst.items:
            if item.code not in answers:
                problems.append(N_("msg", "缺少 {code} {name} 的评分，可选：{allowed}").format(
                    code=item.code, name=item.name, allowed="、".join(str(a) for a in sorted(item.allowed))))
    return problems


def diagnosis_in(codes: Iterable[str], ranges: Iterable[Iterable[str]]) -> bool:
    """Whether any ICD-10 code falls in a category range like ("F00", "F03"), by its 3-character category."""
    cats = [c.strip().upper()[:3] for c in codes if c and len(c.strip()) >= 3]
    return any(lo <= cat <= hi for cat in cats for lo, hi in ranges)


# --- scoring --------------------------------------------------------------------------------------------------
def score(inst: Instrument, answers: Mapping[str, int], *, coma: bool = False, diagnoses: Iterable[str] = (),
          care_risk_events_30d: int = 0) -> ScoreResult:
    """Score a complete answer set (points of the chosen options) by the instrument's own rules."""
    if not isinstance(answers, Mapping):
        raise AnswerError(N_("msg", "评估答案格式不对：应为“项目编号: 分值”的对应表"))
    problems = answer_problems(inst, answers)
    if problems:
        raise AnswerError("\n".join(problems))
    values: dict[str, int] = dict(answers)
    subtotals, grades = {}, {}
    for ind in inst.indicators:
        subtotals[ind.code] = sum(answers[c] for c in ind.items)
        values[f"sum:{ind.code}"] = subtotals[ind.code]
        if ind.grading:
            g = _grade(ind.grading, subtotals[ind.code], values)
            grades[ind.code] = g
            values[f"grade:{ind.code}"] = g
    total = sum(subtotals.values()) if inst.raw.get("has_total", True) else None
    if total is not None:
        values["total"] = total
    notes: list[str] = []
    initial = _initial(inst, values, grades, notes)
    final, applied = _overrides(inst, initial, coma=coma, diagnoses=list(diagnoses),
                                events=int(care_risk_events_30d or 0))
    return ScoreResult(inst.id, inst.version, subtotals, total, grades, initial, inst.grade_name(initial),
                       tuple(applied), final, inst.grade_name(final), inst.pending_verification, tuple(notes))


def _grade(grading: Mapping, subtotal: int, values: Mapping[str, int]) -> int:
    if grading["kind"] == "bands":
        return band_grade(grading["bands"], subtotal)
    return first_rule(grading["rules"], values)["grade"]


def _initial(inst: Instrument, values: Mapping[str, int], grades: Mapping[str, int], notes: list[str]) -> int:
    spec = inst.initial
    kind = spec["kind"]
    if kind == "total_bands":
        return band_grade(spec["bands"], values["total"])
    if kind == "indicator":
        return grades[spec["indicator"]]
    if kind == "matrix":
        row = grades[spec["rows"]]
        col = max(grades[c] for c in spec["cols_worst_of"])
        return spec["matrix"][row][col]
    rule = first_rule(spec["rules"], values)
    if rule.get("note"):
        notes.append(rule["note"])
    return rule["grade"]


def _overrides(inst: Instrument, grade: int, *, coma: bool, diagnoses: list[str], events: int) -> tuple[int, list[dict]]:
    applied = []
    cap = inst.cap if inst.cap is not None else inst.max_grade
    for rule in inst.overrides:
        before = grade
        if rule["kind"] == "set_if_flag":
            if {"coma": coma}.get(rule["flag"]):
                grade = max(grade, rule["grade"])
            because = [rule["flag"]]
        else:  # raise_once_if_any
            because = [c["id"] for c in rule["conditions"] if _condition_met(c, diagnoses, events)]
            if because:
                grade = min(cap, grade + rule.get("by", 1))
        grade = min(grade, cap)
        if grade != before:
            applied.append({"rule": rule["id"], "because": because, "description": rule["description"]})
    return grade, applied


def _condition_met(cond: Mapping, diagnoses: list[str], events: int) -> bool:
    if "diagnosis_ranges" in cond:
        return diagnosis_in(diagnoses, cond["diagnosis_ranges"])
    return events >= cond["care_risk_events_at_least"]
