"""Restore a data file from a backup: check it, refuse another institution's unless told to, keep the identity.

* The backup's identity (``app_meta.file_id``) is compared with the current file's. A backup of another identity
  — another institution's file with the same name, or a file picked by hand from elsewhere — is refused with
  :class:`OtherInstitution`, whose message names both institutions, unless ``allow_other`` (the window asks with a
  warning whose default is cancel; the command line needs ``--force-other-institution``). A backup made before
  identities existed is compared by institution name.
* The restored file keeps the identity of the file it came from (the backup's); a backup from before identities
  is given the current file's, so restoring never mints a new identity where one is known.
* The current file is backed up first (tag ``before-restore``, into its own identity folder): through SQLite when
  it opens (after the same first look as every open: a foreign -wal is set aside, never replayed), else byte for
  byte with its -wal.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from ..clock import SYSTEM
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from ..store.db import StoreError, open_db
from ..store.preflight import ro_uri
from .backup import (TAG_BEFORE_RESTORE, _copy_db, _unique, backup_name, backups_dir, file_facts, identity_folder,
                     inspect_backup)
from .base import Context, ServiceError

UNNAMED = N_("msg", "（未填写名称的机构）")


class OtherInstitution(ServiceError):
    """The backup belongs to another data file (institution). ``current`` and ``other`` are the two names."""

    def __init__(self, current: str, other: str):
        self.current, self.other = current, other
        super().__init__(N_("msg", "这份备份属于另一家机构“{other}”，不是当前数据文件（“{current}”）的备份。"
                                "恢复会用“{other}”的数据替换“{current}”的全部数据。")
                         .format(current=current, other=other))


def other_institution(info: dict, current_id: str | None, current_name: str) -> OtherInstitution | None:
    """The refusal for restoring the backup ``info`` (``inspect_backup``) over the current file, or None."""
    other = info.get("file_id")
    if current_id and other:
        differs = other != current_id
    else:  # a backup (or a current file) from before identities: the institution's name decides
        differs = bool(current_name and info.get("institution") and info["institution"] != current_name)
    if not differs:
        return None
    return OtherInstitution(current_name or UNNAMED, info.get("institution") or UNNAMED)


def _save_current(db_path: Path, now: dt.datetime, file_id: str | None) -> Path | None:
    """Back up the current file before it is replaced; a damaged one is copied byte for byte."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    folder = identity_folder(backups_dir(), file_id)
    target = _unique(folder, backup_name(db_path, now, TAG_BEFORE_RESTORE))
    try:
        db = open_db(db_path, create=False)
        try:
            return _copy_db(db.conn, target, folder)
        finally:
            db.close()
    except (StoreError, sqlite3.Error, ServiceError):
        pass
    try:  # not readable as a database: keep its bytes (and its -wal) instead
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(db_path, target)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
        return target
    except OSError as e:
        raise ServiceError(N_("msg", "恢复已取消：无法先备份当前数据文件（{err}）。当前文件没有改动。")
                           .format(err=e.strerror or e)) from e


def restore(db_path: Path | str, backup_file: Path | str, *, now: dt.datetime | None = None,
            allow_other: bool = False, current_id: str | None = None) -> dict:
    """Replace the data file with a backup. Call with every connection to ``db_path`` closed.

    Checks the backup (integrity, app id, data version) and its identity (``current_id``: the current file's,
    when the caller knows it; else read from the file), backs up the current file (tag ``before-restore``),
    writes the backup's content to a temporary file beside the data file and renames it over the data file;
    then opens it once with ``open_db`` so an older data version is migrated. Returns the backup's
    ``inspect_backup`` information plus ``safety_backup`` and ``schema_version`` (after migration).
    """
    db_path, backup_file = Path(db_path), Path(backup_file)
    now = now or SYSTEM.now()
    info = inspect_backup(backup_file, full=True, db_path=db_path)
    if backup_file.resolve() == db_path.resolve():
        raise ServiceError(N_("msg", "所选文件就是当前的数据文件，不能用它恢复。"))
    read_id, current_name = file_facts(db_path)
    current_id = current_id or read_id
    refusal = other_institution(info, current_id, current_name)
    if refusal and not allow_other:
        raise refusal
    safety = _save_current(db_path, now, current_id)
    tmp = db_path.with_name(f".{db_path.name}.restore-tmp")
    try:
        src = sqlite3.connect(ro_uri(backup_file), uri=True)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                if not info.get("file_id") and current_id and not refusal:  # from before identities: this file's
                    dst.execute("INSERT INTO app_meta (key, value) VALUES ('file_id', ?)", [current_id])
                    dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        for suffix in ("-wal", "-shm", "-journal"):  # a stale log must never be replayed onto the new file
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, db_path)
    except (OSError, sqlite3.Error) as e:
        tmp.unlink(missing_ok=True)
        raise ServiceError(N_("msg", "恢复失败：无法写入数据文件 {path}（{err}）。当前文件没有改动。")
                           .format(path=db_path, err=getattr(e, "strerror", None) or e)) from e
    try:
        db = open_db(db_path, create=False)
    except StoreError as e:
        if safety and safety.exists():  # put the previous file back
            shutil.copy2(safety, tmp)
            os.replace(tmp, db_path)
        raise ServiceError(N_("msg", "恢复后无法打开数据文件（{err}），已换回原来的文件。").format(err=message_of(e))) from e
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        file_id = db.execute("SELECT value FROM app_meta WHERE key = 'file_id'").fetchone()
    finally:
        db.close()
    return info | {"restored_from": str(backup_file), "safety_backup": str(safety) if safety else None,
                   "backup_schema_version": info["schema_version"], "schema_version": version,
                   "restored_file_id": file_id[0] if file_id else None}


def restore_into_context(ctx: Context, db_path: Path | str, backup_file: Path | str, **kw) -> dict:
    """For the window: close ``ctx.db``, restore, and reopen the file into the same context (also on failure).

    Needs the "restore" permission. The restored file has its own accounts: the window should ask for a new login.
    """
    from ..store.db import file_identity
    from .accounts import check
    check(ctx, "restore")
    kw.setdefault("current_id", file_identity(ctx.db))
    ctx.db.close()
    try:
        return restore(db_path, backup_file, **kw)
    finally:
        ctx.db = open_db(db_path, create=False)
