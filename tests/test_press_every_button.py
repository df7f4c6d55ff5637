"""Press every button and trigger every action of the main window, as a user would, on the demo institution.

The buttons are found by walking the widget tree of every page (and every tab of every tab widget on it), so a new
button is pressed without anyone listing it here. Dialogs the program opens are shown, their own buttons pressed
once (one level deep), then closed; file dialogs are answered with a temporary folder or file, message boxes with
their default button, input dialogs with the text they offer. No exception may reach the error dialog or the log.
"""
from __future__ import annotations

import logging
import re
import sys
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog, QDialogButtonBox,
                               QFileDialog, QInputDialog, QMenu, QMenuBar, QMessageBox, QTabWidget, QToolBar, QWidget)

from yiyang_desktop.logsetup import LOGGER, install_excepthook
from yiyang_desktop.services.demo import DEMO_PASSWORD, DEMO_USER
from yiyang_desktop.ui.login import LoginDialog
from yiyang_desktop.ui.main_window import MainWindow

# Only what ends the session: locking asks for the password before anything else can be pressed.
SKIP = re.compile(r"^(退出|锁定|注销|登出)")
# What a run on the demo must at least press (measured: see the counts printed by the test).
MIN_BUTTONS, MIN_ACTIONS, MIN_DIALOG_BUTTONS = 75, 4, 250


def alive(obj) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def key_of(obj) -> int:
    return shiboken6.getCppPointer(obj)[0]


def label(w: QAbstractButton | QAction) -> str:
    text = w.text().replace("&", "") or w.toolTip() or w.objectName() or type(w).__name__
    return f"{type(w).__name__}「{text}」"


def pressable(w: QAbstractButton) -> bool:
    return alive(w) and w.isVisible() and w.isEnabled() and not SKIP.match(w.text().replace("&", ""))


