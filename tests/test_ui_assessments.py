"""Entering an assessment by keyboard only, drafts, the due list page, the report PDF and the Excel list."""
import datetime as dt
import json
import subprocess

import pytest

from factories import admitted, bed
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from yiyang_desktop.domain.assessment import list_instruments
from yiyang_desktop.services import assessments as A
from yiyang_desktop.ui.assessment_dialog import AssessmentDialog
from yiyang_desktop.ui.main_window import MainWindow

D = dt.date


def type_keys(qtbot, widget, keys):
    for k in keys:
        qtbot.keyClick(widget, getattr(Qt, f"Key_{k}"))


def test_full_gbt_assessment_by_keyboard(qtbot, ctx):
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    dlg = AssessmentDialog(ctx, rid)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.info.fields["assessor1"].setText("王评估")
    dlg.info.fields["assessor2"].setText("李评估")
    dlg.diag_boxes["F03"].setChecked(True)
    qtbot.keyClick(dlg, Qt.Key_PageDown)
    assert dlg.stack.currentIndex() == 1 and dlg.current.item.code == "B.1.1"
    # B.1: eight items scored 2 each; each number key picks and moves on; the page turns after the last item.
    type_keys(qtbot, dlg, "22222222")
    assert dlg.stack.currentIndex() == 2 and dlg.current.item.code == "B.2.1"
    assert "自理能力 16/32（8/8）" in dlg.subtotals.text()
    type_keys(qtbot, dlg, "3333")            # B.2 = 12
    type_keys(qtbot, dlg, "444444112")        # B.3 = 28
    type_keys(qtbot, dlg, "22434")           # B.4 = 15 → total 71 → grade 1, dementia → 2
    assert dlg.stack.currentIndex() == dlg.stack.count() - 1
    text = dlg.summary.text()
    assert "能力轻度受损" in text and "能力中度受损" in text and "71" in text
    qtbot.mouseClick(dlg.done_b, Qt.LeftButton)
    assert dlg.result() == QDialog.Accepted
    a = A.get_assessment(ctx, dlg.saved_id)
    assert (a["status"], a["total"], a["initial_grade"], a["final_grade"]) == ("完成", 71, 1, 2)
    assert a["answers"]["B.3.9"] == 2 and a["answers"]["B.2.4"] == 3


def test_a_key_an_item_does_not_allow_is_ignored(qtbot, ctx):
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    dlg = AssessmentDialog(ctx, rid)
    qtbot.addWidget(dlg)
    dlg.go(3)  # B.3
    for _ in range(6):
        qtbot.keyClick(dlg, Qt.Key_Down)  # ↓ moves on without answering
    assert dlg.current.item.code == "B.3.7"
    qtbot.keyClick(dlg, Qt.Key_4)  # B.3.7 allows 0/1 only
    assert dlg.current.item.code == "B.3.7" and dlg.current.value() is None


