"""Windows that fit the screen: an office PC often has 1366×768 with a taskbar, about 1366×728 free. Every top-level
window (the main window, each dialog, each message box) is kept inside the free area of its screen: a preferred
size is clipped to it, and an application-wide filter pulls any window that opens larger or off the edge back in.
Tall forms put their fields in a scroll area, so the buttons stay in view."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

FRAME = (16, 40)  # room for the frame and title bar the system draws around a window's own size


def available_area(widget: QWidget | None = None) -> QRect:
    """The free area of the screen (without the taskbar) the widget is on, or of the primary screen."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_size(window: QWidget, width: int, height: int) -> None:
    """Give a window its preferred size, or less where the screen's free area is smaller."""
    avail = available_area(window)
    window.resize(min(width, avail.width() - FRAME[0]), min(height, avail.height() - FRAME[1]))


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move a top-level window so that it, with its frame, lies inside the screen's free area."""
    avail = available_area(window)
    w = min(window.width(), avail.width() - FRAME[0])
    h = min(window.height(), avail.height() - FRAME[1])
    if (w, h) != (window.width(), window.height()):
        window.resize(w, h)
        w, h = window.width(), window.height()  # a layout's minimum may keep it larger: the test catches that
    x = min(max(window.x(), avail.x()), avail.x() + avail.width() - w - FRAME[0])
    y = min(max(window.y(), avail.y()), avail.y() + avail.height() - h - FRAME[1])
    if (x, y) != (window.x(), window.y()):
        window.move(max(x, avail.x()), max(y, avail.y()))


class _Fitter(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Show and isinstance(obj, (QDialog, QMainWindow)) and obj.isWindow():
            fit_to_screen(obj)
        return False


def install(app: QApplication) -> None:
    """Keep every window the application opens inside the screen's free area."""
    if getattr(app, "_yiyang_fitter", None) is None:
        app._yiyang_fitter = _Fitter(app)
        app.installEventFilter(app._yiyang_fitter)
