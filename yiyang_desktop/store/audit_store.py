"""The audit trail's statements for SQLite, kept small so a PostgreSQL store can replace them one by one.

``services.audit`` decides what is chained and how (the keyed MAC); this module only says how the actor and the
time reach the triggers, how the head is read and moved, and how entries are read, written and sealed. On
PostgreSQL the actor would be a transaction-local setting (``set_config('yiyang.actor', …, true)``) and the head
a row read ``FOR UPDATE``; here the one-row ``audit_actor`` table and ``app_meta`` serve, both inside the write
transaction ``Context.transaction()`` opened with ``BEGIN IMMEDIATE`` (so the head cannot move under us).

It also checks the audit triggers themselves: ``trigger_problems`` compares the triggers in the file with the ones
``schema_accounts`` would install for the tables as they are now.
"""
from __future__ import annotations

import sqlite_utils

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .trigger_check import differences
from . import pg_audit as PG
from .schema_accounts import TRIGGER_PREFIX, UNAUDITED, _audited_tables, _triggers_for

ENTRY_COLUMNS = ("id", "at", "user", "action", "tbl", "row_key", "old", "new")
HEAD_KEY = "audit_head"


def _pg(db) -> bool:
    return getattr(db, "engine", "sqlite") == "postgresql"


def set_actor(db: sqlite_utils.Database, user: str, at: str) -> None:
    if _pg(db):
        return PG.set_actor(db, user, at)
    db.execute("UPDATE audit_actor SET user = ?, at = ? WHERE id = 1", [user, at])


def reset_actor(db: sqlite_utils.Database) -> None:
    if _pg(db):
        return PG.reset_actor(db)
    db.execute("UPDATE audit_actor SET user = 'system', at = NULL WHERE id = 1")


def get_actor(db: sqlite_utils.Database) -> tuple[str, str | None]:
    """(user, time) the triggers of this transaction write."""
    if _pg(db):
        return PG.get_actor(db)
    row = db.execute("SELECT user, at FROM audit_actor WHERE id = 1").fetchone()
    return row[0], row[1]


def lock_head(db: sqlite_utils.Database) -> None:
    """Hold the chain head until this transaction ends (SQLite: the write lock of BEGIN IMMEDIATE already does;
    the server: an advisory lock, so concurrent seats seal one after the other)."""
    if _pg(db):
        PG.lock_head(db)


def mark(db: sqlite_utils.Database) -> int:
    """A point before this transaction's entries (the highest id so far)."""
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]


def unsealed_since(db: sqlite_utils.Database, since: int) -> list[tuple]:
    """This transaction's entries (written after ``since`` and not sealed), in the order they were written."""
    return db.execute(f"SELECT {', '.join(ENTRY_COLUMNS)} FROM audit_log WHERE id > ? AND hash IS NULL ORDER BY id",
                      [since]).fetchall()


def unsealed_between(db: sqlite_utils.Database, after: int, upto: int) -> list[tuple]:
    return db.execute(f"SELECT {', '.join(ENTRY_COLUMNS)} FROM audit_log WHERE id > ? AND id <= ? AND hash IS NULL "
                      "ORDER BY id", [after, upto]).fetchall()


def insert_entry(db: sqlite_utils.Database, *, at: str, user: str, action: str, tbl: str, row_key: str | None,
                 old: str | None, new: str | None) -> int:
    """An entry the program writes itself (sign-ins, exports, key and restore records); sealed with the rest."""
    return db["audit_log"].insert({"at": at, "user": user, "action": action, "tbl": tbl, "row_key": row_key,
                                   "old": old, "new": new}).last_pk


def write_seals(db: sqlite_utils.Database, seals: list[tuple[int, str | None, str, int]]) -> None:
    """``(seq, prev, mac, id)`` for each entry sealed now."""
    db.conn.executemany("UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?", seals)


def read_head(db: sqlite_utils.Database) -> tuple[int, str | None, str | None] | None:
    """(seq, mac, head signature) of the last sealed entry as recorded, or None when nothing was sealed."""
    row = db.execute("SELECT value FROM app_meta WHERE key = ?", [HEAD_KEY]).fetchone()
    if not row:
        return None
    parts = row[0].split(":")
    try:
        seq = int(parts[0])
    except ValueError:
        return (-1, None, None)
    return seq, (parts[1] if len(parts) > 1 else None) or None, (parts[2] if len(parts) > 2 else None) or None


def write_head(db: sqlite_utils.Database, seq: int, mac: str, signature: str) -> None:
    set_meta(db, HEAD_KEY, f"{seq}:{mac}:{signature}")


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM app_meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite_utils.Database, key: str, value: str | None) -> None:
    if value is None:
        db.execute("DELETE FROM app_meta WHERE key = ?", [key])
        return
    db.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               [key, value])


