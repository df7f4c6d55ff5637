"""Assessments over a real file: drafts count nowhere, completed ones are scored and stored with the version."""
import datetime as dt
import json

import pytest
from assessment_helpers import answers_total
from factories import admitted, bed

from yiyang_desktop.domain.assessment import load_instrument
from yiyang_desktop.services import assessments as A
from yiyang_desktop.services.base import ValidationError
from yiyang_desktop.services.residents import discharge, start_leave
from yiyang_desktop.services.settings import set_setting

D = dt.date
GBT = load_instrument("gbt42195-2022")


def base(**kw):
    return {"instrument_id": "gbt42195-2022", "assessed_on": D(2026, 5, 1), "reason": "首次评估",
            "assessor1": "王评估", "assessor2": "李评估", **kw}


@pytest.fixture
def resident(ctx):
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    return rid


def test_draft_may_be_incomplete_and_counts_nowhere(ctx, resident):
    aid = A.save_assessment(ctx, resident, base(answers={"B.1.1": 4}, assessor2=None))
    a = A.get_assessment(ctx, aid)
    assert a["status"] == "草稿" and a["final_grade"] is None and a["answers"] == {"B.1.1": 4}
    assert A.latest_completed(ctx) == {}
    assert A.due_list(ctx)[0]["state"] == "未评估"


def test_complete_needs_every_answer_and_two_different_assessors(ctx, resident):
    with pytest.raises(ValidationError) as e:
        A.save_assessment(ctx, resident, base(answers={"B.1.1": 4}, assessor2="王评估"), complete=True)
    f = e.value.by_field()
    assert "不同的人" in f["assessor2"] and "缺少 B.1.2" in f["answers"]
    with pytest.raises(ValidationError, match="B.1.1 进食：9"):
        A.save_assessment(ctx, resident, base(answers={"B.1.1": 9}))


def test_completed_assessment_stores_results_with_version(ctx, resident):
    aid = A.save_assessment(ctx, resident, base(answers=answers_total(GBT, 70)), complete=True)
    a = A.get_assessment(ctx, aid)
    assert (a["status"], a["total"], a["initial_grade"], a["final_grade"]) == ("完成", 70, 1, 1)
    assert a["instrument_version"] == "1.0" and a["result"]["final_grade_name"] == "能力轻度受损（轻度失能）"
    # Answers are the source of truth: editing them recomputes the result.
    A.save_assessment(ctx, resident, base(answers=answers_total(GBT, 40)), assessment_id=aid, complete=True)
    assert A.get_assessment(ctx, aid)["final_grade"] == 3


def test_other_mental_disorders_count_only_when_diagnosed_by_a_psychiatrist(ctx, resident):
    answers = answers_total(GBT, 70)
    plain = A.save_assessment(ctx, resident, base(answers=answers, diagnoses=[{"code": "F32", "psychiatric": False}]), complete=True)
    assert A.get_assessment(ctx, plain)["final_grade"] == 1
    psych = A.save_assessment(ctx, resident, base(answers=answers, diagnoses=[{"code": "F32", "psychiatric": True}]), complete=True)
    assert A.get_assessment(ctx, psych)["final_grade"] == 2
    dementia = A.save_assessment(ctx, resident, base(answers=answers, diagnoses=["F01"]), complete=True)
    assert A.get_assessment(ctx, dementia)["final_grade"] == 2
    with pytest.raises(ValidationError, match="ICD-10"):
        A.save_assessment(ctx, resident, base(answers=answers, diagnoses=["高血压"]))


def test_risk_events_and_coma(ctx, resident):
    answers = answers_total(GBT, 70)
    aid = A.save_assessment(ctx, resident, base(answers=answers, risk_events={"跌倒": 1, "噎食": 1}), complete=True)
    assert A.get_assessment(ctx, aid)["final_grade"] == 2
    aid = A.save_assessment(ctx, resident, base(answers=answers, coma=True), complete=True)
    a = A.get_assessment(ctx, aid)
    assert a["final_grade"] == 4 and a["result"]["applied"][0]["rule"] == "coma"
    with pytest.raises(ValidationError, match="照护风险事件"):
        A.save_assessment(ctx, resident, base(answers=answers, risk_events={"跌倒": -1}))


