"""`yiyang import`: Excel ledgers."""
from __future__ import annotations


def register(sub) -> None:
    pass
