"""The typed policy profile: every setting with its default, label, unit and meaning declared once (fields.spec).

A profile has general facts (id, version, region, document, force dates) and sections: ``targets`` (nursing-bed
share), ``size_rules`` (medical capacity by size), ``construction`` and ``operating`` subsidies. Each rule row
carries ``source`` (the sentence of the policy text it comes from, quoted) and ``note`` (how the profile reads what
the text leaves open). ``ltc`` (长期护理保险, the monthly list's rates) is an optional section: a file without it has
``ltc is None`` — the region's rules are not known, and the list says so instead of computing zeros.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .. import beds as B
from ..text import QT_TRANSLATE_NOOP as N_
from ..vocabulary import CATEGORIES, KINDS, OWNERSHIPS
from .fields import note_spec, source_spec, spec
from .grades import matches

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
MAX_FEN = 10_000_000 * 100
COUNT_RULES = ("month_end", "any_day", "min_days")
MONTH_END, ANY_DAY, MIN_DAYS = COUNT_RULES


def _eligible(owners: tuple[str, ...], kinds: tuple[str, ...], ownership: str | None, kind: str | None, *,
              either: bool) -> bool:
    if not owners and not kinds:
        return True
    own_ok, kind_ok = (ownership in owners) if owners else None, (kind in kinds) if kinds else None
    if either:
        return bool(own_ok) or bool(kind_ok)
    return own_ok is not False and kind_ok is not False


# ---------------------------------------------------------------- targets and size rules

@dataclass(frozen=True)
class ShareTarget:
    by: dt.date | None = spec(None, N_("policy", "截止日期"), "date", required=True,
                              help=N_("policy", "目标的期限，例如 2025-12-31"))
    min_share: Decimal = spec(Decimal(0), N_("policy", "最低比例"), "share", low=Decimal(0), high=Decimal(1),
                              help=N_("policy", "0–1 之间的小数，例如 0.35 表示 35%"))
    source: str = source_spec()
    note: str = note_spec()


@dataclass(frozen=True)
class Targets:
    nursing_bed_share: tuple[ShareTarget, ...] = spec((), N_("policy", "护理型床位占养老床位的比例目标"), "rows",
                                                      item=ShareTarget)


@dataclass(frozen=True)
class SizeRule:
    min_beds: int = spec(0, N_("policy", "床位数下限（含本数）"), "int", unit=N_("policy", "张"), low=0, high=100000)
    max_beds: int = spec(0, N_("policy", "床位数上限（不含本数）"), "int", unit=N_("policy", "张"), low=0, high=100000,
                         help=N_("policy", "0 表示无上限"))
    requirement: str = spec("", N_("policy", "要求"), "text", required=True)
    needs_agreement: bool = spec(False, N_("policy", "须有生效的医疗合作协议"), "bool")
    needs_clinic: bool = spec(False, N_("policy", "须有内设医疗机构"), "bool")
    source: str = source_spec()
    note: str = note_spec()

    def covers(self, beds: int) -> bool:
        return beds >= self.min_beds and (not self.max_beds or beds < self.max_beds)

    def problems(self):
        if self.max_beds and self.max_beds <= self.min_beds:
            yield "max_beds", N_("msg", "上限应大于下限（0 表示无上限）")


@dataclass(frozen=True)
class SizeRules:
    rules: tuple[SizeRule, ...] = spec((), N_("policy", "按床位数的医疗能力要求"), "rows", item=SizeRule)


# ---------------------------------------------------------------- construction

@dataclass(frozen=True)
class ProvisionFactors:
    new: Decimal = spec(Decimal(1), N_("enum", "新建"), "factor", key="新建", low=Decimal(0), high=Decimal(10),
                        help=N_("policy", "新建床位按标准乘以的系数，1 为全额"))
    renovated: Decimal = spec(Decimal(1), N_("enum", "改扩建"), "factor", key="改扩建", low=Decimal(0),
                              high=Decimal(10), help=N_("policy", "改扩建床位的系数，减半写 0.5"))
    leased: Decimal = spec(Decimal(1), N_("enum", "租赁"), "factor", key="租赁", low=Decimal(0), high=Decimal(10),
                           help=N_("policy", "租赁房产开办的床位的系数，减半写 0.5"))

    def of(self, provision: str) -> Decimal:
        return {"新建": self.new, "改扩建": self.renovated, "租赁": self.leased}.get(provision, Decimal(1))


@dataclass(frozen=True)
class Threshold:
    label: str = spec("", N_("policy", "名称"), "text")
    label_en: str = spec("", N_("policy", "英文名称"), "text", help=N_("policy", "英文界面显示的名称；可不填"))
    provisions: tuple[str, ...] = spec((), N_("policy", "举办方式"), "choices", choices=B.PROVISIONS)
    min_beds: int = spec(0, N_("policy", "本次新增床位数门槛"), "int", unit=N_("policy", "张"), low=0, high=100000)
    source: str = source_spec()
    note: str = note_spec()


@dataclass(frozen=True)
class ConstructionRate:
    bed_type: str = spec("", N_("policy", "床位类型"), "choice", choices=B.BED_TYPES, required=True)
    sub_types: tuple[str, ...] = spec((), N_("policy", "医疗床位子类型"), "choices", choices=B.MEDICAL_SUBTYPES,
                                      help=N_("policy", "空表示该类型的全部床位"))
    kind_any: tuple[str, ...] = spec((), N_("policy", "限机构类型"), "choices", choices=KINDS,
                                     help=N_("policy", "空表示不限"))
    fen: int = spec(0, N_("policy", "每床标准"), "fen", key="yuan", unit=N_("policy", "元/床"), low=0, high=MAX_FEN)
    source: str = source_spec()
    note: str = note_spec()

    def applies(self, bed_type: str, sub_type: str | None, kind: str | None) -> bool:
        return (bed_type == self.bed_type and (not self.sub_types or sub_type in self.sub_types)
                and (not self.kind_any or kind in self.kind_any))

    def problems(self):
        if self.sub_types and self.bed_type and self.bed_type != B.MEDICAL:
            yield "sub_types", N_("msg", "只有医疗床位有子类型")


@dataclass(frozen=True)
class Construction:
    ownership_any: tuple[str, ...] = spec((), N_("policy", "可申请的举办性质"), "choices", choices=OWNERSHIPS,
                                          help=N_("policy", "与“可申请的机构类型”满足任一即可；都空表示不限"))
    kind_any: tuple[str, ...] = spec((), N_("policy", "可申请的机构类型"), "choices", choices=KINDS)
    lease_min_years: int = spec(0, N_("policy", "租赁开办的最短租期"), "int", unit=N_("policy", "年"), low=0, high=100,
                                help=N_("policy", "从床位投入使用日算到租赁到期日（含当日）；0 表示不限"))
    provision_factor: ProvisionFactors = spec(None, N_("policy", "按举办方式的系数"), "section", item=ProvisionFactors)
    thresholds: tuple[Threshold, ...] = spec((), N_("policy", "新增床位数门槛"), "rows", item=Threshold)
    rates: tuple[ConstructionRate, ...] = spec((), N_("policy", "每床标准"), "rows", item=ConstructionRate)
    source: str = source_spec()
    note: str = note_spec()

    def eligible(self, ownership: str | None, kind: str | None) -> bool:
        return _eligible(self.ownership_any, self.kind_any, ownership, kind, either=True)

    def rate_for(self, bed_type: str, sub_type: str | None, kind: str | None) -> ConstructionRate | None:
        return next((r for r in self.rates if r.applies(bed_type, sub_type, kind)), None)


# ---------------------------------------------------------------- operating

@dataclass(frozen=True)
class OperatingRate:
    """One clause of the operating subsidy: who and which beds it pays for, and how much per bed-month."""
    label: str = spec("", N_("policy", "名称"), "text", required=True)
    label_en: str = spec("", N_("policy", "英文名称"), "text", help=N_("policy", "英文界面显示的名称；可不填"))
    fen: int = spec(0, N_("policy", "标准"), "fen", key="yuan", unit=N_("policy", "元/床/月"), low=0, high=MAX_FEN)
    ownership_any: tuple[str, ...] = spec((), N_("policy", "限举办性质"), "choices", choices=OWNERSHIPS,
                                          help=N_("policy", "空表示不限；与“限机构类型”同时填写时两项都要符合"))
    kind_any: tuple[str, ...] = spec((), N_("policy", "限机构类型"), "choices", choices=KINDS,
                                     help=N_("policy", "空表示不限"))
    bed_types: tuple[str, ...] = spec((), N_("policy", "限床位类型"), "choices", choices=B.BED_TYPES,
                                      help=N_("policy", "按月末（或离院前最后一天）床位的类型；空表示不限"))
    sub_types: tuple[str, ...] = spec((), N_("policy", "限医疗床位子类型"), "choices", choices=B.MEDICAL_SUBTYPES,
                                      help=N_("policy", "只约束医疗床位；空表示不限"))
    min_age: int = spec(60, N_("policy", "年满"), "int", unit=N_("policy", "周岁"), low=0, high=120,
                        help=N_("policy", "按当月最后一天的周岁计，生日在最后一天也算；0 表示不限"))
    local_hukou_only: bool = spec(False, N_("policy", "只计本地户籍老人"), "bool")
    min_stay_months: int = spec(0, N_("policy", "连续入住满"), "int", unit=N_("policy", "个月"), low=0, high=120,
                                help=N_("policy", "从本次入住日到当月最后一天"))
    exclude_categories: tuple[str, ...] = spec((), N_("policy", "不计的老人类别"), "choices", choices=CATEGORIES)
    grades: tuple[str, ...] = spec((), N_("policy", "限能力等级"), "grades",
                                   help=N_("policy", "评估量表中的等级名称，全称或括号中的简称均可，例如“重度失能”"))
    source: str = source_spec()
    note: str = note_spec()

    def describe_filter(self) -> str:
        parts = [*self.ownership_any, *self.kind_any, *self.bed_types, *self.sub_types, *self.grades]
        return "、".join(parts)


@dataclass(frozen=True)
class Operating:
    min_operating_months: int = spec(0, N_("policy", "机构正式运营满"), "int", unit=N_("policy", "个月"), low=0, high=600,
                                     help=N_("policy", "正式运营满几个月后的月份才计；0 表示不限"))
    occupancy_floor: Decimal = spec(Decimal(0), N_("policy", "月末入住率下限"), "share", low=Decimal(0),
                                    high=Decimal(1), help=N_("policy", "0–1 之间的小数；低于则该月不计"))
    count_rule: str = spec(MONTH_END, N_("policy", "床次计算口径"), "choice", choices=COUNT_RULES,
                           help=N_("policy", "month_end：当月最后一天日末在住；any_day：当月至少一天日末在住；"
                                             "min_days：当月日末在住满“最少在住天数”"))
    min_days: int = spec(0, N_("policy", "最少在住天数"), "int", unit=N_("policy", "天"), low=0, high=31,
                         help=N_("policy", "只用于 min_days 口径"))
    count_away: bool = spec(True, N_("policy", "请假、住院保留床位的老人计入"), "bool",
                            help=N_("policy", "只用于 month_end 口径：月末请假或住院、床位保留的老人是否计入"))
    grade_valid_months: int = spec(0, N_("policy", "能力评估有效期"), "int", unit=N_("policy", "个月"), low=0, high=120,
                                   help=N_("policy", "0 表示用“设置”中的复评周期"))
    rates: tuple[OperatingRate, ...] = spec((), N_("policy", "补贴条款"), "rows", item=OperatingRate,
                                           help=N_("policy", "一个床次适用多条时取标准最高的一条，不叠加"))
    source: str = source_spec()
    note: str = note_spec()


# ---------------------------------------------------------------- 长期护理保险 (the monthly list)

HOSPITAL_RULES = ("deduct", "count")
HOSPITAL_DEDUCT, HOSPITAL_COUNT = HOSPITAL_RULES


@dataclass(frozen=True)
class LtcLevel:
    """One level (or group of levels) the fund pays for: the standard per bed-day, the fund's share and its cap."""
    grades: tuple[str, ...] = spec((), N_("policy", "失能等级"), "grades", required=True,
                                   help=N_("policy", "享受待遇的等级，与老人“长护险等级”登记的写法一致，例如“重度失能”"))
    day_fen: int | None = spec(None, N_("policy", "每床日标准"), "fen", key="day_yuan", unit=N_("policy", "元/床日"),
                               low=0, high=MAX_FEN, optional=True,
                               help=N_("policy", "护理服务每床日的费用标准；当月金额 = 标准 × 护理天数。文件没有写时留空"))
    fund_share: Decimal | None = spec(None, N_("policy", "基金支付比例"), "share", low=Decimal(0), high=Decimal(1),
                                      optional=True,
                                      help=N_("policy", "0–1 之间的小数，例如 0.7；基金支付 = 金额 × 比例（四舍五入到分），"
                                                        "其余由个人负担。文件没有写时留空"))
    month_cap_fen: int | None = spec(None, N_("policy", "基金每月最高支付"), "fen", key="month_cap_yuan",
                                     unit=N_("policy", "元/月"), low=0, high=MAX_FEN, optional=True,
                                     help=N_("policy", "基金每人每月支付的上限，超出部分由个人负担；空表示没有上限"))
    source: str = source_spec()
    note: str = note_spec()

    def covers(self, level: str | None) -> bool:
        return matches(self.grades, level)


