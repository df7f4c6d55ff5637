"""The 长护险 (long-term-care insurance) monthly list: for each insured resident, the care days of the month, the
level's standard, the amount, the fund's share and the resident's own share, the totals, and why anyone is left out.

Pure: a :class:`LtcSnapshot` and a policy profile in, an :class:`LtcList` out. Readings (docs/health.md):
* Days in residence are the end-of-day census days of the month (``census.census_on``, exactly as the census counts:
  the admission day counts, the discharge day does not; a resident on leave or in hospital keeps the bed).
* A day counts for a level when the level is valid that day (``valid_from`` ≤ day ≤ ``valid_to``).
* Hospital days are census days on which the resident is away with a 住院 leave; the profile's ``hospital_days``
  says whether they are deducted (``deduct``) or counted (``count``). Care days = census days with a valid level,
  less the hospital days when they are deducted.
* Amount = the level's standard per bed-day × care days; the fund pays amount × its share (rounded half up to the
  fen), at most the monthly cap; the resident pays the rest. All in integer fen.
* A level change within the month gives one row per level, each with its own standard and cap.
* Figures a profile leaves empty are not taken as zero: the rows keep their days and the amounts stay empty, and the
  list says what is missing. A profile without the section has no list at all, and says so.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import groupby

from .census import Absence, BedRecord, Occupancy, census_on
from .construction import force_problem
from .dates import month_bounds
from .policy.profile import HOSPITAL_DEDUCT, PolicyProfile
from .snapshot import Grade, Resident
from .text import QT_TRANSLATE_NOOP as N_

HOSPITAL = "住院"
# Why an insured (or perhaps eligible) resident in residence is not on the list.
NOT_INSURED = N_("enum", "未参加长护险")
NO_LEVEL = N_("enum", "未登记长护险等级")
LEVEL_EXPIRED = N_("enum", "长护险等级已过期")
NOT_COVERED = N_("enum", "等级不在待遇范围")
OTHER_PLACE = N_("enum", "参保地不适用本配置")
ALL_MONTH_IN_HOSPITAL = N_("enum", "全月住院")
REASONS = (NOT_INSURED, NO_LEVEL, LEVEL_EXPIRED, NOT_COVERED, OTHER_PLACE, ALL_MONTH_IN_HOSPITAL)


@dataclass(frozen=True)
class LevelRecord:
    """One registered level of one resident: valid from ``valid_from`` to ``valid_to`` (both days included)."""
    id: int
    resident_id: int
    level: str
    insured_place: str = ""
    certificate_no: str = ""
    valid_from: dt.date = dt.date(1900, 1, 1)
    valid_to: dt.date = dt.date(1900, 1, 1)

    def covers(self, d: dt.date) -> bool:
        return self.valid_from <= d <= self.valid_to


@dataclass(frozen=True)
class LtcSnapshot:
    """A month's records for the list: ``occupancies`` and ``absences`` overlapping the month, ``residents`` who held
    a bed at the end of any day of it, their ``levels`` (oldest first) and latest completed ``grades`` by its last
    day."""
    year: int
    month: int
    beds: tuple[BedRecord, ...] = ()
    occupancies: tuple[Occupancy, ...] = ()
    absences: tuple[Absence, ...] = ()
    residents: Mapping[int, Resident] = field(default_factory=dict)
    levels: Mapping[int, tuple[LevelRecord, ...]] = field(default_factory=dict)
    grades: Mapping[int, Grade] = field(default_factory=dict)


@dataclass(frozen=True)
class LtcRow:
    resident_id: int
    name: str
    id_number: str
    insured_place: str
    level: str
    certificate_no: str
    valid_from: dt.date
    valid_to: dt.date
    census_days: int                # end-of-day census days with this level valid
    hospital_days: int              # of which in hospital
    care_days: int | None           # None: the profile does not say how hospital days count
    day_fen: int | None = None
    fund_share: Decimal | None = None
    month_cap_fen: int | None = None
    amount_fen: int | None = None
    fund_fen: int | None = None
    self_fen: int | None = None
    capped: bool = False            # the fund's share was cut to the monthly cap

    def to_json(self) -> dict:
        return {"resident_id": self.resident_id, "name": self.name, "id_number": self.id_number,
                "insured_place": self.insured_place, "level": self.level, "certificate_no": self.certificate_no,
                "valid_from": self.valid_from.isoformat(), "valid_to": self.valid_to.isoformat(),
                "census_days": self.census_days, "hospital_days": self.hospital_days, "care_days": self.care_days,
                "day_fen": self.day_fen, "fund_share": None if self.fund_share is None else str(self.fund_share),
                "month_cap_fen": self.month_cap_fen, "amount_fen": self.amount_fen, "fund_fen": self.fund_fen,
                "self_fen": self.self_fen, "capped": self.capped}


@dataclass(frozen=True)
class LtcExcluded:
    resident_id: int
    name: str
    reason: str         # one of REASONS
    detail: str = ""    # e.g. the level and the day it ended

    def to_json(self) -> dict:
        return {"resident_id": self.resident_id, "name": self.name, "reason": str(self.reason),
                "detail": str(self.detail)}


@dataclass
class LtcList:
    year: int
    month: int
    profile_id: str
    profile_title: str
    configured: bool                 # the profile has a 长护险 section
    hospital_days: str | None = None  # the profile's hospital-day rule (deduct / count), None when not given
    problems: list[str] = field(default_factory=list)   # why amounts are not computed (missing figures, not in force)
    rows: list[LtcRow] = field(default_factory=list)
    excluded: list[LtcExcluded] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def computed(self) -> bool:
        """Amounts are known (the section is complete and in force for the month)."""
        return self.configured and not self.problems

    def _total(self, attr: str) -> int | None:
        return sum(getattr(r, attr) for r in self.rows) if self.computed else None

    @property
    def total_fen(self) -> int | None:
        return self._total("amount_fen")

    @property
    def fund_total_fen(self) -> int | None:
        return self._total("fund_fen")

    @property
    def self_total_fen(self) -> int | None:
        return self._total("self_fen")

    @property
    def care_days_total(self) -> int | None:
        return None if any(r.care_days is None for r in self.rows) else sum(r.care_days for r in self.rows)

    def to_json(self) -> dict:
        first, last = month_bounds(self.year, self.month)
        return {"month": self.key, "first_day": first.isoformat(), "last_day": last.isoformat(),
                "profile_id": self.profile_id, "profile_title": self.profile_title, "configured": self.configured,
                "hospital_days": self.hospital_days,
                "computed": self.computed, "problems": [str(p) for p in self.problems],
                "residents": [r.to_json() for r in self.rows], "excluded": [x.to_json() for x in self.excluded],
                "care_days_total": self.care_days_total, "total_fen": self.total_fen,
                "fund_total_fen": self.fund_total_fen, "self_total_fen": self.self_total_fen}


def _fund(amount: int, share: Decimal) -> int:
    return int((Decimal(amount) * share).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def level_on(levels: tuple[LevelRecord, ...], d: dt.date) -> LevelRecord | None:
    return next((lv for lv in levels if lv.covers(d)), None)


def days_in_residence(snap: LtcSnapshot) -> dict[int, list[tuple[dt.date, str | None]]]:
    """For each resident, the month's end-of-day census days and what they were away for that day (or None)."""
    first, last = month_bounds(snap.year, snap.month)
    beds, occs, absences = list(snap.beds), list(snap.occupancies), list(snap.absences)
    out: dict[int, list[tuple[dt.date, str | None]]] = {}
    d = first
    while d <= last:
        for r in census_on(d, beds, occs, absences).residents:
            out.setdefault(r.resident_id, []).append((d, r.away))
        d += dt.timedelta(days=1)
    return out


