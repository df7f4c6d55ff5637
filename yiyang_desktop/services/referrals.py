"""The two-way referral log (双向转诊): log a referral, move it through its states, record the return.

A hospital admission after an up-referral is a ``leaves`` row of kind 住院 written in the same transaction as
the state change: the resident keeps the bed and the census counts them away, not discharged. The return
(已回转) closes that row and marks an immediate reassessment as due (``returns_needing_reassessment``).
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from ..domain import referrals as R
from ..domain.ids import age_on
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import Checker, Context, NotFound, Problem, ValidationError, fail, to_date
from .accounts import requires
from .beds import BED_LABEL_SQL
from .institution import get_institution
from .partners import get_partner
from .visits import stay_on_date
from .residents import start_leave
from .settings import get_setting, set_setting

INDICATIONS_KEY = "referral_indications"
DEFAULT_INDICATIONS = {
    R.UP: ["病情急性加重，需急诊处理", "需住院治疗", "需进一步检查以明确诊断", "慢性病控制不佳，需调整治疗方案",
           "需专科诊疗", "跌倒或外伤需处理", "疑似传染病需排查", "需手术治疗"],
    R.DOWN: ["急性期治疗结束，病情稳定", "需继续康复治疗", "需长期护理", "慢性病稳定期管理", "需安宁疗护"],
}
TRANSPORTS = (N_("enum", "救护车（120）"), N_("enum", "机构车辆"), N_("enum", "家属自行"), N_("enum", "医院派车"),
              N_("enum", "其他"))
_TEXT_FIELDS = (  # (field, label, max length)
    ("department", N_("msg", "科室"), 60), ("receiving_doctor", N_("msg", "接诊医生"), 60),
    ("referring_doctor", N_("msg", "转诊医生"), 60), ("referring_phone", N_("msg", "联系电话"), 40),
    ("impression", N_("msg", "初步印象"), 500), ("present_illness", N_("msg", "主要现病史（转出原因）"), 2000),
    ("past_history", N_("msg", "主要既往史"), 2000), ("treatment", N_("msg", "治疗经过"), 2000),
    ("indication_note", N_("msg", "指征补充说明"), 500), ("transport", N_("msg", "转运方式"), 40),
    ("escort", N_("msg", "陪同人员"), 100), ("note", N_("msg", "备注"), 500))
_RETURN_FIELDS = (
    ("return_diagnosis", N_("msg", "诊断结果"), 500), ("hospital_record_no", N_("msg", "住院病案号"), 40),
    ("return_findings", N_("msg", "主要检查结果"), 2000),
    ("return_advice", N_("msg", "治疗经过、下一步治疗方案及康复建议"), 3000))
_RETURN_PEOPLE = (("return_doctor", N_("msg", "医院转诊医生"), 60), ("return_phone", N_("msg", "联系电话"), 40),
                  ("return_receiver", N_("msg", "本院接诊医生"), 60))



# --- settings -------------------------------------------------------------------------------------------------
@requires("view")
def indications(ctx: Context) -> dict[str, list[str]]:
    """The institution's referral-indication lists by direction (settings, with built-in defaults)."""
    value = get_setting(ctx, INDICATIONS_KEY)
    out = {k: list(v) for k, v in DEFAULT_INDICATIONS.items()}
    if isinstance(value, dict):
        for k in R.DIRECTIONS:
            if isinstance(value.get(k), list):
                out[k] = [str(x) for x in value[k]]
    return out


@requires("settings")
def set_indications(ctx: Context, lists: dict[str, list[str]]) -> None:
    clean, problems = {}, []
    for k in R.DIRECTIONS:
        items = []
        for x in lists.get(k) or []:
            x = str(x).strip()
            if x and x not in items:
                items.append(x)
            if len(x) > 50:
                problems.append(Problem(k, N_("msg", "转诊指征“{x}”太长（最多50个字）").format(x=x[:10] + "…")))
        clean[k] = items
    if problems:
        raise ValidationError(problems)
    set_setting(ctx, INDICATIONS_KEY, clean)


