"""The main window: navigation on the left, one page at a time on the right."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from .. import APP_NAME
from ..services.accounts import can
from ..services.base import Context
from ..services.institution import get_institution
from ..store.db import meta
from .applications_page import ApplicationsPage
from .assessments_page import AssessmentsPage
from .audit_page import AuditPage
from .common import tr_enum
from .beds_page import BedsPage
from .institution_page import InstitutionPage
from .overview_page import OverviewPage
from .partners_page import PartnersPage
from .referrals_page import ReferralsPage
from .page import Page
from .residents_page import ResidentsPage
from .returns_page import ReturnsPage
from .settings_page import SettingsPage
from .staff_page import StaffPage


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.db_path = Path(db_path)
        self.is_demo = meta(ctx.db, "is_demo") == "1"
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(16, 16))
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        self._dirty: set[str] = set()
        self._add("overview", self.tr("概览"), OverviewPage(ctx))
        self._add("institution", self.tr("机构信息"), InstitutionPage(ctx))
        self._add("beds", self.tr("床位"), BedsPage(ctx))
        self._add("residents", self.tr("入住老人"), ResidentsPage(ctx))
        self._add("staff", self.tr("人员"), StaffPage(ctx))
        self._add("assessments", self.tr("能力评估"), AssessmentsPage(ctx))
        self._add("partners", self.tr("医疗合作"), PartnersPage(ctx))
        self._add("referrals", self.tr("转诊"), ReferralsPage(ctx))
        self._add("applications", self.tr("申报"), ApplicationsPage(ctx))
        self._add("returns", self.tr("月报"), ReturnsPage(ctx))
        self._add("settings", self.tr("设置"), SettingsPage(ctx, self.db_path))
        if can(ctx, "audit.read"):
            self._add("audit", self.tr("审计记录"), AuditPage(ctx))
        self.nav.currentRowChanged.connect(self._show)
        for page in self.pages.values():
            if hasattr(page, "navigate"):
                page.navigate.connect(self.show_page)

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

    def _add(self, key: str, title: str, page: Page) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.UserRole, key)
        self.nav.addItem(item)
        self.stack.addWidget(page)
        self.pages[key] = page
        page.changed.connect(lambda k=key: self._data_changed(k))
        self._dirty.add(key)

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
        self.nav.setCurrentRow(list(self.pages).index(key))
        return self.pages[key]

    def _show(self, row: int) -> None:
        key = list(self.pages)[row]
        self.stack.setCurrentIndex(row)
        if key in self._dirty:
            self._dirty.discard(key)
            self.pages[key].refresh()

    def _data_changed(self, source: str) -> None:
        """A page wrote something: other pages redraw when next shown."""
        self._dirty.update(k for k in self.pages if k != source)
        self._update_title()

    def _update_title(self) -> None:
        name = get_institution(self.ctx).get("name") or ""
        demo = self.tr("（演示）") if self.is_demo else ""
        self.setWindowTitle(f"{APP_NAME}{demo} — {name}" if name else f"{APP_NAME}{demo}")

    def _restore_geometry(self) -> None:
        geo = QSettings().value("main_window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event) -> None:  # noqa: N802
        inst = self.pages["institution"]
        if inst.is_modified():
            answer = QMessageBox.question(
                self, self.tr("机构信息未保存"), self.tr("机构信息有未保存的修改，要先保存吗？"),
                QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
            if answer == QMessageBox.Cancel or (answer == QMessageBox.Save and not inst.save()):
                self.show_page("institution")
                event.ignore()
                return
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
