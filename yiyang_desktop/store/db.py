"""Opening the one SQLite file: checks, pragmas, migrations (with a copy of the file made first)."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import sqlite_utils

from .. import APP_ID, __version__
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A data file that cannot be used. ``str(err)`` is a plain Chinese sentence naming the file."""


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as e:
        raise StoreError(N_("msg", "无法读取数据文件 {path}：{err}").format(path=path, err=e.strerror)) from e
    if head and head != SQLITE_HEADER:
        raise StoreError(N_("msg", "文件 {path} 不是医养台账的数据文件（也不是 SQLite 数据库），未做任何改动。")
                         .format(path=path))


def _inspect(path: Path) -> None:
    """Read-only look at an existing file: refuse a foreign, corrupt or newer one before changing anything."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            app_id = None
            if "app_meta" in tables:
                row = con.execute("SELECT value FROM app_meta WHERE key = 'app_id'").fetchone()
                app_id = row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        if not folder_writable(path.parent):
            raise StoreError(_READ_ONLY.format(path=path)) from e
        raise StoreError(N_("msg", "数据文件 {path} 已损坏或无法打开（{err}），未做任何改动。").format(path=path, err=e)) from e
    if version == 0 and tables or version > 0 and app_id != APP_ID:
        raise StoreError(N_("msg", "文件 {path} 是其他程序的数据库，不是医养台账的数据文件，未做任何改动。").format(path=path))
    if version > SCHEMA_VERSION:
        raise StoreError(N_("msg", "数据文件 {path} 由更新版本的医养台账创建（数据版本 {v}，本程序支持到 {m}），请先升级程序。")
                         .format(path=path, v=version, m=SCHEMA_VERSION))


def inspect_file(path: Path | str) -> int:
    """Read-only checks of an existing file without opening it for use (header, app id, not newer).

    Returns its data version (``PRAGMA user_version``); raises StoreError in Chinese otherwise.
    """
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise StoreError(N_("msg", "文件 {path} 不存在或是空文件，不是医养台账的数据文件。").format(path=path))
    _check_header(path)
    _inspect(path)
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return con.execute("PRAGMA user_version").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        raise StoreError(N_("msg", "数据文件 {path} 已损坏或无法打开（{err}），未做任何改动。").format(path=path, err=e)) from e


_READ_ONLY = N_("msg", "数据文件 {path} 是只读的（或所在文件夹不能写入），无法保存任何修改，未做任何改动。"
                     "请检查文件属性和文件夹权限，或把文件复制到可以写入的文件夹再打开。")


def folder_writable(folder: Path) -> bool:
    """Whether a file can be created in ``folder`` (SQLite needs that for its -wal and -shm files)."""
    import tempfile
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def check_writable(db: sqlite_utils.Database, path: Path | str) -> None:
    """Raise StoreError when the open file cannot be written (read-only file, folder or disk).

    Tries a write that changes nothing (the data version set to itself) and rolls it back.
    """
    if db.conn.in_transaction:
        return
    try:
        version = schema_version(db)
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            db.conn.rollback()
    except sqlite3.OperationalError as e:
        if "readonly" in str(e) or "read-only" in str(e) or "unable to open" in str(e):
            raise StoreError(_READ_ONLY.format(path=path)) from e
        raise StoreError(N_("msg", "数据文件 {path} 暂时无法写入（{err}），请稍后再试。").format(path=path, err=e)) from e


def connect(path: Path | str) -> sqlite_utils.Database:
    """A connection with the pragmas every use needs: WAL, foreign keys, a busy timeout."""
    conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM app_meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def backup_copy(db: sqlite_utils.Database, target: Path) -> Path:
    """A consistent copy of an open database through SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dst = sqlite3.connect(str(target))
    try:
        db.conn.backup(dst)
    finally:
        dst.close()
    return target


