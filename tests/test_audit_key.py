"""The audit key: kept outside the data file (key file 0600 or the OS credential store), one per file identity,
a recovery code shown once, installed on another computer; a computer without it saves nothing."""
from __future__ import annotations

import datetime as dt
import json
import stat

import pytest

from factories import bed, resident
from yiyang_desktop import keystore
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services import accounts as A
from yiyang_desktop.services import audit, audit_key
from yiyang_desktop.services.audit import AuditUnavailable
from yiyang_desktop.services.base import Context, PermissionDenied, ValidationError
from yiyang_desktop.store.db import open_db

NOW = dt.datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def other_pc(tmp_path, monkeypatch):
    """Switch to "another computer": an empty key store of its own."""
    def switch():
        monkeypatch.setenv("YIYANG_CONFIG_DIR", str(tmp_path / "other-pc"))
        audit_key._remembered.clear()
    return switch


def admin_file(path):
    ctx = Context(open_db(path), clock=FixedClock(NOW))
    A.create_first_admin(ctx, "boss", "boss-pass")
    A.login(ctx, "boss", "boss-pass")
    return ctx


def test_the_key_lives_outside_the_file_readable_by_this_user_only(tmp_path):
    ctx = admin_file(tmp_path / "a.db")
    st = audit_key.state(ctx.db)
    assert st.can_seal and st.file_key_id == keystore.key_id(st.key)
    note = keystore.keys_dir() / f"{st.file_id}.json"
    assert stat.S_IMODE(note.stat().st_mode) == 0o600 and stat.S_IMODE(note.parent.stat().st_mode) == 0o700
    raw = (tmp_path / "a.db").read_bytes()
    assert st.key not in raw and keystore.recovery_code(st.key).replace("-", "").encode() not in raw
    assert json.loads(note.read_text())["backend"] == "file"


def test_recovery_code_round_trip_and_typing_mistakes():
    key = keystore.new_key()
    code = keystore.recovery_code(key)
    groups = code.split("-")
    assert len(groups) == 14 and all(len(g) == 4 for g in groups)
    assert keystore.parse_recovery_code(code) == key
    assert keystore.parse_recovery_code(" " + code.lower().replace("-", " ") + " ") == key
    typo = code[:5] + ("A" if code[5] != "A" else "B") + code[6:]
    with pytest.raises(keystore.BadRecoveryCode):
        keystore.parse_recovery_code(typo)  # the check digits catch a mistyped character
    with pytest.raises(keystore.BadRecoveryCode):
        keystore.parse_recovery_code(code[:-5])


def test_code_is_shown_once_to_an_administrator(tmp_path):
    ctx = admin_file(tmp_path / "a.db")
    clerk = Context(ctx.db, user="c", role="登记员", clock=ctx.clock)
    with pytest.raises(PermissionDenied):
        audit_key.take_recovery_code(clerk)
    code = audit_key.take_recovery_code(ctx)
    assert keystore.parse_recovery_code(code) == audit_key.state(ctx.db).key
    assert audit_key.take_recovery_code(ctx) is None  # once


def test_another_computer_reads_but_saves_nothing_until_the_code_is_typed(tmp_path, other_pc):
    path = tmp_path / "a.db"
    ctx = admin_file(path)
    bed(ctx, room="101")
    code = audit_key.take_recovery_code(ctx)
    A.create_user(ctx, "clerk", "clerk-pass", "登记员", must_change=False)
    ctx.db.close()
    other_pc()
    db = open_db(path)
    clerk = Context(db, clock=FixedClock(NOW))
    A.login(clerk, "clerk", "clerk-pass")  # signing in works (and counts wrong passwords) …
    with pytest.raises(Exception):
        A.login(Context(db, clock=FixedClock(NOW)), "clerk", "nope")
    assert db.execute("SELECT failed_count FROM users WHERE username = 'clerk'").fetchone()[0] == 1
    from yiyang_desktop.services.beds import list_beds
    assert [b["room"] for b in list_beds(clerk)] == ["101"]  # … reading works …
    n = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(AuditUnavailable, match="恢复码"):  # … saving does not, and nothing is half-written
        bed(clerk, room="102")
    assert db.execute("SELECT COUNT(*) FROM beds").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == n
    report = audit.verify_chain(db)
    assert report["key"] == "missing" and not report["ok"]
    assert audit_key.describe_state(db)["status"] == "missing"
    with pytest.raises(ValidationError) as bad:
        audit_key.install(db, code[:-1] + ("A" if code[-1] != "A" else "B"))
    assert "code" in bad.value.by_field()
    with pytest.raises(ValidationError, match="不是本数据文件"):
        audit_key.install(db, keystore.recovery_code(keystore.new_key()))
    audit_key.install(db, code)
    bed(clerk, room="102")
    assert audit.verify_chain(db)["ok"]
    db.close()


