"""Signing in: wrong passwords counted atomically before the password is checked; every attempt recorded.

The attempt is counted first, in one write transaction (``BEGIN IMMEDIATE``, so parallel attempts queue) that
reads the account, refuses a locked or disabled one, adds one to ``failed_count`` and, at the fifth, locks the
account for 15 minutes (``UPDATE … RETURNING``). Only then is the (slow) password hash computed, outside the lock.
However many attempts arrive at once, at most five passwords are checked per lock period. A correct password
clears the count.

Each attempt is an entry of its own kind in the trail — ``login`` (by the user) or ``login_failed`` (by
"（登录尝试）", naming the account tried and why it failed; an unknown user name is not written down, as it may be a
password typed into the wrong field) — never an "update by" the targeted account. The counters themselves make no
entry (``schema_accounts.QUIET_COLUMNS``), so a computer without the audit key still counts wrong passwords; the
sign-in entries are then not written (they could not be signed: see ``services.audit``).
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager

from ..clock import SYSTEM, Clock
from ..domain.text import QT_TRANSLATE_NOOP as N_
from . import accounts as A
from .base import Context, ServiceError, _reraise
from .permissions import public

WRONG = N_("msg", "用户名或密码不正确")


@contextmanager
def _counting(db):
    """One short write transaction for the counters (no audit entry: the counters are quiet columns)."""
    conn = db.conn
    joined = conn.in_transaction
    try:
        conn.execute("SAVEPOINT sign_in" if joined else "BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        _reraise(e)
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            if joined:
                conn.execute("ROLLBACK TO SAVEPOINT sign_in")
                conn.execute("RELEASE SAVEPOINT sign_in")
            else:
                conn.rollback()
        raise
    try:
        conn.execute("RELEASE SAVEPOINT sign_in" if joined else "COMMIT")
    except sqlite3.OperationalError as e:
        if conn.in_transaction and not joined:
            conn.rollback()
        _reraise(e)


def _record(db, clock: Clock, *, user: str, action: str, user_id: int | None, new: dict) -> bool:
    """The sign-in entry, sealed; False (nothing written) where the trail cannot be signed."""
    from .audit import AuditUnavailable, write_entry
    actor = Context(db, user=user, clock=clock)
    try:
        with actor.transaction() as t:
            write_entry(t, user=user, at=clock.now(), action=action, table="users",
                        row_key=str(user_id) if user_id is not None else None, new=new)
    except AuditUnavailable:
        return False
    return True


@public("signing in itself: the password is the check")
def authenticate(db, username: str, password: str, *, clock: Clock = SYSTEM) -> dict:
    """Check a sign-in. Wrong passwords are counted before the check; after 5 in a row the account is locked for
    15 minutes. Returns the account (without its hash)."""
    from .audit import ACTOR_SIGN_IN
    now = clock.now()
    stamp = now.isoformat(sep=" ", timespec="seconds")
    name = (username or "").strip()
    lock_until = (now + dt.timedelta(minutes=A.LOCK_MINUTES)).isoformat(sep=" ", timespec="seconds")
    with _counting(db):
        row = db.execute(f"SELECT {A.USER_COLS}, password_hash FROM users WHERE lower(username) = lower(?)", [name]).fetchone()
        user = A._user_row(row[:-1]) if row else None
        outcome, attempt = None, 0
        if user is None:
            outcome = "unknown"
        elif user["locked_until"] and user["locked_until"] > stamp:
            outcome = "locked"
        elif not user["active"]:
            outcome = "disabled"
        else:
            attempt = db.execute(
                "UPDATE users SET failed_count = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_count + 1 END, "
                "locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_count + 1 END) >= ? "
                "THEN ? ELSE NULL END WHERE id = ? RETURNING failed_count",
                [A.MAX_FAILURES, lock_until, user["id"]]).fetchone()[0]
    if outcome == "unknown":
        A.verify_password(password or "", A._dummy_hash())  # the same time as a real check
        _record(db, clock, user=ACTOR_SIGN_IN, action="login_failed", user_id=None, new={"reason": "unknown"})
        raise ServiceError(WRONG)
    if outcome == "locked":
        _record(db, clock, user=ACTOR_SIGN_IN, action="login_failed", user_id=user["id"],
                new={"username": user["username"], "reason": "locked"})
        raise ServiceError(N_("msg", "账号“{name}”已被锁定，请在 {time} 之后再试，或请管理员解锁")
                           .format(name=user["username"], time=user["locked_until"][11:16]))
    if outcome == "disabled":
        _record(db, clock, user=ACTOR_SIGN_IN, action="login_failed", user_id=user["id"],
                new={"username": user["username"], "reason": "disabled"})
        raise ServiceError(N_("msg", "账号“{name}”已停用，请联系管理员").format(name=user["username"]))
    stored = row[-1]
    if not A.verify_password(password or "", stored):
        locked = attempt >= A.MAX_FAILURES
        _record(db, clock, user=ACTOR_SIGN_IN, action="login_failed", user_id=user["id"],
                new={"username": user["username"], "reason": "lockout" if locked else "password", "attempt": attempt})
        if locked:
            raise ServiceError(N_("msg", "密码连续错误{n}次，账号已锁定{m}分钟").format(n=A.MAX_FAILURES, m=A.LOCK_MINUTES))
        raise ServiceError(WRONG)
    rehash = A.hash_password(password) if A.needs_rehash(stored) else None
    _succeed(db, clock, user, stamp, rehash)
    user.update(failed_count=0, locked_until=None, last_login=stamp)
    return user


def _succeed(db, clock: Clock, user: dict, stamp: str, rehash: str | None) -> None:
    """Clear the count, note the time, store a stronger hash; with the ``login`` entry when it can be signed."""
    from .audit import AuditUnavailable, write_entry

    def counters(t) -> None:
        t.execute("UPDATE users SET failed_count = 0, locked_until = NULL, last_login = ? WHERE id = ?",
                  [stamp, user["id"]])
    actor = Context(db, user=user["username"], clock=clock)
    try:
        with actor.transaction() as t:
            counters(t)
            if rehash:
                t.execute("UPDATE users SET password_hash = ? WHERE id = ?", [rehash, user["id"]])
            write_entry(t, user=user["username"], at=clock.now(), action="login", table="users",
                        row_key=str(user["id"]), new={"username": user["username"], "rehashed": bool(rehash)})
    except AuditUnavailable:  # no key here (or the triggers were tampered with): count, sign nothing, keep the hash
        with _counting(db) as t:
            counters(t)


@public("signing in itself: the password is the check")
def login(ctx: Context, username: str, password: str) -> dict:
    """Authenticate and make ``ctx`` act as that user (its role, re-read at every check, decides what is allowed)."""
    user = authenticate(ctx.db, username, password, clock=ctx.clock)
    ctx.user, ctx.user_id, ctx.role = user["username"], user["id"], user["role"]
    return user


@public("signing out only forgets who is signed in")
def logout(ctx: Context) -> None:
    ctx.user, ctx.user_id, ctx.role = None, None, None
