"""Backups of the data file: online copies with a timestamp, rotation, and restore from a chosen copy.

Every data file has a permanent identity (``app_meta.file_id``, a UUID written when it was created; a backup and a
restore keep it). Backups of a file go to a folder of their own, ``backups/<file_id>/`` (and likewise in the
second folder), so two institutions' files that are both called ``yiyang.db`` never rotate away or restore each
other's backups. Backups made before identities existed lie flat in ``backups/``; they are still listed (with the
institution's name read from each) and never rotated.

* ``make_backup`` copies the open database with SQLite's online backup API (consistent while the program runs)
  into a temporary file in the target folder, checks it, and renames it into place; a failure leaves nothing
  half-written and no earlier backup touched.
* ``auto_backup`` is called when the program closes: at most one automatic backup a day.
* ``plan_rotation`` (pure) chooses what to keep: the newest backup of each of the last 7 days, 4 weeks and
  12 months that have backups. Backups made before a restore are never rotated away.
* ``restore`` (``services.backup_restore``) is called with the program's connection closed: it checks the chosen
  file, refuses a backup of another institution unless told to (``allow_other``), backs up the current one, and
  swaps the files atomically; an older data version is then migrated by ``open_db``.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Iterable

import sqlite_utils

from ..clock import SYSTEM, Clock
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from ..paths import data_dir
from ..store.db import StoreError, file_identity, inspect_file, is_server_db, meta
from ..store.locks import lock_holder, lock_path  # noqa: F401 - the command line and the window use them from here
from ..store.preflight import read_identity, ro_uri
from .audit_anchors import read_from_file
from .base import Context, ServiceError
from .permissions import public, requires

SECOND_DIR_KEY = "backup_second_dir"  # settings table: a second folder (USB disk) for copies
TAG_BEFORE_RESTORE = "before-restore"
STAMP = "%Y%m%d-%H%M%S"
COUNTED = ("residents", "beds", "assessments")


def _clock(ctx_or_db) -> Clock:
    return ctx_or_db.clock if isinstance(ctx_or_db, Context) else SYSTEM


def _db(ctx_or_db) -> sqlite_utils.Database:
    return ctx_or_db.db if isinstance(ctx_or_db, Context) else ctx_or_db


@public("a folder name only")
def backups_dir() -> Path:
    return data_dir() / "backups"


@public("a file name only")
def backup_name(db_path: Path, when: dt.datetime, tag: str = "", ext: str = ".db") -> str:
    """``<stem>-<time>[-tag].db``; ``ext=".dump"`` for the 网络版's ``pg_dump`` backups (``services.server_backup``)."""
    return f"{Path(db_path).stem}-{when.strftime(STAMP)}{'-' + tag if tag else ''}{ext}"


def _pattern(db_path: Path | None, ext: str = ".db") -> re.Pattern:
    """This data file's backup names; ``db_path=None``: any stem (a server database's identity folder holds only its
    own backups, whatever the institution was called when each was made)."""
    stem = re.escape(Path(db_path).stem) if db_path is not None else r"[^\\/]+?"
    return re.compile(rf"^{stem}-(\d{{8}}-\d{{6}})(?:-([a-z][a-z-]*?))?(?:-(\d+))?{re.escape(ext)}$")


@public("a file name only")
def parse_backup_name(db_path: Path | None, name: str, ext: str = ".db") -> tuple[dt.datetime, str] | None:
    """(time, tag) of a backup file of this data file, or None for any other file."""
    m = _pattern(db_path, ext).match(name)
    if not m:
        return None
    try:
        return dt.datetime.strptime(m.group(1), STAMP), m.group(2) or ""
    except ValueError:
        return None


@public("a folder name only (the second backup folder setting)")
def second_dir(ctx_or_db) -> Path | None:
    from .settings import get_setting
    value = get_setting(Context.system(_db(ctx_or_db)), SECOND_DIR_KEY)
    return Path(value) if value else None


@requires("settings")
def set_second_dir(ctx: Context, folder: Path | str | None) -> None:
    """Store (or clear) the second backup folder in the data file's settings; needs the "settings" permission."""
    from .settings import set_setting
    set_setting(ctx, SECOND_DIR_KEY, str(folder) if folder else None)


