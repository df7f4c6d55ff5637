"""入住老人: searchable list, guided actions, and each resident's stay history."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QSplitter,
                               QVBoxLayout)

from ..domain.ids import age_on
from ..services import assessments as A
from ..services import residents as R
from ..services.accounts import shown_id
from .assessments_page import history_html
from .common import (ROW_ROLE, TEXT, RecordTableModel, grade_short, hukou_text, join_list, record_table, select_where,
                     tr_enum)
from .page import Page
from .resident_detail import ResidentDetail
from .resident_health import HealthButtons, health_html
from .resident_dialogs import ResidentDialog
from .stay_dialogs import AdmitDialog, DischargeDialog, EndLeaveDialog, LeaveDialog, MoveDialog

STATE_COLOURS = {"外出": "#9a5b00", "住院": "#c0392b", "已出院": "#888888", "未入住": "#1f5fbf"}
STATE_IN, STATE_OUT, STATE_HOSPITAL, STATE_GONE, STATE_NEVER = "在住", "外出", "住院", "已出院", "未入住"


def state_of(r: dict) -> str:
    """在住 / 外出 / 住院 / 已出院 / 未入住 (registered, never admitted) — the stored Chinese key."""
    if not r["in_residence"]:
        return STATE_GONE if r["stay_id"] else STATE_NEVER
    if r["away"]:
        return STATE_HOSPITAL if r["away"] == "住院" else STATE_OUT
    return STATE_IN


def age_of(r: dict, today: dt.date) -> int:
    """Age today; for a resident who died in the home, the age at death."""
    on = dt.date.fromisoformat(r["discharge_date"]) if r.get("discharge_reason") == "死亡" else today
    return age_on(dt.date.fromisoformat(r["birth_date"]), on)


class ResidentTableModel(RecordTableModel):
    """The residents list: colour for who is away or gone, and real values to sort on (age as a number)."""

    def __init__(self, columns, sort_keys, parent=None):
        super().__init__(columns, parent)
        self.sort_keys = sort_keys

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.ForegroundRole and index.isValid():
            colour = STATE_COLOURS.get(state_of(self.rows[index.row()]))
            return QColor(colour) if colour else None
        return super().data(index, role)


class ResidentsPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.search = QLineEdit()
        self.search.setObjectName("resident_search")
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音首字母（如 zs）、身份证号或床位号"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.show_all = QCheckBox(self.tr("显示已出院"))
        self.show_all.setObjectName("show_discharged")
        self.show_all.toggled.connect(lambda _on: self.refresh())
        self.count = QLabel()
        self.count.setObjectName("resident_count")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_all)
        top.addSpacing(12)
        top.addWidget(self.count)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, slot in (
                ("add", self.tr("新增老人"), self.add), ("edit", self.tr("编辑"), self.edit),
                ("admit", self.tr("办理入住"), self.admit), ("move", self.tr("换床"), self.move),
                ("leave", self.tr("请假/住院"), self.leave), ("end_leave", self.tr("销假"), self.end_leave),
                ("discharge", self.tr("办理出院"), self.discharge)):
            b = QPushButton(text)
            b.setObjectName(f"btn_{key}")
            b.clicked.connect(slot)
            actions.addWidget(b)
            self.buttons[key] = b
        actions.addStretch(1)
        b = QPushButton(self.tr("从Excel导入…"))
        b.setObjectName("btn_import_excel")
        b.clicked.connect(self.import_excel)
        actions.addWidget(b)

        self.state_names = {STATE_IN: self.tr("在住"), STATE_OUT: self.tr("外出"), STATE_HOSPITAL: self.tr("住院"),
                            STATE_GONE: self.tr("已出院"), STATE_NEVER: self.tr("未入住")}
        today = ctx.today
        self.model = ResidentTableModel([
            (self.tr("姓名"), "name"),
            (self.tr("性别"), lambda r: tr_enum(r["sex"])),
            (self.tr("年龄"), lambda r: age_of(r, today())),
            (self.tr("身份证号"), lambda r: shown_id(ctx, r["id_number"])),  # masked unless the role may see it
            (self.tr("床位"), lambda r: r["bed"] if r["in_residence"] else ""),
            (self.tr("入住日期"), "admission_date"),
            (self.tr("户籍"), lambda r: hukou_text(r["hukou_local"])),
            (self.tr("能力等级"), lambda r: grade_short(r.get("grade"))),
            (self.tr("状态"), lambda r: self.state_names[state_of(r)]),
            (self.tr("类别"), lambda r: join_list(tr_enum(c) for c in r["categories"]), TEXT),
        ], [
            lambda r: r["name_pinyin"], lambda r: r["sex"], lambda r: age_of(r, today()), lambda r: r["id_number"],
            lambda r: (r["bed"] or "") if r["in_residence"] else "~", lambda r: r["admission_date"] or "",
            lambda r: -1 if r["hukou_local"] is None else r["hukou_local"], lambda r: r.get("grade") or "",
            lambda r: state_of(r), lambda r: len(r["categories"]),
        ], self)
        self.table = record_table(self.model, "residents_table")
        self.table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)  # the service's order until a click
        self.table.setSortingEnabled(True)
        self.table.setToolTip(self.tr("双击修改老人信息；右键可办理入住、换床、请假、出院"))
        self.table.doubleClicked.connect(self.edit)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = ResidentDetail()
        self.detail.setMinimumWidth(260)

        self.health_buttons = HealthButtons(self)  # 健康档案… 登记体检… 长护险等级… for the selected resident
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.health_buttons.beside(self.detail))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setSizes([900, 300])
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(actions)
        lay.addWidget(split, 1)
        self._selection_changed()

    # --- data -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected()
        rows = R.list_residents(self.ctx, self.search.text(), include_discharged=self.show_all.isChecked())
        # the current grade: latest completed assessment, looked up only for the residents listed
        grades = A.latest_completed(self.ctx, resident_ids=[r["id"] for r in rows]) if rows else {}
        for r in rows:
            r["grade"] = grades[r["id"]]["final_grade_name"] if r["id"] in grades else None
        self.model.set_rows(rows)
        if self.show_all.isChecked():
            inside = sum(1 for r in rows if r["in_residence"])
            self.count.setText(self.tr("共 {n} 人，其中在住 {m} 人").format(n=len(rows), m=inside))
        else:
            self.count.setText(self.tr("共 {n} 人").format(n=len(rows)))
        if keep:
            self.select(keep["id"])
        self._selection_changed()

    def selected(self) -> dict | None:
        idx = self.table.selectionModel().selectedRows()
        return self.model.data(idx[0], ROW_ROLE) if idx else None

    def select(self, resident_id: int) -> bool:
        """Select a resident's row (wherever sorting put it); False if not in the list."""
        return select_where(self.table, self.model, lambda r: r["id"] == resident_id)

    def _selection_changed(self, *_) -> None:
        r = self.selected()
        inside = bool(r and r["in_residence"])
        self.buttons["edit"].setEnabled(r is not None)
        self.buttons["admit"].setEnabled(self._can_admit(r))
        for k in ("move", "leave", "discharge"):
            self.buttons[k].setEnabled(inside)
        self.buttons["end_leave"].setEnabled(inside and bool(r["away"]))
        self.health_buttons.set_enabled(r is not None)
        if r:
            person = R.get_resident(self.ctx, r["id"])
            self.detail.show_resident(person, self.ctx.today(), history_html(self.ctx, r["id"], self.tr("能力评估记录"))
                                      + health_html(self.ctx, person, self.ctx.today()), ctx=self.ctx)
        elif self.model.rows:
            self.detail.show_message(self.tr("选中一位老人，这里显示他的联系人和入住记录。"))
        elif self.search.text().strip():
            self.detail.show_message(self.tr("没有找到符合条件的老人。已出院的老人请勾选“显示已出院”。"))
        else:
            self.detail.show_message(self.tr("还没有在住的老人。点“新增老人”登记并办理入住。"))

    @staticmethod
    def _can_admit(r: dict | None) -> bool:
        """Not in residence and alive (a stay that ended in 死亡 is the last one)."""
        return r is not None and not r["in_residence"] and r.get("discharge_reason") != "死亡"

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        for key, b in self.buttons.items():
            if b.isEnabled() and key != "add":
                menu.addAction(b.text(), b.click)
        if not menu.isEmpty():
            menu.exec(self.table.viewport().mapToGlobal(pos))

    def open_leave(self, r: dict) -> dict | None:
        """The leave the resident is on today (the one 销假 ends)."""
        stay = next((s for s in R.get_resident(self.ctx, r["id"])["stays"] if s["id"] == r["stay_id"]), None)
        today = self.ctx.today().isoformat()
        leaves = [lv for lv in (stay or {}).get("leaves", [])
                  if lv["start_date"] <= today and (lv["end_date"] is None or lv["end_date"] > today)]
        return leaves[-1] if leaves else None

    # --- actions ----------------------------------------------------------------------------------------------
    def _after(self, dlg, resident_id: int | None) -> None:
        if self.run_dialog(dlg) and resident_id is not None:
            self.select(resident_id)

    def add(self) -> None:
        dlg = ResidentDialog(self.ctx, parent=self)
        if self.run_dialog(dlg):
            self.select(dlg.result_value)

    def edit(self, *_) -> None:
        if r := self.selected():
            self._after(ResidentDialog(self.ctx, r["id"], parent=self), r["id"])

    def admit(self) -> None:
        if (r := self.selected()) and self._can_admit(r):
            self._after(AdmitDialog(self.ctx, r["id"], parent=self), r["id"])

    def move(self) -> None:
        if (r := self.selected()) and r["in_residence"]:
            self._after(MoveDialog(self.ctx, r["stay_id"], parent=self), r["id"])

    def leave(self) -> None:
        if (r := self.selected()) and r["in_residence"]:
            self._after(LeaveDialog(self.ctx, r["stay_id"], parent=self), r["id"])

    def end_leave(self) -> None:
        if (r := self.selected()) and (lv := self.open_leave(r)):
            self._after(EndLeaveDialog(self.ctx, lv["id"], parent=self, leave=lv, name=r["name"]), r["id"])

    def discharge(self) -> None:
        if (r := self.selected()) and r["in_residence"]:
            self._after(DischargeDialog(self.ctx, r["stay_id"], parent=self), r["id"])

    def import_excel(self) -> None:
        """Import existing Excel ledgers; after a successful import the window is told and the list redrawn."""
        from .import_dialog import ImportDialog
        self.run_dialog(ImportDialog(self.ctx, parent=self))
