"""概览's first lines for a new file: which policy profile the figures follow (with a way to change it), and the
"开始使用" checklist — 机构信息, 政策配置, 床位, 人员, 导入已有台账 — each ticked from the data, hidden once all are done."""
from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from .common import profile_title, tr_text

OK_STYLE = "color: #1a7f37;"
WARN_STYLE = "color: #8a6d3b;"
TARGETS = {"institution": "institution", "beds": "beds", "staff": "staff", "residents": "residents"}


class ProfileLine(QLabel):
    """"政策配置：怀化市鹤城区（2021）第2版，2021-03-24 起 · 更换…"; a warning when it is the blank profile or another
    region's."""

    change = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("active_profile")
        self.setWordWrap(True)
        self.linkActivated.connect(lambda _link: self.change.emit())

    def show_profile(self, profile: dict, fits: bool | None) -> None:
        title = html.escape(profile_title(profile))
        text = self.tr("政策配置：<b>{title}</b> 第{v}版，{force}").format(
            title=title, v=profile.get("version", ""), force=html.escape(tr_text(profile.get("force", ""))))
        if profile.get("id") == "blank":
            note, style = self.tr("尚未填写本地补贴标准：请复制空白配置，按当地文件填写后设为当前。"), WARN_STYLE
        elif fits is False:
            note, style = self.tr("与本机构的行政区划不同，请确认。"), WARN_STYLE
        else:
            note, style = "", "color: #57606a;"
        link = '<a href="change">' + self.tr("更换或填写…") + "</a>"
        self.setText(" · ".join(p for p in (text, note, link) if p))
        self.setStyleSheet(style)


class StartPanel(QFrame):
    """开始使用: five steps, each a link to where it is done; ✔ once the data shows it done."""

    navigate = Signal(str)
    policy = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("start_panel")
        self.setStyleSheet("#start_panel { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; }")
        row = QHBoxLayout(self)
        title = QLabel("<b>" + self.tr("开始使用") + "</b>")
        row.addWidget(title)
        self.items: dict[str, QLabel] = {}
        for key in ("institution", "policy", "beds", "staff", "residents"):
            lab = QLabel()
            lab.setObjectName(f"start_{key}")
            lab.linkActivated.connect(lambda _link, k=key: self._open(k))
            row.addWidget(lab)
            self.items[key] = lab
        row.addStretch(1)
        self.hide()

    def _open(self, key: str) -> None:
        if key == "policy":
            self.policy.emit()
        else:
            self.navigate.emit(TARGETS[key])

    def show_steps(self, steps: list[dict]) -> None:
        for step in steps:
            lab = self.items[step["key"]]
            label = html.escape(tr_text(step["label"]))
            if step["done"]:
                lab.setText(f"<span style='{OK_STYLE}'>✔ {label}</span>")
            else:
                lab.setText(f"○ <a href='{step['key']}'>{label}</a>")
            lab.setProperty("done", step["done"])
        self.setVisible(not all(s["done"] for s in steps))
