"""Assessment entry built for speed: basic facts, then one indicator per page, keyboard only, running subtotals, and
before saving the initial grade, the change rule that applied and the final grade. An incomplete assessment saves as
a draft that counts nowhere.

Keys: a number picks that score for the highlighted item and moves to the next item not yet answered (on this page
or a later one, then back to any skipped); Enter on an answered item moves to the next item, on an unanswered one it
stays and says so (an item is never skipped by Enter); ↑/↓ move between items, PageUp/PageDown between pages; Enter
on the first page goes to the first item, on the result page it saves (完成并保存)."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSpinBox,
                               QStackedWidget, QVBoxLayout, QWidget)

from ..domain.assessment import list_instruments, load_instrument
from ..services import assessments as A
from ..services.base import ServiceError, ValidationError
from ..services.residents import get_resident
from .common import DateField, FieldForm, combo, data_name, error_text, join_list, tr_enum, tr_text
from .screen import fit_size

DIGITS = {getattr(Qt, f"Key_{n}"): n for n in range(10)}


class OptionLabel(QLabel):
    """An option's text beside its radio button, wrapped to the page's width; clicking it picks the option."""

    def __init__(self, text: str, button: QRadioButton):
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # never widens the page: it wraps instead

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()):
            self.button.click()
        super().mouseReleaseEvent(event)


class ItemBox(QGroupBox):
    """One item: its options as radio buttons, each with the key that picks it; long texts wrap."""

    def __init__(self, item, by_points: bool, parent=None):
        super().__init__(parent)
        self.item = item
        self.by_points = by_points  # keys are the points themselves, else 1, 2, 3… from the top
        self.setTitle(f"{item.code} {item.name}")
        self.group = QButtonGroup(self)
        lay = QVBoxLayout(self)
        if item.definition:
            d = QLabel(item.definition)
            d.setStyleSheet("color: #57606a;")
            d.setWordWrap(True)
            d.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
            lay.addWidget(d)
        self.keys = {}
        options = QGridLayout()
        options.setColumnStretch(1, 1)
        options.setVerticalSpacing(4)
        for i, o in enumerate(item.options):
            key = o.points if self.by_points else i + 1
            b = QRadioButton(f"[{key}]")
            b.setObjectName(f"opt_{item.code}_{o.points}")
            b.setAccessibleName(f"{o.label}（{o.points}）")
            b.setFocusPolicy(Qt.NoFocus)
            self.group.addButton(b, o.points)
            text = OptionLabel(f"{o.label}（{o.points}）", b)
            text.setObjectName(f"opt_text_{item.code}_{o.points}")
            options.addWidget(b, i, 0, Qt.AlignTop)
            options.addWidget(text, i, 1)
            self.keys[key] = o.points
        lay.addLayout(options)
        self.set_current(False)

    def value(self) -> int | None:
        return self.group.checkedId() if self.group.checkedButton() else None

    def set_value(self, points: int | None) -> None:
        b = self.group.button(points) if points is not None else None
        if b:
            b.setChecked(True)

    def pick_key(self, key: int) -> bool:
        if key in self.keys:
            self.group.button(self.keys[key]).setChecked(True)
            return True
        return False

    def set_current(self, on: bool) -> None:
        self.setStyleSheet("QGroupBox { border: 2px solid %s; border-radius: 6px; margin-top: 10px; padding-top: 6px; }"
                           "QGroupBox::title { subcontrol-origin: margin; left: 8px; font-weight: bold; }"
                           % ("#1a73e8" if on else "#d0d7de"))


class AssessmentDialog(QDialog):
    def __init__(self, ctx, resident_id: int, assessment_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.resident_id, self.assessment_id = ctx, resident_id, assessment_id
        self.saved_id: int | None = None
        existing = A.get_assessment(ctx, assessment_id) if assessment_id else None
        resident = get_resident(ctx, resident_id)
        self.setWindowTitle(self.tr("能力评估 — {name}").format(name=resident["name"]))
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.header.setWordWrap(True)
        self.subtotals = QLabel()
        self.subtotals.setObjectName("running_subtotals")
        self.subtotals.setWordWrap(True)
        self.stack = QStackedWidget()
        self.message = QLabel()
        self.message.setObjectName("assessment_message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.prev_b, self.next_b = QPushButton(self.tr("上一页")), QPushButton(self.tr("下一页"))
        self.draft_b, self.done_b = QPushButton(self.tr("保存草稿")), QPushButton(self.tr("完成并保存"))
        cancel = QPushButton(self.tr("取消"))
        for b in (self.prev_b, self.next_b, self.draft_b, self.done_b):
            b.setFocusPolicy(Qt.NoFocus)
            b.setAutoDefault(False)
        self.done_b.setObjectName("complete")
        self.draft_b.setObjectName("save_draft")
        self.prev_b.clicked.connect(lambda: self.go(self.stack.currentIndex() - 1))
        self.next_b.clicked.connect(lambda: self.go(self.stack.currentIndex() + 1))
        self.draft_b.clicked.connect(lambda: self.save(False))
        self.done_b.clicked.connect(lambda: self.save(True))
        cancel.clicked.connect(self.reject)
        bar = QHBoxLayout()
        for b in (self.prev_b, self.next_b):
            bar.addWidget(b)
        bar.addStretch(1)
        for b in (self.draft_b, self.done_b, cancel):
            bar.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(self.subtotals)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.message)
        lay.addLayout(bar)

        self._build_info(existing)
        self._build_items(existing["instrument_id"] if existing else None, existing)
        fit_size(self, 900, 720)  # less on a small screen: the pages scroll
        self.go(0)

    # --- pages --------------------------------------------------------------------------------------------------
    def _build_info(self, existing: dict | None) -> None:
        page = QWidget()
        col = QVBoxLayout(page)
        self.info = FieldForm()
        inst_box = combo([i.id for i in list_instruments()])
        for i, inst in enumerate(list_instruments()):
            inst_box.setItemText(i, data_name(inst.name) + (self.tr("（待核对）") if inst.pending_verification else ""))
        self.instrument = self.info.add("instrument_id", self.tr("评估标准"), inst_box)
        self.info.add("assessed_on", self.tr("评估基准日期"), DateField(optional=False, value=self.ctx.today()))
        self.info.add("reason", self.tr("评估原因"), combo(A.REASONS))
        self.info.add("assessor1", self.tr("评估员1"), QLineEdit())
        self.info.add("assessor2", self.tr("评估员2"), QLineEdit())
        self.info.add("informant_name", self.tr("信息提供者"), QLineEdit())
        self.info.add("informant_relation", self.tr("与老人关系"), QLineEdit())
        self.coma = self.info.add("coma", self.tr("昏迷（A.5.11）"), QCheckBox(self.tr("评估时处于昏迷状态")))
        col.addWidget(self.info)
        diag = QGroupBox(self.tr("疾病诊断（A.4.1）"))
        grid = QGridLayout(diag)
        self.diag_boxes = {}
        for i, (code, name) in enumerate(A.DIAGNOSES):
            b = QCheckBox(f"{tr_enum(name)} {code}")
            b.setFocusPolicy(Qt.NoFocus)
            grid.addWidget(b, i // 5, i % 5)
            self.diag_boxes[code] = b
        self.other_codes = QLineEdit()
        self.other_codes.setPlaceholderText(self.tr("其他 ICD-10 编码，用逗号分隔，如 F03.1, I50"))
        grid.addWidget(self.other_codes, 4, 0, 1, 3)
        self.psychiatric = QCheckBox(self.tr("F04–F99 由精神科专科医生诊断"))
        grid.addWidget(self.psychiatric, 4, 3, 1, 2)
        col.addWidget(diag)
        risk = QGroupBox(self.tr("近30天照护风险事件（A.2.14，已按事件记录预填）"))
        row = QHBoxLayout(risk)
        self.risk = {}
        for kind in A.RISK_KINDS:
            spin = QSpinBox()
            spin.setRange(0, 30)
            row.addWidget(QLabel(tr_enum(kind)))
            row.addWidget(spin)
            self.risk[kind] = spin
        col.addWidget(risk)
        col.addStretch(1)
        self.stack.addWidget(page)
        if existing:
            self.info.set_values(existing)
            for d in existing["diagnoses"]:
                if d["code"] in self.diag_boxes:
                    self.diag_boxes[d["code"]].setChecked(True)
                else:
                    self.other_codes.setText(", ".join(filter(None, [self.other_codes.text(), d["code"]])))
                self.psychiatric.setChecked(self.psychiatric.isChecked() or bool(d.get("psychiatric")))
            for kind, n in existing["risk_events"].items():
                self.risk[kind].setValue(n)
        else:
            for kind, n in A.events_before(self.ctx, self.resident_id, self.ctx.today()).items():
                self.risk[kind].setValue(n)
            done_before = any(a["status"] == A.DONE for a in A.history(self.ctx, self.resident_id))
            self.info.set_values({"reason": "常规评估" if done_before else "首次评估"})
        self.instrument.currentIndexChanged.connect(lambda *_: self._build_items(self.instrument.currentData(), None))

    def _build_items(self, instrument_id: str | None, existing: dict | None) -> None:
        if instrument_id:
            self.instrument.setCurrentIndex(max(0, self.instrument.findData(instrument_id)))
        self.inst = load_instrument(self.instrument.currentData())
        while self.stack.count() > 1:
            w = self.stack.widget(1)
            self.stack.removeWidget(w)
            w.deleteLater()
        self.boxes: list[ItemBox] = []
        # One key rule per instrument: points as keys when every item scores 0–9 (GB/T 42195), else option numbers.
        by_points = all(i.max_points <= 9 for i in self.inst.items)
        self.page_boxes: list[list[ItemBox]] = []
        for ind in self.inst.indicators:
            page = QWidget()
            inner = QVBoxLayout(page)
            inner.addWidget(QLabel(f"<h3>{html.escape(ind.code)} {html.escape(data_name(ind.name))}</h3>"))
            boxes = []
            for code in ind.items:
                box = ItemBox(self.inst.item(code), by_points)
                box.group.idClicked.connect(lambda _p, b=box: self._picked(b))
                inner.addWidget(box)
                boxes.append(box)
                self.boxes.append(box)
            inner.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # texts wrap to the width: only up and down
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            self.page_boxes.append(boxes)
        self.summary = QLabel()
        self.summary.setObjectName("assessment_summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignTop)
        self.stack.addWidget(self.summary)
        if existing:
            for box in self.boxes:
                box.set_value(existing["answers"].get(box.item.code))
        self.current: ItemBox | None = None
        self._update()

    # --- navigation and keys ------------------------------------------------------------------------------------
    def go(self, index: int) -> None:
        index = max(0, min(index, self.stack.count() - 1))
        self.stack.setCurrentIndex(index)
        self.prev_b.setEnabled(index > 0)
        self.next_b.setEnabled(index < self.stack.count() - 1)
        titles = [self.tr("基本信息")] + [f"{i.code} {data_name(i.name)}" for i in self.inst.indicators] + [self.tr("评估结果")]
        self.header.setText(f"{data_name(self.inst.name)} · {titles[index]}（{index + 1}/{self.stack.count()}）")
        if 1 <= index <= len(self.page_boxes):
            boxes = self.page_boxes[index - 1]
            self._set_current(next((b for b in boxes if b.value() is None), boxes[0]))
        else:
            self._set_current(None)
        if index == self.stack.count() - 1:
            self._show_summary()
        self.setFocus()

    def _set_current(self, box: ItemBox | None) -> None:
        if self.current is not None:
            self.current.set_current(False)
        self.current = box
        if box is not None:
            box.set_current(True)
            scroll = self.stack.currentWidget()
            if isinstance(scroll, QScrollArea):
                scroll.ensureWidgetVisible(box, 0, 20)

    def _picked(self, box: ItemBox) -> None:
        self._set_current(box)
        self._update()

    def _page_of(self, box: ItemBox) -> int:
        return next(i for i, boxes in enumerate(self.page_boxes, start=1) if box in boxes)

    def _move_to(self, box: ItemBox | None) -> None:
        """Highlight ``box`` (turning the page if it is on another), or show the result page when None."""
        if box is None:
            self.go(self.stack.count() - 1)
            return
        page = self._page_of(box)
        if page != self.stack.currentIndex():
            self.go(page)
        self._set_current(box)

    def _next_item(self) -> None:
        """Enter on an answered item: the item after it (the next page's first item after a page's last)."""
        k = self.boxes.index(self.current)
        self._move_to(self.boxes[k + 1] if k + 1 < len(self.boxes) else None)

    def _next_unanswered(self) -> None:
        """After a number: the next item without an answer, later first, then any skipped before; the result page
        when every item has one."""
        k = self.boxes.index(self.current)
        later = self.boxes[k + 1:] + self.boxes[:k]
        self._move_to(next((b for b in later if b.value() is None), None))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if self.current is not None and key in DIGITS:
            if self.current.pick_key(DIGITS[key]):
                self.message.setText("")
                self._update()
                self._next_unanswered()
            return
        if key in (Qt.Key_Return, Qt.Key_Enter):
            index = self.stack.currentIndex()
            if index == 0:
                self.go(1)
            elif index == self.stack.count() - 1:
                self.save(True)
            elif self.current is not None and self.current.value() is None:
                self.message.setText(self.tr("“{item}”还没有评分：按数字键选分（要先跳过，按 ↓）。").format(
                    item=f"{self.current.item.code} {self.current.item.name}"))
            elif self.current is not None:
                self.message.setText("")
                self._next_item()
            return
        if key == Qt.Key_Up and self.current is not None:
            boxes = self.page_boxes[self.stack.currentIndex() - 1]
            self._set_current(boxes[max(0, boxes.index(self.current) - 1)])
            return
        if key == Qt.Key_Down and self.current is not None:
            boxes = self.page_boxes[self.stack.currentIndex() - 1]
            self._set_current(boxes[min(len(boxes) - 1, boxes.index(self.current) + 1)])
            return
        if key == Qt.Key_PageUp:
            self.go(self.stack.currentIndex() - 1)
            return
        if key == Qt.Key_PageDown:
            self.go(self.stack.currentIndex() + 1)
            return
        super().keyPressEvent(event)

    # --- values and results -------------------------------------------------------------------------------------
    def answers(self) -> dict[str, int]:
        return {b.item.code: b.value() for b in self.boxes if b.value() is not None}

    def values(self) -> dict:
        v = self.info.values()
        codes = [c for c, b in self.diag_boxes.items() if b.isChecked()]
        codes += [c.strip().upper() for c in self.other_codes.text().replace("，", ",").split(",") if c.strip()]
        v["diagnoses"] = [{"code": c, "psychiatric": self.psychiatric.isChecked()} for c in codes]
        v["risk_events"] = {k: s.value() for k, s in self.risk.items() if s.value()}
        v["answers"] = self.answers()
        return v

    def _update(self) -> None:
        answers = self.answers()
        parts = []
        for ind in self.inst.indicators:
            got = sum(answers.get(c, 0) for c in ind.items)
            done = sum(c in answers for c in ind.items)
            parts.append(f"{data_name(ind.name)} {got}/{ind.max}（{done}/{len(ind.items)}）")
        total = sum(answers.values())
        self.subtotals.setText("　".join(parts) + (self.tr("　合计 {n}").format(n=total) if self.inst.raw.get("has_total", True) else ""))

    def _show_summary(self) -> None:
        r = A.preview(self.values())
        if r is None:
            missing = [b.item.code for b in self.boxes if b.value() is None]
            self.summary.setText(self.tr("还有 {n} 项未评：{items}。可先保存草稿，草稿不计入统计。").format(
                n=len(missing), items=join_list(missing[:12]) + ("…" if len(missing) > 12 else "")))
            return
        e = html.escape
        rows = "".join(f"<tr><td>{e(i.code)} {e(data_name(i.name))}</td><td align='right'>{r.subtotals[i.code]} / {i.max}</td>"
                       f"<td>{e(data_name(self.inst.indicator_grade_names.get(r.indicator_grades.get(i.code), ''))) if i.code in r.indicator_grades else ''}</td></tr>"
                       for i in self.inst.indicators)
        applied = "<br>".join(e(a["description"]) for a in r.applied) or self.tr("无")
        total_word, initial_word = self.tr("总分"), self.tr("初步等级")
        basis_word, final_word = self.tr("等级变更依据"), self.tr("最终等级")
        pending_text = self.tr("本标准的分级与组合表待核对，结果仅供参考。")
        total = f"<p>{total_word}：<b>{r.total}</b></p>" if r.total is not None else ""
        pending = f"<p style='color:#b26a00'>{pending_text}</p>" if r.pending_verification else ""
        notes = "".join(f"<p style='color:#57606a'>{e(n)}</p>" for n in r.notes)
        self.summary.setText(
            f"<table cellpadding='4'>{rows}</table>{total}"
            f"<p>{initial_word}：<b>{e(data_name(r.initial_grade_name))}</b></p>"
            f"<p>{basis_word}：{applied}</p>"
            f"<p style='font-size:16px'>{final_word}：<b>{e(data_name(r.final_grade_name))}</b></p>{pending}{notes}")

    def save(self, complete: bool) -> None:
        self.message.setText("")
        self.info.clear_errors()
        try:
            self.saved_id = A.save_assessment(self.ctx, self.resident_id, self.values(),
                                              assessment_id=self.assessment_id, complete=complete)
        except ValidationError as e:
            info_fields = [p for p in e.problems if p.field in self.info.fields]
            if info_fields:
                self.info.show_errors(ValidationError(info_fields))
                self.go(0)
            elif any(p.field == "answers" for p in e.problems):
                missing = next((b for b in self.boxes if b.value() is None), None)
                if missing:
                    page = next(i for i, boxes in enumerate(self.page_boxes) if missing in boxes)
                    self.go(page + 1)
                    self._set_current(missing)
            self.message.setText("\n".join(tr_text(p.message) for p in e.problems[:6]))
            return
        except ServiceError as e:
            self.message.setText(error_text(e))
            return
        self.accept()
