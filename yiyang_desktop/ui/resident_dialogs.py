"""Add or edit a resident; adding can admit at once (all or nothing). Stay actions live in stay_dialogs."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from ..domain.ids import IdNumberError, normalize_id, parse_id_number
from ..domain.text import message_of
from ..services import residents as R
from ..services.base import Problem, ValidationError
from ..services.beds import bed_free_problem
from .common import DateField, FieldForm, ServiceDialog, combo, hukou_combo, tr_text
from .stay_dialogs import (AdmitDialog, BedPicker, DischargeDialog, EndLeaveDialog, LeaveDialog,  # noqa: F401
                           MoveDialog, date_and_bed, hint)
from .widgets import CheckList, ContactsEditor

# The stay dialogs are re-exported here so ``from .resident_dialogs import MoveDialog`` keeps working.
__all__ = ["AdmitDialog", "BedPicker", "DischargeDialog", "EndLeaveDialog", "LeaveDialog", "MoveDialog",
           "ResidentDialog", "TwoColumnForm"]


class TwoColumnForm(FieldForm):
    """A FieldForm laid out in two columns; ``column`` says where the next ``add`` goes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._outer = self.layout_
        row = QHBoxLayout()
        row.setSpacing(24)
        self.columns = []
        for _ in range(2):
            col = QFormLayout()
            col.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
            col.setVerticalSpacing(8)
            col.setHorizontalSpacing(10)
            wrap = QVBoxLayout()
            wrap.addLayout(col)
            wrap.addStretch(1)
            row.addLayout(wrap, 1)
            self.columns.append(col)
        self._outer.addRow(row)
        self.column = 0

    def add(self, name, label, widget):
        self.layout_ = self.columns[self.column]
        try:
            return super().add(name, label, widget)
        finally:
            self.layout_ = self._outer

    def heading(self, text: str) -> None:
        lab = QLabel(f"<b>{text}</b>")
        self.columns[self.column].addRow(lab)


class ResidentDialog(ServiceDialog):
    """Add a resident (optionally admitting at once, all or nothing) or edit one.

    ``form`` holds every field of the person; ``admit_form`` (adding only) the admission date and bed.
    """

    def __init__(self, ctx, resident_id: int | None = None, parent=None):
        super().__init__(self.tr("编辑老人信息") if resident_id else self.tr("新增老人"), parent)
        self.ctx, self.resident_id = ctx, resident_id
        lay = self.layout()
        lay.removeWidget(self.form)
        self.form.deleteLater()
        self.form = f = TwoColumnForm()
        lay.insertWidget(0, f)
        lay.insertStretch(1, 1)  # spare height below the form, not between its rows

        f.heading(self.tr("基本信息"))
        self.name_edit = f.add("name", self.tr("姓名"), QLineEdit())
        self.id_edit = f.add("id_number", self.tr("身份证号"), QLineEdit())
        self.id_edit.setPlaceholderText(self.tr("18位，录入后自动带出出生日期和性别"))
        self.id_edit.textChanged.connect(self._id_typed)
        self.sex = f.add("sex", self.tr("性别"), combo(R.SEXES, blank=True))
        self.sex.setMinimumWidth(80)
        self.birth = f.add("birth_date", self.tr("出生日期"), DateField())
        self.hukou = f.add("hukou_local", self.tr("户籍"), hukou_combo())  # no default: 本地 or 外地, chosen
        f.add("hukou_address", self.tr("户籍地址"), QLineEdit())
        f.add("categories", self.tr("人员类别"), CheckList(R.CATEGORIES, columns=4))
        f.add("medical_insurance", self.tr("医疗保险"), combo(R.INSURANCES, blank=True))
        f.add("ltc_insurance", self.tr("长期护理保险"), QCheckBox(self.tr("已参加长护险")))

        f.column = 1
        f.heading(self.tr("联系方式"))
        f.add("phone", self.tr("本人电话"), QLineEdit())
        f.add("contacts", self.tr("紧急联系人"), ContactsEditor())
        note = f.add("note", self.tr("备注"), QPlainTextEdit())
        note.setMaximumHeight(56)

        self.admit_box = None
        if resident_id is None:
            self.admit_box = QGroupBox(self.tr("立即入住"))
            self.admit_box.setObjectName("admit_now")
            self.admit_box.setCheckable(True)
            self.admit_box.setChecked(True)
            self.admit_form = FieldForm()
            self.admit_form.layout_.setVerticalSpacing(8)
            self.admit_date, self.bed_picker = date_and_bed(ctx, self.admit_form, "admission_date", self.tr("入住日期"))
            box = QVBoxLayout(self.admit_box)
            box.addWidget(self.admit_form)
            box.addWidget(hint(self.tr("暂不入住（如先登记、等床位）可去掉勾选，以后在列表中点“办理入住”。")))
            f.columns[1].addRow(self.admit_box)
        else:
            f.set_values(R.get_resident(ctx, resident_id))
        self.name_edit.setFocus()
        self.resize(980, 500 if resident_id is None else 380)

    def _id_typed(self, text: str) -> None:
        """Fill birth date and sex from a valid number; say at once what is wrong with a full-length one."""
        err = self.form.errors["id_number"]
        try:
            info = parse_id_number(text, today=self.ctx.today())
        except IdNumberError as e:
            if len(normalize_id(text)) >= 18:
                err.setText(tr_text(message_of(e)))
                err.show()
            else:
                err.hide()
            return
        err.hide()
        self.birth.set_value(info.birth_date)
        self.sex.setCurrentIndex(max(0, self.sex.findData(info.sex)))

    def _accept(self) -> None:
        if self.admit_box is not None:
            self.admit_form.clear_errors()
        super()._accept()

    def _admission_problems(self, stay: dict) -> list[Problem]:
        """What is wrong with the admission part, checked before anything is written."""
        out = []
        when, bed_id = stay.get("admission_date"), stay.get("bed_id")
        if when is None:
            out.append(Problem("admission_date", self.tr("请填写入住日期")))
        if not bed_id:
            out.append(Problem("bed_id", self.tr("请选择床位")))
        elif when is not None and (p := bed_free_problem(self.ctx, int(bed_id), when, None)):
            out.append(p)
        return out

    def submit(self, values):
        if self.resident_id:
            R.update_resident(self.ctx, self.resident_id, values)
            return self.resident_id
        admit = self.admit_box is not None and self.admit_box.isChecked()
        stay = self.admit_form.values() if admit else {}
        early = self._admission_problems(stay) if admit else []
        try:
            with self.ctx.transaction():  # create and admit together: a refused admission leaves nothing behind
                rid = R.create_resident(self.ctx, values)
                if early:
                    raise ValidationError(early)
                if admit:
                    R.admit(self.ctx, rid, stay)
        except ValidationError as e:
            problems = list(e.problems) + [p for p in early if p not in e.problems]
            mine = [p for p in problems if p.field in self.admit_form.fields] if admit else []
            if mine:
                self.admit_form.show_errors(ValidationError(mine))
            raise ValidationError([p for p in problems if p not in mine]) from None
        return rid
