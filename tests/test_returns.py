"""Monthly returns on a built history with known answers (September 2026), freezing and corrections, the
workbook and PDF re-read, the command line, and the demo institution."""
import datetime as dt
import json
import os
import random
import sqlite3
import subprocess
import sys

import factories
import pytest
from conftest import INTEGRITY_ERRORS, db_location
from openpyxl import load_workbook

from yiyang_desktop.domain.assessment import load_instrument
from yiyang_desktop.exports.return_xlsx import write_return_files
from yiyang_desktop.services import partners as P
from yiyang_desktop.services import visits as V
from yiyang_desktop.services import referrals as F
from yiyang_desktop.services import returns as RT
from yiyang_desktop.services.accounts import create_first_admin
from yiyang_desktop.services.assessments import save_assessment
from yiyang_desktop.services.base import ValidationError
from yiyang_desktop.services.beds import change_bed_type, set_bed_status
from yiyang_desktop.services.demo_assessments import answers_near
from yiyang_desktop.services.institution import get_institution, save_institution
from yiyang_desktop.services.residents import admit, discharge, move_bed, update_resident, get_resident
from yiyang_desktop.services.staff import create_staff

D = dt.date
T = dt.datetime
GBT = "gbt42195-2022"


def assess(ctx, rid, on, total=70):
    inst = load_instrument(GBT)
    aid = save_assessment(ctx, rid, {"instrument_id": GBT, "assessed_on": on, "reason": "常规评估", "assessor1": "甲",
                                     "assessor2": "乙", "answers": answers_near(inst, total, random.Random(total))},
                          complete=True)
    return ctx.db.execute("SELECT final_grade_name FROM assessments WHERE id = ?", [aid]).fetchone()[0]


