"""Guided actions on residents: add/edit, admit (also a come-back), move bed, leave, end leave, discharge."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLineEdit, QPlainTextEdit, QVBoxLayout

from ..domain.ids import IdNumberError, parse_id_number
from ..services import residents as R
from ..services.beds import free_beds
from .common import DateField, FieldForm, ServiceDialog, combo, tr_enum
from .widgets import CheckList, ContactsEditor


class BedPicker(QComboBox):
    """Free beds for a date; ``currentData()`` is the bed id. Refilled when the date changes."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setMinimumContentsLength(24)

    def refill(self, when: dt.date | None, keep: int | None = None) -> None:
        current = keep if keep is not None else self.currentData()
        self.clear()
        self.addItem(self.tr("（请选择床位）"), None)
        if when is None:
            return
        for b in free_beds(self.ctx, when):
            sub = f"·{tr_enum(b['sub_type'])}" if b.get("sub_type") else ""
            self.addItem(f"{b['label']}（{tr_enum(b['bed_type'])}{sub}）", b["id"])
        i = self.findData(current)
        self.setCurrentIndex(max(i, 0))


def _date_bed_pair(dlg: ServiceDialog, form: FieldForm, date_name: str, date_label: str) -> tuple[DateField, BedPicker]:
    when = form.add(date_name, date_label, DateField(optional=False))
    when.set_value(dlg.ctx.today())
    picker = form.add("bed_id", QCoreApplication.translate("BedPicker", "床位"), BedPicker(dlg.ctx))
    picker.refill(when.value())
    when.dateChanged.connect(lambda *_: picker.refill(when.value()))
    return when, picker


class ResidentDialog(ServiceDialog):
    """Add a resident (optionally admitting at once, all or nothing) or edit one."""

    def __init__(self, ctx, resident_id: int | None = None, parent=None):
        super().__init__(self.tr("编辑老人信息") if resident_id else self.tr("新增老人"), parent)
        self.ctx, self.resident_id = ctx, resident_id
        f = self.form
        f.add("name", self.tr("姓名"), QLineEdit())
        self.id_edit = f.add("id_number", self.tr("身份证号"), QLineEdit())
        self.id_edit.setPlaceholderText(self.tr("18位，录入后自动带出出生日期和性别"))
        self.id_edit.textChanged.connect(self._id_typed)
        self.sex = f.add("sex", self.tr("性别"), combo(R.SEXES, blank=True))
        self.birth = f.add("birth_date", self.tr("出生日期"), DateField())
        f.add("hukou_local", self.tr("户籍"), QCheckBox(self.tr("本地户籍")))
        f.add("hukou_address", self.tr("户籍地址"), QLineEdit())
        f.add("categories", self.tr("人员类别"), CheckList(R.CATEGORIES))
        f.add("medical_insurance", self.tr("医疗保险"), combo(R.INSURANCES, blank=True))
        f.add("ltc_insurance", self.tr("长期护理保险"), QCheckBox(self.tr("已参加长护险")))
        f.add("phone", self.tr("本人电话"), QLineEdit())
        f.add("contacts", self.tr("紧急联系人"), ContactsEditor())
        note = f.add("note", self.tr("备注"), QPlainTextEdit())
        note.setMaximumHeight(60)
        self.admit_box = None
        if resident_id is None:
            self.admit_box = QGroupBox(self.tr("同时办理入住"))
            self.admit_box.setObjectName("admit_now")
            self.admit_box.setCheckable(True)
            self.admit_box.setChecked(True)
            self.admit_form = FieldForm()
            _date_bed_pair(self, self.admit_form, "admission_date", self.tr("入住日期"))
            QVBoxLayout(self.admit_box).addWidget(self.admit_form)
            self.layout().insertWidget(1, self.admit_box)
        else:
            data = R.get_resident(ctx, resident_id)
            f.set_values(data)
        self.resize(640, 720)

    def _id_typed(self, text: str) -> None:
        try:
            info = parse_id_number(text, today=self.ctx.today())
        except IdNumberError:
            return
        self.birth.set_value(info.birth_date)
        self.sex.setCurrentIndex(max(0, self.sex.findData(info.sex)))

    def _accept(self) -> None:
        if self.admit_box is not None:
            self.admit_form.clear_errors()
        super()._accept()

    def submit(self, values):
        if self.resident_id:
            R.update_resident(self.ctx, self.resident_id, values)
            return self.resident_id
        admit = self.admit_box is not None and self.admit_box.isChecked()
        stay_values = self.admit_form.values() if admit else {}
        from ..services.base import ValidationError
        try:
            with self.ctx.transaction():  # create and admit together: a refused admission leaves nothing behind
                rid = R.create_resident(self.ctx, values)
                if admit:
                    R.admit(self.ctx, rid, stay_values)
        except ValidationError as e:
            if any(p.field in self.admit_form.fields for p in e.problems):
                self.admit_form.show_errors(e)
                raise ValidationError([p for p in e.problems if p.field not in self.admit_form.fields]) from None
            raise
        return rid


class AdmitDialog(ServiceDialog):
    def __init__(self, ctx, resident_id: int, parent=None):
        super().__init__(self.tr("办理入住"), parent)
        self.ctx, self.resident_id = ctx, resident_id
        _date_bed_pair(self, self.form, "admission_date", self.tr("入住日期"))

    def submit(self, values):
        return R.admit(self.ctx, self.resident_id, values)


class MoveDialog(ServiceDialog):
    def __init__(self, ctx, stay_id: int, parent=None):
        super().__init__(self.tr("换床"), parent)
        self.ctx, self.stay_id = ctx, stay_id
        _date_bed_pair(self, self.form, "date", self.tr("换床日期"))

    def submit(self, values):
        return R.move_bed(self.ctx, self.stay_id, values)


class LeaveDialog(ServiceDialog):
    def __init__(self, ctx, stay_id: int, parent=None):
        super().__init__(self.tr("请假/住院"), parent)
        self.ctx, self.stay_id = ctx, stay_id
        f = self.form
        f.add("kind", self.tr("类型"), combo(R.LEAVE_KINDS))
        f.add("start_date", self.tr("离开日期"), DateField(optional=False)).set_value(ctx.today())
        end = f.add("end_date", self.tr("预计返回日期"), DateField())
        end.setToolTip(self.tr("不清楚可以不填，回来时再“销假”"))
        f.add("destination", self.tr("去向"), QLineEdit())
        f.add("note", self.tr("备注"), QLineEdit())

    def submit(self, values):
        return R.start_leave(self.ctx, self.stay_id, values)


class EndLeaveDialog(ServiceDialog):
    def __init__(self, ctx, leave_id: int, parent=None):
        super().__init__(self.tr("销假（返回）"), parent)
        self.ctx, self.leave_id = ctx, leave_id
        self.form.add("end_date", self.tr("返回日期"), DateField(optional=False)).set_value(ctx.today())

    def submit(self, values):
        return R.end_leave(self.ctx, self.leave_id, values)


class DischargeDialog(ServiceDialog):
    def __init__(self, ctx, stay_id: int, parent=None):
        super().__init__(self.tr("办理出院"), parent)
        self.ctx, self.stay_id = ctx, stay_id
        f = self.form
        f.add("discharge_date", self.tr("出院日期"), DateField(optional=False)).set_value(ctx.today())
        f.add("discharge_reason", self.tr("出院原因"), combo(R.DISCHARGE_REASONS, blank=True))
        f.add("discharge_note", self.tr("说明"), QLineEdit())

    def submit(self, values):
        return R.discharge(self.ctx, self.stay_id, values)
