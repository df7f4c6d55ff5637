"""The audit trail as a keyed chain (issue #15): a chain position ``seq``, more kinds of entry, and anchors.

* ``audit_log.seq`` — the entry's place in the chain, given when it is sealed (``services.audit.seal``, while the
  write lock is held), so the chain order does not depend on how ids are handed out (several writers on the
  网络版 get ids before they commit). Entries sealed before this step get their place in id order (they were
  sealed in that order: one writer at a time). The head in ``app_meta.audit_head`` becomes ``seq:mac``.
* New kinds of entry: ``login`` / ``login_failed`` (sign-ins, recorded as the attempt, not as an update of the
  account), ``key`` (an audit key was made for the file; the chain is keyed from there), ``restore``,
  ``anchor`` and ``review``. SQLite cannot change a CHECK constraint in place, so the table is rebuilt (same ids).
* ``audit_anchors`` — the chain head (seq, MAC, length) recorded when a monthly return is submitted, signed with
  the key (``services.audit_anchors``); backups carry theirs in their own ``app_meta``.
"""
from __future__ import annotations

import sqlite_utils

from .schema_accounts import drop_audit_triggers, install_audit_triggers

ACTIONS = ("insert", "update", "delete", "export", "login", "login_failed", "key", "restore", "anchor", "review")


def m_audit_keyed(db: sqlite_utils.Database) -> None:
    """(Safe to meet a file that already has it — a copy whose data version was set back by hand.)"""
    from .audit_store import has_keyed_columns
    if has_keyed_columns(db):
        db.execute("CREATE TABLE IF NOT EXISTS audit_anchors (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
                   "ref TEXT NOT NULL, lineage TEXT NOT NULL, seq INTEGER NOT NULL, mac TEXT NOT NULL, "
                   "length INTEGER NOT NULL, at TEXT NOT NULL, key_id TEXT NOT NULL, signature TEXT NOT NULL)")
        install_audit_triggers(db)
        return
    drop_audit_triggers(db)
    actions = ",".join(f"'{a}'" for a in ACTIONS)
    script = f"""
CREATE TABLE audit_log_keyed (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  seq INTEGER,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
  user TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ({actions})),
  tbl TEXT NOT NULL,
  row_key TEXT,
  old TEXT,
  new TEXT,
  prev_hash TEXT,
  hash TEXT
);
INSERT INTO audit_log_keyed (id, at, user, action, tbl, row_key, old, new, prev_hash, hash)
  SELECT id, at, user, action, tbl, row_key, old, new, prev_hash, hash FROM audit_log ORDER BY id;
DROP TABLE audit_log;
ALTER TABLE audit_log_keyed RENAME TO audit_log;
CREATE UNIQUE INDEX audit_log_seq ON audit_log(seq);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_tbl ON audit_log(tbl, row_key);
CREATE INDEX audit_log_user ON audit_log(user);
CREATE INDEX audit_log_action ON audit_log(action);
CREATE INDEX audit_log_unsealed ON audit_log(hash) WHERE hash IS NULL;
CREATE TABLE audit_anchors (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  ref TEXT NOT NULL,
  lineage TEXT NOT NULL,
  seq INTEGER NOT NULL,
  mac TEXT NOT NULL,
  length INTEGER NOT NULL,
  at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
);
"""
    for statement in script.split(";\n"):  # one by one: executescript would commit the step's transaction
        if statement.strip():
            db.execute(statement)
    sealed = [r[0] for r in db.execute("SELECT id FROM audit_log WHERE hash IS NOT NULL ORDER BY id").fetchall()]
    db.conn.executemany("UPDATE audit_log SET seq = ? WHERE id = ?", [(n, i) for n, i in enumerate(sealed, start=1)])
    head = db.execute("SELECT value FROM app_meta WHERE key = 'audit_head'").fetchone()
    if head:
        last = db.execute("SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1").fetchone()
        head_id, _, head_hash = head[0].partition(":")
        # the head said "last id:hash"; it becomes "seq:hash" of the same entry (or stays pointing past the end)
        row = db.execute("SELECT seq FROM audit_log WHERE id = ?", [int(head_id or 0)]).fetchone()
        seq = row[0] if row and row[0] else (len(sealed) + 1 if last else 0)
        db.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", [f"{seq}:{head_hash}"])
    install_audit_triggers(db)
