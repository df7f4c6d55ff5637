"""Construction and operating subsidies: permission → load the snapshot (store.snapshots) → compute (the pure
domain.construction / domain.operating) → and, when an application is written, record it. Also the record of
applications made and of construction grants approved.
"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation

from ..domain.construction import ConstructionResult
from ..domain.construction import construction_subsidy as compute_construction
from ..domain.dates import month_bounds
from ..domain.operating import OperatingResult
from ..domain.operating import operating_subsidy as compute_operating
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..store import snapshots as S
from .accounts import requires
from .base import Context, Problem, ServiceError, ValidationError
from .policy import get_profile
from .settings import get_setting

__all__ = ["ConstructionResult", "OperatingResult", "construction_subsidy", "operating_subsidy", "parse_months",
           "month_end", "record_application", "list_applications", "get_application", "parse_yuan",
           "approve_construction"]


def month_end(year: int, month: int) -> dt.date:
    return month_bounds(year, month)[1]


@requires("view")
def construction_subsidy(ctx: Context, profile_id: str | None = None, as_of: dt.date | None = None) -> ConstructionResult:
    """Which beds qualify for the one-off construction subsidy on ``as_of`` (default today), and for how much."""
    profile = get_profile(ctx, profile_id)
    as_of = as_of or ctx.today()
    return compute_construction(profile.profile, S.institution_facts(ctx.db), S.construction_beds(ctx.db, as_of),
                                as_of, profile.describe())


def _grade_valid_months(ctx: Context, profile) -> int:
    """How long an assessment stays valid for a grade rule: the profile's setting, else the reassessment period."""
    return profile.operating.grade_valid_months or int(get_setting(ctx, "reassessment_months") or 6)


@requires("view")
def operating_subsidy(ctx: Context, year: int, months: list[int] | None = None, profile_id: str | None = None,
                      as_of: dt.date | None = None) -> OperatingResult:
    """Qualifying bed-months (床次) and the amount for the chosen months of ``year``, as on ``as_of`` (default
    today): a month counts once it has ended by then."""
    if not 2000 <= year <= 2100:
        raise ValidationError([Problem("year", N_("msg", "年份{y}无效").format(y=year))])
    profile = get_profile(ctx, profile_id)
    months = sorted(set(months or range(1, 13)))
    as_of = as_of or ctx.today()
    first, last = month_bounds(year, months[0])[0], month_bounds(year, months[-1])[1]
    snap = S.period_snapshot(ctx.db, first, last)
    res = compute_operating(profile.profile, snap, year, months, as_of, _grade_valid_months(ctx, profile.profile),
                            profile.describe())
    from .accounts import can, mask_id
    if not can(ctx, "view.personal_ids"):  # the roster's ID numbers masked here, in the service
        from dataclasses import replace
        res.lines = [replace(x, id_number=mask_id(x.id_number)) for x in res.lines]
        res.excluded = [replace(x, id_number=mask_id(x.id_number)) for x in res.excluded]
    return res


def parse_months(text: str | None) -> list[int]:
    """"1-12", "3", "1,2,7-9" → sorted month numbers; a bad value raises a ValidationError."""
    if not text:
        return list(range(1, 13))
    months: set[int] = set()
    try:
        for part in str(text).replace("，", ",").split(","):
            part = part.strip()
            if "-" in part:
                a, b = (int(x) for x in part.split("-", 1))
                if a > b:
                    raise ValueError
                months.update(range(a, b + 1))
            elif part:
                months.add(int(part))
    except ValueError:
        months = {0}
    if not months or not all(1 <= m <= 12 for m in months):
        raise ValidationError([Problem("months", N_("msg", "月份“{v}”无效，应为 1–12，例如 1-12 或 1,2,7-9").format(v=text))])
    return sorted(months)


