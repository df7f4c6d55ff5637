"""Golden tests of the shipped instruments against the reference (standards-and-forms.md §1–§4): items and points,
every band boundary, every override and the cap, every LTC matrix cell, and all 256 MZ/T 039 combinations.
Expected values are written out from the reference here, never taken from the data files."""
import itertools

import pytest

from yiyang_desktop.domain.assessment import list_instruments, load_instrument, score

GBT = load_instrument("gbt42195-2022")
LTC = load_instrument("ltc-2021")
MZT = load_instrument("mzt039-2013")
BARTHEL = load_instrument("barthel")
MBI = load_instrument("mbi")


def items_for_sum(inst, codes, target: int) -> dict[str, int]:
    """Allowed points for ``codes`` adding up to exactly ``target`` (ValueError if impossible)."""
    reach = {0: {}}
    for c in codes:
        reach = {s + p: {**chosen, c: p} for s, chosen in reach.items() for p in inst.item(c).allowed}
    if target not in reach:
        raise ValueError(f"{target} cannot be reached with {codes}")
    return reach[target]


def answers_for(inst, **subtotals) -> dict[str, int]:
    """Answers with the given indicator subtotals (indicator code with '.' written '_'); other indicators at max."""
    out = {}
    for ind in inst.indicators:
        key = ind.code.replace(".", "_")
        out.update(items_for_sum(inst, ind.items, subtotals[key]) if key in subtotals
                   else {c: inst.item(c).max_points for c in ind.items})
    return out


def answers_total(inst, total: int) -> dict[str, int]:
    answers = items_for_sum(inst, inst.item_codes, total)
    assert sum(answers.values()) == total
    return answers


def r04(n=4):
    return tuple(range(n, -1, -1))


# --- items and points ----------------------------------------------------------------------------------------
GBT_ITEMS = {
    "B.1.1": ("进食", r04()), "B.1.2": ("修饰", r04()), "B.1.3": ("洗澡", r04()), "B.1.4": ("穿/脱上衣", r04()),
    "B.1.5": ("穿/脱裤子和鞋袜", r04()), "B.1.6": ("小便控制", r04()), "B.1.7": ("大便控制", r04()),
    "B.1.8": ("如厕", r04()), "B.2.1": ("床上体位转移", r04()), "B.2.2": ("床椅转移", r04()),
    "B.2.3": ("平地行走", r04()), "B.2.4": ("上下楼梯", r04(3)), "B.3.1": ("时间定向", r04()),
    "B.3.2": ("空间定向", r04()), "B.3.3": ("人物定向", r04()), "B.3.4": ("记忆", r04()), "B.3.5": ("理解能力", r04()),
    "B.3.6": ("表达能力", r04()), "B.3.7": ("攻击行为", r04(1)), "B.3.8": ("抑郁症状", r04(1)),
    "B.3.9": ("意识水平", r04(2)), "B.4.1": ("视力", r04(2)), "B.4.2": ("听力", r04(2)),
    "B.4.3": ("执行日常事务", r04()), "B.4.4": ("使用交通工具外出", r04(3)), "B.4.5": ("社会交往能力", r04()),
}
BARTHEL_ITEMS = {"进食": (10, 5, 0), "洗澡": (5, 0), "修饰": (5, 0), "穿衣": (10, 5, 0), "大便控制": (10, 5, 0),
                 "小便控制": (10, 5, 0), "如厕": (10, 5, 0), "床椅转移": (15, 10, 5, 0), "平地行走": (15, 10, 5, 0),
                 "上下楼梯": (10, 5, 0)}
MBI_POINTS = [(10, 8, 5, 2, 0), (5, 4, 3, 1, 0), (5, 4, 3, 1, 0), (10, 8, 5, 2, 0), (10, 8, 5, 2, 0),
              (10, 8, 5, 2, 0), (10, 8, 5, 2, 0), (15, 12, 8, 3, 0), (15, 12, 8, 3, 0), (10, 8, 5, 2, 0)]
