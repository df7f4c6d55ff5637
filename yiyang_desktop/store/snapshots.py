"""The queries that build the typed snapshots the rules read (domain/snapshot.py, domain/return_figures.py).

Portable SQL (a PostgreSQL store comes next): ``?`` placeholders, ISO date text compared as strings, no
julianday/strftime, no json_each; lists of ids go in as ``WITH ids(rid) AS (VALUES (?), …)``. Each query reads only
the rows that overlap the period asked for, so the cost follows the period, not the length of the file.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from itertools import groupby

from ..domain.census import Absence, BedRecord, Occupancy, bed_label
from ..domain.return_figures import AssessmentRow, BedMove, LeaveRow, ReferralRow, ReturnSnapshot
from ..domain.snapshot import BedFacts, Grade, Grant, InstitutionFacts, PeriodSnapshot, Resident, Stay

OPEN_END = "9999-12-31"
CHUNK = 500


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _ids_cte(ids: list[int]) -> tuple[str, list[int]]:
    return "WITH ids(rid) AS (VALUES " + ", ".join("(?)" for _ in ids) + ") ", list(ids)


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ids = sorted(set(ids))
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def institution_facts(db) -> InstitutionFacts:
    row = next(db.query("SELECT name, ownership, kind, region_code, region_name, operation_start_date, "
                        "medical_facility, medical_license_no, medical_license_date FROM institution WHERE id = 1"), None)
    if row is None:
        return InstitutionFacts()
    return InstitutionFacts(row["name"] or "", row["ownership"], row["kind"], row["region_code"], row["region_name"],
                            _date(row["operation_start_date"]), row["medical_facility"], row["medical_license_no"],
                            _date(row["medical_license_date"]))


def beds(db, up_to: dt.date) -> list[BedRecord]:
    """Every bed in service by ``up_to`` with its type and status history up to that day."""
    d = up_to.isoformat()
    types = {k: tuple((_date(r[1]), r[2], r[3]) for r in g) for k, g in groupby(db.execute(
        "SELECT bed_id, effective_date, bed_type, sub_type FROM bed_type_changes WHERE effective_date <= ? "
        "ORDER BY bed_id, effective_date", [d]).fetchall(), key=lambda r: r[0])}
    statuses = {k: tuple((_date(r[1]), r[2]) for r in g) for k, g in groupby(db.execute(
        "SELECT bed_id, effective_date, status FROM bed_status_changes WHERE effective_date <= ? "
        "ORDER BY bed_id, effective_date", [d]).fetchall(), key=lambda r: r[0])}
    rows = db.execute("SELECT id, building, floor, room, number, service_date FROM beds WHERE service_date <= ?",
                      [d]).fetchall()
    return [BedRecord(r[0], bed_label(r[1] or "", r[2] or "", r[3] or "", r[4] or ""), _date(r[5]),
                      types.get(r[0], ()), statuses.get(r[0], ()), r[2] or "", r[1] or "", r[3] or "") for r in rows]


def construction_beds(db, as_of: dt.date) -> list[BedFacts]:
    """Beds in service by ``as_of`` with how they were provided and any construction grant made by then."""
    extra = {r[0]: r[1:] for r in db.execute("SELECT id, provision, lease_end_date FROM beds WHERE service_date <= ?",
                                             [as_of.isoformat()]).fetchall()}
    grants = {r[0]: Grant(r[1], _date(r[2])) for r in db.execute(
        "SELECT bed_id, application_id, granted_on FROM construction_grants WHERE granted_on <= ?",
        [as_of.isoformat()]).fetchall()}
    return [BedFacts(b, extra[b.id][0], _date(extra[b.id][1]), grants.get(b.id)) for b in beds(db, as_of)]


def occupancies(db, start: dt.date, end: dt.date) -> list[Occupancy]:
    """Bed assignments that overlap the days ``start``..``end`` (inclusive)."""
    rows = db.execute("""
        SELECT s.resident_id, r.name, a.bed_id, a.start_date, a.end_date, a.stay_id
        FROM bed_assignments a JOIN stays s ON s.id = a.stay_id JOIN residents r ON r.id = s.resident_id
        WHERE a.start_date <= ? AND COALESCE(a.end_date, ?) > ?""",
                      [end.isoformat(), OPEN_END, start.isoformat()]).fetchall()
    return [Occupancy(r[0], r[1], r[2], _date(r[3]), _date(r[4]), r[5]) for r in rows]


def month_occupancies(db, start: dt.date, end: dt.date) -> list[Occupancy]:
    """The same rows as :func:`occupancies`, found per bed through ``bed_assignments(bed_id, start_date)``: those
    starting after ``start`` up to ``end``, and the one holding the bed on ``start`` (a bed's assignments never
    overlap, so it is the latest non-empty one starting on or before that day). The cost follows beds and the
    period, not the length of the history."""
    s, e = start.isoformat(), end.isoformat()
    rows = db.execute("""
        WITH found(aid) AS (
            SELECT a.id FROM beds b JOIN bed_assignments a ON a.bed_id = b.id AND a.start_date > ? AND a.start_date <= ?
            UNION
            SELECT (SELECT a.id FROM bed_assignments a WHERE a.bed_id = b.id AND a.start_date <= ?
                      AND (a.end_date IS NULL OR a.end_date > a.start_date) ORDER BY a.start_date DESC LIMIT 1)
            FROM beds b)
        SELECT s.resident_id, r.name, a.bed_id, a.start_date, a.end_date, a.stay_id, a.id
        FROM found JOIN bed_assignments a ON a.id = found.aid JOIN stays s ON s.id = a.stay_id
        JOIN residents r ON r.id = s.resident_id
        WHERE a.start_date <= ? AND (a.end_date IS NULL OR a.end_date > ?)""", [s, e, s, e, s]).fetchall()
    rows.sort(key=lambda r: (r[3], r[4] is not None, r[4] or "", r[6]))  # the date index's order, as the full load
    return [Occupancy(r[0], r[1], r[2], _date(r[3]), _date(r[4]), r[5]) for r in rows]


def absences(db, start: dt.date, end: dt.date) -> list[Absence]:
    rows = db.execute("""
        SELECT s.resident_id, l.start_date, l.end_date, l.kind FROM leaves l JOIN stays s ON s.id = l.stay_id
        WHERE l.start_date <= ? AND COALESCE(l.end_date, ?) > ?""",
                      [end.isoformat(), OPEN_END, start.isoformat()]).fetchall()
    return [Absence(r[0], _date(r[1]), _date(r[2]), r[3]) for r in rows]


def stays(db, first: dt.date, last: dt.date) -> list[Stay]:
    """Stays admitted by ``last`` and not discharged before ``first``, oldest admission first."""
    rows = db.execute("""
        SELECT s.id, s.resident_id, s.admission_date, s.discharge_date, s.discharge_reason, s.discharge_note, r.name
        FROM stays s JOIN residents r ON r.id = s.resident_id
        WHERE s.admission_date <= ? AND COALESCE(s.discharge_date, ?) >= ? ORDER BY s.admission_date, s.id""",
                      [last.isoformat(), OPEN_END, first.isoformat()]).fetchall()
    return [Stay(r[0], r[1], _date(r[2]), _date(r[3]), r[4], r[5], r[6]) for r in rows]


def residents(db, ids: Iterable[int]) -> dict[int, Resident]:
    out = {}
    for chunk in _chunks(ids):
        cte, params = _ids_cte(chunk)
        for r in db.execute(cte + "SELECT r.id, r.name, r.sex, r.id_number, r.birth_date, r.hukou_local, "
                            "r.hukou_address, r.categories, r.ltc_insurance FROM ids JOIN residents r ON r.id = ids.rid",
                            params).fetchall():
            out[r[0]] = Resident(r[0], r[1], r[2] or "", r[3] or "", _date(r[4]), bool(r[5]), r[6],
                                 tuple(json.loads(r[7] or "[]")), bool(r[8]))
    return out


def grade_history(db, ids: Iterable[int], up_to: dt.date) -> dict[int, tuple[Grade, ...]]:
    """Each resident's completed assessments dated on or before ``up_to``, oldest first (narrow columns only)."""
    out: dict[int, list[Grade]] = {}
    for chunk in _chunks(ids):
        cte, params = _ids_cte(chunk)
        for r in db.execute(cte + "SELECT a.resident_id, a.assessed_on, a.final_grade, a.final_grade_name, "
                            "a.instrument_id FROM ids JOIN assessments a ON a.resident_id = ids.rid "
                            "WHERE a.assessed_on <= ? AND a.status = '完成' ORDER BY a.resident_id, a.assessed_on, a.id",
                            params + [up_to.isoformat()]).fetchall():
            out.setdefault(r[0], []).append(Grade(r[0], _date(r[1]), r[2], r[3] or "", r[4] or ""))
    return {k: tuple(v) for k, v in out.items()}


