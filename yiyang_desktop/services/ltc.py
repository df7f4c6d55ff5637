"""长护险 (long-term-care insurance): each insured resident's levels with their validity (history kept when a level
changes), the expiry warnings, and the monthly list computed by ``domain.ltc`` under a policy profile's rules.

The list's profile: the one asked for, else the one chosen for the 长护险 list (setting ``ltc_profile``), else the
active profile. A profile without the 长护险 section gives a list that says so, never one of zeros.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain import ltc as L
from ..domain.assessment import load_instrument
from ..domain.dates import month_bounds
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..store.health_snapshots import ltc_snapshot
from .accounts import mask_id, requires
from .base import Checker, Context, NotFound, Problem, ValidationError, iso
from .census import census
from .settings import get_setting, set_setting

SETTING = "ltc_profile"
WARN_DAYS = (60, 30)


def level_suggestions() -> list[str]:
    """Level names offered when registering one: the grades of the national 2021 LTC standard."""
    inst = load_instrument("ltc-2021")
    return [inst.grades[g] for g in sorted(inst.grades) if g > 0]


# ---------------------------------------------------------------- levels

def _check_level(ctx: Context, resident_id: int, data: dict, level_id: int | None) -> tuple[dict, dict | None]:
    """The row to write, and the earlier level the new one replaces from its first day (its end moves back)."""
    if not ctx.db.execute("SELECT 1 FROM residents WHERE id = ?", [resident_id]).fetchone():
        raise NotFound(N_("msg", "老人记录不存在"))
    c = Checker(data)
    row = {"insured_place": c.text("insured_place", required=True, label=N_("msg", "参保地"), max_len=100),
           "level": c.text("level", required=True, label=N_("msg", "长护险等级"), max_len=50),
           "certificate_no": c.text("certificate_no", label=N_("msg", "待遇决定书（证书）编号"), max_len=100),
           "note": c.text("note", label=N_("msg", "备注"), max_len=500)}
    start = c.date("valid_from", required=True, label=N_("msg", "有效期起"))
    end = c.date("valid_to", required=True, label=N_("msg", "有效期至"))
    if start and end and end < start:
        c.add("valid_to", N_("msg", "有效期至早于有效期起"))
    c.raise_if_any()
    row |= {"valid_from": iso(start), "valid_to": iso(end)}
    replaced = None
    for other in ctx.db.query("SELECT * FROM ltc_levels WHERE resident_id = ? AND id != ? AND valid_from <= ? "
                              "AND valid_to >= ? ORDER BY valid_from",
                              [resident_id, level_id or 0, iso(end), iso(start)]):
        if level_id is None and other["valid_from"] < iso(start) and replaced is None:
            replaced = other  # a change of level: the earlier one ends the day before
            continue
        raise ValidationError([Problem("valid_from", N_("msg", "与已登记的“{level}”（{a} 至 {b}）重叠")
                                       .format(level=other["level"], a=other["valid_from"], b=other["valid_to"]))])
    return row, replaced


@requires("records.write")
def add_level(ctx: Context, resident_id: int, data: dict) -> int:
    """Register a level. When an earlier level is still valid on the new one's first day, that is a change of level:
    the earlier one now ends the day before (its row is kept). The resident is marked as insured."""
    row, replaced = _check_level(ctx, resident_id, data, None)
    with ctx.transaction() as db:
        if replaced is not None:
            day_before = dt.date.fromisoformat(row["valid_from"]) - dt.timedelta(days=1)
            db["ltc_levels"].update(replaced["id"], {"valid_to": day_before.isoformat()})
        db.execute("UPDATE residents SET ltc_insurance = 1 WHERE id = ? AND ltc_insurance = 0", [resident_id])
        return db["ltc_levels"].insert({"resident_id": resident_id, **row, "created_at": ctx.stamp()}).last_pk


@requires("records.write")
def update_level(ctx: Context, level_id: int, data: dict) -> None:
    """Correct a registered level (it may not come to overlap another)."""
    old = get_level(ctx, level_id)
    row, _ = _check_level(ctx, old["resident_id"], data, level_id)
    with ctx.transaction() as db:
        db["ltc_levels"].update(level_id, row)


@requires("records.write")
def delete_level(ctx: Context, level_id: int) -> None:
    get_level(ctx, level_id)
    with ctx.transaction() as db:
        db.execute("DELETE FROM ltc_levels WHERE id = ?", [level_id])


@requires("view")
def get_level(ctx: Context, level_id: int) -> dict:
    row = next(ctx.db.query("SELECT * FROM ltc_levels WHERE id = ?", [level_id]), None)
    if row is None:
        raise NotFound(N_("msg", "长护险等级记录不存在"))
    return row


@requires("view")
def levels_of(ctx: Context, resident_id: int) -> list[dict]:
    """The resident's levels, newest first."""
    return list(ctx.db.query("SELECT * FROM ltc_levels WHERE resident_id = ? ORDER BY valid_from DESC, id DESC",
                             [resident_id]))