def test_a_replaced_key_is_needed_everywhere_and_the_old_entries_are_noted(tmp_path, other_pc):
    path = tmp_path / "a.db"
    ctx = admin_file(path)
    bed(ctx)
    code = audit_key.take_recovery_code(ctx)
    new_code = audit_key.replace(ctx)
    assert new_code != code
    report = audit.verify_chain(ctx.db)
    assert report["ok"] and any("旧审计密钥" in n for n in report["notes"])
    entry = audit.query(ctx, kind="system")[0]
    assert entry["action"] == "key" and "更换审计密钥" in entry["changes"]
    ctx.db.close()
    other_pc()
    db = open_db(path)
    with pytest.raises(ValidationError, match="不是本数据文件"):
        audit_key.install(db, code)  # the old code no longer fits
    audit_key.install(db, new_code)
    assert audit.verify_chain(db)["ok"]
    db.close()


def test_the_os_credential_store_is_used_when_there_is_one(tmp_path, credential_store):
    ctx = admin_file(tmp_path / "a.db")
    st = audit_key.state(ctx.db)
    note = json.loads((keystore.keys_dir() / f"{st.file_id}.json").read_text())
    assert note["backend"] == "keyring" and "key" not in note  # the key itself is not in the config folder
    assert credential_store[(keystore.KEYRING_SERVICE, st.file_id)]
    bed(ctx)
    assert audit.verify_chain(ctx.db)["ok"] and audit_key.describe_state(ctx.db)["backend"] == "keyring"
    ctx.db.close()


def test_a_file_from_before_keys_is_upgraded_and_its_old_entries_stay_protected(tmp_path, monkeypatch):
    """A file sealed with the unkeyed sha256 chain (data versions before #15): the first save makes the key; the
    old entries are pinned by the first keyed entry, so editing and re-hashing them is still found."""
    import sqlite3

    from yiyang_desktop.store import db as dbmod
    path = tmp_path / "old.db"
    keyed = [m.__name__ for m in dbmod.MIGRATIONS].index("m_audit_keyed")
    monkeypatch.setattr(dbmod, "MIGRATIONS", dbmod.MIGRATIONS[:keyed])  # the steps before keys
    db = open_db(path)
    ctx = Context(db, user="tester", role="管理员", clock=FixedClock(NOW))
    old_seal = audit.seal

    def sha_seal(d, since):  # what the older version did: sha256, chained in id order
        rows = d.execute("SELECT id, at, user, action, tbl, row_key, old, new FROM audit_log WHERE id > ? AND "
                         "hash IS NULL ORDER BY id", [since]).fetchall()
        d.execute("UPDATE audit_actor SET user = 'system', at = NULL WHERE id = 1")
        head = d.execute("SELECT value FROM app_meta WHERE key = 'audit_head'").fetchone()
        prev = head[0].partition(":")[2] if head else None
        for r in rows:
            h = audit.entry_hash(prev, r)
            d.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, h, r[0]])
            prev = h
        if rows:
            d.execute("INSERT INTO app_meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET "
                      "value = excluded.value", [f"{rows[-1][0]}:{prev}"])
        return len(rows)
    monkeypatch.setattr(audit, "seal", sha_seal)
    monkeypatch.setattr(audit, "_check_triggers", lambda d: None)
    monkeypatch.setattr(audit_key, "state", lambda d, **kw: audit_key.KeyState(None, None, None, None))
    for room in ("101", "102", "103"):
        bed(ctx, room=room)
    db.close()
    monkeypatch.undo()
    assert audit.seal is old_seal
    db = open_db(path)  # migrated: positions given in id order, the head converted
    ctx = Context(db, user="tester", role="管理员", clock=FixedClock(NOW))
    report = audit.verify_chain(db)
    assert report["ok"] and report["key"] == "none" and report["checked"] == 6
    bed(ctx, room="104")  # the first save makes the key
    marker = audit.query(ctx, kind="system")[0]
    assert marker["action"] == "key" and marker["new"]["prev"] == "sha256" and marker["new"]["length"] == 6
    assert audit.verify_chain(db)["ok"]
    db.close()
    con = sqlite3.connect(path)  # edit an old entry and re-hash the old part with the unkeyed formula
    con.execute("UPDATE audit_log SET new = json_set(new, '$.room', '999') WHERE seq = 2")
    prev = None
    for rid, *fields in con.execute("SELECT id, at, user, action, tbl, row_key, old, new FROM audit_log "
                                    "WHERE seq <= 6 ORDER BY seq").fetchall():
        h = audit.entry_hash(prev, [rid, *fields])
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, h, rid])
        prev = h
    con.commit()
    con.close()
    db = open_db(path)
    report = audit.verify_chain(db)
    assert not report["ok"] and any("链条断开" in p for p in report["problems"])  # the keyed entry pins them
    db.close()


