"""Login, first administrator, password change, users panel, audit page and the idle lock, driven with qtbot."""
import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMainWindow, QWidget

from factories import resident
from yiyang_desktop.services import accounts as A
from yiyang_desktop.services.base import Context
from yiyang_desktop.ui.audit_page import AuditPage
from yiyang_desktop.ui.lock import IdleLock, set_idle_minutes
from yiyang_desktop.ui.login import ChangePasswordDialog, CreateAdminDialog, LoginDialog
from yiyang_desktop.ui.users_panel import AddUserDialog, ResetPasswordDialog, UsersPanel


def ok(dlg):
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()


def test_login_on_the_demo_shows_the_demo_account_and_logs_in(qtbot, qapp, demo_ctx):
    ctx = Context(demo_ctx.db)
    dlg = LoginDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.demo_hint.isVisible() and dlg.demo_hint.text() == "演示账号 admin / 密码 demo"
    assert dlg.username.text() == "admin"
    dlg.password.setText("wrong")
    ok(dlg)
    assert dlg.isVisible() and dlg.error.isVisible() and "不正确" in dlg.error.text() and ctx.role is None
    assert dlg.password.text() == ""  # a wrong password is not kept
    dlg.password.setText("demo")
    ok(dlg)
    assert not dlg.isVisible() and ctx.role == "管理员" and ctx.user == "admin"


def test_a_real_file_shows_no_demo_account(qtbot, qapp, ctx):
    A.create_user(ctx, "clerk", "clerk-pass", "登记员")
    dlg = LoginDialog(Context(ctx.db))
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.demo_hint.isVisible() and dlg.username.text() == ""
    ok(dlg)
    assert dlg.form.errors["username"].isVisible()


def test_first_start_creates_the_administrator(qtbot, qapp, ctx):
    fresh = Context(ctx.db)
    dlg = CreateAdminDialog(fresh)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.username.setText("boss")
    dlg.password.setText("boss-pass")
    dlg.password2.setText("boss-pasz")
    ok(dlg)
    assert dlg.form.errors["password2"].isVisible() and not A.has_users(ctx.db)
    dlg.password.setText("123")
    dlg.password2.setText("123")
    ok(dlg)
    assert dlg.form.errors["password"].isVisible() and "至少8位" in dlg.form.errors["password"].text()
    dlg.password.setText("boss-pass")
    dlg.password2.setText("boss-pass")
    ok(dlg)
    assert not dlg.isVisible() and fresh.role == "管理员" and fresh.user == "boss"
    assert [u["username"] for u in A.list_users(fresh)] == ["boss"]


def test_change_password_dialog(qtbot, qapp, ctx):
    A.create_user(ctx, "nurse", "temp-pass", "护理")
    me = Context(ctx.db)
    A.login(me, "nurse", "temp-pass")
    dlg = ChangePasswordDialog(me, required=True)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.intro.isVisible()
    dlg.old.setText("bad")
    dlg.new.setText("mine-pass")
    dlg.new2.setText("mine-pass")
    ok(dlg)
    assert dlg.form.errors["old_password"].isVisible()
    dlg.old.setText("temp-pass")
    ok(dlg)
    assert not dlg.isVisible()
    assert not A.authenticate(ctx.db, "nurse", "mine-pass")["must_change"]


def test_users_panel_admin_actions(qtbot, qapp, ctx, monkeypatch):
    panel = UsersPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.notice.isVisible() and panel.model.rowCount() == 0
    dlg = AddUserDialog(ctx, panel)
    qtbot.addWidget(dlg)
    f = dlg.form.fields
    f["username"].setText("anna")
    f["display_name"].setText("安娜")
    f["role"].setCurrentIndex(f["role"].findData("护理"))
    f["password"].setText("anna-pass")
    f["password2"].setText("anna-pass")
    ok(dlg)
    panel.refresh()
    row = panel.model.rows[0]
    assert (row["username"], row["role"], row["must_change"]) == ("anna", "护理", True)
    assert panel.model.data(panel.model.index(0, 3)) == "需改密码"
    for _ in range(5):
        with pytest.raises(Exception):
            A.authenticate(ctx.db, "anna", "wrong")
    panel.refresh()
    assert panel.model.data(panel.model.index(0, 3)).startswith("锁定至")
    panel.table.selectRow(0)
    panel.buttons["unlock"].click()
    assert panel.model.data(panel.model.index(0, 3)) == "需改密码"
    reset = ResetPasswordDialog(ctx, panel.model.rows[0], panel)
    qtbot.addWidget(reset)
    reset.form.fields["password"].setText("fresh-pass")
    reset.form.fields["password2"].setText("fresh-pass")
    ok(reset)
    assert A.authenticate(ctx.db, "anna", "fresh-pass")["must_change"]
    panel.table.selectRow(0)
    panel.buttons["toggle"].click()
    assert panel.model.data(panel.model.index(0, 3)) == "已停用"
    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("只读", True))
    panel.table.selectRow(0)
    panel.buttons["role"].click()
    assert panel.model.rows[0]["role"] == "只读"


