"""Subsidy and 医保定点 applications: golden amounts on a built institution for both shipped profiles, profile
checks, RMB capitals, forms written as real .xlsx/.pdf and read back, a user's own template filled."""
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import db_location
from assessment_helpers import answers_total
from factories import admitted, bed, resident
from pypdf import PdfReader

from yiyang_desktop.domain.assessment import load_instrument
from yiyang_desktop.domain.money import capital
from yiyang_desktop.services import applications as A
from yiyang_desktop.services import policy as P
from yiyang_desktop.services import subsidies as S
from yiyang_desktop.services.assessments import save_assessment
from yiyang_desktop.services.base import ServiceError, ValidationError
from yiyang_desktop.services.institution import get_institution, save_institution
from yiyang_desktop.services.residents import discharge
from yiyang_desktop.services.staff import create_staff

D = dt.date
INSTITUTION = {
    "name": "测试康养中心", "uscc": "52431202MJJ000001M", "legal_rep": "李明", "contact_person": "王芳",
    "contact_phone": "0745-1234567", "address": "湖南省怀化市鹤城区测试路1号", "ownership": "民办",
    "profit_type": "非营利", "kind": "医养结合机构（养办医）", "license_no": "湘民养备字001",
    "medical_facility": "医务室", "medical_license_no": "PDY001", "medical_license_date": "2024-02-01",
    "operation_start_date": "2024-01-01", "bank_name": "农业银行", "bank_account": "6228480012345678",
}


@pytest.fixture
def home(ctx):
    """50 new elderly beds, 1 renovated nursing bed, 2 leased for 10 years, 1 leased for 2 years,
    a medical nursing bed and a medical rehabilitation bed; six residents with known stories in 2025."""
    save_institution(ctx, INSTITUTION)
    for room in range(101, 111):
        for n in range(1, 6):
            bed(ctx, str(room), str(n))
    b = {
        "renovated": bed(ctx, "201", "1", "护理型床位", provision="改扩建"),
        "leased1": bed(ctx, "301", "1", provision="租赁", lease_end_date=D(2034, 1, 1)),
        "leased2": bed(ctx, "301", "2", provision="租赁", lease_end_date=D(2034, 1, 1)),
        "short": bed(ctx, "301", "3", provision="租赁", lease_end_date=D(2026, 1, 1)),
        "med_nursing": bed(ctx, "401", "1", "医疗床位", "护理"),
        "med_rehab": bed(ctx, "401", "2", "医疗床位", "康复"),
    }
    beds = {r["room"] + "-" + r["number"]: r["id"] for r in ctx.db.query("SELECT id, room, number FROM beds")}
    people = {}
    people["r1"] = admitted(ctx, beds["101-1"], D(2024, 6, 10), "甲", birth=D(1955, 3, 1))
    people["r2"] = admitted(ctx, beds["101-2"], D(2025, 1, 5), "乙", birth=D(1965, 7, 15))  # turns 60 in July
    people["r3"] = admitted(ctx, beds["101-3"], D(2024, 1, 1), "丙", birth=D(1950, 1, 1), hukou_local=False)
    people["r4"] = admitted(ctx, beds["101-4"], D(2025, 3, 15), "丁", birth=D(1945, 1, 1))
    discharge(ctx, people["r4"][1], {"discharge_date": D(2025, 8, 10), "discharge_reason": "回家"})
    people["r5"] = admitted(ctx, b["renovated"], D(2024, 12, 1), "戊", birth=D(1940, 1, 1))
    people["r6"] = admitted(ctx, b["med_nursing"], D(2024, 12, 1), "己", birth=D(1935, 1, 1))
    ctx.extra["beds"], ctx.extra["people"] = b, people
    return ctx


# ------------------------------------------------------------------ construction

