"""Ability-grade names a profile may use, and how a written name matches a resident's grade.

Instruments name grades in full ("能力重度受损（重度失能）", GB/T 42195-2022) and people write the short name in
the brackets ("重度失能", as in MZ/T 039-2013 and the shipped ``blank.toml``). Both spellings are understood: a
written name matches a grade whose full name it is, or whose bracketed short name it is. Any other name is refused
when the profile is loaded — a grade rule that could never match would silently pay the base rate only.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_SHORT = re.compile(r"（([^（）]+)）$")


def short_name(full: str) -> str | None:
    """"能力重度受损（重度失能）" → "重度失能"; None for a name without a bracketed short form."""
    m = _SHORT.search(full or "")
    return m.group(1) if m else None


def vocabulary(instruments: Iterable | None = None) -> dict[str, frozenset[str]]:
    """Every name a profile may write → the full grade names (of all instruments) it stands for."""
    if instruments is None:
        from ..assessment import list_instruments
        instruments = list_instruments()
    out: dict[str, set[str]] = {}
    for inst in instruments:
        for name in inst.grades.values():
            out.setdefault(name, set()).add(name)
            short = short_name(name)
            if short:
                out.setdefault(short, set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


def matches(written: Iterable[str], grade_name: str | None) -> bool:
    """Whether a resident's grade (its full name) is one of the names a profile wrote."""
    if not grade_name:
        return False
    short = short_name(grade_name)
    return any(w == grade_name or (short is not None and w == short) for w in written)
