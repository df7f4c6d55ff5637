"""The pure census: end-of-day counts with half-open periods, bed types as they were on the date."""
import datetime as dt
from fractions import Fraction

from yiyang_desktop.domain.census import Absence, BedRecord, Occupancy, census_on

D = dt.date


def bed(i, types, statuses=(), service=D(2026, 1, 1)):
    return BedRecord(i, f"101-{i}", service, tuple(types), tuple(statuses))


BEDS = [
    bed(1, [(D(2026, 1, 1), "养老床位", None), (D(2026, 3, 15), "医疗床位", "康复")]),
    bed(2, [(D(2026, 1, 1), "护理型床位", None)]),
    bed(3, [(D(2026, 1, 1), "养老床位", None)], [(D(2026, 3, 10), "维修"), (D(2026, 3, 20), "可用")]),
    bed(4, [(D(2026, 4, 1), "护理型床位", None)], service=D(2026, 4, 1)),
    bed(5, [(D(2026, 1, 1), "养老床位", None)], [(D(2026, 2, 1), "停用")]),
]


def test_admission_and_discharge_on_the_same_day_is_in_no_end_of_day_census():
    occ = [Occupancy(1, "张三", 2, D(2026, 3, 5), D(2026, 3, 5))]
    c = census_on(D(2026, 3, 5), BEDS, occ)
    assert c.occupied_total == 0 and c.residents == ()


def test_discharge_day_is_not_counted_admission_day_is():
    occ = [Occupancy(1, "张三", 2, D(2026, 3, 5), D(2026, 3, 9))]
    assert census_on(D(2026, 3, 4), BEDS, occ).occupied_total == 0
    assert census_on(D(2026, 3, 5), BEDS, occ).occupied_total == 1
    assert census_on(D(2026, 3, 8), BEDS, occ).occupied_total == 1
    assert census_on(D(2026, 3, 9), BEDS, occ).occupied_total == 0


def test_bed_type_change_mid_month_uses_the_type_of_the_date():
    occ = [Occupancy(1, "张三", 1, D(2026, 3, 1), None)]
    before = census_on(D(2026, 3, 14), BEDS, occ)
    after = census_on(D(2026, 3, 15), BEDS, occ)
    assert before.residents[0].bed_type == "养老床位" and after.residents[0].bed_type == "医疗床位"
    assert before.beds_by_type["医疗床位"] == 0 and after.beds_by_type["医疗床位"] == 1
    assert before.occupied_by_type["养老床位"] == 1 and after.occupied_by_type["医疗床位"] == 1


def test_beds_not_yet_in_service_and_disabled_beds_are_not_counted():
    jan = census_on(D(2026, 1, 15), BEDS, [])
    assert jan.beds_total == 4  # bed 4 not yet in service; bed 5 still usable in January
    apr = census_on(D(2026, 4, 1), BEDS, [])
    assert apr.beds_total == 4  # bed 4 in, bed 5 停用
    assert apr.beds_by_type == {"养老床位": 1, "护理型床位": 2, "医疗床位": 1, "家庭养老床位": 0}


def test_repair_counts_in_total_but_is_not_free():
    c = census_on(D(2026, 3, 12), BEDS, [])
    states = {b.bed_id: b.shown_status for b in c.beds}
    assert states[3] == "维修" and c.count("空闲") == 2 and c.beds_total == 3
    assert {b.bed_id: b.shown_status for b in census_on(D(2026, 3, 20), BEDS, []).beds}[3] == "空闲"


def test_resident_on_leave_keeps_the_bed_and_is_flagged_away():
    occ = [Occupancy(7, "李四", 2, D(2026, 2, 1), None)]
    away = [Absence(7, D(2026, 3, 1), D(2026, 3, 4), "住院")]
    during = census_on(D(2026, 3, 3), BEDS, occ, away)
    assert during.occupied_total == 1 and during.residents[0].away == "住院" and during.away_total == 1
    assert census_on(D(2026, 3, 4), BEDS, occ, away).residents[0].away is None  # back on the 4th


def test_bed_move_puts_resident_in_new_bed_from_that_day():
    occ = [Occupancy(1, "张三", 2, D(2026, 2, 1), D(2026, 3, 10)), Occupancy(1, "张三", 3, D(2026, 3, 10), None)]
    assert [r.bed_id for r in census_on(D(2026, 3, 9), BEDS, occ).residents] == [2]
    c = census_on(D(2026, 3, 21), BEDS, occ)
    assert [r.bed_id for r in c.residents] == [3] and c.occupied_total == 1


def test_ratios_are_exact_fractions():
    occ = [Occupancy(1, "张三", 2, D(2026, 2, 1), None)]
    c = census_on(D(2026, 2, 15), BEDS, occ)  # beds 1,3 养老, 2 护理型; 5 停用; 4 not yet
    assert c.occupancy_rate == Fraction(1, 3)
    assert c.nursing_share == Fraction(1, 3)
    j = c.to_json()
    assert j["occupancy_rate"] == 33.33 and j["nursing_bed_share"] == 33.33
