"""从Excel导入: pick a filled-in template, check it, see every problem (sheet, row, column) or what will be added,
then import all of it. Also saves the empty template."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout)

from ..services.base import ServiceError
from ..services.importer import SHEETS, ImportResult, import_book, read_workbook
from .common import ERROR_STYLE, RecordTableModel, error_text, join_list, record_table, tr_text
from .tasks import Cancelled, run_in_background
from .saved import show_saved

OK_STYLE = "color: #1a7f37;"


class ImportDialog(QDialog):
    """Check first (a dry run through the same rules), import only a file with no problems at all."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.imported = False
        self.last: ImportResult | None = None
        self.setWindowTitle(self.tr("从Excel导入台账"))
        self.resize(900, 560)
        intro = QLabel(self.tr("按导入模板填写床位、入住老人、人员、合作医疗机构和历史评估后导入。程序先检查每一行，"
                               "全部无误才导入；只要有一处问题，就一条也不导入。再次导入同一文件不会重复登记。"))
        intro.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setObjectName("import_file")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("尚未选择文件"))
        pick = QPushButton(self.tr("选择文件…"))
        pick.setObjectName("btn_pick_file")
        pick.clicked.connect(self._pick_clicked)
        template = QPushButton(self.tr("保存导入模板…"))
        template.setObjectName("btn_save_template")
        template.clicked.connect(self._template_clicked)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(pick)
        row.addWidget(template)

        self.status = QLabel(self.tr("请选择一个按模板填写的 Excel 文件（.xlsx）。"))
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        self.model = RecordTableModel([(self.tr("工作表"), "sheet"), (self.tr("行"), "row"), (self.tr("列"), "column"),
                                       (self.tr("问题"), "problem")], self)
        self.table = record_table(self.model, "import_report")

        self.check_btn = QPushButton(self.tr("检查"))
        self.check_btn.setObjectName("btn_check")
        self.check_btn.clicked.connect(self.check)
        self.import_btn = QPushButton(self.tr("导入"))
        self.import_btn.setObjectName("btn_import")
        self.import_btn.clicked.connect(self.do_import)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("btn_close")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        for b in (self.check_btn, self.import_btn, close):
            bottom.addWidget(b)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self._buttons()

    # --- actions (bound methods as slots, not lambdas: a lambda holding self keeps the dialog in a cycle) -------
    def _pick_clicked(self) -> None:
        self.choose_file()

    def _template_clicked(self) -> None:
        self.save_template()

    def choose_file(self, path: Path | str | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("选择要导入的 Excel 文件"), str(Path.home()),
                                                  self.tr("Excel 工作簿 (*.xlsx)"))
            if not name:
                return
            path = name
        self.path = Path(path)
        self.file.setText(str(self.path))
        self.imported = False
        self.check()

    def save_template(self, path: Path | str | None = None) -> Path | None:
        from ..exports.import_templates import write_template
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("保存导入模板"), str(Path.home() / "医养台账导入模板.xlsx"),
                                                  self.tr("Excel 工作簿 (*.xlsx)"))
            if not name:
                return None
            path = name
        try:
            out = write_template(path)
        except OSError as e:
            self._say(self.tr("无法保存模板：{err}").format(err=e.strerror or str(e)), ERROR_STYLE)
            return None
        self._say(self.tr("模板已保存到 {path}。填写后在这里选择该文件导入。").format(path=str(out)), OK_STYLE)
        show_saved(self, self.tr("保存导入模板"), [out])
        return out

    def check(self) -> ImportResult | None:
        return self._run(dry_run=True)

    def do_import(self) -> ImportResult | None:
        return self._run(dry_run=False)

    def _run(self, dry_run: bool) -> ImportResult | None:
        if self.path is None:
            return None
        title = self.tr("正在检查…") if dry_run else self.tr("正在导入…")
        try:
            result = run_in_background(self, title, self._work, self.path, dry_run, ctx=self.ctx)
        except Cancelled:
            self._say(self.tr("已取消，没有导入任何数据。"), ERROR_STYLE)
            return None
        except ServiceError as e:
            self.last = None
            self.model.set_rows([])
            self._say(error_text(e), ERROR_STYLE)
            return None
        self.last = result
        if not dry_run and result.committed:
            self.imported = True
        self._show(result)
        return result

    def _work(self, step, path: Path, dry_run: bool) -> ImportResult:
        """In the worker thread: read the file, then check (and import) it in one transaction (all or nothing)."""
        step(self.tr("正在读取 {name}…").format(name=path.name))
        book = read_workbook(path)
        step(self.tr("正在逐行检查…") if dry_run else self.tr("正在导入（全部成功才保存）…"))
        return import_book(step.ctx, book, dry_run=dry_run)

    # --- display ----------------------------------------------------------------------------------------------
    def _show(self, r: ImportResult) -> None:
        rows = [{"sheet": p.sheet, "row": p.row or "", "column": p.column, "problem": tr_text(p.message)}
                for p in (r.problems or [*r.warnings, *r.skipped_rows])]
        self.model.set_rows(rows)
        if len(rows) <= 500:  # long messages wrap instead of ending in "…"
            self.table.resizeRowsToContents()
        if r.problems:
            self._say(self.tr("发现 {n} 个问题（见下表），没有导入任何数据。请在 Excel 中改正后重新检查。")
                      .format(n=len(r.problems)), ERROR_STYLE)
            return
        added, skipped = self._counts(r.added), self._counts(r.skipped)
        if self.imported:
            text = self.tr("导入完成。新增：{added}。").format(added=added or self.tr("无"))
        elif r.added:
            text = self.tr("检查通过，可以导入。将新增：{added}。").format(added=added)
        else:
            text = self.tr("检查通过，但没有需要新增的记录。")
        if skipped:
            text += self.tr("已存在、跳过：{skipped}。").format(skipped=skipped)
        self._say(text, OK_STYLE)

    def _counts(self, counts: dict[str, int]) -> str:
        return join_list(self.tr("{sheet} {n} 条").format(sheet=s.name, n=counts[s.name]) for s in SHEETS
                        if counts.get(s.name))

    def _say(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)
        self._buttons()

    def _buttons(self) -> None:
        r = self.last
        self.check_btn.setEnabled(self.path is not None and not self.imported)
        self.import_btn.setEnabled(bool(r and r.ok and r.dry_run and r.added) and not self.imported)

    def reject(self) -> None:
        """Closing after a successful import counts as accepted, so the page refreshes."""
        self.done(QDialog.Accepted if self.imported else QDialog.Rejected)
