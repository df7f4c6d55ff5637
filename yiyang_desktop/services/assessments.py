"""Assessments: drafts and completed records (answers are the source of truth, results recomputed and stored
with the instrument version), care-risk events, the reassessment due list, and care levels."""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re

from ..domain.assessment import (AnswerError, DEFAULT_INSTRUMENT_ID, InstrumentError, ScoreResult, answer_problems,
                                 diagnosis_in, load_instrument, score)
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from .base import Checker, Context, NotFound, Problem, ValidationError, fail
from .accounts import requires
from .beds import BED_LABEL_SQL
from .settings import get_setting

REASONS = (N_("enum", "首次评估"), N_("enum", "常规评估"), N_("enum", "即时评估"), N_("enum", "复评"))
RISK_KINDS = (N_("enum", "跌倒"), N_("enum", "走失"), N_("enum", "噎食"), N_("enum", "自杀/自伤"), N_("enum", "其他"))
DRAFT, DONE = N_("enum", "草稿"), N_("enum", "完成")
# A.4.1 疾病诊断 with their ICD-10 categories (for the entry screen's checklist).
DIAGNOSES = (
    ("I10", N_("enum", "高血压病")), ("I25", N_("enum", "冠心病")), ("E11", N_("enum", "糖尿病")),
    ("J18", N_("enum", "肺炎")), ("J44", N_("enum", "慢阻肺")), ("I61", N_("enum", "脑出血")),
    ("I63", N_("enum", "脑梗塞")), ("G20", N_("enum", "帕金森综合征")), ("N18", N_("enum", "慢性肾衰竭")),
    ("K74", N_("enum", "肝硬化")), ("K27", N_("enum", "消化性溃疡")), ("C80", N_("enum", "肿瘤")),
    ("M84", N_("enum", "骨折(3个月内)")), ("G40", N_("enum", "癫痫")), ("E03", N_("enum", "甲状腺功能减退症")),
    ("H25", N_("enum", "白内障")), ("H40", N_("enum", "青光眼")), ("M81", N_("enum", "骨质疏松症")),
    ("F03", N_("enum", "痴呆")), ("F99", N_("enum", "其他精神和行为障碍")),
)
ICD = re.compile(r"^[A-Z]\d{2}(\.\d{1,2})?$")
DEFAULT_CARE_LEVELS = {
    "gbt42195-2022": ["自理", "介助一级", "介助二级", "介护", "特护"],
    "ltc-2021": ["自理", "介助一级", "介助二级", "介护", "特护", "特护"],
    "mzt039-2013": ["自理", "介助", "介护", "特护"],
    "barthel": ["自理", "介助一级", "介助二级", "介护", "特护"],
    "mbi": ["自理", "介助一级", "介助二级", "介护", "特护"],
}


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def effective_diagnoses(diagnoses: list[dict]) -> list[str]:
    """Codes that count for the override rules: F04–F99 only when a psychiatric specialist diagnosed it."""
    out = []
    for d in diagnoses:
        code = d["code"]
        if diagnosis_in([code], [("F04", "F99")]) and not d.get("psychiatric"):
            continue
        out.append(code)
    return out


def risk_total(events: dict) -> int:
    return sum(int(v) for v in events.values())


