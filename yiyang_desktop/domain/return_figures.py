"""The figures of one month's return (月报), computed from a typed snapshot of the month's dated history.

Conventions (those of ``census``): a day's census is the end-of-day count; "month start" is the census at the end
of the day before the 1st, "month end" the census at the end of the last day. Admissions and discharges are stays
whose admission / discharge date falls in the month, so ``residents_start + admissions - discharges ==
residents_end``. A resident in hospital or on leave keeps the bed. Pure: no database, no clock.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from . import beds as B
from . import referrals as R
from .census import Absence, BedRecord, Occupancy, census_on
from .dates import add_months, month_bounds
from .figures import NO_GRADE, bed_figures, grade_counts
from .health import CheckRecord, month_health_figures
from .ids import age_on
from .policy.profile import PolicyProfile
from .snapshot import Grade, Resident, Stay
from .text import QT_TRANSLATE_NOOP as N_
from .vocabulary import CATEGORIES

AGE_BANDS = (N_("enum", "60岁以下"), "60–69", "70–79", "80–89", "90+")
HUKOU_LOCAL, HUKOU_OTHER = N_("enum", "本地"), N_("enum", "外地")
NO_CATEGORY = N_("enum", "无类别")
DISCHARGE_REASONS = (N_("enum", "回家"), N_("enum", "转院"), N_("enum", "死亡"), N_("enum", "其他"))
DEATH = "死亡"
# Assessment state of a month-end resident.
VALID, EXPIRED, MISSING = N_("enum", "有效"), N_("enum", "已过期"), N_("enum", "未评估")


@dataclass(frozen=True)
class BedMove:
    date: dt.date
    name: str
    from_bed: int
    to_bed: int


@dataclass(frozen=True)
class LeaveRow:
    start: dt.date
    end: dt.date | None
    kind: str
    destination: str
    name: str


@dataclass(frozen=True)
class ReferralRow:
    date: str
    direction: str
    name: str
    partner: str
    urgency: str
    impression: str
    outcome: str


@dataclass(frozen=True)
class AssessmentRow:
    date: str
    name: str
    reason: str
    instrument_id: str
    grade: str


@dataclass(frozen=True)
class ReturnSnapshot:
    """A month's records: ``occupancies`` and ``absences`` cover the day before the 1st to the last day; ``stays``
    overlap the month; ``residents`` and ``grades`` (latest completed by the last day) are the month-end ones."""
    year: int
    month: int
    beds: tuple[BedRecord, ...] = ()
    occupancies: tuple[Occupancy, ...] = ()
    absences: tuple[Absence, ...] = ()
    stays: tuple[Stay, ...] = ()
    residents: Mapping[int, Resident] = field(default_factory=dict)
    grades: Mapping[int, Grade] = field(default_factory=dict)
    bed_moves: tuple[BedMove, ...] = ()
    leaves: tuple[LeaveRow, ...] = ()
    agreement_partners: tuple[int, ...] = ()      # one partner id per agreement in force on the last day
    partner_visits: int = 0
    residents_seen: int = 0
    referrals: tuple[ReferralRow, ...] = ()
    assessments_done: tuple[AssessmentRow, ...] = ()
    staff_by_role: Mapping[str, int] = field(default_factory=dict)
    health_checks: tuple[CheckRecord, ...] = ()  # yearly checks dated from 13 months before the month to its end


def rate(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 4)


def age_band(age: int) -> str:
    if age < 60:
        return AGE_BANDS[0]
    return AGE_BANDS[min(4, (age - 50) // 10)]


def _count(keys, values) -> dict[str, int]:
    out = {k: 0 for k in keys}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def bed_days_available(beds, occs, first: dt.date, last: dt.date) -> int:
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
            if b.type_on(first) is None:
                continue
            if b.status_on(first) != B.DISABLED:
                total += n_days
                continue
        for i in range(n_days):  # a bed that changed in the month (or is disabled): day by day
            d = first + dt.timedelta(days=i)
            if b.service_date > d or b.type_on(d) is None:
                continue
            if b.status_on(d) == B.DISABLED and not any(o.covers(d) for o in held.get(b.id, ())):
                continue
            total += 1
    return total


def month_figures(snap: ReturnSnapshot, profile: PolicyProfile | None, *, as_of: dt.date, valid_months: int,
                  bed_months: tuple[int | None, str], mask: Callable[[str], str] = lambda s: s) -> tuple[dict, dict]:
    """(figures, details) of the month. ``bed_months`` is the operating subsidy's count for the month and its note
    (computed by ``operating``); ``mask`` hides the middle of ID numbers on the roster."""
    first, last = month_bounds(snap.year, snap.month)
    before = first - dt.timedelta(days=1)
    beds, occs, absences = list(snap.beds), list(snap.occupancies), list(snap.absences)
    start, end = census_on(before, beds, occs, absences), census_on(last, beds, occs, absences)
    stop = last + dt.timedelta(days=1)
    bed_days = sum(max(0, (min(o.end or stop, stop) - max(o.start, first)).days) for o in occs)
    target = profile.nursing_target_on(last) if profile is not None else None
    labels = {b.id: b.label for b in beds}

    admission_of = {s.resident_id: s.admission.isoformat() for s in snap.stays
                    if s.discharge is None or s.discharge > last}
    roster, ages, sexes, hukou, cats, grade_rows = [], [], [], [], [], []
    ltc = overdue = missing = 0
    for c in sorted(end.residents, key=lambda x: x.bed):
        p = snap.residents[c.resident_id]
        age = age_on(p.birth, last)
        g = snap.grades.get(c.resident_id)
        due = add_months(g.assessed_on, valid_months) if g else None
        state = MISSING if g is None else (VALID if due > last else EXPIRED)
        overdue += state == EXPIRED
        missing += state == MISSING
        grade = g.name if state == VALID else NO_GRADE
        grade_rows.append((g.grade, g.name, g.assessed_on) if g else (None, None, None))
        ages.append(age_band(age))
        sexes.append(p.sex)
        hukou.append(HUKOU_LOCAL if p.hukou_local else HUKOU_OTHER)
        cats.extend(p.categories or [NO_CATEGORY])
        ltc += bool(p.ltc_insured)
        roster.append({"bed": c.bed, "bed_type": c.bed_type, "name": p.name, "sex": p.sex, "age": age,
                       "id_number": mask(p.id_number), "hukou": hukou[-1], "categories": "、".join(p.categories),
                       "ltc_insurance": bool(p.ltc_insured), "admission_date": admission_of.get(c.resident_id),
                       "grade": grade, "assessed_on": g.assessed_on.isoformat() if g else None,
                       "valid_until": (due - dt.timedelta(days=1)).isoformat() if due else None,
                       "assessment_state": state, "away": c.away or ""})
    by_grade = grade_counts(grade_rows, last, valid_months)
    beds_end = bed_figures(end)

    def in_month(d: dt.date | None) -> bool:
        return d is not None and first <= d <= last

    movements = []
    for s in snap.stays:
        if in_month(s.admission):
            movements.append({"date": s.admission.isoformat(), "kind": N_("enum", "入住"), "name": s.name, "detail": ""})
        if in_month(s.discharge):
            movements.append({"date": s.discharge.isoformat(), "kind": N_("enum", "出院"), "name": s.name,
                              "detail": (s.discharge_reason or "") + (f"（{s.discharge_note}）" if s.discharge_note else "")})
    for mv in snap.bed_moves:
        movements.append({"date": mv.date.isoformat(), "kind": N_("enum", "换床"), "name": mv.name,
                          "detail": f"{labels.get(mv.from_bed, mv.from_bed)} → {labels.get(mv.to_bed, mv.to_bed)}"})
    for lv in snap.leaves:
        if in_month(lv.start):
            movements.append({"date": lv.start.isoformat(), "kind": lv.kind, "name": lv.name, "detail": lv.destination})
        if in_month(lv.end):
            movements.append({"date": lv.end.isoformat(), "kind": N_("enum", "返回"), "name": lv.name,
                              "detail": N_("msg", "{kind}结束").format(kind=lv.kind)})
    movements.sort(key=lambda x: (x["date"], x["name"], x["kind"]))
    discharged = [s for s in snap.stays if in_month(s.discharge)]
    by_reason = _count(DISCHARGE_REASONS, (s.discharge_reason for s in discharged))

    referrals = [{"date": r.date, "direction": r.direction, "name": r.name, "partner": r.partner, "urgency": r.urgency,
                  "impression": r.impression, "outcome": r.outcome} for r in snap.referrals]
    outcomes = {d: {s: 0 for s in R.states_of(d)} for d in R.DIRECTIONS}
    for r in referrals:
        outcomes[r["direction"]][r["outcome"]] = outcomes[r["direction"]].get(r["outcome"], 0) + 1
    done = [{"date": a.date, "name": a.name, "reason": a.reason, "instrument_id": a.instrument_id, "grade": a.grade}
            for a in snap.assessments_done]
    figures = {
        "month": f"{snap.year:04d}-{snap.month:02d}", "first_day": first.isoformat(), "last_day": last.isoformat(),
        "beds_total": beds_end.total, "beds_by_type": dict(beds_end.by_type),
        "beds_occupied": beds_end.occupied, "beds_occupied_by_type": dict(end.occupied_by_type),
        "beds_free": beds_end.free, "beds_reserved": beds_end.reserved, "beds_out_of_service": beds_end.repair,
        "occupancy_rate": rate(beds_end.occupancy), "bed_days_used": bed_days,
        "bed_days_available": bed_days_available(beds, occs, first, last),
        "nursing_bed_share": rate(beds_end.nursing_share), "nursing_target": rate(target),
        "nursing_target_met": (None if target is None or beds_end.nursing_share is None
                               else beds_end.nursing_share >= target),
        "residents_start": start.occupied_total, "residents_end": end.occupied_total,
        "residents_by_grade": by_grade, "residents_by_age_band": _count(AGE_BANDS, ages),
        "residents_by_sex": _count(("男", "女"), sexes), "residents_by_hukou": _count((HUKOU_LOCAL, HUKOU_OTHER), hukou),
        "residents_by_category": _count((*CATEGORIES, NO_CATEGORY), cats), "ltc_insured": ltc,
        "admissions": sum(1 for s in snap.stays if in_month(s.admission)), "discharges": len(discharged),
        "discharges_by_reason": by_reason, "deaths": by_reason.get(DEATH, 0),
        "agreements_in_force": len(snap.agreement_partners), "partners_signed": len(set(snap.agreement_partners)),
        "partner_visits": snap.partner_visits, "residents_seen": snap.residents_seen,
        "referrals_up": sum(1 for r in referrals if r["direction"] == R.UP),
        "referrals_down": sum(1 for r in referrals if r["direction"] == R.DOWN),
        "referral_outcomes": outcomes, "in_hospital_end": sum(1 for r in end.residents if r.away == "住院"),
        "on_leave_end": sum(1 for r in end.residents if r.away and r.away != "住院"),
        "staff_by_role": dict(snap.staff_by_role), "assessments_done": len(done),
        "assessments_overdue": overdue, "assessments_missing": missing,
        "bed_months": bed_months[0], "bed_months_note": bed_months[1],
        "month_complete": last < as_of, "as_of": as_of.isoformat(),
        "profile_id": profile.id if profile is not None else None,
    }
    figures["staff_total"] = sum(figures["staff_by_role"].values())
    health, checks = month_health_figures(snap.health_checks, {rid: snap.residents[rid].birth for rid in
                                                               (c.resident_id for c in end.residents)}, first, last)
    figures |= health
    figures["health_check_coverage"] = rate(B.ratio(health["residents_65_checked"], health["residents_65_end"]))
    figures["feedback_on_time_rate"] = rate(B.ratio(health["feedback_on_time"], health["feedback_due"]))
    details = {"roster": roster, "movements": movements, "referrals": referrals, "assessments": done,
               "health_checks": checks}
    return figures, details
