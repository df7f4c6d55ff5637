"""``yiyang``: the same services as the window, for scripts, scheduled tasks and checks.

Every command that prints data prints JSON on stdout; errors go to stderr in Chinese with a non-zero exit.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

from . import __version__
from .clock import SYSTEM
from .paths import default_db_path


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}”不是有效日期，格式应为 YYYY-MM-DD") from None


def _print(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def location(value: str):
    """``--db``/``--out``: a data file path, or a server connection string (``postgresql://…``, the 网络版) kept
    as it is written (a Path would fold its ``//``)."""
    from .store.pg_open import is_server
    return value if is_server(value) else Path(value)


def open_file(path, **kw):
    """``open_db`` for the command line: what it set aside on the way (a foreign -wal) is said on stderr."""
    from .store.db import open_db
    from .store.pg_open import ServerAuthError, describe, is_server
    try:
        db = open_db(path, **kw)
    except ServerAuthError:
        # the 网络版's password: PGPASSWORD or the pgpass file (libpq reads both), else typed in a terminal
        if not (is_server(path) and sys.stdin and sys.stdin.isatty()):
            raise ServerAuthError(f"服务器数据库 {describe(str(path))} 需要密码或密码不正确：请用环境变量 PGPASSWORD "
                                  "或 PostgreSQL 的密码文件（pgpass）提供，或在终端运行时输入。") from None
        import getpass
        db = open_db(path, password=getpass.getpass(f"服务器数据库 {describe(str(path))} 的密码："), **kw)
    for note in getattr(db, "open_notes", ()):
        print(f"注意：{note}", file=sys.stderr)
    for problem in getattr(db, "trigger_problems", ()):
        print(f"警告：{problem}。为防止修改不留记录，本程序不会保存任何修改；请运行 yiyang check 查看。", file=sys.stderr)
    return db


def _open(args, *, create: bool = False):
    """Open the data file and log in (--user / YIYANG_USER, password from YIYANG_PASSWORD or a prompt)."""
    from .cli_accounts import open_context
    return open_context(args, create=create)


def cmd_init(args) -> int:
    from .cli_accounts import init_context
    from .services.institution import get_institution, save_institution
    from .store.db import schema_version
    ctx, created = init_context(args)  # a file without accounts gets its administrator now (no default password)
    if args.name:
        save_institution(ctx, get_institution(ctx) | {"name": args.name})
    _print({"db": str(args.db or default_db_path()), "schema_version": schema_version(ctx.db),
            "institution": get_institution(ctx)["name"], "admin_created": created})
    return 0


def cmd_demo(args) -> int:
    from .services.demo import build_demo
    from .store.pg_open import describe, is_server
    out = args.out
    if is_server(out):  # the 网络版: an empty database, or one with an older demo (real records are refused)
        end = args.date or SYSTEM.today()
        build_demo(out, end=end)
        _print({"demo": describe(out), "date": end.isoformat()})
        return 0
    out = Path(out)
    if out.exists() and out.stat().st_size > 0:
        from .store.db import meta
        db = open_file(out, create=False)  # a foreign or broken file is refused here, untouched
        demo = meta(db, "is_demo") == "1"
        db.close()
        if not demo:
            print(f"错误：{out} 是正式数据文件，演示数据不会覆盖它。请换一个文件名。", file=sys.stderr)
            return 2
    end = args.date or SYSTEM.today()
    build_demo(out, end=end)
    _print({"demo": str(out), "date": end.isoformat()})
    return 0


def cmd_census(args) -> int:
    from .services.census import census
    ctx = _open(args)
    _print(census(ctx, args.date or ctx.today()).to_json())
    return 0


def cmd_check(args) -> int:
    """Integrity, record rules and the audit trail: its triggers, its keyed chain, and every anchor found (this
    file's backups in every backup folder, its submitted returns)."""
    from .services.audit import verify_chain
    from .services.audit_anchors import check_all
    from .store.db import integrity_report
    path = args.db or default_db_path()
    db = open_file(path, create=False)  # no login: the report shows no personal data
    try:
        report = integrity_report(db)
        try:
            report["audit"] = verify_chain(db, path=path)
            anchors = check_all(db, path)
            report["audit"]["anchors"] = {"found": anchors["anchors"], "checked": anchors["checked"]}
            report["audit"]["problems"] += anchors["problems"]
            report["audit"]["notes"] += anchors["notes"]
            report["audit"]["ok"] = report["audit"]["ok"] and not anchors["problems"]
        except (sqlite3.DatabaseError, UnicodeDecodeError) as e:  # damage the audit trail's pages carry
            report["audit"] = {"ok": False, "checked": 0, "unsealed": 0, "problems": [str(e)], "notes": []}
    finally:
        db.close()
    report["ok"] = report["ok"] and report["audit"]["ok"]
    _print(report)
    return 0 if report["ok"] else 1


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="yiyang", description="医养台账命令行：与窗口程序使用同一数据文件和同一业务规则。")
    p.add_argument("--db", type=location,
                   help="数据文件路径（默认：用户数据文件夹中的 yiyang.db），或网络版的服务器数据库 postgresql://用户@主机:端口/数据库")
    p.add_argument("--version", action="version", version=f"医养台账 {__version__}")
    p.add_argument("--user", help="登录用户名（也可用环境变量 YIYANG_USER；密码从环境变量 YIYANG_PASSWORD 或终端输入）")
    sub = p.add_subparsers(dest="command", required=True, metavar="命令")
    s = sub.add_parser("init", help="新建（或升级）数据文件")
    s.add_argument("--name", help="机构名称")
    s.add_argument("--admin-user", help="新文件的管理员用户名（文件还没有账号时必须创建；密码从终端输入，"
                                        "或用环境变量 YIYANG_PASSWORD——不在命令行上给出，以免出现在进程列表中）")
    s.set_defaults(func=cmd_init)
    s = sub.add_parser("demo", help="生成演示机构数据文件（只会覆盖旧的演示文件，不会覆盖正式数据）")
    s.add_argument("--out", required=True, type=location, help="演示数据文件路径，或空的服务器数据库 postgresql://…")
    s.add_argument("--date", type=_date, help="演示数据截止日期（默认今天）")
    s.set_defaults(func=cmd_demo)
    s = sub.add_parser("census", help="某一天的床位与在住老人（JSON）")
    s.add_argument("--date", type=_date, help="日期 YYYY-MM-DD（默认今天）")
    s.set_defaults(func=cmd_census)
    s = sub.add_parser("check", help="检查数据文件完整性与数据版本")
    s.set_defaults(func=cmd_check)
    from . import cli_accounts, cli_admin, cli_apply, cli_health, cli_import, cli_return, cli_score
    for module in (cli_score, cli_apply, cli_return, cli_health, cli_import, cli_admin, cli_accounts):
        module.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    from .services.base import ServiceError
    from .store.db import StoreError
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (StoreError, ServiceError) as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