LTC_ITEMS = [("进食", (10, 5, 0)), ("穿衣", (10, 5, 0)), ("面部与口腔清洁", (5, 0)), ("大便控制", (10, 5, 0)),
             ("小便控制", (10, 5, 0)), ("用厕", (10, 5, 0)), ("平地行走", (15, 10, 5, 0)), ("床椅转移", (15, 10, 5, 0)),
             ("上下楼", (10, 5, 0)), ("洗澡", (5, 0)), ("时间定向", r04()), ("人物定向", r04()), ("空间定向", r04()),
             ("记忆力", r04()), ("视力", r04()), ("听力", r04()), ("沟通能力", r04())]
MZT_REST = [("认知功能", (0, 1, 2)), ("攻击行为", (0, 1, 2)), ("抑郁症状", (0, 1, 2)), ("意识水平", (0, 1, 2, 3)),
            ("视力", (0, 1, 2, 3, 4)), ("听力", (0, 1, 2, 3, 4)), ("沟通交流", (0, 1, 2, 3))] + \
           [(n, (0, 1, 2, 3, 4)) for n in ("生活能力", "工作能力", "时间/空间定向", "人物定向", "社会交往能力")]


def test_shipped_instruments_default_first():
    ids = [i.id for i in list_instruments()]
    assert ids[0] == "gbt42195-2022" and sorted(ids) == ["barthel", "gbt42195-2022", "ltc-2021", "mbi", "mzt039-2013",
                                                   "selfcare-2017"]
    for inst in list_instruments():
        assert inst.version and inst.source and inst.standard and inst.confidence in "ABCD"
        assert all(i.definition and all(o.label for o in i.options) for i in inst.items)


def test_gbt_items_points_and_indicators():
    assert {i.code: (i.name, i.allowed) for i in GBT.items} == GBT_ITEMS
    assert [(i.code, i.name, i.max) for i in GBT.indicators] == [
        ("B.1", "自理能力", 32), ("B.2", "基础运动能力", 15), ("B.3", "精神状态", 28), ("B.4", "感知觉与社会参与", 15)]
    assert GBT.max_total == 90 and GBT.has_total and not GBT.pending_verification and GBT.confidence == "B"
    assert [GBT.grade_name(g) for g in range(5)] == [
        "能力完好", "能力轻度受损（轻度失能）", "能力中度受损（中度失能）", "能力重度受损（重度失能）", "能力完全丧失（完全失能）"]


def test_ltc_items_in_reference_order():
    assert [(i.code, i.name, i.allowed) for i in LTC.items] == [
        (f"C{g}.{n}", name, pts) for (g, n), (name, pts) in zip(
            [(1, n) for n in range(1, 11)] + [(2, n) for n in range(1, 5)] + [(3, n) for n in range(1, 4)], LTC_ITEMS)]
    assert [(i.code, i.max) for i in LTC.indicators] == [("C1", 100), ("C2", 16), ("C3", 12)]
    assert [LTC.grade_name(g) for g in range(6)] == ["基本正常", "轻度失能", "中度失能", "重度失能Ⅰ级", "重度失能Ⅱ级",
                                                     "重度失能Ⅲ级"]
    assert LTC.pending_verification and not LTC.has_total and LTC.overrides == ()
    assert all(i.pending_verification for i in LTC.indicators) and LTC.initial["pending_verification"]


