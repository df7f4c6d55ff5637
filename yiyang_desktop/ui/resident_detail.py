"""The resident detail panel: who the person is, whom to call, and every stay as a dated timeline."""
from __future__ import annotations

import datetime as dt
from html import escape as e

from PySide6.QtWidgets import QTextBrowser

from ..domain.ids import age_on
from ..services.accounts import mask_id, mask_phone, shown_id, shown_phone
from .common import hukou_text, join_list, tr_enum

GREY = "color:#666"


class ResidentDetail(QTextBrowser):
    """Read-only panel beside the residents table."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("resident_detail")
        self.setOpenLinks(False)

    def show_message(self, text: str) -> None:
        self.setHtml(f"<p style='{GREY}'>{e(text)}</p>")

    def show_resident(self, p: dict, today: dt.date, extra_html: str = "", ctx=None) -> None:
        """The resident's facts and stays, then ``extra_html`` (the assessment history and grade trend). ID number
        and phones are shown in full only when ``ctx``'s role may see them (masked without a ``ctx``)."""
        self.setHtml(self.resident_html(p, today, ctx) + (f"<hr>{extra_html}" if extra_html else ""))

    def stay_events(self, stay: dict) -> list[tuple[str, str]]:
        """(date, what happened) for one stay in date order: admission, bed moves, leaves, discharge."""
        events: list[tuple[str, int, str]] = []
        for i, b in enumerate(stay["beds"]):
            text = (self.tr("入住 {bed}") if i == 0 else self.tr("换床到 {bed}")).format(bed=b["label"])
            events.append((b["start_date"], 0 if i == 0 else 1, text))
        for lv in stay["leaves"]:
            dest = "（" + lv["destination"] + "）" if lv["destination"] else ""
            until = self.tr("{d} 返回").format(d=lv["end_date"]) if lv["end_date"] else self.tr("尚未返回")
            text = self.tr("{kind}{dest}，{until}").format(kind=tr_enum(lv["kind"]), dest=dest, until=until)
            events.append((lv["start_date"], 1, text))
        if stay["discharge_date"]:
            note = "：" + stay["discharge_note"] if stay.get("discharge_note") else ""
            text = self.tr("出院（{reason}）{note}").format(reason=tr_enum(stay["discharge_reason"]), note=note)
            events.append((stay["discharge_date"], 2, text))
        return [(d, text) for d, _, text in sorted(events, key=lambda x: (x[0], x[1]))]

    def resident_html(self, p: dict, today: dt.date, ctx=None) -> str:
        """HTML from ``services.residents.get_resident``."""
        id_text = (lambda t: shown_id(ctx, t)) if ctx is not None else mask_id
        phone_text = (lambda t: shown_phone(ctx, t)) if ctx is not None else mask_phone
        birth = dt.date.fromisoformat(p["birth_date"])
        hukou = hukou_text(p["hukou_local"])
        info = [
            (self.tr("性别/年龄"), self.tr("{sex}，{age}岁（{birth}）").format(
                sex=tr_enum(p["sex"]), age=age_on(birth, today), birth=p["birth_date"])),
            (self.tr("身份证号"), id_text(p["id_number"])),
            (self.tr("户籍"), hukou + (" " + p["hukou_address"] if p["hukou_address"] else "")),
            (self.tr("人员类别"), join_list(tr_enum(c) for c in p["categories"]) or "—"),
            (self.tr("医疗保险"), tr_enum(p["medical_insurance"]) or "—"),
            (self.tr("长护险"), self.tr("已参加") if p["ltc_insurance"] else self.tr("未参加")),
            (self.tr("本人电话"), phone_text(p["phone"]) or "—"),
        ]
        out = [f"<h3 style='margin-bottom:4px'>{e(p['name'])}</h3><table cellspacing='0' cellpadding='2'>"]
        out += [f"<tr><td style='{GREY}'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in info]
        out.append("</table>")
        contacts_head, stays_head, note_head = self.tr("紧急联系人"), self.tr("入住记录"), self.tr("备注")
        no_contacts, no_stays = self.tr("未登记，请点“编辑”补上"), self.tr("尚未入住。")
        out.append(f"<p style='margin-top:10px'><b>{e(contacts_head)}</b></p>")
        if p["contacts"]:
            items = []
            for c in p["contacts"]:
                rel = "（" + c["relation"] + "）" if c["relation"] else ""
                items.append(f"<li>{e((c['name'] or '') + rel + ' ' + phone_text(c['phone']))}</li>")
            out.append("<ul style='margin-top:0'>" + "".join(items) + "</ul>")
        else:
            out.append(f"<p style='color:#c0392b'>{e(no_contacts)}</p>")
        out.append(f"<p style='margin-top:10px'><b>{e(stays_head)}</b></p>")
        if not p["stays"]:
            out.append(f"<p>{e(no_stays)}</p>")
        for n, s in reversed(list(enumerate(p["stays"], 1))):
            head = self.tr("第 {n} 次：{a} — {b}").format(n=n, a=s["admission_date"], b=s["discharge_date"] or self.tr("至今"))
            out.append(f"<p style='margin-bottom:2px'>{e(head)}</p>")
            out.append("<table cellspacing='0' cellpadding='2' style='margin-left:12px'>")
            out += [f"<tr><td style='{GREY}'>{e(d)}</td><td>{e(text)}</td></tr>" for d, text in self.stay_events(s)]
            out.append("</table>")
        if p["note"]:
            out.append(f"<p><b>{e(note_head)}</b><br>{e(p['note'])}</p>")
        return "".join(out)
