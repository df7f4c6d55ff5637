"""能力评估: the reassessment due list, each resident's history, entry, report PDF and the grade list in Excel."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSpinBox, QSplitter, QTextBrowser, QVBoxLayout)

from ..domain.assessment import load_instrument
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..paths import data_dir
from ..services import assessments as A
from ..services.accounts import can
from ..services.settings import get_setting
from ..services.base import ValidationError
from .common import (ROW_ROLE, TEXT, DateField, RecordTableModel, ServiceDialog, combo, data_name, error_text, join_list,
                     record_table, run_action, select_where, tr_enum, tr_text)
from .page import Page
# The care levels a home names its grades by (护理等级对照), translated when they are the usual ones.
CARE_LEVELS = (N_("enum", "自理"), N_("enum", "介助"), N_("enum", "介助一级"), N_("enum", "介助二级"), N_("enum", "介护"),
               N_("enum", "特护"))
from .pdf_preview import PdfPreviewDialog
from .saved import show_saved

STATE_COLOURS = {A.DUE_NONE: "#fde2e1", A.DUE_OVERDUE: "#fde2e1", A.DUE_IMMEDIATE: "#fff3cd", A.DUE_SOON: "#fff8e1"}


class DueModel(RecordTableModel):
    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.BackgroundRole and index.isValid():
            colour = STATE_COLOURS.get(self.rows[index.row()]["state"])
            return QBrush(QColor(colour)) if colour else None
        return super().data(index, role)


class CareEventDialog(ServiceDialog):
    def __init__(self, ctx, resident_id: int, parent=None):
        super().__init__(self.tr("记录照护风险事件"), parent)
        self.ctx, self.resident_id = ctx, resident_id
        self.form.add("event_date", self.tr("发生日期"), DateField(optional=False, value=ctx.today()))
        self.form.add("kind", self.tr("事件类型"), combo(A.RISK_KINDS))
        self.form.add("note", self.tr("经过"), QLineEdit())

    def submit(self, values):
        return A.record_care_event(self.ctx, self.resident_id, values)


class CareLevelsDialog(QDialog):
    """The institution's own care level for each final grade of each instrument."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("护理等级对照"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("为每个评估标准的最终等级指定本机构的护理等级（如 自理/介助/介护/特护）：")))
        self.edits: dict[str, list[QLineEdit]] = {}
        form = QFormLayout()
        for inst_id, names in A.care_levels(ctx).items():
            inst = load_instrument(inst_id)
            row = QHBoxLayout()
            edits = []
            for grade, name in enumerate(names):
                e = QLineEdit(name)
                e.setToolTip(inst.grades[grade])
                e.setPlaceholderText(inst.grades[grade])
                row.addWidget(e)
                edits.append(e)
            self.edits[inst_id] = edits
            form.addRow(inst.name, row)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def save(self) -> None:
        try:
            A.set_care_levels(self.ctx, {k: [e.text() for e in v] for k, v in self.edits.items()})
        except ValidationError as e:
            self.error.setText(error_text(e))
            return
        self.accept()


class AssessmentsPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.summary = QLabel()
        self.summary.setObjectName("due_summary")
        self.interval = QSpinBox()
        self.interval.setRange(1, 24)
        self.interval.setSuffix(self.tr(" 个月"))
        self.interval.valueChanged.connect(self._interval_changed)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("常规复评间隔")))
        top.addWidget(self.interval)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, text, slot in (("new", self.tr("新建评估"), self.new), ("open", self.tr("查看/继续"), self.open_selected),
                                ("event", self.tr("记录风险事件"), self.add_event), ("pdf", self.tr("打印评估报告"), self.report),
                                ("excel", self.tr("导出全部等级"), self.export_excel),
                                ("levels", self.tr("护理等级对照"), self.edit_levels)):
            b = QPushButton(text)
            b.setObjectName(f"btn_assess_{key}")
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addStretch(1)
        self.model = DueModel([
            (self.tr("姓名"), "name"), (self.tr("床位"), "bed"),
            (self.tr("最近评估"), lambda r: r["last_date"].isoformat() if r["last_date"] else ""),
            (self.tr("能力等级"), lambda r: data_name(r["grade_name"])), (self.tr("护理等级"), lambda r: tr_enum(r["care_level"])),
            (self.tr("下次评估"), lambda r: r["due_date"].isoformat() if r["due_date"] else ""),
            (self.tr("状态"), lambda r: tr_enum(r["state"])),
            (self.tr("说明"), lambda r: join_list((tr_text(x) for x in r["reasons"]), "；"), TEXT)])
        self.table = record_table(self.model, "due_table")
        self.table.doubleClicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(self._show_history)
        self.history = QTextBrowser()
        self.history.setObjectName("assessment_history")
        self.history.setOpenLinks(False)
        self.history.anchorClicked.connect(lambda url: self._open(int(url.toString())))
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.history)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([860, 330])  # the list's key columns stay in view; the history panel wraps
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(bar)
        lay.addWidget(split, 1)

    def refresh(self) -> None:
        self.interval.blockSignals(True)
        self.interval.setValue(int(get_setting(self.ctx, "reassessment_months") or 6))
        self.interval.blockSignals(False)
        self.interval.setEnabled(can(self.ctx, "settings"))
        levels = A.care_levels(self.ctx)
        rows = A.due_list(self.ctx)
        for r in rows:
            r["care_level"] = A.care_level_of(self.ctx, r["instrument_id"], r["final_grade"], levels)
        keep = self.selected()
        self.model.set_rows(rows)
        counts = {s: sum(1 for r in rows if r["state"] == s) for s in (A.DUE_NONE, A.DUE_OVERDUE, A.DUE_IMMEDIATE, A.DUE_SOON)}
        self.summary.setText(self.tr("在住 {n} 人：未评估 {none}，已逾期 {over}，需即时评估 {now}，30天内到期 {soon}").format(
            n=len(rows), none=counts[A.DUE_NONE], over=counts[A.DUE_OVERDUE], now=counts[A.DUE_IMMEDIATE], soon=counts[A.DUE_SOON]))
        if keep:
            self.select(keep["resident_id"])
        self._show_history()

    def _interval_changed(self, months: int) -> None:
        if run_action(self, lambda: A.set_reassessment_months(self.ctx, months) or True) is None:
            self.refresh()  # refused: show the interval that is saved
            return
        self.changed.emit()
        self.refresh()

    def selected(self) -> dict | None:
        idx = self.table.selectionModel().selectedRows()
        return self.model.data(idx[0], ROW_ROLE) if idx else None

    def select(self, resident_id: int) -> bool:
        return select_where(self.table, self.model, lambda r: r["resident_id"] == resident_id)

    def _show_history(self, *_) -> None:
        r = self.selected()
        for k in ("new", "open", "event", "pdf"):
            self.buttons[k].setEnabled(r is not None)
        if r is None:
            self.history.setHtml(self.tr("选中一位老人查看评估记录与等级变化。"))
            return
        self.history.setHtml(history_html(self.ctx, r["resident_id"], r["name"]))

    def _last(self, resident_id: int, done_only: bool = False) -> dict | None:
        items = [a for a in A.history(self.ctx, resident_id) if not done_only or a["status"] == A.DONE]
        return items[-1] if items else None

    def new(self) -> None:
        from .assessment_dialog import AssessmentDialog
        if r := self.selected():
            self.run_dialog(AssessmentDialog(self.ctx, r["resident_id"], parent=self))

    def _open(self, assessment_id: int) -> None:
        from .assessment_dialog import AssessmentDialog
        a = A.get_assessment(self.ctx, assessment_id)
        self.run_dialog(AssessmentDialog(self.ctx, a["resident_id"], assessment_id, parent=self))

    def open_selected(self, *_) -> None:
        r = self.selected()
        last = self._last(r["resident_id"]) if r else None
        if last:
            self._open(last["id"])
        elif r:
            self.new()

    def edit_levels(self) -> None:
        self.run_dialog(CareLevelsDialog(self.ctx, parent=self))

    def add_event(self) -> None:
        if r := self.selected():
            self.run_dialog(CareEventDialog(self.ctx, r["resident_id"], parent=self))

    def report(self) -> Path | None:
        r = self.selected()
        last = self._last(r["resident_id"], done_only=True) if r else None
        if last is None:
            QMessageBox.information(self, self.tr("打印评估报告"), self.tr("这位老人还没有已完成的评估。"))
            return None
        from ..exports.assessment_pdf import write_assessment_pdf
        from ..services.assessment_reports import report_data
        folder = data_dir() / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"能力评估报告-{r['name']}-{last['assessed_on']}.pdf"
        data = run_action(self, report_data, self.ctx, last["id"])
        if data is None:
            return None
        from ..services.accounts import record_export
        from ..services.base import ServiceError
        from ..services.exporting import exporting
        try:
            with exporting(self.ctx, "能力评估报告", path):  # refused before the file exists if it cannot be recorded
                write_assessment_pdf(path, data)
        except ServiceError as e:
            QMessageBox.warning(self, self.tr("打印评估报告"), error_text(e))
            return None
        except OSError as e:
            QMessageBox.warning(self, self.tr("打印评估报告"), self.tr("无法写入文件 {path}：{err}").format(
                path=str(path), err=e.strerror or e))
            return None
        self.report_preview = PdfPreviewDialog(path, self.tr("能力评估报告 — {name}").format(name=r["name"]), self,
                                        on_saved_as=lambda copy: record_export(self.ctx, "能力评估报告", copy))
        self.report_preview.exec()
        return path

    def export_excel(self, *_, path: Path | None = None) -> Path | None:
        from ..exports.grades_xlsx import write_grades_xlsx
        from ..services.assessment_reports import grade_rows
        from ..services.institution import get_institution
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("导出全部等级"),
                                                  str(data_dir() / f"能力等级-{self.ctx.today().isoformat()}.xlsx"),
                                                  "Excel (*.xlsx)")
            if not name:
                return None
            path = Path(name)
        found = run_action(self, grade_rows, self.ctx)
        if found is None:
            return None
        rows = [{**r, "sex": tr_enum(r["sex"]), "state": tr_enum(r["state"])} for r in found]
        from ..services.base import ServiceError
        from ..services.exporting import exporting
        try:
            with exporting(self.ctx, "能力等级表", path):  # refused before the file exists if it cannot be recorded
                written = write_grades_xlsx(path, get_institution(self.ctx).get("name") or "",
                                            self.ctx.today().isoformat(), rows)
        except ServiceError as e:
            QMessageBox.warning(self, self.tr("导出全部等级"), error_text(e))
            return None
        except OSError as e:
            QMessageBox.warning(self, self.tr("导出全部等级"), self.tr("无法写入文件 {path}：{err}").format(
                path=str(path), err=e.strerror or e))
            return None
        show_saved(self, self.tr("导出全部等级"), [written])
        return written


