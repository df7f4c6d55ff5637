"""网络版: several seats on one server at once, each a real OS process with its own connection (tests/pg_seats.py).

a. two clerks admitting two residents to the same free bed at the same moment: one is admitted, the other told in
   Chinese that the bed is taken, and nothing of the refused admission is written;
b. five seats writing for a while (admissions, pool beds several seats want, moves, leaves, discharges, referrals,
   assessments): every acknowledged write is on the server, the bed and stay rules hold (checked with SQL), the
   audit trail is one unbroken chain and ``yiyang check``'s report is clean;
c. a long job (the monthly return in a snapshot held open) does not hold up the other seats, and its figures do
   not move under it.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import re
import time

import pg_seats
import pytest

from yiyang_desktop.services import audit
from yiyang_desktop.services.beds import create_bed
from yiyang_desktop.services.partners import create_partner
from yiyang_desktop.services.residents import admit, create_resident, discharge, list_residents
from yiyang_desktop.store.db import integrity_report

SPAWN = mp.get_context("spawn")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _setup(url: str):
    """The server database made by the program, as a seat sees it: its schema, its audit key, one first save."""
    return pg_seats.seat(url, "admin")


def _bed(ctx, room: str, number: str) -> int:
    return create_bed(ctx, {"building": "1号楼", "floor": "1", "room": room, "number": number, "bed_type": "养老床位",
                            "service_date": dt.date(2020, 1, 1)})


def _resident(ctx, n: int, name: str) -> int:
    return create_resident(ctx, {"name": name, "sex": "女", "id_number": pg_seats.id_number(n), "hukou_local": True})


def _run(procs: list, timeout: float = 120) -> None:
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout)
    for p in procs:
        if p.is_alive():
            p.kill()
            p.join()
            pytest.fail(f"seat process {p.name} did not finish in {timeout} s")
        assert p.exitcode == 0, f"seat process {p.name} exited with {p.exitcode}"


def _server_rule_breaks(db) -> dict[str, list]:
    """The three bed and stay rules, asked of the server directly (date ranges, non-empty periods only)."""
    def rows(sql):
        return [tuple(r) for r in db.raw.execute(sql).fetchall()]
    return {
        "one person, overlapping stays": rows("""
            SELECT a.id, b.id FROM stays a JOIN stays b ON a.resident_id = b.resident_id AND a.id < b.id
            WHERE daterange(a.admission_date::date, a.discharge_date::date)
               && daterange(b.admission_date::date, b.discharge_date::date)"""),
        "one bed, two residents": rows("""
            SELECT a.id, b.id FROM bed_assignments a JOIN bed_assignments b ON a.bed_id = b.bed_id AND a.id < b.id
            WHERE daterange(a.start_date::date, a.end_date::date) && daterange(b.start_date::date, b.end_date::date)"""),
        "one stay, two beds": rows("""
            SELECT a.id, b.id FROM bed_assignments a JOIN bed_assignments b ON a.stay_id = b.stay_id AND a.id < b.id
            WHERE daterange(a.start_date::date, a.end_date::date) && daterange(b.start_date::date, b.end_date::date)"""),
    }


def _chain_is_whole(db) -> dict:
    result = audit.verify_chain(db)
    total = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert result["ok"], result["problems"]
    assert result["key"] == "ok" and result["unsealed"] == 0
    assert result["length"] == total  # every entry on the one chain, positions 1..n
    seqs = [r[0] for r in db.execute("SELECT seq FROM audit_log ORDER BY seq").fetchall()]
    assert seqs == list(range(1, total + 1))
    return result


# --- a ------------------------------------------------------------------------------------------------------------
def test_two_clerks_one_free_bed_one_admitted_other_told_in_chinese(pg_url):
    ctx = _setup(pg_url)
    rounds = []
    for i in range(8):
        bed = _bed(ctx, "201", str(i + 1))
        a, b = _resident(ctx, 2 * i + 1, f"甲{i}"), _resident(ctx, 2 * i + 2, f"乙{i}")
        rounds.append((bed, a, b, i % 2 == 1))  # odd rounds: both clerks have checked the bed before either saves
    start, checked, out = SPAWN.Barrier(2), SPAWN.Barrier(2), SPAWN.Queue()
    procs = [SPAWN.Process(target=pg_seats.admit_race, name=f"clerk{me}", args=(
        pg_url, me, [(bed, (a, b)[me], forced) for bed, a, b, forced in rounds], start, checked, out))
        for me in (0, 1)]
    _run(procs)
    results = [out.get(timeout=5) for _ in range(2 * len(rounds))]
    db = ctx.db
    by_bed: dict[int, list] = {}
    for r in results:
        by_bed.setdefault(r[1], []).append(r)
    for bed, a, b, forced in rounds:
        got = by_bed[bed]
        ok = [r for r in got if r[3] == "ok"]
        refused = [r for r in got if r[3] != "ok"]
        assert len(ok) == 1 and len(refused) == 1, got
        _, _, loser, kind, cls, message = refused[0]
        print(f"bed {bed} ({'both checked first' if forced else 'same moment'}): {cls}: {message}")
        assert kind == "refused" and cls in ("ValidationError", "Busy"), message
        assert CJK.search(message) and not re.search(r"psycopg|ERROR|constraint|violat|exclu", message, re.I), message
        assert "床位" in message and "入住" in message, message  # says the bed is taken
        if forced:  # only the server could refuse: its exclusion constraint, in the store's Chinese words
            assert message == "该床位在这段时间已有老人入住"
        # Nothing half-written: the refused resident has no stay and no bed; the bed has one resident.
        assert db.execute("SELECT COUNT(*) FROM stays WHERE resident_id = ?", [loser]).fetchone()[0] == 0
        assert db.execute("SELECT stay_id FROM bed_assignments WHERE bed_id = ?", [bed]).fetchall() == [(ok[0][4],)]
    # No audit entry of a refused admission either: one 'stays' and one 'bed_assignments' insert per bed.
    for tbl in ("stays", "bed_assignments"):
        n = db.execute("SELECT COUNT(*) FROM audit_log WHERE tbl = ? AND action = 'insert'", [tbl]).fetchone()[0]
        assert n == len(rounds)
    assert not any(_server_rule_breaks(db).values())
    _chain_is_whole(db)
    assert integrity_report(db)["ok"]
    ctx.db.close()


# --- b ------------------------------------------------------------------------------------------------------------
SEATS, STEPS = 5, 50


def test_five_seats_writing_at_once_keep_every_write_and_the_rules(pg_url):
    ctx = _setup(pg_url)
    own = {me: [_bed(ctx, f"3{me}0", str(k + 1)) for k in range(5)] for me in range(SEATS)}
    pool = [_bed(ctx, "400", str(k + 1)) for k in range(3)]
    partner = create_partner(ctx, {"name": "怀化市第一人民医院", "kind": "综合医院", "level": "三级"})
    start, out = SPAWN.Barrier(SEATS), SPAWN.Queue()
    procs = [SPAWN.Process(target=pg_seats.workload, name=f"seat{me}",
                           args=(pg_url, me, own[me], pool, partner, STEPS, start, out)) for me in range(SEATS)]
    t0 = time.perf_counter()
    _run(procs, timeout=300)
    wall = time.perf_counter() - t0
    reports = [out.get(timeout=5) for _ in range(SEATS)]
    errors = [r[5] for r in reports if r[1] != "done"]
    assert not errors, errors[0]
    acks = [a for r in reports for a in r[2]]
    refused = [x for r in reports for x in r[3]]
    busy = sum(r[4] for r in reports)
    kinds: dict[str, int] = {}
    for a in acks:
        kinds[a[0]] = kinds.get(a[0], 0) + 1
    print(f"{SEATS} seats × {STEPS} steps in {wall:.1f} s: acknowledged {kinds}, refused {len(refused)}, busy {busy}")
    for op, cls, message in refused:
        print(f"  refused {op}: {cls}: {message}")
        assert cls == "ValidationError" and CJK.search(message) and "psycopg" not in message
        assert op == "pool", (op, message)  # only the beds every seat wants may be refused
    assert busy == 0
    assert kinds.get("stay", 0) >= SEATS * 3 and kinds.get("move") and kinds.get("referral") and kinds.get("assessment")

    db = ctx.db
    one = lambda sql, p: db.execute(sql, p).fetchone()  # noqa: E731
    for a in acks:
        kind = a[0]
        if kind == "resident":
            assert one("SELECT 1 FROM residents WHERE id = ?", [a[1]]), a
        elif kind == "stay":
            _, stay, rid, bed, day = a
            assert one("SELECT 1 FROM stays WHERE id = ? AND resident_id = ? AND admission_date = ?", [stay, rid, day]), a
            assert one("SELECT 1 FROM bed_assignments WHERE stay_id = ? AND bed_id = ? AND start_date = ?",
                       [stay, bed, day]), a
        elif kind == "move":
            _, stay, bed, day = a
            assert one("SELECT 1 FROM bed_assignments WHERE stay_id = ? AND bed_id = ? AND start_date = ?",
                       [stay, bed, day]), a
        elif kind == "leave":
            assert one("SELECT 1 FROM leaves WHERE id = ? AND stay_id = ? AND start_date = ?", list(a[1:])), a
        elif kind == "leave_end":
            assert one("SELECT 1 FROM leaves WHERE id = ? AND end_date = ?", list(a[1:])), a
        elif kind == "discharge":
            assert one("SELECT 1 FROM stays WHERE id = ? AND discharge_date = ?", list(a[1:])), a
        elif kind == "referral":
            assert one("SELECT 1 FROM referrals WHERE id = ? AND resident_id = ?", list(a[1:])), a
        elif kind == "assessment":
            assert one("SELECT 1 FROM assessments WHERE id = ? AND resident_id = ? AND status = '完成'",
                       list(a[1:])), a
        else:
            raise AssertionError(a)
    # Nothing more than what was acknowledged: refused admissions left no stay behind.
    assert one("SELECT COUNT(*) FROM stays", [])[0] == kinds["stay"]
    assert one("SELECT COUNT(*) FROM referrals", [])[0] == kinds["referral"]
    assert one("SELECT COUNT(*) FROM assessments", [])[0] == kinds["assessment"]
    breaks = _server_rule_breaks(db)
    assert not any(breaks.values()), breaks
    chain = _chain_is_whole(db)
    print(f"audit chain: {chain['length']} entries, one chain, checked {chain['checked']}")
    report = integrity_report(db)
    assert report["ok"], report
    ctx.db.close()


# --- c ------------------------------------------------------------------------------------------------------------
def test_a_long_read_holds_no_other_seat_up(pg_url):
    ctx = _setup(pg_url)
    beds = [_bed(ctx, "501", str(k + 1)) for k in range(6)]
    for k in range(3):
        admit(ctx, _resident(ctx, 100 + k, f"丙{k}"), {"admission_date": dt.date(2026, 9, 1), "bed_id": beds[k]})
    holding, release, out = SPAWN.Event(), SPAWN.Event(), SPAWN.Queue()
    job = SPAWN.Process(target=pg_seats.long_read, name="accountant", args=(pg_url, 2026, 10, holding, release, out))
    job.start()
    try:
        assert holding.wait(60), "the long job did not start"
        timings = []
        for k in range(3, 6):  # another seat writes and reads while the job's snapshot is open
            t = time.perf_counter()
            stay = admit(ctx, _resident(ctx, 100 + k, f"丙{k}"), {"admission_date": dt.date(2026, 10, 5),
                                                                  "bed_id": beds[k]})
            discharge(ctx, stay, {"discharge_date": dt.date(2026, 10, 20), "discharge_reason": "回家"})
            names = [r["name"] for r in list_residents(ctx, include_discharged=True)]
            timings.append(time.perf_counter() - t)
            assert f"丙{k}" in names
        print("writes and reads beside the long job:", ", ".join(f"{s * 1000:.0f} ms" for s in timings))
        assert max(timings) < 3  # nowhere near the 10 s lock timeout: the job holds no lock writers wait for
    finally:
        release.set()
        job.join(60)
    assert job.exitcode == 0
    result = out.get(timeout=5)
    assert result[0] == "done", result[1]
    _, same, before, in_snapshot, after, held = result
    print(f"long job held its snapshot {held:.1f} s; stays {before} → {in_snapshot} in it, {after} after")
    assert same and before == in_snapshot == 3 and after == 6
    _chain_is_whole(ctx.db)
    ctx.db.close()


# --- d ------------------------------------------------------------------------------------------------------------
def test_a_seat_kept_waiting_too_long_is_told_busy_in_chinese_and_nothing_is_written(pg_url, monkeypatch):
    from yiyang_desktop.services.base import Busy
    from yiyang_desktop.store import pg as store_pg
    ctx = _setup(pg_url)
    bed = _bed(ctx, "601", "1")
    rid = _resident(ctx, 300, "丁一")
    monkeypatch.setattr(store_pg, "LOCK_TIMEOUT_MS", 1500)  # the 10 s of the program, shortened for the test
    holding, release, out = SPAWN.Event(), SPAWN.Event(), SPAWN.Queue()
    slow = SPAWN.Process(target=pg_seats.hold_writer, name="slow", args=(pg_url, holding, release, out))
    slow.start()
    try:
        assert holding.wait(60)
        t = time.perf_counter()
        with pytest.raises(Busy) as e:
            admit(ctx, rid, {"admission_date": dt.date(2026, 10, 1), "bed_id": bed})
        waited = time.perf_counter() - t
        print(f"after {waited:.1f} s: {e.value}")
        assert 1.4 < waited < 5
        assert str(e.value).startswith("服务器数据库正忙") and "psycopg" not in str(e.value)
        assert not ctx.db.conn.in_transaction
        assert ctx.db.execute("SELECT COUNT(*) FROM stays").fetchone()[0] == 0
    finally:
        release.set()
        slow.join(60)
    assert out.get(timeout=5) == ("done",)
    stay = admit(ctx, rid, {"admission_date": dt.date(2026, 10, 1), "bed_id": bed})  # the same save, again: done
    assert ctx.db.execute("SELECT resident_id FROM stays WHERE id = ?", [stay]).fetchone()[0] == rid
    assert ctx.db.execute("SELECT COUNT(*) FROM beds WHERE room = '909'").fetchone()[0] == 1
    _chain_is_whole(ctx.db)
    ctx.db.close()
