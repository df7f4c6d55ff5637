"""The policy editor as an administrator uses it, by keyboard: copy a shipped profile, change a rate in 元, save,
reopen and find the value; a wrong value is named under its field and what was typed stays. The form is drawn from
the profile's field metadata: every setting of the typed profile has its input."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit

from yiyang_desktop.domain.policy.fields import describe
from yiyang_desktop.domain.policy.profile import PolicyProfile
from yiyang_desktop.services import policy
from yiyang_desktop.ui.policy_dialog import PolicyDialog, ProfileEditDialog


def answer_next_modal(qtbot, answer) -> list:
    """Run ``answer(dialog)`` on the next modal window the program opens (an input dialog, the editor)."""
    seen: list = []

    def poll():
        w = QApplication.activeModalWidget()
        if w is None or w in seen:
            QTimer.singleShot(20, poll)
            return
        seen.append(w)
        try:
            answer(w)
        finally:  # a failed answer must not leave a modal window waiting for ever
            if w.isVisible() and w is QApplication.activeModalWidget() and not getattr(w, "_answered", False):
                QTimer.singleShot(200, lambda: w.isVisible() and w.reject())
    QTimer.singleShot(0, poll)
    return seen


def type_into_input(qtbot, text):
    def answer(dlg):
        assert isinstance(dlg, QInputDialog)
        edit = dlg.findChild(QLineEdit)
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key_Return)
    return answer


def test_copy_change_a_rate_save_and_reload_by_keyboard(qtbot, qapp, demo_ctx):
    dlg = PolicyDialog(demo_ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    ids = [r["id"] for r in dlg.model.rows]
    dlg.table.setFocus()
    qtbot.keyClick(dlg.table, Qt.Key_Home, Qt.ControlModifier)
    for _ in range(ids.index("hecheng-2021")):
        qtbot.keyClick(dlg.table, Qt.Key_Down)
    assert dlg.current()["id"] == "hecheng-2021"

    answer_next_modal(qtbot, type_into_input(qtbot, "my-town-2026"))
    QTimer.singleShot(400, lambda: answer_next_modal(qtbot, type_into_input(qtbot, "Ben Zhen 2026")))
    qtbot.mouseClick(dlg.findChild(object, "btn_copy"), Qt.LeftButton)
    assert dlg.current()["id"] == "my-town-2026" and not dlg.current()["shipped"]

    def change_rate(edit: ProfileEditDialog):
        edit.tabs.tabBar().setFocus()
        for _ in range(4):  # → along the tabs to the last one: 运营补贴
            qtbot.keyClick(edit.tabs.tabBar(), Qt.Key_Right)
        assert edit.tabs.tabText(edit.tabs.currentIndex()) == "运营补贴"
        rate = edit.editor("operating.rates[1].yuan").widget
        assert rate.text() == "100"
        rate.setFocus()
        qtbot.keyClick(rate, Qt.Key_A, Qt.ControlModifier)
        qtbot.keyClicks(rate, "130.5")
        share = edit.editor("operating.occupancy_floor").widget  # a share is typed in %
        share.setFocus()
        qtbot.keyClick(share, Qt.Key_A, Qt.ControlModifier)
        qtbot.keyClicks(share, "30")
        qtbot.keyClick(share, Qt.Key_Return)  # Enter: 保存
    answer_next_modal(qtbot, change_rate)
    qtbot.mouseClick(dlg.findChild(object, "btn_edit"), Qt.LeftButton)

    saved = policy.get_profile(demo_ctx, "my-town-2026")
    assert saved.operating.rates[0].fen == 13050 and str(saved.operating.occupancy_floor) == "0.3"
    assert saved.title == "Ben Zhen 2026" and saved.title_en == ""  # a copy does not keep the English name
    again = ProfileEditDialog(demo_ctx, saved, dlg)
    qtbot.addWidget(again)
    assert again.editor("operating.rates[1].yuan").widget.text() == "130.5"
    assert again.editor("operating.occupancy_floor").widget.text() == "30"


def test_a_wrong_value_is_named_under_its_field_and_kept(qtbot, qapp, demo_ctx):
    policy.copy_profile(demo_ctx, "hecheng-2021", "my-town-2026", "本镇（2026）")
    edit = ProfileEditDialog(demo_ctx, policy.get_profile(demo_ctx, "my-town-2026"))
    qtbot.addWidget(edit)
    edit.show()
    edit.set_value("operating.rates[2].yuan", "一百五")
    edit.editor("operating.occupancy_floor").widget.setText("150")
    edit.editor("construction.rates[1].bed_type").widget.setCurrentIndex(-1)
    qtbot.mouseClick(edit.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    assert edit.result() == 0
    wrong = edit.editor("operating.rates[2].yuan")
    assert "不是数字" in wrong.error.text() and wrong.widget.text() == "一百五"  # what was typed stays
    assert "0 到 100" in edit.editor("operating.occupancy_floor").error.text()
    assert edit.tabs.tabText(edit.tabs.currentIndex()) in ("运营补贴", "建设补贴")
    assert policy.get_profile(demo_ctx, "my-town-2026").operating.rates[1].fen == 15000  # nothing saved


def test_the_form_has_an_input_for_every_setting(qtbot, qapp, demo_ctx):
    edit = ProfileEditDialog(demo_ctx, policy.get_profile(demo_ctx, "hecheng-2021"))
    qtbot.addWidget(edit)
    paths = set()
    for form in edit.forms:
        paths |= set(form.all_editors())
    expected = {d["path"] for d in describe(PolicyProfile) if d["kind"] not in ("rows", "section") and "[]" not in d["path"]}
    assert expected <= paths
    assert "operating.rates[1].yuan" in paths and "operating.rates[2].source" in paths  # each rule with its source
    labels = {e.widget.objectName() for e in edit.forms[0].all_editors().values()}
    assert "policy_title" in labels and not any(label.startswith("policy_operating") for label in labels)
