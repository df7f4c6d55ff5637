"""The 长护险 list's rules on typed snapshots (no database): care days at every boundary, the amounts in fen, the
reasons for leaving a resident out, and sums that add up."""
import datetime as dt
from decimal import Decimal

import pytest

from yiyang_desktop.domain.census import Absence, BedRecord, Occupancy
from yiyang_desktop.domain.ltc import (ALL_MONTH_IN_HOSPITAL, LEVEL_EXPIRED, NO_LEVEL, NOT_COVERED, NOT_INSURED,
                                       OTHER_PLACE, LevelRecord, LtcSnapshot, ltc_list)
from yiyang_desktop.domain.policy import build
from yiyang_desktop.domain.snapshot import Grade, Resident

D = dt.date
BED = BedRecord(1, "1号楼-1层-101-1", D(2020, 1, 1), ((D(2020, 1, 1), "护理型床位", None),))
BED2 = BedRecord(2, "1号楼-1层-101-2", D(2020, 1, 1), ((D(2020, 1, 1), "护理型床位", None),))
YEAR, MONTH = 2026, 3   # 31 days
LEVEL = "重度失能Ⅱ级"


def profile(hospital="deduct", day="50", share="0.7", cap="1550", region="重庆市", levels=None, **kw):
    level = {"grades": ["重度失能", "重度失能Ⅱ级"], "day_yuan": day, "fund_share": share, "month_cap_yuan": cap}
    return build({"id": "ltc-t", "title": "测试", "region": region, "effective_from": "2020-01-01",
                  "ltc": {"hospital_days": hospital, "levels": levels if levels is not None else [level]}, **kw})


def snap(stay=(D(2026, 1, 1), None), leaves=(), levels=((D(2025, 1, 1), D(2027, 12, 31)),), insured=True,
         level=LEVEL, place="重庆市渝中区", grade=None, extra=()):
    occs = [Occupancy(7, "王秀英", 1, stay[0], stay[1])]
    residents = {7: Resident(7, "王秀英", "女", "500103194005061234", D(1940, 5, 6), ltc_insured=insured)}
    lv = {7: tuple(LevelRecord(i, 7, level, place, "CQ-001", a, b) for i, (a, b) in enumerate(levels, 1))}
    for rid, name, occ, lvs, ins in extra:
        occs.append(occ)
        residents[rid] = Resident(rid, name, "男", "", D(1935, 1, 1), ltc_insured=ins)
        lv[rid] = lvs
    grades = {7: Grade(7, D(2026, 1, 5), 3, grade)} if grade else {}
    return LtcSnapshot(YEAR, MONTH, (BED, BED2), tuple(occs), tuple(Absence(7, a, b, k) for a, b, k in leaves),
                       residents, lv, grades)


def only_row(lst):
    assert len(lst.rows) == 1 and not lst.excluded, (lst.rows, lst.excluded)
    return lst.rows[0]


# ------------------------------------------------------------------ care days at the boundaries
@pytest.mark.parametrize("case,kw,census,hospital,care", [
    ("whole month", {}, 31, 0, 31),
    ("admitted on the 10th: that day counts", {"stay": (D(2026, 3, 10), None)}, 22, 0, 22),
    ("discharged on the 10th: that day does not", {"stay": (D(2026, 1, 1), D(2026, 3, 10))}, 9, 0, 9),
    ("admitted and discharged the same day: no day", None, None, None, None),
    ("admitted on the last day", {"stay": (D(2026, 3, 31), None)}, 1, 0, 1),
    ("level valid to the 15th (included)", {"levels": ((D(2025, 1, 1), D(2026, 3, 15)),)}, 15, 0, 15),
    ("level valid from the 16th", {"levels": ((D(2026, 3, 16), D(2027, 3, 15)),)}, 16, 0, 16),
    ("hospital 5th–10th: nights of 5…9", {"leaves": ((D(2026, 3, 5), D(2026, 3, 10), "住院"),)}, 31, 5, 26),
    ("hospital from before the month to the 3rd", {"leaves": ((D(2026, 2, 20), D(2026, 3, 3), "住院"),)}, 31, 2, 29),
    ("hospital across the month end", {"leaves": ((D(2026, 3, 28), D(2026, 4, 6), "住院"),)}, 31, 4, 27),
    ("hospital still open", {"leaves": ((D(2026, 3, 30), None, "住院"),)}, 31, 2, 29),
    ("home leave is not hospital", {"leaves": ((D(2026, 3, 5), D(2026, 3, 10), "请假外出"),)}, 31, 0, 31),
])
def test_care_days(case, kw, census, hospital, care):
    if kw is None:  # admitted and discharged on the same day: in no end-of-day census, so not on the list at all
        lst = ltc_list(snap(stay=(D(2026, 3, 10), D(2026, 3, 10))), profile())
        assert lst.rows == [] and lst.excluded == []
        return
    row = only_row(ltc_list(snap(**kw), profile()))
    assert (row.census_days, row.hospital_days, row.care_days) == (census, hospital, care), case


