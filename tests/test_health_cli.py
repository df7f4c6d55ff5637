"""The health and 长护险 commands as a user or a scheduled task runs them: real processes on the demo, JSON in the
shapes of issue #17, the window's permissions, Chinese errors."""
import json
import os
import subprocess
import sys

import openpyxl
import pytest

KEYS = ["resident_id", "name", "level", "valid_to", "care_days", "hospital_days", "amount_fen", "fund_fen", "self_fen"]


def run(*args, user="admin", password="demo"):
    env = os.environ | {"YIYANG_USER": user, "YIYANG_PASSWORD": password}
    return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", *map(str, args)], capture_output=True,
                          text=True, env=env)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("health-cli") / "demo.db"
    out = run("demo", "--out", path, "--date", "2026-11-23")
    assert out.returncode == 0, out.stderr
    return path


def test_health_due(demo_file):
    out = run("--db", demo_file, "health", "due", "--date", "2026-11-23")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"date", "due", "feedback_overdue"} and data["date"] == "2026-11-23"
    assert data["due"] and data["feedback_overdue"]
    assert all(list(r) == ["resident_id", "name", "age", "last_check"] and r["age"] >= 65 for r in data["due"])
    assert all(list(r) == ["resident_id", "name", "check_date", "days_since"] and r["days_since"] > 28
               for r in data["feedback_overdue"])
    assert all(r["last_check"] is None or r["last_check"] <= "2025-11-23" for r in data["due"])


def test_add_check_then_listed_and_no_longer_due(demo_file, tmp_path):
    due = json.loads(run("--db", demo_file, "health", "due", "--date", "2026-11-23").stdout)["due"]
    who = due[0]["resident_id"]
    report = tmp_path / "报告.pdf"
    report.write_bytes(b"%PDF-1.4 demo report")
    out = run("--db", demo_file, "health", "add-check", "--resident", who, "--date", "2026-11-20",
              "--partner", "鹤城区城南街道社区卫生服务中心（演示）", "--findings", "血压 150/90mmHg", "--advice", "低盐饮食",
              "--report", report)
    assert out.returncode == 0, out.stderr
    made = json.loads(out.stdout)
    assert made["resident_id"] == who and made["provider"].startswith("鹤城区城南") and len(made["reports"]) == 1
    assert made["feedback_deadline"] == "2026-12-20" and made["feedback_on_time"] is False
    again = json.loads(run("--db", demo_file, "health", "due", "--date", "2026-11-23").stdout)["due"]
    assert who not in [r["resident_id"] for r in again]
    checks = json.loads(run("--db", demo_file, "health", "checks", "--year", "2026").stdout)
    assert checks["count"] == len(checks["checks"]) and made["check_id"] in [c["check_id"] for c in checks["checks"]]
    dates = [c["check_date"] for c in checks["checks"]]
    assert dates == sorted(dates) and all(d.startswith("2026-") for d in dates)


def test_add_check_refused(demo_file):
    out = run("--db", demo_file, "health", "add-check", "--resident", "1", "--date", "2099-01-01", "--findings", "x")
    assert out.returncode == 2 and out.stdout == "" and "体检日期不能晚于今天" in out.stderr
    out = run("--db", demo_file, "health", "add-check", "--resident", "不存在", "--findings", "x")
    assert out.returncode == 2 and "没有找到老人" in out.stderr


def test_ltc_list(demo_file, tmp_path):
    out = run("--db", demo_file, "ltc", "--month", "2026-10", "--out", tmp_path / "out")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["month"] == "2026-10" and data["computed"] and data["profile_id"] == "demo-ltc"
    rows = data["residents"]
    assert rows and all(list(r) == KEYS for r in rows)
    assert data["total_fen"] == sum(r["amount_fen"] for r in rows)
    assert data["fund_total_fen"] == sum(r["fund_fen"] for r in rows)
    assert data["self_total_fen"] == sum(r["self_fen"] for r in rows)
    assert data["fund_total_fen"] + data["self_total_fen"] == data["total_fen"]
    assert any(r["hospital_days"] and r["care_days"] < 31 for r in rows)   # a hospital stay: fewer care days
    assert any(r["valid_to"] < "2026-10-31" and r["care_days"] < 31 for r in rows)  # a level ended mid-month
    reasons = {x["reason"] for x in data["excluded"]}
    assert {"未参加长护险", "未登记长护险等级", "长护险等级已过期", "等级不在待遇范围"} <= reasons
    assert all(set(x) >= {"resident_id", "name", "reason"} for x in data["excluded"])
    xlsx = next(p for p in data["files"] if p.endswith(".xlsx"))
    ws = openpyxl.load_workbook(xlsx).active
    assert any(row[0].value == "合计" for row in ws.iter_rows())


def test_ltc_with_a_profile_without_the_section(demo_file):
    out = run("--db", demo_file, "ltc", "--month", "2026-10", "--profile", "hecheng-2021")
    data = json.loads(out.stdout)
    assert out.returncode == 0 and data["residents"] == [] and data["total_fen"] is None and not data["computed"]
    assert "没有长期护理保险标准" in data["problems"][0]
    out = run("--db", demo_file, "ltc", "--month", "2026-10", "--profile", "chongqing-2023")
    data = json.loads(out.stdout)
    assert data["total_fen"] is None and "每床日标准" in data["problems"][0]


def test_same_permissions_as_the_window(demo_file, tmp_path):
    def cli(*args, user, password, new=None):
        env = os.environ | {"YIYANG_USER": user, "YIYANG_PASSWORD": password} | ({"YIYANG_NEW_PASSWORD": new} if new else {})
        return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", str(demo_file), *map(str, args)],
                              capture_output=True, text=True, env=env)
    out = cli("user", "add", "reader", "--role", "只读", user="admin", password="demo", new="reader-pass")
    assert out.returncode == 0, out.stderr
    out = cli("user", "passwd", user="reader", password="reader-pass", new="reader-pass2")
    assert out.returncode == 0, out.stderr
    out = cli("health", "due", user="reader", password="reader-pass2")
    assert out.returncode == 0, out.stderr
    out = cli("health", "add-check", "--resident", "1", "--findings", "x", user="reader", password="reader-pass2")
    assert out.returncode == 2 and "无权" in out.stderr
    out = cli("ltc", "--month", "2026-10", "--out", tmp_path / "no", user="reader", password="reader-pass2")
    assert out.returncode == 2 and "无权" in out.stderr and not list((tmp_path / "no").glob("*"))
