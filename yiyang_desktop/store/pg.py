"""The 网络版 store: a PostgreSQL database behind the same small interface the services use on SQLite.

The services speak to ``ctx.db`` through a handful of calls that ``sqlite_utils.Database`` offers on the 单机版:
``execute(sql, params)`` (returns a cursor: ``fetchone``/``fetchall``/iteration), ``query(sql, params)`` (rows as
dicts), ``db["table"].insert(row).last_pk``, ``db["table"].update(pk, row)``, ``insert_all``, ``atomic()``,
``executescript`` and ``conn.in_transaction``. :class:`PgDatabase` offers the same calls over psycopg 3, so a use
case runs unchanged on either engine:

* SQL is written once with ``?`` placeholders; they become ``%s`` here (``%`` in the text is escaped).
* The connection is in autocommit mode: a read sees the latest committed data and holds no transaction open;
  ``atomic()`` is one transaction (a nested one is a savepoint), as ``sqlite_utils``' ``atomic()`` is.
* Values come back as the SQLite store gives them: dates are ISO text columns on both engines, flags are
  integers, and an integral ``numeric`` (``SUM`` of a bigint) is an ``int``.
"""
from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

import psycopg
from psycopg.adapt import Loader
from psycopg.pq import TransactionStatus

from . import pg_ddl

ENGINE = "postgresql"
_DDL = re.compile(r"\s*(CREATE|ALTER|DROP)\s", re.I)
_BEGIN = re.compile(r"\s*BEGIN(\s+(IMMEDIATE|DEFERRED|EXCLUSIVE))?(\s+TRANSACTION)?\s*;?\s*$", re.I)
WRITER_LOCK = 4_242_001  # pg_advisory_xact_lock key: one writing transaction at a time, as SQLite's write lock
LOCK_TIMEOUT_MS = 10000  # as the 单机版's busy timeout: a second writer waits this long, then gets Busy
_INSERT = re.compile(r'\s*INSERT\s+INTO\s+"?(\w+)"?', re.I)
_GROUP_CONCAT = re.compile(r"\bgroup_concat\(([^()]*?)(?:,\s*('(?:[^']|'')*'))?\)", re.I)
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|\?\d*|%", re.S)


@functools.lru_cache(maxsize=4096)
def prepare(sql: str, has_params: bool) -> str:
    """A statement written for both engines, as the server takes it: ``user`` quoted (a reserved word there),
    SQLite's ``BEGIN IMMEDIATE`` a plain ``BEGIN``, and the placeholders of :func:`to_pg` when there are
    parameters."""
    text = _functions(pg_ddl.quote_user(sql))
    if _BEGIN.match(text):
        return _begin(text)
    return to_pg(text) if has_params else text


def _begin(text: str) -> str:
    """SQLite's ``BEGIN IMMEDIATE`` (a writer) → ``BEGIN`` plus the writer lock (:meth:`PgDatabase.execute`);
    a plain ``BEGIN`` (one read snapshot for a return or a list) → a repeatable-read transaction, which is what
    a deferred SQLite transaction gives a reader."""
    m = _BEGIN.match(text)
    return "BEGIN" if m.group(2) else "BEGIN ISOLATION LEVEL REPEATABLE READ"


def _functions(sql: str) -> str:
    """SQLite's ``group_concat(x, sep)`` is the server's ``string_agg(x::text, sep)``."""
    if "group_concat" not in sql.lower():
        return sql
    return _GROUP_CONCAT.sub(lambda m: f"string_agg(CAST({m.group(1)} AS text), {m.group(2) or chr(39) + ',' + chr(39)})",
                             sql)


def _bind(sql: str, params: list) -> tuple[str, list | None]:
    """The statement and its parameters as psycopg takes them (numbered ``?N`` expanded)."""
    if not params:
        return prepare(sql, False), None
    text, order = _placeholders(_functions(pg_ddl.quote_user(sql)))
    if _BEGIN.match(text):
        return _begin(text), None
    return text, ([params[i] for i in order] if order is not None else params)


