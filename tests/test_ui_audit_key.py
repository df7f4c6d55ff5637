"""The window's side of issue #15, driven as a user does: the recovery code shown once after the first
administrator is made, the 审计密钥 tab on another computer (typing the code), the warning at sign-in when nothing
can be saved, and the audit page's kinds (sign-ins apart from changes)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from factories import bed, resident
from yiyang_desktop import keystore
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services import accounts as A
from yiyang_desktop.services import audit_key
from yiyang_desktop.services.base import Context
from yiyang_desktop.store.db import open_db
from yiyang_desktop.ui.audit_key_panel import AuditKeyPanel, ShowCodeDialog
from yiyang_desktop.ui.audit_page import AuditPage

NOW = dt.datetime(2026, 11, 23, 9)


@pytest.fixture
def on_modal():
    """``on_modal(handle, seen)``: run ``handle(widget)`` on each modal dialog that opens (checked every 50 ms)
    until the test ends."""
    running = [True]

    def start(handle, seen: list):
        def poll():
            if not running[0]:
                return
            w = QApplication.activeModalWidget()
            if w is not None and (not seen or seen[-1] is not w):
                seen.append(w)
                handle(w)
            QTimer.singleShot(50, poll)
        QTimer.singleShot(50, poll)
    yield start
    running[0] = False


def test_first_start_shows_the_recovery_code_once(qtbot, qapp, db_path, on_modal):
    from yiyang_desktop.ui.login import sign_in
    db = open_db(db_path)
    ctx = Context(db, clock=FixedClock(NOW))
    seen, codes = [], []

    def handle(w):
        if type(w).__name__ == "CreateAdminDialog":
            qtbot.keyClicks(w.username, "boss")
            qtbot.keyClicks(w.password, "boss-pass")
            qtbot.keyClicks(w.password2, "boss-pass")
            qtbot.keyClick(w.password2, Qt.Key_Return)
        elif isinstance(w, ShowCodeDialog):
            codes.append(w.code_text)
            w.grab().save("/tmp/h15-recovery-code.png")
            w.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
        else:
            w.reject()
    on_modal(handle, seen)
    assert sign_in(ctx)
    assert ctx.role == "管理员" and len(codes) == 1
    assert keystore.parse_recovery_code(codes[0]) == audit_key.state(db).key
    assert audit_key.take_recovery_code(ctx) is None  # not again
    db.close()


def test_another_computer_types_the_code_in_the_settings_tab(qtbot, qapp, tmp_path, monkeypatch, on_modal):
    path = tmp_path / "a.db"
    ctx = Context(open_db(path), clock=FixedClock(NOW))
    A.create_first_admin(ctx, "boss", "boss-pass")
    A.login(ctx, "boss", "boss-pass")
    code = audit_key.take_recovery_code(ctx)
    ctx.db.close()
    monkeypatch.setenv("YIYANG_CONFIG_DIR", str(tmp_path / "other-pc"))
    ctx = Context(open_db(path), clock=FixedClock(NOW))
    A.login(ctx, "boss", "boss-pass")
    from yiyang_desktop.ui.login import audit_warning
    assert "没有本数据文件的审计密钥" in audit_warning(ctx)
    panel = AuditKeyPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    assert "没有本数据文件的审计密钥" in panel.status.text() and panel.enter.isEnabled()
    panel.grab().save("/tmp/h15-audit-key-missing.png")
    seen, errors = [], []

    def handle(w):
        if type(w).__name__ == "EnterCodeDialog":
            qtbot.keyClicks(w.field, code[:-2] + "ZZ")
            qtbot.keyClick(w.field, Qt.Key_Return)
            errors.append((w.error.isVisible(), w.error.text(), w.field.text()))
            w.grab().save("/tmp/h15-enter-code.png")
            w.field.clear()
            qtbot.keyClicks(w.field, code.lower().replace("-", " "))
            qtbot.keyClick(w.field, Qt.Key_Return)
            errors.append((w.error.isVisible(), w.error.text(), w.field.text()))
        elif isinstance(w, QMessageBox):
            w.accept()
    on_modal(handle, seen)
    done = panel.enter_code()
    assert done, errors
    visible, text, kept = errors[0]
    assert visible and "恢复码有误" in text and kept == code[:-2] + "ZZ"  # said next to the field, text kept
    assert "保存着本数据文件的审计密钥" in panel.status.text() and not panel.enter.isEnabled()
    assert audit_warning(ctx) is None
    bed(ctx)  # saving works here now
    ctx.db.close()


def test_the_audit_page_keeps_sign_ins_apart(qtbot, qapp, ctx):
    A.create_user(ctx, "clerk", "clerk-pass", "登记员", must_change=False)
    for _ in range(3):
        with pytest.raises(Exception):
            A.authenticate(ctx.db, "clerk", "wrong-pass", clock=FixedClock(NOW))
    A.authenticate(ctx.db, "clerk", "clerk-pass", clock=FixedClock(NOW))
    resident(ctx, name="郑十")
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.refresh()
    actions = {r["action"] for r in page.model.rows}
    assert "login" not in actions and "login_failed" not in actions and "insert" in actions  # the default kind
    page.kind.setCurrentIndex(page.kind.findData("sign_in"))
    assert {r["action"] for r in page.model.rows} == {"login", "login_failed"}
    assert page.model.data(page.model.index(0, 1)) == "clerk"
    assert page.model.data(page.model.index(1, 1)) == "（登录尝试）"
    page.kind.setCurrentIndex(page.kind.findData("changes"))
    texts = [page.model.data(page.model.index(i, 5)) for i in range(page.model.rowCount())]
    assert any("姓名：郑十" in t for t in texts) and not any("{" in t for t in texts)  # readable, no JSON
    assert any("启用：是" in t for t in texts)  # 是/否, not 1/0
    page.kind.setCurrentIndex(page.kind.findData("not_sign_in"))
    page.verify_button.click()
    assert "签名链完整" in page.chain.text()
    page.grab().save("/tmp/h15-audit-page.png")
