"""医疗合作: partner medical institutions, cooperation agreements with their status and scans, and the visit log."""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox, QSplitter,
                               QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from ..domain import referrals as R
from ..services import partners as P
from ..services import visits as V
from ..services.compliance import compliance
from .common import (COUNT, ROW_ROLE, TEXT, DateField, RecordTableModel, join_list, record_table, run_action, select_where,
                     tr_enum, tr_text)
from .page import Page
from .partner_dialogs import AgreementDialog, PartnerDialog, TerminateDialog, VisitDialog, partner_combo

STATUS_COLOURS = {R.AG_ACTIVE: "#e6f4ea", R.AG_EXPIRING: "#fff3cd", R.AG_EXPIRED: "#eeeeee", R.AG_TERMINATED: "#eeeeee",
                  R.AG_NOT_YET: "#e8f0fe"}
GREY = "color:#57606a"


class StatusModel(RecordTableModel):
    """Rows tinted by an agreement status held in ``key``."""

    def __init__(self, columns, key: str, parent=None):
        super().__init__(columns, parent)
        self.key = key

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.BackgroundRole and index.isValid():
            colour = STATUS_COLOURS.get(self.rows[index.row()].get(self.key))
            return QBrush(QColor(colour)) if colour else None
        return super().data(index, role)


def button_bar(owner, prefix: str, specs) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    bar, buttons = QHBoxLayout(), {}
    for key, text, slot in specs:
        b = QPushButton(text)
        b.setObjectName(f"btn_{prefix}_{key}")
        b.clicked.connect(slot)
        bar.addWidget(b)
        buttons[key] = b
    return bar, buttons


