"""Health management as a user drives it on the demo: 概览 tiles open the lists, dialogs typed from the keyboard (Tab,
digits, Enter), a refused value marked next to its field with what was typed kept, the resident panel's health
section, and the 长护险 list on the 月报 page saved and previewed."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from yiyang_desktop.services import health as HS
from yiyang_desktop.services import ltc as LS
from yiyang_desktop.ui.main_window import MainWindow

D = dt.date
TODAY = D(2026, 11, 23)


@pytest.fixture
def window(qtbot, qapp, demo_ctx, tmp_path):
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


class Driven(list):
    """The dialogs driven, and what went wrong while driving them (raised again by ``check``)."""
    error: BaseException | None = None

    def check(self) -> QDialog:
        if self.error is not None:
            raise self.error
        assert self, "no dialog opened"
        return self[0]


def when_dialog_opens(qtbot, drive) -> Driven:
    """Run ``drive(dialog)`` once the modal dialog the next press opens is showing; it must close it. A failed
    assertion closes the dialog (so the test does not hang) and is raised by ``Driven.check``."""
    seen = Driven()

    def run():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, run)
            return
        seen.append(dlg)
        dlg.activateWindow()
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=2000)
            drive(dlg)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            seen.error = e
            dlg.reject()
    QTimer.singleShot(0, run)
    return seen


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user does: ASCII from the keys, Chinese committed by the input method (as an IME delivers it)."""
    from PySide6.QtGui import QInputMethodEvent
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def type_into(qtbot, dlg, name: str, text: str) -> None:
    """Focus a field as Tab would and type."""
    w = dlg.form.fields[name]
    w.setFocus()
    qtbot.keyClick(w, Qt.Key_End, Qt.ControlModifier)  # after what is there
    type_text(qtbot, w, text)


def test_tiles_open_the_lists(qtbot, window, demo_ctx):
    overview = window.page("overview")
    overview.refresh()
    lists = HS.due_lists(demo_ctx, TODAY)
    tiles = overview.tiles
    assert tiles["health_due"].value.text() == str(len(lists["due"])) != "0"
    assert tiles["feedback"].value.text() == str(len(lists["feedback_overdue"])) != "0"
    expiring = LS.expiring_levels(demo_ctx, TODAY, 60)
    assert tiles["ltc"].value.text() == str(len(expiring)) != "0"
    assert "30天内 1 人" in tiles["ltc"].detail.text()
    for key, tab in (("health_due", 0), ("feedback", 1), ("ltc", 3)):
        window.show_page("overview")
        qtbot.mouseClick(tiles[key], Qt.LeftButton)
        page = window.pages["health"]
        assert window.stack.currentWidget() is page and page.tabs.currentIndex() == tab
    page = window.pages["health"]
    assert page.due_model.total() == len(lists["due"]) and page.overdue_model.total() == len(lists["feedback_overdue"])
    assert page.tabs.tabText(3).endswith(f"（{page.ltc_model.total()}）")


def test_a_check_typed_from_the_keyboard(qtbot, window, demo_ctx):
    page = window.show_page("health#due")
    page.due_table.selectRow(0)
    who = page.due_model.row_at(0)

    def drive(dlg):
        kind = dlg.form.fields["provider_kind"]
        kind.setFocus()
        qtbot.keyClick(kind, Qt.Key_Down)          # 合作医疗机构 → 内设医疗机构
        assert kind.currentData() == "内设医疗机构" and not dlg.form.fields["partner_id"].isEnabled()
        type_into(qtbot, dlg, "provider_name", "本中心医务室")
        qtbot.keyClick(dlg.form.fields["provider_name"], Qt.Key_Tab)
        assert dlg.focusWidget() is dlg.form.fields["doctor"]
        type_text(qtbot, dlg.focusWidget(), "李建华")
        qtbot.keyClick(dlg.focusWidget(), Qt.Key_Tab)
        type_text(qtbot, dlg.focusWidget(), "血压 150/90mmHg")   # 主要发现
        qtbot.keyClick(dlg.focusWidget(), Qt.Key_Tab)            # a text box hands Tab on
        type_text(qtbot, dlg.focusWidget(), "低盐饮食")            # 健康指导建议
        qtbot.keyClick(dlg.focusWidget(), Qt.Key_Tab)
        assert dlg.focusWidget() is dlg.form.fields["feedback_date"]
        qtbot.keyClicks(dlg.focusWidget(), "20261123")
        qtbot.keyClick(dlg.focusWidget(), Qt.Key_Return)          # no 告知对象: refused, kept
        assert dlg.isVisible() and dlg.form.errors["feedback_to"].isVisible()
        assert "告知" in dlg.form.errors["feedback_to"].text()
        assert dlg.form.fields["findings"].toPlainText() == "血压 150/90mmHg"
        to = dlg.form.fields["feedback_to"]
        to.setFocus()
        qtbot.keyClick(to, Qt.Key_Down)                                   # 本人
        qtbot.keyClick(to, Qt.Key_Return)
    seen = when_dialog_opens(qtbot, drive)
    qtbot.mouseClick(page.buttons["add_check"], Qt.LeftButton)
    assert seen.check().result() == QDialog.Accepted
    made = HS.list_checks(demo_ctx, resident_id=who["resident_id"])[0]
    assert (made["check_date"], made["provider"], made["doctor"], made["feedback_date"], made["feedback_to"]) == \
        ("2026-11-23", "本中心医务室", "李建华", "2026-11-23", "本人")
    assert who["resident_id"] not in [r["resident_id"] for r in page.due_model.rows]