class Presser:
    """Answers every dialog and records what was pressed, what was opened and every error."""

    def __init__(self, qtbot, window: QWidget, out: Path, samples: dict[str, Path]):
        self.qtbot, self.window, self.out, self.samples = qtbot, window, out, samples
        self.pressed: dict[int, str] = {}
        self.dialog_pressed: list[str] = []
        self.triggered: list[str] = []
        self.dialogs: list[str] = []
        self.messages: list[str] = []
        self.opened_urls: list[str] = []
        self.errors: list[str] = []
        self.running: list[QDialog] = []  # dialogs inside exec(), outermost first
        self.menus: list[QMenu] = []
        self.page_name = "窗口"
        self.where = ""
        self.saves = 0

    # --- answers to the program's questions ---------------------------------------------------------------------
    def exec_dialog(self, dlg: QDialog, *_args) -> int:
        """QDialog.exec: show the dialog, press its buttons (one level deep), close it; its result is returned."""
        self.dialogs.append(f"{self.where} → {dlg.windowTitle() or type(dlg).__name__}")
        if isinstance(dlg, QMessageBox):
            return self.answer_box(dlg)
        dlg.show()
        QApplication.processEvents()
        self.running.append(dlg)
        try:
            if len(self.running) == 1:  # one level deep: a dialog opened from a dialog is only shown and closed
                self.press_dialog_buttons(dlg)
        finally:
            self.running.pop()
        if alive(dlg) and dlg.isVisible():
            dlg.reject()
        return dlg.result() if alive(dlg) else QDialog.Rejected

    def press_dialog_buttons(self, dlg: QDialog) -> None:
        """Every button of the dialog once, looking again after each press (a page turn shows new ones): its own
        buttons first, then those that accept, then those that reject (which close it)."""
        def order(b: QAbstractButton) -> int:
            box = b.parent()
            if isinstance(box, QDialogButtonBox):
                role = box.buttonRole(b)
                return 2 if role in (QDialogButtonBox.RejectRole, QDialogButtonBox.NoRole) else 1
            return 0
        done: set[int] = set()
        while alive(dlg) and dlg.isVisible() and len(done) < 400:
            todo = sorted((b for b in dlg.findChildren(QAbstractButton)
                           if pressable(b) and b.window() is dlg and key_of(b) not in done), key=order)
            if not todo:
                return
            done.add(key_of(todo[0]))
            self.click(todo[0], inside=True)

    def answer_box(self, box: QMessageBox) -> int:
        """A message box: Enter, as a user who takes the offered answer (its default button)."""
        self.messages.append(f"{self.where} → {box.windowTitle()}: {box.text()[:80]}")
        box.show()
        QApplication.processEvents()
        QTest.keyClick(box, Qt.Key_Return)
        if box.isVisible():
            box.reject()
        clicked = box.clickedButton()
        return box.standardButton(clicked) if clicked is not None else QMessageBox.NoButton

    def box_static(self, icon):
        def static(parent, title, text, buttons=None, defaultButton=QMessageBox.NoButton):  # noqa: N803
            if buttons is None:
                buttons = QMessageBox.Yes | QMessageBox.No if icon == QMessageBox.Question else QMessageBox.Ok
            box = QMessageBox(icon, title, text, buttons, parent)
            if defaultButton != QMessageBox.NoButton:
                box.setDefaultButton(defaultButton)
            try:
                return self.answer_box(box)
            finally:
                box.deleteLater()
        return static

    def print_dialog(self, dlg, *_args) -> int:
        """The print dialog: 打印, to a PDF file in the temporary folder (offscreen has no printer)."""
        self.dialogs.append(f"{self.where} → 打印")
        printer: QPrinter = dlg.printer()
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(self.out / f"printed-{len(self.dialogs)}.pdf"))
        return QDialog.Accepted

    def save_name(self, _parent=None, _caption="", directory="", filter="", *_a, **_k):  # noqa: A002
        self.saves += 1
        suggested = Path(directory).name if directory and Path(directory).suffix else ""
        ext = re.search(r"\*(\.\w+)", filter or "")
        name = suggested or f"文件{self.saves}{ext.group(1) if ext else ''}"
        return str(self.out / f"{self.saves}-{name}"), filter

    def open_name(self, _parent=None, _caption="", _directory="", filter="", *_a, **_k):  # noqa: A002
        for ext in re.findall(r"\*(\.\w+)", filter or ""):
            if ext in self.samples:
                return str(self.samples[ext]), filter
        return str(self.samples[".txt"]), filter

    # --- pressing ----------------------------------------------------------------------------------------------
    def click(self, b: QAbstractButton, inside: bool = False) -> None:
        self.where = f"{self.page_name} {label(b)}" if not inside else self.where
        if inside:
            self.dialog_pressed.append(f"{self.where} ⇒ {label(b)}")
        else:
            self.pressed[key_of(b)] = self.where
        self.qtbot.mouseClick(b, Qt.LeftButton)
        QApplication.processEvents()
        self.close_strays()

    def trigger(self, action: QAction, how: str = "") -> None:
        self.where = f"{self.page_name} {how}{label(action)}"
        self.triggered.append(self.where)
        action.trigger()
        QApplication.processEvents()
        self.close_strays()

    def close_strays(self) -> None:
        """Windows opened without exec() (a non-blocking message, a progress dialog left over) are answered."""
        for w in QApplication.topLevelWidgets():
            if w is self.window or not w.isVisible() or isinstance(w, QMenu) or any(w is d for d in self.running):
                continue
            if isinstance(w, QMessageBox):
                self.answer_box(w)
            elif isinstance(w, QDialog):
                w.reject()
            else:
                w.close()

    def select_first_rows(self, root: QWidget) -> None:
        """A list with rows gets its first row selected, so the buttons that act on a row have one."""
        for view in root.findChildren(QAbstractItemView):
            if not (view.isVisible() and view.model() is not None and view.model().rowCount() > 0):
                continue
            sel = view.selectionModel()
            if sel is not None and not sel.hasSelection():
                view.setCurrentIndex(view.model().index(0, 0))
                if hasattr(view, "selectRow"):
                    view.selectRow(0)

    def press_visible(self, root: QWidget) -> None:
        """Press each visible, enabled button under ``root`` that was not pressed before."""
        for b in root.findChildren(QAbstractButton):
            if not pressable(b) or key_of(b) in self.pressed or b.window() is not self.window:
                continue
            if not root.isVisible():
                return
            self.select_first_rows(root)
            if pressable(b):
                self.click(b)

    def walk(self, root: QWidget) -> None:
        """The buttons now visible, then each tab of each tab widget in turn (tab widgets found afresh each time)."""
        self.select_first_rows(root)
        self.press_visible(root)
        self.context_menus(root)
        done_tabs: set[tuple[int, str]] = set()
        while True:
            todo = [(t, i) for t in root.findChildren(QTabWidget) if alive(t) and t.isVisible()
                    for i in range(t.count()) if t.isTabEnabled(i) and (key_of(t), t.tabText(i)) not in done_tabs]
            if not todo:
                return
            tabs, i = todo[0]
            done_tabs.add((key_of(tabs), tabs.tabText(i)))
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            self.select_first_rows(root)
            self.press_visible(root)
            self.context_menus(root)

    def context_menus(self, root: QWidget) -> None:
        """Right-click menus: asked for as a right click would, each entry triggered."""
        for w in root.findChildren(QWidget):
            if not (alive(w) and w.isVisible()):
                continue
            if w.contextMenuPolicy() == Qt.ActionsContextMenu:
                for a in w.actions():
                    if a.isEnabled() and a.isVisible() and not SKIP.match(a.text()):
                        self.trigger(a, "右键 ")
            elif w.contextMenuPolicy() == Qt.CustomContextMenu:
                for n in range(20):  # a menu's entries, one opening each (an entry may change the next menu)
                    self.menus: list[QMenu] = []
                    QTimer.singleShot(0, self.grab_menus)  # runs inside the menu's own loop, if one opens
                    w.customContextMenuRequested.emit(QPoint(5, 5))
                    QApplication.processEvents()
                    actions = [a for m in self.menus for a in m.actions()
                               if a.isEnabled() and a.isVisible() and not a.isSeparator() and not SKIP.match(a.text())]
                    if n >= len(actions):
                        break
                    self.trigger(actions[n], "右键 ")

    def bar_actions(self) -> None:
        """Menu bars and tool bars (and their submenus), and the window's own shortcut actions."""
        def walk(actions):
            for a in actions:
                if a.menu() is not None:
                    walk(a.menu().actions())
                elif a.isEnabled() and a.isVisible() and not a.isSeparator() and not SKIP.match(a.text()):
                    self.trigger(a)
        walk(self.window.actions())
        for bar in self.window.findChildren(QMenuBar) + self.window.findChildren(QToolBar):
            walk(bar.actions())

    def grab_menus(self) -> None:
        """A context menu that opened: its entries noted, then closed as Escape would (QMenu.exec cannot be patched:
        PySide looks it up on the C++ class because it also has a static overload)."""
        for m in QApplication.topLevelWidgets():
            if isinstance(m, QMenu) and m.isVisible():
                self.menus.append(m)
                m.close()


