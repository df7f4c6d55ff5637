"""Tables as a user sees them on a 1366×768 screen: key columns (names, beds, states, dates) wide enough for their
text, free-text columns taking what is left (no key column pushed behind a horizontal scrollbar), amounts
right-aligned with thousands separators and their unit in the head."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from yiyang_desktop.ui.tables import COUNT, KEY, MONEY, TEXT


@pytest.fixture
def window(qtbot, qapp, demo_ctx, tmp_path):
    from yiyang_desktop.ui.main_window import MainWindow
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def check_table(table, qapp) -> dict[str, int]:
    """Every key column shows its widest sampled text whole and lies inside the visible width; returns the heads."""
    qapp.processEvents()
    model, header = table.model(), table.horizontalHeader()
    visible = table.viewport().width()
    fm = table.fontMetrics()
    heads = {model.headerData(c, Qt.Horizontal): c for c in range(model.columnCount())}
    for c in range(model.columnCount()):
        if model.kinds[c] == TEXT:
            assert header.sectionResizeMode(c) == header.ResizeMode.Stretch
            continue
        widest = max((fm.horizontalAdvance(line) for r in model.rows[:100] for line in model.shown(r, c).split("\n")),
                     default=0)
        head = model.headerData(c, Qt.Horizontal)
        assert header.sectionSize(c) >= min(widest, 320), (head, header.sectionSize(c), widest)
        assert header.sectionViewportPosition(c) + header.sectionSize(c) <= visible + 1, (head, "off the side")
    assert not table.horizontalScrollBar().isVisible()
    return heads


@pytest.mark.parametrize("key, table_name, state", [("residents", "table", "状态"), ("assessments", "table", "状态"),
                                                     ("referrals", "table", "状态")])
def test_state_columns_are_in_view(window, qapp, key, table_name, state):
    page = window.show_page(key)
    heads = check_table(getattr(page, table_name), qapp)
    assert state in heads


def test_application_tables_show_whole_beds_and_aligned_amounts(window, qapp):
    page = window.show_page("applications")
    tables = {page.tabs.tabToolTip(i): page.tabs.widget(i) for i in range(page.tabs.count())}
    beds = tables["床位清单"]
    page.tabs.setCurrentWidget(beds)
    heads = check_table(beds, qapp)
    model = beds.model()
    assert model.kinds[heads["计算依据"]] == TEXT and model.kinds[heads["金额（元）"]] == MONEY
    assert model.kinds[heads["序号"]] == COUNT and model.kinds[heads["床位"]] == KEY
    assert model.shown(model.rows[0], heads["床位"]).startswith("1号楼-")
    totals = tables["补贴测算"]
    page.tabs.setCurrentWidget(totals)
    heads = check_table(totals, qapp)
    model = totals.model()
    amounts = [model.index(r, heads["金额（元）"]).data() for r in range(model.rowCount())]
    assert "204,000.00" in amounts and all("," in a or float(a) < 1000 for a in amounts)
    align = model.index(0, heads["金额（元）"]).data(Qt.TextAlignmentRole)
    assert align & Qt.AlignRight
    assert "每床标准（元）" in heads and "床位数（张）" in heads
    assert page.tabs.tabText(page.tabs.indexOf(totals)) == f"补贴测算（{model.rowCount()}）"


def test_history_names_the_profile_and_right_aligns_money(window, qapp, demo_ctx):
    from yiyang_desktop.services.subsidies import record_application
    record_application(demo_ctx, "construction", {"profile": {"id": "hecheng-2021", "version": 2}},
                       amount_fen=52800000, period="2026-11-23")
    page = window.show_page("applications")
    page.refresh()
    model = page.history_model
    heads = {model.headerData(c, Qt.Horizontal): c for c in range(model.columnCount())}
    row = model.rows[0]
    assert model.shown(row, heads["政策配置"]) == "怀化市鹤城区（2021）"
    assert model.shown(row, heads["申请金额（元）"]) == "528,000.00"
