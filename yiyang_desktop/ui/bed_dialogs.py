"""Bed actions: add a bed or a room, edit, change type from a date, set status from a date."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox

from ..domain import beds as B
from ..services import beds as S
from .common import DateField, ServiceDialog, combo, tr_enum


def _type_fields(dlg: ServiceDialog) -> None:
    f = dlg.form
    bed_type = f.add("bed_type", QCoreApplication.translate("BedFields", "床位类型"), combo(B.BED_TYPES, blank=True))
    sub = f.add("sub_type", QCoreApplication.translate("BedFields", "医疗床位子类型"), combo(B.MEDICAL_SUBTYPES, blank=True))

    def sync() -> None:
        medical = bed_type.currentData() == B.MEDICAL
        sub.setEnabled(medical)
        if not medical:
            sub.setCurrentIndex(0)
    bed_type.currentIndexChanged.connect(sync)
    sync()


def _provision_fields(dlg: ServiceDialog) -> None:
    f = dlg.form
    prov = f.add("provision", QCoreApplication.translate("BedFields", "床位来源"), combo(B.PROVISIONS))
    lease = f.add("lease_end_date", QCoreApplication.translate("BedFields", "租赁到期日"), DateField())

    def sync() -> None:
        lease.setEnabled(prov.currentData() == B.LEASED)
    prov.currentIndexChanged.connect(sync)
    sync()


def _location_fields(dlg: ServiceDialog, with_number: bool = True) -> None:
    f = dlg.form
    f.add("building", QCoreApplication.translate("BedFields", "楼栋"), QLineEdit()).setPlaceholderText(QCoreApplication.translate("BedFields", "如：1号楼（可不填）"))
    f.add("floor", QCoreApplication.translate("BedFields", "楼层"), QLineEdit()).setPlaceholderText(QCoreApplication.translate("BedFields", "如：2"))
    f.add("room", QCoreApplication.translate("BedFields", "房间号"), QLineEdit())
    if with_number:
        f.add("number", QCoreApplication.translate("BedFields", "床号"), QLineEdit())


class BedDialog(ServiceDialog):
    """Add one bed, or (with ``bed_id``) correct its location, provision and note."""

    def __init__(self, ctx, bed_id: int | None = None, parent=None):
        super().__init__(self.tr("修改床位信息") if bed_id else self.tr("添加床位"), parent)
        self.ctx, self.bed_id = ctx, bed_id
        _location_fields(self)
        if bed_id is None:
            _type_fields(self)
            self.form.add("status", self.tr("初始状态"), combo(B.SET_STATUSES))
            self.form.add("service_date", self.tr("投入使用日期"), DateField(optional=False, value=ctx.today()))
        _provision_fields(self)
        self.form.add("note", self.tr("备注"), QLineEdit())
        if bed_id:
            self.form.set_values(S.get_bed(ctx, bed_id))

    def submit(self, values):
        if self.bed_id:
            return S.update_bed(self.ctx, self.bed_id, values)
        return S.create_bed(self.ctx, values)


class RoomDialog(ServiceDialog):
    """Add a room with N beds of one type in one step."""

    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("添加房间"), parent)
        self.ctx = ctx
        _location_fields(self, with_number=False)
        count = self.form.add("count", self.tr("床位数"), QSpinBox())
        count.setRange(1, 20)
        count.setValue(2)
        _type_fields(self)
        self.form.add("service_date", self.tr("投入使用日期"), DateField(optional=False, value=ctx.today()))
        _provision_fields(self)

    def submit(self, values):
        return S.create_room(self.ctx, values, int(values.pop("count")))


class TypeDialog(ServiceDialog):
    """Convert a bed to another type from a date; earlier dates keep the old type."""

    def __init__(self, ctx, bed_id: int, parent=None):
        super().__init__(self.tr("变更床位类型"), parent)
        self.ctx, self.bed_id = ctx, bed_id
        bed = S.get_bed(ctx, bed_id)
        history = "<br>".join(
            f"{html.escape(h['effective_date'])} {html.escape(tr_enum(h['bed_type']))}"
            f"{'（' + html.escape(tr_enum(h['sub_type'])) + '）' if h['sub_type'] else ''}" for h in bed["type_history"])
        heading = self.tr("类型记录")
        info = QLabel(f"<b>{html.escape(bed['label'])}</b><br>{heading}：<br>{history}")
        info.setObjectName("type_history")
        self.layout().insertWidget(0, info)
        self.form.add("date", self.tr("自何日起"), DateField(optional=False, value=ctx.today()))
        _type_fields(self)
        self.form.add("note", self.tr("原因/备注"), QLineEdit())

    def submit(self, values):
        return S.change_bed_type(self.ctx, self.bed_id, values)


class StatusDialog(ServiceDialog):
    def __init__(self, ctx, bed_id: int, parent=None):
        super().__init__(self.tr("设置床位状态"), parent)
        self.ctx, self.bed_id = ctx, bed_id
        bed = S.get_bed(ctx, bed_id)
        self.layout().insertWidget(0, QLabel(f"<b>{html.escape(bed['label'])}</b>"))
        self.form.add("date", self.tr("自何日起"), DateField(optional=False, value=ctx.today()))
        self.form.add("status", self.tr("状态"), combo(B.SET_STATUSES))
        self.form.add("note", self.tr("原因/备注"), QLineEdit())

    def submit(self, values):
        return S.set_bed_status(self.ctx, self.bed_id, values)