def test_hospital_days_counted_when_the_profile_says_so():
    row = only_row(ltc_list(snap(leaves=((D(2026, 3, 5), D(2026, 3, 10), "住院"),)), profile(hospital="count")))
    assert (row.hospital_days, row.care_days) == (5, 31)


def test_a_level_change_within_the_month_gives_a_row_per_level():
    levels = (("重度失能Ⅱ级", D(2025, 1, 1), D(2026, 3, 11)), ("重度失能Ⅲ级", D(2026, 3, 12), D(2027, 3, 11)))
    s = snap()
    s = LtcSnapshot(s.year, s.month, s.beds, s.occupancies, s.absences, s.residents,
                    {7: tuple(LevelRecord(i, 7, lv, "重庆市", "", a, b) for i, (lv, a, b) in enumerate(levels, 1))})
    p = profile(levels=[{"grades": ["重度失能Ⅱ级"], "day_yuan": "50", "fund_share": "0.7"},
                        {"grades": ["重度失能Ⅲ级"], "day_yuan": "60", "fund_share": "0.8"}])
    lst = ltc_list(s, p)
    assert [(r.level, r.care_days, r.amount_fen) for r in lst.rows] == [("重度失能Ⅱ级", 11, 55000), ("重度失能Ⅲ级", 20, 120000)]


# ------------------------------------------------------------------ money
@pytest.mark.parametrize("day,share,cap,care_kw,amount,fund,own,capped", [
    ("50", "0.7", "1550", {}, 155000, 108500, 46500, False),        # 31 × 50 = 1550 元; 70 % = 1085 元
    ("60", "0.9", "1550", {}, 186000, 155000, 31000, True),         # 90 % = 1674 元 > cap 1550 元
    ("33.33", "0.7", "", {"stay": (D(2026, 3, 29), None)}, 9999, 6999, 3000, False),  # 3 days; 69.993 → 69.99
    ("0.05", "0.5", "", {"stay": (D(2026, 3, 31), None)}, 5, 3, 2, False),  # 2.5 fen rounds half up to 3
    ("50", "1", "", {}, 155000, 155000, 0, False),
])
def test_amounts_in_fen(day, share, cap, care_kw, amount, fund, own, capped):
    row = only_row(ltc_list(snap(**care_kw), profile(day=day, share=share, cap=cap)))
    assert (row.amount_fen, row.fund_fen, row.self_fen, row.capped) == (amount, fund, own, capped)
    assert row.fund_share == Decimal(share)


