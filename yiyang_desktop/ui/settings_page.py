"""设置: language, data file location or the server database (网络版), idle lock, backups, users and the audit key
(审计密钥)."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox,
                               QTabWidget, QVBoxLayout)

from ..paths import data_dir, default_db_path
from ..services.accounts import can
from ..store.db import is_server_db
from ..store.pg_open import describe
from .common import run_action
from .lock import idle_minutes, set_idle_minutes
from .page import Page
from .audit_key_panel import AuditKeyPanel
from .backup_panel import BackupPanel
from .users_panel import UsersPanel
from .saved import open_folder as open_data_folder

LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


class SettingsPage(Page):
    def __init__(self, ctx, db_path, parent=None):
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h2>" + self.tr("设置") + "</h2>"))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = QSettings().value("language", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self.tr("界面语言"), self.language)
        self.server = is_server_db(ctx.db)
        where = self.tr("网络版：服务器数据库 {where}").format(where=describe(ctx.db.url)) if self.server else str(db_path)
        self.file_label = QLabel(where)
        self.file_label.setObjectName("data_location")
        self.file_label.setTextInteractionFlags(self.file_label.textInteractionFlags() | self.file_label.textInteractionFlags().TextSelectableByMouse)
        form.addRow(self.tr("数据位置") if self.server else self.tr("数据文件"), self.file_label)
        row = QHBoxLayout()
        if not self.server:
            open_folder = QPushButton(self.tr("打开数据文件夹"))
            open_folder.clicked.connect(lambda: open_data_folder(self, data_dir()))
            row.addWidget(open_folder)
        self.connect_server = QPushButton(self.tr("连接服务器数据库…"))
        self.connect_server.setObjectName("connect_server")
        self.connect_server.clicked.connect(lambda: self._choose_server())
        self.use_local = QPushButton(self.tr("改用本机数据文件"))
        self.use_local.setObjectName("use_local_file")
        self.use_local.clicked.connect(lambda: self._use_local())
        for b in (self.connect_server, self.use_local):
            b.setEnabled(can(ctx, "settings"))
            row.addWidget(b)
        row.addStretch(1)
        form.addRow("", row)
        self.next_start = QLabel()
        self.next_start.setObjectName("next_start")
        self.next_start.setWordWrap(True)
        self.next_start.setStyleSheet("color: #57606a;")
        form.addRow("", self.next_start)
        self._show_next_start()
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" 分钟"))
        self.idle.setSpecialValueText(self.tr("不自动锁定"))
        self.idle.setValue(int(idle_minutes(ctx)))
        self.idle.setEnabled(can(ctx, "settings"))
        self.idle.editingFinished.connect(self._idle_changed)
        form.addRow(self.tr("无操作自动锁定"), self.idle)
        lay.addLayout(form)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        # the 网络版's panel backs up with pg_dump and says that the daily backup runs on the server
        self.backups = BackupPanel(ctx, ctx.db.url if self.server else db_path)
        self.backups.restored.connect(self._restored)
        self.tabs.addTab(self.backups, self.tr("备份与恢复"))
        if can(ctx, "users"):
            self.users = UsersPanel(ctx)
            self.tabs.addTab(self.users, self.tr("用户账号"))
        self.audit_key = AuditKeyPanel(ctx)
        self.tabs.addTab(self.audit_key, self.tr("审计密钥"))
        lay.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        self.backups.refresh()
        self.audit_key.refresh()

    def _show_next_start(self) -> None:
        """What this computer opens at the next start, when that is not what is open now."""
        from .server_dialog import remembered_server
        url = remembered_server()
        now = describe(self.ctx.db.url) if self.server else None
        nxt = describe(url) if url else None
        self.use_local.setVisible(url is not None)
        if nxt == now:
            self.next_start.hide()
            return
        self.next_start.setText(self.tr("下次启动时将连接服务器数据库 {where}。").format(where=nxt) if nxt
                                else self.tr("下次启动时将打开本机数据文件 {path}。").format(path=default_db_path()))
        self.next_start.show()

    def _choose_server(self) -> None:
        from .server_dialog import ServerDialog, remembered_server
        url = remembered_server() or (self.ctx.db.url if self.server else None)
        dlg = ServerDialog(self, url)
        if dlg.exec():
            self._show_next_start()
            QMessageBox.information(self, self.tr("连接服务器数据库"),
                                    self.tr("已记住这个连接（不含密码）。下次启动时将连接服务器数据库 {where}。")
                                    .format(where=describe(dlg.url)))

    def _use_local(self) -> None:
        from .server_dialog import forget_server
        forget_server()
        self._show_next_start()
        QMessageBox.information(self, self.tr("改用本机数据文件"),
                                self.tr("下次启动时将打开本机数据文件 {path}。").format(path=default_db_path()))

    def _restored(self, info: dict) -> None:
        """The file was replaced by a backup: it has its own accounts, so the window asks for a login again."""
        self.changed.emit()
        relogin = getattr(self.window(), "relogin", None)
        if relogin is not None:
            relogin()

    def _idle_changed(self) -> None:
        if run_action(self, set_idle_minutes, self.ctx, self.idle.value()) is not None:
            lock = getattr(self.window(), "idle_lock", None)
            if lock is not None:
                lock.set_minutes(self.idle.value())

    def _language_changed(self) -> None:
        QSettings().setValue("language", self.language.currentData())
        QMessageBox.information(self, self.tr("界面语言"), self.tr("新的界面语言将在程序重新启动后生效。"))
