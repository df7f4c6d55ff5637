"""The money bugs of issue #13, each on a small hand-worked institution, with the figure the code gave before the
redesign ("was") and the right one. Each case quotes the sentence of the policy text it rests on."""
import datetime as dt
import subprocess
import sys

import pytest
from assessment_helpers import answers_total
from factories import admitted, bed

from yiyang_desktop.domain.assessment import load_instrument
from yiyang_desktop.services import applications as A
from yiyang_desktop.services import insurance as M
from yiyang_desktop.services import policy as P
from yiyang_desktop.services import subsidies as S
from yiyang_desktop.services.assessments import save_assessment
from yiyang_desktop.services.base import ValidationError
from yiyang_desktop.services.institution import save_institution
from yiyang_desktop.services.residents import discharge
from yiyang_desktop.services.staff import create_staff

D = dt.date


def institution(ctx, **kw):
    save_institution(ctx, {"name": "测试养老院", "ownership": "民办", "kind": "养老机构", "region_code": "431202",
                           "region_name": "湖南省怀化市鹤城区", "operation_start_date": D(2019, 1, 1), **kw})


def own_profile(ctx, pid, rates, **operating):
    """A user profile from the blank one: the given operating clauses, in force since 2000."""
    data = P.get_profile(ctx, "blank").data
    data.update(id=pid, title=pid, region="湖南省怀化市鹤城区", region_code="431202")
    data["operating"].update(operating, rates=rates)
    return P.save_user_profile(ctx, data)


def test_grade_clause_written_with_the_short_name_applies(ctx):
    """blank.toml's example names grades the short way ("重度失能"); GB/T 42195-2022 names them in full
    ("能力重度受损（重度失能）"). Was: the clause never matched, 6 months at 130 = 780.00 元. Now 1,060.00 元."""
    institution(ctx)
    rid, _ = admitted(ctx, bed(ctx), D(2024, 6, 1), "甲", birth=D(1940, 1, 1))
    base = {"label": "基本标准", "yuan": 130, "ownership_any": ["民办"], "local_hukou_only": True}
    own_profile(ctx, "graded", [base, base | {"label": "重度失能", "yuan": 270, "grades": ["重度失能", "完全失能"]}])
    save_assessment(ctx, rid, {"instrument_id": "gbt42195-2022", "assessed_on": D(2025, 5, 10), "reason": "常规评估",
                               "assessor1": "王", "assessor2": "李",
                               "answers": answers_total(load_instrument("gbt42195-2022"), 40)}, complete=True)
    res = S.operating_subsidy(ctx, 2025, [1, 2, 3, 4, 5, 6], "graded")
    assert [line.rate_fen for line in res.lines] == [13000] * 4 + [27000] * 2  # valid from 10 May: May and June
    assert res.amount_fen == 106000
    assert res.lines[-1].grade == "能力重度受损（重度失能）" and res.lines[-1].basis == "重度失能"


def test_a_grade_that_no_instrument_has_is_refused_with_its_line(ctx, tmp_path):
    data = P.get_profile(ctx, "blank").data | {"id": "typo", "title": "typo"}
    data["operating"]["rates"] = [{"label": "重度", "yuan": 200, "grades": ["重度失能级"]}]
    with pytest.raises(ValidationError) as err:
        P.save_user_profile(ctx, data)
    assert list(err.value.by_field()) == ["operating.rates[1].grades"] and "重度失能级" in str(err.value)
    text = (P.resource_path("policies") / "blank.toml").read_text(encoding="utf-8").replace(
        'id = "blank"', 'id = "typo"').replace("rates = []\n", 'rates = [\n  { label = "重度", yuan = 200, '
                                                              'grades = ["重度失能级"] },\n]\n')
    f = tmp_path / "typo.toml"
    f.write_text(text, encoding="utf-8")
    line = text.splitlines().index('  { label = "重度", yuan = 200, grades = ["重度失能级"] },') + 1
    run = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "policy", "check", str(f)], capture_output=True,
                         text=True, encoding="utf-8")
    assert run.returncode == 1 and f"typo.toml:{line}: operating.rates[1].grades" in run.stderr