def _check(ctx: Context, resident_id: int, data: dict, complete: bool):
    c = Checker(data)
    resident = ctx.db.execute("SELECT birth_date, name FROM residents WHERE id = ?", [resident_id]).fetchone()
    if resident is None:
        raise NotFound(N_("msg", "老人记录不存在"))
    instrument_id = data.get("instrument_id") or DEFAULT_INSTRUMENT_ID
    try:
        inst = load_instrument(instrument_id)
    except InstrumentError as e:
        fail("instrument_id", message_of(e))
    when = c.date("assessed_on", required=True, label=N_("msg", "评估基准日期"))
    if when and (when > ctx.today() or when.isoformat() < resident[0]):
        c.add("assessed_on", N_("msg", "评估基准日期应在出生日期之后、今天或之前"))
    reason = c.choice("reason", REASONS, required=True, label=N_("msg", "评估原因"))
    row = {
        "assessor1": c.text("assessor1", required=complete, label=N_("msg", "评估员1"), max_len=30),
        "assessor2": c.text("assessor2", required=complete, label=N_("msg", "评估员2"), max_len=30),
        "informant_name": c.text("informant_name", label=N_("msg", "信息提供者"), max_len=30),
        "informant_relation": c.text("informant_relation", label=N_("msg", "与老人关系"), max_len=20),
        "note": c.text("note", label=N_("msg", "备注"), max_len=500),
        "coma": 1 if c.flag("coma") else 0,
    }
    if complete and row["assessor1"] and row["assessor1"] == row["assessor2"]:
        c.add("assessor2", N_("msg", "两名评估员应为不同的人"))
    diagnoses = []
    for d in data.get("diagnoses") or []:
        d = {"code": d} if isinstance(d, str) else dict(d)
        code = str(d.get("code", "")).strip().upper()
        if not ICD.match(code):
            c.add("diagnoses", N_("msg", "疾病编码“{code}”不是有效的 ICD-10 编码（如 I10、F03.1）").format(code=code))
            continue
        diagnoses.append({"code": code, "psychiatric": bool(d.get("psychiatric"))})
    events = {}
    for kind, n in (data.get("risk_events") or {}).items():
        if kind not in RISK_KINDS or isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 99:
            c.add("risk_events", N_("msg", "照护风险事件“{k}”的次数应为0及以上的整数").format(k=kind))
            continue
        if n:
            events[kind] = n
    answers = data.get("answers") or {}
    if not isinstance(answers, dict):
        answers = {}
        c.add("answers", N_("msg", "评估答案格式不对"))
    for problem in answer_problems(inst, answers, complete=complete):
        c.add("answers", problem)
    c.raise_if_any()
    result = None
    if complete:
        try:
            result = score(inst, answers, coma=bool(row["coma"]), diagnoses=effective_diagnoses(diagnoses),
                           care_risk_events_30d=risk_total(events))
        except AnswerError as e:
            fail("answers", message_of(e))
    row.update({"resident_id": resident_id, "instrument_id": inst.id, "instrument_version": inst.version,
                "assessed_on": when.isoformat(), "reason": reason, "status": DONE if complete else DRAFT,
                "diagnoses": json.dumps(diagnoses, ensure_ascii=False), "answers": json.dumps(answers),
                "risk_events": json.dumps(events, ensure_ascii=False),
                "result": json.dumps(result.to_json(), ensure_ascii=False) if result else None,
                "total": result.total if result else None, "initial_grade": result.initial_grade if result else None,
                "final_grade": result.final_grade if result else None,
                "final_grade_name": result.final_grade_name if result else None,
                "updated_at": ctx.stamp()})
    return row


@requires("assessments.write")
def save_assessment(ctx: Context, resident_id: int, data: dict, *, assessment_id: int | None = None,
                    complete: bool = False) -> int:
    """Save a draft (may be incomplete, counts nowhere) or a completed assessment (scored now)."""
    row = _check(ctx, resident_id, data, complete)
    with ctx.transaction() as db:
        if assessment_id:
            old = get_assessment(ctx, assessment_id)
            if old["resident_id"] != resident_id:
                fail("", N_("msg", "评估记录不属于这位老人"))
            db["assessments"].update(assessment_id, row)
            return assessment_id
        row["created_at"] = row["updated_at"]
        return db["assessments"].insert(row).last_pk


def preview(data: dict) -> ScoreResult | None:
    """The result the entry screen shows before saving, or None while answers are incomplete."""
    inst = load_instrument(data.get("instrument_id") or DEFAULT_INSTRUMENT_ID)
    answers = data.get("answers") or {}
    if set(answers) != set(inst.item_codes):
        return None
    try:
        return score(inst, answers, coma=bool(data.get("coma")), diagnoses=effective_diagnoses(
            [{"code": d["code"], "psychiatric": d.get("psychiatric")} for d in data.get("diagnoses") or []]),
            care_risk_events_30d=risk_total(data.get("risk_events") or {}))
    except AnswerError:
        return None


def _parse(row: dict) -> dict:
    for key, empty in (("diagnoses", "[]"), ("answers", "{}"), ("risk_events", "{}")):
        row[key] = json.loads(row[key] or empty)
    row["result"] = json.loads(row["result"]) if row.get("result") else None
    return row


@requires("view")
def get_assessment(ctx: Context, assessment_id: int) -> dict:
    row = next(ctx.db.query("SELECT * FROM assessments WHERE id = ?", [assessment_id]), None)
    if row is None:
        raise NotFound(N_("msg", "评估记录不存在"))
    return _parse(row)


@requires("view")
def history(ctx: Context, resident_id: int) -> list[dict]:
    """Every assessment of a resident, oldest first (drafts included, marked by status)."""
    return [_parse(r) for r in ctx.db.query(
        "SELECT * FROM assessments WHERE resident_id = ? ORDER BY assessed_on, id", [resident_id])]


@requires("assessments.write")
def delete_draft(ctx: Context, assessment_id: int) -> None:
    a = get_assessment(ctx, assessment_id)
    if a["status"] != DRAFT:
        fail("", N_("msg", "已完成的评估不能删除"))
    with ctx.transaction() as db:
        db.execute("DELETE FROM assessments WHERE id = ?", [assessment_id])


