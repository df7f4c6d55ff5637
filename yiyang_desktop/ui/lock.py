"""Idle auto-lock: after the set minutes without mouse or keyboard, the window's content is covered and every
other window hidden; the logged-in user's password brings it back (wrong passwords count toward the lock-out).

The minutes live in the file's settings (``idle_lock_minutes``; 0 turns the lock off; default 10).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from ..services import accounts as A
from ..services.base import ServiceError
from .common import ERROR_STYLE, error_text

SETTING_KEY = "idle_lock_minutes"
DEFAULT_MINUTES = 10
_ACTIVITY = {QEvent.MouseMove, QEvent.MouseButtonPress, QEvent.KeyPress, QEvent.Wheel, QEvent.TouchBegin}
_INPUT = {QEvent.KeyPress, QEvent.KeyRelease, QEvent.ShortcutOverride, QEvent.Shortcut, QEvent.MouseButtonPress,
          QEvent.MouseButtonRelease, QEvent.MouseButtonDblClick, QEvent.Wheel}


def idle_minutes(ctx) -> float:
    from ..services.settings import get_setting
    value = get_setting(ctx, SETTING_KEY)
    try:
        return max(0.0, float(DEFAULT_MINUTES if value is None else value))
    except (TypeError, ValueError):
        return float(DEFAULT_MINUTES)


def set_idle_minutes(ctx, minutes: int) -> int:
    """Administrators only (the lock protects everyone's data). Returns the minutes saved."""
    from ..services.settings import set_setting
    A.check(ctx, "settings")
    set_setting(ctx, SETTING_KEY, int(minutes))
    return int(minutes)


class LockOverlay(QFrame):
    """An opaque cover over the whole window: who is logged in, a password field, 解锁."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("lock_overlay")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lock_overlay { background: #2c3e50; } #lock_overlay QLabel { color: white; }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QVBoxLayout()
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignCenter)
        self.title.setStyleSheet("font-size: 18pt;")
        box.addWidget(self.title)
        row = QHBoxLayout()
        row.addStretch(1)
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.password.setFixedWidth(220)
        row.addWidget(self.password)
        self.button = QPushButton(self.tr("解锁"))
        self.button.setObjectName("unlock_button")
        row.addWidget(self.button)
        row.addStretch(1)
        box.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("unlock_error")
        self.error.setAlignment(Qt.AlignCenter)
        self.error.setStyleSheet(ERROR_STYLE + " background: white; padding: 4px;")
        self.error.hide()
        box.addWidget(self.error, 0, Qt.AlignCenter)
        outer.addLayout(box)
        outer.addStretch(2)
        self.hide()


class IdleLock(QObject):
    """Install on the main window: ``IdleLock(window, ctx)``. ``lock()`` / ``try_unlock(pw)`` for menus and tests."""

    def __init__(self, window: QWidget, ctx, minutes: float | None = None):
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.overlay = LockOverlay(window)
        self.overlay.button.clicked.connect(self._unlock_clicked)
        self.overlay.password.returnPressed.connect(self._unlock_clicked)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._hidden: list[QWidget] = []
        self.set_minutes(idle_minutes(ctx) if minutes is None else minutes)
        window.installEventFilter(self)
        QApplication.instance().installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.overlay.isVisible()

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.setInterval(int(minutes * 60_000))
            if not self.locked:
                self.timer.start()
        else:
            self.timer.stop()

    def lock(self) -> None:
        if self.locked or not self.ctx.user:
            return
        self.timer.stop()
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w is not self.window and w.isVisible() and not isinstance(w, LockOverlay)]
        for w in self._hidden:
            w.hide()
        self.overlay.title.setText(self.tr("已锁定 — {user}").format(user=self.ctx.user))
        self.overlay.error.hide()
        self.overlay.password.clear()
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus()

    def try_unlock(self, password: str) -> bool:
        try:
            A.authenticate(self.ctx.db, self.ctx.user or "", password, clock=self.ctx.clock)
        except ServiceError as e:
            self.overlay.error.setText(error_text(e))
            self.overlay.error.show()
            self.overlay.password.clear()
            return False
        self.overlay.hide()
        for w in self._hidden:
            w.show()
        self._hidden = []
        if self.minutes > 0:
            self.timer.start()
        return True

    def _unlock_clicked(self) -> None:
        self.try_unlock(self.overlay.password.text())

    def _in_overlay(self, obj) -> bool:
        w = obj if isinstance(obj, QWidget) else None
        while w is not None:
            if w is self.overlay:
                return True
            w = w.parentWidget()
        return False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if obj is self.window and kind == QEvent.Resize and self.locked:
            self.overlay.setGeometry(self.window.rect())
        if self.locked:
            # nothing but the cover takes input while locked (menus, shortcuts, other windows)
            return kind in _INPUT and not self._in_overlay(obj)
        if kind in _ACTIVITY and self.minutes > 0:
            self.timer.start()
        return False
