"""概览: the dashboard's figures agree with the records they summarise, and every tile opens its list."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from yiyang_desktop.domain import referrals as R
from yiyang_desktop.services.census import census
from yiyang_desktop.domain.figures import NO_GRADE
from yiyang_desktop.services.dashboard import dashboard
from yiyang_desktop.services.insurance import save_answers, get_answers
from yiyang_desktop.services.subsidies import record_application

from yiyang_desktop.ui.common import grade_short

from conftest import TODAY


def test_figures_agree_with_the_records(demo_ctx):
    d = dashboard(demo_ctx)
    c = census(demo_ctx, TODAY)
    assert d["census"].occupied_total == c.occupied_total
    in_hospital = demo_ctx.db.execute(
        "SELECT COUNT(*) FROM leaves WHERE kind = '住院' AND start_date <= ?1 AND COALESCE(end_date, '9999') > ?1",
        [TODAY.isoformat()]).fetchone()[0]
    assert d["in_hospital"] == in_hospital >= 1
    # open: a state that can still move — an accepted 上转 is under way, a received (已接收) 下转 is done
    rows = demo_ctx.db.execute("SELECT direction, state, COUNT(*) FROM referrals GROUP BY direction, state").fetchall()
    for state in R.STATES:
        n = sum(k for direction, s, k in rows if s == state and not R.is_final(direction, s))
        assert d["open_referrals"].get(state, 0) == n
    assert 1 <= sum(d["open_referrals"].values()) < sum(k for *_x, k in rows)
    down_received = sum(k for direction, s, k in rows if direction == R.DOWN and s == R.ACCEPTED)
    up_accepted = sum(k for direction, s, k in rows if direction == R.UP and s == R.ACCEPTED)
    assert down_received >= 1 and d["open_referrals"].get(R.ACCEPTED, 0) == up_accepted
    assert R.CLOSED not in d["open_referrals"] and R.RETURNED not in d["open_referrals"]
    assert [t["month"] for t in d["trend"]][-1] == "2026-11" and len(d["trend"]) == 12
    assert d["trend"][-1]["occupancy_rate"] == round(float(c.occupancy_rate), 4)
    assert sum(n for _g, n in d["grades"]) == c.occupied_total


def test_next_applications_follow_the_records(demo_ctx):
    texts = [str(x["text"]) for x in dashboard(demo_ctx)["next_applications"]]
    assert any("可以申请" in t for t in texts) and any("2025年运营补贴" in t for t in texts)
    record_application(demo_ctx, "operating", {}, amount_fen=1, period="2025:1–12月")
    answers = get_answers(demo_ctx)
    answers["rules"] = {k: False for k in answers["rules"]}
    save_answers(demo_ctx, answers)
    texts = [str(x["text"]) for x in dashboard(demo_ctx)["next_applications"]]
    assert texts == ["医保定点：还有1项条件未满足"]


def test_an_empty_institution_has_a_dashboard(ctx):
    d = dashboard(ctx)
    assert d["census"].beds_total == 0 and d["beds"].occupancy is None and d["grades"] == [(NO_GRADE, 0)]
    assert all(t["occupancy_rate"] is None for t in d["trend"])


def test_tiles_show_the_figures_and_open_their_lists(qtbot, qapp, demo_ctx, tmp_path):
    from yiyang_desktop.ui.main_window import MainWindow
    w = MainWindow(demo_ctx, tmp_path / "demo.db")
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    page = w.page("overview")
    d = page.data
    assert page.tiles["hospital"].value.text() == str(d["in_hospital"])
    assert page.tiles["referrals"].value.text() == str(sum(d["open_referrals"].values()))
    assert "目标 50.0%" in page.tiles["nursing"].detail.text()
    assert "医保定点" in page.tiles["next"].detail.text()
    assert len(page.trend_chart.labels) == 12 and page.grade_chart.items == [(grade_short(n), c) for n, c in d["grades"] if c or n != NO_GRADE]
    image = page.grade_chart.grab().toImage()
    assert len({image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}) > 3
    for key, target in (("next", "applications"), ("agreements", "partners"), ("hospital", "referrals"),
                        ("nursing", "beds")):
        w.show_page("overview")
        qtbot.mouseClick(page.tiles[key], Qt.LeftButton)
        assert w.stack.currentWidget() is w.page(target), key


def _reasons_one_by_one(db, resident_id, last):
    reasons = []
    back = db.execute("SELECT MAX(l.end_date) FROM leaves l JOIN stays s ON s.id = l.stay_id WHERE s.resident_id = ? "
                      "AND l.kind = '住院' AND l.end_date > ? AND l.end_date <= ?",
                      [resident_id, last.isoformat(), TODAY.isoformat()]).fetchone()[0]
    if back:
        reasons.append(f"{back} 住院返回")
    since = max(last + dt.timedelta(days=1), TODAY - dt.timedelta(days=29))
    n = db.execute("SELECT COUNT(*) FROM care_events WHERE resident_id = ? AND event_date BETWEEN ? AND ?",
                   [resident_id, since.isoformat(), TODAY.isoformat()]).fetchone()[0]
    if n >= 2:
        reasons.append(f"近30天照护风险事件 {n} 次")
    return reasons


def test_due_list_reads_only_the_residents_in_residence_and_agrees_with_one_by_one(demo_ctx):
    """due_list looks up the in-residence residents' latest assessments (not the whole history) and finds the
    immediate-reassessment reasons of all of them in one statement; the answers are those of the per-resident
    rules: the latest completed assessment over all history, hospital returns and care-risk events."""
    from yiyang_desktop.services import assessments as A
    db = demo_ctx.db
    everyone = A.latest_completed(demo_ctx, TODAY)  # the window function over the whole history
    due = A.due_list(demo_ctx, TODAY)
    assert len(due) == census(demo_ctx, TODAY).occupied_total
    # a hospital return and two care events after the last assessment of someone in residence
    target = next(d for d in due if d["last_date"] is not None and d["state"] not in (A.DUE_OVERDUE,))
    stay = db.execute("SELECT id FROM stays WHERE resident_id = ? AND discharge_date IS NULL",
                      [target["resident_id"]]).fetchone()[0]
    with demo_ctx.transaction():
        back = TODAY - dt.timedelta(days=3)
        db.execute("INSERT INTO leaves (stay_id, kind, start_date, end_date) VALUES (?, '住院', ?, ?)",
                   [stay, (back - dt.timedelta(days=2)).isoformat(), back.isoformat()])
        for k in range(2):
            db.execute("INSERT INTO care_events (resident_id, event_date, kind) VALUES (?, ?, ?)",
                       [target["resident_id"], (TODAY - dt.timedelta(days=k)).isoformat(), A.RISK_KINDS[0]])
    due = A.due_list(demo_ctx, TODAY)
    assert [d["resident_id"] for d in due if d["resident_id"] == target["resident_id"]]
    for d in due:
        last = everyone.get(d["resident_id"])
        assert (d["last_date"].isoformat() if d["last_date"] else None) == (last["assessed_on"] if last else None)
        if last:
            assert d["reasons"] == _reasons_one_by_one(db, d["resident_id"], d["last_date"])
    mine = next(d for d in due if d["resident_id"] == target["resident_id"])
    assert len(mine["reasons"]) == 2 and back.isoformat() in mine["reasons"][0]
    assert mine["state"] in (A.DUE_IMMEDIATE, A.DUE_OVERDUE)
