"""The audit trail: every write through a service leaves who/when/what before → after, chained so tampering shows."""
import datetime as dt
import json
import sqlite3
import subprocess
import sys

import pytest
from conftest import db_location, other_connection
from openpyxl import load_workbook

from factories import admitted, bed, resident
from yiyang_desktop.services import audit
from yiyang_desktop.services.base import Context, ValidationError
from yiyang_desktop.services.residents import discharge, get_resident, update_resident
from yiyang_desktop.store.schema_accounts import drop_audit_triggers, install_audit_triggers


def entries(ctx, table=None):
    return audit.query(ctx, table=table, kind="changes", limit=None)


def all_entries(ctx):
    return audit.query(ctx, limit=None)


def test_service_writes_record_user_action_and_changed_fields(ctx):
    bed_id = bed(ctx)
    rid, stay_id = admitted(ctx, bed_id, dt.date(2026, 1, 5), name="李四")
    ins = [e for e in entries(ctx, "residents") if e["action"] == "insert"]
    assert len(ins) == 1 and ins[0]["user"] == "tester" and ins[0]["row_key"] == str(rid)
    assert ins[0]["new"]["name"] == "李四" and ins[0]["old"] == {}
    stays = entries(ctx, "stays")
    assert [e["action"] for e in stays] == ["insert"] and stays[0]["new"]["admission_date"] == "2026-01-05"

    before = get_resident(ctx, rid)
    update_resident(ctx, rid, before | {"name": "李四光", "phone": "13812345678"})
    upd = [e for e in entries(ctx, "residents") if e["action"] == "update"]
    assert len(upd) == 1
    assert upd[0]["old"] == {"name": "李四", "phone": before["phone"], "name_initials": "ls", "name_pinyin": "lisi"}
    assert upd[0]["new"] == {"name": "李四光", "phone": "13812345678", "name_initials": "lsg",
                             "name_pinyin": "lisiguang"}
    assert "姓名：李四 → 李四光" in upd[0]["changes"] and "{" not in upd[0]["changes"]  # labels, no JSON
    assert upd[0]["subject"] == "李四光"  # the resident's name, not an id
    assert dt.datetime.fromisoformat(upd[0]["at"]) == ctx.now()  # the time comes from the context's clock

    discharge(ctx, stay_id, {"discharge_date": dt.date(2026, 3, 1), "discharge_reason": "回家"})
    d = entries(ctx, "stays")[0]
    assert d["action"] == "update" and d["new"]["discharge_date"] == "2026-03-01" and d["old"]["discharge_date"] is None
    report = audit.verify_chain(ctx.db)
    assert report["ok"] and report["key"] == "ok" and report["unsealed"] == 0 and report["problems"] == []
    assert report["checked"] == report["length"] == len(all_entries(ctx))


def test_delete_is_recorded_with_the_old_values(ctx):
    from yiyang_desktop.services.beds import delete_bed
    bed_id = bed(ctx, room="305")
    delete_bed(ctx, bed_id)
    dels = [e for e in entries(ctx, "beds") if e["action"] == "delete"]
    assert len(dels) == 1 and dels[0]["old"]["room"] == "305" and dels[0]["new"] == {}


def test_an_update_that_changes_nothing_leaves_no_entry(ctx):
    rid = resident(ctx)
    n = len(entries(ctx))
    update_resident(ctx, rid, get_resident(ctx, rid))
    assert len(entries(ctx)) == n


def test_a_rolled_back_use_case_leaves_no_entry(ctx):
    bed_id = bed(ctx)
    admitted(ctx, bed_id, dt.date(2026, 1, 5))
    n = len(entries(ctx))
    with pytest.raises(ValidationError):  # the bed is taken: the whole use case rolls back
        with ctx.transaction():
            rid = resident(ctx, name="王五")
            from yiyang_desktop.services.residents import admit
            admit(ctx, rid, {"admission_date": dt.date(2026, 2, 1), "bed_id": bed_id})
    assert len(entries(ctx)) == n
    assert ctx.db.execute("SELECT user FROM audit_actor").fetchone()[0] == "system"
    assert audit.verify_chain(ctx.db)["ok"]


def test_writes_outside_a_use_case_are_by_system_and_unsealed(ctx):
    resident(ctx)
    ctx.db.execute("UPDATE residents SET note = 'by hand'")
    ctx.db.conn.commit()
    e = entries(ctx, "residents")[0]
    assert e["user"] == "system" and e["new"] == {"note": "by hand"} and not e["sealed"]
    report = audit.verify_chain(ctx.db)
    assert not report["ok"] and report["unsealed"] == 1 and "没有签名" in report["problems"][0]
    resident(ctx, name="赵六")  # a later use case does not seal (launder) the outside write
    assert audit.verify_chain(ctx.db)["unsealed"] == 1


def _tampered(ctx, sql):
    for _ in range(3):
        resident(ctx, name="钱七")
    assert audit.verify_chain(ctx.db)["ok"]
    ctx.db.execute(sql)
    ctx.db.conn.commit()
    return audit.verify_chain(ctx.db)


def test_an_edited_entry_is_detected(ctx):
    report = _tampered(ctx, "UPDATE audit_log SET user = 'someone' WHERE id = (SELECT MAX(id) - 1 FROM audit_log)")
    assert not report["ok"] and any("内容被改动" in p for p in report["problems"])


def test_a_deleted_entry_is_detected(ctx):
    report = _tampered(ctx, "DELETE FROM audit_log WHERE id = (SELECT MAX(id) - 1 FROM audit_log)")
    assert not report["ok"] and any("链条断开" in p for p in report["problems"])


