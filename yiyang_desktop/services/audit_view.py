"""Reading the audit trail: filtered entries, each told in words (labels from ``services.audit_labels``), and the
Excel export of them. Only roles with "audit.read" (the administrator) read it; the export is itself recorded."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Callable

from ..domain.money import yuan_text
from ..domain.text import QT_TRANSLATE_NOOP as N_
from . import audit_labels as L
from .base import Context
from .permissions import requires

ACTIONS = {"insert": N_("enum", "新增"), "update": N_("enum", "修改"), "delete": N_("enum", "删除"),
           "export": N_("enum", "导出"), "login": N_("enum", "登录"), "login_failed": N_("enum", "登录失败"),
           "key": N_("enum", "审计密钥"), "restore": N_("enum", "恢复备份"), "anchor": N_("enum", "锚点")}
#: The audit page's "kind" filter: sign-ins apart, so they do not drown the changes.
KINDS = {
    "not_sign_in": (N_("enum", "修改、导出与系统（不含登录）"), ("insert", "update", "delete", "export", "key", "restore",
                                                          "anchor")),
    "all": (N_("enum", "全部"), ()),
    "changes": (N_("enum", "数据修改"), ("insert", "update", "delete")),
    "sign_in": (N_("enum", "登录"), ("login", "login_failed")),
    "export": (N_("enum", "导出"), ("export",)),
    "system": (N_("enum", "审计密钥与恢复"), ("key", "restore", "anchor")),
}
TABLE_LABELS = L.TABLES
table_label = L.table_label
EMPTY, YES, NO, DETAILS = N_("enum", "（空）"), N_("enum", "是"), N_("enum", "否"), N_("enum", "（详细内容）")
DATA_FILE = N_("enum", "数据文件")
#: Columns a new or deleted record shows nothing useful in (the sign-in counters).
_QUIET = {"failed_count", "locked_until", "last_login"}
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")


@requires("audit.read")
def query(ctx: Context, *, start: dt.date | None = None, end: dt.date | None = None, user: str | None = None,
          table: str | None = None, kind: str | None = None, limit: int | None = 5000) -> list[dict]:
    """Entries newest first, filtered by date range (inclusive), user, table and kind (``KINDS``); each with
    ``subject`` (whose record: a resident's name where it can be found) and ``changes`` (the change in words)."""
    where, params = [], []
    if start:
        where.append("at >= ?")
        params.append(start.isoformat())
    if end:
        where.append("at < ?")
        params.append((end + dt.timedelta(days=1)).isoformat())
    if user:
        where.append("user = ?")
        params.append(user)
    if table:
        where.append("tbl = ?")
        params.append(table)
    actions = KINDS.get(kind or "all", KINDS["all"])[1]
    if actions:
        where.append(f"action IN ({', '.join('?' for _ in actions)})")
        params += list(actions)
    sql = "SELECT id, at, user, action, tbl, row_key, old, new, hash, seq FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for r in ctx.db.execute(sql, params).fetchall():
        out.append({"id": r[0], "at": r[1], "user": r[2], "action": r[3], "table": r[4], "row_key": r[5],
                    "old": _decode(r[6]), "new": _decode(r[7]), "sealed": r[8] is not None, "seq": r[9]})
    names = _Names(ctx.db, out)
    for e in out:
        e["subject"] = names.subject(e)
        e["parts"] = describe_parts(e, names)
        e["changes"] = "；".join(e["parts"])
    return out


@requires("audit.read")
def tables(ctx: Context) -> list[str]:
    return [r[0] for r in ctx.db.execute("SELECT DISTINCT tbl FROM audit_log ORDER BY tbl").fetchall()]


@requires("audit.read")
def users(ctx: Context) -> list[str]:
    return [r[0] for r in ctx.db.execute("SELECT DISTINCT user FROM audit_log ORDER BY user").fetchall()]


def _decode(text: str | None) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {"?": text}
    return value if isinstance(value, dict) else {"?": value}


class _Names:
    """Residents', beds' and partners' names for the ids in a page of entries (one query each)."""

    def __init__(self, db, entries: list[dict]):
        self.db = db
        rids, sids, bids, pids, fids = set(), set(), set(), set(), set()
        for e in entries:
            for values in (e["old"], e["new"]):
                for k, v in values.items():
                    if isinstance(v, int):
                        {"resident_id": rids, "stay_id": sids, "bed_id": bids, "partner_id": pids,
                         "referral_id": fids}.get(k, set()).add(v)
            key = _int(e["row_key"])
            if key is not None:
                {"residents": rids, "stays": sids, "beds": bids, "partners": pids,
                 "referrals": fids}.get(e["table"], set()).add(key)
        self.referral_resident = self._map("SELECT id, resident_id FROM referrals", fids)
        stays = self._map("SELECT id, resident_id || '|' || admission_date FROM stays", sids)
        self.stay_resident = {k: int(v.split("|")[0]) for k, v in stays.items()}
        self.stay_admitted = {k: v.split("|")[1] for k, v in stays.items()}
        rids |= set(self.stay_resident.values()) | set(self.referral_resident.values())
        self.residents = self._map("SELECT id, name FROM residents", rids)
        self.beds = self._map("SELECT b.id, TRIM(CASE WHEN b.building != '' THEN b.building || '-' ELSE '' END || "
                              "CASE WHEN b.floor != '' THEN b.floor || '-' ELSE '' END || b.room || '-' || b.number) "
                              "FROM beds b", bids)
        self.partners = self._map("SELECT id, name FROM partners", pids)

    def _map(self, sql: str, ids: set) -> dict:
        ids = sorted(i for i in ids if isinstance(i, int))
        out = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            try:
                out.update(dict(self.db.execute(f"{sql} WHERE id IN ({', '.join('?' for _ in part)})", part).fetchall()))
            except Exception:  # noqa: BLE001 - a table of a later data version: no names
                return out
        return out

    def resident(self, rid) -> str | None:
        return self.residents.get(rid) if isinstance(rid, int) else None

    def subject(self, e: dict) -> str:
        values = e["new"] or e["old"]
        key, t = _int(e["row_key"]), e["table"]
        if t == "residents":
            return self.resident(key) or values.get("name") or e["row_key"] or ""
        if t == "users":
            return values.get("username") or e["row_key"] or ""
        if t == "beds":
            return self.beds.get(key) or e["row_key"] or ""
        if t == "partners":
            return self.partners.get(key) or values.get("name") or e["row_key"] or ""
        rid = values.get("resident_id") or (self.stay_resident.get(key) if t == "stays" else None)
        rid = rid or self.stay_resident.get(values.get("stay_id")) or self.referral_resident.get(values.get("referral_id"))
        rid = rid or (self.referral_resident.get(key) if t == "referrals" else None)
        if rid:
            return self.resident(rid) or f"#{rid}"
        if t == "export":
            return str(values.get("kind") or "")
        if t in ("audit", "backup"):
            return DATA_FILE
        return e["row_key"] or ""


def _int(text) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def format_value(table: str, field: str, value: Any, names: _Names | None = None) -> str:
    """A stored value as a reader wants it: 是/否, yuan, names for ids, lists joined, no JSON."""
    if value is None or value == "":
        return EMPTY
    if field in L.FLAGS and value in (0, 1, True, False):
        return YES if value else NO
    if field in L.MONEY and isinstance(value, int):
        return f"{yuan_text(value)} 元"
    if field in L.BULKY:
        return DETAILS
    if names is not None:
        if field == "resident_id" and (n := names.resident(value)):
            return n
        if field == "bed_id" and (n := names.beds.get(value)):
            return n
        if field == "partner_id" and (n := names.partners.get(value)):
            return n
        if field == "stay_id" and (d := names.stay_admitted.get(value)):
            return N_("msg", "{date}入住").format(date=d)
        if field == "referral_id" and (n := names.resident(names.referral_resident.get(value))):
            return N_("msg", "{name}的转诊").format(name=n)
    if isinstance(value, str) and (field in L.LISTS or table == "settings" and field == "value"):
        try:
            data = json.loads(value)
        except ValueError:
            return value
        if isinstance(data, list):
            return "、".join(str(x) for x in data) or EMPTY
        if isinstance(data, dict):
            return N_("msg", "（{n} 项设置）").format(n=len(data))
        return YES if data is True else NO if data is False else str(data)
    if isinstance(value, str) and _DATETIME.match(value):
        return value.replace("T", " ")
    return str(value)


def describe_parts(e: dict, names: _Names | None = None) -> list:
    """The entry as short Chinese phrases (Msg/Formatted, so the window can translate them)."""
    t, action, old, new = e["table"], e["action"], e["old"], e["new"]

    def label(f):
        return L.field_label(t, f)

    if action == "update":
        out = []
        for f in new:
            if f in L.SECRET or t == "users" and f == "password_changed_at":
                out.append(N_("msg", "密码已修改"))
            else:
                out.append(N_("msg", "{field}：{old} → {new}").format(
                    field=label(f), old=format_value(t, f, old.get(f), names), new=format_value(t, f, new.get(f), names)))
        return out
    if action in ("insert", "delete"):
        data = new if action == "insert" else old
        return [N_("msg", "{field}：{value}").format(field=label(f), value=format_value(t, f, v, names))
                for f, v in data.items() if v is not None and v != "" and f not in L.SECRET and f != "id"
                and f not in _QUIET]
    if action == "login":
        return [N_("msg", "登录成功")] + ([N_("msg", "密码加密强度已升级")] if new.get("rehashed") else [])
    if action == "login_failed":
        reason = _REASONS.get(new.get("reason"), new.get("reason") or "")
        if not new.get("username"):
            return [N_("msg", "登录失败：{reason}").format(reason=reason)]
        return [N_("msg", "登录失败：{reason}（用户名“{name}”）").format(reason=reason, name=new["username"])]
    if action == "export":
        parts = [N_("msg", "导出“{kind}”到 {path}").format(kind=new.get("kind", ""), path=new.get("path", ""))]
        if new.get("rows") is not None:
            parts.append(N_("msg", "共 {n} 行").format(n=new["rows"]))
        return parts
    if action == "key":
        reason = new.get("reason")
        if reason == "replaced":
            return [N_("msg", "更换审计密钥：之前的 {n} 条记录无法再用密钥核对").format(n=new.get("length", 0))]
        if reason == "restored":
            return [N_("msg", "从没有审计密钥的备份恢复后，启用本机的审计密钥（之前有 {n} 条记录）").format(n=new.get("length", 0))]
        return [N_("msg", "生成审计密钥（之前有 {n} 条记录）").format(n=new.get("length", 0))]
    if action == "restore":
        return [N_("msg", "从备份 {name} 恢复数据文件（备份的审计记录到第 {seq} 条）").format(
            name=new.get("backup", ""), seq=new.get("cut", 0))]
    return [N_("msg", "{field}：{value}").format(field=k, value=v) for k, v in new.items()]


_REASONS = {"password": N_("msg", "密码不正确"), "locked": N_("msg", "账号已锁定"), "disabled": N_("msg", "账号已停用"),
            "lockout": N_("msg", "密码连续错误，账号被锁定"), "unknown": N_("msg", "没有这个用户名")}


def describe(action: str, old: dict, new: dict, table: str = "") -> str:
    """"字段：旧 → 新" phrases for a reader, joined."""
    return "；".join(describe_parts({"table": table, "action": action, "old": old, "new": new}))


@requires("audit.read")
def export_xlsx(ctx: Context, path: Path | str, *, say: Callable[[Any], str] = str, **filters) -> dict:
    """The filtered entries (newest 5,000 at most) as one sheet; recorded in the trail (what, who, where) in the
    same transaction, before the file is written, and nothing is recorded when writing fails."""
    from .exporting import exporting
    rows = query(ctx, **filters)
    path = Path(path)
    with exporting(ctx, N_("msg", "审计记录"), path, rows=len(rows)):
        _write_xlsx(rows, path, say)
    return {"path": str(path), "entries": len(rows)}


def _write_xlsx(rows: list[dict], path: Path, say: Callable[[Any], str]) -> Path:
    """Through the one workbook writer (``exports.audit_xlsx``: text kept as text, A4 set-up); the record column
    holds whose record it is (the resident's name where it can be found)."""
    from ..exports.audit_xlsx import write_audit_xlsx
    return write_audit_xlsx([{"id": r["id"], "at": r["at"], "user": r["user"],
                              "action": str(say(ACTIONS.get(r["action"], r["action"]))),
                              "table": str(say(table_label(r["table"]))), "row_key": str(say(r["subject"])),
                              "changes": "；".join(str(say(p)) for p in r["parts"]),
                              "sealed": str(say(YES if r["sealed"] else NO))} for r in rows], path)
