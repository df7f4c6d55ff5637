"""概览: today's census and the headline figures."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..domain.figures import NO_GRADE, percent_text, trend_rates
from ..services.dashboard import dashboard
from ..services.institution import get_institution
from .charts import BarChart, LineChart
from .common import bed_counts_text, grade_short, join_list, profile_title, tr_enum, tr_text
from .overview_start import ProfileLine, StartPanel
from .page import Page


class Tile(QFrame):
    clicked = Signal()

    def __init__(self, title: str, target: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.target = target
        if target:
            self.setCursor(Qt.PointingHandCursor)
        self.setFrameShape(QFrame.StyledPanel)
        self.setObjectName("tile")
        self.setStyleSheet("#tile { background: white; border: 1px solid #d0d7de; border-radius: 6px; }")
        lay = QVBoxLayout(self)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #57606a;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 24px; font-weight: bold; color: #1f2328;")
        self.detail = QLabel("")
        self.detail.setStyleSheet("color: #57606a;")
        self.detail.setWordWrap(True)
        for w in (self.title, self.value, self.detail):
            lay.addWidget(w)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.target:
            self.clicked.emit()
        super().mousePressEvent(event)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class OverviewPage(Page):
    """Today's figures as tiles that open the list behind them, and two charts: the last 12 months' occupancy and
    nursing-bed share against the target, and residents by ability grade."""

    navigate = Signal(str)  # a tile was clicked: show that page

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        lay.addWidget(self.heading)
        self.profile_line = ProfileLine()
        self.profile_line.change.connect(self.edit_policies)
        lay.addWidget(self.profile_line)
        self.start = StartPanel()
        self.start.navigate.connect(self.navigate.emit)
        self.start.policy.connect(self.edit_policies)
        lay.addWidget(self.start)
        grid = QGridLayout()
        self.tiles = {
            "residents": Tile(self.tr("在住老人"), "residents"),
            "occupancy": Tile(self.tr("入住率"), "beds"),
            "beds": Tile(self.tr("床位总数"), "beds"),
            "nursing": Tile(self.tr("护理型床位占比"), "beds"),
            "staff": Tile(self.tr("在职人员"), "staff"),
            "due": Tile(self.tr("能力评估待办"), "assessments"),
            "hospital": Tile(self.tr("住院中"), "referrals"),
            "referrals": Tile(self.tr("进行中的转诊"), "referrals"),
            "agreements": Tile(self.tr("合作协议即将到期"), "partners"),
            "next": Tile(self.tr("下一项申报"), "applications"),
            "health_due": Tile(self.tr("年度体检到期"), "health#due"),
            "feedback": Tile(self.tr("体检结果告知逾期"), "health#overdue"),
            "ltc": Tile(self.tr("长护险等级到期"), "health#ltc"),
        }
        for i, t in enumerate(self.tiles.values()):
            grid.addWidget(t, i // 5, i % 5)
            t.clicked.connect(lambda t=t: self.navigate.emit(t.target))
        lay.addLayout(grid)
        charts = QHBoxLayout()
        self.trend_chart = LineChart(self.tr("近12个月（月末）"))
        self.trend_chart.setObjectName("trend_chart")
        self.grade_chart = BarChart(self.tr("在住老人能力等级"))
        self.grade_chart.setObjectName("grade_chart")
        charts.addWidget(self.trend_chart, 3)
        charts.addWidget(self.grade_chart, 2)
        lay.addLayout(charts, 1)
        self.data: dict = {}

    def refresh(self) -> None:
        d = self.data = dashboard(self.ctx)
        c, beds = d["census"], d["beds"]
        inst = get_institution(self.ctx)
        self.heading.setText(self.tr("{name} · {date}").format(name=inst.get("name") or self.tr("（未填写机构名称）"),
                                                               date=c.date.isoformat()))
        self.profile_line.show_profile(d["profile"], d["profile_fits"])
        self.start.show_steps(d["checklist"])
        self.tiles["residents"].set(str(beds.occupied), self.tr("外出/住院 {n} 人").format(n=beds.away))
        self.tiles["occupancy"].set(percent_text(beds.occupancy), bed_counts_text(beds))
        self.tiles["beds"].set(str(beds.total), join_list((f"{tr_enum(t)} {n}" for t, n in beds.by_type.items() if n),
                                                          "，"))
        target = d["nursing_target"]
        share = beds.nursing_share
        if target is None:
            nursing_detail = self.tr("当前政策配置没有目标")
        else:
            gap = self.tr("已达标") if share is not None and share >= target else self.tr("未达标")
            nursing_detail = self.tr("目标 {t}（{profile}）：{gap}").format(
                t=percent_text(target), profile=profile_title(d["profile"]), gap=gap)
        self.tiles["nursing"].set(percent_text(share), nursing_detail)
        self.tiles["staff"].set(str(d["staff"]))
        due = d["due"]
        self.tiles["due"].set(str(due["overdue"] + due["immediate"] + due["none"]),
                              self.tr("已逾期 {o}，需即时评估 {i}，未评估 {n}；30天内到期 {s}").format(
                                  o=due["overdue"], i=due["immediate"], n=due["none"], s=due["soon"]))
        self.tiles["hospital"].set(str(d["in_hospital"]), self.tr("床位保留，按外出计"))
        refs = d["open_referrals"]
        self.tiles["referrals"].set(str(sum(refs.values())), join_list((f"{tr_enum(s)} {n}" for s, n in refs.items()),
                                                                       "，"))
        expiring = d["expiring"]
        self.tiles["agreements"].set(str(len(expiring)), join_list((
            self.tr("{partner} {date}到期").format(partner=a["partner_name"], date=a["valid_to"]) for a in expiring[:2]),
            "；"))
        nxt = d["next_applications"]
        self.tiles["next"].set(str(len(nxt)), "\n".join(tr_text(x["text"]) for x in nxt))
        self.tiles["health_due"].set(str(d["health_due"]), self.tr("年满65周岁、12个月内没有体检"))
        self.tiles["feedback"].set(str(d["feedback_overdue"]), self.tr("体检后超过1个月未告知结果"))
        ltc = d["ltc_expiring"]
        self.tiles["ltc"].set(str(ltc["60"]), self.tr("60天内到期 {a} 人，其中30天内 {b} 人；已无有效等级 {c} 人").format(
            a=ltc["60"], b=ltc["30"], c=ltc["lapsed"]))
        trend = d["trend"]
        rates = [trend_rates(t) for t in trend]
        self.trend_chart.set_data([t["month"][2:].replace("-", "/") for t in trend],
                                  [(self.tr("入住率"), [r["occupancy_rate"] for r in rates]),
                                   (self.tr("护理型床位占比"), [r["nursing_bed_share"] for r in rates])],
                                  (self.tr("目标"), target) if target is not None else None)
        self.grade_chart.set_data([(grade_short(name), n) for name, n in d["grades"]
                                   if n or name != NO_GRADE])

    def edit_policies(self) -> None:
        """政策配置 from 概览: choose, copy and fill in a profile; the figures follow the one made current."""
        from .policy_dialog import PolicyDialog
        PolicyDialog(self.ctx, self).exec()
        self.changed.emit()
        self.refresh()
