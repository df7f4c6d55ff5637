"""Beds: creation, type changes and status changes, each kept as a dated row."""
from __future__ import annotations

import datetime as dt

from ..domain import beds as B
from ..domain.census import bed_label
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import Checker, Context, NotFound, Problem, ValidationError, fail, iso
from .accounts import requires

BED_LABEL_SQL = ("TRIM(CASE WHEN b.building != '' THEN b.building || '-' ELSE '' END || "
                 "CASE WHEN b.floor != '' THEN b.floor || CASE WHEN b.floor LIKE '%层' THEN '' ELSE '层' END || '-' "
                 "ELSE '' END || b.room || '-' || b.number)")


def _check_location(c: Checker) -> dict:
    return {
        "building": c.text("building", label=N_("msg", "楼栋"), max_len=30) or "",
        "floor": c.text("floor", label=N_("msg", "楼层"), max_len=10) or "",
        "room": c.text("room", required=True, label=N_("msg", "房间号"), max_len=20),
        "number": c.text("number", required=True, label=N_("msg", "床号"), max_len=10),
    }


def _check_provision(c: Checker) -> dict:
    provision = c.choice("provision", B.PROVISIONS, label=N_("msg", "床位来源")) or "新建"
    lease_end = c.date("lease_end_date", label=N_("msg", "租赁到期日"))
    if provision == B.LEASED and lease_end is None:
        c.add("lease_end_date", N_("msg", "租赁的床位请填写租赁到期日"))
    if provision != B.LEASED:
        lease_end = None
    return {"provision": provision, "lease_end_date": iso(lease_end)}


def check_new_bed(data: dict) -> tuple[dict, dt.date, str, str | None, str]:
    """A new bed's fields checked (every problem at once): (beds row, service date, type, sub-type, status).
    Shared by ``create_bed`` and the Excel import."""
    c = Checker(data)
    row = _check_location(c) | _check_provision(c)
    service = c.date("service_date", required=True, label=N_("msg", "投入使用日期"))
    bed_type = c.text("bed_type", required=True, label=N_("msg", "床位类型"))
    sub_type = c.text("sub_type")
    status = c.choice("status", B.SET_STATUSES, label=N_("msg", "状态")) or B.AVAILABLE
    if bed_type and (msg := B.validate_type(bed_type, sub_type)):
        c.add("sub_type" if bed_type == B.MEDICAL else "bed_type", msg)
    row["note"] = c.text("note", label=N_("msg", "备注"))
    c.raise_if_any()
    return row, service, bed_type, sub_type, status


@requires("records.write")
def create_bed(ctx: Context, data: dict) -> int:
    """Add a bed: location, type (and sub-type), how it was provided, service date, initial status."""
    row, service, bed_type, sub_type, status = check_new_bed(data)
    if _exists(ctx, row):
        fail("number", N_("msg", "床位 {label} 已存在").format(label=bed_label(row["building"], row["floor"], row["room"], row["number"])))
    with ctx.transaction() as db:
        row["service_date"] = service.isoformat()
        bed_id = db["beds"].insert(row).last_pk
        db["bed_type_changes"].insert({"bed_id": bed_id, "effective_date": service.isoformat(),
                                       "bed_type": bed_type, "sub_type": sub_type, "note": "投入使用"})
        if status != B.AVAILABLE:
            db["bed_status_changes"].insert({"bed_id": bed_id, "effective_date": service.isoformat(), "status": status})
    return bed_id


@requires("records.write")
def create_room(ctx: Context, data: dict, count: int) -> list[int]:
    """Add ``count`` beds numbered 1..count in one room, all or none."""
    if not 1 <= count <= 20:
        fail("count", N_("msg", "一个房间一次可添加1至20张床位"))
    ids = []
    with ctx.transaction():
        for n in range(1, count + 1):
            ids.append(create_bed(ctx, {**data, "number": str(n)}))
    return ids


def _exists(ctx: Context, row: dict, exclude: int | None = None) -> bool:
    found = ctx.db.execute("SELECT id FROM beds WHERE building = ? AND floor = ? AND room = ? AND number = ?",
                           [row["building"], row["floor"], row["room"], row["number"]]).fetchone()
    return bool(found and found[0] != exclude)


