"""The three applications as files: figures from the records (subsidies.py, insurance.py) put into the forms.

``prepare(ctx, kind, ...)`` computes and returns an :class:`Application` (figures, breakdown, what is missing);
``write(ctx, app, out_dir)`` writes the .xlsx (from the template — the user's own if present) and the .pdf, and
keeps the application on record.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..domain.money import capital, fen_to_yuan
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..exports.forms import FILE_STEMS, FORM_KINDS, TITLES, FormData
from ..store import snapshots
from .base import Context, Problem, ServiceError, ValidationError
from .accounts import check, mask_id, requires
from .census import census
from .institution import get_institution
from .staff import staff_by_role

# Profile fields each form needs, with the label the user sees (the 申报 page links them to 机构信息).
NEEDED = {
    "construction-subsidy": ("name", "uscc", "legal_rep", "contact_phone", "address", "ownership", "license_no",
                             "bank_name", "bank_account"),
    "operating-subsidy": ("name", "uscc", "legal_rep", "contact_phone", "address", "ownership", "license_no",
                          "operation_start_date", "bank_name", "bank_account"),
    "insurance-designation": ("name", "uscc", "legal_rep", "contact_person", "contact_phone", "address",
                              "medical_facility", "medical_license_no", "medical_license_date"),
}
FIELD_LABELS = {
    "name": N_("msg", "机构名称"), "uscc": N_("msg", "统一社会信用代码"), "legal_rep": N_("msg", "法定代表人"),
    "contact_person": N_("msg", "联系人"), "contact_phone": N_("msg", "联系电话"), "address": N_("msg", "地址"),
    "ownership": N_("msg", "举办性质"), "license_no": N_("msg", "养老机构备案/设立许可编号"),
    "operation_start_date": N_("msg", "正式运营日期"), "bank_name": N_("msg", "开户银行"),
    "bank_account": N_("msg", "银行账号"), "medical_facility": N_("msg", "内设医疗机构"),
    "medical_license_no": N_("msg", "医疗机构执业许可证号"), "medical_license_date": N_("msg", "执业许可证日期"),
}
OWNERSHIP_FOR_INSURANCE = {"公办": "公立", "民办": "私营", "公建民营": "公立（民营）"}




def yuan(fen: int | None) -> str:
    return "" if fen is None else f"{fen_to_yuan(fen):.2f}"


@dataclass
class Application:
    kind: str
    period: str
    result: object                        # ConstructionResult / OperatingResult / readiness dict
    form: FormData
    missing: list[str] = field(default_factory=list)   # institution fields still empty
    summary: dict = field(default_factory=dict)        # what the CLI prints and the record keeps
    as_of: dt.date | None = None                       # the day the figures were computed for

    @property
    def amount_fen(self) -> int | None:
        return self.summary.get("amount_fen")


def _institution_values(inst: dict, on: dt.date) -> dict:
    return {
        "机构名称": inst.get("name") or "", "统一社会信用代码": inst.get("uscc") or "",
        "举办性质": inst.get("ownership") or "", "机构类型": inst.get("kind") or "",
        "法定代表人": inst.get("legal_rep") or "", "联系人": inst.get("contact_person") or "",
        "联系电话": inst.get("contact_phone") or "", "许可编号": inst.get("license_no") or "",
        "法人登记证书号": inst.get("legal_cert_no") or "", "机构地址": inst.get("address") or "",
        "邮政编码": inst.get("postcode") or "", "设立时间": inst.get("established_date") or "",
        "正式运营日期": inst.get("operation_start_date") or "", "建筑面积": inst.get("building_area") or "",
        "核准床位数": inst.get("approved_beds") or "", "开户银行": inst.get("bank_name") or "",
        "银行账号": inst.get("bank_account") or "", "申报日期": on.isoformat(),
        "投入运营情况": "运营" if inst.get("operation_start_date") and inst["operation_start_date"] <= on.isoformat()
        else "未运营",
    }


@requires("view")
def prepare(ctx: Context, kind: str, *, year: int | None = None, months: list[int] | None = None,
            profile_id: str | None = None, mask_ids: bool = True, on: dt.date | None = None) -> Application:
    if kind not in FORM_KINDS:
        raise ValidationError([Problem("kind", N_("msg", "申请种类只能是：{opts}").format(opts="、".join(FORM_KINDS)))])
    if not mask_ids:
        check(ctx, "view.personal_ids")  # full ID numbers on the roster only for roles that may see them
    on = on or ctx.today()
    inst = get_institution(ctx)
    missing = [k for k in NEEDED[kind] if not inst.get(k) or (k == "medical_facility" and inst[k] == "无")]
    values = _institution_values(inst, on) | {"表名": TITLES[kind]}
    values["床位总数"] = census(ctx, on).beds_total
    if kind == "construction-subsidy":
        return _construction(ctx, inst, values, missing, profile_id, on)
    if kind == "operating-subsidy":
        return _operating(ctx, inst, values, missing, profile_id, year or on.year, months, mask_ids, on)
    return _insurance(ctx, inst, values, missing, on)


def _profile_values(profile: dict, on: dt.date) -> dict:
    """What the form says about the rules it applies: the profile's name, version and force dates, and the as-of day."""
    return {"政策名称": f"{profile['title']}（{profile['document']}）" if profile.get("document") else profile["title"],
            "政策编号": profile["id"], "政策版本": profile["version"], "政策有效期": profile["force"],
            "计算日期": on.isoformat()}