def test_construction_hecheng_golden(home):
    res = S.construction_subsidy(home, "hecheng-2021", D(2026, 11, 23))
    # 50 × 6000 new + 3000 renovated (half) + 2 × 3000 leased ≥ 5 years (half) + 8000 medical nursing
    assert res.amount_fen == (50 * 6000 + 3000 + 2 * 3000 + 8000) * 100
    assert res.bed_count == 54
    reasons = {x.bed_id: str(x.reason) for x in res.excluded}
    b = home.extra["beds"]
    assert set(reasons) == {b["short"], b["med_rehab"]}
    assert "不足5年" in reasons[b["short"]] and "康复" in reasons[b["med_rehab"]]
    line = next(x for x in res.lines if x.bed_id == b["renovated"])
    assert line.amount_fen == 300000 and line.factor == "0.5" and "改扩建" in str(line.basis)
    assert capital(res.amount_fen) == "叁拾壹万柒仟元整"


def test_construction_chongqing_golden_with_thresholds(home):
    res = S.construction_subsidy(home, "chongqing-2023", D(2026, 11, 23))
    # own property (new + renovated) 51 beds ≥ 50 → 10000 each; 2 leased < 20 → none
    assert res.amount_fen == 51 * 1000000 and res.bed_count == 51
    reasons = {x.bed_id: str(x.reason) for x in res.excluded}
    b = home.extra["beds"]
    assert "未达到20张" in reasons[b["leased1"]] and "未达到20张" in reasons[b["leased2"]]
    assert "不足5年" in reasons[b["short"]]
    assert "不在本政策" in reasons[b["med_nursing"]]
    # below the own-property threshold everything own is excluded with the reason
    home.db.execute("UPDATE beds SET provision = '租赁', lease_end_date = '2040-01-01' WHERE room = '110'")
    res = S.construction_subsidy(home, "chongqing-2023", D(2026, 11, 23))
    assert res.bed_count == 0 and any("未达到50张" in str(x.reason) for x in res.excluded)


def test_a_granted_bed_is_not_applied_for_again(home, tmp_path):
    app = A.prepare(home, "construction-subsidy", profile_id="hecheng-2021")
    A.write(home, app, tmp_path)
    app_id = app.summary["application_id"]
    renovated = home.extra["beds"]["renovated"]
    with pytest.raises(ValidationError):  # a decision cannot be dated after today
        S.approve_construction(home, app_id, D(2026, 12, 1), bed_ids=[renovated])
    assert S.approve_construction(home, app_id, D(2026, 11, 20), bed_ids=[renovated]) == 1
    res = S.construction_subsidy(home, "hecheng-2021")
    assert res.bed_count == 53
    assert "已于2026-11-20获得建设补贴" in str(next(x for x in res.excluded if x.bed_id == renovated).reason)
    # as on a day before the grant (--date), the application made then is reproduced
    assert S.construction_subsidy(home, "hecheng-2021", D(2026, 11, 19)).bed_count == 54
    with pytest.raises(ServiceError):
        S.approve_construction(home, app_id, D(2026, 11, 21))


def test_an_institution_outside_the_rules_gets_nothing_and_is_told_why(home):
    save_institution(home, get_institution(home) | {"ownership": "公办", "kind": "养老机构"})
    res = S.construction_subsidy(home, "hecheng-2021")
    assert res.amount_fen == 0 and res.problems and "不在补贴范围" in str(res.problems[0])


# ------------------------------------------------------------------ operating

def test_operating_hecheng_golden(home):
    res = S.operating_subsidy(home, 2025, None, "hecheng-2021")
    people = home.extra["people"]
    months = {}
    for line in res.lines:
        months.setdefault(line.resident_id, []).append(line.month)
    assert months[people["r1"][0]] == list(range(1, 13))
    assert months[people["r2"][0]] == list(range(7, 13))       # turns 60 on 15 July
    assert people["r3"][0] not in months                        # not local
    assert months[people["r4"][0]] == [3, 4, 5, 6, 7]           # in on 15 March, out on 10 August
    assert months[people["r5"][0]] == list(range(1, 13))
    assert months[people["r6"][0]] == list(range(1, 13))
    rates = {line.resident_id: line.rate_fen for line in res.lines}
    assert rates[people["r1"][0]] == 10000 and rates[people["r5"][0]] == 15000 and rates[people["r6"][0]] == 15000
    assert res.bed_months == 12 + 6 + 5 + 12 + 12
    assert res.amount_fen == (12 + 6 + 5) * 10000 + 24 * 15000
    assert res.by_month[1] == 3 and res.by_month[7] == 5 and res.by_month[8] == 4
    reasons = {(x.resident_id, x.month): str(x.reason) for x in res.excluded}
    assert "未满60周岁" in reasons[(people["r2"][0], 6)]
    assert reasons[(people["r3"][0], 1)] == "非本地户籍"