@requires("records.write")
def update_bed(ctx: Context, bed_id: int, data: dict) -> None:
    """Correct location, provision, lease end or note. Type and status change through their dated actions."""
    get_bed(ctx, bed_id)
    c = Checker(data)
    row = _check_location(c) | _check_provision(c)
    row["note"] = c.text("note", label=N_("msg", "备注"))
    c.raise_if_any()
    if _exists(ctx, row, exclude=bed_id):
        fail("number", N_("msg", "床位 {label} 已存在").format(label=bed_label(row["building"], row["floor"], row["room"], row["number"])))
    with ctx.transaction() as db:
        db["beds"].update(bed_id, row)


@requires("view")
def get_bed(ctx: Context, bed_id: int) -> dict:
    row = next(ctx.db.query(f"SELECT b.*, {BED_LABEL_SQL} AS label FROM beds b WHERE b.id = ?", [bed_id]), None)
    if row is None:
        raise NotFound(N_("msg", "床位不存在"))
    row["type_history"] = list(ctx.db.query(
        "SELECT effective_date, bed_type, sub_type, note FROM bed_type_changes WHERE bed_id = ? ORDER BY effective_date",
        [bed_id]))
    row["status_history"] = list(ctx.db.query(
        "SELECT effective_date, status, note FROM bed_status_changes WHERE bed_id = ? ORDER BY effective_date", [bed_id]))
    return row


def _dated_change_checks(ctx: Context, bed: dict, when: dt.date | None, table: str) -> None:
    if when is None:
        return
    if when < dt.date.fromisoformat(bed["service_date"]):
        fail("date", N_("msg", "变更日期不能早于床位投入使用日期 {d}").format(d=bed["service_date"]))
    if ctx.db.execute(f"SELECT 1 FROM {table} WHERE bed_id = ? AND effective_date = ?",
                      [bed["id"], when.isoformat()]).fetchone():
        fail("date", N_("msg", "这张床位在 {d} 已有一条同类变更，请换一个日期或先撤销那条").format(d=when.isoformat()))


@requires("records.write")
def change_bed_type(ctx: Context, bed_id: int, data: dict) -> None:
    """Convert a bed to another type from a date (e.g. 养老床位 ↔ 医疗床位); earlier dates keep the old type."""
    bed = get_bed(ctx, bed_id)
    c = Checker(data)
    when = c.date("date", required=True, label=N_("msg", "变更日期"))
    bed_type = c.text("bed_type", required=True, label=N_("msg", "床位类型"))
    sub_type = c.text("sub_type")
    if bed_type and (msg := B.validate_type(bed_type, sub_type)):
        c.add("sub_type" if bed_type == B.MEDICAL else "bed_type", msg)
    note = c.text("note", label=N_("msg", "备注"))
    c.raise_if_any()
    _dated_change_checks(ctx, bed, when, "bed_type_changes")
    current = [h for h in bed["type_history"] if h["effective_date"] <= when.isoformat()][-1]
    if (current["bed_type"], current["sub_type"]) == (bed_type, sub_type):
        fail("bed_type", N_("msg", "该床位在这一天已经是{t}").format(t=bed_type))
    with ctx.transaction() as db:
        db["bed_type_changes"].insert({"bed_id": bed_id, "effective_date": when.isoformat(), "bed_type": bed_type,
                                       "sub_type": sub_type, "note": note})


@requires("records.write")
def set_bed_status(ctx: Context, bed_id: int, data: dict) -> None:
    """Set 可用/预留/维修/停用 from a date. A bed held by a resident cannot go under repair or out of use."""
    bed = get_bed(ctx, bed_id)
    c = Checker(data)
    when = c.date("date", required=True, label=N_("msg", "变更日期"))
    status = c.choice("status", B.SET_STATUSES, required=True, label=N_("msg", "状态"))
    note = c.text("note", label=N_("msg", "备注"))
    c.raise_if_any()
    _dated_change_checks(ctx, bed, when, "bed_status_changes")
    if status in (B.REPAIR, B.DISABLED):
        holder = ctx.db.execute(
            "SELECT r.name FROM bed_assignments a JOIN stays s ON s.id = a.stay_id JOIN residents r ON r.id = s.resident_id "
            "WHERE a.bed_id = ? AND COALESCE(a.end_date, '9999-12-31') > ? LIMIT 1", [bed_id, when.isoformat()]).fetchone()
        if holder:
            fail("status", N_("msg", "{name} 在这一天或之后占用这张床位，请先为其换床或办理出院").format(name=holder[0]))
    with ctx.transaction() as db:
        db["bed_status_changes"].insert({"bed_id": bed_id, "effective_date": when.isoformat(), "status": status,
                                         "note": note})


