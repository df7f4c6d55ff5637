"""备份与恢复 on the settings page: back up now, the list of backups, restore a chosen one, a second folder (U盘)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QFileDialog, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from ..services import backup as bk
from ..services.accounts import can
from ..services.base import Context, ServiceError
from .common import RecordTableModel, error_text, join_list, record_table, tr_text
from ..store.db import is_server_db


def size_text(n: int | None) -> str:
    if n is None:
        return ""
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / 1024 / 1024:.1f} MB"


class BackupPanel(QGroupBox):
    """Emits ``restored(dict)`` after the data file was replaced (ctx.db now points at the restored file):
    every page must redraw, and the window should ask for a login again (the restored file has its own accounts)."""

    restored = Signal(dict)
    backed_up = Signal(str)

    def __init__(self, ctx: Context, db_path: Path | str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("备份与恢复"))
        self.setObjectName("backup_panel")
        self.ctx = ctx
        self.server = is_server_db(ctx.db)  # the 网络版: pg_dump backups, restored only into an empty database
        self.db_path = db_path if self.server else Path(db_path)
        lay = QVBoxLayout(self)
        if self.server:
            note = QLabel(self.tr("网络版：“立即备份”把服务器数据库完整备份（pg_dump）到本机：{folder}。"
                                  "每天的自动备份请在服务器电脑上用计划任务运行 yiyang backup；恢复只能恢复到一个空的"
                                  "服务器数据库（yiyang restore），见使用说明“网络版”一节。")
                          .format(folder=bk.backups_dir()))
        else:
            note = QLabel(self.tr("每天关闭程序时自动备份一次；保留最近 7 天、4 周和 12 个月的备份。"
                                  "备份保存在：{folder}").format(folder=bk.backups_dir()))
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(note)

        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("第二个备份文件夹（如U盘）：")))
        self.second_label = QLabel()
        self.second_label.setObjectName("second_folder")
        self.second_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        second.addWidget(self.second_label, 1)
        self.choose_second = QPushButton(self.tr("选择…"))
        self.choose_second.setObjectName("choose_second")
        self.choose_second.clicked.connect(self._choose_second)
        self.clear_second = QPushButton(self.tr("不使用"))
        self.clear_second.setObjectName("clear_second")
        self.clear_second.clicked.connect(lambda: self._set_second(None))
        second.addWidget(self.choose_second)
        second.addWidget(self.clear_second)
        lay.addLayout(second)

        self.model = RecordTableModel([
            (self.tr("备份时间"), "created"),
            (self.tr("大小"), lambda r: size_text(r.get("size"))),
            (self.tr("老人"), lambda r: r["counts"].get("residents", "") if r.get("counts") else ""),
            (self.tr("床位"), lambda r: r["counts"].get("beds", "") if r.get("counts") else ""),
            (self.tr("评估"), lambda r: r["counts"].get("assessments", "") if r.get("counts") else ""),
            (self.tr("说明"), self._remark),
            (self.tr("机构"), "institution"),
            (self.tr("位置"), "folder"),
        ], self)
        self.table = record_table(self.model, "backups")
        self.table.setMinimumHeight(160)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda *_: self.restore_selected())
        lay.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("从所选备份恢复…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("从其他文件恢复…"))
        self.restore_file_button.setObjectName("restore_file")
        self.restore_file_button.clicked.connect(self.restore_other_file)
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_file_button)
        buttons.addWidget(self.restore_button)
        lay.addLayout(buttons)
        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.refresh()

    # ------------------------------------------------------------ state

    def _remark(self, row: dict) -> str:
        if row.get("problem"):
            return tr_text(row["problem"])
        if row.get("tag") == bk.TAG_BEFORE_RESTORE:
            return self.tr("恢复前自动保存")
        if row.get("same_file") is None and row.get("file_id") is None:
            return self.tr("旧版备份")
        return ""

    def refresh(self) -> None:
        folder = bk.second_dir(self.ctx)
        self.second_label.setText(str(folder) if folder else self.tr("（未设置）"))
        if self.server:
            from ..services.server_backup import list_server_backups
            self.model.set_rows(list_server_backups(self.ctx, bk.backup_folders(self.ctx)))
        else:
            self.model.set_rows(bk.list_backups(self.db_path, bk.backup_folders(self.ctx),
                                                file_id=bk.file_identity(self.ctx.db)))
        self._update_buttons()

    def _update_buttons(self, *_) -> None:
        self.backup_button.setEnabled(can(self.ctx, "backup"))
        may_restore = can(self.ctx, "restore") and not self.server  # a live server database is never replaced
        row = self.selected()
        self.restore_button.setEnabled(may_restore and row is not None and not row.get("problem"))
        self.restore_file_button.setEnabled(may_restore)
        self.choose_second.setEnabled(can(self.ctx, "settings"))
        self.clear_second.setEnabled(can(self.ctx, "settings") and bk.second_dir(self.ctx) is not None)

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # ------------------------------------------------------------ actions

    def _choose_second(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择第二个备份文件夹（如U盘）"),
                                                  str(bk.second_dir(self.ctx) or Path.home()))
        if folder:
            self._set_second(Path(folder))

    def _set_second(self, folder: Path | None) -> None:
        try:
            bk.set_second_dir(self.ctx, folder)
        except ServiceError as e:
            QMessageBox.warning(self, self.tr("无法完成"), error_text(e))
        self.refresh()

    def backup_now(self) -> dict | None:
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            result = bk.make_backup(self.ctx, self.db_path)
        except ServiceError as e:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("备份失败"), error_text(e))
            return None
        QGuiApplication.restoreOverrideCursor()
        text = self.tr("已备份到 {path}").format(path=result["path"])
        if result["copies"]:
            text += "\n" + self.tr("并复制到 {path}").format(path=join_list(result["copies"]))
        if result["warnings"]:
            QMessageBox.warning(self, self.tr("第二个备份文件夹"),
                                "\n".join(tr_text(w) for w in result["warnings"]))
        self.status.setText(text)
        self.refresh()
        self.backed_up.emit(result["path"])
        return result

    def restore_other_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), str(bk.backups_dir()),
                                              self.tr("医养台账数据文件 (*.db);;所有文件 (*)"))
        if name:
            self.restore_from(Path(name))

    def restore_selected(self) -> dict | None:
        row = self.selected()
        if row is None:
            return None
        return self.restore_from(Path(row["path"]))

    def confirmation_text(self, info: dict) -> str:
        c = info["counts"]
        return self.tr("用这份备份替换当前的全部数据吗？\n\n备份时间：{created}\n老人 {r} 人，床位 {b} 张，评估 {a} 条\n文件：{path}\n\n"
                       "当前数据会先自动备份（标为“恢复前自动保存”），需要时可以再恢复回来。").format(
            created=info["created"], r=c["residents"], b=c["beds"], a=c["assessments"], path=info["path"])

    def confirm_other_institution(self, refusal) -> bool:
        """A warning naming both institutions; its default (Enter, Esc) is to cancel."""
        box = QMessageBox(QMessageBox.Warning, self.tr("这是另一家机构的备份"),
                          self.tr("这份备份属于另一家机构“{other}”，不是当前数据文件“{current}”的备份。\n\n"
                                  "继续恢复会用“{other}”的数据替换“{current}”的全部数据。"
                                  "除非确实要这样做，请选择“取消”。").format(other=refusal.other, current=refusal.current),
                          parent=self)
        box.setObjectName("other_institution")
        go = box.addButton(self.tr("仍然恢复“{other}”的数据").format(other=refusal.other), QMessageBox.DestructiveRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is go

    def restore_from(self, path: Path) -> dict | None:
        """Check the file, ask with its date and counts, then close, replace and reopen the data file."""
        try:
            info = bk.inspect_backup(path, full=True, db_path=self.db_path)
        except ServiceError as e:
            QMessageBox.warning(self, self.tr("不能用这个文件恢复"), error_text(e))
            return None
        from ..services.backup_restore import other_institution
        from ..services.institution import get_institution
        refusal = other_institution(info, bk.file_identity(self.ctx.db), get_institution(self.ctx).get("name") or "")
        if refusal is not None and not self.confirm_other_institution(refusal):
            return None
        answer = QMessageBox.question(self, self.tr("恢复备份"), self.confirmation_text(info),
                                      QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return None
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            result = bk.restore_into_context(self.ctx, self.db_path, path, allow_other=refusal is not None)
        except ServiceError as e:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("恢复失败"), error_text(e))
            self.refresh()
            return None
        QGuiApplication.restoreOverrideCursor()
        self.status.setText(self.tr("已恢复到 {created} 的备份。恢复前的数据保存在 {path}").format(
            created=result["created"], path=result["safety_backup"] or "-"))
        self.refresh()
        self.restored.emit(result)
        return result
