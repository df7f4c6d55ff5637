"""人员 page driven as a user would: real dialogs for adding, editing and leaving; counts by role for today."""
import datetime as dt

import pytest
from factories import id_number
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from yiyang_desktop.services.staff import create_staff, get_staff, list_staff, staff_by_role
from yiyang_desktop.ui.staff_dialogs import LeavingDialog, StaffDialog
from yiyang_desktop.ui.staff_page import StaffPage

D = dt.date
TODAY = D(2026, 11, 23)


def ok(dlg):
    dlg.buttons.button(QDialogButtonBox.Ok).click()


def fill(dlg, **values):
    for name, v in values.items():
        w = dlg.form.fields[name]
        if hasattr(w, "findData"):
            i = w.findData(v)
            assert i >= 0, (name, v)
            w.setCurrentIndex(i)
        elif hasattr(w, "setChecked"):
            w.setChecked(v)
        elif hasattr(w, "set_value"):
            w.set_value(v)
        elif hasattr(w, "setPlainText"):
            w.setPlainText(v)
        else:
            w.setText(v)


@pytest.fixture
def page(qtbot, ctx):
    p = StaffPage(ctx)
    qtbot.addWidget(p)
    p.refresh()
    return p


def column(page, header):
    col = [page.model.headerData(c, Qt.Horizontal) for c in range(page.model.columnCount())].index(header)
    return [page.model.data(page.model.index(r, col)) for r in range(page.model.rowCount())]


def nurse_aide(ctx, name="护理员甲", start=D(2025, 1, 1)):
    return create_staff(ctx, {"name": name, "role": "护理员", "start_date": start})


def test_add_a_physician_with_first_registration(qtbot, ctx, page):
    dlg = StaffDialog(ctx, parent=page)
    qtbot.addWidget(dlg)
    assert dlg.form.fields["start_date"].value() == TODAY and "end_date" not in dlg.form.fields
    fill(dlg, name="王医生", role="执业医师", title="主治医师", practice_cert_no="110431200000001",
         employment="兼职", start_date=D(2025, 3, 1), phone="13800000000")
    fill(dlg, first_registration=True)
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    person = get_staff(ctx, dlg.result_value)
    assert (person["role"], person["first_registration"], person["employment"]) == ("执业医师", 1, "兼职")
    page.refresh()
    assert column(page, "姓名") == ["王医生"]
    assert column(page, "第一注册地") == ["是"] and column(page, "用工方式") == ["兼职"]
    assert column(page, "执业证书编号") == ["110431200000001"] and column(page, "入职日期") == ["2025-03-01"]
    assert "在职 1 人" in page.counts.text() and "执业医师 1" in page.counts.text()


def test_missing_practice_certificate_shown_beside_it_and_typed_values_kept(qtbot, ctx):
    dlg = StaffDialog(ctx)
    qtbot.addWidget(dlg)
    number = id_number(D(1980, 4, 5), "男")
    fill(dlg, name="李医生", role="执业助理医师", id_number=number, title="医士", qualification_cert_no="Q123",
         start_date=D(2024, 6, 1), phone="13900000000", note="每周三坐诊")
    fill(dlg, first_registration=True)
    typed = dlg.form.values()
    ok(dlg)
    assert dlg.result() != QDialog.Accepted
    err = dlg.form.errors["practice_cert_no"]
    assert not err.isHidden() and "执业证书" in err.text()
    assert dlg.form.errors["name"].isHidden()
    assert dlg.form.values() == typed
    assert list_staff(ctx, include_left=True) == []
    fill(dlg, practice_cert_no="210431200000002")
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    person = get_staff(ctx, dlg.result_value)
    assert (person["name"], person["sex"], person["first_registration"], person["note"]) == ("李医生", "男", 1, "每周三坐诊")


def test_first_registration_only_for_physicians(qtbot, ctx):
    dlg = StaffDialog(ctx)
    qtbot.addWidget(dlg)
    box = dlg.form.fields["first_registration"]
    assert not box.isEnabled()  # no role chosen yet
    fill(dlg, role="执业医师", first_registration=True)
    assert box.isEnabled() and box.isChecked()
    fill(dlg, role="注册护士")
    assert not box.isEnabled() and not box.isChecked()
    fill(dlg, role="执业助理医师")
    assert box.isEnabled() and box.isChecked()  # the tick comes back with a physician role


