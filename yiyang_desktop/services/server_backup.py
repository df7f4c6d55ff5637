"""Backups of the 网络版's server database: ``pg_dump`` (custom format) into the same folders, with the same names,
rotation and audit anchor as the data file's backups (``services.backup``), and a restore into an EMPTY database.

* ``make_server_backup`` (through ``backup.make_backup``): the chain's head is anchored in the database's
  ``app_meta`` first (``audit_anchors.write_for_dump``; the dump carries it, as a file backup carries its own),
  ``pg_dump --format=custom`` writes a temporary file in ``backups/<file_id>/``, which is checked (its table of
  contents read back) and renamed into place as ``<institution>-<time>.dump`` (time from the context's clock);
  the backup is entered in the audit trail as an export of every record (where it went). The same rotation as
  the file backups keeps the newest of the last 7 days, 4 weeks and 12 months; the second folder gets a copy.
* ``list_server_backups``: this database's dumps in every backup folder (its identity folder), newest first.
* ``restore_server``: refuses a database that is not empty and a dump that is damaged, foreign, of a newer
  program or of another identity than it says; restores with ``pg_restore --no-owner --no-privileges
  --role=<the connection's user> --single-transaction``; then checks what was restored — the identity, the
  server's own guards (exclusion constraints), the audit chain — and that the one restoring signs in as an
  administrator of the restored data (its own accounts). Any failure empties the database again and says why.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path
from typing import Iterable

from .. import APP_ID
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from ..store import pg_tools
from ..store.db import StoreError, file_identity
from .backup import (_unique, backup_folders, backup_name, identity_folder, parse_backup_name,
                     rotate_folder, second_dir)
from .base import Context, ServiceError
from .permissions import public, requires

EXT = ".dump"
COUNTED = ("residents", "beds", "assessments")


def _stem(db) -> str:
    """The institution's name as a file name (what is not allowed in one becomes ``_``); the database's name
    when the institution has none yet."""
    row = db.execute("SELECT name FROM institution WHERE id = 1").fetchone()
    name = re.sub(r"[\s\\/:*?\"<>|.\x00-\x1f]+", "_", (row[0] if row else "") or "").strip("_-")[:40]
    return name or re.sub(r"\W+", "_", db.url.rsplit("/", 1)[-1].split("?")[0]) or "yiyang"


def _tool(db, name: str) -> Path:
    try:
        return pg_tools.find_tool(name, pg_tools.server_major(db))
    except StoreError as e:
        raise ServiceError(message_of(e)) from e


def _discard(tmp: Path) -> None:
    """Remove a half-written temporary file; a folder that cannot even be listed has none to remove."""
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass


def _dump_to(db, tool: Path, target: Path) -> None:
    """``pg_dump`` into ``target`` through a temporary file beside it, checked, then renamed into place."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        pg_tools.dump(tool, db.url, getattr(db, "password", None), tmp)
        pg_tools.table_of_contents(_restore_tool(), tmp)  # it reads back
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except (OSError, StoreError) as e:
        _discard(tmp)
        if isinstance(e, StoreError):
            raise ServiceError(N_("msg", "备份失败：{err}。服务器数据库没有改动。").format(err=message_of(e))) from e
        from .backup import _write_error
        raise _write_error(target.parent, e) from e


def _copy_file(source: Path, target: Path) -> Path:
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, tmp)
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        _discard(tmp)
        from .backup import _write_error
        raise _write_error(target.parent, e) from e
    return target


@requires("backup")
def make_server_backup(ctx: Context, *, folder: Path | None = None, now: dt.datetime | None = None, tag: str = "",
                       rotate: bool = True, second: bool = True) -> dict:
    """Back up the server database (see the module). Returns what ``make_backup`` returns: ``{"path", "size",
    "copies", "removed", "warnings", "audit_anchor"}``. ``folder`` (``yiyang backup --to``) instead of the data
    folder's ``backups``: an export of personal data, so it also needs "export.personal"."""
    from .audit_anchors import write_for_dump
    from .exporting import exporting
    db = ctx.db
    now = now or ctx.now()
    file_id = file_identity(db)
    tool = _tool(db, "pg_dump")
    from . import backup as file_backups  # its backups_dir(): one place says where backups go
    main = identity_folder(Path(folder) if folder is not None else file_backups.backups_dir(), file_id)
    target = _unique(main, backup_name(Path(_stem(db)), now, tag, ext=EXT))
    stamp = now.isoformat(sep=" ", timespec="seconds")
    anchor = write_for_dump(ctx, target.name, stamp)  # the head as it is now, carried by the dump
    kind = N_("msg", "服务器数据库完整备份（全部老人、人员与账号）")
    with exporting(ctx, kind, target, perm="export.personal" if folder is not None else "backup"):
        _dump_to(db, tool, target)
    out = {"path": str(target), "size": target.stat().st_size, "copies": [], "removed": [], "warnings": [],
           "audit_anchor": anchor}
    if rotate and not tag:
        out["removed"] += [str(p) for p in rotate_folder(main, None, ext=EXT)]
    extra = second_dir(ctx) if second and folder is None else None
    extra = identity_folder(extra, file_id) if extra else None
    if extra and extra != main:
        try:
            out["copies"].append(str(_copy_file(target, _unique(extra, target.name))))
            if rotate and not tag:
                out["removed"] += [str(p) for p in rotate_folder(extra, None, ext=EXT)]
        except ServiceError as e:
            out["warnings"].append(message_of(e))
    return out


