"""Documents are shown inside the program and every exported file says where it went, with a button to open its
folder: 打印评估报告 and 打印转诊单 open the in-app PDF preview (打印, 另存为, 打开所在文件夹); 导出全部等级 and the
other exports end with the same "已保存到" message. Nothing depends on a PDF viewer or file manager being installed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from yiyang_desktop.ui.main_window import MainWindow
from yiyang_desktop.ui.pdf_preview import PdfPreviewDialog


@pytest.fixture
def window(qtbot, qapp, demo_ctx, tmp_path, data_folder):
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """What would have been handed to the system (a folder to show); nothing is launched."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toLocalFile()) or True))
    return urls


def run_modal(monkeypatch, user):
    """QDialog.exec shows the dialog and lets ``user(dlg)`` work in it (as a person would before closing it)."""
    seen: list[QDialog] = []

    def exec_(dlg, *_):
        seen.append(dlg)
        dlg.show()
        user(dlg)
        if dlg.isVisible():
            dlg.reject()
        return dlg.result()
    monkeypatch.setattr(QDialog, "exec", exec_)
    return seen


def saved_message() -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "saved_message" and w.isVisible()]
    assert len(boxes) == 1, "one 已保存 message is shown"
    return boxes[0]


def pdf_text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "")


def exports(ctx) -> list[str]:
    return [json.loads(n)["path"] for (n,) in ctx.db.execute("SELECT new FROM audit_log WHERE action = 'export'")]


def test_assessment_report_is_shown_here_printed_and_saved_elsewhere(qtbot, window, demo_ctx, tmp_path, monkeypatch,
                                                                     opened, data_folder):
    page = window.show_page("assessments")
    row = next(i for i, r in enumerate(page.model.rows) if r["last_date"])
    page.table.selectRow(row)
    name = page.model.rows[row]["name"]
    copy_to = tmp_path / "U盘" / "报告.pdf"
    copy_to.parent.mkdir()
    printed = tmp_path / "printed.pdf"

    def to_file(dlg, *_):
        dlg.printer().setOutputFormat(QPrinter.PdfFormat)
        dlg.printer().setOutputFileName(str(printed))
        return QDialog.Accepted
    monkeypatch.setattr(QPrintDialog, "exec", to_file)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy_to), "PDF (*.pdf)")))
    state = {}

    def user(dlg):
        assert isinstance(dlg, PdfPreviewDialog)
        state["pages"] = dlg.preview.page_count()
        state["where"] = dlg.where.text()
        image = dlg.preview.rendered_image(1, 500)
        state["colours"] = len({image.pixel(x, y) for x in range(0, 500, 9) for y in range(0, image.height(), 9)})
        qtbot.mouseClick(dlg.print_btn, Qt.LeftButton)
        qtbot.mouseClick(dlg.save_as_btn, Qt.LeftButton)
        box = saved_message()
        state["message"] = box.text()
        qtbot.mouseClick(box.findChild(type(dlg.print_btn), "btn_open_saved_folder"), Qt.LeftButton)
        qtbot.mouseClick(dlg.folder_btn, Qt.LeftButton)
    seen = run_modal(monkeypatch, user)
    qtbot.mouseClick(page.buttons["pdf"], Qt.LeftButton)

    assert len(seen) == 1 and name in seen[0].windowTitle()
    written = data_folder / "exports" / Path(state["where"].split("：", 1)[1]).name
    assert written.exists() and str(written) in state["where"]  # says where the file was written
    assert state["pages"] >= 1 and state["colours"] > 2  # drawn, not a blank page
    assert name in pdf_text(written) and name in pdf_text(copy_to)
    assert len(PdfReader(printed).pages) == state["pages"]  # 打印 drew every page
    assert str(copy_to) in state["message"]
    assert opened == [str(copy_to.parent), str(written.parent)]  # 打开所在文件夹: the copy's, then the original's
    assert exports(demo_ctx)[-2:] == [str(written), str(copy_to)]  # both files are on record


def test_referral_slip_is_shown_here(qtbot, window, demo_ctx, monkeypatch, opened, data_folder):
    page = window.show_page("referrals")
    page.table.selectRow(0)
    r = page.selected()
    seen = run_modal(monkeypatch, lambda dlg: qtbot.mouseClick(dlg.folder_btn, Qt.LeftButton))
    qtbot.mouseClick(page.buttons["print"], Qt.LeftButton)
    assert len(seen) == 1 and isinstance(seen[0], PdfPreviewDialog) and r["resident_name"] in seen[0].windowTitle()
    path = seen[0].path
    assert path.parent == data_folder / "exports" and r["resident_name"] in pdf_text(path)
    assert opened == [str(path.parent)]


def test_grade_list_export_says_where_it_went(qtbot, window, tmp_path, monkeypatch, opened):
    target = tmp_path / "导出" / "等级.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "Excel (*.xlsx)")))
    page = window.show_page("assessments")
    qtbot.mouseClick(page.buttons["excel"], Qt.LeftButton)
    assert load_workbook(target)["能力等级"]["A2"].value == "姓名"
    box = saved_message()
    assert str(target) in box.text() and box.defaultButton() is box.button(QMessageBox.Ok)
    qtbot.mouseClick(box.findChild(type(page.buttons["excel"]), "btn_open_saved_folder"), Qt.LeftButton)
    assert opened == [str(target.parent)]
    qtbot.keyClick(box, Qt.Key_Return)  # 确定
    assert not box.isVisible()


def test_without_a_file_manager_the_folder_is_named(qtbot, qapp, tmp_path, monkeypatch):
    from yiyang_desktop.ui.saved import open_folder
    told = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    assert open_folder(None, tmp_path / "a.pdf") is False
    assert told and str(tmp_path) in told[0]