def sign_in(qtbot, ctx) -> None:
    """The login dialog of the demo, typed in as its administrator does."""
    dlg = LoginDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.username.text() == DEMO_USER  # the demo fills in its administrator's name
    qtbot.keyClicks(dlg.password, DEMO_PASSWORD)
    qtbot.keyClick(dlg.password, Qt.Key_Return)
    assert dlg.result() == QDialog.Accepted and ctx.role == "管理员" and ctx.user_id


def make_samples(folder: Path) -> dict[str, Path]:
    """A file of each kind the program asks to open."""
    from openpyxl import Workbook
    from reportlab.pdfgen.canvas import Canvas
    folder.mkdir()
    samples = {}
    book = Workbook()
    book.active.append(["姓名", "身份证号"])
    samples[".xlsx"] = folder / "样例.xlsx"
    book.save(samples[".xlsx"])
    samples[".pdf"] = folder / "扫描件.pdf"
    c = Canvas(str(samples[".pdf"]))
    c.drawString(72, 720, "scan")
    c.save()
    shipped = sorted((Path(__file__).parents[1] / "resources" / "policies").glob("*.toml"))[-1]
    samples[".toml"] = folder / "本地政策.toml"
    samples[".toml"].write_text(re.sub(r'(?m)^id\s*=\s*"[^"]*"', 'id = "imported-test"', shipped.read_text("utf-8")),
                                encoding="utf-8")
    samples[".txt"] = folder / "其他.txt"
    samples[".txt"].write_text("x", encoding="utf-8")
    samples[".db"] = folder / "不是备份.db"
    samples[".db"].write_bytes(b"not a database")
    return samples


