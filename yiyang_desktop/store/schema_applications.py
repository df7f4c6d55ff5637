"""Subsidy applications: construction grants per bed, recorded applications."""
from __future__ import annotations

import sqlite_utils


def m_applications(db: sqlite_utils.Database) -> None:
    pass
