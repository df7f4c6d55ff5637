"""The base of every page in the main window's navigation."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..services.base import Context


class Page(QWidget):
    """A page gets the context, redraws itself in ``refresh()``, and emits ``changed`` after it writes."""

    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx

    def refresh(self) -> None:
        pass

    def run_dialog(self, dlg) -> bool:
        """Show a guided-action dialog; after a successful write tell the window and redraw."""
        if dlg.exec():
            self.changed.emit()
            self.refresh()
            return True
        return False


class ComingPage(Page):
    """A navigation entry whose feature is not part of this version yet; says so plainly."""

    def __init__(self, ctx: Context, title: str, what: str, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        head = QLabel(f"<h2>{title}</h2>")
        body = QLabel(what + "<br><br>" + self.tr("此功能尚在开发中，将在后续版本中提供。"))
        body.setWordWrap(True)
        lay.addWidget(head)
        lay.addWidget(body)
        lay.addStretch(1)
