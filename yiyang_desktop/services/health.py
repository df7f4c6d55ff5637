"""Health files and yearly health checks (健康档案与年度体检).

A health file is kept as dated versions: every save writes a new version, the older ones stay (the panel shows the
history). A check is one row per check with its scanned reports (copied into the data folder and checked by sha256,
``services.attachments``) and the day the result and advice were given. The lists (due, feedback overdue) read the
pure rules of ``domain.health`` over the end-of-day census of the day asked for.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain import health as H
from ..domain.ids import age_on
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..store import snapshots as S
from ..store.health_snapshots import last_checks
from . import attachments as AT
from .accounts import requires
from .base import Checker, Context, NotFound, fail, iso
from .census import census

PARTNER, INTERNAL, OTHER = N_("enum", "合作医疗机构"), N_("enum", "内设医疗机构"), N_("enum", "其他")
PROVIDER_KINDS = (PARTNER, INTERNAL, OTHER)
FEEDBACK_TO = (N_("enum", "本人"), N_("enum", "家属"), N_("enum", "本人和家属"))
FILE_TEXTS = {
    "past_illnesses": (N_("msg", "既往史"), 1000), "chronic_conditions": (N_("msg", "慢性病"), 1000),
    "allergies": (N_("msg", "过敏史"), 500), "contraindicated_drugs": (N_("msg", "禁忌药物"), 500),
    "diet_restrictions": (N_("msg", "饮食禁忌"), 500), "family_doctor": (N_("msg", "家庭医生"), 100),
    "note": (N_("msg", "备注"), 1000),
}
FILE_FIELDS = (*FILE_TEXTS, "family_doctor_since", "partner_id")


# ---------------------------------------------------------------- shared checks

def _resident(ctx: Context, resident_id: int) -> dict:
    row = next(ctx.db.query("SELECT id, name, birth_date FROM residents WHERE id = ?", [resident_id]), None)
    if row is None:
        raise NotFound(N_("msg", "老人记录不存在"))
    return row


def _partner_id(ctx: Context, c: Checker, name: str = "partner_id", *, required: bool = False) -> int | None:
    value = c.data.get(name)
    if value in (None, ""):
        if required:
            c.add(name, N_("msg", "请选择合作医疗机构"))
        return None
    try:
        pid = int(value)
    except (TypeError, ValueError):
        c.add(name, N_("msg", "合作医疗机构无效"))
        return None
    if not ctx.db.execute("SELECT 1 FROM partners WHERE id = ?", [pid]).fetchone():
        c.add(name, N_("msg", "合作医疗机构不存在"))
        return None
    return pid


def _day(ctx: Context, c: Checker, name: str, label: str, birth: dt.date, *, required: bool) -> dt.date | None:
    d = c.date(name, required=required, label=label)
    if d is None:
        return None
    if d > ctx.today():
        c.add(name, N_("msg", "{label}不能晚于今天").format(label=label))
    elif d < birth:
        c.add(name, N_("msg", "{label}早于老人的出生日期").format(label=label))
    return d


# ---------------------------------------------------------------- health file (dated versions)

@requires("view")
def health_file_history(ctx: Context, resident_id: int) -> list[dict]:
    """Every version of the resident's health file, newest first, with the attending partner's name."""
    _resident(ctx, resident_id)
    return list(ctx.db.query(
        "SELECT h.*, p.name AS partner_name FROM health_files h LEFT JOIN partners p ON p.id = h.partner_id "
        "WHERE h.resident_id = ? ORDER BY h.recorded_on DESC, h.id DESC", [resident_id]))


@requires("view")
def health_file(ctx: Context, resident_id: int) -> dict | None:
    """The current version (the latest recorded), or None when none was written yet."""
    history = health_file_history(ctx, resident_id)
    return history[0] if history else None


@requires("records.write")
def save_health_file(ctx: Context, resident_id: int, data: dict) -> int:
    """Write a new version of the health file (the older versions stay). Refused when nothing changed."""
    person = _resident(ctx, resident_id)
    birth = dt.date.fromisoformat(person["birth_date"])
    c = Checker(data)
    row = {k: c.text(k, label=label, max_len=n) for k, (label, n) in FILE_TEXTS.items()}
    row["recorded_on"] = iso(_day(ctx, c, "recorded_on", N_("msg", "记录日期"), birth, required=True))
    row["family_doctor_since"] = iso(_day(ctx, c, "family_doctor_since", N_("msg", "签约日期"), birth, required=False))
    if row["family_doctor_since"] and not row["family_doctor"]:
        c.add("family_doctor", N_("msg", "填写了签约日期，请同时填写家庭医生"))
    row["partner_id"] = _partner_id(ctx, c)
    c.raise_if_any()
    current = health_file(ctx, resident_id)
    if current is not None and all(current[k] == row[k] for k in FILE_FIELDS):
        fail("", N_("msg", "与当前的健康档案相同，没有需要保存的改动"))
    with ctx.transaction() as db:
        return db["health_files"].insert({"resident_id": resident_id, **row, "created_at": ctx.stamp(),
                                          "created_by": ctx.user or ""}).last_pk


# ---------------------------------------------------------------- yearly checks

def _check_row(ctx: Context, resident_id: int, data: dict, check_id: int | None) -> dict:
    person = _resident(ctx, resident_id)
    birth = dt.date.fromisoformat(person["birth_date"])
    c = Checker(data)
    check_date = _day(ctx, c, "check_date", N_("msg", "体检日期"), birth, required=True)
    kind = c.choice("provider_kind", PROVIDER_KINDS, required=True, label=N_("msg", "体检机构"))
    partner_id = _partner_id(ctx, c, required=kind == PARTNER) if kind == PARTNER else None
    provider_name = c.text("provider_name", label=N_("msg", "机构名称"), max_len=100)
    if kind == OTHER and not provider_name:
        c.add("provider_name", N_("msg", "请填写做体检的机构"))
    row = {"check_date": iso(check_date), "provider_kind": kind, "partner_id": partner_id,
           "provider_name": None if kind == PARTNER else provider_name,
           "doctor": c.text("doctor", label=N_("msg", "体检医生"), max_len=50),
           "findings": c.text("findings", required=True, label=N_("msg", "主要发现"), max_len=2000),
           "advice": c.text("advice", label=N_("msg", "健康指导建议"), max_len=2000),
           "feedback_to": c.choice("feedback_to", FEEDBACK_TO, label=N_("msg", "告知对象")),
           "feedback_note": c.text("feedback_note", label=N_("msg", "告知说明"), max_len=500)}
    feedback = _day(ctx, c, "feedback_date", N_("msg", "告知日期"), birth, required=False)
    if feedback and check_date and feedback < check_date:
        c.add("feedback_date", N_("msg", "告知日期早于体检日期"))
    if feedback and not row["feedback_to"]:
        c.add("feedback_to", N_("msg", "请选择把结果告知了谁"))
    row["feedback_date"] = iso(feedback)
    if check_date and ctx.db.execute("SELECT 1 FROM health_checks WHERE resident_id = ? AND check_date = ? AND id != ?",
                                     [resident_id, iso(check_date), check_id or 0]).fetchone():
        c.add("check_date", N_("msg", "这位老人在 {d} 已登记过体检").format(d=iso(check_date)))
    c.raise_if_any()
    return row


@requires("records.write")
def add_check(ctx: Context, resident_id: int, data: dict, report: Path | str | None = None) -> int:
    """Record a yearly check (and attach its scanned report when one is given)."""
    row = _check_row(ctx, resident_id, data, None)
    with ctx.transaction() as db:
        check_id = db["health_checks"].insert({"resident_id": resident_id, **row, "created_at": ctx.stamp(),
                                               "updated_at": ctx.stamp()}).last_pk
        if report:
            add_report(ctx, check_id, report)
    return check_id


@requires("records.write")
def update_check(ctx: Context, check_id: int, data: dict) -> None:
    """Correct a check or enter the day its result was given."""
    old = get_check(ctx, check_id)
    row = _check_row(ctx, old["resident_id"], data, check_id)
    with ctx.transaction() as db:
        db["health_checks"].update(check_id, {**row, "updated_at": ctx.stamp()})


@requires("records.write")
def delete_check(ctx: Context, check_id: int) -> None:
    """Remove a check entered by mistake (with its reports)."""
    files = get_check(ctx, check_id)["reports"]
    with ctx.transaction() as db:
        db.execute("DELETE FROM health_checks WHERE id = ?", [check_id])
    for f in files:
        AT.forget(ctx.db, "health_check_files", f["stored_name"])


def _with_parts(ctx: Context, row: dict) -> dict:
    row["provider"] = row.get("partner_name") or row.get("provider_name") or row["provider_kind"]
    row["reports"] = list(ctx.db.query("SELECT * FROM health_check_files WHERE check_id = ? ORDER BY id", [row["id"]]))
    d = dt.date.fromisoformat(row["check_date"])
    fb = dt.date.fromisoformat(row["feedback_date"]) if row["feedback_date"] else None
    row["feedback_deadline"] = H.feedback_deadline(d).isoformat()
    row["feedback_on_time"] = H.feedback_on_time(d, fb)
    row["feedback_state"] = H.feedback_state(d, fb, ctx.today())
    return row


CHECK_SQL = ("SELECT c.*, r.name, p.name AS partner_name FROM health_checks c JOIN residents r ON r.id = c.resident_id "
             "LEFT JOIN partners p ON p.id = c.partner_id")


@requires("view")
def get_check(ctx: Context, check_id: int) -> dict:
    row = next(ctx.db.query(CHECK_SQL + " WHERE c.id = ?", [check_id]), None)
    if row is None:
        raise NotFound(N_("msg", "体检记录不存在"))
    return _with_parts(ctx, row)


@requires("view")
def list_checks(ctx: Context, *, resident_id: int | None = None, year: int | None = None) -> list[dict]:
    """Checks, newest first: of one resident, of one year, or all."""
    where, params = [], []
    if resident_id is not None:
        where.append("c.resident_id = ?")
        params.append(resident_id)
    if year is not None:
        where += ["c.check_date >= ?", "c.check_date <= ?"]
        params += [f"{year:04d}-01-01", f"{year:04d}-12-31"]
    sql = CHECK_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.check_date DESC, c.id DESC"
    return [_with_parts(ctx, r) for r in ctx.db.query(sql, params)]


# ---------------------------------------------------------------- scanned reports

@requires("records.write")
def add_report(ctx: Context, check_id: int, source: Path | str) -> int:
    get_check(ctx, check_id)
    stored = AT.copy_in(source, f"check-{check_id}", already=lambda digest: ctx.db.execute(
        "SELECT 1 FROM health_check_files WHERE check_id = ? AND sha256 = ?", [check_id, digest]).fetchone())
    with AT.recording(ctx.db, stored, "health_check_files"), ctx.transaction() as db:
        return db["health_check_files"].insert({"check_id": check_id, **stored.row(ctx.stamp())}).last_pk


@requires("view")
def report_file(ctx: Context, file_id: int) -> tuple[Path, str]:
    """The stored copy of a report and whether it is intact (ok), altered (changed) or gone (missing)."""
    row = next(ctx.db.query("SELECT * FROM health_check_files WHERE id = ?", [file_id]), None)
    if row is None:
        raise NotFound(N_("msg", "体检报告记录不存在"))
    return AT.check_copy(row["stored_name"], row["sha256"])


@requires("records.write")
def remove_report(ctx: Context, file_id: int) -> None:
    report_file(ctx, file_id)
    row = next(ctx.db.query("SELECT stored_name FROM health_check_files WHERE id = ?", [file_id]))
    with ctx.transaction() as db:
        db.execute("DELETE FROM health_check_files WHERE id = ?", [file_id])
    AT.forget(ctx.db, "health_check_files", row["stored_name"])


# ---------------------------------------------------------------- lists

@requires("view")
def due_lists(ctx: Context, on: dt.date | None = None) -> dict:
    """Residents in the end-of-day census of ``on`` who are due for their yearly check (aged 65+, none in the last
    twelve months), and checks of those residents whose result was not given within one month."""
    on = on or ctx.today()
    present = {r.resident_id: r for r in census(ctx, on).residents}
    people = S.residents(ctx.db, present)
    last = last_checks(ctx.db, present, on)
    due = []
    for rid, c in present.items():
        birth = people[rid].birth
        lc = last.get(rid)
        if H.check_due(birth, lc.check_date if lc else None, on):
            since = H.next_check_due(lc.check_date) if lc else None
            due.append({"resident_id": rid, "name": c.name, "age": age_on(birth, on), "bed": c.bed,
                        "last_check": lc.check_date.isoformat() if lc else None,
                        "due_since": since.isoformat() if since else None})
    due.sort(key=lambda r: (r["last_check"] or "", r["name"], r["resident_id"]))
    overdue = []
    if present:
        for r in ctx.db.query("SELECT c.id, c.resident_id, c.check_date, c.feedback_date FROM health_checks c "
                              "WHERE c.check_date <= ? AND (c.feedback_date IS NULL OR c.feedback_date > ?) "
                              "ORDER BY c.check_date, c.id", [on.isoformat(), on.isoformat()]):
            if r["resident_id"] not in present:
                continue
            d = dt.date.fromisoformat(r["check_date"])
            if H.feedback_overdue(d, dt.date.fromisoformat(r["feedback_date"]) if r["feedback_date"] else None, on):
                overdue.append({"check_id": r["id"], "resident_id": r["resident_id"],
                                "name": present[r["resident_id"]].name, "bed": present[r["resident_id"]].bed,
                                "check_date": r["check_date"], "days_since": (on - d).days,
                                "deadline": H.feedback_deadline(d).isoformat()})
    return {"date": on.isoformat(), "due": due, "feedback_overdue": overdue}
