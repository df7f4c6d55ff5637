"""Dialogs of health management: a new version of a resident's health file, a yearly check (new, or entering the day
its result was given), and a 长护险 level. Each is driven from the keyboard (Tab moves on, also out of the text
boxes; Enter on 保存), and a refused value is marked next to its field with what was typed kept."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (QCompleter, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget)

from ..domain.dates import add_months
from ..services import health as HS
from ..services import ltc as LS
from ..services import partners as P
from .common import DateField, ServiceDialog, combo
from .partner_dialogs import scrolling, text_box

HINT_STYLE = "color: #57606a;"


def partner_combo(ctx) -> "QWidget":
    box = combo([], blank=True)
    for p in P.list_partners(ctx):
        box.addItem(p["name"], p["id"])
    return box


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class HealthFileDialog(ServiceDialog):
    """健康档案: saving writes a new dated version; the earlier versions stay in the history."""

    def __init__(self, ctx, resident_id: int, name: str = "", parent=None):
        super().__init__(self.tr("健康档案 — {name}").format(name=name) if name else self.tr("健康档案"), parent)
        self.setObjectName("health_file_dialog")
        self.ctx, self.resident_id = ctx, resident_id
        f = self.form
        f.layout_.insertRow(0, _hint(self.tr("保存后生成一个新版本，以前的版本保留在历史中。")))
        f.add("recorded_on", self.tr("记录日期"), DateField(optional=False, value=ctx.today()))
        for key, label in (("past_illnesses", self.tr("既往史")), ("chronic_conditions", self.tr("慢性病")),
                           ("allergies", self.tr("过敏史")), ("contraindicated_drugs", self.tr("禁忌药物")),
                           ("diet_restrictions", self.tr("饮食禁忌"))):
            f.add(key, label, text_box(46))
        f.add("family_doctor", self.tr("家庭医生"), QLineEdit()).setPlaceholderText(self.tr("签约的家庭医生或团队"))
        f.add("family_doctor_since", self.tr("签约日期"), DateField())
        f.add("partner_id", self.tr("签约医疗机构"), partner_combo(ctx))
        f.add("note", self.tr("备注"), text_box(40))
        current = HS.health_file(ctx, resident_id)
        if current:
            f.set_values({k: v for k, v in current.items() if k != "recorded_on"})
        scrolling(self, 560, 640)

    def submit(self, values):
        return HS.save_health_file(self.ctx, self.resident_id, values)


class ReportPicker(QWidget):
    """The scanned report to attach: the chosen file's name and 选择文件…."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.path: Path | None = None
        self.label = QLabel(self.tr("（未选择）"))
        self.button = QPushButton(self.tr("选择文件…"))
        self.button.setObjectName("btn_choose_report")
        self.button.clicked.connect(lambda: self.choose())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)

    def choose(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择体检报告扫描件"), str(Path.home()),
                                                  self.tr("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;所有文件 (*)"))
        if path:
            self.path = Path(path)
            self.label.setText(self.path.name)

    def value(self) -> Path | None:
        return self.path


