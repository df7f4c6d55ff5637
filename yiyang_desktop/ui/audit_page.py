"""审计记录: who changed what and when, filtered by date, user and table; export to Excel; chain check."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from ..services import audit
from ..services.accounts import can
from .common import ERROR_STYLE, DateField, RecordTableModel, record_table, tr_enum, tr_text
from .page import Page


class _AuditModel(RecordTableModel):
    """Long change lists are cut in the table; the tooltip shows them whole, one field a line."""

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.ToolTipRole and index.isValid():
            return self.rows[index.row()]["changes"].replace("；", "\n")
        return super().data(index, role)


class AuditPage(Page):
    """A main-window page; roles without "audit.read" see only a notice."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.rows: list[dict] = []
        lay = QVBoxLayout(self)
        self.notice = QLabel(self.tr("只有管理员可以查看审计记录。"))
        self.notice.setObjectName("audit_notice")
        lay.addWidget(self.notice)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.start = DateField()
        self.start.setObjectName("audit_from")
        self.end = DateField()
        self.end.setObjectName("audit_to")
        self.user = QComboBox()
        self.user.setObjectName("audit_user")
        self.table_filter = QComboBox()
        self.table_filter.setObjectName("audit_table")
        for label, w in ((self.tr("从"), self.start), (self.tr("到"), self.end), (self.tr("用户"), self.user),
                         (self.tr("数据"), self.table_filter)):
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
        self.search = QPushButton(self.tr("查询"))
        self.search.setObjectName("audit_search")
        self.search.clicked.connect(self.reload)
        bar.addWidget(self.search)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.setObjectName("audit_export")
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.export_button)
        body.addLayout(bar)
        self.chain = QLabel()
        self.chain.setObjectName("audit_chain")
        self.chain.setWordWrap(True)
        body.addWidget(self.chain)
        self.model = _AuditModel([
            (self.tr("时间"), "at"), (self.tr("用户"), "user"),
            (self.tr("操作"), lambda r: tr_enum(str(audit.ACTIONS.get(r["action"], r["action"])))),
            (self.tr("数据"), lambda r: audit.table_label(r["table"])), (self.tr("记录"), "row_key"),
            (self.tr("变更内容（原 → 新）"), "changes")])
        self.view = record_table(self.model, "audit_table_view")
        body.addWidget(self.view, 1)
        self.count = QLabel()
        body.addWidget(self.count)
        lay.addWidget(self.body, 1)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the filter choices and the entries (call when the page is shown)."""
        allowed = can(self.ctx, "audit.read")
        self.notice.setVisible(not allowed)
        self.body.setVisible(allowed)
        if not allowed:
            self.model.set_rows([])
            return
        for box, values, label in ((self.user, audit.users(self.ctx.db), None),
                                   (self.table_filter, audit.tables(self.ctx.db), audit.table_label)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("全部"), None)
            for v in values:
                box.addItem(label(v) if label else v, v)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        if not can(self.ctx, "audit.read"):
            return
        self.rows = audit.query(self.ctx.db, start=self.start.value(), end=self.end.value(),
                                user=self.user.currentData(), table=self.table_filter.currentData())
        self.model.set_rows(self.rows)
        self.count.setText(self.tr("共 {n} 条（最多显示 5000 条，导出时同样）").format(n=len(self.rows)))
        report = audit.verify_chain(self.ctx.db)
        if report["ok"]:
            self.chain.setStyleSheet("")
            self.chain.setText(self.tr("签名链完整：已核对 {n} 条记录，未发现改动或删除。").format(n=report["checked"]))
        else:
            self.chain.setStyleSheet(ERROR_STYLE)
            self.chain.setText(self.tr("签名链有问题：") + "；".join(tr_text(p) for p in report["problems"][:5]))

    def export_to(self, path: Path | str) -> Path:
        from ..services.accounts import record_export
        out = audit.export_xlsx(self.rows, path)
        record_export(self.ctx, "审计记录", out, True)  # the trail holds names and ID numbers
        return out

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计记录"), "审计记录.xlsx", "Excel (*.xlsx)")
        if not name:
            return
        if not name.lower().endswith(".xlsx"):
            name += ".xlsx"
        try:
            self.export_to(name)
        except OSError as e:
            QMessageBox.warning(self, self.tr("导出审计记录"), self.tr("无法写入 {path}：{err}").format(
                path=name, err=e.strerror or e))
            return
        QMessageBox.information(self, self.tr("导出审计记录"), self.tr("已导出 {n} 条到 {path}").format(
            n=len(self.rows), path=name))
