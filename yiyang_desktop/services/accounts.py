"""Accounts and roles: scrypt passwords, lock-out, the permission table, ``@requires`` and masking helpers.

Permissions are checked here, in the service layer, so the command line obeys the same rules as the window.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import Context, NotFound, PermissionDenied, Problem, ServiceError, ValidationError
from .permissions import (PERMS, ROLE_LABELS, ROLE_PERMS, ROLES, can, check, current_role,  # noqa: F401
                          permissions, public, requires, requires_login)

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
#: scrypt cost (OWASP: N = 2^17, r = 8, p = 1 — about 128 MiB and half a second a check). Hashes made with a
#: lower cost are made again with this one at the next successful sign-in. Tests lower ``SCRYPT_N`` (conftest).
SCRYPT_N, SCRYPT_R, SCRYPT_P, SALT_BYTES, KEY_BYTES = 2 ** 17, 8, 1, 16, 32
MAX_SCRYPT_N = 2 ** 20  # a stored hash asking for more memory than this is refused, not computed


# ---------------------------------------------------------------- masking

def mask_id(text: str | None) -> str:
    """"430102********1234"-style: first 6 and last 4 kept (short values: all but the last 2 hidden). A value
    already masked (by the service) is returned as it is."""
    if not text:
        return ""
    s = str(text)
    if "*" in s:
        return s
    if len(s) > 10:
        return s[:6] + "*" * (len(s) - 10) + s[-4:]
    return "*" * max(0, len(s) - 2) + s[-2:]


def mask_phone(text: str | None) -> str:
    """"138****5678" for mobiles; other numbers keep the first 3 and last 2 digits (already masked: as it is)."""
    if not text:
        return ""
    s = str(text)
    if "*" in s:
        return s
    if len(s) == 11 and s.isdigit():
        return s[:3] + "****" + s[-4:]
    if len(s) > 5:
        return s[:3] + "*" * (len(s) - 5) + s[-2:]
    return "*" * len(s)


@public("masks a value with the caller's rights; reveals nothing more than they may see")
def shown_id(ctx: Context, text: str | None) -> str:
    return (text or "") if can(ctx, "view.personal_ids") else mask_id(text)


@public("masks a value with the caller's rights; reveals nothing more than they may see")
def shown_phone(ctx: Context, text: str | None) -> str:
    return (text or "") if can(ctx, "view.personal_ids") else mask_phone(text)


def visible_digits_match(needle: str, value: str | None, mask) -> bool:
    """Whether ``needle`` occurs in what ``mask`` leaves visible of ``value`` (never in the hidden middle): a role
    that sees "431202********1234" can find it by "4312" or "1234", and no search tells it a hidden digit."""
    if not value or not needle:
        return False
    shown = mask(value).lower()
    return any(needle in part for part in shown.split("*") if part)


# ---------------------------------------------------------------- passwords

def hash_password(password: str, *, n: int | None = None) -> str:
    n = n or SCRYPT_N
    salt = secrets.token_bytes(SALT_BYTES)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES,
                         maxmem=_maxmem(n, SCRYPT_R, SCRYPT_P))
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${b64(salt)}${b64(key)}"


def _maxmem(n: int, r: int, p: int) -> int:
    return 128 * r * (n + p + 2) + 2 ** 20  # what scrypt needs (128·r·N for N = 2^17, r = 8: 128 MiB) plus slack


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        n, r, p = int(n), int(r), int(p)
        if scheme != "scrypt" or not (2 <= n <= MAX_SCRYPT_N) or not (1 <= r <= 32) or not (1 <= p <= 16):
            return False
        want = base64.b64decode(key)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=n, r=r, p=p,
                             dklen=len(want), maxmem=_maxmem(n, r, p))
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(got, want)


def needs_rehash(stored: str) -> bool:
    """A hash made with a lower cost than today's (made again at the next successful sign-in)."""
    try:
        scheme, n, r, p, *_ = stored.split("$")
        return scheme != "scrypt" or int(n) < SCRYPT_N or int(r) < SCRYPT_R or int(p) < SCRYPT_P
    except ValueError:
        return True


