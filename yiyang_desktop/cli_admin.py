"""`yiyang backup|restore|backups`: backups of the data file for scheduled tasks and by hand."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .paths import default_db_path


def _print(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _db_path(args) -> Path:
    return Path(args.db or default_db_path())


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
    path = _db_path(args)
    ctx = open_context(args)
    try:
        folders = [args.folder] if args.folder else backup_folders(ctx)
    finally:
        ctx.db.close()
    _print(list_backups(path, folders))
    return 0


def _describe(info: dict) -> str:
    c = info["counts"]
    return (f"机构“{info.get('institution') or '（未填写名称）'}”，备份时间 {info['created']}，数据版本 {info['schema_version']}，"
            f"老人 {c['residents']} 人、床位 {c['beds']} 张、评估 {c['assessments']} 条")


def _check_restore_permission(args, path: Path, backup: Path) -> None:
    """Log in and require the "restore" permission: against the current file, or — when that one cannot be opened
    (the usual reason to restore) — against a temporary copy of the backup (its accounts will be the ones in force)."""
    import shutil
    import tempfile

    from .cli_accounts import open_context
    from .services.accounts import check
    from .store.db import StoreError
    try:
        ctx = open_context(args)
    except StoreError:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "backup.db"
            shutil.copyfile(backup, copy)
            ns = argparse.Namespace(**{**vars(args), "db": copy})
            ctx = open_context(ns)
            try:
                check(ctx, "restore")
            finally:
                ctx.db.close()
        return
    try:
        check(ctx, "restore")
    finally:
        ctx.db.close()


def cmd_restore(args) -> int:
    from .services.backup import file_facts, inspect_backup, lock_holder, restore
    from .services.backup_restore import other_institution
    path = _db_path(args)
    pid = lock_holder(path)
    if pid:
        print(f"错误：数据文件 {path} 正被医养台账窗口程序使用（进程 {pid}）。请先关闭窗口程序再恢复。", file=sys.stderr)
        return 2
    info = inspect_backup(args.file, full=True, db_path=path)
    refusal = other_institution(info, *file_facts(path))
    if refusal and not args.force_other_institution:
        print(f"错误：{refusal}数据文件没有改动。确实要这样做，请加 --force-other-institution 再运行。", file=sys.stderr)
        return 2
    if refusal:
        print(f"警告：{refusal}", file=sys.stderr)
    _check_restore_permission(args, path, Path(args.file))
    print(f"将用备份 {args.file} 替换数据文件 {path}：{_describe(info)}。当前文件会先备份。", file=sys.stderr)
    if not args.yes:
        if not sys.stdin.isatty():
            print("错误：恢复会替换当前数据文件。确认无误后请加 --yes 再运行。", file=sys.stderr)
            return 2
        answer = input("确定恢复吗？输入 y 确认：").strip().lower()
        if answer not in ("y", "yes", "是"):
            print("已取消，数据文件没有改动。", file=sys.stderr)
            return 1
    _print(restore(path, args.file, allow_other=args.force_other_institution))
    return 0


def register(sub) -> None:
    s = sub.add_parser("backup", help="备份数据文件（默认存入数据文件夹的 backups 及设置的第二个文件夹，并按规则轮换）")
    s.add_argument("--to", type=Path, help="备份到此文件夹（代替默认位置，同样按规则轮换）")
    s.set_defaults(func=cmd_backup)
    s = sub.add_parser("backups", help="列出数据文件的备份（JSON：时间、大小、老人/床位/评估数）")
    s.add_argument("--folder", type=Path, help="只看此文件夹中的备份")
    s.set_defaults(func=cmd_backups)
    s = sub.add_parser("restore", help="用一个备份替换数据文件（先检查备份、先备份当前文件；请先关闭窗口程序）")
    s.add_argument("file", type=Path, help="备份文件")
    s.add_argument("--yes", action="store_true", help="不询问，直接恢复（用于脚本）")
    s.add_argument("--force-other-institution", action="store_true",
                   help="备份属于另一家机构（另一个数据文件）时仍然恢复：当前数据将被那家机构的数据替换")
    s.set_defaults(func=cmd_restore)
