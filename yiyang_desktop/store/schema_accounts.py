"""Accounts, roles and the hash-chained audit trail."""
from __future__ import annotations

import sqlite_utils


def m_accounts_audit(db: sqlite_utils.Database) -> None:
    pass
