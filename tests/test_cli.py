"""``yiyang`` as a user or a scheduled task runs it: a real process, JSON out, Chinese errors, exit codes."""
import json
import os
import subprocess
import sys

import pytest


def run(*args, password="demo", **kw):
    """Logged in as the demo's administrator (admin / demo); files made here get admin / the given password."""
    env = os.environ | {"YIYANG_USER": "admin", "YIYANG_PASSWORD": password}
    return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", *map(str, args)], capture_output=True,
                          text=True, env=env, **kw)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    out = run("demo", "--out", path, "--date", "2026-11-23")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["demo"] == str(path)
    return path


def test_census_json(demo_file):
    out = run("--db", demo_file, "census", "--date", "2026-10-31")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["date"] == "2026-10-31"
    assert set(data["beds_by_type"]) == {"养老床位", "护理型床位", "医疗床位", "家庭养老床位"}
    assert data["beds_total"] == sum(data["beds_by_type"].values())
    assert data["occupied_total"] == sum(data["occupied_by_type"].values()) == len(data["residents"])
    assert {"name", "bed", "bed_type"} <= set(data["residents"][0])
    assert len({r["bed"] for r in data["residents"]}) == len(data["residents"])


def test_census_agrees_with_services(demo_file):
    import datetime as dt

    from yiyang_desktop.services.base import Context
    from yiyang_desktop.services.census import census
    from yiyang_desktop.store.db import open_db
    data = json.loads(run("--db", demo_file, "census", "--date", "2025-06-30").stdout)
    db = open_db(demo_file, create=False)
    c = census(Context(db, role="只读"), dt.date(2025, 6, 30))
    db.close()
    assert data["occupied_total"] == c.occupied_total
    assert sorted(r["name"] for r in data["residents"]) == sorted(r.name for r in c.residents)


def test_check_and_init(tmp_path, demo_file):
    out = run("--db", demo_file, "check")
    assert out.returncode == 0 and json.loads(out.stdout)["ok"] is True
    new = tmp_path / "mine.db"
    out = run("--db", new, "init", "--name", "康乐养老院", "--admin-user", "admin", password="admin-pass")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["institution"] == "康乐养老院"
    out = run("--db", new, "census", "--date", "2026-01-01", password="admin-pass")
    assert json.loads(out.stdout)["beds_total"] == 0


def test_errors_are_chinese_with_nonzero_exit(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    out = run("--db", bad, "check")
    assert out.returncode != 0 and "不是医养台账" in out.stderr and "Traceback" not in out.stderr
    out = run("--db", tmp_path / "missing.db", "census")
    assert out.returncode != 0 and "找不到" in out.stderr
    out = run("--db", bad, "census", "--date", "2026-02-30")
    assert out.returncode != 0 and "不是有效日期" in out.stderr


def test_demo_never_overwrites_real_data(tmp_path):
    real = tmp_path / "real.db"
    assert run("--db", real, "init", "--name", "正式机构", "--admin-user", "admin", password="admin-pass").returncode == 0
    out = run("demo", "--out", real)
    assert out.returncode != 0 and "正式数据" in out.stderr
    assert json.loads(run("--db", real, "check").stdout)["ok"]
