"""The national 双向转诊单 on A4: the 存根 at the top, a dashed cut line, the 转出单 below (and likewise the
回转 stub and 回转单 on a second page when the record has a return). Filled from ``services.referrals.slip_data``.

Long texts wrap (reportlab Paragraphs) and a part that would still overflow its half is shrunk to fit.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from .pdf_fonts import para, register
from .pdf_pages import page_label

UP = "上转"


def _u(value, width: int = 8) -> str:
    """A filled-in blank: the value underlined, or an empty underlined blank of ``width`` characters."""
    text = escape(str(value)) if value not in (None, "") else "&nbsp;" * (width * 2)
    return f"<u>&nbsp;{text}&nbsp;</u>"


def _date_parts(d: dt.date | dt.datetime | None) -> str:
    if d is None:
        return f"{_u('', 3)}年{_u('', 2)}月{_u('', 2)}日"
    return f"{_u(d.year)}年{_u(d.month)}月{_u(d.day)}日"


def _multiline(text: str) -> str:
    return escape(text).replace("\n", "<br/>") if text else ""


def _chinese_line_breaks() -> None:
    """reportlab's CJK wrapping keeps listed marks from starting a line; add the full-width Chinese ones it lacks."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph
    for module in (textsplit, paragraph):  # one-fragment paragraphs wrap in textsplit, others in paragraph
        missing = "".join(ch for ch in "，；：！？）》”’" if ch not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


class _Styles:
    def __init__(self):
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle
        font = register()
        _chinese_line_breaks()
        self.body = ParagraphStyle("body", fontName=font, fontSize=11, leading=19, wordWrap="CJK")
        self.title = ParagraphStyle("title", parent=self.body, fontSize=17, leading=26, alignment=1, spaceAfter=6)
        self.right = ParagraphStyle("right", parent=self.body, alignment=2)
        self.section = ParagraphStyle("section", parent=self.body, spaceBefore=3)
        self.text = ParagraphStyle("text", parent=self.body, fontSize=10.5, leading=16, leftIndent=21)
        self.indent = ParagraphStyle("indent", parent=self.body, firstLineIndent=22)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10, textColor=colors.HexColor("#777777"))


def _patient_line(d: dict, number_label: str, number: str) -> str:
    return (f"患者姓名{_u(d['name'], 4)}　性别{_u(d['sex'], 1)}　年龄{_u(d['age'], 2)}　"
            f"{number_label}{_u(number, 6)}")


def _address_lines(d: dict, st: _Styles) -> list:
    return [para(f"家庭住址{_u(d['address'], 16)}", st.body), para(f"联系电话{_u(d['phone'], 8)}", st.body)]


def _section(st: _Styles, label: str, text: str) -> list:
    out = [para(f"<b>{escape(label)}：</b>", st.section)]
    if text:
        out.append(para(_multiline(text), st.text))
    else:
        out.append(para("&nbsp;", st.text))
    return out


def out_stub(d: dict, st: _Styles) -> list:
    from reportlab.platypus import Spacer
    when = d["referred_at"]
    return [
        para("存　根", st.title),
        para(_patient_line(d, "档案编号", d["record_no"]), st.body),
        *_address_lines(d, st),
        para(f"于{_date_parts(when)}因病情需要，转入{_u(d['partner'], 8)}单位{_u(d['department'], 4)}科室"
                  f"{_u(d['receiving_doctor'], 4)}接诊医生。", st.indent),
        Spacer(1, 8),
        para(f"转诊医生（签字）：{_u(d['referring_doctor'], 5)}", st.right),
        para(_date_parts(when.date()), st.right),
    ]


def out_slip(d: dict, st: _Styles) -> list:
    from reportlab.platypus import Spacer
    when = d["referred_at"]
    story = [
        para("双向转诊（转出）单", st.title),
        para(f"{_u(d['partner'], 10)}（机构名称）：", st.body),
        para(f"现有患者{_u(d['name'], 4)}性别{_u(d['sex'], 1)}年龄{_u(d['age'], 2)}因病情需要，"
                  "需转入贵单位，请予以接诊。", st.indent),
    ]
    story += _section(st, "初步印象", d["impression"])
    story += _section(st, "主要现病史（转出原因）", d["present_illness"])
    story += _section(st, "主要既往史", d["past_history"])
    story += _section(st, "治疗经过", d["treatment"])
    extra = []
    if d["indications"]:
        extra.append(f"转诊指征：{escape(d['indications'])}")
    arrangement = "　".join(x for x in (f"紧急程度：{escape(d['urgency'])}",
                                       d["transport"] and f"转运方式：{escape(d['transport'])}",
                                       d["escort"] and f"陪同人员：{escape(d['escort'])}") if x)
    extra.append(arrangement)
    story += [para("<br/>".join(extra), st.section), Spacer(1, 8),
              para(f"转诊医生（签字）：{_u(d['referring_doctor'], 5)}　联系电话：{_u(d['referring_phone'], 7)}", st.right),
              para(f"{_u(d['institution'], 10)}（机构名称）", st.right),
              para(f"{when:%Y} 年 {when.month} 月 {when.day} 日　{when:%H:%M}", st.right)]
    return story


