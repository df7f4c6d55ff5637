"""Table-driven rules from the policy texts, one case per rule and boundary, on the pure calculators (no database,
no clock): month ends, same-day admission and discharge, conversions mid-month, leases, ages reached on the last
day, profile force dates, 医保定点 conditions. Each case quotes the sentence it rests on."""
import datetime as dt

import pytest

from yiyang_desktop.domain.census import Absence, BedRecord, Occupancy
from yiyang_desktop.domain.construction import construction_subsidy
from yiyang_desktop.domain.dates import month_bounds
from yiyang_desktop.domain.insurance import Answers, Physician, readiness, RULES, HIS_ITEMS
from yiyang_desktop.domain.operating import operating_subsidy
from yiyang_desktop.domain.policy import build
from yiyang_desktop.domain.policy.loader import load_text
from yiyang_desktop.domain.snapshot import BedFacts, Grade, Grant, InstitutionFacts, PeriodSnapshot, Resident, Stay
from yiyang_desktop.assets import resource_path

D = dt.date
YANG, HULI, YILIAO = "养老床位", "护理型床位", "医疗床位"
YBY = "医养结合机构（养办医）"
HECHENG = load_text(resource_path("policies/hecheng-2021.toml").read_text(encoding="utf-8"))
CHONGQING = load_text(resource_path("policies/chongqing-2023.toml").read_text(encoding="utf-8"))
Q100 = "对民办养老服务机构收住本地户籍老人的，每床每月给予不低于100元的运营补贴"
Q150 = "对医养融合机构开设的护理床位，每床每月给予150元的运营补贴"
Q6000 = "对新建的民办养老服务机构、医养融合机构开办的养老机构，给予不低于6000元/床位的一次性建设补贴"
Q8000 = "对医养融合机构新建的护理院、慢病服务区和临终关怀服务区，给予不低于8000元/床位的一次性建设补贴"
QHALF = "对通过改扩建开办、或租赁房产开办且租赁合同5年以上的上述健康养老服务机构，分别按上述标准减半给予一次性建设补贴"
QCQ = "对利用自有产权建设养老机构新增床位50张以上的，市级财政对其新增床位给予每张1万元的建设补贴"
QINS = "正式运营3个月后即可提出定点申请"
Q2 = "主要负责人负责医保工作，配备专（兼）职医保管理人员；100张床位以上的医疗机构应设内部医保管理部门，安排专职工作人员"


def bed_record(bed_id, kind=YANG, sub=None, since=D(2020, 1, 1), changes=(), status=()):
    return BedRecord(bed_id, f"床{bed_id}", since, ((since, kind, sub), *changes), tuple(status))


def snapshot(first, last, *, beds, stays, people, ownership="民办", kind=YBY, grades=None, absences=()):
    """``stays``: (resident_id, bed_id, admission, discharge or None)."""
    occs = tuple(Occupancy(r, f"老人{r}", b, a, d, i) for i, (r, b, a, d) in enumerate(stays, 1))
    stay_rows = tuple(Stay(i, r, a, d) for i, (r, b, a, d) in enumerate(stays, 1))
    return PeriodSnapshot(InstitutionFacts("测试", ownership, kind, operation_start=D(2019, 1, 1)), first, last,
                          tuple(beds), occs, tuple(absences), stay_rows, people, grades or {})


def person(rid, birth=D(1940, 1, 1), local=True, cats=()):
    return Resident(rid, f"老人{rid}", "女", "", birth, local, None, tuple(cats))


def month(profile, snap, y, m, as_of=D(2026, 11, 23)):
    return operating_subsidy(profile, snap, y, [m], as_of, 6)


