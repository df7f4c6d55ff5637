"""Looking at a data file before SQLite opens it for writing: nothing is created, replayed or checkpointed.

SQLite trusts what lies beside a file. A ``-wal`` left there (after a crash, or by someone who copied another file
over the data file by hand) is replayed into the file by the first connection that can write, and checkpointed
into it on close — even by ``yiyang check``. A WAL that belongs to another file damages an intact file or silently
replaces its content. And a connection that can write creates empty ``-wal``/``-shm`` files beside any file it
opens, even one it then refuses. So the first look is made here, without a writing connection:

* ``read_header``: the 100-byte header read by hand — SQLite's magic, a valid page size, a file that is a whole
  number of pages and not shorter than the page count the header states (a file cut short, even by less than a
  page, is refused: SQLite would open it silently and fail later).
* ``wal_in_use``: a WAL that another running program holds open (the window's instance lock, or — on Linux —
  SQLite's own locks on the file or its ``-shm``, read from ``/proc/locks``) is that program's live log: never
  judged, never moved.
* ``judge_wal``: a WAL nobody holds open. Its header is read by hand (magic, version, page size against the data
  file's, salts of the first frame); when it has frames to replay, they are replayed into a temporary copy of the
  file and its WAL (never into the file itself) and the copy must pass ``PRAGMA quick_check`` and carry the same
  file identity (``app_meta.file_id``) as the file. A WAL that fails is foreign: ``set_aside`` renames it (and its
  ``-shm``) untouched to ``….db-wal.foreign-<time>`` and the file opens as it is on disk.
* ``ro_uri``: a read-only URI for the checks; with ``immutable=1`` SQLite reads only the main file, takes no
  locks and creates nothing.
"""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..clock import SYSTEM, Clock
from ..domain.text import QT_TRANSLATE_NOOP as N_

SQLITE_HEADER = b"SQLite format 3\x00"
WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_VERSION = 3007000
WAL_HEADER, FRAME_HEADER = 32, 24


# SQLite errors, and the UnicodeDecodeError Python raises instead when a damaged file puts invalid UTF-8 into
# SQLite's own error message ("malformed database schema (…\xc7…)").
DB_ERRORS = (sqlite3.DatabaseError, UnicodeDecodeError)


class StoreError(Exception):
    """A data file that cannot be used. ``str(err)`` is a plain Chinese sentence naming the file."""


class DiskFull(StoreError):
    """The disk (or the folder's quota) is full: nothing could be written."""


DAMAGED = N_("msg", "数据文件 {path} 已损坏或无法打开（{err}），未做任何改动。")
SHORT = N_("msg", "数据文件 {path} 不完整（文件比应有的短 {missing} 字节，可能复制或下载时被中断），已损坏，未做任何改动。"
               "请从备份恢复，或重新复制原文件。")
DISK_FULL = N_("msg", "数据文件 {path} 所在的磁盘已满，无法打开或保存（{err}）。数据文件没有改动。请清理磁盘空间后再试。")
FOREIGN_WAL = N_("msg", "数据文件 {path} 旁边有一个不属于它的日志文件（-wal，常见于手动复制文件时留下的旧文件），"
                     "已原样改名为 {aside} 放在一旁，没有写入数据文件。数据文件按磁盘上的内容打开。")


LOW_SPACE = 1024 * 1024  # below this much free space an I/O error is taken for a full disk


def is_disk_full(err: BaseException, folder: Path | None = None) -> bool:
    """Whether an OSError or SQLite error means no space was left (ENOSPC, EDQUOT, SQLITE_FULL; or an SQLite I/O
    error — e.g. growing the -shm file — while ``folder``'s disk has almost no free space)."""
    if isinstance(err, OSError) and err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return True
    if isinstance(err, sqlite3.Error):
        code = getattr(err, "sqlite_errorcode", None)
        if code == 13 or "disk is full" in str(err):  # SQLITE_FULL
            return True
        if folder is not None and (code is not None and code & 0xFF == 10 or "disk I/O error" in str(err)):
            try:
                return shutil.disk_usage(folder).free < LOW_SPACE
            except OSError:
                return False
    return False


def ro_uri(path: Path, *, immutable: bool = True) -> str:
    """A URI that opens ``path`` read-only; ``immutable`` also ignores any -wal and creates no file beside it."""
    return f"{Path(path).resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"


# --- the main file's header ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Header:
    size: int
    page_size: int
    page_count: int | None  # None when the header's own count is not valid (an old writer); then size decides


