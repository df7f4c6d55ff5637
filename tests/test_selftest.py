"""The headless self-test the bundle runs in CI (``--self-test``), run here from source in a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", YIYANG_DATA_DIR=str(tmp_path / "must-not-be-used"),
               HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "home" / ".config"))
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=240)


def test_selftest_passes_and_writes_real_forms(tmp_path: Path) -> None:
    keep = tmp_path / "kept"
    proc = _run(["-m", "yiyang_desktop.selftest", "--keep", str(keep), "--report", str(tmp_path / "r.json")], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = json.loads(proc.stdout)
    assert summary == json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert summary["ok"] is True
    steps = {s["step"]: s for s in summary["steps"]}
    assert list(steps) == ["assets", "qt", "demo", "main_window", "score", "forms"]
    assert all(s["ok"] for s in steps.values())
    assert "gbt42195-2022" in steps["assets"]["instruments"]
    assert "yiyang_en.qm" in steps["assets"]["translations"]
    assert "WenQuanYi Micro Hei" in steps["qt"]["font_families"]
    assert steps["qt"]["platform"] == "offscreen"
    assert steps["demo"]["residents"] > 50
    assert {"overview", "beds", "residents", "assessments", "referrals"} <= set(steps["main_window"]["pages"])
    assert steps["main_window"]["title"].startswith("医养台账")
    assert steps["score"]["final_grade_name"] == "能力完好"
    assert steps["forms"]["preview_dark_px"] > 100  # page 1 rendered by the in-app preview has text on it

    # the forms it reports are really there, and readable
    out = keep / "out"
    xlsx = out / next(f for f in steps["forms"]["files"] if f.endswith(".xlsx"))
    pdf = out / next(f for f in steps["forms"]["files"] if f.endswith(".pdf"))
    from openpyxl import load_workbook
    wb = load_workbook(xlsx)
    roster = wb[next(n for n in wb.sheetnames if "花名册" in n)]
    assert roster.max_row >= steps["forms"]["roster_rows"] > 0
    wb.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "运营补贴" in text
    # nothing leaked into the user's data folder
    assert not (tmp_path / "must-not-be-used").exists()


def test_selftest_reports_a_failing_step_and_exits_nonzero(tmp_path: Path) -> None:
    code = ("import sys, yiyang_desktop.selftest as s\n"
            "def broken():\n    raise RuntimeError('评估坏了')\n"
            "s.score_assessment = broken\nsys.exit(s.main([]))\n")
    proc = _run(["-c", code], tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["ok"] is False
    steps = {s["step"]: s for s in summary["steps"]}
    assert steps["main_window"]["ok"] is True
    assert steps["score"]["ok"] is False and "评估坏了" in steps["score"]["error"]
    assert steps["forms"].get("skipped") is True


def test_the_program_switch_runs_the_self_test_and_exits_with_its_code(tmp_path: Path) -> None:
    """``yiyang-desktop --self-test --report FILE`` (here ``python -m yiyang_desktop``, the bundle's entry point)."""
    report = tmp_path / "report.json"
    proc = _run(["-m", "yiyang_desktop", "--self-test", "--report", str(report)], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    summary = json.loads(proc.stdout)
    assert summary == json.loads(report.read_text(encoding="utf-8"))
    assert summary["ok"] is True and summary["frozen"] is False
    steps = {s["step"]: s for s in summary["steps"]}
    assert list(steps) == ["assets", "qt", "demo", "main_window", "score", "forms"]
    assert all(s["ok"] and isinstance(s["ms"], int) for s in steps.values())
    assert steps["qt"]["platform"] == "offscreen" and steps["demo"]["residents"] > 50
    assert any(f.endswith(".pdf") for f in steps["forms"]["files"])
    assert not (tmp_path / "must-not-be-used").exists()


def test_the_program_switch_passes_a_failure_on_as_exit_code_1(tmp_path: Path) -> None:
    code = ("import sys, yiyang_desktop.selftest as s\n"
            "def broken():\n    raise RuntimeError('评估坏了')\n"
            "s.score_assessment = broken\n"
            "from yiyang_desktop.app import main\nsys.exit(main(['--self-test']))\n")
    proc = _run(["-c", code], tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["ok"] is False
    assert [s["step"] for s in summary["steps"] if not s["ok"]] == ["score", "forms"]


def test_report_without_self_test_is_a_usage_error(tmp_path: Path) -> None:
    proc = _run(["-m", "yiyang_desktop", "--report", str(tmp_path / "r.json")], tmp_path)
    assert proc.returncode == 2
    assert "--self-test" in proc.stderr and not (tmp_path / "r.json").exists()
