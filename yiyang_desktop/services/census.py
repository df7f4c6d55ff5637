"""Loads the records a date needs and hands them to the pure census function."""
from __future__ import annotations

import datetime as dt
from itertools import groupby

from ..domain.census import Absence, BedRecord, Census, Occupancy, census_on
from .base import Context, to_date
from .accounts import requires
from .beds import BED_LABEL_SQL


@requires("view")
def load_beds(ctx: Context, up_to: dt.date) -> list[BedRecord]:
    """Every bed in service by ``up_to`` with its type and status history up to that date."""
    d = up_to.isoformat()
    types = {k: tuple((to_date(r[1]), r[2], r[3]) for r in g) for k, g in groupby(ctx.db.execute(
        "SELECT bed_id, effective_date, bed_type, sub_type FROM bed_type_changes WHERE effective_date <= ? "
        "ORDER BY bed_id, effective_date", [d]).fetchall(), key=lambda r: r[0])}
    statuses = {k: tuple((to_date(r[1]), r[2]) for r in g) for k, g in groupby(ctx.db.execute(
        "SELECT bed_id, effective_date, status FROM bed_status_changes WHERE effective_date <= ? "
        "ORDER BY bed_id, effective_date", [d]).fetchall(), key=lambda r: r[0])}
    rows = ctx.db.execute(f"SELECT b.id, {BED_LABEL_SQL}, b.service_date, b.floor, b.building, b.room FROM beds b "
                          "WHERE b.service_date <= ?", [d]).fetchall()
    return [BedRecord(r[0], r[1], to_date(r[2]), types.get(r[0], ()), statuses.get(r[0], ()), r[3], r[4], r[5])
            for r in rows]


@requires("view")
def load_occupancies(ctx: Context, start: dt.date, end: dt.date) -> list[Occupancy]:
    """Bed assignments that overlap the days ``start``..``end`` (inclusive)."""
    rows = ctx.db.execute("""
        SELECT s.resident_id, r.name, a.bed_id, a.start_date, a.end_date, a.stay_id
        FROM bed_assignments a JOIN stays s ON s.id = a.stay_id JOIN residents r ON r.id = s.resident_id
        WHERE a.start_date <= ? AND COALESCE(a.end_date, '9999-12-31') > ?
        ORDER BY a.start_date, a.end_date IS NOT NULL, COALESCE(a.end_date, ''), a.id""",
                          [end.isoformat(), start.isoformat()]).fetchall()
    return [Occupancy(r[0], r[1], r[2], to_date(r[3]), to_date(r[4]), r[5]) for r in rows]


@requires("view")
def load_absences(ctx: Context, start: dt.date, end: dt.date) -> list[Absence]:
    rows = ctx.db.execute("""
        SELECT s.resident_id, l.start_date, l.end_date, l.kind FROM leaves l JOIN stays s ON s.id = l.stay_id
        WHERE l.start_date <= ? AND COALESCE(l.end_date, '9999-12-31') > ?""",
                          [end.isoformat(), start.isoformat()]).fetchall()
    return [Absence(r[0], to_date(r[1]), to_date(r[2]), r[3]) for r in rows]


@requires("view")
def census(ctx: Context, on: dt.date | None = None) -> Census:
    """The end-of-day census for a date (today by default)."""
    on = on or ctx.today()
    return census_on(on, load_beds(ctx, on), load_occupancies(ctx, on, on), load_absences(ctx, on, on))
