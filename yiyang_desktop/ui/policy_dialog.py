"""政策配置: the regional policy profiles — choose the active one, copy a shipped one and edit its amounts, import one
from a file. Every value is checked; a wrong one is marked in its row with the reason, and what was typed stays."""
from __future__ import annotations

import copy
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..services import policy
from ..services.base import ServiceError, ValidationError
from .common import ERROR_STYLE, RecordTableModel, error_text, record_table, run_action, tr_text

LIST_SEP = "、"
SKIP = {"id", "version"}


def flatten(data, prefix: str = "") -> list[tuple[str, object]]:
    """(path, value) for every editable leaf, with the checker's paths: ``operating.uplifts[1].yuan``."""
    out: list[tuple[str, object]] = []
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        if path in SKIP:
            continue
        if isinstance(value, dict):
            out += flatten(value, path)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for i, row in enumerate(value, 1):
                out += flatten(row, f"{path}[{i}]")
        else:
            out.append((path, value))
    return out


def set_path(data: dict, path: str, value) -> None:
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    node = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        key = int(part[1:-1]) - 1 if part.startswith("[") else part
        if last:
            node[key] = value
        else:
            node = node[key]


def parse_cell(text: str, original):
    """Typed text back to the original value's kind (the checker then says what is wrong with it)."""
    text = text.strip()
    if isinstance(original, bool):
        return {"true": True, "是": True, "1": True, "false": False, "否": False, "0": False}.get(text.lower(), text)
    if isinstance(original, list):
        return [t.strip() for t in re.split(r"[、,，]", text) if t.strip()]
    if isinstance(original, int):
        try:
            return int(text)
        except ValueError:
            return text
    return text


def show_cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEP.join(str(v) for v in value)
    return "" if value is None else str(value)