def test_press_every_button_and_action(qtbot, qapp, demo_ctx, tmp_path, monkeypatch, data_folder):
    out = tmp_path / "out"
    out.mkdir()
    sign_in(qtbot, demo_ctx)
    window = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    p = Presser(qtbot, window, out, make_samples(tmp_path / "samples"))

    monkeypatch.setattr(QDialog, "exec", lambda dlg, *a: p.exec_dialog(dlg))
    monkeypatch.setattr(QPrintDialog, "exec", lambda dlg, *a: p.print_dialog(dlg))
    monkeypatch.setattr(QPageSetupDialog, "exec", lambda dlg, *a: QDialog.Rejected)
    for name, icon in (("question", QMessageBox.Question), ("information", QMessageBox.Information),
                       ("warning", QMessageBox.Warning), ("critical", QMessageBox.Critical)):
        monkeypatch.setattr(QMessageBox, name, staticmethod(p.box_static(icon)))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(out)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(p.save_name))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(p.open_name))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda parent, title, label, echo=None, text="", *a, **k: (text, True)))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(
        lambda parent, title, label, value=0, *a, **k: (value, True)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda parent, title, label, items, current=0, *a, **k: (items[current], True)))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: p.opened_urls.append(url.toString()) or True))

    def reached_error_dialog(exc, details):
        p.errors.append(f"[{p.where}]\n{details}")

    class LogErrors(logging.Handler):
        def emit(self, record):
            if (record.levelno >= logging.ERROR or record.exc_info) and not (
                    record.getMessage().startswith("未处理的异常")):  # the excepthook's own line: listed above
                p.errors.append(f"[{p.where}] log: {record.getMessage()}")

    handler = LogErrors()
    logging.getLogger(LOGGER).addHandler(handler)
    previous = install_excepthook(reached_error_dialog)
    previous_thread_hook = threading.excepthook
    try:
        p.bar_actions()
        for row, key in enumerate(list(window.pages)):
            item = window.nav.item(row)
            qtbot.mouseClick(window.nav.viewport(), Qt.LeftButton, pos=window.nav.visualItemRect(item).center())
            page = window.stack.currentWidget()
            assert page is window.pages[key], key
            p.page_name = item.text()
            p.walk(page)
            p.page_name = "窗口"
            p.press_visible(window)  # the status bar's buttons (修改密码) and any others outside the pages
    finally:
        sys.excepthook = previous
        threading.excepthook = previous_thread_hook
        logging.getLogger(LOGGER).removeHandler(handler)

    print(f"\n按钮 {len(p.pressed)} 个（对话框内 {len(p.dialog_pressed)} 次），动作 {len(p.triggered)} 个，"
          f"对话框 {len(p.dialogs)} 个，消息框 {len(p.messages)} 个，交给系统打开 {len(p.opened_urls)} 次")
    report = tmp_path / "press-every-button.txt"  # what was pressed and what it opened, for a reader who wonders
    report.write_text("\n".join(["# pressed", *p.pressed.values(), "# actions", *p.triggered, "# dialogs", *p.dialogs,
                                 "# in dialogs", *p.dialog_pressed, "# messages", *p.messages,
                                 "# opened", *p.opened_urls]), encoding="utf-8")
    print(f"明细：{report}")
    assert not p.errors, f"{len(p.errors)} 个错误到达了错误对话框或日志：\n\n" + "\n\n".join(p.errors)
    assert demo_ctx.user == DEMO_USER and window.isVisible()  # still signed in, the window still open
    assert len(p.pressed) >= MIN_BUTTONS, sorted(p.pressed.values())
    assert len(p.triggered) >= MIN_ACTIONS, p.triggered
    assert len(p.dialog_pressed) >= MIN_DIALOG_BUTTONS, p.dialog_pressed
