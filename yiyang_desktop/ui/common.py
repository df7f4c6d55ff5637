"""Shared UI pieces: translation of service text, names from data files, forms with errors beside fields, actions.
The tables live in ``tables`` (re-exported here)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Sequence

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget)

from ..domain.text import QT_TRANSLATE_NOOP, Formatted, Msg
from ..services.base import ServiceError, ValidationError
from .tables import (COUNT, KEY, MONEY, ROW_ROLE, SAMPLE_ROWS, TEXT, RecordTableModel, fit_columns,  # noqa: F401
                     money_cell, record_table, select_where, stretch_columns)

_SEPARATORS = (QT_TRANSLATE_NOOP("common", "、"), QT_TRANSLATE_NOOP("common", "，"),
               QT_TRANSLATE_NOOP("common", "；"))  # list separators, translated by join_list
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


def grade_short(name: str | None) -> str:
    """A grade as a list shows it: the short name in brackets ("轻度失能" of "能力轻度受损（轻度失能）"), in the
    interface's language; the full name stays in the detail panels, the forms and the returns."""
    if not name:
        return ""
    from ..domain.policy.grades import short_name
    if is_english():  # the English full name carries the short one in brackets too: "… (mild disability)"
        english = data_name(name)
        short = english[english.rfind("(") + 1:-1] if english.endswith(")") and "(" in english else english
        return short[:1].upper() + short[1:]
    return short_name(name) or tr_text(name)


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


def hukou_text(local: bool | int | None) -> str:
    """户籍 as a word: 本地 / 外地 (blank when not recorded)."""
    if local is None:
        return ""
    return QCoreApplication.translate("common", "本地") if local else QCoreApplication.translate("common", "外地")


def hukou_combo() -> QComboBox:
    """户籍 as an explicit choice with no default: blank, 本地 (1), 外地 (0)."""
    box = QComboBox()
    box.addItem(QCoreApplication.translate("common", "（请选择）"), None)
    box.addItem(hukou_text(True), 1)
    box.addItem(hukou_text(False), 0)
    return box


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

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """An empty optional field takes typed digits too: the first one starts a date (year section selected), so
        "20261120" typed from the keyboard gives 2026-11-20, as in a filled field."""
        if self.optional and self.date() == self.EMPTY and event.text().isdigit():
            self.setDate(QDate(2000, 1, 1))
            self.setCurrentSection(QDateEdit.YearSection)
            self.setSelectedSection(QDateEdit.YearSection)
        super().keyPressEvent(event)

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


def with_error_label(name: str, widget: QWidget) -> tuple[QWidget, QLabel]:
    """``widget`` with a hidden red label under it (``error_<name>``) for the message about its value."""
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
    return holder, err


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
        holder, err = with_error_label(name, widget)
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


def run_action(parent: QWidget, fn: Callable, *args, **kwargs) -> Any:
    """Call a service; show a refusal in a message box. Returns the result, or None when refused."""
    try:
        return fn(*args, **kwargs)
    except ServiceError as e:
        QMessageBox.warning(parent, QCoreApplication.translate("common", "无法完成"), error_text(e))
        return None
