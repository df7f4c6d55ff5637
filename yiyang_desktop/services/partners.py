"""Partner medical institutions and cooperation agreements (医养签约) with their scans; the visit log is in visits.py."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..domain import referrals as R
from ..domain.ids import IdNumberError, check_uscc
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from . import attachments as AT
from .attachments import MAX_SCAN_BYTES, SCAN_CHANGED, SCAN_MISSING, SCAN_OK, attachments_dir  # noqa: F401
from .base import Checker, Context, NotFound, fail, to_date
from .accounts import requires
from .settings import get_setting, set_setting

PARTNER_KINDS = (N_("enum", "综合医院"), N_("enum", "中医医院"), N_("enum", "专科医院"), N_("enum", "康复医院"),
                 N_("enum", "护理院"), N_("enum", "安宁疗护中心"), N_("enum", "社区卫生服务中心(站)"),
                 N_("enum", "乡镇卫生院"), N_("enum", "村卫生室"), N_("enum", "其他"))
LEVELS = (N_("enum", "一级"), N_("enum", "二级"), N_("enum", "三级"), N_("enum", "未定级"))

VISITS_SERVICE, EMERGENCY_SERVICE, REFERRAL_SERVICE, OTHER_SERVICE = (
    N_("enum", "上门巡诊"), N_("enum", "急诊急救应急通道"), N_("enum", "双向转诊"), N_("enum", "其他"))
SERVICES = (VISITS_SERVICE, N_("enum", "预约就诊绿色通道"), EMERGENCY_SERVICE, REFERRAL_SERVICE,
            N_("enum", "健康管理/年度体检"), N_("enum", "基本公共卫生服务"), N_("enum", "慢病长期处方"),
            N_("enum", "康复指导"), N_("enum", "护理指导"), N_("enum", "中医药指导"), N_("enum", "安宁疗护指导"),
            N_("enum", "远程会诊"), N_("enum", "人员培训"), N_("enum", "院感防控指导"), OTHER_SERVICE)
FREQUENCIES = (N_("enum", "每周"), N_("enum", "每两周"), N_("enum", "每月"), N_("enum", "每季度"))
FREQUENCY_DAYS = {"每周": 7, "每两周": 14, "每月": 30, "每季度": 91}
FEE_PAYERS = (N_("enum", "养老机构"), N_("enum", "医疗机构"), N_("enum", "入住老人"), N_("enum", "医保基金"), N_("enum", "其他"))
FEE_BASES = (N_("enum", "按次"), N_("enum", "按月"), N_("enum", "按年"), N_("enum", "按项目"), N_("enum", "免费"))

EXPIRY_KEY = "agreement_expiry_warning_days"



# --- partners -------------------------------------------------------------------------------------------------
def _check_partner(ctx: Context, data: dict, partner_id: int | None) -> tuple[dict, list[dict]]:
    c = Checker(data)
    row = {
        "name": c.text("name", required=True, label=N_("msg", "机构名称"), max_len=100),
        "kind": c.choice("kind", PARTNER_KINDS, required=True, label=N_("msg", "机构类别")),
        "level": c.choice("level", LEVELS, label=N_("msg", "医院等级")) or "未定级",
        "insurance_designated": 1 if c.flag("insurance_designated") else 0,
        "address": c.text("address", label=N_("msg", "地址")),
        "phone": c.text("phone", label=N_("msg", "总机电话"), max_len=40),
        "note": c.text("note", label=N_("msg", "备注"), max_len=500),
        "uscc": None, "distance_km": None, "travel_minutes": None,
    }
    if uscc := c.text("uscc", label=N_("msg", "统一社会信用代码")):
        try:
            row["uscc"] = check_uscc(uscc)
        except IdNumberError as e:
            c.add("uscc", message_of(e))
    if km := c.text("distance_km", label=N_("msg", "距离")):
        try:
            value = Decimal(km)
            if not Decimal(0) <= value <= Decimal(1000):
                raise InvalidOperation
            row["distance_km"] = str(value)
        except InvalidOperation:
            c.add("distance_km", N_("msg", "距离应为0至1000之间的数字（公里）"))
    minutes = data.get("travel_minutes")
    if minutes not in (None, "", 0):
        try:
            row["travel_minutes"] = int(minutes)
            if not 0 <= row["travel_minutes"] <= 1440:
                raise ValueError
        except (TypeError, ValueError):
            c.add("travel_minutes", N_("msg", "车程应为0至1440之间的整数（分钟）"))
    contacts = []
    for i, ct in enumerate(data.get("contacts") or []):
        cc = c.sub(ct, "contacts")  # a too-long name, phone or role refuses the save
        name = cc.text("name", max_len=30, label=N_("msg", "联系人姓名"))
        phone = cc.text("phone", max_len=40, label=N_("msg", "联系人电话"))
        role = cc.text("role", max_len=30, label=N_("msg", "联系人职务"))
        if not (name or phone or role):
            continue
        if not name:
            c.add("contacts", N_("msg", "联系人{n}：请填写姓名").format(n=i + 1))
        if not phone:
            c.add("contacts", N_("msg", "联系人{n}：请填写电话").format(n=i + 1))
        contacts.append({"name": name, "role": role, "phone": phone, "sort": i})
    if row["name"]:
        other = ctx.db.execute("SELECT id FROM partners WHERE name = ?", [row["name"]]).fetchone()
        if other and other[0] != partner_id:
            c.add("name", N_("msg", "已登记过名为“{name}”的医疗机构").format(name=row["name"]))
    c.raise_if_any()
    return row, contacts


@requires("records.write")
def create_partner(ctx: Context, data: dict) -> int:
    row, contacts = _check_partner(ctx, data, None)
    with ctx.transaction() as db:
        pid = db["partners"].insert(row | {"created_at": ctx.stamp()}).last_pk
        for ct in contacts:
            db["partner_contacts"].insert(ct | {"partner_id": pid})
    return pid


@requires("records.write")
def update_partner(ctx: Context, partner_id: int, data: dict) -> None:
    get_partner(ctx, partner_id)
    row, contacts = _check_partner(ctx, data, partner_id)
    with ctx.transaction() as db:
        db["partners"].update(partner_id, row)
        db.execute("DELETE FROM partner_contacts WHERE partner_id = ?", [partner_id])
        for ct in contacts:
            db["partner_contacts"].insert(ct | {"partner_id": partner_id})


@requires("view")
def get_partner(ctx: Context, partner_id: int) -> dict:
    row = next(ctx.db.query("SELECT * FROM partners WHERE id = ?", [partner_id]), None)
    if row is None:
        raise NotFound(N_("msg", "医疗机构记录不存在"))
    row["contacts"] = list(ctx.db.query("SELECT name, role, phone FROM partner_contacts WHERE partner_id = ? ORDER BY sort",
                                        [partner_id]))
    return row


@requires("records.write")
def delete_partner(ctx: Context, partner_id: int) -> None:
    """Only a partner nothing refers to can go; otherwise say what refers to it."""
    p = get_partner(ctx, partner_id)
    counts = [ctx.db.execute(f"SELECT COUNT(*) FROM {t} WHERE partner_id = ?", [partner_id]).fetchone()[0]
              for t in ("agreements", "referrals", "visits")]
    if any(counts):
        fail("", N_("msg", "“{name}”已有 {a} 份合作协议、{r} 条转诊记录、{v} 次巡诊记录，不能删除；"
                           "如不再合作，请终止协议。").format(name=p["name"], a=counts[0], r=counts[1], v=counts[2]))
    with ctx.transaction() as db:
        db.execute("DELETE FROM partners WHERE id = ?", [partner_id])


@requires("view")
def list_partners(ctx: Context, on: dt.date | None = None) -> list[dict]:
    """Partners with their contact line and the best agreement status on ``on`` (today by default)."""
    on = on or ctx.today()
    rows = list(ctx.db.query("SELECT * FROM partners ORDER BY name"))
    agreements = list_agreements(ctx, on)
    for p in rows:
        cts = list(ctx.db.query("SELECT name, role, phone FROM partner_contacts WHERE partner_id = ? ORDER BY sort",
                                [p["id"]]))
        p["contacts"] = cts
        p["contact_line"] = "；".join(" ".join(x for x in (c["name"], c["role"] and f"（{c['role']}）", c["phone"]) if x)
                                     for c in cts)
        mine = [a for a in agreements if a["partner_id"] == p["id"]]
        current = [a for a in mine if R.in_force(a["status"])]
        p["agreement_status"] = (current[0]["status"] if current else
                                 R.AG_NOT_YET if any(a["status"] == R.AG_NOT_YET for a in mine) else
                                 mine[0]["status"] if mine else None)
        p["agreement_count"] = len(mine)
    return rows


# --- agreements -----------------------------------------------------------------------------------------------
@requires("view")
def expiry_warning_days(ctx: Context) -> int:
    value = get_setting(ctx, EXPIRY_KEY)
    try:
        return int(value) if value is not None else R.DEFAULT_EXPIRY_WARNING_DAYS
    except (TypeError, ValueError):
        return R.DEFAULT_EXPIRY_WARNING_DAYS


@requires("settings")
def set_expiry_warning_days(ctx: Context, days: int) -> None:
    if not 0 <= int(days) <= 365:
        fail("days", N_("msg", "提前提醒天数应在0至365之间"))
    set_setting(ctx, EXPIRY_KEY, int(days))


def _money_fen(text: str) -> int:
    value = Decimal(text.replace(",", "").replace("，", "").replace("元", "").strip())
    if value < 0 or value > Decimal("100000000"):
        raise InvalidOperation
    return int((value * 100).quantize(Decimal(1)))


def _check_services(c: Checker, items: list[dict]) -> list[dict]:
    out, seen = [], set()
    for i, s in enumerate(items or []):
        name = (s.get("service") or "").strip()
        if not name:
            continue
        if name not in SERVICES:
            c.add("services", N_("msg", "合作服务“{x}”不在可选范围").format(x=name))
            continue
        if name in seen:
            continue
        seen.add(name)
        sc = Checker(s)
        row = {"service": name, "detail": sc.text("detail", max_len=200), "frequency": None, "times": None,
               "response_minutes": None, "sort": SERVICES.index(name)}
        if name == VISITS_SERVICE:
            row["frequency"] = s.get("frequency") or None
            if row["frequency"] not in FREQUENCIES:
                c.add("services", N_("msg", "上门巡诊：请选择巡诊频次（{opts}）").format(opts="、".join(FREQUENCIES)))
            try:
                row["times"] = int(s.get("times") or 1)
                if not 1 <= row["times"] <= 31:
                    raise ValueError
            except (TypeError, ValueError):
                c.add("services", N_("msg", "上门巡诊：每期次数应为1至31"))
        if name == EMERGENCY_SERVICE:
            try:
                row["response_minutes"] = int(s.get("response_minutes") or 0)
                if not 1 <= row["response_minutes"] <= 1440:
                    raise ValueError
            except (TypeError, ValueError):
                c.add("services", N_("msg", "急诊急救应急通道：请填写响应时间（1至1440分钟）"))
        if name == OTHER_SERVICE and not row["detail"]:
            c.add("services", N_("msg", "勾选了“其他”服务时请写明内容"))
        out.append(row)
    if not out:
        c.add("services", N_("msg", "请至少勾选一项合作服务"))
    return sorted(out, key=lambda r: r["sort"])


def _check_fees(c: Checker, items: list[dict]) -> list[dict]:
    out = []
    for i, f in enumerate(items or []):
        fc = Checker(f)
        item, amount, note = fc.text("item", max_len=60), fc.text("amount", max_len=20), fc.text("note", max_len=200)
        payer, basis = f.get("payer") or None, f.get("basis") or None
        if not (item or amount or note):
            continue
        if not item:
            c.add("fees", N_("msg", "费用{n}：请填写收费项目").format(n=i + 1))
        if payer not in FEE_PAYERS:
            c.add("fees", N_("msg", "费用{n}：请选择付费方").format(n=i + 1))
        if basis not in FEE_BASES:
            c.add("fees", N_("msg", "费用{n}：请选择计费方式").format(n=i + 1))
        fen = None
        if amount and basis != "免费":
            try:
                fen = _money_fen(amount)
            except (InvalidOperation, ValueError):
                c.add("fees", N_("msg", "费用{n}：金额“{v}”应为不小于0的数字（元）").format(n=i + 1, v=amount))
        out.append({"item": item, "payer": payer, "basis": basis, "amount_fen": fen, "note": note, "sort": i})
    return out


def _check_agreement(ctx: Context, data: dict, agreement_id: int | None) -> tuple[dict, list[dict], list[dict]]:
    c = Checker(data)
    partner_id = data.get("partner_id")
    if not partner_id:
        c.add("partner_id", N_("msg", "请选择合作医疗机构"))
    elif not ctx.db.execute("SELECT 1 FROM partners WHERE id = ?", [partner_id]).fetchone():
        c.add("partner_id", N_("msg", "医疗机构记录不存在"))
    signed = c.date("signed_date", required=True, label=N_("msg", "签订日期"))
    start = c.date("valid_from", required=True, label=N_("msg", "生效日期"))
    end = c.date("valid_to", required=True, label=N_("msg", "到期日期"))
    row = {"partner_id": int(partner_id) if partner_id else None,
           "number": c.text("number", label=N_("msg", "协议编号"), max_len=60),
           "our_duties": c.text("our_duties", label=N_("msg", "养老机构责任"), max_len=2000),
           "partner_duties": c.text("partner_duties", label=N_("msg", "医疗机构责任"), max_len=2000),
           "note": c.text("note", label=N_("msg", "备注"), max_len=500)}
    services = _check_services(c, data.get("services") or [])
    fees = _check_fees(c, data.get("fees") or [])
    if start and end and end < start:
        c.add("valid_to", N_("msg", "到期日期不能早于生效日期"))
    if signed and end and signed > end:
        c.add("signed_date", N_("msg", "签订日期不能晚于到期日期"))
    if signed and signed > ctx.today():
        c.add("signed_date", N_("msg", "签订日期不能晚于今天"))
    if row["number"] and row["partner_id"]:
        other = ctx.db.execute("SELECT id FROM agreements WHERE partner_id = ? AND number = ?",
                               [row["partner_id"], row["number"]]).fetchone()
        if other and other[0] != agreement_id:
            c.add("number", N_("msg", "与该机构的协议编号“{n}”已存在").format(n=row["number"]))
    c.raise_if_any()
    row |= {"signed_date": signed.isoformat(), "valid_from": start.isoformat(), "valid_to": end.isoformat()}
    return row, services, fees


def _write_parts(db, agreement_id: int, services: list[dict], fees: list[dict]) -> None:
    db.execute("DELETE FROM agreement_services WHERE agreement_id = ?", [agreement_id])
    db.execute("DELETE FROM agreement_fees WHERE agreement_id = ?", [agreement_id])
    for s in services:
        db["agreement_services"].insert(s | {"agreement_id": agreement_id})
    for f in fees:
        db["agreement_fees"].insert(f | {"agreement_id": agreement_id})


@requires("records.write")
def create_agreement(ctx: Context, data: dict, *, renews_id: int | None = None) -> int:
    row, services, fees = _check_agreement(ctx, data, None)
    if renews_id is not None:
        old = get_agreement(ctx, renews_id)
        if old["renewed_by"]:
            fail("", N_("msg", "这份协议已续签过（新协议自 {d} 生效），请在新协议上续签").format(d=old["renewed_by"]["valid_from"]))
        if old["terminated_on"]:
            fail("", N_("msg", "已终止的协议不能续签，请新建协议"))
        if row["partner_id"] != old["partner_id"]:
            fail("partner_id", N_("msg", "续签协议须与原协议是同一医疗机构"))
        if row["valid_from"] <= old["valid_from"]:
            fail("valid_from", N_("msg", "续签协议的生效日期须晚于原协议的生效日期 {d}").format(d=old["valid_from"]))
    with ctx.transaction() as db:
        aid = db["agreements"].insert(row | {"renews_id": renews_id, "created_at": ctx.stamp()}).last_pk
        _write_parts(db, aid, services, fees)
    return aid


@requires("records.write")
def renew_agreement(ctx: Context, old_id: int, data: dict) -> int:
    """A new agreement linked to the old one (which keeps its own dates and status)."""
    return create_agreement(ctx, data, renews_id=old_id)


@requires("view")
def renewal_defaults(ctx: Context, old_id: int) -> dict:
    """The old agreement's content with dates moved on by its own length: what the renewal form starts from."""
    old = get_agreement(ctx, old_id)
    start, end = to_date(old["valid_from"]), to_date(old["valid_to"])
    new_start = end + dt.timedelta(days=1)
    try:
        new_end = new_start.replace(year=new_start.year + (end.year - start.year or 1)) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        new_end = new_start + dt.timedelta(days=(end - start).days)
    return {k: old[k] for k in ("partner_id", "our_duties", "partner_duties", "services", "fees")} | {
        "number": None, "signed_date": min(ctx.today(), new_start), "valid_from": new_start, "valid_to": new_end,
        "note": None}


