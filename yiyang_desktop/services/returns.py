"""Monthly returns (月报): compute a month's figures from history, freeze what was submitted (报送), show where a
recomputation differs from the submitted version, and make corrected versions.

A month's figures: permission → the month's snapshot (store.snapshots, plus the agreements in force and the
staff in post from their services) → the pure ``domain.return_figures.month_figures``. This module is the API the
screens, the CLI and the exports use.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..domain import beds as B
from ..domain import referrals as R
from ..domain.dates import month_bounds
from ..domain.return_figures import month_figures, rate
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..store import snapshots as S
from .accounts import mask_id, requires
from .base import Context, NotFound, Problem, ServiceError, ValidationError
from .census import load_beds
from .settings import get_setting
from .permissions import public

FROZEN_MESSAGE = N_("msg", "已报送的月报不能修改，请生成更正版本")  # raised by the store's trigger


@dataclass
class MonthReturn:
    year: int
    month: int
    figures: dict
    details: dict
    trend: list[dict] = field(default_factory=list)
    submitted: dict | None = None  # for a frozen return: id, version, submitted_by, submitted_at, note

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def to_json(self) -> dict:
        return {"figures": self.figures, "details": self.details, "trend": self.trend, "submitted": self.submitted}


def parse_month(text: str) -> tuple[int, int]:
    """'2026-10' → (2026, 10); anything else raises a ValidationError in Chinese."""
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", str(text or ""))
    if not m or not 1 <= int(m.group(2)) <= 12 or not 2000 <= int(m.group(1)) <= 2100:
        raise ValidationError([Problem("month", N_("msg", "月份“{v}”无效，格式应为 YYYY-MM，例如 2026-10").format(v=text))])
    return int(m.group(1)), int(m.group(2))


def _check_month(year: int, month: int, as_of: dt.date) -> None:
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise ValidationError([Problem("month", N_("msg", "月份“{v}”无效").format(v=f"{year}-{month}"))])
    if dt.date(year, month, 1) > as_of:
        raise ValidationError([Problem("month", N_("msg", "{y}年{m}月尚未开始，不能生成月报").format(y=year, m=month))])


def _profile(ctx: Context, profile_id: str | None):
    from .policy import active_profile, get_profile
    return get_profile(ctx, profile_id) if profile_id else active_profile(ctx)


@requires("view")
def compute_figures(ctx: Context, year: int, month: int, profile, as_of: dt.date) -> tuple[dict, dict]:
    """(figures, details) of a month under ``profile`` (for the nursing-bed target and the subsidy bed-months)."""
    from .partners import list_agreements
    from .staff import staff_by_role
    from .subsidies import operating_subsidy
    first, last = month_bounds(year, month)
    snap = S.return_snapshot(ctx.db, year, month, first, last)
    partners = tuple(a["partner_id"] for a in list_agreements(ctx, last) if R.in_force(a["status"]))
    snap = dataclasses.replace(snap, agreement_partners=partners, staff_by_role=staff_by_role(ctx, last))
    try:
        res = operating_subsidy(ctx, year, [month], profile.id if profile is not None else None, as_of)
        note = res.month_notes.get(month, "")
        bed_months = (res.by_month.get(month, 0), str(note or "；".join(str(p) for p in res.problems)))
    except ServiceError as e:
        bed_months = (None, str(e))
    valid_months = int(get_setting(ctx, "reassessment_months") or 6)
    return month_figures(snap, profile.profile if profile is not None else None, as_of=as_of,
                         valid_months=valid_months, bed_months=bed_months, mask=mask_id)


@requires("view")
def compute_return(ctx: Context, year: int, month: int, profile_id: str | None = None, *,
                   with_trend: bool = True, as_of: dt.date | None = None) -> MonthReturn:
    """The month's return recomputed from the records as they are now (history on dates, not today's state), as
    on ``as_of`` (default today: whether the month is complete, which months count for the subsidy figure)."""
    as_of = as_of or ctx.today()
    _check_month(year, month, as_of)
    profile = _profile(ctx, profile_id)
    conn = ctx.db.conn
    own = not conn.in_transaction
    if own:  # one read snapshot: a save from another window or process mid-way cannot split the figures
        conn.execute("BEGIN")
    try:
        figures, details = compute_figures(ctx, year, month, profile, as_of)
        ret = MonthReturn(year, month, figures, details)
        if with_trend:
            ret.trend = trend(ctx, year, month)
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")
    return ret


@requires("view")
def trend(ctx: Context, year: int, month: int, months: int = 12) -> list[dict]:
    """Month-end occupancy rate and nursing-bed share for the ``months`` months ending with this one, oldest first.

    By the census rules (``domain.census.census_on``; the tests check the two agree), from one load of the beds
    and, for each month end, one index seek per bed: the bed's latest assignment that starts on or before that day
    (``bed_assignments(bed_id, start_date)``). Assignments of one bed never overlap (the store's trigger refuses
    it), so that one is the only one that can cover the day; empty ``[d, d)`` assignments cover no day and are
    skipped. The cost follows beds × months, not the number of stays in the period or the length of the file."""
    ends = []
    y, m = year, month
    for _ in range(months):
        ends.append(month_bounds(y, m)[1])
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    ends.reverse()
    beds = [(b.id, b.service_date, [c[0] for c in b.type_changes], [c[1] for c in b.type_changes],
             [c[0] for c in b.status_changes], [c[1] for c in b.status_changes]) for b in load_beds(ctx, ends[-1])]
    held_on: dict[str, set[int]] = {d.isoformat(): set() for d in ends}
    days = list(held_on)
    for d, bed_id in ctx.db.execute(
            "WITH ends(d) AS (VALUES " + ", ".join("(?)" for _ in days) + """)
            SELECT ends.d, b.id FROM ends JOIN beds b ON b.service_date <= ends.d
            WHERE (SELECT a.end_date IS NULL OR a.end_date > ends.d FROM bed_assignments a
                   WHERE a.bed_id = b.id AND a.start_date <= ends.d AND (a.end_date IS NULL OR a.end_date > a.start_date)
                   ORDER BY a.start_date DESC LIMIT 1)""", days).fetchall():
        held_on[d].add(bed_id)
    out = []
    for d in ends:
        held = held_on[d.isoformat()]
        by_type = {t: 0 for t in B.BED_TYPES}
        total = occupied = 0
        for bed_id, service_date, t_dates, t_kinds, s_dates, s_values in beds:
            if service_date > d:
                continue
            i = bisect_right(t_dates, d)
            if i == 0:
                continue
            is_held = bed_id in held
            if not is_held:
                j = bisect_right(s_dates, d)
                if j and s_values[j - 1] == B.DISABLED:
                    continue
            by_type[t_kinds[i - 1]] += 1
            total += 1
            occupied += is_held
        out.append({"month": d.strftime("%Y-%m"), "occupancy_rate": rate(B.ratio(occupied, total)),
                    "nursing_bed_share": rate(B.nursing_share(by_type)), "beds_total": total,
                    "beds_occupied": occupied, "beds_by_type": by_type})
    return out


# --- submitted (frozen) returns --------------------------------------------------------------------------------

@requires("records.write")
def submit_return(ctx: Context, ret: MonthReturn, note: str = "") -> int:
    """报送: freeze the return's figures and details with who and when. Submitting a month again makes the next
    version, which supersedes (corrects) the latest one; earlier versions are kept unchanged."""
    first, last = month_bounds(ret.year, ret.month)
    if last >= ctx.today():
        raise ServiceError(N_("msg", "{m} 尚未结束，月末之后才能报送").format(m=ret.key))
    note = (note or "").strip()
    if len(note) > 500:
        raise ValidationError([Problem("note", N_("msg", "备注太长（最多500个字）"))])
    if not ret.trend:  # kept with the frozen details, so the frozen PDF draws the same chart
        ret.trend = trend(ctx, ret.year, ret.month)
    with ctx.transaction() as db:
        prev = db.execute("SELECT id, version FROM submitted_returns WHERE month = ? ORDER BY version DESC LIMIT 1",
                          [ret.key]).fetchone()
        new_id = db["submitted_returns"].insert({
            "month": ret.key, "version": prev[1] + 1 if prev else 1,
            "figures": json.dumps(ret.figures, ensure_ascii=False, sort_keys=False),
            "details": json.dumps(ret.details | {"trend": ret.trend}, ensure_ascii=False), "submitted_by": ctx.user or "",
            "submitted_at": ctx.stamp(), "note": note or None, "supersedes_id": prev[0] if prev else None}).last_pk
        from .audit_anchors import anchor_return
        anchor_return(db, new_id, ctx.stamp())  # the audit chain's head, signed, kept with the submitted return
        return new_id


@requires("view")
def submitted_returns(ctx: Context, month: str | None = None) -> list[dict]:
    """Submitted versions (without the frozen texts), newest month and version first; ``latest`` marks the
    version in force for its month."""
    rows = list(ctx.db.query(
        "SELECT id, month, version, submitted_by, submitted_at, note, supersedes_id, "
        "(version = (SELECT MAX(version) FROM submitted_returns x WHERE x.month = r.month)) AS latest "
        "FROM submitted_returns r" + (" WHERE month = ?" if month else "") + " ORDER BY month DESC, version DESC",
        [month] if month else []))
    for r in rows:
        r["latest"] = bool(r["latest"])
    return rows


@requires("view")
def load_submitted(ctx: Context, return_id: int | None = None, *, month: str | None = None) -> MonthReturn:
    """A frozen return as submitted (by id, or the latest version of ``month``), ready for the exports."""
    if return_id is not None:
        row = next(ctx.db.query("SELECT * FROM submitted_returns WHERE id = ?", [return_id]), None)
    else:
        row = next(ctx.db.query("SELECT * FROM submitted_returns WHERE month = ? ORDER BY version DESC LIMIT 1",
                                [month]), None)
    if row is None:
        raise NotFound(N_("msg", "没有已报送的月报：{m}").format(m=month or return_id))
    y, m = (int(x) for x in row["month"].split("-"))
    meta = {k: row[k] for k in ("id", "version", "submitted_by", "submitted_at", "note", "supersedes_id")}
    details = json.loads(row["details"])
    return MonthReturn(y, m, json.loads(row["figures"]), details, details.pop("trend", []), meta)


def _flatten(value, prefix: str = "") -> dict:
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            out |= _flatten(v, f"{prefix}.{k}" if prefix else str(k))
        return out
    return {prefix: value}


# Fields that describe the computation, not the institution: never reported as differences.
_NOT_COMPARED = {"month_complete", "profile_id", "bed_months_note", "as_of"}


@requires("view")
def compare_with_submitted(ctx: Context, year: int, month: int) -> list[dict]:
    """Where a recomputation differs from the latest submitted version of the month: rows (field, submitted, now)
    with dotted field names for nested counts (e.g. ``residents_by_grade.无有效评估``). Empty when unchanged, or
    when the month was never submitted."""
    key = f"{year:04d}-{month:02d}"
    row = ctx.db.execute("SELECT figures FROM submitted_returns WHERE month = ? ORDER BY version DESC LIMIT 1",
                         [key]).fetchone()
    if row is None:
        return []
    submitted = json.loads(row[0])
    then = _flatten(submitted)
    profile_id = submitted.get("profile_id")
    try:
        _profile(ctx, profile_id)
    except NotFound:  # the profile used then was deleted since: compare under the active one
        profile_id = None
    now = _flatten(compute_return(ctx, year, month, profile_id, with_trend=False).figures)
    out = []
    for k in list(then) + [k for k in now if k not in then]:
        if k.split(".")[0] in _NOT_COMPARED or k.split(".")[0] not in submitted:
            continue  # a figure the program did not have when the month was submitted is not a change
        a, b = then.get(k), now.get(k)
        if a != b:
            out.append({"field": k, "submitted": a, "now": b})
    return out


@requires("export.personal")
def write_files(ctx: Context, ret: MonthReturn, out_dir, institution_name: str | None = None) -> list:
    """The return's Excel and PDF files in ``out_dir`` (the roster names residents: needs the personal-export
    permission, and each file is entered in the audit log)."""
    from pathlib import Path

    from ..exports.return_xlsx import write_return_files
    from .exporting import write_exported
    if institution_name is None:
        from .institution import get_institution
        institution_name = get_institution(ctx).get("name") or ""
    return write_exported(ctx, N_("msg", "月报 {m}").format(m=ret.key),
                          lambda: write_return_files(ret, Path(out_dir), institution_name))


@public("month numbers from the context's clock only")
def months_of_year(ctx: Context, year: int, as_of: dt.date | None = None) -> list[int]:
    """The months of ``year`` that have started by ``as_of`` (default today; all twelve for a past year)."""
    as_of = as_of or ctx.today()
    return [m for m in range(1, 13) if dt.date(year, m, 1) <= as_of]


__all__ = ["MonthReturn", "compute_return", "compute_figures", "month_bounds", "trend", "submit_return", "submitted_returns", "load_submitted",
           "compare_with_submitted", "parse_month", "months_of_year", "write_files"]