def test_the_last_entries_cut_off_are_detected(ctx):
    report = _tampered(ctx, "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
    assert not report["ok"] and any("最后的审计记录" in p for p in report["problems"])


def test_an_entry_inserted_by_hand_is_detected(ctx):
    report = _tampered(ctx, "INSERT INTO audit_log (user, action, tbl, row_key, new, prev_hash, hash) "
                            "VALUES ('x', 'insert', 'residents', '99', '{}', 'ab', 'cd')")
    assert not report["ok"]


def test_yiyang_check_reports_a_broken_chain(demo_ctx, tmp_path):
    path = db_location(demo_ctx.db)
    run = lambda: subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", path, "check"],  # noqa: E731
                                 capture_output=True, text=True)
    con = other_connection(demo_ctx.db)  # for the tampering below, as another program would
    demo_ctx.db.close()
    ok = run()
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert json.loads(ok.stdout)["audit"]["checked"] > 1000
    con.execute("UPDATE audit_log SET at = '2020-01-01 08:00:00' WHERE id = 50")  # an entry's time rewritten
    con.commit()
    con.close()
    bad = run()
    report = json.loads(bad.stdout)
    assert bad.returncode == 1 and not report["ok"]
    assert any("审计记录 50 的内容被改动过" in p for p in report["audit"]["problems"])


@pytest.mark.sqlite_only(reason="the SQLite triggers (the server's one trigger: test_pg_store.py)")
def test_triggers_cover_every_table_and_reinstall_is_idempotent(ctx):
    from yiyang_desktop.services.audit import AuditUnavailable
    tables = {r[0] for r in ctx.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%'")} - {"audit_log", "audit_actor", "app_meta"}
    def trig():
        return {r[0] for r in ctx.db.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                                             "AND name LIKE 'audit_trg_%'")}
    assert trig() == tables
    with ctx.db.atomic():
        install_audit_triggers(ctx.db)
    assert trig() == tables
    n = ctx.db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'audit_trg_%'").fetchone()[0]
    assert n == 3 * len(tables)
    with ctx.db.atomic():
        drop_audit_triggers(ctx.db)
    before = ctx.db.execute("SELECT COUNT(*) FROM residents").fetchone()[0]
    with pytest.raises(AuditUnavailable, match="审计触发器缺失"):  # no use case writes while they are missing
        resident(ctx)
    assert ctx.db.execute("SELECT COUNT(*) FROM residents").fetchone()[0] == before
    assert any("审计触发器缺失" in p for p in audit.verify_chain(ctx.db)["problems"])
    with ctx.db.atomic():
        install_audit_triggers(ctx.db)  # the bulk writers' switch puts them back in the same transaction
    resident(ctx)
    assert audit.verify_chain(ctx.db)["ok"]


def test_passwords_never_enter_the_trail(ctx):
    from yiyang_desktop.services.accounts import create_user, reset_password
    from yiyang_desktop.clock import FixedClock
    uid = create_user(ctx, "nurse1", "secret-1x", "护理")
    later = Context(ctx.db, user="tester", role="管理员", clock=FixedClock(ctx.now() + dt.timedelta(minutes=5)))
    reset_password(later, uid, "another-2x")
    rows = ctx.db.execute("SELECT old, new FROM audit_log").fetchall()
    text = json.dumps(rows, ensure_ascii=False)
    assert "scrypt" not in text and "password_hash" not in text and "***" not in text  # not even a placeholder
    upd = entries(ctx, "users")[0]
    assert upd["action"] == "update" and "密码已修改" in upd["changes"]


def test_query_filters_and_excel_export(ctx, tmp_path):
    resident(ctx, name="孙八")
    other = Context(ctx.db, user="clerk", role="登记员", clock=ctx.clock)
    bed(other, room="201")
    assert {e["user"] for e in audit.query(ctx, user="clerk")} == {"clerk"}
    assert {e["table"] for e in audit.query(ctx, table="beds")} == {"beds"}
    today = ctx.today()
    assert audit.query(ctx, start=today + dt.timedelta(days=1)) == []
    assert len(audit.query(ctx, start=today, end=today)) == len(all_entries(ctx))
    rows = audit.query(ctx, user="clerk")
    out = audit.export_xlsx(ctx, tmp_path / "a.xlsx", user="clerk")
    ws = load_workbook(out["path"]).active
    assert [c.value for c in ws[1]][:5] == ["编号", "时间", "用户", "操作", "数据表"]
    assert ws.max_row == len(rows) + 2 == out["entries"] + 2 and ws.cell(ws.max_row, 1).value == f"共 {len(rows)} 条"
    assert {ws.cell(r, 3).value for r in range(2, ws.max_row)} == {"clerk"}
    assert "房间：201" in " ".join(str(ws.cell(r, 7).value) for r in range(2, ws.max_row + 1))
    exported = audit.query(ctx, kind="export")[0]  # the export itself is in the trail: what, by whom, where
    assert exported["user"] == "tester" and exported["new"]["path"] == str((tmp_path / "a.xlsx").resolve())
    assert exported["new"]["rows"] == len(rows)


def test_the_demo_trail_is_complete_and_sealed(demo_ctx):
    report = audit.verify_chain(demo_ctx.db)
    assert report["ok"] and report["unsealed"] == 0
    n_res = demo_ctx.db.execute("SELECT COUNT(*) FROM residents").fetchone()[0]
    assert len(audit.query(demo_ctx, table="residents", limit=None)) >= n_res