def detail_browser(name: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setObjectName(name)
    view.setOpenLinks(False)
    return view


class PartnersPage(Page):
    """Three tabs under a header: the coverage summary and the compliance panel (the active policy profile's size
    rule for this home's bed count, checked against the records by ``services.compliance``)."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        heading = QLabel(self.tr("医疗合作"))
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("medical_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setStyleSheet("background: white; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px;")
        self.compliance_area = QVBoxLayout()
        self.compliance = QLabel()
        self.compliance.setObjectName("compliance_panel")
        self.compliance.setWordWrap(True)
        self.compliance.setTextFormat(Qt.RichText)
        self.compliance.setStyleSheet("background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px;")
        self.compliance_area.addWidget(self.compliance)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("medical_tabs")
        self.tabs.addTab(self._partners_tab(), self.tr("医疗机构"))
        self.tabs.addTab(self._agreements_tab(), self.tr("合作协议"))
        self.tabs.addTab(self._visits_tab(), self.tr("巡诊记录"))
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(self.summary)
        lay.addLayout(self.compliance_area)
        lay.addWidget(self.tabs, 1)

    # --- building -------------------------------------------------------------------------------------------
    def _partners_tab(self) -> QWidget:
        w = QWidget()
        bar, self.partner_buttons = button_bar(self, "partner", (
            ("add", self.tr("新增机构"), self.add_partner), ("edit", self.tr("编辑"), self.edit_partner),
            ("agreement", self.tr("为其新增协议"), self.add_agreement_for_partner),
            ("delete", self.tr("删除"), self.delete_partner)))
        bar.addStretch(1)
        self.partner_model = StatusModel([
            (self.tr("机构名称"), "name", TEXT), (self.tr("类别"), lambda r: tr_enum(r["kind"])),
            (self.tr("等级"), lambda r: tr_enum(r["level"])),
            (self.tr("医保定点"), lambda r: self.tr("是") if r["insurance_designated"] else self.tr("否")),
            (self.tr("协议状态"), lambda r: tr_enum(r["agreement_status"]) if r["agreement_status"] else self.tr("未签协议")),
            (self.tr("距离/车程"), self._distance), (self.tr("协议数"), "agreement_count", COUNT)], "agreement_status")
        self.partner_table = record_table(self.partner_model, "partner_table")
        self.partner_table.doubleClicked.connect(self.edit_partner)
        self.partner_table.selectionModel().selectionChanged.connect(self._partner_selected)
        self.partner_detail = detail_browser("partner_detail")
        split = QSplitter()
        split.addWidget(self.partner_table)
        split.addWidget(self.partner_detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([820, 360])
        lay = QVBoxLayout(w)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        return w

    def _agreements_tab(self) -> QWidget:
        w = QWidget()
        bar, self.agreement_buttons = button_bar(self, "agreement", (
            ("add", self.tr("新增协议"), self.add_agreement), ("edit", self.tr("编辑"), self.edit_agreement),
            ("renew", self.tr("续签"), self.renew_agreement), ("terminate", self.tr("终止"), self.terminate_agreement),
            ("scan", self.tr("添加扫描件"), self.add_scan)))
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("到期前提醒")))
        self.warning_days = QSpinBox()
        self.warning_days.setObjectName("expiry_warning_days")
        self.warning_days.setRange(0, 365)
        self.warning_days.setSuffix(self.tr(" 天"))
        self.warning_days.editingFinished.connect(self._warning_days_changed)
        bar.addWidget(self.warning_days)
        self.agreement_model = StatusModel([
            (self.tr("医疗机构"), "partner_name"), (self.tr("协议编号"), "number"), (self.tr("签订日期"), "signed_date"),
            (self.tr("有效期"), lambda r: f"{r['valid_from']} — {r['valid_to']}"), (self.tr("状态"), self._status_text),
            (self.tr("扫描件"), lambda r: str(r["file_count"]) if r["file_count"] else "—"),
            (self.tr("合作服务"), lambda r: join_list(tr_enum(s) for s in r["services"]), TEXT)], "status")
        self.agreement_table = record_table(self.agreement_model, "agreement_table")
        self.agreement_table.doubleClicked.connect(self.edit_agreement)
        self.agreement_table.selectionModel().selectionChanged.connect(self._agreement_selected)
        self.agreement_detail = detail_browser("agreement_detail")
        self.agreement_detail.anchorClicked.connect(self._open_link)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.agreement_table)
        split.addWidget(self.agreement_detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(w)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        return w

    def _visits_tab(self) -> QWidget:
        w = QWidget()
        bar, self.visit_buttons = button_bar(self, "visit", (
            ("add", self.tr("登记巡诊"), self.add_visit), ("edit", self.tr("编辑"), self.edit_visit),
            ("delete", self.tr("删除"), self.delete_visit)))
        bar.addSpacing(16)
        today = self.ctx.today()
        self.visit_from = DateField(optional=False, value=today.replace(day=1) - dt.timedelta(days=334))
        self.visit_to = DateField(optional=False, value=today)
        self.visit_from.setObjectName("visit_from")
        self.visit_to.setObjectName("visit_to")
        self.visit_partner = partner_combo(self.ctx)
        self.visit_partner.setItemText(0, self.tr("全部机构"))
        for label, widget in ((self.tr("从"), self.visit_from), (self.tr("至"), self.visit_to), (None, self.visit_partner)):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(widget)
            (widget.dateChanged if isinstance(widget, DateField) else widget.currentIndexChanged).connect(self._load_visits)
        bar.addStretch(1)
        self.visit_model = RecordTableModel([
            (self.tr("日期"), "visit_date"), (self.tr("医疗机构"), "partner_name"), (self.tr("医生"), "doctor"),
            (self.tr("人数"), "seen", COUNT), (self.tr("巡诊老人"), "resident_names", TEXT), (self.tr("情况"), "notes", TEXT)])
        self.visit_table = record_table(self.visit_model, "visit_table")
        self.visit_table.doubleClicked.connect(self.edit_visit)
        self.visit_table.selectionModel().selectionChanged.connect(self._visit_selected)
        self.month_model = RecordTableModel([(self.tr("月份"), "month"), (self.tr("巡诊次数"), "visits", COUNT),
                                             (self.tr("巡诊人次"), "resident_times", COUNT)])
        self.month_table = record_table(self.month_model, "visit_months")
        split = QSplitter()
        split.addWidget(self.visit_table)
        split.addWidget(self.month_table)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(w)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        return w

    def _distance(self, r: dict) -> str:
        parts = []
        if r["distance_km"]:
            parts.append(self.tr("{km} 公里").format(km=r["distance_km"]))
        if r["travel_minutes"]:
            parts.append(self.tr("{m} 分钟").format(m=r["travel_minutes"]))
        return " / ".join(parts)

    def _status_text(self, a: dict) -> str:
        text = tr_enum(a["status"])
        if a["status"] == R.AG_EXPIRING:
            text += self.tr("（还有 {n} 天）").format(n=a["days_left"] + 1)
        if a.get("renewed_by_id"):
            text += self.tr("，已续签")
        return text

    # --- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.warning_days.setValue(P.expiry_warning_days(self.ctx))
        keep_p, keep_a = self._selected(self.partner_table), self._selected(self.agreement_table)
        self.partner_model.set_rows(P.list_partners(self.ctx))
        self.agreement_model.set_rows(P.list_agreements(self.ctx))
        self._reload_partner_filter()
        self._load_visits()
        self._select(self.partner_table, keep_p)
        self._select(self.agreement_table, keep_a)
        self._show_summary()
        self._partner_selected()
        self._agreement_selected()

    def _reload_partner_filter(self) -> None:
        current = self.visit_partner.currentData()
        self.visit_partner.blockSignals(True)
        self.visit_partner.clear()
        self.visit_partner.addItem(self.tr("全部机构"), None)
        for p in P.list_partners(self.ctx):
            self.visit_partner.addItem(p["name"], p["id"])
        self.visit_partner.setCurrentIndex(max(0, self.visit_partner.findData(current)))
        self.visit_partner.blockSignals(False)

    def _load_visits(self, *_) -> None:
        start, end, pid = self.visit_from.value(), self.visit_to.value(), self.visit_partner.currentData()
        keep = self._selected(self.visit_table)
        self.visit_model.set_rows(V.list_visits(self.ctx, start, end, pid))
        self.month_model.set_rows(list(reversed(V.visit_month_counts(self.ctx, start, end))))
        self._select(self.visit_table, keep)
        self._visit_selected()

    def _show_summary(self) -> None:
        s = P.coverage_summary(self.ctx)
        e = html.escape
        if not s["partners_signed"]:
            text = "<span style='color:#c0392b'>" + e(self.tr("目前没有生效的合作协议。政策要求养老机构与医疗机构签约合作，"
                                                              "请先“新增机构”，再“新增协议”。")) + "</span>"
        else:
            text = e(self.tr("{date} 生效协议 {n} 份，签约医疗机构：{names}。近30天巡诊 {v} 次（协议约定约 {a} 次）。").format(
                date=s["date"], n=s["agreements_in_force"], names=join_list(s["partners_signed"]),
                v=s["visits_last_30_days"], a=s["agreed_visits_per_30_days"]))
            if not s["has_referral_agreement"]:
                text += " " + e(self.tr("生效协议中没有约定“双向转诊”。"))
        self.summary.setText(text)
        self._show_compliance()

    def _show_compliance(self) -> None:
        c = compliance(self.ctx)
        e = html.escape
        marks = {"ok": ("✔", "#2e7d32"), "missing": ("✘", "#c0392b"), "warn": ("⚠", "#8a5a00"), "info": ("•", "#57606a")}
        rule = c["rule"]
        if rule:
            upper = rule["max_beds"] or ""
            if not upper:
                band = self.tr("{low}张及以上").format(low=rule["min_beds"])
            elif not rule["min_beds"]:
                band = self.tr("不足{high}张").format(high=upper)
            else:
                band = self.tr("{low}张至不足{high}张").format(low=rule["min_beds"], high=upper)
            head = self.tr("按“{profile}”，本机构{beds}张床位属于{band}一档：{req}").format(
                profile=c["profile"]["title"], beds=c["beds"], band=band, req=rule["requirement"])
        else:
            head = self.tr("当前政策配置“{profile}”没有按床位数规定医疗能力要求（可在“申报 → 政策配置”中选择，如湛江、鹤城区）。").format(
                profile=c["profile"]["title"])
        lines = [f"<b>{e(head)}</b>"]
        for i in c["items"]:
            mark, color = marks[i["state"]]
            lines.append(f"<span style='color:{color}'>{mark} {e(tr_text(i['name']))}：{e(tr_text(i['detail']))}</span>")
        self.compliance.setText("<br>".join(lines))

    @staticmethod
    def _selected(table) -> dict | None:
        idx = table.selectionModel().selectedRows()
        return table.model().data(idx[0], ROW_ROLE) if idx else None

    @staticmethod
    def _select(table, row: dict | None, key: str = "id") -> None:
        if row is not None:
            select_where(table, table.model(), lambda r: r[key] == row[key])

    def _partner_selected(self, *_) -> None:
        p = self._selected(self.partner_table)
        for k in ("edit", "agreement", "delete"):
            self.partner_buttons[k].setEnabled(p is not None)
        if p is None:
            self.partner_detail.setHtml(f"<p style='{GREY}'>" + html.escape(self.tr("选中一家医疗机构查看联系人与协议。")) + "</p>")
            return
        e = html.escape
        out = [f"<h3>{e(p['name'])}</h3><p>{e(tr_enum(p['kind']))} · {e(tr_enum(p['level']))}"
               + (" · " + e(self.tr("医保定点")) if p["insurance_designated"] else "") + "</p>"]
        if p["address"] or p["phone"]:
            out.append(f"<p>{e(p['address'] or '')} {e(p['phone'] or '')}</p>")
        contacts_head, agreements_head, none = self.tr("联系人"), self.tr("合作协议"), self.tr("未登记")
        out.append(f"<p><b>{e(contacts_head)}</b><br>" + ("<br>".join(
            e(" ".join(x for x in (c["name"], c["role"] and f"（{c['role']}）", c["phone"]) if x)) for c in p["contacts"])
            or e(none)) + "</p>")
        out.append(f"<p><b>{e(agreements_head)}</b></p><ul>")
        for a in P.list_agreements(self.ctx, partner_id=p["id"]):
            out.append(f"<li>{e(a['valid_from'])} — {e(a['valid_to'])}：{e(self._status_text(a))}</li>")
        out.append("</ul>")
        if p["note"]:
            out.append(f"<p>{e(p['note'])}</p>")
        self.partner_detail.setHtml("".join(out))

    def _agreement_selected(self, *_) -> None:
        a = self._selected(self.agreement_table)
        for k in ("edit", "renew", "terminate", "scan"):
            self.agreement_buttons[k].setEnabled(a is not None)
        if a is not None:
            self.agreement_buttons["renew"].setEnabled(not a["renewed_by_id"] and not a["terminated_on"])
            self.agreement_buttons["terminate"].setEnabled(not a["terminated_on"] and a["status"] != R.AG_EXPIRED)
        if a is None:
            self.agreement_detail.setHtml(f"<p style='{GREY}'>" + html.escape(self.tr("选中一份协议查看服务、费用、责任和扫描件。")) + "</p>")
            return
        self.agreement_detail.setHtml(self.agreement_html(P.get_agreement(self.ctx, a["id"])))

    def agreement_html(self, a: dict) -> str:
        e = html.escape
        dates = self.tr("签订 {s}，有效期 {a} 至 {b}").format(s=a["signed_date"], a=a["valid_from"], b=a["valid_to"])
        out = [f"<h3>{e(a['partner_name'])} {e(a['number'] or '')}</h3>",
               f"<p>{e(dates)} — <b>{e(self._status_text(a))}</b></p>"]
        if a["terminated_on"]:
            ended = self.tr("{d} 终止：{r}").format(d=a["terminated_on"], r=a["termination_reason"])
            out.append(f"<p>{e(ended)}</p>")
        services = []
        for s in a["services"]:
            extra = []
            if s["frequency"]:
                extra.append(self.tr("{f}{n}次").format(f=tr_enum(s["frequency"]), n=s["times"] or 1))
            if s["response_minutes"]:
                extra.append(self.tr("{m}分钟内响应").format(m=s["response_minutes"]))
            if s["detail"]:
                extra.append(s["detail"])
            services.append(e(tr_enum(s["service"])) + (f"（{e('，'.join(extra))}）" if extra else ""))
        services_head, fees_head, yuan = self.tr("合作服务"), self.tr("费用"), self.tr("{amount} 元")
        out.append(f"<p><b>{e(services_head)}</b>：" + join_list(services) + "</p>")
        if a["fees"]:
            rows = "".join(f"<tr><td>{e(f['item'])}</td><td>{e(tr_enum(f['payer']))}</td><td>{e(tr_enum(f['basis']))}</td>"
                           f"<td>{e(yuan.format(amount=f['amount']) if f['amount'] else '')}</td>"
                           f"<td>{e(f['note'] or '')}</td></tr>" for f in a["fees"])
            out.append(f"<p><b>{e(fees_head)}</b></p><table cellpadding='3' border='0'>{rows}</table>")
        for key, label in (("our_duties", self.tr("养老机构责任")), ("partner_duties", self.tr("医疗机构责任"))):
            if a[key]:
                out.append(f"<p><b>{e(label)}</b>：{e(a[key])}</p>")
        files = "".join(f"<li><a href='scan:{f['id']}'>{e(f['original_name'])}</a> <span style='{GREY}'>"
                        f"（{e(f['added_at'][:10] if f['added_at'] else '')}）</span></li>" for f in a["files"])
        scans_head, no_scans = self.tr("协议扫描件"), self.tr("尚未添加，可点“添加扫描件”。")
        out.append(f"<p><b>{e(scans_head)}</b></p>" + (f"<ul>{files}</ul>" if files else f"<p style='{GREY}'>{e(no_scans)}</p>"))
        return "".join(out)

    def _visit_selected(self, *_) -> None:
        v = self._selected(self.visit_table)
        self.visit_buttons["edit"].setEnabled(v is not None)
        self.visit_buttons["delete"].setEnabled(v is not None)

    def _warning_days_changed(self) -> None:
        if self.warning_days.value() != P.expiry_warning_days(self.ctx):
            run_action(self, P.set_expiry_warning_days, self.ctx, self.warning_days.value())
            self.changed.emit()
            self.refresh()

    # --- actions --------------------------------------------------------------------------------------------
    def add_partner(self) -> None:
        self.run_dialog(PartnerDialog(self.ctx, parent=self))

    def edit_partner(self, *_) -> None:
        if p := self._selected(self.partner_table):
            self.run_dialog(PartnerDialog(self.ctx, p["id"], parent=self))

    def delete_partner(self) -> None:
        p = self._selected(self.partner_table)
        if p and QMessageBox.question(self, self.tr("删除医疗机构"), self.tr("确定删除“{name}”？").format(name=p["name"])) \
                == QMessageBox.Yes:
            run_action(self, P.delete_partner, self.ctx, p["id"])
            if not any(r["id"] == p["id"] for r in P.list_partners(self.ctx)):
                self.changed.emit()
            self.refresh()

    def add_agreement(self) -> None:
        self.run_dialog(AgreementDialog(self.ctx, parent=self))

    def add_agreement_for_partner(self) -> None:
        if p := self._selected(self.partner_table):
            if self.run_dialog(AgreementDialog(self.ctx, partner_id=p["id"], parent=self)):
                self.tabs.setCurrentIndex(1)

    def edit_agreement(self, *_) -> None:
        if a := self._selected(self.agreement_table):
            self.run_dialog(AgreementDialog(self.ctx, a["id"], parent=self))

    def renew_agreement(self) -> None:
        if a := self._selected(self.agreement_table):
            self.run_dialog(AgreementDialog(self.ctx, renew_of=a["id"], parent=self))

    def terminate_agreement(self) -> None:
        if a := self._selected(self.agreement_table):
            self.run_dialog(TerminateDialog(self.ctx, a["id"], parent=self))

    def add_scan(self, *_, path: str | None = None) -> None:
        a = self._selected(self.agreement_table)
        if a is None:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择协议扫描件"), str(Path.home()),
                                                  self.tr("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;所有文件 (*)"))
        if path and run_action(self, P.add_agreement_scan, self.ctx, a["id"], path) is not None:
            self.changed.emit()
            self.refresh()

    def _open_link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("scan:"):
            self.open_scan(int(text[5:]))

    def open_scan(self, file_id: int) -> str | None:
        """Open the stored copy with the system viewer after checking its hash; warn when it changed or is gone."""
        found = run_action(self, P.scan_file, self.ctx, file_id)
        if found is None:
            return None
        path, state = found
        if state == P.SCAN_MISSING:
            QMessageBox.warning(self, self.tr("打开扫描件"), self.tr("找不到扫描件文件：{path}\n文件可能被移动或删除，请重新添加。")
                                .format(path=str(path)))
            return state
        if state == P.SCAN_CHANGED and QMessageBox.warning(
                self, self.tr("打开扫描件"), self.tr("扫描件文件在添加后被改动过（校验值不一致），内容可能已不是签署的原件。仍要打开吗？"),
                QMessageBox.Open | QMessageBox.Cancel) != QMessageBox.Open:
            return state
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return state

    def add_visit(self) -> None:
        self.run_dialog(VisitDialog(self.ctx, parent=self))

    def edit_visit(self, *_) -> None:
        if v := self._selected(self.visit_table):
            self.run_dialog(VisitDialog(self.ctx, v["id"], parent=self))

    def delete_visit(self) -> None:
        v = self._selected(self.visit_table)
        if v and QMessageBox.question(self, self.tr("删除巡诊记录"), self.tr("确定删除 {d} 的巡诊记录？").format(d=v["visit_date"])) \
                == QMessageBox.Yes:
            run_action(self, V.delete_visit, self.ctx, v["id"])
            self.changed.emit()
            self.refresh()
