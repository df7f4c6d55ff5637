"""Dialogs of the 人员 page: add or edit a staff member, and 办理离职 on a date."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit

from ..services import staff as S
from .common import DateField, ServiceDialog, combo, tr_enum

HINT_STYLE = "color: #57606a;"


class StaffDialog(ServiceDialog):
    """新增人员 / 编辑人员. The first-registration tick only applies to physicians (执业医师/执业助理医师)."""

    def __init__(self, ctx, staff_id: int | None = None, parent=None):
        super().__init__(self.tr("编辑人员") if staff_id else self.tr("新增人员"), parent)
        self.setObjectName("staff_dialog")
        self.setMinimumWidth(520)
        self.ctx, self.staff_id = ctx, staff_id
        self._first_memory = False
        f = self.form
        f.add("name", self.tr("姓名"), QLineEdit())
        f.add("id_number", self.tr("身份证号"), QLineEdit()).setPlaceholderText(self.tr("可不填；填写时核对校验位"))
        self.role = f.add("role", self.tr("岗位"), combo(S.ROLES, blank=True))
        f.add("title", self.tr("职称"), QLineEdit()).setPlaceholderText(self.tr("如：主治医师、护师"))
        self.practice = f.add("practice_cert_no", self.tr("执业证书编号"), QLineEdit())
        f.add("qualification_cert_no", self.tr("资格证书编号"), QLineEdit())
        f.add("other_certs", self.tr("其他证书"), QLineEdit()).setPlaceholderText(self.tr("如：养老护理员职业技能等级证书"))
        self.first = f.add("first_registration", self.tr("第一注册地"),
                           QCheckBox(self.tr("本机构是该医师的第一执业地点")))
        self.first.toggled.connect(self._remember_first)
        f.add("employment", self.tr("用工方式"), combo(S.EMPLOYMENTS))
        f.add("start_date", self.tr("入职日期"), DateField(optional=False, value=ctx.today()))
        if staff_id:  # leaving is its own guided action; the date can still be corrected here
            f.add("end_date", self.tr("离职日期"), DateField())
        f.add("phone", self.tr("电话"), QLineEdit())
        f.add("note", self.tr("备注"), QPlainTextEdit()).setMaximumHeight(60)
        self.role.currentIndexChanged.connect(self._sync)
        if staff_id:
            f.set_values(S.get_staff(ctx, staff_id))
            self._first_memory = self.first.isChecked()
        self._sync()

    def _remember_first(self, checked: bool) -> None:
        if self.first.isEnabled():
            self._first_memory = checked

    def _sync(self) -> None:
        physician = self.role.currentData() in S.PHYSICIANS
        self.first.setEnabled(physician)
        # A tick only means something for physicians; switching the role back restores it.
        self.first.setChecked(self._first_memory if physician else False)
        self.practice.setPlaceholderText(self.tr("医师必填：医师执业证书编号") if physician else
                                         self.tr("护士等有执业证书的填写"))

    def submit(self, values):
        if self.staff_id:
            return S.update_staff(self.ctx, self.staff_id, values)
        return S.create_staff(self.ctx, values)


class LeavingDialog(ServiceDialog):
    """办理离职: from the end date on the person is no longer counted in post (in post means start ≤ d < end)."""

    def __init__(self, ctx, staff_id: int, parent=None):
        super().__init__(self.tr("办理离职"), parent)
        self.setObjectName("leaving_dialog")
        self.setMinimumWidth(380)
        self.ctx, self.staff_id = ctx, staff_id
        person = S.get_staff(ctx, staff_id)
        who = QLabel(self.tr("{name}（{role}），{start} 入职").format(
            name=person["name"], role=tr_enum(person["role"]), start=person["start_date"]))
        who.setObjectName("leaving_who")
        self.form.layout_.insertRow(0, who)
        self.form.add("end_date", self.tr("离职日期"), DateField(optional=False, value=person["end_date"] or ctx.today()))
        hint = QLabel(self.tr("从离职日期当天起，此人不再计入在职人数；记录会保留，可勾选“显示已离职”查看。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.form.layout_.addRow(hint)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("确认离职"))

    def submit(self, values):
        person = S.get_staff(self.ctx, self.staff_id)
        return S.update_staff(self.ctx, self.staff_id, person | {"end_date": values["end_date"]})


def has_left(row: dict, today: dt.date) -> bool:
    return bool(row.get("end_date")) and row["end_date"] <= today.isoformat()