def test_due_list_states(ctx):
    b1, b2, b3, b4 = (bed(ctx, number=str(n)) for n in range(1, 5))
    never, _ = admitted(ctx, b1, D(2026, 1, 1), name="甲")
    old, _ = admitted(ctx, b2, D(2026, 1, 1), name="乙")
    fresh, stay3 = admitted(ctx, b3, D(2026, 1, 1), name="丙")
    falls, _ = admitted(ctx, b4, D(2026, 1, 1), name="丁")
    done = dict(answers=answers_total(GBT, 80))
    A.save_assessment(ctx, old, base(assessed_on=D(2026, 5, 1), **done), complete=True)      # due 2026-11-01
    A.save_assessment(ctx, fresh, base(assessed_on=D(2026, 10, 1), **done), complete=True)   # due 2027-04-01
    A.save_assessment(ctx, falls, base(assessed_on=D(2026, 8, 1), **done), complete=True)    # due 2027-02-01
    start_leave(ctx, stay3, {"kind": "住院", "start_date": D(2026, 11, 1), "end_date": D(2026, 11, 10)})
    A.record_care_event(ctx, falls, {"event_date": D(2026, 11, 5), "kind": "跌倒"})
    A.record_care_event(ctx, falls, {"event_date": D(2026, 11, 20), "kind": "噎食"})
    states = {r["name"]: (r["state"], r["due_date"]) for r in A.due_list(ctx, D(2026, 11, 23))}
    assert states["甲"] == ("未评估", None)
    assert states["乙"] == ("已逾期", D(2026, 11, 1))
    assert states["丙"][0] == "需即时评估" and states["丁"][0] == "需即时评估"
    assert [r["name"] for r in A.due_list(ctx, D(2026, 11, 23))] == ["甲", "乙", "丁", "丙"]  # then by due date
    assert A.due_list(ctx, D(2026, 10, 20))[1]["state"] == "即将到期"  # 乙 due within 30 days
    set_setting(ctx, "reassessment_months", 12)
    assert {r["name"]: r["state"] for r in A.due_list(ctx, D(2026, 11, 23))}["乙"] == "正常"


def test_due_list_only_residents_in_house(ctx, resident):
    discharge(ctx, ctx.db.execute("SELECT id FROM stays").fetchone()[0], {"discharge_date": D(2026, 3, 1),
                                                                          "discharge_reason": "回家"})
    assert A.due_list(ctx, D(2026, 11, 23)) == []
    assert len(A.due_list(ctx, D(2026, 2, 1))) == 1


def test_events_window_counts_30_days(ctx, resident):
    A.record_care_event(ctx, resident, {"event_date": D(2026, 10, 1), "kind": "跌倒"})
    A.record_care_event(ctx, resident, {"event_date": D(2026, 10, 30), "kind": "跌倒"})
    A.record_care_event(ctx, resident, {"event_date": D(2026, 10, 31), "kind": "走失"})
    assert A.events_before(ctx, resident, D(2026, 10, 30)) == {"跌倒": 2}
    assert A.events_before(ctx, resident, D(2026, 10, 31)) == {"跌倒": 1, "走失": 1}
    with pytest.raises(ValidationError, match="晚于今天"):
        A.record_care_event(ctx, resident, {"event_date": D(2027, 1, 1), "kind": "跌倒"})


def test_care_levels(ctx):
    levels = A.care_levels(ctx)
    assert A.care_level_of(ctx, "gbt42195-2022", 4, levels) == "特护"
    A.set_care_levels(ctx, {**levels, "gbt42195-2022": ["一级", "二级", "三级", "四级", "五级"]})
    assert A.care_level_of(ctx, "gbt42195-2022", 0) == "一级"
    with pytest.raises(ValidationError, match="每个等级"):
        A.set_care_levels(ctx, {"barthel": ["甲"]})


def test_add_months_end_of_month():
    assert A.add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert A.add_months(D(2026, 5, 1), 6) == D(2026, 11, 1)
    json.dumps(A.DEFAULT_CARE_LEVELS, ensure_ascii=False)