# ---------------------------------------------------------------- looking at a dump

def _restore_tool(major: int | None = None) -> Path:
    best = None
    for p in pg_tools.candidates("pg_restore"):
        v = pg_tools.tool_version(p)
        if v is not None and (best is None or v > best[0]):
            best = (v, p)
    if best is None:
        raise ServiceError(pg_tools.MISSING.format(tool="pg_restore", major=major or ""))
    if major and best[0] < major:
        raise ServiceError(pg_tools.TOO_OLD.format(tool="pg_restore", path=best[1], have=best[0], major=major))
    return best[1]


@public("a dump's identity, data version, counts and anchor; no personal data")
def read_dump(path: Path | str, tool: Path | None = None) -> dict:
    """What a dump says about itself, read without restoring it: ``app_meta`` (identity, data version, anchor),
    the institution's name and the counts; ServiceError (Chinese) for a file that is not a readable dump."""
    import json
    path = Path(path)
    if not path.is_file():
        raise ServiceError(N_("msg", "找不到备份文件 {path}").format(path=path))
    tool = tool or _restore_tool()
    try:
        tables = pg_tools.read_tables(tool, path, ["app_meta", "institution", *COUNTED])
    except (StoreError, UnicodeDecodeError) as e:
        raise ServiceError(N_("msg", "备份文件 {path} 已损坏或不是服务器数据库的备份（{err}），不能用来恢复。")
                           .format(path=path, err=message_of(e) if isinstance(e, StoreError) else e)) from e
    meta = {r["key"]: r["value"] for r in tables.get("app_meta", [])}
    if meta.get("app_id") != APP_ID:
        raise ServiceError(N_("msg", "文件 {path} 不是医养台账服务器数据库的备份，不能用来恢复。").format(path=path))
    try:
        anchor = json.loads(meta["audit_anchor"]) if meta.get("audit_anchor") else None
    except ValueError:
        anchor = None
    inst = tables.get("institution") or [{}]
    return {"file_id": meta.get("file_id"), "schema_version": int(meta.get("schema_version") or 0),
            "is_demo": meta.get("is_demo") == "1", "institution": inst[0].get("name") or "",
            "counts": {t: len(tables.get(t, [])) for t in COUNTED}, "audit_anchor": anchor}


@public("the backups' dates, sizes, counts and anchors; no personal data")
def list_server_backups(ctx_or_db, folders: Iterable[Path] | None = None, *, full: bool = True) -> list[dict]:
    """This server database's dumps in its identity folder of every backup folder, newest first. ``full`` reads
    each dump (counts, anchor, institution) with ``pg_restore``; a dump that cannot be read gets ``problem``."""
    db = ctx_or_db.db if isinstance(ctx_or_db, Context) else ctx_or_db
    file_id = file_identity(db)
    tool = None
    out = []
    for folder in folders or backup_folders(ctx_or_db):
        place = identity_folder(Path(folder), file_id)
        if not place.is_dir():
            continue
        for p in sorted(place.iterdir()):
            parsed = parse_backup_name(None, p.name, EXT)
            if not parsed or not p.is_file():
                continue
            info = {"path": str(p), "name": p.name, "created": parsed[0].isoformat(sep=" "), "tag": parsed[1],
                    "size": p.stat().st_size, "folder": str(folder), "problem": None, "file_id": None,
                    "schema_version": None, "counts": {}, "institution": "", "is_demo": False, "audit_anchor": None}
            if full:
                try:
                    tool = tool or _restore_tool()
                    info |= read_dump(p, tool)
                except ServiceError as e:
                    info["problem"] = message_of(e)
            info["same_file"] = None if not info["file_id"] else info["file_id"] == file_id
            out.append(info)
    out.sort(key=lambda i: (i["created"], i["name"]), reverse=True)
    return out


# ---------------------------------------------------------------- restore (services/server_restore.py)
from .server_restore import restore_server  # noqa: E402,F401
