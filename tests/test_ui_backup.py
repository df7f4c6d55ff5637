"""The backup panel, the one-window-per-file lock, and the friendly error dialog, driven with qtbot."""
from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

import factories
from yiyang_desktop import logsetup
from yiyang_desktop.services import backup as bk
from yiyang_desktop.services.base import Context
from yiyang_desktop.store.db import open_db

NOW = dt.datetime(2026, 11, 20, 9, 0, 0)


pytestmark = pytest.mark.usefixtures("data_folder")  # each test its own data folder (conftest)


@pytest.fixture
def panel(qapp, qtbot, demo_ctx, tmp_path):
    from yiyang_desktop.ui.backup_panel import BackupPanel
    bk.make_backup(demo_ctx, tmp_path / "demo.db", now=NOW)
    w = BackupPanel(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.resize(900, 420)
    w.show()
    return w


def _count(ctx, table):
    return ctx.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_panel_lists_backups_with_date_size_and_counts(panel, demo_ctx):
    m = panel.model
    assert m.rowCount() == 1
    cells = [m.index(0, c).data() for c in range(m.columnCount())]
    assert cells[0] == "2026-11-20 09:00:00"
    assert cells[1].endswith("KB") or cells[1].endswith("MB")
    assert cells[2:5] == [str(_count(demo_ctx, t)) for t in ("residents", "beds", "assessments")]
    assert int(cells[2]) > 0


def test_backup_now_adds_a_row_and_says_where(panel, qtbot):
    result = panel.backup_now()
    assert Path(result["path"]).exists()
    assert panel.model.rowCount() == 2 and panel.model.row_at(0)["path"] == result["path"]
    assert result["path"] in panel.status.text()


@pytest.mark.sqlite_only(reason="restores a file backup over the data file; the server is restored only into an empty database (test_pg_backup.py)")
def test_restore_asks_with_date_and_counts_then_swaps_the_file(panel, demo_ctx, monkeypatch, qtbot):
    before = {t: _count(demo_ctx, t) for t in ("residents", "beds", "assessments")}
    factories.resident(demo_ctx, name="后来登记")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.Yes)
    panel.refresh()
    panel.select_row(0)
    assert panel.restore_button.isEnabled()
    old_db = demo_ctx.db
    with qtbot.waitSignal(panel.restored) as sig:
        panel.restore_button.click()
    assert "2026-11-20 09:00:00" in asked[0]
    assert f"老人 {before['residents']} 人，床位 {before['beds']} 张，评估 {before['assessments']} 条" in asked[0]
    assert demo_ctx.db is not old_db and _count(demo_ctx, "residents") == before["residents"]
    assert sig.args[0]["safety_backup"] and Path(sig.args[0]["safety_backup"]).exists()
    assert panel.model.rowCount() == 2  # the safety copy is listed, marked
    assert "恢复前自动保存" in [panel.model.index(r, 5).data() for r in range(2)]


@pytest.mark.sqlite_only(reason="restores a file backup over the data file; the server is restored only into an empty database (test_pg_backup.py)")
def test_cancelled_restore_changes_nothing(panel, demo_ctx, monkeypatch):
    factories.resident(demo_ctx, name="留下")
    n = _count(demo_ctx, "residents")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Cancel)
    panel.select_row(0)
    assert panel.restore_selected() is None
    assert _count(demo_ctx, "residents") == n and panel.model.rowCount() == 1


@pytest.mark.sqlite_only(reason="restores a file backup over the data file; the server is restored only into an empty database (test_pg_backup.py)")
def test_broken_backup_is_marked_and_cannot_be_chosen(panel, data_folder, monkeypatch):
    (data_folder / "backups" / "demo-20261122-080000.db").write_bytes(b"not a database at all" * 50)
    panel.refresh()
    row0 = panel.model.row_at(0)
    assert row0["problem"] and "不是医养台账" in panel.model.index(0, 5).data()
    panel.select_row(0)
    assert not panel.restore_button.isEnabled()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    assert panel.restore_from(Path(row0["path"])) is None and "不是医养台账" in warned[0]