@functools.lru_cache(maxsize=2048)
def _placeholders(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """``?`` placeholders → ``%s`` outside quoted text and comments; every literal ``%`` → ``%%`` (psycopg reads
    ``%`` everywhere in a statement that has parameters). SQLite's numbered ``?N`` become ``%s`` too, with the
    order in which the parameters must be passed (None when the statement has only plain ``?``)."""
    order: list[int] = []
    numbered = False
    plain = 0

    def sub(m: re.Match) -> str:
        nonlocal numbered, plain
        t = m.group(0)
        if t.startswith("?"):
            if len(t) > 1:
                numbered = True
                order.append(int(t[1:]) - 1)
            else:
                order.append(plain)
                plain += 1
            return "%s"
        return t.replace("%", "%%")
    text = _TOKENS.sub(sub, sql)
    return text, tuple(order) if numbered else None


def to_pg(sql: str) -> str:
    return _placeholders(sql)[0]


class _NumericLoader(Loader):
    """``numeric`` → ``int`` when integral (``SUM`` over integer columns), else ``float`` — as SQLite returns."""

    def load(self, data) -> Any:
        text = bytes(data).decode("ascii")
        if text in ("NaN", "Infinity", "-Infinity"):
            return float(text)
        if "." not in text and "e" not in text.lower():
            return int(text)
        whole, _, frac = text.partition(".")
        if frac and not frac.strip("0") and "e" not in text.lower():
            return int(whole)
        return float(text)


class _Cursor:
    """What ``execute`` returns: the rows of the statement (read at once) and ``lastrowid`` for ``RETURNING id``."""

    def __init__(self, cur: psycopg.Cursor):
        self._cur = cur
        self.rowcount = cur.rowcount
        self.description = cur.description
        self.lastrowid = None

    def fetchone(self):
        return self._cur.fetchone() if self._cur.description else None

    def fetchall(self):
        return self._cur.fetchall() if self._cur.description else []

    def __iter__(self):
        return iter(self.fetchall())


class _Conn:
    """The part of a DB-API connection the services and the store touch (``db.conn``)."""

    def __init__(self, db: "PgDatabase"):
        self._db = db

    @property
    def in_transaction(self) -> bool:
        return self._db.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Iterable = ()):
        return self._db.execute(sql, params)

    def executemany(self, sql: str, seq: Iterable[Iterable]):
        with self._db.raw.cursor() as cur:
            cur.executemany(prepare(sql, True), [tuple(p) for p in seq])

    def commit(self) -> None:
        """End a transaction opened with ``BEGIN`` (outside one, statements are already committed)."""
        if self.in_transaction:
            self._db.raw.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self._db.raw.execute("ROLLBACK")


class _Insert:
    def __init__(self, pk):
        self.last_pk = pk


class _Table:
    def __init__(self, db: "PgDatabase", name: str):
        self.db, self.name = db, name

    def _pk(self) -> str | None:
        return self.db.primary_key(self.name)

    def insert(self, row: dict, **_ignored) -> _Insert:
        cols = list(row)
        q = lambda c: '"' + c.replace('"', '""') + '"'  # noqa: E731
        pk = self._pk()
        sql = (f"INSERT INTO {q(self.name)} ({', '.join(q(c) for c in cols)}) "
               f"VALUES ({', '.join('%s' for _ in cols)})" + (f" RETURNING {q(pk)}" if pk else ""))
        cur = self.db.raw.execute(sql, [row[c] for c in cols])
        return _Insert(cur.fetchone()[0] if pk else None)

    def insert_all(self, rows: Iterable[dict], **_ignored) -> "_Table":
        rows = list(rows)
        if not rows:
            return self
        cols = list(rows[0])
        q = lambda c: '"' + c.replace('"', '""') + '"'  # noqa: E731
        sql = f"INSERT INTO {q(self.name)} ({', '.join(q(c) for c in cols)}) VALUES ({', '.join('%s' for _ in cols)})"
        with self.db.raw.cursor() as cur:
            cur.executemany(sql, [[r.get(c) for c in cols] for r in rows])
        return self

    def update(self, pk_value, row: dict, **_ignored) -> "_Table":
        if not row:
            return self
        q = lambda c: '"' + c.replace('"', '""') + '"'  # noqa: E731
        sets = ", ".join(f"{q(c)} = %s" for c in row)
        self.db.raw.execute(f"UPDATE {q(self.name)} SET {sets} WHERE {q(self._pk() or 'id')} = %s",
                            [*row.values(), pk_value])
        return self


