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
* Who may restore is decided by the **current** file's accounts, always, here in the service: the context must be
  signed in on the very file being replaced (never on the backup, never on another file) with the "restore"
  permission. When the current file cannot be opened (the usual reason to restore), ``damaged_file_context``
  checks the password read-only against the current file's own accounts — and only when the file really fails
  its check, never when it is merely busy (a busy file is not a reason to skip the lock-out count).
* After the swap the restore is entered in the restored file's trail (``action = 'restore'``): the chain's lineage
  changes and the entry names where the old history was cut, so anchors of the replaced history are set aside.
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
from .base import Context, PermissionDenied, ServiceError
from .permissions import check, public

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


def _restore_file(db_path: Path, backup_file: Path, *, now: dt.datetime, allow_other: bool,
                  current_id: str | None) -> dict:
    """Replace the data file with a backup (every connection to ``db_path`` closed): check the backup (integrity,
    app id, data version, identity), back up the current file (tag ``before-restore``), write the backup's content
    to a temporary file beside the data file and rename it over the data file; then open it once with ``open_db``
    so an older data version is migrated."""
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
    if current_id and file_id and file_id[0] != current_id:
        from .. import keystore
        keystore.forget_path(current_id, db_path)
    return info | {"restored_from": str(backup_file), "safety_backup": str(safety) if safety else None,
                   "backup_schema_version": info["schema_version"], "schema_version": version,
                   "restored_file_id": file_id[0] if file_id else None}


def _same_file(db, path: Path) -> bool:
    from ..store.db import db_file
    mine = db_file(db)
    try:
        return mine is not None and mine.resolve() == Path(path).resolve()
    except OSError:
        return False


@public("checks the \"restore\" permission itself, against the current file's accounts (see the module)")
def restore(ctx: Context, db_path: Path | str, backup_file: Path | str, *, now: dt.datetime | None = None,
            allow_other: bool = False, reopen: bool = True) -> dict:
    """Replace the data file at ``db_path`` with a backup, for a user signed in on that very file with the
    "restore" permission. Closes ``ctx.db``, restores, enters the restore in the restored file's trail, and
    reopens the file into ``ctx`` (also on failure; ``reopen=False``: leaves it closed). The restored file has its
    own accounts: the window asks for a new sign-in.

    Returns the backup's ``inspect_backup`` information plus ``safety_backup`` and ``schema_version``
    (after migration), and ``trail_warning`` when the restore could not be entered in the trail (no key here)."""
    db_path, backup_file = Path(db_path), Path(backup_file)
    if not _same_file(ctx.db, db_path):
        raise PermissionDenied(N_("msg", "恢复的权限只按当前数据文件的账号核对：请先登录要被替换的这个数据文件"))
    check(ctx, "restore")
    now = now or ctx.now()
    from ..store.db import file_identity
    try:
        current_id = file_identity(ctx.db)
    except sqlite3.Error:
        current_id = None
    user = ctx.user or "system"
    ctx.db.close()
    reopened = False
    try:
        result = _restore_file(db_path, backup_file, now=now, allow_other=allow_other, current_id=current_id)
        ctx.db = open_db(db_path, create=False)
        reopened = True
        result["trail_warning"] = _enter_restore(ctx, user, backup_file, now)
        return result
    finally:
        if not reopened and reopen:
            try:
                ctx.db = open_db(db_path, create=False)
            except StoreError:
                pass
        if not reopen:
            ctx.db.close()


def _enter_restore(ctx: Context, user: str, backup_file: Path, now: dt.datetime) -> str | None:
    """The ``restore`` entry in the restored file: a new lineage, and where the replaced history was cut."""
    from ..store import audit_store as S
    from . import audit, audit_key
    from .audit_anchors import new_lineage
    actor = Context(ctx.db, user=user, clock=ctx.clock)
    try:
        with actor.transaction() as db:
            st = audit_key.state(db)
            if st.file_key_id is None:
                audit_key.adopt(db, user=user, at=audit_key.now_text(now))
            head = S.read_head(db)
            parent = S.get_meta(db, audit_key.LINEAGE_KEY) or ""
            lineage = new_lineage()
            audit.write_entry(db, user=user, at=now, action="restore", table="backup",
                              new={"backup": backup_file.name, "cut": head[0] if head else 0, "parent": parent,
                                   "lineage": lineage})
            S.set_meta(db, audit_key.LINEAGE_KEY, lineage)
    except ServiceError as e:
        return message_of(e)
    return None


@public("checks the \"restore\" permission itself (restore)")
def restore_into_context(ctx: Context, db_path: Path | str, backup_file: Path | str, **kw) -> dict:
    """The window's name for ``restore``."""
    return restore(ctx, db_path, backup_file, **kw)


@public("signing in read-only against the current file's own accounts; refused unless the file is damaged")
def damaged_file_context(db_path: Path | str, username: str, password: str, *, clock=SYSTEM) -> Context:
    """For restoring over a file that cannot be opened: a read-only context on the current file, signed in
    against its own accounts. Refused when the file reads and checks fine (then it is only busy or locked: try
    again later — the lock-out count must not be skipped) or when its accounts cannot be read."""
    import sqlite_utils

    from .accounts import verify_password
    path = Path(db_path)
    busy = N_("msg", "数据文件 {path} 没有损坏，只是暂时无法打开写入（可能另一个程序正在使用）。请关闭其他程序后再试。"
                     "恢复的权限只按当前数据文件的账号核对。").format(path=path)
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error as e:
        raise ServiceError(N_("msg", "无法读取当前数据文件的账号（{err}），不能在程序中恢复。请由管理员手动把备份文件复制为数据文件。")
                           .format(err=e)) from e
    try:
        try:
            healthy = con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            healthy = False
        if healthy:
            raise ServiceError(busy)
        row = con.execute("SELECT id, username, role, active, password_hash, locked_until FROM users WHERE lower(username) = lower(?)",
                          [(username or "").strip()]).fetchone()
    except sqlite3.DatabaseError as e:
        con.close()
        raise ServiceError(N_("msg", "无法读取当前数据文件的账号（{err}），不能在程序中恢复。请由管理员手动把备份文件复制为数据文件。")
                           .format(err=e)) from e
    except ServiceError:
        con.close()
        raise
    if not row or not row[3] or (row[5] and row[5] > clock.now().isoformat(sep=" ")) \
            or not verify_password(password or "", row[4]):
        con.close()
        raise ServiceError(N_("msg", "用户名或密码不正确"))
    return Context(sqlite_utils.Database(con), user=row[1], role=row[2], user_id=row[0], clock=clock)
