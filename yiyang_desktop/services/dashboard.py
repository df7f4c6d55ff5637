"""概览: the figures policy watches, for one day, in one call (the home page draws them; no Qt here)."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from ..domain.figures import bed_figures, grade_counts, open_referrals
from ..domain.text import QT_TRANSLATE_NOOP as N_
from . import assessments as A
from .base import Context
from .accounts import requires
from .census import census
from .insurance import insurance_readiness
from .partners import expiring_agreements
from .institution import PROFILE_FIELDS, get_institution, missing_fields
from .policy import BLANK_PROFILE_ID, active_profile
from .settings import get_setting
from .staff import staff_by_role
from .subsidies import list_applications


@requires("view")
def dashboard(ctx: Context, on: dt.date | None = None, *, trend_months: int = 12) -> dict:
    on = on or ctx.today()
    c = census(ctx, on)
    profile = active_profile(ctx)
    due = A.due_list(ctx, on)
    states = Counter(d["state"] for d in due)
    valid_months = int(get_setting(ctx, "reassessment_months") or 6)
    grades = grade_counts(((d["final_grade"], d["grade_name"], d["last_date"]) for d in due), on, valid_months)
    refs = open_referrals(ctx.db.execute("SELECT direction, state FROM referrals WHERE referred_at < ?",
                                         [(on + dt.timedelta(days=1)).isoformat()]).fetchall())
    from .health import due_lists
    from .ltc import WARN_DAYS, expiring_levels, insured_without_level
    from .returns import trend
    health = due_lists(ctx, on)
    expiring = expiring_levels(ctx, on, WARN_DAYS[0])
    return {
        "on": on, "census": c, "beds": bed_figures(c), "nursing_target": profile.nursing_target_on(on),
        "profile": profile.describe(), "profile_title": profile.title, "grades": list(grades.items()),
        "due": {"overdue": states[A.DUE_OVERDUE], "immediate": states[A.DUE_IMMEDIATE], "none": states[A.DUE_NONE],
                "soon": states[A.DUE_SOON]},
        "in_hospital": sum(1 for r in c.residents if r.away == "住院"),
        "open_referrals": refs,
        "expiring": expiring_agreements(ctx, on),
        "staff": sum(staff_by_role(ctx, on).values()),
        "next_applications": next_applications(ctx, on),
        "profile_fits": profile.region_matches(*_region(ctx)),
        "checklist": start_checklist(ctx),
        "trend": trend(ctx, on.year, on.month, trend_months),
        "health_due": len(health["due"]), "feedback_overdue": len(health["feedback_overdue"]),
        "ltc_expiring": {"60": len(expiring), "30": sum(1 for r in expiring if r["days_left"] <= WARN_DAYS[1]),
                         "lapsed": len(insured_without_level(ctx, on)), "soonest": expiring[:2]},
    }


def _region(ctx: Context) -> tuple[str | None, str | None]:
    inst = get_institution(ctx)
    return inst.get("region_code"), inst.get("region_name")


CHECKLIST = (("institution", N_("msg", "机构信息")), ("policy", N_("msg", "政策配置")), ("beds", N_("msg", "床位")),
             ("staff", N_("msg", "人员")), ("residents", N_("msg", "导入已有台账")))


@requires("view")
def start_checklist(ctx: Context) -> list[dict]:
    """开始使用: what a new file still needs, each ticked from the data — the institution's profile filled in (the
    fields the applications need), a policy profile chosen for the region (not the blank one), beds, staff, and
    the residents already in the home (imported from the old ledger or typed in)."""
    profile = active_profile(ctx)
    chosen = get_setting(ctx, "policy_profile")
    fits = profile.region_matches(*_region(ctx))
    done = {
        "institution": not missing_fields(get_institution(ctx), PROFILE_FIELDS),
        "policy": profile.id != BLANK_PROFILE_ID and (bool(chosen) or fits is True),
        "beds": ctx.db.execute("SELECT 1 FROM beds LIMIT 1").fetchone() is not None,
        "staff": ctx.db.execute("SELECT 1 FROM staff LIMIT 1").fetchone() is not None,
        "residents": ctx.db.execute("SELECT 1 FROM residents LIMIT 1").fetchone() is not None,
    }
    return [{"key": key, "label": label, "done": done[key]} for key, label in CHECKLIST]


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