def _construction(ctx, inst, values, missing, profile_id, on) -> Application:
    from .subsidies import construction_subsidy
    res = construction_subsidy(ctx, profile_id, on)
    values |= _profile_values(res.profile, on) | {
        "举办方式": "、".join(sorted({line.provision for line in res.lines})) or "—",
        "申报床位数": res.bed_count, "申请金额": yuan(res.amount_fen), "申请金额大写": capital(res.amount_fen)}
    totals = [{"床位类型": t["bed_type"] + (f"（{t['sub_type']}）" if t["sub_type"] else ""), "举办方式": t["provision"],
               "每床标准": yuan(t["per_bed_fen"]), "床位数": t["beds"], "金额": yuan(t["amount_fen"])}
              for t in res.totals()]
    beds = [{"序号": i, "床位": x.bed, "床位类型": x.bed_type + (f"（{x.sub_type}）" if x.sub_type else ""),
             "举办方式": x.provision, "投入使用日期": x.service_date, "租赁到期日": x.lease_end_date or "",
             "金额": yuan(x.amount_fen), "计算依据": str(x.basis)} for i, x in enumerate(res.lines, 1)]
    excluded = [{"序号": i, "床位": x.bed, "床位类型": x.bed_type + (f"（{x.sub_type}）" if x.sub_type else ""),
                 "举办方式": x.provision, "原因": str(x.reason)} for i, x in enumerate(res.excluded, 1)]
    form = FormData("construction-subsidy", values, {"补贴测算": totals, "床位清单": beds, "未纳入床位": excluded})
    summary = res.to_json()
    return Application("construction-subsidy", on.isoformat(), res, form, missing, _plain(summary), on)


def _operating(ctx, inst, values, missing, profile_id, year, months, mask_ids, on) -> Application:
    from ..domain.dates import month_bounds
    from .subsidies import operating_subsidy
    res = operating_subsidy(ctx, year, months, profile_id, on)
    by_month, amounts = res.by_month, res.amount_by_month
    last = min(month_bounds(year, res.months[-1])[1], on)
    staff = staff_by_role(ctx, last)
    total_staff = sum(staff.values())
    managers = staff.get("管理人员", 0)
    others = staff.get("其他", 0)
    people = census(ctx, last).residents
    cats = {r.id: r.categories for r in snapshots.residents(ctx.db, [p.resident_id for p in people]).values()}
    poor = sum(1 for r in people if "特困" in cats.get(r.resident_id, ()))
    values |= _profile_values(res.profile, on) | {
        "申请年度": year, "申请月份": _months_text(res.months), "职工总数": total_staff,
        "职工构成": f"{managers} / {total_staff - managers - others} / {others}",
        "入住老人总数": len(people), "入住老人构成": f"{poor} / {len(people) - poor}",
        "床次合计": res.bed_months, "申请金额": yuan(res.amount_fen), "申请金额大写": capital(res.amount_fen),
        "身份证显示": "已隐去中间位数" if mask_ids else "完整显示"}
    month_rows = [{"月份": f"{m}月", "床次": by_month[m], "金额": yuan(amounts[m]),
                   "说明": str(res.month_notes.get(m, ""))} for m in res.months]
    counted = Counter(line.resident_id for line in res.lines)
    roster, seq = [], Counter()
    for line in res.lines:
        seq[line.month] += 1
        roster.append({"月份": f"{line.month}月", "序号": seq[line.month], "姓名": line.name, "性别": line.sex,
                       "年龄": line.age, "身份证号": mask_id(line.id_number) if mask_ids else line.id_number,
                       "户籍": "本地" if line.hukou_local else "外地", "类别": "、".join(line.categories) or "—",
                       "能力等级": line.grade or "—", "床位": line.bed, "入住日期": line.admission_date or "",
                       "标准": yuan(line.rate_fen), "计入月数": counted[line.resident_id]})
    excluded = [{"月份": f"{x.month}月", "姓名": x.name, "床位": x.bed, "原因": str(x.reason)} for x in res.excluded]
    form = FormData("operating-subsidy", values, {"月度床次": month_rows, "花名册": roster, "未计入": excluded})
    summary = res.to_json()
    summary["lines"] = [dict(x, id_number=mask_id(x["id_number"]) if mask_ids else x["id_number"])
                        for x in summary["lines"]]
    summary["excluded"] = [dict(x, id_number=mask_id(x["id_number"])) for x in summary["excluded"]]
    return Application("operating-subsidy", f"{year}:{_months_text(res.months)}", res, form, missing,
                       _plain(summary), on)


