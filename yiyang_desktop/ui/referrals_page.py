"""转诊: the two-way referral log with filters, each referral's timeline, its state changes and return, the printed
双向转诊单, and per-month counts by direction, partner and outcome."""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMessageBox, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from ..domain import referrals as R
from ..paths import data_dir
from ..services import partners as P
from ..services import referrals as F
from ..services.base import ServiceError
from .common import (COUNT, TEXT, DateField, RecordTableModel, error_text, join_list, record_table, run_action,
                     select_where, tr_enum,
                     tr_text)
from .page import Page
from .pdf_preview import PdfPreviewDialog
from .partners_page import GREY, button_bar, detail_browser
from .referral_dialogs import IndicationsDialog, ReferralDialog, ReturnDialog, StateDialog

STATE_COLOURS = {R.PENDING: "#fff3cd", R.ACCEPTED: "#e8f0fe", R.INPATIENT: "#fde2e1", R.OUTPATIENT: "#e8f0fe"}
FINAL_GREY = "#eeeeee"  # not received or closed; returned / received referrals stay white


class ReferralModel(RecordTableModel):
    """Referrals under way are tinted by state (waiting yellow, in hospital red); finished ones white or grey."""

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.BackgroundRole and index.isValid():
            r = self.rows[index.row()]
            final = R.is_final(r["direction"], r["state"])
            colour = FINAL_GREY if final and r["state"] in (R.REFUSED, R.CLOSED) else None if final \
                else STATE_COLOURS.get(r["state"])
            return QBrush(QColor(colour)) if colour else None
        return super().data(index, role)


class StatsModel(RecordTableModel):
    """Month rows, then the period's total in bold."""

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.FontRole and index.isValid() and index.row() == len(self.rows) - 1 and len(self.rows) > 1:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def three_months_back(today: dt.date) -> dt.date:
    """The first day of the month two months before ``today``'s (2026-11-23 → 2026-09-01)."""
    month = today.month - 2
    return dt.date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


class ReferralsPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.prompt: QMessageBox | None = None
        heading = QLabel(self.tr("双向转诊"))
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.reassess = QLabel()
        self.reassess.setObjectName("reassessment_banner")
        self.reassess.setWordWrap(True)
        self.reassess.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px; border-radius: 4px;")
        # filters
        today = ctx.today()
        # The last three calendar months by default (widen "从" for more): the list stays short on a big file.
        self.date_from = DateField(optional=False, value=three_months_back(today))
        self.date_to = DateField(optional=False, value=today)
        self.date_from.setObjectName("referral_from")
        self.date_to.setObjectName("referral_to")
        self.f_direction = self._filter_combo("filter_direction", self.tr("全部方向"), R.DIRECTIONS)
        self.f_partner = QComboBox()
        self.f_partner.setObjectName("filter_partner")
        self.f_state = self._filter_combo("filter_state", self.tr("全部状态"), R.STATES)
        filters = QHBoxLayout()
        for label, w in ((self.tr("转诊日期 从"), self.date_from), (self.tr("至"), self.date_to), (None, self.f_direction),
                         (None, self.f_partner), (None, self.f_state)):
            if label:
                filters.addWidget(QLabel(label))
            filters.addWidget(w)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self._load)
        for w in (self.f_direction, self.f_partner, self.f_state):
            w.currentIndexChanged.connect(self._load)
        filters.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("referral_count")
        filters.addWidget(self.count)
        # actions
        bar, self.buttons = button_bar(self, "referral", (
            ("up", self.tr("登记上转"), self.add_up), ("down", self.tr("登记下转/回转"), self.add_down),
            ("edit", self.tr("编辑"), self.edit), ("state", self.tr("变更状态"), self.change_state),
            ("return", self.tr("登记回转"), self.record_return), ("print", self.tr("打印转诊单"), self.print_slip),
            ("delete", self.tr("删除"), self.delete)))
        bar.addStretch(1)
        _, more = button_bar(self, "referral", (("indications", self.tr("转诊指征设置"), self.edit_indications),))
        bar.addWidget(more["indications"])
        self.buttons |= more
        # list and detail
        self.model = ReferralModel([
            (self.tr("转诊时间"), lambda r: r["referred_at"].replace("T", " ")), (self.tr("老人"), "resident_name"),
            (self.tr("方向"), lambda r: tr_enum(r["direction"])), (self.tr("状态"), lambda r: tr_enum(r["state"])),
            (self.tr("状态日期"), "state_date"), (self.tr("紧急程度"), lambda r: tr_enum(r["urgency"])),
            (self.tr("床位"), "bed"), (self.tr("医疗机构"), "partner_name", TEXT), (self.tr("科室"), "department"),
            (self.tr("住院天数"), self._days, COUNT),
            (self.tr("转诊指征"), lambda r: join_list(r["indications"]), TEXT)])
        self.table = record_table(self.model, "referral_table", max_width=200)
        self.table.doubleClicked.connect(self.edit)
        self.table.selectionModel().selectionChanged.connect(self._selected_changed)
        self.detail = detail_browser("referral_detail")
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([880, 300])
        list_tab = QWidget()
        lt = QVBoxLayout(list_tab)
        lt.addLayout(bar)
        lt.addWidget(split, 1)
        # per-month counts
        columns = [(self.tr("月份"), lambda r: tr_text(r["month"])), (self.tr("合计"), "total", COUNT)]
        columns += [(tr_enum(d), lambda r, d=d: r["by_direction"][d], COUNT) for d in R.DIRECTIONS]
        columns += [(tr_enum(s), lambda r, s=s: r["by_state"][s] or "", COUNT) for s in R.STATES]
        columns += [(self.tr("平均住院天数"), lambda r: r["avg_hospital_days"] if r["avg_hospital_days"] is not None else "—",
                     COUNT),
                    (self.tr("按医疗机构"), lambda r: join_list((f"{k} {v}" for k, v in sorted(r["by_partner"].items())),
                                                            "；"), TEXT)]
        self.stats_model = StatsModel(columns)
        self.stats_table = record_table(self.stats_model, "referral_stats", max_width=160)
        self.stats_stale = True
        stats_tab = QWidget()
        st = QVBoxLayout(stats_tab)
        note = QLabel(self.tr("按转诊日期所在月份统计；状态列是各条转诊目前的结果；平均住院天数只计已出院（回转）的转诊住院。"
                              "统计范围随上方筛选条件变化。"))
        note.setWordWrap(True)
        note.setStyleSheet(GREY)
        st.addWidget(self.stats_table, 1)
        st.addWidget(note)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("referral_tabs")
        self.tabs.addTab(list_tab, self.tr("转诊记录"))
        self.tabs.addTab(stats_tab, self.tr("月度统计"))
        self.stats_tab = stats_tab
        self.tabs.currentChanged.connect(lambda *_: self._load_stats())
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(self.reassess)
        lay.addLayout(filters)
        lay.addWidget(self.tabs, 1)

    def _filter_combo(self, name: str, everything: str, options) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(everything, None)
        for o in options:
            box.addItem(tr_enum(o), o)
        return box

    def _days(self, r: dict) -> str:
        if r["hospital_days"] is not None:
            return str(r["hospital_days"])
        if r["in_hospital_days"] is not None:
            return self.tr("住院中 {n}").format(n=r["in_hospital_days"])
        return ""

    # --- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.f_partner.currentData()
        self.f_partner.blockSignals(True)
        self.f_partner.clear()
        self.f_partner.addItem(self.tr("全部机构"), None)
        for p in P.list_partners(self.ctx):
            self.f_partner.addItem(p["name"], p["id"])
        self.f_partner.setCurrentIndex(max(0, self.f_partner.findData(current)))
        self.f_partner.blockSignals(False)
        due = F.returns_needing_reassessment(self.ctx)
        if due:
            names = join_list(self.tr("{name}（{d} 回转）").format(name=x["name"], d=x["due_from"]) for x in due[:8])
            more = self.tr(" 等 {n} 人").format(n=len(due)) if len(due) > 8 else ""
            self.reassess.setText(self.tr("回转后尚未重新评估，请尽快做即时评估：{names}{more}").format(names=names, more=more))
        self.reassess.setVisible(bool(due))
        self._load()

    def filters(self) -> dict:
        return {"start": self.date_from.value(), "end": self.date_to.value(), "direction": self.f_direction.currentData(),
                "partner_id": self.f_partner.currentData(), "state": self.f_state.currentData()}

    def _load(self, *_) -> None:
        keep = self.selected()
        f = self.filters()
        rows = F.list_referrals(self.ctx, **f)
        self.model.set_rows(rows)
        up = sum(1 for r in rows if r["direction"] == R.UP)
        self.count.setText(self.tr("共 {n} 条（上转 {up}，下转 {down}）").format(n=len(rows), up=up, down=len(rows) - up))
        self.stats_stale = True
        self._load_stats()
        if keep:
            self.select(keep["id"])
        self._selected_changed()

    def _load_stats(self) -> None:
        """The per-month counts, computed when their tab is shown (and again after a change of filters)."""
        if not self.stats_stale or self.tabs.currentWidget() is not self.stats_tab:
            return
        self.stats_stale = False
        stats = F.month_stats(self.ctx, with_total=True, **self.filters())
        self.stats_model.set_rows(list(reversed(stats[:-1])) + ([stats[-1]] if len(stats) > 1 else []))

    def selected(self) -> dict | None:
        from .common import ROW_ROLE
        idx = self.table.selectionModel().selectedRows()
        return self.model.data(idx[0], ROW_ROLE) if idx else None

    def select(self, referral_id: int) -> bool:
        return select_where(self.table, self.model, lambda r: r["id"] == referral_id)

    def _selected_changed(self, *_) -> None:
        r = self.selected()
        for k in ("edit", "state", "return", "print", "delete"):
            self.buttons[k].setEnabled(r is not None)
        if r is None:
            self.detail.setHtml(f"<p style='{GREY}'>" + html.escape(self.tr("选中一条转诊查看详情和经过。")) + "</p>")
            return
        nexts = R.next_states(r["direction"], r["state"])
        self.buttons["state"].setEnabled(any(s != R.RETURNED for s in nexts))
        self.buttons["return"].setEnabled(R.RETURNED in nexts or r["state"] == R.RETURNED)
        self.buttons["return"].setText(self.tr("修改回转") if r["state"] == R.RETURNED else self.tr("登记回转"))
        self.buttons["delete"].setEnabled(r["state"] == R.PENDING)
        self.detail.setHtml(self.detail_html(F.get_referral(self.ctx, r["id"])))

    def detail_html(self, r: dict) -> str:
        e = html.escape
        up = r["direction"] == R.UP
        head = self.tr("{name}　{direction}　{state}").format(name=r["resident_name"], direction=tr_enum(r["direction"]),
                                                             state=tr_enum(r["state"]))
        out = [f"<h3>{e(head)}</h3>"]
        rows = [(self.tr("转诊时间"), r["referred_at"].replace("T", " ") + "　" + tr_enum(r["urgency"])),
                (self.tr("医疗机构"), " ".join(x for x in (r["partner_name"], r["department"]) if x)),
                (self.tr("医院接诊医生") if up else self.tr("医院转诊医生"), r["receiving_doctor"] if up else r["referring_doctor"]),
                (self.tr("本院转诊医生") if up else self.tr("本院接诊医生"), r["referring_doctor"] if up else r["receiving_doctor"]),
                (self.tr("初步印象"), r["impression"]), (self.tr("主要现病史（转出原因）"), r["present_illness"]),
                (self.tr("主要既往史"), r["past_history"]), (self.tr("治疗经过"), r["treatment"]),
                (self.tr("转诊指征"), join_list(r["indications"] + ([r["indication_note"]] if r["indication_note"] else []))),
                (self.tr("转运/陪同"), " ".join(x for x in (r["transport"], r["escort"]) if x))]
        if r["referral_admission"]:
            stay = self.tr("{d} 起住院（转诊住院，医保起付线连续计算）").format(d=r["admitted_on"])
            if r["hospital_days"] is not None:
                stay += self.tr("，共 {n} 天").format(n=r["hospital_days"])
            rows.append((self.tr("住院"), stay))
        if r["returned_on"] or r["return_diagnosis"]:
            rows += [(self.tr("回转日期"), r["returned_on"]), (self.tr("诊断结果"), r["return_diagnosis"]),
                     (self.tr("住院病案号"), r["hospital_record_no"]), (self.tr("主要检查结果"), r["return_findings"]),
                     (self.tr("治疗经过、下一步治疗方案及康复建议"), r["return_advice"])]
        if r["closed_reason"]:
            rows.append((self.tr("原因"), r["closed_reason"]))
        out.append("<table cellspacing='0' cellpadding='2'>")
        out += [f"<tr><td style='{GREY}' valign='top' width='110'>{e(k)}</td><td>{e(v or '').replace(chr(10), '<br>')}</td></tr>"
                for k, v in rows if v]
        out.append("</table>")
        steps = self.tr("经过")
        out.append(f"<p style='margin-top:8px'><b>{e(steps)}</b></p><table cellspacing='0' cellpadding='2'>")
        for ev in r["events"]:
            extra = "：".join(x for x in (ev["reason"], ev["note"]) if x)
            out.append(f"<tr><td style='{GREY}'>{e(ev['event_date'])}</td><td>{e(tr_enum(ev['state']))}"
                       f"{'　' + e(extra) if extra else ''}</td></tr>")
        out.append("</table>")
        if r["reassessment_due_from"]:
            due = self.tr("{d} 回转，需做即时评估（在“能力评估”页新建，评估原因选“即时评估”）。").format(d=r["reassessment_due_from"])
            out.append(f"<p style='{GREY}'>{e(due)}</p>")
        return "".join(out)

    # --- actions --------------------------------------------------------------------------------------------
    def add_up(self) -> None:
        self._add(R.UP)

    def add_down(self) -> None:
        self._add(R.DOWN)

    def _add(self, direction: str) -> None:
        if not P.list_partners(self.ctx):
            QMessageBox.information(self, self.tr("登记转诊"), self.tr("请先在“医疗合作”页登记签约的医疗机构。"))
            return
        dlg = ReferralDialog(self.ctx, direction=direction, parent=self)
        if self.run_dialog(dlg):
            self.select(dlg.result_value)

    def edit(self, *_) -> None:
        if r := self.selected():
            self.run_dialog(ReferralDialog(self.ctx, r["id"], parent=self))

    def change_state(self) -> None:
        if r := self.selected():
            self.run_dialog(StateDialog(self.ctx, r["id"], parent=self))

    def record_return(self) -> None:
        r = self.selected()
        if r and self.run_dialog(ReturnDialog(self.ctx, r["id"], parent=self)) and r["state"] != R.RETURNED:
            self.show_reassessment_prompt(r["id"])

    def show_reassessment_prompt(self, referral_id: int) -> QMessageBox:
        """After a return: tell the user an immediate reassessment is due (non-blocking, the page stays usable)."""
        r = F.get_referral(self.ctx, referral_id)
        self.prompt = QMessageBox(QMessageBox.Information, self.tr("需要即时评估"), self.tr(
            "{name} 已于 {d} 回转。\n病情变化后请尽快做一次即时评估：在“能力评估”页选中这位老人，点“新建评估”，评估原因选“即时评估”。")
            .format(name=r["resident_name"], d=r["returned_on"]), QMessageBox.Ok, self)
        self.prompt.setObjectName("reassessment_prompt")
        self.prompt.open()
        return self.prompt

    def delete(self) -> None:
        r = self.selected()
        if r and QMessageBox.question(self, self.tr("删除转诊记录"), self.tr("确定删除 {name} {d} 的转诊记录？").format(
                name=r["resident_name"], d=r["referred_on"])) == QMessageBox.Yes:
            run_action(self, F.delete_referral, self.ctx, r["id"])
            self.changed.emit()
            self.refresh()

    def print_slip(self, *_, path: Path | None = None, preview: bool = True) -> Path | None:
        """Write the 双向转诊单 PDF (A4, stub and slip on one page) and show it here, with 打印 and 另存为."""
        r = self.selected()
        if r is None:
            return None
        from ..exports.referral_slip import write_referral_slip
        from ..services.accounts import record_export
        from ..services.exporting import exporting
        data = run_action(self, F.slip_data, self.ctx, r["id"])
        if data is None:
            return None
        if path is None:
            folder = data_dir() / "exports"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"双向转诊单-{r['resident_name']}-{r['referred_on']}-{r['id']}.pdf"
        try:
            with exporting(self.ctx, "双向转诊单", path):  # refused before the file exists if it cannot be recorded
                write_referral_slip(path, data)
        except ServiceError as e:
            QMessageBox.warning(self, self.tr("打印转诊单"), error_text(e))
            return None
        except OSError as e:
            QMessageBox.warning(self, self.tr("打印转诊单"), self.tr("无法写入文件 {path}：{err}").format(path=str(path), err=e.strerror))
            return None
        if preview:
            self.slip_preview = PdfPreviewDialog(
                path, self.tr("双向转诊单 — {name}").format(name=r["resident_name"]), self,
                on_saved_as=lambda copy: record_export(self.ctx, "双向转诊单", copy))
            self.slip_preview.exec()
        return path

    def edit_indications(self) -> None:
        self.run_dialog(IndicationsDialog(self.ctx, parent=self))