@requires("records.write")
def update_agreement(ctx: Context, agreement_id: int, data: dict) -> None:
    old = get_agreement(ctx, agreement_id)
    row, services, fees = _check_agreement(ctx, data, agreement_id)
    if old["renews_id"] and row["partner_id"] != old["partner_id"]:
        fail("partner_id", N_("msg", "续签协议须与原协议是同一医疗机构"))
    if old["terminated_on"] and old["terminated_on"] < row["valid_from"]:
        fail("valid_from", N_("msg", "生效日期不能晚于终止日期 {d}").format(d=old["terminated_on"]))
    with ctx.transaction() as db:
        db["agreements"].update(agreement_id, row)
        _write_parts(db, agreement_id, services, fees)


@requires("records.write")
def terminate_agreement(ctx: Context, agreement_id: int, data: dict) -> None:
    a = get_agreement(ctx, agreement_id)
    c = Checker(data)
    when = c.date("terminated_on", required=True, label=N_("msg", "终止日期"))
    reason = c.text("termination_reason", required=True, label=N_("msg", "终止原因"), max_len=300)
    c.raise_if_any()
    if a["terminated_on"]:
        fail("terminated_on", N_("msg", "这份协议已于 {d} 终止").format(d=a["terminated_on"]))
    if when.isoformat() < a["valid_from"]:
        fail("terminated_on", N_("msg", "终止日期不能早于生效日期 {d}").format(d=a["valid_from"]))
    if when.isoformat() > a["valid_to"]:
        fail("terminated_on", N_("msg", "协议已于 {d} 到期，无需终止").format(d=a["valid_to"]))
    with ctx.transaction() as db:
        db["agreements"].update(agreement_id, {"terminated_on": when.isoformat(), "termination_reason": reason})


