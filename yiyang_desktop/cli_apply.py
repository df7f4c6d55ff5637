"""`yiyang apply`: subsidy and 医保定点 applications."""
from __future__ import annotations


def register(sub) -> None:
    pass