def test_operating_chongqing_has_no_operating_clause(home):
    # Changed on purpose (issue #13): the 重庆 reply letter (seed 003) grants no operating subsidy. Version 1 of the
    # profile counted 3 + 3 + 4 bed-months at 0 元 under conditions of its own (本地户籍, 60周岁) that no sentence
    # of the text gives; version 2 has no operating clause, so nothing is counted and the form says why.
    res = S.operating_subsidy(home, 2025, [1, 2, 3], "chongqing-2023")
    assert res.amount_fen == 0 and res.bed_months == 0
    assert "没有运营补贴条款" in str(res.problems[0])
    # a zero-rate clause of the user's own still counts bed-months without money
    data = P.get_profile(home, "chongqing-2023").data | {"id": "cq-count", "title": "重庆（统计床次）"}
    data["operating"]["rates"] = [{"label": "床次统计", "yuan": 0, "local_hukou_only": True}]
    P.save_user_profile(home, data)
    res = S.operating_subsidy(home, 2025, [1, 2, 3], "cq-count")
    assert res.amount_fen == 0 and res.bed_months == 3 + 3 + 4
    assert "没有规定运营补贴标准" in str(res.problems[0])


def test_operating_future_months_and_min_operating_months(home):
    res = S.operating_subsidy(home, 2026, [10, 11, 12], "hecheng-2021")
    assert set(res.month_notes) == {11, 12} and res.by_month[10] == 4
    data = P.get_profile(home, "hecheng-2021").data
    data.update(id="strict", title="严格")
    data["operating"]["min_operating_months"] = 18
    for rate in data["operating"]["rates"]:
        rate.update(min_stay_months=6, exclude_categories=["特困"])
    P.save_user_profile(home, data)
    res = S.operating_subsidy(home, 2025, None, "strict")
    assert all("未满18个月" in str(res.month_notes[m]) for m in range(1, 7))
    assert res.by_month[7] == 4  # r2 (in since January) has 6 months on 31 July; r4 (March) has not
    assert any("连续入住未满6个月" in str(x.reason) for x in res.excluded if x.month == 7)


def test_grade_uplift_from_a_user_profile(home):
    r1 = home.extra["people"]["r1"][0]
    answers = answers_total(load_instrument("gbt42195-2022"), 40)
    save_assessment(home, r1, {"instrument_id": "gbt42195-2022", "assessed_on": D(2025, 6, 20), "reason": "常规评估",
                               "assessor1": "王", "assessor2": "李", "answers": answers}, complete=True)
    grade = home.db.execute("SELECT final_grade_name FROM assessments").fetchone()[0]
    P.copy_profile(home, "hecheng-2021", "graded", "按等级")
    data = P.get_profile(home, "graded").data
    data["operating"]["rates"].append({"label": "重度失能", "ownership_any": ["民办"], "local_hukou_only": True,
                                       "grades": [grade], "yuan": 300})
    P.save_user_profile(home, data)
    res = S.operating_subsidy(home, 2025, None, "graded")
    rates = {line.month: line.rate_fen for line in res.lines if line.resident_id == r1}
    # assessed on 20 June, valid for the 6-month reassessment period: June–November at 300, December back to 100
    assert [rates[m] for m in range(1, 13)] == [10000] * 5 + [30000] * 6 + [10000]


# ------------------------------------------------------------------ profiles