def test_mzt_barthel_and_mbi_items():
    assert [(i.code, i.name, i.allowed) for i in MZT.items[:10]] == [
        (f"B.1.{n}", name, pts) for n, (name, pts) in enumerate(BARTHEL_ITEMS.items(), 1)]
    assert [(i.name, tuple(sorted(i.allowed))) for i in MZT.items[10:]] == MZT_REST
    assert [i.code for i in MZT.items[10:]] == [f"B.{g}.{n}" for g, k in ((2, 3), (3, 4), (4, 5)) for n in range(1, k + 1)]
    assert [(i.code, i.name, i.allowed) for i in BARTHEL.items] == [(i.code, i.name, i.allowed) for i in MZT.items[:10]]
    assert [i.name for i in MBI.items] == list(BARTHEL_ITEMS) and [i.allowed for i in MBI.items] == MBI_POINTS
    assert [i.code for i in MBI.items] == [f"B.1.{n}" for n in range(1, 11)]
    assert BARTHEL.max_total == MBI.max_total == 100 and BARTHEL.overrides == MBI.overrides == ()
    assert BARTHEL.confidence == MBI.confidence == "C"
    assert [MZT.grade_name(g) for g in range(4)] == ["能力完好", "轻度失能", "中度失能", "重度失能"]


# --- GB/T 42195: bands and overrides ----------------------------------------------------------------------
@pytest.mark.parametrize("total,grade", [(90, 0), (89, 1), (66, 1), (65, 2), (46, 2), (45, 3), (30, 3), (29, 4), (0, 4)])
def test_gbt_bands(total, grade):
    r = score(GBT, answers_total(GBT, total))
    assert (r.total, r.initial_grade, r.final_grade, r.applied) == (total, grade, grade, ())
    assert sum(r.subtotals.values()) == total and r.final_grade_name == GBT.grade_name(grade)


def test_gbt_subtotals_by_indicator():
    r = score(GBT, answers_for(GBT, B_1=10, B_2=7, B_3=20, B_4=3))
    assert r.subtotals == {"B.1": 10, "B.2": 7, "B.3": 20, "B.4": 3} and r.total == 40 and r.initial_grade == 3


@pytest.mark.parametrize("total", [90, 66, 46, 30])
def test_gbt_coma_is_complete_loss_whatever_the_score(total):
    r = score(GBT, answers_total(GBT, total), coma=True)
    assert r.final_grade == 4 and r.final_grade_name == "能力完全丧失（完全失能）"
    assert [a["rule"] for a in r.applied] == ["coma"] and "昏迷" in r.applied[0]["description"]


def test_gbt_coma_at_complete_loss_changes_nothing():
    r = score(GBT, answers_total(GBT, 0), coma=True)
    assert (r.initial_grade, r.final_grade, r.applied) == (4, 4, ())


@pytest.mark.parametrize("kwargs,because", [
    ({"diagnoses": ["F00"]}, ["dementia"]), ({"diagnoses": ["F01.1"]}, ["dementia"]),
    ({"diagnoses": ["f03.9"]}, ["dementia"]), ({"diagnoses": ["F04"]}, ["mental_disorder"]),
    ({"diagnoses": ["F20"]}, ["mental_disorder"]), ({"diagnoses": ["F99"]}, ["mental_disorder"]),
    ({"care_risk_events_30d": 2}, ["care_risk_events"]), ({"care_risk_events_30d": 7}, ["care_risk_events"]),
    ({"diagnoses": ["F00", "F32", "I10"], "care_risk_events_30d": 5}, ["dementia", "mental_disorder", "care_risk_events"]),
])
@pytest.mark.parametrize("total,initial", [(89, 1), (65, 2), (45, 3)])
def test_gbt_raise_one_level_once(kwargs, because, total, initial):
    r = score(GBT, answers_total(GBT, total), **kwargs)
    assert (r.initial_grade, r.final_grade) == (initial, initial + 1)  # never +2, however many conditions hold
    assert len(r.applied) == 1 and r.applied[0]["rule"] == "raise_one_level" and r.applied[0]["because"] == because
    assert len(r.applied[0]["reasons"]) == len(because) and all(r.applied[0]["reasons"])


@pytest.mark.parametrize("kwargs", [{"care_risk_events_30d": 1}, {"diagnoses": ["I10", "E11", "G20", "G30"]},
                                    {"diagnoses": ["E03"]}, {}])
def test_gbt_no_raise(kwargs):
    r = score(GBT, answers_total(GBT, 70), **kwargs)
    assert (r.initial_grade, r.final_grade, r.applied) == (1, 1, ())


