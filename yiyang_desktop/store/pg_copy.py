"""The server side of ``yiyang migrate-to``: an empty PostgreSQL database filled from a SQLite data file, in one
transaction, every row with its own id.

* ``connect_empty`` refuses a database that already holds anything (tables, views, sequences in any schema of
  its own), untouched.
* ``copy_file`` runs in ONE transaction on the target: the schema is made by the same numbered migrations every
  open runs (``store.db.migrate``, under the migration lock), the rows those steps wrote are removed, and every
  table of the source is copied in foreign-key order (a table that refers to itself: parents first) with
  ``COPY``. The program's triggers (the audit trail's, the frozen-return guard) must not fire for rows that are
  history, not new changes: they are switched off with ``ALTER TABLE … DISABLE TRIGGER USER`` — what the
  database owner may do (``session_replication_role`` needs a superuser) — and on again before the commit; the
  table locks that takes keep every other session out until then, so no other seat ever writes while they are
  off. Foreign keys and the exclusion constraints stay on: the copied rows are checked by the server. Every
  identity sequence is set to ``max(id) + 1``. A failure anywhere rolls everything back: the target stays empty.
* ``empty_database`` drops what a restore or copy made (a check after the commit failed).
"""
from __future__ import annotations

import sqlite3
from typing import Callable, Iterable

import psycopg

from ..clock import Clock
from ..domain.text import QT_TRANSLATE_NOOP as N_
from . import pg_ddl
from .pg import PgDatabase
from .pg_open import MIGRATE_LOCK, _connect, describe
from .preflight import StoreError

SYSTEM_SCHEMAS = ("pg_catalog", "information_schema", "pg_toast")


def objects(db: PgDatabase) -> int:
    """How many tables, views and sequences the database holds outside the system's own schemas."""
    return db.raw.execute("""
        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'""").fetchone()[0]


NOT_EMPTY = N_("msg", "服务器数据库 {where} 不是空的（里面已有 {n} 个表或序列），未做任何改动。"
                      "迁移和恢复只能写入一个新建的空数据库，请按使用说明“网络版”一节新建一个。")


def connect_empty(url: str, password: str | None = None) -> PgDatabase:
    """A connection to the server database at ``url``, which must be empty (StoreError naming it otherwise)."""
    db = _connect(url, password)
    try:
        n = objects(db)
    except psycopg.Error as e:
        db.close()
        raise StoreError(N_("msg", "服务器数据库 {where} 无法使用：{err}").format(where=describe(url), err=e)) from e
    if n:
        db.close()
        raise StoreError(NOT_EMPTY.format(where=describe(url), n=n))
    db.password = password
    return db


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# ------------------------------------------------------------------ the source (SQLite)

def source_tables(src: sqlite3.Connection) -> list[str]:
    return [r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def source_columns(src: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in src.execute(f"PRAGMA table_info({_q(table)})")]


def foreign_key_order(src: sqlite3.Connection, tables: list[str]) -> list[str]:
    """The tables, each after every table it refers to (self-references aside)."""
    deps = {t: {r[2] for r in src.execute(f"PRAGMA foreign_key_list({_q(t)})")} - {t} for t in tables}
    order: list[str] = []
    done: set[str] = set()

    def visit(t: str, path: tuple[str, ...]) -> None:
        if t in done or t in path:
            return
        for d in sorted(deps.get(t, ())):
            if d in deps:
                visit(d, path + (t,))
        done.add(t)
        order.append(t)
    for t in sorted(tables):
        visit(t, ())
    return order


def _self_refs(src: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """(column, referred column) of the foreign keys of ``table`` to itself."""
    return [(r[3], r[4] or "id") for r in src.execute(f"PRAGMA foreign_key_list({_q(table)})") if r[2] == table]


def source_rows(src: sqlite3.Connection, table: str, columns: list[str]) -> Iterable[tuple]:
    """The rows of ``table`` in id order; for a table that refers to itself, every parent before its children."""
    rows = src.execute(f"SELECT {', '.join(_q(c) for c in columns)} FROM {_q(table)} ORDER BY rowid")
    refs = _self_refs(src, table)
    if not refs:
        yield from rows
        return
    pending = list(rows)
    seen: dict[str, set] = {ref: set() for _col, ref in refs}
    while pending:
        later = []
        for row in pending:
            values = dict(zip(columns, row))
            if all(values[col] is None or values[col] in seen[ref] for col, ref in refs):
                for _col, ref in refs:
                    seen[ref].add(values[ref])
                yield row
            else:
                later.append(row)
        if len(later) == len(pending):  # refers to rows that are not there: the server's foreign key says so
            yield from later
            return
        pending = later


# ------------------------------------------------------------------ the target (PostgreSQL)

def target_columns(db: PgDatabase, table: str) -> list[str]:
    return [r[0] for r in db.raw.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attnum > 0 AND NOT attisdropped "
        "ORDER BY attnum", [_q(table)]).fetchall()]


def triggered_tables(db: PgDatabase) -> list[str]:
    """Tables of the current schema that carry triggers of their own (not the foreign keys' internal ones)."""
    return [r[0] for r in db.raw.execute("""
        SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relnamespace = to_regnamespace(current_schema()) ORDER BY 1""").fetchall()]


def reset_sequences(db: PgDatabase) -> dict[str, int]:
    """Every identity (or serial) column's sequence set so the next new row gets ``max(id) + 1``."""
    out = {}
    for table, column in db.raw.execute("""
            SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind = 'r' AND a.attnum > 0
              AND NOT a.attisdropped AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
            ORDER BY 1""").fetchall():
        nxt = db.raw.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({_q(column)}), 0) + 1, false) "
            f"FROM {_q(table)}", [_q(table), column]).fetchone()[0]
        out[table] = nxt
    return out


