"""Migration: residents' search keys recomputed with surname readings (domain.names): 曾素芬 was stored as
"csf"/"cengsufen" and is found by "zsf"/"zengsufen" from now on; sorting by pinyin follows. Only the two key
columns of the residents whose keys change are written (the audit trail records them as the program's change)."""
from __future__ import annotations

import sqlite_utils


def m_surname_pinyin(db: sqlite_utils.Database) -> None:
    from ..domain.names import pinyin_keys
    rows = db.execute("SELECT id, name, name_initials, name_pinyin FROM residents").fetchall()
    for rid, name, initials, full in rows:
        keys = pinyin_keys(name)
        if keys != (initials, full):
            db.execute("UPDATE residents SET name_initials = ?, name_pinyin = ? WHERE id = ?", [*keys, rid])
