"""The operating subsidy (运营补贴): bed-months (床次) that count under a profile, month by month, and the amount.

Pure: a profile, a :class:`PeriodSnapshot` and the as-of day in, an :class:`OperatingResult` out.

Readings (docs/applications.md):
* A month is counted once it has ended by the as-of day, and only when the profile is in force on every day of it.
* Census is end-of-day (24:00): ``month_end`` counts who held a bed at the end of the month's last day; ``any_day``
  who held one at the end of at least one day of the month (admitted and discharged on the same day: no day);
  ``min_days`` who held one at the end of at least ``min_days`` days.
* Each resident-month is judged against every clause (``operating.rates``) whose institution and bed conditions
  fit; it counts under the highest-paying clause whose resident conditions hold, else it is excluded with the
  reason of the first fitting clause. Clauses are not added together.
* Ages and continuous stays are taken on the month's last day (a birthday on that day counts).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction

from . import beds as B
from .census import census_on
from .construction import force_problem, institution_problem
from .dates import add_months, month_bounds
from .ids import age_on
from .money import capital
from .policy import grades as G
from .policy.profile import ANY_DAY, MIN_DAYS, MONTH_END, OperatingRate, PolicyProfile, _eligible
from .snapshot import PeriodSnapshot
from .text import QT_TRANSLATE_NOOP as N_


@dataclass(frozen=True)
class ResidentMonth:
    month: int
    resident_id: int
    name: str
    sex: str
    id_number: str
    age: int
    hukou_local: bool
    hukou_address: str | None
    categories: tuple[str, ...]
    grade: str | None
    bed: str
    bed_type: str
    sub_type: str | None
    admission_date: str | None
    rate_fen: int = 0
    amount_fen: int = 0
    basis: str = ""
    reason: str = ""   # only for an excluded resident-month


@dataclass
class OperatingResult:
    profile: dict
    year: int
    months: list[int]
    as_of: dt.date
    lines: list[ResidentMonth] = field(default_factory=list)      # resident-months that count
    excluded: list[ResidentMonth] = field(default_factory=list)   # resident-months that do not, with the reason
    month_notes: dict[int, str] = field(default_factory=dict)     # months that count nothing at all, and why
    problems: list[str] = field(default_factory=list)

    @property
    def by_month(self) -> dict[int, int]:
        out = {m: 0 for m in self.months}
        for line in self.lines:
            out[line.month] += 1
        return out

    @property
    def amount_by_month(self) -> dict[int, int]:
        out = {m: 0 for m in self.months}
        for line in self.lines:
            out[line.month] += line.amount_fen
        return out

    @property
    def bed_months(self) -> int:
        return len(self.lines)

    @property
    def amount_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    def to_json(self) -> dict:
        keep_out = {f.name for f in dataclasses.fields(ResidentMonth)} - {"rate_fen", "amount_fen", "basis"}
        return {"kind": "operating-subsidy", "profile": self.profile, "year": self.year, "months": self.months,
                "as_of": self.as_of.isoformat(),
                "bed_months": self.bed_months, "bed_months_by_month": {str(k): v for k, v in self.by_month.items()},
                "amount_fen": self.amount_fen, "amount_capital": capital(self.amount_fen),
                "amount_fen_by_month": {str(k): v for k, v in self.amount_by_month.items()},
                "month_notes": {str(k): str(v) for k, v in self.month_notes.items()},
                "lines": [{k: v for k, v in dataclasses.asdict(x).items() if k != "reason"} for x in self.lines],
                "excluded": [{k: v for k, v in dataclasses.asdict(x).items() if k in keep_out} for x in self.excluded],
                "problems": [str(p) for p in self.problems]}


def census_days(occupancies, resident_id: int, first: dt.date, last: dt.date) -> int:
    """End-of-day census days of ``first``..``last`` on which the resident held a bed ([start, end) periods)."""
    stop = last + dt.timedelta(days=1)
    return sum(max(0, (min(o.end or stop, stop) - max(o.start, first)).days)
               for o in occupancies if o.resident_id == resident_id)


def _fits_place(rate: OperatingRate, inst_ownership, inst_kind, bed_type: str, sub_type: str | None) -> bool:
    if not _eligible(rate.ownership_any, rate.kind_any, inst_ownership, inst_kind, either=False):
        return False
    if rate.bed_types and bed_type not in rate.bed_types:
        return False
    if rate.sub_types and bed_type == B.MEDICAL and sub_type not in rate.sub_types:
        return False
    return True


def _person_reason(rate: OperatingRate, line: ResidentMonth, last: dt.date, admission: dt.date | None) -> str | None:
    if line.age < rate.min_age:
        return N_("msg", "{d}时{age}周岁，未满{min}周岁").format(d=last, age=line.age, min=rate.min_age)
    if rate.local_hukou_only and not line.hukou_local:
        return N_("msg", "非本地户籍")
    hit = sorted(set(rate.exclude_categories).intersection(line.categories))
    if hit:
        return N_("msg", "{cats}老人不计").format(cats="、".join(hit))
    if rate.min_stay_months and (admission is None or add_months(admission, rate.min_stay_months) > last):
        return N_("msg", "至{d}连续入住未满{n}个月（{start}入住）").format(d=last, n=rate.min_stay_months,
                                                                      start=admission)
    if rate.grades and not G.matches(rate.grades, line.grade):
        return N_("msg", "能力等级（{grade}）不是{wanted}").format(grade=line.grade or N_("msg", "无有效评估"),
                                                              wanted="、".join(rate.grades))
    return None


def operating_subsidy(profile: PolicyProfile, snap: PeriodSnapshot, year: int, months: list[int], as_of: dt.date,
                      grade_valid_months: int, described: dict | None = None) -> OperatingResult:
    """Qualifying bed-months and the amount for the chosen ``months`` of ``year``, as on ``as_of``.
    ``grade_valid_months`` is how long an assessment stays valid (the profile's, else the settings')."""
    rules = profile.operating
    inst = snap.institution
    months = sorted(set(months))
    result = OperatingResult(described or {"id": profile.id}, year, months, as_of)
    rates = rules.rates
    eligible = [r for r in rates if _eligible(r.ownership_any, r.kind_any, inst.ownership, inst.kind, either=False)]
    inst_problem = None
    if not rates:
        result.problems.append(N_("msg", "政策配置“{title}”没有运营补贴条款，不计床次").format(title=profile.title))
    elif not eligible:
        inst_problem = institution_problem(sorted({o for r in rates for o in r.ownership_any}),
                                           sorted({k for r in rates for k in r.kind_any}), inst)
        result.problems.append(inst_problem)
    elif not any(r.fen for r in eligible):
        result.problems.append(N_("msg", "政策配置“{title}”没有规定运营补贴标准，金额为0；床次仍按条件统计")
                               .format(title=profile.title))
    op_start, min_op = inst.operation_start, rules.min_operating_months
    floor = Fraction(rules.occupancy_floor)
    for m in months:
        first, last = month_bounds(year, m)
        if last > as_of:
            result.month_notes[m] = N_("msg", "该月尚未结束（计算日期{d}）").format(d=as_of)
            continue
        if not profile.in_force_through(first, last):
            result.month_notes[m] = force_problem(profile, N_("msg", "{y}年{m}月").format(y=year, m=m))
            continue
        if not rates:
            continue
        if op_start is None or op_start > last:
            result.month_notes[m] = N_("msg", "机构尚未正式运营") if op_start else N_("msg", "未填写正式运营日期")
            continue
        if min_op and add_months(op_start, min_op) > last:
            result.month_notes[m] = N_("msg", "机构正式运营未满{n}个月（{start}起）").format(n=min_op, start=op_start)
            continue
        census = census_on(last, list(snap.beds), list(snap.occupancies), list(snap.absences))
        if floor and (census.occupancy_rate is None or census.occupancy_rate < floor):
            result.month_notes[m] = N_("msg", "月末入住率{rate}%低于{floor}%").format(
                rate=B.as_percent(census.occupancy_rate) or 0, floor=B.as_percent(floor))
            continue
        _count_month(profile, snap, m, first, last, census, grade_valid_months, inst_problem, result)
    return result


def _count_month(profile, snap: PeriodSnapshot, m, first, last, census, valid_months, inst_problem, result) -> None:
    rules, inst = profile.operating, snap.institution
    at_end = {r.resident_id: r for r in census.residents}
    by_bed = {b.bed_id: b for b in census.beds}
    occs = [o for o in snap.occupancies if o.start <= last and (o.end is None or o.end > first)]
    held_by = {}
    for o in occs:
        held_by.setdefault(o.resident_id, []).append(o)
    days = {}
    if rules.count_rule == MONTH_END:
        candidates = list(at_end)
    else:  # held a bed at the end of at least one day of the month (a same-day stay holds none)
        for rid in sorted(held_by):
            days[rid] = census_days(held_by[rid], rid, first, last)
        candidates = [rid for rid, n in days.items() if n > 0]
    beds = {b.id: b for b in snap.beds}
    for rid in candidates:
        person = snap.residents[rid]
        here = at_end.get(rid)
        if here is not None:
            bed_label, bed_type, sub_type = here.bed, here.bed_type, by_bed[here.bed_id].sub_type
        else:  # left during the month: the last bed held at the end of a day
            held = [o for o in held_by[rid] if o.end is None or o.end > o.start]
            last_occ = max(held, key=lambda o: o.start)
            day = min((last_occ.end or last) - dt.timedelta(days=1), last)
            rec = beds.get(last_occ.bed_id)
            kind = rec.type_on(day) if rec else None
            bed_label = rec.label if rec else ""
            bed_type, sub_type = kind if kind else ("", None)
        stay = snap.stay_in(rid, first, last)
        g = snap.grade_on(rid, last)
        grade = g.name if g and add_months(g.assessed_on, valid_months) > last else None
        line = ResidentMonth(m, rid, person.name, person.sex, person.id_number, age_on(person.birth, last),
                             person.hukou_local, person.hukou_address, person.categories, grade, bed_label,
                             bed_type, sub_type, stay.admission.isoformat() if stay else None)

        def out(reason, line=line):
            result.excluded.append(dataclasses.replace(line, reason=reason))

        if inst_problem:
            out(inst_problem)
            continue
        if rules.count_rule == MONTH_END and here.away and not rules.count_away:
            out(N_("msg", "月末{kind}，不计").format(kind=here.away))
            continue
        if rules.count_rule == MIN_DAYS and days[rid] < rules.min_days:
            out(N_("msg", "当月在住{d}天，不足{n}天").format(d=days[rid], n=rules.min_days))
            continue
        fitting = [r for r in rules.rates if _fits_place(r, inst.ownership, inst.kind, bed_type, sub_type)]
        if not fitting:
            what = f"{bed_type}（{sub_type}）" if sub_type else bed_type
            out(N_("msg", "{what}不在运营补贴条款的范围").format(what=what or N_("msg", "床位")))
            continue
        reasons = [(r, _person_reason(r, line, last, stay.admission if stay else None)) for r in fitting]
        passing = [r for r, why in reasons if why is None]
        if not passing:
            out(reasons[0][1])
            continue
        best = max(passing, key=lambda r: r.fen)  # the first of equals, in the profile's order
        result.lines.append(dataclasses.replace(line, rate_fen=best.fen, amount_fen=best.fen, basis=best.label))


__all__ = ["ANY_DAY", "MIN_DAYS", "MONTH_END", "OperatingResult", "ResidentMonth", "census_days", "operating_subsidy"]
