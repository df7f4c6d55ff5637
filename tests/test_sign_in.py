"""Signing in (issue #15): scrypt at N = 2^17 with a transparent rehash, 8+ characters, the lock-out counted
atomically before the check, each attempt its own kind of audit entry, and rights re-read at every check."""
from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from conftest import db_location, reopen, PRODUCTION_SCRYPT_N
from factories import bed
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services import accounts as A
from yiyang_desktop.services import audit
from yiyang_desktop.services.base import Context, PermissionDenied, ServiceError, ValidationError
from yiyang_desktop.store.db import connect

NOW = dt.datetime(2026, 11, 23, 9, 0)


def test_the_production_cost_is_owasp_scrypt_and_older_hashes_are_redone_at_sign_in(ctx, monkeypatch):
    assert PRODUCTION_SCRYPT_N == 2 ** 17 and (A.SCRYPT_R, A.SCRYPT_P) == (8, 1)
    monkeypatch.setattr(A, "SCRYPT_N", PRODUCTION_SCRYPT_N)
    strong = A.hash_password("correct-horse")
    assert strong.startswith("scrypt$131072$8$1$") and A.verify_password("correct-horse", strong)
    assert not A.needs_rehash(strong)
    old = A.hash_password("correct-horse", n=2 ** 14)  # what earlier versions stored
    assert A.needs_rehash(old)
    uid = A.create_user(ctx, "nurse", "first-pass", "护理", must_change=False)
    ctx.db.execute("UPDATE users SET password_hash = ? WHERE id = ?", [old, uid])
    ctx.db.conn.commit()
    A.authenticate(ctx.db, "nurse", "correct-horse", clock=FixedClock(NOW))
    stored = ctx.db.execute("SELECT password_hash FROM users WHERE id = ?", [uid]).fetchone()[0]
    assert stored.startswith("scrypt$131072$") and A.verify_password("correct-horse", stored)
    login = audit.query(ctx, kind="sign_in")[0]
    assert login["action"] == "login" and "密码加密强度已升级" in login["changes"]
    assert not A.verify_password("x", "scrypt$1073741824$8$1$AAAA$AAAA")  # an absurd cost is refused, not run


def test_passwords_need_eight_characters(ctx):
    with pytest.raises(ValidationError, match="至少8位"):
        A.create_user(ctx, "x1", "seven77", "只读")
    A.create_user(ctx, "x1", "eight888", "只读")


def test_forty_wrong_passwords_at_once_get_at_most_five_checks(ctx, db_path, monkeypatch):
    A.create_user(ctx, "clerk", "right-pass", "登记员", must_change=False)
    checks = []
    lock = threading.Lock()
    real = A.verify_password

    def counting(password, stored):
        with lock:
            checks.append(1)
        time.sleep(0.03)  # as long as a real check: the window parallel attempts used to slip through (a relative
        # sleep: under faketime a timed wait on an event would never end)
        return real(password, stored)
    monkeypatch.setattr(A, "verify_password", counting)
    where = db_location(ctx.db)
    barrier = threading.Barrier(40)
    errors = []

    def attempt():
        db = reopen(where)
        try:
            barrier.wait()
            A.authenticate(db, "clerk", "wrong-pass", clock=FixedClock(NOW))
        except ServiceError as e:
            errors.append(str(e))
        finally:
            db.close()
    threads = [threading.Thread(target=attempt) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(errors) == 40 and len(checks) <= A.MAX_FAILURES
    assert sum("已被锁定" in e for e in errors) >= 40 - A.MAX_FAILURES
    with pytest.raises(ServiceError, match="已被锁定"):  # even the right password now
        A.authenticate(ctx.db, "clerk", "right-pass", clock=FixedClock(NOW))


def test_failed_sign_ins_are_their_own_kind_of_entry_and_hold_no_secret(ctx):
    A.create_user(ctx, "clerk", "right-pass", "登记员", must_change=False)
    before = len(audit.query(ctx, kind="changes", limit=None))
    for password in ("typo-1", "hunter2-secret"):
        with pytest.raises(ServiceError):
            A.authenticate(ctx.db, "clerk", password, clock=FixedClock(NOW))
    with pytest.raises(ServiceError):
        A.authenticate(ctx.db, "my-password-typed-in-the-name-field", "x", clock=FixedClock(NOW))
    A.authenticate(ctx.db, "clerk", "right-pass", clock=FixedClock(NOW))
    signs = audit.query(ctx, kind="sign_in", limit=None)
    assert [e["action"] for e in signs] == ["login", "login_failed", "login_failed", "login_failed"]
    assert {e["user"] for e in signs if e["action"] == "login_failed"} == {"（登录尝试）"}  # not "by" the account
    assert signs[0]["user"] == "clerk"
    assert len(audit.query(ctx, kind="changes", limit=None)) == before  # counters make no "update" entries
    text = " ".join(str(r) for r in ctx.db.execute("SELECT user, old, new FROM audit_log").fetchall())
    for secret in ("typo-1", "hunter2-secret", "my-password-typed-in-the-name-field", "scrypt$"):
        assert secret not in text
    assert signs[3]["changes"] == "登录失败：密码不正确（用户名“clerk”）"
    assert signs[1]["changes"] == "登录失败：没有这个用户名"  # what was typed is not kept
    assert audit.verify_chain(ctx.db)["ok"]


def test_a_demoted_or_disabled_user_loses_rights_at_once(ctx):
    admin = Context(ctx.db, clock=FixedClock(NOW))
    A.create_first_admin(Context(ctx.db, clock=FixedClock(NOW)), "boss", "boss-pass")
    A.login(admin, "boss", "boss-pass")
    A.create_user(admin, "sam", "sam-pass-1", "登记员", must_change=False)
    sam = Context(ctx.db, clock=FixedClock(NOW))
    A.login(sam, "sam", "sam-pass-1")
    bed(sam, room="101")  # allowed while a 登记员
    A.set_role(admin, A.user_id_by_name(admin, "sam"), "只读")
    with pytest.raises(PermissionDenied, match="“只读”角色无权"):
        bed(sam, room="102")  # the same open session, refused now
    assert sam.role == "只读"
    A.set_role(admin, A.user_id_by_name(admin, "sam"), "登记员")
    A.set_active(admin, A.user_id_by_name(admin, "sam"), False)
    with pytest.raises(PermissionDenied, match="已停用"):
        bed(sam, room="103")
    from yiyang_desktop.services.beds import list_beds
    with pytest.raises(PermissionDenied):
        list_beds(sam)  # not even reading