@pytest.fixture
def home(ctx):
    """Six beds and five residents whose September 2026 is known by hand (see each line)."""
    save_institution(ctx, {"name": "鹤城区康乐医养中心", "ownership": "民办", "kind": "医养结合机构（养办医）",
                           "operation_start_date": D(2024, 1, 1)})
    b1 = factories.bed(ctx, "101", "1")
    b2 = factories.bed(ctx, "101", "2")                       # 养老 → 护理型 on 15 Sept (mid-month conversion)
    b3 = factories.bed(ctx, "102", "1", bed_type="护理型床位")
    b4 = factories.bed(ctx, "103", "1", bed_type="医疗床位", sub_type="康复")
    b5 = factories.bed(ctx, "104", "1")                       # under repair from 10 Sept, empty
    b6 = factories.bed(ctx, "105", "1")
    change_bed_type(ctx, b2, {"date": D(2026, 9, 15), "bed_type": "护理型床位"})
    set_bed_status(ctx, b5, {"date": D(2026, 9, 10), "status": "维修"})
    # A: in since 20 Aug (a stay crossing the month), moves b1 → b6 on 20 Sept, assessed 2 Sept (valid).
    a, sa = factories.admitted(ctx, b1, D(2026, 8, 20), name="张一", categories=["特困"])
    # B: in b2 since June, dies on the last day of the month.
    b, sb = factories.admitted(ctx, b2, D(2026, 6, 1), name="王二")
    # C: in b3 since January; assessed 14 March, so the grade expires on 14 Sept; up-referral and hospital stay
    # from 25 Sept, back on 8 Oct (the hospital stay crosses the month end).
    c, sc = factories.admitted(ctx, b3, D(2026, 1, 10), name="李三", birth=D(1950, 1, 1),
                               categories=["低保", "残疾"], ltc_insurance=True)
    # D: a man from elsewhere, admitted 5 Sept, never assessed.
    d = factories.resident(ctx, "赵四", sex="男", birth=D(1930, 2, 2), hukou_local=False)
    admit(ctx, d, {"admission_date": D(2026, 9, 5), "bed_id": b4})
    # E: in b6 since July, goes home on 10 Sept.
    e, se = factories.admitted(ctx, b6, D(2026, 7, 1), name="钱五")
    discharge(ctx, se, {"discharge_date": D(2026, 9, 10), "discharge_reason": "回家"})
    move_bed(ctx, sa, {"date": D(2026, 9, 20), "bed_id": b6})
    discharge(ctx, sb, {"discharge_date": D(2026, 9, 30), "discharge_reason": "死亡"})
    grade_a = assess(ctx, a, D(2026, 9, 2), 70)
    assess(ctx, c, D(2026, 3, 14), 40)
    p1 = P.create_partner(ctx, {"name": "怀化市第一人民医院", "kind": "综合医院", "level": "三级"})
    p2 = P.create_partner(ctx, {"name": "迎丰社区卫生服务中心", "kind": "社区卫生服务中心(站)"})
    services = [{"service": "上门巡诊", "frequency": "每周", "times": 1}, {"service": "双向转诊"}]
    P.create_agreement(ctx, {"partner_id": p1, "signed_date": D(2026, 1, 1), "valid_from": D(2026, 1, 1),
                             "valid_to": D(2026, 12, 31), "services": services})
    P.create_agreement(ctx, {"partner_id": p2, "signed_date": D(2025, 9, 1), "valid_from": D(2025, 9, 1),
                             "valid_to": D(2026, 8, 31), "services": services})  # expired before September
    V.log_visit(ctx, {"visit_date": D(2026, 9, 10), "partner_id": p1, "doctor": "王医生", "resident_ids": [a, c]})
    V.log_visit(ctx, {"visit_date": D(2026, 8, 15), "partner_id": p1, "doctor": "王医生", "resident_ids": [c]})
    fid = F.create_referral(ctx, {"resident_id": c, "direction": "上转", "referred_at": T(2026, 9, 25, 9, 30),
                                  "partner_id": p1, "impression": "肺炎", "present_illness": "发热咳嗽3天。", "indications": ["病情急性加重，需急诊处理"],
                                  "urgency": "急诊", "referring_doctor": "李医生"})
    F.change_state(ctx, fid, {"state": "已接收", "date": D(2026, 9, 25)})
    F.change_state(ctx, fid, {"state": "住院", "date": D(2026, 9, 25)})
    F.record_return(ctx, fid, {"returned_on": D(2026, 10, 8), "return_diagnosis": "肺炎", "return_advice": "复查"})
    create_staff(ctx, {"name": "赵医生", "role": "执业医师", "start_date": D(2024, 1, 1), "practice_cert_no": "1104300001"})
    create_staff(ctx, {"name": "孙护理", "role": "护理员", "start_date": D(2025, 1, 1)})
    create_staff(ctx, {"name": "周护理", "role": "护理员", "start_date": D(2026, 10, 10)})   # not yet
    create_staff(ctx, {"name": "吴护士", "role": "注册护士", "start_date": D(2025, 1, 1), "end_date": D(2026, 9, 15)})
    return {"beds": [b1, b2, b3, b4, b5, b6], "residents": {"A": a, "B": b, "C": c, "D": d, "E": e},
            "grade_a": grade_a, "referral": fid}


def test_september_figures_are_exact(ctx, home):
    f = RT.compute_return(ctx, 2026, 9).figures
    assert f["month"] == "2026-09"
    assert f["beds_by_type"] == {"养老床位": 3, "护理型床位": 2, "医疗床位": 1, "家庭养老床位": 0}
    assert (f["beds_total"], f["beds_occupied"], f["beds_free"], f["beds_out_of_service"]) == (6, 3, 2, 1)
    assert f["occupancy_rate"] == 0.5
    assert f["nursing_bed_share"] == 0.4 and f["nursing_target"] == 0.5 and f["nursing_target_met"] is False
    # A 30 + B 29 (died on the 30th: not in that night's census) + C 30 + D 26 + E 9
    assert f["bed_days_used"] == 124
    assert f["bed_days_available"] == 180
    assert (f["residents_start"], f["admissions"], f["discharges"], f["deaths"], f["residents_end"]) == (4, 1, 2, 1, 3)
    assert f["discharges_by_reason"] == {"回家": 1, "转院": 0, "死亡": 1, "其他": 0}
    assert f["residents_by_grade"] == {home["grade_a"]: 1, "无有效评估": 2}
    assert (f["assessments_done"], f["assessments_overdue"], f["assessments_missing"]) == (1, 1, 1)
    assert f["residents_by_age_band"] == {"60岁以下": 0, "60–69": 0, "70–79": 1, "80–89": 1, "90+": 1}
    assert f["residents_by_sex"] == {"男": 1, "女": 2}
    assert f["residents_by_hukou"] == {"本地": 2, "外地": 1}
    cats = {k: v for k, v in f["residents_by_category"].items() if v}
    assert cats == {"特困": 1, "低保": 1, "残疾": 1, "无类别": 1}
    assert f["ltc_insured"] == 1
    assert (f["agreements_in_force"], f["partner_visits"], f["residents_seen"]) == (1, 1, 2)
    assert (f["referrals_up"], f["referrals_down"], f["in_hospital_end"]) == (1, 0, 1)
    assert f["referral_outcomes"]["上转"]["住院"] == 1  # its state on 30 Sept, though it has returned since
    assert sum(f["referral_outcomes"]["上转"].values()) == 1
    assert f["staff_by_role"]["执业医师"] == 1 and f["staff_by_role"]["护理员"] == 1
    assert f["staff_by_role"]["注册护士"] == 0
    assert f["bed_months"] == 2  # A and C (in hospital, bed kept); D is not from here
    json.dumps(f, ensure_ascii=False)  # JSON-able as it is


