"""Signing in: the login dialog, the first start's administrator account, and changing one's password.

``sign_in(ctx)`` is what the program calls after opening the file: a file without any account asks for the
administrator first (a password chosen now, never a default one); otherwise the login dialog. On success ``ctx``
acts as that user; an account flagged "must change" changes its password before going on.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from ..services import accounts as A
from ..services.base import Problem, ServiceError, ValidationError
from .common import ERROR_STYLE, FieldForm, error_text


def _password_field() -> QLineEdit:
    w = QLineEdit()
    w.setEchoMode(QLineEdit.Password)
    return w


class _Form(QDialog):
    """A small form dialog: fields with messages beside them, one general error line, OK/Cancel."""

    def __init__(self, title: str, ok_text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.lay.addWidget(self.intro)
        self.form = FieldForm()
        self.lay.addWidget(self.form)
        self.error = QLabel()
        self.error.setObjectName("login_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.lay.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def show_error(self, err: Exception) -> None:
        self.form.clear_errors()
        if isinstance(err, ValidationError) and all(p.field in self.form.fields for p in err.problems):
            self.form.show_errors(err)
            self.error.hide()
            return
        self.error.setText(error_text(err))
        self.error.show()

    def _ok(self) -> None:
        self.error.hide()
        self.form.clear_errors()
        try:
            self.submit()
        except ServiceError as e:
            self.show_error(e)
            return
        self.accept()

    def submit(self) -> None:  # overridden
        raise NotImplementedError


class LoginDialog(_Form):
    """User name and password. On the demo file it shows the demo account (admin / demo)."""

    def __init__(self, ctx, parent=None, *, demo: bool | None = None):
        super().__init__(self.tr("登录医养台账"), self.tr("登录"), parent)
        self.ctx = ctx
        self.user = None
        self.username = self.form.add("username", self.tr("用户名"), QLineEdit())
        self.password = self.form.add("password", self.tr("密码"), _password_field())
        if demo is None:
            row = ctx.db.execute("SELECT value FROM app_meta WHERE key = 'is_demo'").fetchone()
            demo = bool(row and row[0] == "1")
        self.demo_hint = QLabel(self.tr("演示账号 admin / 密码 demo"))
        self.demo_hint.setObjectName("demo_hint")
        self.demo_hint.setVisible(demo)
        self.lay.insertWidget(0, self.demo_hint)
        if demo:
            self.username.setText("admin")
            self.password.setFocus()

    def submit(self) -> None:
        if not self.username.text().strip():
            raise ValidationError([Problem("username", self.tr("请填写用户名"))])
        try:
            self.user = A.login(self.ctx, self.username.text().strip(), self.password.text())
        finally:
            self.password.clear()


class CreateAdminDialog(_Form):
    """First start of a file without accounts: the administrator's name and a password typed twice."""

    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("创建管理员账号"), self.tr("创建并登录"), parent)
        self.ctx = ctx
        self.intro.setText(self.tr("这个数据文件还没有用户账号。请先创建管理员账号：管理员可以添加其他用户、"
                                   "分配角色和重设密码。密码至少{n}位，请牢记。").format(n=A.MIN_PASSWORD))
        self.intro.show()
        self.username = self.form.add("username", self.tr("用户名"), QLineEdit())
        self.display_name = self.form.add("display_name", self.tr("姓名"), QLineEdit())
        self.password = self.form.add("password", self.tr("密码"), _password_field())
        self.password2 = self.form.add("password2", self.tr("再输入一次"), _password_field())

    def submit(self) -> None:
        if self.password.text() != self.password2.text():
            raise ValidationError([Problem("password2", self.tr("两次输入的密码不一致"))])
        A.create_first_admin(self.ctx, self.username.text().strip(), self.password.text(),
                             self.display_name.text().strip())
        A.login(self.ctx, self.username.text().strip(), self.password.text())


class ChangePasswordDialog(_Form):
    """The logged-in user changes their password (required after an administrator's reset)."""

    def __init__(self, ctx, parent=None, *, required: bool = False):
        super().__init__(self.tr("修改密码"), self.tr("保存"), parent)
        self.ctx = ctx
        if required:
            self.intro.setText(self.tr("管理员为您设置了临时密码，请先改成只有您知道的密码。"))
            self.intro.show()
        self.old = self.form.add("old_password", self.tr("原密码"), _password_field())
        self.new = self.form.add("password", self.tr("新密码"), _password_field())
        self.new2 = self.form.add("password2", self.tr("再输入一次"), _password_field())

    def submit(self) -> None:
        if self.new.text() != self.new2.text():
            raise ValidationError([Problem("password2", self.tr("两次输入的密码不一致"))])
        A.change_password(self.ctx, self.old.text(), self.new.text())


def sign_in(ctx, parent=None) -> bool:
    """Create the first administrator or log in (then a required password change). False when cancelled.
    Afterwards: what the audit trail needs (``after_sign_in``)."""
    if not A.has_users(ctx.db):
        if CreateAdminDialog(ctx, parent).exec() != QDialog.Accepted:
            return False
        after_sign_in(ctx, parent)
        return True
    dlg = LoginDialog(ctx, parent)
    if dlg.exec() != QDialog.Accepted:
        return False
    if dlg.user and dlg.user.get("must_change"):
        if ChangePasswordDialog(ctx, parent, required=True).exec() != QDialog.Accepted:
            A.logout(ctx)
            QMessageBox.information(parent, dlg.windowTitle(), QCoreApplication.translate("LoginDialog", "需要先修改密码才能继续使用。"))
            return False
    after_sign_in(ctx, parent)
    return True


def audit_warning(ctx) -> str | None:
    """Why nothing can be saved here (no key on this computer, the key record gone, the triggers changed), or None."""
    from ..services import audit_key
    from ..store.audit_store import trigger_problems
    from .common import tr_text
    t = lambda text: QCoreApplication.translate("LoginDialog", text)  # noqa: E731
    problems = trigger_problems(ctx.db)
    if problems:
        return t("数据文件的审计触发器不完整或被改动，为防止修改不留记录，本程序不会保存任何修改：") + \
            "；".join(tr_text(p) for p in problems) + "\n\n" + t("请运行“yiyang check”查看，并从备份恢复。")
    status = audit_key.describe_state(ctx.db)["status"]
    if status in ("missing", "other"):
        return t("这台电脑上没有本数据文件的审计密钥：可以查看、打印和导出统计，但不能保存任何修改，登录记录也无法写入审计。"
                 "\n\n请管理员在“设置 → 审计密钥”中点“输入恢复码”。")
    if status == "gone":
        return t("数据文件中的审计密钥记录不见了（这台电脑保存着它的密钥），审计记录可能被删除。本程序不会保存任何修改。"
                 "\n\n请运行“yiyang check”查看，并从备份恢复。")
    return None


def after_sign_in(ctx, parent=None) -> None:
    """Say when nothing can be saved on this computer; show an administrator, once, the recovery code of a key made
    here that nobody has seen yet."""
    warning = audit_warning(ctx)
    if warning:
        box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("LoginDialog", "审计记录"), warning, parent=parent)
        box.setObjectName("audit_warning")
        box.exec()
    if A.can(ctx, "audit.key"):
        from ..services.audit_key import take_recovery_code
        code = take_recovery_code(ctx)
        if code:
            from .audit_key_panel import ShowCodeDialog
            ShowCodeDialog(code, parent).exec()