def read_header(path: Path) -> Header:
    """The header of a non-empty file, or StoreError for anything SQLite would open silently and trip over later."""
    try:
        with path.open("rb") as f:
            head = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except OSError as e:
        raise StoreError(N_("msg", "无法读取数据文件 {path}：{err}").format(path=path, err=e.strerror or e)) from e
    if not head.startswith(SQLITE_HEADER[:len(head)]) or len(head) >= 16 and head[:16] != SQLITE_HEADER:
        raise StoreError(N_("msg", "文件 {path} 不是医养台账的数据文件（也不是 SQLite 数据库），未做任何改动。")
                         .format(path=path))
    if len(head) < 100:
        raise StoreError(SHORT.format(path=path, missing=512 - len(head)))
    raw = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if raw == 1 else raw
    if page_size < 512 or page_size & (page_size - 1):
        raise StoreError(DAMAGED.format(path=path, err=N_("msg", "页大小 {n} 无效").format(n=raw)))
    counter, count, valid_for = (struct.unpack(">I", head[i:i + 4])[0] for i in (24, 28, 92))
    page_count = count if count and counter == valid_for else None
    return Header(size, page_size, page_count)


def short_by(h: Header) -> int:
    """How many bytes the file lacks (0 when it is whole): to the next page, or to the header's page count."""
    missing = (-h.size) % h.page_size
    if h.page_count is not None:
        missing = max(missing, h.page_count * h.page_size - h.size)
    return missing


# --- is the WAL someone's live log? --------------------------------------------------------------------------------
def wal_in_use(path: Path) -> bool:
    """Whether a running program has the file open (so its -wal is that program's live log)."""
    from .locks import lock_holder
    if lock_holder(path):
        return True
    try:
        text = Path("/proc/locks").read_text()
    except OSError:
        return False
    ids = set()
    for p in (path, path.with_name(path.name + "-shm")):
        try:
            st = p.stat()
        except OSError:
            continue
        ids.add((os.major(st.st_dev), os.minor(st.st_dev), st.st_ino))
    for line in text.splitlines():
        parts = line.split()
        if "->" in parts:  # a waiter, shown under the lock it waits for
            parts.remove("->")
        if len(parts) < 6 or parts[1] not in ("POSIX", "OFDLCK", "FLOCK"):
            continue
        try:
            major, minor, inode = parts[5].split(":")
            key = (int(major, 16), int(minor, 16), int(inode))
        except ValueError:
            continue
        if key in ids:
            return True
    return False


# --- judging a WAL nobody holds open ------------------------------------------------------------------------------
@dataclass(frozen=True)
class WalVerdict:
    belongs: bool
    reason: str = ""
    frames: int = 0          # frames with the header's salts (what SQLite would consider replaying)
    checked: bool = False    # the replayed copy passed quick_check


def _wal_frames(wal: Path, page_size: int) -> tuple[str, int]:
    """("", frames with the header's salts) or (reason the WAL is not this file's, 0)."""
    with wal.open("rb") as f:
        head = f.read(WAL_HEADER)
        if len(head) < WAL_HEADER:
            return "", 0  # SQLite ignores a WAL shorter than its header
        magic, version, wal_page, _seq, salt1, salt2 = struct.unpack(">6I", head[:24])
        if magic not in WAL_MAGIC or version != WAL_VERSION:
            return N_("msg", "日志文件头无效"), 0
        if wal_page != page_size:
            return N_("msg", "日志的页大小 {w} 与数据文件的 {p} 不同").format(w=wal_page, p=page_size), 0
        frames = 0
        while True:
            fh = f.read(FRAME_HEADER)
            if len(fh) < FRAME_HEADER:
                break
            pgno, _commit, s1, s2 = struct.unpack(">4I", fh[:16])
            if (s1, s2) != (salt1, salt2) or pgno == 0:
                break
            if len(f.read(page_size)) < page_size:
                break
            frames += 1
    return "", frames


def read_identity(con: sqlite3.Connection) -> tuple[str | None, str | None]:
    """(app_id, file_id) from app_meta, None where missing (or no app_meta)."""
    try:
        rows = dict(con.execute("SELECT key, value FROM app_meta WHERE key IN ('app_id', 'file_id')").fetchall())
    except sqlite3.OperationalError:
        return None, None
    return rows.get("app_id"), rows.get("file_id")


