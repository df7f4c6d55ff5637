"""The monthly return as an Excel workbook: a summary sheet laid out for printing (A4, title, units, borders,
fit to width, print titles) and detail sheets (roster at month end, movements, referrals, assessments) with
filters and frozen headers. Pure functions of a ``MonthReturn`` (figures + details); openpyxl loads lazily."""
from __future__ import annotations

from pathlib import Path

from ..domain.text import QT_TRANSLATE_NOOP as N_
from . import workbook as W

PCT = "%"


def _pct(f: dict, key: str):
    """A rate of the return as a percentage, by the one formatter (domain.figures), from the exact counts."""
    from ..domain.figures import percent, return_rates
    return percent(return_rates(f)[key])


def summary_rows(f: dict) -> list[tuple[str, str, object, str, str]]:
    """(section, label, value, unit, note) rows of the summary, in print order; rates as percentages."""
    rows: list[tuple[str, str, object, str, str]] = []

    def add(section, label, value, unit="", note=""):
        rows.append((section, label, value, unit, note))

    s = N_("xlsx", "床位")
    add(s, N_("xlsx", "床位总数"), f["beds_total"], "张", N_("xlsx", "月末，按当时的床位类型"))
    for t, n in f["beds_by_type"].items():
        add(s, f"　{t}", n, "张")
    add(s, N_("xlsx", "在住床位"), f["beds_occupied"], "张", N_("xlsx", "含请假、住院保留床位"))
    add(s, N_("xlsx", "空闲床位"), f["beds_free"], "张")
    add(s, N_("xlsx", "预留床位"), f.get("beds_reserved", 0), "张")
    add(s, N_("xlsx", "维修（暂停使用）床位"), f["beds_out_of_service"], "张")
    add(s, N_("xlsx", "月末入住率"), _pct(f, "occupancy_rate"), PCT)
    add(s, N_("xlsx", "实际占用床日数"), f["bed_days_used"], "床日")
    add(s, N_("xlsx", "实际开放床日数"), f.get("bed_days_available"), "床日")
    add(s, N_("xlsx", "护理型床位占比"), _pct(f, "nursing_bed_share"), PCT, N_("xlsx", "护理型床位 ÷（养老床位 + 护理型床位）"))
    add(s, N_("xlsx", "护理型床位占比目标"), _pct(f, "nursing_target"), PCT,
        "" if f.get("nursing_target_met") is None else (N_("xlsx", "已达标") if f["nursing_target_met"] else N_("xlsx", "未达标")))
    s = N_("xlsx", "入住老人")
    add(s, N_("xlsx", "月初在住人数"), f["residents_start"], "人")
    add(s, N_("xlsx", "本月入住"), f["admissions"], "人次")
    add(s, N_("xlsx", "本月出院"), f["discharges"], "人次")
    for reason, n in f["discharges_by_reason"].items():
        add(s, f"　{N_('xlsx', '其中')}{reason}", n, "人次")
    add(s, N_("xlsx", "本月死亡"), f["deaths"], "人")
    add(s, N_("xlsx", "月末在住人数"), f["residents_end"], "人")
    for group, key in ((N_("xlsx", "能力等级"), "residents_by_grade"), (N_("xlsx", "年龄"), "residents_by_age_band"),
                       (N_("xlsx", "性别"), "residents_by_sex"), (N_("xlsx", "户籍"), "residents_by_hukou"),
                       (N_("xlsx", "人员类别"), "residents_by_category")):
        for k, n in f[key].items():
            add(s, f"　{group}：{k}", n, "人", N_("xlsx", "一人可属多个类别") if key == "residents_by_category" else "")
    add(s, N_("xlsx", "长期护理保险参保"), f["ltc_insured"], "人")
    s = N_("xlsx", "医养结合")
    add(s, N_("xlsx", "在有效期内的合作协议"), f["agreements_in_force"], "份")
    add(s, N_("xlsx", "签约医疗机构"), f.get("partners_signed"), "家")
    add(s, N_("xlsx", "医生上门巡诊"), f["partner_visits"], "次")
    add(s, N_("xlsx", "巡诊服务老人"), f["residents_seen"], "人次")
    add(s, N_("xlsx", "上转（转往医院）"), f["referrals_up"], "人次")
    add(s, N_("xlsx", "下转（医院转回）"), f["referrals_down"], "人次")
    for direction, states in f["referral_outcomes"].items():
        for state, n in states.items():
            if n:
                add(s, f"　{direction}：{state}", n, "人次", N_("xlsx", "月末状态"))
    add(s, N_("xlsx", "月末住院老人"), f["in_hospital_end"], "人")
    add(s, N_("xlsx", "月末请假外出老人"), f.get("on_leave_end"), "人")
    if "health_checks_done" in f:  # returns submitted before health checks were recorded do not have them
        s = N_("xlsx", "健康管理")
        add(s, N_("xlsx", "本月年度体检"), f["health_checks_done"], "人次")
        add(s, N_("xlsx", "65岁及以上老人年度体检覆盖率"), _pct(f, "health_check_coverage"), PCT,
            N_("xlsx", "月末在住65岁及以上老人 {m} 人，其中最近12个月内体检 {n} 人").format(
                m=f["residents_65_end"], n=f["residents_65_checked"]))
        add(s, N_("xlsx", "体检结果1个月内告知比例"), _pct(f, "feedback_on_time_rate"), PCT,
            N_("xlsx", "体检满1个月在本月的 {n} 人次中，1个月内告知 {m} 人次").format(n=f["feedback_due"],
                                                                           m=f["feedback_on_time"]))
    s = N_("xlsx", "人员")
    for role, n in f["staff_by_role"].items():
        add(s, role, n, "人", N_("xlsx", "月末在岗"))
    add(s, N_("xlsx", "在岗人员合计"), f.get("staff_total", sum(f["staff_by_role"].values())), "人")
    s = N_("xlsx", "评估与补贴")
    add(s, N_("xlsx", "本月完成能力评估"), f["assessments_done"], "人次")
    add(s, N_("xlsx", "月末评估已过期"), f["assessments_overdue"], "人")
    add(s, N_("xlsx", "月末从未评估"), f.get("assessments_missing"), "人")
    add(s, N_("xlsx", "运营补贴床次"), f["bed_months"], "床·月", f.get("bed_months_note") or "")
    return rows


