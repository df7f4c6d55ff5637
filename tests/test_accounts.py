"""Accounts and roles: scrypt passwords, lock-out, change/reset, permissions enforced in the services and the CLI."""
import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from factories import bed, resident
from yiyang_desktop.services import accounts as A
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services.base import Context, PermissionDenied, ServiceError, ValidationError

NOW = dt.datetime(2026, 11, 23, 9, 0)


def as_role(ctx, role, user="u"):
    return Context(ctx.db, user=user, role=role, clock=ctx.clock)


def test_password_hash_is_salted_scrypt_and_verifies():
    h1, h2 = A.hash_password("秘密-pass1"), A.hash_password("秘密-pass1")
    assert h1 != h2 and h1.startswith(f"scrypt${A.SCRYPT_N}$8$1$")
    assert A.verify_password("秘密-pass1", h1) and not A.verify_password("秘密-pass2", h1)
    assert not A.verify_password("x", "garbage") and not A.verify_password("x", "md5$1$2$3$4$5")


def test_first_admin_only_once_and_never_a_weak_password(ctx):
    assert not A.has_users(ctx.db)
    with pytest.raises(ValidationError) as e:
        A.create_first_admin(ctx, "boss", "123")
    assert "password" in e.value.by_field()
    A.create_first_admin(ctx, "boss", "good-pass")
    with pytest.raises(ServiceError):
        A.create_first_admin(ctx, "boss2", "good-pass")
    fresh = Context(ctx.db, clock=FixedClock(NOW))
    user = A.login(fresh, "BOSS", "good-pass")  # user names ignore case
    assert fresh.role == "管理员" and fresh.user == "boss" and user["last_login"] == "2026-11-23 09:00:00"


def test_lockout_after_five_failures_for_fifteen_minutes(ctx):
    A.create_user(ctx, "clerk", "right-pass", "登记员")
    for i in range(4):
        with pytest.raises(ServiceError, match="用户名或密码不正确"):
            A.authenticate(ctx.db, "clerk", "wrong", clock=FixedClock(NOW))
    with pytest.raises(ServiceError, match="已锁定15分钟"):
        A.authenticate(ctx.db, "clerk", "wrong", clock=FixedClock(NOW))
    with pytest.raises(ServiceError, match="已被锁定.*09:15"):  # even the right password, while locked
        A.authenticate(ctx.db, "clerk", "right-pass", clock=FixedClock(NOW + dt.timedelta(minutes=14)))
    assert A.authenticate(ctx.db, "clerk", "right-pass", clock=FixedClock(NOW + dt.timedelta(minutes=16)))["role"] == "登记员"
    # a success resets the count: four more failures do not lock
    for _ in range(4):
        with pytest.raises(ServiceError, match="不正确"):
            A.authenticate(ctx.db, "clerk", "wrong", clock=FixedClock(NOW + dt.timedelta(minutes=20)))
    assert A.authenticate(ctx.db, "clerk", "right-pass", clock=FixedClock(NOW + dt.timedelta(minutes=21)))


def test_admin_unlocks_and_resets(ctx):
    uid = A.create_user(ctx, "nurse", "first-pass", "护理")
    for _ in range(5):
        with pytest.raises(ServiceError):
            A.authenticate(ctx.db, "nurse", "bad", clock=FixedClock(NOW))
    assert A.get_user(ctx, uid)["locked_until"]
    A.unlock_user(ctx, uid)
    assert A.authenticate(ctx.db, "nurse", "first-pass", clock=FixedClock(NOW))["must_change"]  # made by an admin: must change
    A.reset_password(ctx, uid, "reset-pass")
    with pytest.raises(ServiceError):
        A.authenticate(ctx.db, "nurse", "first-pass", clock=FixedClock(NOW))
    nurse = Context(ctx.db, clock=FixedClock(NOW))
    assert A.login(nurse, "nurse", "reset-pass")["must_change"]
    with pytest.raises(ValidationError, match="原密码不正确"):
        A.change_password(nurse, "nope", "own-pass-1")
    A.change_password(nurse, "reset-pass", "own-pass-1")
    assert not A.authenticate(ctx.db, "nurse", "own-pass-1", clock=FixedClock(NOW))["must_change"]


