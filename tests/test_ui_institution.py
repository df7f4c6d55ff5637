"""机构信息 page driven as a user would: type into the in-page form, save, see errors beside fields."""
import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from yiyang_desktop.services.institution import get_institution
from yiyang_desktop.ui.institution_page import InstitutionPage
from yiyang_desktop.ui.main_window import MainWindow

D = dt.date
GOOD_USCC = "91350100M000100Y43"
BAD_USCC = "91350100M000100Y44"  # wrong check character

PROFILE = {
    "name": "康乐养老院", "uscc": GOOD_USCC, "legal_rep": "李明", "contact_person": "王芳",
    "contact_phone": "0745-2345678", "address": "鹤城区迎丰路1号", "region_name": "湖南省怀化市鹤城区",
    "region_code": "431202", "ownership": "民办", "profit_type": "非营利", "kind": "医养结合机构（养办医）",
    "license_no": "湘怀鹤民养备字〔2023〕第006号", "operation_start_date": D(2023, 10, 20), "building_area": "6800",
    "medical_facility": "医务室", "medical_license_no": "PDY00012343120211A1002",
    "medical_license_date": D(2023, 11, 19), "bank_name": "中国农业银行怀化鹤城支行", "bank_account": "18610101040012345",
}


def fill(page, **values):
    for name, v in values.items():
        w = page.field(name)
        if hasattr(w, "findData"):
            i = w.findData(v)
            assert i >= 0, (name, v)
            w.setCurrentIndex(i)
        elif hasattr(w, "set_value"):
            w.set_value(v)
        else:
            w.setText(v)


@pytest.fixture
def page(qtbot, ctx):
    p = InstitutionPage(ctx)
    qtbot.addWidget(p)
    p.refresh()
    return p


def test_fill_every_group_save_and_reload(qtbot, ctx, page):
    assert "资料完整度 0/9" in page.completeness.text()
    fill(page, **PROFILE)
    assert page.is_modified() and page.revert_button.isEnabled()
    with qtbot.waitSignal(page.changed, timeout=1000):
        assert page.save()
    assert page.status.text() == "已保存"
    saved = get_institution(ctx)
    for k, v in PROFILE.items():
        assert saved[k] == (v.isoformat() if isinstance(v, dt.date) else v), k
    assert "资料完整度 9/9" in page.completeness.text() and "已填写完整" in page.completeness.text()
    assert not page.is_modified() and not page.revert_button.isEnabled()
    again = InstitutionPage(ctx)  # a fresh page shows what the services hold
    qtbot.addWidget(again)
    again.refresh()
    assert again.values() == page.values()
    assert again.field("kind").currentData() == "医养结合机构（养办医）"
    assert again.field("operation_start_date").value() == D(2023, 10, 20)


def test_wrong_uscc_is_shown_beside_its_field_and_every_typed_value_stays(ctx, page):
    fill(page, **(PROFILE | {"uscc": BAD_USCC, "building_area": "abc"}))
    typed = page.values()
    assert not page.save()
    err = page.error_label("uscc")
    assert not err.isHidden() and "校验位" in err.text()
    assert not page.error_label("building_area").isHidden()  # a problem in another group, beside its own field
    assert page.error_label("name").isHidden()
    assert page.values() == typed
    assert "统一社会信用代码" in page.status.text() and "建筑面积" in page.status.text()
    assert get_institution(ctx)["name"] == ""
    fill(page, uscc=GOOD_USCC, building_area="6800")
    assert page.save()
    assert page.error_label("uscc").isHidden() and get_institution(ctx)["uscc"] == GOOD_USCC


def test_medical_license_only_with_a_facility_and_then_required(ctx, page):
    fill(page, name="康乐养老院")
    assert not page.field("medical_license_no").isEnabled()
    fill(page, medical_facility="无")
    assert not page.field("medical_license_no").isEnabled() and not page.field("medical_license_date").isEnabled()
    fill(page, medical_facility="护理站")
    assert page.field("medical_license_no").isEnabled() and page.field("medical_license_date").isEnabled()
    assert not page.save()
    err = page.error_label("medical_license_no")
    assert not err.isHidden() and "执业许可证号" in err.text()
    assert page.field("name").text() == "康乐养老院" and page.field("medical_facility").currentData() == "护理站"
    fill(page, medical_license_no="PDY001", medical_license_date=D(2024, 3, 1))
    assert page.save()
    saved = get_institution(ctx)
    assert (saved["medical_facility"], saved["medical_license_no"], saved["medical_license_date"]) == \
        ("护理站", "PDY001", "2024-03-01")


def test_unsaved_typing_survives_a_redraw_and_revert_asks_first(ctx, page, monkeypatch):
    fill(page, name="康乐养老院")
    assert page.save()
    fill(page, address="新地址", name="改过的名字")
    page.refresh()  # what the window does when another page wrote something
    assert page.field("address").text() == "新地址" and "未保存" in page.status.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    assert not page.revert()
    assert page.field("name").text() == "改过的名字"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert page.revert()
    assert page.field("name").text() == "康乐养老院" and page.field("address").text() == ""
    assert not page.is_modified()


def test_completeness_lists_what_applications_still_need(qtbot, ctx, page):
    fill(page, name="康乐养老院", uscc=GOOD_USCC, address="鹤城区迎丰路1号")
    assert page.save()
    text = page.completeness.text()
    assert "资料完整度 3/9" in text and "申报材料还需要" in text
    for label in ("法定代表人", "联系电话", "养老机构备案/设立许可编号", "正式运营日期", "开户银行", "银行账号"):
        assert label in text
    assert "机构名称" not in text and "联系人" not in text  # contact person is not required later
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    page.completeness.linkActivated.emit("bank_account")  # clicking a name jumps to that field
    qtbot.waitUntil(lambda: page.field("bank_account").hasFocus(), timeout=1000)


def test_page_fits_an_office_screen(qtbot, demo_ctx, tmp_path):
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    page = w.show_page("institution")
    qtbot.waitExposed(w)
    assert page.scroll.verticalScrollBar().maximum() == 0
    assert page.scroll.horizontalScrollBar().maximum() == 0
    assert page.field("name").text() == "鹤城区康乐医养中心（演示）"
    assert page.field("medical_license_no").isEnabled()  # the demo has a 医务室
    assert page.save_button.isVisible() and page.save_button.geometry().bottom() < page.height()
