"""The 入住老人 page and its guided actions, driven as a user would: real dialogs and widgets, offscreen."""
import datetime as dt

import pytest
from factories import admitted, bed, id_number, resident
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from yiyang_desktop.services import residents as R
from yiyang_desktop.services.base import Context
from yiyang_desktop.services.census import census
from yiyang_desktop.ui.resident_dialogs import ResidentDialog
from yiyang_desktop.ui.residents_page import ResidentsPage
from yiyang_desktop.ui.stay_dialogs import AdmitDialog, DischargeDialog, EndLeaveDialog, LeaveDialog, MoveDialog

D = dt.date
COLS = ["姓名", "性别", "年龄", "身份证号", "床位", "入住日期", "户籍", "能力等级", "状态", "类别"]


def ok(dlg):
    dlg.buttons.button(QDialogButtonBox.Ok).click()


def fill(form, **values):
    for name, v in values.items():
        w = form.fields[name]
        if hasattr(w, "setPlainText"):
            w.setPlainText(v)
        elif hasattr(w, "setText"):
            w.setText(v)
        elif hasattr(w, "findData"):
            w.setCurrentIndex(w.findData(v))
        else:
            w.set_value(v)


def pick_bed(form, bed_id):
    picker = form.fields["bed_id"]
    assert picker.choose(bed_id), "the bed should be offered as free"


def shown(page):
    """The table as the user sees it (through the sort proxy): one dict per row, keyed by column header."""
    m = page.table.model()
    return [{COLS[c]: m.index(r, c).data() for c in range(m.columnCount())} for r in range(m.rowCount())]


@pytest.fixture
def page(qtbot, ctx):
    p = ResidentsPage(ctx)
    qtbot.addWidget(p)
    p.refresh()
    return p


def test_add_dialog_admits_into_a_free_bed(qtbot, ctx, page):
    b1 = bed(ctx, room="101", number="1")
    b2 = bed(ctx, room="201", number="2", bed_type="护理型床位")
    dlg = ResidentDialog(ctx, parent=page)
    qtbot.addWidget(dlg)
    number = id_number(D(1941, 2, 3), "男")
    fill(dlg.form, name="张三", id_number=number, phone="13800000000", medical_insurance="城乡居民", hukou_local=1)
    dlg.form.fields["categories"].set_value(["低保", "残疾"])
    dlg.form.fields["contacts"].set_value([{"name": "张小", "relation": "儿子", "phone": "13700000000"}])
    dlg.admit_form.fields["admission_date"].set_value(D(2026, 11, 1))
    pick_bed(dlg.admit_form, b2)
    ok(dlg)
    assert dlg.result() == QDialog.Accepted

    p = R.get_resident(ctx, dlg.result_value)
    assert (p["sex"], p["birth_date"], p["categories"]) == ("男", "1941-02-03", ["低保", "残疾"])
    assert p["contacts"] == [{"name": "张小", "relation": "儿子", "phone": "13700000000"}]
    [stay] = p["stays"]
    assert stay["admission_date"] == "2026-11-01" and [x["bed_id"] for x in stay["beds"]] == [b2]
    assert census(ctx, D(2026, 11, 23)).occupied_total == 1

    page.refresh()
    [row] = shown(page)
    assert row["姓名"] == "张三" and row["床位"] == "1号楼-1层-201-2" and row["状态"] == "在住"
    assert row["年龄"] == "85" and row["入住日期"] == "2026-11-01" and row["类别"] == "低保、残疾"
    assert row["身份证号"] == number  # an administrator may see the whole number
    assert page.count.text() == "共 1 人"
    assert b1 != b2
    nurse = ResidentsPage(Context(ctx.db, user="n", role="护理", clock=ctx.clock))
    qtbot.addWidget(nurse)
    nurse.refresh()
    [row] = shown(nurse)
    assert row["身份证号"] == number[:6] + "********" + number[-4:]  # 护理 may not: masked as the services mask
    nurse.table.selectRow(0)
    text = nurse.detail.toPlainText()  # the detail panel beside the list masks the same way, phones too
    assert number[:6] + "********" + number[-4:] in text and number not in text
    assert "137****0000" in text and "13700000000" not in text
    page.table.selectRow(0)
    assert number in page.detail.toPlainText() and "13700000000" in page.detail.toPlainText()