def test_same_day_admission_and_discharge_is_in_residence_on_no_day(ctx):
    """any_day = in residence at the end of at least one day of the month (the end-of-day census). Was: the
    same-day stay counted, 8 × 100 = 800.00 元. Now 700.00 元."""
    institution(ctx)
    for n in range(7):
        admitted(ctx, bed(ctx, "101", str(n + 1)), D(2025, 1, 1), f"老人{n}", birth=D(1940, 1, 1))
    _, stay = admitted(ctx, bed(ctx, "102", "1"), D(2025, 3, 12), "当天走", birth=D(1940, 1, 1))
    discharge(ctx, stay, {"discharge_date": D(2025, 3, 12), "discharge_reason": "回家"})
    own_profile(ctx, "anyday", [{"label": "基本标准", "yuan": 100}], count_rule="any_day")
    res = S.operating_subsidy(ctx, 2025, [3], "anyday")
    assert res.bed_months == 7 and res.amount_fen == 70000


def _clinic(ctx, opened: D, licensed: D, beds: int = 10):
    institution(ctx, operation_start_date=opened, medical_facility="医务室", medical_license_no="PDY001",
                medical_license_date=licensed)
    for n in range(beds):
        bed(ctx, str(100 + n // 10), str(n % 10 + 1))
    create_staff(ctx, {"name": "赵医生", "role": "执业医师", "first_registration": True, "start_date": licensed,
                       "practice_cert_no": "110430000000001"})


def _confirm(ctx, **kw):
    M.save_answers(ctx, {"rules": {k: True for k in M.RULES}, "his": {k: True for k in M.HIS_ITEMS}, **kw})


def test_insurance_three_months_run_from_the_later_of_operation_and_licence(ctx):
    """“正式运营 3 个月后即可提出定点申请” (鹤城区). Opened 2 months ago with a 4-month-old licence: was shown ready,
    earliest 2026-10-23; now not ready, earliest 2026-12-23 (three months after formal operation)."""
    _clinic(ctx, D(2026, 9, 23), D(2026, 7, 23))
    _confirm(ctx, manager=True)
    r = M.insurance_readiness(ctx)
    cond = next(c for c in r["conditions"] if c["name"] == "正式运营满3个月")
    assert r["earliest_date"] == D(2026, 12, 23) and not cond["passed"] and not r["ready"]
    assert M.insurance_readiness(ctx, D(2026, 12, 23))["ready"]


def test_insurance_principal_responsible_at_every_size_and_department_at_100_beds(ctx):
    """第六条: 主要负责人负责医保工作，配备专（兼）职医保管理人员；100张床位以上的应设医保管理部门. With 100 beds, a
    department and no principal confirmed: was ready; now the principal's condition fails."""
    _clinic(ctx, D(2024, 1, 1), D(2024, 2, 1), beds=100)
    _confirm(ctx, dept=True, dept_name="医保办", manager=False)
    r = M.insurance_readiness(ctx)
    passed = {c["name"]: c["passed"] for c in r["conditions"]}
    assert passed["主要负责人负责医保工作并配备专（兼）职医保管理人员"] is False
    assert passed["设立医保管理部门并配备专职人员"] is True and not r["ready"]
    _confirm(ctx, dept=True, dept_name="医保办", manager=True)
    assert M.insurance_readiness(ctx)["ready"]
    _confirm(ctx, dept=False, manager=True)
    assert not M.insurance_readiness(ctx)["ready"]


def test_a_month_outside_the_profiles_force_is_not_claimed(ctx):
    """鹤城区 2021 (印发 2021-03-24). A 2020 application: was 1,400.00 元 with no warning; now 0, every month says
    why, and the page's warnings say the amount is 0."""
    institution(ctx)
    admitted(ctx, bed(ctx, "101", "1", service_date=D(2019, 1, 1)), D(2019, 6, 1), "甲", birth=D(1940, 1, 1))
    _, stay = admitted(ctx, bed(ctx, "101", "2", service_date=D(2019, 1, 1)), D(2019, 6, 1), "乙", birth=D(1940, 1, 1))
    discharge(ctx, stay, {"discharge_date": D(2020, 3, 1), "discharge_reason": "回家"})
    res = S.operating_subsidy(ctx, 2020, None, "hecheng-2021")
    assert res.amount_fen == 0 and res.bed_months == 0
    assert all("有效期" in res.month_notes[m] and "2021-03-24" in res.month_notes[m] for m in range(1, 13))
    app = A.prepare(ctx, "operating-subsidy", year=2020, profile_id="hecheng-2021")
    assert "有效期" in app.form.tables["月度床次"][0]["说明"]
    assert any("申请金额为0元" in w for w in A.save_warnings(ctx, app))
    # 2021: from April (March is only partly in force)
    res = S.operating_subsidy(ctx, 2021, None, "hecheng-2021")
    assert sorted({line.month for line in res.lines}) == list(range(4, 13)) and 3 in res.month_notes


def test_hecheng_100_only_to_private_homes_and_150_without_hukou(ctx):
    """“对民办养老服务机构收住本地户籍老人的，每床每月给予不低于100元的运营补贴；对医养融合机构开设的护理床位，
    每床每月给予150元的运营补贴。” A 公办 医养结合机构: was 100 元/month for a local resident in an elderly bed, now
    nothing; a non-local resident in its nursing bed: was nothing, now 150 元."""
    institution(ctx, ownership="公办", kind="医养结合机构（养办医）")
    local, _ = admitted(ctx, bed(ctx, "101", "1"), D(2024, 1, 1), "本地", birth=D(1940, 1, 1))
    other, _ = admitted(ctx, bed(ctx, "201", "1", "护理型床位"), D(2024, 1, 1), "外地", birth=D(1940, 1, 1),
                        hukou_local=False)
    res = S.operating_subsidy(ctx, 2025, [1], "hecheng-2021")
    assert [(line.resident_id, line.rate_fen) for line in res.lines] == [(other, 15000)]
    assert [x.resident_id for x in res.excluded] == [local]


def test_lease_end_date_is_the_last_day(ctx):
    """“租赁房产开办且租赁合同5年以上的……减半”. A lease “2024-03-01 至 2029-02-28” is five years: was excluded as
    one day short, now 3,000.00 元; one day less is still short."""
    institution(ctx)
    five = bed(ctx, "101", "1", provision="租赁", service_date=D(2024, 3, 1), lease_end_date=D(2029, 2, 28))
    short = bed(ctx, "101", "2", provision="租赁", service_date=D(2024, 3, 1), lease_end_date=D(2029, 2, 27))
    res = S.construction_subsidy(ctx, "hecheng-2021")
    assert [(x.bed_id, x.amount_fen) for x in res.lines] == [(five, 300000)]
    assert [x.bed_id for x in res.excluded] == [short] and "不足5年" in res.excluded[0].reason


def test_defaults_are_written_once(ctx):
    """A clause that leaves out min_age means 60 for the check and the calculator alike (was: 60 in the check,
    0 in the calculator, so a 59-year-old was paid 100 元); leaving out count_away means true (the census keeps
    the bed of a resident in hospital)."""
    from yiyang_desktop.domain.policy.fields import describe
    from yiyang_desktop.domain.policy.profile import PolicyProfile
    fields = {f["path"]: f for f in describe(PolicyProfile)}
    assert fields["operating.rates[].min_age"]["default"] == 60 and fields["operating.count_away"]["default"] is True
    institution(ctx)
    young, _ = admitted(ctx, bed(ctx, "101", "1"), D(2024, 1, 1), "五十九", birth=D(1965, 6, 1))
    own_profile(ctx, "short", [{"label": "基本标准", "yuan": 100}])
    res = S.operating_subsidy(ctx, 2025, [1], "short")
    assert res.amount_fen == 0 and [x.resident_id for x in res.excluded] == [young]
    assert "未满60周岁" in res.excluded[0].reason
