"""机构信息: the profile form in groups, saved as one; errors beside the fields, typed values kept."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ..services import institution as I
from ..services.base import ValidationError
from .common import DateField, FieldForm, combo
from .page import Page

NEEDED_LATER = ("name", "uscc", "legal_rep", "contact_phone", "address", "license_no", "operation_start_date",
                "bank_name", "bank_account")


class InstitutionPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.forms: list[FieldForm] = []
        self.labels: dict[str, str] = {}
        inner = QWidget()
        col = QVBoxLayout(inner)
        col.addWidget(QLabel("<h2>" + self.tr("机构信息") + "</h2>"))
        g = self._group(col, self.tr("基本信息"))
        self._add(g, "name", self.tr("机构名称"), QLineEdit())
        self._add(g, "uscc", self.tr("统一社会信用代码"), QLineEdit()).setPlaceholderText(self.tr("18位"))
        self._add(g, "legal_rep", self.tr("法定代表人"), QLineEdit())
        self._add(g, "contact_person", self.tr("联系人"), QLineEdit())
        self._add(g, "contact_phone", self.tr("联系电话"), QLineEdit())
        self._add(g, "address", self.tr("地址"), QLineEdit())
        self._add(g, "region_name", self.tr("行政区划"), QLineEdit()).setPlaceholderText(self.tr("如：湖南省怀化市鹤城区"))
        self._add(g, "region_code", self.tr("行政区划代码"), QLineEdit()).setPlaceholderText(self.tr("6位，如 431202"))
        g = self._group(col, self.tr("登记与许可"))
        self._add(g, "ownership", self.tr("举办性质"), combo(I.OWNERSHIPS, blank=True))
        self._add(g, "profit_type", self.tr("营利性质"), combo(I.PROFIT_TYPES, blank=True))
        self._add(g, "kind", self.tr("机构类型"), combo(I.KINDS, blank=True))
        self._add(g, "license_no", self.tr("养老机构备案/设立许可编号"), QLineEdit())
        self._add(g, "operation_start_date", self.tr("正式运营日期"), DateField())
        self._add(g, "building_area", self.tr("建筑面积（平方米）"), QLineEdit())
        g = self._group(col, self.tr("内设医疗机构"))
        self.facility = self._add(g, "medical_facility", self.tr("内设医疗机构"), combo(I.MEDICAL_FACILITIES, blank=True))
        self.license_no = self._add(g, "medical_license_no", self.tr("医疗机构执业许可证号"), QLineEdit())
        self.license_date = self._add(g, "medical_license_date", self.tr("执业许可证发证日期"), DateField())
        self.facility.currentIndexChanged.connect(self._sync)
        g = self._group(col, self.tr("银行账户"))
        self._add(g, "bank_name", self.tr("开户银行"), QLineEdit())
        self._add(g, "bank_account", self.tr("银行账号"), QLineEdit())
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save_institution")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("撤销修改"))
        self.revert_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setObjectName("institution_status")
        self.completeness = QLabel()
        self.completeness.setObjectName("completeness")
        self.completeness.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.status, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.completeness)
        lay.addLayout(bar)

    def _group(self, col, title: str) -> FieldForm:
        box = QGroupBox(title)
        form = FieldForm()
        QVBoxLayout(box).addWidget(form)
        col.addWidget(box)
        self.forms.append(form)
        return form

    def _add(self, form: FieldForm, name: str, label: str, widget):
        self.labels[name] = label
        return form.add(name, label, widget)

    def _sync(self) -> None:
        has = self.facility.currentData() not in (None, "无")
        self.license_no.setEnabled(has)
        self.license_date.setEnabled(has)

    def values(self) -> dict:
        out = {}
        for f in self.forms:
            out.update(f.values())
        return out

    def refresh(self) -> None:
        data = I.get_institution(self.ctx)
        for f in self.forms:
            f.clear_errors()
            f.set_values(data)
        self._sync()
        self.status.setText("")
        self._show_completeness(data)

    def _show_completeness(self, data: dict) -> None:
        missing = I.missing_fields(data, NEEDED_LATER)
        if missing:
            self.completeness.setText(self.tr("申报材料还需要：") + "、".join(self.labels[k] for k in missing))
            self.completeness.setStyleSheet("color: #8a6d3b;")
        else:
            self.completeness.setText(self.tr("申报所需的机构资料已填写完整。"))
            self.completeness.setStyleSheet("color: #2e7d32;")

    def save(self) -> bool:
        for f in self.forms:
            f.clear_errors()
        try:
            data = I.save_institution(self.ctx, self.values())
        except ValidationError as e:
            for f in self.forms:
                f.show_errors(ValidationError([p for p in e.problems if p.field in f.fields]))
            self.status.setText(self.tr("有 {n} 处需要修改，未保存。").format(n=len(e.problems)))
            self.status.setStyleSheet("color: #c0392b;")
            return False
        self.status.setText(self.tr("已保存"))
        self.status.setStyleSheet("color: #2e7d32;")
        self._show_completeness(data)
        self.changed.emit()
        return True
