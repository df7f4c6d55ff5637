"""`yiyang user add|list|passwd|reset|unlock|disable|enable` and `yiyang audit`: accounts and the audit trail.

Every command logs in first: the user from ``--user NAME`` or ``YIYANG_USER``, the password from ``YIYANG_PASSWORD``
or a prompt (never echoed). A file without any account must first get its administrator with
``yiyang init --admin-user NAME`` (the password is prompted, or taken from ``YIYANG_PASSWORD``); there is no
default password, and no password is ever accepted on the command line (it would show in the process list).
A new password (``user add``, ``user reset``, ``user passwd``) is prompted twice, or taken from
``YIYANG_NEW_PASSWORD``.

``yiyang audit key`` shows whether this computer holds the file's audit key (and, once, a recovery code no
administrator has seen yet); ``yiyang audit install-key`` installs the key from its recovery code (prompted, or
``YIYANG_RECOVERY_CODE``); ``yiyang audit new-key`` replaces a key that is lost everywhere.
"""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path


def _secret(prompt: str, env: str = "YIYANG_PASSWORD", *, confirm: bool = False) -> str:
    from .services.base import ServiceError
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin or not sys.stdin.isatty():
        raise ServiceError(f"需要密码：请在终端中运行，或设置环境变量 {env}")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再输入一次：") != first:
        raise ServiceError("两次输入的密码不一致")
    return first


def open_context(args, *, create: bool = False, changing_password: bool = False):
    """Open the data file and log in (what every command but ``init`` and ``demo`` uses). A user whose password an
    administrator set (a new account, or after a reset) must change it first, as in the window: only
    ``yiyang user passwd`` (``changing_password``) is let through until then."""
    from .paths import default_db_path
    from .services.accounts import has_users, login
    from .services.base import Context, ServiceError
    from .cli import open_file
    path = getattr(args, "db", None) or default_db_path()
    db = open_file(path, create=create)
    ctx = Context(db)
    if not has_users(db):
        db.close()
        raise ServiceError(f"数据文件 {path} 还没有管理员账号，请先运行：yiyang --db {path} init --admin-user 用户名")
    name = getattr(args, "user", None) or os.environ.get("YIYANG_USER")
    if not name:
        db.close()
        raise ServiceError("请用 --user 用户名 或环境变量 YIYANG_USER 指定登录用户")
    try:
        user = login(ctx, name, _secret(f"用户 {name} 的密码："))
        if user.get("must_change") and not changing_password:
            raise ServiceError(f"用户 {name} 的密码是管理员设置的，请先修改密码：yiyang --db {path} --user {name} user passwd"
                               "（新密码在终端输入，或用环境变量 YIYANG_NEW_PASSWORD）")
    except ServiceError:
        db.close()
        raise
    return ctx


def init_context(args):
    """For ``yiyang init``: create or upgrade the file. One without any account gets its administrator now and the
    command goes on as that administrator; otherwise the usual login. Returns (ctx, name of the admin created)."""
    from .paths import default_db_path
    from .services.accounts import create_first_admin, has_users, login
    from .services.base import Context, ServiceError
    from .cli import open_file
    db = open_file(getattr(args, "db", None) or default_db_path(), create=True)
    if has_users(db):
        db.close()
        return open_context(args), None
    ctx = Context(db)
    try:
        name = getattr(args, "admin_user", None)
        if not name:
            if not sys.stdin or not sys.stdin.isatty():
                raise ServiceError("新数据文件需要先创建管理员：请加上 --admin-user 用户名（密码用环境变量 YIYANG_PASSWORD "
                                   "或在终端输入）")
            name = input("管理员用户名：").strip()
        password = _secret("管理员密码：", confirm=True)
        create_first_admin(ctx, name, password)
        login(ctx, name, password)
        _show_recovery_code(ctx)
    except ServiceError:
        db.close()
        raise
    return ctx, name


def _show_recovery_code(ctx) -> None:
    """Print (to stderr, once) the recovery code of a key made on this computer that no administrator saw yet."""
    from .services.audit_key import take_recovery_code
    from .services.permissions import can
    if not can(ctx, "audit.key"):
        return
    code = take_recovery_code(ctx)
    if code:
        print("\n审计密钥已生成。请抄下恢复码并妥善保管（只显示这一次）；在另一台电脑上使用这个数据文件时需要输入它：\n\n"
              f"    {code}\n", file=sys.stderr)