def test_disabled_users_cannot_log_in_and_the_last_admin_stays(ctx):
    admin = A.create_first_admin(ctx, "boss", "good-pass")
    uid = A.create_user(ctx, "temp", "temp-pass", "只读")
    A.set_active(ctx, uid, False)
    with pytest.raises(ServiceError, match="已停用"):
        A.authenticate(ctx.db, "temp", "temp-pass")
    with pytest.raises(ServiceError, match="至少要保留一个"):
        A.set_active(ctx, admin, False)
    with pytest.raises(ServiceError, match="至少要保留一个"):
        A.set_role(ctx, admin, "只读")
    A.set_role(ctx, uid, "管理员")
    A.set_active(ctx, uid, True)
    A.set_role(ctx, admin, "登记员")  # another admin exists now
    assert [u["role"] for u in A.list_users(ctx)] == ["登记员", "管理员"]


def test_roles_follow_the_permission_table(ctx):
    clerk, nurse, viewer = (as_role(ctx, r) for r in ("登记员", "护理", "只读"))
    assert A.can(ctx, "users") and not A.can(clerk, "users") and not A.can(clerk, "restore")
    assert A.can(clerk, "records.write") and A.can(clerk, "export.personal")
    assert A.can(nurse, "assessments.write") and A.can(nurse, "referrals.write") and not A.can(nurse, "records.write")
    assert not A.can(nurse, "view.personal_ids") and A.can(nurse, "view")
    assert A.can(viewer, "view") and not A.can(viewer, "export.personal") and not A.can(viewer, "records.write")
    assert not A.can(Context(ctx.db), "view")


def test_services_refuse_what_the_role_may_not_do(ctx):
    viewer, clerk = as_role(ctx, "只读"), as_role(ctx, "登记员")
    with pytest.raises(PermissionDenied, match="“只读”角色无权修改床位"):
        bed(viewer)
    bed_id = bed(clerk)
    with pytest.raises(PermissionDenied, match="管理用户账号"):
        A.create_user(clerk, "x", "xyz-pass", "只读")
    with pytest.raises(PermissionDenied, match="请先登录"):
        resident(Context(ctx.db))
    from yiyang_desktop.services.beds import list_beds
    assert [b["id"] for b in list_beds(viewer)] == [bed_id]
    with pytest.raises(PermissionDenied):
        list_beds(Context(ctx.db))
    assert ctx.db.execute("SELECT COUNT(*) FROM residents").fetchone()[0] == 0


def test_masking():
    assert A.mask_id("431202194005061234") == "431202********1234"
    assert A.mask_id("") == "" and A.mask_id(None) == ""
    assert A.mask_phone("13812345678") == "138****5678"
    assert A.mask_phone("0745-2345678") == "074*******78"
    assert A.shown_id(Context(None, role="护理"), "431202194005061234") == "431202********1234"
    assert A.shown_id(Context(None, role="登记员"), "431202194005061234") == "431202194005061234"


def test_personal_exports_are_recorded(ctx, tmp_path):
    from yiyang_desktop.services import audit
    assert A.record_export(ctx, "花名册", tmp_path / "a.xlsx", True)
    assert not A.record_export(ctx, "统计", tmp_path / "b.xlsx", False)
    e = audit.query(ctx, table="export")
    assert len(e) == 1 and e[0]["user"] == "tester"
    assert e[0]["new"] == {"kind": "花名册", "path": str((tmp_path / "a.xlsx").resolve())}
    with pytest.raises(PermissionDenied):
        A.record_export(as_role(ctx, "只读"), "花名册", tmp_path / "c.xlsx", True)
    assert audit.verify_chain(ctx.db)["ok"]


def test_demo_has_admin_with_password_demo(demo_ctx):
    fresh = Context(demo_ctx.db)
    A.login(fresh, "admin", "demo")
    assert fresh.role == "管理员"


# ---------------------------------------------------------------- the command line