def test_august_and_details(ctx, home):
    aug = RT.compute_return(ctx, 2026, 8)
    f = aug.figures
    assert f["beds_by_type"]["养老床位"] == 4 and f["beds_by_type"]["护理型床位"] == 1  # b2 still 养老
    assert f["nursing_bed_share"] == 0.2
    assert (f["residents_end"], f["in_hospital_end"], f["residents_seen"], f["agreements_in_force"]) == (4, 0, 1, 2)
    sep = RT.compute_return(ctx, 2026, 9)
    roster = {r["name"]: r for r in sep.details["roster"]}
    assert set(roster) == {"张一", "李三", "赵四"}
    assert roster["张一"]["bed"].endswith("105-1") and roster["李三"]["away"] == "住院"
    assert roster["李三"]["assessment_state"] == "已过期" and roster["李三"]["valid_until"] == "2026-09-13"
    assert roster["赵四"]["assessment_state"] == "未评估" and roster["赵四"]["grade"] == "无有效评估"
    kinds = sorted((m["date"], m["kind"], m["name"]) for m in sep.details["movements"])
    assert kinds == [("2026-09-05", "入住", "赵四"), ("2026-09-10", "出院", "钱五"), ("2026-09-20", "换床", "张一"),
                     ("2026-09-25", "住院", "李三"), ("2026-09-30", "出院", "王二")]
    assert [r["outcome"] for r in sep.details["referrals"]] == ["住院"]
    assert [a["name"] for a in sep.details["assessments"]] == ["张一"]
    assert [t["nursing_bed_share"] for t in sep.trend[-2:]] == [0.2, 0.4]
    assert len(sep.trend) == 12 and sep.trend[-1]["month"] == "2026-09" and sep.trend[0]["month"] == "2025-10"
    assert RT.trend(ctx, 2026, 9, 2) == sep.trend[-2:]
    _trend_agrees_with_census(ctx, RT.trend(ctx, 2026, 11, 14))


def _trend_agrees_with_census(ctx, points):
    from yiyang_desktop.services.census import census
    for t in points:
        c = census(ctx, RT.month_bounds(*map(int, t["month"].split("-")))[1])
        assert (t["beds_total"], t["beds_occupied"]) == (c.beds_total, c.occupied_total), t["month"]
        assert t["occupancy_rate"] == (None if c.occupancy_rate is None else round(float(c.occupancy_rate), 4))
        assert t["nursing_bed_share"] == (None if c.nursing_share is None else round(float(c.nursing_share), 4))