@requires("view")
def latest_completed(ctx: Context, on: dt.date | None = None, resident_ids=None) -> dict[int, dict]:
    """Each resident's latest completed assessment dated on or before ``on``: {resident_id: row}.

    With ``resident_ids`` only those residents are looked up (through the per-resident index), so the cost
    follows the residents asked about, not the length of the history."""
    on = on or ctx.today()
    if resident_ids is None:
        rows = ctx.db.query("""
            SELECT * FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.resident_id
                                                          ORDER BY a.assessed_on DESC, a.id DESC) AS _rank
                           FROM assessments a WHERE a.status = '完成' AND a.assessed_on <= ?) AS ranked
            WHERE _rank = 1""",
                            [on.isoformat()])
        return {r["resident_id"]: {k: v for k, v in r.items() if k != "_rank"} for r in rows}
    out: dict[int, dict] = {}
    ids = sorted(set(resident_ids))
    if not ids:
        return out
    # One lookup per resident through the (resident_id, assessed_on) index; ``a.status || ''`` keeps SQLite from
    # choosing the status index, which would scan the whole history. A VALUES list runs on both engines.
    for r in ctx.db.query(f"""
            WITH ids(rid) AS (VALUES {", ".join("(?)" for _ in ids)}),
            pick(aid) AS (SELECT (SELECT a.id FROM assessments a WHERE a.resident_id = ids.rid AND a.assessed_on <= ?
                                  AND a.status || '' = '完成' ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) FROM ids)
            SELECT a.* FROM pick JOIN assessments a ON a.id = pick.aid""", [*ids, on.isoformat()]):
        out[r["resident_id"]] = r
    return out


@requires("assessments.write")
def record_care_event(ctx: Context, resident_id: int, data: dict) -> int:
    c = Checker(data)
    when = c.date("event_date", required=True, label=N_("msg", "发生日期"))
    kind = c.choice("kind", RISK_KINDS, required=True, label=N_("msg", "事件类型"))
    note = c.text("note", label=N_("msg", "经过"), max_len=500)
    c.raise_if_any()
    if when > ctx.today():
        fail("event_date", N_("msg", "发生日期不能晚于今天"))
    with ctx.transaction() as db:
        return db["care_events"].insert({"resident_id": resident_id, "event_date": when.isoformat(), "kind": kind,
                                         "note": note}).last_pk


@requires("view")
def events_before(ctx: Context, resident_id: int, end: dt.date, days: int = 30) -> dict[str, int]:
    """Care-risk events in the ``days`` days up to and including ``end``, counted by kind (A.2.14)."""
    start = end - dt.timedelta(days=days - 1)
    return {k: n for k, n in ctx.db.execute(
        "SELECT kind, COUNT(*) FROM care_events WHERE resident_id = ? AND event_date BETWEEN ? AND ? GROUP BY kind",
        [resident_id, start.isoformat(), end.isoformat()]).fetchall()}


DUE_NONE, DUE_OVERDUE, DUE_IMMEDIATE, DUE_SOON, DUE_OK = (
    N_("enum", "未评估"), N_("enum", "已逾期"), N_("enum", "需即时评估"), N_("enum", "即将到期"), N_("enum", "正常"))
_URGENCY = {DUE_NONE: 0, DUE_OVERDUE: 1, DUE_IMMEDIATE: 2, DUE_SOON: 3, DUE_OK: 4}