def cli(*args, user=None, password=None, **env):
    e = {k: v for k, v in os.environ.items() if not k.startswith("YIYANG_") or k in ("YIYANG_DATA_DIR", "YIYANG_CONFIG_DIR", "YIYANG_KEYRING")}
    if user:
        e["YIYANG_USER"] = user
    if password:
        e["YIYANG_PASSWORD"] = password
    e.update(env)
    return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", *map(str, args)], capture_output=True,
                          text=True, env=e, stdin=subprocess.DEVNULL)


def test_cli_init_creates_the_admin_and_every_command_logs_in(tmp_path):
    db = tmp_path / "home.db"
    out = cli("--db", db, "init", "--name", "康乐")
    assert out.returncode == 2 and "--admin-user" in out.stderr  # no default password, no silent account
    out = cli("--db", db, "init", "--name", "康乐", "--admin-user", "boss", "--admin-password", "boss-pass")
    assert out.returncode == 2 and "--admin-password" in out.stderr  # never on the command line (process list)
    out = cli("--db", db, "init", "--name", "康乐", "--admin-user", "boss", password="boss-pass")
    assert out.returncode == 0, out.stderr
    assert "恢复码" in out.stderr  # the audit key's recovery code, shown once to the administrator
    assert json.loads(out.stdout)["admin_created"] == "boss"
    assert "YIYANG_USER" in cli("--db", db, "census").stderr
    assert "不正确" in cli("--db", db, "census", user="boss", password="nope").stderr
    assert cli("--db", db, "census", user="boss", password="boss-pass").returncode == 0
    out = cli("--db", db, "user", "add", "anna", "--role", "只读", user="boss", password="boss-pass",
              YIYANG_NEW_PASSWORD="anna-pass")
    assert out.returncode == 0 and json.loads(out.stdout)["role"] == "只读"
    refused = cli("--db", db, "census", user="anna", password="anna-pass")  # the admin chose it: change it first
    assert refused.returncode == 2 and "user passwd" in refused.stderr and not refused.stdout
    out = cli("--db", db, "user", "passwd", user="anna", password="anna-pass", YIYANG_NEW_PASSWORD="anna-pass-2")
    assert out.returncode == 0, out.stderr
    assert cli("--db", db, "census", user="anna", password="anna-pass-2").returncode == 0
    out = cli("--db", db, "--user", "anna", "user", "list", password="anna-pass-2")
    assert out.returncode == 2 and "无权管理用户账号" in out.stderr
    listed = json.loads(cli("--db", db, "user", "list", user="boss", password="boss-pass").stdout)
    assert [u["username"] for u in listed] == ["boss", "anna"]
    for _ in range(5):
        cli("--db", db, "census", user="anna", password="bad")
    assert "锁定" in cli("--db", db, "census", user="anna", password="anna-pass-2").stderr
    assert cli("--db", db, "user", "unlock", "anna", user="boss", password="boss-pass").returncode == 0
    assert cli("--db", db, "census", user="anna", password="anna-pass-2").returncode == 0
    out = cli("--db", db, "user", "passwd", user="anna", password="anna-pass-2", YIYANG_NEW_PASSWORD="anna-new-1")
    assert out.returncode == 0, out.stderr
    assert cli("--db", db, "census", user="anna", password="anna-new-1").returncode == 0
    assert cli("--db", db, "census", user="anna", password="anna-pass-2").returncode == 2
    out = cli("--db", db, "audit", "--user", "boss", "--table", "users", user="boss", password="boss-pass")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows and {r["user"] for r in rows} == {"boss"} and {r["table"] for r in rows} == {"users"}
    xlsx = tmp_path / "audit.xlsx"
    out = cli("--db", db, "audit", "--from", "2020-01-01", "--out", xlsx, user="boss", password="boss-pass")
    assert out.returncode == 0 and json.loads(out.stdout)["entries"] >= 4
    from openpyxl import load_workbook
    assert load_workbook(xlsx).active.max_row == json.loads(out.stdout)["entries"] + 2  # header, entries, 共 N 条
    assert "无权查看审计记录" in cli("--db", db, "audit", user="anna", password="anna-new-1").stderr
    check = json.loads(cli("--db", db, "check").stdout)
    assert check["ok"] and check["audit"]["checked"] >= 4