def _status(ctx: Context, a: dict, on: dt.date, warn: int) -> str:
    return R.agreement_status(to_date(a["valid_from"]), to_date(a["valid_to"]), on,
                              terminated_on=to_date(a["terminated_on"]), warning_days=warn)


@requires("view")
def get_agreement(ctx: Context, agreement_id: int, on: dt.date | None = None) -> dict:
    a = next(ctx.db.query("SELECT a.*, p.name AS partner_name FROM agreements a JOIN partners p ON p.id = a.partner_id "
                          "WHERE a.id = ?", [agreement_id]), None)
    if a is None:
        raise NotFound(N_("msg", "合作协议记录不存在"))
    a["services"] = list(ctx.db.query("SELECT service, detail, frequency, times, response_minutes FROM agreement_services "
                                      "WHERE agreement_id = ? ORDER BY sort", [agreement_id]))
    a["fees"] = [f | {"amount": None if f["amount_fen"] is None else f"{Decimal(f['amount_fen']) / 100:.2f}"}
                 for f in ctx.db.query("SELECT item, payer, basis, amount_fen, note FROM agreement_fees "
                                       "WHERE agreement_id = ? ORDER BY sort", [agreement_id])]
    a["files"] = list(ctx.db.query("SELECT * FROM agreement_files WHERE agreement_id = ? ORDER BY id", [agreement_id]))
    a["renewed_by"] = next(ctx.db.query("SELECT id, valid_from, number FROM agreements WHERE renews_id = ?",
                                        [agreement_id]), None)
    on = on or ctx.today()
    a["status"] = _status(ctx, a, on, expiry_warning_days(ctx))
    a["days_left"] = (to_date(a["valid_to"]) - on).days
    a["renewed_by_id"] = a["renewed_by"]["id"] if a["renewed_by"] else None
    return a


