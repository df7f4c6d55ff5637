"""Dialogs of the 医疗合作 page: a partner institution, an agreement (new, edit, renew), ending an agreement, a visit."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from ..services import partners as P
from ..services import visits as V
from .common import DateField, ServiceDialog, combo, tr_enum
from .screen import fit_size

HINT_STYLE = "color: #57606a;"


def scrolling(dlg: ServiceDialog, width: int, height: int) -> None:
    """Put a tall form in a scroll area so the dialog fits a 1366×768 screen; the buttons stay visible."""
    lay = dlg.layout()
    lay.removeWidget(dlg.form)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.NoFrame)
    scroll.setWidget(dlg.form)
    lay.insertWidget(0, scroll, 1)
    fit_size(dlg, width, height)


def text_box(height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class IntBox(QSpinBox):
    """A spin box FieldForm can fill (``set_value``); 0 shows as the special "not filled" text."""

    def set_value(self, value) -> None:
        self.setValue(int(value or 0))


class PartnerContacts(QWidget):
    """Up to three contact people at the partner: name, post or department, phone."""
    ROWS = 3

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, head in enumerate((self.tr("姓名"), self.tr("科室/职务"), self.tr("电话"))):
            grid.addWidget(QLabel(head), 0, col)
        self.rows = []
        for r in range(self.ROWS):
            edits = (QLineEdit(), QLineEdit(), QLineEdit())
            for col, e in enumerate(edits):
                e.setObjectName(f"partner_contact_{r}_{col}")
                grid.addWidget(e, r + 1, col)
            self.rows.append(edits)

    def value(self) -> list[dict]:
        return [{"name": n.text(), "role": role.text(), "phone": p.text()} for n, role, p in self.rows
                if n.text().strip() or role.text().strip() or p.text().strip()]

    def set_value(self, contacts) -> None:
        for i, (n, role, p) in enumerate(self.rows):
            c = contacts[i] if contacts and i < len(contacts) else {}
            n.setText(c.get("name") or "")
            role.setText(c.get("role") or "")
            p.setText(c.get("phone") or "")


class PartnerDialog(ServiceDialog):
    def __init__(self, ctx, partner_id: int | None = None, parent=None):
        super().__init__(self.tr("编辑医疗机构") if partner_id else self.tr("新增医疗机构"), parent)
        self.setObjectName("partner_dialog")
        self.setMinimumWidth(600)
        self.ctx, self.partner_id = ctx, partner_id
        f = self.form
        f.add("name", self.tr("机构名称"), QLineEdit()).setPlaceholderText(self.tr("与医疗机构执业许可证一致"))
        f.add("uscc", self.tr("统一社会信用代码"), QLineEdit()).setPlaceholderText(self.tr("可不填；填写时核对校验位"))
        f.add("kind", self.tr("机构类别"), combo(P.PARTNER_KINDS, blank=True))
        f.add("level", self.tr("医院等级"), combo(P.LEVELS)).setCurrentIndex(P.LEVELS.index("未定级"))
        f.add("insurance_designated", self.tr("医保定点"), QCheckBox(self.tr("是医保定点医疗机构")))
        f.add("address", self.tr("地址"), QLineEdit())
        f.add("phone", self.tr("总机/值班电话"), QLineEdit())
        f.add("distance_km", self.tr("距离（公里）"), QLineEdit()).setPlaceholderText(self.tr("如 4.5"))
        minutes = f.add("travel_minutes", self.tr("车程"), IntBox())
        minutes.setRange(0, 1440)
        minutes.setSuffix(self.tr(" 分钟"))
        minutes.setSpecialValueText(self.tr("未填"))
        f.add("contacts", self.tr("联系人"), PartnerContacts())
        f.add("note", self.tr("备注"), text_box(50))
        if partner_id:
            f.set_values(P.get_partner(ctx, partner_id))

    def submit(self, values):
        if self.partner_id:
            return P.update_partner(self.ctx, self.partner_id, values)
        return P.create_partner(self.ctx, values)


class ServicesEditor(QWidget):
    """The agreed services as a checklist; 上门巡诊 asks for its frequency, the emergency channel for a response time."""

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.rows: dict[str, dict] = {}
        for i, service in enumerate(P.SERVICES):
            box = QCheckBox(tr_enum(service))
            box.setObjectName(f"service_{i}")
            detail = QLineEdit()
            detail.setPlaceholderText(self.tr("请写明内容") if service == P.OTHER_SERVICE else self.tr("说明（可不填）"))
            row = {"box": box, "detail": detail}
            extra = QWidget()
            ex = QHBoxLayout(extra)
            ex.setContentsMargins(0, 0, 0, 0)
            if service == P.VISITS_SERVICE:
                row["frequency"] = combo(P.FREQUENCIES)
                row["times"] = QSpinBox()
                row["times"].setRange(1, 31)
                row["times"].setSuffix(self.tr(" 次"))
                ex.addWidget(row["frequency"])
                ex.addWidget(row["times"])
            elif service == P.EMERGENCY_SERVICE:
                row["response_minutes"] = QSpinBox()
                row["response_minutes"].setRange(0, 1440)
                row["response_minutes"].setSpecialValueText(self.tr("响应时间"))
                row["response_minutes"].setSuffix(self.tr(" 分钟内响应"))
                ex.addWidget(row["response_minutes"])
            grid.addWidget(box, i, 0)
            grid.addWidget(extra, i, 1)
            grid.addWidget(detail, i, 2)
            box.toggled.connect(lambda on, r=row: self._enable(r, on))
            self._enable(row, False)
            self.rows[service] = row
        grid.setColumnStretch(2, 1)

    @staticmethod
    def _enable(row: dict, on: bool) -> None:
        for k, w in row.items():
            if k != "box":
                w.setEnabled(on)

    def value(self) -> list[dict]:
        out = []
        for service, row in self.rows.items():
            if not row["box"].isChecked():
                continue
            item = {"service": service, "detail": row["detail"].text()}
            if "frequency" in row:
                item |= {"frequency": row["frequency"].currentData(), "times": row["times"].value()}
            if "response_minutes" in row:
                item["response_minutes"] = row["response_minutes"].value()
            out.append(item)
        return out

    def set_value(self, items) -> None:
        by_name = {i["service"]: i for i in items or []}
        for service, row in self.rows.items():
            item = by_name.get(service)
            row["box"].setChecked(item is not None)
            row["detail"].setText((item or {}).get("detail") or "")
            if "frequency" in row and item:
                row["frequency"].setCurrentIndex(max(0, row["frequency"].findData(item.get("frequency"))))
                row["times"].setValue(item.get("times") or 1)
            if "response_minutes" in row and item:
                row["response_minutes"].setValue(item.get("response_minutes") or 0)


class FeesEditor(QWidget):
    """Who pays what: item, payer, per visit / month / year, amount in yuan, note."""
    ROWS = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, head in enumerate((self.tr("收费项目"), self.tr("付费方"), self.tr("计费方式"), self.tr("金额（元）"),
                                    self.tr("说明"))):
            grid.addWidget(QLabel(head), 0, col)
        self.rows = []
        for r in range(self.ROWS):
            row = (QLineEdit(), combo(P.FEE_PAYERS, blank=True), combo(P.FEE_BASES, blank=True), QLineEdit(), QLineEdit())
            row[3].setMaximumWidth(110)
            for col, w in enumerate(row):
                w.setObjectName(f"fee_{r}_{col}")
                grid.addWidget(w, r + 1, col)
            self.rows.append(row)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(4, 2)

    def value(self) -> list[dict]:
        return [{"item": i.text(), "payer": p.currentData(), "basis": b.currentData(), "amount": a.text(), "note": n.text()}
                for i, p, b, a, n in self.rows if i.text().strip() or a.text().strip() or n.text().strip()]

    def set_value(self, fees) -> None:
        for k, (i, p, b, a, n) in enumerate(self.rows):
            f = fees[k] if fees and k < len(fees) else {}
            i.setText(f.get("item") or "")
            p.setCurrentIndex(max(0, p.findData(f.get("payer"))))
            b.setCurrentIndex(max(0, b.findData(f.get("basis"))))
            a.setText(f.get("amount") or "")
            n.setText(f.get("note") or "")


def partner_combo(ctx, blank: bool = True) -> QComboBox:
    box = QComboBox()
    box.setMinimumWidth(320)
    if blank:
        box.addItem("", None)
    for p in P.list_partners(ctx):
        box.addItem(p["name"], p["id"])
    return box


class AgreementDialog(ServiceDialog):
    """新增协议 / 编辑协议 / 续签协议 (a renewal starts from the old agreement's content with the dates moved on)."""

    def __init__(self, ctx, agreement_id: int | None = None, *, renew_of: int | None = None, partner_id: int | None = None,
                 parent=None):
        title = self.tr("续签协议") if renew_of else self.tr("编辑协议") if agreement_id else self.tr("新增合作协议")
        super().__init__(title, parent)
        self.setObjectName("agreement_dialog")
        self.ctx, self.agreement_id, self.renew_of = ctx, agreement_id, renew_of
        f = self.form
        if renew_of:
            old = P.get_agreement(ctx, renew_of)
            hint = QLabel(self.tr("续签“{partner}”的协议（原协议 {a} 至 {b}）。原协议保留，新协议与它关联。").format(
                partner=old["partner_name"], a=old["valid_from"], b=old["valid_to"]))
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            f.layout_.insertRow(0, hint)
        self.partner = f.add("partner_id", self.tr("医疗机构"), partner_combo(ctx))
        f.add("number", self.tr("协议编号"), QLineEdit())
        today = ctx.today()
        f.add("signed_date", self.tr("签订日期"), DateField(optional=False, value=today))
        f.add("valid_from", self.tr("生效日期"), DateField(optional=False, value=today))
        year_on = today.replace(year=today.year + 1) - dt.timedelta(days=1) if (today.month, today.day) != (2, 29) else today
        f.add("valid_to", self.tr("到期日期"), DateField(optional=False, value=year_on))
        f.add("services", self.tr("合作服务"), ServicesEditor())
        f.add("fees", self.tr("费用"), FeesEditor())
        f.add("our_duties", self.tr("养老机构责任"), text_box())
        f.add("partner_duties", self.tr("医疗机构责任"), text_box())
        f.add("note", self.tr("备注"), text_box(44))
        if agreement_id:
            f.set_values(P.get_agreement(ctx, agreement_id))
        elif renew_of:
            f.set_values(P.renewal_defaults(ctx, renew_of))
            self.partner.setEnabled(False)
        elif partner_id:
            f.set_values({"partner_id": partner_id})
        scrolling(self, 900, 700)

    def submit(self, values):
        if self.agreement_id:
            return P.update_agreement(self.ctx, self.agreement_id, values)
        if self.renew_of:
            return P.renew_agreement(self.ctx, self.renew_of, values)
        return P.create_agreement(self.ctx, values)


class TerminateDialog(ServiceDialog):
    def __init__(self, ctx, agreement_id: int, parent=None):
        super().__init__(self.tr("终止协议"), parent)
        self.setObjectName("terminate_dialog")
        self.setMinimumWidth(420)
        self.ctx, self.agreement_id = ctx, agreement_id
        a = P.get_agreement(ctx, agreement_id)
        who = QLabel(self.tr("{partner}，有效期 {a} 至 {b}").format(partner=a["partner_name"], a=a["valid_from"], b=a["valid_to"]))
        who.setWordWrap(True)
        self.form.layout_.insertRow(0, who)
        self.form.add("terminated_on", self.tr("终止日期"), DateField(optional=False, value=ctx.today()))
        self.form.add("termination_reason", self.tr("终止原因"), QLineEdit())
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("确认终止"))

    def submit(self, values):
        return P.terminate_agreement(self.ctx, self.agreement_id, values)


