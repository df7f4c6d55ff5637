"""入住老人: searchable list, guided actions, and each resident's stay history."""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QSplitter, QTextBrowser, QVBoxLayout

from ..domain.ids import age_on
from ..services import residents as R
from .common import ROW_ROLE, RecordTableModel, record_table, tr_enum
from .page import Page
from .resident_dialogs import AdmitDialog, DischargeDialog, EndLeaveDialog, LeaveDialog, MoveDialog, ResidentDialog


def mask_id(number: str) -> str:
    return number[:4] + "*" * 10 + number[-4:] if number and len(number) == 18 else number


class ResidentsPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.search = QLineEdit()
        self.search.setObjectName("resident_search")
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音首字母（如 zs）、身份证号或床位号"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.show_all = QCheckBox(self.tr("显示已出院"))
        self.show_all.toggled.connect(self.refresh)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_all)
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

        today = ctx.today()
        self.model = RecordTableModel([
            (self.tr("姓名"), "name"),
            (self.tr("性别"), lambda r: tr_enum(r["sex"])),
            (self.tr("年龄"), lambda r: age_on(dt.date.fromisoformat(r["birth_date"]), today)),
            (self.tr("身份证号"), lambda r: mask_id(r["id_number"])),
            (self.tr("床位"), lambda r: r["bed"] if r["in_residence"] else ""),
            (self.tr("入住日期"), "admission_date"),
            (self.tr("户籍"), lambda r: self.tr("本地") if r["hukou_local"] else self.tr("外地")),
            (self.tr("类别"), lambda r: "、".join(tr_enum(c) for c in r["categories"])),
            (self.tr("状态"), self._state),
        ])
        self.table = record_table(self.model, "residents_table")
        self.table.doubleClicked.connect(self.edit)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = QTextBrowser()
        self.detail.setObjectName("resident_detail")

        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(actions)
        lay.addWidget(split, 1)
        self._selection_changed()

    def _state(self, r: dict) -> str:
        if not r["in_residence"]:
            return self.tr("已出院") if r["stay_id"] else self.tr("未入住")
        return tr_enum(r["away"]) if r["away"] else tr_enum("在住")

    # --- data -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected()
        rows = R.list_residents(self.ctx, self.search.text(), include_discharged=self.show_all.isChecked())
        self.model.set_rows(rows)
        self.count.setText(self.tr("共 {n} 人").format(n=len(rows)))
        if keep:
            self.select(keep["id"])
        self._selection_changed()

    def selected(self) -> dict | None:
        idx = self.table.selectionModel().selectedRows()
        return self.model.data(idx[0], ROW_ROLE) if idx else None

    def select(self, resident_id: int) -> bool:
        for i, r in enumerate(self.model.rows):
            if r["id"] == resident_id:
                self.table.selectRow(i)
                return True
        return False

    def _selection_changed(self, *_) -> None:
        r = self.selected()
        inside = bool(r and r["in_residence"])
        self.buttons["edit"].setEnabled(r is not None)
        self.buttons["admit"].setEnabled(r is not None and not inside)
        for k in ("move", "leave", "discharge"):
            self.buttons[k].setEnabled(inside)
        self.buttons["end_leave"].setEnabled(inside and bool(r["away"]) if r else False)
        self.detail.setHtml(self._history_html(r["id"]) if r else self.tr("选中一位老人查看入住记录。"))

    def _history_html(self, resident_id: int) -> str:
        p = R.get_resident(self.ctx, resident_id)
        e = html.escape
        out = [f"<h3>{e(p['name'])}</h3><p>{e(tr_enum(p['sex']))}，{e(p['birth_date'])}，"
               f"{e(tr_enum(p['medical_insurance'] or ''))}</p>"]
        if p["contacts"]:
            out.append("<p>" + self.tr("紧急联系人") + "：" + "；".join(
                e(f"{c['name']}（{c['relation'] or ''}）{c['phone'] or ''}") for c in p["contacts"]) + "</p>")
        bed_word, until_now, not_back = self.tr("床位"), self.tr("至今"), self.tr("未返回")
        for s in reversed(p["stays"]):
            end = s["discharge_date"] or until_now
            reason = f"（{e(tr_enum(s['discharge_reason']))}）" if s["discharge_reason"] else ""
            out.append(f"<p><b>{e(s['admission_date'])} — {e(end)}</b>{reason}</p><ul>")
            for b in s["beds"]:
                out.append(f"<li>{bed_word} {e(b['label'])}：{e(b['start_date'])} — {e(b['end_date'] or until_now)}</li>")
            for lv in s["leaves"]:
                out.append(f"<li>{e(tr_enum(lv['kind']))}：{e(lv['start_date'])} — {e(lv['end_date'] or not_back)}"
                           f" {e(lv['destination'] or '')}</li>")
            out.append("</ul>")
        return "".join(out)

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        for b in self.buttons.values():
            if b.isEnabled() and b is not self.buttons["add"]:
                menu.addAction(b.text(), b.click)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # --- actions ----------------------------------------------------------------------------------------------
    def add(self) -> None:
        dlg = ResidentDialog(self.ctx, parent=self)
        if self.run_dialog(dlg):
            self.select(dlg.result_value)

    def edit(self, *_) -> None:
        if r := self.selected():
            self.run_dialog(ResidentDialog(self.ctx, r["id"], parent=self))

    def admit(self) -> None:
        if r := self.selected():
            self.run_dialog(AdmitDialog(self.ctx, r["id"], parent=self))

    def move(self) -> None:
        if r := self.selected():
            self.run_dialog(MoveDialog(self.ctx, r["stay_id"], parent=self))

    def leave(self) -> None:
        if r := self.selected():
            self.run_dialog(LeaveDialog(self.ctx, r["stay_id"], parent=self))

    def end_leave(self) -> None:
        r = self.selected()
        if not r:
            return
        stay = next(s for s in R.get_resident(self.ctx, r["id"])["stays"] if s["id"] == r["stay_id"])
        today = self.ctx.today().isoformat()
        open_leaves = [lv for lv in stay["leaves"] if lv["start_date"] <= today and (lv["end_date"] is None or lv["end_date"] > today)]
        if open_leaves:
            self.run_dialog(EndLeaveDialog(self.ctx, open_leaves[-1]["id"], parent=self))

    def discharge(self) -> None:
        if r := self.selected():
            self.run_dialog(DischargeDialog(self.ctx, r["stay_id"], parent=self))

