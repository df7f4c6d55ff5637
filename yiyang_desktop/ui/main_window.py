"""The main window: navigation on the left, one page at a time on the right."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from .. import APP_NAME
from ..services.accounts import can
from ..services.base import Context
from ..services.institution import get_institution
from ..store.db import change_marker, is_server_db, meta
from ..store.pg_open import describe
from .common import tr_enum
from .page import Page
from . import screen


def _page_class(module: str, name: str) -> type[Page]:
    """A page's class, its module imported on first use (start-up imports only the first page's module)."""
    import importlib
    return getattr(importlib.import_module(f"{__package__}.{module}"), name)


class Pages(Mapping):
    """The window's pages by key, in navigation order. A page is built the first time it is asked for (shown,
    or looked up by a test or a button), so the window opens after building only the page it shows."""

    def __init__(self, build: Callable[[str], Page]):
        self._order: list[str] = []
        self.built: dict[str, Page] = {}
        self._build = build

    def add_key(self, key: str) -> None:
        self._order.append(key)

    def __getitem__(self, key: str) -> Page:
        if key not in self.built:
            if key not in self._order:
                raise KeyError(key)
            self.built[key] = self._build(key)
        return self.built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key) -> bool:
        return key in self._order


BEST_SIZE = (1440, 900)  # enough for every page; smaller screens get their whole free area
WATCH_MS = 15_000  # the 网络版: how often the page being shown looks for other seats' changes


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context, db_path: Path | str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.server = describe(ctx.db.url) if is_server_db(ctx.db) else None  # the 网络版: user@host:port/db
        self.db_path = ctx.db.url if self.server else Path(db_path)  # a connection string is never a Path
        self.is_demo = meta(ctx.db, "is_demo") == "1"
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(16, 16))
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        self.pages = Pages(self._build)
        self._factories: dict[str, Callable[[], Page]] = {}
        self._dirty: set[str] = set()
        self._seen: dict[str, int] = {}  # the change marker each page was last drawn at (store.db.change_marker)
        page = _page_class
        self._add("overview", self.tr("概览"), lambda: page("overview_page", "OverviewPage")(ctx))
        self._add("institution", self.tr("机构信息"), lambda: page("institution_page", "InstitutionPage")(ctx))
        self._add("beds", self.tr("床位"), lambda: page("beds_page", "BedsPage")(ctx))
        self._add("residents", self.tr("入住老人"), lambda: page("residents_page", "ResidentsPage")(ctx))
        self._add("staff", self.tr("人员"), lambda: page("staff_page", "StaffPage")(ctx))
        self._add("assessments", self.tr("能力评估"), lambda: page("assessments_page", "AssessmentsPage")(ctx))
        self._add("health", self.tr("健康管理"), lambda: page("health_page", "HealthPage")(ctx))
        self._add("partners", self.tr("医疗合作"), lambda: page("partners_page", "PartnersPage")(ctx))
        self._add("referrals", self.tr("转诊"), lambda: page("referrals_page", "ReferralsPage")(ctx))
        self._add("applications", self.tr("申报"), lambda: page("applications_page", "ApplicationsPage")(ctx))
        self._add("returns", self.tr("月报"), lambda: page("returns_page", "ReturnsPage")(ctx))
        self._add("settings", self.tr("设置"), lambda: page("settings_page", "SettingsPage")(ctx, self.db_path))
        if can(ctx, "audit.read"):
            self._add("audit", self.tr("审计记录"), lambda: page("audit_page", "AuditPage")(ctx))
        self.nav.currentRowChanged.connect(self._show)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if self.is_demo:
            banner = QLabel(self.tr("演示数据：这里的机构和老人都是虚构的，与正式数据分开保存。"))
            banner.setObjectName("demo_banner")
            banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px 12px;")
            outer.addWidget(banner)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        if self.server:
            where = QLabel(self.tr("网络版 · 服务器数据库 {where}").format(where=self.server))
            where.setObjectName("server_label")
            self.statusBar().addWidget(where)
        else:
            self.statusBar().showMessage(str(self.db_path))
        from PySide6.QtGui import QAction, QKeySequence
        from .lock import IdleLock
        from .login import ChangePasswordDialog
        self.idle_lock = IdleLock(self, ctx)  # covers the window after the idle minutes set in 设置
        self.who = who = QLabel(self.tr("{user}（{role}）").format(user=ctx.user or "", role=tr_enum(ctx.role)))
        who.setObjectName("current_user")
        self.statusBar().addPermanentWidget(who)
        lock_now = QAction(self.tr("锁定"), self)
        lock_now.setShortcut(QKeySequence("Ctrl+L"))
        lock_now.triggered.connect(self.idle_lock.lock)
        self.addAction(lock_now)
        lock_button = QPushButton(self.tr("锁定"))
        lock_button.setObjectName("lock_now")
        lock_button.clicked.connect(self.idle_lock.lock)
        password_button = QPushButton(self.tr("修改密码"))
        password_button.setObjectName("change_password")
        password_button.clicked.connect(lambda: ChangePasswordDialog(ctx, self).exec())
        password_button.setVisible(bool(ctx.user_id))
        self.statusBar().addPermanentWidget(password_button)
        self.statusBar().addPermanentWidget(lock_button)
        self._update_title()
        self._restore_geometry()
        self.nav.setCurrentRow(0)
        self.watch = QTimer(self)  # other seats' changes reach the page being shown (网络版 only: one seat on a file)
        self.watch.setObjectName("change_watch")
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.look_for_changes)
        if self.server:
            self.watch.start()

    def _add(self, key: str, title: str, factory: Callable[[], Page]) -> None:
        """A navigation entry; its page is built by ``factory`` when first needed (a placeholder holds its place)."""
        item = QListWidgetItem(title)
        item.setData(Qt.UserRole, key)
        self.nav.addItem(item)
        self.stack.addWidget(QWidget())
        self._factories[key] = factory
        self.pages.add_key(key)

    def _build(self, key: str) -> Page:
        page = self._factories[key]()
        index = list(self.pages).index(key)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        page.changed.connect(lambda k=key: self._data_changed(k))
        if hasattr(page, "navigate"):
            page.navigate.connect(self.show_page)
        self._dirty.add(key)  # drawn (refresh) when first shown
        return page

    def relogin(self) -> bool:
        """After a restore the file has its own accounts: log in again (or close the window), then redraw."""
        from ..services.accounts import logout
        from .login import sign_in
        logout(self.ctx)
        QMessageBox.information(self, self.tr("已恢复"), self.tr("数据已从备份恢复。请用备份中的账号重新登录。"))
        if not sign_in(self.ctx, self):
            self.close()
            return False
        self.who.setText(self.tr("{user}（{role}）").format(user=self.ctx.user or "", role=tr_enum(self.ctx.role)))
        self._dirty.update(self.pages)
        self._show(self.nav.currentRow())
        self._update_title()
        return True

    def page(self, key: str) -> Page:
        return self.pages[key]

    def show_page(self, key: str) -> Page:
        """Show a page; ``"health#due"`` also opens the page's tab of that name (a 概览 tile's list)."""
        key, _, tab = key.partition("#")
        self.nav.setCurrentRow(list(self.pages).index(key))
        if tab and hasattr(self.pages[key], "show_tab"):
            self.pages[key].show_tab(tab)
        return self.pages[key]

    def _show(self, row: int) -> None:
        key = list(self.pages)[row]
        self.pages[key]  # built now if this is its first showing
        self.stack.setCurrentIndex(row)
        marker = self._marker()
        if key in self._dirty or (marker is not None and self._seen.get(key) != marker):
            self._redraw(key, marker)

    def _redraw(self, key: str, marker: int | None) -> None:
        self._dirty.discard(key)
        self._seen[key] = marker
        self.pages[key].refresh()

    def _marker(self) -> int | None:
        """Where the data stands now (moves with every write from any seat); None when it cannot be asked."""
        try:
            return change_marker(self.ctx.db)
        except Exception:  # noqa: BLE001 - a lost connection: the page stays as it is, the next write says why
            return None

    def current_key(self) -> str:
        return list(self.pages)[self.nav.currentRow()]

    def look_for_changes(self) -> bool:
        """The timer's look (网络版): redraw the page being shown when another seat wrote since it was drawn. Not
        while a dialog is open or the window is in the background, nor over unsaved typing (机构信息). Returns
        whether it redrew."""
        if not self.isActiveWindow() or self.idle_lock.locked:  # locked: nothing shows until the password is typed
            return False
        from PySide6.QtWidgets import QApplication
        if QApplication.activeModalWidget() is not None:
            return False
        key = self.current_key()
        page = self.pages.built.get(key)
        if page is None or (hasattr(page, "is_modified") and page.is_modified()):
            return False
        marker = self._marker()
        if marker is None or self._seen.get(key) == marker:
            return False
        self._redraw(key, marker)
        return True

    def _data_changed(self, source: str) -> None:
        """A page wrote something: other pages redraw when next shown (the writer has just redrawn itself)."""
        self._dirty.update(k for k in self.pages if k != source)
        self._seen[source] = self._marker()
        self._update_title()

    def _update_title(self) -> None:
        name = get_institution(self.ctx).get("name") or ""
        demo = self.tr("（演示）") if self.is_demo else ""
        if self.server:
            demo += self.tr("（网络版 {where}）").format(where=self.server)
        self.setWindowTitle(f"{APP_NAME}{demo} — {name}" if name else f"{APP_NAME}{demo}")

    def _restore_geometry(self) -> None:
        """The size kept from last time, else one that fits the screen's free area (inside the taskbar): an office
        screen of 1366×768 with a taskbar has about 1366×728, and the status bar (修改密码/锁定) must stay on it."""
        geo = QSettings().value("main_window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty() and self.restoreGeometry(geo):
            screen.fit_to_screen(self)  # a screen smaller than last time's: pulled back inside it
            return
        avail = screen.available_area(self)
        frame_w, frame_h = screen.FRAME
        self.resize(min(avail.width() - frame_w, BEST_SIZE[0]), min(avail.height() - frame_h, BEST_SIZE[1]))
        self.move(avail.x() + max(0, (avail.width() - self.width() - frame_w) // 2), avail.y())

    def closeEvent(self, event) -> None:  # noqa: N802
        inst = self.pages.built.get("institution")  # never opened: nothing typed there
        if inst is not None and inst.is_modified():
            answer = QMessageBox.question(
                self, self.tr("机构信息未保存"), self.tr("机构信息有未保存的修改，要先保存吗？"),
                QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
            if answer == QMessageBox.Cancel or (answer == QMessageBox.Save and not inst.save()):
                self.show_page("institution")
                event.ignore()
                return
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
