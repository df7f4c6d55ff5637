"""The month's occupancies and the 12-month trend read only what the period needs: the same answers as the full
loads and the census, on the demo and with ten times more (older) history, whose cost does not follow it."""
import datetime as dt

import pytest

from yiyang_desktop.services import returns as RT
from yiyang_desktop.services.census import census, load_occupancies
from yiyang_desktop.domain.dates import month_bounds
from yiyang_desktop.store import snapshots


def month_occupancies(ctx, start, end):
    return snapshots.month_occupancies(ctx.db, start, end)

D = dt.date


def _months(first: D, last: D):
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        yield y, m
        y, m = (y, m + 1) if m < 12 else (y + 1, 1)


def _add_old_history(ctx, stays_per_bed: int) -> int:
    """Short stays on every bed before the demo's history begins (raw rows, as an old imported ledger would be)."""
    db = ctx.db
    start = D.fromisoformat(db.execute("SELECT MIN(start_date) FROM bed_assignments").fetchone()[0])
    beds = [r[0] for r in db.execute("SELECT id FROM beds ORDER BY id").fetchall()]
    n = 0
    with ctx.transaction():
        for b in beds:
            day = start - dt.timedelta(days=12 * stays_per_bed + 1)
            for _ in range(stays_per_bed):
                n += 1
                rid = db.execute("INSERT INTO residents (name, sex, id_number, birth_date) VALUES (?, '女', ?, "
                                 "'1940-01-01')", [f"旧{n}", f"OLD{n:08d}"]).lastrowid
                end = day + dt.timedelta(days=10)
                sid = db.execute("INSERT INTO stays (resident_id, admission_date, discharge_date, discharge_reason) "
                                 "VALUES (?, ?, ?, '回家')", [rid, day.isoformat(), end.isoformat()]).lastrowid
                db.execute("INSERT INTO bed_assignments (stay_id, bed_id, start_date, end_date) VALUES (?, ?, ?, ?)",
                           [sid, b, day.isoformat(), end.isoformat()])
                day = end + dt.timedelta(days=2)
    return n


def _vm_steps(ctx, fn, *args) -> int:
    """SQLite virtual-machine steps (in hundreds) spent by ``fn`` — a measure of work that timing noise cannot fake."""
    count = [0]

    def tick():
        count[0] += 1
        return 0
    ctx.db.conn.set_progress_handler(tick, 100)
    try:
        fn(*args)
    finally:
        ctx.db.conn.set_progress_handler(None, 100)
    return count[0]


def _same_as_full_load(ctx, first: D, last: D) -> int:
    checked = 0
    for y, m in _months(first, last):
        f, l_ = month_bounds(y, m)
        before = f - dt.timedelta(days=1)
        assert month_occupancies(ctx, before, l_) == load_occupancies(ctx, before, l_), (y, m)
        checked += 1
    return checked


def _trend_agrees_with_census(ctx, points):
    for t in points:
        c = census(ctx, month_bounds(*map(int, t["month"].split("-")))[1])
        assert (t["beds_total"], t["beds_occupied"]) == (c.beds_total, c.occupied_total), t["month"]
        assert t["occupancy_rate"] == (None if c.occupancy_rate is None else round(float(c.occupancy_rate), 4))
        assert t["nursing_bed_share"] == (None if c.nursing_share is None else round(float(c.nursing_share), 4))


def test_month_occupancies_are_the_full_load_for_every_month(demo_ctx):
    first = D.fromisoformat(demo_ctx.db.execute("SELECT MIN(start_date) FROM bed_assignments").fetchone()[0])
    assert _same_as_full_load(demo_ctx, first, D(2026, 11, 23)) >= 12
    _add_old_history(demo_ctx, 3)
    assert _same_as_full_load(demo_ctx, first - dt.timedelta(days=40), D(2026, 11, 23)) >= 13


def test_trend_counts_a_same_day_empty_assignment_as_the_census_does(demo_ctx):
    db = demo_ctx.db
    # an empty [d, d) assignment on a bed whose holder also starts on d (allowed by the store's overlap rules)
    a = db.execute("SELECT id, bed_id, start_date FROM bed_assignments WHERE end_date IS NULL "
                   "ORDER BY start_date DESC LIMIT 1").fetchone()
    other_stay = db.execute("SELECT stay_id FROM bed_assignments WHERE end_date IS NOT NULL AND end_date <= ? "
                            "ORDER BY end_date DESC LIMIT 1", [a[2]]).fetchone()[0]
    with demo_ctx.transaction():
        db.execute("INSERT INTO bed_assignments (stay_id, bed_id, start_date, end_date) VALUES (?, ?, ?, ?)",
                   [other_stay, a[1], a[2], a[2]])
    d = D.fromisoformat(a[2])
    points = RT.trend(demo_ctx, d.year, d.month, 3)
    _trend_agrees_with_census(demo_ctx, points)
    f, l_ = month_bounds(d.year, d.month)
    before = f - dt.timedelta(days=1)
    assert month_occupancies(demo_ctx, before, l_) == load_occupancies(demo_ctx, before, l_)


@pytest.mark.sqlite_only(reason="counts SQLite virtual-machine steps")
def test_trend_and_month_cost_do_not_follow_older_history(demo_ctx):
    f, l_ = month_bounds(2026, 10)
    trend_before = RT.trend(demo_ctx, 2026, 10)
    before = _vm_steps(demo_ctx, RT.trend, demo_ctx, 2026, 10)
    f_before = _vm_steps(demo_ctx, month_occupancies, demo_ctx, f - dt.timedelta(days=1), l_)
    stays_now = demo_ctx.db.execute("SELECT COUNT(*) FROM bed_assignments").fetchone()[0]
    beds = demo_ctx.db.execute("SELECT COUNT(*) FROM beds").fetchone()[0]
    added = _add_old_history(demo_ctx, -(-10 * stays_now // beds))
    assert added >= 9 * stays_now  # about ten times the history
    assert RT.trend(demo_ctx, 2026, 10) == trend_before
    after = _vm_steps(demo_ctx, RT.trend, demo_ctx, 2026, 10)
    f_after = _vm_steps(demo_ctx, month_occupancies, demo_ctx, f - dt.timedelta(days=1), l_)
    assert after <= 1.5 * before + 5, (before, after)
    assert f_after <= 1.5 * f_before + 5, (f_before, f_after)
    # the full load, for comparison, does follow it
    assert _vm_steps(demo_ctx, load_occupancies, demo_ctx, f - dt.timedelta(days=1), l_) > 2 * f_after


@pytest.mark.parametrize("months", [1, 12, 14])
def test_trend_has_one_point_per_month_end_oldest_first(demo_ctx, months):
    points = RT.trend(demo_ctx, 2026, 10, months)
    assert len(points) == months and points[-1]["month"] == "2026-10"
    assert [p["month"] for p in points] == sorted(p["month"] for p in points)
    _trend_agrees_with_census(demo_ctx, points)
