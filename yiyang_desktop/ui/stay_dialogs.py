"""Guided actions on a stay: admit (also a come-back), move bed, leave, end leave, discharge."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from ..domain import beds as B
from ..services import residents as R
from ..services.beds import free_beds
from .common import DateField, FieldForm, ServiceDialog, bed_counts_text, combo, tr_enum

HINT_STYLE = "color: #555;"


class BedPicker(QComboBox):
    """Free beds for a date; ``currentData()`` is the bed id. Refilled when the date changes."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setMinimumContentsLength(26)
        self.setMaxVisibleItems(20)

    def refill(self, when: dt.date | None, keep: int | None = None) -> None:
        current = keep if keep is not None else self.currentData()
        self.clear()
        if when is None:
            self.addItem(self.tr("（先选日期）"), None)
            return
        beds = free_beds(self.ctx, when)
        reserved = sum(1 for b in beds if b["status"] == B.RESERVED)
        if beds:  # counted as the bed board counts them: reserved beds are not free
            counts = SimpleNamespace(free=len(beds) - reserved, reserved=reserved)
            self.addItem(self.tr("（请选择床位：{counts}）").format(counts=bed_counts_text(counts)), None)
        else:
            self.addItem(self.tr("（这一天没有空闲床位）"), None)
        for b in beds:
            sub = "·" + tr_enum(b["sub_type"]) if b.get("sub_type") else ""
            text = self.tr("{label}（{type}{sub}）").format(label=b["label"], type=tr_enum(b["bed_type"]), sub=sub)
            if b["status"] == B.RESERVED:
                text += " · " + tr_enum(B.RESERVED)
            self.addItem(text, b["id"])
        self.setCurrentIndex(max(self.findData(current), 0) if current is not None else 0)

    def choose(self, bed_id: int) -> bool:
        i = self.findData(bed_id)
        if i > 0:
            self.setCurrentIndex(i)
        return i > 0


def date_and_bed(ctx, form: FieldForm, date_name: str, date_label: str) -> tuple[DateField, BedPicker]:
    """A date field and a free-bed picker that follows it (the list is re-queried when the date changes)."""
    when = form.add(date_name, date_label, DateField(optional=False, value=ctx.today()))
    picker = form.add("bed_id", QCoreApplication.translate("BedPicker", "床位"), BedPicker(ctx))
    picker.refill(when.value())
    when.dateChanged.connect(lambda *_: picker.refill(when.value()))
    return when, picker


def hint(text: str) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setStyleSheet(HINT_STYLE)
    return lab


def resident_of_stay(ctx, stay_id: int) -> dict | None:
    """The list row (name, bed, admission date…) of the resident whose latest stay this is."""
    return next((r for r in R.list_residents(ctx, include_discharged=True) if r["stay_id"] == stay_id), None)


class StayDialog(ServiceDialog):
    """A dialog about one resident: a heading line with who and where, then the form."""

    def __init__(self, title: str, ctx, heading: str, parent=None):
        super().__init__(title, parent)
        self.ctx = ctx
        self.heading = QLabel(heading)
        self.heading.setObjectName("stay_heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 15px; padding-bottom: 4px;")
        self.layout().insertWidget(0, self.heading)
        self.setMinimumWidth(460)

    def who(self, row: dict | None) -> str:
        if not row:
            return ""
        if row["in_residence"]:
            text = QCoreApplication.translate("StayDialog", "{name}，现住 {bed}（{date} 入住）").format(
                name=row["name"], bed=row["bed"] or "", date=row["admission_date"])
            away = QCoreApplication.translate("StayDialog", "，今天{kind}中")
            return text + (away.format(kind=tr_enum(row["away"])) if row["away"] else "")
        return row["name"]


