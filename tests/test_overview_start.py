"""概览 for a new institution: the active policy profile is named (and questioned when it is the blank one or another
region's), and the 开始使用 checklist ticks each step from the data, links to where it is done, and goes away once
everything is done."""
from __future__ import annotations

import datetime as dt

import pytest
from factories import bed, resident

from yiyang_desktop.services import policy
from yiyang_desktop.services.institution import save_institution
from yiyang_desktop.services.staff import create_staff


@pytest.fixture
def window(qtbot, qapp, ctx, tmp_path):
    from yiyang_desktop.ui.main_window import MainWindow
    w = MainWindow(ctx, tmp_path / "new.db")
    qtbot.addWidget(w)
    w.show()
    return w


def ticks(page) -> dict[str, bool]:
    return {k: bool(lab.property("done")) for k, lab in page.start.items.items()}


def test_a_new_file_shows_the_checklist_and_ticks_what_is_done(window, ctx, qtbot):
    page = window.show_page("overview")
    assert page.start.isVisible()
    assert ticks(page) == dict.fromkeys(("institution", "policy", "beds", "staff", "residents"), False)
    page.start.items["beds"].linkActivated.emit("beds")  # a click on 床位 opens the bed page
    assert window.stack.currentWidget() is window.page("beds")

    save_institution(ctx, {"name": "康乐养老院", "uscc": "52431202MJJ000001M", "legal_rep": "李明",
                           "contact_phone": "0745-2345678", "address": "鹤城区迎丰西路88号", "license_no": "湘备001",
                           "operation_start_date": dt.date(2024, 1, 1), "bank_name": "农行", "bank_account": "123456",
                           "region_name": "辽宁省沈阳市", "region_code": "210100"})
    bed(ctx)
    page.refresh()
    assert ticks(page) == {"institution": True, "policy": False, "beds": True, "staff": False, "residents": False}
    assert "与本机构的行政区划不同" in page.profile_line.text()  # the old default, 怀化市鹤城区, for 沈阳

    policy.set_active_profile(ctx, "blank")
    page.refresh()
    assert not ticks(page)["policy"] and "尚未填写本地补贴标准" in page.profile_line.text()
    data = policy.get_profile(ctx, "blank").data | {"id": "shenyang-2024", "title": "沈阳市（2024）",
                                                   "region_code": "210100"}
    policy.save_user_profile(ctx, data)
    policy.set_active_profile(ctx, "shenyang-2024")
    create_staff(ctx, {"name": "王芳", "role": "护理员", "start_date": dt.date(2024, 1, 1)})
    resident(ctx, "曾素芬")
    page.refresh()
    assert all(ticks(page).values()) and not page.start.isVisible()
    assert "沈阳市（2024）" in page.profile_line.text() and "不同" not in page.profile_line.text()


def test_the_demo_needs_no_checklist(qtbot, qapp, demo_ctx, tmp_path):
    from yiyang_desktop.ui.main_window import MainWindow
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.show()
    page = w.show_page("overview")
    assert not page.start.isVisible() and "怀化市鹤城区（2021）" in page.profile_line.text()