def test_gbt_raise_from_grade_zero():
    r = score(GBT, answers_total(GBT, 90), care_risk_events_30d=2)
    assert (r.initial_grade, r.final_grade, r.final_grade_name) == (0, 1, "能力轻度受损（轻度失能）")


def test_gbt_cap_at_complete_loss():
    r = score(GBT, answers_total(GBT, 10), diagnoses=["F02"], care_risk_events_30d=3)
    assert (r.initial_grade, r.final_grade, r.applied) == (4, 4, ())
    r = score(GBT, answers_total(GBT, 70), diagnoses=["F02"], care_risk_events_30d=3, coma=True)
    assert (r.initial_grade, r.final_grade, [a["rule"] for a in r.applied]) == (1, 4, ["coma"])


# --- LTC 2021 ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("adl,grade", [(100, 0), (95, 1), (65, 1), (60, 2), (45, 2), (40, 3), (0, 3)])
def test_ltc_adl_bands(adl, grade):
    assert score(LTC, answers_for(LTC, C1=adl)).indicator_grades["C1"] == grade


@pytest.mark.parametrize("cog,grade", [(16, 0), (15, 1), (12, 1), (11, 2), (4, 2), (3, 3), (0, 3)])
def test_ltc_cognition_bands(cog, grade):
    assert score(LTC, answers_for(LTC, C2=cog)).indicator_grades["C2"] == grade


@pytest.mark.parametrize("per,grade", [(12, 0), (11, 1), (8, 1), (7, 2), (4, 2), (3, 3), (0, 3)])
def test_ltc_perception_bands(per, grade):
    assert score(LTC, answers_for(LTC, C3=per)).indicator_grades["C3"] == grade


LTC_MATRIX = [[0, 0, 1, 1], [1, 1, 1, 2], [2, 2, 2, 3], [3, 3, 4, 5]]  # §3.3, rows ADL, columns worse of C2/C3
LTC_NAMES = ["基本正常", "轻度失能", "中度失能", "重度失能Ⅰ级", "重度失能Ⅱ级", "重度失能Ⅲ级"]
ADL_AT = {0: [100], 1: [95, 65], 2: [60, 45], 3: [40, 0]}
COG_AT = {0: [16], 1: [15, 12], 2: [11, 4], 3: [3, 0]}
PER_AT = {0: [12], 1: [11, 8], 2: [7, 4], 3: [3, 0]}


@pytest.mark.parametrize("adl,worse", list(itertools.product(range(4), range(4))))
def test_ltc_every_matrix_cell_uses_the_worse_of_cognition_and_perception(adl, worse):
    expected = LTC_MATRIX[adl][worse]
    for cog, per in {(worse, g) for g in range(worse + 1)} | {(g, worse) for g in range(worse + 1)}:
        for a, c, p in itertools.product(ADL_AT[adl], COG_AT[cog], PER_AT[per]):
            r = score(LTC, answers_for(LTC, C1=a, C2=c, C3=p))
            assert r.indicator_grades == {"C1": adl, "C2": cog, "C3": per}
            assert (r.initial_grade, r.final_grade, r.final_grade_name) == (expected, expected, LTC_NAMES[expected])
            assert r.pending_verification and r.total is None and r.subtotals == {"C1": a, "C2": c, "C3": p}


def test_ltc_json_has_indicator_grades():
    out = score(LTC, answers_for(LTC, C1=50, C2=16, C3=5)).to_json()
    assert out["indicator_grades"] == {"C1": 2, "C2": 0, "C3": 2} and out["total"] is None
    assert out["indicator_grade_names"] == {"C1": "中度受损", "C2": "能力完好", "C3": "中度受损"}
    assert out["final_grade_name"] == "中度失能" and out["pending_verification"] is True


def test_ltc_has_no_overrides():
    r = score(LTC, answers_for(LTC, C1=100), coma=True, diagnoses=["F03"], care_risk_events_30d=5)
    assert r.final_grade == r.initial_grade == 0 and r.applied == ()