@requires("view")
def list_agreements(ctx: Context, on: dt.date | None = None, partner_id: int | None = None) -> list[dict]:
    """Agreements with their status on ``on``, newest first; ``services_text`` for the table."""
    on, warn = on or ctx.today(), expiry_warning_days(ctx)
    sql = ("SELECT a.*, p.name AS partner_name, (SELECT id FROM agreements n WHERE n.renews_id = a.id) AS renewed_by_id, "
           "(SELECT COUNT(*) FROM agreement_files f WHERE f.agreement_id = a.id) AS file_count "
           "FROM agreements a JOIN partners p ON p.id = a.partner_id")
    rows = list(ctx.db.query(sql + (" WHERE a.partner_id = ?" if partner_id else "") + " ORDER BY a.valid_from DESC, a.id DESC",
                             [partner_id] if partner_id else []))
    services = {}
    for s in ctx.db.query("SELECT agreement_id, service FROM agreement_services ORDER BY agreement_id, sort"):
        services.setdefault(s["agreement_id"], []).append(s["service"])
    for a in rows:
        a["status"] = _status(ctx, a, on, warn)
        a["services"] = services.get(a["id"], [])
        a["services_text"] = "、".join(a["services"])
        a["days_left"] = (to_date(a["valid_to"]) - on).days
    return rows