def test_the_sums_add_up():
    extra = []
    for rid, start, ins in ((8, D(2026, 3, 3), True), (9, D(2026, 3, 17), True), (10, D(2026, 3, 1), False)):
        extra.append((rid, f"老人{rid}", Occupancy(rid, f"老人{rid}", 2 if rid == 8 else 10 + rid, start, None),
                      (LevelRecord(rid, rid, "重度失能", "重庆市", "", D(2025, 1, 1), D(2027, 1, 1)),), ins))
    beds = (BED, BED2) + tuple(BedRecord(10 + r, f"b{r}", D(2020, 1, 1), ((D(2020, 1, 1), "护理型床位", None),))
                               for r in (9, 10))
    s = snap(extra=extra)
    s = LtcSnapshot(s.year, s.month, beds, s.occupancies, s.absences, s.residents, s.levels)
    lst = ltc_list(s, profile(day="47.77", share="0.65", cap="900"))
    assert len(lst.rows) == 3 and [x.reason for x in lst.excluded] == [NOT_INSURED]
    assert lst.total_fen == sum(r.amount_fen for r in lst.rows)
    assert lst.fund_total_fen + lst.self_total_fen == lst.total_fen
    for r in lst.rows:
        assert r.fund_fen + r.self_fen == r.amount_fen and r.amount_fen == 4777 * r.care_days
        assert r.fund_fen <= 90000
    data = lst.to_json()
    assert data["total_fen"] == sum(r["amount_fen"] for r in data["residents"])
    assert data["fund_total_fen"] == sum(r["fund_fen"] for r in data["residents"])
    assert data["self_total_fen"] == sum(r["self_fen"] for r in data["residents"])


# ------------------------------------------------------------------ who is left out, and why
@pytest.mark.parametrize("kw,reason,detail", [
    ({"levels": ((D(2025, 1, 1), D(2026, 2, 28)),)}, LEVEL_EXPIRED, "2026-02-28"),
    ({"levels": ()}, NO_LEVEL, ""),
    ({"levels": ((D(2026, 4, 1), D(2027, 3, 31)),)}, NO_LEVEL, ""),
    ({"level": "中度失能"}, NOT_COVERED, "中度失能"),
    ({"place": "湖南省怀化市"}, OTHER_PLACE, "湖南省怀化市"),
    ({"leaves": ((D(2026, 2, 25), D(2026, 4, 2), "住院"),)}, ALL_MONTH_IN_HOSPITAL, "31"),
    ({"insured": False}, NOT_INSURED, LEVEL),
    ({"insured": False, "levels": (), "grade": "能力重度受损（重度失能）"}, NOT_INSURED, "重度失能"),
])
def test_reasons(kw, reason, detail):
    lst = ltc_list(snap(**kw), profile())
    assert lst.rows == [] and [x.reason for x in lst.excluded] == [reason]
    assert detail in lst.excluded[0].detail


def test_not_insured_and_not_eligible_is_not_mentioned():
    assert ltc_list(snap(insured=False, levels=(), grade="能力轻度受损（轻度失能）"), profile()).excluded == []


def test_level_expired_mid_month_counts_the_valid_days_only():
    row = only_row(ltc_list(snap(levels=((D(2025, 3, 1), D(2026, 3, 1)),)), profile()))
    assert row.care_days == 1 and row.valid_to == D(2026, 3, 1)


# ------------------------------------------------------------------ profiles without the figures
def test_a_profile_without_the_section_says_so():
    lst = ltc_list(snap(), build({"id": "none", "title": "无长护险", "effective_from": "2020-01-01"}))
    assert not lst.configured and not lst.computed and lst.rows == []
    assert "没有长期护理保险标准" in lst.problems[0]
    assert lst.to_json()["total_fen"] is None


def test_missing_figures_are_named_and_not_taken_as_zero():
    lst = ltc_list(snap(leaves=((D(2026, 3, 5), D(2026, 3, 10), "住院"),)), profile(day="", share="", hospital=""))
    row = only_row(lst)
    assert (row.census_days, row.hospital_days, row.care_days, row.amount_fen) == (31, 5, None, None)
    assert lst.total_fen is None and "每床日标准" in lst.problems[0] and "基金支付比例" in lst.problems[0]
    assert "住院期间" in lst.problems[0]


def test_chongqing_as_shipped_lists_the_days_but_no_amounts():
    from yiyang_desktop.services.policy import _shipped
    lst = ltc_list(snap(), _shipped()["chongqing-2023"])
    row = only_row(lst)
    assert row.census_days == 31 and row.month_cap_fen == 155000 and row.amount_fen is None and not lst.computed


def test_a_month_outside_the_profile_is_not_computed():
    lst = ltc_list(snap(), profile(effective_to="2026-02-28"))
    assert not lst.computed and "有效期" in lst.problems[0] and lst.rows[0].amount_fen is None