def ltc_list(snap: LtcSnapshot, profile: PolicyProfile, *, mask=lambda s: s) -> LtcList:
    """The month's list under ``profile`` (``mask`` hides the middle of ID numbers)."""
    first, last = month_bounds(snap.year, snap.month)
    rules = profile.ltc
    out = LtcList(snap.year, snap.month, profile.id, profile.title, rules is not None,
                  rules.hospital_days if rules is not None else None)
    if rules is None:
        out.problems.append(N_("msg", "政策配置“{title}”没有长期护理保险标准，不能生成长护险清单。请选用有长护险标准的配置，"
                                      "或复制一份配置后填写“长期护理保险”一节。").format(title=profile.title))
        return out
    if not profile.in_force_through(first, last):
        out.problems.append(force_problem(profile, N_("msg", "{y}年{m}月").format(y=snap.year, m=snap.month)))
    missing = rules.missing()
    if missing:
        out.problems.append(N_("msg", "政策配置“{title}”的长护险标准缺少：{items}。政策文件没有写的项目不按0计算，"
                                      "金额暂不计算；请复制配置后按当地医保部门的规定填写。")
                            .format(title=profile.title, items="、".join(text for _p, text in missing)))
    complete = not out.problems
    present = days_in_residence(snap)
    for rid in sorted(present, key=lambda r: (snap.residents[r].name, r)):
        p = snap.residents[rid]
        days = present[rid]
        levels = tuple(sorted(snap.levels.get(rid, ()), key=lambda lv: (lv.valid_from, lv.id)))
        in_month = [lv for lv in levels if lv.valid_from <= last and lv.valid_to >= first]
        if not p.ltc_insured:
            g = snap.grades.get(rid)
            if in_month:
                out.excluded.append(LtcExcluded(rid, p.name, NOT_INSURED, N_("msg", "登记了等级“{level}”，但老人档案未勾选参加长护险")
                                                .format(level=in_month[-1].level)))
            elif g is not None and rules.level_for(g.name) is not None:
                out.excluded.append(LtcExcluded(rid, p.name, NOT_INSURED, N_("msg", "能力评估为“{grade}”（{date}）")
                                                .format(grade=g.name, date=g.assessed_on.isoformat())))
            continue
        valid = [(d, away, lv) for d, away in days if (lv := level_on(levels, d)) is not None]
        if not valid:
            ended = [lv for lv in levels if lv.valid_to < days[-1][0]]
            if ended:
                lv = ended[-1]
                out.excluded.append(LtcExcluded(rid, p.name, LEVEL_EXPIRED, N_("msg", "“{level}”有效期至 {date}")
                                                .format(level=lv.level, date=lv.valid_to.isoformat())))
            else:
                out.excluded.append(LtcExcluded(rid, p.name, NO_LEVEL))
            continue
        for lv, group in groupby(valid, key=lambda x: x[2]):
            group = list(group)
            if profile.region_matches(None, lv.insured_place) is False:
                out.excluded.append(LtcExcluded(rid, p.name, OTHER_PLACE, N_("msg", "参保地“{place}”，配置地区“{region}”")
                                                .format(place=lv.insured_place, region=profile.region)))
                continue
            rule = rules.level_for(lv.level)
            if rule is None:
                out.excluded.append(LtcExcluded(rid, p.name, NOT_COVERED, lv.level))
                continue
            census_days = len(group)
            hospital = sum(1 for _d, away, _lv in group if away == HOSPITAL)
            if rules.hospital_days is None:
                care = None
            else:
                care = census_days - hospital if rules.hospital_days == HOSPITAL_DEDUCT else census_days
            if care == 0:
                out.excluded.append(LtcExcluded(rid, p.name, ALL_MONTH_IN_HOSPITAL,
                                                N_("msg", "住院 {n} 天").format(n=hospital)))
                continue
            row = LtcRow(rid, p.name, mask(p.id_number), lv.insured_place, lv.level, lv.certificate_no, lv.valid_from,
                         lv.valid_to, census_days, hospital, care, rule.day_fen, rule.fund_share, rule.month_cap_fen)
            if complete:
                amount = rule.day_fen * care
                fund = _fund(amount, rule.fund_share)
                capped = rule.month_cap_fen is not None and fund > rule.month_cap_fen
                fund = min(fund, rule.month_cap_fen) if capped else fund
                row = dataclasses.replace(row, amount_fen=amount, fund_fen=fund, self_fen=amount - fund, capped=capped)
            out.rows.append(row)
    return out