def latest_grades(db, ids: Iterable[int], on: dt.date) -> dict[int, Grade]:
    """Latest completed assessment on or before ``on`` for each resident, one index seek per resident
    (``status || ''`` keeps SQLite off the status index, which would scan the whole history per resident)."""
    out = {}
    for chunk in _chunks(ids):
        cte, params = _ids_cte(chunk)
        for r in db.execute(cte + """
                SELECT a.resident_id, a.assessed_on, a.final_grade, a.final_grade_name, a.instrument_id
                FROM ids JOIN assessments a ON a.id = (
                    SELECT x.id FROM assessments x WHERE x.resident_id = ids.rid AND x.assessed_on <= ?
                    AND x.status || '' = '完成' ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1)""",
                            params + [on.isoformat()]).fetchall():
            out[r[0]] = Grade(r[0], _date(r[1]), r[2], r[3] or "", r[4] or "")
    return out


def period_snapshot(db, first: dt.date, last: dt.date) -> PeriodSnapshot:
    """Everything the operating subsidy reads for the days ``first``..``last``."""
    occs = occupancies(db, first, last)
    ids = {o.resident_id for o in occs}
    return PeriodSnapshot(institution_facts(db), first, last, tuple(beds(db, last)), tuple(occs),
                          tuple(absences(db, first, last)), tuple(stays(db, first, last)), residents(db, ids),
                          grade_history(db, ids, last))