def _insurance(ctx, inst, values, missing, on) -> Application:
    from . import insurance as M
    ready = M.insurance_readiness(ctx, on)
    answers = M.get_answers(ctx)
    values |= {"内设医疗机构": inst.get("medical_facility") or "", "执业许可证号": inst.get("medical_license_no") or "",
               "执业许可证日期": inst.get("medical_license_date") or "",
               "最早可申请日期": ready["earliest_date"].isoformat() if ready["earliest_date"] else "",
               "所有制": OWNERSHIP_FOR_INSURANCE.get(inst.get("ownership") or "", ""),
               "营利性质": inst.get("profit_type") or "", "固定资产": answers["fixed_assets_wan"],
               "年业务收入": answers["annual_income_wan"], "门诊人次": answers["outpatient_visits"],
               "住院人次": answers["inpatient_visits"],
               "医保管理部门": answers["dept_name"] if answers["dept"] else ("专（兼）职医保管理人员" if answers["manager"] else ""),
               "机构简介": answers["introduction"], "计算日期": on.isoformat()}
    staff_rows = [{"岗位": r["role"], "职称": r["title"], "人数": r["n"], "首次注册": r["first"] or 0}
                  for r in M.staff_table(ctx, on)]
    equipment = [{"名称": e["name"], "数量": e["count"]} for e in answers["equipment"]]
    conds = [{"条件": str(c["name"]), "是否符合": "符合" if c["passed"] else "不符合", "说明": str(c["reason"])}
             for c in ready["conditions"]]
    people = [{"序号": i, "姓名": s["name"], "性别": s["sex"] or "", "岗位": s["role"], "职称": s["title"] or "",
               "执业证书编号": s["practice_cert_no"] or "", "资格证书编号": s["qualification_cert_no"] or "",
               "首次注册": "是" if s["first_registration"] else "否", "用工": s["employment"], "到岗日期": s["start_date"]}
              for i, s in enumerate(M.staff_list(ctx, on), 1)]
    materials = [{"序号": i, "材料": str(m), "准备情况": "□已备  □未备"} for i, m in enumerate(M.MATERIALS, 1)]
    form = FormData("insurance-designation", values, {"卫生技术人员": staff_rows, "大型医疗设备": equipment,
                                                      "申请条件": conds, "人员": people, "材料清单": materials})
    summary = {"kind": "insurance-designation", "on": on.isoformat(), "as_of": on.isoformat(), "ready": ready["ready"],
               "earliest_date": values["最早可申请日期"] or None,
               "conditions": [{"name": str(c["name"]), "passed": c["passed"], "reason": str(c["reason"])}
                              for c in ready["conditions"]],
               "materials": [str(m) for m in M.MATERIALS]}
    return Application("insurance-designation", on.isoformat(), ready, form, missing, summary, on)


def _months_text(months: list[int]) -> str:
    if months == list(range(months[0], months[-1] + 1)):
        return f"{months[0]}–{months[-1]}月" if len(months) > 1 else f"{months[0]}月"
    return "、".join(f"{m}月" for m in months)