# --- Barthel and MBI ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("inst", [BARTHEL, MBI], ids=["barthel", "mbi"])
@pytest.mark.parametrize("total,grade", [(100, 0), (99, 1), (95, 1), (65, 1), (61, 1), (60, 2), (45, 2), (41, 2),
                                         (40, 3), (25, 3), (21, 3), (20, 4), (0, 4)])
def test_dependency_bands(inst, total, grade):
    if inst is BARTHEL and total % 5:
        with pytest.raises(ValueError):  # Barthel moves in steps of 5: 99, 61, 41, 21 cannot occur
            answers_total(inst, total)
        return
    r = score(inst, answers_total(inst, total))
    names = ["完全独立", "轻度依赖", "中度依赖", "重度依赖", "完全依赖"]
    assert (r.total, r.final_grade, r.final_grade_name, r.applied) == (total, grade, names[grade], ())


# --- MZ/T 039-2013 -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("adl,grade", [(100, 0), (95, 1), (65, 1), (60, 2), (45, 2), (40, 3), (0, 3)])
def test_mzt_adl_bands(adl, grade):
    assert score(MZT, answers_for(MZT, B_1=adl, B_2=0, B_3=0, B_4=0)).indicator_grades["B.1"] == grade


@pytest.mark.parametrize("mental,grade", [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (6, 3)])
def test_mzt_mental_bands(mental, grade):
    assert score(MZT, answers_for(MZT, B_2=mental, B_3=0, B_4=0)).indicator_grades["B.2"] == grade


@pytest.mark.parametrize("social,grade", [(0, 0), (2, 0), (3, 1), (7, 1), (8, 2), (13, 2), (14, 3), (20, 3)])
def test_mzt_social_bands(social, grade):
    assert score(MZT, answers_for(MZT, B_2=0, B_3=0, B_4=social)).indicator_grades["B.4"] == grade


def reference_perception(c, v, h, m) -> set[int]:
    """The levels §2's 感知觉与沟通 table names for a combination (consciousness, vision, hearing, communication)."""
    out = set()
    if c == 0 and v <= 1 and h <= 1 and m == 0:
        out.add(0)
    if c == 0 and (2 in (v, h) or m == 1):
        out.add(1)
    if (c == 0 and (3 in (v, h) or m == 2)) or (c == 1 and v <= 3 and h <= 3 and m <= 2):
        out.add(2)
    if (c in (0, 1) and (4 in (v, h) or m == 3)) or c in (2, 3):
        out.add(3)
    return out


def test_mzt_perception_over_every_combination():
    base = answers_for(MZT, B_2=0, B_4=0)
    overlaps = 0
    for c, v, h, m in itertools.product(range(4), range(5), range(5), range(4)):
        named = reference_perception(c, v, h, m)
        assert named, (c, v, h, m)  # the table covers every combination …
        r = score(MZT, {**base, "B.3.1": c, "B.3.2": v, "B.3.3": h, "B.3.4": m})
        assert r.indicator_grades["B.3"] == max(named), (c, v, h, m)  # … and where it names two, the more severe
        overlaps += len(named) > 1
        assert bool(r.notes) == (len(named) > 1)
    assert overlaps > 0


MZT_AT = {"B_1": {0: 100, 1: 80, 2: 50, 3: 20}, "B_2": {0: 0, 1: 1, 2: 3, 3: 5}, "B_4": {0: 2, 1: 5, 2: 10, 3: 18}}
MZT_PERCEPTION_AT = {0: (0, 1, 0, 0), 1: (0, 2, 0, 0), 2: (0, 3, 0, 0), 3: (0, 4, 0, 0)}