def test_feedback_entered_for_an_overdue_check(qtbot, window, demo_ctx):
    page = window.show_page("health#overdue")
    before = page.overdue_model.total()
    page.overdue_table.selectRow(0)
    row = page.overdue_model.row_at(0)

    def drive(dlg):
        assert dlg.focusWidget() is dlg.form.fields["feedback_date"]  # the dialog starts where needed
        qtbot.keyClicks(dlg.focusWidget(), "20261120")
        to = dlg.form.fields["feedback_to"]
        to.setFocus()
        qtbot.keyClick(to, Qt.Key_Down)
        qtbot.keyClick(to, Qt.Key_Down)                                   # 家属
        qtbot.keyClick(to, Qt.Key_Return)
    seen = when_dialog_opens(qtbot, drive)
    qtbot.mouseClick(page.buttons["feedback"], Qt.LeftButton)
    assert seen.check().result() == QDialog.Accepted
    check = HS.get_check(demo_ctx, row["check_id"])
    assert (check["feedback_date"], check["feedback_to"], check["feedback_on_time"]) == ("2026-11-20", "家属", False)
    assert page.overdue_model.total() == before - 1


def test_health_file_and_level_from_the_resident_panel(qtbot, window, demo_ctx):
    page = window.show_page("residents")
    rid = demo_ctx.db.execute("SELECT resident_id FROM ltc_levels ORDER BY id LIMIT 1").fetchone()[0]
    assert page.select(rid)
    html = page.detail.toPlainText()
    assert "健康档案" in html and "年度体检" in html and "长护险等级" in html
    versions = len(HS.health_file_history(demo_ctx, rid))

    def bad_then_good(dlg):
        since = dlg.form.fields["family_doctor_since"]
        dlg.form.fields["family_doctor"].clear()
        since.setFocus(Qt.TabFocusReason)   # tabbed into: the year is selected
        qtbot.keyClicks(since, "20260101")
        type_into(qtbot, dlg, "allergies", "、磺胺类")
        qtbot.keyClick(dlg.form.fields["note"], Qt.Key_Return)   # in a text box Enter is a new line, not 保存
        save = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
        save.setFocus()
        qtbot.keyClick(save, Qt.Key_Return)
        assert dlg.isVisible() and dlg.form.errors["family_doctor"].isVisible()   # next to the field
        assert dlg.form.fields["allergies"].toPlainText().endswith("、磺胺类")   # what was typed stays
        type_into(qtbot, dlg, "family_doctor", "杨丽")
        qtbot.keyClick(dlg.form.fields["family_doctor"], Qt.Key_Return)
    seen = when_dialog_opens(qtbot, bad_then_good)
    qtbot.mouseClick(page.health_buttons.buttons["health_file"], Qt.LeftButton)
    assert seen.check().result() == QDialog.Accepted
    history = HS.health_file_history(demo_ctx, rid)
    assert len(history) == versions + 1 and history[0]["allergies"].endswith("、磺胺类")
    assert history[0]["family_doctor_since"] == "2026-01-01" and history[0]["recorded_on"] == "2026-11-23"
    assert f"共 {versions + 1} 个版本" in page.detail.toPlainText()

    levels = len(LS.levels_of(demo_ctx, rid))

    def level(dlg):
        type_into(qtbot, dlg, "level", "重度失能Ⅲ级")
        start = dlg.form.fields["valid_from"]
        start.setFocus(Qt.TabFocusReason)
        qtbot.keyClicks(start, "20270101")
        end = dlg.form.fields["valid_to"]
        end.setFocus(Qt.TabFocusReason)
        qtbot.keyClicks(end, "20271231")
        qtbot.keyClick(end, Qt.Key_Return)
    seen = when_dialog_opens(qtbot, level)
    qtbot.mouseClick(page.health_buttons.buttons["level"], Qt.LeftButton)
    assert seen.check().result() == QDialog.Accepted
    rows = LS.levels_of(demo_ctx, rid)
    assert len(rows) == levels + 1 and (rows[0]["level"], rows[0]["valid_from"]) == ("重度失能Ⅲ级", "2027-01-01")
    assert rows[1]["valid_to"] <= "2026-12-31"   # the earlier level ends the day before (or already had)


