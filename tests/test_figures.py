"""One figure, one value: each figure is defined and written once (domain.figures), and 概览, the bed board, the admit
dialog and the 月报 show the same value for the same day."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from PySide6.QtCore import Qt

from yiyang_desktop.clock import FixedClock
from yiyang_desktop.domain import referrals as R
from yiyang_desktop.domain.figures import (NO_GRADE, grade_counts, money_text, open_referrals, percent, percent_text,
                                           return_rates)

from yiyang_desktop.ui.common import grade_short

from conftest import TODAY

MONTH_END = dt.date(2026, 10, 31)


def test_a_percentage_is_rounded_once_half_up_from_the_exact_ratio():
    assert percent_text(Fraction(99, 122)) == "81.1%"  # 0.81147…: never 81.2 from a rounded 0.8115
    assert percent(Fraction(1, 16)) == Decimal("6.3")  # 6.25 → half up (float round() would say 6.2)
    assert percent(Fraction(1, 2)) == Decimal("50.0") and percent_text(Fraction(0)) == "0.0%"
    assert percent_text(None) == "—" and percent(0.5) == Decimal("50.0")
    assert percent(Fraction(2, 3), 2) == Decimal("66.67")


def test_open_referrals_are_those_whose_state_can_still_move():
    rows = [(R.UP, R.PENDING), (R.UP, R.ACCEPTED), (R.UP, R.INPATIENT), (R.UP, R.OUTPATIENT), (R.UP, R.RETURNED),
            (R.UP, R.CLOSED), (R.UP, R.REFUSED), (R.DOWN, R.PENDING), (R.DOWN, R.ACCEPTED), (R.DOWN, R.REFUSED)]
    assert open_referrals(rows) == {R.PENDING: 2, R.ACCEPTED: 1, R.INPATIENT: 1, R.OUTPATIENT: 1}


def test_grade_counts_count_a_valid_grade_only():
    on = dt.date(2026, 10, 31)
    rows = [(1, "轻度失能", dt.date(2026, 6, 1)), (3, "重度失能", dt.date(2026, 9, 1)), (1, "轻度失能", dt.date(2026, 5, 1)),
            (3, "重度失能", dt.date(2026, 4, 30)),  # due 2026-10-30: expired on the 31st
            (None, None, None)]
    assert list(grade_counts(rows, on, 6).items()) == [("轻度失能", 2), ("重度失能", 1), (NO_GRADE, 2)]


def test_money_is_written_with_separators():
    assert money_text(52800000) == "528,000.00" and money_text(5) == "0.05" and money_text(None) == "—"


@pytest.fixture
def month_end_ctx(demo_ctx):
    """The demo institution as seen on 31 October 2026: a month end, so the 月报 of October is that very day."""
    return dataclasses.replace(demo_ctx, clock=FixedClock(MONTH_END))


def _number(text: str, label: str) -> int:
    m = re.search(label + r"\s*(?:<b>)?(\d+)", text)
    assert m, (label, text)
    return int(m.group(1))


def test_overview_bed_board_and_return_show_the_same_figures_for_the_same_day(qtbot, qapp, month_end_ctx, tmp_path):
    from yiyang_desktop.ui.main_window import MainWindow
    w = MainWindow(month_end_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.show()
    overview = w.show_page("overview")
    beds = w.show_page("beds")
    returns = w.show_page("returns")
    returns.year.setValue(2026)
    returns.month.setValue(10)
    qtbot.mouseClick(returns.buttons["compute"], Qt.LeftButton)
    f = returns.ret.figures
    summary = {r["label"].strip("　"): r["value"] for r in returns.summary_model.rows}

    exact = return_rates(f)
    rate, share = percent_text(exact["occupancy_rate"]), percent_text(exact["nursing_bed_share"])
    assert rate == percent_text(Fraction(f["beds_occupied"], f["beds_total"]))
    # occupancy: the 概览 tile, the bed board's totals, the 月报's line and its summary table
    assert overview.tiles["occupancy"].value.text() == rate
    assert f"入住率 <b>{rate}</b>" in beds.totals.text()
    assert f"入住率 {rate}" in returns.status.text()
    assert summary["月末入住率"] + "%" == rate
    # nursing-bed share
    assert overview.tiles["nursing"].value.text() == share
    assert f"护理型床位占比 <b>{share}</b>" in beds.totals.text() and summary["护理型床位占比"] + "%" == share
    # beds, residents, free and reserved beds
    assert overview.tiles["beds"].value.text() == str(f["beds_total"]) == summary["床位总数"]
    assert overview.tiles["residents"].value.text() == str(f["beds_occupied"]) == summary["在住床位"]
    assert _number(overview.tiles["occupancy"].detail.text(), "空闲") == _number(beds.totals.text(), "空闲") \
        == f["beds_free"] == int(summary["空闲床位"])
    assert _number(beds.totals.text(), "预留") == f["beds_reserved"] == int(summary["预留床位"])
    # residents by grade: the 概览 chart and the 月报's grade rows (a grade counts while it is valid)
    chart = dict(overview.grade_chart.items)  # the chart names a grade by its short name
    by_grade = {grade_short(k.split("：", 1)[1]): int(v) for k, v in summary.items() if k.startswith("能力等级：")}
    assert {k: v for k, v in by_grade.items() if v} == {k: v for k, v in chart.items() if v}
    assert sum(chart.values()) == f["residents_end"]


def test_the_admit_dialog_counts_free_beds_as_the_board_does(qtbot, qapp, demo_ctx, tmp_path):
    from yiyang_desktop.services import residents as RS
    from yiyang_desktop.ui.main_window import MainWindow
    from yiyang_desktop.ui.stay_dialogs import AdmitDialog
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    beds = w.show_page("beds")
    free, reserved = _number(beds.totals.text(), "空闲"), _number(beds.totals.text(), "预留")
    assert reserved >= 1  # the demo keeps a bed for someone expected
    someone = next(r for r in RS.list_residents(demo_ctx, include_discharged=True) if not r["in_residence"])
    dlg = AdmitDialog(demo_ctx, someone["id"], parent=w)
    qtbot.addWidget(dlg)
    first = dlg.form.fields["bed_id"].itemText(0)
    assert f"空闲 {free} 张" in first and f"预留 {reserved} 张" in first, first
    assert dlg.form.fields["bed_id"].count() - 1 == free + reserved
