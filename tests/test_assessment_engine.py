"""Properties of the engine over every instrument, and refusals of broken data files and bad answers."""
import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yiyang_desktop.domain.assessment import (AnswerError, InstrumentError, instruments_dir, list_instruments,
                                              load_instrument, score, validate_answers)

INSTRUMENTS = list_instruments()


@st.composite
def complete_answers(draw):
    inst = draw(st.sampled_from(INSTRUMENTS))
    answers = {i.code: draw(st.sampled_from(i.allowed)) for i in inst.items}
    return inst, answers


@settings(max_examples=300, deadline=None)
@given(complete_answers(), st.booleans(), st.lists(st.sampled_from(["F00", "F03.1", "F10", "F99", "I10", "E11", "G30"]), max_size=3),
       st.integers(min_value=0, max_value=6))
def test_any_complete_answer_set_scores_and_never_improves(case, coma, diagnoses, events):
    inst, answers = case
    r = score(inst, answers, coma=coma, diagnoses=diagnoses, care_risk_events_30d=events)
    assert r.final_grade >= r.initial_grade
    assert r.final_grade in inst.grades and r.final_grade_name == inst.grades[r.final_grade]
    assert sum(r.subtotals.values()) == sum(answers.values())
    if r.total is not None:
        assert r.total == sum(r.subtotals.values())
    assert bool(r.applied) == (r.final_grade != r.initial_grade)
    json.dumps(r.to_json(), ensure_ascii=False)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(INSTRUMENTS), st.dictionaries(st.text(max_size=6), st.one_of(st.integers(-5, 200), st.text(max_size=3),
                                                                                     st.none(), st.booleans(), st.floats())))
def test_junk_answers_are_answer_errors_never_crashes(inst, junk):
    with pytest.raises(AnswerError):
        score(inst, junk)


def test_answer_errors_name_item_and_allowed_values():
    gbt = load_instrument("gbt42195-2022")
    answers = {i.code: i.max_points for i in gbt.items}
    with pytest.raises(AnswerError, match=r"B\.2\.4 上下楼梯：4 不是允许的分值，可选：0、1、2、3"):
        score(gbt, {**answers, "B.2.4": 4})
    missing = dict(answers)
    del missing["B.3.7"]
    with pytest.raises(AnswerError, match=r"缺少 B\.3\.7 攻击行为 的评分，可选：0、1"):
        score(gbt, missing)
    with pytest.raises(AnswerError, match="未知的评估项目“C1.1”"):
        score(gbt, {**answers, "C1.1": 10})
    assert validate_answers(gbt, {"B.1.1": 4}) == []  # a draft may be incomplete
    assert validate_answers(gbt, {"B.1.1": 7})


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
    assert len(list_instruments(folder)) == 5


def test_invalid_json_names_file_and_line(folder):
    (folder / "barthel.json").write_text('{\n "id": "barthel",\n oops\n}', encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"barthel\.json.*第3行"):
        load_instrument("barthel", folder)


def test_missing_key_named(folder):
    edit(folder, "mbi", lambda d: d.pop("grades"))
    with pytest.raises(InstrumentError, match=r"mbi\.json.*缺少“grades”"):
        load_instrument("mbi", folder)


def test_gap_in_bands_named(folder):
    def gap(d):
        d["initial"]["bands"][1]["min"] = 67  # 66 now falls in no band
    edit(folder, "gbt42195-2022", gap)
    with pytest.raises(InstrumentError, match=r"gbt42195-2022\.json.*initial\.bands.*分数 66"):
        load_instrument("gbt42195-2022", folder)


def test_overlapping_bands_named(folder):
    def overlap(d):
        d["indicators"][0]["grading"]["bands"][1]["max"] = 100
    edit(folder, "barthel", overlap)
    with pytest.raises(InstrumentError, match=r"indicators\[0\]\.grading.*分数 100 落在 2 个分段"):
        load_instrument("barthel", folder)


def test_matrix_of_wrong_shape(folder):
    edit(folder, "ltc-2021", lambda d: d["initial"]["matrix"].pop())
    with pytest.raises(InstrumentError, match="4×4"):
        load_instrument("ltc-2021", folder)


def test_rules_that_leave_a_combination_uncovered(folder):
    edit(folder, "mzt039-2013", lambda d: d["initial"]["rules"].pop())  # drop the last reading
    with pytest.raises(InstrumentError, match="没有任何规则覆盖"):
        load_instrument("mzt039-2013", folder)


def test_duplicate_option_points(folder):
    edit(folder, "gbt42195-2022", lambda d: d["items"][0]["options"][1].update(points=4))
    with pytest.raises(InstrumentError, match=r"items\[0\]\.options.*重复"):
        load_instrument("gbt42195-2022", folder)


def test_unknown_instrument_lists_known_ones():
    with pytest.raises(InstrumentError, match="gbt42195-2022"):
        load_instrument("nope")