_dummy: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash at today's cost, so checking an unknown user name takes as long as a real check."""
    if SCRYPT_N not in _dummy:
        _dummy[SCRYPT_N] = hash_password(secrets.token_hex(8))
    return _dummy[SCRYPT_N]


def password_problem(password: str | None) -> str | None:
    if not password or len(password) < MIN_PASSWORD:
        return N_("msg", "密码至少{n}位").format(n=MIN_PASSWORD)
    if len(set(password)) < 3:
        return N_("msg", "密码太简单（至少要有3个不同的字符）")
    return None


# ---------------------------------------------------------------- users

USER_COLS = "id, username, display_name, role, active, failed_count, locked_until, must_change, created_at, last_login"


def _user_row(row) -> dict:
    keys = [k.strip() for k in USER_COLS.split(",")]
    d = dict(zip(keys, row))
    d["active"], d["must_change"] = bool(d["active"]), bool(d["must_change"])
    return d


@public("whether any account exists (decides the first start); no account data")
def has_users(db) -> bool:
    return db.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def _insert_user(ctx: Context, username: str, password: str, role: str, display_name: str = "",
                 *, check_password: bool = True, must_change: bool = False) -> int:
    problems = []
    username = (username or "").strip()
    if not username:
        problems.append(Problem("username", N_("msg", "请填写用户名")))
    elif len(username) > 40 or any(c.isspace() for c in username):
        problems.append(Problem("username", N_("msg", "用户名不能有空格，最多40个字")))
    if role not in ROLES:
        problems.append(Problem("role", N_("msg", "角色只能是：{opts}").format(opts="、".join(ROLES))))
    bad = password_problem(password) if check_password else None
    if bad:
        problems.append(Problem("password", bad))
    if username and ctx.db.execute("SELECT 1 FROM users WHERE lower(username) = lower(?)", [username]).fetchone():
        problems.append(Problem("username", N_("msg", "用户名“{name}”已存在").format(name=username)))
    if problems:
        raise ValidationError(problems)
    now = ctx.now().isoformat(sep=" ")
    hashed = hash_password(password)  # half a second: before the write lock is taken
    with ctx.transaction() as db:
        return db["users"].insert({"username": username, "display_name": (display_name or "").strip(), "role": role,
                                   "password_hash": hashed, "must_change": int(must_change), "created_at": now,
                                   "password_changed_at": now}).last_pk


@public("only while the file has no account at all (the first start); refused once any exists")
def create_first_admin(ctx: Context, username: str, password: str, display_name: str = "") -> int:
    """The first start: the administrator account, with a password chosen now. Refused once any account exists.
    The file's audit key is made with it (``services.audit_key``): its recovery code waits for this
    administrator (``take_recovery_code``)."""
    if has_users(ctx.db):
        raise ServiceError(N_("msg", "已有用户账号，不能再创建初始管理员"))
    with ctx.transaction():
        if has_users(ctx.db):
            raise ServiceError(N_("msg", "已有用户账号，不能再创建初始管理员"))
        return _insert_user(ctx, username, password, "管理员", display_name)


@requires("users")
def create_user(ctx: Context, username: str, password: str, role: str, display_name: str = "",
                *, must_change: bool = True) -> int:
    return _insert_user(ctx, username, password, role, display_name, must_change=must_change)


@requires("users")
def list_users(ctx: Context) -> list[dict]:
    return [_user_row(r) for r in ctx.db.execute(f"SELECT {USER_COLS} FROM users ORDER BY id").fetchall()]


def _get_user(ctx: Context, user_id: int) -> dict:
    row = ctx.db.execute(f"SELECT {USER_COLS} FROM users WHERE id = ?", [user_id]).fetchone()
    if not row:
        raise NotFound(N_("msg", "找不到用户 {id}").format(id=user_id))
    return _user_row(row)


@requires("users")
def get_user(ctx: Context, user_id: int) -> dict:
    return _get_user(ctx, user_id)


