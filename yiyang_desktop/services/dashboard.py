"""概览: the figures policy watches, for one day, in one call (the home page draws them; no Qt here)."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from ..domain import referrals as R
from ..domain.text import QT_TRANSLATE_NOOP as N_
from . import assessments as A
from .base import Context
from .accounts import requires
from .census import census
from .insurance import insurance_readiness
from .partners import expiring_agreements
from .policy import active_profile
from .staff import staff_by_role
from .subsidies import list_applications

OPEN_STATES = (R.PENDING, R.ACCEPTED, R.INPATIENT, R.OUTPATIENT)
NO_GRADE = N_("enum", "未评估")


@requires("view")
def dashboard(ctx: Context, on: dt.date | None = None, *, trend_months: int = 12) -> dict:
    on = on or ctx.today()
    c = census(ctx, on)
    profile = active_profile(ctx)
    due = A.due_list(ctx, on)
    states = Counter(d["state"] for d in due)
    grades: dict[tuple, int] = Counter()
    for d in due:  # from the least to the most impaired; never assessed last
        grades[(d["final_grade"] is None, d["final_grade"] or 0, d["grade_name"] or NO_GRADE)] += 1
    open_refs = dict(ctx.db.execute(
        f"SELECT state, COUNT(*) FROM referrals WHERE state IN ({','.join('?' * len(OPEN_STATES))}) GROUP BY state",
        list(OPEN_STATES)).fetchall())
    from .health import due_lists
    from .ltc import WARN_DAYS, expiring_levels, insured_without_level
    from .returns import trend
    health = due_lists(ctx, on)
    expiring = expiring_levels(ctx, on, WARN_DAYS[0])
    return {
        "on": on, "census": c, "occupancy_rate": c.occupancy_rate, "nursing_share": c.nursing_share,
        "nursing_target": profile.nursing_target_on(on), "profile_title": profile.title,
        "grades": [(name, n) for (_none, _g, name), n in sorted(grades.items())],
        "due": {"overdue": states[A.DUE_OVERDUE], "immediate": states[A.DUE_IMMEDIATE], "none": states[A.DUE_NONE],
                "soon": states[A.DUE_SOON]},
        "in_hospital": sum(1 for r in c.residents if r.away == "住院"),
        "open_referrals": {s: open_refs.get(s, 0) for s in OPEN_STATES},
        "expiring": expiring_agreements(ctx, on),
        "staff": sum(staff_by_role(ctx, on).values()),
        "next_applications": next_applications(ctx, on),
        "trend": trend(ctx, on.year, on.month, trend_months),
        "health_due": len(health["due"]), "feedback_overdue": len(health["feedback_overdue"]),
        "ltc_expiring": {"60": len(expiring), "30": sum(1 for r in expiring if r["days_left"] <= WARN_DAYS[1]),
                         "lapsed": len(insured_without_level(ctx, on)), "soonest": expiring[:2]},
    }


@requires("view")
def next_applications(ctx: Context, on: dt.date) -> list[dict]:
    """What can be applied for next: 医保定点 (its earliest date or what is missing) and last year's operating
    subsidy when it has not been produced yet."""
    out = []
    ready = insurance_readiness(ctx, on)
    failing = [c for c in ready["conditions"] if not c["passed"]]
    earliest = ready["earliest_date"]
    if ready["ready"]:
        out.append({"kind": "insurance-designation", "text": N_("msg", "医保定点：条件均已满足，可以申请")})
    elif earliest and earliest > on and len(failing) == 1:
        out.append({"kind": "insurance-designation",
                    "text": N_("msg", "医保定点：{date}起可申请").format(date=earliest.isoformat())})
    else:
        out.append({"kind": "insurance-designation",
                    "text": N_("msg", "医保定点：还有{n}项条件未满足").format(n=len(failing))})
    last_year = on.year - 1
    done = any(a["kind"] == "operating" and str(a["period"]).startswith(f"{last_year}:") for a in list_applications(ctx))
    if not done:
        out.append({"kind": "operating-subsidy",
                    "text": N_("msg", "{year}年运营补贴：尚未生成申请表").format(year=last_year)})
    return out
