"""审计记录: who changed what and when, filtered by date, user, table and kind (sign-ins apart from changes);
each entry told in words (Chinese field names, 是/否, dates, the resident's name); export to Excel (recorded);
the check of the keyed chain, its triggers and its anchors (backups, submitted returns)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from ..services import audit
from ..services.accounts import can
from ..services.base import ServiceError
from .common import ERROR_STYLE, DateField, RecordTableModel, error_text, record_table, tr_enum, tr_text
from .page import Page
from .saved import show_saved


PAGE = 500  # entries read at a time, newest first


class _AuditModel(RecordTableModel):
    """The newest ``PAGE`` entries first; scrolling to the end reads the next ones. Long change lists are cut in the
    table; the tooltip shows them whole, one field a line."""

    def __init__(self, columns, parent=None):
        super().__init__(columns, parent)
        self.batch = PAGE
        self.query = None  # limit -> entries newest first, for the filters in force
        self.more = False  # the last read stopped at its limit: older entries may follow

    def load(self, query) -> None:
        self.query = query
        rows = query(PAGE + 1)
        self.more = len(rows) > PAGE
        self.set_rows(rows[:PAGE])

    def clear(self) -> None:
        self.query, self.more = None, False
        self.set_rows([])

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return super().canFetchMore(parent) or (not parent.isValid() and self.more)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        if not super().canFetchMore(parent) and self.more and self.query is not None:
            have = len(self.rows)
            rows = self.query(have + PAGE + 1)
            last = self.rows[-1]["id"] if self.rows else None
            older = [r for r in rows if last is None or r["id"] < last]  # entries written since stay out of the way
            self.more = len(rows) > have + PAGE
            self.rows.extend(older[:PAGE])
        super().fetchMore(parent)

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.ToolTipRole and index.isValid():
            return "\n".join(tr_text(p) for p in self.rows[index.row()]["parts"])
        return super().data(index, role)


class _LazyCombo(QComboBox):
    """A filter choice whose items are read when the user first opens it (reading them scans the whole log)."""

    def __init__(self, loader, parent=None):
        super().__init__(parent)
        self.loader = loader
        self.loaded = False
        self.addItem(QCoreApplication.translate("AuditPage", "全部"), None)

    def load(self) -> None:
        if self.loaded:
            return
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(QCoreApplication.translate("AuditPage", "全部"), None)
        for value, label in self.loader():
            self.addItem(label, value)
        self.setCurrentIndex(max(0, self.findData(current)))
        self.blockSignals(False)
        self.loaded = True

    def reset(self) -> None:
        self.loaded = False

    def showPopup(self) -> None:  # noqa: N802
        self.load()
        super().showPopup()

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.load()  # keyboard users choose with the arrow keys without opening the list
        super().focusInEvent(event)


class AuditPage(Page):
    """A main-window page; roles without "audit.read" see only a notice."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.rows: list[dict] = []
        self.exported = 0
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
        self.user = _LazyCombo(lambda: [(u, u) for u in audit.users(self.ctx)])
        self.user.setObjectName("audit_user")
        self.table_filter = _LazyCombo(lambda: [(t, tr_enum(str(audit.table_label(t)))) for t in audit.tables(self.ctx)])
        self.table_filter.setObjectName("audit_table")
        self.kind = QComboBox()
        self.kind.setObjectName("audit_kind")
        for key, (label, _actions) in audit.KINDS.items():
            self.kind.addItem(tr_enum(str(label)), key)  # first: everything but sign-ins
        self.kind.currentIndexChanged.connect(lambda *_: self.reload())
        for label, w in ((self.tr("从"), self.start), (self.tr("到"), self.end), (self.tr("用户"), self.user),
                         (self.tr("数据"), self.table_filter), (self.tr("类别"), self.kind)):
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
        chain_bar = QHBoxLayout()
        self.chain = QLabel()
        self.chain.setObjectName("audit_chain")
        self.chain.setWordWrap(True)
        chain_bar.addWidget(self.chain, 1)
        self.verify_button = QPushButton(self.tr("核对签名链"))
        self.verify_button.setObjectName("audit_verify")
        self.verify_button.setToolTip(self.tr("重新计算全部审计记录的签名，检查是否有记录被改动或删除"))
        self.verify_button.clicked.connect(self.verify)
        chain_bar.addWidget(self.verify_button)
        body.addLayout(chain_bar)
        self.model = _AuditModel([
            (self.tr("时间"), "at"), (self.tr("用户"), "user"),
            (self.tr("操作"), lambda r: tr_enum(str(audit.ACTIONS.get(r["action"], r["action"])))),
            (self.tr("数据"), lambda r: tr_enum(str(audit.table_label(r["table"])))),
            (self.tr("对象"), lambda r: tr_text(r["subject"])),
            (self.tr("变更内容（原 → 新）"), lambda r: "；".join(tr_text(p) for p in r["parts"]))])
        self.view = record_table(self.model, "audit_table_view")
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        body.addWidget(self.view, 1)
        self.count = QLabel()
        body.addWidget(self.count)
        lay.addWidget(self.body, 1)
        self._chain_unchecked()
        # Nothing is read here: the main window calls refresh() when the page is first shown.

    def refresh(self) -> None:
        """Re-read the entries (call when the page is shown); the filter choices are re-read when next opened."""
        allowed = can(self.ctx, "audit.read")
        self.notice.setVisible(not allowed)
        self.body.setVisible(allowed)
        if not allowed:
            self.model.clear()
            return
        self.user.reset()
        self.table_filter.reset()
        self.reload()

    def filters(self) -> dict:
        return {"start": self.start.value(), "end": self.end.value(), "user": self.user.currentData(),
                "table": self.table_filter.currentData(), "kind": self.kind.currentData()}

    def reload(self) -> None:
        if not can(self.ctx, "audit.read"):
            return
        f = self.filters()
        self.model.load(lambda limit: audit.query(self.ctx, limit=limit, **f))
        self.rows = self.model.rows
        self._show_count()

    def _show_count(self) -> None:
        n = self.model.total()
        if self.model.more:
            self.count.setText(self.tr("显示最近 {n} 条，向下滚动查看更早的记录").format(n=n))
        else:
            self.count.setText(self.tr("共 {n} 条").format(n=n))

    def _chain_unchecked(self) -> None:
        self.chain.setStyleSheet("")
        self.chain.setText(self.tr("签名链尚未核对。点“核对签名链”检查审计记录是否被改动或删除（记录多时需要几秒）。"))

    def verify(self) -> dict | None:
        """Recompute the whole keyed chain, check the triggers and compare with every anchor found (this file's
        backups, its submitted returns); say what was found."""
        if not can(self.ctx, "audit.read"):
            return None
        from ..services.audit_anchors import check_all
        from ..store.db import db_file
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            path = db_file(self.ctx.db)
            report = audit.verify_chain(self.ctx.db, path=path)
            anchors = check_all(self.ctx.db, path)
        finally:
            QApplication.restoreOverrideCursor()
        report["problems"] += anchors["problems"]
        report["notes"] += anchors["notes"]
        report["ok"] = report["ok"] and not anchors["problems"]
        report["anchors"] = anchors
        notes = "".join("\n" + tr_text(n) for n in report["notes"][:3])
        if report["ok"]:
            self.chain.setStyleSheet("")
            self.chain.setText(self.tr("签名链完整：已核对 {n} 条记录，与 {a} 个锚点（备份、已报送月报）一致，未发现改动或删除。")
                               .format(n=report["checked"], a=anchors["checked"]) + notes)
        else:
            self.chain.setStyleSheet(ERROR_STYLE)
            self.chain.setText(self.tr("签名链有问题：") + "；".join(tr_text(p) for p in report["problems"][:5]) + notes)
        return report

    def export_to(self, path: Path | str) -> Path:
        """The filtered entries (the service's cap of 5,000 newest, not just those shown) as .xlsx; the export is
        itself entered in the trail."""
        result = audit.export_xlsx(self.ctx, path, say=tr_text, **self.filters())
        self.exported = result["entries"]
        return Path(result["path"])

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
        except ServiceError as e:
            QMessageBox.warning(self, self.tr("导出审计记录"), error_text(e))
            return
        show_saved(self, self.tr("导出审计记录"), [Path(name)], self.tr("共 {n} 条记录。").format(n=self.exported))