DETAILS = (
    ("roster", N_("xlsx", "月末在住名单"), [
        ("bed", "床位", "text"), ("bed_type", "床位类型", "text"), ("name", "姓名", "text"), ("sex", "性别", "text"),
        ("age", "年龄", "count"), ("id_number", "身份证号", "text"), ("hukou", "户籍", "text"),
        ("categories", "人员类别", "text"), ("ltc_insurance", "长护险", "text"), ("admission_date", "入住日期", "date"),
        ("grade", "能力等级", "text"), ("assessed_on", "评估日期", "date"), ("valid_until", "评估有效至", "date"),
        ("assessment_state", "评估状态", "text"), ("away", "月末外出", "text")]),
    ("movements", N_("xlsx", "人员变动"), [
        ("date", "日期", "date"), ("kind", "变动", "text"), ("name", "姓名", "text"), ("detail", "说明", "text")]),
    ("referrals", N_("xlsx", "双向转诊"), [
        ("date", "转诊日期", "date"), ("direction", "方向", "text"), ("name", "姓名", "text"),
        ("partner", "医疗机构", "text"), ("urgency", "缓急", "text"), ("impression", "初步诊断", "text"),
        ("outcome", "月末状态", "text")]),
    ("assessments", N_("xlsx", "能力评估"), [
        ("date", "评估日期", "date"), ("name", "姓名", "text"), ("reason", "评估原因", "text"),
        ("instrument_id", "评估标准", "text"), ("grade", "能力等级", "text")]),
    ("health_checks", N_("xlsx", "年度体检"), [
        ("date", "体检日期", "date"), ("name", "姓名", "text"), ("provider", "体检机构", "text"),
        ("feedback_date", "告知日期", "date"), ("feedback", "告知情况", "text")]),
)
# The totals row of each detail sheet (what is counted).
DETAIL_TOTALS = {"roster": N_("xlsx", "合计 {n} 人"), "movements": N_("xlsx", "合计 {n} 人次"),
                 "referrals": N_("xlsx", "合计 {n} 人次"), "assessments": N_("xlsx", "合计 {n} 人次"),
                 "health_checks": N_("xlsx", "合计 {n} 人次")}
SEAL = N_("xlsx", "（单位盖章）")


def sign_fields(ret) -> list[tuple[str, str]]:
    """The signature block of the return (Excel and PDF): who filled it in, who is responsible, a telephone and the
    day it was filed; the submitter and the day are filled in for a submitted return, the rest is written by hand."""
    sub = ret.submitted or {}
    day = (sub.get("submitted_at") or "")[:10]
    return [(N_("xlsx", "填表人"), sub.get("submitted_by") or ""), (N_("xlsx", "负责人（签字）"), ""),
            (N_("xlsx", "联系电话"), ""), (N_("xlsx", "填报日期"), day)]


def title_of(ret, institution: str) -> str:
    return N_("xlsx", "{inst}{y}年{m}月统计月报").format(inst=institution + " " if institution else "", y=ret.year,
                                                      m=ret.month)


