"""Monthly returns: submitted (frozen) returns and their corrections."""
from __future__ import annotations

import sqlite_utils


def m_returns(db: sqlite_utils.Database) -> None:
    pass
