"""Residents and their stays: admit, move bed, leave, discharge, come back — each a dated row."""
from __future__ import annotations

import datetime as dt
import json

from ..domain.ids import IdNumberError, parse_id_number
from ..domain.names import pinyin_keys
from ..domain.vocabulary import CATEGORIES  # noqa: F401 - pages and imports read it from here
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from .base import Checker, Context, NotFound, ValidationError, fail, iso
from .accounts import can, mask_id, mask_phone, requires, visible_digits_match
from .beds import BED_LABEL_SQL, bed_free_problem

INSURANCES = (N_("enum", "城镇职工"), N_("enum", "城乡居民"), N_("enum", "无"), N_("enum", "其他"))
SEXES = (N_("enum", "男"), N_("enum", "女"))
DISCHARGE_REASONS = (N_("enum", "回家"), N_("enum", "转院"), N_("enum", "死亡"), N_("enum", "其他"))
LEAVE_KINDS = (N_("enum", "请假外出"), N_("enum", "住院"))


def _check_resident(ctx: Context, data: dict, resident_id: int | None) -> dict:
    c = Checker(data)
    name = c.text("name", required=True, label=N_("msg", "姓名"), max_len=30)
    sex = c.choice("sex", SEXES, required=True, label=N_("msg", "性别"))
    birth = c.date("birth_date", label=N_("msg", "出生日期"))
    info = None
    try:
        info = parse_id_number(str(data.get("id_number") or ""), today=ctx.today())
    except IdNumberError as e:
        c.add("id_number", message_of(e))
    if info:
        if birth and birth != info.birth_date:
            c.add("birth_date", N_("msg", "出生日期与身份证号不一致（身份证上是 {d}）").format(d=info.birth_date.isoformat()))
        if sex and sex != info.sex:
            c.add("sex", N_("msg", "性别与身份证号不一致（身份证上是{s}）").format(s=info.sex))
        other = ctx.db.execute("SELECT id, name FROM residents WHERE id_number = ?", [info.number]).fetchone()
        if other and other[0] != resident_id:
            c.add("id_number", N_("msg", "身份证号已登记在老人“{name}”名下").format(name=other[1]))
    cats = data.get("categories") or []
    if not isinstance(cats, (list, tuple, set, str)):  # e.g. a number typed in an Excel cell
        cats = str(cats)
    if isinstance(cats, str):
        cats = [x for x in cats.replace("，", ",").replace("、", ",").split(",") if x.strip()]
    cats = [str(x).strip() for x in cats]
    for x in cats:
        if x not in CATEGORIES:
            c.add("categories", N_("msg", "人员类别“{x}”不在可选范围：{opts}").format(x=x, opts="、".join(CATEGORIES)))
    if data.get("hukou_local") is None or data.get("hukou_local") == "":  # never a silent 外地 (or 本地)
        c.add("hukou_local", N_("msg", "请选择户籍：本地或外地（运营补贴按户籍计算）"))
    row = {
        "name": name, "sex": sex,
        "hukou_local": 1 if c.flag("hukou_local") else 0,
        "hukou_address": c.text("hukou_address", label=N_("msg", "户籍地址")),
        "categories": json.dumps([x for x in CATEGORIES if x in cats], ensure_ascii=False),
        "medical_insurance": c.choice("medical_insurance", INSURANCES, label=N_("msg", "医疗保险")),
        "ltc_insurance": 1 if c.flag("ltc_insurance") else 0,
        "phone": c.text("phone", label=N_("msg", "电话"), max_len=40),
        "note": c.text("note", label=N_("msg", "备注"), max_len=500),
    }
    contacts = []
    for i, ct in enumerate(data.get("contacts") or []):
        cc = c.sub(ct, f"contacts.{i}")  # a too-long name or phone refuses the save
        cname = cc.text("name", max_len=30, label=N_("msg", "紧急联系人姓名"))
        phone = cc.text("phone", max_len=40, label=N_("msg", "紧急联系人电话"))
        if not cname and not phone:
            continue
        if not cname:
            c.add(f"contacts.{i}", N_("msg", "紧急联系人{n}：请填写姓名").format(n=i + 1))
        if not phone:
            c.add(f"contacts.{i}", N_("msg", "紧急联系人{n}：请填写电话").format(n=i + 1))
        contacts.append({"name": cname, "relation": cc.text("relation", max_len=20, label=N_("msg", "与老人关系")), "phone": phone, "sort": i})
    c.raise_if_any()
    row["id_number"] = info.number
    row["birth_date"] = info.birth_date.isoformat()
    row["name_initials"], row["name_pinyin"] = pinyin_keys(name)
    return row | {"_contacts": contacts}


