"""The program as a user starts it: welcome dialog, demo file, main window pages, remembered geometry, screenshot."""
import datetime as dt
import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt

from yiyang_desktop.app import open_context
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.store.db import StoreError, meta
from yiyang_desktop.ui.main_window import MainWindow
from yiyang_desktop.ui.welcome import WelcomeDialog

TODAY = dt.date(2026, 11, 23)


def test_every_page_opens_on_the_demo(qtbot, demo_ctx, tmp_path):
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.show()
    assert "演示" in w.windowTitle()
    assert w.findChild(object, "demo_banner") is not None
    for key in w.pages:
        page = w.show_page(key)
        assert w.stack.currentWidget() is page
    overview = w.page("overview")
    assert overview.tiles["residents"].value.text() == str(len(demo_ctx.db.execute(
        "SELECT 1 FROM bed_assignments WHERE start_date <= ?1 AND COALESCE(end_date, '9999') > ?1",
        [TODAY.isoformat()]).fetchall()))


def test_overview_shows_due_assessments_and_tiles_navigate(qtbot, demo_ctx, tmp_path):
    from yiyang_desktop.services.assessments import due_list
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.show()
    tiles = w.page("overview").tiles
    due = due_list(demo_ctx)
    urgent = sum(1 for d in due if d["state"] in ("已逾期", "需即时评估", "未评估"))
    assert tiles["due"].value.text() == str(urgent) and urgent >= 1
    assert "已逾期 1" in tiles["due"].detail.text()
    qtbot.mouseClick(tiles["due"], Qt.LeftButton)
    assert w.stack.currentWidget() is w.page("assessments")


def test_closing_with_unsaved_institution_typing_asks(qtbot, ctx, db_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    w = MainWindow(ctx, db_path)
    qtbot.addWidget(w)
    w.show()
    page = w.show_page("institution")
    page.refresh()
    w.show_page("overview")
    name = next(f for f in page.forms if "name" in f.fields).fields["name"]
    name.setText("未保存的名称")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Cancel)
    assert not w.close() and w.stack.currentWidget() is page  # kept open, on the page with the typing
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Save)
    assert w.close()
    from yiyang_desktop.services.institution import get_institution
    assert get_institution(ctx)["name"] == "未保存的名称"


def test_real_file_has_no_demo_banner(qtbot, ctx, db_path):
    w = MainWindow(ctx, db_path)
    qtbot.addWidget(w)
    assert w.findChild(object, "demo_banner") is None and "演示" not in w.windowTitle()


def test_window_geometry_is_remembered(qtbot, ctx, db_path):
    w = MainWindow(ctx, db_path)
    qtbot.addWidget(w)
    w.show()
    w.setGeometry(40, 50, 1100, 700)
    w.close()
    assert QSettings().value("main_window/geometry") is not None
    w2 = MainWindow(ctx, db_path)
    qtbot.addWidget(w2)
    assert (w2.width(), w2.height()) == (1100, 700)


def test_welcome_needs_a_name_for_own_institution(qtbot):
    dlg = WelcomeDialog()
    qtbot.addWidget(dlg)
    dlg.findChild(object, "create_own").click()
    assert dlg.choice == 0 and not dlg.errors["name"].isHidden() and "机构名称" in dlg.errors["name"].text()
    assert "行政区划" in dlg.errors["region"].text() and "政策配置" in dlg.errors["profile"].text()
    dlg2 = WelcomeDialog()
    qtbot.addWidget(dlg2)
    assert dlg2.demo_button.isDefault()
    dlg2.demo_button.click()
    assert dlg2.choice == WelcomeDialog.DEMO


def test_welcome_asks_the_region_and_offers_its_profile_or_the_blank_one(qtbot):
    """Typed as a user would: a region whose profile ships is offered that profile; another region is offered the
    blank profile with a note to fill it in; nothing is chosen before the user types the region."""
    dlg = WelcomeDialog()
    qtbot.addWidget(dlg)
    assert dlg.profile.currentData() is None  # no silent 怀化市鹤城区 2021
    dlg.name.setText("康乐养老院")  # Chinese arrives from the input method as committed text, not key strokes
    dlg.region_name.setText("湖南省怀化市鹤城区")
    qtbot.keyClicks(dlg.region_code, "431202")
    assert dlg.profile.currentData() == "hecheng-2021"
    dlg.region_name.clear()
    dlg.region_code.clear()
    dlg.region_name.setText("辽宁省沈阳市")
    qtbot.keyClicks(dlg.region_code, "210100")
    assert dlg.profile.currentData() == "blank" and "空白配置没有补贴标准" in dlg.note.text()
    dlg.findChild(object, "create_own").click()
    assert dlg.choice == WelcomeDialog.OWN
    assert dlg.setup() == {"name": "康乐养老院", "region_name": "辽宁省沈阳市", "region_code": "210100",
                           "profile_id": "blank"}