def test_a_lost_key_record_is_not_laundered_by_the_next_save(tmp_path):
    import sqlite3
    path = tmp_path / "a.db"
    ctx = admin_file(path)
    resident(ctx)
    ctx.db.close()
    con = sqlite3.connect(path)
    con.execute("DELETE FROM audit_log")
    con.execute("DELETE FROM app_meta WHERE key LIKE 'audit%'")
    con.commit()
    con.close()
    db = open_db(path)
    ctx = Context(db, user="boss", role="管理员", clock=FixedClock(NOW))
    with pytest.raises(AuditUnavailable, match="密钥记录不见了"):
        resident(ctx, name="王五")  # a fresh chain would hide what was deleted
    assert not audit.verify_chain(db)["ok"]
    db.close()


def test_the_cli_installs_the_key_from_the_code(tmp_path, other_pc):
    from test_accounts import cli
    path = tmp_path / "a.db"
    ctx = admin_file(path)
    code = audit_key.take_recovery_code(ctx)
    ctx.db.close()
    other_pc()
    out = cli("--db", path, "audit", "key", user="boss", password="boss-pass")
    assert out.returncode == 0 and json.loads(out.stdout)["status"] == "missing"
    out = cli("--db", path, "audit", "install-key", user="boss", password="boss-pass", YIYANG_RECOVERY_CODE="XXXX")
    assert out.returncode == 2 and "恢复码有误" in out.stderr
    out = cli("--db", path, "audit", "install-key", user="boss", password="boss-pass", YIYANG_RECOVERY_CODE=code)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["status"] == "ok"
    out = cli("--db", path, "user", "add", "anna", "--role", "只读", user="boss", password="boss-pass",
              YIYANG_NEW_PASSWORD="anna-pass-1")
    assert out.returncode == 0, out.stderr
    assert json.loads(cli("--db", path, "check").stdout)["audit"]["ok"]


@pytest.mark.sqlite_only(reason="file backups as anchors (the server's: test_pg_backup.py)")
def test_backups_and_returns_anchor_the_chain_and_a_restore_is_not_a_false_alarm(demo_ctx, tmp_path, data_folder):
    from yiyang_desktop.services import backup as bk
    from yiyang_desktop.services import returns as RT
    from yiyang_desktop.services.audit_anchors import check_all
    from yiyang_desktop.store.db import db_file
    path = db_file(demo_ctx.db)
    RT.submit_return(demo_ctx, RT.compute_return(demo_ctx, 2026, 9), "")
    first = bk.make_backup(demo_ctx, path, now=dt.datetime(2026, 11, 20, 8))
    listed = bk.list_backups(path)
    anchor = listed[0]["audit_anchor"]
    assert anchor and anchor["signature"] and anchor["seq"] == audit.verify_chain(demo_ctx.db)["length"]
    for n in range(3):
        resident(demo_ctx, name=f"新来{n}")
    bk.make_backup(demo_ctx, path, now=dt.datetime(2026, 11, 22, 8))
    found = check_all(demo_ctx.db, path)
    assert found["anchors"] == 3 and found["checked"] == 3 and found["problems"] == []
    result = bk.restore(demo_ctx, path, first["path"], now=NOW)  # the newer history is replaced on purpose
    assert result["trail_warning"] is None
    report = audit.verify_chain(demo_ctx.db)
    found = check_all(demo_ctx.db, path)
    assert report["ok"] and found["problems"] == [], found
    assert any("被恢复操作替换" in n for n in found["notes"])  # the newer backup's anchor: set aside, said
    entry = audit.query(demo_ctx, kind="system")[0]
    assert entry["action"] == "restore" and "恢复数据文件" in entry["changes"]


def test_entries_an_upgrade_writes_are_signed_by_the_next_save(tmp_path, monkeypatch):
    """A migration step that corrects records (here: one that renames a resident) writes entries outside any use
    case; they are the program's own, reported as waiting, and signed by the next save — not called tampering."""
    from yiyang_desktop.store import db as dbmod
    path = tmp_path / "a.db"
    ctx = admin_file(path)
    rid = resident(ctx, name="曾素芬")
    ctx.db.close()

    def m_fix(db):
        db.execute("UPDATE residents SET note = 'fixed by the upgrade' WHERE id = ?", [rid])
    monkeypatch.setattr(dbmod, "MIGRATIONS", [*dbmod.MIGRATIONS, m_fix])
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", len(dbmod.MIGRATIONS))
    db = open_db(path)
    report = audit.verify_chain(db)
    assert report["ok"] and report["unsealed"] == 0 and any("升级时改写了 1 条" in n for n in report["notes"])
    ctx = Context(db, user="boss", role="管理员", clock=FixedClock(NOW))
    bed(ctx)
    report = audit.verify_chain(db)
    assert report["ok"] and report["notes"] == []
    fixed = [e for e in audit.query(ctx, table="residents") if e["action"] == "update"][0]
    assert fixed["sealed"] and fixed["user"] == "system" and "fixed by the upgrade" in fixed["changes"]
    db.close()
