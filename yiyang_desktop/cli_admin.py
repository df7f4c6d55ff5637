"""`yiyang backup|restore|backups`: backups of the data file for scheduled tasks and by hand."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .paths import default_db_path


def _print(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _db_path(args):
    """The data file, or the server database's connection string as it was written (never a Path)."""
    from .store.pg_open import is_server
    return args.db if is_server(args.db) else Path(args.db or default_db_path())


def cmd_backup(args) -> int:
    from .cli_accounts import open_context
    from .services.backup import make_backup
    path = _db_path(args)
    ctx = open_context(args)
    try:
        result = make_backup(ctx, path, folder=args.to)
    finally:
        ctx.db.close()
    _print(result)
    for w in result["warnings"]:
        print(f"警告：{w}", file=sys.stderr)
    return 0


def cmd_backups(args) -> int:
    from .cli_accounts import open_context
    from .services.backup import backup_folders, list_backups
    from .store.db import is_server_db
    path = _db_path(args)
    ctx = open_context(args)
    try:
        folders = [args.folder] if args.folder else backup_folders(ctx)
        if is_server_db(ctx.db):  # the 网络版: its pg_dump backups (read with pg_restore)
            from .services.server_backup import list_server_backups
            _print(list_server_backups(ctx, folders))
            return 0
    finally:
        ctx.db.close()
    _print(list_backups(path, folders))
    return 0


def _describe(info: dict) -> str:
    c = info["counts"]
    return (f"机构“{info.get('institution') or '（未填写名称）'}”，备份时间 {info['created']}，数据版本 {info['schema_version']}，"
            f"老人 {c['residents']} 人、床位 {c['beds']} 张、评估 {c['assessments']} 条")


def _restore_context(args, path: Path):
    """Signed in on the current file — the one being replaced — whose accounts alone decide who may restore. When
    that file cannot be opened because it is damaged, its accounts are read read-only (never the backup's)."""
    from .cli_accounts import _secret, open_context
    from .services.backup_restore import damaged_file_context
    from .services.base import ServiceError
    from .store.db import StoreError
    try:
        return open_context(args)
    except StoreError as e:
        name = getattr(args, "user", None) or os.environ.get("YIYANG_USER")
        if not name:
            raise ServiceError("请用 --user 用户名 或环境变量 YIYANG_USER 指定登录用户") from e
        print(f"注意：当前数据文件无法打开（{e}）；按它自己的账号核对恢复权限。", file=sys.stderr)
        return damaged_file_context(path, name, _secret(f"用户 {name} 的密码："))


def cmd_restore(args) -> int:
    from .services.accounts import check
    from .services.backup import file_facts, inspect_backup, lock_holder, restore
    from .services.backup_restore import other_institution
    from .store.pg_open import is_server
    if is_server(args.db):
        return _restore_server(args)
    path = _db_path(args)
    pid = lock_holder(path)
    if pid:
        print(f"错误：数据文件 {path} 正被医养台账窗口程序使用（进程 {pid}）。请先关闭窗口程序再恢复。", file=sys.stderr)
        return 2
    ctx = _restore_context(args, path)
    try:
        check(ctx, "restore")  # before anything else is read or said about the backup
        info = inspect_backup(args.file, full=True, db_path=path)
        refusal = other_institution(info, *file_facts(path))
        if refusal and not args.force_other_institution:
            print(f"错误：{refusal}数据文件没有改动。确实要这样做，请加 --force-other-institution 再运行。", file=sys.stderr)
            return 2
        if refusal:
            print(f"警告：{refusal}", file=sys.stderr)
        print(f"将用备份 {args.file} 替换数据文件 {path}：{_describe(info)}。当前文件会先备份。", file=sys.stderr)
        if not args.yes:
            if not sys.stdin.isatty():
                print("错误：恢复会替换当前数据文件。确认无误后请加 --yes 再运行。", file=sys.stderr)
                return 2
            answer = input("确定恢复吗？输入 y 确认：").strip().lower()
            if answer not in ("y", "yes", "是"):
                print("已取消，数据文件没有改动。", file=sys.stderr)
                return 1
        result = restore(ctx, path, args.file, allow_other=args.force_other_institution, reopen=False)
    finally:
        try:
            ctx.db.close()
        except Exception:  # noqa: BLE001 - already closed by the restore
            pass
    if result.get("trail_warning"):
        print(f"注意：{result['trail_warning']}", file=sys.stderr)
    _print(result)
    return 0