OPERATING = [
    # (case, source sentence, institution (ownership, kind), bed, resident, stay dates, year-month, expected fen)
    ("本地老人月末在住：100元", Q100, ("民办", "养老机构"), (YANG, None), dict(), (D(2025, 1, 1), None), (2025, 3), [10000]),
    ("月末最后一天出院：当晚不在住，不计", Q100, ("民办", "养老机构"), (YANG, None), dict(),
     (D(2025, 1, 1), D(2025, 3, 31)), (2025, 3), []),
    ("月末最后一天入住：当晚在住，计", Q100, ("民办", "养老机构"), (YANG, None), dict(),
     (D(2025, 3, 31), None), (2025, 3), [10000]),
    ("外地户籍老人住养老床位：不计", Q100, ("民办", "养老机构"), (YANG, None), dict(local=False),
     (D(2025, 1, 1), None), (2025, 3), []),
    ("最后一天满60周岁：计", Q100, ("民办", "养老机构"), (YANG, None), dict(birth=D(1965, 3, 31)),
     (D(2025, 1, 1), None), (2025, 3), [10000]),
    ("下个月第一天才满60周岁：不计", Q100, ("民办", "养老机构"), (YANG, None), dict(birth=D(1965, 4, 1)),
     (D(2025, 1, 1), None), (2025, 3), []),
    ("公办机构的养老床位：100元只给民办", Q100, ("公办", YBY), (YANG, None), dict(), (D(2025, 1, 1), None), (2025, 3), []),
    ("外地户籍老人住医养融合机构的护理型床位：150元", Q150, ("民办", YBY), (HULI, None), dict(local=False),
     (D(2025, 1, 1), None), (2025, 3), [15000]),
    ("公办医养融合机构的医疗床位（护理）：150元", Q150, ("公办", YBY), (YILIAO, "护理"), dict(local=False, birth=D(1970, 1, 1)),
     (D(2025, 1, 1), None), (2025, 3), [15000]),
    ("医疗床位（康复）不是护理床位：外地老人不计", Q150, ("民办", YBY), (YILIAO, "康复"), dict(local=False),
     (D(2025, 1, 1), None), (2025, 3), []),
    ("本地老人住护理型床位：取150元，不与100元叠加", Q150, ("民办", YBY), (HULI, None), dict(),
     (D(2025, 1, 1), None), (2025, 3), [15000]),
    ("养老机构（非医养融合）的护理型床位：只有100元", Q100, ("民办", "养老机构"), (HULI, None), dict(),
     (D(2025, 1, 1), None), (2025, 3), [10000]),
    ("2021年3月：3月24日才印发，当月不全在有效期内，不计", Q100, ("民办", "养老机构"), (YANG, None), dict(),
     (D(2020, 1, 1), None), (2021, 3), []),
    ("2021年4月：整月在有效期内，计", Q100, ("民办", "养老机构"), (YANG, None), dict(), (D(2020, 1, 1), None), (2021, 4),
     [10000]),
]


@pytest.mark.parametrize("case, quote, inst, bed, who, dates, ym, expected", OPERATING, ids=[c[0] for c in OPERATING])
def test_hecheng_operating(case, quote, inst, bed, who, dates, ym, expected):
    assert quote.replace(" ", "") in "".join(r.source for r in HECHENG.operating.rates)
    snap = snapshot(*month_bounds(*ym), beds=[bed_record(1, *bed)],
                    stays=[(1, 1, *dates)], people={1: person(1, **who)}, ownership=inst[0], kind=inst[1])
    res = month(HECHENG, snap, *ym)
    assert [line.rate_fen for line in res.lines] == expected, (res.excluded, res.month_notes)
    if not expected and (dates[1] is None or dates[1] > snap.last):  # in residence at month end: it says why
        assert res.excluded or res.month_notes.get(ym[1])


def test_an_empty_nursing_bed_counts_nothing():
    """Q150 — decision (docs/applications.md): the 150 元 clause counts occupied nursing beds (bed-months), not
    opened ones; an opened but unoccupied 护理床位 earns nothing."""
    snap = snapshot(D(2025, 3, 1), D(2025, 3, 31), beds=[bed_record(1, HULI), bed_record(2, HULI)],
                    stays=[(1, 1, D(2025, 1, 1), None)], people={1: person(1)})
    assert month(HECHENG, snap, 2025, 3).amount_fen == 15000


