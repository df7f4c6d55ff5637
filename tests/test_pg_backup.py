"""Backups of the 网络版: pg_dump into the file backups' folders with their rotation, and restore into an EMPTY
database only, checked, or emptied again. Uses the suite's own PostgreSQL server (fails, never skips, without it)
and its pg_dump/pg_restore (Debian's postgresql package)."""
from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from conftest import TODAY
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services import backup as B
from yiyang_desktop.services.base import Context, ServiceError
from yiyang_desktop.services.demo import DEMO_PASSWORD, DEMO_USER, build_demo
from yiyang_desktop.services.server_backup import list_server_backups
from yiyang_desktop.services.server_restore import restore_server
from yiyang_desktop.services.sign_in import login
from yiyang_desktop.store import pg_copy, pg_tools
from yiyang_desktop.store.db import open_db
from yiyang_desktop.store.pg import connect
from yiyang_desktop.store.pg_open import describe


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The demo built once into a server database of this module (the audit key is in this process's store)."""
    from conftest import new_pg_database
    url = new_pg_database()
    build_demo(url, end=TODAY)
    return url


@pytest.fixture
def server(demo_db, pg, data_folder):
    """A private copy of the demo server database, signed in as its administrator."""
    from conftest import new_pg_database
    url = new_pg_database(template=demo_db.rsplit("/", 1)[1])
    db = open_db(url, create=False)
    ctx = Context(db, clock=FixedClock(TODAY))
    login(ctx, DEMO_USER, DEMO_PASSWORD)
    yield ctx
    db.close()


def _objects(url: str) -> int:
    db = connect(url)
    try:
        return pg_copy.objects(db)
    finally:
        db.close()


def _snapshot(url: str) -> dict[str, list]:
    db = connect(url)
    try:
        out = {}
        for t in db.table_names():
            rows = db.raw.execute(f'SELECT * FROM "{t}"').fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        db.close()


def test_backup_then_restore_into_a_new_empty_database_gives_every_table_back(server, pg_url, data_folder):
    url = server.db.url
    before = _snapshot(url)  # what the dump holds (the backup's own export entry comes after it)
    result = B.make_backup(server, url)
    path = result["path"]
    assert path.endswith("-20261123-080000.dump") and "鹤城区康乐医养中心" in os.path.basename(path)
    assert os.path.dirname(path) == str(data_folder / "backups" / server.db.file_id)
    assert result["audit_anchor"]["seq"] > 3000 and result["audit_anchor"]["signature"]
    entry = server.db.execute("SELECT action, new FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert entry[0] == "export" and os.path.basename(path) in entry[1]
    out = restore_server(pg_url, path, username=DEMO_USER, password=DEMO_PASSWORD, clock=FixedClock(TODAY))
    assert out["file_id"] == server.db.file_id and out["audit"]["ok"] and out["restored_to"] == describe(pg_url)
    after = _snapshot(pg_url)
    assert sorted(after) == sorted(before)
    for t in before:
        if t in ("audit_log", "app_meta"):
            continue
        assert after[t] == before[t], t
    # the trail: everything the backup had, then the restorer's sign-in and the restore entry
    n = len(before["audit_log"])
    trail = sorted(after["audit_log"], key=lambda r: r[0])
    assert trail[:n] == sorted(before["audit_log"], key=lambda r: r[0])
    assert [r[4] for r in trail[n:]] == ["login", "restore"]
    meta_before, meta_after = dict(before["app_meta"]), dict(after["app_meta"])
    assert meta_after.pop("audit_lineage") != meta_before.pop("audit_lineage")  # the restore starts a new lineage
    assert json.loads(meta_after.pop("audit_anchor"))["ref"] == os.path.basename(path)
    for key in ("audit_head", "audit_schema", "audit_accounts"):  # moved by the two new entries
        meta_after.pop(key), meta_before.pop(key)
    assert meta_after == meta_before
    from yiyang_desktop.services.audit import verify_chain
    db = open_db(pg_url, create=False)
    try:
        assert verify_chain(db, path=pg_url)["ok"]
    finally:
        db.close()
    listed = list_server_backups(server)
    assert [i["path"] for i in listed] == [path]
    assert listed[0]["counts"]["residents"] == len(before["residents"]) and listed[0]["problem"] is None


def test_rotation_keeps_the_same_number_as_file_backups(server, data_folder):
    folder = data_folder / "backups" / server.db.file_id
    stamps = [dt.datetime(2026, 1, 1, 8) + dt.timedelta(days=3 * i, hours=i % 5) for i in range(40)]
    for when in stamps:
        B.make_backup(server, server.db.url, now=when)
    kept = sorted(p.name for p in folder.iterdir() if p.suffix == ".dump")
    expected = B.plan_rotation(stamps)
    assert len(kept) == len(expected) < len(stamps)
    assert sorted(B.parse_backup_name(None, n, ".dump")[0] for n in kept) == sorted(expected)
    # a tagged backup is never rotated away; a file backup's .db in the same folder is not touched
    (folder / "home-20250101-080000.db").write_bytes(b"x")
    B.make_backup(server, server.db.url, now=dt.datetime(2026, 12, 1, 8), tag="before-restore")
    B.make_backup(server, server.db.url, now=dt.datetime(2026, 12, 2, 8))
    names = {p.name for p in folder.iterdir()}
    assert "home-20250101-080000.db" in names and any(n.endswith("-before-restore.dump") for n in names)


def test_a_second_folder_gets_a_copy(server, tmp_path, data_folder):
    second = tmp_path / "usb"
    B.set_second_dir(server, second)
    result = B.make_backup(server, server.db.url)
    assert len(result["copies"]) == 1 and result["copies"][0].startswith(str(second / server.db.file_id))
    assert len(list_server_backups(server)) == 2


def test_restore_into_a_database_that_is_not_empty_is_refused_untouched(server, pg, pg_url):
    path = B.make_backup(server, server.db.url)["path"]
    name = pg_url.rsplit("/", 1)[1]
    pg.psql("CREATE TABLE notes (a int); INSERT INTO notes VALUES (7)", name)
    with pytest.raises(ServiceError, match="不是空的"):
        restore_server(pg_url, path, username=DEMO_USER, password=DEMO_PASSWORD)
    assert pg.psql("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'", name).strip() == "notes"
    assert pg.psql("SELECT a FROM notes", name).strip() == "7"
    # the database it came from is not empty either
    with pytest.raises(ServiceError, match="不是空的"):
        restore_server(server.db.url, path, username=DEMO_USER, password=DEMO_PASSWORD)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "flipped"])