class ResidentChecklist(QWidget):
    """The residents living at the home on a date, ticked when seen; a search box narrows the list."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入姓名或拼音首字母筛选"))
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setObjectName("visit_residents")
        self.list.setMinimumHeight(220)
        self.count = QLabel()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search)
        lay.addWidget(self.list)
        lay.addWidget(self.count)
        self.list.itemChanged.connect(self._count)

    def load(self, on: dt.date, keep: list[int] | None = None) -> None:
        ticked = set(keep if keep is not None else self.value())
        self.list.blockSignals(True)
        self.list.clear()
        for r in V.residents_in_residence(self.ctx, on):
            away = "（" + tr_enum(r["away"]) + "）" if r["away"] else ""
            item = QListWidgetItem(f"{r['name']}　{r['bed'] or ''}{away}")
            item.setData(Qt.UserRole, r["id"])
            item.setData(Qt.UserRole + 1, f"{r['name']} {r['name_initials']} {r['name_pinyin']}")
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if r["id"] in ticked else Qt.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter(self.search.text())
        self._count()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.data(Qt.UserRole + 1).lower())

    def _count(self, *_) -> None:
        self.count.setText(self.tr("已选 {n} 人").format(n=len(self.value())))

    def value(self) -> list[int]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]

    def set_value(self, ids) -> None:
        wanted = set(ids or [])
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in wanted else Qt.Unchecked)


class VisitDialog(ServiceDialog):
    """登记巡诊: the list of residents follows the date (only those living at the home that day can be ticked)."""

    def __init__(self, ctx, visit_id: int | None = None, parent=None):
        super().__init__(self.tr("编辑巡诊记录") if visit_id else self.tr("登记巡诊"), parent)
        self.setObjectName("visit_dialog")
        self.setMinimumWidth(560)
        self.ctx, self.visit_id = ctx, visit_id
        f = self.form
        self.date = f.add("visit_date", self.tr("巡诊日期"), DateField(optional=False, value=ctx.today()))
        f.add("partner_id", self.tr("医疗机构"), partner_combo(ctx))
        f.add("doctor", self.tr("巡诊医生"), QLineEdit())
        self.people = f.add("resident_ids", self.tr("巡诊老人"), ResidentChecklist(ctx))
        f.add("notes", self.tr("巡诊情况"), text_box(70))
        keep = None
        if visit_id:
            v = V.get_visit(ctx, visit_id)
            self.date.set_value(v["visit_date"])
            keep = v["resident_ids"]
            f.set_values({k: v[k] for k in ("partner_id", "doctor", "notes")})
        self.people.load(self.date.value(), keep)
        self.date.dateChanged.connect(lambda *_: self.people.load(self.date.value()))

    def submit(self, values):
        if self.visit_id:
            return V.update_visit(self.ctx, self.visit_id, values)
        return V.log_visit(self.ctx, values)