def create_schema(db: PgDatabase, clock: Clock) -> None:
    """Inside the copy's transaction: the schema, by the numbered migrations every open runs (``open_pg``)."""
    from .db import migrate
    db.raw.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATE_LOCK])  # a seat opening it now waits for the commit
    for stmt in pg_ddl.split_statements(pg_ddl.FUNCTIONS):
        db.raw.execute(stmt)
    migrate(db, 0, clock=clock)


class CopyFailed(StoreError):
    """The server refused a row of the copy (the message names the table); nothing was kept."""


def copy_file(db: PgDatabase, src: sqlite3.Connection, *, clock: Clock, schema_version: int,
              before_commit: Callable[[PgDatabase], None] | None = None,
              on_table: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every table of the SQLite data file ``src`` into the empty server database ``db``, in one transaction
    (see the module). ``before_commit(db)`` runs last inside it (the caller signs what must be signed). Returns
    ``{table: rows copied}``."""
    from .pg_open import set_schema_version
    counts: dict[str, int] = {}
    with db.raw.transaction():
        create_schema(db, clock)
        tables = source_tables(src)
        theirs = set(db.table_names())
        if set(tables) != theirs:
            raise StoreError(N_("msg", "数据文件与服务器数据库的表不一致（只在数据文件中：{a}；只在服务器中：{b}），未做任何改动。")
                             .format(a="、".join(sorted(set(tables) - theirs)) or "无",
                                     b="、".join(sorted(theirs - set(tables))) or "无"))
        order = foreign_key_order(src, tables)
        guarded = triggered_tables(db)
        for t in guarded:
            db.raw.execute(f"ALTER TABLE {_q(t)} DISABLE TRIGGER USER")
        for t in reversed(order):  # what the migrations wrote (app_meta, the institution row…) makes way
            db.raw.execute(f"DELETE FROM {_q(t)}")
        for t in order:
            cols = source_columns(src, t)
            if set(cols) != set(target_columns(db, t)):
                raise StoreError(N_("msg", "表 {table} 的列在数据文件与服务器数据库中不一致，未做任何改动。").format(table=t))
            n = 0
            try:
                with db.raw.cursor() as cur, cur.copy(
                        f"COPY {_q(t)} ({', '.join(_q(c) for c in cols)}) FROM STDIN") as copy:
                    for row in source_rows(src, t, cols):
                        copy.write_row(row)
                        n += 1
            except psycopg.Error as e:
                raise CopyFailed(N_("msg", "复制表 {table} 时服务器拒绝了数据（{err}），服务器数据库保持为空。")
                                 .format(table=t, err=_reason(e))) from e
            counts[t] = n
            if on_table:
                on_table(t, n)
        reset_sequences(db)
        set_schema_version(db, schema_version)
        for t in guarded:
            db.raw.execute(f"ALTER TABLE {_q(t)} ENABLE TRIGGER USER")
        if before_commit:
            before_commit(db)
    return counts


def _reason(e: psycopg.Error) -> str:
    from .pg import translate_error
    meaning = translate_error(e)
    if meaning and meaning[1]:
        return meaning[1]
    diag = getattr(e, "diag", None)
    return (diag.message_primary if diag and diag.message_primary else str(e)).strip()


def empty_database(db: PgDatabase) -> None:
    """Drop everything in the database's ``public`` schema (what a copy or a restore made), in one transaction,
    leaving it as a new database is: an empty ``public`` schema its owner may use."""
    with db.raw.transaction():
        db.raw.execute("DROP SCHEMA IF EXISTS public CASCADE")
        db.raw.execute("CREATE SCHEMA public")
        try:
            with db.raw.transaction():  # as a new database has it (PostgreSQL 15 and later)
                db.raw.execute("ALTER SCHEMA public OWNER TO pg_database_owner")
        except psycopg.Error:
            pass
        db.raw.execute("GRANT USAGE ON SCHEMA public TO PUBLIC")


def empty_database_at(url: str, password: str | None = None) -> None:
    """:func:`empty_database` on its own connection: after a failed copy or restore, the target as it was."""
    from .pg_open import _connect
    db = _connect(url, password)
    try:
        empty_database(db)
    finally:
        db.close()
