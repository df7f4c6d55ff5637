"""Shared UI pieces: translation of service text, forms with errors beside fields, tables, actions."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QTableView, QVBoxLayout, QWidget)

from ..domain.text import QT_TRANSLATE_NOOP, Formatted, Msg
from ..services.base import ServiceError, ValidationError

ROW_ROLE = Qt.UserRole + 1
_SEPARATORS = (QT_TRANSLATE_NOOP("common", "、"), QT_TRANSLATE_NOOP("common", "，"),
               QT_TRANSLATE_NOOP("common", "；"))  # list separators, translated by join_list  # the whole row dict of a table model
SAMPLE_ROWS = 100  # rows measured to size table columns
ERROR_STYLE = "color: #c0392b;"


def tr_text(text: Any) -> str:
    """Translate a string coming from the pure layers (a Msg, a Formatted sentence, or an enum value)."""
    if text is None:
        return ""
    if isinstance(text, Formatted):
        args = [tr_text(a) if isinstance(a, Msg) else a for a in text.args]
        kwargs = {k: tr_text(v) if isinstance(v, Msg) else tr_enum(v) if isinstance(v, str) else v
                  for k, v in text.kwargs.items()}
        return QCoreApplication.translate(text.context, text.template).format(*args, **kwargs)
    if isinstance(text, Msg):
        return QCoreApplication.translate(text.context, str(text))
    s = str(text)
    translated = QCoreApplication.translate("msg", s)
    return translated if translated != s else QCoreApplication.translate("enum", s)


def floor_title(building: str, floor: str) -> str:
    """"1号楼 2层" for headings and filters."""
    floor_text = QCoreApplication.translate("common", "{floor}层").format(floor=floor) if floor else ""
    return " ".join(p for p in (building, floor_text) if p) or QCoreApplication.translate("common", "未分楼层")


def join_list(items, sep: str = "、") -> str:
    """Items of a list in a sentence: "、" between names, "，" between clauses in Chinese; ", " in English."""
    return QCoreApplication.translate("common", sep).join(str(i) for i in items)


def is_english() -> bool:
    """The interface runs in English (app.setup_application sets the default locale with the translators)."""
    from PySide6.QtCore import QLocale
    return QLocale().language() == QLocale.English


_ENGLISH_NAMES: dict[str, str] | None = None


def data_name(name: Any) -> str:
    """A name that comes from a data file (an instrument, a grade, an indicator) in the interface's language: the
    file's ``name_en`` in English, the name itself in Chinese; a name without an English one stays as it is."""
    global _ENGLISH_NAMES
    text = "" if name is None else str(name)
    if not text or not is_english():
        return tr_text(name) if isinstance(name, Msg) else text
    if _ENGLISH_NAMES is None:
        from ..domain.assessment import english_names
        _ENGLISH_NAMES = english_names()
    return _ENGLISH_NAMES.get(text) or tr_text(name)


def instrument_name(instrument_id: str | None) -> str:
    """An instrument's name (never its id) in the interface's language."""
    if not instrument_id:
        return ""
    from ..domain.assessment import InstrumentError, load_instrument
    try:
        return data_name(load_instrument(instrument_id).name)
    except InstrumentError:
        return instrument_id  # a file no longer shipped: its id is all there is


def profile_title(profile: Any) -> str:
    """A policy profile's title (a describe() dict or a profile) in the interface's language."""
    get = profile.get if isinstance(profile, dict) else lambda k, d="": getattr(profile, k, d)
    return (get("title_en", "") if is_english() else "") or get("title", "")


def bed_counts_text(beds: Any) -> str:
    """The free beds of a day, as every screen writes them: "空闲 21 张，预留 1 张" (reserved only when there are)."""
    free = QCoreApplication.translate("common", "空闲 {n} 张").format(n=beds.free)
    if not beds.reserved:
        return free
    return join_list((free, QCoreApplication.translate("common", "预留 {n} 张").format(n=beds.reserved)), "，")


def tr_enum(value: str | None) -> str:
    return "" if value is None else QCoreApplication.translate("enum", value)


def error_text(err: BaseException) -> str:
    if isinstance(err, ValidationError):
        return "\n".join(tr_text(p.message) for p in err.problems)
    if err.args and isinstance(err.args[0], str):
        return tr_text(err.args[0])
    return str(err)