def test_read_only_role_cannot_back_up_or_restore(qapp, qtbot, demo_ctx, tmp_path):
    from yiyang_desktop.ui.backup_panel import BackupPanel
    viewer = Context(demo_ctx.db, user="anna", role="只读")
    w = BackupPanel(viewer, tmp_path / "demo.db")
    qtbot.addWidget(w)
    assert not w.backup_button.isEnabled() and not w.restore_file_button.isEnabled()
    assert not w.choose_second.isEnabled()


def test_second_folder_is_chosen_stored_and_used(panel, demo_ctx, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    from yiyang_desktop.ui import backup_panel as mod
    monkeypatch.setattr(mod.QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    panel.choose_second.click()
    assert bk.second_dir(demo_ctx) == usb and panel.second_label.text() == str(usb)
    result = panel.backup_now()
    assert [Path(p).parent for p in result["copies"]] == [usb / demo_ctx.db.file_id]  # its own folder there too
    assert {r["folder"] for r in panel.model.rows} == {str(usb), str(bk.backups_dir())}
    panel.clear_second.click()
    assert bk.second_dir(demo_ctx) is None and panel.second_label.text() == "（未设置）"


def test_backup_failure_is_a_chinese_message_not_a_crash(panel, monkeypatch, tmp_path):
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    monkeypatch.setattr(bk, "backups_dir", lambda: blocker / "backups")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append((title, text)))
    assert panel.backup_now() is None
    assert warned and warned[0][0] == "备份失败" and "无法写入文件夹" in warned[0][1]
    assert blocker.read_text() == "x"


def test_on_the_server_the_panel_backs_up_with_pg_dump_and_never_restores_over_it(qapp, qtbot, pg_url, tmp_path):
    from PySide6.QtCore import Qt
    from yiyang_desktop.clock import FixedClock
    from yiyang_desktop.services.base import Context
    from yiyang_desktop.ui.backup_panel import BackupPanel
    ctx = Context(open_db(pg_url), user="tester", role="管理员", clock=FixedClock(NOW))
    try:
        w = BackupPanel(ctx, pg_url)
        qtbot.addWidget(w)
        w.resize(900, 420)
        w.show()
        assert w.model.rowCount() == 0
        assert not w.restore_button.isEnabled() and not w.restore_file_button.isEnabled()
        qtbot.mouseClick(w.backup_button, Qt.LeftButton)
        assert w.model.rowCount() == 1
        row = w.model.row_at(0)
        assert row["path"].endswith(".dump") and Path(row["path"]).stat().st_size > 0 and not row["problem"]
        assert row["path"] in w.status.text()
        w.select_row(0)
        assert not w.restore_button.isEnabled()  # a live server database is never replaced from the window
        w.grab().save(str(tmp_path / "backup-panel-server.png"))
    finally:
        ctx.db.close()


def test_panel_screenshot(panel, tmp_path):
    panel.select_row(0)
    out = Path(os.environ.get("YIYANG_SHOT_DIR", tmp_path)) / "backup_panel.png"
    assert panel.grab().save(str(out)) and out.stat().st_size > 1000


# ---------------------------------------------------------------- one window per data file

def test_second_lock_on_the_same_file_is_refused_with_a_message(qapp, tmp_path):
    from yiyang_desktop.ui.instance_lock import InstanceLock
    path = tmp_path / "yiyang.db"
    first, second = InstanceLock(path), InstanceLock(path)
    assert first.acquire()
    assert not second.acquire()
    assert "已经在另一个医养台账窗口中打开" in second.message and str(path) in second.message
    assert str(os.getpid()) in second.message
    first.release()
    assert second.acquire() and second.message == ""
    second.release()
    assert InstanceLock(tmp_path / "other.db").acquire()  # another file is another lock


def test_lock_held_by_another_process_then_left_by_a_killed_one(qapp, tmp_path):
    from yiyang_desktop.ui.instance_lock import InstanceLock
    path = tmp_path / "yiyang.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom PySide6.QtCore import QLockFile\n"
         "l = QLockFile(sys.argv[1]); l.setStaleLockTime(0)\nprint(l.tryLock(0), flush=True)\ntime.sleep(60)",
         str(bk.lock_path(path))], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        lock = InstanceLock(path)
        assert not lock.acquire() and f"进程 {holder.pid}" in lock.message
        assert bk.lock_holder(path) == holder.pid  # the command line sees it too
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    lock = InstanceLock(path)
    assert lock.acquire()  # a lock whose owner died is taken over
    lock.release()