def test_a_bed_converted_mid_month_counts_with_its_month_end_type():
    """Q150 with 养老床位 → 护理型床位 on 15 March (002: “按需规范转换”): a non-local resident is not paid for
    February (养老床位) and is paid 150 元 for March (护理型床位 on the 31st)."""
    converted = bed_record(1, YANG, changes=((D(2025, 3, 15), HULI, None),))
    snap = snapshot(D(2025, 2, 1), D(2025, 3, 31), beds=[converted], stays=[(1, 1, D(2025, 1, 1), None)],
                    people={1: person(1, local=False)})
    res = operating_subsidy(HECHENG, snap, 2025, [2, 3], D(2026, 1, 1), 6)
    assert [(x.month, x.rate_fen) for x in res.lines] == [(3, 15000)]
    assert [(x.month, x.reason) for x in res.excluded] == [(2, "非本地户籍")]


def _profile(count_rule="month_end", **rate):
    return build({"id": "t-rules", "title": "t", "effective_from": "2000-01-01",
                  "operating": {"count_rule": count_rule, "min_days": 10,
                                "rates": [{"label": "基本标准", "yuan": 100, **rate}]}})


CENSUS = [
    # (case, count rule, stay (admission, discharge), expected bed-months in March 2025)
    ("month_end：在住到月末", "month_end", (D(2025, 3, 5), None), 1),
    ("month_end：月中出院", "month_end", (D(2025, 1, 5), D(2025, 3, 20)), 0),
    ("any_day：当天入住当天出院——没有一天日末在住", "any_day", (D(2025, 3, 12), D(2025, 3, 12)), 0),
    ("any_day：入住次日出院——一天日末在住", "any_day", (D(2025, 3, 12), D(2025, 3, 13)), 1),
    ("any_day：2月最后一天出院——3月没有一天在住", "any_day", (D(2025, 1, 5), D(2025, 3, 1)), 0),
    ("min_days：3月22日入住，日末在住10天（22–31日）", "min_days", (D(2025, 3, 22), None), 1),
    ("min_days：3月23日入住，只有9天", "min_days", (D(2025, 3, 23), None), 0),
]


@pytest.mark.parametrize("case, rule, stay, expected", CENSUS, ids=[c[0] for c in CENSUS])
def test_end_of_day_census(case, rule, stay, expected):
    """The census is end-of-day (24:00), as 日末在院人数: a day counts when the resident holds the bed at its end."""
    snap = snapshot(D(2025, 1, 1), D(2025, 3, 31), beds=[bed_record(1)], stays=[(1, 1, *stay)], people={1: person(1)})
    assert month(_profile(rule), snap, 2025, 3).bed_months == expected


def test_away_at_month_end_counts_by_default_and_not_when_the_profile_says_so():
    snap = snapshot(D(2025, 3, 1), D(2025, 3, 31), beds=[bed_record(1)], stays=[(1, 1, D(2025, 1, 1), None)],
                    people={1: person(1)}, absences=[Absence(1, D(2025, 3, 25), D(2025, 4, 3), "住院")])
    assert month(_profile(), snap, 2025, 3).bed_months == 1  # count_away defaults to true: the bed is kept
    strict = build({"id": "t-away", "title": "t", "effective_from": "2000-01-01",
                    "operating": {"count_away": False, "rates": [{"label": "基本标准", "yuan": 100}]}})
    res = month(strict, snap, 2025, 3)
    assert res.bed_months == 0 and res.excluded[0].reason == "月末住院，不计"


@pytest.mark.parametrize("written, grade, applies", [
    (["重度失能"], "能力重度受损（重度失能）", True),     # GB/T 42195 full name, short name written
    (["能力重度受损（重度失能）"], "能力重度受损（重度失能）", True),
    (["重度失能"], "重度失能", True),                     # MZ/T 039-2013 names it so
    (["重度失能"], "能力完全丧失（完全失能）", False),
    (["完全失能"], "能力完全丧失（完全失能）", True),
])
def test_grade_clauses_understand_both_spellings(written, grade, applies):
    profile = _profile(grades=written)
    snap = snapshot(D(2025, 3, 1), D(2025, 3, 31), beds=[bed_record(1)], stays=[(1, 1, D(2025, 1, 1), None)],
                    people={1: person(1)}, grades={1: (Grade(1, D(2025, 3, 1), 3, grade),)})
    assert month(profile, snap, 2025, 3).bed_months == (1 if applies else 0)