def test_id_number_fills_birth_date_and_sex_and_warns_while_typing(qtbot, ctx):
    dlg = ResidentDialog(ctx)
    qtbot.addWidget(dlg)
    good = id_number(D(1938, 12, 30), "男")
    dlg.form.fields["id_number"].setText(good[:10])
    assert dlg.form.errors["id_number"].isHidden()  # still typing: no scolding yet
    dlg.form.fields["id_number"].setText(good)
    assert dlg.form.fields["birth_date"].value() == D(1938, 12, 30)
    assert dlg.form.fields["sex"].currentData() == "男"
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    dlg.form.fields["id_number"].setText(bad)
    assert not dlg.form.errors["id_number"].isHidden() and "校验位" in dlg.form.errors["id_number"].text()


def test_wrong_id_number_shows_the_message_beside_the_field_and_keeps_every_value(qtbot, ctx):
    b = bed(ctx)
    dlg = ResidentDialog(ctx)
    qtbot.addWidget(dlg)
    good = id_number(D(1940, 5, 6), "女")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    fill(dlg.form, name="李四", id_number=bad, sex="女", phone="13900000000", hukou_address="鹤城区",
         medical_insurance="城镇职工", note="对青霉素过敏")
    fill(dlg.form, hukou_local=1)
    dlg.form.fields["ltc_insurance"].setChecked(True)
    dlg.form.fields["categories"].set_value(["特困"])
    contacts = [{"name": "李小", "relation": "儿子", "phone": "13700000000"},
                {"name": "李二", "relation": "女儿", "phone": "13600000000"}]
    dlg.form.fields["contacts"].set_value(contacts)
    dlg.admit_form.fields["admission_date"].set_value(D(2026, 11, 20))
    pick_bed(dlg.admit_form, b)
    before = dlg.form.values()
    ok(dlg)

    assert dlg.result() != QDialog.Accepted
    err = dlg.form.errors["id_number"]
    assert not err.isHidden() and "身份证号校验位不对" in err.text()
    assert dlg.form.values() == before
    assert dlg.form.values()["contacts"] == contacts
    assert dlg.admit_form.values() == {"admission_date": D(2026, 11, 20), "bed_id": b}
    assert R.list_residents(ctx, include_discharged=True) == []

    dlg.form.fields["id_number"].setText(good)
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    [row] = R.list_residents(ctx)
    assert row["name"] == "李四" and row["bed"] == "1号楼-1层-101-1" and row["ltc_insurance"] == 1


def test_pinyin_initials_id_digits_and_bed_search(qtbot, ctx, page):
    b1, b2 = bed(ctx, room="101"), bed(ctx, room="305")
    admitted(ctx, b1, D(2026, 1, 1), name="张三")
    admitted(ctx, b2, D(2026, 2, 1), name="王五", birth=D(1944, 7, 8))
    page.refresh()
    assert {r["姓名"] for r in shown(page)} == {"张三", "王五"} and page.count.text() == "共 2 人"
    page.search.setText("zs")  # instant, no Enter needed
    assert [r["姓名"] for r in shown(page)] == ["张三"] and page.count.text() == "共 1 人"
    page.search.setText("王")
    assert [r["姓名"] for r in shown(page)] == ["王五"]
    page.search.setText("19440708")
    assert [r["姓名"] for r in shown(page)] == ["王五"]
    page.search.setText("-305")  # a bed number (with its dash: bare digits may also be inside an ID number)
    assert [r["姓名"] for r in shown(page)] == ["王五"]
    page.search.setText("xyz")
    assert shown(page) == [] and "没有找到" in page.detail.toPlainText()


