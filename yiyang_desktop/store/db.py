"""Opening the one SQLite file: checks, pragmas, migrations (with a copy of the file made first)."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import sqlite_utils

from .. import APP_ID, __version__
from ..clock import SYSTEM, Clock
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .location import network_kind
from .pg_open import is_server, open_pg
from .schema import MIGRATIONS, SCHEMA_VERSION

from .preflight import (DB_ERRORS, DAMAGED, DISK_FULL, FOREIGN_WAL, SHORT, DiskFull, StoreError, is_disk_full, judge_wal,
                        read_header, read_identity, ro_uri, set_aside, short_by, wal_in_use)

__all__ = ["StoreError", "DiskFull", "open_db", "inspect_file", "connect", "close_db", "meta", "file_identity"]

BUSY_TIMEOUT_MS = 10000  # a second writer waits this long for the first, then gets services.base.BUSY


def _refuse_db_error(path: Path, e: BaseException) -> StoreError:
    """The Chinese refusal for an SQLite error met while looking at or opening ``path``."""
    if is_disk_full(e, path.parent):
        return DiskFull(DISK_FULL.format(path=path, err=e))
    if not folder_writable(path.parent):
        return StoreError(_READ_ONLY.format(path=path))
    return StoreError(DAMAGED.format(path=path, err=e))


class _Look:
    """What the read-only first look found (``_look``)."""
    version = 0
    file_id: str | None = None
    checked = False        # PRAGMA quick_check passed on the file as it will be opened
    wal_left = False       # a non-empty -wal beside it (a session that died, or another program has it open)
    values: dict

    def __init__(self):
        self.notes: list[str] = []
        self.values = {}


def _inspect_con(con: sqlite3.Connection, path: Path, look: _Look) -> None:
    """Refuse a foreign or newer file; note its version, identity and close records."""
    look.version = con.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    app_id = None
    if "app_meta" in tables:
        app_id, look.file_id = read_identity(con)
        look.values = dict(con.execute("SELECT key, value FROM app_meta WHERE key IN (?, ?)",
                                       [CLOSED_KEY, CHECKED_KEY]).fetchall())
    if look.version == 0 and tables or look.version > 0 and app_id != APP_ID:
        raise StoreError(N_("msg", "文件 {path} 是其他程序的数据库，不是医养台账的数据文件，未做任何改动。").format(path=path))
    if look.version > SCHEMA_VERSION:
        raise StoreError(N_("msg", "数据文件 {path} 由更新版本的医养台账创建（数据版本 {v}，本程序支持到 {m}），请先升级程序。")
                         .format(path=path, v=look.version, m=SCHEMA_VERSION))


def _look(path: Path, *, check: str, clock: Clock = SYSTEM) -> _Look:
    """The first look at an existing file, before any connection that could write (see ``store.preflight``).

    Reads the header by hand; judges a -wal nobody holds open (a foreign one is set aside, untouched, once the
    file itself passed); then opens the file read-only — ``immutable`` when no live log goes with it, so SQLite
    creates nothing beside it and replays nothing — to refuse a foreign, newer or damaged file (``PRAGMA
    quick_check`` when ``check`` is "now", or "auto" with a reason: see ``_sync_check_reason``).
    Nothing beside a refused file is created, renamed or changed."""
    look = _Look()
    header = read_header(path)
    wal = path.with_name(path.name + "-wal")
    live, verdict = False, None
    if wal.exists() and wal.stat().st_size > 0:
        live = wal_in_use(path)
        if not live:
            verdict = judge_wal(path, header)
    replayed = bool(verdict and verdict.belongs and verdict.frames)  # opened with its own log, checked on a copy
    if not (live or replayed) and (missing := short_by(header)):
        raise StoreError(SHORT.format(path=path, missing=missing))
    try:
        con = sqlite3.connect(ro_uri(path, immutable=not live), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            _inspect_con(con, path, look)
            need = (check == "now" or live or look.version < SCHEMA_VERSION
                    or _sync_check_reason(look.values, path, clock) is not None)
            if need and not replayed:
                problem = _quick_check(con, path)
                if problem:
                    raise StoreError(problem)
            look.checked = need or replayed
        finally:
            con.close()
    except DB_ERRORS as e:
        raise _refuse_db_error(path, e) from e
    if verdict is not None and not verdict.belongs:
        aside = set_aside(path, clock)
        look.notes.append(FOREIGN_WAL.format(path=path, aside=aside.name) + f"（{verdict.reason}）")
    look.wal_left = live or replayed
    return look


def inspect_file(path: Path | str) -> int:
    """Read-only checks of an existing file without opening it for use (header, length, app id, not newer).

    Any -wal beside it is ignored (``immutable``): a backup is one self-contained file. Returns its data version
    (``PRAGMA user_version``); raises StoreError in Chinese otherwise. Creates nothing beside the file.
    """
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise StoreError(N_("msg", "文件 {path} 不存在或是空文件，不是医养台账的数据文件。").format(path=path))
    header = read_header(path)
    if missing := short_by(header):
        raise StoreError(SHORT.format(path=path, missing=missing))
    look = _Look()
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
        try:
            _inspect_con(con, path, look)
        finally:
            con.close()
    except DB_ERRORS as e:
        raise StoreError(DAMAGED.format(path=path, err=e)) from e
    return look.version


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
        if is_disk_full(e, Path(path).parent):
            raise DiskFull(DISK_FULL.format(path=path, err=e)) from e
        if "readonly" in str(e) or "read-only" in str(e) or "unable to open" in str(e):
            raise StoreError(_READ_ONLY.format(path=path)) from e
        raise StoreError(N_("msg", "数据文件 {path} 暂时无法写入（{err}），请稍后再试。").format(path=path, err=e)) from e


def connect(path: Path | str) -> sqlite_utils.Database:
    """A connection with the pragmas every use needs: WAL, foreign keys, a busy timeout.

    A connection belongs to the thread that made it (SQLite's ``check_same_thread``): a background job opens its
    own (``services.base.Context.worker_factory``)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.engine = "sqlite"
    return db


def engine(db) -> str:
    """"sqlite" (the 单机版's data file) or "postgresql" (the 网络版's server database)."""
    return getattr(db, "engine", "sqlite")


def is_server_db(db) -> bool:
    return engine(db) == "postgresql"


def db_file(db: sqlite_utils.Database) -> Path | None:
    """The path of the main file an open database reads (None for an in-memory one or a server database)."""
    if is_server_db(db):
        return None
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def schema_version(db: sqlite_utils.Database) -> int:
    if is_server_db(db):
        from .pg_open import schema_version as pg_version
        return pg_version(db)
    return db.execute("PRAGMA user_version").fetchone()[0]


def _set_schema_version(db, number: int) -> None:
    if is_server_db(db):
        from .pg_open import set_schema_version
        set_schema_version(db, number)
    else:
        db.execute(f"PRAGMA user_version = {int(number)}")


def meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM app_meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def change_marker(db) -> int:
    """A number that moves whenever anything is written through the services, on either engine: the audit trail's
    highest entry id (every write is audited by the triggers, in the writer's transaction; writers take turns, so
    ids appear in commit order). One indexed lookup: cheap enough to ask every few seconds. Compare for change
    (``!=``), not order: a restored backup may bring a lower one."""
    from .audit_store import mark
    return mark(db)


def file_identity(db: sqlite_utils.Database) -> str | None:
    """The data file's permanent identity (a UUID written when it was created; kept by backups and restores)."""
    return meta(db, "file_id")


def backup_copy(db: sqlite_utils.Database, target: Path) -> Path:
    """A consistent copy of an open database through SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dst = sqlite3.connect(str(target))
    try:
        db.conn.backup(dst)
    finally:
        dst.close()
    return target


def _remove_new(files: list[Path]) -> None:
    """Remove the -wal/-shm a refused open created (empty log; no other program can have them open yet)."""
    wal = next((p for p in files if p.name.endswith("-wal")), None)
    if wal is not None and wal.exists() and wal.stat().st_size > 0:
        return  # something was written to it after all: keep it
    for p in files:
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


ON_SHARE = N_("msg", "数据文件 {path} 在网络共享文件夹上（{kind}），单机版不能在这里保存数据：几台电脑同时写同一个共享"
                     "文件会把它损坏。请把数据文件放在本机磁盘上；几台电脑要共用一个机构的数据，请使用网络版"
                     "（PostgreSQL 服务器，见使用说明“网络版”一节）。")


def refuse_network_share(path: Path) -> None:
    """A SQLite data file on a network share is refused for writing (``store.location`` says why)."""
    kind = network_kind(path)
    if kind:
        raise StoreError(ON_SHARE.format(path=path, kind=kind))


def open_db(path: Path | str, *, create: bool = True, is_demo: bool = False,
            check: str = "now", clock: Clock = SYSTEM, password: str | None = None) -> sqlite_utils.Database:
    """Open (or create) a 医养台账 data file and bring its schema up to date.

    ``path`` may also be a server connection string (``postgresql://user@host:port/db``, the 网络版): the same
    checks and migrations run on the server database (``store.pg_open``), with ``password`` if one is given.

    A foreign, short, corrupt or newer file raises StoreError and is left untouched, with nothing created beside
    it: every check runs on a read-only look first (``_look``; a -wal that does not belong is set aside, and the
    returned database lists the Chinese note in ``open_notes``). Only then does a connection that can write open
    it. Before any migration of an existing file a copy is written beside it (``name.before-vN-….db``).

    ``check="now"`` (default: command line, tests, restore) runs ``PRAGMA quick_check`` before anything is written.
    ``check="auto"`` (the window) runs it now only when ``sync_check_reason`` gives a reason; otherwise the
    returned database has ``integrity_pending = True`` and the caller must run ``background_check`` after the
    window shows (see the integrity-check section below for the rules and why they are safe).
    ``clock`` dates the copy made before a migration, a set-aside log and the integrity-check record.
    """
    if check not in ("now", "auto"):
        raise ValueError(check)
    if is_server(path):  # the 网络版: a server database (store.pg_open)
        return open_pg(str(path), create=create, is_demo=is_demo, clock=clock, password=password)
    path = Path(path)
    refuse_network_share(path)
    existed = path.exists() and path.stat().st_size > 0
    look = _Look()
    if existed:
        look = _look(path, check=check, clock=clock)
    elif not create:
        raise StoreError(N_("msg", "找不到数据文件 {path}").format(path=path))
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            if is_disk_full(e):
                raise DiskFull(DISK_FULL.format(path=path, err=e.strerror or e)) from e
            raise StoreError(N_("msg", "无法创建数据文件夹 {path}：{err}").format(path=path.parent, err=e.strerror)) from e
    db = None
    beside = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    new_beside = [p for p in beside if not p.exists()]  # what a refusal below must not leave behind
    try:
        db = connect(path)
        version = schema_version(db)
        if version < SCHEMA_VERSION:
            if version > 0:
                stamp = clock.now().strftime("%Y%m%d-%H%M%S")
                backup_copy(db, path.with_name(f"{path.stem}.before-v{SCHEMA_VERSION}-{stamp}{path.suffix or '.db'}"))
            try:
                migrate(db, version, is_demo=is_demo, clock=clock)
            except sqlite3.Error as e:
                if is_disk_full(e, path.parent):
                    raise
                raise StoreError(N_("msg", "升级数据文件 {path} 失败（{err}），文件保持原样。").format(path=path, err=e)) from e
        check_writable(db, path)
    except (*DB_ERRORS, OSError) as e:
        if db is not None:
            db.close()
        _remove_new(new_beside)
        if isinstance(e, OSError):
            if is_disk_full(e):
                raise DiskFull(DISK_FULL.format(path=path, err=e.strerror or e)) from e
            raise StoreError(DAMAGED.format(path=path, err=e.strerror or e)) from e
        raise _refuse_db_error(path, e) from e
    except StoreError:
        if db is not None:
            db.close()
        _remove_new(new_beside)
        raise
    from .audit_store import trigger_problems
    # the audit triggers, compared with what the program installs: a missing or changed one means no use case
    # may write (``services.audit.begin`` refuses); the window and the command line say so at once
    db.trigger_problems = trigger_problems(db)
    db.integrity_pending = check == "auto" and existed and not look.checked
    db.integrity_checked_at = clock.stamp() if check == "auto" and not db.integrity_pending else None
    db.open_notes = look.notes
    db.file_id = file_identity(db)
    return db


# --- integrity check at open: now, or after the window shows -------------------------------------------------
#
# ``PRAGMA quick_check`` reads the whole file: 0.5 s for 150 MB, ≈ 6 s for 1.5 GB. The window (``check="auto"``)
# runs it before anything is shown or written only when there is a reason to doubt the file:
#   * the file is small (< SMALL_FILE: the check costs < 0.1 s, so there is nothing to gain),
#   * it is new or was just migrated,
#   * there is no record of a clean close by the window (``close_db`` writes it last, with the time and size),
#   * a non-empty -wal file was left beside it: a session that wrote and then died (crash, power cut, killed),
#     or another program has it open,
#   * it changed since that clean close: its size differs from the recorded one or it was modified later than
#     the close (a session that wrote, checkpointed and then died; a copy over it; sync tools; other programs),
#   * the last passed full check is older than FULL_CHECK_DAYS days (or never happened).
# Nothing is written at open (a passed check is recorded by ``close_db``), so a session that dies without writing leaves the file — and the record — as
# they were, and a session that writes always leaves a trace (the -wal file or a later modification time).
# Otherwise the file is exactly as this program left it after a session that ended normally, and the check
# runs in a background thread on its own read-only connection once the window is painted (``background_check``);
# a damaged file is then reported with the same Chinese message and the window offers restoring a backup.
# Damage that appears while the file sits unchanged (a failing disk) is what the background run catches.

SMALL_FILE = 30 * 1024 * 1024
FULL_CHECK_DAYS = 7
CLOSED_KEY, CHECKED_KEY = "clean_close", "last_full_check"
_MTIME_SLACK = 30.0  # seconds between the close record and the final checkpoint that writes the file


def _quick_check(con: sqlite3.Connection, path: Path) -> str | None:
    """None when ``PRAGMA quick_check`` passes, else the Chinese message that refuses the file."""
    try:
        result = con.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.OperationalError as e:
        if "interrupt" in str(e):  # stopped by the caller (the window closing): no verdict
            raise
        return DAMAGED.format(path=path, err=e)
    except DB_ERRORS as e:
        return DAMAGED.format(path=path, err=e)
    if result != "ok":
        lines = result.splitlines()
        detail = "\n".join(lines[:3]) + (f"\n… (+{len(lines) - 3})" if len(lines) > 3 else "")
        return N_("msg", "数据文件 {path} 完整性检查未通过：{err}").format(path=path, err=detail)
    return None


def _sync_check_reason(values: dict, path: Path, clock: Clock) -> str | None:
    """Why the file must be checked before use (see above), or None when the check may run after the window shows.
    ``values`` are the file's close and check records (app_meta)."""
    st = path.stat()
    if st.st_size < SMALL_FILE:
        return "small"
    try:
        closed = json.loads(values.get(CLOSED_KEY) or "")
        closed_at, closed_size = float(closed["at"]), int(closed["size"])
        checked = dt.datetime.fromisoformat(values[CHECKED_KEY])
    except (ValueError, KeyError, TypeError):
        return "no record"
    if st.st_size != closed_size or st.st_mtime > closed_at + _MTIME_SLACK:
        return "changed outside"
    now = clock.now()
    if now - checked > dt.timedelta(days=FULL_CHECK_DAYS) or checked > now:
        return "last check too old"
    return None


def close_db(db: sqlite_utils.Database, clock: Clock = SYSTEM) -> None:
    """Close at the end of a window session, recording a clean close (and the file's size) for the next open.

    The record is written, the log checkpointed into the file and the connection closed; if any step fails the
    file simply counts as not closed cleanly and is checked at the next start. A server database just closes."""
    if is_server_db(db):
        db.close()
        return
    try:
        if db.conn.in_transaction:
            db.conn.rollback()
        with db.conn:
            size = -1
            checked = getattr(db, "integrity_checked_at", None)
            if checked:
                db.conn.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [CHECKED_KEY, checked])
            for _ in range(3):  # the size the file has once this record is in it (the record rarely adds a page)
                db.conn.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                [CLOSED_KEY, json.dumps({"at": clock.timestamp(), "size": size})])
                now = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
                if now == size:
                    break
                size = now
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass
    finally:
        db.close()


