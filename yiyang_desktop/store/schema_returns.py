"""Monthly returns: submitted (frozen) returns and their corrections.

A submitted return keeps the figures and the detail lists exactly as they were when "报送" was pressed, with
who and when. A correction is a new row of the same month with ``version`` + 1 and ``supersedes_id`` pointing at
the version it corrects; earlier versions are kept, never rewritten.
"""
from __future__ import annotations

import sqlite_utils


def m_returns(db: sqlite_utils.Database) -> None:
    db.executescript("""
CREATE TABLE submitted_returns (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  version INTEGER NOT NULL CHECK (version >= 1),
  figures TEXT NOT NULL,           -- JSON: the figures as submitted
  details TEXT NOT NULL,           -- JSON: the detail lists behind them
  submitted_by TEXT,
  submitted_at TEXT NOT NULL,      -- 'YYYY-MM-DDTHH:MM:SS'
  note TEXT,
  supersedes_id INTEGER REFERENCES submitted_returns(id) ON DELETE RESTRICT,
  UNIQUE (month, version)
);
CREATE TRIGGER submitted_returns_frozen BEFORE UPDATE OF month, version, figures, details, submitted_by, submitted_at
ON submitted_returns
BEGIN SELECT RAISE(ABORT, '已报送的月报不能修改，请生成更正版本'); END;
""")
