"""申报: choose a form and a period → the figures and the breakdown behind them → save Excel and PDF → preview the
PDF here, open the folder or print. Missing institution data is listed first, with a button to go and fill it in."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from ..domain.money import capital, yuan_text
from ..paths import data_dir
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..services import applications as A
from ..services import policy
from ..services.accounts import can
from ..services.base import ServiceError
from ..services.subsidies import list_applications
from .common import (COUNT, KEY, MONEY, TEXT, RecordTableModel, data_name, error_text, join_list, profile_title,
                     record_table, tr_enum, tr_text)
from .page import Page
from .pdf_preview import PdfPreview
from .saved import open_folder, show_saved
from .tasks import Cancelled, run_in_background

WARN_STYLE = "background: #fff3cd; color: #664d03; padding: 6px 10px;"
OK_STYLE = "color: #1a7f37;"
BAD_STYLE = "color: #c0392b;"
KIND_NAMES = {"construction": N_("enum", "建设补贴"), "operating": N_("enum", "运营补贴"), "insurance": N_("enum", "医保定点")}
# The breakdown tables behind a form (services.applications fills them by these field names): the tab titles, the
# column heads (with units) and how each column is shown — amounts right-aligned with separators, counts
# right-aligned, free text stretched.
TABLE_TITLES = {t: t for t in (N_("ApplicationsPage", "补贴测算"), N_("ApplicationsPage", "床位清单"),
    N_("ApplicationsPage", "未纳入床位"), N_("ApplicationsPage", "月度床次"), N_("ApplicationsPage", "花名册"),
    N_("ApplicationsPage", "未计入"), N_("ApplicationsPage", "卫生技术人员"), N_("ApplicationsPage", "大型医疗设备"),
    N_("ApplicationsPage", "申请条件"), N_("ApplicationsPage", "人员"), N_("ApplicationsPage", "材料清单"))}
COLUMN_HEADS = {
    "每床标准": (N_("ApplicationsPage", "每床标准（元）"), MONEY), "金额": (N_("ApplicationsPage", "金额（元）"), MONEY),
    "标准": (N_("ApplicationsPage", "补贴标准（元/床/月）"), MONEY), "床位数": (N_("ApplicationsPage", "床位数（张）"), COUNT),
    "床次": (N_("ApplicationsPage", "符合条件床次（床·月）"), COUNT), "计入月数": (N_("ApplicationsPage", "本次计入月数"), COUNT),
    "序号": (N_("ApplicationsPage", "序号"), COUNT), "年龄": (N_("ApplicationsPage", "年龄"), COUNT),
    "人数": (N_("ApplicationsPage", "人数"), COUNT), "数量": (N_("ApplicationsPage", "数量"), COUNT),
    "计算依据": (N_("ApplicationsPage", "计算依据"), TEXT), "原因": (N_("ApplicationsPage", "原因"), TEXT),
    "说明": (N_("ApplicationsPage", "说明"), TEXT), "材料": (N_("ApplicationsPage", "材料"), TEXT),
    "条件": (N_("ApplicationsPage", "条件"), TEXT), "首次注册": (N_("ApplicationsPage", "其中首次注册在本机构"), COUNT),
}
OTHER_HEADS = (N_("ApplicationsPage", "床位类型"), N_("ApplicationsPage", "举办方式"), N_("ApplicationsPage", "床位"),
               N_("ApplicationsPage", "投入使用日期"), N_("ApplicationsPage", "租赁到期日"), N_("ApplicationsPage", "月份"),
               N_("ApplicationsPage", "姓名"), N_("ApplicationsPage", "性别"), N_("ApplicationsPage", "身份证号"),
               N_("ApplicationsPage", "户籍"), N_("ApplicationsPage", "类别"), N_("ApplicationsPage", "能力等级"),
               N_("ApplicationsPage", "入住日期"), N_("ApplicationsPage", "岗位"), N_("ApplicationsPage", "职称"),
               N_("ApplicationsPage", "名称"), N_("ApplicationsPage", "是否符合"), N_("ApplicationsPage", "执业证书编号"),
               N_("ApplicationsPage", "资格证书编号"), N_("ApplicationsPage", "用工"), N_("ApplicationsPage", "到岗日期"),
               N_("ApplicationsPage", "准备情况"))  # heads shown as they are, marked for translation


def table_columns(fields: list[str]) -> list[tuple]:
    """Column definitions of one breakdown table: translated heads with units, kinds, cells in words."""
    out = []
    for f in fields:
        head, kind = COLUMN_HEADS.get(f, (f, KEY))
        out.append((QCoreApplication.translate("ApplicationsPage", head), lambda r, f=f: app_cell(f, r.get(f)), kind))
    return out


def app_cell(field: str, value):
    """A cell of a breakdown table: numbers as they are (the column formats them), words translated, grades by
    their name in the interface's language."""
    if isinstance(value, str):
        if field == "能力等级":
            return data_name(value)
        if value.endswith("）") and "（" in value:  # "医疗床位（安宁疗护）": a bed type and its sub-type
            base, sub = value[:-1].split("（", 1)
            return QCoreApplication.translate("ApplicationsPage", "{type}（{sub}）").format(type=tr_enum(base),
                                                                                         sub=tr_enum(sub))
        return tr_enum(value)
    return value


