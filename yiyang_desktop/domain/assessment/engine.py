"""One scoring engine for every instrument file: subtotals, indicator grades, initial grade, overrides.

Nothing here knows an instrument by name; everything comes from the file. The small condition language used by
rule-based grading (see ``holds``) works over named values: item codes (the points given), ``sum:IND`` (an
indicator's subtotal) and ``grade:IND`` (an indicator's grade)::

    {"var": "B.3.1", "in": [0, 1]}          {"var": "grade:B.1", "min": 2, "max": 3}
    {"all": [...]}  {"any": [...]}  {"not": {...}}
    {"count": ["grade:B.2", "grade:B.3"], "in": [3], "at_least": 1, "at_most": 2}
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping

from ..text import QT_TRANSLATE_NOOP as N_
from .model import Instrument, ScoreResult

FLAGS = ("coma",)  # the yes/no facts an override may test (A.5.11 昏迷)
_ICD = re.compile(r"^[A-Z]\d{2}(\.\w{1,4})?$")


class AnswerError(ValueError):
    """An answer set that cannot be scored; ``str(err)`` names the item and the allowed values in Chinese."""


# --- conditions ---------------------------------------------------------------------------------------------
def holds(cond: Mapping, values: Mapping[str, int]) -> bool:
    """Evaluate a declarative condition over named values."""
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
    if "in" in cond and value not in cond["in"]:
        return False
    return cond.get("min", value) <= value <= cond.get("max", value)


def condition_vars(cond: Mapping) -> set[str]:
    if "all" in cond or "any" in cond:
        return set().union(*(condition_vars(c) for c in cond.get("all", cond.get("any", []))))
    if "not" in cond:
        return condition_vars(cond["not"])
    if "count" in cond:
        return set(cond["count"])
    return {cond["var"]}


def matching_rules(spec: Mapping, values: Mapping[str, int]) -> tuple[list[Mapping], list[Mapping]]:
    """(regular rules that hold, fallback rules that hold), each in file order."""
    hits = [r for r in spec["rules"] if holds(r["when"], values)]
    return [r for r in hits if not r.get("fallback")], [r for r in hits if r.get("fallback")]


def pick_rule(spec: Mapping, values: Mapping[str, int], notes: list[str] | None = None) -> Mapping | None:
    """The rule that decides: among the regular rules that hold, the first one (``"pick": "first"``) or the one
    with the most severe grade (``"pick": "most_severe"``); a fallback rule only when no regular rule holds.
    The readings used (an overlap note, a rule's own note) are appended to ``notes``."""
    regular, fallback = matching_rules(spec, values)
    if regular:
        chosen = max(regular, key=lambda r: r["grade"]) if spec.get("pick") == "most_severe" else regular[0]
        if len({r["grade"] for r in regular}) > 1 and spec.get("overlap_note") and notes is not None:
            notes.append(spec["overlap_note"])
    elif fallback:
        chosen = fallback[0]
    else:
        return None
    if chosen.get("note") and notes is not None:
        notes.append(chosen["note"])
    return chosen


def band_grade(bands: Iterable[Mapping], value: int) -> int | None:
    return next((b["grade"] for b in bands if b["min"] <= value <= b["max"]), None)


# --- answers and facts -------------------------------------------------------------------------------------
def _allowed_text(item) -> str:
    return "、".join(str(a) for a in sorted(item.allowed))


def answer_problems(inst: Instrument, answers: Mapping, *, complete: bool = True) -> list[str]:
    """Chinese sentences for every unknown item, disallowed value and (if ``complete``) missing item."""
    if not isinstance(answers, Mapping):
        return [N_("msg", "评估答案格式不对：应为“项目编号: 分值”的对应表")]
    problems = []
    for code, value in answers.items():
        if not inst.has_item(code):
            problems.append(N_("msg", "未知的评估项目“{code}”（{inst}没有这一项）").format(code=code, inst=inst.name))
            continue
        item = inst.item(code)
        if isinstance(value, bool) or not isinstance(value, int) or value not in item.allowed:
            problems.append(N_("msg", "{code} {name}：{value} 不是允许的分值，可选：{allowed}").format(
                code=code, name=item.name, value=value, allowed=_allowed_text(item)))
    if complete:
        for item in inst.items:
            if item.code not in answers:
                problems.append(N_("msg", "缺少 {code} {name} 的评分，可选：{allowed}").format(
                    code=item.code, name=item.name, allowed=_allowed_text(item)))
    return problems


def icd_category(code: str) -> str | None:
    """The 3-character ICD-10 category of a code ("F03.9" → "F03"), or None if it is not an ICD-10 code."""
    c = code.strip().upper() if isinstance(code, str) else ""
    return c[:3] if _ICD.match(c) else None


def diagnosis_in(codes: Iterable[str], ranges: Iterable[Iterable[str]]) -> bool:
    """Whether any ICD-10 code falls in a category range like ("F00", "F03"), by its 3-character category."""
    cats = [c for c in map(icd_category, codes) if c]
    return any(lo <= cat <= hi for cat in cats for lo, hi in ranges)


def _checked_facts(coma, diagnoses, events) -> dict:
    if coma not in (True, False):  # also accepts 0 and 1
        raise AnswerError(N_("msg", "“昏迷”应为是或否"))
    if isinstance(diagnoses, (str, bytes)) or not isinstance(diagnoses, Iterable):
        raise AnswerError(N_("msg", "疾病诊断应为 ICD-10 编码的列表，如 [\"F01\", \"I10\"]"))
    diagnoses = list(diagnoses)
    for d in diagnoses:
        if icd_category(d) is None:
            raise AnswerError(N_("msg", "疾病编码“{code}”不是有效的 ICD-10 编码（如 I10、F03.1）").format(code=d))
    if isinstance(events, bool) or not isinstance(events, int) or events < 0:
        raise AnswerError(N_("msg", "近30天照护风险事件次数应为不小于0的整数"))
    return {"coma": bool(coma), "diagnoses": diagnoses, "events": events}


# --- scoring -----------------------------------------------------------------------------------------------
def score(inst: Instrument, answers: Mapping[str, int], *, coma: bool = False, diagnoses: Iterable[str] = (),
          care_risk_events_30d: int = 0) -> ScoreResult:
    """Score a complete answer set (points of the chosen options) by the instrument's own rules.

    ``diagnoses`` are ICD-10 codes taken as given: the caller keeps out F04–F99 codes that no psychiatric
    specialist diagnosed. An incomplete or invalid answer set raises AnswerError."""
    problems = answer_problems(inst, answers)
    if problems:
        raise AnswerError("\n".join(problems))
    facts = _checked_facts(coma, diagnoses, care_risk_events_30d)
    values: dict[str, int] = dict(answers)
    subtotals, grades, notes = {}, {}, []
    pending = bool(inst.raw.get("pending_verification"))
    for ind in inst.indicators:
        subtotals[ind.code] = values[f"sum:{ind.code}"] = sum(answers[c] for c in ind.items)
        if ind.grading:
            grades[ind.code] = values[f"grade:{ind.code}"] = _grade(ind.grading, subtotals[ind.code], values, notes)
            pending |= ind.pending_verification
    total = sum(subtotals.values()) if inst.has_total else None
    initial = _initial(inst.initial, total, values, grades, notes)
    pending |= bool(inst.initial.get("pending_verification"))
    final, applied = _overrides(inst, initial, facts)
    return ScoreResult(
        instrument=inst.id, version=inst.version, subtotals=subtotals, total=total, indicator_grades=grades,
        initial_grade=initial, initial_grade_name=inst.grade_name(initial), applied=tuple(applied),
        final_grade=final, final_grade_name=inst.grade_name(final), pending_verification=pending,
        notes=tuple(dict.fromkeys(notes)),
        indicator_grade_names={k: inst.indicator_grade_name(g) for k, g in grades.items()})


def _grade(grading: Mapping, subtotal: int, values: Mapping[str, int], notes: list[str]) -> int:
    if grading["kind"] == "bands":
        return band_grade(grading["bands"], subtotal)
    return pick_rule(grading, values, notes)["grade"]


def _initial(spec: Mapping, total: int | None, values: Mapping[str, int], grades: Mapping[str, int],
             notes: list[str]) -> int:
    kind = spec["kind"]
    if kind == "total_bands":
        return band_grade(spec["bands"], total)
    if kind == "indicator":
        return grades[spec["indicator"]]
    if kind == "matrix":  # rows: one indicator's grade; columns: the worst (highest) grade of the others
        row = grades[spec["rows"]]
        col = max(grades[c] for c in spec["cols_worst_of"])
        return spec["matrix"][row][col]
    return pick_rule(spec, values, notes)["grade"]


def _overrides(inst: Instrument, initial: int, facts: Mapping) -> tuple[int, list[dict]]:
    """Apply the override rules in file order. A rule can only make the grade more severe, never better."""
    grade, applied = initial, []
    cap = inst.cap if inst.cap is not None else inst.max_grade
    for rule in inst.overrides:
        before = grade
        if rule["kind"] == "set_if_flag":
            because = [rule["flag"]] if facts[rule["flag"]] else []
            reasons = [rule["description"]] if because else []
            if because:
                grade = max(grade, rule["grade"])
        else:  # raise_once_if_any: however many conditions hold, one raise
            met = [c for c in rule["conditions"] if _condition_met(c, facts)]
            because, reasons = [c["id"] for c in met], [c["description"] for c in met]
            if met:
                grade = max(grade, min(cap, grade + rule.get("by", 1)))
        if grade != before:
            applied.append({"rule": rule["id"], "description": rule["description"], "because": because,
                            "reasons": reasons})
    return grade, applied


def _condition_met(cond: Mapping, facts: Mapping) -> bool:
    if "diagnosis_ranges" in cond:
        return diagnosis_in(facts["diagnoses"], cond["diagnosis_ranges"])
    return facts["events"] >= cond["care_risk_events_at_least"]