def open_db(path: Path | str, *, create: bool = True, is_demo: bool = False) -> sqlite_utils.Database:
    """Open (or create) a 医养台账 data file and bring its schema up to date.

    A foreign or corrupt file, or one written by a newer version, raises StoreError and is left untouched.
    Before any migration of an existing file a copy is written beside it (``name.before-vN-….db``).
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_header(path)
    elif not create:
        raise StoreError(N_("msg", "找不到数据文件 {path}").format(path=path))
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(N_("msg", "无法创建数据文件夹 {path}：{err}").format(path=path.parent, err=e.strerror)) from e
    if existed:
        _inspect(path)
    try:
        db = connect(path)
        version = schema_version(db)
    except sqlite3.DatabaseError as e:
        if existed and not folder_writable(path.parent):
            raise StoreError(_READ_ONLY.format(path=path)) from e
        raise StoreError(N_("msg", "数据文件 {path} 已损坏或无法打开（{err}），未做任何改动。").format(path=path, err=e)) from e
    if version < SCHEMA_VERSION:
        if version > 0:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_copy(db, path.with_name(f"{path.stem}.before-v{SCHEMA_VERSION}-{stamp}{path.suffix or '.db'}"))
        try:
            migrate(db, version, is_demo=is_demo)
        except sqlite3.Error as e:
            db.close()
            raise StoreError(N_("msg", "升级数据文件 {path} 失败（{err}），文件保持原样。").format(path=path, err=e)) from e
    try:
        result = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as e:
        db.close()
        raise StoreError(N_("msg", "数据文件 {path} 已损坏或无法打开（{err}），未做任何改动。").format(path=path, err=e)) from e
    if result != "ok":
        db.close()
        raise StoreError(N_("msg", "数据文件 {path} 完整性检查未通过：{err}").format(path=path, err=result))
    try:
        check_writable(db, path)
    except StoreError:
        db.close()
        raise
    return db


def migrate(db: sqlite_utils.Database, from_version: int, *, is_demo: bool = False) -> None:
    """Run the pending steps, each in its own transaction with the version bump."""
    for number, step in enumerate(MIGRATIONS, start=1):
        if number <= from_version:
            continue
        with db.atomic():
            step(db)
            if number == 1:
                now = dt.datetime.now().isoformat(timespec="seconds")
                db.execute("INSERT INTO app_meta (key, value) VALUES ('app_id', ?), ('created_at', ?), "
                           "('created_by_version', ?), ('is_demo', ?)", [APP_ID, now, __version__, "1" if is_demo else "0"])
                db.execute("INSERT INTO institution (id) VALUES (1)")
            db.execute(f"PRAGMA user_version = {number}")


def integrity_report(db: sqlite_utils.Database) -> dict:
    """What ``yiyang check`` prints: SQLite integrity, foreign keys, schema version, and record rules."""
    integrity = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    fk = [list(r) for r in db.execute("PRAGMA foreign_key_check").fetchall()]
    problems = []
    # Bed assignments must lie within their stay.
    for row in db.execute("""
        SELECT a.id, s.id FROM bed_assignments a JOIN stays s ON s.id = a.stay_id
        WHERE a.start_date < s.admission_date
           OR (s.discharge_date IS NOT NULL AND (a.end_date IS NULL OR a.end_date > s.discharge_date))
    """).fetchall():
        problems.append(f"床位分配 {row[0]} 超出入住记录 {row[1]} 的时间范围")
    for row in db.execute("""
        SELECT s.id FROM stays s WHERE NOT EXISTS (SELECT 1 FROM bed_assignments a WHERE a.stay_id = s.id)
    """).fetchall():
        problems.append(f"入住记录 {row[0]} 没有床位")
    return {
        "schema_version": schema_version(db),
        "supported_version": SCHEMA_VERSION,
        "integrity": "ok" if integrity == ["ok"] else integrity,
        "foreign_key_problems": fk,
        "record_problems": problems,
        "ok": integrity == ["ok"] and not fk and not problems,
    }