def test_frozen_return_kept_and_differences_reported(ctx, home, tmp_path):
    ret = RT.compute_return(ctx, 2026, 9)
    first = RT.submit_return(ctx, ret, "首次报送")
    assert RT.compare_with_submitted(ctx, 2026, 9) == []
    # Later edits: a late-entered admission on 28 Sept into the free b1, and D's 户籍 corrected to local.
    late = factories.resident(ctx, "孙六")
    admit(ctx, late, {"admission_date": D(2026, 9, 28), "bed_id": home["beds"][0]})
    update_resident(ctx, home["residents"]["D"], get_resident(ctx, home["residents"]["D"]) | {"hukou_local": True})
    frozen = RT.load_submitted(ctx, month="2026-09")
    assert frozen.figures == json.loads(json.dumps(ret.figures, ensure_ascii=False))
    assert frozen.figures["residents_end"] == 3 and len(frozen.details["roster"]) == 3
    assert frozen.submitted["version"] == 1 and frozen.submitted["submitted_by"] == "tester"
    diff = {d["field"]: (d["submitted"], d["now"]) for d in RT.compare_with_submitted(ctx, 2026, 9)}
    assert diff["residents_end"] == (3, 4) and diff["admissions"] == (1, 2)
    assert diff["residents_by_hukou.外地"] == (1, 0) and diff["bed_months"] == (2, 4)
    assert diff["occupancy_rate"] == (0.5, round(4 / 6, 4))
    assert "beds_total" not in diff and "deaths" not in diff
    with pytest.raises(INTEGRITY_ERRORS):
        ctx.db.execute("UPDATE submitted_returns SET figures = '{}' WHERE id = ?", [first])
    # A corrected version supersedes the first; both are kept.
    second = RT.submit_return(ctx, RT.compute_return(ctx, 2026, 9), "补录9月28日入住")
    rows = RT.submitted_returns(ctx, "2026-09")
    assert [(r["id"], r["version"], r["latest"], r["supersedes_id"]) for r in rows] == [
        (second, 2, True, first), (first, 1, False, None)]
    assert RT.compare_with_submitted(ctx, 2026, 9) == []
    v1 = RT.load_submitted(ctx, first)
    assert v1.figures["residents_end"] == 3 and v1.trend == ret.trend and set(v1.details) == set(ret.details)
    xlsx, pdf = write_return_files(v1, tmp_path, "康乐")
    assert xlsx.name == "月报-2026-09-第1版.xlsx"
    assert load_workbook(xlsx)["月末在住名单"].max_row == 5  # header + the 3 residents as submitted + 合计
    assert load_workbook(xlsx)["月末在住名单"]["A5"].value == "合计 3 人"
    assert "填表人：tester" in [c.value for row in load_workbook(xlsx)["汇总"].iter_rows() for c in row]
    assert "第1版" in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert RT.load_submitted(ctx, month="2026-09").figures["residents_end"] == 4


def test_unfinished_or_bad_months_refused(ctx, home):
    with pytest.raises(ValidationError):
        RT.compute_return(ctx, 2026, 12)
    with pytest.raises(ValidationError) as err:
        RT.parse_month("2026-13")
    assert "YYYY-MM" in str(err.value)
    now = RT.compute_return(ctx, 2026, 11)  # the month in progress computes, but cannot be submitted
    assert now.figures["month_complete"] is False
    with pytest.raises(Exception) as err:
        RT.submit_return(ctx, now)
    assert "尚未结束" in str(err.value)
    assert RT.months_of_year(ctx, 2026) == list(range(1, 12))


def _summary(ws) -> dict:
    return {ws.cell(row=r, column=2).value: ws.cell(row=r, column=3).value for r in range(4, ws.max_row + 1)
            if ws.cell(row=r, column=2).value}


def test_workbook_and_pdf(ctx, home, tmp_path):
    ret = RT.compute_return(ctx, 2026, 9)
    xlsx, pdf = write_return_files(ret, tmp_path, get_institution(ctx)["name"])
    assert xlsx.name == "月报-2026-09.xlsx" and pdf.suffix == ".pdf"
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["汇总", "月末在住名单", "人员变动", "双向转诊", "能力评估", "年度体检"]
    ws = wb["汇总"]
    assert "鹤城区康乐医养中心2026年9月统计月报" in ws["A1"].value.replace(" ", "")
    s = _summary(ws)
    assert s["床位总数"] == 6 and s["　护理型床位"] == 2 and s["月末入住率"] == 50.0
    assert s["护理型床位占比"] == 40.0 and s["护理型床位占比目标"] == 50.0
    assert (s["月初在住人数"], s["本月入住"], s["本月出院"], s["本月死亡"], s["月末在住人数"]) == (4, 1, 2, 1, 3)
    assert s["　能力等级：无有效评估"] == 2 and s["运营补贴床次"] == 2 and s["上转（转往医院）"] == 1
    assert int(ws.page_setup.paperSize) == 9 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.print_title_rows == "$3:$3"
    assert ws.cell(row=5, column=2).border.left.style == "thin"
    roster = wb["月末在住名单"]
    assert roster.freeze_panes == "A2" and roster.auto_filter.ref.startswith("A1:")
    names = [roster.cell(row=r, column=3).value for r in range(2, roster.max_row)]
    assert sorted(names) == sorted(["张一", "李三", "赵四"]) and roster.cell(roster.max_row, 1).value == "合计 3 人"
    assert all("*" in roster.cell(row=r, column=6).value for r in range(2, roster.max_row))  # IDs masked
    assert wb["人员变动"].max_row == 7 and wb["双向转诊"]["G2"].value == "住院"
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    for label in ("填表人：", "负责人（签字）：", "联系电话：", "填报日期：", "（单位盖章）"):
        assert any(t.startswith(label) for t in texts), label
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for needle in ("2026年9月统计月报", "月末入住率与护理型床位占比", "能力等级分布", "50.0%", "40.0%", "124床日",
                   "无有效评估", "月末在住人数", "填表人", "负责人", "联系电话", "填报日期", "单位盖章", "第1页共1页"):
        assert needle in text, needle


