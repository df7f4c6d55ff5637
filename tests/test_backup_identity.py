"""Two institutions, two files both called yiyang.db: each file has its own identity, its own backups, and a
backup of one is never rotated away, listed or restored as the other's without a warning naming both."""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import factories
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services import accounts as A
from yiyang_desktop.services import backup as bk
from yiyang_desktop.services.backup_restore import OtherInstitution
from yiyang_desktop.services.base import Context
from yiyang_desktop.services.institution import save_institution
from yiyang_desktop.store.db import close_db, meta, open_db
from yiyang_desktop.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2026, 11, 23, 18, 0, 0)
pytestmark = pytest.mark.usefixtures("data_folder")


def institution(path: Path, name: str, beds: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    ctx = Context(open_db(path), clock=FixedClock(NOW.date()))
    A.create_first_admin(ctx, "boss", "boss-pass")
    A.login(ctx, "boss", "boss-pass")
    save_institution(ctx, {"name": name})
    for i in range(beds):
        factories.bed(ctx, room=str(101 + i))
    close_db(ctx.db)
    return path


def opened(path: Path) -> Context:
    return Context(open_db(path), user="boss", role="管理员", clock=FixedClock(NOW.date()))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def beds(path: Path) -> int:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM beds").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def two(tmp_path):
    a = institution(tmp_path / "甲" / "yiyang.db", "甲县福寿养老院", beds=2)
    b = institution(tmp_path / "乙" / "yiyang.db", "乙镇康宁护理院", beds=5)
    return a, b


def test_every_file_gets_an_identity_that_backups_keep(two):
    a, b = two
    ids = [meta(open_db(p), "file_id") for p in two]
    assert all(ids) and ids[0] != ids[1]
    ctx = opened(a)
    made = Path(bk.make_backup(ctx, a, now=NOW)["path"])
    ctx.db.close()
    assert made.parent.name == ids[0] and bk.inspect_backup(made)["file_id"] == ids[0]


def test_two_institutions_with_the_same_file_name_never_touch_each_others_backups(two, data_folder):
    a, b = two
    ctx_b = opened(b)
    b_made = [Path(bk.make_backup(ctx_b, b, now=NOW - dt.timedelta(days=d))["path"]) for d in range(3)]
    ctx_b.db.close()
    b_folder = b_made[0].parent
    b_before, b_file = snapshot(b_folder), b.read_bytes()
    ctx_a = opened(a)
    for d in range(60, -1, -1):  # two months of daily backups of A: rotation deletes many of A's
        bk.make_backup(ctx_a, a, now=NOW - dt.timedelta(days=d))
    ctx_a.db.close()
    assert snapshot(b_folder) == b_before and b.read_bytes() == b_file
    listed_a, listed_b = bk.list_backups(a), bk.list_backups(b)
    assert {i["institution"] for i in listed_a} == {"甲县福寿养老院"} and len(listed_a) < 61
    assert [Path(i["path"]) for i in listed_b] == b_made and {i["institution"] for i in listed_b} == {"乙镇康宁护理院"}

    # A's own backup restores into A; B's file and backups stay as they were
    ctx_a = opened(a)
    factories.bed(ctx_a, room="999")
    ctx_a.db.close()
    a_id = bk.file_facts(a)[0]
    result = bk.restore(opened(a), a, listed_a[0]["path"], now=NOW + dt.timedelta(hours=1), reopen=False)
    assert beds(a) == 2 and result["restored_file_id"] == a_id
    assert Path(result["safety_backup"]).parent == Path(listed_a[0]["path"]).parent
    assert snapshot(b_folder) == b_before and b.read_bytes() == b_file

    # B's backup over A: refused, naming both institutions, A untouched
    a_file = a.read_bytes()
    with pytest.raises(OtherInstitution) as refused:
        bk.restore(opened(a), a, b_made[0], now=NOW + dt.timedelta(hours=2), reopen=False)
    assert "甲县福寿养老院" in str(refused.value) and "乙镇康宁护理院" in str(refused.value)
    assert a.read_bytes() == a_file and snapshot(b_folder) == b_before

    # confirmed: A's file now holds B's data and B's identity; A's data was saved in A's folder first
    result = bk.restore(opened(a), a, b_made[0], now=NOW + dt.timedelta(hours=3), allow_other=True, reopen=False)
    assert beds(a) == 5 and result["restored_file_id"] == bk.file_facts(b)[0]
    assert Path(result["safety_backup"]).parent.name == a_id and beds(Path(result["safety_backup"])) == 2
    assert snapshot(b_folder) == b_before and b.read_bytes() == b_file


def test_a_backup_from_before_identities_restores_with_the_files_identity(two, tmp_path):
    a, _b = two
    ctx = opened(a)
    made = Path(bk.make_backup(ctx, a, now=NOW)["path"])
    ctx.db.close()
    old = tmp_path / "yiyang-20261101-080000.db"  # as an older version wrote it: no identity, one step behind
    old.write_bytes(made.read_bytes())
    con = sqlite3.connect(old)
    con.execute("DELETE FROM app_meta WHERE key = 'file_id'")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 2}")  # (the identity step came two steps ago)
    con.commit()
    con.close()
    a_id = meta(open_db(a), "file_id")
    result = bk.restore(opened(a), a, old, now=NOW + dt.timedelta(hours=1), reopen=False)
    assert result["restored_file_id"] == a_id and meta(open_db(a), "file_id") == a_id  # not a new one


