"""Roles, permissions and the declarations every public service function carries.

Every public function of a ``services`` module that touches the data says who may call it:

* ``@requires("perm")`` — refused (PermissionDenied, before anything is read or written) unless the signed-in
  user's role has ``perm``;
* ``@requires_login`` — any signed-in user (e.g. changing one's own password);
* ``@public("why")`` — deliberately open, with the reason (signing in itself, the integrity check that shows no
  personal data, the program's own plumbing whose callers check first).

``tests/test_permissions_declared.py`` walks every module and fails on a function without one.

The role is read again from the data file at every check when the context belongs to a signed-in account
(``ctx.user_id``): an account the administrator demoted or disabled loses its rights at once, not at its next
sign-in. A context made by the program itself (``Context.system``) or by a test without an account keeps the
role it was given.
"""
from __future__ import annotations

import functools
from typing import Callable, TypeVar

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import SYSTEM_ROLE, Context, PermissionDenied

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
    "audit.key": N_("msg", "管理审计密钥"),
}
ROLE_PERMS: dict[str, frozenset[str]] = {
    "管理员": frozenset(PERMS),
    "登记员": frozenset({"view", "view.personal_ids", "records.write", "assessments.write", "referrals.write",
                      "export.personal", "export.aggregate", "backup"}),
    "护理": frozenset({"view", "assessments.write", "referrals.write", "export.personal", "export.aggregate"}),
    "只读": frozenset({"view", "export.aggregate"}),
    SYSTEM_ROLE: frozenset(PERMS),
}

F = TypeVar("F", bound=Callable)


def _declare(reason: str):
    def wrap(func):
        func.public_reason = reason
        return func
    return wrap


@_declare("the permission check itself")
def current_role(ctx: Context) -> str | None:
    """The role in force now: re-read from the accounts for a signed-in user (None once disabled or deleted)."""
    if ctx.user_id is None:
        return ctx.role
    try:
        row = ctx.db.execute("SELECT role, active FROM users WHERE id = ?", [ctx.user_id]).fetchone()
    except Exception:  # noqa: BLE001 - a closed or unreadable file: no rights
        return None
    role = row[0] if row and row[1] else None
    ctx.role = role
    return role


@_declare("the permission check itself")
def permissions(ctx: Context) -> frozenset[str]:
    return ROLE_PERMS.get(current_role(ctx) or "", frozenset())


@_declare("the permission check itself")
def can(ctx: Context, perm: str) -> bool:
    """Whether the signed-in role has ``perm`` now (False when nobody is signed in)."""
    return perm in permissions(ctx)


@_declare("the permission check itself")
def check(ctx: Context, perm: str) -> None:
    if perm not in PERMS:
        raise KeyError(perm)
    if can(ctx, perm):
        return
    action = PERMS[perm]
    if not ctx.role:
        if ctx.user_id is not None:
            raise PermissionDenied(N_("msg", "账号“{name}”已停用或已删除，不能再{action}").format(
                name=ctx.user or "", action=action))
        raise PermissionDenied(N_("msg", "请先登录，才能{action}").format(action=action))
    raise PermissionDenied(N_("msg", "“{role}”角色无权{action}").format(role=ctx.role, action=action))


@_declare("the permission check itself")
def check_login(ctx: Context, action: str) -> None:
    if current_role(ctx) is None:
        raise PermissionDenied(N_("msg", "请先登录，才能{action}").format(action=action))


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


def requires_login(func: F) -> F:
    """Decorator: any signed-in user (an account that is still active), whatever the role."""
    @functools.wraps(func)
    def guarded(ctx, *args, **kwargs):
        check_login(ctx, N_("msg", "继续"))
        return func(ctx, *args, **kwargs)
    guarded.required_permission = "login"  # type: ignore[attr-defined]
    return guarded  # type: ignore[return-value]


def public(reason: str) -> Callable[[F], F]:
    """Marks a function as deliberately open to anyone, with the reason (read by the declaration test)."""
    if not reason or not reason.strip():
        raise ValueError("public() needs a reason")

    def wrap(func: F) -> F:
        func.public_reason = reason  # type: ignore[attr-defined]
        return func
    return wrap


def declaration(func) -> str | None:
    """What a function declares: "perm:<name>", "login", "public:<reason>" or None."""
    perm = getattr(func, "required_permission", None)
    if perm == "login":
        return "login"
    if perm:
        return f"perm:{perm}"
    reason = getattr(func, "public_reason", None)
    return f"public:{reason}" if reason else None