@requires("records.write")
def record_application(ctx: Context, kind: str, summary: dict, *, amount_fen: int | None, period: str) -> int:
    """Keep an application as made (its figures and breakdown) so later approval can refer to it."""
    with ctx.transaction() as db:
        return db["subsidy_applications"].insert({
            "kind": kind, "profile_id": summary.get("profile", {}).get("id"),
            "profile_version": summary.get("profile", {}).get("version"), "period": period,
            "amount_fen": amount_fen, "summary": json.dumps(summary, ensure_ascii=False, default=str),
            "status": "已生成", "created_at": ctx.stamp(), "created_by": ctx.user}).last_pk


@requires("view")
def list_applications(ctx: Context) -> list[dict]:
    return [dict(r) for r in ctx.db.query(
        "SELECT id, kind, profile_id, period, amount_fen, status, approved_amount_fen, decided_on, created_at, "
        "created_by FROM subsidy_applications ORDER BY id DESC")]


@requires("view")
def get_application(ctx: Context, application_id: int) -> dict:
    """One recorded application with its kept figures (``summary``: lines, excluded, totals …)."""
    row = next(ctx.db.query("SELECT * FROM subsidy_applications WHERE id = ?", [application_id]), None)
    if row is None:
        raise ServiceError(N_("msg", "没有这份申请记录"))
    return dict(row) | {"summary": json.loads(row["summary"] or "{}")}


def parse_yuan(text: str | None, field: str = "amount") -> int | None:
    """A typed amount in yuan ("12,000.50") as fen; blank is None; anything else a ValidationError naming the field."""
    value = (text or "").strip().replace(",", "").replace("，", "")
    if not value:
        return None
    try:
        fen = Decimal(value) * 100
        if not value.isascii() or not fen.is_finite() or fen < 0 or fen != fen.to_integral_value():
            raise InvalidOperation
    except InvalidOperation:
        raise ValidationError([Problem(field, N_("msg", "“{v}”不是有效金额（元，最多两位小数）").format(v=text))]) from None
    return int(fen)


@requires("records.write")
def approve_construction(ctx: Context, application_id: int, decided_on: dt.date, approved_amount_fen: int | None = None,
                         bed_ids: list[int] | None = None) -> int:
    """Record a construction application as approved: its beds (all, or the ones the office approved) are
    marked as granted and left out of later applications. Returns the number of beds marked."""
    if decided_on > ctx.today():
        raise ValidationError([Problem("decided_on", N_("msg", "批复日期{d}还没有到").format(d=decided_on))])
    row = next(ctx.db.query("SELECT * FROM subsidy_applications WHERE id = ?", [application_id]), None)
    if row is None or row["kind"] != "construction":
        raise ServiceError(N_("msg", "没有这份建设补贴申请"))
    if row["status"] == "已批准":
        raise ServiceError(N_("msg", "这份申请已经登记为已批准"))
    lines = json.loads(row["summary"]).get("lines", [])
    chosen = [line for line in lines if bed_ids is None or line["bed_id"] in set(bed_ids)]
    if not chosen:
        raise ValidationError([Problem("bed_ids", N_("msg", "请选择获批的床位"))])
    with ctx.transaction() as db:
        for line in chosen:
            if db.execute("SELECT 1 FROM construction_grants WHERE bed_id = ?", [line["bed_id"]]).fetchone():
                raise ValidationError([Problem("bed_ids", N_("msg", "床位{bed}已获得过建设补贴").format(bed=line["bed"]))])
            db["construction_grants"].insert({"bed_id": line["bed_id"], "application_id": application_id,
                                              "amount_fen": line["amount_fen"], "granted_on": decided_on.isoformat()})
        approved = approved_amount_fen if approved_amount_fen is not None else sum(x["amount_fen"] for x in chosen)
        db.execute("UPDATE subsidy_applications SET status = '已批准', approved_amount_fen = ?, decided_on = ? "
                   "WHERE id = ?", [approved, decided_on.isoformat(), application_id])
    return len(chosen)