def return_snapshot(db, year: int, month: int, first: dt.date, last: dt.date) -> ReturnSnapshot:
    """A month's records for the return, except what other services judge (agreements in force, staff in post)."""
    before = first - dt.timedelta(days=1)
    f, l_ = first.isoformat(), last.isoformat()
    occs = month_occupancies(db, before, last)
    from ..domain.census import census_on
    bed_rows = beds(db, last)
    absent = absences(db, before, last)
    at_end = [r.resident_id for r in census_on(last, bed_rows, occs, absent).residents]
    moves = tuple(BedMove(_date(r[0]), r[1], r[2], r[3]) for r in db.execute("""
        SELECT a.start_date, r.name, p.bed_id, a.bed_id FROM bed_assignments a
        JOIN bed_assignments p ON p.stay_id = a.stay_id AND p.end_date = a.start_date AND p.id != a.id
        JOIN stays s ON s.id = a.stay_id JOIN residents r ON r.id = s.resident_id
        WHERE a.start_date >= ? AND a.start_date <= ?""", [f, l_]).fetchall())
    leaves = tuple(LeaveRow(_date(r[0]), _date(r[1]), r[2], r[3] or "", r[4]) for r in db.execute("""
        SELECT l.start_date, l.end_date, l.kind, l.destination, r.name FROM leaves l JOIN stays s ON s.id = l.stay_id
        JOIN residents r ON r.id = s.resident_id
        WHERE l.start_date <= ? AND COALESCE(l.end_date, ?) >= ?""", [l_, OPEN_END, f]).fetchall())
    visits = db.execute("SELECT COUNT(*) FROM visits WHERE visit_date >= ? AND visit_date <= ?", [f, l_]).fetchone()[0]
    seen = db.execute("SELECT COUNT(*) FROM visit_residents x JOIN visits w ON w.id = x.visit_id "
                      "WHERE w.visit_date >= ? AND w.visit_date <= ?", [f, l_]).fetchone()[0]
    nxt = (last + dt.timedelta(days=1)).isoformat()
    referrals = tuple(ReferralRow(r[0][:10], r[1], r[2], r[3], r[4], r[5] or "", r[6]) for r in db.execute("""
        SELECT f.referred_at, f.direction, r.name, p.name, f.urgency, f.impression,
               COALESCE((SELECT e.state FROM referral_events e WHERE e.referral_id = f.id AND e.event_date <= ?
                          ORDER BY e.event_date DESC, e.id DESC LIMIT 1),
                        CASE WHEN f.state_date <= ? THEN f.state ELSE '待接收' END)
        FROM referrals f JOIN residents r ON r.id = f.resident_id JOIN partners p ON p.id = f.partner_id
        WHERE f.referred_at >= ? AND f.referred_at < ? ORDER BY f.referred_at, f.id""", [l_, l_, f, nxt]).fetchall())
    done = tuple(AssessmentRow(r[0], r[1], r[2], r[3], r[4] or "") for r in db.execute("""
        SELECT a.assessed_on, r.name, a.reason, a.instrument_id, a.final_grade_name FROM assessments a
        JOIN residents r ON r.id = a.resident_id
        WHERE a.status = '完成' AND a.assessed_on >= ? AND a.assessed_on <= ? ORDER BY a.assessed_on, r.name""",
                                                                             [f, l_]).fetchall())
    from ..domain.dates import add_months
    from .health_snapshots import check_records
    return ReturnSnapshot(year, month, tuple(bed_rows), tuple(occs), tuple(absent), tuple(stays(db, first, last)),
                          residents(db, at_end), latest_grades(db, at_end, last), moves, leaves, (), visits, seen,
                          referrals, done, health_checks=check_records(db, add_months(first, -13), last))