@public("folder names only")
def backup_folders(ctx_or_db) -> list[Path]:
    """The data folder's ``backups`` and, when set, the second folder."""
    folders = [backups_dir()]
    extra = second_dir(ctx_or_db)
    if extra and extra not in folders:
        folders.append(extra)
    return folders


def identity_folder(root: Path, file_id: str | None) -> Path:
    """Where one data file's backups go inside a backup folder: ``root/<file_id>`` (``root`` for a file without
    an identity, which only a data version before the identity step can be)."""
    return Path(root) / file_id if file_id else Path(root)


# ---------------------------------------------------------------- writing

def _write_error(folder: Path, err: BaseException) -> ServiceError:
    text = getattr(err, "strerror", None) or str(err)
    if "full" in str(err).lower() or getattr(err, "errno", None) == 28:
        return ServiceError(N_("msg", "备份失败：{folder} 所在磁盘已满。原有文件没有改动，请清理磁盘或换一个文件夹。")
                            .format(folder=folder))
    return ServiceError(N_("msg", "备份失败：无法写入文件夹 {folder}（{err}）。原有文件没有改动，请检查该文件夹是否存在、"
                              "是否只读或磁盘是否已拔出。").format(folder=folder, err=text))


def _unique(folder: Path, name: str) -> Path:
    target = folder / name
    stem, ext = os.path.splitext(name)
    n = 2
    while target.exists():
        target = folder / f"{stem}-{n}{ext}"
        n += 1
    return target


