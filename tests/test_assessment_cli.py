"""``yiyang score`` as a script would call it."""
import json
import subprocess
import sys

import pytest

from yiyang_desktop.domain.assessment import load_instrument


def run(instrument, payload, *, raw=None):
    return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "score", instrument, "--json", "-"],
                          input=raw if raw is not None else json.dumps(payload), capture_output=True, text=True)


def full(instrument_id, **changes):
    inst = load_instrument(instrument_id)
    return {**{i.code: i.max_points for i in inst.items}, **changes}


def test_gbt_json_fields():
    answers = full("gbt42195-2022", **{"B.1.1": 0, "B.1.2": 0, "B.1.3": 0, "B.1.4": 0, "B.1.5": 0, "B.1.6": 0,
                                        "B.1.7": 0, "B.1.8": 0})  # 90 - 32 = 58 → grade 2
    out = run("gbt42195-2022", {"answers": answers, "coma": False, "diagnoses": ["F01", "I10"], "care_risk_events_30d": 2})
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert (r["instrument"], r["version"], r["total"]) == ("gbt42195-2022", "1.0", 58)
    assert r["subtotals"] == {"B.1": 0, "B.2": 15, "B.3": 28, "B.4": 15}
    assert (r["initial_grade"], r["final_grade"]) == (2, 3)
    assert r["initial_grade_name"] == "能力中度受损（中度失能）" and r["final_grade_name"] == "能力重度受损（重度失能）"
    assert [a["rule"] for a in r["applied"]] == ["raise_one_level"]


def test_ltc_has_indicator_grades(tmp_path):
    f = tmp_path / "in.json"
    f.write_text(json.dumps({"answers": full("ltc-2021", **{"C1.7": 0, "C1.8": 0})}), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "score", "ltc-2021", "--json", str(f)],
                         capture_output=True, text=True)
    r = json.loads(out.stdout)
    assert r["indicator_grades"] == {"C1": 1, "C2": 0, "C3": 0} and r["final_grade"] == 1
    assert r["final_grade_name"] == "轻度失能"


@pytest.mark.parametrize("payload,needles", [
    ({"answers": {"B.1.1": 4}}, ["缺少 B.1.2 修饰", "可选：0、1、2、3、4"]),
    ({"answers": {**{"B.9.9": 1}}}, ["未知的评估项目“B.9.9”"]),
    ({"answers": {"B.3.7": 3}}, ["B.3.7 攻击行为：3 不是允许的分值，可选：0、1"]),
    ({"answers": {}, "care_risk_events_30d": -1}, ["care_risk_events_30d"]),
    ({"nothing": 1}, ["answers"]),
])
def test_bad_input_exits_nonzero_naming_the_item(payload, needles):
    out = run("gbt42195-2022", payload)
    assert out.returncode != 0 and out.stdout == ""
    for n in needles:
        assert n in out.stderr
    assert "Traceback" not in out.stderr


def test_unknown_instrument_and_broken_json():
    out = run("who-1999", {"answers": {}})
    assert out.returncode != 0 and "没有评估量表" in out.stderr
    out = run("barthel", None, raw="{oops")
    assert out.returncode != 0 and "不是有效的 JSON" in out.stderr
