"""机构信息: the profile as an in-page form in groups, saved as one; errors beside the fields, typed values kept.

Typed but unsaved values are never overwritten by a redraw: ``refresh()`` only reloads an unmodified form, and
撤销修改 asks before throwing edits away.
"""
from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ..services import institution as I
from ..services.base import ServiceError, ValidationError
from .common import ERROR_STYLE, DateField, FieldForm, combo, error_text, join_list, tr_text
from .page import Page

# What later applications (subsidies, medical insurance) need from the profile.
NEEDED_LATER = I.PROFILE_FIELDS
OK_STYLE = "color: #2e7d32;"
HINT_STYLE = "color: #57606a;"
FIELD_MAX_WIDTH = 420


class InstitutionPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.forms: list[FieldForm] = []
        self.labels: dict[str, str] = {}
        self._baseline: dict = {}
        self._loading = False

        left, right = QVBoxLayout(), QVBoxLayout()
        g = self._group(left, self.tr("基本信息"), "group_basic")
        self._add(g, "name", self.tr("机构名称"), QLineEdit()).setPlaceholderText(self.tr("与登记证书一致的全称"))
        uscc = self._add(g, "uscc", self.tr("统一社会信用代码"), QLineEdit())
        uscc.setPlaceholderText(self.tr("18位，见登记证书或营业执照"))
        self._add(g, "legal_rep", self.tr("法定代表人"), QLineEdit())
        self._add(g, "contact_person", self.tr("联系人"), QLineEdit())
        self._add(g, "contact_phone", self.tr("联系电话"), QLineEdit())
        self._add(g, "address", self.tr("地址"), QLineEdit())
        self._add(g, "region_name", self.tr("行政区划"), QLineEdit()).setPlaceholderText(self.tr("如：湖南省怀化市鹤城区"))
        region = self._add(g, "region_code", self.tr("行政区划代码"), QLineEdit())
        region.setPlaceholderText(self.tr("6、9或12位数字，如 431202"))
        region.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), region))
        postcode = self._add(g, "postcode", self.tr("邮政编码"), QLineEdit())
        postcode.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), postcode))
        g = self._group(left, self.tr("银行账户"), "group_bank")
        self._add(g, "bank_name", self.tr("开户银行"), QLineEdit()).setPlaceholderText(self.tr("如：中国农业银行怀化鹤城支行"))
        self._add(g, "bank_account", self.tr("银行账号"), QLineEdit())

        g = self._group(right, self.tr("登记与许可"), "group_license")
        self._add(g, "ownership", self.tr("举办性质"), combo(I.OWNERSHIPS, blank=True))
        self._add(g, "profit_type", self.tr("营利性质"), combo(I.PROFIT_TYPES, blank=True))
        self._add(g, "kind", self.tr("机构类型"), combo(I.KINDS, blank=True))
        self._add(g, "license_no", self.tr("养老机构备案/设立许可编号"), QLineEdit())
        self._add(g, "legal_cert_no", self.tr("法人登记证书号"), QLineEdit()).setPlaceholderText(
            self.tr("民办非企业单位/事业单位法人登记证书编号"))
        self._add(g, "established_date", self.tr("设立时间"), DateField())
        beds = self._add(g, "approved_beds", self.tr("核准床位数"), QLineEdit())
        beds.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), beds))
        self._add(g, "operation_start_date", self.tr("正式运营日期"), DateField())
        area = self._add(g, "building_area", self.tr("建筑面积（平方米）"), QLineEdit())
        area.setPlaceholderText(self.tr("如 6800"))
        g = self._group(right, self.tr("医疗"), "group_medical")
        self.facility = self._add(g, "medical_facility", self.tr("内设医疗机构"), combo(I.MEDICAL_FACILITIES, blank=True))
        self.license_no = self._add(g, "medical_license_no", self.tr("医疗机构执业许可证号"), QLineEdit())
        self.license_no.setPlaceholderText(self.tr("有内设医疗机构时必填"))
        self.license_date = self._add(g, "medical_license_date", self.tr("执业许可证发证日期"), DateField())
        self.medical_hint = QLabel(self.tr("选择内设医疗机构后才能填写执业许可证。"))
        self.medical_hint.setObjectName("medical_hint")
        self.medical_hint.setStyleSheet(HINT_STYLE)
        self.medical_hint.setWordWrap(True)
        g.layout_.addRow(self.medical_hint)
        self.facility.currentIndexChanged.connect(self._sync)
        for column in (left, right):
            column.addStretch(1)
        self._align_labels(self.forms[:2])
        self._align_labels(self.forms[2:])

        inner = QWidget()
        inner.setObjectName("institution_form")
        cols = QHBoxLayout(inner)
        cols.setContentsMargins(0, 0, 6, 0)
        cols.addLayout(left, 1)
        cols.addLayout(right, 1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("institution_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidget(inner)

        heading = QLabel(self.tr("机构信息"))
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.completeness = QLabel()
        self.completeness.setObjectName("completeness")
        self.completeness.setWordWrap(True)
        self.completeness.setTextFormat(Qt.RichText)
        self.completeness.linkActivated.connect(self.focus_field)

        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save_institution")
        self.save_button.setDefault(True)
        self.save_button.setMinimumWidth(96)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("撤销修改"))
        self.revert_button.setObjectName("revert_institution")
        self.revert_button.setToolTip(self.tr("放弃未保存的修改，恢复为上次保存的内容"))
        self.revert_button.clicked.connect(lambda: self.revert())
        self.status = QLabel()
        self.status.setObjectName("institution_status")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.revert_button)

        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(self.completeness)
        lay.addWidget(self.scroll, 1)
        lay.addLayout(bar)
        self._sync()

    # --- building ---------------------------------------------------------------------------------------------
    def _group(self, column: QVBoxLayout, title: str, name: str) -> FieldForm:
        box = QGroupBox(title)
        box.setObjectName(name)
        form = FieldForm()
        form.layout_.setContentsMargins(4, 4, 4, 4)
        form.layout_.setVerticalSpacing(6)
        QVBoxLayout(box).addWidget(form)
        column.addWidget(box)
        self.forms.append(form)
        return form

    def _add(self, form: FieldForm, name: str, label: str, widget: QWidget) -> QWidget:
        self.labels[name] = label
        form.add(name, label, widget)
        if isinstance(widget, QLineEdit):
            widget.setMaximumWidth(FIELD_MAX_WIDTH)
            widget.textChanged.connect(self._edited)
        elif isinstance(widget, QComboBox):
            widget.setMinimumWidth(160)
            widget.currentIndexChanged.connect(self._edited)
        elif isinstance(widget, QDateEdit):
            widget.setMinimumWidth(140)
            widget.dateChanged.connect(self._edited)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._edited)
        return widget

    @staticmethod
    def _align_labels(forms: list[FieldForm]) -> None:
        """Same label width in the groups of one column, so the fields line up."""
        labels = [f.layout_.labelForField(w.parentWidget()) for f in forms for w in f.fields.values()]
        width = max(lab.sizeHint().width() for lab in labels if lab is not None)
        for lab in labels:
            if lab is not None:
                lab.setMinimumWidth(width)

    # --- reading the form -------------------------------------------------------------------------------------
    def field(self, name: str) -> QWidget:
        return next(f.fields[name] for f in self.forms if name in f.fields)

    def error_label(self, name: str) -> QLabel:
        return next(f.errors[name] for f in self.forms if name in f.errors)

    def values(self) -> dict:
        out = {}
        for f in self.forms:
            out.update(f.values())
        return out

    def is_modified(self) -> bool:
        return bool(self._baseline) and self.values() != self._baseline  # never loaded: nothing typed

    def _sync(self) -> None:
        has = self.facility.currentData() not in (None, "无")
        self.license_no.setEnabled(has)
        self.license_date.setEnabled(has)
        self.medical_hint.setVisible(not has)

    def _edited(self, *_) -> None:
        if self._loading:
            return
        modified = self.is_modified()
        self.revert_button.setEnabled(modified)
        if modified:
            self._set_status(self.tr("有未保存的修改"), HINT_STYLE)
        elif not self.status.text() or self.status.styleSheet() == HINT_STYLE:
            self._set_status("", HINT_STYLE)

    def _set_status(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

    # --- loading and saving -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw from the saved profile, unless the user has typed changes not yet saved (those are kept)."""
        data = I.get_institution(self.ctx)
        self._show_completeness(data)
        if self._baseline and self.is_modified():
            self._set_status(self.tr("有未保存的修改"), HINT_STYLE)
            return
        self._load(data)
        self._set_status("", HINT_STYLE)

    def revert(self, ask: bool = True) -> bool:
        """撤销修改: back to the saved profile (asks first when something was typed)."""
        if ask and self.is_modified():
            answer = QMessageBox.question(self, self.tr("撤销修改"),
                                          self.tr("放弃未保存的修改，恢复为上次保存的内容吗？"),
                                          QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return False
        data = I.get_institution(self.ctx)
        self._load(data)
        self._show_completeness(data)
        self._set_status(self.tr("已恢复为上次保存的内容"), HINT_STYLE)
        return True

    def _load(self, data: dict) -> None:
        self._loading = True
        try:
            for f in self.forms:
                f.clear_errors()
                f.set_values(data)
            self._sync()
        finally:
            self._loading = False
        self._baseline = self.values()
        self.revert_button.setEnabled(False)

    def save(self) -> bool:
        for f in self.forms:
            f.clear_errors()
        try:
            data = I.save_institution(self.ctx, self.values())
        except ValidationError as e:
            self._show_problems(e)
            return False
        except ServiceError as e:
            self._set_status(self.tr("未保存：") + error_text(e), ERROR_STYLE)
            return False
        self._load(data)
        self._set_status(self.tr("已保存"), OK_STYLE)
        self._show_completeness(data)
        self.changed.emit()
        return True

    def _show_problems(self, err: ValidationError) -> None:
        """Each message beside its field, whichever group it is in; the rest in the status line."""
        known = [p for p in err.problems if any(p.field.split(".")[0] in f.fields for f in self.forms)]
        for f in self.forms:
            mine = [p for p in known if p.field.split(".")[0] in f.fields]
            if mine:
                f.show_errors(ValidationError(mine))
        wrong = {p.field.split(".")[0] for p in known}
        names = [self.labels[k] for k in self.labels if k in wrong]
        text = self.tr("未保存：有 {n} 处需要修改（{fields}），见红字说明。").format(
            n=len(names), fields=self.tr("、").join(names))
        others = [tr_text(p.message) for p in err.problems if p not in known]
        if not names:
            text = self.tr("未保存：") + join_list(others, "；")
        elif others:
            text += " " + join_list(others, "；")
        self._set_status(text, ERROR_STYLE)
        first = next((k for k in self.labels if k in wrong), None)
        if first:
            self.focus_field(first)

    def focus_field(self, name: str) -> None:
        w = self.field(name)
        self.scroll.ensureWidgetVisible(w.parentWidget(), 20, 40)
        w.setFocus()

    def _show_completeness(self, data: dict) -> None:
        missing = I.missing_fields(data, NEEDED_LATER)
        done = len(NEEDED_LATER) - len(missing)
        head = self.tr("资料完整度 {done}/{total}").format(done=done, total=len(NEEDED_LATER))
        if missing:
            links = self.tr("、").join(f'<a href="{k}">{self.labels[k]}</a>' for k in missing)
            self.completeness.setText(f"<b>{head}</b> · " + self.tr("申报材料还需要：") + links)
            self.completeness.setStyleSheet("color: #8a6d3b;")
            self.completeness.setToolTip(self.tr("点击名称跳到该项填写"))
        else:
            self.completeness.setText(f"<b>{head}</b> · " + self.tr("申报所需的机构资料已填写完整。"))
            self.completeness.setStyleSheet(OK_STYLE)
            self.completeness.setToolTip("")
