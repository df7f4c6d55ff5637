"""The one friendly dialog for unexpected errors: a plain Chinese sentence, where the log is, "复制详情"."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from .. import APP_NAME, __version__


class ErrorDialog(QDialog):
    """Says what happened in one sentence, names the log file, and keeps the technical details one click away."""

    def __init__(self, details: str, log_file: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("error_dialog")
        self.setWindowTitle(self.tr("{app}：意外错误").format(app=APP_NAME))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        self.sentence = QLabel(self.tr("程序遇到了一个意外错误，刚才的操作可能没有完成。"
                                       "之前已保存的数据不受影响，可以继续使用；如果问题反复出现，请把详情发给技术支持。"))
        self.sentence.setWordWrap(True)
        lay.addWidget(self.sentence)
        where = str(log_file) if log_file else self.tr("（日志文件不可用）")
        self.log_label = QLabel(self.tr("详细记录已写入日志文件：{path}").format(path=where))
        self.log_label.setObjectName("log_path")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.log_label)
        self.details = QPlainTextEdit()
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.details.setPlainText(details)
        self.details.setVisible(False)
        lay.addWidget(self.details, 1)
        buttons = QDialogButtonBox()
        self.show_button = QPushButton(self.tr("显示详情"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle)
        self.copy_button = QPushButton(self.tr("复制详情"))
        self.copy_button.setObjectName("copy_details")
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.show_button, QDialogButtonBox.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self._log_file = log_file

    def _toggle(self, on: bool) -> None:
        self.details.setVisible(on)
        self.show_button.setText(self.tr("隐藏详情") if on else self.tr("显示详情"))
        self.adjustSize()

    def add_details(self, details: str) -> None:
        """Another error while this dialog is open: appended, not a second dialog."""
        self.details.appendPlainText("\n" + "-" * 40 + "\n" + details)

    def full_text(self) -> str:
        return (f"{APP_NAME} {__version__}\n" + self.tr("日志文件") + f": {self._log_file or '-'}\n\n"
                + self.details.toPlainText())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.full_text())
        self.copy_button.setText(self.tr("已复制"))


class ErrorReporter(QObject):
    """Receives uncaught errors from any thread (via a queued signal) and shows one ErrorDialog at a time.

    Use ``install_excepthook(reporter.report)`` from logsetup; ``report`` may be called from any thread.
    """
    _arrived = Signal(str)

    def __init__(self, log_file: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: ErrorDialog | None = None
        self.shown = 0
        self._arrived.connect(self._show, Qt.QueuedConnection)

    def report(self, exc: BaseException, details: str) -> None:
        self._arrived.emit(details)

    @Slot(str)
    def _show(self, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_details(details)
            return
        self.shown += 1
        parent = QApplication.activeWindow()
        self.dialog = ErrorDialog(details, self.log_file, parent)
        self.dialog.setAttribute(Qt.WA_DeleteOnClose, False)
        self.dialog.open()  # window-modal, does not start a nested event loop inside the failing code
