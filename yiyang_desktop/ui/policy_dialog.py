"""政策配置: the regional policy profiles — choose the active one, copy a shipped one and edit it in a form (ui/
policy_form.py, drawn from the profile's field metadata), import one from a file. Every value is checked; a wrong one
is marked under its field with the reason, and what was typed stays."""
from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMessageBox,
                               QPushButton, QScrollArea, QTabWidget, QVBoxLayout)

from ..services import policy
from ..services.base import ServiceError, ValidationError
from ..domain.policy.fields import fields_of, key_of
from ..domain.policy.profile import PolicyProfile
from .common import ERROR_STYLE, TEXT, RecordTableModel, error_text, profile_title, record_table, run_action, tr_text
from .policy_form import FieldEditor, RowsEditor, SectionForm
from .screen import fit_size

SECTIONS = ("targets", "size_rules", "construction", "operating")


class ProfileEditDialog(QDialog):
    """One user profile as a form drawn from the profile's field metadata: 基本信息, then one tab per section
    (床位目标, 医疗能力要求, 建设补贴, 运营补贴). Amounts in 元, shares in %, yes/no as check boxes, the rule tables with
    each rule's form and its source sentence beside it; 保存 checks every field and puts each problem under its
    field, keeping what was typed."""

    def __init__(self, ctx, profile: policy.Profile, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.original = copy.deepcopy(profile.data)
        self.setWindowTitle(self.tr("修改政策配置：{title}").format(title=profile_title(profile.profile)))
        note = QLabel(self.tr("金额按元填写，比例按百分数填写；带＊的必须填写。每条规则旁边是政策文件的原句（原文摘录）"
                              "和本配置的解读。保存前逐项检查，有误的项目下方用红字写明原因。"))
        note.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("profile_tabs")
        self.forms: list[SectionForm] = []
        general = SectionForm(PolicyProfile, self.original, skip=SECTIONS)
        general.editors["id"].widget.setReadOnly(True)  # a copy keeps its number; 复制 makes a new one
        self._add_tab(general, self.tr("基本信息"))
        for f, meta in fields_of(PolicyProfile):
            key = key_of(f, meta)
            if key in SECTIONS:
                form = SectionForm(meta.item, self.original.get(key) or {}, key)
                self._add_tab(form, QCoreApplication.translate("policy", meta.label))
        self.general = QLabel()
        self.general.setObjectName("profile_errors")
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Save).setShortcut(QKeySequence.Save)
        buttons.button(QDialogButtonBox.Save).setDefault(True)  # Enter in a field saves (and checks) the form
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.general)
        lay.addWidget(buttons)
        fit_size(self, 1100, 780)

    def _add_tab(self, form: SectionForm, title: str) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(form)
        self.tabs.addTab(scroll, title)
        self.forms.append(form)

    def editor(self, path: str) -> FieldEditor:
        """The input of the setting at ``path`` (as the checker names it: ``operating.rates[1].yuan``)."""
        for form in self.forms:
            found = form.all_editors().get(path)
            if found is not None:
                return found
        raise KeyError(path)

    def set_value(self, path: str, text: str) -> None:
        self.editor(path).widget.setText(text)

    def edited(self) -> dict:
        data = copy.deepcopy(self.original)
        data.update(self.forms[0].values())
        for form in self.forms[1:]:
            data[form.path] = form.values()
        return data

    def save(self) -> None:
        for form in self.forms:
            form.clear_errors()
        self.general.setText("")
        try:
            policy.save_user_profile(self.ctx, self.edited())
        except ValidationError as e:
            general, first = [], None
            for p in e.problems:
                shown = None
                for form in self.forms:
                    shown = form.show_error(p.field, tr_text(p.message))
                    if shown is not None:
                        first = first or (form, shown)
                        break
                if shown is None:  # a problem of a whole section or row: name its path
                    general.append(f"{p.field}：{tr_text(p.message)}" if p.field else tr_text(p.message))
            self.general.setText("\n".join(general) or self.tr("有 {n} 项需要修改（见红字）。").format(n=len(e.problems)))
            if first is not None:
                self._reveal(*first)
            return
        except ServiceError as e:
            self.general.setText(error_text(e))
            return
        self.accept()

    def _reveal(self, form: SectionForm, editor: FieldEditor) -> None:
        """Show the tab, the table row and the field of the first problem, and put the cursor in it."""
        self.tabs.setCurrentIndex(self.forms.index(form))
        for rows in form.findChildren(RowsEditor):
            if editor in rows.all_editors().values():
                rows.reveal(editor)
        self.tabs.currentWidget().ensureWidgetVisible(editor, 20, 40)
        editor.widget.setFocus()


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
            (self.tr("当前"), lambda r: "✔" if r["active"] else ""), (self.tr("名称"), profile_title, TEXT),
            (self.tr("编号"), "id"),
            (self.tr("地区"), "region"), (self.tr("版本"), "version"), (self.tr("有效期"), lambda r: tr_text(r["force"])),
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