def test_shipped_profiles_load_and_a_wrong_field_is_named(home):
    assert {"hecheng-2021", "chongqing-2023", "zhanjiang-2018", "blank"} <= set(P.shipped_ids())
    data = P.get_profile(home, "hecheng-2021").data
    data.update(id="mine")
    data["operating"]["rates"][0]["min_age"] = "六十"
    data["construction"]["rates"][0]["bed_type"] = "豪华床位"
    data["construction"]["provision_factor"]["租赁"] = "-1"
    with pytest.raises(ValidationError) as err:
        P.save_user_profile(home, data)
    fields = set(err.value.by_field())
    assert fields == {"operating.rates[1].min_age", "construction.rates[1].bed_type",
                      "construction.provision_factor.租赁"}
    with pytest.raises(ValidationError) as err:
        P.save_user_profile(home, P.get_profile(home, "hecheng-2021").data)
    assert "不能覆盖" in str(err.value)


def test_nursing_targets_and_size_rules_come_from_the_profile(home):
    zj = P.get_profile(home, "zhanjiang-2018")
    assert zj.nursing_target_on(D(2019, 6, 1)) == P.Fraction(1, 5)
    assert zj.nursing_target_on(D(2026, 1, 1)) == P.Fraction(7, 20)
    assert zj.size_rule_for(99).max_beds == 100 and zj.size_rule_for(100).needs_clinic
    assert zj.size_rule_for(250).min_beds == 200
    assert P.get_profile(home, "chongqing-2023").nursing_target_on(D(2026, 1, 1)) is None


@pytest.mark.parametrize("fen, text", [(1000, "壹拾元整"), (10000500, "壹拾万零伍元整"),
                                       (100000050, "壹佰万元伍角"), (49595000, "肆拾玖万伍仟玖佰伍拾元整"),
                                       (5, "伍分"), (0, "零元整")])
def test_rmb_capitals(fen, text):
    assert capital(fen) == text


# ------------------------------------------------------------------ forms