@requires("view")
def level_on(ctx: Context, resident_id: int, on: dt.date) -> dict | None:
    return next(ctx.db.query("SELECT * FROM ltc_levels WHERE resident_id = ? AND valid_from <= ? AND valid_to >= ?",
                             [resident_id, on.isoformat(), on.isoformat()]), None)


@requires("view")
def expiring_levels(ctx: Context, on: dt.date | None = None, days: int = WARN_DAYS[0]) -> list[dict]:
    """Residents in residence on ``on`` whose level ends within ``days`` days (the last valid day included) with no
    later level registered yet, soonest first; ``days_left`` counts from ``on`` to the last valid day."""
    on = on or ctx.today()
    present = {r.resident_id: r for r in census(ctx, on).residents}
    if not present:
        return []
    out = []
    horizon = (on + dt.timedelta(days=days)).isoformat()
    for r in ctx.db.query("""
            SELECT l.*, r.name FROM ltc_levels l JOIN residents r ON r.id = l.resident_id
            WHERE l.valid_from <= ? AND l.valid_to >= ? AND l.valid_to <= ?
              AND NOT EXISTS (SELECT 1 FROM ltc_levels n
                              WHERE n.resident_id = l.resident_id AND n.valid_from > l.valid_to)
            ORDER BY l.valid_to, r.name""", [on.isoformat(), on.isoformat(), horizon]):
        if r["resident_id"] in present:
            r["days_left"] = (dt.date.fromisoformat(r["valid_to"]) - on).days
            r["bed"] = present[r["resident_id"]].bed
            out.append(r)
    return out


@requires("view")
def insured_without_level(ctx: Context, on: dt.date | None = None) -> list[dict]:
    """Insured residents in residence on ``on`` with no level valid that day (expired, or never registered)."""
    on = on or ctx.today()
    present = {r.resident_id: r for r in census(ctx, on).residents}
    out = []
    for rid, c in present.items():
        if ctx.db.execute("SELECT ltc_insurance FROM residents WHERE id = ?", [rid]).fetchone()[0] and \
                level_on(ctx, rid, on) is None:
            last = next(ctx.db.query("SELECT level, valid_to FROM ltc_levels WHERE resident_id = ? AND valid_to < ? "
                                     "ORDER BY valid_to DESC LIMIT 1", [rid, on.isoformat()]), None)
            out.append({"resident_id": rid, "name": c.name, "bed": c.bed, "last_level": last and last["level"],
                        "expired_on": last and last["valid_to"]})
    return sorted(out, key=lambda r: (r["expired_on"] or "", r["name"]))


# ---------------------------------------------------------------- the monthly list

@requires("view")
def list_profile(ctx: Context, profile_id: str | None = None):
    """The profile the list uses: ``profile_id``, else the one chosen for the list, else the active one."""
    from .policy import active_profile, get_profile
    if profile_id:
        return get_profile(ctx, profile_id)
    chosen = get_setting(ctx, SETTING)
    if chosen:
        try:
            return get_profile(ctx, chosen)
        except NotFound:  # the chosen profile was deleted since: the active one
            pass
    return active_profile(ctx)


@requires("settings")
def set_list_profile(ctx: Context, profile_id: str) -> None:
    from .policy import get_profile
    get_profile(ctx, profile_id)
    set_setting(ctx, SETTING, profile_id)


@requires("view")
def compute_list(ctx: Context, year: int, month: int, profile_id: str | None = None) -> L.LtcList:
    """The month's 长护险 list (ID numbers masked)."""
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise ValidationError([Problem("month", N_("msg", "月份“{v}”无效").format(v=f"{year}-{month}"))])
    if month_bounds(year, month)[0] > ctx.today():
        raise ValidationError([Problem("month", N_("msg", "{y}年{m}月尚未开始").format(y=year, m=month))])
    profile = list_profile(ctx, profile_id)
    conn = ctx.db.conn
    own = not conn.in_transaction
    if own:  # one read snapshot, as the return
        conn.execute("BEGIN")
    try:
        snap = ltc_snapshot(ctx.db, year, month)
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")
    return L.ltc_list(snap, profile.profile, mask=mask_id)


@requires("export.personal")
def write_list_files(ctx: Context, lst: L.LtcList, out_dir, institution_name: str | None = None) -> list[Path]:
    """The list's Excel and PDF in ``out_dir`` (names of residents: the personal-export permission, each file in the
    audit log)."""
    from ..exports.ltc_list import write_ltc_files
    from .exporting import write_exported
    if institution_name is None:
        from .institution import get_institution
        institution_name = get_institution(ctx).get("name") or ""
    return write_exported(ctx, N_("msg", "长护险清单 {m}").format(m=lst.key),
                          lambda: write_ltc_files(lst, Path(out_dir), institution_name))