def mzt_result(adl, mental, perception, social, **kwargs):
    answers = answers_for(MZT, B_1=MZT_AT["B_1"][adl], B_2=MZT_AT["B_2"][mental], B_4=MZT_AT["B_4"][social])
    answers.update(zip(["B.3.1", "B.3.2", "B.3.3", "B.3.4"], MZT_PERCEPTION_AT[perception]))
    r = score(MZT, answers, **kwargs)
    assert r.indicator_grades == {"B.1": adl, "B.2": mental, "B.3": perception, "B.4": social}
    return r


def reference_levels(a, m, p, s) -> set[int]:
    """Every level §2's combination table names for (ADL, 精神, 感知, 社会参与): none, one or several."""
    others = (m, p, s)
    out = set()
    if a == 0 and m == 0 and p == 0 and s in (0, 1):
        out.add(0)
    if (a == 0 and (m >= 1 or p >= 1 or s == 2)) or (a == 1 and any(x in (0, 1) for x in others)):
        out.add(1)
    if (a == 1 and (all(x == 2 for x in others) or 3 in others)) or \
            (a == 2 and 1 <= sum(x in (1, 2) for x in others) <= 2):
        out.add(2)
    if a == 3 or (a, m, p, s) == (2, 2, 2, 2) or (a == 2 and 3 in others):
        out.add(3)
    return out


def test_mzt_combination_over_all_256_combinations():
    levels, uncovered, doubled = {}, [], []
    for combo in itertools.product(range(4), repeat=4):
        r = mzt_result(*combo)
        named = reference_levels(*combo)
        if len(named) > 1:
            doubled.append(combo)
            assert r.initial_grade == max(named) and any("较重" in n for n in r.notes), combo
        elif named:
            assert r.initial_grade == named.pop() and r.notes == (), combo
        else:  # the documented readings: ADL 完好 → 轻度失能; ADL 中度受损 → 中度失能
            uncovered.append(combo)
            assert r.initial_grade == {0: 1, 2: 2}[combo[0]] and len(r.notes) == 1 and "未覆盖" in r.notes[0], combo
        assert r.final_grade == r.initial_grade and r.final_grade_name == MZT.grade_name(r.initial_grade)
        levels[combo] = r.initial_grade
    assert len(levels) == 256
    assert sorted(uncovered) == sorted([(0, 0, 0, 3), (2, 0, 0, 0)] + [
        (2, *o) for o in itertools.product((1, 2), repeat=3) if o != (2, 2, 2)])
    assert len(doubled) == 60
    for combo, level in levels.items():  # the readings keep the table monotone: a worse part never gives a better level
        for k in range(4):
            if combo[k] < 3:
                assert levels[combo[:k] + (combo[k] + 1,) + combo[k + 1:]] >= level, combo
    assert len(MZT.resolution_notes) >= 5


def test_mzt_change_clauses():
    base = dict(adl=1, mental=0, perception=0, social=0)
    assert mzt_result(*base.values()).final_grade == 1
    for kwargs in ({"diagnoses": ["F03"]}, {"diagnoses": ["F20.0"]}, {"care_risk_events_30d": 2},
                   {"diagnoses": ["F01", "F31"], "care_risk_events_30d": 4}):
        r = mzt_result(*base.values(), **kwargs)
        assert (r.initial_grade, r.final_grade, r.final_grade_name) == (1, 2, "中度失能"), kwargs  # +1, once
        assert [a["rule"] for a in r.applied] == ["raise_one_level"]
    for kwargs in ({"care_risk_events_30d": 1}, {"diagnoses": ["I10", "G20"]}):
        assert mzt_result(*base.values(), **kwargs).final_grade == 1
    r = mzt_result(0, 0, 0, 0, coma=True)
    assert (r.initial_grade, r.final_grade, r.final_grade_name) == (0, 3, "重度失能")
    assert mzt_result(2, 1, 0, 0, diagnoses=["F02"]).final_grade == 3
    r = mzt_result(3, 0, 0, 0, diagnoses=["F01"], care_risk_events_30d=4, coma=True)
    assert (r.initial_grade, r.final_grade, r.applied) == (3, 3, ())  # already 重度失能: no change
