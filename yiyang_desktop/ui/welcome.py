"""First start with no data: look at the demo institution, or set up one's own — its name, its region (行政区划) and
the policy profile its subsidies are computed by. Nothing is assumed: a region's shipped profile is offered when the
code matches, the blank profile (to be filled in) when none does, and the user chooses."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ..services.policy import BLANK_PROFILE_ID, shipped_profiles
from .common import profile_title, with_error_label

HINT_STYLE = "color: #57606a;"
WARN_STYLE = "color: #8a6d3b;"


class WelcomeDialog(QDialog):
    DEMO, OWN, SERVER = 1, 2, 3

    def __init__(self, parent=None, server: bool = True):
        super().__init__(parent)
        self.setWindowTitle(self.tr("欢迎使用医养台账"))
        self.choice = 0
        self.server_url: str | None = None
        self.server_password: str | None = None
        self._picked_by_hand = False
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
        lay.addWidget(QLabel("<b>" + self.tr("或者，建立本机构的台账：") + "</b>"))

        form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.name = QLineEdit()
        self.name.setObjectName("institution_name")
        self.name.setPlaceholderText(self.tr("机构名称，例如：某某县社会福利中心"))
        form.addRow(self.tr("机构名称"), self._with_error("name", self.name))
        self.region_name = QLineEdit()
        self.region_name.setObjectName("region_name")
        self.region_name.setPlaceholderText(self.tr("例如：湖南省怀化市鹤城区"))
        self.region_code = QLineEdit()
        self.region_code.setObjectName("region_code")
        self.region_code.setPlaceholderText(self.tr("6位代码，例如 431202"))
        self.region_code.setMaxLength(6)
        self.region_code.setMaximumWidth(140)
        region = QHBoxLayout()
        region.setContentsMargins(0, 0, 0, 0)
        region.addWidget(self.region_name, 1)
        region.addWidget(QLabel(self.tr("代码")))
        region.addWidget(self.region_code)
        holder = QWidget()
        holder.setLayout(region)
        form.addRow(self.tr("行政区划"), self._with_error("region", holder))
        self.profile = QComboBox()
        self.profile.setObjectName("policy_profile")
        self.profile.addItem(self.tr("（请选择）"), None)
        self.profiles = {p.id: p for p in shipped_profiles()}
        for p in self.profiles.values():
            if p.id == BLANK_PROFILE_ID:
                continue
            region_text = f" — {p.region}" if p.region else ""
            self.profile.addItem(profile_title(p) + region_text, p.id)
        self.profile.addItem(self.tr("空白配置：本地标准以后再填写"), BLANK_PROFILE_ID)
        form.addRow(self.tr("政策配置"), self._with_error("profile", self.profile))
        self.note = QLabel()
        self.note.setObjectName("profile_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(HINT_STYLE)
        form.addRow("", self.note)
        lay.addLayout(form)
        own = QPushButton(self.tr("建立本机构台账"))
        own.setObjectName("create_own")
        own.clicked.connect(self._own)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(own)
        lay.addLayout(row)
        self.server_button = QPushButton(self.tr("连接服务器数据库…"))
        self.server_button.setObjectName("connect_server")
        self.server_button.clicked.connect(lambda: self._server())
        server_row = QHBoxLayout()
        server_text = QLabel("<b>" + self.tr("或者，几台电脑共用数据（网络版）：") + "</b>")
        server_row.addWidget(server_text)
        server_row.addStretch(1)
        server_row.addWidget(self.server_button)
        holder = QWidget()
        holder.setLayout(server_row)
        server_row.setContentsMargins(0, 8, 0, 0)
        holder.setVisible(server)  # after 改用本机数据文件: this start is on the local file
        lay.addWidget(holder)
        lay.addStretch(1)  # spare height below the form, not between its parts
        self.region_code.textChanged.connect(lambda *_: self._suggest())
        self.region_name.textChanged.connect(lambda *_: self._suggest())
        self.profile.activated.connect(self._picked)
        self.profile.currentIndexChanged.connect(lambda *_: self._explain())
        self._explain()
        self.resize(640, self.sizeHint().height())

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box, self.errors[key] = with_error_label(key, widget)
        return box

    def _picked(self, *_args) -> None:
        self._picked_by_hand = True

    def _suggest(self) -> None:
        """The shipped profile of the typed region, or the blank one when none covers it (until one is picked)."""
        if self._picked_by_hand:
            self._explain()
            return
        code, name = self.region_code.text().strip(), self.region_name.text().strip()
        if len(code) < 6 and not name:
            self.profile.setCurrentIndex(0)
            return
        match = next((p.id for p in self.profiles.values() if p.id != BLANK_PROFILE_ID
                      and p.region_matches(code if len(code) == 6 else None, name)), None)
        self.profile.setCurrentIndex(max(0, self.profile.findData(match or BLANK_PROFILE_ID)))

    def _explain(self) -> None:
        pid = self.profile.currentData()
        if pid is None:
            self.note.setText(self.tr("补贴标准、条件和护理型床位目标按所选配置计算。"))
            self.note.setStyleSheet(HINT_STYLE)
        elif pid == BLANK_PROFILE_ID:
            self.note.setText(self.tr("空白配置没有补贴标准：建立后请在“申报 → 政策配置”中复制空白配置，按当地文件填写"
                                      "补贴标准并设为当前，填写之前补贴金额为 0。"))
            self.note.setStyleSheet(WARN_STYLE)
        else:
            p = self.profiles[pid]
            code, name = self.region_code.text().strip(), self.region_name.text().strip()
            fits = p.region_matches(code if len(code) == 6 else None, name)
            if fits is False:
                self.note.setText(self.tr("所选配置适用于{region}，与本机构的行政区划不同；请确认当地执行的就是这份文件。")
                                  .format(region=p.region))
                self.note.setStyleSheet(WARN_STYLE)
            else:
                self.note.setText(self.tr("依据：{doc}（{force}）").format(doc=p.document or profile_title(p),
                                                                        force=p.force_text()))
                self.note.setStyleSheet(HINT_STYLE)

    def setup(self) -> dict:
        """What the new institution starts with: name, region and the chosen policy profile."""
        return {"name": self.name.text().strip(), "region_name": self.region_name.text().strip(),
                "region_code": self.region_code.text().strip(), "profile_id": self.profile.currentData()}

    def _server(self) -> None:
        from .server_dialog import ServerDialog
        dlg = ServerDialog(self)
        if dlg.exec():
            self.server_url, self.server_password = dlg.url, dlg.password
            self.choice = self.SERVER
            self.accept()

    def _demo(self) -> None:
        self.choice = self.DEMO
        self.accept()

    def _own(self) -> None:
        for err in self.errors.values():
            err.hide()
        s = self.setup()
        problems = {}
        if not s["name"]:
            problems["name"] = self.tr("请填写机构名称")
        if s["region_code"] and not (s["region_code"].isascii() and s["region_code"].isdigit()
                                     and len(s["region_code"]) == 6):
            problems["region"] = self.tr("行政区划代码应为6位数字")
        elif not s["region_name"] and not s["region_code"]:
            problems["region"] = self.tr("请填写行政区划（名称或6位代码）")
        if s["profile_id"] is None:
            problems["profile"] = self.tr("请选择政策配置；当地没有现成配置时选“空白配置”")
        if problems:
            for key, text in problems.items():
                self.errors[key].setText(text)
                self.errors[key].show()
            {"name": self.name, "region": self.region_name, "profile": self.profile}[next(iter(problems))].setFocus()
            return
        self.choice = self.OWN
        self.accept()
