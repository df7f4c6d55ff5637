"""The audit trail: who changed what, chained with sha256 so an edited, deleted or forged entry is detected.

Rows are written by the triggers of ``store.schema_accounts``; ``Context.transaction()`` calls ``begin`` (names the
acting user) and ``seal`` (chains the rows this transaction wrote) inside the same transaction.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from ..domain.text import QT_TRANSLATE_NOOP as N_

HEAD_KEY = "audit_head"  # app_meta: "id:hash" of the last sealed entry (detects entries cut off the end)
ACTIONS = {"insert": N_("enum", "新增"), "update": N_("enum", "修改"), "delete": N_("enum", "删除"),
           "export": N_("enum", "导出")}
TABLE_LABELS = {
    "residents": N_("enum", "老人档案"), "resident_contacts": N_("enum", "老人联系人"), "stays": N_("enum", "入住记录"),
    "bed_assignments": N_("enum", "床位分配"), "leaves": N_("enum", "请假/住院"), "beds": N_("enum", "床位"),
    "bed_type_changes": N_("enum", "床位类型变更"), "bed_status_changes": N_("enum", "床位状态变更"),
    "staff": N_("enum", "工作人员"), "institution": N_("enum", "机构信息"), "settings": N_("enum", "设置"),
    "assessments": N_("enum", "评估"), "care_events": N_("enum", "照护风险事件"), "referrals": N_("enum", "转诊"),
    "referral_events": N_("enum", "转诊进程"), "partners": N_("enum", "合作医疗机构"), "agreements": N_("enum", "合作协议"),
    "visits": N_("enum", "巡诊"), "users": N_("enum", "用户账号"), "export": N_("enum", "导出文件"),
    "subsidy_applications": N_("enum", "补贴申请"), "policy_profiles": N_("enum", "政策参数"),
}
FIELDS = ("id", "at", "user", "action", "tbl", "row_key", "old", "new")


def entry_hash(prev: str | None, row: dict | tuple) -> str:
    values = [row[f] for f in FIELDS] if isinstance(row, dict) else list(row)
    canonical = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(((prev or "") + "\n" + canonical).encode("utf-8")).hexdigest()


def _head(db) -> tuple[int, str | None]:
    row = db.execute("SELECT value FROM app_meta WHERE key = ?", [HEAD_KEY]).fetchone()
    if not row:
        return 0, None
    last_id, _, last_hash = row[0].partition(":")
    return int(last_id), last_hash or None


def begin(db, user: str, at: dt.datetime) -> int:
    """At the start of a use case's transaction: name the actor and the time (from the context's clock) that
    the triggers write; returns the last audit id before it."""
    db.execute("UPDATE audit_actor SET user = ?, at = ? WHERE id = 1", [user, at.isoformat(sep=" ", timespec="seconds")])
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]


def seal(db, since_id: int) -> int:
    """Chain the entries written after ``since_id`` (this transaction's); reset the actor. Returns how many."""
    rows = db.execute(f"SELECT {', '.join(FIELDS)} FROM audit_log WHERE id > ? AND hash IS NULL ORDER BY id",
                      [since_id]).fetchall()
    db.execute("UPDATE audit_actor SET user = 'system', at = NULL WHERE id = 1")
    if not rows:
        return 0
    _, prev = _head(db)
    updates = []
    for row in rows:
        h = entry_hash(prev, row)
        updates.append((prev, h, row[0]))
        prev = h
    db.conn.executemany("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", updates)
    db.execute("INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               [HEAD_KEY, f"{rows[-1][0]}:{prev}"])
    return len(rows)


def verify_chain(db) -> dict:
    """Recompute the chain: ``{"ok", "checked", "unsealed", "problems": [Chinese sentences]}``."""
    problems: list[str] = []
    prev = None
    checked = unsealed = 0
    last_sealed_id = 0
    for row in db.execute(f"SELECT {', '.join(FIELDS)}, prev_hash, hash FROM audit_log ORDER BY id"):
        *fields, prev_hash, h = row
        if h is None:
            unsealed += 1
            if unsealed <= 20:
                problems.append(N_("msg", "审计记录 {id} 没有签名（可能在本程序之外写入数据库）").format(id=fields[0]))
            continue
        checked += 1
        if prev_hash != prev:
            problems.append(N_("msg", "审计记录 {id} 之前的记录被删除或改动（链条断开）").format(id=fields[0]))
        if entry_hash(prev_hash, fields) != h:
            problems.append(N_("msg", "审计记录 {id} 的内容被改动过").format(id=fields[0]))
        prev = h
        last_sealed_id = fields[0]
    if unsealed > 20:
        problems.append(N_("msg", "另有 {n} 条审计记录没有签名").format(n=unsealed - 20))
    head_id, head_hash = _head(db)
    if head_id and (head_id != last_sealed_id or head_hash != prev):
        problems.append(N_("msg", "最后的审计记录（编号 {id}）被删除或改动").format(id=head_id))
    return {"ok": not problems, "checked": checked, "unsealed": unsealed, "problems": problems}


def _decode(text: str | None) -> dict:
    return json.loads(text) if text else {}


def query(db, *, start: dt.date | None = None, end: dt.date | None = None, user: str | None = None,
          table: str | None = None, limit: int | None = 5000) -> list[dict]:
    """Entries newest first, filtered by date range (inclusive), user and table."""
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
    sql = "SELECT id, at, user, action, tbl, row_key, old, new, hash FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for r in db.execute(sql, params).fetchall():
        old, new = _decode(r[6]), _decode(r[7])
        out.append({"id": r[0], "at": r[1], "user": r[2], "action": r[3], "table": r[4], "row_key": r[5],
                    "old": old, "new": new, "sealed": r[8] is not None, "changes": describe(r[3], old, new)})
    return out


def describe(action: str, old: dict, new: dict) -> str:
    """"字段: 旧 → 新" lines for a reader."""
    def fmt(v: Any) -> str:
        return "∅" if v is None else str(v)
    if action == "update":
        return "；".join(f"{k}: {fmt(old.get(k))} → {fmt(new.get(k))}" for k in new)
    data = new if action in ("insert", "export") else old
    return "；".join(f"{k}: {fmt(v)}" for k, v in data.items() if v is not None)


def table_label(table: str) -> str:
    label = TABLE_LABELS.get(table)
    return f"{label}（{table}）" if label else table


def tables(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT tbl FROM audit_log ORDER BY tbl").fetchall()]


def users(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT user FROM audit_log ORDER BY user").fetchall()]


def export_xlsx(rows: list[dict], path: Path | str) -> Path:
    """The filtered entries as one sheet (opened by any spreadsheet program); see ``exports.audit_xlsx``."""
    from ..exports.audit_xlsx import write_audit_xlsx
    return write_audit_xlsx([{"id": r["id"], "at": r["at"], "user": r["user"],
                              "action": str(ACTIONS.get(r["action"], r["action"])), "table": table_label(r["table"]),
                              "row_key": r["row_key"], "changes": r["changes"], "sealed": "是" if r["sealed"] else "否"}
                             for r in rows], path)
