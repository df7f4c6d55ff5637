"""The health section of the resident detail panel: the current health file and its earlier versions, the yearly
checks with whether the result was given in time, the next check due, and the 长护险 levels with their validity;
and the buttons under the panel that open their dialogs."""
from __future__ import annotations

import datetime as dt
from html import escape as e

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..domain import health as H
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..services import health as HS
from ..services import ltc as LS
from .common import tr_enum, tr_text

GREY = "color:#57606a"
RED = "color:#c0392b"
C = "ResidentHealth"
FILE_ROWS = (("chronic_conditions", N_("ResidentHealth", "慢性病")), ("past_illnesses", N_("ResidentHealth", "既往史")),
             ("allergies", N_("ResidentHealth", "过敏史")), ("contraindicated_drugs", N_("ResidentHealth", "禁忌药物")),
             ("diet_restrictions", N_("ResidentHealth", "饮食禁忌")))


def _t(text: str) -> str:
    """A marked string in the reader's language (before any ``.format``)."""
    return QCoreApplication.translate(C, str(text))


def _head(text: str) -> str:
    return f"<p style='margin-top:10px'><b>{e(_t(text))}</b></p>"


def _p(text: str, style: str = GREY) -> str:
    return f"<p style='{style}'>{e(text)}</p>"


def _file_html(ctx, resident_id: int) -> list[str]:
    history = HS.health_file_history(ctx, resident_id)
    out = [_head(N_("ResidentHealth", "健康档案"))]
    if not history:
        return out + [_p(_t(N_("ResidentHealth", "尚未建立健康档案，请点“健康档案…”填写。")))]
    cur = history[0]
    rows = [(_t(label), cur[key]) for key, label in FILE_ROWS]
    doctor = cur["family_doctor"] or ""
    if doctor and cur["family_doctor_since"]:
        doctor = _t(N_("ResidentHealth", "{doctor}（{since} 起）")).format(doctor=doctor, since=cur["family_doctor_since"])
    rows += [(_t(N_("ResidentHealth", "家庭医生")), doctor), (_t(N_("ResidentHealth", "签约医疗机构")), cur["partner_name"])]
    out.append("<table cellspacing='0' cellpadding='2'>")
    out += [f"<tr><td style='{GREY}'>{e(k)}</td><td>{e(v or '—')}</td></tr>" for k, v in rows]
    out.append("</table>")
    versions = _t(N_("ResidentHealth", "{date} 记录，共 {n} 个版本")).format(date=cur["recorded_on"], n=len(history))
    if len(history) > 1:
        versions += _t(N_("ResidentHealth", "；以前的版本：")) + "、".join(h["recorded_on"] for h in history[1:])
    return out + [_p(versions)]


def _checks_html(ctx, resident_id: int, birth: dt.date, today: dt.date) -> list[str]:
    checks = HS.list_checks(ctx, resident_id=resident_id)
    out = [_head(N_("ResidentHealth", "年度体检"))]
    last = dt.date.fromisoformat(checks[0]["check_date"]) if checks else None
    if H.aged_for_check(birth, today):
        if H.check_due(birth, last, today):
            out.append(_p(_t(N_("ResidentHealth", "体检已到期（年满65周岁，12个月内没有体检）")), RED))
        else:
            out.append(_p(_t(N_("ResidentHealth", "下次体检：{d} 前")).format(d=H.next_check_due(last).isoformat())))
    if not checks:
        return out + [_p(_t(N_("ResidentHealth", "尚无体检记录。")))]
    items = []
    for c in checks:
        d = dt.date.fromisoformat(c["check_date"])
        fb = dt.date.fromisoformat(c["feedback_date"]) if c["feedback_date"] else None
        state = H.feedback_state(d, fb, today)
        colour = RED if state in (H.FEEDBACK_OVERDUE, H.FEEDBACK_LATE) else GREY
        told = ""
        if fb:
            told = _t(N_("ResidentHealth", "{d} 告知{who}")).format(d=c["feedback_date"], who=tr_enum(c["feedback_to"]))
        reports = _t(N_("ResidentHealth", "，报告 {n} 份")).format(n=len(c["reports"])) if c["reports"] else ""
        items.append(f"<li>{e(c['check_date'])} {e(c['provider'])}{e(reports)}<br>{e(c['findings'])}"
                     f"<br><span style='{colour}'>{e(tr_text(state))}{e('：' + told if told else '')}</span></li>")
    return out + ["<ul style='margin-top:0'>" + "".join(items) + "</ul>"]


def _levels_html(ctx, resident_id: int, insured: bool, today: dt.date) -> list[str]:
    levels = LS.levels_of(ctx, resident_id)
    out = [_head(N_("ResidentHealth", "长护险等级"))]
    if not levels:
        return out + [_p(_t(N_("ResidentHealth", "已参加长护险，尚未登记等级。")) if insured else _t(N_("ResidentHealth", "未登记。")))]
    items = []
    for lv in levels:
        start, end = dt.date.fromisoformat(lv["valid_from"]), dt.date.fromisoformat(lv["valid_to"])
        if start <= today <= end:
            left = (end - today).days
            state = _t(N_("ResidentHealth", "有效，还剩 {n} 天")).format(n=left)
            colour = RED if left <= LS.WARN_DAYS[0] else GREY
        else:
            state, colour = (_t(N_("ResidentHealth", "已结束")) if end < today else _t(N_("ResidentHealth", "未生效"))), GREY
        cert = f"（{lv['certificate_no']}）" if lv["certificate_no"] else ""
        items.append(f"<li>{e(lv['level'])} {e(lv['valid_from'])} — {e(lv['valid_to'])}"
                     f"<br><span style='{GREY}'>{e(lv['insured_place'] + cert)}</span> "
                     f"<span style='{colour}'>{e(state)}</span></li>")
    return out + ["<ul style='margin-top:0'>" + "".join(items) + "</ul>"]


def health_html(ctx, resident: dict, today: dt.date) -> str:
    """The section for ``resident`` (a row of ``services.residents.get_resident``)."""
    birth = dt.date.fromisoformat(resident["birth_date"])
    head = _t(N_("ResidentHealth", "健康管理"))
    return "".join([f"<h3>{e(head)}</h3>", *_file_html(ctx, resident["id"]),
                    *_checks_html(ctx, resident["id"], birth, today),
                    *_levels_html(ctx, resident["id"], bool(resident["ltc_insurance"]), today)])


class HealthButtons(QWidget):
    """健康档案… 登记体检… 长护险等级… under the detail panel of the residents page, for the selected resident."""

    def __init__(self, page):
        super().__init__(page)
        from .health_dialogs import CheckDialog, HealthFileDialog, LevelDialog
        self.page = page
        self.buttons = {}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for key, label, dialog in (("health_file", self.tr("健康档案…"), HealthFileDialog),
                                   ("check", self.tr("登记体检…"), CheckDialog),
                                   ("level", self.tr("长护险等级…"), LevelDialog)):
            b = QPushButton(label)
            b.setObjectName(f"btn_{key}")
            b.clicked.connect(lambda _=False, d=dialog: self.open(d))
            lay.addWidget(b)
            self.buttons[key] = b

    def beside(self, detail: QWidget) -> QWidget:
        """The detail panel with these buttons under it."""
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(detail, 1)
        col.addWidget(self)
        return box

    def set_enabled(self, on: bool) -> None:
        for b in self.buttons.values():
            b.setEnabled(on)

    def open(self, dialog) -> None:
        r = self.page.selected()
        if r is not None and self.page.run_dialog(dialog(self.page.ctx, r["id"], name=r["name"], parent=self.page)):
            self.page.select(r["id"])
