"""Dialogs of the 转诊 page: log or correct a referral, move it to its next state, record the return (回转),
and the institution's list of referral indications."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from ..domain import referrals as R
from ..services import partners as P
from ..services import visits as V
from ..services import referrals as F
from ..services.base import ValidationError
from .common import DateField, ServiceDialog, combo, error_text, tr_enum
from .partner_dialogs import HINT_STYLE, partner_combo, scrolling, text_box
from .widgets import CheckList


class DateTimeField(QDateTimeEdit):
    """Date and time to the minute; ``value()`` is a ``datetime``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")

    def value(self) -> dt.datetime:
        return self.dateTime().toPython().replace(second=0, microsecond=0)

    def set_value(self, value) -> None:
        if isinstance(value, str) and value:
            value = dt.datetime.fromisoformat(value)
        if isinstance(value, dt.datetime):
            self.setDateTime(QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0))

    def date_value(self) -> dt.date:
        return self.value().date()


class ResidentPicker(QWidget):
    """The residents living at the home on a date, searchable by typing a name; ``value()`` is the resident id."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.box = QComboBox()
        self.box.setObjectName("resident_box")
        self.box.setMinimumWidth(320)
        self.box.setEditable(True)
        self.box.setInsertPolicy(QComboBox.NoInsert)
        self.box.completer().setFilterMode(Qt.MatchContains)
        self.box.completer().setCompletionMode(self.box.completer().CompletionMode.PopupCompletion)
        self.box.lineEdit().setPlaceholderText(self.tr("输入姓名查找"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)

    def load(self, on: dt.date, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.value()
        box = self.box
        box.blockSignals(True)
        box.clear()
        box.addItem("", None)
        for r in V.residents_in_residence(self.ctx, on):
            away = "，" + tr_enum(r["away"]) if r["away"] else ""
            box.addItem(f"{r['name']}（{r['bed'] or ''}{away}）", r["id"])
        i = box.findData(keep) if keep else -1
        if keep and i < 0:  # not living here that day: keep the choice visible so the service can say why
            row = self.ctx.db.execute("SELECT name FROM residents WHERE id = ?", [keep]).fetchone()
            if row:
                box.addItem(self.tr("{name}（该日不在院）").format(name=row[0]), keep)
                i = box.count() - 1
        box.setCurrentIndex(max(0, i))
        box.blockSignals(False)

    def value(self) -> int | None:
        box = self.box
        i = box.currentIndex()
        if i < 0 or box.itemText(i) != box.currentText():
            i = box.findText(box.currentText())
        return box.itemData(i) if i >= 0 else None

    def set_value(self, resident_id) -> None:
        i = self.box.findData(resident_id)
        if i >= 0:
            self.box.setCurrentIndex(i)


class TextChoice(QWidget):
    """A combo box of suggestions that also takes typed text; ``value()`` is the text."""

    def __init__(self, options, parent=None):
        super().__init__(parent)
        self.box = QComboBox()
        self.box.setMinimumWidth(200)
        self.box.setEditable(True)
        self.box.addItem("")
        for o in options:
            self.box.addItem(tr_enum(o), o)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)

    def value(self) -> str:
        i = self.box.currentIndex()
        text = self.box.currentText()
        return self.box.itemData(i) if i > 0 and self.box.itemText(i) == text else text

    def set_value(self, value) -> None:
        i = self.box.findData(value)
        if i >= 0:
            self.box.setCurrentIndex(i)
        else:
            self.box.setEditText(value or "")


class ReferralDialog(ServiceDialog):
    """登记转诊 / 编辑转诊. The labels follow the direction: for 上转 the receiving doctor is at the hospital, for
    下转 (回转) the hospital's findings are entered here."""

    def __init__(self, ctx, referral_id: int | None = None, *, direction: str = R.UP, parent=None):
        super().__init__(self.tr("编辑转诊记录") if referral_id else self.tr("登记转诊"), parent)
        self.setObjectName("referral_dialog")
        self.ctx, self.referral_id = ctx, referral_id
        current = F.get_referral(ctx, referral_id) if referral_id else None
        f = self.form
        self.direction = f.add("direction", self.tr("转诊方向"), combo(R.DIRECTIONS))
        self.direction.setItemText(0, self.tr("上转（本院 → 医院）"))
        self.direction.setItemText(1, self.tr("下转/回转（医院 → 本院）"))
        self.when = f.add("referred_at", self.tr("转诊时间"), DateTimeField())
        self.when.set_value(ctx.now().replace(second=0))
        self.resident = f.add("resident_id", self.tr("老人"), ResidentPicker(ctx))
        self.partner = f.add("partner_id", self.tr("医疗机构"), partner_combo(ctx))
        f.add("department", self.tr("科室"), QLineEdit())
        self.receiving = f.add("receiving_doctor", self.tr("接诊医生"), QLineEdit())
        self.referring = f.add("referring_doctor", self.tr("转诊医生"), QLineEdit())
        f.add("referring_phone", self.tr("转诊医生电话"), QLineEdit())
        f.add("urgency", self.tr("紧急程度"), combo(R.URGENCIES))
        f.add("impression", self.tr("初步印象"), QLineEdit())
        self.illness = f.add("present_illness", self.tr("主要现病史（转出原因）"), text_box(70))
        f.add("past_history", self.tr("主要既往史"), text_box(50))
        f.add("treatment", self.tr("治疗经过"), text_box(50))
        self.indications = f.add("indications", self.tr("转诊指征"), CheckList([], columns=2))
        f.add("indication_note", self.tr("指征补充说明"), QLineEdit())
        f.add("transport", self.tr("转运方式"), TextChoice(F.TRANSPORTS))
        f.add("escort", self.tr("陪同人员"), QLineEdit())
        self.return_fields = [f.add("return_diagnosis", self.tr("诊断结果"), QLineEdit()),
                              f.add("hospital_record_no", self.tr("住院病案号"), QLineEdit()),
                              f.add("return_findings", self.tr("主要检查结果"), text_box(50)),
                              f.add("return_advice", self.tr("治疗经过、下一步治疗方案及康复建议"), text_box(70))]
        f.add("note", self.tr("备注"), text_box(40))
        if current:
            self.direction.setCurrentIndex(self.direction.findData(current["direction"]))
            self.when.set_value(current["referred_at"])
        else:
            self.direction.setCurrentIndex(max(0, self.direction.findData(direction)))
        self._direction_changed(keep=current["indications"] if current else [])
        self.resident.load(self.when.date_value(), current["resident_id"] if current else None)
        if current:
            f.set_values({k: v for k, v in current.items() if k not in ("direction", "referred_at", "resident_id",
                                                                       "indications")})
            self.indications.set_value(current["indications"])
        if current and len(current["events"]) > 1:  # the referral has moved on: who and which way are fixed
            self.direction.setEnabled(False)
            self.resident.setEnabled(False)
        self.direction.currentIndexChanged.connect(lambda *_: self._direction_changed())
        self.when.dateChanged.connect(lambda *_: self.resident.load(self.when.date_value()))
        scrolling(self, 760, 700)

    def _direction_changed(self, keep: list[str] | None = None) -> None:
        up = self.direction.currentData() == R.UP
        lay = self.form.layout_
        lay.labelForField(self.receiving.parentWidget()).setText(self.tr("医院接诊医生") if up else self.tr("本院接诊医生"))
        lay.labelForField(self.referring.parentWidget()).setText(self.tr("本院转诊医生") if up else self.tr("医院转诊医生"))
        lay.labelForField(self.illness.parentWidget()).setText(self.tr("主要现病史（转出原因）") if up else
                                                              self.tr("病情摘要（转回原因）"))
        for w in self.return_fields:
            lay.setRowVisible(w.parentWidget(), not up)
        chosen = keep if keep is not None else self.indications.value()
        options = list(F.indications(self.ctx)[self.direction.currentData()])
        options += [x for x in chosen if x not in options]
        holder = self.indications.parentWidget()
        new = CheckList(options, columns=2)
        new.setObjectName("field_indications")
        holder.layout().replaceWidget(self.indications, new)
        self.indications.deleteLater()
        self.indications = self.form.fields["indications"] = new
        new.set_value(chosen)

    def submit(self, values):
        if self.referral_id:
            return F.update_referral(self.ctx, self.referral_id, values)
        return F.create_referral(self.ctx, values)


