"""The policy profile as a form, drawn from the typed profile's field metadata (``domain.policy.fields``): each setting
with its Chinese label, unit and help; amounts typed in 元 (kept in fen by the loader), shares in %, yes/no as check
boxes, lists as check boxes, rule tables (rates by bed type and grade) as a table with the chosen row's form beside it,
and the policy text's sentence (原文摘录) and the profile's reading (解读) beside each rule. The form reads and writes the
plain dict of the file format (``loader.to_data``); the loader checks it, and each problem is shown under its field."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QStackedWidget,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..domain.policy import grades as G
from ..domain.policy.fields import FieldMeta, default_of, fields_of, key_of
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .common import ERROR_STYLE, DateField, data_name, join_list, tr_enum
from .widgets import CheckList

QUOTE_STYLE = "QPlainTextEdit { background: #f6f8fa; color: #57606a; }"
ERROR_ROW = "#fdecea"
# Words for the values of a choice setting that the file writes in English.
CHOICE_NAMES = {"month_end": N_("policy", "月末最后一天日末在住"), "any_day": N_("policy", "当月至少一天日末在住"),
                "min_days": N_("policy", "当月日末在住满“最少在住天数”")}
SUMMARY_KINDS = ("text", "fen", "int", "choice", "choices", "grades", "bool", "date", "share")
TABLE_FIRST = ("label", "bed_type", "yuan", "bed_types", "sub_types", "grades", "local_hukou_only", "min_age",
               "ownership_any", "by", "min_share", "min_beds", "max_beds", "requirement", "provisions")


def tr_policy(text: str) -> str:
    return QCoreApplication.translate("policy", text) if text else ""


def _number_text(value) -> str:
    return "" if value is None else str(value)


class FieldEditor(QWidget):
    """One setting: its input, its unit, and a red line under it for what is wrong."""

    changed = Signal()

    def __init__(self, meta: FieldMeta, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.meta, self.path = meta, path
        kind = meta.kind
        if kind == "bool":
            self.widget = QCheckBox()
            self.widget.toggled.connect(lambda *_: self.changed.emit())
        elif kind == "text" and meta.multiline:
            self.widget = QPlainTextEdit()
            self.widget.setTabChangesFocus(True)
            self.widget.setFixedHeight(64 if meta.source else 52)
            self.widget.textChanged.connect(self.changed.emit)
        elif kind == "date":
            self.widget = DateField(optional=True)
            self.widget.dateChanged.connect(lambda *_: self.changed.emit())
        elif kind == "choice":
            self.widget = QComboBox()
            if not meta.required:
                self.widget.addItem("", "")
            for c in meta.choices:
                self.widget.addItem(tr_policy(CHOICE_NAMES[c]) if c in CHOICE_NAMES else tr_enum(c), c)
            self.widget.currentIndexChanged.connect(lambda *_: self.changed.emit())
        elif kind in ("choices", "grades"):
            options = meta.choices if kind == "choices" else tuple(G.vocabulary())
            self.widget = CheckList(options, columns=3 if kind == "grades" else 4,
                                    names=data_name if kind == "grades" else tr_enum)
            self.widget.layout().setVerticalSpacing(2)
            self.widget.changed.connect(self.changed.emit)
        else:  # text, int, fen, share, factor
            self.widget = QLineEdit()
            self.widget.textChanged.connect(lambda *_: self.changed.emit())
            if kind in ("int", "fen", "share", "factor"):
                self.widget.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.widget.setMaximumWidth(140)
        self.widget.setObjectName(f"policy_{path}")
        if meta.help:
            self.widget.setToolTip(tr_policy(meta.help))
        self.error = QLabel()
        self.error.setObjectName(f"policy_error_{path}")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.widget, 0 if isinstance(self.widget, (QLineEdit, QCheckBox)) and kind != "text" else 1)
        unit = {"fen": tr_policy(meta.unit) or QCoreApplication.translate("policy", "元"), "share": "%"}.get(
            kind, tr_policy(meta.unit))
        if unit:
            row.addWidget(QLabel(unit))
        if kind != "text" or not meta.multiline:
            row.addStretch(1)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addLayout(row)
        col.addWidget(self.error)

    # --- values in the file format ------------------------------------------------------------------------------
    def set_value(self, value) -> None:
        kind, w = self.meta.kind, self.widget
        if kind == "bool":
            w.setChecked(bool(value))
        elif kind == "text" and self.meta.multiline:
            w.setPlainText(value or "")
        elif kind == "date":
            w.set_value(value or None)
        elif kind == "choice":
            w.setCurrentIndex(max(0, w.findData(value or "")))
        elif kind in ("choices", "grades"):
            w.set_value(list(value or ()))
        elif kind == "share":
            w.setText(_percent_text(value))
        else:
            w.setText(_number_text(value))

    def value(self):
        kind, w = self.meta.kind, self.widget
        if kind == "bool":
            return w.isChecked()
        if kind == "text":
            return w.toPlainText() if self.meta.multiline else w.text()
        if kind == "date":
            d = w.value()
            return d.isoformat() if isinstance(d, dt.date) else ""
        if kind == "choice":
            return w.currentData() or ""
        if kind in ("choices", "grades"):
            return w.value()
        text = w.text().strip().replace(",", "").replace("，", "")
        if kind == "share":
            try:
                return str((Decimal(text or "0") / 100).normalize())
            except InvalidOperation:
                return text
        if text == "":
            return default_of_meta(self.meta)
        return text

    def show_error(self, message: str) -> None:
        if self.meta.kind == "share" and "之间" in message:  # the checker speaks of 0–1; the form shows percent
            message = QCoreApplication.translate("policy", "应为 0 到 100 之间的百分数")
        self.error.setText(message if self.error.isHidden() else self.error.text() + "\n" + message)
        self.error.show()

    def clear_error(self) -> None:
        self.error.hide()
        self.error.setText("")


def default_of_meta(meta: FieldMeta):
    return "0" if meta.kind in ("int", "fen", "factor") else ""


def _percent_text(value) -> str:
    try:
        return format((Decimal(str(value)) * 100).normalize(), "f")
    except InvalidOperation:
        return str(value or "")


class SectionForm(QWidget):
    """The settings of one dataclass (the profile, a section or one rule): fields on the left, the rule's source
    sentence and reading on the right, nested sections as boxes, rule tables as RowsEditors."""

    changed = Signal()

    def __init__(self, cls, data: dict, path: str = "", *, skip: tuple[str, ...] = (), parent=None):
        super().__init__(parent)
        self.cls, self.path = cls, path
        self.editors: dict[str, FieldEditor] = {}
        self.parts: dict[str, "SectionForm | RowsEditor"] = {}
        self.keys: list[str] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        side = QVBoxLayout()
        top.addLayout(form, 3)
        outer.addLayout(top)
        for f, meta in fields_of(cls):
            key = key_of(f, meta)
            if key in skip:
                continue
            self.keys.append(key)
            p = f"{path}.{key}" if path else key
            value = data.get(key, _plain_default(f, meta))
            if meta.kind == "section":
                box = QGroupBox(tr_policy(meta.label))
                inner = SectionForm(meta.item, value or {}, p)
                inner.changed.connect(self.changed.emit)
                QVBoxLayout(box).addWidget(inner)
                outer.addWidget(box)
                self.parts[key] = inner
            elif meta.kind == "rows":
                box = QGroupBox(tr_policy(meta.label))
                inner = RowsEditor(meta.item, list(value or []), p)
                inner.changed.connect(self.changed.emit)
                lay = QVBoxLayout(box)
                if meta.help:
                    hint = QLabel(tr_policy(meta.help))
                    hint.setWordWrap(True)
                    hint.setStyleSheet("color: #57606a;")
                    lay.addWidget(hint)
                lay.addWidget(inner)
                outer.addWidget(box, 1)
                self.parts[key] = inner
            else:
                ed = FieldEditor(meta, p)
                ed.set_value(value)
                ed.changed.connect(self.changed.emit)
                self.editors[p] = ed
                label = tr_policy(meta.label) + ("＊" if meta.required else "")
                if meta.source or f.name == "note":
                    side.addWidget(QLabel(label))
                    side.addWidget(ed)
                    if meta.source:
                        ed.widget.setStyleSheet(QUOTE_STYLE)
                else:
                    form.addRow(label, ed)
        if side.count():
            side.addStretch(1)
            top.addLayout(side, 2)
        if not any(isinstance(part, RowsEditor) for part in self.parts.values()):
            outer.addStretch(1)  # the fields at the top, the spare height below them

    def values(self) -> dict:
        out = {}
        for f, meta in fields_of(self.cls):
            key = key_of(f, meta)
            if key not in self.keys:
                continue
            p = f"{self.path}.{key}" if self.path else key
            out[key] = self.parts[key].values() if key in self.parts else self.editors[p].value()
        return out

    def all_editors(self) -> dict[str, FieldEditor]:
        out = dict(self.editors)
        for part in self.parts.values():
            out.update(part.all_editors())
        return out

    def clear_errors(self) -> None:
        for ed in self.editors.values():
            ed.clear_error()
        for part in self.parts.values():
            part.clear_errors()

    def show_error(self, path: str, message: str) -> FieldEditor | None:
        """Put a checker's message under the field at ``path``; None when this form has no such field."""
        if path in self.editors:
            self.editors[path].show_error(message)
            return self.editors[path]
        for part in self.parts.values():
            shown = part.show_error(path, message)
            if shown is not None:
                return shown
        return None