AUDIT_TAIL = 200  # the last sealed audit entries whose links are checked in a replayed copy


def audit_tail_broken(con: sqlite3.Connection) -> bool:
    """Whether the end of the audit chain is broken: the head recorded in app_meta is not the last sealed entry,
    or one of the last entries does not link to the one before. A log replayed onto another state of the same
    file (an older copy put back by hand) passes ``quick_check`` but mixes two histories; this catches it."""
    try:
        head = con.execute("SELECT value FROM app_meta WHERE key = 'audit_head'").fetchone()
        keyed = any(c[1] == "seq" for c in con.execute("PRAGMA table_info(audit_log)").fetchall())
        order = "seq" if keyed else "id"  # the chain's own order (data versions since #15), else the order of ids
        rows = con.execute(f"SELECT {order}, prev_hash, hash FROM audit_log WHERE hash IS NOT NULL "
                           f"ORDER BY {order} DESC LIMIT ?", [AUDIT_TAIL]).fetchall()
    except sqlite3.OperationalError:  # an older data version without the audit trail
        return False
    if head and (not rows or head[0].split(":")[:2] != [str(rows[0][0]), rows[0][2]]):
        return True
    return any(newer[1] != older[2] for newer, older in zip(rows, rows[1:]))


def judge_wal(path: Path, header: Header) -> WalVerdict:
    """Whether a -wal nobody holds open belongs to ``path`` (see the module docstring). Raises StoreError when it
    cannot be judged (e.g. no room for the temporary copy)."""
    wal = path.with_name(path.name + "-wal")
    reason, frames = _wal_frames(wal, header.page_size)
    if reason:
        return WalVerdict(False, reason)
    if frames == 0:
        return WalVerdict(True)  # nothing SQLite would replay: it resets such a log on the next write
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
        try:
            own_app, own_id = read_identity(con)
        finally:
            con.close()
    except DB_ERRORS:
        own_app, own_id = None, None  # the file alone may be mid-checkpoint; the replayed copy decides
    try:
        with tempfile.TemporaryDirectory(prefix="yiyang-wal-") as tmp:
            copy = Path(tmp) / "check.db"
            shutil.copyfile(wal, copy.with_name("check.db-wal"))  # the log first: a later checkpoint only adds pages it has
            shutil.copyfile(path, copy)
            con = sqlite3.connect(str(copy))
            try:
                try:
                    result = con.execute("PRAGMA quick_check").fetchone()[0]
                except DB_ERRORS as e:
                    return WalVerdict(False, str(e), frames)
                if result != "ok":
                    return WalVerdict(False, result.splitlines()[0], frames)
                app, file_id = read_identity(con)
                if audit_tail_broken(con):
                    return WalVerdict(False, N_("msg", "日志与数据文件的审计记录接不上（日志属于这个文件的另一个版本）"),
                                      frames, True)
            finally:
                con.close()
    except OSError as e:
        if is_disk_full(e):
            raise DiskFull(DISK_FULL.format(path=path, err=e.strerror or e)) from e
        raise StoreError(DAMAGED.format(path=path, err=e.strerror or e)) from e
    if own_id and file_id != own_id:
        return WalVerdict(False, N_("msg", "日志来自另一个数据文件"), frames, True)
    if own_app and app != own_app:
        return WalVerdict(False, N_("msg", "日志来自另一个数据文件"), frames, True)
    return WalVerdict(True, "", frames, True)


def set_aside(path: Path, clock: Clock = SYSTEM) -> Path:
    """Rename the -wal (and its -shm) beside ``path`` to ``….db-wal.foreign-<time>``, untouched; returns the new
    name of the WAL. Raises StoreError when it cannot be moved (then nothing was opened)."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    moved = None
    for suffix in ("-wal", "-shm"):
        src = path.with_name(path.name + suffix)
        if not src.exists():
            continue
        target = src.with_name(f"{src.name}.foreign-{stamp}")
        n = 2
        while target.exists():
            target = src.with_name(f"{src.name}.foreign-{stamp}-{n}")
            n += 1
        try:
            os.replace(src, target)
        except OSError as e:
            raise StoreError(N_("msg", "数据文件 {path} 旁边有一个不属于它的日志文件（-wal），但无法把它移开（{err}），"
                                    "未做任何改动。请关闭其他可能打开该文件的程序后再试。")
                             .format(path=path, err=e.strerror or e)) from e
        moved = moved or target
    return moved