class StateDialog(ServiceDialog):
    """变更状态: only the states the referral may go to next; 未接收 and 已结束 need a reason."""

    def __init__(self, ctx, referral_id: int, parent=None):
        super().__init__(self.tr("变更转诊状态"), parent)
        self.setObjectName("state_dialog")
        self.setMinimumWidth(460)
        self.ctx, self.referral_id = ctx, referral_id
        r = F.get_referral(ctx, referral_id)
        self.referral = r
        who = QLabel(self.tr("{name}　{direction}　{partner}　当前：{state}（{date}）").format(
            name=r["resident_name"], direction=tr_enum(r["direction"]), partner=r["partner_name"],
            state=tr_enum(r["state"]), date=r["state_date"]))
        who.setWordWrap(True)
        self.form.layout_.insertRow(0, who)
        options = [s for s in r["next_states"] if s != R.RETURNED]
        self.state = self.form.add("state", self.tr("新状态"), combo(options))
        self.form.add("date", self.tr("日期"), DateField(optional=False, value=ctx.today()))
        self.reason = self.form.add("reason", self.tr("原因"), QLineEdit())
        self.end_stay = None
        if r["leave"] and r["leave"]["end_date"] is None:
            from PySide6.QtWidgets import QCheckBox
            self.end_stay = self.form.add("end_hospital_stay", self.tr("住院登记"),
                                          QCheckBox(self.tr("老人已返回本院，住院登记在同一天结束")))
        self.form.add("note", self.tr("备注"), QLineEdit())
        self.hint = QLabel()
        self.hint.setObjectName("state_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.form.layout_.addRow(self.hint)
        self.state.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self, *_) -> None:
        state = self.state.currentData()
        self.reason.setPlaceholderText(self.tr("必填") if R.needs_reason(state) else self.tr("可不填"))
        if self.end_stay is not None:
            self.end_stay.setEnabled(state == R.CLOSED)
        hints = []
        if state == R.INPATIENT:
            hints.append(self.tr("登记住院后，老人保留床位，按“住院”外出统计，不算出院；记为转诊住院（医保起付线连续计算）。"))
        if R.RETURNED in self.referral["next_states"]:
            hints.append(self.tr("老人回到本院时，请关闭此窗口，用“登记回转”填写诊断和康复建议。"))
        if state == R.CLOSED and self.end_stay is not None:
            hints.append(self.tr("老人仍登记为住院；如已回到本院请勾选上面的选项，如已出院请在“入住老人”页办理出院。"))
        self.hint.setText("\n".join(hints))

    def submit(self, values):
        return F.change_state(self.ctx, self.referral_id, values)