def test_users_panel_for_a_non_admin_is_only_a_notice(qtbot, qapp, ctx):
    panel = UsersPanel(Context(ctx.db, user="c", role="登记员"))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.notice.isVisible() and not panel.table.isVisible() and not panel.buttons["add"].isVisible()


def test_audit_page_filters_exports_and_shows_the_chain(qtbot, qapp, ctx, tmp_path):
    resident(ctx, name="周九")
    clerk = Context(ctx.db, user="clerk", role="登记员", clock=ctx.clock)
    from factories import bed
    bed(clerk, room="909")
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 0 and "尚未核对" in page.chain.text()  # nothing read before the page is shown
    page.refresh()  # as the main window does when the page is shown
    assert "尚未核对" in page.chain.text()  # the chain is checked on request, not on every show
    page.verify_button.click()
    assert "签名链完整" in page.chain.text()
    page.user.load()  # the choices are read when the list is first opened
    total = page.model.rowCount()
    assert total == ctx.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    page.user.setCurrentIndex(page.user.findData("clerk"))
    page.search.click()
    assert page.model.rowCount() >= 1 and {r["user"] for r in page.model.rows} == {"clerk"}
    page.user.setCurrentIndex(0)
    page.table_filter.load()
    page.table_filter.setCurrentIndex(page.table_filter.findData("residents"))
    page.search.click()
    assert {r["table"] for r in page.model.rows} == {"residents"}
    assert "周九" in page.model.data(page.model.index(0, 5))
    assert "姓名：周九\n" in page.model.data(page.model.index(0, 5), Qt.ToolTipRole)
    assert page.model.data(page.model.index(0, 4)) == "周九"  # whose record: the name, not an id
    page.start.set_value(ctx.today() + dt.timedelta(days=1))
    page.search.click()
    assert page.model.rowCount() == 0
    page.start.set_value(None)
    page.search.click()
    out = page.export_to(tmp_path / "audit.xlsx")
    ws = load_workbook(out).active
    assert ws.max_row == page.model.rowCount() + 2 and ws.cell(2, 5).value == "老人档案"  # + 共 N 条
    assert ctx.db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'export'").fetchone()[0] == 1
    ctx.db.execute("UPDATE audit_log SET user = 'x' WHERE id = 1")
    ctx.db.conn.commit()
    page.reload()
    assert "签名链有问题" not in page.chain.text()
    page.verify_button.click()
    assert "签名链有问题" in page.chain.text() and "审计记录 1" in page.chain.text()
    viewer = AuditPage(Context(ctx.db, user="v", role="只读"))
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.refresh()
    assert viewer.notice.isVisible() and not viewer.body.isVisible() and viewer.model.rowCount() == 0


def _window(qtbot):
    w = QMainWindow()
    secret = QLabel("身份证号 431202194005061234")
    secret.setObjectName("secret")
    w.setCentralWidget(secret)
    w.resize(800, 500)
    qtbot.addWidget(w)
    w.show()
    return w


def test_idle_lock_hides_the_content_and_needs_the_password(qtbot, qapp, ctx, tmp_path):
    A.create_user(ctx, "nurse", "nurse-pass", "护理")
    me = Context(ctx.db)
    A.login(me, "nurse", "nurse-pass")
    w = _window(qtbot)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    lock = IdleLock(w, me, minutes=0.0005)  # 30 ms without input
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert lock.overlay.geometry() == w.rect() and not other.isVisible()
    shot = w.grab()
    shot.save(str(tmp_path / "locked.png"))
    img = shot.toImage()
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert img.pixel(5, 5) == img.pixel(img.width() - 5, img.height() - 5)  # covered edge to edge
    assert len(colours) < 40  # the cover, a title and a field — not the window's text
    qtbot.keyClicks(lock.overlay.password, "wrong")
    qtbot.keyClick(lock.overlay.password, Qt.Key_Return)
    assert lock.locked and "不正确" in lock.overlay.error.text()
    qtbot.keyClicks(lock.overlay.password, "nurse-pass")
    lock.overlay.button.click()
    assert not lock.locked and other.isVisible()


def test_idle_minutes_live_in_settings_and_zero_turns_the_lock_off(qtbot, qapp, ctx):
    A.create_first_admin(ctx, "boss", "boss-pass")
    A.login(ctx, "boss", "boss-pass")
    with pytest.raises(A.PermissionDenied):
        set_idle_minutes(Context(ctx.db, user="c", role="登记员"), 1)
    set_idle_minutes(ctx, 0)
    w = _window(qtbot)
    lock = IdleLock(w, ctx)
    assert lock.minutes == 0 and not lock.timer.isActive()
    set_idle_minutes(ctx, 3)
    lock2 = IdleLock(w, ctx)
    assert lock2.timer.interval() == 180_000 and lock2.timer.isActive()
    lock2.lock()
    assert lock2.locked
    assert lock2.try_unlock("boss-pass") and not lock2.locked
