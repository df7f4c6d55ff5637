"""概览: today's census and the headline figures."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ..domain import beds as B
from ..services import assessments as A
from ..services.census import census
from ..services.institution import get_institution
from ..services.staff import list_staff
from .common import tr_enum
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
    navigate = Signal(str)  # a tile was clicked: show that page

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        lay.addWidget(self.heading)
        grid = QGridLayout()
        self.tiles = {
            "residents": Tile(self.tr("在住老人"), "residents"),
            "occupancy": Tile(self.tr("入住率"), "beds"),
            "beds": Tile(self.tr("床位总数"), "beds"),
            "nursing": Tile(self.tr("护理型床位占比"), "beds"),
            "away": Tile(self.tr("外出/住院"), "residents"),
            "staff": Tile(self.tr("在职人员"), "staff"),
            "due": Tile(self.tr("能力评估待办"), "assessments"),
            "grades": Tile(self.tr("能力等级分布"), "assessments"),
        }
        for i, t in enumerate(self.tiles.values()):
            grid.addWidget(t, i // 3, i % 3)
            t.clicked.connect(lambda t=t: self.navigate.emit(t.target))
        lay.addLayout(grid)
        lay.addStretch(1)

    def refresh(self) -> None:
        c = census(self.ctx)
        inst = get_institution(self.ctx)
        self.heading.setText(self.tr("{name} · {date}").format(name=inst.get("name") or self.tr("（未填写机构名称）"),
                                                               date=c.date.isoformat()))
        rate = B.as_percent(c.occupancy_rate)
        share = B.as_percent(c.nursing_share)
        self.tiles["residents"].set(str(c.occupied_total))
        self.tiles["occupancy"].set("—" if rate is None else f"{rate}%",
                                    self.tr("空闲 {n} 张").format(n=c.count(B.FREE)))
        self.tiles["beds"].set(str(c.beds_total), "，".join(f"{tr_enum(t)} {n}" for t, n in c.beds_by_type.items() if n))
        self.tiles["nursing"].set("—" if share is None else f"{share}%",
                                  self.tr("护理型床位 / (养老床位 + 护理型床位)"))
        self.tiles["away"].set(str(c.away_total))
        self.tiles["staff"].set(str(len(list_staff(self.ctx))))
        due = A.due_list(self.ctx)
        count = {s: sum(1 for d in due if d["state"] == s) for s in (A.DUE_NONE, A.DUE_OVERDUE, A.DUE_IMMEDIATE)}
        self.tiles["due"].set(str(sum(count.values())), self.tr("已逾期 {o}，需即时评估 {i}，未评估 {n}").format(
            o=count[A.DUE_OVERDUE], i=count[A.DUE_IMMEDIATE], n=count[A.DUE_NONE]))
        by_grade: dict[tuple, int] = {}
        for d in due:  # from the least to the most impaired; never-assessed last
            key = (d["final_grade"] is None, d["final_grade"] or 0, d["grade_name"] or self.tr("未评估"))
            by_grade[key] = by_grade.get(key, 0) + 1
        self.tiles["grades"].set(str(len(due)), "，".join(f"{k[2]} {v}" for k, v in sorted(by_grade.items())))
