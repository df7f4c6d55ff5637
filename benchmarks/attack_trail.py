"""Rewriting the audit trail, each way on a fresh copy (part of benchmarks/attack_access.py)."""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from yiyang_desktop.services import accounts as A  # noqa: E402
from yiyang_desktop.services.base import Context  # noqa: E402
from yiyang_desktop.store.db import open_db  # noqa: E402

from attack_common import CLOCK, run_cli  # noqa: E402

# ---------------------------------------------------------------- rewriting the trail

def _head(con):
    row = con.execute("SELECT value FROM app_meta WHERE key = 'audit_head'").fetchone()
    return row[0] if row else None


def _order(con) -> str:
    return "seq" if any(c[1] == "seq" for c in con.execute("PRAGMA table_info(audit_log)")) else "id"


def _sealed(con):
    o = _order(con)
    return con.execute(f"SELECT id, {o}, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY {o}").fetchall()


def _cut_tail(con, n: int = 5, keep_sig: bool = False) -> None:
    rows = _sealed(con)
    for rid, _pos, _h in rows[-n:]:
        con.execute("DELETE FROM audit_log WHERE id = ?", [rid])
    _rid, pos, h = rows[-n - 1]
    old = (_head(con) or "").split(":")
    new = [str(pos), h] + (old[2:] if keep_sig else [])
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", [":".join(new)])


