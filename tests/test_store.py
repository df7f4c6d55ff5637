"""The SQLite file: migrations from empty, pragmas, refusing foreign/newer/corrupt files, constraints."""
import sqlite3

import pytest
from conftest import INTEGRITY_ERRORS, refusal_text

from yiyang_desktop.store.db import StoreError, connect, integrity_report, meta, open_db, schema_version
from yiyang_desktop.store.schema import SCHEMA_VERSION


def test_new_file_is_migrated_with_wal_and_foreign_keys(db_path):
    db = open_db(db_path)
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert meta(db, "app_id") == "yiyang" and meta(db, "is_demo") == "0"
    assert {"beds", "bed_type_changes", "residents", "stays", "bed_assignments", "leaves", "staff"} <= set(db.table_names())
    assert integrity_report(db)["ok"]
    db.close()


def test_reopening_keeps_data(db_path):
    db = open_db(db_path)
    db.execute("UPDATE institution SET name = '测试' WHERE id = 1")
    db.conn.commit()
    db.close()
    db = open_db(db_path)
    assert db.execute("SELECT name FROM institution").fetchone()[0] == "测试"


def test_text_file_is_refused_and_left_untouched(tmp_path):
    p = tmp_path / "notes.db"
    p.write_bytes(b"just some text, not a database")
    with pytest.raises(StoreError, match="不是医养台账"):
        open_db(p)
    assert p.read_bytes() == b"just some text, not a database"


def test_other_sqlite_database_is_refused(tmp_path):
    p = tmp_path / "other.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE foo (x)")
    con.commit()
    con.close()
    before = p.read_bytes()
    with pytest.raises(StoreError, match="其他程序"):
        open_db(p)
    assert p.read_bytes() == before


def test_file_from_a_newer_version_is_refused(db_path):
    db = open_db(db_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="更新版本"):
        open_db(db_path)


def test_corrupt_file_is_refused(db_path):
    db = open_db(db_path)
    db.execute("INSERT INTO settings VALUES ('x', '1')")
    db.conn.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096 * 2] = b"\xff" * (4096 * 2 - 100)  # smash the schema page
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        open_db(db_path)


def test_missing_file_without_create(tmp_path):
    with pytest.raises(StoreError, match="找不到"):
        open_db(tmp_path / "none.db", create=False)


def test_migration_copies_the_file_first(db_path, monkeypatch):
    from yiyang_desktop.store import db as dbmod, schema
    db = open_db(db_path)
    db.close()

    def m002(d):
        d.execute("CREATE TABLE extra (x)")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, m002])
    monkeypatch.setattr(dbmod, "MIGRATIONS", [*schema.MIGRATIONS])
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    db = dbmod.open_db(db_path)
    assert schema_version(db) == SCHEMA_VERSION + 1 and "extra" in db.table_names()
    copies = list(db_path.parent.glob("test.before-v*"))
    assert len(copies) == 1
    old = connect(copies[0])
    assert schema_version(old) == SCHEMA_VERSION and "extra" not in old.table_names()


def _bed(db, room="101"):
    bed_id = db["beds"].insert({"room": room, "number": "1", "service_date": "2026-01-01"}).last_pk
    db["bed_type_changes"].insert({"bed_id": bed_id, "effective_date": "2026-01-01", "bed_type": "养老床位"})
    return bed_id


def _resident(db, n):
    return db["residents"].insert({"name": f"老人{n}", "sex": "女", "id_number": f"X{n}", "birth_date": "1940-01-01"}).last_pk


def test_store_refuses_overlapping_stays_of_one_person(ctx):
    db = ctx.db
    r = _resident(db, 1)
    db["stays"].insert({"resident_id": r, "admission_date": "2026-01-01", "discharge_date": "2026-02-01",
                        "discharge_reason": "回家"})
    with pytest.raises(INTEGRITY_ERRORS) as refused:
        db["stays"].insert({"resident_id": r, "admission_date": "2026-01-20"})
    assert "重叠" in refusal_text(refused.value)
    db["stays"].insert({"resident_id": r, "admission_date": "2026-02-01"})  # back on the day of discharge: fine
    with pytest.raises(INTEGRITY_ERRORS) as refused:
        db["stays"].insert({"resident_id": r, "admission_date": "2026-03-01"})  # two open stays
    assert "重叠" in refusal_text(refused.value)


def test_store_refuses_two_residents_in_one_bed(ctx):
    db = ctx.db
    b = _bed(db)
    s1 = db["stays"].insert({"resident_id": _resident(db, 1), "admission_date": "2026-01-01"}).last_pk
    s2 = db["stays"].insert({"resident_id": _resident(db, 2), "admission_date": "2026-01-05"}).last_pk
    db["bed_assignments"].insert({"stay_id": s1, "bed_id": b, "start_date": "2026-01-01", "end_date": "2026-01-10"})
    with pytest.raises(INTEGRITY_ERRORS) as refused:
        db["bed_assignments"].insert({"stay_id": s2, "bed_id": b, "start_date": "2026-01-05"})
    assert "已有老人入住" in refusal_text(refused.value)
    db["bed_assignments"].insert({"stay_id": s2, "bed_id": b, "start_date": "2026-01-10"})  # same-day turnover
    a1 = db.execute("SELECT id FROM bed_assignments WHERE stay_id = ?", [s1]).fetchone()[0]
    with pytest.raises(INTEGRITY_ERRORS) as refused:
        db["bed_assignments"].update(a1, {"end_date": None})  # an update may not create an overlap either
    assert "已有老人入住" in refusal_text(refused.value)


def test_foreign_keys_are_enforced(ctx):
    with pytest.raises(INTEGRITY_ERRORS):
        ctx.db["stays"].insert({"resident_id": 999, "admission_date": "2026-01-01"})
