"""用户管理 (administrators): add a user with a role, change role, reset password, unlock, disable / enable."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from ..services import accounts as A
from ..services.base import Problem, ValidationError
from .common import RecordTableModel, ServiceDialog, record_table, run_action, tr_enum


def _password() -> QLineEdit:
    w = QLineEdit()
    w.setEchoMode(QLineEdit.Password)
    return w


def _role_combo() -> QComboBox:
    box = QComboBox()
    for r in A.ROLES:
        box.addItem(tr_enum(r), r)
    return box


class AddUserDialog(ServiceDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("新增用户"), parent)
        self.ctx = ctx
        self.form.add("username", self.tr("用户名"), QLineEdit())
        self.form.add("display_name", self.tr("姓名"), QLineEdit())
        self.form.add("role", self.tr("角色"), _role_combo())
        self.form.add("password", self.tr("初始密码"), _password())
        self.form.add("password2", self.tr("再输入一次"), _password())
        note = QLabel(self.tr("新用户第一次登录时需要改成自己的密码。"))
        note.setWordWrap(True)
        self.layout().insertWidget(1, note)

    def submit(self, v):
        if v["password"] != v["password2"]:
            raise ValidationError([Problem("password2", self.tr("两次输入的密码不一致"))])
        return A.create_user(self.ctx, v["username"], v["password"], v["role"], v["display_name"])


class ResetPasswordDialog(ServiceDialog):
    def __init__(self, ctx, user: dict, parent=None):
        super().__init__(self.tr("重设“{name}”的密码").format(name=user["username"]), parent)
        self.ctx, self.user = ctx, user
        self.form.add("password", self.tr("新密码"), _password())
        self.form.add("password2", self.tr("再输入一次"), _password())

    def submit(self, v):
        if v["password"] != v["password2"]:
            raise ValidationError([Problem("password2", self.tr("两次输入的密码不一致"))])
        A.reset_password(self.ctx, self.user["id"], v["password"])


class UsersPanel(QWidget):
    """The list of accounts with the administrator's actions; others see only a notice."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        self.notice = QLabel(self.tr("只有管理员可以管理用户账号。"))
        self.notice.setObjectName("users_notice")
        lay.addWidget(self.notice)
        self.model = RecordTableModel([
            (self.tr("用户名"), "username"), (self.tr("姓名"), "display_name"),
            (self.tr("角色"), lambda r: tr_enum(r["role"])), (self.tr("状态"), self._state),
            (self.tr("最近登录"), "last_login")])
        self.table = record_table(self.model, "users_table")
        lay.addWidget(self.table)
        row = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (("add", self.tr("新增用户"), self.add_user), ("role", self.tr("修改角色"), self.change_role),
                                ("reset", self.tr("重设密码"), self.reset_password), ("unlock", self.tr("解锁"), self.unlock),
                                ("toggle", self.tr("停用/启用"), self.toggle_active)):
            b = QPushButton(text)
            b.setObjectName(f"users_{key}")
            b.clicked.connect(slot)
            row.addWidget(b)
            self.buttons[key] = b
        row.addStretch(1)
        lay.addLayout(row)
        self.refresh()

    def _state(self, r: dict) -> str:
        if not r["active"]:
            return self.tr("已停用")
        if r["locked_until"]:
            return self.tr("锁定至 {t}").format(t=r["locked_until"][11:16])
        return self.tr("需改密码") if r["must_change"] else self.tr("正常")

    def refresh(self) -> None:
        allowed = A.can(self.ctx, "users")
        self.notice.setVisible(not allowed)
        self.table.setVisible(allowed)
        for b in self.buttons.values():
            b.setVisible(allowed)
        self.model.set_rows(A.list_users(self.ctx) if allowed else [])

    def selected(self) -> dict | None:
        idx = self.table.currentIndex()
        user = self.model.row_at(idx.row()) if idx.isValid() else None
        if user is None:
            QMessageBox.information(self, self.tr("用户管理"), self.tr("请先在列表中选中一个用户"))
        return user

    def add_user(self) -> None:
        if AddUserDialog(self.ctx, self).exec() == QDialog.Accepted:
            self.refresh()

    def change_role(self) -> None:
        user = self.selected()
        if not user:
            return
        labels = [tr_enum(r) for r in A.ROLES]
        choice, ok = QInputDialog.getItem(self, self.tr("修改角色"), self.tr("“{name}”的角色：").format(
            name=user["username"]), labels, A.ROLES.index(user["role"]), False)
        if ok:
            run_action(self, A.set_role, self.ctx, user["id"], A.ROLES[labels.index(choice)])
            self.refresh()

    def reset_password(self) -> None:
        user = self.selected()
        if user and ResetPasswordDialog(self.ctx, user, self).exec() == QDialog.Accepted:
            self.refresh()

    def unlock(self) -> None:
        user = self.selected()
        if user:
            run_action(self, A.unlock_user, self.ctx, user["id"])
            self.refresh()

    def toggle_active(self) -> None:
        user = self.selected()
        if user:
            run_action(self, A.set_active, self.ctx, user["id"], not user["active"])
            self.refresh()
