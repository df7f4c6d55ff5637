"""The audit trail: who changed what, chained with a keyed MAC so that an edited, deleted or forged entry is found.

Rows are written by the triggers of ``store.schema_accounts`` (and, for sign-ins, exports, keys and restores, by
the program itself). ``Context.transaction()`` calls ``begin`` (checks the triggers, names the acting user) and
``seal`` (gives this transaction's entries their chain position ``seq`` and MAC) inside the same transaction.

The MAC is HMAC-SHA256 with a key kept outside the data file (``keystore``; one key per data file identity,
see ``services.audit_key``): whoever has a copy of the file but not the key cannot re-sign a rewritten trail.
Each entry's MAC covers its position, its content and the previous entry's MAC. The head (last position and MAC)
is kept in ``app_meta`` with its own signature; the head is also anchored in every backup and every submitted
monthly return (``services.audit_anchors``), so a cut-off tail is found even when the head was moved.

Entries sealed before the file had a key (a sha256 chain, data versions before #15) stay as they are: the first
keyed entry (``action = 'key'``) records their number and last hash, so they can no longer be changed unseen.

Decided for a computer without the key (a second PC, a new office PC): the program opens, shows and prints, and
sign-ins still count wrong passwords, but **nothing is saved** there — a use case that would write an audit entry
is refused (and rolled back) with a message saying how to install the key (设置 → 审计密钥 → 输入恢复码, or
``yiyang audit install-key``). Sign-ins on such a computer are not entered in the trail (they cannot be signed);
the window says so in its status bar. Nothing is ever written unsigned to be signed later (that would let anyone
slip entries in).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..store import audit_store as S
from .permissions import public
from .base import ServiceError

ACTOR_SIGN_IN = "（登录尝试）"  # the "user" of a failed sign-in entry: nobody is signed in yet
KEY_ID_KEY, LINEAGE_KEY, ACCOUNTS_KEY, SCHEMA_KEY = "audit_key_id", "audit_lineage", "audit_accounts", "audit_schema"

TRIGGERS_BROKEN = N_("msg", "数据文件的审计触发器不完整或被改动（{detail}）。为防止修改不留记录，本程序不会保存任何修改。"
                            "请运行“yiyang check”查看，并从备份恢复。")
KEY_MISSING = N_("msg", "这台电脑上没有本数据文件的审计密钥，修改无法签名，因此没有保存。请管理员在“设置 → 审计密钥”中"
                        "输入恢复码（或运行 yiyang audit install-key），然后再试。")
KEY_RECORD_GONE = N_("msg", "数据文件中的审计密钥记录不见了（本机保存着这个数据文件的密钥），审计记录可能被删除。"
                            "为防止掩盖，本程序不会保存任何修改。请运行“yiyang check”查看，并从备份恢复。")


class AuditUnavailable(ServiceError):
    """The trail cannot be signed here (no key on this computer, or the triggers were tampered with)."""


# ---------------------------------------------------------------- MACs

def _canonical(values: list) -> str:
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def entry_mac(key: bytes, prev: str | None, seq: int, row: tuple | list) -> str:
    """The MAC of one entry: its position, id, time, user, action, table, row key, values, and the previous MAC."""
    text = (prev or "") + "\n" + _canonical([seq, *row])
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def entry_hash(prev: str | None, row: dict | tuple) -> str:
    """The unkeyed sha256 of entries sealed before the file had a key (kept to check them)."""
    values = [row[f] for f in S.ENTRY_COLUMNS] if isinstance(row, dict) else list(row)
    return hashlib.sha256(((prev or "") + "\n" + _canonical(values)).encode("utf-8")).hexdigest()


def sign(key: bytes, *parts: Any) -> str:
    """A keyed signature of a small record (the head, an anchor, the accounts digest)."""
    return hmac.new(key, _canonical(list(parts)).encode("utf-8"), hashlib.sha256).hexdigest()


def _accounts_digest(key: bytes, db) -> str:
    """A keyed digest of the accounts (who may sign in with which role): an administrator inserted or promoted
    behind the trail's back (triggers switched off and on again) no longer matches it."""
    rows = db.execute("SELECT id, username, display_name, role, active, password_hash, must_change FROM users "
                      "ORDER BY id").fetchall()
    return sign(key, "accounts", [list(r) for r in rows])


# ---------------------------------------------------------------- begin / seal