def test_refused_admission_for_a_bed_taken_meanwhile_leaves_no_half_created_resident(qtbot, ctx):
    b = bed(ctx)
    dlg = ResidentDialog(ctx)
    qtbot.addWidget(dlg)
    fill(dlg.form, name="赵六", id_number=id_number(sex="女"), phone="13500000000", hukou_local=0)
    pick_bed(dlg.admit_form, b)
    admitted(ctx, b, D(2026, 11, 1), name="王五")  # someone else took the bed while the dialog was open
    ok(dlg)
    assert dlg.result() != QDialog.Accepted
    assert "已由 王五 入住" in dlg.admit_form.errors["bed_id"].text()
    assert [r["name"] for r in R.list_residents(ctx, include_discharged=True)] == ["王五"]
    assert dlg.form.values()["name"] == "赵六" and dlg.form.values()["phone"] == "13500000000"


def test_admission_refused_by_the_service_rolls_back_the_new_resident(qtbot, ctx):
    b = bed(ctx)
    dlg = ResidentDialog(ctx)
    qtbot.addWidget(dlg)
    fill(dlg.form, name="孙七", id_number=id_number(sex="男"), sex="男", hukou_local=1)
    dlg.admit_form.fields["admission_date"].set_value(D(2027, 3, 1))  # too far ahead: admit() itself refuses
    pick_bed(dlg.admit_form, b)
    ok(dlg)
    assert dlg.result() != QDialog.Accepted
    assert "30天" in dlg.admit_form.errors["admission_date"].text()
    assert R.list_residents(ctx, include_discharged=True) == []


def test_resident_and_bed_problems_are_shown_together(qtbot, ctx):
    bed(ctx)
    dlg = ResidentDialog(ctx)
    qtbot.addWidget(dlg)
    fill(dlg.form, id_number="123")
    ok(dlg)
    assert "请填写姓名" in dlg.form.errors["name"].text()
    assert "18位" in dlg.form.errors["id_number"].text()
    assert "请选择床位" in dlg.admit_form.errors["bed_id"].text()


def test_register_without_admitting_then_admit_from_the_page(qtbot, ctx, page):
    b = bed(ctx)
    dlg = ResidentDialog(ctx)
    qtbot.addWidget(dlg)
    fill(dlg.form, name="周八", id_number=id_number(sex="女"), sex="女", hukou_local=0)
    dlg.admit_box.setChecked(False)
    ok(dlg)
    assert dlg.result() == QDialog.Accepted and R.get_resident(ctx, dlg.result_value)["stays"] == []
    page.refresh()
    assert shown(page) == []  # not in residence: only with 显示已出院
    page.show_all.setChecked(True)
    assert [(r["姓名"], r["状态"]) for r in shown(page)] == [("周八", "未入住")]
    assert page.select(dlg.result_value)
    assert page.buttons["admit"].isEnabled() and not page.buttons["discharge"].isEnabled()
    adm = AdmitDialog(ctx, dlg.result_value)
    qtbot.addWidget(adm)
    pick_bed(adm.form, b)
    ok(adm)
    assert adm.result() == QDialog.Accepted and R.list_residents(ctx)[0]["bed"] == "1号楼-1层-101-1"


