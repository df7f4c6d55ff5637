"""医保定点 readiness of the internal medical institution: the conditions of 《医疗机构医疗保障定点管理暂行办法》
(国家医疗保障局令第2号, 2020) 第六条, judged from the institution's facts, the physicians in post and what the user
confirmed. Pure: facts in, :class:`Readiness` out.

Readings (docs/applications.md):
* "正式运营满3个月" runs from the later of the institution's formal operation date and the clinic's licence date:
  the medical institution operates formally only once both the home runs and the clinic is licensed.
* "主要负责人负责医保工作" is required at every size; at ≥ 100 beds the dedicated 医保管理部门 is required as well.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .dates import add_months
from .snapshot import InstitutionFacts
from .text import QT_TRANSLATE_NOOP as N_

MIN_OPERATING_MONTHS = 3
DEPT_BEDS = 100
RULES = (N_("enum", "医保管理制度"), N_("enum", "财务制度"), N_("enum", "统计信息管理制度"),
         N_("enum", "医疗质量安全核心制度"))
HIS_ITEMS = (N_("enum", "与医保信息系统对接并上传全部就诊数据"), N_("enum", "可直接联网结算"),
             N_("enum", "药品、诊疗项目、医用耗材等基础字典使用国家统一医保编码"))


@dataclass(frozen=True)
class Answers:
    """What the records cannot know and the user confirms."""
    rules: Mapping[str, bool] = field(default_factory=dict)
    his: Mapping[str, bool] = field(default_factory=dict)
    dept: bool = False
    dept_name: str = ""
    manager: bool = False


@dataclass(frozen=True)
class Physician:
    name: str
    first_registration: bool


@dataclass(frozen=True)
class Condition:
    name: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class Readiness:
    on: dt.date
    conditions: tuple[Condition, ...]
    earliest_date: dt.date | None
    beds: int

    @property
    def ready(self) -> bool:
        return all(c.passed for c in self.conditions)

    def to_dict(self) -> dict:
        return {"on": self.on, "ready": self.ready, "earliest_date": self.earliest_date, "beds": self.beds,
                "conditions": [{"name": c.name, "passed": c.passed, "reason": c.reason} for c in self.conditions]}


def operating_start(inst: InstitutionFacts) -> dt.date | None:
    """When the internal medical institution began formal operation: the later of the two dates; None while
    either is missing."""
    if inst.operation_start is None or inst.medical_license_date is None:
        return None
    return max(inst.operation_start, inst.medical_license_date)


def readiness(inst: InstitutionFacts, answers: Answers, physicians: list[Physician], beds: int,
              on: dt.date) -> Readiness:
    out: list[Condition] = []

    def cond(name, passed, reason):
        out.append(Condition(name, bool(passed), reason))

    licensed = inst.has_clinic and bool(inst.medical_license_no)
    cond(N_("enum", "内设医疗机构并取得执业许可"), licensed,
         N_("msg", "{kind}，执业许可证号 {no}").format(kind=inst.medical_facility, no=inst.medical_license_no)
         if licensed else N_("msg", "“机构信息”中未填写内设医疗机构或执业许可证号"))

    start = operating_start(inst)
    earliest = add_months(start, MIN_OPERATING_MONTHS) if start else None
    name = N_("enum", "正式运营满3个月")
    if start is None:
        missing = [label for label, value in ((N_("msg", "正式运营日期"), inst.operation_start),
                                              (N_("msg", "执业许可证日期"), inst.medical_license_date)) if value is None]
        cond(name, False, N_("msg", "未填写{fields}").format(fields="、".join(missing)))
    else:
        cond(name, earliest <= on, N_("msg", "正式运营日期{op}、执业许可证日期{lic}，取较晚的{start}起算，{earliest}起可申请")
             .format(op=inst.operation_start, lic=inst.medical_license_date, start=start, earliest=earliest))

    first = [p for p in physicians if p.first_registration]
    cond(N_("enum", "至少1名在本机构首次注册的医师"), first,
         N_("msg", "首次注册在本机构的医师：{names}").format(names="、".join(p.name for p in first)) if first else
         N_("msg", "在岗医师{n}名，其中没有首次注册在本机构的（请在“人员”中核对）").format(n=len(physicians)))

    cond(N_("enum", "主要负责人负责医保工作并配备专（兼）职医保管理人员"), answers.manager,
         N_("msg", "床位{n}张；{state}").format(n=beds, state=N_("msg", "已确认") if answers.manager
                                               else N_("msg", "尚未确认")))
    if beds >= DEPT_BEDS:
        dept_ok = answers.dept and bool(answers.dept_name)
        cond(N_("enum", "设立医保管理部门并配备专职人员"), dept_ok,
             N_("msg", "床位{n}张（≥{min}张须设医保管理部门）：{state}").format(
                 n=beds, min=DEPT_BEDS, state=answers.dept_name if dept_ok else N_("msg", "尚未确认")))
    missing_rules = [k for k in RULES if not answers.rules.get(k)]
    cond(N_("enum", "医保管理、财务、统计信息、医疗质量安全核心制度"), not missing_rules,
         N_("msg", "尚未确认：{items}").format(items="、".join(missing_rules)) if missing_rules
         else N_("msg", "四项制度均已确认"))
    missing_his = [k for k in HIS_ITEMS if not answers.his.get(k)]
    cond(N_("enum", "信息系统符合医保接口与编码标准"), not missing_his,
         N_("msg", "尚未确认：{items}").format(items="、".join(missing_his)) if missing_his
         else N_("msg", "三项均已确认"))
    return Readiness(on, tuple(out), earliest, beds)