_accounts_ok: dict[tuple[int, int], bool] = {}


def _check_triggers(db) -> None:
    cookie = S.schema_cookie(db)
    if getattr(db, "_audit_triggers_ok", None) == cookie:
        return
    problems = S.trigger_problems(db)
    if problems:
        raise AuditUnavailable(TRIGGERS_BROKEN.format(detail="；".join(problems)))
    try:
        db._audit_triggers_ok = cookie
    except AttributeError:
        pass


@public("the program's own plumbing: only Context.transaction calls it, inside a write transaction")
def begin(db, user: str, at: dt.datetime) -> int:
    """At the start of a use case's transaction: refuse when the audit triggers are not as installed; name the
    actor and the time (from the context's clock) that the triggers write; returns the mark ``seal`` needs."""
    from . import audit_key
    _check_triggers(db)
    state = audit_key.state(db, remember=True)
    if state.record_gone:
        raise AuditUnavailable(KEY_RECORD_GONE)
    S.set_actor(db, user, at.isoformat(sep=" ", timespec="seconds"))
    since = S.mark(db)
    if state.can_seal:
        stored = S.get_meta(db, ACCOUNTS_KEY)
        _accounts_ok[(id(db.conn), since)] = stored is None or hmac.compare_digest(stored, _accounts_digest(state.key, db))
    return since


@public("the program's own plumbing: only Context.transaction calls it, inside a write transaction")
def seal(db, since_id: int) -> int:
    """Chain the entries written after ``since_id`` (this transaction's); reset the actor. Returns how many.

    Refused (AuditUnavailable, the transaction rolls back) when there are entries and this computer has no key for
    the file. A file that never had a key gets one here (``services.audit_key.create``)."""
    from . import audit_key
    accounts_ok = _accounts_ok.pop((id(db.conn), since_id), True)
    actor = S.get_actor(db)
    rows = S.unsealed_since(db, since_id)
    S.reset_actor(db)
    if not rows:
        return 0
    state = audit_key.state(db)
    if state.file_key_id is None:
        state = audit_key.create(db, user=actor[0], at=actor[1] or rows[0][1], reason="created")
        # the key record was written after this transaction's entries: seal it first, then them
        fresh = S.unsealed_since(db, since_id)
        rows = [r for r in fresh if r[3] == "key"] + [r for r in fresh if r[3] != "key"]
    if not state.can_seal:
        raise AuditUnavailable(KEY_MISSING)
    pending = S.migration_entries(db)
    if pending:  # what an upgrade of the data file wrote (noted by store.db.migrate): signed first, as the program's
        done = {r[0] for r in rows}
        keys = [r for r in rows if r[3] == "key"]  # (a key made just now stays the first entry it signs)
        rows = keys + [r for r in S.unsealed_between(db, *pending) if r[0] not in done] + \
            [r for r in rows if r[3] != "key"]
        S.set_meta(db, S.MIGRATION_KEY, None)
    S.lock_head(db)
    head = S.read_head(db)
    seq, prev = (head[0], head[1]) if head else (0, None)
    seals = []
    for row in rows:
        seq += 1
        mac = entry_mac(state.key, prev, seq, row)
        seals.append((seq, prev, mac, row[0]))
        prev = mac
    S.write_seals(db, seals)
    S.write_head(db, seq, prev, sign(state.key, "head", state.file_id, seq, prev))
    record_schema(db, state.key, state.file_id)
    if accounts_ok:
        S.set_meta(db, ACCOUNTS_KEY, _accounts_digest(state.key, db))
    return len(rows)


def _schema_now(db) -> tuple[int, int]:
    from ..store.db import schema_version
    return schema_version(db), S.schema_cookie(db)


@public("the program's own plumbing: seal and the backup copy call it")
def record_schema(db, key: bytes, file_id: str) -> None:
    """Sign the data version and SQLite's schema counter as they are now. Dropping and re-creating a trigger (or
    any table change) moves the counter: found by ``verify_chain`` even when the triggers look right again."""
    uv, cookie = _schema_now(db)
    S.set_meta(db, SCHEMA_KEY, f"{uv}:{cookie}:{sign(key, 'schema', file_id, uv, cookie)}")