class ReturnDialog(ServiceDialog):
    """登记回转: the hospital's diagnosis and advice; the hospital stay ends and a reassessment becomes due."""

    def __init__(self, ctx, referral_id: int, parent=None):
        super().__init__(self.tr("登记回转"), parent)
        self.setObjectName("return_dialog")
        self.ctx, self.referral_id = ctx, referral_id
        r = F.get_referral(ctx, referral_id)
        self.referral = r
        since = self.tr("，{d} 起住院").format(d=r["admitted_on"]) if r["admitted_on"] else ""
        who = QLabel(self.tr("{name}　{date} 转往 {partner}{since}").format(
            name=r["resident_name"], date=r["referred_on"], partner=r["partner_name"], since=since))
        who.setWordWrap(True)
        self.form.layout_.insertRow(0, who)
        f = self.form
        f.add("returned_on", self.tr("回转日期"), DateField(optional=False, value=ctx.today()))
        f.add("return_diagnosis", self.tr("诊断结果"), QLineEdit())
        f.add("hospital_record_no", self.tr("住院病案号"), QLineEdit())
        f.add("return_findings", self.tr("主要检查结果"), text_box(60))
        f.add("return_advice", self.tr("治疗经过、下一步治疗方案及康复建议"), text_box(90))
        f.add("return_doctor", self.tr("医院转诊医生"), QLineEdit())
        f.add("return_phone", self.tr("联系电话"), QLineEdit())
        f.add("return_receiver", self.tr("本院接诊医生"), QLineEdit())
        f.add("note", self.tr("备注"), QLineEdit())
        if r["state"] == R.RETURNED:
            f.set_values({k: r[k] for k in ("returned_on", "return_diagnosis", "hospital_record_no", "return_findings",
                                            "return_advice", "return_doctor", "return_phone", "return_receiver")})
        hint = QLabel(self.tr("保存后住院登记结束，老人回到床位；系统会提醒为老人做一次即时评估。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        f.layout_.addRow(hint)
        scrolling(self, 680, 600)

    def submit(self, values):
        return F.record_return(self.ctx, self.referral_id, values)


class IndicationsDialog(QDialog):
    """转诊指征设置: one indication per line, for each direction."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("indications_dialog")
        self.setWindowTitle(self.tr("转诊指征设置"))
        self.resize(640, 460)
        lists = F.indications(ctx)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("登记转诊时可勾选的指征（每行一条）。政策要求“严格按照出入院标准和双向转诊指征”转诊。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.edits: dict[str, QPlainTextEdit] = {}
        for d, title in ((R.UP, self.tr("上转指征")), (R.DOWN, self.tr("下转/回转指征"))):
            col = QVBoxLayout()
            col.addWidget(QLabel(title))
            edit = QPlainTextEdit("\n".join(lists[d]))
            edit.setObjectName(f"indications_{'up' if d == R.UP else 'down'}")
            col.addWidget(edit)
            row.addLayout(col)
            self.edits[d] = edit
        lay.addLayout(row, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def _accept(self) -> None:
        try:
            F.set_indications(self.ctx, {d: e.toPlainText().splitlines() for d, e in self.edits.items()})
        except ValidationError as e:
            self.error.setText(error_text(e))
            return
        self.accept()
