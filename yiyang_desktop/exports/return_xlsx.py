"""The monthly return as an Excel workbook: a summary sheet laid out for printing (A4, title, units, borders,
fit to width, print titles) and detail sheets (roster at month end, movements, referrals, assessments) with
filters and frozen headers. Pure functions of a ``MonthReturn`` (figures + details); openpyxl loads lazily."""
from __future__ import annotations

from pathlib import Path

from ..domain.text import QT_TRANSLATE_NOOP as N_

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
        ("bed", "床位", 18), ("bed_type", "床位类型", 11), ("name", "姓名", 9), ("sex", "性别", 5), ("age", "年龄", 5),
        ("id_number", "身份证号", 20), ("hukou", "户籍", 5), ("categories", "人员类别", 12),
        ("ltc_insurance", "长护险", 6), ("admission_date", "入住日期", 11), ("grade", "能力等级", 22),
        ("assessed_on", "评估日期", 11), ("valid_until", "评估有效至", 11), ("assessment_state", "评估状态", 8),
        ("away", "月末外出", 8)]),
    ("movements", N_("xlsx", "人员变动"), [
        ("date", "日期", 11), ("kind", "变动", 8), ("name", "姓名", 9), ("detail", "说明", 40)]),
    ("referrals", N_("xlsx", "双向转诊"), [
        ("date", "转诊日期", 11), ("direction", "方向", 6), ("name", "姓名", 9), ("partner", "医疗机构", 24),
        ("urgency", "缓急", 6), ("impression", "初步诊断", 24), ("outcome", "月末状态", 9)]),
    ("assessments", N_("xlsx", "能力评估"), [
        ("date", "评估日期", 11), ("name", "姓名", 9), ("reason", "评估原因", 9), ("instrument_id", "评估标准", 16),
        ("grade", "能力等级", 24)]),
)


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
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="EEEEEE")
    wb = Workbook()
    ws = wb.active
    ws.title = N_("xlsx", "汇总")
    ws.append([title_of(ret, institution)])
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(size=15, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([subtitle_of(ret)])
    ws.merge_cells("A2:E2")
    ws["A2"].alignment = Alignment(horizontal="center")
    ws.append([N_("xlsx", "类别"), N_("xlsx", "项目"), N_("xlsx", "数值"), N_("xlsx", "单位"), N_("xlsx", "说明")])
    for cell in ws[3]:
        cell.font, cell.fill, cell.border = Font(bold=True), head_fill, box
        cell.alignment = Alignment(horizontal="center")
    last_section = None
    for section, label, value, unit, note in summary_rows(ret.figures):
        ws.append([section if section != last_section else "", label, value, unit, note])
        last_section = section
        row = ws.max_row
        for cell in ws[row]:
            cell.border = box
        ws.cell(row=row, column=3).number_format = "0.0" if unit == PCT else "0"
        ws.cell(row=row, column=3).alignment = Alignment(horizontal="right")
    for col, width in zip("ABCDE", (12, 30, 11, 7, 34)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    _print_setup(ws, "portrait")
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"

    for key, name, cols in DETAILS:
        ds = wb.create_sheet(name)
        ds.append([h for _, h, _ in cols])
        for r in ret.details.get(key, []):
            values = []
            for k, _, _ in cols:
                v = r.get(k)
                if isinstance(v, bool):
                    v = "是" if v else "否"
                values.append("" if v is None else v)
            ds.append(values)
        for i, (_, _, width) in enumerate(cols, start=1):
            ds.column_dimensions[ds.cell(row=1, column=i).column_letter].width = width
        for row in ds.iter_rows(min_row=1, max_row=ds.max_row):
            for cell in row:
                cell.border = box
        for cell in ds[1]:
            cell.font, cell.fill = Font(bold=True), head_fill
        ds.auto_filter.ref = f"A1:{ds.cell(row=1, column=len(cols)).column_letter}{max(ds.max_row, 2)}"
        ds.freeze_panes = "A2"
        ds.print_title_rows = "1:1"
        _print_setup(ds, "landscape" if len(cols) > 6 else "portrait")
        ds.oddHeader.center.text = f"{title_of(ret, institution)} — {name}"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    return path


def _print_setup(ws, orientation: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = orientation
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5


def write_return_files(ret, out_dir: Path | str, institution_name: str) -> list[Path]:
    """The workbook and the PDF of a return in ``out_dir``: 月报-YYYY-MM[-v2].xlsx / .pdf."""
    from .return_pdf import write_return_pdf
    out_dir = Path(out_dir)
    stem = f"月报-{ret.key}" + (f"-第{ret.submitted['version']}版" if ret.submitted else "")
    return [write_return_xlsx(ret, out_dir / f"{stem}.xlsx", institution_name),
            write_return_pdf(ret, out_dir / f"{stem}.pdf", institution_name)]
