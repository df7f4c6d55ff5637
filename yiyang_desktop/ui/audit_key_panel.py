"""设置 → 审计密钥: whether this computer can sign the audit trail, entering a recovery code, replacing a lost key,
and the dialog that shows a recovery code once."""
from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from ..services import audit_key as K
from ..services.base import ServiceError
from ..services.permissions import can
from .common import ERROR_STYLE, error_text


class ShowCodeDialog(QDialog):
    """The recovery code, shown once: large, selectable, with a copy button and what it is for."""

    def __init__(self, code: str, parent=None):
        super().__init__(parent)
        self.setObjectName("recovery_code_dialog")
        self.setWindowTitle(self.tr("审计密钥的恢复码"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("本数据文件的审计记录用一把密钥签名，密钥只保存在这台电脑上（不在数据文件里）。"
                               "请把下面的恢复码抄在纸上，和公章一起妥善保管。\n\n"
                               "在另一台电脑上使用这个数据文件（换新电脑、网络版的第二个座席）时，需要在“设置 → 审计密钥”"
                               "中输入它，那台电脑才能保存修改。恢复码只显示这一次。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        groups = code.split("-")
        self.code = QLabel("-".join(groups[:7]) + "-\n" + "-".join(groups[7:]))  # two lines of 7 groups
        self.code.setObjectName("recovery_code")
        self.code_text = code
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setStyleSheet("padding: 8px; border: 1px solid #999; background: white;")
        self.code.setTextInteractionFlags(self.code.textInteractionFlags() | self.code.textInteractionFlags().TextSelectableByMouse)
        lay.addWidget(self.code)
        row = QHBoxLayout()
        copy = QPushButton(self.tr("复制"))
        copy.setObjectName("copy_code")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        row.addWidget(copy)
        row.addStretch(1)
        lay.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("我已抄下"))
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)


class EnterCodeDialog(QDialog):
    """Type the recovery code; a wrong one is said next to the field and the text is kept."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("enter_code_dialog")
        self.setWindowTitle(self.tr("输入恢复码"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("请输入管理员在生成审计密钥时抄下的恢复码（14 组，每组 4 个字母或数字；空格和短横线可以不输）。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.field = QLineEdit()
        self.field.setObjectName("code")
        self.field.setPlaceholderText("XXXX-XXXX-XXXX-…")
        lay.addWidget(self.field)
        self.error = QLabel()
        self.error.setObjectName("error_code")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("安装密钥"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(480)

    def _ok(self) -> None:
        try:
            K.install(self.ctx.db, self.field.text())
        except ServiceError as e:  # (a ValidationError on the field "code" too): said under the field, text kept
            self.error.setText(error_text(e))
            self.error.show()
            self.adjustSize()
            return
        self.accept()


class AuditKeyPanel(QWidget):
    """The 审计密钥 tab of the settings page."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        about = QLabel(self.tr("审计记录的每一条都用一把密钥签名，密钥保存在这台电脑上（不在数据文件里），"
                               "所以即使有人拿到数据文件，也无法改写审计记录而不被发现。换电脑或在第二台电脑上使用同一个"
                               "数据文件时，需要输入管理员保管的恢复码。"))
        about.setWordWrap(True)
        about.setStyleSheet("color: #555;")
        lay.addWidget(about)
        self.status = QLabel()
        self.status.setObjectName("audit_key_status")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.enter = QPushButton(self.tr("输入恢复码…"))
        self.enter.setObjectName("enter_recovery_code")
        self.enter.clicked.connect(lambda: self.enter_code())
        row.addWidget(self.enter)
        self.replace = QPushButton(self.tr("更换审计密钥…"))
        self.replace.setObjectName("replace_audit_key")
        self.replace.setToolTip(self.tr("只在密钥已经丢失（所有电脑上都没有、也没有人保存恢复码）时使用"))
        self.replace.clicked.connect(lambda: self.replace_key())
        row.addWidget(self.replace)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        st = K.describe_state(self.ctx.db)
        where = {"keyring": self.tr("系统凭据管理器"), "file": self.tr("本机用户配置文件夹中的密钥文件")}.get(st["backend"] or "", "")
        texts = {
            "ok": self.tr("这台电脑保存着本数据文件的审计密钥（{where}），审计记录可以签名和核对。").format(where=where),
            "none": self.tr("本数据文件还没有审计密钥；下一次保存时会自动生成，恢复码会显示给管理员。"),
            "missing": self.tr("这台电脑上没有本数据文件的审计密钥：可以查看和打印，但不能保存任何修改。"
                               "请输入管理员保管的恢复码。"),
            "other": self.tr("这台电脑上的审计密钥不是本数据文件当前使用的（密钥已在别的电脑上更换）：不能保存修改。"
                             "请输入新的恢复码。"),
            "gone": self.tr("数据文件中的审计密钥记录不见了，审计记录可能被删除：不能保存修改。请运行检查并从备份恢复。"),
        }
        self.status.setText(texts[st["status"]])
        self.status.setStyleSheet("" if st["status"] in ("ok", "none") else ERROR_STYLE)
        self.enter.setEnabled(st["status"] in ("missing", "other"))
        self.replace.setVisible(can(self.ctx, "audit.key"))
        self.replace.setEnabled(can(self.ctx, "audit.key") and st["status"] in ("missing", "other", "ok"))

    def enter_code(self) -> bool:
        dlg = EnterCodeDialog(self.ctx, self)
        done = dlg.exec() == QDialog.Accepted
        self.refresh()
        if done:
            QMessageBox.information(self, self.tr("审计密钥"), self.tr("密钥已安装，这台电脑现在可以保存修改了。"))
        return done

    def replace_key(self) -> str | None:
        box = QMessageBox(QMessageBox.Warning, self.tr("更换审计密钥"),
                          self.tr("更换后，之前的审计记录将无法再用密钥核对（检查结果会注明）。"
                                  "只有在原来的密钥已经丢失、也没有人保存恢复码时才这样做。\n\n确定要更换吗？"), parent=self)
        box.setObjectName("confirm_replace_key")
        go = box.addButton(self.tr("更换密钥"), QMessageBox.DestructiveRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is not go:
            return None
        try:
            code = K.replace(self.ctx)
        except ServiceError as e:
            QMessageBox.warning(self, self.tr("更换审计密钥"), error_text(e))
            return None
        ShowCodeDialog(code, self).exec()
        self.refresh()
        return code
