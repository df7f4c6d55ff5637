"""Accounts and roles: scrypt passwords, lock-out, the permission table, ``@requires`` and masking helpers.

Permissions are checked here, in the service layer, so the command line obeys the same rules as the window.
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import hmac
import json
import secrets
from typing import Callable, TypeVar

from ..clock import SYSTEM, Clock
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import SYSTEM_ROLE, Context, NotFound, PermissionDenied, Problem, ServiceError, ValidationError

ROLES = ("管理员", "登记员", "护理", "只读")
ROLE_LABELS = (N_("enum", "管理员"), N_("enum", "登记员"), N_("enum", "护理"), N_("enum", "只读"))

#: Every permission and the action it allows, as a refusal names it ("无权{action}").
PERMS: dict[str, str] = {
    "view": N_("msg", "查看数据"),
    "view.personal_ids": N_("msg", "查看完整身份证号和电话"),
    "records.write": N_("msg", "修改床位、老人、人员和合作机构档案"),
    "assessments.write": N_("msg", "录入或修改评估"),
    "referrals.write": N_("msg", "登记或修改转诊"),
    "export.personal": N_("msg", "导出含个人信息的文件"),
    "export.aggregate": N_("msg", "导出统计报表"),
    "settings": N_("msg", "修改机构信息和设置"),
    "users": N_("msg", "管理用户账号"),
    "restore": N_("msg", "恢复备份"),
    "backup": N_("msg", "备份数据"),
    "audit.read": N_("msg", "查看审计记录"),
}
ROLE_PERMS: dict[str, frozenset[str]] = {
    "管理员": frozenset(PERMS),
    "登记员": frozenset({"view", "view.personal_ids", "records.write", "assessments.write", "referrals.write",
                      "export.personal", "export.aggregate", "backup"}),
    "护理": frozenset({"view", "assessments.write", "referrals.write", "export.personal", "export.aggregate"}),
    "只读": frozenset({"view", "export.aggregate"}),
    SYSTEM_ROLE: frozenset(PERMS),
}

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 6
SCRYPT_N, SCRYPT_R, SCRYPT_P, SALT_BYTES, KEY_BYTES = 2 ** 14, 8, 1, 16, 32

F = TypeVar("F", bound=Callable)


# ---------------------------------------------------------------- permissions

def permissions(ctx: Context) -> frozenset[str]:
    return ROLE_PERMS.get(ctx.role or "", frozenset())


def can(ctx: Context, perm: str) -> bool:
    """Whether the logged-in role has ``perm`` (False when nobody is logged in)."""
    return perm in permissions(ctx)


def check(ctx: Context, perm: str) -> None:
    if perm not in PERMS:
        raise KeyError(perm)
    if can(ctx, perm):
        return
    action = PERMS[perm]
    if not ctx.role:
        raise PermissionDenied(N_("msg", "请先登录，才能{action}").format(action=action))
    raise PermissionDenied(N_("msg", "“{role}”角色无权{action}").format(role=ctx.role, action=action))


def requires(perm: str) -> Callable[[F], F]:
    """Decorator for a service function taking ``ctx`` first: refuse with PermissionDenied unless ``can``."""
    if perm not in PERMS:
        raise KeyError(perm)

    def wrap(func: F) -> F:
        @functools.wraps(func)
        def guarded(ctx, *args, **kwargs):
            check(ctx, perm)
            return func(ctx, *args, **kwargs)
        guarded.required_permission = perm  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]
    return wrap


# ---------------------------------------------------------------- masking

def mask_id(text: str | None) -> str:
    """"430102********1234"-style: first 6 and last 4 kept (short values: all but the last 2 hidden)."""
    if not text:
        return ""
    s = str(text)
    if len(s) > 10:
        return s[:6] + "*" * (len(s) - 10) + s[-4:]
    return "*" * max(0, len(s) - 2) + s[-2:]


def mask_phone(text: str | None) -> str:
    """"138****5678" for mobiles; other numbers keep the first 3 and last 2 digits."""
    if not text:
        return ""
    s = str(text)
    if len(s) == 11 and s.isdigit():
        return s[:3] + "****" + s[-4:]
    if len(s) > 5:
        return s[:3] + "*" * (len(s) - 5) + s[-2:]
    return "*" * len(s)


def shown_id(ctx: Context, text: str | None) -> str:
    return (text or "") if can(ctx, "view.personal_ids") else mask_id(text)


def shown_phone(ctx: Context, text: str | None) -> str:
    return (text or "") if can(ctx, "view.personal_ids") else mask_phone(text)


# ---------------------------------------------------------------- passwords

def hash_password(password: str) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt)}${b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        want = base64.b64decode(key)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(want), maxmem=2 ** 26)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


_DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + base64.b64encode(bytes(32)).decode()


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
    if username and ctx.db.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
        problems.append(Problem("username", N_("msg", "用户名“{name}”已存在").format(name=username)))
    if problems:
        raise ValidationError(problems)
    now = ctx.now().isoformat(sep=" ")
    with ctx.transaction() as db:
        cur = db.execute("INSERT INTO users (username, display_name, role, password_hash, must_change, created_at, "
                         "password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [username, (display_name or "").strip(), role, hash_password(password), int(must_change),
                          now, now])
        return cur.lastrowid


def create_first_admin(ctx: Context, username: str, password: str, display_name: str = "") -> int:
    """The first start: the administrator account, with a password chosen now. Refused once any account exists."""
    if has_users(ctx.db):
        raise ServiceError(N_("msg", "已有用户账号，不能再创建初始管理员"))
    with ctx.transaction():
        return _insert_user(ctx, username, password, "管理员", display_name)


@requires("users")
def create_user(ctx: Context, username: str, password: str, role: str, display_name: str = "",
                *, must_change: bool = True) -> int:
    return _insert_user(ctx, username, password, role, display_name, must_change=must_change)


@requires("users")
def list_users(ctx: Context) -> list[dict]:
    return [_user_row(r) for r in ctx.db.execute(f"SELECT {USER_COLS} FROM users ORDER BY id").fetchall()]


def get_user(ctx: Context, user_id: int) -> dict:
    row = ctx.db.execute(f"SELECT {USER_COLS} FROM users WHERE id = ?", [user_id]).fetchone()
    if not row:
        raise NotFound(N_("msg", "找不到用户 {id}").format(id=user_id))
    return _user_row(row)


def user_id_by_name(ctx: Context, username: str) -> int:
    row = ctx.db.execute("SELECT id FROM users WHERE username = ?", [username]).fetchone()
    if not row:
        raise NotFound(N_("msg", "找不到用户“{name}”").format(name=username))
    return row[0]


def _admins_left(ctx: Context, excluding: int) -> int:
    return ctx.db.execute("SELECT COUNT(*) FROM users WHERE role = '管理员' AND active = 1 AND id != ?",
                          [excluding]).fetchone()[0]


@requires("users")
def set_role(ctx: Context, user_id: int, role: str) -> None:
    user = get_user(ctx, user_id)
    if role not in ROLES:
        raise ValidationError([Problem("role", N_("msg", "角色只能是：{opts}").format(opts="、".join(ROLES)))])
    if user["role"] == "管理员" and role != "管理员" and not _admins_left(ctx, user_id):
        raise ServiceError(N_("msg", "至少要保留一个可用的管理员账号"))
    with ctx.transaction() as db:
        db.execute("UPDATE users SET role = ? WHERE id = ?", [role, user_id])


@requires("users")
def set_active(ctx: Context, user_id: int, active: bool) -> None:
    user = get_user(ctx, user_id)
    if not active and user["role"] == "管理员" and not _admins_left(ctx, user_id):
        raise ServiceError(N_("msg", "至少要保留一个可用的管理员账号"))
    with ctx.transaction() as db:
        db.execute("UPDATE users SET active = ? WHERE id = ?", [int(active), user_id])


@requires("users")
def reset_password(ctx: Context, user_id: int, new_password: str) -> None:
    """Administrator sets a new password; the user must change it at the next login. Also unlocks."""
    get_user(ctx, user_id)
    bad = password_problem(new_password)
    if bad:
        raise ValidationError([Problem("password", bad)])
    with ctx.transaction() as db:
        db.execute("UPDATE users SET password_hash = ?, must_change = 1, failed_count = 0, locked_until = NULL, "
                   "password_changed_at = ? WHERE id = ?",
                   [hash_password(new_password), ctx.now().isoformat(sep=" "), user_id])


@requires("users")
def unlock_user(ctx: Context, user_id: int) -> None:
    get_user(ctx, user_id)
    with ctx.transaction() as db:
        db.execute("UPDATE users SET failed_count = 0, locked_until = NULL WHERE id = ?", [user_id])


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
    with ctx.transaction() as db:
        db.execute("UPDATE users SET password_hash = ?, must_change = 0, password_changed_at = ? WHERE id = ?",
                   [hash_password(new_password), ctx.now().isoformat(sep=" "), ctx.user_id])


def authenticate(db, username: str, password: str, *, clock: Clock = SYSTEM) -> dict:
    """Check a login. Wrong passwords are counted; after 5 in a row the account is locked for 15 minutes."""
    now = clock.now()
    wrong = N_("msg", "用户名或密码不正确")
    row = db.execute(f"SELECT {USER_COLS}, password_hash FROM users WHERE username = ?",
                     [(username or "").strip()]).fetchone()
    if not row:
        verify_password(password or "", _DUMMY_HASH)  # same time as a real check
        raise ServiceError(wrong)
    user, stored = _user_row(row[:-1]), row[-1]
    actor = Context(db, user=user["username"], clock=clock)
    if user["locked_until"] and dt.datetime.fromisoformat(user["locked_until"]) > now:
        raise ServiceError(N_("msg", "账号“{name}”已被锁定，请在 {time} 之后再试，或请管理员解锁")
                           .format(name=user["username"], time=user["locked_until"][11:16]))
    if not user["active"]:
        raise ServiceError(N_("msg", "账号“{name}”已停用，请联系管理员").format(name=user["username"]))
    if not verify_password(password or "", stored):
        failures = user["failed_count"] + 1
        locked = (now + dt.timedelta(minutes=LOCK_MINUTES)).isoformat(sep=" ") if failures >= MAX_FAILURES else None
        with actor.transaction() as t:
            t.execute("UPDATE users SET failed_count = ?, locked_until = ? WHERE id = ?",
                      [0 if locked else failures, locked, user["id"]])
        if locked:
            raise ServiceError(N_("msg", "密码连续错误{n}次，账号已锁定{m}分钟").format(n=MAX_FAILURES, m=LOCK_MINUTES))
        raise ServiceError(wrong)
    with actor.transaction() as t:
        t.execute("UPDATE users SET failed_count = 0, locked_until = NULL, last_login = ? WHERE id = ?",
                  [now.isoformat(sep=" "), user["id"]])
    user.update(failed_count=0, locked_until=None, last_login=now.isoformat(sep=" "))
    return user


def login(ctx: Context, username: str, password: str) -> dict:
    """Authenticate and make ``ctx`` act as that user (its role decides what services allow)."""
    user = authenticate(ctx.db, username, password, clock=ctx.clock)
    ctx.user, ctx.user_id, ctx.role = user["username"], user["id"], user["role"]
    return user


def logout(ctx: Context) -> None:
    ctx.user, ctx.user_id, ctx.role = None, None, None


def record_export(ctx: Context, kind: str, path, personal: bool = True) -> bool:
    """An audit entry for an export carrying personal data (kind, file, who, when). Returns whether one was written."""
    if not personal:
        return False
    check(ctx, "export.personal")
    with ctx.transaction() as db:
        db.execute("INSERT INTO audit_log (at, user, action, tbl, row_key, old, new) VALUES (?, ?, 'export', 'export', "
                   "NULL, NULL, ?)", [ctx.now().isoformat(sep=" "), ctx.user or "system",
                                      json.dumps({"kind": str(kind), "path": str(path)}, ensure_ascii=False)])
    return True
