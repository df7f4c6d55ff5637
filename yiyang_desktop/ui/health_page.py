"""健康管理: who is due for the yearly check (aged 65+, none in twelve months), whose result was not given within a
month, the checks of a year with their scanned reports, and the 长护险 levels that end within 60 days (or have
ended). The 概览 tiles open the tab behind them."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox, QTabWidget,
                               QVBoxLayout, QWidget)

from ..domain.dates import add_months
from ..services import attachments as AT
from ..services import health as HS
from ..services import ltc as LS
from .common import RecordTableModel, record_table, run_action, tr_text
from .health_dialogs import CheckDialog, LevelDialog
from .page import Page

TABS = ("due", "overdue", "checks", "ltc")


class HealthPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.heading = QLabel()
        self.heading.setObjectName("health_heading")
        self.heading.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("health_tabs")
        self.buttons: dict[str, QPushButton] = {}
        self.titles = (self.tr("体检到期"), self.tr("告知逾期"), self.tr("体检记录"), self.tr("长护险等级"))

        self.due_model = RecordTableModel([
            (self.tr("姓名"), "name"), (self.tr("床位"), "bed"), (self.tr("年龄"), "age"),
            (self.tr("上次体检"), lambda r: r["last_check"] or self.tr("无记录")),
            (self.tr("到期日"), lambda r: r["due_since"] or self.tr("年满65周岁即到期"))], self)
        self.due_table = record_table(self.due_model, "health_due")
        self.due_table.doubleClicked.connect(lambda _i: self.add_check())
        self._tab(self.due_table, [("add_check", self.tr("登记体检…"), self.add_check)],
                  self.tr("年满65周岁、12个月内没有体检的在住老人。"))

        self.overdue_model = RecordTableModel([
            (self.tr("姓名"), "name"), (self.tr("床位"), "bed"), (self.tr("体检日期"), "check_date"),
            (self.tr("应告知日期"), "deadline"), (self.tr("体检后天数"), "days_since")], self)
        self.overdue_table = record_table(self.overdue_model, "health_overdue")
        self.overdue_table.doubleClicked.connect(lambda _i: self.record_feedback())
        self._tab(self.overdue_table, [("feedback", self.tr("登记告知…"), self.record_feedback)],
                  self.tr("体检后超过1个月还没有把结果和健康指导建议告知老人或家属。"))

        self.year = QSpinBox()
        self.year.setObjectName("health_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.today().year)
        self.year.valueChanged.connect(lambda _v: self._load_checks())
        self.checks_model = RecordTableModel([
            (self.tr("体检日期"), "check_date"), (self.tr("姓名"), "name"), (self.tr("体检机构"), "provider"),
            (self.tr("主要发现"), "findings"), (self.tr("告知日期"), "feedback_date"),
            (self.tr("告知情况"), lambda r: tr_text(r["feedback_state"])),
            (self.tr("报告"), lambda r: len(r["reports"]) or "")], self)
        self.checks_table = record_table(self.checks_model, "health_checks")
        self.checks_table.doubleClicked.connect(lambda _i: self.edit_check())
        self._tab(self.checks_table, [("edit_check", self.tr("编辑…"), self.edit_check),
                                      ("add_report", self.tr("添加报告…"), self.add_report),
                                      ("open_report", self.tr("查看报告"), self.open_report),
                                      ("delete_check", self.tr("删除"), self.delete_check)],
                  self.tr("所选年份的全部体检记录。"), self.year)

        self.ltc_model = RecordTableModel([
            (self.tr("姓名"), "name"), (self.tr("床位"), "bed"), (self.tr("等级"), lambda r: r["level"] or "—"),
            (self.tr("有效期至"), lambda r: r["valid_to"] or "—"), (self.tr("状态"), "state")], self)
        self.ltc_table = record_table(self.ltc_model, "health_ltc")
        self.ltc_table.doubleClicked.connect(lambda _i: self.add_level())
        self._tab(self.ltc_table, [("add_level", self.tr("登记新等级…"), self.add_level)],
                  self.tr("60天内到期（尚未登记新等级）和已没有有效等级的参保老人。"))

        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h2>" + self.tr("健康管理") + "</h2>"))
        lay.addWidget(self.heading)
        lay.addWidget(self.tabs, 1)

    def _tab(self, table, buttons, hint: str, extra: QWidget | None = None) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        row = QHBoxLayout()
        if extra is not None:
            row.addWidget(extra)
        note = QLabel(hint)
        note.setStyleSheet("color: #57606a;")
        row.addWidget(note, 1)
        for key, label, slot in buttons:
            b = QPushButton(label)
            b.setObjectName(f"btn_health_{key}")
            b.clicked.connect(lambda _=False, f=slot: f())
            row.addWidget(b)
            self.buttons[key] = b
        lay.addLayout(row)
        lay.addWidget(table, 1)
        self.tabs.addTab(page, "")

    def show_tab(self, name: str) -> None:
        if name in TABS:
            self.tabs.setCurrentIndex(TABS.index(name))

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        today = self.ctx.today()
        lists = HS.due_lists(self.ctx, today)
        self.due_model.set_rows(lists["due"])
        self.overdue_model.set_rows(lists["feedback_overdue"])
        ltc = [r | {"state": self.tr("还剩 {n} 天").format(n=r["days_left"])} for r in LS.expiring_levels(self.ctx, today)]
        ltc += [{"resident_id": r["resident_id"], "name": r["name"], "bed": r["bed"], "level": r["last_level"],
                 "valid_to": r["expired_on"],
                 "state": self.tr("已过期") if r["expired_on"] else self.tr("未登记等级")}
                for r in LS.insured_without_level(self.ctx, today)]
        self.ltc_model.set_rows(ltc)
        self._load_checks()
        counts = (len(lists["due"]), len(lists["feedback_overdue"]), None, len(ltc))
        for i, (title, n) in enumerate(zip(self.titles, counts)):
            self.tabs.setTabText(i, title if n is None else f"{title}（{n}）")
        self.heading.setText(self.tr("{d}：体检到期 {a} 人，体检结果告知逾期 {b} 人次，长护险等级需处理 {c} 人。").format(
            d=today.isoformat(), a=counts[0], b=counts[1], c=counts[3]))

    def _load_checks(self) -> None:
        rows = HS.list_checks(self.ctx, year=self.year.value())
        self.checks_model.set_rows(rows)
        self.tabs.setTabText(2, f"{self.titles[2]}（{len(rows)}）")

    @staticmethod
    def _selected(table) -> dict | None:
        rows = table.selectionModel().selectedRows()
        return table.model().row_at(rows[0].row()) if rows else None

    def _need(self, table, what: str) -> dict | None:
        row = self._selected(table)
        if row is None:
            QMessageBox.information(self, self.tr("健康管理"), self.tr("请先选中{what}。").format(what=what))
        return row

    # ------------------------------------------------------------------ actions
    def add_check(self) -> None:
        if r := self._need(self.due_table, self.tr("一位老人")):
            self.run_dialog(CheckDialog(self.ctx, r["resident_id"], name=r["name"], parent=self))

    def record_feedback(self) -> None:
        if r := self._need(self.overdue_table, self.tr("一条体检记录")):
            self.run_dialog(CheckDialog(self.ctx, check_id=r["check_id"], parent=self, focus_feedback=True))

    def edit_check(self) -> None:
        if r := self._need(self.checks_table, self.tr("一条体检记录")):
            self.run_dialog(CheckDialog(self.ctx, check_id=r["id"], parent=self))

    def delete_check(self) -> None:
        r = self._need(self.checks_table, self.tr("一条体检记录"))
        if r and QMessageBox.question(self, self.tr("删除体检记录"), self.tr("确定删除 {name} {d} 的体检记录（连同报告扫描件）？")
                                      .format(name=r["name"], d=r["check_date"])) == QMessageBox.Yes:
            if run_action(self, HS.delete_check, self.ctx, r["id"]) is None:
                self.changed.emit()
                self.refresh()

    def add_report(self, *, path: str | None = None) -> None:
        r = self._need(self.checks_table, self.tr("一条体检记录"))
        if r is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择体检报告扫描件"), "",
                                                  self.tr("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;所有文件 (*)"))
        if path and run_action(self, HS.add_report, self.ctx, r["id"], path) is not None:
            self.changed.emit()
            self.refresh()

    def open_report(self) -> str | None:
        """Open the latest report of the selected check with the system viewer after checking its sha256."""
        r = self._need(self.checks_table, self.tr("一条体检记录"))
        if r is None:
            return None
        if not r["reports"]:
            QMessageBox.information(self, self.tr("查看报告"), self.tr("这次体检还没有添加报告扫描件。"))
            return None
        found = run_action(self, HS.report_file, self.ctx, r["reports"][-1]["id"])
        if found is None:
            return None
        path, state = found
        if state == AT.SCAN_MISSING:
            QMessageBox.warning(self, self.tr("查看报告"), self.tr("找不到报告文件：{path}\n文件可能被移动或删除，请重新添加。")
                                .format(path=str(path)))
            return state
        if state == AT.SCAN_CHANGED and QMessageBox.warning(
                self, self.tr("查看报告"), self.tr("报告文件在添加后被改动过（校验值不一致），内容可能已不是原件。仍要打开吗？"),
                QMessageBox.Open | QMessageBox.Cancel) != QMessageBox.Open:
            return state
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return state

    def add_level(self) -> None:
        if r := self._need(self.ltc_table, self.tr("一位老人")):
            dlg = LevelDialog(self.ctx, r["resident_id"], name=r["name"], parent=self)
            if r.get("valid_to") and r.get("days_left") is not None:  # a renewal: from the day after the old one ends
                start = dt.date.fromisoformat(r["valid_to"]) + dt.timedelta(days=1)
                dlg.form.fields["valid_from"].set_value(start)
                dlg.form.fields["valid_to"].set_value(add_months(start, 12) - dt.timedelta(days=1))
                dlg.form.fields["level"].setText(r["level"] or "")
            self.run_dialog(dlg)