def test_the_ltc_list_on_the_returns_page(qtbot, window, demo_ctx, tmp_path, monkeypatch):
    from yiyang_desktop.ui import ltc_tab, pdf_preview
    page = window.show_page("returns")
    tab = page.ltc_tab
    lst = LS.compute_list(demo_ctx, 2026, 10)
    assert tab.model.total() == len(lst.rows) > 0 and tab.excluded_model.total() == len(lst.excluded) > 0
    assert f"{lst.total_fen // 100:,}" in tab.totals.text() and tab.problems.isHidden()
    # a profile without 长护险 rules: said plainly, no zeros, nothing to save
    tab.profile.setCurrentIndex(tab.profile.findData("hecheng-2021"))
    tab.profile.activated.emit(tab.profile.currentIndex())
    assert tab.model.total() == 0 and "没有长期护理保险标准" in tab.problems.text() and not tab.save_btn.isEnabled()
    assert LS.list_profile(demo_ctx).id == "hecheng-2021"   # remembered (the administrator may)
    tab.profile.setCurrentIndex(tab.profile.findData("demo-ltc"))
    tab.profile.activated.emit(tab.profile.currentIndex())
    monkeypatch.setattr(ltc_tab.QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "out"))
    shown = []
    monkeypatch.setattr(ltc_tab, "show_saved", lambda parent, title, files: shown.append(files))
    qtbot.mouseClick(tab.save_btn, Qt.LeftButton)
    assert [p.name for p in shown[0]] == ["长护险清单-2026-10.xlsx", "长护险清单-2026-10.pdf"]
    ws = openpyxl.load_workbook(shown[0][0]).active
    assert sum(1 for row in ws.iter_rows(min_row=4) if isinstance(row[0].value, int)) >= len(lst.rows)
    previews = []
    monkeypatch.setattr(pdf_preview.PdfPreviewDialog, "exec", lambda self: previews.append(self.path) or 0)
    qtbot.mouseClick(tab.preview_btn, Qt.LeftButton)
    assert previews and previews[0].suffix == ".pdf" and previews[0].exists()


def test_the_ltc_section_is_filled_in_the_profile_editor(qtbot, qapp, demo_ctx):
    """A copy of the 重庆 profile gets the figures its text leaves out, in the same editor as every other rule."""
    from yiyang_desktop.services import policy
    from yiyang_desktop.ui.policy_dialog import ProfileEditDialog
    policy.copy_profile(demo_ctx, "chongqing-2023", "cq-district", "重庆某区（2026）")
    edit = ProfileEditDialog(demo_ctx, policy.get_profile(demo_ctx, "cq-district"), None)
    qtbot.addWidget(edit)
    days = edit.editor("ltc.hospital_days").widget          # a choice: the hospital-day rule
    share = edit.editor("ltc.levels[1].fund_share")          # typed in %
    edit.set_value("ltc.levels[1].fund_share", "七成")
    edit.save()
    assert edit.result() == 0
    assert share.error.text() and share.widget.text() == "七成"   # named under its field, kept as typed
    days.setCurrentIndex(days.findData("deduct"))
    edit.set_value("ltc.levels[1].day_yuan", "50")
    edit.set_value("ltc.levels[1].fund_share", "70")
    edit.save()
    assert edit.result() == 1
    ltc = policy.get_profile(demo_ctx, "cq-district").profile.ltc
    assert ltc.missing() == [] and ltc.levels[0].day_fen == 5000 and ltc.levels[0].month_cap_fen == 155000
    assert LS.compute_list(demo_ctx, 2026, 10, "cq-district").problems == []