def _schema_problems(db, key: bytes, file_id: str, problems: list[str], notes: list[str]) -> None:
    stored = S.get_meta(db, SCHEMA_KEY)
    if stored is None:
        return
    try:
        uv, cookie, sig = stored.split(":")
        uv, cookie = int(uv), int(cookie)
    except ValueError:
        problems.append(N_("msg", "数据库结构记录被改动过"))
        return
    if not hmac.compare_digest(sig, sign(key, "schema", file_id, uv, cookie)):
        problems.append(N_("msg", "数据库结构记录的签名不对（被改动过）"))
        return
    now_uv, now_cookie = _schema_now(db)
    if now_uv != uv:
        notes.append(N_("msg", "数据文件在最后一条审计记录之后升级过（数据版本 {a} → {b}）").format(a=uv, b=now_uv))
    elif now_cookie != cookie:
        problems.append(N_("msg", "数据库结构在本程序之外被改动过（例如审计触发器被删除后又重建）：期间的修改可能没有留下审计记录"))


@public("the program's own entries: every caller checks its permission first")
def write_entry(db, *, user: str, at: dt.datetime | str, action: str, table: str, row_key: str | None = None,
                old: dict | None = None, new: dict | None = None) -> int:
    """An entry the program writes itself (sign-in, export, key, restore…) inside the open transaction."""
    stamp = at if isinstance(at, str) else at.isoformat(sep=" ", timespec="seconds")
    dump = lambda d: None if d is None else json.dumps(d, ensure_ascii=False)  # noqa: E731
    return S.insert_entry(db, at=stamp, user=user, action=action, tbl=table, row_key=row_key, old=dump(old),
                          new=dump(new))


# ---------------------------------------------------------------- verification

def _problem_list(problems: list[str], text: str) -> None:
    if len(problems) < 40:
        problems.append(text)


@public("no personal data: entry numbers, counts and Chinese findings only")
def verify_chain(db, *, path=None) -> dict:
    """Recompute the chain with this computer's key: ``{"ok", "checked", "unsealed", "length", "problems",
    "notes", "key"}``. ``key`` is "ok", "missing" (the file has a key this computer lacks: nothing can be checked),
    or "none" (no key made yet: only the unkeyed entries of older versions are checked). ``path`` (the data file's)
    lets the key store say whether a file with another identity used to be there."""
    from . import audit_key
    problems: list[str] = []
    notes: list[str] = []
    if not S.has_keyed_columns(db):
        return {"ok": True, "checked": 0, "unsealed": 0, "length": 0, "problems": [], "notes": [], "key": "none"}
    problems += S.trigger_problems(db)
    state = audit_key.state(db)
    rows = list(S.sealed_entries(db))
    unsealed, first_unsealed = S.unsealed_ids(db)
    pending = S.migration_entries(db)
    if pending:  # written by an upgrade of the file, signed by the next save: said, not a problem
        waiting = [i for i in first_unsealed if pending[0] < i <= pending[1]]
        n = db.execute("SELECT COUNT(*) FROM audit_log WHERE hash IS NULL AND id > ? AND id <= ?", list(pending)).fetchone()[0]
        if n:
            notes.append(N_("msg", "数据文件升级时改写了 {n} 条记录，它们的审计记录将在下一次保存时签名").format(n=n))
        unsealed -= n
        first_unsealed = [i for i in first_unsealed if i not in waiting]
    for i in first_unsealed:
        _problem_list(problems, N_("msg", "审计记录 {id} 没有签名（可能在本程序之外写入数据库）").format(id=i))
    if unsealed > len(first_unsealed):
        problems.append(N_("msg", "另有 {n} 条审计记录没有签名").format(n=unsealed - len(first_unsealed)))
    for n, row in enumerate(rows, start=1):
        if row[0] != n:
            _problem_list(problems, N_("msg", "审计记录的链位置不连续：第 {n} 条的位置是 {seq}（有记录被删除或插入）")
                          .format(n=n, seq=row[0]))
            break
    if state.record_gone:
        problems.append(KEY_RECORD_GONE)
    if path is not None:
        problems += audit_key.path_problems(db, path)
    checked = 0
    key_status = "none"
    if state.file_key_id is None:
        checked = _check_unkeyed(rows, 0, len(rows), problems)
        if rows and not state.record_gone:
            notes.append(N_("msg", "本数据文件还没有审计密钥：现有 {n} 条记录只有不带密钥的校验，下一次保存时会生成密钥。")
                         .format(n=len(rows)))
    elif state.key is None:
        key_status = "missing"
        problems.append(N_("msg", "这台电脑上没有本数据文件的审计密钥，无法核对审计记录。请在“设置 → 审计密钥”中输入恢复码。"))
    else:
        key_status = "ok"
        checked = _check_keyed(db, state, rows, problems, notes)
    head = S.read_head(db)
    if rows and key_status != "missing":
        last = rows[-1]
        if head is None or head[0] != last[0] or head[1] != last[10]:
            problems.append(N_("msg", "最后的审计记录（第 {seq} 条）被删除或改动：记录的链尾与实际不符").format(
                seq=head[0] if head else "?"))
        elif state.key is not None and state.file_key_id and head[2] != sign(state.key, "head", state.file_id,
                                                                             head[0], head[1]):
            problems.append(N_("msg", "审计链尾的签名不对：链尾被移动过（审计记录可能被截短）"))
    elif not rows and head and head[0] > 0:
        problems.append(N_("msg", "审计记录被全部删除（链尾记录为第 {seq} 条）").format(seq=head[0]))
    if key_status == "ok":
        _schema_problems(db, state.key, state.file_id, problems, notes)
        stored = S.get_meta(db, ACCOUNTS_KEY)
        if stored is not None and not hmac.compare_digest(stored, _accounts_digest(state.key, db)):
            problems.append(N_("msg", "用户账号表在本程序之外被改动过（例如直接加入或提升了管理员），与签名不符"))
    return {"ok": not problems, "checked": checked, "unsealed": unsealed, "length": len(rows),
            "problems": problems, "notes": notes, "key": key_status}