def test_move_leave_end_leave_and_discharge_through_the_dialogs(qtbot, ctx, page):
    b1, b2 = bed(ctx, number="1"), bed(ctx, number="2")
    rid, stay = admitted(ctx, b1, D(2026, 1, 1))

    move = MoveDialog(ctx, stay)
    qtbot.addWidget(move)
    assert "张三" in move.heading.text() and "101-1" in move.heading.text()
    move.form.fields["date"].set_value(D(2026, 2, 1))
    assert move.form.fields["bed_id"].findData(b1) == -1  # the bed the resident is in is not offered
    pick_bed(move.form, b2)
    ok(move)
    assert move.result() == QDialog.Accepted

    leave = LeaveDialog(ctx, stay)
    qtbot.addWidget(leave)
    fill(leave.form, kind="住院", destination="县人民医院")
    leave.form.fields["start_date"].set_value(D(2026, 11, 20))
    ok(leave)
    assert leave.result() == QDialog.Accepted
    page.refresh()
    assert page.select(rid)
    assert shown(page)[0]["状态"] == "住院" and page.buttons["end_leave"].isEnabled()
    lv = page.open_leave(page.selected())
    assert lv["kind"] == "住院"

    back = EndLeaveDialog(ctx, lv["id"], leave=lv, name="张三")
    qtbot.addWidget(back)
    assert "县人民医院" in back.heading.text()
    back.form.fields["end_date"].set_value(D(2026, 11, 19))  # before leaving: refused beside the field
    ok(back)
    assert back.result() != QDialog.Accepted and "不能早于" in back.form.errors["end_date"].text()
    back.form.fields["end_date"].set_value(D(2026, 11, 22))
    ok(back)
    assert back.result() == QDialog.Accepted
    page.refresh()
    assert shown(page)[0]["状态"] == "在住" and not page.buttons["end_leave"].isEnabled()

    dis = DischargeDialog(ctx, stay)
    qtbot.addWidget(dis)
    dis.form.fields["discharge_date"].set_value(D(2026, 11, 23))
    ok(dis)  # no reason chosen
    assert dis.result() != QDialog.Accepted and "出院原因" in dis.form.errors["discharge_reason"].text()
    fill(dis.form, discharge_reason="回家", discharge_note="子女接回")
    ok(dis)
    assert dis.result() == QDialog.Accepted

    s = R.get_resident(ctx, rid)["stays"][0]
    assert [(x["bed_id"], x["start_date"], x["end_date"]) for x in s["beds"]] == [
        (b1, "2026-01-01", "2026-02-01"), (b2, "2026-02-01", "2026-11-23")]
    assert [(x["kind"], x["start_date"], x["end_date"]) for x in s["leaves"]] == [("住院", "2026-11-20", "2026-11-22")]
    assert (s["discharge_date"], s["discharge_reason"]) == ("2026-11-23", "回家")
    page.show_all.setChecked(True)
    page.select(rid)
    text = page.detail.toPlainText()
    assert "换床到 1号楼-1层-101-2" in text and "县人民医院" in text and "出院（回家）：子女接回" in text


def test_discharged_resident_is_hidden_unless_ticked_and_can_come_back(qtbot, ctx, page):
    b1, b2 = bed(ctx, number="1"), bed(ctx, number="2")
    rid, stay = admitted(ctx, b1, D(2025, 3, 1))
    R.discharge(ctx, stay, {"discharge_date": D(2025, 9, 1), "discharge_reason": "转院"})
    page.refresh()
    assert shown(page) == [] and page.count.text() == "共 0 人"
    page.show_all.setChecked(True)
    [row] = shown(page)
    assert row["状态"] == "已出院" and row["床位"] == "" and page.count.text() == "共 1 人，其中在住 0 人"
    assert page.select(rid) and page.buttons["admit"].isEnabled() and not page.buttons["move"].isEnabled()

    early = AdmitDialog(ctx, rid)  # a date inside the old stay overlaps it
    qtbot.addWidget(early)
    assert "再次入住" in early.heading.text()
    early.form.fields["admission_date"].set_value(D(2025, 8, 1))
    pick_bed(early.form, b2)
    ok(early)
    assert early.result() != QDialog.Accepted and "重叠" in early.form.errors["admission_date"].text()
    assert len(R.get_resident(ctx, rid)["stays"]) == 1

    again = AdmitDialog(ctx, rid)
    qtbot.addWidget(again)
    again.form.fields["admission_date"].set_value(D(2026, 10, 1))
    pick_bed(again.form, b2)
    ok(again)
    assert again.result() == QDialog.Accepted
    stays = R.get_resident(ctx, rid)["stays"]
    assert [(s["admission_date"], s["discharge_date"]) for s in stays] == [("2025-03-01", "2025-09-01"), ("2026-10-01", None)]
    page.show_all.setChecked(False)
    [row] = shown(page)
    assert page.count.text() == "共 1 人"
    assert row["状态"] == "在住" and row["床位"] == "1号楼-1层-101-2" and row["入住日期"] == "2026-10-01"
    page.select(rid)
    assert "第 2 次" in page.detail.toPlainText() and "第 1 次" in page.detail.toPlainText()