def _cells(path):
    wb = openpyxl.load_workbook(path)
    return wb, {ws.title: [[c for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def test_operating_form_written_and_read_back(home, tmp_path):
    app = A.prepare(home, "operating-subsidy", year=2025, profile_id="hecheng-2021")
    xlsx, pdf = A.write(home, app, tmp_path)
    wb, sheets = _cells(xlsx)
    flat = [c for row in sheets["申请表"] for c in row if c not in (None, "")]
    assert "测试康养中心" in flat and 5900 in flat and "伍仟玖佰元整" in flat and 47 in flat
    amount = next(c for row in wb["申请表"].iter_rows() for c in row if c.value == 5900)
    assert amount.data_type == "n" and amount.number_format == "#,##0.00"  # a number, printed 5,900.00
    assert not any(isinstance(c, str) and "{{" in c for s in sheets.values() for row in s for c in row)
    months = [row for row in sheets["申请表"] if row[0] in {f"{m}月" for m in range(1, 13)}]
    assert [r[0] for r in months] == [f"{m}月" for m in range(1, 13)] and months[6][2] == 5
    roster = [row for row in sheets["附件 花名册"] if row[2] in {"甲", "乙", "丁", "戊", "己"}]
    assert len(roster) == 47
    assert all("*" in row[5] for row in roster)  # masked ID numbers by default
    ws = wb["申请表"]
    assert int(ws.page_setup.paperSize) == 9 and int(ws.page_setup.fitToWidth) == 1  # A4, one page wide
    assert wb["附件 花名册"].print_title_rows
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "养老机构运营补贴申请表" in text and "伍仟玖佰元整" in text and "测试康养中心" in text


def test_construction_form_pdf_and_xlsx_have_the_same_figures(home, tmp_path):
    app = A.prepare(home, "construction-subsidy", profile_id="hecheng-2021")
    xlsx, pdf = A.write(home, app, tmp_path)
    _wb, sheets = _cells(xlsx)
    beds = [row for row in sheets["附件1 申报床位清单"] if isinstance(row[0], int)]
    assert len(beds) == 54
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for needle in ("317,000.00", "叁拾壹万柒仟元整", "租期", "审核床位数"):
        assert needle in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
        assert (tmp_path / "p-1.png").stat().st_size > 5000


def test_missing_institution_data_blocks_the_files(home, tmp_path):
    save_institution(home, get_institution(home) | {"bank_account": ""})
    app = A.prepare(home, "construction-subsidy")
    assert app.missing == ["bank_account"]
    with pytest.raises(ServiceError) as err:
        A.write(home, app, tmp_path / "out")
    assert "银行账号" in str(err.value) and not (tmp_path / "out").exists()


def test_insurance_readiness_and_form(home, tmp_path):
    from yiyang_desktop.services import insurance as M
    r = M.insurance_readiness(home, D(2024, 3, 1))
    assert r["earliest_date"] == D(2024, 5, 1) and not r["ready"]
    names = {str(c["name"]): c["passed"] for c in r["conditions"]}
    assert names["正式运营满3个月"] is False and names["内设医疗机构并取得执业许可"] is True
    assert names["至少1名在本机构首次注册的医师"] is False
    create_staff(home, {"name": "赵医生", "role": "执业医师", "title": "主治医师", "first_registration": True,
                        "start_date": D(2024, 2, 1), "practice_cert_no": "110430000000001"})
    M.save_answers(home, {"rules": {k: True for k in M.RULES}, "his": {k: True for k in M.HIS_ITEMS},
                          "manager": True, "equipment": [{"name": "心电图机", "count": "1"}],
                          "introduction": "医务室设全科诊室一间。"})
    r = M.insurance_readiness(home)
    assert r["ready"], r["conditions"]
    with pytest.raises(ValidationError):
        M.save_answers(home, {"equipment": [{"name": "B超", "count": "两台"}]})
    app = A.prepare(home, "insurance-designation")
    xlsx, pdf = A.write(home, app, tmp_path)
    _wb, sheets = _cells(xlsx)
    flat = [c for row in sheets["申请表"] for c in row if c not in (None, "")]
    assert "心电图机" in flat and "执业医师" in flat and dt.datetime(2024, 5, 1) in flat  # a date, shown 2024-05-01
    assert any(row[3] == "110430000000001" for row in sheets["医疗服务人员信息表"] if row and len(row) > 5) or \
        any("110430000000001" in str(c) for row in sheets["医疗服务人员信息表"] for c in row)
    assert "预测性分析报告" in "".join(PdfReader(pdf).pages[-1].extract_text())


def test_user_template_in_the_data_folder_is_filled(home, tmp_path, monkeypatch):
    from yiyang_desktop.paths import data_dir
    folder = data_dir() / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "我市表格"
    ws["A1"] = "单位：{{机构名称}}（{{统一社会信用代码}}）"
    ws["A2"] = "{{申请金额}}"
    ws["A3"], ws["B3"] = "床位", "金额"
    ws["A4"], ws["B4"] = "{{床位清单.床位}}", "{{床位清单.金额}}"
    ws["A5"] = "合计大写：{{申请金额大写}}"
    wb.save(folder / "construction-subsidy.xlsx")
    try:
        xlsx, _pdf = A.write(home, A.prepare(home, "construction-subsidy"), tmp_path)
        got = openpyxl.load_workbook(xlsx)["我市表格"]
        assert got["A1"].value == "单位：测试康养中心（52431202MJJ000001M）"
        assert got["A2"].value == 317000 and got["A2"].number_format == "#,##0.00"
        assert got.max_row == 4 + 54
        assert got.cell(4 + 54, 1).value == "合计大写：叁拾壹万柒仟元整"
        ws["A6"] = "{{不存在的项目}}"
        wb.save(folder / "construction-subsidy.xlsx")
        with pytest.raises(ServiceError) as err:
            A.write(home, A.prepare(home, "construction-subsidy"), tmp_path / "again")
        assert "不存在的项目" in str(err.value) and "我市表格!A6" in str(err.value)
    finally:
        shutil.rmtree(folder)


def test_shipped_templates_match_the_layouts(tmp_path):
    """resources/templates/ are generated by scripts/make_templates.py; a changed layout needs a rerun."""
    from yiyang_desktop.assets import resource_path
    from yiyang_desktop.exports.form_xlsx import make_template
    from yiyang_desktop.exports.forms import FORM_KINDS
    for kind in FORM_KINDS:
        shipped = openpyxl.load_workbook(resource_path("templates", f"{kind}.xlsx"))
        fresh = make_template(kind)
        for a, b in zip(shipped.worksheets, fresh.worksheets, strict=True):
            assert [[c.value or None for c in r] for r in a.iter_rows()] == \
                [[c.value or None for c in r] for r in b.iter_rows()], kind


def test_cli_apply_prints_the_summary(home, db_path, tmp_path, monkeypatch):
    from yiyang_desktop.services.accounts import create_first_admin
    create_first_admin(home, "boss", "boss-pass")  # the command line logs in
    monkeypatch.setenv("YIYANG_USER", "boss")
    monkeypatch.setenv("YIYANG_PASSWORD", "boss-pass")
    where = db_location(home.db)
    home.db.close()
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", where, "apply", "operating-subsidy",
                          "--year", "2025", "--months", "7-8", "--profile", "hecheng-2021", "--out", str(out)],
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["bed_months"] == 9 and data["bed_months_by_month"] == {"7": 5, "8": 4}
    # July: three at 100 and two nursing beds at 150; August: r4 has left
    assert data["amount_fen"] == (3 * 100 + 2 * 150) * 100 + (2 * 100 + 2 * 150) * 100
    assert data["amount_capital"] == "壹仟壹佰元整"
    assert all(Path(f).exists() for f in data["files"])
    run = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", where, "apply",
                          "insurance-designation", "--out", str(out)], capture_output=True, text=True, encoding="utf-8")
    data = json.loads(run.stdout)
    assert data["earliest_date"] == "2024-05-01" and {"name", "passed", "reason"} <= set(data["conditions"][0])
    run = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", where, "apply",
                          "operating-subsidy", "--months", "13", "--out", str(out)], capture_output=True, text=True,
                         encoding="utf-8")
    assert run.returncode == 2 and "月份" in run.stderr