def _check_unkeyed(rows: list, start: int, end: int, problems: list[str]) -> int:
    """The sha256 chain of entries sealed before the file had a key (rows[start:end])."""
    prev = None
    for row in rows[start:end]:
        seq, *fields, prev_hash, h = row
        if prev_hash != prev:
            _problem_list(problems, N_("msg", "审计记录 {id} 之前的记录被删除或改动（链条断开）").format(id=fields[0]))
        if entry_hash(prev_hash, fields) != h:
            _problem_list(problems, N_("msg", "审计记录 {id} 的内容被改动过").format(id=fields[0]))
        prev = h
    return end - start


def _check_keyed(db, state, rows: list, problems: list[str], notes: list[str]) -> int:
    from . import audit_key
    m = audit_key.find_marker(rows, state.key)
    if m is None:
        problems.append(N_("msg", "找不到本机审计密钥的起始记录：审计记录被删除或整体替换过"))
        return 0
    info = json.loads(rows[m][8] or "{}")
    if info.get("length") != m:
        problems.append(N_("msg", "密钥起始记录之前的审计记录数量不符（原有 {a} 条，现有 {b} 条）")
                        .format(a=info.get("length"), b=m))
    checked = 0
    if info.get("prev") == "sha256":
        checked += _check_unkeyed(rows, 0, m, problems)
    elif info.get("prev") == "other-key" and m:
        notes.append(N_("msg", "前 {n} 条记录由已更换的旧审计密钥签名，本机无法核对其内容。").format(n=m))
    prev = rows[m - 1][10] if m else None
    for i in range(m, len(rows)):
        seq, *fields, prev_hash, h = rows[i]
        if i > m and fields[3] == "key":
            other = json.loads(fields[7] or "{}").get("key_id")
            if other and other != state.key_id:
                problems.append(N_("msg", "自审计记录 {id} 起使用了另一把审计密钥（在别的电脑上重新生成），本机无法核对。"
                                          "请输入新的恢复码。").format(id=fields[0]))
                return checked
        if prev_hash != prev:
            _problem_list(problems, N_("msg", "审计记录 {id} 之前的记录被删除或改动（链条断开）").format(id=fields[0]))
        if not hmac.compare_digest(entry_mac(state.key, prev_hash, seq, fields), h or ""):
            _problem_list(problems, N_("msg", "审计记录 {id} 的内容被改动过（签名不符）").format(id=fields[0]))
        prev = h
        checked += 1
    if state.file_key_id != state.key_id:
        problems.append(N_("msg", "数据文件记录的审计密钥与本机的不同"))
    return checked


# ---------------------------------------------------------------- reading (services.audit_view)
from .audit_view import (ACTIONS, KINDS, TABLE_LABELS, describe, export_xlsx, query, table_label,  # noqa: E402,F401
                         tables, users)
