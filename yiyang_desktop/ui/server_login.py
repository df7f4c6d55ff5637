"""Opening the 网络版's server database at start: the password (from the connection string, the credential store,
libpq's own PGPASSWORD/pgpass, or asked for here), and what to do when the server refuses or cannot be reached —
重试, or 改用本机数据文件 this time."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from .. import APP_NAME
from .. import server_conn as S
from ..store.pg_open import ServerAuthError, describe
from ..store.preflight import StoreError
from .common import ERROR_STYLE, error_text

LOCAL = "local"  # the user chose the local data file for this start


class ServerPasswordDialog(QDialog):
    """The server's password, typed masked; 记住密码 only where the system's credential store can keep it."""

    CONNECT, LOCAL, QUIT = 1, 2, 3

    def __init__(self, url: str, problem: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("服务器数据库的密码"))
        self.choice = self.QUIT
        lay = QVBoxLayout(self)
        text = QLabel(self.tr("网络版：请输入服务器数据库 {where} 的密码。").format(where=describe(url)))
        text.setWordWrap(True)
        lay.addWidget(text)
        self.problem = QLabel(problem)
        self.problem.setObjectName("server_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        lay.addWidget(self.problem)
        self.password = QLineEdit()
        self.password.setObjectName("server_password")
        self.password.setEchoMode(QLineEdit.Password)
        lay.addWidget(self.password)
        self.remember = QCheckBox(self.tr("记住密码（保存在系统的凭据管理器中）"))
        self.remember.setObjectName("remember_password")
        self.remember.setVisible(S.can_remember())
        lay.addWidget(self.remember)
        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(self.tr("连接"), QDialogButtonBox.AcceptRole)
        self.connect_button.setDefault(True)
        self.local_button = self.buttons.addButton(self.tr("改用本机数据文件"), QDialogButtonBox.ActionRole)
        self.local_button.setObjectName("use_local_file")
        quit_button = self.buttons.addButton(self.tr("退出"), QDialogButtonBox.RejectRole)
        self.buttons.accepted.connect(self._connect)
        self.local_button.clicked.connect(self._local)
        quit_button.clicked.connect(self.reject)
        lay.addWidget(self.buttons)
        self.password.setFocus()
        self.setMinimumWidth(440)

    def _connect(self) -> None:
        self.choice = self.CONNECT
        self.accept()

    def _local(self) -> None:
        self.choice = self.LOCAL
        self.accept()


def unreachable(parent, message: str) -> str:
    """The server could not be used: 重试 / 改用本机数据文件 / 退出 (returns "retry", LOCAL or "quit")."""
    box = QMessageBox(QMessageBox.Critical, APP_NAME, message, parent=parent)
    box.setObjectName("server_unreachable")
    box.setInformativeText(QCoreApplication.translate("server_login", "可以稍后重试，或这次先打开本机的数据文件（以后仍可在“设置”中改回本机数据文件）。"))
    retry = box.addButton(QCoreApplication.translate("server_login", "重试"), QMessageBox.AcceptRole)
    local = box.addButton(QCoreApplication.translate("server_login", "改用本机数据文件"), QMessageBox.ActionRole)
    box.addButton(QCoreApplication.translate("server_login", "退出"), QMessageBox.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry else LOCAL if clicked is local else "quit"


def open_server(url: str, open_fn: Callable[[str | None], object], password: str | None = None, parent=None):
    """Open the server database with ``open_fn(password)`` (which returns the context): the password given, else
    one written in ``url``, else the credential store's, else none (libpq then tries PGPASSWORD and pgpass). When
    the server wants another, the password dialog asks; a server that cannot be used offers 重试 and 改用本机数据文件.
    Returns the context, ``LOCAL`` or None (the user quit)."""
    password = password or S.url_password(url) or S.saved_password(url)
    remember = False
    while True:
        try:
            ctx = open_fn(password)
        except ServerAuthError as e:
            problem = error_text(e) if password is not None else ""
            dlg = ServerPasswordDialog(url, problem, parent)
            dlg.exec()
            if dlg.choice != dlg.CONNECT:
                return LOCAL if dlg.choice == dlg.LOCAL else None
            password, remember = dlg.password.text(), dlg.remember.isChecked() and S.can_remember()
            continue
        except StoreError as e:
            answer = unreachable(parent, error_text(e))
            if answer == "retry":
                continue
            return LOCAL if answer == LOCAL else None
        if remember and password:
            S.save_password(url, password)  # only once the server took it
        return ctx
