"""``yiyang-desktop``: QApplication, font, translator, choice of data file, main window."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NamedTuple

from . import APP_NAME, __version__
from .assets import font_path, i18n_path, resource_path, symbols_font_path
from .paths import default_db_path, demo_db_path
from .store.pg_open import is_server

ORG = "Yiyang"
APP = "YiyangDesktop"


def _location(value: str):
    from .cli import location
    return location(value)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="yiyang-desktop", description="医养台账")
    p.add_argument("--db", type=_location, help="打开指定的数据文件，或网络版的服务器数据库 postgresql://用户@主机:端口/数据库")
    p.add_argument("--demo", action="store_true", help="打开演示机构（单独的数据文件）")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认取设置，初始为中文）")
    p.add_argument("--screenshot", type=Path, help="打开主窗口后截图保存到此 PNG 文件并退出")
    p.add_argument("--page", help="与 --screenshot 合用：先切换到的页面（overview/beds/residents…）")
    p.add_argument("--self-test", dest="self_test", action="store_true",
                   help="无界面自检（演示数据、主窗口、评估、申请表），输出 JSON 结果；全部通过时退出码为 0")
    p.add_argument("--report", type=Path, help="与 --self-test 合用：另把 JSON 结果写到此文件")
    p.add_argument("--keep", type=Path, help="与 --self-test 合用：把自检的数据和表格留在此文件夹")
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    args = p.parse_args(argv)
    if (args.report or args.keep) and not args.self_test:
        p.error("--report 和 --keep 只能与 --self-test 合用")
    return args


def setup_application(argv: list[str], lang: str | None = None):
    """Create the QApplication with the bundled CJK font and the chosen language; returns the app."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
    from PySide6.QtGui import QFont, QFontDatabase, QIcon
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    app = QApplication.instance() or QApplication(argv)
    from .ui.screen import install as keep_windows_on_screen
    keep_windows_on_screen(app)  # every window and dialog inside the screen's free area (1366×768 with a taskbar)
    icon = resource_path("icons", "yiyang.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))  # title bar and task bar (the .exe has the .ico from build.spec)
    fid = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
    sid = QFontDatabase.addApplicationFont(str(symbols_font_path()))  # ℃ ℉ Ⅴ ǎ … that the CJK font draws blank
    symbols = QFontDatabase.applicationFontFamilies(sid) if sid >= 0 else []
    if families:
        font = QFont(app.font())
        font.setFamilies([font.family(), *symbols, *families])  # symbols first: the CJK font claims ℃ but draws nothing
        if font.pointSizeF() < 10:
            font.setPointSizeF(10)
        app.setFont(font)
    lang = lang or QSettings().value("language", "zh_CN")
    translators = []
    if lang == "en":
        t = QTranslator(app)
        if t.load(str(i18n_path("yiyang_en.qm"))):
            translators.append(t)
        QLocale.setDefault(QLocale(QLocale.English))
    else:
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            translators.append(qt)
    for t in translators:
        app.installTranslator(t)
    app._yiyang_translators = translators  # keep them alive
    return app


class Choice(NamedTuple):
    """What to open: a data file or a server connection string (never wrapped in Path), how (``demo`` as in
    ``open_context``), and the server password typed at the welcome dialog, if any."""
    target: Path | str
    demo: bool | dict | str = False
    password: str | None = None


def choose_db(args, parent=None, *, server: bool = True) -> Choice | None:
    """What to open: --db (a file or a server), --demo, the server database chosen earlier (连接服务器数据库, kept in the
    settings), the user's file, or (first start) what the welcome dialog picks. ``server=False``: the local file
    (after 改用本机数据文件)."""
    if args.db and (server or not is_server(args.db)):
        return Choice(args.db)
    if args.demo:
        return Choice(demo_db_path(), True)
    from .ui.server_dialog import remembered_server
    if server and remembered_server():
        return Choice(remembered_server())
    if default_db_path().exists():
        return Choice(default_db_path())
    from .ui.welcome import WelcomeDialog
    dlg = WelcomeDialog(parent, server=server)
    if not dlg.exec():
        return None
    if dlg.choice == WelcomeDialog.DEMO:
        return Choice(demo_db_path(), True)
    if dlg.choice == WelcomeDialog.SERVER:
        return Choice(dlg.server_url, False, dlg.server_password)
    return Choice(default_db_path(), dlg.setup())


def open_context(path: Path | str, demo, clock=None, password: str | None = None):
    """Open the file (building the demo when asked); a fresh institution gets what the welcome dialog asked: its
    name, region and policy profile (``demo`` is then that dialog's ``setup()``, or just a name).

    ``path`` may be a server connection string (the 网络版, with ``password`` if one is known): no file checks
    there — the server keeps its own data safe — and never a demo built over it here.

    ``clock`` (default: the computer's) is the one clock of this session: the demo ends on its day and every
    page, rule and record asks it for today and now."""
    from .clock import SYSTEM
    from .services.base import Context
    from .services.demo import build_demo
    from .services.institution import get_institution, save_institution
    from .store.db import meta, open_db

    clock = clock or SYSTEM
    today = clock.today()
    if is_server(path):
        db = open_db(path, clock=clock, password=password)
    elif demo is True:
        rebuild = not path.exists()
        if not rebuild:
            db = open_db(path, create=False, clock=clock)
            rebuild = meta(db, "is_demo") == "1" and meta(db, "demo_end") != today.isoformat()
            db.close()
        if rebuild:
            build_demo(path, end=today)
        db = open_db(path, create=False, check="auto", clock=clock)
    else:
        db = open_db(path, check="auto", clock=clock)  # a big file cleanly closed last time: checked after the window shows
    ctx = Context(db, clock=clock)  # nobody logged in yet: main() signs in (ui.login.sign_in) before any page loads
    first = Context.system(db, user="首次启动", clock=clock)  # what the welcome dialog asked, before any account exists
    if isinstance(demo, str) and demo:
        demo = {"name": demo}
    if isinstance(demo, dict) and demo.get("name") and not get_institution(first).get("name"):
        from .services.policy import set_active_profile
        save_institution(first, {k: demo.get(k) or "" for k in ("name", "region_name", "region_code")})
        if demo.get("profile_id"):
            set_active_profile(first, demo["profile_id"])  # chosen at the welcome dialog, never assumed
    return ctx


def start_integrity_check(window, ctx, path: Path, delay_ms: int = 500):
    """When ``open_db`` left the full check for later (``ctx.db.integrity_pending``), run it in a worker thread
    on its own read-only connection once the window is up (the rules are in ``store.db``, above ``SMALL_FILE``).
    A pass is noted and written with the clean close (``close_db``); damage is shown with the same Chinese
    message as at open, and the user is offered the backups on the settings page (恢复). Returns the worker
    thread, whose ``stop()`` interrupts a check still running (main() calls it before closing the file), or
    None when nothing was pending."""
    if not getattr(ctx.db, "integrity_pending", False):
        return None
    import sqlite3
    import threading

    from PySide6.QtCore import QObject, QTimer, Signal

    from .store.db import background_check, record_check_passed

    db = ctx.db

    class Relay(QObject):
        """Lives in the GUI thread: the worker's signal reaches ``finished`` there (a queued connection)."""
        done = Signal(str)  # "" when the check passed, else the message (a queued None crashes PySide6)

        def finished(self, problem: str) -> None:
            if not problem:
                if ctx.db is db:  # not replaced by a restore meanwhile
                    record_check_passed(db, ctx.clock)
                return
            report_damaged_file(window, problem)

    relay = Relay(window)
    relay.done.connect(relay.finished)
    cons: list = []

    def work() -> None:
        try:
            problem = background_check(path, cons.append)
        except sqlite3.OperationalError:  # interrupted: the window closed first; checked at a later start
            return
        try:
            relay.done.emit(problem or "")
        except RuntimeError:  # the window (and the relay) are gone
            pass

    worker = threading.Thread(target=work, name="integrity-check", daemon=True)

    def stop() -> None:
        """Called before the file is closed: interrupt a check still running and wait for the thread."""
        if worker.is_alive():
            for con in cons:
                try:
                    con.interrupt()
                except sqlite3.ProgrammingError:  # finished and closed meanwhile
                    pass
            worker.join(5)

    worker.stop = stop
    QTimer.singleShot(delay_ms, worker.start)
    window._integrity_relay = relay  # keep it alive with the window
    return worker


def report_damaged_file(window, problem: str) -> None:
    """The file failed the background check: say so and offer restoring a backup (the settings page has them)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Critical, APP_NAME,
                      problem + "\n\n" + QCoreApplication.translate(
                          "app", "请不要继续录入。可以从备份恢复数据（设置 → 备份与恢复），或关闭程序后联系技术支持。"),
                      parent=window)
    restore = box.addButton(QCoreApplication.translate("app", "从备份恢复…"), QMessageBox.AcceptRole)
    box.addButton(QCoreApplication.translate("app", "关闭"), QMessageBox.RejectRole)
    box.setObjectName("integrity_problem")
    box.exec()
    if box.clickedButton() is restore and "settings" in getattr(window, "pages", {}):
        window.show_page("settings")


def check_data_files() -> list[str]:
    """Load and validate the rule files (assessment instruments) at start; Chinese messages naming file and place."""
    from .domain.assessment import InstrumentError, instruments_dir, load_instrument
    from .ui.common import error_text
    problems = []
    for path in sorted(instruments_dir().glob("*.json")):
        try:
            load_instrument(path.stem)
        except InstrumentError as e:
            problems.append(error_text(e))
    return problems


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.self_test:  # headless, in a temporary folder; exit code 0 when every step passed
        from .selftest import run
        return run(args.report, args.keep)
    app = setup_application([sys.argv[0], *argv], args.lang)
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QMessageBox

    from .logsetup import install_excepthook, setup_logging
    from .ui.error_dialog import ErrorReporter
    log_file = setup_logging()
    reporter = ErrorReporter(log_file, app)
    install_excepthook(reporter.report)  # any unexpected error: one friendly dialog, details in the log

    from .ui.common import error_text
    from .ui.main_window import MainWindow

    opened = open_chosen(args)
    if isinstance(opened, int):
        return opened
    path, ctx, instance_lock = opened
    notes = getattr(ctx.db, "open_notes", [])
    if notes:  # e.g. a -wal that did not belong to the file was set aside: say so before anything else
        from .ui.common import tr_text
        QMessageBox.information(None, APP_NAME, "\n\n".join(tr_text(n) for n in notes))
    from .store.db import meta
    if args.screenshot and meta(ctx.db, "is_demo") == "1":
        from .services.accounts import login
        login(ctx, "admin", "demo")  # the demo's published account; only for the unattended screenshot switch
    else:
        from .ui.login import sign_in
        if not sign_in(ctx):
            ctx.db.close()
            if instance_lock is not None:
                instance_lock.release()
            return 0
    problems = check_data_files()
    if problems:
        QMessageBox.warning(None, APP_NAME, "\n\n".join(problems))
    window = MainWindow(ctx, path)
    window.show()
    checker = None if is_server(path) else start_integrity_check(window, ctx, path)
    if args.screenshot:
        def grab() -> None:
            if args.page:
                window.show_page(args.page)
            app.processEvents()
            window.grab().save(str(args.screenshot))
            window.close()
            app.quit()
        QTimer.singleShot(300, grab)
    rc = app.exec()
    if checker is not None and checker.ident is not None:
        checker.stop()
    import shiboken6
    shiboken6.delete(window)  # destroy the window before the QApplication goes away
    if not is_server(path):  # the 网络版's data is backed up on the server (yiyang backup: pg_dump), not by each seat
        from .services.backup import auto_backup
        from .services.base import ServiceError
        try:
            auto_backup(ctx.db, path)  # on close, at most once a day, kept by rotation
        except ServiceError as e:
            QMessageBox.warning(None, APP_NAME, QCoreApplication.translate("app", "关闭时自动备份失败：{err}")
                                .format(err=error_text(e)))
    from .store.db import close_db
    close_db(ctx.db, ctx.clock)  # records the clean close: the next start may check the file after the window shows
    if instance_lock is not None:
        instance_lock.release()
    return rc


def open_chosen(args):
    """Choose and open what to work on: ``(target, ctx, instance_lock)``, or the exit code when nothing opens.

    A data file gets the one-window lock (a second copy of the program is refused) and the file checks. A server
    database (the 网络版) is shared by many seats at once: no lock; the password is asked for when the server wants
    one, and when the server refuses or cannot be reached the user may retry or use the local data file instead."""
    from PySide6.QtWidgets import QMessageBox

    from .store.db import StoreError
    from .ui.common import error_text
    server = True
    while True:
        chosen = choose_db(args, server=server)
        if chosen is None:
            return 0
        if is_server(chosen.target):
            from .ui.server_login import LOCAL, open_server
            ctx = open_server(chosen.target, lambda pw: open_context(chosen.target, False, password=pw),
                              chosen.password)
            if ctx == LOCAL:
                server = False  # this start only: 设置 switches back for good
                continue
            if ctx is None:
                return 0
            return chosen.target, ctx, None
        from .ui.instance_lock import InstanceLock
        instance_lock = InstanceLock(chosen.target)
        if not instance_lock.acquire():  # a second copy of the program on the same file
            QMessageBox.warning(None, APP_NAME, instance_lock.message)
            return 3
        try:
            ctx = open_context(chosen.target, chosen.demo)
        except StoreError as e:
            QMessageBox.critical(None, APP_NAME, error_text(e))
            instance_lock.release()
            return 2
        return chosen.target, ctx, instance_lock


if __name__ == "__main__":
    sys.exit(main())