@requires("view")
def agreement_in_force(ctx: Context, partner_id: int, on: dt.date) -> dict | None:
    for a in list_agreements(ctx, on, partner_id):
        if R.in_force(a["status"]):
            return a
    return None


@requires("view")
def expiring_agreements(ctx: Context, on: dt.date | None = None) -> list[dict]:
    """Agreements about to expire that have not been renewed yet (what needs the user's attention)."""
    return [a for a in list_agreements(ctx, on) if a["status"] == R.AG_EXPIRING and not a["renewed_by_id"]]


# --- agreement scans (copied and checked by services.attachments) ----------------------------------------------
@requires("records.write")
def add_agreement_scan(ctx: Context, agreement_id: int, source: Path | str) -> int:
    """Copy the signed scan into the data folder (named by its hash) and record it with its sha256."""
    get_agreement(ctx, agreement_id)
    stored = AT.copy_in(source, f"agreement-{agreement_id}", already=lambda digest: ctx.db.execute(
        "SELECT 1 FROM agreement_files WHERE agreement_id = ? AND sha256 = ?", [agreement_id, digest]).fetchone())
    with AT.recording(ctx.db, stored, "agreement_files"), ctx.transaction() as db:
        return db["agreement_files"].insert({"agreement_id": agreement_id, **stored.row(ctx.stamp())}).last_pk