class ApplicationsPage(Page):
    navigate = Signal(str)  # 去填写: show another page (机构信息)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.app: A.Application | None = None
        self.files: list[Path] = []
        self._active: str | None = None
        head = QLabel("<h2>" + self.tr("申报") + "</h2>")

        self.kind = QComboBox()
        self.kind.setObjectName("app_kind")
        for kind, label in (("construction-subsidy", self.tr("建设补贴申请")), ("operating-subsidy", self.tr("运营补贴申请")),
                            ("insurance-designation", self.tr("医保定点申请"))):
            self.kind.addItem(label, kind)
        today = ctx.today()
        self.year = QSpinBox()
        self.year.setObjectName("app_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year if today.month > 1 else today.year - 1)
        self.month_from, self.month_to = QSpinBox(), QSpinBox()
        self.month_from.setObjectName("app_month_from")
        self.month_to.setObjectName("app_month_to")
        for box, value in ((self.month_from, 1), (self.month_to, 12)):
            box.setRange(1, 12)
            box.setValue(value)
            box.setSuffix(self.tr("月"))
        self.profile = QComboBox()
        self.profile.setObjectName("app_profile")
        self.full_ids = QCheckBox(self.tr("身份证号完整显示"))
        self.full_ids.setObjectName("app_full_ids")
        self.full_ids.setEnabled(can(ctx, "view.personal_ids"))  # the service refuses it to other roles as well
        self.compute_btn = QPushButton(self.tr("重新计算"))
        self.compute_btn.setObjectName("btn_compute")
        self.compute_btn.setDefault(True)
        self.compute_btn.clicked.connect(self.compute)
        self.policy_btn = QPushButton(self.tr("政策配置…"))
        self.policy_btn.setObjectName("btn_policies")
        self.policy_btn.clicked.connect(self.edit_policies)
        self.period_widgets = [self.year, self.month_from, self.month_to, self.full_ids]
        self.year_label, self.month_label, self.to_label = QLabel(self.tr("年度")), QLabel(self.tr("月份")), QLabel("–")
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("申请表")), self.kind, self.year_label, self.year, self.month_label, self.month_from,
                  self.to_label, self.month_to, QLabel(self.tr("政策配置")), self.profile, self.full_ids):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.compute_btn)
        bar.addWidget(self.policy_btn)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._pending = QTimer(self)  # a changed choice is computed once the user stops changing it
        self._pending.setSingleShot(True)
        self._pending.setInterval(400)
        self._pending.timeout.connect(self.compute)
        for box in (self.year, self.month_from, self.month_to):
            box.valueChanged.connect(self._choice_changed)
        self.profile.currentIndexChanged.connect(self._choice_changed)
        self.full_ids.toggled.connect(self._choice_changed)

        self.missing = QWidget()
        self.missing.setObjectName("missing_panel")
        self.missing.setStyleSheet(WARN_STYLE)
        self.missing_text = QLabel()
        self.missing_text.setObjectName("missing_text")
        self.missing_text.setWordWrap(True)
        fix = QPushButton(self.tr("去填写机构信息"))
        fix.setObjectName("btn_fix_missing")
        fix.clicked.connect(lambda: self.navigate.emit("institution"))
        mrow = QHBoxLayout(self.missing)
        mrow.setContentsMargins(0, 0, 0, 0)
        mrow.addWidget(self.missing_text, 1)
        mrow.addWidget(fix)
        self.missing.hide()

        self.summary = QLabel(self.tr("数字按所选申请表和期间计算：先看数字和依据，再保存文件。"))
        self.summary.setObjectName("app_summary")
        self.summary.setWordWrap(True)
        self.answers_btn = QPushButton(self.tr("填写确认事项…"))
        self.answers_btn.setObjectName("btn_answers")
        self.answers_btn.setToolTip(self.tr("制度、信息系统对接、医保管理部门、设备和机构简介：记录里没有的，由您确认。"))
        self.answers_btn.clicked.connect(self.edit_answers)
        srow = QHBoxLayout()
        srow.addWidget(self.summary, 1)
        srow.addWidget(self.answers_btn)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("app_tabs")
        self.preview = PdfPreview()
        self.history_model = RecordTableModel([
            (self.tr("编号"), "id"), (self.tr("种类"), lambda r: tr_text(KIND_NAMES.get(r["kind"], r["kind"]))),
            (self.tr("期间"), "period"), (self.tr("政策配置"), lambda r: self._profile_name(r["profile_id"]), TEXT),
            (self.tr("申请金额（元）"), "amount_fen", MONEY),
            (self.tr("状态"), lambda r: tr_text(r["status"])),
            (self.tr("批准金额（元）"), "approved_amount_fen", MONEY),
            (self.tr("批复日期"), "decided_on"), (self.tr("生成时间"), lambda r: (r["created_at"] or "").replace("T", " "))],
            self)
        self.history = record_table(self.history_model, "app_history")
        approve = QPushButton(self.tr("登记批复…"))
        approve.setObjectName("btn_approve")
        approve.setToolTip(self.tr("建设补贴获批后登记：获批床位今后不再纳入建设补贴申请。"))
        approve.clicked.connect(self.approve)
        hist = QWidget()
        hl = QVBoxLayout(hist)
        hl.addWidget(self.history, 1)
        hrow = QHBoxLayout()
        hrow.addStretch(1)
        hrow.addWidget(approve)
        hl.addLayout(hrow)
        self.fixed_tabs = [(self.preview, self.tr("PDF 预览")), (hist, self.tr("申报记录"))]

        self.save_btn = QPushButton(self.tr("保存 Excel 和 PDF…"))
        self.save_btn.setObjectName("btn_save_files")
        self.save_btn.clicked.connect(self.save_files)
        self.folder_btn = QPushButton(self.tr("打开文件夹"))
        self.folder_btn.setObjectName("btn_open_folder")
        self.folder_btn.clicked.connect(self.open_folder)
        self.print_btn = QPushButton(self.tr("打印…"))
        self.print_btn.setObjectName("btn_print")
        self.print_btn.clicked.connect(self.print_pdf)
        self.files_label = QLabel()
        self.files_label.setObjectName("files_label")
        self.files_label.setWordWrap(True)
        brow = QHBoxLayout()
        brow.addWidget(self.files_label, 1)
        for b in (self.save_btn, self.folder_btn, self.print_btn):
            brow.addWidget(b)

        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addLayout(bar)
        lay.addWidget(self.missing)
        lay.addLayout(srow)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(brow)
        self._set_tables({})
        self._show_kind()
        self._clear_result()

    # ------------------------------------------------------------------ state

    def _profile_name(self, profile_id: str | None) -> str:
        """A profile's name in the history (never its id), or the id of one no longer there."""
        titles = getattr(self, "_profile_titles", None)
        if titles is None:
            titles = self._profile_titles = {p.id: profile_title(p.profile) for p in policy.list_profiles(self.ctx)}
        return titles.get(profile_id or "", profile_id or "")

    def refresh(self) -> None:
        active = policy.active_profile_id(self.ctx)
        current = self.profile.currentData() if active == self._active else active  # a new choice in 设置 wins
        self._active = active
        self.profile.blockSignals(True)
        self.profile.clear()
        profiles = policy.list_profiles(self.ctx)
        self._profile_titles = {p.id: profile_title(p.profile) for p in profiles}
        for p in profiles:
            self.profile.addItem(profile_title(p.profile), p.id)
        i = self.profile.findData(current)
        self.profile.setCurrentIndex(max(i, 0))
        self.profile.blockSignals(False)
        self.history_model.set_rows(list_applications(self.ctx))
        self.compute()  # shown, or records changed elsewhere: the figures are computed afresh

    def _choice_changed(self) -> None:
        self._clear_result()
        self._pending.start()

    def _kind_changed(self) -> None:
        self._show_kind()
        self._choice_changed()

    def _show_kind(self) -> None:
        kind = self.kind.currentData()
        operating = kind == "operating-subsidy"
        for w in (*self.period_widgets, self.year_label, self.month_label, self.to_label):
            w.setVisible(operating)
        self.profile.setEnabled(kind != "insurance-designation")
        self.answers_btn.setVisible(kind == "insurance-designation")

    def _clear_result(self) -> None:
        self.app = None
        self.files = []
        self.missing.hide()
        self.summary.setText(self.tr("正在计算……先看数字和依据，再保存文件。"))
        self._set_tables({})
        self.preview.clear()
        self.files_label.setText("")
        self.save_btn.setEnabled(False)
        self.folder_btn.setEnabled(False)
        self.print_btn.setEnabled(False)

    def months(self) -> list[int]:
        a, b = self.month_from.value(), self.month_to.value()
        return list(range(min(a, b), max(a, b) + 1))

    # ------------------------------------------------------------------ compute

    def compute(self) -> A.Application | None:
        self._pending.stop()
        kind = self.kind.currentData()
        try:
            app = A.prepare(self.ctx, kind, year=self.year.value(), months=self.months(),
                            profile_id=self.profile.currentData(), mask_ids=not self.full_ids.isChecked())
        except ServiceError as e:
            self._clear_result()
            self.summary.setText(f"<span style='{BAD_STYLE}'>{error_text(e)}</span>")
            return None
        self.app, self.files = app, []
        self.preview.clear()
        self.files_label.setText("")
        self.folder_btn.setEnabled(False)
        self.print_btn.setEnabled(False)
        self.save_btn.setEnabled(True)
        labels = [tr_text(x) for x in A.missing_labels(app)]
        self.missing.setVisible(bool(labels))
        self.missing_text.setText(self.tr("申请表还缺少这些机构资料：{fields}。请先填写，再保存文件。")
                                  .format(fields=join_list(labels)))
        self.summary.setText(self._summary_html(app))
        self._set_tables(app.form.tables)
        if self.tabs.currentWidget() is self.preview:  # nothing to preview yet: show the breakdown
            self.tabs.setCurrentIndex(0)
        return app

    def _summary_html(self, app: A.Application) -> str:
        s = app.summary
        if app.kind == "insurance-designation":
            ready = s["ready"]
            head = (f"<b style='{OK_STYLE}'>" + self.tr("条件均已满足，可以申请。") + "</b>" if ready
                    else f"<b style='{BAD_STYLE}'>" + self.tr("尚不满足全部条件。") + "</b>")
            if s.get("earliest_date"):
                head += " " + self.tr("最早可申请日期：{d}").format(d=s["earliest_date"])
            head += " " + self.tr("（按 {d} 的记录判断）").format(d=app.as_of)
            rows = "".join(
                f"<li><span style='{OK_STYLE if c['passed'] else BAD_STYLE}'>{'✔' if c['passed'] else '✘'}</span> "
                f"<b>{tr_text(c['name'])}</b>：{tr_text(c['reason'])}</li>" for c in s["conditions"])
            return f"{head}<ul style='margin:2px'>{rows}</ul>"
        amount = s.get("amount_fen") or 0
        text = self.tr("申请金额 <b>{yuan}</b> 元（{capital}）").format(yuan=yuan_text(amount), capital=capital(amount))
        profile = s.get("profile", {})
        if app.kind == "construction-subsidy":
            text += "　" + self.tr("纳入床位 {n} 张，未纳入 {m} 张").format(
                n=len(s.get("lines", [])), m=len(s.get("excluded", [])))
        else:
            text += "　" + self.tr("符合条件的床次 {n} 床·月，未计入 {m} 人次").format(
                n=s.get("bed_months", 0), m=len(s.get("excluded", [])))
        if profile:
            text += "<br>" + self.tr("依据：{title}（{doc}）").format(title=profile_title(profile),
                                                                    doc=profile.get("document", ""))
            text += "<br>" + self.tr("政策配置 {id} 第{v}版，有效期 {force}；按 {d} 的记录计算").format(
                id=profile.get("id", ""), v=profile.get("version", ""), force=profile.get("force", ""), d=app.as_of)
        notes = s.get("month_notes") or {}
        if notes:
            listed = join_list((self.tr("{m}月 {note}").format(m=m, note=tr_text(n)) for m, n in notes.items()), "；")
            text += f"<br><span style='{BAD_STYLE}'>" + self.tr("未计入的月份：{notes}").format(notes=listed) + "</span>"
        for problem in s.get("problems") or []:
            text += f"<br><span style='{BAD_STYLE}'>{tr_text(problem)}</span>"
        return text

    def _set_tables(self, tables: dict[str, list[dict]]) -> None:
        current = self.tabs.tabText(self.tabs.currentIndex()) if self.tabs.count() else ""
        while self.tabs.count():
            w = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if all(w is not f[0] for f in self.fixed_tabs):
                w.deleteLater()
        for name, rows in tables.items():
            columns = list(rows[0]) if rows else []
            model = RecordTableModel(table_columns(columns), self)
            model.set_rows(rows)
            table = record_table(model, f"app_table_{name}")  # sized to the rows it was made with
            title = QCoreApplication.translate("ApplicationsPage", TABLE_TITLES.get(name, name))
            self.tabs.addTab(table, self.tr("{title}（{n}）").format(title=title, n=len(rows)))
            self.tabs.setTabToolTip(self.tabs.count() - 1, name)
        for w, title in self.fixed_tabs:
            self.tabs.addTab(w, title)
        for i in range(self.tabs.count()):
            if self.tabs.tabText(i) == current:
                self.tabs.setCurrentIndex(i)

    def table_rows(self, name: str) -> list[dict]:
        return list(self.app.form.tables.get(name, [])) if self.app else []

    # ------------------------------------------------------------------ files

    def default_folder(self) -> Path:
        saved = QSettings().value("applications/folder")
        return Path(saved) if saved else data_dir() / "申报"

    def save_files(self, *, folder: Path | None = None) -> list[Path]:
        if self.app is None and self.compute() is None:
            return []
        if self.app.missing:
            labels = join_list(tr_text(x) for x in A.missing_labels(self.app))
            QMessageBox.warning(self, self.tr("资料不全"), self.tr("申请表还缺少：{fields}。请先在“机构信息”中填写。")
                                .format(fields=labels))
            return []
        if not self.confirm_warnings(A.save_warnings(self.ctx, self.app)):
            self.files_label.setText(self.tr("未保存：请先核对上面的提醒。"))
            return []
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("保存到文件夹"), str(self.default_folder()))
            if not chosen:
                return []
            folder = Path(chosen)
        QSettings().setValue("applications/folder", str(folder))
        try:
            files = run_in_background(self, self.tr("正在生成申请表…"), self._write, self.app, folder, ctx=self.ctx)
        except Cancelled:
            self.files_label.setText(self.tr("已取消，未保存文件。"))
            return []
        except ServiceError as e:
            QMessageBox.warning(self, self.tr("无法保存"), error_text(e))
            return []
        self.files = files
        self.files_label.setText(self.tr("已保存：{files}").format(files=join_list((str(f) for f in files), "；")))
        self.folder_btn.setEnabled(True)
        self.print_btn.setEnabled(True)
        self.preview.load(files[1])
        self.tabs.setCurrentWidget(self.preview)
        self.history_model.set_rows(list_applications(self.ctx))
        self.changed.emit()
        show_saved(self, self.tr("保存申请表"), files)
        return files

    def confirm_warnings(self, warnings: list[str]) -> bool:
        """Ask before writing an application the user may not mean (a zero amount, another region's profile);
        the default button is 取消, so Enter does not save it by mistake."""
        if not warnings:
            return True
        box = QMessageBox(QMessageBox.Warning, self.tr("保存前请确认"),
                          self.tr("这份申请表有以下情况，确定要保存吗？"), QMessageBox.Save | QMessageBox.Cancel, self)
        box.setObjectName("app_save_warnings")
        box.setInformativeText("\n".join(f"• {tr_text(w)}" for w in warnings))
        box.button(QMessageBox.Save).setText(self.tr("仍然保存"))
        box.button(QMessageBox.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.Cancel)
        box.setEscapeButton(QMessageBox.Cancel)
        return box.exec() == QMessageBox.Save

    def _write(self, step, app, folder):
        return A.write(step.ctx, app, folder, step=lambda text: step(tr_text(text)))

    def open_folder(self) -> None:
        if self.files:
            open_folder(self, self.files[0])

    def print_pdf(self) -> None:
        if self.files:
            from .printing import print_pdf
            print_pdf(self, self.files[1])

    # ------------------------------------------------------------------ dialogs

    def edit_policies(self) -> None:
        from .policy_dialog import PolicyDialog
        dlg = PolicyDialog(self.ctx, self)
        dlg.exec()
        self._active = None  # show the active profile after the dialog
        self._clear_result()
        self.refresh()

    def edit_answers(self) -> None:
        from .application_dialogs import InsuranceAnswersDialog
        if InsuranceAnswersDialog(self.ctx, self).exec():
            self.compute()

    def approve(self) -> None:
        from .application_dialogs import ApproveDialog
        rows = self.history.selectionModel().selectedRows() if self.history.selectionModel() else []
        row = self.history_model.row_at(rows[0].row()) if rows else None
        if row is None or row["kind"] != "construction":
            QMessageBox.information(self, self.tr("登记批复"), self.tr("请先在申报记录中选中一份建设补贴申请。"))
            return
        if row["status"] == "已批准":
            QMessageBox.information(self, self.tr("登记批复"), self.tr("这份申请已经登记为已批准。"))
            return
        if ApproveDialog(self.ctx, row, self).exec():
            self.history_model.set_rows(list_applications(self.ctx))
            self.changed.emit()
            self._clear_result()