def _restore_server(args) -> int:
    """The 网络版: a pg_dump backup into an EMPTY server database; the login is checked against the restored data's
    own accounts (services.server_restore)."""
    from .cli_accounts import _secret
    from .services.base import ServiceError
    from .services.server_restore import restore_server
    from .store.pg_open import describe
    name = getattr(args, "user", None) or os.environ.get("YIYANG_USER")
    if not name:
        raise ServiceError("请用 --user 用户名 或环境变量 YIYANG_USER 指定登录用户（备份中数据的管理员）")
    password = _secret(f"用户 {name} 的密码（备份中的账号）：")
    print(f"将把备份 {args.file} 恢复到空的服务器数据库 {describe(args.db)}。", file=sys.stderr)
    result = restore_server(args.db, args.file, username=name, password=password,
                            recovery_code=os.environ.get("YIYANG_RECOVERY_CODE") or None)
    if result.get("trail_warning"):
        print(f"注意：{result['trail_warning']}", file=sys.stderr)
    _print(result)
    return 0


def cmd_migrate_to(args) -> int:
    """Copy the data file (``--db``, signed in as an administrator) into an empty server database."""
    from .cli_accounts import open_context
    from .services.migrate_to import migrate_to
    from .store.pg_open import is_server
    if is_server(args.db):
        print("错误：--db 应是要迁移的数据文件（单机版），目标服务器数据库写在 migrate-to 后面。", file=sys.stderr)
        return 2
    ctx = open_context(args)
    try:
        result = migrate_to(ctx, args.url)
    finally:
        ctx.db.close()
    _print(result)
    print(f"已迁移到服务器数据库 {result['to']}。请让各台电脑改用网络版连接它；原数据文件保持不变，留作存档，"
          "不要再在其中录入新数据。", file=sys.stderr)
    return 0


def register(sub) -> None:
    s = sub.add_parser("backup", help="备份数据文件（默认存入数据文件夹的 backups 及设置的第二个文件夹，并按规则轮换）")
    s.add_argument("--to", type=Path, help="备份到此文件夹（代替默认位置，同样按规则轮换）。这是含全部个人信息的导出："
                                          "需要“导出含个人信息的文件”的权限，并记入审计记录")
    s.set_defaults(func=cmd_backup)
    s = sub.add_parser("backups", help="列出数据文件的备份（JSON：时间、大小、老人/床位/评估数）")
    s.add_argument("--folder", type=Path, help="只看此文件夹中的备份")
    s.set_defaults(func=cmd_backups)
    s = sub.add_parser("restore", help="用一个备份替换数据文件（先检查备份、先备份当前文件；请先关闭窗口程序）；"
                                       "网络版：把 .dump 备份恢复到一个空的服务器数据库")
    s.add_argument("file", type=Path, help="备份文件（网络版为 .dump 文件）")
    s.add_argument("--yes", action="store_true", help="不询问，直接恢复（用于脚本）")
    s.add_argument("--force-other-institution", action="store_true",
                   help="备份属于另一家机构（另一个数据文件）时仍然恢复：当前数据将被那家机构的数据替换")
    s.set_defaults(func=cmd_restore)
    s = sub.add_parser("migrate-to", help="把数据文件（--db）完整迁移到一个空的服务器数据库（网络版；仅管理员）")
    s.add_argument("url", help="空的服务器数据库 postgresql://用户@主机:端口/数据库（密码用环境变量 PGPASSWORD 或 pgpass 文件）")
    s.set_defaults(func=cmd_migrate_to)