def _copy_db(source: sqlite3.Connection, target: Path, folder: Path, at: str | None = None) -> Path:
    """Online-copy ``source`` to ``target`` via a temporary file and a rename; one self-contained file that
    carries its own audit anchor (``services.audit_anchors``, written after the copy, before the rename)."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dst = sqlite3.connect(str(tmp))
        try:
            source.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # no -wal beside the copy
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
        if result != "ok":
            raise sqlite3.DatabaseError(result)
        if at is not None:
            from .audit_anchors import write_into_copy
            write_into_copy(tmp, "backup", target.name, at)
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as e:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise _write_error(folder, e) from e
    return target


@requires("backup")
def make_backup(ctx: Context, db_path: Path | str, *, folder: Path | None = None, now: dt.datetime | None = None,
                tag: str = "", rotate: bool = True, second: bool = True) -> dict:
    """Back up the open database into ``folder`` (default: the data folder's ``backups``) and the second folder.

    Returns ``{"path", "size", "copies", "removed", "warnings"}``. A failure in the main folder raises a Chinese
    ServiceError; a failing second folder (e.g. USB disk not plugged in) only adds a warning.

    A backup into a folder of the caller's choosing (``folder``: ``yiyang backup --to``) takes every record of
    every resident — and the accounts — out of the usual places: it is an export of personal data, so it also needs
    "export.personal" and is entered in the audit trail (what, by whom, where) before the file is kept.
    """
    if is_server_db(ctx.db):  # the 网络版: pg_dump into the same folders, with the same rotation
        from .server_backup import make_server_backup
        return make_server_backup(ctx, folder=folder, now=now, tag=tag, rotate=rotate, second=second)
    db_path = Path(db_path)
    now = now or ctx.now()
    if folder is None:
        return _make_backup(ctx.db, db_path, now=now, tag=tag, rotate=rotate, second=second)
    from .exporting import exporting
    main = identity_folder(Path(folder), file_identity(ctx.db))
    target = _unique(main, backup_name(db_path, now, tag))
    with exporting(ctx, N_("msg", "数据文件完整备份（全部老人、人员与账号）"), target):
        return _make_backup(ctx.db, db_path, now=now, tag=tag, rotate=rotate, second=False, target=target)


def _make_backup(db, db_path: Path, *, now: dt.datetime, tag: str = "", rotate: bool = True, second: bool = True,
                 target: Path | None = None) -> dict:
    file_id = file_identity(db)
    main = target.parent if target is not None else identity_folder(backups_dir(), file_id)
    target = target or _unique(main, backup_name(db_path, now, tag))
    stamp = now.isoformat(sep=" ", timespec="seconds")
    target = _copy_db(db.conn, target, main, at=stamp)
    out = {"path": str(target), "size": target.stat().st_size, "copies": [], "removed": [], "warnings": []}
    if rotate and not tag:
        out["removed"] += [str(p) for p in rotate_folder(main, db_path)]
    extra = second_dir(db) if second else None
    extra = identity_folder(extra, file_id) if extra else None
    if extra and extra != main:
        try:
            copy = _copy_db(db.conn, _unique(extra, target.name), extra, at=stamp)
            out["copies"].append(str(copy))
            if rotate and not tag:
                out["removed"] += [str(p) for p in rotate_folder(extra, db_path)]
        except ServiceError as e:
            out["warnings"].append(message_of(e))
    return out


@public("the program's own daily backup when it closes (into its own backup folders)")
def auto_backup(ctx_or_db, db_path: Path | str, now: dt.datetime | None = None) -> Path | None:
    """The backup made on close: nothing if this data file already has a backup from today, or is the demo."""
    db = _db(ctx_or_db)
    now = now or _clock(ctx_or_db).now()
    if is_server_db(db) or meta(db, "is_demo") == "1":
        return None  # the 网络版 is backed up by a scheduled ``yiyang backup`` (docs/network.md), not by each seat
    folder = identity_folder(backups_dir(), file_identity(db))
    if folder.is_dir():
        for p in folder.iterdir():
            parsed = parse_backup_name(Path(db_path), p.name)
            if parsed and parsed[0].date() == now.date():
                return None
    return Path(_make_backup(db, Path(db_path), now=now)["path"])


# ---------------------------------------------------------------- rotation

def plan_rotation(stamps: Iterable[dt.datetime], *, daily: int = 7, weekly: int = 4,
                  monthly: int = 12) -> set[dt.datetime]:
    """Which backups to keep: the newest of each of the last ``daily`` days, ``weekly`` ISO weeks and ``monthly``
    months that have backups (counted from the newest backup)."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[dt.datetime] = set()
    for limit, key in ((daily, lambda t: t.date()), (weekly, lambda t: t.isocalendar()[:2]),
                       (monthly, lambda t: (t.year, t.month))):
        seen = set()
        for t in ordered:
            k = key(t)
            if k in seen:
                continue
            if len(seen) >= limit:
                break
            seen.add(k)
            keep.add(t)
    return keep


@public("deletes only this program's own dated backups in a folder it is given by make_backup")
def rotate_folder(folder: Path, db_path: Path | None, ext: str = ".db", **limits) -> list[Path]:
    """Delete this data file's untagged backups in ``folder`` (its own identity folder: ``make_backup`` passes it)
    that ``plan_rotation`` does not keep (``ext=".dump"``, ``db_path=None``: a server database's)."""
    files: dict[Path, dt.datetime] = {}
    for p in Path(folder).iterdir() if Path(folder).is_dir() else ():
        parsed = parse_backup_name(db_path, p.name, ext)
        if parsed and not parsed[1] and p.is_file():
            files[p] = parsed[0]
    keep_times = plan_rotation(files.values(), **limits)
    kept_one: set[dt.datetime] = set()
    removed = []
    for p, t in sorted(files.items(), key=lambda kv: kv[0].name, reverse=True):
        if t in keep_times and t not in kept_one:
            kept_one.add(t)
            continue
        try:
            p.unlink()
            removed.append(p)
        except OSError:
            pass
    return removed


# ---------------------------------------------------------------- looking at a backup

def _counts(con: sqlite3.Connection) -> dict[str, int]:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t: (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if t in tables else 0) for t in COUNTED}


