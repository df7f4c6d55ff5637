"""Files that must be refused, or a log beside them that must be set aside, before SQLite writes anything:
a -wal from another file (or another version of this file) left beside a file copied over by hand, files cut
short, damaged files (nothing created beside them), a full disk at open."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from yiyang_desktop.cli import main as cli_main
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services.base import Context
from yiyang_desktop.services.settings import set_setting
from yiyang_desktop.store.db import StoreError, close_db, meta, open_db

ROOT = Path(__file__).resolve().parent.parent
CLOCK = FixedClock(__import__("datetime").date(2026, 11, 23))


def _make(path: Path, tag: str, rows: int = 120) -> None:
    """A data file of one institution with settings written through the service (sealed audit entries)."""
    db = open_db(path)
    ctx = Context.system(db, clock=CLOCK)
    for i in range(rows):
        set_setting(ctx, f"{tag}{i}", tag * 200)
    close_db(db)


def crash_after_writing(path: Path, tag: str, rows: int = 150) -> None:
    """A window session that saved ``rows`` settings and then died: its -wal stays beside the file, unreplayed."""
    code = ("import os, sys\nfrom yiyang_desktop.store.db import open_db\nfrom yiyang_desktop.services.base import Context\n"
            "from yiyang_desktop.services.settings import set_setting\n"
            "db = open_db(sys.argv[1])\ndb.execute('PRAGMA wal_autocheckpoint = 0')\nctx = Context.system(db)\n"
            f"for i in range({rows}):\n    set_setting(ctx, '{tag}' + str(i), '{tag}' * 500)\n"
            "db.execute(\"UPDATE institution SET name = 'crash'\")\ndb.conn.commit()\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, cwd=ROOT)
    assert os.path.getsize(f"{path}-wal") > 0


def run_cli(capsys, *args) -> tuple[int, str, str]:
    rc = cli_main(list(map(str, args)))
    out = capsys.readouterr()
    return rc, out.out, out.err


@pytest.mark.parametrize("source", ["another institution", "an older copy of the same file"])
def test_a_wal_that_does_not_belong_is_set_aside_and_the_file_stays_intact(tmp_path, capsys, source):
    a = tmp_path / "a" / "yiyang.db"
    a.parent.mkdir()
    _make(a, "a")
    if source == "another institution":  # B's session died; its -wal is copied next to A (a "restore by hand")
        b = tmp_path / "b" / "yiyang.db"
        b.parent.mkdir()
        _make(b, "b")
        crash_after_writing(b, "B")
        shutil.copy(f"{b}-wal", f"{a}-wal")
    else:  # an older copy of A put back by hand over A, whose last session died leaving its -wal
        old = tmp_path / "old.db"
        shutil.copy(a, old)
        db = open_db(a)
        ctx = Context.system(db, clock=CLOCK)
        for i in range(60):
            set_setting(ctx, f"later{i}", "L" * 300)
        close_db(db)
        crash_after_writing(a, "A")
        shutil.copy(old, a)
    before, wal_bytes = a.read_bytes(), Path(f"{a}-wal").read_bytes()
    rc, out, err = run_cli(capsys, "--db", a, "check")
    assert '"integrity": "ok"' in out and rc in (0, 1), err  # 1 only for the audit verdict, never damage
    assert "不属于它的日志文件" in err and "Traceback" not in err
    aside = [p for p in a.parent.iterdir() if ".db-wal.foreign-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == wal_bytes  # kept, untouched
    assert not Path(f"{a}-wal").exists() or os.path.getsize(f"{a}-wal") == 0
    db = open_db(a)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert meta(db, "file_id") and db.execute("SELECT name FROM institution").fetchone()[0] != "crash"
    assert db.execute("SELECT COUNT(*) FROM settings WHERE key GLOB 'a*'").fetchone()[0] == 120
    db.close()
    if source == "another institution":
        assert a.read_bytes()[100:] == before[100:]  # nothing of B's log was written into A


def test_a_wal_of_the_session_that_died_is_replayed(tmp_path):
    path = tmp_path / "yiyang.db"
    _make(path, "a", rows=5)
    crash_after_writing(path, "A", rows=20)
    db = open_db(path)
    assert db.execute("SELECT COUNT(*) FROM settings WHERE key GLOB 'A*'").fetchone()[0] == 20
    assert db.open_notes == []
    assert not [p for p in path.parent.iterdir() if "foreign" in p.name]
    close_db(db)


def test_a_live_wal_of_another_connection_is_never_moved(tmp_path):
    path = tmp_path / "yiyang.db"
    _make(path, "a", rows=5)
    other = sqlite3.connect(path)  # another program with the file open, its log not yet checkpointed
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("INSERT INTO app_meta (key, value) VALUES ('other', '1')")
    other.commit()
    db = open_db(path)
    assert meta(db, "other") == "1" and db.open_notes == []
    db.close()
    other.close()
    assert not [p for p in path.parent.iterdir() if "foreign" in p.name]


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("cut", [1, 100, 4095, 4096, 4096 + 7, "half", "header"])
def test_a_file_cut_short_is_refused_and_nothing_is_created_beside_it(tmp_path, capsys, cut):
    path = tmp_path / "yiyang.db"
    _make(path, "a", rows=30)
    data = path.read_bytes()
    keep = {"half": len(data) // 2, "header": 60}.get(cut, len(data) - cut if isinstance(cut, int) else 0)
    path.write_bytes(data[:keep])
    before = _listing(tmp_path)
    with pytest.raises(StoreError, match="不完整|不是医养台账"):
        open_db(path)
    rc, _out, err = run_cli(capsys, "--db", path, "check")
    assert rc == 2 and "不完整" in err and "Traceback" not in err
    assert _listing(tmp_path) == before


def test_a_damaged_file_is_refused_with_nothing_created_beside_it(tmp_path, capsys):
    path = tmp_path / "yiyang.db"
    _make(path, "a", rows=100)
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_settings_1'").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 + 8:root * 4096] = b"\x07" * (4096 - 8)
    path.write_bytes(bytes(data))
    before = _listing(tmp_path)
    for check in ("now", "auto"):
        with pytest.raises(StoreError, match="完整性检查未通过|已损坏"):
            open_db(path, check=check)
    rc, _out, err = run_cli(capsys, "--db", path, "check")
    assert rc == 2 and "Traceback" not in err
    assert _listing(tmp_path) == before


@pytest.fixture
def full_disk(tmp_path):
    """A 2 MB tmpfs (needs root and mount) with a data file on it and no free byte left."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root); test_disk_full_message covers the message")
    try:
        src = tmp_path / "src.db"
        _make(src, "a", rows=10)
        shutil.copy(src, mnt / "yiyang.db")
        fd = os.open(mnt / "fill", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        yield mnt / "yiyang.db"
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_full_disk_at_open_says_so(full_disk, capsys):
    before = _listing(full_disk.parent)
    with pytest.raises(StoreError, match="磁盘已满"):
        open_db(full_disk)
    rc, _out, err = run_cli(capsys, "--db", full_disk, "check")
    assert rc == 2 and "磁盘已满" in err and "已损坏" not in err
    assert _listing(full_disk.parent) == before


def test_disk_full_message(tmp_path, monkeypatch):
    """SQLite's "database or disk is full" while opening is reported as a full disk, not as damage."""
    from yiyang_desktop.store import db as D
    path = tmp_path / "yiyang.db"
    _make(path, "a", rows=3)

    def full(_path):
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(D, "connect", full)
    with pytest.raises(StoreError, match="磁盘已满"):
        open_db(path)
