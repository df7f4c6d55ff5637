"""Accounts, roles and the hash-chained audit trail.

Audit: an AFTER INSERT/UPDATE/DELETE trigger on every table (except the audit tables themselves and ``app_meta``)
writes one ``audit_log`` row in the same transaction as the change: who (from the one-row ``audit_actor`` table,
which ``Context.transaction()`` sets; ``system`` otherwise), when, action, table, row key and the values before →
after (for updates only the columns that changed). ``Context.transaction()`` then chains the new rows with sha256
(``services.audit.seal``); rows written outside the app keep a NULL hash and ``yiyang check`` reports them.

Any later migration that adds or alters a table must call ``install_audit_triggers(db)`` again at its end.
Bulk writers (benchmarks) may call ``drop_audit_triggers(db)`` before and ``install_audit_triggers(db)`` after —
nothing written in between is audited, which is the documented point of that switch.
"""
from __future__ import annotations

import sqlite_utils

#: Tables never audited: the trail itself, its actor row, and the file's own metadata.
UNAUDITED = ("audit_log", "audit_actor", "app_meta")
#: Columns that never enter the trail, not even as a placeholder: a new password shows as the change of
#: ``password_changed_at`` ("密码已修改"); a stronger hash of the same password (at sign-in) makes no entry.
SECRET_COLUMNS = ("password_hash",)
#: Columns whose changes alone make no entry: the sign-in counters (a sign-in is recorded as its own kind of
#: entry, ``login`` / ``login_failed``, by ``services.accounts``; a sign-in on a computer without the audit key
#: must still count wrong passwords).
QUIET_COLUMNS = {"users": ("failed_count", "locked_until", "last_login")}
TRIGGER_PREFIX = "audit_trg_"


def m_accounts_audit(db: sqlite_utils.Database) -> None:
    db.executescript("""
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 1 AND 40),
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('管理员','登记员','护理','只读')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  failed_count INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  must_change INTEGER NOT NULL DEFAULT 0,
  created_at TEXT, password_changed_at TEXT, last_login TEXT
);
CREATE TABLE audit_actor (id INTEGER PRIMARY KEY CHECK (id = 1), user TEXT NOT NULL);
INSERT INTO audit_actor (id, user) VALUES (1, 'system');
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
  user TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert','update','delete','export')),
  tbl TEXT NOT NULL,
  row_key TEXT,
  old TEXT,
  new TEXT,
  prev_hash TEXT,
  hash TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_tbl ON audit_log(tbl, row_key);
CREATE INDEX audit_log_unsealed ON audit_log(hash) WHERE hash IS NULL;
""")
    install_audit_triggers(db)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _value(ref: str, col: str, col_type: str) -> str:
    expr = f"{ref}.{_q(col)}"
    if col in SECRET_COLUMNS:
        return f"CASE WHEN {expr} IS NULL THEN NULL ELSE '***' END"
    if "BLOB" in col_type.upper():
        return f"hex({expr})"
    return expr


def _audited_tables(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()
    virtual = {n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")}
    shadow = {n for n, _ in rows for v in virtual if n.startswith(v + "_")}
    return sorted(n for n, _ in rows if n not in UNAUDITED and n not in virtual and n not in shadow)


def _triggers_for(db: sqlite_utils.Database, table: str) -> str:
    cols = db.execute(f"PRAGMA table_info({_q(table)})").fetchall()  # cid, name, type, notnull, default, pk
    names = [(c[1], c[2] or "") for c in cols]
    pk = [c[1] for c in sorted(cols, key=lambda c: c[5]) if c[5]]
    without_rowid = "WITHOUT ROWID" in (db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table])
                                        .fetchone()[0] or "").upper()

    def key(ref: str) -> str:
        if not pk:
            return "NULL" if without_rowid else f"CAST({ref}.rowid AS TEXT)"
        return " || ',' || ".join(f"CAST({ref}.{_q(c)} AS TEXT)" for c in pk)

    def whole(ref: str) -> str:  # secret columns are left out altogether (not even a placeholder)
        return "json_object(" + ", ".join(f"'{n}', {_value(ref, n, t)}" for n, t in names
                                          if n not in SECRET_COLUMNS) + ")"

    def changed(ref: str) -> str:
        parts = " UNION ALL ".join(f"SELECT '{n}' AS k, {_value(ref, n, t)} AS v WHERE OLD.{_q(n)} IS NOT NEW.{_q(n)}"
                                   for n, t in watched)
        return f"(SELECT json_group_object(k, v) FROM ({parts}))"

    quiet = (*QUIET_COLUMNS.get(table, ()), *SECRET_COLUMNS)
    watched = [(n, t) for n, t in names if n not in quiet]
    any_change = " OR ".join(f"OLD.{_q(n)} IS NOT NEW.{_q(n)}" for n, _ in watched)
    actor = "COALESCE((SELECT user FROM audit_actor WHERE id = 1), 'system')"
    # the time comes from the use case's clock (audit_actor.at, set by services.audit.begin); a write made
    # outside the program (no actor time) falls back to SQLite's own clock
    at = "strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')"
    if any(c[1] == "at" for c in db.execute("PRAGMA table_info(audit_actor)").fetchall()):  # from m_audit_actor_time
        at = f"COALESCE((SELECT at FROM audit_actor WHERE id = 1), {at})"
    t, name = _q(table), TRIGGER_PREFIX + table
    ins = "INSERT INTO audit_log (at, user, action, tbl, row_key, old, new) VALUES"
    return f"""
CREATE TRIGGER {_q(name + '_ins')} AFTER INSERT ON {t} BEGIN
  {ins} ({at}, {actor}, 'insert', '{table}', {key('NEW')}, NULL, {whole('NEW')});
END;
CREATE TRIGGER {_q(name + '_upd')} AFTER UPDATE ON {t} WHEN {any_change} BEGIN
  {ins} ({at}, {actor}, 'update', '{table}', {key('NEW')}, {changed('OLD')}, {changed('NEW')});
END;
CREATE TRIGGER {_q(name + '_del')} AFTER DELETE ON {t} BEGIN
  {ins} ({at}, {actor}, 'delete', '{table}', {key('OLD')}, {whole('OLD')}, NULL);
END;
"""


def drop_audit_triggers(db: sqlite_utils.Database) -> None:
    if getattr(db, "engine", "sqlite") == "postgresql":
        from .pg_audit import drop_triggers
        return drop_triggers(db, TRIGGER_PREFIX)
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
                              [TRIGGER_PREFIX + "%"]).fetchall():
        db.execute(f"DROP TRIGGER {_q(name)}")


def install_audit_triggers(db: sqlite_utils.Database) -> None:
    """(Re)create the audit triggers for every current table. Idempotent; call after any schema change."""
    if getattr(db, "engine", "sqlite") == "postgresql":
        from .pg_audit import install_triggers
        return install_triggers(db, UNAUDITED, QUIET_COLUMNS, SECRET_COLUMNS, TRIGGER_PREFIX)
    drop_audit_triggers(db)
    script = "".join(_triggers_for(db, t) for t in _audited_tables(db))
    for statement in script.split("\nEND;"):
        if statement.strip():
            db.execute(statement + "\nEND;")


def m_audit_actor_time(db: sqlite_utils.Database) -> None:
    """Audit times from the program's one clock: the use case writes its time into ``audit_actor.at``."""
    db.execute("ALTER TABLE audit_actor ADD COLUMN at TEXT")
    install_audit_triggers(db)


def m_audit_user_index(db: sqlite_utils.Database) -> None:
    """The audit page's user filter lists the users who wrote; without an index that scans the whole log."""
    db.execute("CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log(user)")