@public("a backup's date, size, counts and institution name; no personal data")
def inspect_backup(path: Path | str, *, full: bool = True, db_path: Path | None = None) -> dict:
    """Date, size, data version and counts of a backup file; ``full`` also runs ``PRAGMA integrity_check``.

    Raises ServiceError (Chinese) for a file that is not a usable 医养台账 data file (foreign, corrupt, newer).
    """
    path = Path(path)
    if not path.is_file():
        raise ServiceError(N_("msg", "找不到备份文件 {path}").format(path=path))
    try:
        version = inspect_file(path)
    except StoreError as e:
        raise ServiceError(message_of(e)) from e
    if version == 0:
        raise ServiceError(N_("msg", "文件 {path} 不是医养台账的数据文件（是空的 SQLite 数据库），不能用来恢复。").format(path=path))
    parsed = parse_backup_name(db_path or path, path.name) if db_path else None
    if parsed is None:
        m = re.search(r"(\d{8}-\d{6})", path.name)
        try:
            parsed = (dt.datetime.strptime(m.group(1), STAMP), "") if m else None
        except ValueError:
            parsed = None
    when = parsed[0] if parsed else dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
        try:
            counts = _counts(con)
            problems = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()] if full else ["ok"]
            row = con.execute("SELECT value FROM app_meta WHERE key = 'is_demo'").fetchone()
            _app, file_id = read_identity(con)
            institution = _institution_name(con)
        finally:
            con.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
        raise ServiceError(N_("msg", "备份文件 {path} 已损坏（{err}），不能用来恢复。").format(path=path, err=e)) from e
    if problems != ["ok"]:
        raise ServiceError(N_("msg", "备份文件 {path} 完整性检查未通过（{err}），不能用来恢复。")
                           .format(path=path, err="；".join(problems[:3])))
    return {"path": str(path), "name": path.name, "created": when.isoformat(sep=" "), "size": path.stat().st_size,
            "schema_version": version, "counts": counts, "is_demo": bool(row and row[0] == "1"),
            "tag": parsed[1] if parsed else "", "file_id": file_id, "institution": institution,
            "audit_anchor": read_from_file(path)}


def _institution_name(con: sqlite3.Connection) -> str:
    try:
        row = con.execute("SELECT name FROM institution WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return ""
    return (row[0] or "") if row else ""


@public("a file's identity and institution name; no personal data")
def file_facts(path: Path | str) -> tuple[str | None, str]:
    """(identity, institution name) of a data file, read without changing it; (None, "") when unreadable."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None, ""
        con = sqlite3.connect(ro_uri(path), uri=True)
        try:
            return read_identity(con)[1], _institution_name(con)
        finally:
            con.close()
    except (OSError, sqlite3.Error, UnicodeDecodeError):
        return None, ""


@public("the backups' dates, sizes, counts and anchors; no personal data")
def list_backups(db_path: Path | str, folders: Iterable[Path] | None = None, *,
                 file_id: str | None = None) -> list[dict]:
    """This data file's backups in the given folders (default: the data folder's), newest first.

    A file's backups are those in its identity folder (``file_id``, default: read from ``db_path``), plus — from
    before identities — flat ones named after the file that carry no other identity. When the file's identity is
    unknown (it cannot be read: the usual reason to restore), every backup named after it is listed, each with its
    institution's name. A file that cannot be read is listed with ``problem`` set instead of counts.
    """
    db_path = Path(db_path)
    if file_id is None:
        file_id = file_facts(db_path)[0]
    out = []
    for folder in folders or [backups_dir()]:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        if file_id:
            places = [identity_folder(folder, file_id), folder]
        else:
            places = [folder, *(p for p in sorted(folder.iterdir()) if p.is_dir())]
        for place in places:
            if not place.is_dir():
                continue
            for p in place.iterdir():
                parsed = parse_backup_name(db_path, p.name)
                if not parsed or not p.is_file():
                    continue
                try:
                    info = inspect_backup(p, full=False, db_path=db_path) | {"problem": None}
                except ServiceError as e:
                    info = {"path": str(p), "name": p.name, "created": parsed[0].isoformat(sep=" "),
                            "size": p.stat().st_size, "schema_version": None, "counts": {}, "is_demo": False,
                            "tag": parsed[1], "problem": message_of(e), "file_id": None, "institution": "",
                            "audit_anchor": None}
                if file_id and place == folder and info["file_id"] not in (None, file_id):
                    continue  # a flat backup of another institution's file of the same name
                info["folder"] = str(folder)
                info["same_file"] = None if not file_id or not info["file_id"] else info["file_id"] == file_id
                out.append(info)
    out.sort(key=lambda i: (i["created"], i["name"]), reverse=True)
    return out


# ---------------------------------------------------------------- restore (services/backup_restore.py)
from .backup_restore import OtherInstitution, restore, restore_into_context  # noqa: E402,F401