def test_every_placeholder_is_documented():
    from yiyang_desktop.exports.forms import FORM_KINDS, layout_placeholders
    doc = (Path(__file__).parent.parent / "docs" / "applications.md").read_text(encoding="utf-8")
    for kind in FORM_KINDS:
        scalars, tables = layout_placeholders(kind)
        for key in scalars | {f"{t}.{c}" for t, cols in tables.items() for c in cols}:
            assert "{{" + key + "}}" in doc, key


def test_every_form_value_is_a_documented_placeholder(demo_ctx):
    doc = (Path(__file__).parent.parent / "docs" / "applications.md").read_text(encoding="utf-8")
    for kind in ("construction-subsidy", "operating-subsidy", "insurance-designation"):
        app = A.prepare(demo_ctx, kind, year=2025)
        for key in app.form.values:
            assert "{{" + key + "}}" in doc, (kind, key)


def test_the_demo_institution_produces_every_form(demo_ctx, tmp_path):
    for kind in ("construction-subsidy", "operating-subsidy", "insurance-designation"):
        app = A.prepare(demo_ctx, kind, year=2025)
        assert app.missing == [], kind
        xlsx, pdf = A.write(demo_ctx, app, tmp_path)
        assert openpyxl.load_workbook(xlsx).sheetnames and PdfReader(pdf).pages
    assert app.summary["ready"] and app.summary["earliest_date"]
    assert A.prepare(demo_ctx, "operating-subsidy", year=2025).summary["bed_months"] > 500


def test_full_id_numbers_on_the_roster_only_for_roles_that_may_see_them(demo_ctx):
    from yiyang_desktop.services.accounts import mask_id
    from yiyang_desktop.services.base import Context, PermissionDenied
    nurse = Context(demo_ctx.db, user="n", role="护理", clock=demo_ctx.clock)
    with pytest.raises(PermissionDenied):
        A.prepare(nurse, "operating-subsidy", year=2025, mask_ids=False)
    masked = A.prepare(nurse, "operating-subsidy", year=2025)
    full = A.prepare(demo_ctx, "operating-subsidy", year=2025, mask_ids=False)
    ids = [r["身份证号"] for r in full.form.tables["花名册"]]
    assert ids and [r["身份证号"] for r in masked.form.tables["花名册"]] == [mask_id(i) for i in ids]