def test_leaving_removes_the_person_from_the_list_and_the_counts(qtbot, ctx, page):
    keep = nurse_aide(ctx, "护理员甲")
    leaver = nurse_aide(ctx, "护理员乙")
    page.refresh()
    assert "护理员 2" in page.counts.text()
    assert page.select(leaver)
    assert page.buttons["leave"].isEnabled()
    dlg = LeavingDialog(ctx, leaver, parent=page)
    qtbot.addWidget(dlg)
    assert "护理员乙" in dlg.findChild(type(dlg.form.general), "leaving_who").text()
    fill(dlg, end_date=D(2024, 12, 31))  # before the start: refused beside the date, nothing changes
    ok(dlg)
    assert dlg.result() != QDialog.Accepted and not dlg.form.errors["end_date"].isHidden()
    assert get_staff(ctx, leaver)["end_date"] is None
    fill(dlg, end_date=TODAY)
    ok(dlg)
    assert dlg.result() == QDialog.Accepted and get_staff(ctx, leaver)["end_date"] == TODAY.isoformat()
    page.refresh()
    assert column(page, "姓名") == ["护理员甲"]
    assert "护理员 1" in page.counts.text() and staff_by_role(ctx, TODAY)["护理员"] == 1
    page.show_left.setChecked(True)
    assert column(page, "姓名") == ["护理员甲", "护理员乙"] and column(page, "离职日期")[1] == TODAY.isoformat()
    assert "护理员 1" in page.counts.text()  # the counts stay those of today
    assert page.select(leaver) and not page.buttons["leave"].isEnabled()
    assert page.select(keep) and page.buttons["leave"].isEnabled()


def test_bad_id_number_is_refused_beside_the_field(qtbot, ctx):
    dlg = StaffDialog(ctx)
    qtbot.addWidget(dlg)
    good = id_number(D(1975, 1, 2), "女")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    fill(dlg, name="赵护士", role="注册护士", id_number=bad, practice_cert_no="N001")
    ok(dlg)
    assert dlg.result() != QDialog.Accepted
    err = dlg.form.errors["id_number"]
    assert not err.isHidden() and "校验位" in err.text()
    assert dlg.form.fields["id_number"].text() == bad and dlg.form.fields["name"].text() == "赵护士"
    assert list_staff(ctx, include_left=True) == []
    fill(dlg, id_number=good)
    ok(dlg)
    assert dlg.result() == QDialog.Accepted and get_staff(ctx, dlg.result_value)["sex"] == "女"


def test_double_click_opens_the_filled_edit_dialog(qtbot, ctx, page, monkeypatch):
    sid = nurse_aide(ctx)
    page.refresh()
    opened = []
    monkeypatch.setattr(page, "run_dialog", lambda dlg: opened.append(dlg) or False)
    assert not page.buttons["edit"].isEnabled()
    page.table.selectRow(0)
    page.table.doubleClicked.emit(page.model.index(0, 0))
    dlg = opened[0]
    qtbot.addWidget(dlg)
    assert isinstance(dlg, StaffDialog) and dlg.staff_id == sid
    assert dlg.form.fields["name"].text() == "护理员甲" and dlg.form.fields["role"].currentData() == "护理员"
    fill(dlg, phone="13600000000")
    ok(dlg)
    assert dlg.result() == QDialog.Accepted and get_staff(ctx, sid)["phone"] == "13600000000"


def test_someone_starting_later_stays_visible(qtbot, ctx, page):
    create_staff(ctx, {"name": "新护士", "role": "注册护士", "practice_cert_no": "N9", "start_date": D(2026, 12, 1)})
    page.refresh()
    assert column(page, "姓名") == ["新护士"]  # listed, so the user sees it was saved
    assert "在职 0 人" in page.counts.text()  # but not counted before the start date


def test_demo_staff_page(qtbot, demo_ctx):
    p = StaffPage(demo_ctx)
    qtbot.addWidget(p)
    p.refresh()
    assert p.model.rowCount() == 15 and "在职 15 人" in p.counts.text()
    p.show_left.setChecked(True)
    assert p.model.rowCount() == 16
