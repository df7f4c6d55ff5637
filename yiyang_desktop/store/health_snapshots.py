"""The queries behind the health figures of the 月报 and the 长护险 list's typed snapshot (domain/health.py,
domain/ltc.py). Portable SQL, as in snapshots.py: ``?`` placeholders, ISO dates compared as text."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..domain.dates import month_bounds
from ..domain.health import CheckRecord
from ..domain.ltc import LevelRecord, LtcSnapshot
from .snapshots import _chunks, _date, _ids_cte, absences, beds, latest_grades, occupancies, residents

PROVIDER_SQL = "COALESCE(p.name, c.provider_name, c.provider_kind)"


def check_records(db, first: dt.date, last: dt.date) -> tuple[CheckRecord, ...]:
    """Every yearly check dated ``first``..``last`` with the resident's name and who did it."""
    rows = db.execute(f"""
        SELECT c.id, c.resident_id, c.check_date, c.feedback_date, r.name, {PROVIDER_SQL}
        FROM health_checks c JOIN residents r ON r.id = c.resident_id LEFT JOIN partners p ON p.id = c.partner_id
        WHERE c.check_date >= ? AND c.check_date <= ? ORDER BY c.check_date, c.id""",
                      [first.isoformat(), last.isoformat()]).fetchall()
    return tuple(CheckRecord(r[0], r[1], _date(r[2]), _date(r[3]), r[4], r[5] or "") for r in rows)


def last_checks(db, ids: Iterable[int], on: dt.date) -> dict[int, CheckRecord]:
    """Each resident's latest check dated on or before ``on``."""
    out = {}
    for chunk in _chunks(ids):
        cte, params = _ids_cte(chunk)
        for r in db.execute(cte + f"""
                SELECT c.id, c.resident_id, c.check_date, c.feedback_date, '', {PROVIDER_SQL}
                FROM ids JOIN health_checks c ON c.id = (
                    SELECT x.id FROM health_checks x WHERE x.resident_id = ids.rid AND x.check_date <= ?
                    ORDER BY x.check_date DESC, x.id DESC LIMIT 1)
                LEFT JOIN partners p ON p.id = c.partner_id""", params + [on.isoformat()]).fetchall():
            out[r[1]] = CheckRecord(r[0], r[1], _date(r[2]), _date(r[3]), r[4], r[5] or "")
    return out


def level_records(db, ids: Iterable[int], up_to: dt.date) -> dict[int, tuple[LevelRecord, ...]]:
    """Each resident's 长护险 levels starting on or before ``up_to``, oldest first."""
    out: dict[int, list[LevelRecord]] = {}
    for chunk in _chunks(ids):
        cte, params = _ids_cte(chunk)
        for r in db.execute(cte + "SELECT l.id, l.resident_id, l.level, l.insured_place, l.certificate_no, "
                            "l.valid_from, l.valid_to FROM ids JOIN ltc_levels l ON l.resident_id = ids.rid "
                            "WHERE l.valid_from <= ? ORDER BY l.resident_id, l.valid_from, l.id",
                            params + [up_to.isoformat()]).fetchall():
            out.setdefault(r[1], []).append(LevelRecord(r[0], r[1], r[2], r[3] or "", r[4] or "", _date(r[5]),
                                                        _date(r[6])))
    return {k: tuple(v) for k, v in out.items()}


def ltc_snapshot(db, year: int, month: int) -> LtcSnapshot:
    """The month's beds, bed assignments and leaves, the residents who held a bed, their levels and grades."""
    first, last = month_bounds(year, month)
    occs = occupancies(db, first, last)
    ids = {o.resident_id for o in occs}
    return LtcSnapshot(year, month, tuple(beds(db, last)), tuple(occs), tuple(absences(db, first, last)),
                       residents(db, ids), level_records(db, ids, last), latest_grades(db, ids, last))
