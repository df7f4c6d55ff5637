"""``yiyang-desktop``: QApplication, font, translator, choice of data file, main window."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import APP_NAME, __version__
from .assets import font_path, i18n_path
from .paths import default_db_path, demo_db_path

ORG = "Yiyang"
APP = "YiyangDesktop"


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="yiyang-desktop", description="医养台账")
    p.add_argument("--db", type=Path, help="打开指定的数据文件")
    p.add_argument("--demo", action="store_true", help="打开演示机构（单独的数据文件）")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认取设置，初始为中文）")
    p.add_argument("--screenshot", type=Path, help="打开主窗口后截图保存到此 PNG 文件并退出")
    p.add_argument("--page", help="与 --screenshot 合用：先切换到的页面（overview/beds/residents…）")
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return p.parse_args(argv)


def setup_application(argv: list[str], lang: str | None = None):
    """Create the QApplication with the bundled CJK font and the chosen language; returns the app."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    app = QApplication.instance() or QApplication(argv)
    fid = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
    if families:
        font = QFont(app.font())
        font.setFamilies([font.family(), *families])
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


def choose_db(args, parent=None) -> tuple[Path, bool] | None:
    """The file to open: --db, --demo, the user's file, or (first start) what the welcome dialog picks."""
    if args.db:
        return args.db, False
    if args.demo:
        return demo_db_path(), True
    if default_db_path().exists():
        return default_db_path(), False
    from .ui.welcome import WelcomeDialog
    dlg = WelcomeDialog(parent)
    if not dlg.exec():
        return None
    if dlg.choice == WelcomeDialog.DEMO:
        return demo_db_path(), True
    return default_db_path(), dlg.name.text().strip()


def open_context(path: Path, demo, today: dt.date | None = None):
    """Open the file (building the demo when asked); a fresh institution gets the name typed at welcome."""
    from .services.base import Context
    from .services.demo import build_demo
    from .services.institution import get_institution, save_institution
    from .store.db import meta, open_db

    today = today or dt.date.today()
    if demo is True:
        rebuild = not path.exists()
        if not rebuild:
            db = open_db(path, create=False)
            rebuild = meta(db, "is_demo") == "1" and meta(db, "demo_end") != today.isoformat()
            db.close()
        if rebuild:
            build_demo(path, end=today)
        db = open_db(path, create=False)
    else:
        db = open_db(path)
    ctx = Context(db)  # nobody logged in yet: main() signs in (ui.login.sign_in) before any page loads
    first = Context.system(db, user="首次启动")  # the name typed at the welcome dialog, before any account exists
    if isinstance(demo, str) and demo and not get_institution(first).get("name"):
        save_institution(first, {"name": demo})
    return ctx


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
    app = setup_application([sys.argv[0], *argv], args.lang)
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QMessageBox

    from .logsetup import install_excepthook, setup_logging
    from .ui.error_dialog import ErrorReporter
    log_file = setup_logging()
    reporter = ErrorReporter(log_file, app)
    install_excepthook(reporter.report)  # any unexpected error: one friendly dialog, details in the log

    from .store.db import StoreError
    from .ui.common import error_text
    from .ui.main_window import MainWindow

    chosen = choose_db(args)
    if chosen is None:
        return 0
    path, demo = chosen
    from .ui.instance_lock import InstanceLock
    instance_lock = InstanceLock(path)
    if not instance_lock.acquire():  # a second copy of the program on the same file
        QMessageBox.warning(None, APP_NAME, instance_lock.message)
        return 3
    try:
        ctx = open_context(path, demo)
    except StoreError as e:
        QMessageBox.critical(None, APP_NAME, error_text(e))
        instance_lock.release()
        return 2
    from .store.db import meta
    if args.screenshot and meta(ctx.db, "is_demo") == "1":
        from .services.accounts import login
        login(ctx, "admin", "demo")  # the demo's published account; only for the unattended screenshot switch
    else:
        from .ui.login import sign_in
        if not sign_in(ctx):
            ctx.db.close()
            instance_lock.release()
            return 0
    problems = check_data_files()
    if problems:
        QMessageBox.warning(None, APP_NAME, "\n\n".join(problems))
    window = MainWindow(ctx, path)
    window.show()
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
    import shiboken6
    shiboken6.delete(window)  # destroy the window before the QApplication goes away
    from .services.backup import auto_backup
    from .services.base import ServiceError
    try:
        auto_backup(ctx.db, path)  # on close, at most once a day, kept by rotation
    except ServiceError as e:
        QMessageBox.warning(None, APP_NAME, QCoreApplication.translate("app", "关闭时自动备份失败：{err}")
                            .format(err=error_text(e)))
    ctx.db.close()
    instance_lock.release()
    return rc


if __name__ == "__main__":
    sys.exit(main())
