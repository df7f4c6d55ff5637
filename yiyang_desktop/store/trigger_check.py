"""What differs between the audit triggers the program installs and those in the database, in Chinese — the same
wording on both engines (``store.audit_store`` for SQLite, ``store.pg_audit`` for the server)."""
from __future__ import annotations

from typing import Callable

from ..domain.text import QT_TRANSLATE_NOOP as N_


def differences(want: dict[str, str], have: dict[str, str], norm: Callable[[str], str]) -> list[str]:
    """Missing and changed triggers (name → definition), at most six names shown for each."""
    problems = []
    missing = sorted(n for n in want if n not in have)
    changed = sorted(n for n in want if n in have and norm(have[n]) != norm(want[n]))
    for names, text in ((missing, N_("msg", "审计触发器缺失：{names}")), (changed, N_("msg", "审计触发器被改动：{names}"))):
        if names:
            shown = "、".join(names[:6]) + (f" 等 {len(names)} 个" if len(names) > 6 else "")
            problems.append(text.format(names=shown))
    return problems