def test_edit_dialog_shows_the_full_id_number_and_saves_contacts(qtbot, ctx):
    rid = resident(ctx, "钱九", contacts=[{"name": "钱一", "relation": "侄子", "phone": "13100000000"}])
    dlg = ResidentDialog(ctx, rid)
    qtbot.addWidget(dlg)
    assert dlg.admit_box is None
    assert dlg.form.fields["id_number"].text() == R.get_resident(ctx, rid)["id_number"]
    assert dlg.form.fields["contacts"].value()[0]["name"] == "钱一"
    dlg.form.fields["contacts"].set_value([{"name": "钱一", "relation": "侄子", "phone": "13100000000"},
                                           {"name": "", "relation": "", "phone": "13200000000"}])
    ok(dlg)  # second contact has a phone but no name
    assert dlg.result() != QDialog.Accepted and "请填写姓名" in dlg.form.errors["contacts"].text()
    dlg.form.fields["contacts"].rows[1][0].setText("钱二")
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    assert [c["name"] for c in R.get_resident(ctx, rid)["contacts"]] == ["钱一", "钱二"]


def test_buttons_open_the_guided_dialogs(qtbot, ctx, page):
    """The page's own buttons: 请假/住院 then 销假 run the dialogs for the selected resident."""
    b = bed(ctx)
    rid, _ = admitted(ctx, b, D(2026, 1, 1))
    page.refresh()
    page.select(rid)
    seen = []

    def answer(setup):
        def run(tries=[0]):
            dlg = QApplication.activeModalWidget()
            if dlg is None:  # the dialog is not up yet
                tries[0] += 1
                assert tries[0] < 200, "no dialog opened"
                QTimer.singleShot(10, run)
                return
            seen.append(dlg.windowTitle())
            try:
                setup(dlg)
                ok(dlg)
            finally:
                if dlg.isVisible():
                    dlg.reject()  # never leave a modal dialog blocking the test run
        QTimer.singleShot(0, run)

    answer(lambda d: d.form.fields["start_date"].set_value(D(2026, 11, 21)))
    page.buttons["leave"].click()
    assert shown(page)[0]["状态"] == "外出"
    answer(lambda d: d.form.fields["end_date"].set_value(D(2026, 11, 23)))
    page.buttons["end_leave"].click()
    assert seen == ["请假/住院", "销假（返回）"]
    assert shown(page)[0]["状态"] == "在住" and page.selected()["id"] == rid


def test_sorting_by_age_is_numeric_and_selection_follows(qtbot, ctx, page):
    for i, (name, birth) in enumerate([("甲", D(1925, 1, 1)), ("乙", D(1950, 1, 1)), ("丙", D(1931, 6, 1))]):
        admitted(ctx, bed(ctx, number=str(i + 1)), D(2026, 1, 1), name=name, birth=birth)
    page.refresh()
    page.table.sortByColumn(COLS.index("年龄"), Qt.AscendingOrder)
    assert [r["年龄"] for r in shown(page)] == ["76", "95", "101"]
    rid = next(r["id"] for r in page.model.rows if r["name"] == "甲")
    assert page.select(rid) and page.selected()["name"] == "甲"
    assert "甲" in page.detail.toPlainText()


