"""The engine over every instrument (hypothesis properties), answer and fact validation, the engine's generality
(a made-up instrument scored with no code change) and the refusal of broken data files."""
import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yiyang_desktop.domain.assessment import (DEFAULT_INSTRUMENT_ID, AnswerError, InstrumentError, diagnosis_in,
                                              instruments_dir, list_instruments, load_file, load_instrument, score,
                                              validate_answers)

INSTRUMENTS = list_instruments()
GBT = load_instrument(DEFAULT_INSTRUMENT_ID)
DIAGNOSES = ["F00", "F03.1", "F04", "f10.2", "F99", "I10", "E11", "G30", "F03.9"]


@st.composite
def complete_answers(draw, instruments=tuple(INSTRUMENTS)):
    inst = draw(st.sampled_from(instruments))
    return inst, {i.code: draw(st.sampled_from(i.allowed)) for i in inst.items}


facts = st.fixed_dictionaries({"coma": st.booleans(), "diagnoses": st.lists(st.sampled_from(DIAGNOSES), max_size=3),
                               "care_risk_events_30d": st.integers(min_value=0, max_value=6)})


@settings(max_examples=400, deadline=None)
@given(complete_answers(), facts)
def test_any_complete_answer_set_scores_and_never_improves(case, kwargs):
    inst, answers = case
    r = score(inst, answers, **kwargs)
    assert r.final_grade >= r.initial_grade
    assert r.final_grade in inst.grades and r.final_grade_name == inst.grade_name(r.final_grade)
    assert r.initial_grade_name == inst.grade_name(r.initial_grade)
    assert set(r.subtotals) == {i.code for i in inst.indicators}
    assert sum(r.subtotals.values()) == sum(answers.values())
    for ind in inst.indicators:
        assert r.subtotals[ind.code] == sum(answers[c] for c in ind.items) <= ind.max
    assert r.total == (sum(r.subtotals.values()) if inst.has_total else None)
    assert set(r.indicator_grades) == {i.code for i in inst.indicators if i.grading}
    assert bool(r.applied) == (r.final_grade != r.initial_grade)
    assert r.pending_verification == inst.pending_verification
    out = json.loads(json.dumps(r.to_json(), ensure_ascii=False))
    assert {"instrument", "version", "subtotals", "total", "indicator_grades", "initial_grade", "initial_grade_name",
            "applied", "final_grade", "final_grade_name"} <= set(out)


def expected_gbt_grade(total):
    return 0 if total == 90 else 1 if total >= 66 else 2 if total >= 46 else 3 if total >= 30 else 4


@settings(max_examples=300, deadline=None)
@given(complete_answers((GBT,)), facts)
def test_gbt_decided_reading_over_random_answers(case, kwargs):
    _, answers = case
    r = score(GBT, answers, **kwargs)
    initial = expected_gbt_grade(sum(answers.values()))
    cats = [d.upper()[:3] for d in kwargs["diagnoses"]]
    raise_ = any("F00" <= c <= "F99" for c in cats) or kwargs["care_risk_events_30d"] >= 2
    assert r.initial_grade == initial
    assert r.final_grade == (4 if kwargs["coma"] else min(4, initial + raise_))


junk_value = st.one_of(st.integers(-5, 200), st.text(max_size=3), st.none(), st.booleans(), st.floats(),
                       st.lists(st.integers(), max_size=2))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(INSTRUMENTS), st.dictionaries(st.one_of(st.text(max_size=6), st.integers()), junk_value))
def test_junk_answers_are_answer_errors_never_crashes(inst, junk):
    with pytest.raises(AnswerError):
        score(inst, junk)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_answers(), st.sampled_from(["drop", "add", "change"]), st.data())
def test_one_bad_answer_is_named_with_the_allowed_values(case, how, data):
    inst, answers = case
    code = data.draw(st.sampled_from(inst.item_codes))
    if how == "drop":
        del answers[code]
    elif how == "add":
        code = data.draw(st.text(min_size=1, max_size=6).filter(lambda c: not inst.has_item(c)))
        answers[code] = 1
    else:
        answers[code] = data.draw(junk_value.filter(lambda v: v not in inst.item(code).allowed or isinstance(v, bool)))
    with pytest.raises(AnswerError) as err:
        score(inst, answers)
    assert code in str(err.value)
    if how != "add":
        item = inst.item(code)
        assert item.name in str(err.value) and "、".join(map(str, sorted(item.allowed))) in str(err.value)