def test_the_old_flat_layout_is_still_listed_without_other_institutions(two, data_folder):
    a, b = two
    flat = data_folder / "backups"
    flat.mkdir(parents=True, exist_ok=True)
    for path, stamp in ((a, "20250101-080000"), (b, "20250102-080000")):
        ctx = opened(path)
        bk.make_backup(ctx, path, folder=data_folder / "tmp", now=NOW, rotate=False)
        made = next((data_folder / "tmp").rglob("*.db"))
        os.replace(made, flat / f"yiyang-{stamp}.db")
        ctx.db.close()
    names = [i["name"] for i in bk.list_backups(a)]
    assert names == ["yiyang-20250101-080000.db"]


def test_cli_refuses_another_institutions_backup_unless_forced(two, data_folder):
    a, b = two
    env = {**os.environ, "YIYANG_USER": "boss", "YIYANG_PASSWORD": "boss-pass", "YIYANG_DATA_DIR": str(data_folder)}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", *map(str, args)], cwd=ROOT, env=env,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
    out = cli("--db", b, "backup")
    assert out.returncode == 0, out.stderr
    b_backup = json.loads(out.stdout)["path"]
    listed = json.loads(cli("--db", a, "backups").stdout)
    assert b_backup not in [i["path"] for i in listed]
    before = (bk.file_facts(a), beds(a))
    out = cli("--db", a, "restore", b_backup, "--yes")
    assert out.returncode == 2 and "甲县福寿养老院" in out.stderr and "乙镇康宁护理院" in out.stderr
    assert "--force-other-institution" in out.stderr and "Traceback" not in out.stderr
    assert (bk.file_facts(a), beds(a)) == before  # only the sign-in was recorded in A
    out = cli("--db", a, "restore", b_backup, "--yes", "--force-other-institution")
    assert out.returncode == 0, out.stderr
    assert beds(a) == 5


def test_window_warns_naming_both_and_enter_cancels(qapp, qtbot, two, monkeypatch, tmp_path):
    from yiyang_desktop.ui import backup_panel as mod
    a, b = two
    ctx_b = opened(b)
    b_backup = bk.make_backup(ctx_b, b, now=NOW)["path"]
    ctx_b.db.close()
    ctx = opened(a)
    panel = mod.BackupPanel(ctx, a)
    qtbot.addWidget(panel)
    panel.show()
    monkeypatch.setattr(mod.QFileDialog, "getOpenFileName", lambda *a, **k: (b_backup, ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    seen = []

    def answer(key_or_button):
        def act():
            box = QApplication.activeModalWidget()
            seen.append(box.text() if isinstance(box, QMessageBox) else "")
            if key_or_button == "enter":
                qtbot.keyClick(box, Qt.Key_Return)
            else:
                next(b for b in box.buttons() if "仍然恢复" in b.text()).click()
        QTimer.singleShot(100, act)
    before = a.read_bytes()
    answer("enter")
    panel.restore_file_button.click()
    assert "甲县福寿养老院" in seen[0] and "乙镇康宁护理院" in seen[0]
    assert a.read_bytes() == before and beds(a) == 2
    answer("go")
    with qtbot.waitSignal(panel.restored):
        panel.restore_file_button.click()
    assert beds(a) == 5
    panel.grab().save(str(tmp_path / "panel.png"))
    ctx.db.close()