def history_html(ctx, resident_id: int, name: str) -> str:
    """Assessment history with the grade trend (▲ worse, ▼ better), links open each record."""
    e = html.escape
    items = A.history(ctx, resident_id)
    out = [f"<h3>{e(name)}</h3>"]
    if not items:
        return out[0] + "<p>" + QCoreApplication.translate("AssessmentHistory", "尚无评估记录。") + "</p>"
    prev = None
    lines = []
    total_word = QCoreApplication.translate("AssessmentHistory", "总分")
    for a in items:
        inst = load_instrument(a["instrument_id"])
        if a["status"] == A.DRAFT:
            grade = QCoreApplication.translate("AssessmentHistory", "草稿（不计入统计）")
            arrow = ""
        else:
            grade = e(data_name(a["final_grade_name"]))
            arrow = "" if prev is None or prev[0] != a["instrument_id"] else (
                " ▲" if a["final_grade"] > prev[1] else " ▼" if a["final_grade"] < prev[1] else " ＝")
            prev = (a["instrument_id"], a["final_grade"])
        total = QCoreApplication.translate("common", "，") + f"{total_word} {a['total']}" if a["total"] is not None else ""
        lines.append(f"<li><a href='{a['id']}'>{e(a['assessed_on'])}</a> {e(tr_enum(a['reason']))}："
                     f"<b>{grade}</b>{arrow}{total}<br><span style='color:#57606a'>{e(data_name(inst.name))}</span></li>")
    out.append("<ul>" + "".join(reversed(lines)) + "</ul>")
    return "".join(out)