def test_continuous_stay_and_months_not_ended():
    profile = _profile(min_stay_months=6)
    snap = snapshot(D(2025, 6, 1), D(2025, 7, 31), beds=[bed_record(1)], stays=[(1, 1, D(2025, 1, 31), None)],
                    people={1: person(1)})
    res = operating_subsidy(profile, snap, 2025, [6, 7], D(2025, 7, 31), 6)
    assert [x.month for x in res.lines] == [7]   # six months from 31 Jan reach 31 Jul
    res = operating_subsidy(profile, snap, 2025, [6, 7], D(2025, 7, 30), 6)
    assert 7 in res.month_notes and "尚未结束" in res.month_notes[7]


def test_a_profile_that_ended_stops_counting_after_its_last_day():
    """effective_to is the last day in force (inclusive)."""
    profile = build({"id": "t-end", "title": "t", "effective_from": "2020-01-01", "effective_to": "2025-03-31",
                     "operating": {"rates": [{"label": "基本标准", "yuan": 100}]}})
    snap = snapshot(D(2025, 3, 1), D(2025, 4, 30), beds=[bed_record(1)], stays=[(1, 1, D(2025, 1, 1), None)],
                    people={1: person(1)})
    res = operating_subsidy(profile, snap, 2025, [3, 4], D(2026, 1, 1), 6)
    assert [x.month for x in res.lines] == [3] and "有效期" in res.month_notes[4]


# ------------------------------------------------------------------ construction

def con_bed(bed_id, kind=YANG, sub=None, provision="新建", since=D(2024, 3, 1), lease_end=None, grant=None):
    return BedFacts(bed_record(bed_id, kind, sub, since), provision, lease_end, grant)


CONSTRUCTION = [
    # (case, source, (ownership, kind), bed, as_of, expected fen)
    ("民办养老机构新建养老床位6000元", Q6000, ("民办", "养老机构"), con_bed(1), D(2025, 1, 1), 600000),
    ("医养融合机构（公办）新建护理型床位6000元", Q6000, ("公办", YBY), con_bed(1, HULI), D(2025, 1, 1), 600000),
    ("公办养老机构：不在范围", Q6000, ("公办", "养老机构"), con_bed(1), D(2025, 1, 1), 0),
    ("公建民营养老机构：不是民办", Q6000, ("公建民营", "养老机构"), con_bed(1), D(2025, 1, 1), 0),
    ("医养融合机构新建的医疗床位（护理）8000元", Q8000, ("民办", YBY), con_bed(1, YILIAO, "护理"), D(2025, 1, 1), 800000),
    ("医疗床位（安宁疗护）8000元", Q8000, ("民办", YBY), con_bed(1, YILIAO, "安宁疗护"), D(2025, 1, 1), 800000),
    ("医疗床位（康复）不在范围", Q8000, ("民办", YBY), con_bed(1, YILIAO, "康复"), D(2025, 1, 1), 0),
    ("改扩建减半", QHALF, ("民办", "养老机构"), con_bed(1, provision="改扩建"), D(2025, 1, 1), 300000),
    ("租赁 2024-03-01 至 2029-02-28：满5年，减半", QHALF, ("民办", "养老机构"),
     con_bed(1, provision="租赁", lease_end=D(2029, 2, 28)), D(2025, 1, 1), 300000),
    ("租赁到 2029-02-27：差一天", QHALF, ("民办", "养老机构"),
     con_bed(1, provision="租赁", lease_end=D(2029, 2, 27)), D(2025, 1, 1), 0),
    ("计算日期在施行日期以前", Q6000, ("民办", "养老机构"), con_bed(1, since=D(2020, 1, 1)), D(2021, 3, 23), 0),
    ("施行当日", Q6000, ("民办", "养老机构"), con_bed(1, since=D(2020, 1, 1)), D(2021, 3, 24), 600000),
    ("计算日期以前已获批", Q6000, ("民办", "养老机构"), con_bed(1, grant=Grant(7, D(2024, 12, 1))), D(2025, 1, 1), 0),
    ("计算日期以后才获批：当时仍可申请", Q6000, ("民办", "养老机构"), con_bed(1, grant=Grant(7, D(2025, 2, 1))),
     D(2025, 1, 1), 600000),
]


