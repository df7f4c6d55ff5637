"""Health management of older residents: the yearly health check of residents aged 65+ and the feedback of its
result within one month (seeds 000, 001, 004; docs/health.md). Pure: dates in, answers out.

Readings, each in one place:
* Aged 65+ on a day: the 65th birthday counts from that very day (``ids.age_on``).
* A check covers twelve months: a check on 10 March 2025 covers up to 9 March 2026; on 10 March 2026 the resident
  is due again (``add_months``; 29 Feb + 12 months is 28 Feb).
* Feedback is on time when it is given on or before the day one month after the check (a check on 31 January:
  by 28/29 February); the day after, a check without feedback is overdue.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import add_months
from .ids import age_on
from .text import QT_TRANSLATE_NOOP as N_

CHECK_AGE = 65            # 65周岁以上老年人每年一次健康体检
CHECK_VALID_MONTHS = 12
FEEDBACK_MONTHS = 1       # 体检结束后1个月内告知体检结果及健康指导建议


@dataclass(frozen=True)
class CheckRecord:
    """One recorded yearly check, as the rules read it."""
    id: int
    resident_id: int
    check_date: dt.date
    feedback_date: dt.date | None = None
    name: str = ""
    provider: str = ""


def aged_for_check(birth: dt.date, on: dt.date) -> bool:
    return age_on(birth, on) >= CHECK_AGE


def next_check_due(last_check: dt.date | None) -> dt.date | None:
    """The first day the resident is due again (None: never checked — due now)."""
    return None if last_check is None else add_months(last_check, CHECK_VALID_MONTHS)


def check_due(birth: dt.date, last_check: dt.date | None, on: dt.date) -> bool:
    """Aged 65+ on ``on`` and no check in the twelve months up to ``on``."""
    if not aged_for_check(birth, on):
        return False
    due = next_check_due(last_check)
    return due is None or due <= on


def check_covers(last_check: dt.date | None, on: dt.date) -> bool:
    """A check on or before ``on`` still covers ``on`` (the coverage of the yearly service)."""
    return last_check is not None and last_check <= on < add_months(last_check, CHECK_VALID_MONTHS)


def feedback_deadline(check_date: dt.date) -> dt.date:
    return add_months(check_date, FEEDBACK_MONTHS)


def feedback_on_time(check_date: dt.date, feedback_date: dt.date | None) -> bool:
    return feedback_date is not None and feedback_date <= feedback_deadline(check_date)


FEEDBACK_ON_TIME, FEEDBACK_LATE, FEEDBACK_WAITING, FEEDBACK_OVERDUE = (
    N_("enum", "1个月内已告知"), N_("enum", "超过1个月才告知"), N_("enum", "尚未告知"), N_("enum", "超过1个月未告知"))


def feedback_state(check_date: dt.date, feedback_date: dt.date | None, on: dt.date) -> str:
    """How the feedback of a check stands on ``on``."""
    if feedback_date is not None and feedback_date <= on:
        return FEEDBACK_ON_TIME if feedback_on_time(check_date, feedback_date) else FEEDBACK_LATE
    return FEEDBACK_OVERDUE if feedback_overdue(check_date, None, on) else FEEDBACK_WAITING


def feedback_overdue(check_date: dt.date, feedback_date: dt.date | None, on: dt.date) -> bool:
    """No feedback recorded by ``on`` and the month for it has passed."""
    return (feedback_date is None or feedback_date > on) and on > feedback_deadline(check_date)


def last_check_on(checks: list[CheckRecord] | tuple[CheckRecord, ...], on: dt.date) -> CheckRecord | None:
    """The latest check dated on or before ``on``."""
    done = [c for c in checks if c.check_date <= on]
    return max(done, key=lambda c: (c.check_date, c.id)) if done else None


def month_health_figures(checks: tuple[CheckRecord, ...], month_end_births: dict[int, dt.date],
                         first: dt.date, last: dt.date) -> tuple[dict, list[dict]]:
    """The 月报's health counts (the rates are made from them where the other rates are) and the month's checks.

    ``checks``: every check dated up to ``last`` of the residents concerned (at least twelve months back and every
    check whose feedback month ends in the month); ``month_end_births``: birth dates of the month-end residents.
    Coverage: residents aged 65+ on the last day, of whom a check covers the last day. Feedback: the checks whose
    one-month deadline falls in the month, of which feedback was given by the deadline."""
    by_resident: dict[int, list[CheckRecord]] = {}
    for c in checks:
        by_resident.setdefault(c.resident_id, []).append(c)
    aged = [rid for rid, birth in month_end_births.items() if aged_for_check(birth, last)]
    covered = [rid for rid in aged if (lc := last_check_on(by_resident.get(rid, ()), last))
               and check_covers(lc.check_date, last)]
    done = sorted((c for c in checks if first <= c.check_date <= last), key=lambda c: (c.check_date, c.name, c.id))
    closing = [c for c in checks if first <= feedback_deadline(c.check_date) <= last]
    on_time = [c for c in closing if feedback_on_time(c.check_date, c.feedback_date)]
    figures = {
        "health_checks_done": len(done),
        "residents_65_end": len(aged), "residents_65_checked": len(covered),
        "feedback_due": len(closing), "feedback_on_time": len(on_time),
    }
    rows = [{"date": c.check_date.isoformat(), "name": c.name, "provider": c.provider,
             "feedback_date": c.feedback_date.isoformat() if c.feedback_date else None,
             "feedback": feedback_state(c.check_date, c.feedback_date, last)} for c in done]
    return figures, rows