def _plain(data: dict) -> dict:
    """Messages (Msg/Formatted) and dates as plain text, so the summary is JSON."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


def missing_labels(app: Application) -> list[str]:
    return [FIELD_LABELS.get(k, k) for k in app.missing]


@requires("export.personal")
def write(ctx: Context, app: Application, out_dir: Path, *, allow_missing: bool = False,
          step: Callable[[str], None] | None = None) -> list[Path]:
    """Write the Excel and PDF forms into ``out_dir`` and keep the application on record; returns the paths.

    ``step(text)`` is called between the steps (the GUI's progress dialog); if it raises (the user cancelled),
    the files written so far are removed and nothing is recorded.

    Every permission the whole use case needs — the export, and keeping the application on record — is checked
    before any file is written, and so is whether the audit trail can be signed here; the application and the
    export entry (what, by whom, where) are written in one transaction, and the files are removed if that fails."""
    from ..exports.form_pdf import write_form_pdf
    from ..exports.form_xlsx import TemplateError, fill_workbook, template_path
    from .exporting import _record, ensure_recordable
    check(ctx, "records.write")
    ensure_recordable(ctx)
    if app.missing and not allow_missing:
        raise ServiceError(N_("msg", "申请表还缺少机构资料：{fields}。请先在“机构信息”中填写。").format(
            fields="、".join(str(x) for x in missing_labels(app))))
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ServiceError(N_("msg", "无法创建文件夹 {path}：{err}").format(path=out_dir, err=e.strerror)) from e
    stem = f"{FILE_STEMS[app.kind]}_{app.period.replace(':', '_').replace('–', '-')}"
    template, _own = template_path(app.kind)
    step = step or (lambda text: None)
    xlsx, pdf = out_dir / f"{stem}.xlsx", out_dir / f"{stem}.pdf"
    try:
        step(N_("msg", "正在填写 Excel 申请表…"))
        fill_workbook(template, app.form, xlsx)
        step(N_("msg", "正在生成 PDF…"))
        write_form_pdf(app.form, pdf)
        step(N_("msg", "正在登记申报记录…"))
    except BaseException as e:
        for f in (xlsx, pdf):
            if f.exists() and not isinstance(e, PermissionError):
                f.unlink(missing_ok=True)
        if isinstance(e, TemplateError):
            raise ServiceError(N_("msg", "模板有误：{err}").format(err=str(e))) from e
        if isinstance(e, PermissionError):
            raise ServiceError(N_("msg", "文件 {path} 无法写入（可能正在 Excel/WPS 中打开），请关闭后重试").format(
                path=e.filename)) from e
        raise
    from .subsidies import record_application
    kind = {"construction-subsidy": "construction", "operating-subsidy": "operating"}.get(app.kind, "insurance")
    try:
        with ctx.transaction():
            app_id = record_application(ctx, kind, app.summary | {"files": [str(xlsx), str(pdf)]},
                                        amount_fen=app.summary.get("amount_fen"), period=app.period)
            what = N_("msg", "运营补贴申请表与花名册") if app.kind == "operating-subsidy" else FILE_STEMS[app.kind]
            _record(ctx, what, [xlsx, pdf], rows=len(app.summary.get("lines") or []) or None)
    except BaseException:
        for f in (xlsx, pdf):
            f.unlink(missing_ok=True)
        raise
    app.summary["application_id"] = app_id
    return [xlsx, pdf]


@requires("view")
def save_warnings(ctx: Context, app: Application) -> list[str]:
    """What to confirm before an application is written: a zero amount (and why), a profile made for another region
    than the institution's 行政区划, months left out because the profile was not in force. [] when none."""
    if app.kind == "insurance-designation":
        return []
    from .base import NotFound
    from .policy import get_profile
    from ..domain.dates import month_bounds
    s = app.summary
    out: list[str] = []
    profile = s.get("profile") or {}
    if not s.get("amount_fen"):
        why = [str(p) for p in s.get("problems", [])]
        why += [f"{m}月：{note}" for m, note in (s.get("month_notes") or {}).items()]
        out.append(N_("msg", "申请金额为0元。{why}").format(why="；".join(why[:6]) or N_("msg", "没有符合条件的床位或床次")))
    try:
        rules = get_profile(ctx, profile.get("id")).profile
    except NotFound:
        return out
    if app.kind == "operating-subsidy" and s.get("amount_fen"):
        outside = [m for m in s["months"] if not rules.in_force_through(*month_bounds(s["year"], m))]
        if outside:
            out.append(N_("msg", "{months}不在政策配置的有效期内（{force}），没有计入").format(
                months="、".join(f"{m}月" for m in outside), force=rules.force_text()))
    inst = get_institution(ctx)
    if rules.region_matches(inst.get("region_code"), inst.get("region_name")) is False:
        out.append(N_("msg", "政策配置“{title}”适用于{region}，本机构的行政区划是{mine}：请确认选对了政策配置").format(
            title=rules.title, region=rules.region or rules.region_code,
            mine=inst.get("region_name") or inst.get("region_code")))
    return out
