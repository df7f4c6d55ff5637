"""概览: today's census and the headline figures."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ..domain import beds as B
from ..services.census import census
from ..services.institution import get_institution
from ..services.staff import list_staff
from .common import tr_enum
from .page import Page


class Tile(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
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

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class OverviewPage(Page):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        lay.addWidget(self.heading)
        grid = QGridLayout()
        self.tiles = {
            "residents": Tile(self.tr("在住老人")),
            "occupancy": Tile(self.tr("入住率")),
            "beds": Tile(self.tr("床位总数")),
            "nursing": Tile(self.tr("护理型床位占比")),
            "away": Tile(self.tr("外出/住院")),
            "staff": Tile(self.tr("在职人员")),
        }
        for i, t in enumerate(self.tiles.values()):
            grid.addWidget(t, i // 3, i % 3)
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