def _return_people(d: dict) -> tuple[str, str, str, dt.date | None]:
    """(hospital doctor, phone, receiving doctor at the home, date) for the 回转 part of either direction."""
    if d["direction"] == UP:
        return d["return_doctor"], d["return_phone"], d["return_receiver"], d["returned_on"]
    return d["referring_doctor"], d["referring_phone"], d["receiving_doctor"], d["returned_on"] or d["referred_at"].date()


def back_stub(d: dict, st: _Styles) -> list:
    from reportlab.platypus import Spacer
    doctor, _, receiver, when = _return_people(d)
    return [
        para("存　根", st.title),
        para(_patient_line(d, "病案号", d["hospital_record_no"]), st.body),
        *_address_lines(d, st),
        para(f"于{_date_parts(when)}因病情需要，转回{_u(d['institution'], 8)}单位{_u(receiver, 4)}接诊医生。", st.indent),
        Spacer(1, 8),
        para(f"转诊医生（签字）：{_u(doctor, 5)}", st.right),
        para(_date_parts(when), st.right),
    ]


def back_slip(d: dict, st: _Styles) -> list:
    from reportlab.platypus import Spacer
    doctor, phone, _, when = _return_people(d)
    story = [
        para("双向转诊（回转）单", st.title),
        para(f"{_u(d['institution'], 10)}（机构名称）：", st.body),
        para(f"现有患者{_u(d['name'], 4)}性别{_u(d['sex'], 1)}年龄{_u(d['age'], 2)}因病情需要，"
                  "现转回贵单位，请予以接诊。", st.indent),
        para(f"<b>诊断结果：</b>{_u(d['return_diagnosis'], 10)}　<b>住院病案号：</b>{_u(d['hospital_record_no'], 6)}",
                  st.section),
    ]
    story += _section(st, "主要检查结果", d["return_findings"])
    story += _section(st, "治疗经过、下一步治疗方案及康复建议", d["return_advice"])
    story += [Spacer(1, 8),
              para(f"转诊医生（签字）：{_u(doctor, 5)}　联系电话：{_u(phone, 7)}", st.right),
              para(f"{_u(d['partner'], 10)}（机构名称）", st.right),
              para(_date_parts(when), st.right)]
    return story


def _page(canvas, top: list, bottom: list, footer: str, st: _Styles) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Frame, KeepInFrame
    width, height = A4
    left, usable = 20 * mm, width - 40 * mm
    stub_h, gap, bottom_margin = 88 * mm, 8 * mm, 14 * mm
    stub_y = height - 14 * mm - stub_h
    cut_y = stub_y - gap / 2
    slip_y, slip_h = bottom_margin, stub_y - gap - bottom_margin
    for y, h, story in ((stub_y, stub_h, top), (slip_y, slip_h, bottom)):
        frame = Frame(left, y, usable, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, showBoundary=0)
        frame.addFromList([KeepInFrame(usable, h, story, mode="shrink")], canvas)
    canvas.saveState()
    canvas.setDash(4, 3)
    canvas.setLineWidth(0.7)
    canvas.line(12 * mm, cut_y, width - 12 * mm, cut_y)
    canvas.setFont(st.body.fontName, 7.5)
    canvas.setFillGray(0.45)
    canvas.drawCentredString(width / 2, cut_y + 1.5 * mm, "（沿虚线剪开）")
    canvas.restoreState()
    note = para(escape(footer), st.small)
    note.wrapOn(canvas, usable, 10 * mm)
    note.drawOn(canvas, left, 6 * mm)
    canvas.showPage()


def write_referral_slip(path: Path | str, data: dict) -> Path:
    """Write the slip: the 转出 page for an up-referral, and the 回转 page when there is a return to print."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    st = _Styles()
    path = Path(path)
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle("双向转诊单")
    canvas.setAuthor(data["institution"])
    pages = []
    if data["direction"] == UP:
        pages.append((out_stub, out_slip))
    if data["has_return"]:
        pages.append((back_stub, back_slip))
    for n, (stub, slip) in enumerate(pages, start=1):
        footer = f"转诊记录编号 {data['id']}　·　{data['institution']}　·　{page_label(n, len(pages))}"
        _page(canvas, stub(data, st), slip(data, st), footer, st)
    canvas.save()
    return path
