"""The visit log (巡诊记录): partner doctors' visits to the home and the residents they saw."""
from __future__ import annotations

import datetime as dt

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .accounts import requires
from .base import Checker, Context, NotFound
from .partners import agreement_in_force


@requires("view")
def stay_on_date(ctx: Context, resident_id: int, d: dt.date) -> dict | None:
    """The stay in which the resident lives at the home on ``d`` (admission day to discharge day, both included)."""
    return next(ctx.db.query("SELECT * FROM stays WHERE resident_id = ?1 AND admission_date <= ?2 "
                             "AND COALESCE(discharge_date, '9999-12-31') >= ?2", [resident_id, d.isoformat()]), None)


@requires("view")
def residents_in_residence(ctx: Context, d: dt.date) -> list[dict]:
    """Residents living at the home on ``d`` (as ``stay_on_date`` counts them) with their bed and absence that day."""
    from .beds import BED_LABEL_SQL
    return list(ctx.db.query(f"""
        SELECT r.id, r.name, r.sex, r.name_initials, r.name_pinyin, s.id AS stay_id,
               (SELECT {BED_LABEL_SQL} FROM bed_assignments a JOIN beds b ON b.id = a.bed_id WHERE a.stay_id = s.id
                  AND a.start_date <= ?1 ORDER BY a.start_date DESC, a.id DESC LIMIT 1) AS bed,
               (SELECT kind FROM leaves l WHERE l.stay_id = s.id AND l.start_date <= ?1
                  AND COALESCE(l.end_date, '9999-12-31') > ?1 LIMIT 1) AS away
        FROM stays s JOIN residents r ON r.id = s.resident_id
        WHERE s.admission_date <= ?1 AND COALESCE(s.discharge_date, '9999-12-31') >= ?1
        ORDER BY r.name_pinyin""", [d.isoformat()]))


def _check_visit(ctx: Context, data: dict) -> tuple[dict, list[int]]:
    c = Checker(data)
    when = c.date("visit_date", required=True, label=N_("msg", "巡诊日期"))
    partner_id = data.get("partner_id")
    if not partner_id:
        c.add("partner_id", N_("msg", "请选择医疗机构"))
    elif not ctx.db.execute("SELECT 1 FROM partners WHERE id = ?", [partner_id]).fetchone():
        c.add("partner_id", N_("msg", "医疗机构记录不存在"))
    doctor = c.text("doctor", required=True, label=N_("msg", "巡诊医生"), max_len=60)
    notes = c.text("notes", label=N_("msg", "巡诊情况"), max_len=2000)
    if when and when > ctx.today():
        c.add("visit_date", N_("msg", "巡诊日期不能晚于今天"))
    residents = sorted({int(r) for r in data.get("resident_ids") or []})
    if when:
        for rid in residents:
            if stay_on_date(ctx, rid, when) is None:
                name = ctx.db.execute("SELECT name FROM residents WHERE id = ?", [rid]).fetchone()
                c.add("resident_ids", N_("msg", "{name} 在 {d} 不在院，不能记为巡诊对象").format(
                    name=name[0] if name else rid, d=when.isoformat()))
    c.raise_if_any()
    agreement = agreement_in_force(ctx, int(partner_id), when)
    return ({"visit_date": when.isoformat(), "partner_id": int(partner_id), "doctor": doctor, "notes": notes,
             "agreement_id": agreement["id"] if agreement else None}, residents)


@requires("referrals.write")
def log_visit(ctx: Context, data: dict) -> int:
    row, residents = _check_visit(ctx, data)
    with ctx.transaction() as db:
        vid = db["visits"].insert(row | {"created_at": ctx.stamp()}).last_pk
        db["visit_residents"].insert_all([{"visit_id": vid, "resident_id": r} for r in residents])
    return vid


@requires("referrals.write")
def update_visit(ctx: Context, visit_id: int, data: dict) -> None:
    get_visit(ctx, visit_id)
    row, residents = _check_visit(ctx, data)
    with ctx.transaction() as db:
        db["visits"].update(visit_id, row)
        db.execute("DELETE FROM visit_residents WHERE visit_id = ?", [visit_id])
        db["visit_residents"].insert_all([{"visit_id": visit_id, "resident_id": r} for r in residents])


@requires("referrals.write")
def delete_visit(ctx: Context, visit_id: int) -> None:
    get_visit(ctx, visit_id)
    with ctx.transaction() as db:
        db.execute("DELETE FROM visits WHERE id = ?", [visit_id])


@requires("view")
def get_visit(ctx: Context, visit_id: int) -> dict:
    v = next(ctx.db.query("SELECT v.*, p.name AS partner_name FROM visits v JOIN partners p ON p.id = v.partner_id "
                          "WHERE v.id = ?", [visit_id]), None)
    if v is None:
        raise NotFound(N_("msg", "巡诊记录不存在"))
    v["residents"] = list(ctx.db.query("SELECT r.id, r.name FROM visit_residents x JOIN residents r ON r.id = x.resident_id "
                                       "WHERE x.visit_id = ? ORDER BY r.name_pinyin", [visit_id]))
    v["resident_ids"] = [r["id"] for r in v["residents"]]
    return v


@requires("view")
def list_visits(ctx: Context, start: dt.date | None = None, end: dt.date | None = None,
                partner_id: int | None = None) -> list[dict]:
    where, args = ["1 = 1"], []  # portable: the server wants a boolean, not the integer 1
    if start:
        where.append("v.visit_date >= ?")
        args.append(start.isoformat())
    if end:
        where.append("v.visit_date <= ?")
        args.append(end.isoformat())
    if partner_id:
        where.append("v.partner_id = ?")
        args.append(partner_id)
    rows = list(ctx.db.query(
        "SELECT v.*, p.name AS partner_name, (SELECT COUNT(*) FROM visit_residents x WHERE x.visit_id = v.id) AS seen, "
        "(SELECT group_concat(r.name, '、') FROM visit_residents x JOIN residents r ON r.id = x.resident_id "
        " WHERE x.visit_id = v.id) AS resident_names "
        f"FROM visits v JOIN partners p ON p.id = v.partner_id WHERE {' AND '.join(where)} "
        "ORDER BY v.visit_date DESC, v.id DESC", args))
    return rows


@requires("view")
def visit_month_counts(ctx: Context, start: dt.date, end: dt.date) -> list[dict]:
    """Per month: visits (次) and residents seen (人次) — what monthly returns count."""
    return list(ctx.db.query(
        "SELECT substr(v.visit_date, 1, 7) AS month, COUNT(*) AS visits, "
        "SUM((SELECT COUNT(*) FROM visit_residents x WHERE x.visit_id = v.id)) AS resident_times "
        "FROM visits v WHERE v.visit_date BETWEEN ? AND ? GROUP BY month ORDER BY month",
        [start.isoformat(), end.isoformat()]))
