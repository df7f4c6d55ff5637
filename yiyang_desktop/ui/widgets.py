"""Small input widgets with ``value()`` / ``set_value()`` so FieldForm can read and fill them."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from .common import tr_enum


class CheckList(QWidget):
    """A row of check boxes for a multi-choice field; value is the list of stored (Chinese) values. ``names`` shows
    a stored value (translated enum by default); ``changed`` is emitted when any box is ticked or cleared."""

    changed = Signal()

    def __init__(self, options, columns: int = 4, parent=None, *, names=tr_enum):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, o in enumerate(options):
            box = QCheckBox(names(o))
            box.toggled.connect(lambda *_: self.changed.emit())
            grid.addWidget(box, i // columns, i % columns)
            self.boxes[o] = box

    def value(self) -> list[str]:
        return [o for o, b in self.boxes.items() if b.isChecked()]

    def set_value(self, values) -> None:
        for o, b in self.boxes.items():
            b.setChecked(o in (values or []))


class ContactsEditor(QWidget):
    """Up to three emergency contacts: name, relation, phone."""

    ROWS = 3

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for c, head in enumerate((self.tr("姓名"), self.tr("关系"), self.tr("电话"))):
            grid.addWidget(QLabel(head), 0, c)
        self.rows = []
        for r in range(self.ROWS):
            edits = (QLineEdit(), QLineEdit(), QLineEdit())
            for c, e in enumerate(edits):
                e.setObjectName(f"contact_{r}_{c}")
                grid.addWidget(e, r + 1, c)
            self.rows.append(edits)

    def value(self) -> list[dict]:
        return [{"name": n.text(), "relation": rel.text(), "phone": p.text()} for n, rel, p in self.rows
                if n.text().strip() or p.text().strip() or rel.text().strip()]

    def set_value(self, contacts) -> None:
        for i, (n, rel, p) in enumerate(self.rows):
            c = contacts[i] if contacts and i < len(contacts) else {}
            n.setText(c.get("name") or "")
            rel.setText(c.get("relation") or "")
            p.setText(c.get("phone") or "")


class Row(QWidget):
    """Several widgets side by side in one form row."""

    def __init__(self, *widgets, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            lay.addWidget(w)