def test_a_damaged_dump_is_refused_and_the_target_left_empty(server, pg_url, tmp_path, damage):
    path = B.make_backup(server, server.db.url)["path"]
    data = bytearray(open(path, "rb").read())
    bad = tmp_path / "bad.dump"
    if damage == "truncated":
        bad.write_bytes(bytes(data[: len(data) * 2 // 3]))
    elif damage == "garbage":
        bad.write_bytes(b"this is not a dump" * 100)
    else:  # bytes in the middle of the compressed data
        for i in range(len(data) // 2, len(data) // 2 + 400):
            data[i] ^= 0x5A
        bad.write_bytes(bytes(data))
    with pytest.raises(ServiceError) as e:
        restore_server(pg_url, bad, username=DEMO_USER, password=DEMO_PASSWORD)
    assert any(w in str(e.value) for w in ("损坏", "恢复失败", "没有通过")), str(e.value)
    assert _objects(pg_url) == 0


def test_restore_needs_an_administrator_of_the_restored_data(server, pg_url):
    from yiyang_desktop.services import accounts as A
    A.create_user(server, "clerk", "Clerk-pass-1", "登记员")
    path = B.make_backup(server, server.db.url)["path"]
    with pytest.raises(ServiceError, match="用户名或密码不正确"):
        restore_server(pg_url, path, username=DEMO_USER, password="wrong")
    assert _objects(pg_url) == 0
    with pytest.raises(ServiceError, match="无权恢复备份"):
        restore_server(pg_url, path, username="clerk", password="Clerk-pass-1")
    assert _objects(pg_url) == 0
    restore_server(pg_url, path, username=DEMO_USER, password=DEMO_PASSWORD)  # emptied properly: usable again
    assert _objects(pg_url) > 30


def test_a_dump_of_a_newer_program_is_refused_before_anything_is_written(server, pg_url, monkeypatch):
    from yiyang_desktop.services import server_restore
    path = B.make_backup(server, server.db.url)["path"]
    monkeypatch.setattr(server_restore, "SCHEMA_VERSION", 1)
    with pytest.raises(ServiceError, match="更新版本"):
        restore_server(pg_url, path, username=DEMO_USER, password=DEMO_PASSWORD)
    assert _objects(pg_url) == 0


def test_pg_dump_missing_or_too_old_says_what_to_install(server, monkeypatch, tmp_path, data_folder):
    monkeypatch.setattr(pg_tools, "SEARCH", [])
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("YIYANG_PG_BIN", raising=False)
    with pytest.raises(ServiceError) as e:
        B.make_backup(server, server.db.url)
    assert "找不到 PostgreSQL 的 pg_dump" in str(e.value) and "Command Line Tools" in str(e.value)
    old = tmp_path / "pg_dump"
    old.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    old.chmod(0o755)
    with pytest.raises(ServiceError) as e:
        B.make_backup(server, server.db.url)
    assert "9 版" in str(e.value) and "比服务器" in str(e.value)
    assert not (data_folder / "backups").exists() or not any((data_folder / "backups").rglob("*.dump"))


def test_the_command_line(server, pg_url, monkeypatch, capsys, data_folder):
    from yiyang_desktop.cli import main
    monkeypatch.setenv("YIYANG_USER", DEMO_USER)
    monkeypatch.setenv("YIYANG_PASSWORD", DEMO_PASSWORD)
    url = server.db.url
    assert main(["--db", url, "backup"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["path"].endswith(".dump")
    assert main(["--db", url, "backups"]) == 0
    assert [i["path"] for i in json.loads(capsys.readouterr().out)] == [made["path"]]
    assert main(["--db", pg_url, "restore", made["path"]]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["audit"]["ok"]
    assert "yiyang-test-pass" not in out.out + out.err
    assert main(["--db", pg_url, "restore", made["path"]]) == 2
    assert "不是空的" in capsys.readouterr().err
    assert main(["--db", url, "check"]) == 0  # the anchor the dump carries is found and checked
    report = json.loads(capsys.readouterr().out)
    assert report["audit"]["anchors"]["checked"] >= 1
