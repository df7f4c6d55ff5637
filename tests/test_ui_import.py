"""从Excel导入 as a user sees it: the real dialog driven with qtbot, real .xlsx files, a real database."""
from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from test_import import counts, good_sheets, write_book

from yiyang_desktop.ui.import_dialog import ImportDialog
from yiyang_desktop.ui.residents_page import ResidentsPage


def table(dlg) -> list[list[str]]:
    m = dlg.table.model()
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


@pytest.fixture
def dlg(qtbot, ctx):
    d = ImportDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    return d


def test_check_then_import_a_good_file(qtbot, dlg, ctx, db_path, tmp_path):
    assert not dlg.check_btn.isEnabled() and not dlg.import_btn.isEnabled()
    dlg.choose_file(write_book(tmp_path / "台账.xlsx", good_sheets()))
    assert "检查通过，可以导入" in dlg.status.text() and "入住老人 3 条" in dlg.status.text()
    assert set(counts(ctx).values()) == {0}, "checking writes nothing"
    dlg.grab().save(str(tmp_path / "checked.png"))
    assert dlg.import_btn.isEnabled()
    qtbot.mouseClick(dlg.import_btn, Qt.LeftButton)
    assert "导入完成" in dlg.status.text()
    assert counts(ctx)["residents"] == 3 and counts(ctx)["assessments"] == 2
    assert not dlg.import_btn.isEnabled() and not dlg.check_btn.isEnabled()
    dlg.findChild(type(dlg.import_btn), "btn_close").click()
    assert dlg.result() == QDialog.Accepted  # closing after an import tells the page to refresh


def test_second_import_of_the_same_file_lists_what_was_skipped(qtbot, dlg, ctx, db_path, tmp_path):
    path = write_book(tmp_path / "台账.xlsx", good_sheets())
    dlg.choose_file(path)
    dlg.import_btn.click()
    again = ImportDialog(ctx)
    qtbot.addWidget(again)
    again.choose_file(path)
    assert "没有需要新增的记录" in again.status.text() and "已存在、跳过" in again.status.text()
    assert not again.import_btn.isEnabled()
    assert ["入住老人", "2", "身份证号", "已存在，跳过"] in table(again)
    again.reject()
    assert again.result() == QDialog.Rejected
    assert counts(ctx)["residents"] == 3


def test_a_bad_file_shows_every_problem_and_imports_nothing(dlg, ctx, db_path, tmp_path):
    sheets = good_sheets()
    sheets["床位"][2][4] = "普通床"
    sheets["人员"][1][7] = "2022-02-30"
    dlg.choose_file(write_book(tmp_path / "bad.xlsx", sheets))
    rows = table(dlg)
    assert rows[0][:3] == ["床位", "3", "床位类型"] and "不在可选范围" in rows[0][3]
    assert ["人员", "2", "入职日期"] in [r[:3] for r in rows]
    assert "没有导入任何数据" in dlg.status.text()
    assert not dlg.import_btn.isEnabled()
    dlg.grab().save(str(tmp_path / "problems.png"))
    dlg.do_import()  # even if called, the all-or-nothing rule holds
    assert set(counts(ctx).values()) == {0}
    assert dlg.result() != QDialog.Accepted


def test_a_corrupt_file_gets_a_plain_message(dlg, tmp_path):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    dlg.choose_file(path)
    assert "已损坏或不是有效的 Excel 工作簿" in dlg.status.text()
    assert table(dlg) == [] and not dlg.import_btn.isEnabled()


def test_save_template_and_pick_through_file_dialogs(dlg, tmp_path, monkeypatch):
    target = tmp_path / "模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dlg.findChild(type(dlg.import_btn), "btn_save_template").click()
    assert openpyxl.load_workbook(target).sheetnames[:2] == ["说明", "床位"]
    assert "模板已保存" in dlg.status.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    dlg.findChild(type(dlg.import_btn), "btn_pick_file").click()
    assert dlg.file.text() == str(target)
    assert "没有需要新增的记录" in dlg.status.text()  # the empty template: only its example rows, which are skipped


def test_residents_page_button_opens_the_dialog_and_refreshes(qtbot, ctx, tmp_path, monkeypatch):
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    path = write_book(tmp_path / "台账.xlsx", good_sheets())

    def user_imports(self):
        self.choose_file(path)
        self.import_btn.click()
        self.reject()  # the user closes the dialog
        return self.result()
    monkeypatch.setattr(ImportDialog, "exec", user_imports)
    with qtbot.waitSignal(page.changed, timeout=1000):
        page.findChild(type(page.buttons["add"]), "btn_import_excel").click()
    assert page.count.text() == "共 3 人"