def test_a_chosen_profile_of_another_region_is_named(qtbot):
    dlg = WelcomeDialog()
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.region_code, "210100")
    dlg.profile.setCurrentIndex(dlg.profile.findData("hecheng-2021"))
    dlg.profile.activated.emit(dlg.profile.currentIndex())
    assert "与本机构的行政区划不同" in dlg.note.text()
    dlg.region_code.clear()
    qtbot.keyClicks(dlg.region_code, "431202")
    assert dlg.profile.currentData() == "hecheng-2021" and "依据" in dlg.note.text()


def test_a_new_file_starts_with_the_region_and_profile_chosen(tmp_path):
    from yiyang_desktop.services.policy import active_profile_id
    from yiyang_desktop.services.institution import get_institution
    from yiyang_desktop.services.base import Context
    own = open_context(tmp_path / "own.db", {"name": "康乐养老院", "region_name": "辽宁省沈阳市",
                                             "region_code": "210100", "profile_id": "blank"})
    first = Context.system(own.db)
    inst = get_institution(first)
    assert (inst["name"], inst["region_name"], inst["region_code"]) == ("康乐养老院", "辽宁省沈阳市", "210100")
    assert active_profile_id(first) == "blank"
    own.db.close()


def test_open_context_builds_the_demo_once_a_day_and_names_a_new_file(tmp_path):
    demo = tmp_path / "demo.db"
    ctx = open_context(demo, True, FixedClock(TODAY))
    assert meta(ctx.db, "is_demo") == "1" and meta(ctx.db, "demo_end") == TODAY.isoformat()
    created = meta(ctx.db, "created_at")
    ctx.db.close()
    ctx = open_context(demo, True, FixedClock(TODAY))
    assert meta(ctx.db, "created_at") == created  # same day: reused, not rebuilt
    ctx.db.close()
    own = open_context(tmp_path / "own.db", "康乐养老院")
    assert own.db.execute("SELECT name FROM institution").fetchone()[0] == "康乐养老院"
    assert meta(own.db, "is_demo") == "0"
    own.db.close()


def test_demo_flag_never_turns_a_real_file_into_a_demo(tmp_path):
    real = tmp_path / "real.db"
    ctx = open_context(real, "正式机构")
    ctx.db.close()
    ctx = open_context(real, True, FixedClock(TODAY))  # asked for the demo at a real file's path: the file stays real
    assert meta(ctx.db, "is_demo") == "0"
    assert ctx.db.execute("SELECT name FROM institution").fetchone()[0] == "正式机构"
    ctx.db.close()


def test_shipped_rule_files_validate_at_start(qapp):
    from yiyang_desktop.app import check_data_files
    assert check_data_files() == []


def test_windows_carry_the_program_icon(qapp):
    icon = qapp.windowIcon()
    assert not icon.isNull() and icon.pixmap(32, 32).width() == 32  # setup_application set resources/icons/yiyang.png