@requires("records.write")
def create_resident(ctx: Context, data: dict) -> int:
    row = _check_resident(ctx, data, None)
    contacts = row.pop("_contacts")
    row["created_at"] = ctx.stamp()
    with ctx.transaction() as db:
        rid = db["residents"].insert(row).last_pk
        for ct in contacts:
            db["resident_contacts"].insert(ct | {"resident_id": rid})
    return rid


@requires("records.write")
def update_resident(ctx: Context, resident_id: int, data: dict) -> None:
    get_resident(ctx, resident_id)
    row = _check_resident(ctx, data, resident_id)
    contacts = row.pop("_contacts")
    with ctx.transaction() as db:
        db["residents"].update(resident_id, row)
        db.execute("DELETE FROM resident_contacts WHERE resident_id = ?", [resident_id])
        for ct in contacts:
            db["resident_contacts"].insert(ct | {"resident_id": resident_id})


@requires("view")
def get_resident(ctx: Context, resident_id: int) -> dict:
    row = next(ctx.db.query("SELECT * FROM residents WHERE id = ?", [resident_id]), None)
    if row is None:
        raise NotFound(N_("msg", "老人记录不存在"))
    row["categories"] = json.loads(row["categories"] or "[]")
    row["contacts"] = list(ctx.db.query(
        "SELECT name, relation, phone FROM resident_contacts WHERE resident_id = ? ORDER BY sort", [resident_id]))
    row["stays"] = stays_of(ctx, resident_id)
    if not can(ctx, "view.personal_ids"):  # masked here, in the service, for roles that may not see them
        row["id_number"], row["phone"] = mask_id(row["id_number"]), mask_phone(row["phone"])
        for c in row["contacts"]:
            c["phone"] = mask_phone(c["phone"])
    return row


@requires("view")
def stays_of(ctx: Context, resident_id: int) -> list[dict]:
    stays = list(ctx.db.query("SELECT * FROM stays WHERE resident_id = ? ORDER BY admission_date", [resident_id]))
    for s in stays:
        s["beds"] = list(ctx.db.query(
            f"SELECT a.id, a.bed_id, a.start_date, a.end_date, {BED_LABEL_SQL} AS label FROM bed_assignments a "
            "JOIN beds b ON b.id = a.bed_id WHERE a.stay_id = ? ORDER BY a.start_date, a.id", [s["id"]]))
        s["leaves"] = list(ctx.db.query("SELECT * FROM leaves WHERE stay_id = ? ORDER BY start_date", [s["id"]]))
    return stays


@requires("view")
def current_stay(ctx: Context, resident_id: int) -> dict | None:
    row = next(ctx.db.query("SELECT * FROM stays WHERE resident_id = ? AND discharge_date IS NULL", [resident_id]), None)
    return row


def _stay(ctx: Context, stay_id: int) -> dict:
    row = next(ctx.db.query("SELECT * FROM stays WHERE id = ?", [stay_id]), None)
    if row is None:
        raise NotFound(N_("msg", "入住记录不存在"))
    return row


def _open_assignment(ctx: Context, stay_id: int) -> dict:
    row = next(ctx.db.query("SELECT * FROM bed_assignments WHERE stay_id = ? ORDER BY start_date DESC, id DESC LIMIT 1",
                            [stay_id]), None)
    if row is None:
        raise NotFound(N_("msg", "入住记录没有床位"))
    return row


