"""The figures of one month's return, computed from dated history (never from today's state).

Conventions (those of ``domain.census``): a day's census is the end-of-day count; "month start" is the census at
the end of the day before the 1st (who was in residence as the month began), "month end" the census at the end of
the last day. Admissions and discharges are stays whose admission / discharge date falls in the month, so
``residents_start + admissions - discharges == residents_end``. A resident in hospital or on leave keeps the bed.
Every query reads only rows that overlap the month (plus each bed's type history and each month-end resident's
latest assessment), so the cost follows the month, not the length of the file.
"""
from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

from ..domain import beds as B
from ..domain import referrals as R
from ..domain.census import Occupancy, census_on
from ..domain.ids import age_on
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .accounts import mask_id
from .assessments import add_months
from .base import Context, ServiceError, to_date
from .census import load_absences, load_beds
from .settings import get_setting

NO_GRADE = N_("enum", "无有效评估")
AGE_BANDS = (N_("enum", "60岁以下"), "60–69", "70–79", "80–89", "90+")
HUKOU_LOCAL, HUKOU_OTHER = N_("enum", "本地"), N_("enum", "外地")
NO_CATEGORY = N_("enum", "无类别")
DISCHARGE_REASONS = (N_("enum", "回家"), N_("enum", "转院"), N_("enum", "死亡"), N_("enum", "其他"))
DEATH = "死亡"
# Assessment state of a month-end resident.
VALID, EXPIRED, MISSING = N_("enum", "有效"), N_("enum", "已过期"), N_("enum", "未评估")


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def rate(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 4)