@settings(max_examples=100, deadline=None)
@given(complete_answers(), st.one_of(
    st.fixed_dictionaries({"coma": st.sampled_from(["yes", None, 2, "false"])}),
    st.fixed_dictionaries({"diagnoses": st.one_of(st.text(max_size=4), st.lists(st.one_of(
        st.integers(), st.none(), st.sampled_from(["", "高血压", "F1", "ZZZ", "10A"])), min_size=1))}),
    st.fixed_dictionaries({"care_risk_events_30d": st.one_of(st.integers(max_value=-1), st.floats(), st.text(),
                                                             st.none(), st.booleans())})))
def test_junk_facts_are_answer_errors(case, kwargs):
    inst, answers = case
    with pytest.raises(AnswerError):
        score(inst, answers, **kwargs)


def test_answer_error_messages():
    answers = {i.code: i.max_points for i in GBT.items}
    with pytest.raises(AnswerError, match=r"B\.2\.4 上下楼梯：4 不是允许的分值，可选：0、1、2、3"):
        score(GBT, {**answers, "B.2.4": 4})
    with pytest.raises(AnswerError, match=r"缺少 B\.3\.7 攻击行为 的评分，可选：0、1"):
        score(GBT, {k: v for k, v in answers.items() if k != "B.3.7"})
    with pytest.raises(AnswerError, match="未知的评估项目“C1.1”"):
        score(GBT, {**answers, "C1.1": 10})
    with pytest.raises(AnswerError, match="B.1.1 进食：4.0 不是允许的分值"):
        score(GBT, {**answers, "B.1.1": 4.0})
    with pytest.raises(AnswerError, match="对应表"):
        score(GBT, [("B.1.1", 4)])


def test_validate_answers_for_drafts():
    assert validate_answers(GBT, {}) == [] and validate_answers(GBT, {"B.1.1": 4, "B.2.4": 0}) == []
    assert len(validate_answers(GBT, {"B.1.1": 7, "X": 1})) == 2
    assert len(validate_answers(GBT, {"B.1.1": 4}, complete=True)) == 25
    assert validate_answers(GBT, {i.code: i.min_points for i in GBT.items}, complete=True) == []


def test_diagnosis_ranges_by_category():
    assert diagnosis_in(["F03.9"], [("F00", "F03")]) and diagnosis_in([" f01 "], [("F00", "F03")])
    assert not diagnosis_in(["F04", "I10", "F0", "", "F"], [("F00", "F03")])
    assert diagnosis_in(["F99.1"], [("F04", "F99")]) and not diagnosis_in(["G30"], [("F00", "F99")])


def test_ui_helpers():
    item = GBT.item("B.3.9")
    assert GBT.options("B.3.9") == item.options and item.allowed == (2, 1, 0) and item.option_label(1).startswith("嗜睡")
    assert GBT.indicator("B.3").max == 28 and GBT.indicator_of("B.3.9").code == "B.3"
    mzt = load_instrument("mzt039-2013")
    assert mzt.indicator_grade_name(3) == "重度受损" and mzt.grade_name(3) == "重度失能"


# --- generality: a made-up instrument in a temporary folder ------------------------------------------------
TOY = {
    "id": "toy", "version": "0.1", "name": "玩具量表", "standard": "无", "source": "测试用", "confidence": "D",
    "has_total": False,
    "items": [{"code": c, "name": c, "options": [{"points": p, "label": str(p)} for p in (0, 1, 2)]}
              for c in ("A1", "A2", "B1")],
    "indicators": [
        {"code": "A", "name": "甲", "items": ["A1", "A2"], "grading": {"kind": "rules", "pick": "first", "rules": [
            {"grade": 1, "when": {"count": ["A1", "A2"], "in": [0], "at_least": 1}},
            {"grade": 0, "fallback": True, "note": "都不为0", "when": {"count": ["A1", "A2"], "min": 1, "at_least": 2}}]}},
        {"code": "B", "name": "乙", "items": ["B1"], "grading": {"kind": "rules", "rules": [
            {"grade": 1, "when": {"var": "sum:B", "max": 1}}, {"grade": 0, "when": {"not": {"var": "sum:B", "max": 1}}}]}}],
    "indicator_grade_names": {"0": "好", "1": "差"},
    "grades": [{"grade": g, "name": f"第{g}级"} for g in range(4)],
    "initial": {"kind": "matrix", "rows": "A", "cols_worst_of": ["B"], "matrix": [[0, 1], [1, 2]]},
    "overrides": [{"id": "big", "kind": "raise_once_if_any", "by": 2, "description": "上调两级",
                   "conditions": [{"id": "ev", "description": "事件≥1", "care_risk_events_at_least": 1}]}],
    "cap": 3,
}