@requires("records.write")
def admit(ctx: Context, resident_id: int, data: dict) -> int:
    """Admit a resident to a free bed on a date: a new stay (also for a resident who comes back)."""
    get_resident(ctx, resident_id)
    c = Checker(data)
    when = c.date("admission_date", required=True, label=N_("msg", "入住日期"))
    bed_id = data.get("bed_id")
    if not bed_id:
        c.add("bed_id", N_("msg", "请选择床位"))
    if when and when > ctx.today() + dt.timedelta(days=30):
        c.add("admission_date", N_("msg", "入住日期不能晚于今天30天以上"))
    c.raise_if_any()
    overlap = ctx.db.execute(
        "SELECT admission_date, discharge_date FROM stays WHERE resident_id = ? AND COALESCE(discharge_date, '9999-12-31') > ?",
        [resident_id, when.isoformat()]).fetchone()
    if overlap:
        if overlap[1] is None:
            fail("admission_date", N_("msg", "这位老人自 {d} 起在住，尚未出院").format(d=overlap[0]))
        fail("admission_date", N_("msg", "这位老人在 {a} 至 {b} 已有一次入住，与所选日期重叠").format(a=overlap[0], b=overlap[1]))
    if problem := bed_free_problem(ctx, int(bed_id), when, None):
        raise ValidationError([problem])
    with ctx.transaction() as db:
        stay_id = db["stays"].insert({"resident_id": resident_id, "admission_date": when.isoformat()}).last_pk
        db["bed_assignments"].insert({"stay_id": stay_id, "bed_id": int(bed_id), "start_date": when.isoformat()})
    return stay_id


@requires("records.write")
def move_bed(ctx: Context, stay_id: int, data: dict) -> None:
    """Move an in-residence resident to another bed from a date; the old bed's period ends that day."""
    stay = _stay(ctx, stay_id)
    c = Checker(data)
    when = c.date("date", required=True, label=N_("msg", "换床日期"))
    new_bed = data.get("bed_id")
    if not new_bed:
        c.add("bed_id", N_("msg", "请选择新床位"))
    c.raise_if_any()
    if stay["discharge_date"]:
        fail("date", N_("msg", "已出院的入住记录不能换床"))
    cur = _open_assignment(ctx, stay_id)
    if int(new_bed) == cur["bed_id"]:
        fail("bed_id", N_("msg", "新床位与当前床位相同"))
    if when.isoformat() < cur["start_date"]:
        fail("date", N_("msg", "换床日期不能早于住进当前床位的日期 {d}").format(d=cur["start_date"]))
    if problem := bed_free_problem(ctx, int(new_bed), when, None):
        raise ValidationError([problem])
    with ctx.transaction() as db:
        if when.isoformat() == cur["start_date"]:  # same day: a correction of the bed, not a move
            db["bed_assignments"].update(cur["id"], {"bed_id": int(new_bed)})
        else:
            db["bed_assignments"].update(cur["id"], {"end_date": when.isoformat()})
            db["bed_assignments"].insert({"stay_id": stay_id, "bed_id": int(new_bed), "start_date": when.isoformat()})


@requires("records.write")
def start_leave(ctx: Context, stay_id: int, data: dict) -> int:
    """Record 请假外出 or a hospital stay; the resident keeps the bed. ``end_date`` is the day of return."""
    stay = _stay(ctx, stay_id)
    c = Checker(data)
    kind = c.choice("kind", LEAVE_KINDS, required=True, label=N_("msg", "类型"))
    start = c.date("start_date", required=True, label=N_("msg", "离开日期"))
    end = c.date("end_date", label=N_("msg", "返回日期"))
    row = {"destination": c.text("destination", label=N_("msg", "去向")), "note": c.text("note", label=N_("msg", "备注"))}
    c.raise_if_any()
    if end and end < start:
        fail("end_date", N_("msg", "返回日期不能早于离开日期"))
    if start.isoformat() < stay["admission_date"] or (stay["discharge_date"] and (end is None or end.isoformat() > stay["discharge_date"])):
        fail("start_date", N_("msg", "请假时间须在入住期间内"))
    clash = ctx.db.execute(
        "SELECT start_date FROM leaves WHERE stay_id = ? AND start_date < ? AND ? < COALESCE(end_date, '9999-12-31')",
        [stay_id, end.isoformat() if end else "9999-12-31", start.isoformat()]).fetchone()
    if clash:
        fail("start_date", N_("msg", "与 {d} 开始的另一次外出重叠").format(d=clash[0]))
    with ctx.transaction() as db:
        return db["leaves"].insert(row | {"stay_id": stay_id, "kind": kind, "start_date": start.isoformat(),
                                          "end_date": iso(end)}).last_pk


@requires("records.write")
def end_leave(ctx: Context, leave_id: int, data: dict) -> None:
    leave = next(ctx.db.query("SELECT * FROM leaves WHERE id = ?", [leave_id]), None)
    if leave is None:
        raise NotFound(N_("msg", "外出记录不存在"))
    c = Checker(data)
    end = c.date("end_date", required=True, label=N_("msg", "返回日期"))
    c.raise_if_any()
    if end.isoformat() < leave["start_date"]:
        fail("end_date", N_("msg", "返回日期不能早于离开日期 {d}").format(d=leave["start_date"]))
    with ctx.transaction() as db:
        db["leaves"].update(leave_id, {"end_date": end.isoformat()})