class CheckDialog(ServiceDialog):
    """登记体检 (for a resident) or 编辑体检 (``check_id``): who did it, findings and advice, the scanned report, and
    when and to whom the result and advice were given."""

    def __init__(self, ctx, resident_id: int | None = None, check_id: int | None = None, name: str = "",
                 parent=None, focus_feedback: bool = False):
        old = HS.get_check(ctx, check_id) if check_id else None
        name = old["name"] if old else name
        title = self.tr("编辑体检记录 — {name}") if check_id else self.tr("登记体检 — {name}")
        super().__init__(title.format(name=name), parent)
        self.setObjectName("check_dialog")
        self.ctx, self.check_id = ctx, check_id
        self.resident_id = old["resident_id"] if old else resident_id
        f = self.form
        f.add("check_date", self.tr("体检日期"), DateField(optional=False, value=ctx.today()))
        self.kind = f.add("provider_kind", self.tr("体检机构"), combo(HS.PROVIDER_KINDS))
        self.partner = f.add("partner_id", self.tr("合作医疗机构"), partner_combo(ctx))
        self.provider_name = f.add("provider_name", self.tr("机构名称"), QLineEdit())
        f.add("doctor", self.tr("体检医生"), QLineEdit())
        f.add("findings", self.tr("主要发现"), text_box(60))
        f.add("advice", self.tr("健康指导建议"), text_box(60))
        self.feedback = f.add("feedback_date", self.tr("告知日期"), DateField())
        f.add("feedback_to", self.tr("告知对象"), combo(HS.FEEDBACK_TO, blank=True))
        f.add("feedback_note", self.tr("告知说明"), QLineEdit()).setPlaceholderText(self.tr("如：电话告知女儿，已解释用药调整"))
        f.layout_.addRow(_hint(self.tr("体检结果和健康指导建议应在体检后1个月内告知老人或家属；告知后填写告知日期。")))
        self.report = None
        if not check_id:
            self.report = ReportPicker()
            f.layout_.addRow(self.tr("体检报告扫描件"), self.report)
        self.kind.currentIndexChanged.connect(self._sync)
        if old:
            f.set_values(old)
        elif self.partner.count() > 1:
            self.kind.setCurrentIndex(self.kind.findData(HS.PARTNER))
        self._sync()
        scrolling(self, 600, 660)
        if focus_feedback:
            self.feedback.setFocus()

    def _sync(self) -> None:
        partner = self.kind.currentData() == HS.PARTNER
        self.partner.setEnabled(partner)
        self.provider_name.setEnabled(not partner)
        self.provider_name.setPlaceholderText(self.tr("内设医疗机构的名称，如：本中心医务室") if self.kind.currentData() == HS.INTERNAL
                                              else self.tr("做体检的机构") if not partner else "")

    def submit(self, values):
        if self.check_id:
            return HS.update_check(self.ctx, self.check_id, values) or self.check_id
        return HS.add_check(self.ctx, self.resident_id, values, self.report.value() if self.report else None)


class LevelDialog(ServiceDialog):
    """登记长护险等级: a change of level starts the day the new one is valid from; the earlier one ends the day
    before and stays in the history."""

    def __init__(self, ctx, resident_id: int, name: str = "", level_id: int | None = None, parent=None):
        title = self.tr("修改长护险等级 — {name}") if level_id else self.tr("登记长护险等级 — {name}")
        super().__init__(title.format(name=name), parent)
        self.setObjectName("level_dialog")
        self.ctx, self.resident_id, self.level_id = ctx, resident_id, level_id
        f = self.form
        previous = LS.levels_of(ctx, resident_id)
        place = f.add("insured_place", self.tr("参保地"), QLineEdit())
        place.setPlaceholderText(self.tr("如：湖南省怀化市鹤城区"))
        level = f.add("level", self.tr("长护险等级"), QLineEdit())
        level.setPlaceholderText(self.tr("与待遇决定书一致，如：重度失能Ⅱ级"))
        completer = QCompleter(LS.level_suggestions(), level)
        completer.setFilterMode(completer.filterMode().MatchContains)
        level.setCompleter(completer)
        f.add("certificate_no", self.tr("待遇决定书编号"), QLineEdit())
        today = ctx.today()
        f.add("valid_from", self.tr("有效期起"), DateField(optional=False, value=today))
        f.add("valid_to", self.tr("有效期至"), DateField(optional=False, value=add_months(today, 12) - dt.timedelta(days=1)))
        f.add("note", self.tr("备注"), QLineEdit())
        f.layout_.addRow(_hint(self.tr("等级变更时登记新等级：原等级在新等级生效前一天结束，记录保留。登记后老人档案标为已参加长护险。")))
        if level_id:
            f.set_values(LS.get_level(ctx, level_id))
        elif previous:
            f.set_values({"insured_place": previous[0]["insured_place"]})
        self.setMinimumWidth(480)

    def submit(self, values):
        if self.level_id:
            return LS.update_level(self.ctx, self.level_id, values) or self.level_id
        return LS.add_level(self.ctx, self.resident_id, values)
