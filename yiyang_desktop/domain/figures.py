"""The figures more than one screen or form shows, each defined once, with the one formatter that writes it.

概览, the bed board, the admit dialog, the 月报 and the printed forms all call these, so a figure reads the same
everywhere for the same day: occupancy 99 of 122 beds is "81.1%" on every page (never 81.1 here, 81.2 there and
81.15 elsewhere — a percentage is rounded once, half up, from the exact ratio, never from a rounded one).

* **occupancy** — beds held at the end of the day (residents away keep theirs) ÷ beds in the count (``census``).
* **free beds** — beds in the count with nobody in them and set 可用; 预留 (reserved) and 维修 beds are not free.
* **nursing-bed share** — 护理型床位 ÷ (养老床位 + 护理型床位) (``beds.nursing_share``).
* **open referrals** — referrals whose state can still move (``referrals.is_open``): a 下转 that was received
  (已接收) is done; an 上转 that was accepted is still open until the resident is back or it is closed.
* **grade counts** — residents in house by the grade of their latest completed assessment while it is valid
  (assessed less than the reassessment interval before the day); expired and never assessed count as
  ``NO_GRADE``, always last.
* **money** — integer fen, written ``528,000.00`` with the unit 元 beside it (``money.yuan_text``).

Pure: no Qt, no database, no clock.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from . import beds as B
from . import referrals as R
from .census import Census
from .dates import add_months
from .money import yuan_text
from .text import QT_TRANSLATE_NOOP as N_

PERCENT_DIGITS = 1
NO_GRADE = N_("enum", "无有效评估")


# ---------------------------------------------------------------- percentages

def _exact(value: Fraction | Decimal | float | int) -> Fraction:
    if isinstance(value, float):  # a stored rate: its shortest decimal text is what was meant (0.5, 0.8115)
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def percent(value: Fraction | Decimal | float | int | None, digits: int = PERCENT_DIGITS) -> Decimal | None:
    """A ratio (0–1) as a percentage rounded half up to ``digits`` places: Fraction(99, 122) → Decimal("81.1")."""
    if value is None:
        return None
    scaled = _exact(value) * 100 * 10 ** digits
    sign = -1 if scaled < 0 else 1
    whole = (abs(scaled) * 2 + 1) // 2  # half up, away from zero
    return Decimal(sign * int(whole)).scaleb(-digits)


def percent_text(value: Fraction | Decimal | float | int | None, digits: int = PERCENT_DIGITS) -> str:
    """"81.1%", or "—" when there is nothing to divide by."""
    p = percent(value, digits)
    return "—" if p is None else f"{p:.{digits}f}%"


# ---------------------------------------------------------------- beds on a day

@dataclass(frozen=True)
class BedFigures:
    """The bed figures of one day's census, as every page shows them."""
    date: dt.date
    total: int
    by_type: Mapping[str, int]
    occupied: int
    free: int
    reserved: int
    repair: int
    away: int

    @property
    def occupancy(self) -> Fraction | None:
        return B.ratio(self.occupied, self.total)

    @property
    def nursing_share(self) -> Fraction | None:
        return B.nursing_share(self.by_type)


def bed_figures(census: Census) -> BedFigures:
    return BedFigures(census.date, census.beds_total, dict(census.beds_by_type), census.occupied_total,
                      census.count(B.FREE), census.count(B.RESERVED), census.count(B.REPAIR), census.away_total)


def return_rates(figures: Mapping) -> dict[str, Fraction | None]:
    """The exact ratios behind a month's return (its figures keep counts; the stored rates are rounded): occupancy
    and nursing-bed share from the month-end counts, the target as stored, the health-check rates from their counts."""
    target = figures.get("nursing_target")
    out = {"occupancy_rate": B.ratio(figures["beds_occupied"], figures["beds_total"]),
           "nursing_bed_share": B.nursing_share(figures["beds_by_type"]),
           "nursing_target": None if target is None else _exact(target)}
    if "residents_65_end" in figures:  # health figures (returns submitted before them do not have them)
        out["health_check_coverage"] = B.ratio(figures["residents_65_checked"], figures["residents_65_end"])
        out["feedback_on_time_rate"] = B.ratio(figures["feedback_on_time"], figures["feedback_due"])
    return out


def trend_rates(row: Mapping) -> dict[str, Fraction | float | None]:
    """Occupancy and nursing share of one month of a trend, exact where its counts are there."""
    occ = B.ratio(row["beds_occupied"], row["beds_total"]) if "beds_occupied" in row else row.get("occupancy_rate")
    share = B.nursing_share(row["beds_by_type"]) if "beds_by_type" in row else row.get("nursing_bed_share")
    return {"occupancy_rate": occ, "nursing_bed_share": share}


# ---------------------------------------------------------------- referrals

def open_referrals(rows: Iterable[tuple[str, str]]) -> dict[str, int]:
    """(direction, state) of referrals → how many are open, by state, in the states' order (zeros left out)."""
    counts = {s: 0 for s in R.STATES}
    for direction, state in rows:
        if R.is_open(direction, state):
            counts[state] += 1
    return {s: n for s, n in counts.items() if n}


# ---------------------------------------------------------------- grades

def grade_valid(assessed_on: dt.date | None, on: dt.date, valid_months: int) -> bool:
    """A completed assessment still counts on ``on``: its reassessment date lies after that day."""
    return assessed_on is not None and add_months(assessed_on, valid_months) > on


def grade_counts(rows: Iterable[tuple[int | None, str | None, dt.date | None]], on: dt.date,
                 valid_months: int) -> dict[str, int]:
    """Residents in house by grade. ``rows`` has one (grade level, grade name, assessed on) per resident, None
    when never assessed. Grades from the least to the most impaired, then ``NO_GRADE`` (always present)."""
    keys: dict[str, tuple[int, str]] = {}
    counts: dict[str, int] = {}
    missing = 0
    for level, name, assessed_on in rows:
        if name is None or not grade_valid(assessed_on, on, valid_months):
            missing += 1
            continue
        keys.setdefault(name, (level if level is not None else 99, name))
        counts[name] = counts.get(name, 0) + 1
    out = {name: counts[name] for name in sorted(counts, key=lambda n: keys[n])}
    out[NO_GRADE] = missing
    return out


# ---------------------------------------------------------------- money

def money_text(fen: int | None) -> str:
    """Integer fen as "528,000.00" (the unit 元 is written in the column head or after the figure); "—" for None."""
    return "—" if fen is None else yuan_text(fen)
