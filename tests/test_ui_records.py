"""The record pages driven as a user would: real dialogs, real widgets, offscreen."""
import datetime as dt

from factories import admitted, bed, id_number
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from yiyang_desktop.services import residents as R
from yiyang_desktop.services.census import census
from yiyang_desktop.services.institution import get_institution
from yiyang_desktop.services.staff import list_staff, staff_by_role
from yiyang_desktop.ui.bed_dialogs import BedDialog, TypeDialog
from yiyang_desktop.ui.main_window import MainWindow
from yiyang_desktop.ui.resident_dialogs import DischargeDialog, LeaveDialog, MoveDialog, ResidentDialog
from yiyang_desktop.ui.staff_page import StaffDialog

D = dt.date


def ok(dlg):
    dlg.buttons.button(QDialogButtonBox.Ok).click()


def fill(dlg, **values):
    for name, v in values.items():
        w = dlg.form.fields[name]
        if hasattr(w, "setText"):
            w.setText(v)
        elif hasattr(w, "findData"):
            w.setCurrentIndex(w.findData(v))
        else:
            w.set_value(v)


def test_admit_through_the_dialog_and_the_bed_board_shows_it(qtbot, ctx, db_path):
    b = bed(ctx, room="201", number="2", bed_type="护理型床位")
    w = MainWindow(ctx, db_path)
    qtbot.addWidget(w)
    w.show()
    page = w.show_page("residents")
    dlg = ResidentDialog(ctx, parent=page)
    qtbot.addWidget(dlg)
    number = id_number(D(1941, 2, 3), "男")
    fill(dlg, name="张三", id_number=number, phone="13800000000", hukou_local=1)
    assert dlg.form.fields["birth_date"].value() == D(1941, 2, 3)  # derived from the ID number
    assert dlg.form.fields["sex"].currentData() == "男"
    dlg.admit_form.fields["bed_id"].setCurrentIndex(dlg.admit_form.fields["bed_id"].findData(b))
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    page.refresh()
    assert [r["name"] for r in page.model.rows] == ["张三"]
    beds = w.show_page("beds")
    beds.refresh()
    assert (b, "1号楼-1层-201-2", "在住", "张三") in beds.board.visible_tiles()
    assert "在住 <b>1</b>" in beds.totals.text()


def test_wrong_id_number_keeps_every_typed_value(qtbot, ctx):
    b = bed(ctx)
    dlg = ResidentDialog(ctx)
    qtbot.addWidget(dlg)
    good = id_number()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    fill(dlg, name="李四", id_number=bad, phone="13900000000", hukou_address="鹤城区", hukou_local=0)
    dlg.form.fields["contacts"].set_value([{"name": "李小", "relation": "儿子", "phone": "13700000000"}])
    dlg.admit_form.fields["bed_id"].setCurrentIndex(dlg.admit_form.fields["bed_id"].findData(b))
    ok(dlg)
    assert dlg.result() != QDialog.Accepted
    err = dlg.form.errors["id_number"]
    assert not err.isHidden() and "校验位" in err.text()
    v = dlg.form.values()
    assert (v["name"], v["id_number"], v["phone"], v["hukou_address"]) == ("李四", bad, "13900000000", "鹤城区")
    assert v["contacts"][0]["name"] == "李小"
    assert R.list_residents(ctx, include_discharged=True) == []
    fill(dlg, id_number=good, sex="女")
    ok(dlg)
    assert dlg.result() == QDialog.Accepted and R.list_residents(ctx)[0]["name"] == "李四"


def test_refused_admission_creates_no_half_resident(qtbot, ctx):
    b = bed(ctx)
    admitted(ctx, b, D(2026, 1, 1), name="王五")
    dlg = ResidentDialog(ctx)
    qtbot.addWidget(dlg)
    fill(dlg, name="赵六", id_number=id_number(sex="女"), sex="女", hukou_local=1)
    dlg.admit_form.fields["bed_id"].setCurrentIndex(0)  # no bed chosen
    ok(dlg)
    assert dlg.result() != QDialog.Accepted
    assert "请选择床位" in dlg.admit_form.errors["bed_id"].text()
    assert [r["name"] for r in R.list_residents(ctx, include_discharged=True)] == ["王五"]


def test_move_leave_and_discharge_dialogs(qtbot, ctx):
    b1, b2 = bed(ctx, number="1"), bed(ctx, number="2")
    rid, stay = admitted(ctx, b1, D(2026, 1, 1))
    move = MoveDialog(ctx, stay)
    qtbot.addWidget(move)
    move.form.fields["date"].set_value(D(2026, 2, 1))
    picker = move.form.fields["bed_id"]
    assert picker.findData(b1) == -1 and picker.findData(b2) > 0  # only free beds are offered
    picker.setCurrentIndex(picker.findData(b2))
    ok(move)
    leave = LeaveDialog(ctx, stay)
    qtbot.addWidget(leave)
    fill(leave, kind="住院", destination="县人民医院")
    leave.form.fields["start_date"].set_value(D(2026, 3, 1))
    ok(leave)
    assert census(ctx, D(2026, 3, 2)).residents[0].away == "住院"
    dis = DischargeDialog(ctx, stay)
    qtbot.addWidget(dis)
    dis.form.fields["discharge_date"].set_value(D(2026, 3, 10))
    ok(dis)  # no reason chosen: refused beside the field
    assert dis.result() != QDialog.Accepted and "出院原因" in dis.form.errors["discharge_reason"].text()
    fill(dis, discharge_reason="死亡")
    ok(dis)
    assert dis.result() == QDialog.Accepted
    assert census(ctx, D(2026, 3, 10)).occupied_total == 0


