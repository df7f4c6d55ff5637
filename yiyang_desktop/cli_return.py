"""`yiyang return`: monthly returns."""
from __future__ import annotations


def register(sub) -> None:
    pass