class PgDatabase:
    """A PostgreSQL database speaking the ``sqlite_utils.Database`` subset the services use."""

    engine = ENGINE

    def __init__(self, conn: psycopg.Connection, url: str = ""):
        self.raw = conn
        self.url = url
        self.conn = _Conn(self)
        conn.adapters.register_loader("numeric", _NumericLoader)
        self._pks: dict[str, str | None] = {}

    # --- the sqlite_utils subset ---------------------------------------------------------------------------
    def execute(self, sql: str, params: Iterable = ()) -> _Cursor:
        params = list(params) if params is not None else []
        if not params and _DDL.match(sql):  # a migration's CREATE/ALTER written for SQLite
            for stmt in pg_ddl.translate_statement(sql):
                self.raw.execute(stmt)
            return _Cursor(self.raw.execute("SELECT 1 WHERE false"))
        text, args = _bind(sql, params)
        if text == "BEGIN":  # a writer: wait for the one before (at most LOCK_TIMEOUT_MS), as SQLite does
            self.raw.execute("BEGIN")
            self.raw.execute(f"SET LOCAL lock_timeout = {LOCK_TIMEOUT_MS}")
            return _Cursor(self.raw.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK]))
        m = _INSERT.match(text)
        if m and "returning" not in text.lower() and (pk := self.primary_key(m.group(1))):
            # DB-API's ``lastrowid``, as SQLite gives it: the new row's key
            cur = _Cursor(self.raw.execute(f'{text.rstrip().rstrip(";")} RETURNING "{pk}"', args))
            row = cur.fetchone()
            cur.lastrowid = row[0] if row else None
            return cur
        return _Cursor(self.raw.execute(text, args))

    def query(self, sql: str, params: Iterable = ()) -> Iterator[dict]:
        with self.raw.cursor(row_factory=psycopg.rows.dict_row) as cur:
            cur.execute(*_bind(sql, list(params or ())))
            rows = cur.fetchall() if cur.description else []
        yield from rows

    def executescript(self, script: str) -> None:
        """A migration's SQLite script, translated statement by statement (``store.pg_ddl``); a table that SQLite
        guards with triggers gets the server's own guard (exclusion constraint, PL/pgSQL trigger)."""
        statements = pg_ddl.translate_script(script)
        for stmt in statements + pg_ddl.guards_for(statements):
            self.raw.execute(stmt)

    def __getitem__(self, name: str) -> _Table:
        return _Table(self, name)

    @contextmanager
    def atomic(self) -> Iterator["PgDatabase"]:
        with self.raw.transaction():
            yield self

    def close(self) -> None:
        self.raw.close()

    # --- helpers ---------------------------------------------------------------------------------------------
    def primary_key(self, table: str) -> str | None:
        if table not in self._pks:
            row = self.raw.execute("""
                SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indrelid = to_regclass(%s) AND i.indisprimary""", [table]).fetchall()
            self._pks[table] = row[0][0] if len(row) == 1 else None
        return self._pks[table]

    def table_names(self) -> list[str]:
        return [r[0] for r in self.raw.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").fetchall()]


def connect(url: str, *, password: str | None = None, connect_timeout: int = 10) -> PgDatabase:
    """Open a connection to the server database at ``url`` (``postgresql://user@host:port/dbname``)."""
    kw: dict[str, Any] = {"autocommit": True, "connect_timeout": connect_timeout, "application_name": "yiyang"}
    if password is not None:
        kw["password"] = password
    conn = psycopg.connect(url, **kw)
    conn.execute("SET TIME ZONE 'Asia/Shanghai'")
    return PgDatabase(conn, url)


def translate_error(e: BaseException) -> tuple[str, str] | None:
    """What a server error means to the user: ``("invalid", message)`` for a refused row (an exclusion or unique
    constraint, a trigger's Chinese message), ``("busy", "")`` when another seat holds the write lock too long or
    a snapshot conflicts, ``("lost", message)`` when the connection to the server is gone; None for anything else
    (a programming error, raised as it is)."""
    if not isinstance(e, psycopg.Error):
        return None
    from psycopg import errors as E
    diag = getattr(e, "diag", None)
    primary = (diag.message_primary if diag else None) or str(e)
    if isinstance(e, (E.LockNotAvailable, E.SerializationFailure, E.DeadlockDetected, E.QueryCanceled)):
        return "busy", ""
    if isinstance(e, E.IntegrityError) or isinstance(e, E.RaiseException):
        name = diag.constraint_name if diag else None
        if name in pg_ddl.CONSTRAINT_MESSAGES:
            return "invalid", pg_ddl.CONSTRAINT_MESSAGES[name]
        if any("\u4e00" <= ch <= "\u9fff" for ch in primary):
            return "invalid", primary
        return "invalid", ""
    if isinstance(e, psycopg.OperationalError) and (e.sqlstate is None or e.sqlstate.startswith("08")
                                                    or e.sqlstate.startswith("57")):
        return "lost", primary
    return None
