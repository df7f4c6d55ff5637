"""The bed board: one card per room, one coloured tile per bed, grouped by building and floor.

The whole board is one painted widget (no widget per tile): a home with 1,000 beds is laid out in a few
milliseconds and only the tiles on screen are drawn. The look (colours by status) is one shared table, the
``COLOURS`` below. Click selects a bed, double-click or Enter opens it, the arrow keys move between beds and the
tooltip names the bed and who lives there.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

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
SELECTED = "#1a73e8"
CARD_BORDER = "#d0d7de"
TILE_W, TILE_H, TILE_GAP = 92, 66, 4
CARD_PAD, CARD_GAP, SECTION_GAP = 6, 8, 10


@dataclass(eq=False)
class BedTile:
    """One bed on the board: what it shows, whether the filters let it show, and where it is drawn."""
    bed: BedState
    lines: tuple[str, str] = ("", "")
    tip: str = ""
    shown: bool = True
    rect: QRect = field(default_factory=QRect)


@dataclass(eq=False)
class RoomCard:
    title: str
    tiles: list[BedTile]
    shown: bool = True
    rect: QRect = field(default_factory=QRect)


@dataclass(eq=False)
class Section:
    title: str
    cards: list[RoomCard]
    shown: bool = True
    rect: QRect = field(default_factory=QRect)  # the floor's heading


class BoardCanvas(QWidget):
    """Draws the sections, room cards and bed tiles that the board has laid out."""

    def __init__(self, board: "BedBoard"):
        super().__init__()
        self.board = board
        self.setObjectName("bed_canvas")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAttribute(Qt.WA_OpaquePaintEvent, False)
        self.tile_font = QFont(self.font())
        self.tile_font.setPixelSize(12)
        self.title_font = QFont(self.font())
        self.title_font.setBold(True)
        self.section_font = QFont(self.font())
        self.section_font.setBold(True)
        self.section_font.setPixelSize(15)
        self.laid_out_width = -1

    # --- layout --------------------------------------------------------------------------------------------
    def relayout(self, force: bool = False) -> None:
        width = max(self.width(), TILE_W + 2 * CARD_PAD)
        if width == self.laid_out_width and not force:
            return
        self.laid_out_width = width
        title_h = QFontMetrics(self.title_font).height() + 4
        section_h = QFontMetrics(self.section_font).height() + 10
        y = 0
        for section in self.board.sections:
            if not section.shown:
                continue
            section.rect = QRect(0, y, width, section_h)
            y += section_h
            x, row_h = 0, 0
            for card in section.cards:
                if not card.shown:
                    continue
                tiles = [t for t in card.tiles if t.shown]
                w = 2 * CARD_PAD + len(tiles) * TILE_W + (len(tiles) - 1) * TILE_GAP
                h = CARD_PAD + title_h + TILE_H + CARD_PAD
                if x and x + w > width:
                    x, y = 0, y + row_h + CARD_GAP
                    row_h = 0
                card.rect = QRect(x, y, w, h)
                tx = x + CARD_PAD
                for t in tiles:
                    t.rect = QRect(tx, y + CARD_PAD + title_h, TILE_W, TILE_H)
                    tx += TILE_W + TILE_GAP
                x += w + CARD_GAP
                row_h = max(row_h, h)
            y += row_h + SECTION_GAP
        self.setMinimumHeight(y)
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.relayout()

    # --- painting ------------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        clip = event.rect()
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        for section in self.board.sections:
            if not section.shown:
                continue
            if section.rect.intersects(clip):
                p.setFont(self.section_font)
                p.setPen(QColor("#24292f"))
                p.drawText(section.rect.adjusted(0, 6, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, section.title)
            for card in section.cards:
                if card.shown and card.rect.intersects(clip):
                    self._paint_card(p, card)
        p.end()

    def _paint_card(self, p: QPainter, card: RoomCard) -> None:
        p.setPen(QPen(QColor(CARD_BORDER), 1))
        p.setBrush(QColor("white"))
        p.drawRoundedRect(card.rect.adjusted(0, 0, -1, -1), 6, 6)
        p.setFont(self.title_font)
        p.setPen(QColor("#24292f"))
        p.drawText(card.rect.adjusted(CARD_PAD, CARD_PAD - 2, -CARD_PAD, 0), Qt.AlignLeft | Qt.AlignTop, card.title)
        p.setFont(self.tile_font)
        fm = p.fontMetrics()
        selected = self.board.selected_id
        for t in card.tiles:
            if not t.shown:
                continue
            bg, border = COLOURS.get(t.bed.shown_status, COLOURS[B.DISABLED])
            chosen = t.bed.bed_id == selected
            p.setPen(QPen(QColor(SELECTED if chosen else border), 3 if chosen else 1))
            p.setBrush(QColor(bg))
            p.drawRoundedRect(t.rect.adjusted(1, 1, -1, -1), 4, 4)
            p.setPen(QColor("#24292f"))
            inner = t.rect.adjusted(5, 4, -5, -4)
            half = inner.height() // 2
            for i, line in enumerate(t.lines):
                box = QRect(inner.x(), inner.y() + i * half, inner.width(), half)
                p.drawText(box, Qt.AlignCenter, fm.elidedText(line, Qt.ElideRight, inner.width()))

    # --- input ---------------------------------------------------------------------------------------------
    def tile_at(self, pos) -> BedTile | None:
        for t in self.board.tiles:
            if t.shown and t.rect.contains(pos):
                return t
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        t = self.tile_at(event.position().toPoint())
        if t is not None and event.button() == Qt.LeftButton:
            self.board.select(t.bed.bed_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        t = self.tile_at(event.position().toPoint())
        if t is not None:
            self.board.select(t.bed.bed_id)
            self.board.bed_activated.emit(t.bed.bed_id)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        shown = [t for t in self.board.tiles if t.shown]
        ids = [t.bed.bed_id for t in shown]
        key = event.key()
        if key in (Qt.Key_Return, Qt.Key_Enter) and self.board.selected_id in ids:
            self.board.bed_activated.emit(self.board.selected_id)
            return
        step = {Qt.Key_Right: 1, Qt.Key_Down: 1, Qt.Key_Left: -1, Qt.Key_Up: -1}.get(key)
        if step is None or not ids:
            super().keyPressEvent(event)
            return
        i = ids.index(self.board.selected_id) + step if self.board.selected_id in ids else 0
        t = shown[max(0, min(len(shown) - 1, i))]
        self.board.select(t.bed.bed_id)
        self.board.ensureVisible(t.rect.center().x(), t.rect.center().y(), TILE_W, TILE_H)

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            t = self.tile_at(event.pos())
            if t is not None:
                QToolTip.showText(event.globalPos(), t.tip, self, t.rect)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class BedBoard(QScrollArea):
    """Shows a census as cards; emits the chosen bed id, and double-clicks."""

    bed_selected = Signal(object)
    bed_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.tiles: list[BedTile] = []
        self.sections: list[Section] = []
        self.selected_id: int | None = None
        self.filters = {"type": None, "floor": None, "status": None}
        self.canvas = BoardCanvas(self)
        self.setWidget(self.canvas)

    def show_census(self, beds: list[BedState]) -> None:
        self.tiles, self.sections = [], []
        order = sorted(beds, key=lambda b: (b.building, _num(b.floor), _num(b.room), b.label))
        for (building, floor), group in groupby(order, key=lambda b: (b.building, b.floor)):
            cards = []
            for room, room_beds in groupby(group, key=lambda b: b.room):
                tiles = [self._tile(b) for b in room_beds]
                cards.append(RoomCard(self.tr("{room}室").format(room=room) if room.isdigit() else room, tiles))
            self.sections.append(Section(floor_title(building, floor), cards))
        self.apply_filters()

    def _tile(self, bed: BedState) -> BedTile:
        status = bed.shown_status
        name = bed.resident_name or tr_enum(status)
        if bed.away:
            name += "·" + (self.tr("住院") if bed.away == "住院" else self.tr("外出"))
        kind = tr_enum(SHORT_TYPE.get(bed.bed_type, bed.bed_type))
        if bed.sub_type:
            kind += "·" + tr_enum(bed.sub_type)
        number = self.tr("{n}床").format(n=bed.label.split("-")[-1])
        tip = (f"{bed.label}\n{tr_enum(bed.bed_type)}{('（' + tr_enum(bed.sub_type) + '）') if bed.sub_type else ''}\n"
               f"{tr_enum(status)}{(' ' + bed.resident_name) if bed.resident_name else ''}")
        t = BedTile(bed, (f"{number} {kind}", name), tip)
        self.tiles.append(t)
        return t

    def select(self, bed_id: int | None) -> None:
        self.selected_id = bed_id
        self.canvas.update()
        self.bed_selected.emit(bed_id)

    _select = select

    def set_filter(self, name: str, value) -> None:
        self.filters[name] = value
        self.apply_filters()

    def apply_filters(self) -> None:
        f = self.filters
        for t in self.tiles:
            b = t.bed
            t.shown = ((f["type"] is None or b.bed_type == f["type"])
                       and (f["floor"] is None or (b.building, b.floor) == f["floor"])
                       and (f["status"] is None or b.shown_status == f["status"]))
        for section in self.sections:
            for card in section.cards:
                card.shown = any(t.shown for t in card.tiles)
            section.shown = any(c.shown for c in section.cards)
        self.canvas.relayout(force=True)

    def visible_tiles(self) -> list[tuple[int, str, str, str | None]]:
        return [(t.bed.bed_id, t.bed.label, t.bed.shown_status, t.bed.resident_name) for t in self.tiles if t.shown]

    def tile_of(self, bed_id: int) -> BedTile | None:
        return next((t for t in self.tiles if t.bed.bed_id == bed_id), None)


def _num(text: str):
    """Sort '2' before '10' but keep words in order."""
    return (0, int(text), "") if text.isdigit() else (1, 0, text)
