"""Staff: roles, certificates, first registration of physicians, employment dates."""
from __future__ import annotations

from ..domain.ids import IdNumberError, parse_id_number
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from .base import Checker, Context, NotFound, iso
from .accounts import can, mask_id, mask_phone, requires

ROLES = (N_("enum", "执业医师"), N_("enum", "执业助理医师"), N_("enum", "注册护士"), N_("enum", "护理员"),
         N_("enum", "康复治疗师"), N_("enum", "管理人员"), N_("enum", "其他"))
PHYSICIANS = ("执业医师", "执业助理医师")
EMPLOYMENTS = (N_("enum", "全职"), N_("enum", "兼职"))


def _check(ctx: Context, data: dict, staff_id: int | None) -> dict:
    c = Checker(data)
    row = {
        "name": c.text("name", required=True, label=N_("msg", "姓名"), max_len=30),
        "role": c.choice("role", ROLES, required=True, label=N_("msg", "岗位")),
        "title": c.text("title", label=N_("msg", "职称"), max_len=30),
        "practice_cert_no": c.text("practice_cert_no", label=N_("msg", "执业证书编号"), max_len=40),
        "qualification_cert_no": c.text("qualification_cert_no", label=N_("msg", "资格证书编号"), max_len=40),
        "other_certs": c.text("other_certs", label=N_("msg", "其他证书"), max_len=200),
        "employment": c.choice("employment", EMPLOYMENTS, label=N_("msg", "用工方式")) or "全职",
        "phone": c.text("phone", label=N_("msg", "电话"), max_len=40),
        "note": c.text("note", label=N_("msg", "备注"), max_len=500),
        "id_number": None, "sex": c.text("sex"),
    }
    start = c.date("start_date", required=True, label=N_("msg", "入职日期"))
    end = c.date("end_date", label=N_("msg", "离职日期"))
    if start and end and end < start:
        c.add("end_date", N_("msg", "离职日期不能早于入职日期"))
    raw_id = str(data.get("id_number") or "").strip()
    if raw_id:
        try:
            info = parse_id_number(raw_id, today=ctx.today())
            row["id_number"], row["sex"] = info.number, info.sex
            other = ctx.db.execute("SELECT id, name FROM staff WHERE id_number = ?", [info.number]).fetchone()
            if other and other[0] != staff_id:
                c.add("id_number", N_("msg", "身份证号已登记在员工“{name}”名下").format(name=other[1]))
        except IdNumberError as e:
            c.add("id_number", message_of(e))
    row["first_registration"] = 1 if c.flag("first_registration") and row["role"] in PHYSICIANS else 0
    if row["role"] in PHYSICIANS and not row["practice_cert_no"]:
        c.add("practice_cert_no", N_("msg", "医师请填写医师执业证书编号"))
    c.raise_if_any()
    row["start_date"], row["end_date"] = iso(start), iso(end)
    return row


@requires("records.write")
def create_staff(ctx: Context, data: dict) -> int:
    row = _check(ctx, data, None)
    with ctx.transaction() as db:
        return db["staff"].insert(row).last_pk


@requires("records.write")
def update_staff(ctx: Context, staff_id: int, data: dict) -> None:
    get_staff(ctx, staff_id)
    row = _check(ctx, data, staff_id)
    with ctx.transaction() as db:
        db["staff"].update(staff_id, row)


@requires("view")
def get_staff(ctx: Context, staff_id: int) -> dict:
    row = next(ctx.db.query("SELECT * FROM staff WHERE id = ?", [staff_id]), None)
    if row is None:
        raise NotFound(N_("msg", "员工记录不存在"))
    return _shown(ctx, [row])[0]


def _shown(ctx: Context, rows: list[dict]) -> list[dict]:
    """ID numbers and phones masked, in the service, for roles that may not see them."""
    if not can(ctx, "view.personal_ids"):
        for r in rows:
            r["id_number"], r["phone"] = mask_id(r["id_number"]), mask_phone(r["phone"])
    return rows


@requires("view")
def list_staff(ctx: Context, *, include_left: bool = False) -> list[dict]:
    today = ctx.today().isoformat()
    sql = "SELECT * FROM staff"
    if not include_left:
        sql += " WHERE start_date <= ?1 AND (end_date IS NULL OR end_date > ?1)"
    rows = _shown(ctx, list(ctx.db.query(sql, [today] if not include_left else [])))
    return sorted(rows, key=lambda r: (r["end_date"] is not None, ROLES.index(r["role"]), r["start_date"], r["name"]))


@requires("view")
def staff_by_role(ctx: Context, on) -> dict[str, int]:
    """Staff in post on a date (start ≤ d < end), counted by role."""
    counts = {r: 0 for r in ROLES}
    for role, n in ctx.db.execute(
            "SELECT role, COUNT(*) FROM staff WHERE start_date <= ?1 AND (end_date IS NULL OR end_date > ?1) GROUP BY role",
            [on.isoformat()]).fetchall():
        counts[role] = n
    return counts
