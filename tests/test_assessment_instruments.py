"""Golden tests: every band boundary, every override and the cap, every LTC matrix cell, the MZ/T 039 rules."""
import itertools

import pytest
from assessment_helpers import answers_for, answers_total

from yiyang_desktop.domain.assessment import list_instruments, load_instrument, score

GBT = load_instrument("gbt42195-2022")
LTC = load_instrument("ltc-2021")
MZT = load_instrument("mzt039-2013")
BARTHEL = load_instrument("barthel")
MBI = load_instrument("mbi")


def test_shipped_instruments_and_default_first():
    assert [i.id for i in list_instruments()][0] == "gbt42195-2022"
    assert {i.id for i in list_instruments()} == {"gbt42195-2022", "ltc-2021", "mzt039-2013", "barthel", "mbi"}
    assert len(GBT.items) == 26 and [i.max for i in GBT.indicators] == [32, 15, 28, 15]
    assert [i.code for i in LTC.items][:10] == [f"C1.{n}" for n in range(1, 11)]
    assert [i.name for i in MZT.items[:10]] == ["进食", "洗澡", "修饰", "穿衣", "大便控制", "小便控制", "如厕", "床椅转移", "平地行走", "上下楼梯"]
    assert [i.name for i in BARTHEL.items] == [i.name for i in MZT.items[:10]] == [i.name for i in MBI.items]
    assert [i.code for i in MBI.items] == [f"B.1.{n}" for n in range(1, 11)]
    assert LTC.pending_verification and not GBT.pending_verification
    assert GBT.item("B.2.4").allowed == (3, 2, 1, 0) and GBT.item("B.3.9").max_points == 2


@pytest.mark.parametrize("total,grade", [(90, 0), (89, 1), (66, 1), (65, 2), (46, 2), (45, 3), (30, 3), (29, 4), (0, 4)])
def test_gbt_bands(total, grade):
    r = score(GBT, answers_total(GBT, total))
    assert (r.total, r.initial_grade, r.final_grade) == (total, grade, grade)
    assert sum(r.subtotals.values()) == total


def test_gbt_grade_names():
    assert score(GBT, answers_total(GBT, 50)).final_grade_name == "能力中度受损（中度失能）"


@pytest.mark.parametrize("total", [90, 66, 46, 30, 0])
def test_gbt_coma_is_complete_loss_whatever_the_score(total):
    r = score(GBT, answers_total(GBT, total), coma=True)
    assert r.final_grade == 4
    assert [a["rule"] for a in r.applied] == ([] if total == 0 else ["coma"])


@pytest.mark.parametrize("kwargs,because", [
    ({"diagnoses": ["F01.1"]}, ["dementia"]),
    ({"diagnoses": ["F03"]}, ["dementia"]),
    ({"diagnoses": ["F20"]}, ["mental_disorder"]),
    ({"diagnoses": ["F99"]}, ["mental_disorder"]),
    ({"care_risk_events_30d": 2}, ["care_risk_events"]),
    ({"diagnoses": ["F00", "I10"], "care_risk_events_30d": 5}, ["dementia", "care_risk_events"]),
])
def test_gbt_raise_one_level_once(kwargs, because):
    r = score(GBT, answers_total(GBT, 70), **kwargs)  # initial 1
    assert (r.initial_grade, r.final_grade) == (1, 2)  # never +2, even when two conditions hold
    assert r.applied[0]["rule"] == "raise_one_level" and r.applied[0]["because"] == because


@pytest.mark.parametrize("kwargs", [{"care_risk_events_30d": 1}, {"diagnoses": ["I10", "E11", "G20"]}, {"diagnoses": ["E03"]}])
def test_gbt_no_raise(kwargs):
    r = score(GBT, answers_total(GBT, 70), **kwargs)
    assert r.final_grade == 1 and r.applied == ()


def test_gbt_cap_at_complete_loss():
    r = score(GBT, answers_total(GBT, 10), diagnoses=["F02"], care_risk_events_30d=3, coma=True)
    assert (r.initial_grade, r.final_grade, r.applied) == (4, 4, ())
    r = score(GBT, answers_total(GBT, 35), diagnoses=["F02"])
    assert (r.initial_grade, r.final_grade) == (3, 4)