def _cli(*args):
    env = os.environ | {"YIYANG_USER": "admin", "YIYANG_PASSWORD": "return-secret"}
    return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", *map(str, args)], capture_output=True, text=True,
                          env=env)


def test_cli(ctx, home, db_path, tmp_path):
    create_first_admin(ctx, "admin", "return-secret")
    out = _cli("--db", db_location(ctx.db), "return", "--month", "2026-09", "--out", tmp_path / "out")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("month", "beds_total", "beds_by_type", "beds_occupied", "occupancy_rate", "nursing_bed_share",
                "residents_start", "residents_end", "residents_by_grade", "admissions", "discharges", "deaths",
                "referrals_up", "referrals_down", "agreements_in_force", "staff_by_role", "bed_months", "files"):
        assert key in data, key
    assert data["residents_end"] == 3 and "无有效评估" in data["residents_by_grade"]
    assert sorted(p.rsplit(".", 1)[1] for p in data["files"]) == ["pdf", "xlsx"]
    bad = _cli("--db", db_location(ctx.db), "return", "--month", "2026-9x")
    assert bad.returncode == 2 and "月份" in bad.stderr and not bad.stdout
    year = _cli("--db", db_location(ctx.db), "return", "--year", "2025")
    assert year.returncode == 0, year.stderr
    assert [m["month"] for m in json.loads(year.stdout)["months"]] == [f"2025-{m:02d}" for m in range(1, 13)]


def test_demo_month(demo_ctx, tmp_path):
    ret = RT.compute_return(demo_ctx, 2026, 10)
    f = ret.figures
    assert f["residents_start"] + f["admissions"] - f["discharges"] == f["residents_end"] > 0
    assert sum(f["residents_by_grade"].values()) == sum(f["residents_by_age_band"].values()) == f["residents_end"]
    assert f["beds_occupied"] + f["beds_free"] + f["beds_reserved"] + f["beds_out_of_service"] == f["beds_total"]
    assert len(ret.details["roster"]) == f["residents_end"]
    _trend_agrees_with_census(demo_ctx, ret.trend)
    assert len({t["occupancy_rate"] for t in ret.trend}) > 1
    files = write_return_files(ret, tmp_path, "演示")
    assert all(p.stat().st_size > 1000 for p in files)


def test_files_need_the_personal_export_permission_and_are_audited(ctx, home, tmp_path):
    ret = RT.compute_return(ctx, 2026, 9, with_trend=False)
    before = ctx.db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'export'").fetchone()[0]
    files = RT.write_files(ctx, ret, tmp_path)
    logged = [json.loads(r[0])["path"] for r in ctx.db.execute(
        "SELECT new FROM audit_log WHERE action = 'export' ORDER BY id").fetchall()[before:]]
    assert logged == [str(f) for f in files]
    ctx.role = "只读"
    assert RT.compute_return(ctx, 2026, 9, with_trend=False).figures["residents_end"] == 3
    with pytest.raises(Exception) as err:
        RT.write_files(ctx, ret, tmp_path / "other")
    assert "无权" in str(err.value) and not (tmp_path / "other").exists()
    with pytest.raises(Exception) as err:
        RT.submit_return(ctx, ret)
    assert "无权" in str(err.value) and RT.submitted_returns(ctx) == []