def write(folder, data, name=None):
    path = folder / f"{name or data['id']}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_new_instrument_needs_no_code(tmp_path):
    write(tmp_path, TOY)
    toy = load_instrument("toy", tmp_path)
    assert [i.id for i in list_instruments(tmp_path)] == ["toy"]
    r = score(toy, {"A1": 2, "A2": 1, "B1": 2})
    assert (r.indicator_grades, r.initial_grade, r.total, r.notes) == ({"A": 0, "B": 0}, 0, None, ("都不为0",))
    r = score(toy, {"A1": 0, "A2": 1, "B1": 1}, care_risk_events_30d=1)
    assert (r.initial_grade, r.final_grade, r.applied[0]["because"]) == (2, 3, ["ev"])  # by 2, capped at 3
    assert r.indicator_grade_names == {"A": "差", "B": "差"}
    assert load_file(tmp_path / "toy.json") == toy and load_instrument(tmp_path / "toy.json") is toy


def test_an_override_never_makes_the_grade_better(tmp_path):
    toy = dict(TOY, overrides=[{"id": "c", "kind": "set_if_flag", "flag": "coma", "grade": 1, "description": "昏迷"}])
    write(tmp_path, toy)
    r = score(load_instrument("toy", tmp_path), {"A1": 0, "A2": 0, "B1": 0}, coma=True)
    assert (r.initial_grade, r.final_grade, r.applied) == (2, 2, ())


def test_cache_follows_file_changes(tmp_path):
    path = write(tmp_path, TOY)
    first = load_instrument("toy", tmp_path)
    assert load_instrument("toy", tmp_path) is first
    path.write_text(json.dumps(dict(TOY, name="新名称的玩具量表"), ensure_ascii=False), encoding="utf-8")
    assert load_instrument("toy", tmp_path).name == "新名称的玩具量表"


# --- broken data files -------------------------------------------------------------------------------------
@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "instruments"
    shutil.copytree(instruments_dir(), target)
    return target


def edit(folder, name, change):
    path = folder / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_copied_files_load(folder):
    assert [i.id for i in list_instruments(folder)] == [i.id for i in INSTRUMENTS]


def test_invalid_json_names_file_and_line(folder):
    (folder / "barthel.json").write_text('{\n "id": "barthel",\n oops\n}', encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"barthel\.json.*第3行"):
        load_instrument("barthel", folder)


def test_not_utf8(folder):
    (folder / "mbi.json").write_bytes("{\"name\": \"改良\"}".encode("gbk"))
    with pytest.raises(InstrumentError, match=r"mbi\.json.*UTF-8"):
        load_instrument("mbi", folder)


def delete(*path):
    def change(d):
        for key in path[:-1]:
            d = d[key]
        del d[path[-1]]
    return change


def put(value, *path):
    def change(d):
        for key in path[:-1]:
            d = d[key]
        d[path[-1]] = value
    return change