@requires("users")
def user_id_by_name(ctx: Context, username: str) -> int:
    row = ctx.db.execute("SELECT id FROM users WHERE lower(username) = lower(?)", [username]).fetchone()
    if not row:
        raise NotFound(N_("msg", "找不到用户“{name}”").format(name=username))
    return row[0]


def _admins_left(ctx: Context, excluding: int) -> int:
    return ctx.db.execute("SELECT COUNT(*) FROM users WHERE role = '管理员' AND active = 1 AND id != ?",
                          [excluding]).fetchone()[0]


@requires("users")
def set_role(ctx: Context, user_id: int, role: str) -> None:
    if role not in ROLES:
        raise ValidationError([Problem("role", N_("msg", "角色只能是：{opts}").format(opts="、".join(ROLES)))])
    with ctx.transaction() as db:
        user = _get_user(ctx, user_id)
        if user["role"] == "管理员" and role != "管理员" and not _admins_left(ctx, user_id):
            raise ServiceError(N_("msg", "至少要保留一个可用的管理员账号"))
        db.execute("UPDATE users SET role = ? WHERE id = ?", [role, user_id])


@requires("users")
def set_active(ctx: Context, user_id: int, active: bool) -> None:
    with ctx.transaction() as db:
        user = _get_user(ctx, user_id)
        if not active and user["role"] == "管理员" and not _admins_left(ctx, user_id):
            raise ServiceError(N_("msg", "至少要保留一个可用的管理员账号"))
        db.execute("UPDATE users SET active = ? WHERE id = ?", [int(active), user_id])


@requires("users")
def reset_password(ctx: Context, user_id: int, new_password: str) -> None:
    """Administrator sets a new password; the user must change it at the next login. Also unlocks."""
    _get_user(ctx, user_id)
    bad = password_problem(new_password)
    if bad:
        raise ValidationError([Problem("password", bad)])
    hashed = hash_password(new_password)
    with ctx.transaction() as db:
        db.execute("UPDATE users SET password_hash = ?, must_change = 1, failed_count = 0, locked_until = NULL, "
                   "password_changed_at = ? WHERE id = ?", [hashed, ctx.now().isoformat(sep=" "), user_id])


@requires("users")
def unlock_user(ctx: Context, user_id: int) -> None:
    _get_user(ctx, user_id)
    with ctx.transaction() as db:
        db.execute("UPDATE users SET failed_count = 0, locked_until = NULL WHERE id = ?", [user_id])


@requires_login
def change_password(ctx: Context, old_password: str, new_password: str) -> None:
    """The logged-in user changes their own password (the old one is asked again)."""
    if not ctx.user_id:
        raise PermissionDenied(N_("msg", "请先登录，才能{action}").format(action=N_("msg", "修改密码")))
    stored = ctx.db.execute("SELECT password_hash FROM users WHERE id = ?", [ctx.user_id]).fetchone()
    if not stored or not verify_password(old_password or "", stored[0]):
        raise ValidationError([Problem("old_password", N_("msg", "原密码不正确"))])
    bad = password_problem(new_password)
    if bad:
        raise ValidationError([Problem("password", bad)])
    if new_password == old_password:
        raise ValidationError([Problem("password", N_("msg", "新密码不能与原密码相同"))])
    hashed = hash_password(new_password)
    with ctx.transaction() as db:
        db.execute("UPDATE users SET password_hash = ?, must_change = 0, password_changed_at = ? WHERE id = ?",
                   [hashed, ctx.now().isoformat(sep=" "), ctx.user_id])


# ---------------------------------------------------------------- signing in (services.sign_in)
from .sign_in import authenticate, login, logout  # noqa: E402,F401


@requires("export.personal")
def record_export(ctx: Context, kind: str, path, personal: bool = True) -> bool:
    """An audit entry for a file with personal data already written (kind, file, who, when); prefer
    ``services.exporting.exporting`` around the writing. Returns whether an entry was written."""
    if not personal:
        return False
    from pathlib import Path

    from .exporting import _record, ensure_recordable
    ensure_recordable(ctx)
    _record(ctx, kind, [Path(path)])
    return True
