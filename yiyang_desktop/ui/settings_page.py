"""设置: language, data file location, idle lock, backups, users and the audit key (审计密钥)."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QMessageBox, QPushButton, QSpinBox, QTabWidget, QVBoxLayout

from ..paths import data_dir
from ..services.accounts import can
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
        self.file_label = QLabel(str(db_path))
        self.file_label.setTextInteractionFlags(self.file_label.textInteractionFlags() | self.file_label.textInteractionFlags().TextSelectableByMouse)
        form.addRow(self.tr("数据文件"), self.file_label)
        open_folder = QPushButton(self.tr("打开数据文件夹"))
        open_folder.clicked.connect(lambda: open_data_folder(self, data_dir()))
        form.addRow("", open_folder)
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
        self.backups = BackupPanel(ctx, db_path)
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