@pytest.mark.parametrize("case, quote, inst, bed, as_of, expected", CONSTRUCTION, ids=[c[0] for c in CONSTRUCTION])
def test_hecheng_construction(case, quote, inst, bed, as_of, expected):
    assert quote in HECHENG.construction.source + "".join(r.source for r in HECHENG.construction.rates)
    res = construction_subsidy(HECHENG, InstitutionFacts("测试", *inst), [bed], as_of)
    assert res.amount_fen == expected
    if not expected:
        assert res.excluded and res.excluded[0].reason


@pytest.mark.parametrize("n, expected", [(50, 50 * 1000000), (49, 0)])
def test_chongqing_threshold_of_50_new_beds(n, expected):
    """QCQ: “新增床位50张以上” includes 50."""
    assert QCQ in CHONGQING.construction.source.replace(" ", "")
    beds = [con_bed(i) for i in range(1, n + 1)]
    res = construction_subsidy(CHONGQING, InstitutionFacts("测试", "民办", "养老机构"), beds, D(2024, 6, 1))
    assert res.amount_fen == expected


# ------------------------------------------------------------------ 医保定点

def _ready(opened, licensed, on, beds=10, **answers):
    inst = InstitutionFacts("测试", "民办", YBY, operation_start=opened, medical_facility="医务室",
                            medical_license_no="PDY001", medical_license_date=licensed)
    confirmed = Answers({k: True for k in RULES}, {k: True for k in HIS_ITEMS}, **answers)
    return readiness(inst, confirmed, [Physician("赵医生", True)], beds, on)


INSURANCE = [
    # (case, source, opened, licensed, on, beds, answers, ready, earliest)
    ("许可证晚于开业：从许可证日起算3个月", QINS, D(2024, 1, 1), D(2024, 2, 1), D(2024, 5, 1), 10,
     dict(manager=True), True, D(2024, 5, 1)),
    ("前一天还不满3个月", QINS, D(2024, 1, 1), D(2024, 2, 1), D(2024, 4, 30), 10, dict(manager=True), False,
     D(2024, 5, 1)),
    ("开业晚于许可证：从开业日起算", QINS, D(2026, 9, 23), D(2026, 7, 23), D(2026, 11, 23), 10, dict(manager=True),
     False, D(2026, 12, 23)),
    ("许可证日期没填：不能判断", QINS, D(2024, 1, 1), None, D(2026, 1, 1), 10, dict(manager=True), False, None),
    ("99张床位：负责人负责即可", Q2, D(2024, 1, 1), D(2024, 1, 1), D(2026, 1, 1), 99, dict(manager=True), True,
     D(2024, 4, 1)),
    ("100张床位：还要医保管理部门", Q2, D(2024, 1, 1), D(2024, 1, 1), D(2026, 1, 1), 100, dict(manager=True), False,
     D(2024, 4, 1)),
    ("100张床位：部门和负责人都有", Q2, D(2024, 1, 1), D(2024, 1, 1), D(2026, 1, 1), 100,
     dict(manager=True, dept=True, dept_name="医保办"), True, D(2024, 4, 1)),
    ("100张床位：有部门但负责人未确认", Q2, D(2024, 1, 1), D(2024, 1, 1), D(2026, 1, 1), 100,
     dict(manager=False, dept=True, dept_name="医保办"), False, D(2024, 4, 1)),
]


@pytest.mark.parametrize("case, quote, opened, licensed, on, beds, answers, ready, earliest", INSURANCE,
                         ids=[c[0] for c in INSURANCE])
def test_insurance_readiness(case, quote, opened, licensed, on, beds, answers, ready, earliest):
    r = _ready(opened, licensed, on, beds, **answers)
    assert (r.ready, r.earliest_date) == (ready, earliest), r.conditions