class DateField(QDateEdit):
    """A date picker that may be left empty (shows blank; ``value()`` is None).

    A required one (``optional=False``) starts on the day it is given, normally ``ctx.today()``: the window takes
    the date from the context's clock, never from the computer's."""
    EMPTY = QDate(1900, 1, 1)

    def __init__(self, optional: bool = True, value: dt.date | str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.optional = optional
        self.setMinimumDate(self.EMPTY)
        self.setMaximumDate(QDate(2100, 12, 31))
        if not optional and not value:
            raise TypeError("DateField(optional=False) needs its first day: value=ctx.today()")
        if optional:
            self.setSpecialValueText(" ")
            self.setDate(self.EMPTY)
        self.set_value(value)

    def value(self) -> dt.date | None:
        d = self.date()
        if self.optional and d == self.EMPTY:
            return None
        return dt.date(d.year(), d.month(), d.day())

    def set_value(self, value: dt.date | str | None) -> None:
        if isinstance(value, str) and value:
            value = dt.date.fromisoformat(value)
        if value:
            self.setDate(QDate(value.year, value.month, value.day))
        elif self.optional:
            self.setDate(self.EMPTY)


def combo(options: Sequence[str], *, blank: bool = False) -> QComboBox:
    """A combo box showing translated options; ``currentData()`` is the stored Chinese value."""
    box = QComboBox()
    if blank:
        box.addItem("", None)
    for o in options:
        box.addItem(tr_enum(o), o)
    return box


class FieldForm(QWidget):
    """A form of named fields; each field has a red message line under it for validation errors."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        self.layout_.addRow(self.general)

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        err = QLabel()
        err.setObjectName(f"error_{name}")
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.hide()
        box.addWidget(err)
        widget.setObjectName(f"field_{name}")
        self.layout_.addRow(label, holder)
        self.fields[name] = widget
        self.errors[name] = err
        return widget

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, w in self.fields.items():
            if isinstance(w, QLineEdit):
                out[name] = w.text()
            elif isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText()
            elif isinstance(w, DateField):
                out[name] = w.value()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData()
            elif isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif hasattr(w, "value"):
                out[name] = w.value()
        return out

    def set_values(self, data: dict[str, Any]) -> None:
        for name, w in self.fields.items():
            if name not in data:
                continue
            v = data[name]
            if isinstance(w, QLineEdit):
                w.setText("" if v is None else str(v))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText("" if v is None else str(v))
            elif isinstance(w, DateField):
                w.set_value(v)
            elif isinstance(w, QComboBox):
                i = w.findData(v)
                w.setCurrentIndex(max(i, 0))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(v))
            elif hasattr(w, "set_value"):
                w.set_value(v)

    def clear_errors(self) -> None:
        self.general.hide()
        for lab in self.errors.values():
            lab.hide()

    def show_errors(self, err: ValidationError) -> None:
        """Put each message next to its field (the typed values stay as they are)."""
        self.clear_errors()
        general = []
        first = None
        for p in err.problems:
            name = p.field.split(".")[0]
            if name in self.errors:
                lab = self.errors[name]
                lab.setText(tr_text(p.message) if lab.isHidden() else lab.text() + "\n" + tr_text(p.message))
                lab.show()
                first = first or self.fields[name]
            else:
                general.append(tr_text(p.message))
        if general:
            self.general.setText("\n".join(general))
            self.general.show()
        if first is not None:
            first.setFocus()


class ServiceDialog(QDialog):
    """A dialog whose OK runs a service call; on refusal it shows the messages and stays open."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = FieldForm()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)
        self.result_value: Any = None

    def submit(self, values: dict[str, Any]) -> Any:  # overridden
        raise NotImplementedError

    def _accept(self) -> None:
        self.form.clear_errors()
        try:
            self.result_value = self.submit(self.form.values())
        except ValidationError as e:
            self.form.show_errors(e)
            return
        except ServiceError as e:
            QMessageBox.warning(self, self.windowTitle(), error_text(e))
            return
        self.accept()


def record_table(model: "RecordTableModel", name: str, max_width: int = 320) -> QTableView:
    """A read-only, single-row-selection table over a RecordTableModel.

    Columns are ``Interactive``: sized from the first rows whenever the rows are replaced (never by measuring
    every cell, which Qt's ResizeToContents does through Python for each row) until the user drags a column
    edge; the last column takes the rest of the width."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(SAMPLE_ROWS)
    table.setProperty("fit_max_width", max_width)
    table.setProperty("user_sized", False)
    table.setProperty("fitting", False)

    def user_resized(logical: int, _old: int, _new: int) -> None:
        # Only a drag on a column edge counts (the stretched last column and our own sizing resize sections too).
        if (not table.property("fitting") and logical != header.count() - 1
                and QApplication.mouseButtons() & Qt.LeftButton):
            table.setProperty("user_sized", True)
    header.sectionResized.connect(user_resized)
    model.modelReset.connect(lambda: fit_columns(table))
    return table


def fit_columns(table: QTableView, max_width: int | None = None, *, force: bool = False) -> None:
    """Size each column (except the last, which stretches) from its header and the text of the first rows.

    Leaves the widths alone once the user has resized a column by hand (unless ``force``)."""
    if table.property("user_sized") and not force:
        return
    model = table.model()
    header = table.horizontalHeader()
    cap = max_width or table.property("fit_max_width") or 320
    fm = table.fontMetrics()
    if isinstance(model, RecordTableModel):
        sample = model.rows[:SAMPLE_ROWS]
        text_of = lambda r, c: model.cell(r, c)  # noqa: E731  (straight from the row: no index per cell)
    else:
        sample = range(min(SAMPLE_ROWS, model.rowCount()))
        text_of = lambda r, c: model.data(model.index(r, c), Qt.DisplayRole)  # noqa: E731
    table.setProperty("fitting", True)
    try:
        for col in range(model.columnCount() - 1):
            lines = []
            for r in sample:
                v = text_of(r, col)
                if v is not None and v != "":
                    lines.extend(str(v).split("\n"))
            longest = sorted(set(lines), key=_text_width, reverse=True)[:4]  # measure only the likely widest
            width = max([header.sectionSizeHint(col)] + [fm.horizontalAdvance(t) + 18 for t in longest])
            header.resizeSection(col, min(width, cap))
    finally:
        table.setProperty("fitting", False)


def _text_width(text: str) -> int:
    """A quick width guess: CJK characters count double."""
    return len(text) + sum(1 for ch in text if ch >= "\u2e80")


def select_where(table: QTableView, model: "RecordTableModel", test: Callable[[dict], bool]) -> bool:
    """Select (and scroll to) the first row for which ``test(row)`` is true, loading rows up to it if needed."""
    for i, r in enumerate(model.rows):
        if test(r):
            model.ensure_row(i)
            table.selectRow(i)
            table.scrollTo(model.index(i, 0))
            return True
    return False


def run_action(parent: QWidget, fn: Callable, *args, **kwargs) -> Any:
    """Call a service; show a refusal in a message box. Returns the result, or None when refused."""
    try:
        return fn(*args, **kwargs)
    except ServiceError as e:
        QMessageBox.warning(parent, QCoreApplication.translate("common", "无法完成"), error_text(e))
        return None


class RecordTableModel(QAbstractTableModel):
    """Rows of dicts shown through column definitions ``(header, key_or_function)``.

    All rows are held in ``rows``; the view is given them a batch at a time (``canFetchMore``/``fetchMore``), so
    Qt only asks ``data()`` about rows near what is on screen. ``rowCount()`` is the rows handed out so far,
    ``total()`` all of them. ``sort()`` sorts every row (not just those handed out) by ``sort_key(column)``."""

    batch = 300

    def __init__(self, columns: Sequence[tuple[str, str | Callable[[dict], Any]]], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict] = []
        self.loaded = 0
        self.sort_keys: Sequence[Callable[[dict], Any] | None] | None = None
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        if self.sorted_by is not None:
            self._sort_rows(*self.sorted_by)
        self.loaded = min(len(rows), self.batch)
        self.endResetModel()

    def total(self) -> int:
        return len(self.rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.loaded

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self.loaded < len(self.rows)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if not parent.isValid():
            self._load_to(self.loaded + self.batch)

    def ensure_row(self, row: int) -> bool:
        """Hand rows out to the view up to ``row`` (so it can be selected); False if there is no such row."""
        if not 0 <= row < len(self.rows):
            return False
        if row >= self.loaded:
            self._load_to(row + 1)
        return True

    def _load_to(self, n: int) -> None:
        n = min(n, len(self.rows))
        if n > self.loaded:
            self.beginInsertRows(QModelIndex(), self.loaded, n - 1)
            self.loaded = n
            self.endInsertRows()

    def cell(self, row: dict, col: int) -> Any:
        key = self.columns[col][1]
        return key(row) if callable(key) else row.get(key)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole and index.isValid():
            v = self.cell(self.rows[index.row()], index.column())
            return "" if v is None else str(v)
        if role == ROW_ROLE and index.isValid():
            return self.rows[index.row()]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.columns[section][0]
        return None

    def row_at(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # --- sorting (every row, with plain Python keys) -------------------------------------------------------------
    def sort_key(self, column: int) -> Callable[[dict], Any] | None:
        if self.sort_keys is not None and column < len(self.sort_keys) and self.sort_keys[column] is not None:
            return self.sort_keys[column]
        return lambda r, c=column: str(self.cell(r, c) or "")

    def _sorted(self, column: int, order) -> list[dict]:
        key = self.sort_key(column)
        return sorted(self.rows, key=lambda r: _none_last(key(r)), reverse=order == Qt.DescendingOrder)

    def _sort_rows(self, column: int, order) -> None:
        self.rows = self._sorted(column, order)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sorted_by = (column, order)
        new_rows = self._sorted(column, order)
        where = {id(r): i for i, r in enumerate(new_rows)}
        kept = [self.rows[i.row()] for i in self.persistentIndexList() if i.isValid()]
        self._load_to(max((where[id(r)] + 1 for r in kept), default=0))  # a selected row stays in reach
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        after = [self.createIndex(where[id(self.rows[i.row()])], i.column()) if i.isValid() else QModelIndex()
                 for i in before]
        self.rows = new_rows
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


def _none_last(v: Any) -> tuple:
    return (v is None, v if v is not None else 0)
