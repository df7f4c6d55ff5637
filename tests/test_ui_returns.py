"""月报 as a user sees it: compute a past month, 报送, change a record, see the difference, make a corrected
version; files for a month and for a whole year."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

import factories as F
from yiyang_desktop.services import returns as RT
from yiyang_desktop.ui.returns_page import ReturnsPage


@pytest.fixture
def page(qtbot, qapp, demo_ctx):
    p = ReturnsPage(demo_ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.refresh()
    return p


def summary_value(page, label: str) -> str:
    return next(r["value"] for r in page.summary_model.rows if r["label"] == label)


def test_a_month_is_shown_with_the_lists_behind_it(page, demo_ctx):
    assert (page.year.value(), page.month.value()) == (2026, 10)  # last month by default
    ret = page.compute()
    f = RT.compute_return(demo_ctx, 2026, 10).figures
    assert ret.figures == f
    assert summary_value(page, "床位总数") == str(f["beds_total"])
    assert page.detail_models["roster"].rowCount() == len(ret.details["roster"]) == f["residents_end"]
    assert page.tabs.tabText(1).endswith(f"（{f['residents_end']}）")
    # 99 of 122 beds: 81.1% (rounded once from the exact ratio — never 81.2% from the stored 0.8115)
    assert f"入住率 {f['beds_occupied'] / f['beds_total'] * 100:.1f}%" in page.status.text()
    assert page.status.text().startswith("按 2026-11-23 的记录计算。")  # the as-of day
    assert page.diff.isHidden()


def test_submit_then_edit_shows_the_difference_and_a_correction_replaces_it(page, demo_ctx):
    page.compute()
    beds_before = page.ret.figures["beds_total"]
    assert page.submit(note="首次报送") is not None
    assert [r["version"] for r in page.history_model.rows] == [1]
    assert "已报送第 1 版" in page.status.text()
    F.bed(demo_ctx, room="901", number="1", service_date=dt.date(2026, 9, 1))  # a bed recorded late
    page.compute()
    assert not page.diff.isHidden()
    diffs = {r["field"]: r for r in page.diff_model.rows}
    assert diffs["beds_total"]["submitted"] == str(beds_before) and diffs["beds_total"]["now"] == str(beds_before + 1)
    frozen = RT.load_submitted(demo_ctx, month="2026-10")
    assert frozen.figures["beds_total"] == beds_before  # the submitted return did not change
    page.submit(correction=True, note="补录床位")
    assert [(r["version"], r["latest"]) for r in page.history_model.rows] == [(2, True), (1, False)]
    assert page.diff.isHidden()


def test_the_current_month_cannot_be_submitted_and_a_future_one_not_computed(page, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    page.month.setValue(11)
    page.compute()
    assert page.submit(note="") is None and "尚未结束" in warned[0]
    page.month.setValue(12)
    assert page.compute() is None and "尚未开始" in page.status.text()
    assert not page.buttons["save"].isEnabled()


def test_files_for_a_month_and_for_a_year(page, tmp_path):
    page.compute()
    files = page.save_files(folder=tmp_path / "m")
    assert sorted(f.suffix for f in files) == [".pdf", ".xlsx"]
    wb = load_workbook(next(f for f in files if f.suffix == ".xlsx"))
    assert wb.sheetnames[0] == "汇总" and len(wb.sheetnames) == 6
    page.year.setValue(2025)
    files = page.export_year(folder=tmp_path / "y")
    assert len(files) == 24 and len({f.stem for f in files}) == 12
    assert page.buttons["folder"].isEnabled()


def test_a_frozen_version_is_exported_as_submitted(page, demo_ctx, tmp_path):
    page.compute()
    page.submit(note="")
    page.history.selectRow(0)
    files = page.export_submitted(folder=tmp_path)
    assert any("第1版" in f.name for f in files)


def test_showing_the_page_computes_last_month_and_a_new_month_follows(page, qtbot, demo_ctx):
    assert page.ret is not None and page.ret.key == "2026-10"  # the fixture's refresh() is the first show
    assert page.summary_model.rowCount() > 10 and page.buttons["save"].isEnabled()
    page.month.setValue(9)
    qtbot.waitUntil(lambda: page.ret.key == "2026-09", timeout=3000)
    assert summary_value(page, "床位总数") == str(RT.compute_return(demo_ctx, 2026, 9).figures["beds_total"])