@requires("view")
def bed_free_problem(ctx: Context, bed_id: int, start: dt.date, end: dt.date | None,
                     ignore_assignment: int | None = None) -> Problem | None:
    """Why a bed cannot take a resident over ``[start, end)``, or None if it can."""
    bed = next(ctx.db.query(f"SELECT b.*, {BED_LABEL_SQL} AS label FROM beds b WHERE b.id = ?", [bed_id]), None)
    if bed is None:
        return Problem("bed_id", N_("msg", "请选择床位"))
    if start.isoformat() < bed["service_date"]:
        return Problem("bed_id", N_("msg", "床位 {label} 在 {d} 才投入使用").format(label=bed["label"], d=bed["service_date"]))
    end_s = end.isoformat() if end else "9999-12-31"
    status = ctx.db.execute(
        "SELECT status, effective_date FROM bed_status_changes WHERE bed_id = ? AND effective_date <= ? "
        "ORDER BY effective_date DESC LIMIT 1", [bed_id, start.isoformat()]).fetchone()
    if status and status[0] in (B.REPAIR, B.DISABLED):
        return Problem("bed_id", N_("msg", "床位 {label} 当时处于{s}状态").format(label=bed["label"], s=status[0]))
    later = ctx.db.execute(
        "SELECT status, effective_date FROM bed_status_changes WHERE bed_id = ? AND effective_date > ? "
        "AND effective_date < ? AND status IN ('维修','停用') ORDER BY effective_date LIMIT 1",
        [bed_id, start.isoformat(), end_s]).fetchone()
    if later:
        return Problem("bed_id", N_("msg", "床位 {label} 自 {d} 起为{s}状态").format(label=bed["label"], d=later[1], s=later[0]))
    clash = ctx.db.execute(
        "SELECT r.name, a.start_date FROM bed_assignments a JOIN stays s ON s.id = a.stay_id "
        "JOIN residents r ON r.id = s.resident_id WHERE a.bed_id = ? AND a.id IS NOT ? "
        "AND a.start_date < ? AND ? < COALESCE(a.end_date, '9999-12-31') LIMIT 1",
        [bed_id, ignore_assignment, end_s, start.isoformat()]).fetchone()
    if clash:
        return Problem("bed_id", N_("msg", "床位 {label} 这段时间已由 {name} 入住").format(label=bed["label"], name=clash[0]))
    return None


@requires("view")
def list_beds(ctx: Context) -> list[dict]:
    """Every bed with its current type (today) for pickers and lists."""
    today = ctx.today().isoformat()
    return list(ctx.db.query(f"""
        SELECT b.id, {BED_LABEL_SQL} AS label, b.building, b.floor, b.room, b.number, b.provision,
               b.lease_end_date, b.service_date,
               (SELECT bed_type FROM bed_type_changes t WHERE t.bed_id = b.id AND t.effective_date <= ?
                ORDER BY effective_date DESC LIMIT 1) AS bed_type,
               (SELECT sub_type FROM bed_type_changes t WHERE t.bed_id = b.id AND t.effective_date <= ?
                ORDER BY effective_date DESC LIMIT 1) AS sub_type
        FROM beds b ORDER BY b.building, b.floor, b.room, b.number""", [today, today]))


@requires("view")
def free_beds(ctx: Context, start: dt.date) -> list[dict]:
    """Beds that can take a new resident from ``start`` on (open-ended), each with its set status that day
    (``status``: 可用, or 预留 — a reserved bed is offered, but it is not counted as free)."""
    out = []
    for b in list_beds(ctx):
        if bed_free_problem(ctx, b["id"], start, None) is None:
            row = ctx.db.execute("SELECT status FROM bed_status_changes WHERE bed_id = ? AND effective_date <= ? "
                                 "ORDER BY effective_date DESC LIMIT 1", [b["id"], start.isoformat()]).fetchone()
            out.append(b | {"status": row[0] if row else B.AVAILABLE})
    return out


@requires("records.write")
def delete_bed(ctx: Context, bed_id: int) -> None:
    """Delete a bed entered by mistake. A bed that has ever been occupied is kept: set it 停用 instead."""
    get_bed(ctx, bed_id)
    if ctx.db.execute("SELECT 1 FROM bed_assignments WHERE bed_id = ? LIMIT 1", [bed_id]).fetchone():
        raise ValidationError([Problem("", N_("msg", "这张床位有入住记录，不能删除；如不再使用，请将状态改为停用"))])
    with ctx.transaction() as db:
        db.execute("DELETE FROM beds WHERE id = ?", [bed_id])
