"""Pure rules of medical cooperation: the referral state machine and an agreement's status on a date.

The state machine is a table (direction → state → allowed next states), so the services, the screens and
the tests all read the same source. No Qt, no SQL.
"""
from __future__ import annotations

import datetime as dt

from .text import QT_TRANSLATE_NOOP as N_

# --- referral --------------------------------------------------------------------------------------------------
UP, DOWN = N_("enum", "上转"), N_("enum", "下转")
DIRECTIONS = (UP, DOWN)

PENDING = N_("enum", "待接收")
ACCEPTED = N_("enum", "已接收")
REFUSED = N_("enum", "未接收")
INPATIENT = N_("enum", "住院")
OUTPATIENT = N_("enum", "门诊处理")
RETURNED = N_("enum", "已回转")
CLOSED = N_("enum", "已结束")
STATES = (PENDING, ACCEPTED, REFUSED, INPATIENT, OUTPATIENT, RETURNED, CLOSED)

URGENCIES = (N_("enum", "普通"), N_("enum", "急诊"))

# 上转 (home → hospital): the hospital accepts or not, then admits or treats as an outpatient; the resident
#   comes back (已回转, with the hospital's findings) or the referral is closed with a reason.
# 下转/回转 (hospital → home): the home receives the resident (已接收 is the outcome) or declines.
# 已结束 closes a referral that cannot end normally (cancelled, died, transferred elsewhere): it needs a reason.
TRANSITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    UP: {
        PENDING: (ACCEPTED, REFUSED, CLOSED),
        ACCEPTED: (INPATIENT, OUTPATIENT, CLOSED),
        OUTPATIENT: (INPATIENT, RETURNED, CLOSED),
        INPATIENT: (RETURNED, CLOSED),
        REFUSED: (),
        RETURNED: (),
        CLOSED: (),
    },
    DOWN: {
        PENDING: (ACCEPTED, REFUSED, CLOSED),
        ACCEPTED: (),
        REFUSED: (),
        CLOSED: (),
    },
}

REASON_NEEDED = (REFUSED, CLOSED)


def states_of(direction: str) -> tuple[str, ...]:
    return tuple(s for s in STATES if s in TRANSITIONS[direction])


def next_states(direction: str, state: str) -> tuple[str, ...]:
    return TRANSITIONS.get(direction, {}).get(state, ())


def is_final(direction: str, state: str) -> bool:
    return not next_states(direction, state)


def is_open(direction: str, state: str) -> bool:
    """Still under way: its state can still move (a received 下转 and a closed, refused or returned 上转 are done)."""
    return direction in TRANSITIONS and state in TRANSITIONS[direction] and not is_final(direction, state)


def needs_reason(state: str) -> bool:
    return state in REASON_NEEDED


def transition_problem(direction: str, state: str, new_state: str) -> str | None:
    """None when ``state → new_state`` is allowed for the direction, else a Chinese sentence why not."""
    if direction not in TRANSITIONS:
        return N_("msg", "转诊方向只能是：{opts}").format(opts="、".join(DIRECTIONS))
    if new_state not in STATES or new_state not in TRANSITIONS[direction]:
        return N_("msg", "{direction}转诊没有“{state}”这一状态").format(direction=direction, state=new_state)
    if new_state in next_states(direction, state):
        return None
    if is_final(direction, state):
        return N_("msg", "这条转诊已是“{state}”，不能再变更").format(state=state)
    return N_("msg", "不能从“{a}”变为“{b}”；可选：{opts}").format(
        a=state, b=new_state, opts="、".join(next_states(direction, state)))


def hospital_days(admitted_on: dt.date | None, left_on: dt.date | None) -> int | None:
    """Days in hospital counted like a hospital does (discharge day not counted; same day = 1 day)."""
    if admitted_on is None or left_on is None:
        return None
    return max(1, (left_on - admitted_on).days)


# --- agreements -----------------------------------------------------------------------------------------------
AG_NOT_YET = N_("enum", "未生效")
AG_ACTIVE = N_("enum", "生效")
AG_EXPIRING = N_("enum", "即将到期")
AG_EXPIRED = N_("enum", "已到期")
AG_TERMINATED = N_("enum", "已终止")
AGREEMENT_STATUSES = (AG_NOT_YET, AG_ACTIVE, AG_EXPIRING, AG_EXPIRED, AG_TERMINATED)
DEFAULT_EXPIRY_WARNING_DAYS = 60


def agreement_status(valid_from: dt.date, valid_to: dt.date, on: dt.date, *,
                     terminated_on: dt.date | None = None, warning_days: int = DEFAULT_EXPIRY_WARNING_DAYS) -> str:
    """Status on a date. ``valid_to`` is the last valid day; a termination counts from its date on."""
    if terminated_on is not None and terminated_on <= on:
        return AG_TERMINATED
    if on > valid_to:
        return AG_EXPIRED
    if on < valid_from:
        return AG_NOT_YET
    if (valid_to - on).days < warning_days:
        return AG_EXPIRING
    return AG_ACTIVE


def in_force(status: str) -> bool:
    return status in (AG_ACTIVE, AG_EXPIRING)
