"""The data file's permanent identity: a UUID in ``app_meta.file_id``, written once, kept by backups and restores.

Backups are filed and matched by it (``services.backup``), and a -wal beside a file must carry the same one
(``store.preflight.judge_wal``). Two institutions' files called ``yiyang.db`` never share it; a copy of a file
(a backup, a file copied to a USB disk) keeps it.
"""
from __future__ import annotations

import uuid

import sqlite_utils


def m_file_identity(db: sqlite_utils.Database) -> None:
    """Give the file its identity (a file restored from a backup already carries its own: it is kept)."""
    if db.execute("SELECT 1 FROM app_meta WHERE key = 'file_id'").fetchone() is None:
        db.execute("INSERT INTO app_meta (key, value) VALUES ('file_id', ?)", [str(uuid.uuid4())])
