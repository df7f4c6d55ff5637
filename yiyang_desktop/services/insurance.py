"""医保定点 application for the internal medical institution: readiness from the records, form data, materials.

Conditions follow 《医疗机构医疗保障定点管理暂行办法》(国家医疗保障局令第2号, 2020) 第六条; what the records
cannot know (rules in force, HIS connection) the user confirms, and those answers are kept in the settings.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .assessments import add_months
from .base import Context, Problem, ValidationError, to_date
from .accounts import requires
from .census import census
from .institution import get_institution
from .settings import get_setting, set_setting

MIN_OPERATING_MONTHS = 3
DEPT_BEDS = 100
PHYSICIAN_ROLES = ("执业医师", "执业助理医师")
RULES = (N_("enum", "医保管理制度"), N_("enum", "财务制度"), N_("enum", "统计信息管理制度"),
         N_("enum", "医疗质量安全核心制度"))
HIS_ITEMS = (N_("enum", "与医保信息系统对接并上传全部就诊数据"), N_("enum", "可直接联网结算"),
             N_("enum", "药品、诊疗项目、医用耗材等基础字典使用国家统一医保编码"))
MATERIALS = (
    N_("enum", "定点医疗机构申请表"),
    N_("enum", "医疗机构执业许可证（复印件）"),
    N_("enum", "与医保政策对应的内部管理制度和财务制度文本"),
    N_("enum", "与医保有关的医疗机构信息系统相关材料"),
    N_("enum", "纳入定点后使用医保基金的预测性分析报告"),
    N_("enum", "统一社会信用代码证书及法定代表人身份证明"),
    N_("enum", "医疗服务人员信息表"),
    N_("enum", "大型设备清单"),
    N_("enum", "申请材料真实性声明"),
    N_("enum", "省级医疗保障部门规定的其他材料"),
)
FORM_FIELDS = ("introduction", "fixed_assets_wan", "annual_income_wan", "outpatient_visits", "inpatient_visits",
               "dept_name", "manager_name")


@requires("view")
def get_answers(ctx: Context) -> dict[str, Any]:
    saved = get_setting(ctx, "insurance_application") or {}
    return {
        "rules": {k: bool(saved.get("rules", {}).get(k)) for k in RULES},
        "his": {k: bool(saved.get("his", {}).get(k)) for k in HIS_ITEMS},
        "dept": bool(saved.get("dept")), "manager": bool(saved.get("manager")),
        "equipment": [dict(e) for e in saved.get("equipment", [])],
        **{k: str(saved.get(k) or "") for k in FORM_FIELDS},
    }


@requires("settings")
def save_answers(ctx: Context, data: dict) -> dict:
    problems = []
    equipment = []
    for i, row in enumerate(data.get("equipment") or []):
        name = str(row.get("name") or "").strip()
        count = str(row.get("count") or "").strip()
        if not name and not count:
            continue
        if not name or not (count.isascii() and count.isdigit()) or int(count) <= 0:
            problems.append(Problem("equipment", N_("msg", "设备清单第{n}行：请填写名称和数量（正整数）").format(n=i + 1)))
        equipment.append({"name": name, "count": int(count) if count.isascii() and count.isdigit() else count})
    for key in ("fixed_assets_wan", "annual_income_wan", "outpatient_visits", "inpatient_visits"):
        value = str(data.get(key) or "").strip()
        try:
            if value and float(value) < 0:
                raise ValueError
        except ValueError:
            problems.append(Problem(key, N_("msg", "“{v}”不是有效的数字").format(v=value)))
    if problems:
        raise ValidationError(problems)
    clean = get_answers(ctx) | {k: v for k, v in data.items() if k in FORM_FIELDS or k in ("rules", "his", "dept",
                                                                                              "manager")}
    clean["equipment"] = equipment
    set_setting(ctx, "insurance_application", clean)
    return get_answers(ctx)


@requires("view")
def physicians(ctx: Context, on: dt.date) -> list[dict]:
    return [dict(r) for r in ctx.db.query(
        "SELECT id, name, role, title, practice_cert_no, first_registration FROM staff WHERE role IN ('执业医师', "
        "'执业助理医师') AND start_date <= ?1 AND (end_date IS NULL OR end_date > ?1) ORDER BY id", [on.isoformat()])]


@requires("view")
def insurance_readiness(ctx: Context, on: dt.date | None = None) -> dict:
    """Each condition of 第六条 with passed/reason, the earliest application date and whether all pass."""
    on = on or ctx.today()
    inst = get_institution(ctx)
    answers = get_answers(ctx)
    conditions = []

    def cond(name, passed, reason):
        conditions.append({"name": name, "passed": bool(passed), "reason": reason})

    has_clinic = bool(inst.get("medical_facility")) and inst.get("medical_facility") != "无"
    cond(N_("enum", "内设医疗机构并取得执业许可"), has_clinic and inst.get("medical_license_no"),
         N_("msg", "{kind}，执业许可证号 {no}").format(kind=inst.get("medical_facility"), no=inst.get("medical_license_no"))
         if has_clinic and inst.get("medical_license_no") else
         N_("msg", "“机构信息”中未填写内设医疗机构或执业许可证号"))

    start = to_date(inst.get("medical_license_date")) or to_date(inst.get("operation_start_date"))
    earliest = add_months(start, MIN_OPERATING_MONTHS) if start else None
    if start is None:
        cond(N_("enum", "正式运营满3个月"), False, N_("msg", "未填写执业许可证日期或正式运营日期"))
    else:
        cond(N_("enum", "正式运营满3个月"), earliest <= on,
             N_("msg", "{start}起运营，{earliest}起可申请").format(start=start, earliest=earliest))

    docs = physicians(ctx, on)
    first = [d for d in docs if d["first_registration"]]
    cond(N_("enum", "至少1名在本机构首次注册的医师"), first,
         N_("msg", "首次注册在本机构的医师：{names}").format(names="、".join(d["name"] for d in first)) if first else
         N_("msg", "在岗医师{n}名，其中没有首次注册在本机构的（请在“人员”中核对）").format(n=len(docs)))

    beds = census(ctx, on).beds_total
    if beds >= DEPT_BEDS:
        cond(N_("enum", "设立医保管理部门并配备专职人员"), answers["dept"] and answers["dept_name"],
             N_("msg", "床位{n}张（≥{min}张须设医保管理部门）：{state}").format(
                 n=beds, min=DEPT_BEDS, state=answers["dept_name"] if answers["dept"] and answers["dept_name"]
                 else N_("msg", "尚未确认")))
    else:
        cond(N_("enum", "主要负责人负责医保工作并配备专（兼）职医保管理人员"), answers["manager"],
             N_("msg", "床位{n}张；{state}").format(n=beds, state=N_("msg", "已确认") if answers["manager"]
                                                   else N_("msg", "尚未确认")))
    missing = [k for k, v in answers["rules"].items() if not v]
    cond(N_("enum", "医保管理、财务、统计信息、医疗质量安全核心制度"), not missing,
         N_("msg", "尚未确认：{items}").format(items="、".join(missing)) if missing else N_("msg", "四项制度均已确认"))
    missing = [k for k, v in answers["his"].items() if not v]
    cond(N_("enum", "信息系统符合医保接口与编码标准"), not missing,
         N_("msg", "尚未确认：{items}").format(items="、".join(missing)) if missing else N_("msg", "三项均已确认"))
    return {"on": on, "ready": all(c["passed"] for c in conditions), "earliest_date": earliest,
            "conditions": conditions, "beds": beds}


@requires("view")
def staff_table(ctx: Context, on: dt.date) -> list[dict]:
    """Staff in post by role and title (the form's 卫生技术人员情况)."""
    rows = ctx.db.query(
        "SELECT role, COALESCE(NULLIF(title, ''), '无职称') AS title, COUNT(*) AS n, SUM(first_registration) AS first "
        "FROM staff WHERE start_date <= ?1 AND (end_date IS NULL OR end_date > ?1) GROUP BY role, 2 ORDER BY role, 2",
        [on.isoformat()])
    return [dict(r) for r in rows]


@requires("view")
def staff_list(ctx: Context, on: dt.date) -> list[dict]:
    return [dict(r) for r in ctx.db.query(
        "SELECT name, sex, role, title, practice_cert_no, qualification_cert_no, first_registration, employment, "
        "start_date FROM staff WHERE start_date <= ?1 AND (end_date IS NULL OR end_date > ?1) "
        "ORDER BY CASE role WHEN '执业医师' THEN 0 WHEN '执业助理医师' THEN 1 WHEN '注册护士' THEN 2 ELSE 3 END, id",
        [on.isoformat()])]
