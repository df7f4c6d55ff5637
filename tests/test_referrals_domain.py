"""Pure rules: every allowed and refused referral transition, agreement status over time, hospital days."""
import datetime as dt
import itertools

import pytest

from yiyang_desktop.domain import referrals as R

D = dt.date

# Written out independently of the module's table: (direction, from) -> allowed next states.
EXPECTED = {
    ("上转", "待接收"): {"已接收", "未接收", "已结束"},
    ("上转", "已接收"): {"住院", "门诊处理", "已结束"},
    ("上转", "门诊处理"): {"住院", "已回转", "已结束"},
    ("上转", "住院"): {"已回转", "已结束"},
    ("上转", "未接收"): set(),
    ("上转", "已回转"): set(),
    ("上转", "已结束"): set(),
    ("下转", "待接收"): {"已接收", "未接收", "已结束"},
    ("下转", "已接收"): set(),
    ("下转", "未接收"): set(),
    ("下转", "已结束"): set(),
}
ALL = ("待接收", "已接收", "未接收", "住院", "门诊处理", "已回转", "已结束")


@pytest.mark.parametrize("direction,state,new", [
    (d, a, b) for d in ("上转", "下转") for a, b in itertools.product(ALL, ALL) if (d, a) in EXPECTED])
def test_every_transition_is_allowed_or_refused_as_specified(direction, state, new):
    problem = R.transition_problem(direction, state, new)
    if new in EXPECTED[(direction, state)]:
        assert problem is None
        assert new in R.next_states(direction, state)
    else:
        assert problem, f"{direction} {state} → {new} should be refused"
        assert new not in R.next_states(direction, state)


def test_the_table_has_exactly_the_expected_states():
    assert set(R.TRANSITIONS["上转"]) == set(ALL)
    assert set(R.TRANSITIONS["下转"]) == {"待接收", "已接收", "未接收", "已结束"}
    assert {(d, s): set(n) for d, t in R.TRANSITIONS.items() for s, n in t.items()} == EXPECTED


def test_refusal_messages_say_why():
    assert "可选" in R.transition_problem("上转", "待接收", "住院")
    assert "已接收" in R.transition_problem("上转", "待接收", "住院")
    assert "不能再变更" in R.transition_problem("上转", "已回转", "已结束")
    assert "没有" in R.transition_problem("下转", "待接收", "住院")
    assert R.transition_problem("横转", "待接收", "已接收")
    assert R.transition_problem("上转", "待接收", "不存在")


def test_final_states_and_reasons():
    assert [s for s in ALL if R.is_final("上转", s)] == ["未接收", "已回转", "已结束"]
    assert [s for s in R.states_of("下转") if R.is_final("下转", s)] == ["已接收", "未接收", "已结束"]
    assert [s for s in ALL if R.needs_reason(s)] == ["未接收", "已结束"]


@pytest.mark.parametrize("on,status", [
    (D(2025, 12, 31), "未生效"),
    (D(2026, 1, 1), "生效"),
    (D(2026, 11, 1), "生效"),          # 60 days before the last day: not yet warned
    (D(2026, 11, 2), "即将到期"),      # 59 days left
    (D(2026, 12, 31), "即将到期"),     # the last valid day
    (D(2027, 1, 1), "已到期"),
])
def test_agreement_status_over_time(on, status):
    assert R.agreement_status(D(2026, 1, 1), D(2026, 12, 31), on) == status


def test_termination_counts_from_its_date_and_warning_days_are_configurable():
    start, end = D(2026, 1, 1), D(2026, 12, 31)
    assert R.agreement_status(start, end, D(2026, 6, 29), terminated_on=D(2026, 6, 30)) == "生效"
    assert R.agreement_status(start, end, D(2026, 6, 30), terminated_on=D(2026, 6, 30)) == "已终止"
    assert R.agreement_status(start, end, D(2027, 6, 1), terminated_on=D(2026, 6, 30)) == "已终止"
    assert R.agreement_status(start, end, D(2026, 12, 1), warning_days=0) == "生效"
    assert R.agreement_status(start, end, D(2026, 12, 2), warning_days=30) == "即将到期"  # the last 30 days
    assert R.agreement_status(start, end, D(2026, 12, 1), warning_days=30) == "生效"
    assert R.in_force("生效") and R.in_force("即将到期")
    assert not any(R.in_force(s) for s in ("未生效", "已到期", "已终止"))


def test_hospital_days():
    assert R.hospital_days(D(2026, 11, 10), D(2026, 11, 20)) == 10
    assert R.hospital_days(D(2026, 11, 10), D(2026, 11, 10)) == 1
    assert R.hospital_days(D(2026, 11, 10), None) is None