def ime_type(field, text: str) -> None:
    """Chinese typed as an input method hands it over: one commit of the finished text."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    field.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)
    assert field.text().endswith(text)


def planned_answers(inst) -> dict[str, tuple[int, str]]:
    """For each item an answer that varies from item to item, with the key that types it."""
    by_points = all(i.max_points <= 9 for i in inst.items)
    plan = {}
    for n, item in enumerate(inst.items):
        k = (n * 3 + 1) % len(item.options)
        points = item.options[k].points
        plan[item.code] = (points, str(points if by_points else k + 1))
    return plan


@pytest.mark.parametrize("instrument_id", [i.id for i in list_instruments()])
def test_a_whole_assessment_typed_number_then_enter_is_stored_as_typed(qtbot, ctx, instrument_id):
    """The README's way: 数字键选分、回车下一项. A number picks and moves to the next item, Enter on the next (still
    unanswered) item does not skip it, so number+Enter answers every item, in order, and Enter on the result page
    saves. The answers read back from the database are the ones typed."""
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    dlg = AssessmentDialog(ctx, rid)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.instrument.setCurrentIndex(dlg.instrument.findData(instrument_id))
    for name, text in (("assessor1", "王评估"), ("assessor2", "李评估"), ("informant_name", "张家属")):
        ime_type(dlg.info.fields[name], text)
    qtbot.keyClick(dlg.info.fields["informant_name"], Qt.Key_Return)  # Enter on the first page: the first item
    plan = planned_answers(dlg.inst)
    assert dlg.stack.currentIndex() == 1 and dlg.current.item.code == dlg.inst.items[0].code
    for item in dlg.inst.items:
        assert dlg.current.item.code == item.code  # never skipped
        qtbot.keyClick(dlg, getattr(Qt, f"Key_{plan[item.code][1]}"))
        qtbot.keyClick(dlg, Qt.Key_Return)
    assert dlg.stack.currentIndex() == dlg.stack.count() - 1 and dlg.current is None  # the result page
    if dlg.result() != QDialog.Accepted:
        qtbot.keyClick(dlg, Qt.Key_Return)  # Enter on the result page: 完成并保存
    assert dlg.result() == QDialog.Accepted, dlg.message.text()
    stored = A.get_assessment(ctx, dlg.saved_id)
    assert stored["status"] == "完成" and stored["instrument_id"] == instrument_id
    assert stored["answers"] == {code: points for code, (points, _key) in plan.items()}
    raw = ctx.db.execute("SELECT COUNT(*) FROM assessments WHERE id = ?", [dlg.saved_id]).fetchone()[0]
    assert raw == 1 and stored["assessor1"] == "王评估"


def test_enter_never_skips_an_unanswered_item_and_numbers_come_back_for_skipped_ones(qtbot, ctx):
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    dlg = AssessmentDialog(ctx, rid)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClick(dlg, Qt.Key_PageDown)
    assert dlg.current.item.code == "B.1.1"
    qtbot.keyClick(dlg, Qt.Key_Return)  # nothing chosen yet: stays, and says why
    assert dlg.current.item.code == "B.1.1" and "B.1.1" in dlg.message.text()
    qtbot.keyClick(dlg, Qt.Key_Down)  # ↓ is the way to leave an item for later
    assert dlg.current.item.code == "B.1.2"
    type_keys(qtbot, dlg, "3")
    assert dlg.current.item.code == "B.1.3" and dlg.message.text() == ""
    qtbot.keyClick(dlg, Qt.Key_Up)
    qtbot.keyClick(dlg, Qt.Key_Return)  # B.1.2 is answered: Enter moves on
    assert dlg.current.item.code == "B.1.3"
    type_keys(qtbot, dlg, "222222")  # B.1.3–B.1.8
    assert dlg.current.item.code == "B.2.1"
    rest = sum(1 for b in dlg.boxes if b.value() is None) - 1  # all but the skipped B.1.1
    type_keys(qtbot, dlg, "0" * rest)  # items without 0 ignore it: answer those by their lowest key
    while dlg.current is not None and dlg.current.item.code != "B.1.1":
        low = min(dlg.current.keys)
        type_keys(qtbot, dlg, str(low))
    assert dlg.stack.currentIndex() == 1 and dlg.current.item.code == "B.1.1"  # back to the one skipped
    type_keys(qtbot, dlg, "4")
    assert dlg.stack.currentIndex() == dlg.stack.count() - 1 and len(dlg.answers()) == len(dlg.boxes)


def test_incomplete_saves_as_draft_and_completing_it_later(qtbot, ctx):
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    dlg = AssessmentDialog(ctx, rid)
    qtbot.addWidget(dlg)
    dlg.go(1)
    type_keys(qtbot, dlg, "44")
    qtbot.mouseClick(dlg.done_b, Qt.LeftButton)
    assert dlg.result() != QDialog.Accepted
    assert "评估员1" in dlg.info.errors["assessor1"].text()  # sent back to the first page, beside the field
    assert dlg.stack.currentIndex() == 0
    qtbot.mouseClick(dlg.draft_b, Qt.LeftButton)
    assert dlg.result() == QDialog.Accepted
    draft = A.get_assessment(ctx, dlg.saved_id)
    assert draft["status"] == "草稿" and draft["answers"] == {"B.1.1": 4, "B.1.2": 4}
    again = AssessmentDialog(ctx, rid, dlg.saved_id)
    qtbot.addWidget(again)
    assert again.answers() == {"B.1.1": 4, "B.1.2": 4}


def test_barthel_keys_are_option_numbers(qtbot, ctx):
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    dlg = AssessmentDialog(ctx, rid)
    qtbot.addWidget(dlg)
    dlg.instrument.setCurrentIndex(dlg.instrument.findData("barthel"))
    dlg.go(1)
    type_keys(qtbot, dlg, "1111111111")  # the first option of each item: the highest points
    assert dlg.answers()["B.1.8"] == 15 and sum(dlg.answers().values()) == 100


def test_assessments_page_report_and_excel(qtbot, demo_ctx, tmp_path):
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    page = w.show_page("assessments")
    states = [r["state"] for r in page.model.rows]
    assert states[0] in ("已逾期", "未评估") and "已逾期" in states and "需即时评估" in states
    page.table.selectRow(0)
    assert page.model.rows[0]["name"] in page.history.toPlainText()
    path = page.export_excel(path=tmp_path / "grades.xlsx")
    ws = load_workbook(path)["能力等级"]
    assert ws["A2"].value == "姓名" and ws.max_row == len(page.model.rows) + 3  # title, header, rows, 合计
    assert ws.cell(ws.max_row, 1).value == f"合计 {len(page.model.rows)} 人"
    names = {ws.cell(row=i, column=1).value for i in range(3, ws.max_row)}
    assert names == {r["name"] for r in page.model.rows}
    assert ws.auto_filter.ref.startswith("A2") and ws.page_setup.orientation == "landscape"
    exports = demo_ctx.db.execute("SELECT user, new FROM audit_log WHERE action = 'export'").fetchall()
    assert [(u, json.loads(n)["path"]) for u, n in exports] == [(demo_ctx.user, str(path))]  # the export is on record


def test_read_only_user_cannot_export_personal_files(qtbot, demo_ctx, tmp_path, monkeypatch):
    from yiyang_desktop.services.base import Context
    viewer = Context(demo_ctx.db, user="v", role="只读", clock=demo_ctx.clock)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    w = MainWindow(viewer, tmp_path / "demo.db")
    qtbot.addWidget(w)
    page = w.show_page("assessments")
    assert page.export_excel(path=tmp_path / "grades.xlsx") is None
    assert not (tmp_path / "grades.xlsx").exists() and "无权导出含个人信息的文件" in shown[0]


def test_care_levels_dialog(qtbot, ctx):
    from yiyang_desktop.ui.assessments_page import CareLevelsDialog
    dlg = CareLevelsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.edits["gbt42195-2022"][4].setText("")
    dlg.save()
    assert dlg.result() != QDialog.Accepted and "每个等级" in dlg.error.text()
    dlg.edits["gbt42195-2022"][4].setText("专护")
    dlg.save()
    assert dlg.result() == QDialog.Accepted
    assert A.care_level_of(ctx, "gbt42195-2022", 4) == "专护"


def test_report_pdf_text(demo_ctx, tmp_path):
    from yiyang_desktop.exports.assessment_pdf import write_assessment_pdf
    from yiyang_desktop.services.assessment_reports import report_data
    aid = demo_ctx.db.execute("SELECT id FROM assessments WHERE status = '完成' AND final_grade > initial_grade LIMIT 1").fetchone()
    aid = aid[0] if aid else demo_ctx.db.execute("SELECT id FROM assessments WHERE status = '完成' LIMIT 1").fetchone()[0]
    data = report_data(demo_ctx, aid)
    pdf = write_assessment_pdf(tmp_path / "r.pdf", data)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for needle in ("老年人能力评估报告", data["resident"]["name"], data["initial_grade"], data["final_grade"],
                   "评估员签名", data["assessors"][0], data["assessors"][1], "自理能力"):
        assert needle in text
    assert text.count("■") == sum(1 for _, t in data["basis"] if t)


@pytest.mark.parametrize("instrument_id", [i.id for i in list_instruments()])
def test_every_item_page_fits_the_width_without_sideways_scrolling(qtbot, ctx, instrument_id):
    """B.3 精神状态 opened scrolled sideways with the left of every option cut off: texts now wrap to the width."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLabel, QRadioButton
    rid, _ = admitted(ctx, bed(ctx), D(2026, 1, 1))
    dlg = AssessmentDialog(ctx, rid)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.instrument.setCurrentIndex(dlg.instrument.findData(instrument_id))
    screen = dlg.screen().availableGeometry()
    assert dlg.width() <= screen.width() and dlg.height() <= screen.height()  # 1366×768 in the tests
    for page in range(1, dlg.stack.count() - 1):
        dlg.go(page)
        qtbot.wait(10)
        scroll = dlg.stack.currentWidget()
        view = scroll.viewport()
        assert scroll.horizontalScrollBar().maximum() == 0 and scroll.horizontalScrollBar().value() == 0
        for w in scroll.widget().findChildren(QLabel) + scroll.widget().findChildren(QRadioButton):
            left = w.mapTo(view, QPoint(0, 0)).x()
            assert 0 <= left and left + w.width() <= view.width(), (page, w.text()[:30])