def background_check(path: Path | str, on_connect=None) -> str | None:
    """``PRAGMA quick_check`` on its own read-only connection (safe to call from a worker thread while the window
    uses the file): None when it passes, else the Chinese message. The caller records a pass with
    ``record_check_passed`` on its own connection. ``on_connect(con)`` receives the connection so another thread
    can stop the check with ``con.interrupt()``; a stopped check raises ``sqlite3.OperationalError``."""
    path = Path(path)
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10, check_same_thread=False)
    except sqlite3.Error as e:
        return N_("msg", "数据文件 {path} 已损坏或无法打开（{err}），未做任何改动。").format(path=path, err=e)
    try:
        if on_connect is not None:
            on_connect(con)
        return _quick_check(con, path)
    finally:
        con.close()


def record_check_passed(db: sqlite_utils.Database, clock: Clock = SYSTEM) -> None:
    """Note that a full check of the file passed now (after ``background_check``); ``close_db`` records it."""
    db.integrity_checked_at = clock.stamp()
    db.integrity_pending = False


def migrate(db: sqlite_utils.Database, from_version: int, *, is_demo: bool = False, clock: Clock = SYSTEM) -> None:
    """Run the pending steps, each in its own transaction with the version bump. Entries a step writes into the
    audit trail (a step that corrects records, e.g. ``m_surname_pinyin``) are noted so the next use case signs
    them (``store.audit_store.note_migration_entries``)."""
    from .audit_store import last_entry_id, note_migration_entries
    before = last_entry_id(db)
    for number, step in enumerate(MIGRATIONS, start=1):
        if number <= from_version:
            continue
        with db.atomic():
            step(db)
            if number == 1:
                now = clock.stamp()
                db.execute("INSERT INTO app_meta (key, value) VALUES ('app_id', ?), ('created_at', ?), "
                           "('created_by_version', ?), ('is_demo', ?)", [APP_ID, now, __version__, "1" if is_demo else "0"])
                db.execute("INSERT INTO institution (id) VALUES (1)")
            _set_schema_version(db, number)
    if before is not None:
        with db.atomic():
            note_migration_entries(db, before)


def integrity_report(db: sqlite_utils.Database) -> dict:
    """What ``yiyang check`` prints: SQLite integrity, foreign keys, schema version, and record rules.

    Damage that ``quick_check`` let through and a later read trips over is reported as failed integrity."""
    try:
        return _integrity_report(db)
    except DB_ERRORS as e:
        return {"schema_version": schema_version(db), "supported_version": SCHEMA_VERSION,
                "integrity": [str(e)], "foreign_key_problems": [], "record_problems": [], "ok": False}


def _integrity_report(db: sqlite_utils.Database) -> dict:
    if is_server_db(db):  # the server keeps its pages and keys itself; what it must have, it is checked for
        from .pg_open import server_guard_problems
        integrity = server_guard_problems(db) or ["ok"]
        fk = []
    else:
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
