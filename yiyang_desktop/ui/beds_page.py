"""床位: totals and the bed board for any date, with the bed actions."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from ..domain import beds as B
from ..domain.figures import bed_figures, percent_text
from ..services import beds as S
from ..services.census import census
from .bed_board import COLOURS, BedBoard
from .bed_dialogs import BedDialog, RoomDialog, StatusDialog, TypeDialog
from .common import DateField, combo, floor_title, join_list, run_action, tr_enum
from .page import Page


class BedsPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.day = DateField(optional=False, value=ctx.today())
        self.day.setObjectName("board_date")
        self.day.dateChanged.connect(lambda *_: self.refresh())
        self.type_filter = combo(B.BED_TYPES, blank=True)
        self.type_filter.setItemText(0, self.tr("全部类型"))
        self.type_filter.currentIndexChanged.connect(lambda *_: self.board.set_filter("type", self.type_filter.currentData()))
        self.floor_filter = QComboBox()
        self.floor_filter.currentIndexChanged.connect(lambda *_: self.board.set_filter("floor", self.floor_filter.currentData()))
        self.status_filter = combo(B.SHOWN_STATUSES, blank=True)
        self.status_filter.setItemText(0, self.tr("全部状态"))
        self.status_filter.currentIndexChanged.connect(lambda *_: self.board.set_filter("status", self.status_filter.currentData()))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("查看日期")))
        filters.addWidget(self.day)
        for w in (self.type_filter, self.floor_filter, self.status_filter):
            filters.addWidget(w)
        filters.addStretch(1)
        for status, (bg, bd) in COLOURS.items():
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {bg}; border: 1px solid {bd}; border-radius: 2px;")
            filters.addWidget(swatch)
            filters.addWidget(QLabel(tr_enum(status)))

        self.totals = QLabel()
        self.totals.setObjectName("bed_totals")
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("background: white; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px;")

        self.buttons = {}
        actions = QHBoxLayout()
        for key, text, slot, needs_bed in (
                ("add", self.tr("添加床位"), self.add_bed, False), ("room", self.tr("添加房间"), self.add_room, False),
                ("edit", self.tr("修改床位信息"), self.edit_bed, True), ("type", self.tr("变更床位类型"), self.change_type, True),
                ("status", self.tr("设置状态"), self.set_status, True), ("delete", self.tr("删除"), self.delete_bed, True)):
            b = QPushButton(text)
            b.setObjectName(f"btn_{key}")
            b.clicked.connect(slot)
            b.setProperty("needs_bed", needs_bed)
            actions.addWidget(b)
            self.buttons[key] = b
        actions.addStretch(1)

        self.board = BedBoard()
        self.board.bed_selected.connect(lambda *_: self._enable())
        self.board.bed_activated.connect(lambda bed_id: self.edit_bed())
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addWidget(self.totals)
        lay.addLayout(actions)
        lay.addWidget(self.board, 1)
        self._enable()

    def _enable(self) -> None:
        for b in self.buttons.values():
            if b.property("needs_bed"):
                b.setEnabled(self.board.selected_id is not None)

    def refresh(self) -> None:
        c = census(self.ctx, self.day.value())
        self.census = c
        f = self.figures = bed_figures(c)
        by_type = join_list((f"{tr_enum(t)} {n}" for t, n in f.by_type.items()), "，")
        self.totals.setText(self.tr(
            "<b>床位 {total} 张</b>（{by_type}）　在住 <b>{occ}</b>　空闲 {free}　预留 {res}　维修 {rep}　"
            "入住率 <b>{rate}</b>　护理型床位占比 <b>{share}</b>").format(
            total=f.total, by_type=by_type, occ=f.occupied, free=f.free, res=f.reserved, rep=f.repair,
            rate=percent_text(f.occupancy), share=percent_text(f.nursing_share)))
        floors = sorted({(b.building, b.floor) for b in c.beds})
        keep = self.floor_filter.currentData()
        self.floor_filter.blockSignals(True)
        self.floor_filter.clear()
        self.floor_filter.addItem(self.tr("全部楼层"), None)
        for building, floor in floors:
            self.floor_filter.addItem(floor_title(building, floor), (building, floor))
        self.floor_filter.setCurrentIndex(max(0, self.floor_filter.findData(keep)))
        self.floor_filter.blockSignals(False)
        self.board.filters["floor"] = self.floor_filter.currentData()
        self.board.show_census(list(c.beds))
        self._enable()

    def add_bed(self) -> None:
        self.run_dialog(BedDialog(self.ctx, parent=self))

    def add_room(self) -> None:
        self.run_dialog(RoomDialog(self.ctx, parent=self))

    def edit_bed(self) -> None:
        if self.board.selected_id:
            self.run_dialog(BedDialog(self.ctx, self.board.selected_id, parent=self))

    def change_type(self) -> None:
        if self.board.selected_id:
            self.run_dialog(TypeDialog(self.ctx, self.board.selected_id, parent=self))

    def set_status(self) -> None:
        if self.board.selected_id:
            self.run_dialog(StatusDialog(self.ctx, self.board.selected_id, parent=self))

    def delete_bed(self) -> None:
        bed_id = self.board.selected_id
        if not bed_id:
            return
        label = S.get_bed(self.ctx, bed_id)["label"]
        if QMessageBox.question(self, self.tr("删除床位"), self.tr("确定删除床位 {label}？").format(label=label)) != QMessageBox.Yes:
            return
        if not run_action(self, lambda: S.delete_bed(self.ctx, bed_id) or True):
            return
        self.board.selected_id = None
        self.changed.emit()
        self.refresh()

