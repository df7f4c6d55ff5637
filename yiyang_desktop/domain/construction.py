"""The one-off construction subsidy (建设补贴): which beds qualify on a day under a profile, and for how much.

Pure: a profile, the institution's facts and its beds in, a :class:`ConstructionResult` out. Every bed is either a
line (rate × factor of its provision, rounded to the fen once) or excluded with the reason. A lease's end date is
its last day: "2024-03-01 至 2029-02-28" is five years.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from . import beds as B
from .dates import lasts_years
from .money import capital
from .policy.profile import PolicyProfile
from .snapshot import BedFacts, InstitutionFacts
from .text import QT_TRANSLATE_NOOP as N_


def apply_factor(rate_fen: int, factor: Decimal) -> int:
    return int((Decimal(rate_fen) * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan_plain(fen: int) -> str:
    """Whole yuan without decimals ("6000"), else with two ("12.50")."""
    return str(fen // 100) if fen % 100 == 0 else f"{Decimal(fen) / 100:.2f}"


def type_text(bed_type: str, sub_type: str | None) -> str:
    return f"{bed_type}（{sub_type}）" if sub_type else bed_type


def institution_problem(owners, kinds, inst: InstitutionFacts) -> str:
    return N_("msg", "本机构（{owner}，{kind}）不在补贴范围（限：{wanted}）").format(
        owner=inst.ownership or N_("msg", "举办性质未填"), kind=inst.kind or N_("msg", "机构类型未填"),
        wanted="、".join((*owners, *kinds)))


def force_problem(profile: PolicyProfile, what: str) -> str:
    return N_("msg", "{what}不在政策配置“{title}”的有效期内（{force}），不能申请").format(
        what=what, title=profile.title, force=profile.force_text())


@dataclass(frozen=True)
class BedLine:
    bed_id: int
    bed: str
    bed_type: str
    sub_type: str | None
    provision: str
    service_date: str
    lease_end_date: str | None
    rate_fen: int = 0
    factor: str = "1"
    amount_fen: int = 0
    basis: str = ""
    reason: str = ""     # only for an excluded bed


@dataclass
class ConstructionResult:
    profile: dict
    as_of: dt.date
    lines: list[BedLine] = field(default_factory=list)       # beds that qualify
    excluded: list[BedLine] = field(default_factory=list)    # beds that do not, with the reason
    problems: list[str] = field(default_factory=list)        # why nothing at all qualifies

    @property
    def amount_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def bed_count(self) -> int:
        return len(self.lines)

    def totals(self) -> list[dict]:
        """Subtotals by bed type, provision and rate (the rows of the form's summary)."""
        groups: dict[tuple, dict] = {}
        for line in self.lines:
            key = (line.bed_type, line.sub_type or "", line.provision, line.amount_fen)
            g = groups.setdefault(key, {"bed_type": key[0], "sub_type": key[1], "provision": key[2],
                                        "per_bed_fen": key[3], "beds": 0, "amount_fen": 0})
            g["beds"] += 1
            g["amount_fen"] += line.amount_fen
        return list(groups.values())

    def to_json(self) -> dict:
        def row(x, keep):
            return {k: v for k, v in dataclasses.asdict(x).items() if k in keep}
        line_keys = {f.name for f in dataclasses.fields(BedLine)} - {"reason"}
        out_keys = {"bed_id", "bed", "bed_type", "sub_type", "provision", "service_date", "lease_end_date", "reason"}
        return {"kind": "construction-subsidy", "profile": self.profile, "as_of": self.as_of.isoformat(),
                "bed_count": self.bed_count, "amount_fen": self.amount_fen, "amount_capital": capital(self.amount_fen),
                "totals": self.totals(), "lines": [row(x, line_keys) for x in self.lines],
                "excluded": [row(x, out_keys) for x in self.excluded], "problems": [str(p) for p in self.problems]}


def construction_subsidy(profile: PolicyProfile, inst: InstitutionFacts, beds: list[BedFacts], as_of: dt.date,
                         described: dict | None = None) -> ConstructionResult:
    """Which beds qualify for the one-off construction subsidy on ``as_of``, and for how much."""
    rules = profile.construction
    result = ConstructionResult(described or {"id": profile.id}, as_of)
    problem = None
    if not profile.in_force(as_of):
        problem = force_problem(profile, N_("msg", "计算日期{d}").format(d=as_of))
    elif not rules.eligible(inst.ownership, inst.kind):
        problem = institution_problem(rules.ownership_any, rules.kind_any, inst)
    if problem:
        result.problems.append(problem)
    candidates: list[BedLine] = []
    for facts in sorted(beds, key=lambda b: b.record.label):
        bed = facts.record
        if bed.service_date > as_of:
            continue
        kind = bed.type_on(as_of)
        base = BedLine(bed.id, bed.label, kind[0] if kind else "", kind[1] if kind else None, facts.provision,
                       bed.service_date.isoformat(), facts.lease_end.isoformat() if facts.lease_end else None)

        def out(reason, base=base):
            result.excluded.append(dataclasses.replace(base, reason=reason))

        if problem:
            out(problem)
            continue
        if facts.grant is not None and facts.grant.granted_on <= as_of:
            out(N_("msg", "已于{date}获得建设补贴（第{app}号申请），不再重复申请").format(
                date=facts.grant.granted_on, app=facts.grant.application_id))
            continue
        if kind is None:
            out(N_("msg", "该日期尚无床位类型"))
            continue
        if bed.status_on(as_of) == B.DISABLED:
            out(N_("msg", "床位已停用"))
            continue
        rate = rules.rate_for(kind[0], kind[1], inst.kind)
        if rate is None:
            out(N_("msg", "{what}不在本政策的建设补贴范围").format(what=type_text(*kind)))
            continue
        if facts.provision == B.LEASED and rules.lease_min_years:
            n = rules.lease_min_years
            if facts.lease_end is None:
                out(N_("msg", "租赁床位未填写租赁到期日，无法确认租期是否满{n}年").format(n=n))
                continue
            if not lasts_years(bed.service_date, facts.lease_end, n):
                out(N_("msg", "租期（{start}至{end}，含到期日）不足{n}年").format(
                    start=bed.service_date, end=facts.lease_end, n=n))
                continue
        factor = rules.provision_factor.of(facts.provision)
        if factor == 0:
            out(N_("msg", "{prov}方式开办的床位不在补贴范围").format(prov=facts.provision))
            continue
        basis = N_("msg", "{type}，{prov}，{rate}元/床").format(type=type_text(*kind), prov=facts.provision,
                                                            rate=yuan_plain(rate.fen))
        if factor != 1:
            basis = N_("msg", "{basis} × {factor}（{prov}）").format(basis=basis, factor=factor.normalize(),
                                                                     prov=facts.provision)
        candidates.append(dataclasses.replace(base, rate_fen=rate.fen, factor=str(factor.normalize()),
                                              amount_fen=apply_factor(rate.fen, factor), basis=basis))
    for th in rules.thresholds:
        group = [c for c in candidates if c.provision in th.provisions]
        if group and len(group) < th.min_beds:
            reason = N_("msg", "{label}本次共{n}张，未达到{min}张的门槛").format(
                label=th.label or "、".join(th.provisions), n=len(group), min=th.min_beds)
            result.excluded += [dataclasses.replace(c, rate_fen=0, factor="1", amount_fen=0, basis="", reason=reason)
                                for c in group]
            candidates = [c for c in candidates if c not in group]
    result.lines = candidates
    return result
