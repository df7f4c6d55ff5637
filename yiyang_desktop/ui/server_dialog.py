"""连接服务器数据库 (the 网络版): the form the welcome dialog and 设置 open — server, port, database, user, password,
测试连接 — and the connection this computer opens at start (kept in the settings without its password)."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout)

from .. import server_conn as S
from ..store.pg_open import describe, without_password
from .common import ERROR_STYLE, FieldForm, tr_text

SERVER_KEY = "server/url"
OK_STYLE = "color: #1a7f37;"
HINT_STYLE = "color: #57606a;"


def remembered_server() -> str | None:
    """The server database this computer opens at start (no password in it), or None: the local data file."""
    url = QSettings().value(SERVER_KEY, "") or ""
    return url if S.is_server(url) else None


def remember_server(url: str) -> None:
    QSettings().setValue(SERVER_KEY, without_password(url))


def forget_server() -> None:
    QSettings().remove(SERVER_KEY)


class ServerDialog(QDialog):
    """The connection's parts, a 测试连接 that says what happened, and 连接 (which tests once more and, when the
    server answers, remembers the connection for the next starts). ``url`` and ``password`` hold the result."""

    def __init__(self, parent=None, url: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接服务器数据库（网络版）"))
        self.url: str | None = None
        self.password: str | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("几台电脑共用一个机构的数据时，数据放在一台服务器电脑的 PostgreSQL 数据库里（网络版）。"
                               "请填写管理员给您的服务器地址、数据库名称、用户名和密码。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.form = FieldForm()
        self.host = self.form.add("host", self.tr("服务器地址"), QLineEdit())
        self.host.setPlaceholderText(self.tr("计算机名或 IP 地址，例如 192.168.1.10"))
        self.port = self.form.add("port", self.tr("端口"), QSpinBox())
        self.port.setRange(1, 65535)
        self.port.setValue(S.DEFAULT_PORT)
        self.port.setMaximumWidth(120)
        self.database = self.form.add("database", self.tr("数据库"), QLineEdit())
        self.database.setPlaceholderText(self.tr("例如 yiyang"))
        self.user = self.form.add("user", self.tr("用户名"), QLineEdit())
        self.password_edit = self.form.add("password", self.tr("密码"), QLineEdit())
        self.password_edit.setEchoMode(QLineEdit.Password)
        self.remember = QCheckBox(self.tr("记住密码（保存在系统的凭据管理器中）"))
        self.remember.setObjectName("remember_password")
        self.remember.setVisible(S.can_remember())  # never in a file: without a credential store, asked each start
        self.form.layout_.addRow("", self.remember)
        lay.addWidget(self.form)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(lambda: self.test())
        self.test_button.setAutoDefault(False)  # Enter in a field means 连接, even after 测试连接 was pressed
        row.addWidget(self.test_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.outcome = QLabel()
        self.outcome.setObjectName("connection_result")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.outcome.hide()
        lay.addWidget(self.outcome)
        lay.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("连接"))
        self.buttons.button(QDialogButtonBox.Ok).setDefault(True)
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        if url:
            f = S.split_url(url)
            self.host.setText(f.host)
            self.port.setValue(f.port)
            self.database.setText(f.database)
            self.user.setText(f.user)
            self.password_edit.setFocus()
        self.setMinimumWidth(520)

    def fields(self) -> S.ServerFields:
        return S.ServerFields(self.host.text(), self.port.value(), self.database.text(), self.user.text())

    def _checked_url(self) -> str | None:
        """The connection string, or None after putting each problem beside its field."""
        self.form.clear_errors()
        problems = S.field_problems(self.fields())
        for name, text in problems.items():
            self.form.errors[name].setText(tr_text(text))
            self.form.errors[name].show()
        if problems:
            self.form.fields[next(iter(problems))].setFocus()
            return None
        return S.build_url(self.fields())

    def test(self) -> str | None:
        """Connect once (a few seconds at most) and say in Chinese what happened; returns the outcome's kind."""
        url = self._checked_url()
        if url is None:
            self.outcome.hide()
            return None
        self.outcome.setText(self.tr("正在连接 {where} …").format(where=describe(url)))
        self.outcome.setStyleSheet(HINT_STYLE)
        self.outcome.show()
        QApplication.setOverrideCursor(Qt.WaitCursor)
        QApplication.processEvents()
        try:
            kind, text = S.probe(url, self.password_edit.text() or None)
        finally:
            QApplication.restoreOverrideCursor()
        self.outcome.setText(tr_text(text))
        self.outcome.setStyleSheet(OK_STYLE if kind in (S.OK, S.EMPTY) else ERROR_STYLE)
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))  # a long message: taller, not squeezed
        if kind == S.AUTH:
            self.password_edit.setFocus()
            self.password_edit.selectAll()
        return kind

    def _ok(self) -> None:
        if self.test() not in (S.OK, S.EMPTY):
            return  # the message says why; nothing is remembered
        self.url = S.build_url(self.fields())
        self.password = self.password_edit.text() or None
        if S.can_remember():
            if self.remember.isChecked() and self.password:
                S.save_password(self.url, self.password)
            elif not self.remember.isChecked():
                S.forget_password(self.url)  # not to be kept: nor an older one
        remember_server(self.url)
        self.accept()