def _plain_default(f, meta):
    if meta.kind in ("rows", "section"):
        return [] if meta.kind == "rows" else {}
    from ..domain.policy.loader import _plain
    value = default_of(f)
    return "" if value is None else _plain(meta, value)


class RowsEditor(QWidget):
    """A rule table: one row per rule (label, amount, bed types, grades …); the chosen row's whole form beside it,
    with its source sentence. Rows are added and removed with the buttons."""

    changed = Signal()

    def __init__(self, item_cls, rows: list[dict], path: str, parent=None):
        super().__init__(parent)
        self.item_cls, self.path = item_cls, path
        shown = {key_of(f, m): m for f, m in fields_of(item_cls)
                 if m.kind in SUMMARY_KINDS and not m.source and not m.multiline and not key_of(f, m).endswith("_en")}
        first = [k for k in TABLE_FIRST if k in shown]  # what tells the rules apart: the rate by bed type and grade
        self.columns = [(k, shown[k]) for k in (first + [k for k in shown if k not in first])][:7]
        self.table = QTableWidget(0, len(self.columns))
        self.table.setObjectName(f"policy_rows_{path}")
        self.table.setHorizontalHeaderLabels([_head(m) for _k, m in self.columns])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(150)
        self.stack = QStackedWidget()
        self.forms: list[SectionForm] = []
        add = QPushButton(QCoreApplication.translate("policy", "添加一行"))
        add.setObjectName(f"policy_add_{path}")
        add.clicked.connect(lambda: self.add_row({}))
        self.remove_button = QPushButton(QCoreApplication.translate("policy", "删除所选行"))
        self.remove_button.setObjectName(f"policy_remove_{path}")
        self.remove_button.clicked.connect(lambda: self.remove_row())
        for b in (add, self.remove_button):
            b.setAutoDefault(False)  # Enter in a field saves the form; it never adds or removes a row
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addLayout(buttons)
        lay.addWidget(self.stack)
        self.empty = QLabel(QCoreApplication.translate("policy", "（没有条目）"))
        self.stack.addWidget(self.empty)
        for row in rows:
            self.add_row(row, select=False)
        self.table.currentCellChanged.connect(lambda r, *_: self._show(r))
        if rows:
            self.table.selectRow(0)
            self._show(0)
        self._enable()

    def add_row(self, data: dict, *, select: bool = True) -> SectionForm:
        i = len(self.forms)
        form = SectionForm(self.item_cls, data, f"{self.path}[{i + 1}]")
        form.changed.connect(lambda f=form: self._summarise(self.forms.index(f)))
        form.changed.connect(self.changed.emit)
        self.forms.append(form)
        self.stack.addWidget(form)
        self.table.insertRow(i)
        self._summarise(i)
        if select:
            self.table.selectRow(i)
            self._show(i)
            self.changed.emit()
        self._enable()
        return form

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.forms):
            return
        data = [f.values() for i, f in enumerate(self.forms) if i != r]
        for f in self.forms:
            self.stack.removeWidget(f)
            f.deleteLater()
        self.forms.clear()
        self.table.setRowCount(0)
        for row in data:  # renumbered: paths follow the rows' new places
            self.add_row(row, select=False)
        if self.forms:
            self.table.selectRow(min(r, len(self.forms) - 1))
        self._show(self.table.currentRow())
        self._enable()
        self.changed.emit()

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.forms))

    def _show(self, r: int) -> None:
        self.stack.setCurrentWidget(self.forms[r] if 0 <= r < len(self.forms) else self.empty)

    def _summarise(self, r: int) -> None:
        values = self.forms[r].values()
        for c, (key, meta) in enumerate(self.columns):
            item = QTableWidgetItem(_cell(meta, values.get(key)))
            if meta.kind in ("fen", "int", "share"):
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.table.setItem(r, c, item)

    def values(self) -> list[dict]:
        return [f.values() for f in self.forms]

    def all_editors(self) -> dict[str, FieldEditor]:
        out = {}
        for f in self.forms:
            out.update(f.all_editors())
        return out

    def clear_errors(self) -> None:
        for r, f in enumerate(self.forms):
            f.clear_errors()
            for c in range(self.table.columnCount()):
                if self.table.item(r, c):
                    self.table.item(r, c).setBackground(QBrush())

    def show_error(self, path: str, message: str) -> FieldEditor | None:
        for r, f in enumerate(self.forms):
            shown = f.show_error(path, message)
            if shown is not None:
                for c in range(self.table.columnCount()):
                    if self.table.item(r, c):
                        self.table.item(r, c).setBackground(QBrush(QColor(ERROR_ROW)))
                return shown
        return None

    def reveal(self, editor: FieldEditor) -> None:
        """Select the row whose form holds ``editor``."""
        for r, f in enumerate(self.forms):
            if editor in f.all_editors().values():
                self.table.selectRow(r)
                self._show(r)


def _head(meta: FieldMeta) -> str:
    head = tr_policy(meta.label)
    unit = tr_policy(meta.unit) if meta.kind != "share" else "%"
    return f"{head}（{unit}）" if unit else head


def _cell(meta: FieldMeta, value) -> str:
    if meta.kind == "bool":
        return QCoreApplication.translate("common", "是") if value else QCoreApplication.translate("common", "否")
    if meta.kind in ("choices", "grades"):
        return join_list(data_name(v) if meta.kind == "grades" else tr_enum(v) for v in value or ())
    if meta.kind == "choice":
        return (tr_policy(CHOICE_NAMES[value]) if value in CHOICE_NAMES else tr_enum(value)) if value else ""
    if meta.kind == "share":
        return _percent_text(value)
    if meta.kind == "fen":
        try:
            return f"{Decimal(str(value)):,.2f}"
        except InvalidOperation:
            return str(value)
    return _number_text(value)

