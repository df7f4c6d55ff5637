"""The bed board: one card per room, one coloured tile per bed, grouped by building and floor.

Plain widgets are enough at this size (a home has at most a few hundred beds; 1,000 tiles build in well under a
second): tiles are rebuilt once per refresh, and filtering only hides and shows them.
"""
from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QScrollArea,
                               QToolButton, QVBoxLayout, QWidget)

from ..domain import beds as B
from ..domain.census import BedState
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .common import floor_title, tr_enum

COLOURS = {  # background, border
    B.FREE: ("#e6f4ea", "#34a853"),
    B.OCCUPIED: ("#e8f0fe", "#4285f4"),
    B.RESERVED: ("#fef7e0", "#f9ab00"),
    B.REPAIR: ("#fce8e6", "#e37400"),
    B.DISABLED: ("#f1f3f4", "#9aa0a6"),
}
SHORT_TYPE = {B.ELDERLY: N_("enum", "养老"), B.NURSING: N_("enum", "护理型"), B.MEDICAL: N_("enum", "医疗"),
              B.FAMILY: N_("enum", "家庭")}


class BedTile(QToolButton):
    def __init__(self, bed: BedState, parent=None):
        super().__init__(parent)
        self.bed = bed
        self.setObjectName(f"bed_{bed.bed_id}")
        self.setCheckable(True)
        self.setFixedSize(92, 66)
        status = bed.shown_status
        name = bed.resident_name or tr_enum(status)
        if bed.away:
            name += "·" + (self.tr("住院") if bed.away == "住院" else self.tr("外出"))
        kind = tr_enum(SHORT_TYPE.get(bed.bed_type, bed.bed_type))
        if bed.sub_type:
            kind += "·" + tr_enum(bed.sub_type)
        number = self.tr("{n}床").format(n=bed.label.split("-")[-1])
        self.setText(f"{number} {kind}\n{name}")
        self.setToolTip(f"{bed.label}\n{tr_enum(bed.bed_type)}{('（' + tr_enum(bed.sub_type) + '）') if bed.sub_type else ''}\n"
                        f"{tr_enum(status)}{(' ' + bed.resident_name) if bed.resident_name else ''}")
        bg, border = COLOURS[status]
        self.setStyleSheet(
            f"QToolButton {{ background: {bg}; border: 1px solid {border}; border-radius: 4px; font-size: 12px; }}"
            f"QToolButton:checked {{ border: 3px solid #1a73e8; }}")


class RoomCard(QFrame):
    def __init__(self, title: str, tiles: list[BedTile], parent=None):
        super().__init__(parent)
        self.setObjectName("room_card")
        self.setStyleSheet("#room_card { background: white; border: 1px solid #d0d7de; border-radius: 6px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 6)
        lay.setSpacing(4)
        head = QLabel(title)
        head.setStyleSheet("font-weight: bold;")
        lay.addWidget(head)
        row = QHBoxLayout()
        row.setSpacing(4)
        for t in tiles:
            row.addWidget(t)
        lay.addLayout(row)
        self.tiles = tiles


class FlowWidget(QWidget):
    """Lays room cards out in rows that wrap to the available width."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards: list[QWidget] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        self.grid.setSizeConstraint(QLayout.SetMinAndMaxSize)
        self.columns = 0

    def set_cards(self, cards: list[QWidget], width: int) -> None:
        self.cards = cards
        self.relayout(width)

    def relayout(self, width: int) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        visible = [c for c in self.cards if getattr(c, "shown", True)]
        card_w = max((c.sizeHint().width() for c in visible), default=120) + 8
        self.columns = max(1, width // card_w)
        for i, c in enumerate(visible):
            self.grid.addWidget(c, i // self.columns, i % self.columns, Qt.AlignLeft | Qt.AlignTop)
        for col in range(self.grid.columnCount()):
            self.grid.setColumnStretch(col, 0)
        self.grid.setColumnStretch(self.columns, 1)  # pack cards to the left


class BedBoard(QScrollArea):
    """Shows a census as cards; emits the chosen bed id, and double-clicks."""

    bed_selected = Signal(object)
    bed_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.inner = QWidget()
        self.box = QVBoxLayout(self.inner)
        self.box.setAlignment(Qt.AlignTop)
        self.setWidget(self.inner)
        self.tiles: list[BedTile] = []
        self.sections: list[tuple[QLabel, FlowWidget]] = []
        self.selected_id: int | None = None
        self.filters = {"type": None, "floor": None, "status": None}

    def show_census(self, beds: list[BedState]) -> None:
        for i in reversed(range(self.box.count())):
            w = self.box.itemAt(i).widget()
            if w:
                w.deleteLater()
        self.tiles, self.sections = [], []
        key = lambda b: (b.building, b.floor)  # noqa: E731
        for (building, floor), group in groupby(sorted(beds, key=lambda b: (b.building, _num(b.floor), _num(b.room), b.label)), key=key):
            title = QLabel(floor_title(building, floor))
            title.setStyleSheet("font-size: 15px; font-weight: bold; margin-top: 6px;")
            flow = FlowWidget()
            cards = []
            for room, room_beds in groupby(group, key=lambda b: b.room):
                tiles = [self._tile(b) for b in room_beds]
                cards.append(RoomCard(self.tr("{room}室").format(room=room) if room.isdigit() else room, tiles))
            self.box.addWidget(title)
            self.box.addWidget(flow)
            flow.set_cards(cards, self.viewport().width())
            self.sections.append((title, flow))
        self.apply_filters()

    def _tile(self, bed: BedState) -> BedTile:
        t = BedTile(bed)
        t.setChecked(bed.bed_id == self.selected_id)
        t.clicked.connect(lambda _=False, b=bed.bed_id: self._select(b))
        t.mouseDoubleClickEvent = lambda _e, b=bed.bed_id: self.bed_activated.emit(b)
        self.tiles.append(t)
        return t

    def _select(self, bed_id: int) -> None:
        self.selected_id = bed_id
        for t in self.tiles:
            t.setChecked(t.bed.bed_id == bed_id)
        self.bed_selected.emit(bed_id)

    def set_filter(self, name: str, value) -> None:
        self.filters[name] = value
        self.apply_filters()

    def apply_filters(self) -> None:
        f = self.filters
        # Widgets not yet on screen report isHidden(), so the wanted state is kept in a plain attribute.
        for t in self.tiles:
            b = t.bed
            t.shown = ((f["type"] is None or b.bed_type == f["type"])
                       and (f["floor"] is None or (b.building, b.floor) == f["floor"])
                       and (f["status"] is None or b.shown_status == f["status"]))
            t.setVisible(t.shown)
        for title, flow in self.sections:
            for card in flow.cards:
                card.shown = any(t.shown for t in card.tiles)
                card.setVisible(card.shown)
            any_card = any(c.shown for c in flow.cards)
            title.setVisible(any_card)
            flow.setVisible(any_card)
            flow.relayout(self.viewport().width())

    def visible_tiles(self) -> list[tuple[int, str, str, str | None]]:
        return [(t.bed.bed_id, t.bed.label, t.bed.shown_status, t.bed.resident_name) for t in self.tiles if t.shown]

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        for _title, flow in self.sections:
            flow.relayout(self.viewport().width())


def _num(text: str):
    """Sort '2' before '10' but keep words in order."""
    return (0, int(text), "") if text.isdigit() else (1, 0, text)