# --- reading --------------------------------------------------------------------------------------------------
def _datetime(c: Checker, name: str, label: str) -> dt.datetime | None:
    value = c.data.get(name)
    if value in (None, ""):
        c.add(name, N_("msg", "请填写{label}").format(label=label))
        return None
    if isinstance(value, dt.datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    try:
        return dt.datetime.fromisoformat(str(value).strip()).replace(second=0, microsecond=0)
    except ValueError:
        c.add(name, N_("msg", "{label}“{v}”不是有效的日期时间（格式：2026-01-31 09:30）").format(label=label, v=value))
        return None


def _events(ctx: Context, referral_id: int) -> list[dict]:
    return list(ctx.db.query("SELECT * FROM referral_events WHERE referral_id = ? ORDER BY event_date, id", [referral_id]))


@requires("view")
def get_referral(ctx: Context, referral_id: int) -> dict:
    r = next(ctx.db.query(
        "SELECT f.*, r.name AS resident_name, r.sex, r.birth_date, p.name AS partner_name FROM referrals f "
        "JOIN residents r ON r.id = f.resident_id JOIN partners p ON p.id = f.partner_id WHERE f.id = ?",
        [referral_id]), None)
    if r is None:
        raise NotFound(N_("msg", "转诊记录不存在"))
    r["indications"] = json.loads(r["indications"] or "[]")
    r["events"] = _events(ctx, referral_id)
    r["leave"] = next(ctx.db.query("SELECT * FROM leaves WHERE id = ?", [r["leave_id"]]), None) if r["leave_id"] else None
    r["referred_on"] = r["referred_at"][:10]
    r["next_states"] = R.next_states(r["direction"], r["state"])
    r["hospital_days"] = _hospital_days(r, (r["leave"] or {}).get("end_date"))
    return r


def _hospital_days(r: dict, leave_end: str | None) -> int | None:
    """Completed hospital days of an up-referral admission: to the return, or to a discharge that closed the stay."""
    end = r.get("returned_on") or leave_end
    return R.hospital_days(to_date(r["admitted_on"]), to_date(end)) if r.get("admitted_on") and end else None


# --- logging a referral ---------------------------------------------------------------------------------------
def _check_referral(ctx: Context, data: dict, current: dict | None) -> dict:
    c = Checker(data)
    direction = c.choice("direction", R.DIRECTIONS, required=True, label=N_("msg", "转诊方向"))
    when = _datetime(c, "referred_at", N_("msg", "转诊时间"))
    urgency = c.choice("urgency", R.URGENCIES, label=N_("msg", "紧急程度")) or "普通"
    row = {k: c.text(k, label=label, max_len=n) for k, label, n in _TEXT_FIELDS}
    if direction == R.DOWN:
        row |= {k: c.text(k, label=label, max_len=n) for k, label, n in _RETURN_FIELDS}
    resident_id, partner_id = data.get("resident_id"), data.get("partner_id")
    resident = None
    if not resident_id:
        c.add("resident_id", N_("msg", "请选择老人"))
    else:
        resident = ctx.db.execute("SELECT id, name FROM residents WHERE id = ?", [resident_id]).fetchone()
        if resident is None:
            c.add("resident_id", N_("msg", "老人记录不存在"))
    if not partner_id:
        c.add("partner_id", N_("msg", "请选择医疗机构"))
    elif not ctx.db.execute("SELECT 1 FROM partners WHERE id = ?", [partner_id]).fetchone():
        c.add("partner_id", N_("msg", "医疗机构记录不存在"))
    if direction == R.UP and not row["present_illness"]:
        c.add("present_illness", N_("msg", "请填写主要现病史（转出原因）"))
    if direction == R.DOWN and not row.get("return_diagnosis"):
        c.add("return_diagnosis", N_("msg", "请填写医院的诊断结果"))
    chosen = [str(x).strip() for x in data.get("indications") or [] if str(x).strip()]
    allowed = set(indications(ctx).get(direction or "", [])) | set((current or {}).get("indications") or [])
    for x in chosen:
        if x not in allowed:
            c.add("indications", N_("msg", "转诊指征“{x}”不在设置的列表中").format(x=x))
    if when and when.date() > ctx.today():
        c.add("referred_at", N_("msg", "转诊时间不能晚于今天"))
    stay = None
    if when and resident:
        stay = stay_on_date(ctx, resident[0], when.date())
        if stay is None:
            c.add("resident_id", N_("msg", "{name} 在 {d} 不在本院入住，不能登记转诊").format(
                name=resident[1], d=when.date().isoformat()))
    if current and current["events"][1:]:
        if int(resident_id or 0) != current["resident_id"] or direction != current["direction"]:
            c.add("resident_id", N_("msg", "转诊状态已变更过，不能再更改老人或转诊方向"))
        first_change = current["events"][1]["event_date"]
        if when and when.date().isoformat() > first_change:
            c.add("referred_at", N_("msg", "转诊时间不能晚于状态变更日期 {d}").format(d=first_change))
    c.raise_if_any()
    if direction == R.UP and current is None:
        open_up = ctx.db.execute(
            "SELECT substr(referred_at, 1, 10), state FROM referrals WHERE resident_id = ? AND direction = '上转' "
            "AND state IN ('待接收', '已接收', '住院', '门诊处理')", [resident_id]).fetchone()
        if open_up:
            fail("resident_id", N_("msg", "这位老人已有一条未结束的上转记录（{d}，{state}），请先处理那一条").format(
                d=open_up[0], state=open_up[1]))
    return row | {"resident_id": int(resident_id), "stay_id": stay["id"], "direction": direction,
                  "referred_at": when.isoformat(timespec="minutes"), "partner_id": int(partner_id), "urgency": urgency,
                  "indications": json.dumps([x for x in dict.fromkeys(chosen)], ensure_ascii=False)}


@requires("referrals.write")
def create_referral(ctx: Context, data: dict) -> int:
    row = _check_referral(ctx, data, None)
    now = ctx.stamp()
    with ctx.transaction() as db:
        rid = db["referrals"].insert(row | {"state": R.PENDING, "state_date": row["referred_at"][:10],
                                            "created_at": now, "updated_at": now}).last_pk
        db["referral_events"].insert({"referral_id": rid, "state": R.PENDING, "event_date": row["referred_at"][:10],
                                      "user": ctx.user, "created_at": now})
    return rid


@requires("referrals.write")
def update_referral(ctx: Context, referral_id: int, data: dict) -> None:
    """Correct the details of a logged referral (its state moves only through ``change_state``/``record_return``)."""
    current = get_referral(ctx, referral_id)
    row = _check_referral(ctx, data, current)
    with ctx.transaction() as db:
        db["referrals"].update(referral_id, row | {"updated_at": ctx.stamp()})
        db.execute("UPDATE referral_events SET event_date = ? WHERE id = ?",
                   [row["referred_at"][:10], current["events"][0]["id"]])
        if current["state"] == R.PENDING:
            db["referrals"].update(referral_id, {"state_date": row["referred_at"][:10]})


@requires("referrals.write")
def delete_referral(ctx: Context, referral_id: int) -> None:
    """Remove a referral logged by mistake: only while nothing has happened to it (待接收)."""
    r = get_referral(ctx, referral_id)
    if len(r["events"]) > 1:
        fail("", N_("msg", "转诊状态已变更过，不能删除；如登记有误，请用“变更状态”→“已结束”并写明原因"))
    with ctx.transaction() as db:
        db.execute("DELETE FROM referrals WHERE id = ?", [referral_id])


# --- moving through the states --------------------------------------------------------------------------------
def _check_date(c: Checker, r: dict, name: str, label: str, ctx: Context) -> dt.date | None:
    when = c.date(name, required=True, label=label)
    if when is None:
        return None
    last = r["events"][-1]["event_date"]
    if when.isoformat() < r["referred_on"]:
        c.add(name, N_("msg", "{label}不能早于转诊日期 {d}").format(label=label, d=r["referred_on"]))
    elif when.isoformat() < last:
        c.add(name, N_("msg", "{label}不能早于上一状态“{state}”的日期 {d}").format(label=label, state=r["state"], d=last))
    if when > ctx.today():
        c.add(name, N_("msg", "{label}不能晚于今天").format(label=label))
    return when


@requires("referrals.write")
def change_state(ctx: Context, referral_id: int, data: dict) -> None:
    """One dated step of the state machine (已回转 goes through ``record_return``, which asks for the findings).

    Closing (已结束) a referral whose hospital stay is still open leaves the resident counted in hospital, unless
    ``end_hospital_stay`` is set: then the stay ends on the closing date (the resident is back)."""
    r = get_referral(ctx, referral_id)
    c = Checker(data)
    new = c.text("state", required=True, label=N_("msg", "新状态"))
    reason = c.text("reason", label=N_("msg", "原因"), max_len=300)
    note = c.text("note", label=N_("msg", "备注"), max_len=500)
    when = _check_date(c, r, "date", N_("msg", "变更日期"), ctx)
    if new and (problem := R.transition_problem(r["direction"], r["state"], new)):
        c.add("state", problem)
    elif new == R.RETURNED:
        c.add("state", N_("msg", "回转请用“登记回转”，填写诊断与康复建议"))
    if new and R.needs_reason(new) and not reason:
        c.add("reason", N_("msg", "“{state}”需要填写原因").format(state=new))
    end_stay = c.flag("end_hospital_stay") and new == R.CLOSED
    c.raise_if_any()
    changes: dict = {"state": new, "state_date": when.isoformat(), "updated_at": ctx.stamp()}
    if R.needs_reason(new):
        changes["closed_reason"] = reason
    stay = next(ctx.db.query("SELECT * FROM stays WHERE id = ?", [r["stay_id"]]))
    if new in (R.INPATIENT, R.ACCEPTED) and stay["discharge_date"] and stay["discharge_date"] < when.isoformat():
        fail("date", N_("msg", "老人已于 {d} 出院，请用“已结束”并写明原因").format(d=stay["discharge_date"]))
    open_hospital = next(ctx.db.query(
        "SELECT * FROM leaves WHERE stay_id = ? AND kind = '住院' AND end_date IS NULL AND start_date <= ?",
        [r["stay_id"], when.isoformat()]), None)
    with ctx.transaction() as db:
        if new == R.INPATIENT:
            changes |= {"referral_admission": 1, "admitted_on": when.isoformat()}
            if open_hospital:  # already recorded as in hospital on the residents page: that stay is this admission
                changes["leave_id"] = open_hospital["id"]
            else:
                try:  # a stay discharged since (logged afterwards): the discharge ended the hospital stay too
                    changes["leave_id"] = start_leave(ctx, r["stay_id"], {
                        "kind": "住院", "start_date": when, "end_date": stay["discharge_date"],
                        "destination": r["partner_name"], "note": N_("msg", "转诊住院（转诊记录 {n}）").format(n=referral_id)})
                except ValidationError as e:
                    raise ValidationError([Problem("date", p.message) for p in e.problems]) from e
        leave = r["leave"]
        if end_stay and leave and leave["end_date"] is None:  # closed, and the resident is back from hospital too
            db["leaves"].update(leave["id"], {"end_date": when.isoformat()})
        if r["direction"] == R.DOWN and new == R.ACCEPTED:
            changes["reassessment_due_from"] = when.isoformat()
            changes["returned_on"] = when.isoformat()
            if open_hospital:  # the hospital stay this down-referral ends
                db["leaves"].update(open_hospital["id"], {"end_date": when.isoformat()})
                changes["leave_id"] = open_hospital["id"]
        db["referrals"].update(referral_id, changes)
        db["referral_events"].insert({"referral_id": referral_id, "state": new, "event_date": when.isoformat(),
                                      "reason": reason, "note": note, "user": ctx.user, "created_at": ctx.stamp()})


@requires("referrals.write")
def record_return(ctx: Context, referral_id: int, data: dict) -> None:
    """已回转: the resident is back with the hospital's findings; the hospital stay ends; reassessment is due.

    On a referral already returned, the same call corrects the return's details and date."""
    r = get_referral(ctx, referral_id)
    editing = r["state"] == R.RETURNED
    c = Checker(data)
    if not editing and (problem := R.transition_problem(r["direction"], r["state"], R.RETURNED)):
        c.add("returned_on", problem)
        c.raise_if_any()
    last_event_id = r["events"][-1]["id"]
    if editing:  # validate the date against the step before the return
        r = r | {"events": r["events"][:-1], "state": r["events"][-2]["state"]}
    when = _check_date(c, r, "returned_on", N_("msg", "回转日期"), ctx)
    row = {k: c.text(k, label=label, max_len=n) for k, label, n in _RETURN_FIELDS + _RETURN_PEOPLE}
    note = c.text("note", label=N_("msg", "备注"), max_len=500)
    if not row["return_diagnosis"]:
        c.add("return_diagnosis", N_("msg", "请填写诊断结果"))
    c.raise_if_any()
    stay = next(ctx.db.query("SELECT * FROM stays WHERE id = ?", [r["stay_id"]]))
    if stay["discharge_date"] and stay["discharge_date"] <= when.isoformat():
        fail("returned_on", N_("msg", "老人已于 {d} 办理出院，不能登记回转；请用“变更状态”→“已结束”并写明原因").format(
            d=stay["discharge_date"]))
    leave = r["leave"]
    with ctx.transaction() as db:
        if leave and (leave["end_date"] is None or (editing and leave["end_date"] == r["returned_on"])):
            db["leaves"].update(leave["id"], {"end_date": when.isoformat()})
        db["referrals"].update(referral_id, row | {
            "state": R.RETURNED, "state_date": when.isoformat(), "returned_on": when.isoformat(),
            "reassessment_due_from": when.isoformat(), "updated_at": ctx.stamp()})
        if editing:
            db.execute("UPDATE referral_events SET event_date = ?, note = ? WHERE id = ?",
                       [when.isoformat(), note, last_event_id])
        else:
            db["referral_events"].insert({"referral_id": referral_id, "state": R.RETURNED, "event_date": when.isoformat(),
                                          "note": note, "user": ctx.user, "created_at": ctx.stamp()})


@requires("view")
def returns_needing_reassessment(ctx: Context) -> list[dict]:
    """Residents back from hospital (回转) with no completed assessment since: an immediate reassessment is due.

    Read by the assessment feature; ``due_from`` is the return date."""
    return list(ctx.db.query("""
        SELECT f.id AS referral_id, f.resident_id, r.name, f.reassessment_due_from AS due_from, f.direction,
               f.return_diagnosis, p.name AS partner_name
        FROM referrals f JOIN residents r ON r.id = f.resident_id JOIN partners p ON p.id = f.partner_id
        JOIN stays s ON s.id = f.stay_id
        WHERE f.reassessment_due_from IS NOT NULL AND s.discharge_date IS NULL
          AND f.id = (SELECT g.id FROM referrals g WHERE g.resident_id = f.resident_id
                        AND g.reassessment_due_from IS NOT NULL ORDER BY g.reassessment_due_from DESC, g.id DESC LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.resident_id = f.resident_id AND a.status = '完成'
                            AND a.assessed_on >= f.reassessment_due_from)
        ORDER BY f.reassessment_due_from"""))


# --- lists, counts, the slip ----------------------------------------------------------------------------------
@requires("view")
def list_referrals(ctx: Context, start: dt.date | None = None, end: dt.date | None = None, direction: str | None = None,
                   partner_id: int | None = None, state: str | None = None, resident_id: int | None = None) -> list[dict]:
    where, args = ["1 = 1"], []  # portable: the server wants a boolean, not the integer 1
    for cond, value in (("f.referred_at >= ?", start and start.isoformat()),  # plain comparisons use the index
                        ("f.referred_at < ?", end and (end + dt.timedelta(days=1)).isoformat()),
                        ("f.direction = ?", direction), ("f.partner_id = ?", partner_id), ("f.state = ?", state),
                        ("f.resident_id = ?", resident_id)):
        if value:
            where.append(cond)
            args.append(value)
    rows = list(ctx.db.query(f"""
        SELECT f.*, r.name AS resident_name, p.name AS partner_name, l.end_date AS leave_end,
               (SELECT {BED_LABEL_SQL} FROM bed_assignments a JOIN beds b ON b.id = a.bed_id WHERE a.stay_id = f.stay_id
                 ORDER BY a.start_date DESC, a.id DESC LIMIT 1) AS bed
        FROM referrals f JOIN residents r ON r.id = f.resident_id JOIN partners p ON p.id = f.partner_id
        LEFT JOIN leaves l ON l.id = f.leave_id
        WHERE {' AND '.join(where)} ORDER BY f.referred_at DESC, f.id DESC""", args))
    today = ctx.today()
    for f in rows:
        f["indications"] = json.loads(f["indications"] or "[]")
        f["referred_on"] = f["referred_at"][:10]
        f["hospital_days"] = _hospital_days(f, f["leave_end"])
        f["in_hospital_days"] = (R.hospital_days(to_date(f["admitted_on"]), today)
                                 if f["state"] == R.INPATIENT and f["admitted_on"] and not f["leave_end"] else None)
    return rows


def _tally(key: str, rows: list[dict]) -> dict:
    m = {"month": key, "total": len(rows), "by_direction": {d: 0 for d in R.DIRECTIONS}, "by_partner": {},
         "by_state": {s: 0 for s in R.STATES}}
    days = []
    for f in rows:
        m["by_direction"][f["direction"]] += 1
        m["by_partner"][f["partner_name"]] = m["by_partner"].get(f["partner_name"], 0) + 1
        m["by_state"][f["state"]] += 1
        if f["hospital_days"] is not None:
            days.append(f["hospital_days"])
    m["admissions_closed"] = len(days)
    m["avg_hospital_days"] = (Decimal(sum(days)) / len(days)).quantize(Decimal("0.1")) if days else None
    return m


@requires("view")
def month_stats(ctx: Context, start: dt.date, end: dt.date, *, with_total: bool = False, **filters) -> list[dict]:
    """Per month of the referral date: counts by direction, partner and outcome (state now), average hospital days
    of the completed referral admissions. ``with_total`` appends a row over the whole period (month "合计")."""
    rows = list_referrals(ctx, start, end, **filters)
    months: dict[str, list[dict]] = {}
    for f in rows:
        months.setdefault(f["referred_on"][:7], []).append(f)
    out = [_tally(k, months[k]) for k in sorted(months)]
    if with_total:
        out.append(_tally(N_("msg", "合计"), rows))
    return out


@requires("view")
def month_summary(ctx: Context, year: int, month: int) -> dict:
    """The medical-cooperation figures of one month for the monthly returns."""
    first = dt.date(year, month, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    refs = list_referrals(ctx, first, last)
    visits = ctx.db.execute("SELECT COUNT(*), (SELECT COUNT(*) FROM visit_residents x JOIN visits w ON w.id = x.visit_id "
                            "WHERE w.visit_date BETWEEN ?1 AND ?2) FROM visits WHERE visit_date BETWEEN ?1 AND ?2",
                            [first.isoformat(), last.isoformat()]).fetchone()
    from .partners import list_agreements
    in_force = [a for a in list_agreements(ctx, last) if R.in_force(a["status"])]
    return {"month": first.strftime("%Y-%m"), "referrals_up": sum(1 for f in refs if f["direction"] == R.UP),
            "referrals_down": sum(1 for f in refs if f["direction"] == R.DOWN),
            "referral_admissions": sum(1 for f in refs if f["referral_admission"]),
            "visits": visits[0], "visit_resident_times": visits[1],
            "partners_signed": len({a["partner_id"] for a in in_force}), "agreements_in_force": len(in_force)}


@requires("export.personal")  # only printed or exported: the file carries personal data
def slip_data(ctx: Context, referral_id: int) -> dict:
    """Everything the printed 双向转诊单 needs, as plain strings."""
    r = get_referral(ctx, referral_id)
    inst = get_institution(ctx)
    partner = get_partner(ctx, r["partner_id"])
    resident = next(ctx.db.query("SELECT * FROM residents WHERE id = ?", [r["resident_id"]]))
    contact = next(ctx.db.query("SELECT name, relation, phone FROM resident_contacts WHERE resident_id = ? ORDER BY sort",
                                [r["resident_id"]]), None)
    bed = ctx.db.execute(f"SELECT {BED_LABEL_SQL} FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                         "WHERE a.stay_id = ? ORDER BY a.start_date DESC, a.id DESC LIMIT 1", [r["stay_id"]]).fetchone()
    referred = dt.datetime.fromisoformat(r["referred_at"])
    from .accounts import shown_phone
    phone = shown_phone(ctx, resident["phone"])  # masked for roles without view.personal_ids, like everywhere
    if not phone and contact and contact["phone"]:
        who = "，".join(x for x in (contact["name"], contact["relation"]) if x)
        phone = f"{shown_phone(ctx, contact['phone'])}（{who}）"
    return {
        "id": r["id"], "direction": r["direction"], "state": r["state"], "urgency": r["urgency"],
        "institution": inst.get("name") or "", "institution_phone": inst.get("contact_phone") or "",
        "partner": partner["name"], "partner_phone": partner.get("phone") or "",
        "name": r["resident_name"], "sex": r["sex"], "age": age_on(to_date(r["birth_date"]), referred.date()),
        "record_no": f"{r['resident_id']:06d}",
        "address": "".join(x for x in (inst.get("address") or "", f"（{bed[0]}）" if bed else "") if x),
        "phone": phone,
        "referred_at": referred, "department": r["department"] or "", "receiving_doctor": r["receiving_doctor"] or "",
        "referring_doctor": r["referring_doctor"] or "", "referring_phone": r["referring_phone"] or "",
        "impression": r["impression"] or "", "present_illness": r["present_illness"] or "",
        "past_history": r["past_history"] or "", "treatment": r["treatment"] or "",
        "indications": "、".join(r["indications"] + ([r["indication_note"]] if r["indication_note"] else [])),
        "transport": r["transport"] or "", "escort": r["escort"] or "",
        "returned_on": to_date(r["returned_on"]), "return_diagnosis": r["return_diagnosis"] or "",
        "hospital_record_no": r["hospital_record_no"] or "", "return_findings": r["return_findings"] or "",
        "return_advice": r["return_advice"] or "", "return_doctor": r["return_doctor"] or "",
        "return_phone": r["return_phone"] or "", "return_receiver": r["return_receiver"] or "",
        "has_return": r["direction"] == R.DOWN or r["state"] == R.RETURNED,
    }
