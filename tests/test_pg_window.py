"""The window program on the 网络版 (issue 18): connecting to a server database (welcome dialog, 设置, --db), the
password (asked masked, kept only in the system's credential store), a server that refuses or cannot be reached
(重试 / 改用本机数据文件), and several seats: a page shows the others' changes when it is shown again.

These tests use the suite's own PostgreSQL server (fixtures ``pg``/``pg_url``) in either engine pass; they fail,
never skip, when it cannot start."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox

from conftest import TODAY
from factories import admitted, bed
from pg_server import APPPASS, APPUSER
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services.base import Context
from yiyang_desktop.store.db import change_marker, open_db
from yiyang_desktop.store.pg_open import describe, without_password
from yiyang_desktop.ui.server_dialog import ServerDialog, forget_server, remember_server, remembered_server


@pytest.fixture(autouse=True)
def no_saved_connection(qapp, monkeypatch, tmp_path):
    """No server remembered from another test; libpq finds no password of its own (PGPASSWORD, pgpass)."""
    forget_server()
    monkeypatch.setenv("YIYANG_DATA_DIR", str(tmp_path / "data"))  # this test's own data folder (no backups, locks)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    yield
    forget_server()


def bare(url: str) -> str:
    return without_password(url)


def db_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


def fill_server_form(qtbot, dlg: ServerDialog, pg, database: str, password: str, port: int | None = None) -> None:
    """The form typed in as a user does: fields in order, Tab between them."""
    qtbot.keyClicks(dlg.host, "127.0.0.1")
    dlg.port.selectAll()
    qtbot.keyClicks(dlg.port, str(port or pg.port))
    qtbot.keyClicks(dlg.database, database)
    qtbot.keyClicks(dlg.user, APPUSER)
    qtbot.keyClicks(dlg.password_edit, password)


def settings_text() -> str:
    QSettings().sync()
    path = Path(QSettings().fileName())
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


# --------------------------------------------------------------------------- 连接服务器数据库

def test_test_connection_says_what_happened_and_ok_remembers_without_the_password(qtbot, pg, pg_url):
    dlg = ServerDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.port.value() == 5432  # PostgreSQL's port unless told otherwise
    qtbot.mouseClick(dlg.test_button, Qt.LeftButton)  # nothing typed: said beside the fields, no connection tried
    assert dlg.form.errors["host"].isVisibleTo(dlg) and "服务器地址" in dlg.form.errors["host"].text()
    assert dlg.outcome.isHidden()

    fill_server_form(qtbot, dlg, pg, db_name(pg_url), "wrong-password")
    qtbot.mouseClick(dlg.test_button, Qt.LeftButton)
    assert "拒绝了用户名或密码" in dlg.outcome.text()
    assert dlg.password_edit.echoMode() == dlg.password_edit.EchoMode.Password  # typed masked

    dlg.password_edit.clear()
    qtbot.keyClicks(dlg.password_edit, APPPASS)
    qtbot.mouseClick(dlg.test_button, Qt.LeftButton)
    assert "连接成功" in dlg.outcome.text() and "是空的" in dlg.outcome.text()  # a new database: set up at first opening
    assert dlg.remember.isHidden()  # only the key-file fallback here: the password is never offered to be kept

    qtbot.keyClick(dlg.password_edit, Qt.Key_Return)  # 连接
    assert dlg.result() == QDialog.Accepted
    assert remembered_server() == bare(pg.url(db_name(pg_url))) and dlg.password == APPPASS
    assert APPPASS not in settings_text()  # never in the settings in clear text
    assert db_name(pg_url) in settings_text()


def test_an_unreachable_server_is_said_within_seconds_and_nothing_is_remembered(qtbot, pg):
    dlg = ServerDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    fill_server_form(qtbot, dlg, pg, "yiyang", "x", port=closed_port())
    started = time.monotonic()
    qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.LeftButton)
    assert time.monotonic() - started < 10
    assert "无法连接服务器数据库" in dlg.outcome.text() and "防火墙" in dlg.outcome.text()
    assert dlg.isVisible() and remembered_server() is None


def test_a_foreign_database_is_refused_by_the_test(qtbot, pg, pg_url):
    pg.psql("CREATE TABLE customers (id int)", db_name(pg_url))
    pg.psql(f"ALTER TABLE customers OWNER TO {APPUSER}", db_name(pg_url))
    dlg = ServerDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    fill_server_form(qtbot, dlg, pg, db_name(pg_url), APPPASS)
    qtbot.mouseClick(dlg.test_button, Qt.LeftButton)
    assert "不是医养台账的数据库" in dlg.outcome.text()


class Answers:
    """Answers the modal dialogs the program opens next (inside their exec), one handler each, in order."""

    def __init__(self, *handlers):
        self.handlers = list(handlers)
        self.seen: list = []
        QTimer.singleShot(0, self.look)

    def look(self) -> None:
        w = QApplication.activeModalWidget()
        if w is not None and w.isVisible() and not any(w is s for s in self.seen) and self.handlers:
            self.seen.append(w)
            self.handlers.pop(0)(w)
        if self.handlers:
            QTimer.singleShot(20, self.look)


def test_the_welcome_dialog_connects_to_a_server(qtbot, pg, pg_url):
    from yiyang_desktop.ui.welcome import WelcomeDialog
    dlg = WelcomeDialog()
    qtbot.addWidget(dlg)
    dlg.show()

    def connect(server: ServerDialog):
        fill_server_form(qtbot, server, pg, db_name(pg_url), APPPASS)
        qtbot.mouseClick(server.buttons.button(server.buttons.StandardButton.Ok), Qt.LeftButton)
    answers = Answers(connect)
    qtbot.mouseClick(dlg.server_button, Qt.LeftButton)
    assert isinstance(answers.seen[0], ServerDialog)
    assert dlg.result() == QDialog.Accepted and dlg.choice == WelcomeDialog.SERVER
    assert dlg.server_url == bare(pg.url(db_name(pg_url))) and dlg.server_password == APPPASS
    assert remembered_server() == dlg.server_url


# --------------------------------------------------------------------------- starting the program on a server

def _quiet_main(monkeypatch):
    from test_app import _quiet_main as quiet
    return quiet(monkeypatch)


def _signed_in(monkeypatch, seen: list):
    import yiyang_desktop.ui.login as L

    def signed_in(ctx, parent=None):
        seen.append(ctx.db.url if hasattr(ctx.db, "url") else None)
        ctx.user, ctx.role = "管理员甲", "管理员"
        return True
    monkeypatch.setattr(L, "sign_in", signed_in)


def _watch_window(monkeypatch) -> list:
    """The title and status bar of each main window shown."""
    from yiyang_desktop.ui.main_window import MainWindow
    shown = []
    original = MainWindow.show

    def show(self):
        label = self.statusBar().findChild(QLabel, "server_label")
        shown.append({"title": self.windowTitle(), "server": label.text() if label else None,
                      "path": self.db_path, "timer": self.watch.isActive()})
        original(self)
    monkeypatch.setattr(MainWindow, "show", show)
    return shown


def type_password(password: str, remember: bool = False):
    def answer(dlg):
        assert dlg.password.echoMode() == dlg.password.EchoMode.Password  # typed masked
        QTest.keyClicks(dlg.password, password)
        if remember:
            QTest.mouseClick(dlg.remember, Qt.LeftButton, pos=dlg.remember.rect().bottomLeft() + QPoint(4, -4))
        QTest.keyClick(dlg.password, Qt.Key_Return)
    return answer


def test_the_remembered_server_opens_at_start_asking_the_password(qapp, pg, pg_url, monkeypatch):
    open_db(pg_url).close()  # a 医养台账 database on the server
    url = bare(pg_url)
    remember_server(url)
    A = _quiet_main(monkeypatch)
    signed = []
    _signed_in(monkeypatch, signed)
    shown = _watch_window(monkeypatch)
    problems = []

    def note(dlg):
        problems.append(dlg.problem.text() if not dlg.problem.isHidden() else "")
        assert dlg.windowTitle() == "服务器数据库的密码" and dlg.remember.isHidden()  # no 记住 without a store
    answers = Answers(lambda d: (note(d), type_password("wrong")(d)), lambda d: (note(d), type_password(APPPASS)(d)))
    assert A.main(["--screenshot", str(Path(os.environ["YIYANG_DATA_DIR"]) / "s.png")]) == 0
    assert len(answers.seen) == 2
    assert problems[0] == "" and "拒绝了用户名或密码" in problems[1]  # first it asks; after a wrong one it says why
    assert signed == [url]  # signed in as usual
    assert shown and "网络版" in shown[0]["title"] and describe(url) in shown[0]["title"]
    assert describe(url) in shown[0]["server"] and shown[0]["path"] == url and shown[0]["timer"]
    data = Path(os.environ["YIYANG_DATA_DIR"])
    assert not list(data.glob("*.lock")) and not (data / "backups").exists()  # no file lock, no file backup


def test_an_unreachable_server_offers_retry_and_the_local_file(qapp, pg, monkeypatch):
    from yiyang_desktop.paths import default_db_path
    open_db(default_db_path()).close()  # this computer also has its own data file
    url = f"postgresql://{APPUSER}@127.0.0.1:{closed_port()}/yiyang"
    remember_server(url)
    A = _quiet_main(monkeypatch)
    _signed_in(monkeypatch, [])
    shown = _watch_window(monkeypatch)
    boxes = []

    def press(name):
        def answer(box):
            boxes.append(box.text())
            assert {b.text() for b in box.buttons()} == {"重试", "改用本机数据文件", "退出"}
            QTest.mouseClick(next(b for b in box.buttons() if b.text() == name), Qt.LeftButton)
        return answer
    answers = Answers(press("重试"), press("改用本机数据文件"))
    try:
        assert A.main(["--screenshot", str(default_db_path().with_name("s.png"))]) == 0
    finally:
        default_db_path().unlink()
    assert len(answers.seen) == 2 and all(isinstance(b, QMessageBox) for b in answers.seen)
    assert "无法连接服务器数据库" in boxes[0] and describe(url) in boxes[0] and boxes[1] == boxes[0]
    assert shown[0]["path"] == default_db_path() and shown[0]["server"] is None and not shown[0]["timer"]
    assert remembered_server() == url  # this start only: 设置 switches back for good


def test_remember_password_keeps_it_in_the_credential_store_only(qapp, pg, pg_url, monkeypatch, credential_store):
    from yiyang_desktop.logsetup import setup_logging
    open_db(pg_url).close()
    url = bare(pg_url)
    remember_server(url)
    A = _quiet_main(monkeypatch)
    _signed_in(monkeypatch, [])
    shown = _watch_window(monkeypatch)
    shot = str(Path(os.environ["YIYANG_DATA_DIR"]) / "s.png")

    def check_offered(dlg):
        assert not dlg.remember.isHidden()  # a credential store exists: 记住密码 is offered
        type_password(APPPASS, remember=True)(dlg)
    answers = Answers(check_offered)
    assert A.main(["--screenshot", shot]) == 0
    assert len(answers.seen) == 1
    assert credential_store == {("YiyangDesktop server", describe(url)): APPPASS}
    answers = Answers(type_password("never asked"))
    assert A.main(["--screenshot", shot]) == 0  # the next start takes it from the store
    assert answers.seen == [] and len(shown) == 2
    answers.handlers.clear()
    log = setup_logging()
    config = Path(os.environ["YIYANG_CONFIG_DIR"])
    for f in [*config.rglob("*"), Path(QSettings().fileName()), *Path(log).parent.glob("*")]:
        if f.is_file():
            assert APPPASS.encode() not in f.read_bytes(), f  # nowhere in clear text: settings, key notes, logs


# --------------------------------------------------------------------------- several seats

def seat(url: str, user: str) -> Context:
    return Context(open_db(url), user=user, role="管理员", clock=FixedClock(TODAY))


def names_on(page) -> set[str]:
    m = page.model
    return {m.index(r, c).data() for r in range(m.rowCount()) for c in range(m.columnCount())} - {None}


def press_nav(qtbot, window, key: str) -> None:
    item = window.nav.item(list(window.pages).index(key))
    qtbot.mouseClick(window.nav.viewport(), Qt.LeftButton, pos=window.nav.visualItemRect(item).center())
    assert window.current_key() == key


def test_a_page_shows_the_other_seats_changes_when_shown_again(qtbot, pg_url):
    from yiyang_desktop.ui.main_window import MainWindow
    front, nurses = seat(pg_url, "前台"), seat(pg_url, "护士站")
    try:
        b = bed(front)
        admitted(front, b, TODAY, name="王前台")
        w = MainWindow(front, "ignored")
        qtbot.addWidget(w)
        w.show()
        press_nav(qtbot, w, "residents")
        assert "王前台" in names_on(w.page("residents"))
        before = change_marker(front.db)
        admitted(nurses, bed(nurses, room="102"), TODAY, name="李护士")  # another PC writes
        assert change_marker(front.db) != before
        assert "李护士" not in names_on(w.page("residents"))  # nothing redraws by itself between looks
        press_nav(qtbot, w, "beds")
        press_nav(qtbot, w, "residents")
        assert "李护士" in names_on(w.page("residents"))
        refreshed = []
        w.page("beds").refresh = lambda: refreshed.append("beds")
        press_nav(qtbot, w, "beds")  # nothing changed since the beds page was drawn: not drawn again
        press_nav(qtbot, w, "residents")
        assert refreshed == []
    finally:
        front.db.close()
        nurses.db.close()


def test_the_page_being_shown_picks_up_changes_on_the_timer(qtbot, pg_url):
    from yiyang_desktop.ui.main_window import WATCH_MS, MainWindow
    assert WATCH_MS <= 20_000
    front, nurses = seat(pg_url, "前台"), seat(pg_url, "护士站")
    try:
        w = MainWindow(front, "ignored")
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        assert w.watch.isActive() and w.watch.interval() == WATCH_MS  # the 网络版 looks every few seconds
        press_nav(qtbot, w, "residents")
        w.watch.setInterval(50)
        admitted(nurses, bed(nurses), TODAY, name="李护士")
        qtbot.waitUntil(lambda: "李护士" in names_on(w.page("residents")), timeout=5000)
        press_nav(qtbot, w, "institution")  # typing there is never redrawn away
        person = w.page("institution").findChild(QLineEdit, "field_contact_phone")
        qtbot.keyClicks(person, "13800138000")
        redrawn = []
        original = w.page("institution").refresh
        w.page("institution").refresh = lambda: (redrawn.append(1), original())
        bed(nurses, room="103")
        qtbot.wait(400)
        assert redrawn == [] and person.text() == "13800138000" and not w.look_for_changes()
        person.clear()  # nothing left unsaved for the window's closing question
        w.watch.stop()
    finally:
        front.db.close()
        nurses.db.close()


def test_two_window_processes_work_on_the_same_server_at_once(pg, pg_url, tmp_path):
    """Two PCs: two copies of the program (two processes) on one server database at the same time, each signing in
    (a write to the audit trail) and drawing a page; the trail stays one unbroken chain."""
    from PySide6.QtGui import QImage
    from yiyang_desktop.services import audit
    from yiyang_desktop.services.demo import build_demo
    build_demo(pg_url, end=TODAY)
    db = open_db(pg_url)
    before = change_marker(db)
    procs, shots = [], []
    for n, page in ((1, "residents"), (2, "beds")):
        shots.append(tmp_path / f"pc{n}.png")
        env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path / f"home{n}"),
               "YIYANG_DATA_DIR": str(tmp_path / f"data{n}"), "XDG_CONFIG_HOME": str(tmp_path / f"cfg{n}"),
               "YIYANG_CONFIG_DIR": os.environ["YIYANG_CONFIG_DIR"],  # the demo's audit key, as both PCs would have it
               "YIYANG_KEYRING": "file", "PGPASSWORD": APPPASS, "PGPASSFILE": str(tmp_path / "none")}
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "yiyang_desktop", "--db", bare(pg_url), "--screenshot", str(shots[-1]),
             "--page", page], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    for shot in shots:
        img = QImage(str(shot))
        assert img.width() >= 600 and img.height() >= 400
        assert len({img.pixel(x, y) for x in range(0, img.width(), 23) for y in range(0, img.height(), 19)}) > 10
    assert change_marker(db) != before  # both signed in: written to the one trail
    assert audit.verify_chain(db)["ok"]
    for n in (1, 2):
        assert not list((tmp_path / f"data{n}").rglob("*.lock"))  # no file lock for a server database
    db.close()