def _rehash_unkeyed(con) -> None:
    """Edit an entry, then recompute every hash with the unkeyed sha256 formula (the older versions' chain)."""
    rows = _sealed(con)
    con.execute("UPDATE audit_log SET new = json_set(new, '$.name', '改过') WHERE id = ?", [rows[len(rows) // 2][0]])
    prev = None
    for rid, pos, _h in rows:
        r = con.execute("SELECT id, at, user, action, tbl, row_key, old, new FROM audit_log WHERE id = ?", [rid]).fetchone()
        canonical = json.dumps(list(r), ensure_ascii=False, separators=(",", ":"))
        h = hashlib.sha256(((prev or "") + "\n" + canonical).encode()).hexdigest()
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, h, rid])
        prev, last = h, pos
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", [f"{last}:{prev}"])


def _remac_own_key(con) -> None:
    """Edit an entry, then re-sign the whole chain with a key of the attacker's own (the formula is public)."""
    import hmac
    key = os.urandom(32)
    rows = _sealed(con)
    con.execute("UPDATE audit_log SET user = 'someone' WHERE id = ?", [rows[len(rows) // 2][0]])
    keyed = _order(con) == "seq"
    prev = None
    for rid, pos, _h in rows:
        r = con.execute("SELECT id, at, user, action, tbl, row_key, old, new FROM audit_log WHERE id = ?", [rid]).fetchone()
        values = [pos, *r] if keyed else list(r)
        text = (prev or "") + "\n" + json.dumps(values, ensure_ascii=False, separators=(",", ":"))
        h = hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, h, rid])
        prev, last = h, pos
    kid = hmac.new(key, b"yiyang-audit-key-id", hashlib.sha256).hexdigest()[:16]
    con.execute("UPDATE audit_log SET row_key = ? WHERE action = 'key'", [kid])
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_key_id'", [kid])
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", [f"{last}:{prev}"])


def _triggers(con, sql_each) -> None:
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_trg_%'")]
    saved = {n: con.execute("SELECT sql FROM sqlite_master WHERE name = ?", [n]).fetchone()[0] for n in names}
    for n in names:
        con.execute(f'DROP TRIGGER "{n}"')
    sql_each(con)
    for n, sql in saved.items():
        con.execute(sql)


def _admin_insert(con) -> None:
    con.execute("INSERT INTO users (username, display_name, role, password_hash) VALUES ('mole', 'x', '管理员', "
                "(SELECT password_hash FROM users WHERE username = 'viewer'))")


def tamperings() -> dict:
    """name → function(con) applied to a copy of the file."""
    return {
        "edit an entry": lambda c: c.execute("UPDATE audit_log SET user = 'someone' WHERE id = "
                                             "(SELECT MAX(id) - 3 FROM audit_log WHERE hash IS NOT NULL)"),
        "edit the values of an entry": lambda c: c.execute(
            "UPDATE audit_log SET new = json_set(COALESCE(new, '{}'), '$.x', 1) WHERE id = "
            "(SELECT MIN(id) + 10 FROM audit_log)"),
        "delete an entry in the middle": lambda c: c.execute(
            "DELETE FROM audit_log WHERE id = (SELECT MAX(id) - 3 FROM audit_log WHERE hash IS NOT NULL)"),
        "delete the last entry": lambda c: c.execute(
            "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log WHERE hash IS NOT NULL)"),
        "cut the tail and move the head": lambda c: _cut_tail(c),
        "cut the tail and move the head, keeping its signature": lambda c: _cut_tail(c, keep_sig=True),
        "cut the tail, move the head, drop the returns' anchors": lambda c: (
            _cut_tail(c), c.execute("DELETE FROM audit_anchors") if _has(c, "audit_anchors") else None),
        "delete every entry": lambda c: c.execute("DELETE FROM audit_log"),
        "delete every entry and the head": lambda c: (c.execute("DELETE FROM audit_log"),
                                                      c.execute("DELETE FROM app_meta WHERE key = 'audit_head'")),
        "delete every entry and every audit record in app_meta": lambda c: (
            c.execute("DELETE FROM audit_log"), c.execute("DELETE FROM app_meta WHERE key LIKE 'audit%'"),
            c.execute("DELETE FROM audit_anchors") if _has(c, "audit_anchors") else None),
        "delete everything and give the file a new identity": lambda c: (
            c.execute("DELETE FROM audit_log"), c.execute("DELETE FROM app_meta WHERE key LIKE 'audit%'"),
            c.execute("UPDATE app_meta SET value = 'aaaaaaaa-0000-4000-8000-000000000000' WHERE key = 'file_id'")),
        "re-hash after an edit (unkeyed formula)": _rehash_unkeyed,
        "re-sign after an edit with one's own key": _remac_own_key,
        "insert a forged entry": lambda c: c.execute(
            "INSERT INTO audit_log (at, user, action, tbl, row_key, new, prev_hash, hash) "
            "VALUES ('2026-11-23 09:00:00', 'x', 'insert', 'residents', '99', '{}', 'ab', 'cd')"),
        "swap two entries' positions": lambda c: _swap(c),
        "delete an entry and close the gap": lambda c: _close_gap(c),
        "insert an administrator": _admin_insert,
        "insert an administrator with the triggers off": lambda c: _triggers(c, _admin_insert),
        "promote a user with the triggers off": lambda c: _triggers(
            c, lambda x: x.execute("UPDATE users SET role = '管理员' WHERE username = 'viewer'")),
        "take over an account's password with the triggers off": lambda c: _triggers(
            c, lambda x: x.execute("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE "
                                   "username = 'viewer') WHERE username = 'admin'")),
        "change a resident with the triggers off and back on": lambda c: _triggers(
            c, lambda x: x.execute("UPDATE residents SET name = '改名' WHERE id = (SELECT MIN(id) FROM residents)")),
        "drop every audit trigger": lambda c: [c.execute(f'DROP TRIGGER "{n}"') for (n,) in c.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_trg_%'").fetchall()],
        "drop one audit trigger": lambda c: c.execute('DROP TRIGGER "audit_trg_residents_upd"'),
        "replace a trigger with one that records nothing": lambda c: (
            c.execute('DROP TRIGGER "audit_trg_users_ins"'),
            c.execute('CREATE TRIGGER "audit_trg_users_ins" AFTER INSERT ON users BEGIN SELECT 1; END')),
        "add a trigger that erases new entries": lambda c: c.execute(
            "CREATE TRIGGER zz_erase AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log WHERE id = NEW.id; END"),
        "roll the trail back to an older backup's head": None,  # these three: see attack_tamper
        "roll the trail back to an older backup's head, keeping the schema record": None,
        "edit a backup's anchor": None,
    }


def _has(con, table: str) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() is not None


def _swap(con) -> None:
    o = _order(con)
    rows = _sealed(con)
    a, b = rows[-4], rows[-3]
    con.execute(f"UPDATE audit_log SET {o} = -1 WHERE id = ?", [a[0]]) if o == "seq" else None
    if o == "seq":
        con.execute("UPDATE audit_log SET seq = ? WHERE id = ?", [a[1], b[0]])
        con.execute("UPDATE audit_log SET seq = ? WHERE id = ?", [b[1], a[0]])
    else:
        ra = con.execute("SELECT at, user, action, tbl, row_key, old, new, prev_hash, hash FROM audit_log WHERE id = ?",
                         [a[0]]).fetchone()
        rb = con.execute("SELECT at, user, action, tbl, row_key, old, new, prev_hash, hash FROM audit_log WHERE id = ?",
                         [b[0]]).fetchone()
        for rid, r in ((a[0], rb), (b[0], ra)):
            con.execute("UPDATE audit_log SET at=?, user=?, action=?, tbl=?, row_key=?, old=?, new=?, prev_hash=?, "
                        "hash=? WHERE id = ?", [*r, rid])


def _close_gap(con) -> None:
    o = _order(con)
    rows = _sealed(con)
    victim = rows[-5]
    con.execute("DELETE FROM audit_log WHERE id = ?", [victim[0]])
    if o == "seq":
        for rid, pos, _h in rows[-4:]:
            con.execute("UPDATE audit_log SET seq = ? WHERE id = ?", [pos - 1, rid])
    nxt = rows[-4]
    con.execute("UPDATE audit_log SET prev_hash = ? WHERE id = ?", [rows[-6][2], nxt[0]])
    last = con.execute(f"SELECT {o}, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY {o} DESC LIMIT 1").fetchone()
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", [f"{last[0]}:{last[1]}"])


_found: dict[str, str] = {}


def _check(path: Path) -> bool:
    """True when ``yiyang check`` reports a problem (or refuses the file); the first finding is kept."""
    from yiyang_desktop import cli
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli.main(["--db", str(path), "check"])
    try:
        report = json.loads(out.getvalue())
        _found[str(path)] = ((report.get("audit") or {}).get("problems") or [str(report.get("integrity"))])[0]
    except ValueError:
        _found[str(path)] = err.getvalue().strip()[:200]
    return rc != 0


def attack_tamper(work: Path, prepared: dict, tally: dict) -> None:
    from yiyang_desktop.services import backup as bk
    base = work / "tamper-base" / "yiyang.db"
    base.parent.mkdir(exist_ok=True)
    shutil.copy(prepared["master"], base)
    ctx = Context(open_db(base), clock=CLOCK)
    A.login(ctx, "admin", "demo")
    older = Path(bk.make_backup(ctx, base, now=dt.datetime(2026, 11, 21, 10))["path"])  # kept by rotation
    from yiyang_desktop.services.residents import get_resident, update_resident
    rid = ctx.db.execute("SELECT MIN(id) FROM residents").fetchone()[0]
    for i in range(8):
        r = get_resident(ctx, rid)
        update_resident(ctx, rid, r | {"note": f"note {i}"})
    newer = Path(bk.make_backup(ctx, base, now=dt.datetime(2026, 11, 23, 11))["path"])
    ctx.db.close()
    if _check(base):
        tally["tamper"] = {"tried": 0, "detected": 0, "undetected": ["the untouched file already fails the check"]}
        return
    tried, detected, undetected, findings = 0, 0, [], {}
    for name, apply in tamperings().items():
        case = work / "tamper" / re.sub(r"\W+", "-", name) / "yiyang.db"
        case.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(base, case)
        run_cli(["--db", case, "census"], "admin", "demo", {})  # the program has used the file where it lies
        if _check(case):
            undetected.append(f"{name}: the copy failed the check before it was touched")
            continue
        if apply is not None:
            con = sqlite3.connect(case)
            try:
                apply(con)
                con.commit()
            finally:
                con.close()
        elif name == "edit a backup's anchor":
            shutil.copy(newer, work / "newer.keep")
            con = sqlite3.connect(newer)
            row = con.execute("SELECT value FROM app_meta WHERE key = 'audit_anchor'").fetchone()
            if row:
                a = json.loads(row[0])
                a["seq"] = max(1, a["seq"] - 3)
                con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_anchor'", [json.dumps(a)])
                con.commit()
            con.close()
        else:  # the older backup's trail and head put back into the file: as if the later entries never were
            con = sqlite3.connect(case)
            con.execute("ATTACH ? AS old", [str(older)])
            con.execute("DELETE FROM audit_log")
            con.execute("INSERT INTO audit_log SELECT * FROM old.audit_log")
            keys = ("audit_head", "audit_accounts") if "keeping" in name else ("audit_head", "audit_schema",
                                                                              "audit_accounts")
            for key in keys:
                con.execute("DELETE FROM app_meta WHERE key = ?", [key])
                con.execute("INSERT INTO app_meta SELECT * FROM old.app_meta WHERE key = ?", [key])
            con.commit()
            con.execute("DETACH old")
            con.close()
        tried += 1
        found = _check(case)
        findings[name] = _found.get(str(case), "") if found else ""
        if name == "drop every audit trigger" and found:
            found = _write_refused(case)
        detected += found
        if not found:
            undetected.append(name)
        if name == "edit a backup's anchor":
            shutil.copy(work / "newer.keep", newer)
    tally["tamper"] = {"tried": tried, "detected": detected, "undetected": undetected, "findings": findings}


def _write_refused(path: Path) -> bool:
    """With the triggers gone, a use case must be refused (not write unrecorded)."""
    ctx = Context(open_db(path), clock=CLOCK)
    try:
        A.login(ctx, "admin", "demo")
        from yiyang_desktop.services.institution import get_institution, save_institution
        save_institution(ctx, get_institution(ctx) | {"name": "无记录的修改"})
        return False
    except Exception:  # noqa: BLE001 - refused
        return True
    finally:
        ctx.db.close()