class AdmitDialog(StayDialog):
    """Admit a resident who is not in residence (first time or coming back): a new stay."""

    def __init__(self, ctx, resident_id: int, parent=None):
        super().__init__(self.tr("办理入住"), ctx, "", parent)
        self.resident_id = resident_id
        p = R.get_resident(ctx, resident_id)
        last = p["stays"][-1] if p["stays"] else None
        if last and last["discharge_date"]:
            self.heading.setText(self.tr("{name} 再次入住（上次 {a} 至 {b}，{reason}）").format(
                name=p["name"], a=last["admission_date"], b=last["discharge_date"],
                reason=tr_enum(last["discharge_reason"])))
        else:
            self.heading.setText(self.tr("{name} 入住").format(name=p["name"]))
        date_and_bed(ctx, self.form, "admission_date", self.tr("入住日期"))

    def submit(self, values):
        return R.admit(self.ctx, self.resident_id, values)


class MoveDialog(StayDialog):
    def __init__(self, ctx, stay_id: int, parent=None):
        super().__init__(self.tr("换床"), ctx, "", parent)
        self.stay_id = stay_id
        self.heading.setText(self.who(resident_of_stay(ctx, stay_id)))
        date_and_bed(ctx, self.form, "date", self.tr("换床日期"))
        self.form.layout_.addRow(hint(self.tr("从换床日期起住新床位，原床位同日空出。只列出从这一天起空闲的床位。")))

    def submit(self, values):
        return R.move_bed(self.ctx, self.stay_id, values)


class LeaveDialog(StayDialog):
    def __init__(self, ctx, stay_id: int, parent=None):
        super().__init__(self.tr("请假/住院"), ctx, "", parent)
        self.stay_id = stay_id
        self.heading.setText(self.who(resident_of_stay(ctx, stay_id)))
        f = self.form
        f.add("kind", self.tr("类型"), combo(R.LEAVE_KINDS))
        f.add("start_date", self.tr("离开日期"), DateField(optional=False, value=ctx.today()))
        f.add("end_date", self.tr("返回日期"), DateField())
        f.add("destination", self.tr("去向"), QLineEdit()).setPlaceholderText(self.tr("如：县人民医院、子女家"))
        f.add("note", self.tr("备注"), QLineEdit())
        f.layout_.addRow(hint(self.tr("还不知道哪天回来可以不填返回日期，回来那天点“销假”。外出期间床位仍为这位老人保留。")))

    def submit(self, values):
        return R.start_leave(self.ctx, self.stay_id, values)


class EndLeaveDialog(StayDialog):
    def __init__(self, ctx, leave_id: int, parent=None, leave: dict | None = None, name: str = ""):
        super().__init__(self.tr("销假（返回）"), ctx, "", parent)
        self.leave_id = leave_id
        if leave:
            self.heading.setText(self.tr("{name} {kind}：{start} 起，去向 {dest}").format(
                name=name, kind=tr_enum(leave["kind"]), start=leave["start_date"], dest=leave["destination"] or "—"))
        self.form.add("end_date", self.tr("返回日期"), DateField(optional=False, value=ctx.today()))

    def submit(self, values):
        return R.end_leave(self.ctx, self.leave_id, values)


class DischargeDialog(StayDialog):
    def __init__(self, ctx, stay_id: int, parent=None):
        super().__init__(self.tr("办理出院"), ctx, "", parent)
        self.stay_id = stay_id
        self.heading.setText(self.who(resident_of_stay(ctx, stay_id)))
        f = self.form
        f.add("discharge_date", self.tr("出院日期"), DateField(optional=False, value=ctx.today()))
        f.add("discharge_reason", self.tr("出院原因"), combo(R.DISCHARGE_REASONS, blank=True))
        f.add("discharge_note", self.tr("说明"), QLineEdit())
        f.layout_.addRow(hint(self.tr("出院后床位即空出，未结束的外出一并结束。老人以后回来，可再“办理入住”。")))

    def submit(self, values):
        return R.discharge(self.ctx, self.stay_id, values)