class ProfileEditDialog(QDialog):
    """Every setting of one user profile as a row (field, value, problem); amounts in yuan."""

    def __init__(self, ctx, profile: policy.Profile, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.original = copy.deepcopy(profile.data)
        self.setWindowTitle(self.tr("修改政策配置：{title}").format(title=profile.title))
        note = QLabel(self.tr("金额单位为元；多个选项用“、”分隔；是/否填 true 或 false。保存前逐项检查，"
                              "有误的行标红并写明原因。各项含义见配置文件中的注释（docs/applications.md）。"))
        note.setWordWrap(True)
        self.rows = flatten(self.original)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setObjectName("profile_fields")
        self.table.setHorizontalHeaderLabels([self.tr("项目"), self.tr("值"), self.tr("问题")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeToContents)
        for r, (path, value) in enumerate(self.rows):
            key = QTableWidgetItem(path)
            key.setFlags(key.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(r, 0, key)
            self.table.setItem(r, 1, QTableWidgetItem(show_cell(value)))
            problem = QTableWidgetItem("")
            problem.setFlags(problem.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(r, 2, problem)
        self.general = QLabel()
        self.general.setObjectName("profile_errors")
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.general)
        lay.addWidget(buttons)
        self.resize(900, 640)

    def row_of(self, path: str) -> int:
        return next((i for i, (p, _v) in enumerate(self.rows) if p == path), -1)

    def set_value(self, path: str, text: str) -> None:
        self.table.item(self.row_of(path), 1).setText(text)

    def edited(self) -> dict:
        data = copy.deepcopy(self.original)
        for r, (path, value) in enumerate(self.rows):
            set_path(data, path, parse_cell(self.table.item(r, 1).text(), value))
        return data

    def save(self) -> None:
        red = QBrush(QColor("#fdecea"))
        for r in range(self.table.rowCount()):
            for c in range(3):
                self.table.item(r, c).setBackground(QBrush())
            self.table.item(r, 2).setText("")
        self.general.setText("")
        try:
            policy.save_user_profile(self.ctx, self.edited())
        except ValidationError as e:
            general, first = [], None
            for p in e.problems:
                r = self.row_of(p.field)
                if r < 0:  # a problem of a whole section or row: name its path
                    general.append(f"{p.field}：{tr_text(p.message)}" if p.field else tr_text(p.message))
                    continue
                for c in range(3):
                    self.table.item(r, c).setBackground(red)
                self.table.item(r, 2).setText(tr_text(p.message))
                first = r if first is None else first
            self.general.setText("\n".join(general) or self.tr("有 {n} 项需要修改（已标红）。").format(n=len(e.problems)))
            if first is not None:
                self.table.scrollToItem(self.table.item(first, 1))
                self.table.setCurrentCell(first, 1)
            return
        except ServiceError as e:
            self.general.setText(error_text(e))
            return
        self.accept()


class PolicyDialog(QDialog):
    """The list of profiles: which one is in use, where each comes from; copy, edit, delete, import."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("政策配置"))
        intro = QLabel(self.tr("补贴标准、条件和床位比例目标按地区的政策文件配置。程序自带的配置不能修改："
                               "当地标准不同时，先“复制”，再修改复制出的配置并设为当前。"))
        intro.setWordWrap(True)
        self.model = RecordTableModel([
            (self.tr("当前"), lambda r: "✔" if r["active"] else ""), (self.tr("名称"), "title"), (self.tr("编号"), "id"),
            (self.tr("地区"), "region"), (self.tr("版本"), "version"), (self.tr("有效期"), "force"),
            (self.tr("来源"), "origin")], self)
        self.table = record_table(self.model, "profiles")
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.source = QLabel()
        self.source.setObjectName("profile_source")
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_source())
        buttons = QHBoxLayout()
        for name, label, slot in (("btn_use", self.tr("设为当前"), self.use), ("btn_copy", self.tr("复制…"), self.copy),
                                  ("btn_edit", self.tr("修改…"), self.edit), ("btn_delete", self.tr("删除"), self.delete),
                                  ("btn_import", self.tr("从文件导入…"), self.import_file)):
            b = QPushButton(label)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.source)
        lay.addLayout(buttons)
        self.resize(860, 520)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        active = policy.active_profile_id(self.ctx)
        rows = [p.describe() | {"origin": self.tr("程序自带") if p.shipped else self.tr("本机构"), "active": p.id == active}
                for p in policy.list_profiles(self.ctx)]
        self.model.set_rows(rows)
        ids = [r["id"] for r in rows]
        target = select or active
        if target in ids:
            self.table.selectRow(ids.index(target))
        self._show_source()

    def current(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_source(self) -> None:
        row = self.current()
        self.source.setText(f"<b>{row['document']}</b><br>{row['source_note']}".replace("\n", "<br>") if row else "")

    def use(self) -> None:
        row = self.current()
        if row and run_action(self, policy.set_active_profile, self.ctx, row["id"]) is None:
            self.refresh(row["id"])

    def copy(self, *, new_id: str | None = None, title: str | None = None) -> str | None:
        row = self.current()
        if row is None:
            return None
        if new_id is None:
            new_id, ok = QInputDialog.getText(self, self.tr("复制政策配置"),
                                              self.tr("新配置的编号（小写字母、数字和连字符，例如 my-city-2026）："),
                                              text=f"{row['id']}-copy")
            if not ok:
                return None
            title, ok = QInputDialog.getText(self, self.tr("复制政策配置"), self.tr("新配置的名称："),
                                             text=self.tr("{title}（本机构修改）").format(title=row["title"]))
            if not ok:
                return None
        if run_action(self, policy.copy_profile, self.ctx, row["id"], new_id.strip(), title.strip()) is None:
            return None
        self.refresh(new_id.strip())
        return new_id.strip()

    def edit(self) -> bool:
        row = self.current()
        if row is None:
            return False
        if row["shipped"]:
            QMessageBox.information(self, self.tr("政策配置"), self.tr("程序自带的配置不能修改，请先“复制”。"))
            return False
        dlg = ProfileEditDialog(self.ctx, policy.get_profile(self.ctx, row["id"]), self)
        if dlg.exec():
            self.refresh(row["id"])
            return True
        return False

    def delete(self) -> None:
        row = self.current()
        if row is None:
            return
        if QMessageBox.question(self, self.tr("删除政策配置"), self.tr("删除“{title}”？").format(title=row["title"])) \
                != QMessageBox.Yes:
            return
        run_action(self, policy.delete_user_profile, self.ctx, row["id"])
        self.refresh()

    def import_file(self, *, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入政策配置"), "",
                                                  self.tr("政策配置 (*.toml *.json)"))
            if not path:
                return
        try:
            profile = policy.import_profile_file(self.ctx, Path(path))  # problems name the line and the key
        except ServiceError as e:
            detail = "\n".join(f"{p.field}：{tr_text(p.message)}" if p.field else tr_text(p.message)
                               for p in getattr(e, "problems", [])) or error_text(e)
            QMessageBox.warning(self, self.tr("导入政策配置"), self.tr("配置文件有误，未导入：\n{detail}").format(detail=detail))
            return
        self.refresh(profile.id)
