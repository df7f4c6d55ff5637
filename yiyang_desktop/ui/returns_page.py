"""月报: a month's return computed from history, the lists behind it, 报送 (freeze) with the difference against what
was submitted, Excel/PDF for one month or a whole year with a progress bar."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QSpinBox,
                               QTabWidget, QVBoxLayout, QWidget)

from ..domain.figures import percent_text, return_rates
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..exports.return_xlsx import DETAILS, summary_rows
from ..paths import data_dir
from ..services import returns as RT
from ..services.base import ServiceError
from ..services.institution import get_institution
from .common import (COUNT, KEY, TEXT, RecordTableModel, data_name, error_text, instrument_name, join_list, record_table,
                     tr_enum, tr_text)
from .page import Page
from .saved import open_folder, show_saved
from .tasks import Cancelled, run_in_background

WARN_STYLE = "background: #fff3cd; color: #664d03; padding: 6px 10px;"


UNITS = (N_("unit", "张"), N_("unit", "人"), N_("unit", "人次"), N_("unit", "床日"), N_("unit", "床·月"),
         N_("unit", "次"), N_("unit", "份"), N_("unit", "家"))
OF_WHICH = N_("xlsx", "其中")


def _unit(unit) -> str:
    return QCoreApplication.translate("unit", str(unit)) if unit else ""


def _label(label) -> str:
    """A summary row's label as the Excel sheet writes it (an indented "分组：值" or "其中…"), translated part by part."""
    text = str(label)
    if not text.startswith("　"):
        return tr_text(label)
    body = text.lstrip("　")
    if "：" in body:
        group, value = body.split("：", 1)
        sep = QCoreApplication.translate("ReturnsPage", "：")
        return "　" + tr_text(group) + sep + tr_text(value)
    if body.startswith(str(OF_WHICH)) and body != str(OF_WHICH):
        of_which, rest = QCoreApplication.translate("xlsx", str(OF_WHICH)), tr_text(body[len(str(OF_WHICH)):])
        if of_which == str(OF_WHICH):  # Chinese: 其中回家
            return "　" + of_which + rest
        return "　" + of_which + " " + rest[:1].lower() + rest[1:]  # English: of which went home
    return "　" + tr_text(body)


DETAIL_KINDS = {"age": COUNT, "detail": TEXT, "impression": TEXT, "partner": TEXT, "categories": TEXT}