def test_pinyin_search_and_discharged_filter(qtbot, demo_ctx, tmp_path):
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    page = w.show_page("residents")
    first = page.model.rows[0]
    initials = first["name_initials"]
    page.search.setText(initials)
    assert page.model.rows and all(r["name_initials"].startswith(initials) or initials in r["name"] for r in page.model.rows)
    page.search.setText("")
    in_house = len(page.model.rows)
    page.show_all.setChecked(True)
    assert len(page.model.rows) > in_house
    page.table.selectRow(0)
    assert first["name"] in page.detail.toPlainText()


def test_bed_dialog_errors_beside_fields_and_type_change_keeps_history(qtbot, ctx, db_path):
    dlg = BedDialog(ctx)
    qtbot.addWidget(dlg)
    fill(dlg, room="301", number="1", bed_type="医疗床位", provision="租赁")
    ok(dlg)
    assert dlg.result() != QDialog.Accepted
    assert "子类型" in dlg.form.errors["sub_type"].text() and "租赁到期日" in dlg.form.errors["lease_end_date"].text()
    assert dlg.form.values()["room"] == "301"
    fill(dlg, sub_type="康复")
    dlg.form.fields["lease_end_date"].set_value(D(2031, 1, 1))
    dlg.form.fields["service_date"].set_value(D(2025, 1, 1))
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    bed_id = dlg.result_value
    t = TypeDialog(ctx, bed_id)
    qtbot.addWidget(t)
    t.form.fields["date"].set_value(D(2026, 6, 1))
    fill(t, bed_type="养老床位")
    ok(t)
    w = MainWindow(ctx, db_path)
    qtbot.addWidget(w)
    page = w.show_page("beds")
    page.day.set_value(D(2026, 5, 31))
    assert census(ctx, D(2026, 5, 31)).beds_by_type["医疗床位"] == 1
    assert [x[0] for x in page.board.visible_tiles()] == [bed_id]
    assert page.board.tiles[0].bed.bed_type == "医疗床位"
    page.day.set_value(D(2026, 6, 1))
    assert page.board.tiles[0].bed.bed_type == "养老床位"


def test_bed_board_filters_and_totals_match_the_census(qtbot, demo_ctx, tmp_path):
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    page = w.show_page("beds")
    c = census(demo_ctx)
    assert len(page.board.visible_tiles()) == c.beds_total
    page.type_filter.setCurrentIndex(page.type_filter.findData("医疗床位"))
    assert len(page.board.visible_tiles()) == c.beds_by_type["医疗床位"]
    page.status_filter.setCurrentIndex(page.status_filter.findData("空闲"))
    shown = page.board.visible_tiles()
    assert shown and all(s == "空闲" for _, _, s, _ in shown)
    assert f"床位 {c.beds_total} 张" in page.totals.text()


def test_institution_form_keeps_values_on_error(qtbot, ctx, db_path):
    w = MainWindow(ctx, db_path)
    qtbot.addWidget(w)
    page = w.show_page("institution")
    page.forms[0].fields["name"].setText("康乐养老院")
    page.forms[0].fields["uscc"].setText("91350100M000100Y44")
    page.forms[0].fields["address"].setText("鹤城区迎丰路1号")
    assert not page.save()
    err = page.forms[0].errors["uscc"]
    assert not err.isHidden() and "校验位" in err.text()
    assert page.forms[0].fields["address"].text() == "鹤城区迎丰路1号"
    assert get_institution(ctx)["name"] == ""
    page.forms[0].fields["uscc"].setText("91350100M000100Y43")
    assert page.save()
    assert get_institution(ctx)["address"] == "鹤城区迎丰路1号" and page.status.text() == "已保存"
    assert "申报材料还需要" in page.completeness.text()
    assert "康乐养老院" in w.windowTitle()


def test_staff_dialog_and_leaving(qtbot, ctx, db_path):
    w = MainWindow(ctx, db_path)
    qtbot.addWidget(w)
    page = w.show_page("staff")
    dlg = StaffDialog(ctx, parent=page)
    qtbot.addWidget(dlg)
    fill(dlg, name="王医生", role="执业医师", title="主治医师")
    dlg.form.fields["first_registration"].setChecked(True)
    ok(dlg)
    assert dlg.result() != QDialog.Accepted and "执业证书" in dlg.form.errors["practice_cert_no"].text()
    assert dlg.form.values()["title"] == "主治医师"
    fill(dlg, practice_cert_no="110431200000001")
    ok(dlg)
    assert dlg.result() == QDialog.Accepted
    page.refresh()
    assert page.model.rows[0]["first_registration"] == 1 and "执业医师 1" in page.counts.text()
    nurse_aide = StaffDialog(ctx)
    qtbot.addWidget(nurse_aide)
    fill(nurse_aide, name="护理员甲", role="护理员")
    assert not nurse_aide.form.fields["first_registration"].isEnabled()
    fill(nurse_aide, id_number="110105194912310021")
    ok(nurse_aide)
    assert "校验位" in nurse_aide.form.errors["id_number"].text()
    assert [s["name"] for s in list_staff(ctx)] == ["王医生"]
    assert staff_by_role(ctx, ctx.today())["执业医师"] == 1