@pytest.mark.parametrize("name,change,pattern", [
    ("mbi", delete("grades"), r"mbi\.json 有误（\$）：缺少“grades”"),
    ("gbt42195-2022", delete("items", 3, "options", 1, "label"), r"\$\.items\[3\]\.options\[1\]）：缺少“label”"),
    ("ltc-2021", delete("initial", "matrix"), r"\$\.initial）：缺少“matrix”"),
    ("gbt42195-2022", put(67, "initial", "bands", 1, "min"), r"initial\.bands.*分数 66 落在 0 个分段"),
    ("barthel", put(100, "indicators", 0, "grading", "bands", 1, "max"), r"bands\[1\].*分数 100 落在 2 个分段"),
    ("ltc-2021", put(50, "indicators", 0, "grading", "bands", 2, "min"), r"indicators\[0\]\.grading\.bands）.*分数 45 落在 0"),
    ("ltc-2021", put(16, "indicators", 1, "grading", "bands", 1, "max"), r"indicators\[1\]\.grading\.bands\[1\].*16"),
    ("ltc-2021", lambda d: d["initial"]["matrix"].pop(), "组合矩阵应为 4×4"),
    ("ltc-2021", lambda d: d["initial"]["matrix"][2].append(1), "组合矩阵应为 4×4"),
    ("ltc-2021", put(9, "initial", "matrix", 1, 2), r"matrix\[1\]\[2\].*不存在的等级"),
    ("mzt039-2013", lambda d: d["initial"]["rules"].pop(), "没有任何规则覆盖"),
    ("mzt039-2013", put({"var": "grade:B.9", "in": [1]}, "initial", "rules", 0, "when"), "未知变量“grade:B.9”"),
    ("mzt039-2013", put({"var": "B.3.1"}, "indicators", 2, "grading", "rules", 0, "when"), "缺少 in、min 或 max"),
    ("gbt42195-2022", put(4, "items", 0, "options", 1, "points"), r"items\[0\]\.options\[1\]\.points.*重复"),
    ("gbt42195-2022", put("4", "items", 0, "options", 0, "points"), r"items\[0\]\.options\[0\]\.points）：类型不对"),
    ("gbt42195-2022", put("B.1.1", "items", 1, "code"), r"items\[1\]\.code.*项目编号重复"),
    ("gbt42195-2022", put(33, "indicators", 0, "max"), "满分应为各项目最高分之和 32"),
    ("gbt42195-2022", lambda d: (d["indicators"][0]["items"].pop(), d["indicators"][0].pop("max")), "每个项目应属于且只属于"),
    ("gbt42195-2022", lambda d: d["indicators"][3]["items"].append("B.1.1"), r"indicators\[3\]\.max"),
    ("gbt42195-2022", put("other", "id"), "应与文件名一致"),
    ("gbt42195-2022", put(7, "cap"), r"\$\.cap"),
    ("gbt42195-2022", put(5, "overrides", 0, "grade"), r"overrides\[0\]"),
    ("gbt42195-2022", put("F3", "overrides", 1, "conditions", 0, "diagnosis_ranges", 0, 1), "F00"),
    ("gbt42195-2022", put("raise_twice", "overrides", 1, "kind"), r"overrides\[1\]\.kind"),
    ("mzt039-2013", put("yes", "initial", "rules", 4, "fallback"), r"rules\[4\]\.fallback）：类型不对"),
    ("ltc-2021", put("yes", "initial", "pending_verification"), r"initial\.pending_verification"),
    ("barthel", put([], "grades"), "等级应从0起连续编号"),
    ("mbi", put("E", "confidence"), "置信度"),
])
def test_broken_file_is_refused_naming_file_and_place(folder, name, change, pattern):
    edit(folder, name, change)
    with pytest.raises(InstrumentError, match=pattern) as err:
        load_instrument(name, folder)
    assert f"{name}.json" in str(err.value)
    with pytest.raises(InstrumentError):
        list_instruments(folder)


def mutate(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    if value == "<delete>":
        del node[path[-1]]
    else:
        node[path[-1]] = value


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(node, list):
        for k, v in enumerate(node):
            yield from paths(v, prefix + (k,))


ORIGINALS = {i.id: json.loads((instruments_dir() / f"{i.id}.json").read_text(encoding="utf-8")) for i in INSTRUMENTS}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(ORIGINALS)), st.data(),
       st.one_of(st.just("<delete>"), st.none(), st.booleans(), st.integers(-3, 120), st.text(max_size=4),
                 st.just([]), st.just({}), st.just([[0]]), st.just({"var": "x"})))
def test_any_damaged_file_loads_or_is_an_instrument_error(tmp_path_factory, inst_id, data, value):
    raw = json.loads(json.dumps(ORIGINALS[inst_id]))
    path = data.draw(st.sampled_from([p for p in paths(raw) if p]))
    mutate(raw, path, value)
    folder = tmp_path_factory.mktemp("fuzz")
    write(folder, raw, inst_id)
    try:
        inst = load_instrument(inst_id, folder)
    except InstrumentError as e:
        assert f"{inst_id}.json" in str(e)
        return
    answers = {i.code: i.max_points for i in inst.items}  # what still loads still scores
    score(inst, answers, coma=True, diagnoses=["F03"], care_risk_events_30d=2)


@pytest.mark.parametrize("bad", ["nope", "../gbt42195-2022", "a/b", "", "gbt42195-2022/"])
def test_unknown_instrument_lists_known_ones(bad):
    with pytest.raises(InstrumentError, match="没有评估量表.*gbt42195-2022"):
        load_instrument(bad)