def detail_cell(key: str, value) -> str:
    """A cell of the lists behind the return in words: 是/否 (never True/False), an instrument's name (never its
    id), grades and data names in the interface's language, stored Chinese words translated."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return QCoreApplication.translate("ReturnsPage", "是") if value else QCoreApplication.translate("ReturnsPage", "否")
    if key == "instrument_id":
        return instrument_name(value)
    if key == "grade":
        return data_name(value)
    if key == "categories":
        return join_list(tr_enum(c) for c in str(value).split("、") if c)
    return tr_enum(value) if isinstance(value, str) else str(value)


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return tr_enum(value) if isinstance(value, str) else str(value)


class ReturnsPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.ret: RT.MonthReturn | None = None
        self.files: list[Path] = []
        today = ctx.today()
        prev_y, prev_m = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        self.year, self.month = QSpinBox(), QSpinBox()
        self.year.setObjectName("ret_year")
        self.month.setObjectName("ret_month")
        self.year.setRange(2000, 2100)
        self.year.setValue(prev_y)
        self.month.setRange(1, 12)
        self.month.setValue(prev_m)
        self.month.setSuffix(self.tr("月"))
        buttons = {}
        for name, label, slot in (("compute", self.tr("重新计算"), self.compute), ("submit", self.tr("报送…"), self.submit),
                                  ("save", self.tr("保存 Excel 和 PDF…"), self.save_files),
                                  ("year", self.tr("导出全年…"), self.export_year),
                                  ("folder", self.tr("打开文件夹"), self.open_folder)):
            b = QPushButton(label)
            b.setObjectName(f"btn_ret_{name}")
            b.clicked.connect(lambda _=False, f=slot: f())
            buttons[name] = b
        self.buttons = buttons
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(400)
        self._pending.timeout.connect(self.compute)
        self.year.valueChanged.connect(self._month_changed)
        self.month.valueChanged.connect(self._month_changed)
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("月份")), self.year, self.month, buttons["compute"]):
            bar.addWidget(w)
        bar.addStretch(1)
        for key in ("submit", "save", "year", "folder"):
            bar.addWidget(buttons[key])

        self.status = QLabel(self.tr("数字按所选月份当时的记录计算，报送后冻结保存。"))
        self.status.setObjectName("ret_status")
        self.status.setWordWrap(True)
        self.diff = QWidget()
        self.diff.setObjectName("ret_diff_panel")
        self.diff.setStyleSheet(WARN_STYLE)
        self.diff_text = QLabel()
        self.diff_text.setObjectName("ret_diff_text")
        self.diff_text.setWordWrap(True)
        correct = QPushButton(self.tr("生成更正版本…"))
        correct.setObjectName("btn_ret_correct")
        correct.clicked.connect(lambda: self.submit(correction=True))
        drow = QHBoxLayout(self.diff)
        drow.setContentsMargins(0, 0, 0, 0)
        drow.addWidget(self.diff_text, 1)
        drow.addWidget(correct)
        self.diff.hide()

        self.tabs = QTabWidget()
        self.summary_model = RecordTableModel([(self.tr("类别"), "section"), (self.tr("项目"), "label"),
                                               (self.tr("数值"), "value", COUNT), (self.tr("单位"), "unit"),
                                               (self.tr("说明"), "note", TEXT)], self)
        self.tabs.addTab(record_table(self.summary_model, "ret_summary"), self.tr("汇总"))
        self.detail_models: dict[str, RecordTableModel] = {}
        for key, name, cols in DETAILS:
            model = RecordTableModel([(tr_text(head), lambda r, k=k: detail_cell(k, r.get(k)), DETAIL_KINDS.get(k, KEY))
                                      for k, head, _w in cols], self)
            self.detail_models[key] = model
            self.tabs.addTab(record_table(model, f"ret_{key}"), tr_text(name))
        self.diff_model = RecordTableModel([(self.tr("项目"), "field"), (self.tr("报送时"), "submitted"),
                                            (self.tr("重新计算"), "now")], self)
        self.tabs.addTab(record_table(self.diff_model, "ret_differences"), self.tr("与报送版本的差异"))
        self.history_model = RecordTableModel([
            (self.tr("月份"), "month"), (self.tr("版本"), "version"), (self.tr("报送人"), "submitted_by"),
            (self.tr("报送时间"), "submitted_at"), (self.tr("备注"), "note"),
            (self.tr("有效"), lambda r: "✔" if r["latest"] else self.tr("已更正"))], self)
        self.history = record_table(self.history_model, "ret_history")
        export_frozen = QPushButton(self.tr("导出所选报送版本…"))
        export_frozen.setObjectName("btn_ret_export_frozen")
        export_frozen.clicked.connect(lambda: self.export_submitted())
        hist = QWidget()
        hl = QVBoxLayout(hist)
        hl.addWidget(self.history, 1)
        hrow = QHBoxLayout()
        hrow.addStretch(1)
        hrow.addWidget(export_frozen)
        hl.addLayout(hrow)
        self.tabs.addTab(hist, self.tr("报送记录"))
        from .ltc_tab import LtcTab
        self.ltc_tab = LtcTab(ctx, self)  # the month's 长护险 list, under its own profile
        self.tabs.addTab(self.ltc_tab, self.tr("长护险清单"))

        self.files_label = QLabel()
        self.files_label.setObjectName("ret_files")
        self.files_label.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<h2>" + self.tr("月报") + "</h2>"))
        lay.addLayout(bar)
        lay.addWidget(self.status)
        lay.addWidget(self.diff)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.files_label)
        self._enable(False)

    def _enable(self, computed: bool) -> None:
        for key in ("submit", "save"):
            self.buttons[key].setEnabled(computed)
        self.buttons["folder"].setEnabled(bool(self.files))

    def refresh(self) -> None:
        """Shown (or records changed): the chosen month is computed straight away, as a user expects."""
        self.history_model.set_rows(RT.submitted_returns(self.ctx))
        self.compute()

    def _month_changed(self) -> None:
        self._pending.start()  # spinning through months computes once the user stops

    # ------------------------------------------------------------------ one month

    def compute(self) -> RT.MonthReturn | None:
        self._pending.stop()
        self.ltc_tab.show_month(self.year.value(), self.month.value())
        try:
            ret = RT.compute_return(self.ctx, self.year.value(), self.month.value())
        except ServiceError as e:
            self.ret = None
            self.status.setText(error_text(e))
            self._show(None)
            self._enable(False)
            return None
        self.ret = ret
        self._show(ret)
        self._enable(True)
        f = ret.figures
        text = self.tr("按 {d} 的记录计算。").format(d=f["as_of"]) + " " + self.tr(
            "{m}：月末床位 {beds} 张，在住 {occ} 张，入住率 {rate}；入住 {a} 人，出院 {d} 人（其中死亡 {x} 人）。").format(
            m=ret.key, beds=f["beds_total"], occ=f["beds_occupied"], rate=percent_text(return_rates(f)["occupancy_rate"]),
            a=f["admissions"], d=f["discharges"], x=f["deaths"])
        versions = RT.submitted_returns(self.ctx, ret.key)
        if versions:
            latest = versions[0]
            text += " " + self.tr("已报送第 {v} 版（{who}，{when}）。").format(
                v=latest["version"], who=latest["submitted_by"], when=latest["submitted_at"])
        self.status.setText(text)
        self._show_differences(versions)
        return ret

    def _show(self, ret: RT.MonthReturn | None) -> None:
        rows = [] if ret is None else [
            {"section": tr_text(s), "label": _label(label), "value": _cell(v), "unit": _unit(u), "note": tr_text(n)}
            for s, label, v, u, n in summary_rows(ret.figures)]
        self.summary_model.set_rows(rows)
        for key, model in self.detail_models.items():
            model.set_rows([] if ret is None else list(ret.details.get(key, [])))
        for i, (key, name, _cols) in enumerate(DETAILS, start=1):
            n = len(ret.details.get(key, [])) if ret else 0
            self.tabs.setTabText(i, self.tr("{title}（{n}）").format(title=tr_text(name), n=n))

    def _show_differences(self, versions: list[dict]) -> None:
        diffs = RT.compare_with_submitted(self.ctx, self.ret.year, self.ret.month) if versions else []
        self.diff_model.set_rows([{"field": d["field"], "submitted": _cell(d["submitted"]), "now": _cell(d["now"])}
                                  for d in diffs])
        self.diff.setVisible(bool(diffs))
        if diffs:
            self.diff_text.setText(self.tr("记录在报送后有改动：重新计算的结果与已报送的第 {v} 版有 {n} 处不同"
                                           "（见“与报送版本的差异”）。已报送的数字保持不变；如需更正，请生成更正版本。")
                                   .format(v=versions[0]["version"], n=len(diffs)))

    def submit(self, *, correction: bool = False, note: str | None = None) -> int | None:
        if self.ret is None:
            return None
        if note is None:
            title = self.tr("生成更正版本") if correction else self.tr("报送")
            note, ok = QInputDialog.getText(self, title, self.tr("报送 {m} 月报：冻结当前的数字和名单。备注（可不填）：")
                                            .format(m=self.ret.key))
            if not ok:
                return None
        try:
            rid = RT.submit_return(self.ctx, self.ret, note)
        except ServiceError as e:
            QMessageBox.warning(self, self.tr("无法报送"), error_text(e))
            return None
        self.changed.emit()
        self.refresh()
        return rid

    # ------------------------------------------------------------------ files

    def _folder(self, folder: Path | None) -> Path | None:
        if folder is not None:
            return folder
        saved = QSettings().value("returns/folder") or str(data_dir() / "月报")
        chosen = QFileDialog.getExistingDirectory(self, self.tr("保存到文件夹"), saved)
        if not chosen:
            return None
        QSettings().setValue("returns/folder", chosen)
        return Path(chosen)

    def _write(self, jobs, folder: Path) -> list[Path] | None:
        name = get_institution(self.ctx).get("name") or ""

        def work(step):
            out = []
            for i, job in enumerate(jobs):
                ret = job(step.ctx) if callable(job) else job
                step(self.tr("正在生成 {m} 月报…").format(m=ret.key), i, len(jobs))
                out += RT.write_files(step.ctx, ret, folder, name)
            step("", len(jobs), len(jobs))
            return out

        try:
            files = run_in_background(self, self.tr("正在生成月报…"), work, ctx=self.ctx)
        except Cancelled:
            self.files_label.setText(self.tr("已取消。"))
            return None
        except (ServiceError, OSError) as e:
            QMessageBox.warning(self, self.tr("无法保存"), error_text(e))
            return None
        self.files = files
        self.files_label.setText(self.tr("已保存 {n} 个文件到 {folder}").format(n=len(files), folder=folder))
        self._enable(self.ret is not None)
        show_saved(self, self.tr("保存月报"), files)
        return files

    def save_files(self, *, folder: Path | None = None) -> list[Path] | None:
        if self.ret is None and self.compute() is None:
            return None
        folder = self._folder(folder)
        return None if folder is None else self._write([self.ret], folder)

    def export_year(self, *, folder: Path | None = None) -> list[Path] | None:
        year = self.year.value()
        months = RT.months_of_year(self.ctx, year)
        if not months:
            QMessageBox.information(self, self.tr("导出全年"), self.tr("{y}年尚无可生成的月报。").format(y=year))
            return None
        folder = self._folder(folder)
        if folder is None:
            return None
        jobs = [lambda ctx, m=m: RT.compute_return(ctx, year, m) for m in months]
        return self._write(jobs, folder)

    def export_submitted(self, *, folder: Path | None = None) -> list[Path] | None:
        rows = self.history.selectionModel().selectedRows()
        row = self.history_model.row_at(rows[0].row()) if rows else None
        if row is None:
            QMessageBox.information(self, self.tr("报送记录"), self.tr("请先选中一个报送版本。"))
            return None
        folder = self._folder(folder)
        return None if folder is None else self._write([RT.load_submitted(self.ctx, row["id"])], folder)

    def open_folder(self) -> None:
        if self.files:
            open_folder(self, self.files[0])
