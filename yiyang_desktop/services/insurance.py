"""医保定点 application for the internal medical institution: readiness from the records, form data, materials.

Conditions follow 《医疗机构医疗保障定点管理暂行办法》(国家医疗保障局令第2号, 2020) 第六条; what the records
cannot know (rules in force, HIS connection) the user confirms, and those answers are kept in the settings.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..domain import insurance as D
from ..domain.insurance import DEPT_BEDS, HIS_ITEMS, MIN_OPERATING_MONTHS, RULES  # noqa: F401 - pages read them here
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..store import snapshots as S
from .accounts import requires
from .base import Context, Problem, ValidationError
from .census import census
from .settings import get_setting, set_setting

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
        "'执业助理医师') AND start_date <= ? AND (end_date IS NULL OR end_date > ?) ORDER BY id", [on.isoformat()] * 2)]


@requires("view")
def insurance_readiness(ctx: Context, on: dt.date | None = None) -> dict:
    """Each condition of 第六条 with passed/reason, the earliest application date and whether all pass
    (domain.insurance.readiness over the institution's facts, the physicians in post and the confirmed answers)."""
    on = on or ctx.today()
    answers = get_answers(ctx)
    doctors = [D.Physician(d["name"], bool(d["first_registration"])) for d in physicians(ctx, on)]
    confirmed = D.Answers(answers["rules"], answers["his"], answers["dept"], answers["dept_name"], answers["manager"])
    return D.readiness(S.institution_facts(ctx.db), confirmed, doctors, census(ctx, on).beds_total, on).to_dict()


@requires("view")
def staff_table(ctx: Context, on: dt.date) -> list[dict]:
    """Staff in post by role and title (the form's 卫生技术人员情况)."""
    rows = ctx.db.query(
        "SELECT role, COALESCE(NULLIF(title, ''), '无职称') AS title, COUNT(*) AS n, SUM(first_registration) AS first "
        "FROM staff WHERE start_date <= ? AND (end_date IS NULL OR end_date > ?) GROUP BY role, 2 ORDER BY role, 2",
        [on.isoformat()] * 2)
    return [dict(r) for r in rows]


@requires("view")
def staff_list(ctx: Context, on: dt.date) -> list[dict]:
    return [dict(r) for r in ctx.db.query(
        "SELECT name, sex, role, title, practice_cert_no, qualification_cert_no, first_registration, employment, "
        "start_date FROM staff WHERE start_date <= ? AND (end_date IS NULL OR end_date > ?) "
        "ORDER BY CASE role WHEN '执业医师' THEN 0 WHEN '执业助理医师' THEN 1 WHEN '注册护士' THEN 2 ELSE 3 END, id",
        [on.isoformat()] * 2)]