@requires("view")
def scan_file(ctx: Context, file_id: int) -> tuple[Path, str]:
    """The stored copy of a scan and whether it is intact (ok), altered (changed) or gone (missing)."""
    row = next(ctx.db.query("SELECT * FROM agreement_files WHERE id = ?", [file_id]), None)
    if row is None:
        raise NotFound(N_("msg", "扫描件记录不存在"))
    return AT.check_copy(row["stored_name"], row["sha256"])


@requires("records.write")
def remove_agreement_scan(ctx: Context, file_id: int) -> None:
    scan_file(ctx, file_id)
    row = next(ctx.db.query("SELECT stored_name FROM agreement_files WHERE id = ?", [file_id]))
    with ctx.transaction() as db:
        db.execute("DELETE FROM agreement_files WHERE id = ?", [file_id])
    AT.forget(ctx.db, "agreement_files", row["stored_name"])


# --- what the compliance panel compares with the policy profile ----------------------------------------------
@requires("view")
def coverage_summary(ctx: Context, on: dt.date | None = None) -> dict:
    """The partners with an agreement in force on ``on``, the services they cover, the agreed visit rate against
    the visits of the last 30 days, and whether any agreement needs renewing. ``services.compliance`` reads this
    with the bed count and the active profile's thresholds; nothing here knows a region's rules."""
    on = on or ctx.today()
    in_force = [a for a in list_agreements(ctx, on) if R.in_force(a["status"])]
    services = sorted({s for a in in_force for s in a["services"]}, key=SERVICES.index)
    agreed_per_30 = Decimal(0)
    for a in in_force:
        for s in ctx.db.query("SELECT frequency, times FROM agreement_services WHERE agreement_id = ? AND service = ?",
                              [a["id"], VISITS_SERVICE]):
            if s["frequency"] in FREQUENCY_DAYS:
                agreed_per_30 += Decimal(s["times"] or 1) * 30 / FREQUENCY_DAYS[s["frequency"]]
    visits_30 = ctx.db.execute("SELECT COUNT(*) FROM visits WHERE visit_date > ? AND visit_date <= ?",
                               [(on - dt.timedelta(days=30)).isoformat(), on.isoformat()]).fetchone()[0]
    return {"date": on.isoformat(), "partners_signed": sorted({a["partner_name"] for a in in_force}),
            "agreements_in_force": len(in_force), "services": services,
            "has_referral_agreement": REFERRAL_SERVICE in services, "has_emergency_channel": EMERGENCY_SERVICE in services,
            "agreed_visits_per_30_days": round(agreed_per_30, 1), "visits_last_30_days": visits_30,
            "expiring_unrenewed": [a["id"] for a in in_force if a["status"] == R.AG_EXPIRING and not a["renewed_by_id"]]}