@dataclass(frozen=True)
class LtcRules:
    hospital_days: str | None = spec(None, N_("policy", "住院期间"), "choice", choices=HOSPITAL_RULES, optional=True,
                                     help=N_("policy", "deduct：住院的日子不计护理天数；count：照计。按日末在住（住院"
                                                       "当晚起至返回前一晚为住院日）。文件没有写时留空"))
    levels: tuple[LtcLevel, ...] = spec((), N_("policy", "待遇标准"), "rows", item=LtcLevel,
                                        help=N_("policy", "没有列出的等级不享受待遇"))
    source: str = source_spec()
    note: str = note_spec()

    def level_for(self, level: str | None) -> LtcLevel | None:
        return next((lv for lv in self.levels if lv.covers(level)), None)

    def missing(self) -> list[tuple[str, str]]:
        """(path, what is missing) for every figure the list needs and the profile leaves empty."""
        out = []
        if self.hospital_days is None:
            out.append(("ltc.hospital_days", N_("msg", "住院期间是否计护理天数")))
        if not self.levels:
            out.append(("ltc.levels", N_("msg", "享受待遇的等级")))
        for i, lv in enumerate(self.levels, 1):
            name = (lv.grades[0] + ("等" if len(lv.grades) > 1 else "")) if lv.grades else str(i)
            if lv.day_fen is None:
                out.append((f"ltc.levels[{i}].day_yuan", N_("msg", "{level}的每床日标准").format(level=name)))
            if lv.fund_share is None:
                out.append((f"ltc.levels[{i}].fund_share", N_("msg", "{level}的基金支付比例").format(level=name)))
        return out