def sealed_entries(db: sqlite_utils.Database):
    """Every sealed entry in chain order: (seq, id, at, user, action, tbl, row_key, old, new, prev_hash, hash)."""
    return db.execute("SELECT seq, id, at, user, action, tbl, row_key, old, new, prev_hash, hash FROM audit_log "
                      "WHERE hash IS NOT NULL ORDER BY seq, id")


def unsealed_ids(db: sqlite_utils.Database, limit: int = 20) -> tuple[int, list[int]]:
    n = db.execute("SELECT COUNT(*) FROM audit_log WHERE hash IS NULL").fetchone()[0]
    ids = [r[0] for r in db.execute("SELECT id FROM audit_log WHERE hash IS NULL ORDER BY id LIMIT ?", [limit])]
    return n, ids


MIGRATION_KEY = "audit_migration_entries"  # "after:upto": unsealed entries a migration step wrote


def last_entry_id(db: sqlite_utils.Database) -> int | None:
    """The highest audit id so far, None when the file has no audit trail yet."""
    if _pg(db):
        if "audit_log" not in db.table_names():
            return None
    elif not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").fetchone():
        return None
    return mark(db)


def note_migration_entries(db: sqlite_utils.Database, before: int) -> None:
    """After the migration steps: the unsealed entries they wrote (ids after ``before``) are the program's own
    and are signed by the next use case (``services.audit.seal``); until then ``verify_chain`` says so."""
    upto = db.execute("SELECT MAX(id) FROM audit_log WHERE id > ? AND hash IS NULL", [before]).fetchone()[0]
    if upto is not None:
        old = get_meta(db, MIGRATION_KEY)
        start = min(before, int(old.split(":")[0])) if old else before
        set_meta(db, MIGRATION_KEY, f"{start}:{upto}")


def migration_entries(db: sqlite_utils.Database) -> tuple[int, int] | None:
    text = get_meta(db, MIGRATION_KEY)
    try:
        a, b = (int(x) for x in text.split(":")) if text else (None, None)
    except ValueError:
        return None
    return (a, b) if a is not None else None


def has_keyed_columns(db: sqlite_utils.Database) -> bool:
    """Whether the file has the keyed-chain columns (data version with ``m_audit_keyed``)."""
    if _pg(db):
        return PG.has_column(db, "audit_log", "seq")
    return any(c[1] == "seq" for c in db.execute("PRAGMA table_info(audit_log)").fetchall())


# ---------------------------------------------------------------- the triggers themselves

def expected_triggers(db: sqlite_utils.Database) -> dict[str, str]:
    """name → SQL of every audit trigger the tables as they are now should carry."""
    out: dict[str, str] = {}
    for table in _audited_tables(db):
        for statement in _triggers_for(db, table).split("\nEND;"):
            text = statement.strip()
            if not text:
                continue
            sql = text + "\nEND"
            name = sql.split('"', 2)[1].replace('""', '"')
            out[name] = sql
    return out


def _norm(sql: str | None) -> str:
    return " ".join((sql or "").replace(";", " ").split())


def trigger_problems(db: sqlite_utils.Database) -> list[str]:
    """Chinese sentences for each audit trigger that is missing or changed, and for any other trigger that writes
    to the audit tables or sits on them; [] when all is as the program installs it. A schema that cannot even be
    read (damaged text in it) is a problem too."""
    import sqlite3
    if _pg(db):
        from .schema_accounts import QUIET_COLUMNS, SECRET_COLUMNS
        return PG.trigger_problems(db, UNAUDITED, QUIET_COLUMNS, SECRET_COLUMNS, TRIGGER_PREFIX)
    try:
        return _trigger_problems(db)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
        return [N_("msg", "无法读取数据库结构（{err}），审计触发器无法核对").format(err=e)]


def _trigger_problems(db: sqlite_utils.Database) -> list[str]:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").fetchone():
        return []  # a data version before the audit trail: the migration installs it
    want = expected_triggers(db)
    have = {name: sql for name, sql, _tbl in
            db.execute("SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    on_table = {name: tbl for name, _sql, tbl in
                db.execute("SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    problems = differences(want, have, _norm)
    guarded = tuple(t.lower() for t in UNAUDITED)
    foreign = sorted(n for n, sql in have.items() if n not in want and (
        n.startswith(TRIGGER_PREFIX) or on_table[n].lower() in guarded
        or any(t in (sql or "").lower() for t in guarded)))
    if foreign:
        problems.append(N_("msg", "发现不属于本程序的审计相关触发器：{names}").format(names="、".join(foreign[:6])))
    return problems


def schema_cookie(db: sqlite_utils.Database) -> int:
    """SQLite's schema version counter: changes whenever any table, index or trigger is created, altered or dropped."""
    if _pg(db):
        return PG.schema_cookie(db)
    return db.execute("PRAGMA schema_version").fetchone()[0]
