"""Backups and restore: online copies, rotation, refusing bad files, the current file kept, `yiyang backup/restore`."""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import factories
from yiyang_desktop.services import backup as bk
from yiyang_desktop.services.base import Context, ServiceError
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.store import db as dbmod
from yiyang_desktop.store.db import connect, meta, open_db, schema_version
from yiyang_desktop.services.backup import file_facts
from yiyang_desktop.store.schema import SCHEMA_VERSION

NOW = dt.datetime(2026, 11, 23, 18, 30, 5)


pytestmark = [pytest.mark.usefixtures("data_folder"),  # each test its own data folder (conftest)
              pytest.mark.sqlite_only(reason="backups of the data file (the server's pg_dump backups: test_pg_backup.py)")]


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("residents", "beds", "assessments")}
    finally:
        con.close()


def integrity(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()


def test_backup_is_a_consistent_single_file_with_a_timestamp(demo_ctx, tmp_path, data_folder):
    path = tmp_path / "demo.db"
    before = counts(path)
    other = sqlite3.connect(path, isolation_level=None)  # another writer in the middle of a transaction
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO beds (room, number, service_date) VALUES ('X', '9', '2026-01-01')")
    result = bk.make_backup(demo_ctx, path, now=NOW)
    other.execute("ROLLBACK")
    other.close()
    out = Path(result["path"])
    assert out == data_folder / "backups" / meta(demo_ctx.db, "file_id") / "demo-20261123-183005.db"
    assert result["size"] == out.stat().st_size > 0
    assert counts(out) == before and before["residents"] > 0 and before["assessments"] > 0
    assert integrity(out) == ["ok"]
    assert not out.with_name(out.name + "-wal").exists()
    assert sqlite3.connect(out).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left behind
    again = bk.make_backup(demo_ctx, path, now=NOW)  # same second: a new name, the first one kept
    assert Path(again["path"]).name == "demo-20261123-183005-2.db" and out.exists()


def test_backup_to_an_unwritable_place_fails_in_chinese_and_overwrites_nothing(ctx, db_path, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file")
    with pytest.raises(ServiceError, match="无法写入文件夹") as err:
        bk.make_backup(ctx, db_path, folder=blocker / "backups", now=NOW)
    assert "Traceback" not in str(err.value)
    assert blocker.read_text() == "a regular file"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_backup_to_a_read_only_folder(ctx, db_path, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ServiceError, match="无法写入文件夹"):
            bk.make_backup(ctx, db_path, folder=folder, now=NOW)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_full_disk_leaves_earlier_backup_and_no_partial_file(ctx, db_path, monkeypatch, data_folder):
    first = Path(bk.make_backup(ctx, db_path, now=NOW)["path"])
    first_bytes = first.read_bytes()
    factories.resident(ctx)

    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(bk.os, "fsync", full)
    with pytest.raises(ServiceError, match="磁盘已满"):
        bk.make_backup(ctx, db_path, now=NOW)  # would be written as …-2.db
    assert [p.name for p in first.parent.iterdir()] == [first.name]
    assert first.read_bytes() == first_bytes


def test_second_folder_gets_a_copy_and_a_missing_usb_disk_is_only_a_warning(ctx, db_path, tmp_path):
    usb = tmp_path / "usb"
    bk.set_second_dir(ctx, usb)
    assert bk.second_dir(ctx) == usb and bk.backup_folders(ctx)[-1] == usb
    result = bk.make_backup(ctx, db_path, now=NOW)
    assert [Path(p).parent for p in result["copies"]] == [usb / meta(ctx.db, "file_id")] and result["warnings"] == []
    assert integrity(Path(result["copies"][0])) == ["ok"]
    blocker = tmp_path / "unplugged"
    blocker.write_text("")
    bk.set_second_dir(ctx, blocker / "usb")
    result = bk.make_backup(ctx, db_path, now=NOW + dt.timedelta(hours=1))
    assert Path(result["path"]).exists() and result["copies"] == []
    assert len(result["warnings"]) == 1 and "无法写入文件夹" in result["warnings"][0]
    bk.set_second_dir(ctx, None)
    assert bk.second_dir(ctx) is None


def test_auto_backup_at_most_once_a_day_and_never_for_the_demo(ctx, db_path, demo_ctx, tmp_path):
    made = bk.auto_backup(ctx, db_path, now=NOW)
    assert made is not None and made.exists()
    assert bk.auto_backup(ctx.db, db_path, now=NOW + dt.timedelta(hours=3)) is None
    nxt = bk.auto_backup(ctx, db_path, now=NOW + dt.timedelta(days=1))
    assert nxt is not None and nxt != made and "20261124" in nxt.name
    assert bk.auto_backup(demo_ctx, tmp_path / "demo.db", now=NOW) is None


def _daily(start: dt.date, end: dt.date, hour: int = 17) -> list[dt.datetime]:
    days = (end - start).days + 1
    return [dt.datetime.combine(start + dt.timedelta(days=i), dt.time(hour)) for i in range(days)]


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    stamps = _daily(dt.date(2025, 1, 1), dt.date(2026, 11, 23))  # 2026-11-23 is a Monday
    keep = {t.date() for t in bk.plan_rotation(stamps)}
    daily = {dt.date(2026, 11, d) for d in range(17, 24)}
    weekly = {dt.date(2026, 11, 15), dt.date(2026, 11, 8)}  # weeks ending 11-22 (kept already), 11-15, 11-08
    monthly = {dt.date(2026, 10, 31), dt.date(2026, 9, 30), dt.date(2026, 8, 31), dt.date(2026, 7, 31),
               dt.date(2026, 6, 30), dt.date(2026, 5, 31), dt.date(2026, 4, 30), dt.date(2026, 3, 31),
               dt.date(2026, 2, 28), dt.date(2026, 1, 31), dt.date(2025, 12, 31)}
    assert keep == daily | weekly | monthly and len(keep) == 20


def test_rotation_counts_days_with_backups_and_keeps_the_newest_of_a_day():
    stamps = [dt.datetime(2026, 11, 23, h) for h in (8, 12, 18)] + [dt.datetime(2026, 10, 1, 9)]
    assert bk.plan_rotation(stamps, daily=7, weekly=0, monthly=0) == {dt.datetime(2026, 11, 23, 18),
                                                                      dt.datetime(2026, 10, 1, 9)}
    assert bk.plan_rotation(stamps, daily=1, weekly=0, monthly=0) == {dt.datetime(2026, 11, 23, 18)}
    assert bk.plan_rotation([]) == set()


def test_rotate_folder_deletes_only_this_files_untagged_backups(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    db_path = tmp_path / "yiyang.db"
    for t in _daily(dt.date(2026, 9, 1), dt.date(2026, 11, 23)):
        (folder / bk.backup_name(db_path, t)).write_bytes(b"x")
    safety = folder / bk.backup_name(db_path, dt.datetime(2026, 9, 2, 8), bk.TAG_BEFORE_RESTORE)
    foreign = folder / "demo-20260902-080000.db"
    note = folder / "readme.txt"
    for p in (safety, foreign, note):
        p.write_bytes(b"x")
    removed = bk.rotate_folder(folder, db_path)
    left = sorted(p.name for p in folder.iterdir() if bk.parse_backup_name(db_path, p.name) and "before" not in p.name)
    expected = sorted(bk.backup_name(db_path, t) for t in bk.plan_rotation(_daily(dt.date(2026, 9, 1), dt.date(2026, 11, 23))))
    assert left == expected and len(removed) == 84 - len(expected)
    assert safety.exists() and foreign.exists() and note.exists()


def test_list_backups_shows_date_size_counts_and_flags_a_broken_one(demo_ctx, tmp_path):
    path = tmp_path / "demo.db"
    older = Path(bk.make_backup(demo_ctx, path, now=NOW - dt.timedelta(days=2))["path"])
    newer = Path(bk.make_backup(demo_ctx, path, now=NOW)["path"])
    broken = newer.with_name("demo-20261122-120000.db")
    broken.write_bytes(b"garbage" * 100)
    items = bk.list_backups(path)
    assert [i["name"] for i in items] == [newer.name, broken.name, older.name]
    assert items[0]["created"] == "2026-11-23 18:30:05" and items[0]["size"] == newer.stat().st_size
    assert items[0]["counts"] == counts(path) and items[0]["schema_version"] == SCHEMA_VERSION
    assert items[1]["problem"] and "不是医养台账" in items[1]["problem"] and items[0]["problem"] is None


def test_restore_replaces_the_file_and_backs_up_the_current_one_first(demo_ctx, tmp_path):
    path = tmp_path / "demo.db"
    saved = Path(bk.make_backup(demo_ctx, path, now=NOW)["path"])
    before = counts(path)
    factories.resident(demo_ctx, name="恢复后应消失")
    assert counts(path)["residents"] == before["residents"] + 1
    result = bk.restore(demo_ctx, path, saved, now=NOW + dt.timedelta(minutes=5), reopen=False)
    assert result["counts"] == before and result["created"] == "2026-11-23 18:30:05"
    assert counts(path) == before and integrity(path) == ["ok"]
    safety = Path(result["safety_backup"])
    assert safety.name == "demo-20261123-183505-before-restore.db"
    assert counts(safety)["residents"] == before["residents"] + 1
    assert not list(tmp_path.glob(".demo.db*"))  # no temporary file left
    db = open_db(path, create=False)  # the restored file opens normally, in WAL mode
    assert db.execute("SELECT count(*) FROM residents WHERE name = '恢复后应消失'").fetchone()[0] == 0
    db.close()
    demo_ctx.db = open_db(path, create=False)  # for the fixture's teardown


def _file_kinds(tmp_path: Path) -> dict[str, Path]:
    kinds = {}
    kinds["zero"] = tmp_path / "zero.db"
    kinds["zero"].write_bytes(b"")
    kinds["text"] = tmp_path / "text.db"
    kinds["text"].write_text("名单\n张三")
    kinds["foreign"] = tmp_path / "foreign.db"
    con = sqlite3.connect(kinds["foreign"])
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    kinds["newer"] = tmp_path / "newer.db"
    db = open_db(kinds["newer"])
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    kinds["corrupt"] = tmp_path / "corrupt.db"
    db = open_db(kinds["corrupt"])
    db.conn.executemany("INSERT INTO settings VALUES (?, ?)", [(f"k{i}", "x" * 500) for i in range(200)])
    db.conn.commit()
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    data = bytearray(kinds["corrupt"].read_bytes())
    data[-8192:-4096] = b"\x07" * 4096  # smash a data page, keep the schema readable
    kinds["corrupt"].write_bytes(bytes(data))
    kinds["truncated"] = tmp_path / "truncated.db"
    kinds["truncated"].write_bytes(bytes(data[:len(data) // 2]))
    return kinds


@pytest.mark.parametrize("kind,needle", [
    ("zero", "空文件"), ("text", "不是医养台账"), ("foreign", "其他程序"), ("newer", "更新版本"),
    ("corrupt", "完整性|损坏"), ("truncated", "完整性|损坏"), ("missing", "找不到"),
])
def test_restore_refuses_a_bad_backup_and_changes_nothing(ctx, db_path, tmp_path, kind, needle):
    factories.resident(ctx)
    bad = _file_kinds(tmp_path).get(kind, tmp_path / "missing.db")
    bad_bytes = bad.read_bytes() if bad.exists() else None
    ctx.db.close()
    current = db_path.read_bytes()
    ctx.db = open_db(db_path)
    with pytest.raises(ServiceError, match=needle):
        bk.restore(ctx, db_path, bad, reopen=False)
    assert db_path.read_bytes() == current
    assert (bad.read_bytes() if bad.exists() else None) == bad_bytes
    assert not bk.backups_dir().exists()  # refused before anything was written
    ctx.db = open_db(db_path)


def test_restore_of_an_older_version_is_migrated(ctx, db_path, tmp_path, monkeypatch):
    old = tmp_path / "old.db"
    from yiyang_desktop.store.schema_identity import m_file_identity
    older = dbmod.MIGRATIONS.index(m_file_identity)  # a file from before files had an identity (and a keyed trail)
    monkeypatch.setattr(dbmod, "MIGRATIONS", dbmod.MIGRATIONS[:older])
    db = connect(old)
    dbmod.migrate(db, 0)
    # a backup of this institution made by the older program: the same identity (when that program had one)
    db.execute("UPDATE app_meta SET value = ? WHERE key = 'file_id'", [meta(ctx.db, "file_id")])
    db.execute("INSERT INTO beds (room, number, service_date) VALUES ('201', '1', '2026-01-01')")
    db.conn.commit()
    db.close()
    monkeypatch.undo()
    assert bk.inspect_backup(old)["schema_version"] == older
    result = bk.restore(ctx, db_path, old, reopen=False)
    assert result["backup_schema_version"] == older and result["schema_version"] == SCHEMA_VERSION
    ctx.db = open_db(db_path)
    assert schema_version(ctx.db) == SCHEMA_VERSION
    assert ctx.db.execute("SELECT room FROM beds").fetchall() == [("201",)]


def test_restore_into_context_reopens_the_same_context(ctx, db_path):
    factories.bed(ctx)
    saved = Path(bk.make_backup(ctx, db_path, now=NOW)["path"])
    factories.bed(ctx, room="102")
    result = bk.restore_into_context(ctx, db_path, saved)
    assert result["counts"]["beds"] == 1
    assert ctx.db.execute("SELECT count(*) FROM beds").fetchone()[0] == 1
    factories.bed(ctx, room="103")  # the reopened connection writes normally
    assert integrity(db_path) == ["ok"]


def test_restore_into_context_reopens_even_when_refused(ctx, db_path, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("no")
    with pytest.raises(ServiceError):
        bk.restore_into_context(ctx, db_path, bad)
    factories.bed(ctx)  # still usable


# ---------------------------------------------------------------- the command line

def cli(*args, user="boss", password="boss-pass", **kw):
    env = {k: v for k, v in os.environ.items() if not k.startswith("YIYANG_") or k in ("YIYANG_DATA_DIR", "YIYANG_CONFIG_DIR", "YIYANG_KEYRING")}
    env |= {"YIYANG_USER": user, "YIYANG_PASSWORD": password} if user else {}
    kw.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", *map(str, args)], capture_output=True,
                          text=True, env=env, **kw)


def home_file(path: Path, beds: int = 1) -> Path:
    """A data file with the administrator boss/boss-pass, a 只读 user anna/anna-pass and some beds."""
    from yiyang_desktop.services import accounts as A
    ctx = Context(open_db(path), clock=FixedClock(dt.date(2026, 11, 23)))
    A.create_first_admin(ctx, "boss", "boss-pass")
    A.login(ctx, "boss", "boss-pass")
    A.create_user(ctx, "anna", "anna-pass", "只读", must_change=False)  # as if she had changed it
    for i in range(beds):
        factories.bed(ctx, room=str(101 + i))
    ctx.db.close()
    return path


def add_bed(path: Path, room: str) -> None:
    ctx = Context(open_db(path), role="管理员", clock=FixedClock(dt.date(2026, 11, 23)))
    factories.bed(ctx, room=room)
    ctx.db.close()


def test_cli_backup_list_and_restore(tmp_path, data_folder):
    path = home_file(tmp_path / "home.db")
    out = cli("--db", path, "backup")
    assert out.returncode == 0, out.stderr
    made = Path(json.loads(out.stdout)["path"])
    assert made.parent.parent == data_folder / "backups" and made.name.startswith("home-")
    assert made.parent.name == file_facts(path)[0]  # the file's own folder, named by its identity
    other = tmp_path / "nas"
    out = cli("--db", path, "backup", "--to", other)
    assert out.returncode == 0 and Path(json.loads(out.stdout)["path"]).parent == other / made.parent.name
    out = cli("--db", path, "backups")
    listed = json.loads(out.stdout)
    assert [i["path"] for i in listed] == [str(made)] and listed[0]["counts"]["beds"] == 1

    add_bed(path, "102")
    out = cli("--db", path, "restore", made)
    assert out.returncode == 2 and "--yes" in out.stderr and counts(path)["beds"] == 2
    out = cli("--db", path, "restore", made, "--yes", user="anna", password="anna-pass")
    assert out.returncode == 2 and "无权恢复备份" in out.stderr and counts(path)["beds"] == 2
    out = cli("--db", path, "restore", made, "--yes")
    assert out.returncode == 0, out.stderr
    assert "床位 1 张" in out.stderr and counts(path)["beds"] == 1
    assert counts(Path(json.loads(out.stdout)["safety_backup"]))["beds"] == 2


def test_cli_needs_a_login_and_the_backup_permission(tmp_path):
    path = home_file(tmp_path / "home.db")
    assert "YIYANG_USER" in cli("--db", path, "backup", user=None).stderr
    out = cli("--db", path, "backup", user="anna", password="anna-pass")
    assert out.returncode == 2 and "无权备份数据" in out.stderr


def _damage_beyond_the_accounts(path: Path) -> None:
    """Fill the file with settings, then smash its last pages: the accounts (early pages) stay readable."""
    con = sqlite3.connect(path)
    con.executemany("INSERT INTO settings VALUES (?, ?)", [(f"k{i}", "x" * 500) for i in range(300)])
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    data = bytearray(path.read_bytes())
    data[-8192:-4096] = b"\x07" * 4096
    path.write_bytes(bytes(data))


def test_cli_restores_over_a_damaged_file_checking_its_own_accounts(tmp_path):
    path = home_file(tmp_path / "home.db", beds=2)
    out = cli("--db", path, "backup", "--to", tmp_path / "b")
    made = Path(json.loads(out.stdout)["path"])
    _damage_beyond_the_accounts(path)
    damaged = path.read_bytes()
    assert cli("--db", path, "restore", made, "--yes", password="wrong").returncode == 2
    out = cli("--db", path, "restore", made, "--yes", user="anna", password="anna-pass")  # its 只读 user
    assert out.returncode == 2 and "无权恢复备份" in out.stderr
    assert path.read_bytes() == damaged
    out = cli("--db", path, "restore", made, "--yes")  # its administrator
    assert out.returncode == 0, out.stderr
    assert counts(path)["beds"] == 2 and integrity(path) == ["ok"]
    assert Path(json.loads(out.stdout)["safety_backup"]).read_bytes() == damaged  # kept, byte for byte


def test_cli_never_takes_the_accounts_from_the_backup(tmp_path):
    """A file destroyed beyond reading its accounts cannot be restored in the program (by hand only): the backup's
    accounts — which anyone could have made — never decide."""
    path = home_file(tmp_path / "home.db", beds=2)
    out = cli("--db", path, "backup", "--to", tmp_path / "b")
    made = Path(json.loads(out.stdout)["path"])
    path.write_bytes(b"\0" * 5000)  # the file got destroyed
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    out = cli("--db", path, "restore", made, "--yes")
    assert out.returncode == 2 and "无法读取当前数据文件的账号" in out.stderr and "手动" in out.stderr
    assert path.read_bytes() == b"\0" * 5000


def test_cli_errors_are_chinese_without_traceback(tmp_path):
    path = home_file(tmp_path / "home.db")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = cli("--db", path, "backup", "--to", blocker / "sub")
    assert out.returncode == 2 and "无法写入文件夹" in out.stderr and "Traceback" not in out.stderr
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    out = cli("--db", path, "restore", bad, "--yes")
    assert out.returncode == 2 and "不是医养台账" in out.stderr and "Traceback" not in out.stderr


def test_cli_restore_refuses_while_the_window_program_holds_the_file(tmp_path):
    path = home_file(tmp_path / "home.db")
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        bk.lock_path(path).write_text(f"{holder.pid}\nyiyang-desktop\n{os.uname().nodename}\n")
        out = cli("--db", path, "restore", tmp_path / "whatever.db", "--yes")
        assert out.returncode == 2 and "正被医养台账窗口程序使用" in out.stderr
    finally:
        holder.kill()
        holder.wait()
    assert bk.lock_holder(path) is None  # a lock left by a dead process does not count


def test_restore_into_context_needs_the_restore_permission(ctx, db_path):
    from yiyang_desktop.services.base import PermissionDenied
    saved = Path(bk.make_backup(ctx, db_path, now=NOW)["path"])
    factories.bed(ctx)
    clerk = Context(ctx.db, user="li", role="登记员")
    assert bk.make_backup(clerk, db_path, now=NOW + dt.timedelta(hours=1))["path"]  # 登记员 may back up
    with pytest.raises(PermissionDenied, match="无权恢复备份"):
        bk.restore_into_context(clerk, db_path, saved)
    assert ctx.db.execute("SELECT count(*) FROM beds").fetchone()[0] == 1  # untouched, connection still open
    with pytest.raises(PermissionDenied, match="无权备份数据"):
        bk.make_backup(Context(ctx.db, user="anna", role="只读"), db_path)
