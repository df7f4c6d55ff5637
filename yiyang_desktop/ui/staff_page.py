"""人员: staff list with counts by role, add/edit, and leaving on a date."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout

from ..services import staff as S
from .common import ROW_ROLE, DateField, RecordTableModel, ServiceDialog, combo, record_table, tr_enum
from .page import Page


class StaffDialog(ServiceDialog):
    def __init__(self, ctx, staff_id: int | None = None, parent=None):
        super().__init__(self.tr("编辑人员") if staff_id else self.tr("新增人员"), parent)
        self.ctx, self.staff_id = ctx, staff_id
        f = self.form
        f.add("name", self.tr("姓名"), QLineEdit())
        f.add("id_number", self.tr("身份证号"), QLineEdit())
        self.role = f.add("role", self.tr("岗位"), combo(S.ROLES, blank=True))
        f.add("title", self.tr("职称"), QLineEdit())
        f.add("practice_cert_no", self.tr("执业证书编号"), QLineEdit())
        f.add("qualification_cert_no", self.tr("资格证书编号"), QLineEdit())
        f.add("other_certs", self.tr("其他证书"), QLineEdit())
        self.first = f.add("first_registration", self.tr("第一注册地"), QCheckBox(self.tr("本机构是该医师的第一执业地点")))
        f.add("employment", self.tr("用工方式"), combo(S.EMPLOYMENTS))
        f.add("start_date", self.tr("入职日期"), DateField(optional=False)).set_value(ctx.today())
        f.add("end_date", self.tr("离职日期"), DateField())
        f.add("phone", self.tr("电话"), QLineEdit())
        f.add("note", self.tr("备注"), QPlainTextEdit()).setMaximumHeight(60)
        self.role.currentIndexChanged.connect(self._sync)
        if staff_id:
            f.set_values(S.get_staff(ctx, staff_id))
        self._sync()

    def _sync(self) -> None:
        physician = self.role.currentData() in S.PHYSICIANS
        self.first.setEnabled(physician)
        if not physician:
            self.first.setChecked(False)

    def submit(self, values):
        if self.staff_id:
            return S.update_staff(self.ctx, self.staff_id, values)
        return S.create_staff(self.ctx, values)


class LeavingDialog(ServiceDialog):
    """办理离职: the last day in post is the day before the end date (start ≤ d < end)."""

    def __init__(self, ctx, staff_id: int, parent=None):
        super().__init__(self.tr("办理离职"), parent)
        self.ctx, self.staff_id = ctx, staff_id
        self.form.add("end_date", self.tr("离职日期"), DateField(optional=False)).set_value(ctx.today())

    def submit(self, values):
        return S.update_staff(self.ctx, self.staff_id, S.get_staff(self.ctx, self.staff_id) | values)


class StaffPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.counts = QLabel()
        self.counts.setObjectName("staff_counts")
        self.counts.setWordWrap(True)
        self.show_left = QCheckBox(self.tr("显示已离职"))
        self.show_left.toggled.connect(self.refresh)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, text, slot in (("add", self.tr("新增"), self.add), ("edit", self.tr("编辑"), self.edit),
                                ("leave", self.tr("办理离职"), self.leave)):
            b = QPushButton(text)
            b.setObjectName(f"btn_staff_{key}")
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addStretch(1)
        bar.addWidget(self.show_left)
        self.model = RecordTableModel([
            (self.tr("姓名"), "name"), (self.tr("岗位"), lambda r: tr_enum(r["role"])), (self.tr("职称"), "title"),
            (self.tr("执业证书编号"), "practice_cert_no"),
            (self.tr("第一注册地"), lambda r: self.tr("是") if r["first_registration"] else ""),
            (self.tr("用工方式"), lambda r: tr_enum(r["employment"])), (self.tr("入职日期"), "start_date"),
            (self.tr("离职日期"), "end_date"), (self.tr("电话"), "phone")])
        self.table = record_table(self.model, "staff_table")
        self.table.doubleClicked.connect(self.edit)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h2>" + self.tr("人员") + "</h2>"))
        lay.addWidget(self.counts)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.model.set_rows(S.list_staff(self.ctx, include_left=self.show_left.isChecked()))
        counts = S.staff_by_role(self.ctx, self.ctx.today())
        total = sum(counts.values())
        self.counts.setText(self.tr("今日在职 {n} 人：").format(n=total) + "，".join(
            f"{tr_enum(role)} {n}" for role, n in counts.items() if n))

    def selected(self) -> dict | None:
        idx = self.table.selectionModel().selectedRows()
        return self.model.data(idx[0], ROW_ROLE) if idx else None

    def add(self) -> None:
        self.run_dialog(StaffDialog(self.ctx, parent=self))

    def edit(self, *_) -> None:
        if r := self.selected():
            self.run_dialog(StaffDialog(self.ctx, r["id"], parent=self))

    def leave(self) -> None:
        if r := self.selected():
            self.run_dialog(LeavingDialog(self.ctx, r["id"], parent=self))
