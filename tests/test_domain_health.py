"""The yearly health check rules at their boundaries: the 65th birthday, exactly twelve months since the last check,
exactly one month for the feedback; and the 月报's health figures."""
import datetime as dt

import pytest

from yiyang_desktop.domain import health as H

D = dt.date


@pytest.mark.parametrize("birth,last,on,due", [
    (D(1961, 11, 23), None, D(2026, 11, 22), False),      # the day before the 65th birthday
    (D(1961, 11, 23), None, D(2026, 11, 23), True),       # the 65th birthday: due that very day
    (D(1960, 2, 29), None, D(2025, 2, 28), False),        # born on 29 Feb: 65 on 1 March in a common year
    (D(1960, 2, 29), None, D(2025, 3, 1), True),
    (D(1940, 1, 1), D(2025, 3, 10), D(2026, 3, 9), False),  # the last day the check covers
    (D(1940, 1, 1), D(2025, 3, 10), D(2026, 3, 10), True),  # exactly twelve months later: due again
    (D(1940, 1, 1), D(2024, 2, 29), D(2025, 2, 27), False),
    (D(1940, 1, 1), D(2024, 2, 29), D(2025, 2, 28), True),  # 29 Feb + 12 months = 28 Feb
    (D(1940, 1, 1), D(2026, 11, 23), D(2026, 11, 23), False),  # checked today
    (D(1970, 1, 1), None, D(2026, 11, 23), False),        # 56: not in the yearly service
])
def test_check_due(birth, last, on, due):
    assert H.check_due(birth, last, on) is due


@pytest.mark.parametrize("check,feedback,on,on_time,overdue", [
    (D(2026, 3, 10), None, D(2026, 4, 10), False, False),      # the last day of the month for feedback
    (D(2026, 3, 10), None, D(2026, 4, 11), False, True),       # the day after: overdue
    (D(2026, 3, 10), D(2026, 4, 10), D(2026, 5, 1), True, False),   # given on the last day: on time
    (D(2026, 3, 10), D(2026, 4, 11), D(2026, 5, 1), False, False),  # a day late: late, but no longer overdue
    (D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 1), True, False),   # 31 Jan + 1 month = 28 Feb
    (D(2026, 1, 31), None, D(2026, 3, 1), False, True),
    (D(2026, 3, 10), D(2026, 5, 2), D(2026, 5, 1), False, True),    # given later than the day asked about
])
def test_feedback(check, feedback, on, on_time, overdue):
    assert H.feedback_on_time(check, feedback) is on_time
    assert H.feedback_overdue(check, feedback, on) is overdue


def test_month_figures():
    first, last = D(2026, 3, 1), D(2026, 3, 31)
    C = H.CheckRecord
    checks = (
        C(1, 1, D(2025, 4, 1), D(2025, 4, 5), "甲"),     # covers 31 March 2026 (until 31 March)
        C(2, 2, D(2025, 3, 31), D(2025, 4, 1), "乙"),    # twelve months to the day: no longer covers 31 March
        C(3, 3, D(2026, 3, 5), None, "丙"),               # this month's check, feedback not due yet
        C(4, 4, D(2026, 2, 10), D(2026, 3, 10), "丁"),    # deadline 10 March: on time
        C(5, 5, D(2026, 2, 28), D(2026, 3, 29), "戊"),    # deadline 28 March: one day late
        C(6, 6, D(2026, 1, 31), None, "己"),              # deadline 28 February: not this month's
    )
    births = {1: D(1950, 1, 1), 2: D(1950, 1, 1), 3: D(1961, 3, 31), 4: D(1961, 4, 1), 7: D(1940, 1, 1)}
    figures, rows = H.month_health_figures(checks, births, first, last)
    assert figures == {"health_checks_done": 1, "residents_65_end": 4, "residents_65_checked": 2,
                       "feedback_due": 2, "feedback_on_time": 1}
    # aged 65+ on 31 March: 1, 2, 3 (65 that day) and 7; 4 turns 65 on 1 April. Covered: 1 and 3.
    assert [r["name"] for r in rows] == ["丙"] and rows[0]["feedback_date"] is None
    assert rows[0]["feedback"] == H.FEEDBACK_WAITING


@pytest.mark.parametrize("feedback,on,state", [
    (None, D(2026, 4, 10), H.FEEDBACK_WAITING), (None, D(2026, 4, 11), H.FEEDBACK_OVERDUE),
    (D(2026, 4, 10), D(2026, 5, 1), H.FEEDBACK_ON_TIME), (D(2026, 4, 11), D(2026, 5, 1), H.FEEDBACK_LATE),
    (D(2026, 4, 11), D(2026, 4, 10), H.FEEDBACK_WAITING),  # not given yet on that day
])
def test_feedback_state(feedback, on, state):
    assert H.feedback_state(D(2026, 3, 10), feedback, on) == state
