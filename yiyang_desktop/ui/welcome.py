"""First start with no data: look at the demo institution, or set up one's own in a few fields."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from .common import ERROR_STYLE


class WelcomeDialog(QDialog):
    DEMO, OWN = 1, 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("欢迎使用医养台账"))
        self.choice = 0
        lay = QVBoxLayout(self)
        text = QLabel(self.tr(
            "<h2>欢迎使用医养台账</h2>"
            "<p>本机还没有机构数据。可以先打开一个<b>演示机构</b>看看各项功能（演示数据单独保存，"
            "不会混入正式数据），也可以直接建立本机构的台账。</p>"))
        text.setWordWrap(True)
        lay.addWidget(text)
        self.demo_button = QPushButton(self.tr("打开演示机构"))
        self.demo_button.setObjectName("open_demo")
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self._demo)
        lay.addWidget(self.demo_button)
        lay.addWidget(QLabel(self.tr("或者，填写本机构名称后开始：")))
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setObjectName("institution_name")
        self.name.setPlaceholderText(self.tr("机构名称，例如：某某县社会福利中心"))
        row.addWidget(self.name, 1)
        own = QPushButton(self.tr("建立本机构台账"))
        own.setObjectName("create_own")
        own.clicked.connect(self._own)
        row.addWidget(own)
        lay.addLayout(row)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        lay.addWidget(self.error)
        self.resize(520, 260)

    def _demo(self) -> None:
        self.choice = self.DEMO
        self.accept()

    def _own(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("请填写机构名称"))
            self.error.show()
            self.name.setFocus()
            return
        self.choice = self.OWN
        self.accept()