# ---------------------------------------------------------------- unexpected errors

def test_error_dialog_says_it_plainly_shows_the_log_and_copies_details(qapp, qtbot, tmp_path):
    from yiyang_desktop.ui.error_dialog import ErrorDialog
    log = tmp_path / "logs" / "yiyang.log"
    dlg = ErrorDialog("Traceback (most recent call last):\nZeroDivisionError: division by zero", log)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "意外错误" in dlg.sentence.text() and "已保存的数据不受影响" in dlg.sentence.text()
    assert str(log) in dlg.log_label.text()
    assert not dlg.details.isVisible()
    dlg.show_button.click()
    assert dlg.details.isVisible()
    dlg.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "ZeroDivisionError" in copied and str(log) in copied and dlg.copy_button.text() == "已复制"


@pytest.mark.qt_no_exception_capture
def test_uncaught_error_in_a_slot_is_logged_and_shown_once(qapp, qtbot, tmp_path):
    from yiyang_desktop.ui.error_dialog import ErrorReporter
    log = tmp_path / "logs" / "yiyang.log"
    logger = logging.getLogger(logsetup.LOGGER)
    saved = list(logger.handlers)
    for h in saved:
        logger.removeHandler(h)
    old_hook = sys.excepthook
    old_thread_hook = __import__("threading").excepthook
    try:
        assert logsetup.setup_logging(path=log) == log
        reporter = ErrorReporter(log)
        logsetup.install_excepthook(reporter.report)
        button = QPushButton("boom")
        qtbot.addWidget(button)

        def fail():
            raise RuntimeError("模拟的意外错误")
        button.clicked.connect(fail)
        QTimer.singleShot(0, button.click)
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=3000)
        QTimer.singleShot(0, button.click)  # a second error while the dialog is open: appended, not stacked
        qtbot.waitUntil(lambda: reporter.dialog.details.toPlainText().count("RuntimeError: 模拟的意外错误") == 2,
                        timeout=3000)
        assert reporter.shown == 1
        for h in logger.handlers:
            h.flush()
        text = log.read_text(encoding="utf-8")
        assert text.count("RuntimeError: 模拟的意外错误") == 2 and "Traceback" in text
        reporter.dialog.close()
    finally:
        sys.excepthook = old_hook
        __import__("threading").excepthook = old_thread_hook
        for h in list(logger.handlers):
            logger.removeHandler(h)
            h.close()
        for h in saved:
            logger.addHandler(h)


@pytest.mark.qt_no_exception_capture
def test_error_in_a_worker_thread_reaches_the_dialog(qapp, qtbot, tmp_path):
    import threading

    from yiyang_desktop.ui.error_dialog import ErrorReporter
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    try:
        reporter = ErrorReporter(None)
        logsetup.install_excepthook(reporter.report)

        def work():
            raise ValueError("线程里的错误")
        t = threading.Thread(target=work)
        t.start()
        t.join()
        qtbot.waitUntil(lambda: reporter.dialog is not None, timeout=3000)
        assert "线程里的错误" in reporter.dialog.details.toPlainText()
        assert "日志文件不可用" in reporter.dialog.log_label.text()
        reporter.dialog.close()
    finally:
        sys.excepthook, threading.excepthook = old_hook, old_thread_hook
