"""The integrity check at open: when the window may run it after it shows (``open_db(check="auto")``), and that a
damaged file is still refused — before anything is written — whenever there is a reason to doubt it."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from yiyang_desktop.store import db as D
from yiyang_desktop.store.db import StoreError, background_check, close_db, meta, open_db, record_check_passed

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def big(monkeypatch):
    """Treat every file as big (the check is then worth deferring)."""
    monkeypatch.setattr(D, "SMALL_FILE", 0)


def _fill(path, rows: int = 200) -> None:
    db = open_db(path)
    db.conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", [(f"k{i}", "x" * 300) for i in range(rows)])
    db.conn.commit()
    close_db(db)


def _smash_index_page(path) -> None:
    """Damage a page of the settings index in place, keeping the file's size and modification time (bit rot)."""
    st = os.stat(path)
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_settings_1'").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    off = (root - 1) * page_size
    data[off + 8:off + page_size] = b"\x07" * (page_size - 8)
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(path).st_size == st.st_size


def test_small_files_are_always_checked_before_use(db_path):
    _fill(db_path)
    assert db_path.stat().st_size < D.SMALL_FILE
    db = open_db(db_path, check="auto")
    assert db.integrity_pending is False
    db.close()


def test_a_cleanly_closed_file_is_checked_after_the_window_shows(db_path, big):
    _fill(db_path)  # no check recorded yet: this first open in the window checks at once
    db = open_db(db_path, check="auto")
    assert db.integrity_pending is False
    close_db(db)
    record = json.loads(meta(open_db(db_path), D.CLOSED_KEY))
    assert record["size"] == db_path.stat().st_size and meta(open_db(db_path), D.CHECKED_KEY)
    before = db_path.read_bytes()
    db = open_db(db_path, check="auto")
    assert db.integrity_pending is True
    assert db_path.read_bytes() == before  # nothing written at open
    assert background_check(db_path) is None
    record_check_passed(db)
    assert db.integrity_pending is False
    close_db(db)
    assert open_db(db_path, check="auto").integrity_pending is True


def test_damage_found_later_gives_the_same_message_and_now_refuses(db_path, big):
    _fill(db_path)
    close_db(open_db(db_path, check="auto"))  # a check passed and a clean close recorded
    _smash_index_page(db_path)
    db = open_db(db_path, check="auto")  # unchanged as far as size and time tell: opened, check deferred
    assert db.integrity_pending is True
    db.close()
    problem = background_check(db_path)
    assert problem and "完整性检查未通过" in problem and str(db_path) in problem
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="完整性检查未通过"):
        open_db(db_path)  # the command line and restore always check first
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("how", ["changed", "no clean close", "old check", "wal left"])
def test_a_reason_to_doubt_the_file_refuses_damage_before_anything_is_written(db_path, big, monkeypatch, how):
    _fill(db_path)
    close_db(open_db(db_path, check="auto"))
    if how == "no clean close":
        con = sqlite3.connect(db_path)
        con.execute("DELETE FROM app_meta WHERE key = ?", [D.CLOSED_KEY])
        con.commit()
        con.close()
    elif how == "old check":
        monkeypatch.setattr(D, "FULL_CHECK_DAYS", -1)
    _smash_index_page(db_path)
    if how == "changed":  # modified an hour after the recorded close (as the program's clock saw that close)
        con = sqlite3.connect(db_path)
        closed = json.loads(con.execute("SELECT value FROM app_meta WHERE key = ?", [D.CLOSED_KEY]).fetchone()[0])
        con.close()
        os.utime(db_path, (db_path.stat().st_atime, closed["at"] + 3600))
    other = None
    if how == "wal left":  # another program (or a session that died) has written and not checkpointed
        other = sqlite3.connect(db_path)
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("INSERT INTO app_meta (key, value) VALUES ('x', 'y')")
        other.commit()
        assert os.path.getsize(f"{db_path}-wal") > 0
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="完整性检查未通过|已损坏"):
        open_db(db_path, check="auto")
    assert db_path.read_bytes() == before
    if other is not None:
        other.close()


def test_a_session_that_dies_after_writing_is_checked_at_the_next_start(db_path, big):
    _fill(db_path)
    close_db(open_db(db_path, check="auto"))
    code = ("import os, sys\nimport yiyang_desktop.store.db as D\nfrom yiyang_desktop.store.db import open_db\n"
            "D.SMALL_FILE = 0\n"
            "db = open_db(sys.argv[1], check='auto')\nassert db.integrity_pending\n"
            "db.execute(\"INSERT INTO settings (key, value) VALUES ('crash', '1')\")\ndb.conn.commit()\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(db_path)], check=True, cwd=ROOT)
    db = open_db(db_path, check="auto")
    assert db.integrity_pending is False  # checked before use
    assert db.execute("SELECT value FROM settings WHERE key = 'crash'").fetchone()[0] == "1"
    close_db(db)
    assert open_db(db_path, check="auto").integrity_pending is True


def test_close_db_rolls_back_an_unfinished_transaction_and_checkpoints(db_path):
    db = open_db(db_path)
    db.execute("BEGIN")
    db.execute("INSERT INTO settings (key, value) VALUES ('half', '1')")
    close_db(db)
    assert not os.path.exists(f"{db_path}-wal") or os.path.getsize(f"{db_path}-wal") == 0
    db = open_db(db_path)
    assert db.execute("SELECT COUNT(*) FROM settings WHERE key = 'half'").fetchone()[0] == 0
    assert json.loads(meta(db, D.CLOSED_KEY))["size"] == db_path.stat().st_size


def test_open_db_refuses_an_unknown_check_mode(db_path):
    with pytest.raises(ValueError):
        open_db(db_path, check="later")