def test_demo_page_counts_and_masks(qtbot, demo_ctx):
    clerk_ok = Context(demo_ctx.db, user="c", role="登记员", clock=demo_ctx.clock)
    viewer = Context(demo_ctx.db, user="v", role="只读", clock=demo_ctx.clock)
    page = ResidentsPage(viewer)
    qtbot.addWidget(page)
    page.refresh()
    rows = shown(page)
    listed = R.list_residents(demo_ctx)
    assert len(rows) == len(listed) > 50
    assert page.count.text() == f"共 {len(rows)} 人"
    full = {r["id_number"] for r in listed}
    assert all("********" in r["身份证号"] and r["身份证号"] not in full for r in rows)
    page.search.setText(listed[0]["id_number"])  # the whole number would confirm the hidden digits: no match
    assert shown(page) == []
    page.search.setText(listed[0]["id_number"][-4:])  # the digits it can see do find the person
    assert listed[0]["name"] in [r["姓名"] for r in shown(page)]
    clerk = ResidentsPage(clerk_ok)
    qtbot.addWidget(clerk)
    clerk.refresh()
    assert {r["身份证号"] for r in shown(clerk)} == full
    assert {r["状态"] for r in rows} <= {"在住", "外出", "住院"}


def test_a_resident_who_died_cannot_be_admitted_again(qtbot, ctx, page):
    b = bed(ctx)
    rid, stay = admitted(ctx, b, D(2025, 1, 1), name="吴十", birth=D(1930, 12, 1))
    R.discharge(ctx, stay, {"discharge_date": D(2025, 11, 2), "discharge_reason": "死亡"})
    page.show_all.setChecked(True)
    assert page.select(rid)
    assert not page.buttons["admit"].isEnabled()
    assert shown(page)[0]["年龄"] == "94"  # age at death, not age today


def test_current_grade_column_and_assessment_history(qtbot, demo_ctx):
    from yiyang_desktop.services.assessments import latest_completed
    page = ResidentsPage(demo_ctx)
    qtbot.addWidget(page)
    page.refresh()
    latest = latest_completed(demo_ctx)
    rows = shown(page)
    by_name = {r["姓名"]: r for r in rows}
    some = next(r for r in page.model.rows if r["id"] in latest)
    full = latest[some["id"]]["final_grade_name"]  # the list shows the short name in its brackets
    assert by_name[some["name"]]["能力等级"] == full[full.index("（") + 1:-1]
    page.select(some["id"])
    text = page.detail.toPlainText()
    assert "能力评估记录" in text and latest[some["id"]]["assessed_on"] in text


def test_hukou_is_an_explicit_choice_with_no_default(qtbot, ctx):
    """户籍 starts blank: saving without choosing says so beside the field (nothing is written, nothing typed is
    lost); choosing 本地 by keyboard saves 本地 — never a silent 外地 that drops the resident from the subsidy."""
    b = bed(ctx)
    dlg = ResidentDialog(ctx)
    qtbot.addWidget(dlg)
    hukou = dlg.form.fields["hukou_local"]
    assert hukou.currentData() is None and hukou.currentText() == "（请选择）"
    fill(dlg.form, name="钱九", id_number=id_number(D(1945, 3, 3), "女"), phone="13300000000")
    pick_bed(dlg.admit_form, b)
    ok(dlg)
    assert dlg.result() != QDialog.Accepted
    assert "请选择户籍" in dlg.form.errors["hukou_local"].text() and not dlg.form.errors["hukou_local"].isHidden()
    assert R.list_residents(ctx, include_discharged=True) == []
    assert dlg.form.values()["name"] == "钱九" and dlg.admit_form.values()["bed_id"] == b
    hukou.setFocus()
    qtbot.keyClick(hukou, Qt.Key_Down)  # the first real choice: 本地
    assert hukou.currentText() == "本地"
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    assert R.get_resident(ctx, dlg.result_value)["hukou_local"] == 1
    edit = ResidentDialog(ctx, dlg.result_value)
    qtbot.addWidget(edit)
    assert edit.form.fields["hukou_local"].currentText() == "本地"