@requires("records.write")
def discharge(ctx: Context, stay_id: int, data: dict) -> None:
    """End a stay on a date with a reason; the bed is free from the end of that day. Open leave closes too."""
    stay = _stay(ctx, stay_id)
    c = Checker(data)
    when = c.date("discharge_date", required=True, label=N_("msg", "出院日期"))
    reason = c.choice("discharge_reason", DISCHARGE_REASONS, required=True, label=N_("msg", "出院原因"))
    note = c.text("discharge_note", label=N_("msg", "说明"), max_len=500)
    c.raise_if_any()
    if stay["discharge_date"]:
        fail("discharge_date", N_("msg", "这次入住已于 {d} 出院").format(d=stay["discharge_date"]))
    cur = _open_assignment(ctx, stay_id)
    if when.isoformat() < cur["start_date"]:
        fail("discharge_date", N_("msg", "出院日期不能早于住进当前床位的日期 {d}").format(d=cur["start_date"]))
    late = ctx.db.execute("SELECT start_date FROM leaves WHERE stay_id = ? AND start_date > ?",
                          [stay_id, when.isoformat()]).fetchone()
    if late:
        fail("discharge_date", N_("msg", "出院日期早于 {d} 开始的外出记录").format(d=late[0]))
    with ctx.transaction() as db:
        db.execute("UPDATE leaves SET end_date = ? WHERE stay_id = ? AND (end_date IS NULL OR end_date > ?)",
                   [when.isoformat(), stay_id, when.isoformat()])
        db["bed_assignments"].update(cur["id"], {"end_date": when.isoformat()})
        db["stays"].update(stay_id, {"discharge_date": when.isoformat(), "discharge_reason": reason, "discharge_note": note})


@requires("view")
def list_residents(ctx: Context, search: str = "", *, include_discharged: bool = False) -> list[dict]:
    """Residents for the 入住老人 table, with today's bed; search by name, pinyin initials, ID number or bed."""
    today = ctx.today().isoformat()
    only_in = "" if include_discharged else "WHERE s.id IS NOT NULL AND s.discharge_date IS NULL"  # in SQL: ≈ 4× faster
    rows = ctx.db.query(f"""
        SELECT r.id, r.name, r.sex, r.id_number, r.birth_date, r.hukou_local, r.categories, r.medical_insurance,
               r.ltc_insurance, r.name_initials, r.name_pinyin,
               s.id AS stay_id, s.admission_date, s.discharge_date, s.discharge_reason,
               (SELECT {BED_LABEL_SQL} FROM bed_assignments a JOIN beds b ON b.id = a.bed_id
                 WHERE a.stay_id = s.id ORDER BY a.start_date DESC, a.id DESC LIMIT 1) AS bed,
               (SELECT kind FROM leaves l WHERE l.stay_id = s.id AND l.start_date <= ?1
                 AND COALESCE(l.end_date, '9999-12-31') > ?1 LIMIT 1) AS away
        FROM residents r
        LEFT JOIN stays s ON s.id = (SELECT id FROM stays s2 WHERE s2.resident_id = r.id
                                     ORDER BY s2.admission_date DESC LIMIT 1)
        {only_in}
        ORDER BY (s.discharge_date IS NOT NULL), r.name_pinyin""", [today])
    needle = search.strip().lower()
    full_ids = can(ctx, "view.personal_ids")
    # a role that sees masked ID numbers finds a resident by the digits it can see, never by the hidden ones
    id_match = ((lambda n: needle in n.lower()) if full_ids
                else (lambda n: visible_digits_match(needle, n.lower(), mask_id)))
    out = []
    for r in rows:
        in_residence = r["stay_id"] is not None and r["discharge_date"] is None
        if not include_discharged and not in_residence:
            continue
        if needle and not (needle in r["name"].lower() or r["name_initials"].startswith(needle)
                           or r["name_pinyin"].startswith(needle) or id_match(r["id_number"])
                           or (r["bed"] and needle in r["bed"].lower())):
            continue
        if not full_ids:
            r["id_number"] = mask_id(r["id_number"])
        r["categories"] = json.loads(r["categories"] or "[]")
        r["in_residence"] = in_residence
        out.append(r)
    return out