def age_band(age: int) -> str:
    if age < 60:
        return AGE_BANDS[0]
    return AGE_BANDS[min(4, (age - 50) // 10)]


def _ids_json(ids) -> str:
    return json.dumps(sorted(set(ids)))


def latest_grades(ctx: Context, on: dt.date, resident_ids) -> dict[int, dict]:
    """Latest completed assessment on or before ``on`` for each resident: only the narrow columns, found through
    the (resident_id, assessed_on) index, so big answer/result texts are never read."""
    rows = ctx.db.execute("""
        WITH ids(rid) AS (SELECT value FROM json_each(?1)),
        pick(aid) AS (SELECT (SELECT a.id FROM assessments a WHERE a.resident_id = ids.rid AND a.assessed_on <= ?2
                              AND +a.status = '完成' ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) FROM ids)
        SELECT a.resident_id, a.assessed_on, a.instrument_id, a.final_grade, a.final_grade_name
        FROM pick JOIN assessments a ON a.id = pick.aid""", [_ids_json(resident_ids), on.isoformat()]).fetchall()
    return {r[0]: {"assessed_on": r[1], "instrument_id": r[2], "final_grade": r[3], "grade_name": r[4]} for r in rows}


def month_occupancies(ctx: Context, start: dt.date, end: dt.date) -> list[Occupancy]:
    """The bed assignments that overlap the days ``start``..``end`` — the same rows as ``census.load_occupancies``
    — found per bed through ``bed_assignments(bed_id, start_date)``: those starting after ``start`` up to ``end``,
    and the one holding the bed on ``start`` (a bed's assignments never overlap, so it is the latest non-empty one
    starting on or before that day). The cost follows beds and the period, not the length of the history."""
    s_iso, e_iso = start.isoformat(), end.isoformat()
    rows = ctx.db.execute("""
        WITH found(aid) AS (
            SELECT a.id FROM beds b JOIN bed_assignments a ON a.bed_id = b.id AND a.start_date > ?1 AND a.start_date <= ?2
            UNION
            SELECT (SELECT a.id FROM bed_assignments a WHERE a.bed_id = b.id AND a.start_date <= ?1
                      AND (a.end_date IS NULL OR a.end_date > a.start_date) ORDER BY a.start_date DESC LIMIT 1)
            FROM beds b)
        SELECT s.resident_id, r.name, a.bed_id, a.start_date, a.end_date, a.stay_id, a.id
        FROM found JOIN bed_assignments a ON a.id = found.aid JOIN stays s ON s.id = a.stay_id
        JOIN residents r ON r.id = s.resident_id
        WHERE a.start_date <= ?2 AND (a.end_date IS NULL OR a.end_date > ?1)""", [s_iso, e_iso]).fetchall()
    rows.sort(key=lambda r: (r[3], r[4] is not None, r[4] or "", r[6]))  # the date index's order, as the full load
    return [Occupancy(r[0], r[1], r[2], to_date(r[3]), to_date(r[4]), r[5]) for r in rows]


def _count(keys, values) -> dict[str, int]:
    out = {k: 0 for k in keys}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def compute_figures(ctx: Context, year: int, month: int, profile) -> tuple[dict, dict]:
    """(figures, details) of a month. ``profile`` is the policy profile for the nursing-bed target."""
    first, last = month_bounds(year, month)
    before = first - dt.timedelta(days=1)
    f_iso, l_iso = first.isoformat(), last.isoformat()
    beds = load_beds(ctx, last)
    occs = month_occupancies(ctx, before, last)
    absences = load_absences(ctx, before, last)
    start, end = census_on(before, beds, occs, absences), census_on(last, beds, occs, absences)
    stop = last + dt.timedelta(days=1)
    bed_days = sum(max(0, (min(o.end or stop, stop) - max(o.start, first)).days) for o in occs)
    target = profile.nursing_target_on(last) if profile is not None else None
    labels = {b.id: b.label for b in beds}

    # --- residents at month end, and the stays that moved in the month
    at_end = {r.resident_id: r for r in end.residents}
    stays = ctx.db.execute("""
        SELECT s.id, s.resident_id, s.admission_date, s.discharge_date, s.discharge_reason, s.discharge_note, r.name
        FROM stays s JOIN residents r ON r.id = s.resident_id
        WHERE s.admission_date <= ?2 AND COALESCE(s.discharge_date, '9999-12-31') >= ?1""", [f_iso, l_iso]).fetchall()
    people = {r[0]: r for r in ctx.db.execute(
        "SELECT id, name, sex, id_number, birth_date, hukou_local, categories, ltc_insurance FROM residents "
        "WHERE id IN (SELECT value FROM json_each(?))", [_ids_json(at_end)]).fetchall()}
    admission_of = {s[1]: s[2] for s in stays if s[3] is None or s[3] > l_iso}
    valid_months = int(get_setting(ctx, "reassessment_months") or 6)
    grades = latest_grades(ctx, last, at_end)
    roster, ages, sexes, hukou, cats, grade_keys = [], [], [], [], [], []
    ltc = overdue = missing = 0
    for c in sorted(end.residents, key=lambda x: x.bed):
        p = people[c.resident_id]
        age = age_on(to_date(p[4]), last)
        categories = json.loads(p[6] or "[]")
        g = grades.get(c.resident_id)
        due = add_months(to_date(g["assessed_on"]), valid_months) if g else None
        state = MISSING if g is None else (VALID if due > last else EXPIRED)
        overdue += state == EXPIRED
        missing += state == MISSING
        grade = g["grade_name"] if state == VALID else NO_GRADE
        grade_keys.append((g["final_grade"] if state == VALID else 99, grade))
        ages.append(age_band(age))
        sexes.append(p[2])
        hukou.append(HUKOU_LOCAL if p[5] else HUKOU_OTHER)
        cats.extend(categories or [NO_CATEGORY])
        ltc += bool(p[7])
        roster.append({"bed": c.bed, "bed_type": c.bed_type, "name": p[1], "sex": p[2], "age": age,
                       "id_number": mask_id(p[3]), "hukou": hukou[-1], "categories": "、".join(categories),
                       "ltc_insurance": bool(p[7]), "admission_date": admission_of.get(c.resident_id),
                       "grade": grade, "assessed_on": g["assessed_on"] if g else None,
                       "valid_until": (due - dt.timedelta(days=1)).isoformat() if due else None,
                       "assessment_state": state, "away": c.away or ""})
    by_grade = {}
    for _, name in sorted(set(grade_keys), key=lambda k: (k[0] is None, k[0] or 0, k[1])):
        by_grade[name] = 0
    by_grade.setdefault(NO_GRADE, 0)
    for _, name in grade_keys:
        by_grade[name] += 1
    if NO_GRADE in by_grade:  # always last
        by_grade[NO_GRADE] = by_grade.pop(NO_GRADE)

    from .residents import CATEGORIES
    movements = []
    for s in stays:
        if f_iso <= s[2] <= l_iso:
            movements.append({"date": s[2], "kind": N_("enum", "入住"), "name": s[6], "detail": ""})
        if s[3] and f_iso <= s[3] <= l_iso:
            movements.append({"date": s[3], "kind": N_("enum", "出院"), "name": s[6],
                              "detail": s[4] + (f"（{s[5]}）" if s[5] else "")})
    for m in ctx.db.execute("""
        SELECT a.start_date, r.name, p.bed_id, a.bed_id FROM bed_assignments a
        JOIN bed_assignments p ON p.stay_id = a.stay_id AND p.end_date = a.start_date AND p.id != a.id
        JOIN stays s ON s.id = a.stay_id JOIN residents r ON r.id = s.resident_id
        WHERE a.start_date BETWEEN ?1 AND ?2""", [f_iso, l_iso]).fetchall():
        movements.append({"date": m[0], "kind": N_("enum", "换床"), "name": m[1],
                          "detail": f"{labels.get(m[2], m[2])} → {labels.get(m[3], m[3])}"})
    for lv in ctx.db.execute("""
        SELECT l.start_date, l.end_date, l.kind, l.destination, r.name FROM leaves l JOIN stays s ON s.id = l.stay_id
        JOIN residents r ON r.id = s.resident_id
        WHERE l.start_date <= ?2 AND COALESCE(l.end_date, '9999-12-31') >= ?1""", [f_iso, l_iso]).fetchall():
        if f_iso <= lv[0] <= l_iso:
            movements.append({"date": lv[0], "kind": lv[2], "name": lv[4], "detail": lv[3] or ""})
        if lv[1] and f_iso <= lv[1] <= l_iso:
            movements.append({"date": lv[1], "kind": N_("enum", "返回"), "name": lv[4],
                              "detail": N_("msg", "{kind}结束").format(kind=lv[2])})
    movements.sort(key=lambda x: (x["date"], x["name"], x["kind"]))
    discharged = [s for s in stays if s[3] and f_iso <= s[3] <= l_iso]
    by_reason = _count(DISCHARGE_REASONS, (s[4] for s in discharged))

    # --- medical cooperation
    from .partners import list_agreements
    in_force = [a for a in list_agreements(ctx, last) if R.in_force(a["status"])]
    visits = ctx.db.execute("SELECT COUNT(*), (SELECT COUNT(*) FROM visit_residents x JOIN visits w ON w.id = x.visit_id "
                            "WHERE w.visit_date BETWEEN ?1 AND ?2) FROM visits WHERE visit_date BETWEEN ?1 AND ?2",
                            [f_iso, l_iso]).fetchone()
    nxt = stop.isoformat()
    referrals = [{"date": r[0][:10], "direction": r[1], "name": r[2], "partner": r[3], "urgency": r[4],
                  "impression": r[5] or "", "outcome": r[6]} for r in ctx.db.execute("""
        SELECT f.referred_at, f.direction, r.name, p.name, f.urgency, f.impression,
               COALESCE((SELECT e.state FROM referral_events e WHERE e.referral_id = f.id AND e.event_date <= ?3
                          ORDER BY e.event_date DESC, e.id DESC LIMIT 1),
                        CASE WHEN f.state_date <= ?3 THEN f.state ELSE '待接收' END)
        FROM referrals f JOIN residents r ON r.id = f.resident_id JOIN partners p ON p.id = f.partner_id
        WHERE f.referred_at >= ?1 AND f.referred_at < ?2 ORDER BY f.referred_at, f.id""",
                                                                 [f_iso, nxt, l_iso]).fetchall()]
    outcomes = {d: {s: 0 for s in R.states_of(d)} for d in R.DIRECTIONS}
    for r in referrals:
        outcomes[r["direction"]][r["outcome"]] = outcomes[r["direction"]].get(r["outcome"], 0) + 1

    # --- assessments done in the month, staff, subsidy bed-months
    done = [{"date": a[0], "name": a[1], "reason": a[2], "instrument_id": a[3], "grade": a[4] or ""}
            for a in ctx.db.execute("""
        SELECT a.assessed_on, r.name, a.reason, a.instrument_id, a.final_grade_name FROM assessments a
        JOIN residents r ON r.id = a.resident_id
        WHERE a.status = '完成' AND a.assessed_on BETWEEN ?1 AND ?2 ORDER BY a.assessed_on, r.name""",
                                    [f_iso, l_iso]).fetchall()]
    from .staff import staff_by_role
    bed_months, bed_months_note = _bed_months(ctx, year, month, profile)

    figures = {
        "month": f"{year:04d}-{month:02d}", "first_day": f_iso, "last_day": l_iso,
        "beds_total": end.beds_total, "beds_by_type": dict(end.beds_by_type),
        "beds_occupied": end.occupied_total, "beds_occupied_by_type": dict(end.occupied_by_type),
        "beds_free": end.count(B.FREE), "beds_reserved": end.count(B.RESERVED),
        "beds_out_of_service": end.count(B.REPAIR),
        "occupancy_rate": rate(end.occupancy_rate), "bed_days_used": bed_days,
        "bed_days_available": _bed_days_available(beds, occs, first, last),
        "nursing_bed_share": rate(end.nursing_share), "nursing_target": rate(target),
        "nursing_target_met": None if target is None or end.nursing_share is None else end.nursing_share >= target,
        "residents_start": start.occupied_total, "residents_end": end.occupied_total,
        "residents_by_grade": by_grade, "residents_by_age_band": _count(AGE_BANDS, ages),
        "residents_by_sex": _count(("男", "女"), sexes), "residents_by_hukou": _count((HUKOU_LOCAL, HUKOU_OTHER), hukou),
        "residents_by_category": _count((*CATEGORIES, NO_CATEGORY), cats), "ltc_insured": ltc,
        "admissions": sum(1 for s in stays if f_iso <= s[2] <= l_iso), "discharges": len(discharged),
        "discharges_by_reason": by_reason, "deaths": by_reason.get(DEATH, 0),
        "agreements_in_force": len(in_force), "partners_signed": len({a["partner_id"] for a in in_force}),
        "partner_visits": visits[0], "residents_seen": visits[1],
        "referrals_up": sum(1 for r in referrals if r["direction"] == R.UP),
        "referrals_down": sum(1 for r in referrals if r["direction"] == R.DOWN),
        "referral_outcomes": outcomes, "in_hospital_end": sum(1 for r in end.residents if r.away == "住院"),
        "on_leave_end": sum(1 for r in end.residents if r.away and r.away != "住院"),
        "staff_by_role": staff_by_role(ctx, last), "assessments_done": len(done),
        "assessments_overdue": overdue, "assessments_missing": missing,
        "bed_months": bed_months, "bed_months_note": bed_months_note,
        "month_complete": last < ctx.today(), "profile_id": profile.id if profile is not None else None,
    }
    figures["staff_total"] = sum(figures["staff_by_role"].values())
    details = {"roster": roster, "movements": movements, "referrals": referrals, "assessments": done}
    return figures, details


def _bed_days_available(beds, occs, first: dt.date, last: dt.date) -> int:
    """Bed-days open in the month: the sum of each day's census bed total (a bed counts from its service date,
    once it has a type, and not while 停用 unless someone holds it)."""
    held: dict[int, list] = {}
    for o in occs:
        held.setdefault(o.bed_id, []).append(o)
    n_days = (last - first).days + 1
    total = 0
    for b in beds:
        changes = [c[0] for c in b.type_changes] + [c[0] for c in b.status_changes]
        if b.service_date <= first and not any(first < c <= last for c in changes):
            if b.type_on(first) is not None and (b.status_on(first) != B.DISABLED or b.id in held):
                if b.status_on(first) != B.DISABLED:
                    total += n_days
                    continue
            else:
                continue
        for i in range(n_days):  # a bed that changed in the month: day by day
            d = first + dt.timedelta(days=i)
            if b.service_date > d or b.type_on(d) is None:
                continue
            if b.status_on(d) == B.DISABLED and not any(o.covers(d) for o in held.get(b.id, ())):
                continue
            total += 1
    return total


def _bed_months(ctx: Context, year: int, month: int, profile) -> tuple[int | None, str]:
    """Operating-subsidy bed-months (床次) of the month under the profile, and a note when none can count."""
    from .subsidies import operating_subsidy
    try:
        res = operating_subsidy(ctx, year, [month], profile.id if profile is not None else None)
    except ServiceError as e:
        return None, str(e)
    note = res.month_notes.get(month, "")
    return res.by_month.get(month, 0), str(note or "；".join(str(p) for p in res.problems))