@pytest.mark.parametrize("adl,grade", [(100, 0), (95, 1), (65, 1), (60, 2), (45, 2), (40, 3), (0, 3)])
def test_ltc_adl_bands(adl, grade):
    assert score(LTC, answers_for(LTC, C1=adl)).indicator_grades["C1"] == grade


@pytest.mark.parametrize("cog,grade", [(16, 0), (15, 1), (12, 1), (11, 2), (4, 2), (3, 3), (0, 3)])
def test_ltc_cognition_bands(cog, grade):
    assert score(LTC, answers_for(LTC, C2=cog)).indicator_grades["C2"] == grade


@pytest.mark.parametrize("per,grade", [(12, 0), (11, 1), (8, 1), (7, 2), (4, 2), (3, 3), (0, 3)])
def test_ltc_perception_bands(per, grade):
    assert score(LTC, answers_for(LTC, C3=per)).indicator_grades["C3"] == grade


LTC_MATRIX = [[0, 0, 1, 1], [1, 1, 1, 2], [2, 2, 2, 3], [3, 3, 4, 5]]
ADL_AT = {0: 100, 1: 80, 2: 50, 3: 20}
COG_AT = {0: 16, 1: 13, 2: 8, 3: 2}
PER_AT = {0: 12, 1: 9, 2: 5, 3: 1}


@pytest.mark.parametrize("adl,worse", list(itertools.product(range(4), range(4))))
def test_ltc_every_matrix_cell_with_the_worse_of_cognition_and_perception(adl, worse):
    expected = LTC_MATRIX[adl][worse]
    names = ["基本正常", "轻度失能", "中度失能", "重度失能Ⅰ级", "重度失能Ⅱ级", "重度失能Ⅲ级"]
    for cog, per in {(worse, 0), (0, worse), (worse, worse)}:
        r = score(LTC, answers_for(LTC, C1=ADL_AT[adl], C2=COG_AT[cog], C3=PER_AT[per]))
        assert r.indicator_grades == {"C1": adl, "C2": cog, "C3": per}
        assert (r.final_grade, r.final_grade_name) == (expected, names[expected])
        assert r.pending_verification and r.total is None


@pytest.mark.parametrize("inst", [BARTHEL, MBI], ids=["barthel", "mbi"])
@pytest.mark.parametrize("total,grade", [(100, 0), (99, 1), (95, 1), (61, 1), (60, 2), (41, 2), (40, 3), (21, 3), (20, 4), (0, 4)])
def test_dependency_bands(inst, total, grade):
    try:
        answers = answers_total(inst, total)
    except ValueError:
        assert inst is BARTHEL and total % 5  # Barthel moves in steps of 5
        return
    r = score(inst, answers)
    assert (r.total, r.final_grade) == (total, grade)


def test_mbi_points():
    assert MBI.item("B.1.1").allowed == (10, 8, 5, 2, 0) and MBI.item("B.1.8").allowed == (15, 12, 8, 3, 0)
    assert sum(i.max_points for i in MBI.items) == 100


@pytest.mark.parametrize("adl,grade", [(100, 0), (95, 1), (65, 1), (60, 2), (45, 2), (40, 3), (0, 3)])
def test_mzt_adl_bands(adl, grade):
    assert score(MZT, answers_for(MZT, B_1=adl, B_2=0, B_3=0, B_4=0)).indicator_grades["B.1"] == grade


@pytest.mark.parametrize("mental,grade", [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (6, 3)])
def test_mzt_mental_bands(mental, grade):
    assert score(MZT, answers_for(MZT, B_2=mental, B_3=0, B_4=0)).indicator_grades["B.2"] == grade


@pytest.mark.parametrize("social,grade", [(0, 0), (2, 0), (3, 1), (7, 1), (8, 2), (13, 2), (14, 3), (20, 3)])
def test_mzt_social_bands(social, grade):
    assert score(MZT, answers_for(MZT, B_2=0, B_3=0, B_4=social)).indicator_grades["B.4"] == grade