@requires("view")
def due_list(ctx: Context, on: dt.date | None = None, soon_days: int = 30) -> list[dict]:
    """Residents in residence on ``on`` with their reassessment state, most urgent first.

    Due = last completed assessment + the interval in settings (default 6 months). Immediate reassessment is
    prompted when, after the last assessment, the resident came back from a hospital stay or had ≥ 2 care-risk
    events within 30 days.
    """
    on = on or ctx.today()
    months = int(get_setting(ctx, "reassessment_months") or 6)
    rows = list(ctx.db.query(f"""
        SELECT r.id AS resident_id, r.name, s.id AS stay_id,
               (SELECT {BED_LABEL_SQL} FROM bed_assignments a JOIN beds b ON b.id = a.bed_id
                 WHERE a.stay_id = s.id AND a.start_date <= ?1 ORDER BY a.start_date DESC, a.id DESC LIMIT 1) AS bed
        FROM stays s JOIN residents r ON r.id = s.resident_id
        WHERE s.admission_date <= ?1 AND COALESCE(s.discharge_date, '9999-12-31') > ?1""", [on.isoformat()]))
    latest = latest_completed(ctx, on, [r["resident_id"] for r in rows])  # only those in residence: cost follows them
    reasons_of = _immediate_reasons_of(ctx, {rid: dt.date.fromisoformat(a["assessed_on"]) for rid, a in latest.items()},
                                       on)
    out = []
    for r in rows:
        last = latest.get(r["resident_id"])
        item = {**r, "last_date": None, "final_grade": None, "grade_name": None, "instrument_id": None,
                "due_date": None, "reasons": []}
        if last is None:
            item["state"] = DUE_NONE
        else:
            last_date = dt.date.fromisoformat(last["assessed_on"])
            due = add_months(last_date, months)
            item.update(last_date=last_date, final_grade=last["final_grade"], grade_name=last["final_grade_name"],
                        instrument_id=last["instrument_id"], due_date=due)
            reasons = reasons_of.get(r["resident_id"], [])
            item["reasons"] = reasons
            if due <= on:
                item["state"] = DUE_OVERDUE
            elif reasons:
                item["state"] = DUE_IMMEDIATE
            elif (due - on).days <= soon_days:
                item["state"] = DUE_SOON
            else:
                item["state"] = DUE_OK
        out.append(item)
    out.sort(key=lambda x: (_URGENCY[x["state"]], x["due_date"] or dt.date.min, x["name"]))
    return out


def _immediate_reasons(ctx: Context, resident_id: int, last: dt.date, on: dt.date) -> list[str]:
    return _immediate_reasons_of(ctx, {resident_id: last}, on).get(resident_id, [])


def _immediate_reasons_of(ctx: Context, last_of: dict[int, dt.date], on: dt.date) -> dict[int, list[str]]:
    """Why each resident (id → date of the last completed assessment) needs an immediate reassessment: back from
    hospital after that date, or ≥ 2 care-risk events in the 30 days up to ``on`` (and after that date).
    One statement for all of them (per-resident index lookups inside SQLite)."""
    pairs = [[rid, last.isoformat(), max(last + dt.timedelta(days=1), on - dt.timedelta(days=29)).isoformat()]
             for rid, last in last_of.items()]
    out: dict[int, list[str]] = {}
    if not pairs:
        return out
    day = on.isoformat()
    for rid, back, n in ctx.db.execute(f"""
            WITH q(rid, last, since) AS (VALUES {", ".join("(?, ?, ?)" for _ in pairs)})
            SELECT q.rid,
                   (SELECT MAX(l.end_date) FROM leaves l JOIN stays s ON s.id = l.stay_id
                     WHERE s.resident_id = q.rid AND l.kind = '住院' AND l.end_date > q.last AND l.end_date <= ?),
                   (SELECT COUNT(*) FROM care_events e WHERE e.resident_id = q.rid AND e.event_date BETWEEN q.since AND ?)
            FROM q""", [*(v for p in pairs for v in p), day, day]).fetchall():
        reasons = []
        if back:
            reasons.append(N_("msg", "{d} 住院返回").format(d=back))
        if n >= 2:
            reasons.append(N_("msg", "近30天照护风险事件 {n} 次").format(n=n))
        if reasons:
            out[rid] = reasons
    return out


@requires("view")
def care_levels(ctx: Context) -> dict[str, list[str]]:
    """The institution's own care level for each final grade of each instrument (settings → 护理等级)."""
    saved = get_setting(ctx, "care_levels") or {}
    return {k: list(saved.get(k, v)) for k, v in DEFAULT_CARE_LEVELS.items()}


@requires("settings")
def set_care_levels(ctx: Context, levels: dict[str, list[str]]) -> None:
    from .settings import set_setting
    problems = []
    for inst_id, names in levels.items():
        inst = load_instrument(inst_id)
        if len(names) != len(inst.grades) or not all(str(n).strip() for n in names):
            problems.append(Problem(inst_id, N_("msg", "{name}：每个等级都要对应一个护理等级").format(name=inst.name)))
    if problems:
        raise ValidationError(problems)
    set_setting(ctx, "care_levels", {k: [str(n).strip() for n in v] for k, v in levels.items()})


@requires("settings")
def set_reassessment_months(ctx: Context, months: int) -> None:
    """The routine reassessment interval (1–24 months) the due list counts from."""
    from .settings import set_setting
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 24:
        raise ValidationError([Problem("reassessment_months", N_("msg", "常规复评间隔应为 1 到 24 个月"))])
    set_setting(ctx, "reassessment_months", months)


@requires("view")
def care_level_of(ctx: Context, instrument_id: str | None, grade: int | None, levels: dict | None = None) -> str | None:
    if instrument_id is None or grade is None:
        return None
    levels = levels or care_levels(ctx)
    names = levels.get(instrument_id)
    return names[grade] if names and 0 <= grade < len(names) else None
