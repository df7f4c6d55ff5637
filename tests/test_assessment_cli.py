"""``yiyang score`` through a small argparse parser built here, as the main ``yiyang`` command registers it."""
import argparse
import io
import json

import pytest

from yiyang_desktop import cli_score
from yiyang_desktop.domain.assessment import load_instrument


def parser():
    p = argparse.ArgumentParser(prog="yiyang")
    cli_score.register(p.add_subparsers(dest="command", required=True))
    return p


def call(argv, capsys, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    args = parser().parse_args(argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def full(instrument_id, **changes):
    inst = load_instrument(instrument_id)
    return {**{i.code: i.max_points for i in inst.items}, **changes}


def run_payload(instrument_id, payload, capsys, monkeypatch):
    return call(["score", instrument_id, "--json", "-"], capsys, json.dumps(payload, ensure_ascii=False), monkeypatch)


def test_gbt_result_fields(capsys, monkeypatch):
    answers = full("gbt42195-2022", **{f"B.1.{n}": 0 for n in range(1, 9)})  # 90 - 32 = 58 → grade 2
    code, out, err = run_payload("gbt42195-2022", {"answers": answers, "coma": False, "diagnoses": ["F01", "I10"],
                                                   "care_risk_events_30d": 2}, capsys, monkeypatch)
    assert code == 0 and err == ""
    r = json.loads(out)
    assert (r["instrument"], r["version"], r["total"]) == ("gbt42195-2022", load_instrument("gbt42195-2022").version, 58)
    assert r["subtotals"] == {"B.1": 0, "B.2": 15, "B.3": 28, "B.4": 15}
    assert (r["initial_grade"], r["final_grade"]) == (2, 3)
    assert r["initial_grade_name"] == "能力中度受损（中度失能）" and r["final_grade_name"] == "能力重度受损（重度失能）"
    assert [a["rule"] for a in r["applied"]] == ["raise_one_level"] and r["applied"][0]["description"]
    assert r["applied"][0]["because"] == ["dementia", "care_risk_events"]
    assert "能力中度受损" in out  # Chinese printed as is (ensure_ascii=False)


def test_only_answers_are_required_and_a_file_works(tmp_path, capsys):
    f = tmp_path / "in.json"
    f.write_text(json.dumps({"answers": full("ltc-2021", **{"C1.7": 0, "C1.8": 0})}), encoding="utf-8")
    code, out, _ = call(["score", "ltc-2021", "--json", str(f)], capsys)
    r = json.loads(out)
    assert code == 0 and r["indicator_grades"] == {"C1": 1, "C2": 0, "C3": 0} and r["total"] is None
    assert (r["final_grade"], r["final_grade_name"]) == (1, "轻度失能") and r["pending_verification"] is True


def test_mzt_result_has_indicator_grades_and_notes(capsys, monkeypatch):
    answers = full("mzt039-2013", **{"B.1.8": 5, "B.1.9": 0, "B.1.10": 0, "B.1.4": 5, "B.1.7": 5})  # ADL 50
    answers.update({f"B.2.{n}": 0 for n in (1, 2, 3)}, **{f"B.3.{n}": 0 for n in (1, 2, 3, 4)},
                   **{f"B.4.{n}": 0 for n in range(1, 6)})
    code, out, _ = run_payload("mzt039-2013", {"answers": answers}, capsys, monkeypatch)
    r = json.loads(out)
    assert code == 0 and r["indicator_grades"] == {"B.1": 2, "B.2": 0, "B.3": 0, "B.4": 0}
    assert r["final_grade_name"] == "中度失能" and "未覆盖" in r["notes"][0]


@pytest.mark.parametrize("instrument_id,payload,needles", [
    ("gbt42195-2022", {"answers": {"B.1.1": 4}}, ["缺少 B.1.2 修饰", "可选：0、1、2、3、4", "缺少 B.4.5 社会交往能力"]),
    ("gbt42195-2022", {"answers": full("gbt42195-2022", **{"B.9.9": 1})}, ["未知的评估项目“B.9.9”"]),
    ("gbt42195-2022", {"answers": full("gbt42195-2022", **{"B.3.7": 3})}, ["B.3.7 攻击行为：3 不是允许的分值，可选：0、1"]),
    ("barthel", {"answers": full("barthel", **{"B.1.8": 7})}, ["B.1.8 床椅转移：7 不是允许的分值，可选：0、5、10、15"]),
    ("mbi", {"answers": full("mbi", **{"B.1.1": "10"})}, ["B.1.1 进食", "可选：0、2、5、8、10"]),
    ("gbt42195-2022", {"answers": {}, "care_risk_events_30d": -1}, ["care_risk_events_30d"]),
    ("gbt42195-2022", {"answers": {}, "coma": "false"}, ["coma"]),
    ("gbt42195-2022", {"answers": {}, "diagnoses": "F01"}, ["diagnoses"]),
    ("gbt42195-2022", {"answers": full("gbt42195-2022"), "diagnoses": ["痴呆"]}, ["痴呆", "ICD-10"]),
    ("gbt42195-2022", {"answers": {}, "care_risk_events": 2}, ["未知的字段", "care_risk_events"]),
    ("gbt42195-2022", {"nothing": 1}, ["answers"]),
    ("gbt42195-2022", [1, 2], ["answers"]),
])
def test_bad_input_exits_nonzero_naming_the_problem(instrument_id, payload, needles, capsys, monkeypatch):
    code, out, err = run_payload(instrument_id, payload, capsys, monkeypatch)
    assert code == 2 and out == "" and err.startswith("错误：")
    for n in needles:
        assert n in err


def test_unknown_instrument(capsys, monkeypatch):
    code, out, err = run_payload("who-1999", {"answers": {}}, capsys, monkeypatch)
    assert code == 2 and out == "" and "没有评估量表“who-1999”" in err and "gbt42195-2022" in err


def test_broken_or_missing_input(tmp_path, capsys, monkeypatch):
    code, _, err = call(["score", "barthel", "--json", "-"], capsys, "{oops", monkeypatch)
    assert code == 2 and "不是有效的 JSON" in err and "第1行" in err
    code, _, err = call(["score", "barthel", "--json", str(tmp_path / "missing.json")], capsys)
    assert code == 2 and "无法读取" in err
    (tmp_path / "gbk.json").write_bytes('{"answers": {"进食": 1}}'.encode("gbk"))
    code, _, err = call(["score", "barthel", "--json", str(tmp_path / "gbk.json")], capsys)
    assert code == 2 and "UTF-8" in err


def test_json_option_is_required(capsys):
    with pytest.raises(SystemExit):
        parser().parse_args(["score", "barthel"])