# ---------------------------------------------------------------- the profile

@dataclass(frozen=True)
class PolicyProfile:
    id: str = spec("", N_("policy", "编号"), "text", required=True,
                   help=N_("policy", "小写字母、数字和连字符，2–40个字符，例如 shenyang-2024"))
    version: int = spec(1, N_("policy", "版本"), "int", low=1, high=10**6)
    title: str = spec("", N_("policy", "名称"), "text", required=True)
    title_en: str = spec("", N_("policy", "英文名称"), "text", help=N_("policy", "英文界面显示的名称；可不填"))
    region: str = spec("", N_("policy", "适用地区"), "text", help=N_("policy", "例如“湖南省怀化市鹤城区”"))
    region_code: str = spec("", N_("policy", "行政区划代码"), "text",
                            help=N_("policy", "6位代码，例如 431202；市级配置写市的代码（如 440800），省级写省的代码"))
    document: str = spec("", N_("policy", "政策文件"), "text", help=N_("policy", "发文机关、文件名称和文号"))
    effective_from: dt.date | None = spec(None, N_("policy", "施行日期"), "date", required=True)
    effective_to: dt.date | None = spec(None, N_("policy", "有效期至（含当日）"), "date",
                                        help=N_("policy", "废止前的最后一天；空表示仍有效"))
    source_note: str = spec("", N_("policy", "来源说明"), "text", multiline=True,
                            help=N_("policy", "文件出处、印发日期和整体解读"))
    targets: Targets = spec(None, N_("policy", "床位目标"), "section", item=Targets)
    size_rules: SizeRules = spec(None, N_("policy", "按规模的医疗能力要求"), "section", item=SizeRules)
    construction: Construction = spec(None, N_("policy", "建设补贴"), "section", item=Construction)
    operating: Operating = spec(None, N_("policy", "运营补贴"), "section", item=Operating)
    ltc: LtcRules | None = spec(None, N_("policy", "长期护理保险"), "section", item=LtcRules, optional=True,
                                help=N_("policy", "长护险月度结算清单的标准；没有这一节表示本配置没有长护险标准"))

    def problems(self):
        if self.id and not ID_RE.match(self.id):
            yield "id", N_("msg", "编号只能用小写字母、数字和连字符（2–40个字符），例如 shenyang-2024")
        if self.region_code and not (self.region_code.isascii() and self.region_code.isdigit()
                                     and len(self.region_code) == 6):
            yield "region_code", N_("msg", "行政区划代码应为6位数字")
        if self.effective_from and self.effective_to and self.effective_to < self.effective_from:
            yield "effective_to", N_("msg", "有效期截止日早于施行日期")

    # --- reading the profile
    def in_force(self, d: dt.date) -> bool:
        return (self.effective_from is None or self.effective_from <= d) and \
            (self.effective_to is None or d <= self.effective_to)

    def in_force_through(self, first: dt.date, last: dt.date) -> bool:
        """In force on every day from ``first`` to ``last``."""
        return self.in_force(first) and self.in_force(last)

    def force_text(self) -> str:
        """"2021-03-24 起" or "2018-01-01 至 2020-12-31" (the last day in force)."""
        start = self.effective_from.isoformat() if self.effective_from else "—"
        if self.effective_to is None:
            return N_("msg", "{start} 起").format(start=start)
        return N_("msg", "{start} 至 {end}").format(start=start, end=self.effective_to.isoformat())

    def nursing_target_on(self, d: dt.date) -> Fraction | None:
        """The nursing-bed share expected by ``d``: the latest target whose deadline is on or before ``d``, else the
        first one still ahead (what the home is working towards); None without targets."""
        rows = sorted(((t.by, Fraction(t.min_share)) for t in self.targets.nursing_bed_share if t.by),
                      key=lambda r: r[0])
        if not rows:
            return None
        past = [share for by, share in rows if by <= d]
        return past[-1] if past else rows[0][1]

    def size_rule_for(self, beds: int) -> SizeRule | None:
        return next((r for r in self.size_rules.rules if r.covers(beds)), None)

    def region_matches(self, region_code: str | None, region_name: str | None) -> bool | None:
        """Whether an institution in this region is covered: by code (a city's code covers its districts), else by
        name; None when the profile or the institution does not say."""
        code = (region_code or "").strip()
        if self.region_code and code:
            prefix = self.region_code
            while prefix.endswith("00"):
                prefix = prefix[:-2]
            return code.startswith(prefix)
        name = (region_name or "").strip()
        if self.region and name:
            return name in self.region or self.region in name
        return None