def test_broken_file_is_refused(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("x" * 100)
    with pytest.raises(StoreError):
        open_context(bad, False)


def test_screenshot_switch_writes_a_picture_of_the_window(tmp_path):
    from PySide6.QtGui import QImage
    shot = tmp_path / "shot.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "YIYANG_DATA_DIR": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "YIYANG_CONFIG_DIR": str(tmp_path / "cfg"), "YIYANG_KEYRING": "file"}
    out = subprocess.run([sys.executable, "-m", "yiyang_desktop", "--demo", "--screenshot", str(shot), "--page", "beds"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    img = QImage(str(shot))
    assert img.width() >= 600 and img.height() >= 400
    colours = {img.pixel(x, y) for x in range(0, img.width(), 23) for y in range(0, img.height(), 19)}
    assert len(colours) > 10  # a drawn window, not a blank image


def _sign_in_as_admin(monkeypatch) -> None:
    """The login dialog answered by an administrator (main() signs in before any page loads)."""
    import yiyang_desktop.ui.login as L

    def signed_in(ctx, parent=None):
        ctx.user, ctx.role = "管理员甲", "管理员"
        return True

    monkeypatch.setattr(L, "sign_in", signed_in)


def _quiet_main(monkeypatch):
    """app.main in this process, with its global hooks put back afterwards, and the event loop usable again: the
    window closing posts a Quit event that a later test's QEventLoop would otherwise take (and stop at once)."""
    import threading
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    from yiyang_desktop import app as A
    main = A.main

    def settled_main(argv):
        rc = main(argv)
        QTimer.singleShot(0, QApplication.quit)
        QApplication.exec()  # takes any pending Quit and clears the quit state when it returns
        return rc

    monkeypatch.setattr(A, "main", settled_main)
    return A


def test_a_second_copy_on_the_same_file_is_refused(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from yiyang_desktop.store.db import open_db
    from yiyang_desktop.ui.instance_lock import InstanceLock
    path = tmp_path / "own.db"
    open_db(path).close()
    first = InstanceLock(path)
    assert first.acquire()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    A = _quiet_main(monkeypatch)
    try:
        assert A.main(["--db", str(path)]) == 3
    finally:
        first.release()
    assert warned and "另一个医养台账窗口" in warned[0]


def test_closing_the_window_makes_the_daily_backup(qapp, tmp_path, monkeypatch):
    from yiyang_desktop.services.backup import list_backups
    from yiyang_desktop.store.db import open_db
    path = tmp_path / "own.db"
    open_db(path).close()
    A = _quiet_main(monkeypatch)
    _sign_in_as_admin(monkeypatch)
    assert A.main(["--db", str(path), "--screenshot", str(tmp_path / "s.png")]) == 0
    assert len(list_backups(path)) == 1
    assert A.main(["--db", str(path), "--screenshot", str(tmp_path / "s.png")]) == 0
    assert len(list_backups(path)) == 1  # at most one a day


@pytest.mark.sqlite_only(reason="restoring a file backup from 设置; the 网络版 is backed up on the server")
def test_after_a_restore_the_window_asks_for_a_login_again(qtbot, ctx, db_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    import yiyang_desktop.ui.login as L
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    asked = []

    def signed_in(c, parent=None):
        asked.append(c.role)  # logged out first
        c.user, c.role = "登记员乙", "登记员"
        return True

    monkeypatch.setattr(L, "sign_in", signed_in)
    w = MainWindow(ctx, db_path)
    qtbot.addWidget(w)
    w.page("settings").backups.restored.emit({})
    assert asked == [None] and "登记员乙" in w.who.text()
    monkeypatch.setattr(L, "sign_in", lambda c, parent=None: False)
    w.show()
    w.page("settings").backups.restored.emit({})
    assert not w.isVisible()  # no login: the window closes


def _smash_settings_index(path) -> None:
    """Damage one index page in place, keeping the file's size and modification time (a failing disk)."""
    import os
    import sqlite3
    st = os.stat(path)
    con = sqlite3.connect(path)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_settings_1'").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size + 8:root * size] = b"\x07" * (size - 8)
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_cleanly_closed_file_is_checked_in_the_background_after_the_window_shows(qapp, tmp_path, monkeypatch):
    from yiyang_desktop.store import db as D
    from yiyang_desktop.store.db import open_db
    monkeypatch.setattr(D, "SMALL_FILE", 0)  # as if the file were big
    path = tmp_path / "own.db"
    open_db(path).close()
    A = _quiet_main(monkeypatch)
    _sign_in_as_admin(monkeypatch)
    seen = []
    start = A.start_integrity_check

    def watched(window, ctx, p, delay_ms=500):
        seen.append(bool(ctx.db.integrity_pending))
        worker = start(window, ctx, p, delay_ms=0)
        seen.append(worker)
        return worker

    monkeypatch.setattr(A, "start_integrity_check", watched)
    assert A.main(["--db", str(path), "--screenshot", str(tmp_path / "s.png")]) == 0
    assert seen[0] is False and seen[1] is None  # never closed by the window before: checked before it showed
    first = json.loads(meta(open_db(path), D.CLOSED_KEY))
    assert first["size"] == path.stat().st_size
    assert A.main(["--db", str(path), "--screenshot", str(tmp_path / "s.png")]) == 0
    assert seen[2] is True and seen[3] is not None and not seen[3].is_alive()
    db = open_db(path)
    assert json.loads(meta(db, D.CLOSED_KEY))["at"] > first["at"] and meta(db, D.CHECKED_KEY)


def test_damage_found_after_the_window_shows_is_reported_and_offers_the_backups(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from yiyang_desktop import app as A
    from yiyang_desktop.store import db as D
    from yiyang_desktop.store.db import close_db, open_db
    monkeypatch.setattr(D, "SMALL_FILE", 0)
    path = tmp_path / "own.db"
    db = open_db(path)
    db.conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", [(f"k{i}", "x" * 300) for i in range(200)])
    db.conn.commit()
    db.integrity_checked_at = "2026-11-23T08:00:00"
    close_db(db)
    _smash_settings_index(path)
    ctx = open_context(path, False, FixedClock(TODAY))
    assert ctx.db.integrity_pending is True  # nothing told us to doubt the file: it opened at once
    ctx.user, ctx.role = "管理员甲", "管理员"
    w = MainWindow(ctx, path)
    qtbot.addWidget(w)
    w.show()
    shown = []

    def answer(box):
        shown.append(box.text())
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.AcceptRole).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    worker = A.start_integrity_check(w, ctx, path, delay_ms=0)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "完整性检查未通过" in shown[0] and "备份" in shown[0]
    assert w.stack.currentWidget() is w.page("settings")
    assert ctx.db.integrity_pending is True  # not recorded as passed
    worker.stop()