def mzt_perception(consciousness, vision, hearing, communication):
    answers = answers_for(MZT, B_2=0, B_4=0)
    answers.update({"B.3.1": consciousness, "B.3.2": vision, "B.3.3": hearing, "B.3.4": communication})
    return score(MZT, answers).indicator_grades["B.3"]


@pytest.mark.parametrize("c,v,h,m,grade", [
    (0, 0, 1, 0, 0), (0, 1, 1, 0, 0),  # clear, vision/hearing 0–1, communication 0
    (0, 2, 0, 0, 1), (0, 0, 2, 0, 1), (0, 0, 0, 1, 1),
    (0, 3, 0, 0, 2), (0, 0, 3, 0, 2), (0, 0, 0, 2, 2), (1, 3, 3, 2, 2), (1, 0, 0, 0, 2),
    (0, 4, 0, 0, 3), (1, 0, 4, 0, 3), (1, 0, 0, 3, 3), (2, 0, 0, 0, 3), (3, 0, 0, 0, 3),
    (0, 2, 3, 0, 2),  # covered by 1 and 2: the more severe
])
def test_mzt_perception_rules(c, v, h, m, grade):
    assert mzt_perception(c, v, h, m) == grade


def mzt_level(adl, mental, perception, social):
    answers = answers_for(MZT, B_1={0: 100, 1: 80, 2: 50, 3: 20}[adl], B_2={0: 0, 1: 1, 2: 2, 3: 5}[mental],
                          B_4={0: 0, 1: 5, 2: 10, 3: 18}[social])
    answers.update(dict(zip(["B.3.1", "B.3.2", "B.3.3", "B.3.4"], {0: (0, 0, 0, 0), 1: (0, 2, 0, 0), 2: (0, 3, 0, 0),
                                                                    3: (0, 4, 0, 0)}[perception])))
    r = score(MZT, answers)
    assert r.indicator_grades == {"B.1": adl, "B.2": mental, "B.3": perception, "B.4": social}
    return r


def standard_levels(a, m, p, s):
    """Every level the standard's own table assigns to a combination (may be none or several)."""
    others = (m, p, s)
    out = set()
    if a == 0 and m == 0 and p == 0 and s in (0, 1):
        out.add(0)
    if (a == 0 and (m >= 1 or p >= 1 or s == 2)) or (a == 1 and any(x in (0, 1) for x in others)):
        out.add(1)
    if (a == 1 and (all(x == 2 for x in others) or 3 in others)) or (a == 2 and 1 <= sum(x in (1, 2) for x in others) <= 2):
        out.add(2)
    if a == 3 or (a, m, p, s) == (2, 2, 2, 2) or (a == 2 and 3 in others):
        out.add(3)
    return out


def test_mzt_combination_over_all_256_combinations():
    uncovered, doubled = [], []
    for a, m, p, s in itertools.product(range(4), repeat=4):
        r = mzt_level(a, m, p, s)
        named = standard_levels(a, m, p, s)
        if named:
            assert r.initial_grade == max(named), (a, m, p, s)  # overlap: the more severe level
            if len(named) > 1:
                doubled.append((a, m, p, s))
        else:
            uncovered.append((a, m, p, s))
            assert r.notes, (a, m, p, s)  # the reading used is reported
            assert r.initial_grade == (1 if a == 0 else a)
    assert uncovered and doubled  # the table really has both kinds of gaps
    assert len(MZT.resolution_notes) >= 4


def test_mzt_change_clauses():
    base = mzt_level(1, 0, 0, 0)
    assert base.final_grade == 1
    answers = answers_for(MZT, B_1=80, B_2=0, B_3=0, B_4=0)
    assert score(MZT, answers, diagnoses=["F03"]).final_grade == 2
    assert score(MZT, answers, diagnoses=["F31"], care_risk_events_30d=2).final_grade == 2  # once
    assert score(MZT, answers, coma=True).final_grade == 3
    heavy = answers_for(MZT, B_1=20, B_2=0, B_3=0, B_4=0)
    r = score(MZT, heavy, diagnoses=["F01"], care_risk_events_30d=4, coma=True)
    assert (r.initial_grade, r.final_grade, r.applied) == (3, 3, ())