def subtitle_of(ret) -> str:
    f = ret.figures
    text = N_("xlsx", "统计期：{a} 至 {b}；时点数为月末（{b}）24时数").format(a=f["first_day"], b=f["last_day"])
    if f.get("as_of"):  # returns computed before the as-of day was kept do not have it
        text += N_("xlsx", "；按 {d} 的记录计算").format(d=f["as_of"])
    if ret.submitted:
        text += N_("xlsx", "；第{v}版，{who} 于 {at} 报送").format(v=ret.submitted["version"],
                                                          who=ret.submitted.get("submitted_by") or "",
                                                          at=ret.submitted["submitted_at"].replace("T", " "))
    return text


def write_return_xlsx(ret, path: Path | str, institution: str) -> Path:
    """ID numbers arrive masked already (the service never puts a full one in a return's details)."""
    from openpyxl.styles import Alignment, PatternFill

    box = W.border()
    head_fill = PatternFill("solid", fgColor="EEEEEE")
    wb = W.new_workbook()
    ws = wb.active
    ws.title = N_("xlsx", "汇总")
    for c, width in enumerate((12, 38, 12, 7, 30), start=1):
        ws.column_dimensions[ws.cell(1, c).column_letter].width = width
    for r, (text, size) in enumerate(((title_of(ret, institution), 15), (subtitle_of(ret), W.FONT_SIZE)), start=1):
        W.set_text(ws.cell(r, 1), text)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        ws.cell(r, 1).font = W.font(size=size, bold=r == 1)
        ws.cell(r, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for c, head in enumerate((N_("xlsx", "类别"), N_("xlsx", "项目"), N_("xlsx", "数值"), N_("xlsx", "单位"),
                              N_("xlsx", "说明")), start=1):
        cell = ws.cell(3, c)
        W.set_text(cell, head)
        cell.font, cell.fill, cell.border, cell.alignment = W.font(bold=True), head_fill, box, W.align(center=True)
    last_section, row = None, 3
    for section, label, value, unit, note in summary_rows(ret.figures):
        row += 1
        kind = "percent" if unit == PCT else "count"
        for c, (v, k) in enumerate(((section if section != last_section else "", "text"), (label, "text"),
                                    (value, kind), (unit, "text"), (note, "text")), start=1):
            cell = ws.cell(row, c)
            W.set_value(cell, v, k)
            cell.font, cell.border, cell.alignment = W.font(), box, W.align(k)
        last_section = section
    row = _sign_block(ws, ret, row + 2)
    W.fit_rows(ws, 1, row, keep_taller=True)
    ws.freeze_panes = "A4"
    W.print_setup(ws, title_rows=(3, 3), last_row=row, last_col=5, landscape=False)

    for key, name, cols in DETAILS:
        total = DETAIL_TOTALS[key]
        ds = wb.create_sheet(name)
        items = ret.details.get(key, [])
        last = W.write_table(ds, cols, items, total_label=total.format(n=len(items)), most=36)
        ds.auto_filter.ref = f"A1:{ds.cell(row=1, column=len(cols)).column_letter}{max(last - 1, 2)}"
        ds.freeze_panes = "A2"
        W.print_setup(ds, title_rows=(1, 1), last_row=last, last_col=len(cols),
                      header=f"{title_of(ret, institution)} — {name}")
    return W.save(wb, path)


def _sign_block(ws, ret, row: int) -> int:
    """填表人/负责人 and 联系电话/填报日期 on two lines, and a tall row for the seal; returns the last row."""
    from openpyxl.styles import Alignment
    fields = sign_fields(ret)
    left = Alignment(horizontal="left", vertical="bottom")
    for i in range(0, len(fields), 2):
        for (label, value), (c1, c2) in zip(fields[i:i + 2], ((1, 2), (3, 5))):
            blank = "____年____月____日" if label == N_("xlsx", "填报日期") else "________________"
            cell = ws.cell(row, c1)
            W.set_text(cell, f"{label}：{value or blank}")
            cell.font, cell.alignment = W.font(), left
            ws.merge_cells(start_row=row, start_column=c1, end_row=row, end_column=c2)
        ws.row_dimensions[row].height = 26
        row += 1
    cell = ws.cell(row, 3)
    W.set_text(cell, SEAL)
    cell.font, cell.alignment = W.font(), Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
    ws.row_dimensions[row].height = 60  # room for the round seal
    return row


def write_return_files(ret, out_dir: Path | str, institution_name: str) -> list[Path]:
    """The workbook and the PDF of a return in ``out_dir``: 月报-YYYY-MM[-v2].xlsx / .pdf."""
    from .return_pdf import write_return_pdf
    out_dir = Path(out_dir)
    stem = f"月报-{ret.key}" + (f"-第{ret.submitted['version']}版" if ret.submitted else "")
    return [write_return_xlsx(ret, out_dir / f"{stem}.xlsx", institution_name),
            write_return_pdf(ret, out_dir / f"{stem}.pdf", institution_name)]
