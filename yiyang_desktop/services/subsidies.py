"""Construction and operating subsidies computed from the records under a policy profile, with a breakdown.

Every figure is explained: each bed or resident-month that counts has a line with its rate and why; each one
that does not has the reason. Money is integer fen; rates are applied exactly and rounded to the fen once per line.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from ..domain import beds as B
from ..domain.census import census_on
from ..domain.ids import age_on
from ..domain.money import capital
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .assessments import add_months, latest_completed
from .base import Context, ServiceError, ValidationError, Problem, to_date
from .accounts import requires
from .census import load_absences, load_beds, load_occupancies
from .institution import get_institution
from .policy import Profile, get_profile, yuan_to_fen
from .settings import get_setting


def _inst_eligible(inst: dict, rules: dict) -> str | None:
    """None when the institution may apply under ``rules`` (ownership_any / kind_any, either suffices)."""
    owners, kinds = rules.get("ownership_any") or [], rules.get("kind_any") or []
    if not owners and not kinds:
        return None
    if inst.get("ownership") in owners or inst.get("kind") in kinds:
        return None
    wanted = "、".join(owners + kinds)
    return N_("msg", "本机构（{owner}，{kind}）不在补贴范围（限：{wanted}）").format(
        owner=inst.get("ownership") or "举办性质未填", kind=inst.get("kind") or "机构类型未填", wanted=wanted)


def _fen(rate_fen: int, factor: Decimal | int = 1) -> int:
    return int((Decimal(rate_fen) * Decimal(factor)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# ====================================================================== construction

@dataclass
class ConstructionResult:
    profile: dict
    as_of: dt.date
    lines: list[dict] = field(default_factory=list)      # beds that qualify
    excluded: list[dict] = field(default_factory=list)   # beds that do not, with the reason
    problems: list = field(default_factory=list)         # institution-level reasons nothing qualifies

    @property
    def amount_fen(self) -> int:
        return sum(line["amount_fen"] for line in self.lines)

    @property
    def bed_count(self) -> int:
        return len(self.lines)

    def totals(self) -> list[dict]:
        """Subtotals by bed type, provision and rate (the rows of the form's summary)."""
        groups: dict[tuple, dict] = {}
        for line in self.lines:
            key = (line["bed_type"], line["sub_type"] or "", line["provision"], line["amount_fen"])
            g = groups.setdefault(key, {"bed_type": key[0], "sub_type": key[1], "provision": key[2],
                                        "per_bed_fen": key[3], "beds": 0, "amount_fen": 0})
            g["beds"] += 1
            g["amount_fen"] += line["amount_fen"]
        return list(groups.values())

    def to_json(self) -> dict:
        return {"kind": "construction-subsidy", "profile": self.profile, "as_of": self.as_of.isoformat(),
                "bed_count": self.bed_count, "amount_fen": self.amount_fen, "amount_capital": capital(self.amount_fen),
                "totals": self.totals(), "lines": self.lines, "excluded": self.excluded,
                "problems": [str(p) for p in self.problems]}


def _construction_rate(rates: list[dict], bed_type: str, sub_type: str | None, kind: str | None) -> dict | None:
    for rate in rates:
        if rate["bed_type"] != bed_type:
            continue
        if rate.get("sub_types") and sub_type not in rate["sub_types"]:
            continue
        if rate.get("kind_any") and kind not in rate["kind_any"]:
            continue
        return rate
    return None


@requires("view")
def construction_subsidy(ctx: Context, profile_id: str | None = None, as_of: dt.date | None = None) -> ConstructionResult:
    """Which beds qualify for the one-off construction subsidy on ``as_of`` (default today), and for how much."""
    profile = get_profile(ctx, profile_id)
    as_of = as_of or ctx.today()
    rules = profile.construction
    inst = get_institution(ctx)
    result = ConstructionResult(profile.describe(), as_of)
    inst_problem = _inst_eligible(inst, rules)
    if inst_problem:
        result.problems.append(inst_problem)
    granted = {r[0]: (r[1], r[2]) for r in ctx.db.execute(
        "SELECT g.bed_id, g.application_id, g.granted_on FROM construction_grants g")}
    rows = {r["id"]: r for r in ctx.db.query("SELECT id, provision, lease_end_date, service_date FROM beds")}
    lease_min = int(rules.get("lease_min_years", 0))
    factors = {k: Decimal(str(v)) for k, v in rules.get("provision_factor", {}).items()}
    candidates = []
    for bed in sorted(load_beds(ctx, as_of), key=lambda b: b.label):
        row = rows[bed.id]
        kind = bed.type_on(as_of)
        base = {"bed_id": bed.id, "bed": bed.label, "bed_type": kind[0] if kind else "",
                "sub_type": kind[1] if kind else None, "provision": row["provision"],
                "service_date": row["service_date"], "lease_end_date": row["lease_end_date"]}

        def out(reason):
            result.excluded.append(base | {"reason": reason})

        if inst_problem:
            out(inst_problem)
            continue
        if bed.id in granted:
            out(N_("msg", "已于{date}获得建设补贴（第{app}号申请），不再重复申请").format(
                date=granted[bed.id][1], app=granted[bed.id][0]))
            continue
        if kind is None:
            out(N_("msg", "该日期尚无床位类型"))
            continue
        if bed.status_on(as_of) == B.DISABLED:
            out(N_("msg", "床位已停用"))
            continue
        rate = _construction_rate(rules.get("rates", []), kind[0], kind[1], inst.get("kind"))
        if rate is None:
            what = f"{kind[0]}（{kind[1]}）" if kind[1] else kind[0]
            out(N_("msg", "{what}不在本政策的建设补贴范围").format(what=what))
            continue
        if row["provision"] == B.LEASED and lease_min:
            lease_end = to_date(row["lease_end_date"])
            if lease_end is None:
                out(N_("msg", "租赁床位未填写租赁到期日，无法确认租期是否满{n}年").format(n=lease_min))
                continue
            if lease_end < add_months(to_date(row["service_date"]), 12 * lease_min):
                out(N_("msg", "租期（{start}至{end}）不足{n}年").format(
                    start=row["service_date"], end=row["lease_end_date"], n=lease_min))
                continue
        factor = factors.get(row["provision"], Decimal(1))
        if factor == 0:
            out(N_("msg", "{prov}方式开办的床位不在补贴范围").format(prov=row["provision"]))
            continue
        rate_fen = yuan_to_fen(rate["yuan"])
        basis = N_("msg", "{type}，{prov}，{rate}元/床").format(
            type=f"{kind[0]}（{kind[1]}）" if kind[1] else kind[0], prov=row["provision"], rate=rate["yuan"])
        if factor != 1:
            basis = N_("msg", "{basis} × {factor}（{prov}）").format(basis=basis, factor=factor.normalize(),
                                                                     prov=row["provision"])
        candidates.append(base | {"rate_fen": rate_fen, "factor": str(factor.normalize()),
                                  "amount_fen": _fen(rate_fen, factor), "basis": basis})
    for th in rules.get("thresholds", []):
        group = [c for c in candidates if c["provision"] in th.get("provisions", [])]
        if group and len(group) < int(th["min_beds"]):
            reason = N_("msg", "{label}本次共{n}张，未达到{min}张的门槛").format(
                label=th.get("label") or "、".join(th.get("provisions", [])), n=len(group), min=th["min_beds"])
            for c in group:
                result.excluded.append({k: c[k] for k in ("bed_id", "bed", "bed_type", "sub_type", "provision",
                                                          "service_date", "lease_end_date")} | {"reason": reason})
            candidates = [c for c in candidates if c not in group]
    result.lines = candidates
    return result


# ====================================================================== operating

@dataclass
class OperatingResult:
    profile: dict
    year: int
    months: list[int]
    lines: list[dict] = field(default_factory=list)       # resident-months that count
    excluded: list[dict] = field(default_factory=list)    # resident-months that do not, with the reason
    month_notes: dict[int, str] = field(default_factory=dict)  # months that count nothing at all, and why
    problems: list = field(default_factory=list)

    @property
    def by_month(self) -> dict[int, int]:
        out = {m: 0 for m in self.months}
        for line in self.lines:
            out[line["month"]] += 1
        return out

    @property
    def amount_by_month(self) -> dict[int, int]:
        out = {m: 0 for m in self.months}
        for line in self.lines:
            out[line["month"]] += line["amount_fen"]
        return out

    @property
    def bed_months(self) -> int:
        return len(self.lines)

    @property
    def amount_fen(self) -> int:
        return sum(line["amount_fen"] for line in self.lines)

    def to_json(self) -> dict:
        return {"kind": "operating-subsidy", "profile": self.profile, "year": self.year, "months": self.months,
                "bed_months": self.bed_months, "bed_months_by_month": {str(k): v for k, v in self.by_month.items()},
                "amount_fen": self.amount_fen, "amount_capital": capital(self.amount_fen),
                "amount_fen_by_month": {str(k): v for k, v in self.amount_by_month.items()},
                "month_notes": {str(k): str(v) for k, v in self.month_notes.items()},
                "lines": self.lines, "excluded": self.excluded, "problems": [str(p) for p in self.problems]}


def parse_months(text: str | None) -> list[int]:
    """"1-12", "3", "1,2,7-9" → sorted month numbers; a bad value raises a ValidationError."""
    if not text:
        return list(range(1, 13))
    months: set[int] = set()
    try:
        for part in str(text).replace("，", ",").split(","):
            part = part.strip()
            if "-" in part:
                a, b = (int(x) for x in part.split("-", 1))
                if a > b:
                    raise ValueError
                months.update(range(a, b + 1))
            elif part:
                months.add(int(part))
    except ValueError:
        months = {0}
    if not months or not all(1 <= m <= 12 for m in months):
        raise ValidationError([Problem("months", N_("msg", "月份“{v}”无效，应为 1–12，例如 1-12 或 1,2,7-9").format(v=text))])
    return sorted(months)


def _days_in_month(occs, resident_id: int, first: dt.date, last: dt.date) -> int:
    """End-of-day census days of the month on which the resident held a bed."""
    days = 0
    stop = last + dt.timedelta(days=1)
    for o in occs:
        if o.resident_id != resident_id:
            continue
        a = max(o.start, first)
        b = min(o.end or stop, stop)
        days += max(0, (b - a).days)
    return days


@requires("view")
def operating_subsidy(ctx: Context, year: int, months: list[int] | None = None,
                      profile_id: str | None = None) -> OperatingResult:
    """Qualifying bed-months (床次) and the amount for the chosen months of ``year``."""
    profile: Profile = get_profile(ctx, profile_id)
    months = sorted(set(months or range(1, 13)))
    if not 2000 <= year <= 2100:
        raise ValidationError([Problem("year", N_("msg", "年份{y}无效").format(y=year))])
    rules = profile.operating
    inst = get_institution(ctx)
    result = OperatingResult(profile.describe(), year, months)
    base_fen = yuan_to_fen(rules.get("yuan_per_bed_month", 0))
    uplifts = [u | {"fen": yuan_to_fen(u["yuan"])} for u in rules.get("uplifts", [])]
    inst_problem = _inst_eligible(inst, rules)
    if inst_problem:
        result.problems.append(inst_problem)
    if base_fen == 0 and not any(u["fen"] for u in uplifts):
        result.problems.append(N_("msg", "政策配置“{title}”没有规定运营补贴标准，金额为0；床次仍按条件统计")
                               .format(title=profile.title))
    op_start = to_date(inst.get("operation_start_date"))
    min_op = int(rules.get("min_operating_months", 0))
    if op_start is None and min_op:
        raise ServiceError(N_("msg", "请先在“机构信息”中填写正式运营日期（政策要求运营满{n}个月）").format(n=min_op))
    residents: dict[int, dict] = {}  # loaded per month for that month's candidates only
    valid_months = int(rules.get("grade_valid_months", 0)) or int(get_setting(ctx, "reassessment_months") or 6)
    floor = Fraction(str(rules.get("occupancy_floor", "0")))
    rule = rules.get("count_rule", "month_end")
    min_days = int(rules.get("min_days", 0))
    min_age = int(rules.get("min_age", 0))
    min_stay = int(rules.get("min_stay_months", 0))
    excluded_cats = set(rules.get("exclude_categories", []))
    for m in months:
        first, last = dt.date(year, m, 1), month_end(year, m)
        if last > ctx.today():
            result.month_notes[m] = N_("msg", "该月尚未结束")
            continue
        if op_start is None or op_start > last:
            result.month_notes[m] = N_("msg", "机构尚未正式运营") if op_start else N_("msg", "未填写正式运营日期")
            continue
        if min_op and add_months(op_start, min_op) > last:
            result.month_notes[m] = N_("msg", "机构正式运营未满{n}个月（{start}起）").format(n=min_op, start=op_start)
            continue
        beds = load_beds(ctx, last)
        occs = load_occupancies(ctx, first, last)
        absences = load_absences(ctx, first, last)
        census = census_on(last, beds, occs, absences)
        rate = census.occupancy_rate
        if floor and (rate is None or rate < floor):
            result.month_notes[m] = N_("msg", "月末入住率{rate}%低于{floor}%").format(
                rate=B.as_percent(rate) or 0, floor=B.as_percent(floor))
            continue
        at_end = {r.resident_id: r for r in census.residents}
        by_bed = {b.bed_id: b for b in census.beds}
        if rule == "month_end":
            candidates = list(at_end)
        else:
            candidates = sorted({o.resident_id for o in occs})
        stays = {r[0]: r for r in ctx.db.execute(
            "SELECT resident_id, admission_date, discharge_date FROM stays WHERE admission_date <= ? "
            "AND COALESCE(discharge_date, '9999-12-31') > ? ORDER BY admission_date", [last.isoformat(),
                                                                                      first.isoformat()])}
        grades = latest_completed(ctx, last, candidates)
        wanted = [rid for rid in candidates if rid not in residents]
        residents |= {r["id"]: r for r in ctx.db.query(
            "SELECT id, name, sex, id_number, birth_date, hukou_local, hukou_address, categories FROM residents "
            "WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(wanted)])}
        bed_records = {b.id: b for b in beds}
        for rid in candidates:
            person = residents[rid]
            here = at_end.get(rid)
            if here is not None:
                bed_label, bed_type, bed_id = here.bed, here.bed_type, here.bed_id
                sub_type = by_bed[bed_id].sub_type
            else:  # left during the month: the last bed held
                last_occ = max((o for o in occs if o.resident_id == rid), key=lambda o: o.start)
                rec = bed_records.get(last_occ.bed_id)
                day = min((last_occ.end or last) - dt.timedelta(days=1), last)
                kind = rec.type_on(day) if rec else None
                bed_label = rec.label if rec else ""
                bed_type, sub_type = (kind if kind else ("", None))
            birth = to_date(person["birth_date"])
            age = age_on(birth, last)
            stay = stays.get(rid)
            admission = stay[1] if stay else None
            cats = json.loads(person["categories"] or "[]")
            grade_row = grades.get(rid)
            grade = None
            if grade_row and add_months(to_date(grade_row["assessed_on"]), valid_months) > last:
                grade = grade_row["final_grade_name"]
            line = {"month": m, "resident_id": rid, "name": person["name"], "sex": person["sex"],
                    "id_number": person["id_number"], "age": age, "hukou_local": bool(person["hukou_local"]),
                    "hukou_address": person["hukou_address"], "categories": cats, "grade": grade,
                    "bed": bed_label, "bed_type": bed_type, "sub_type": sub_type, "admission_date": admission}

            def out(reason):
                result.excluded.append(line | {"reason": reason})

            if inst_problem:
                out(inst_problem)
                continue
            if rule == "month_end" and here.away and not rules.get("count_away", True):
                out(N_("msg", "月末{kind}，不计").format(kind=here.away))
                continue
            if rule == "min_days":
                days = _days_in_month(occs, rid, first, last)
                if days < min_days:
                    out(N_("msg", "当月在住{d}天，不足{n}天").format(d=days, n=min_days))
                    continue
            if age < min_age:
                out(N_("msg", "{d}时{age}周岁，未满{min}周岁").format(d=last, age=age, min=min_age))
                continue
            if rules.get("local_hukou_only") and not person["hukou_local"]:
                out(N_("msg", "非本地户籍"))
                continue
            hit = sorted(excluded_cats.intersection(cats))
            if hit:
                out(N_("msg", "{cats}老人不计").format(cats="、".join(hit)))
                continue
            if min_stay and (admission is None or add_months(to_date(admission), min_stay) > last):
                out(N_("msg", "至{d}连续入住未满{n}个月（{start}入住）").format(d=last, n=min_stay, start=admission))
                continue
            fen, basis = base_fen, N_("msg", "基本标准")
            for u in uplifts:
                if u.get("bed_types") and bed_type not in u["bed_types"]:
                    continue
                if u.get("sub_types") and bed_type == B.MEDICAL and sub_type not in u["sub_types"]:
                    continue
                if u.get("grades") and grade not in u["grades"]:
                    continue
                if u.get("kind_any") and inst.get("kind") not in u["kind_any"]:
                    continue
                if u["fen"] > fen:
                    fen, basis = u["fen"], u["label"]
            result.lines.append(line | {"rate_fen": fen, "amount_fen": fen, "basis": basis})
    return result


@requires("records.write")
def record_application(ctx: Context, kind: str, summary: dict, *, amount_fen: int | None, period: str) -> int:
    """Keep an application as made (its figures and breakdown) so later approval can refer to it."""
    with ctx.transaction() as db:
        db["subsidy_applications"].insert({
            "kind": kind, "profile_id": summary.get("profile", {}).get("id"),
            "profile_version": summary.get("profile", {}).get("version"), "period": period,
            "amount_fen": amount_fen, "summary": json.dumps(summary, ensure_ascii=False, default=str),
            "status": "已生成", "created_at": ctx.stamp(), "created_by": ctx.user})
        return db.execute("SELECT last_insert_rowid()").fetchone()[0]


@requires("view")
def list_applications(ctx: Context) -> list[dict]:
    return [dict(r) for r in ctx.db.query(
        "SELECT id, kind, profile_id, period, amount_fen, status, approved_amount_fen, decided_on, created_at, "
        "created_by FROM subsidy_applications ORDER BY id DESC")]


@requires("view")
def get_application(ctx: Context, application_id: int) -> dict:
    """One recorded application with its kept figures (``summary``: lines, excluded, totals …)."""
    row = next(ctx.db.query("SELECT * FROM subsidy_applications WHERE id = ?", [application_id]), None)
    if row is None:
        raise ServiceError(N_("msg", "没有这份申请记录"))
    return dict(row) | {"summary": json.loads(row["summary"] or "{}")}


def parse_yuan(text: str | None, field: str = "amount") -> int | None:
    """A typed amount in yuan ("12,000.50") as fen; blank is None; anything else a ValidationError naming the field."""
    value = (text or "").strip().replace(",", "").replace("，", "")
    if not value:
        return None
    try:
        fen = Decimal(value) * 100
        if not value.isascii() or not fen.is_finite() or fen < 0 or fen != fen.to_integral_value():
            raise InvalidOperation
    except InvalidOperation:
        raise ValidationError([Problem(field, N_("msg", "“{v}”不是有效金额（元，最多两位小数）").format(v=text))]) from None
    return int(fen)


@requires("records.write")
def approve_construction(ctx: Context, application_id: int, decided_on: dt.date, approved_amount_fen: int | None = None,
                         bed_ids: list[int] | None = None) -> int:
    """Record a construction application as approved: its beds (all, or the ones the office approved) are
    marked as granted and left out of later applications. Returns the number of beds marked."""
    row = next(ctx.db.query("SELECT * FROM subsidy_applications WHERE id = ?", [application_id]), None)
    if row is None or row["kind"] != "construction":
        raise ServiceError(N_("msg", "没有这份建设补贴申请"))
    if row["status"] == "已批准":
        raise ServiceError(N_("msg", "这份申请已经登记为已批准"))
    lines = json.loads(row["summary"]).get("lines", [])
    chosen = [line for line in lines if bed_ids is None or line["bed_id"] in set(bed_ids)]
    if not chosen:
        raise ValidationError([Problem("bed_ids", N_("msg", "请选择获批的床位"))])
    with ctx.transaction() as db:
        for line in chosen:
            if db.execute("SELECT 1 FROM construction_grants WHERE bed_id = ?", [line["bed_id"]]).fetchone():
                raise ValidationError([Problem("bed_ids", N_("msg", "床位{bed}已获得过建设补贴").format(bed=line["bed"]))])
            db["construction_grants"].insert({"bed_id": line["bed_id"], "application_id": application_id,
                                              "amount_fen": line["amount_fen"], "granted_on": decided_on.isoformat()})
        approved = approved_amount_fen if approved_amount_fen is not None else sum(x["amount_fen"] for x in chosen)
        db.execute("UPDATE subsidy_applications SET status = '已批准', approved_amount_fen = ?, decided_on = ? "
                   "WHERE id = ?", [approved, decided_on.isoformat(), application_id])
    return len(chosen)