def cmd_user(args) -> int:
    from .cli import _print
    from .services import accounts as A
    ctx = open_context(args, changing_password=args.action == "passwd")
    if args.action == "list":
        _print(A.list_users(ctx))
        return 0
    if args.action == "passwd":
        old = _secret("原密码：")
        new = _secret("新密码：", env="YIYANG_NEW_PASSWORD", confirm=True)
        A.change_password(ctx, old, new)
        _print({"user": ctx.user, "password_changed": True})
        return 0
    if not args.name:
        print("错误：请指定用户名", file=sys.stderr)
        return 2
    if args.action == "add":
        password = _secret(f"新用户 {args.name} 的初始密码：", env="YIYANG_NEW_PASSWORD", confirm=True)
        uid = A.create_user(ctx, args.name, password, args.role, args.display_name or "")
        _print(A.get_user(ctx, uid))
        return 0
    uid = A.user_id_by_name(ctx, args.name)
    if args.action == "reset":
        A.reset_password(ctx, uid, _secret(f"{args.name} 的新密码：", env="YIYANG_NEW_PASSWORD", confirm=True))
    elif args.action == "unlock":
        A.unlock_user(ctx, uid)
    elif args.action in ("disable", "enable"):
        A.set_active(ctx, uid, args.action == "enable")
    elif args.action == "role":
        A.set_role(ctx, uid, args.role)
    _print(A.get_user(ctx, uid))
    return 0


def cmd_audit(args) -> int:
    from .cli import _print
    from .services import audit, audit_key
    ctx = open_context(args)
    try:
        if args.action == "key":
            state = audit_key.describe_state(ctx.db)
            _print(state)
            _show_recovery_code(ctx)
            return 0
        if args.action == "install-key":
            code = _secret("恢复码：", env="YIYANG_RECOVERY_CODE")
            kid = audit_key.install(ctx.db, code)
            _print({"installed": kid, "status": audit_key.describe_state(ctx.db)["status"]})
            return 0
        if args.action == "new-key":
            if not args.yes:
                print("错误：更换审计密钥后，之前的审计记录将无法再用密钥核对。确认已无人保存原恢复码后，请加 --yes 再运行。",
                      file=sys.stderr)
                return 2
            code = audit_key.replace(ctx)
            print(f"\n新的审计密钥已启用。请抄下恢复码并妥善保管（只显示这一次）：\n\n    {code}\n", file=sys.stderr)
            _print({"status": audit_key.describe_state(ctx.db)["status"]})
            return 0
        filters = dict(start=args.date_from, end=args.date_to, user=args.user_filter, table=args.table,
                       kind=args.kind)
        if args.out:
            if args.out.suffix.lower() != ".xlsx":
                print("错误：导出文件须为 .xlsx", file=sys.stderr)
                return 2
            result = audit.export_xlsx(ctx, args.out, limit=args.limit, **filters)  # recorded in the trail
            _print({"out": str(args.out), "entries": result["entries"]})
            return 0
        rows = audit.query(ctx, limit=args.limit, **filters)
        _print([{k: (str(r[k]) if k == "changes" else r[k]) for k in
                 ("id", "seq", "at", "user", "action", "table", "subject", "changes", "sealed")} for r in rows])
        return 0
    finally:
        ctx.db.close()


def register(sub) -> None:
    from .cli import _date
    from .services.accounts import ROLES
    s = sub.add_parser("user", help="用户账号：add 新增 / list 列表 / passwd 改自己的密码 / reset 重设密码 / unlock 解锁 / "
                                    "disable 停用 / enable 启用 / role 改角色（需管理员登录）")
    s.add_argument("action", choices=("add", "list", "passwd", "reset", "unlock", "disable", "enable", "role"))
    s.add_argument("name", nargs="?", help="用户名（list、passwd 不需要）")
    s.add_argument("--role", choices=ROLES, default="只读", help="角色（add、role 用；默认 只读）")
    s.add_argument("--display-name", help="姓名（add 用）")
    s.set_defaults(func=cmd_user)
    s = sub.add_parser("audit", help="查看或导出审计记录（需管理员登录）；key 查看本机审计密钥 / install-key 输入恢复码 / "
                                     "new-key 更换已丢失的密钥")
    s.add_argument("action", nargs="?", default="list", choices=("list", "key", "install-key", "new-key"),
                   help="list 查看（默认）；key 本机密钥状态；install-key 输入恢复码（或用环境变量 YIYANG_RECOVERY_CODE）；"
                        "new-key 更换密钥（需 --yes）")
    s.add_argument("--kind", choices=("not_sign_in", "all", "changes", "sign_in", "export", "system"), default="all",
                   help="只看某类记录：changes 数据修改 / sign_in 登录 / export 导出 / system 审计密钥与恢复 / "
                        "not_sign_in 不含登录（默认 all 全部）")
    s.add_argument("--yes", action="store_true", help="new-key 用：确认更换")
    s.add_argument("--from", dest="date_from", type=_date, help="起始日期 YYYY-MM-DD")
    s.add_argument("--to", dest="date_to", type=_date, help="截止日期 YYYY-MM-DD（含当天）")
    s.add_argument("--user", dest="user_filter", help="只看该用户的操作")
    s.add_argument("--table", help="只看该数据表（如 residents）")
    s.add_argument("--limit", type=int, default=5000, help="最多条数（默认 5000，0 为不限）")
    s.add_argument("--out", type=Path, help="导出为 .xlsx 文件")
    s.set_defaults(func=cmd_audit)
