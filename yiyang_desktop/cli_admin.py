"""`yiyang backup|restore|user|audit`: accounts, backups."""
from __future__ import annotations


def register(sub) -> None:
    pass
