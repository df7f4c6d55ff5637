"""人员: staff list with today's counts by role, add/edit, and leaving on a date."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ..services import staff as S
from ..services.accounts import shown_phone
from .common import ROW_ROLE, RecordTableModel, record_table, select_where, tr_enum
from .page import Page
from .staff_dialogs import LeavingDialog, StaffDialog, has_left

__all__ = ["LeavingDialog", "StaffDialog", "StaffPage"]

MUTED = "#8c959f"


class StaffTableModel(RecordTableModel):
    """Staff rows; people who have left (or not started yet) are shown in grey."""

    def __init__(self, columns, today, parent=None):
        super().__init__(columns, parent)
        self.today = today

    def data(self, index, role=Qt.DisplayRole):
        if index.isValid() and role == Qt.ForegroundRole:
            row = self.rows[index.row()]
            if has_left(row, self.today) or row["start_date"] > self.today.isoformat():
                return QBrush(QColor(MUTED))
            return None
        return super().data(index, role)


class StaffPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        heading = QLabel(self.tr("人员"))
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.counts = QLabel()
        self.counts.setObjectName("staff_counts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.RichText)
        self.counts.setStyleSheet("background: white; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px;")

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (("add", self.tr("新增"), self.add), ("edit", self.tr("编辑"), self.edit),
                                ("leave", self.tr("办理离职"), self.leave)):
            b = QPushButton(text)
            b.setObjectName(f"btn_staff_{key}")
            b.setMinimumWidth(88)
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addStretch(1)
        self.total = QLabel()
        self.total.setObjectName("staff_total")
        self.show_left = QCheckBox(self.tr("显示已离职"))
        self.show_left.setObjectName("show_left")
        self.show_left.toggled.connect(lambda _on: self.refresh())
        bar.addWidget(self.total)
        bar.addSpacing(12)
        bar.addWidget(self.show_left)

        self.model = StaffTableModel([
            (self.tr("姓名"), "name"),
            (self.tr("岗位"), lambda r: tr_enum(r["role"])),
            (self.tr("职称"), "title"),
            (self.tr("执业证书编号"), "practice_cert_no"),
            (self.tr("第一注册地"), self._first_registration),
            (self.tr("用工方式"), lambda r: tr_enum(r["employment"])),
            (self.tr("入职日期"), "start_date"),
            (self.tr("离职日期"), "end_date"),
            (self.tr("电话"), lambda r: shown_phone(ctx, r["phone"])),  # masked unless the role may see it
        ], ctx.today())
        self.table = record_table(self.model, "staff_table")
        self.table.doubleClicked.connect(self.edit)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        hint = QLabel(self.tr("双击一行可编辑；离职请用“办理离职”，记录会保留。"))
        hint.setStyleSheet("color: #57606a;")

        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(self.counts)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(hint)
        self._selection_changed()

    def _first_registration(self, r: dict) -> str:
        if r["role"] not in S.PHYSICIANS:
            return ""
        return self.tr("是") if r["first_registration"] else self.tr("否")

    # --- data -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected()
        today = self.ctx.today()
        self.model.today = today
        rows = S.list_staff(self.ctx, include_left=True)
        if not self.show_left.isChecked():  # people starting later stay visible; only those who left are hidden
            rows = [r for r in rows if not has_left(r, today)]
        self.model.set_rows(rows)  # columns are sized from the first rows (common.record_table)
        self.total.setText(self.tr("列表共 {n} 人").format(n=len(rows)))
        self._show_counts(today)
        if keep:
            self.select(keep["id"])
        self._selection_changed()

    def _show_counts(self, today) -> None:
        counts = S.staff_by_role(self.ctx, today)
        parts = []
        for role, n in counts.items():
            text = html.escape(f"{tr_enum(role)} {n}")
            parts.append(text if n else f'<span style="color: {MUTED};">{text}</span>')
        head = self.tr("{date} 在职 {n} 人：").format(date=today.isoformat(), n=sum(counts.values()))
        self.counts.setText(f"<b>{html.escape(head)}</b> " + "&nbsp;&nbsp;·&nbsp;&nbsp;".join(parts))

    def selected(self) -> dict | None:
        idx = self.table.selectionModel().selectedRows()
        return self.model.data(idx[0], ROW_ROLE) if idx else None

    def select(self, staff_id: int) -> bool:
        return select_where(self.table, self.model, lambda r: r["id"] == staff_id)

    def _selection_changed(self, *_) -> None:
        r = self.selected()
        self.buttons["edit"].setEnabled(r is not None)
        self.buttons["leave"].setEnabled(r is not None and not has_left(r, self.ctx.today()))

    # --- actions ----------------------------------------------------------------------------------------------
    def add(self) -> None:
        dlg = StaffDialog(self.ctx, parent=self)
        if self.run_dialog(dlg):
            self.select(dlg.result_value)

    def edit(self, *_) -> None:
        if r := self.selected():
            self.run_dialog(StaffDialog(self.ctx, r["id"], parent=self))

    def leave(self) -> None:
        r = self.selected()
        if r and not has_left(r, self.ctx.today()):
            self.run_dialog(LeavingDialog(self.ctx, r["id"], parent=self))
