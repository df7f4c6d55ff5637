"""Dialogs of the 申报 page: the 医保定点 confirmations the records cannot know, and recording an approval."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QHeaderView, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QTableWidget, QTableWidgetItem)

from ..domain.money import yuan_text
from ..services import insurance as M
from ..services.subsidies import approve_construction, get_application, parse_yuan
from .common import DateField, ServiceDialog
from .screen import fit_size
from .widgets import CheckList


class EquipmentEditor(QTableWidget):
    """Name and count of the large equipment, a few empty rows to type into."""

    ROWS = 8

    def __init__(self, parent=None):
        super().__init__(self.ROWS, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("设备名称"), self.tr("数量")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setMinimumHeight(140)

    def value(self) -> list[dict]:
        out = []
        for r in range(self.rowCount()):
            name, count = (self.item(r, c).text() if self.item(r, c) else "" for c in range(2))
            out.append({"name": name, "count": count})
        return out

    def set_value(self, rows) -> None:
        rows = list(rows or [])
        self.setRowCount(max(self.ROWS, len(rows) + 2))
        for r in range(self.rowCount()):
            row = rows[r] if r < len(rows) else {}
            self.setItem(r, 0, QTableWidgetItem(str(row.get("name", ""))))
            self.setItem(r, 1, QTableWidgetItem(str(row.get("count", ""))))


class InsuranceAnswersDialog(ServiceDialog):
    """What the 医保定点 conditions need and the records do not hold; kept for the next application."""

    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("医保定点：确认事项"), parent)
        self.ctx = ctx
        f = self.form
        f.add("rules", self.tr("已建立的制度"), CheckList(M.RULES, columns=2))
        f.add("his", self.tr("信息系统"), CheckList(M.HIS_ITEMS, columns=1))
        f.add("dept", self.tr("医保管理部门"), QCheckBox(self.tr("已设立医保管理部门并配备专职人员（100张床位以上须设）")))
        f.add("dept_name", self.tr("部门名称"), QLineEdit())
        f.add("manager", self.tr("医保管理人员"), QCheckBox(self.tr("主要负责人负责医保工作，已配备专（兼）职医保管理人员")))
        f.add("manager_name", self.tr("管理人员姓名"), QLineEdit())
        f.add("fixed_assets_wan", self.tr("固定资产（万元）"), QLineEdit())
        f.add("annual_income_wan", self.tr("年业务收入（万元）"), QLineEdit())
        f.add("outpatient_visits", self.tr("年门诊人次"), QLineEdit())
        f.add("inpatient_visits", self.tr("年住院人次"), QLineEdit())
        f.add("equipment", self.tr("大型医疗设备"), EquipmentEditor())
        intro = f.add("introduction", self.tr("机构简介"), QPlainTextEdit())
        intro.setMinimumHeight(80)
        answers = M.get_answers(ctx)
        f.set_values(answers | {"rules": [k for k, v in answers["rules"].items() if v],
                                "his": [k for k, v in answers["his"].items() if v]})
        fit_size(self, 720, 760)

    def submit(self, values):
        values = dict(values)
        values["rules"] = {k: k in values["rules"] for k in M.RULES}
        values["his"] = {k: k in values["his"] for k in M.HIS_ITEMS}
        return M.save_answers(self.ctx, values)


class ApproveDialog(ServiceDialog):
    """批复: the date, the amount approved and which beds; the beds are then left out of later applications."""

    def __init__(self, ctx, row: dict, parent=None):
        super().__init__(self.tr("登记建设补贴批复"), parent)
        self.ctx = ctx
        self.app_id = row["id"]
        app = get_application(ctx, row["id"])
        self.lines = app["summary"].get("lines", [])
        f = self.form
        f.add("decided_on", self.tr("批复日期"), DateField(optional=False, value=ctx.today()))
        amount = f.add("amount", self.tr("批准金额（元）"), QLineEdit())
        amount.setPlaceholderText(self.tr("留空：按获批床位的申请金额合计"))
        beds = QListWidget()
        for line in self.lines:
            item = QListWidgetItem(f"{line['bed']}  {line['bed_type']}  {yuan_text(line['amount_fen'])}")
            item.setData(Qt.UserRole, line["bed_id"])
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            beds.addItem(item)
        beds.setMinimumHeight(220)
        self.beds = f.add("bed_ids", self.tr("获批床位"), beds)
        self.resize(560, 520)

    def chosen_beds(self) -> list[int]:
        return [self.beds.item(i).data(Qt.UserRole) for i in range(self.beds.count())
                if self.beds.item(i).checkState() == Qt.Checked]

    def submit(self, values):
        fen = parse_yuan(values.get("amount"), "amount")
        return approve_construction(self.ctx, self.app_id, values["decided_on"], fen, self.chosen_beds())
