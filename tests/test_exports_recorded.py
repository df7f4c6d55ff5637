"""Personal-data exports (issue #15): permission checked before any file is written, every one recorded (what, by
whom, where) in the service, whichever path calls it; settings only for the administrator."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from yiyang_desktop.services import applications as AP
from yiyang_desktop.services import audit
from yiyang_desktop.services import backup as bk
from yiyang_desktop.services.base import Context, PermissionDenied
from yiyang_desktop.services.settings import get_setting, set_setting


def as_role(ctx, role):
    return Context(ctx.db, user=f"u-{role}", role=role, clock=ctx.clock)


def test_nursing_running_apply_is_refused_before_a_roster_exists(demo_ctx, tmp_path):
    nurse = as_role(demo_ctx, "护理")
    app = AP.prepare(nurse, "operating-subsidy", year=2026, months=[1, 2])
    assert all("********" in line["id_number"] for line in app.summary["lines"])  # masked for 护理
    assert all("********" in line.id_number for line in app.result.lines)
    out = tmp_path / "out"
    with pytest.raises(PermissionDenied, match="修改床位、老人"):
        AP.write(nurse, app, out, allow_missing=True)
    assert not out.exists() or not any(out.iterdir())
    clerk = as_role(demo_ctx, "登记员")
    files = AP.write(clerk, AP.prepare(clerk, "operating-subsidy", year=2026, months=[1]), out, allow_missing=True)
    entry = audit.query(demo_ctx, kind="export")[0]
    assert entry["user"] == "u-登记员" and "花名册" in entry["new"]["kind"]
    assert all(str(f.resolve()) in entry["new"]["path"] for f in files) and entry["new"]["rows"] > 0


def test_a_viewer_cannot_redirect_backups_switch_off_the_lock_or_change_the_profile(ctx, tmp_path):
    viewer = as_role(ctx, "只读")
    for key, value in (("backup_second_dir", str(tmp_path / "mine")), ("idle_lock_minutes", 0),
                       ("policy_profile", "chongqing-2023")):
        with pytest.raises(PermissionDenied, match="无权修改机构信息和设置"):
            set_setting(viewer, key, value)
    with pytest.raises(PermissionDenied):
        bk.set_second_dir(viewer, tmp_path / "mine")
    assert get_setting(viewer, "backup_second_dir") is None
    set_setting(ctx, "idle_lock_minutes", 5)
    assert get_setting(viewer, "idle_lock_minutes") == 5
    with pytest.raises(PermissionDenied, match="请先登录"):
        get_setting(Context(ctx.db), "idle_lock_minutes")


@pytest.mark.sqlite_only(reason="a backup of the data file (the server's: test_pg_backup.py)")
def test_a_backup_to_a_chosen_folder_is_a_recorded_export(ctx, db_path, tmp_path, data_folder):
    clerk = as_role(ctx, "登记员")
    made = bk.make_backup(clerk, db_path, folder=tmp_path / "usb", now=dt.datetime(2026, 11, 23, 9))
    entry = audit.query(ctx, kind="export")[0]
    assert entry["user"] == "u-登记员" and "数据文件完整备份" in entry["new"]["kind"]
    assert entry["new"]["path"] == str(Path(made["path"]).resolve())
    nurse = as_role(ctx, "护理")
    with pytest.raises(PermissionDenied, match="备份数据"):
        bk.make_backup(nurse, db_path, folder=tmp_path / "usb2")
    assert not (tmp_path / "usb2").exists()
    bk.make_backup(ctx, db_path, now=dt.datetime(2026, 11, 23, 10))  # the usual backup: not an export
    assert len(audit.query(ctx, kind="export")) == 1


def test_the_audit_export_is_itself_recorded_and_refused_to_others(ctx, tmp_path):
    with pytest.raises(PermissionDenied):
        audit.export_xlsx(as_role(ctx, "登记员"), tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()
    audit.export_xlsx(ctx, tmp_path / "a.xlsx")
    assert audit.query(ctx, kind="export")[0]["new"]["kind"] == "审计记录"
