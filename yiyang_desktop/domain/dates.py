"""Calendar readings the rules share: months, month ends, adding months, lease lengths."""
from __future__ import annotations

import calendar
import datetime as dt


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has no such day: 31 Jan + 1 → 28/29 Feb)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def lasts_years(start: dt.date, last_day: dt.date, years: int) -> bool:
    """Whether a period from ``start`` whose last day is ``last_day`` (inclusive, as a lease "2024-03-01 至
    2029-02-28" is written) lasts at least ``years`` years: its day after the last day is on or after the
    anniversary."""
    return last_day + dt.timedelta(days=1) >= add_months(start, 12 * years)
