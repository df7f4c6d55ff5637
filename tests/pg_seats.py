"""What one office PC does in the 网络版 concurrency tests (tests/test_pg_concurrency.py): each function runs in a
process of its own (multiprocessing, 'spawn'), opens its own connection with ``open_db(url)`` and works through
the same services the window uses. Results go back through a queue as plain tuples.

Every write a seat reports as done ("acknowledged") is a service call that returned: the test then looks for each
of them on the server.
"""
from __future__ import annotations

import datetime as dt
import random
import time
import traceback

TODAY = dt.date(2026, 11, 23)
START = dt.date(2021, 1, 4)


def seat(url: str, user: str):
    from yiyang_desktop.clock import FixedClock
    from yiyang_desktop.services.base import Context
    from yiyang_desktop.store.db import open_db
    return Context(open_db(url), user=user, role="管理员", clock=FixedClock(TODAY))


def id_number(n: int, sex: str = "女") -> str:
    """A valid, unique 18-digit ID number for resident ``n`` (birth date and sequence from ``n``)."""
    from yiyang_desktop.domain.ids import id_check_char
    birth = dt.date(1930, 1, 1) + dt.timedelta(days=n % 7000)
    seq = ((n // 7000) * 2 + (1 if sex == "男" else 0)) % 1000
    first17 = f"431202{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def _outcome(e: BaseException) -> tuple:
    from yiyang_desktop.services.base import ServiceError
    if isinstance(e, ServiceError):
        return ("refused", type(e).__name__, str(e))
    return ("error", type(e).__name__, "".join(traceback.format_exception(e)))


# --- a. two clerks, one bed ---------------------------------------------------------------------------------------
def admit_race(url: str, me: int, rounds: list, start, checked, out) -> None:
    """For each round ``(bed_id, resident_id, both_checked)``: wait for the other clerk (``start``), then admit the
    resident to the bed. With ``both_checked`` the two clerks also wait for each other after the service has
    checked the bed (``checked``): both have seen it free, and the server alone can refuse the second."""
    from yiyang_desktop.services import residents as R
    ctx = seat(url, f"clerk{me}")
    real = R.bed_free_problem
    for bed_id, resident_id, both_checked in rounds:
        def checked_together(*a, **kw):
            problem = real(*a, **kw)
            checked.wait(timeout=30)
            return problem
        R.bed_free_problem = checked_together if both_checked else real
        start.wait(timeout=30)
        try:
            stay = R.admit(ctx, resident_id, {"admission_date": dt.date(2026, 10, 1), "bed_id": bed_id})
            out.put((me, bed_id, resident_id, "ok", stay, ""))
        except BaseException as e:  # noqa: BLE001 - reported to the test
            out.put((me, bed_id, resident_id, *_outcome(e)))
            if both_checked and not isinstance(e, Exception):
                raise
    ctx.db.close()


# --- b. several seats writing for a while -------------------------------------------------------------------------
class _Seat:
    def __init__(self, url: str, me: int, own_beds: list[int], pool: list[int], partner: int, seed: int):
        self.ctx = seat(url, f"seat{me}")
        self.me, self.own, self.pool, self.partner = me, own_beds, pool, partner
        self.rng = random.Random(seed)
        self.day = START
        self.n = 0
        self.in_house: dict[int, dict] = {}  # stay id → {"resident", "bed", "leave", "referral"}
        self.acks: list[tuple] = []
        self.refused: list[tuple] = []
        self.busy = 0

    def held(self) -> set[int]:
        return {s["bed"] for s in self.in_house.values()}

    def free_own(self) -> list[int]:
        return [b for b in self.own if b not in self.held()]

    def step(self) -> None:
        from yiyang_desktop.services.base import Busy, ServiceError
        self.day += dt.timedelta(days=1)
        choices = ["admit"] * 3 + ["pool"] + ["move", "leave", "discharge", "referral", "assessment"] * 2
        op = self.rng.choice(choices)
        try:
            getattr(self, "op_" + op)()
        except Busy:
            self.busy += 1
        except ServiceError as e:
            self.refused.append((op, type(e).__name__, str(e)))

    def _new_resident(self) -> int:
        from yiyang_desktop.services.residents import create_resident
        self.n += 1
        n = self.me * 1000 + self.n
        rid = create_resident(self.ctx, {"name": f"席{self.me}老人{self.n}", "sex": "女", "id_number": id_number(n),
                                         "hukou_local": True})
        self.acks.append(("resident", rid))
        return rid

    def _admit(self, bed: int) -> None:
        from yiyang_desktop.services.residents import admit
        rid = self._new_resident()
        stay = admit(self.ctx, rid, {"admission_date": self.day, "bed_id": bed})
        self.acks.append(("stay", stay, rid, bed, self.day.isoformat()))
        self.in_house[stay] = {"resident": rid, "bed": bed, "leave": None, "referral": False}

    def op_admit(self) -> None:
        if self.free_own():
            self._admit(self.rng.choice(self.free_own()))

    def op_pool(self) -> None:
        """A bed every seat may give: the others may have taken it a moment ago (the service or the server says so)."""
        self._admit(self.rng.choice(self.pool))

    def op_move(self) -> None:
        from yiyang_desktop.services.residents import move_bed
        free = self.free_own()
        if not self.in_house or not free:
            return
        stay = self.rng.choice(sorted(self.in_house))
        bed = self.rng.choice(free)
        move_bed(self.ctx, stay, {"date": self.day, "bed_id": bed})
        self.in_house[stay]["bed"] = bed
        self.acks.append(("move", stay, bed, self.day.isoformat()))

    def op_leave(self) -> None:
        from yiyang_desktop.services.residents import end_leave, start_leave
        if not self.in_house:
            return
        stay = self.rng.choice(sorted(self.in_house))
        leave = self.in_house[stay]["leave"]
        if leave is None:
            lid = start_leave(self.ctx, stay, {"kind": "请假外出", "start_date": self.day, "destination": "女儿家"})
            self.in_house[stay]["leave"] = lid
            self.acks.append(("leave", lid, stay, self.day.isoformat()))
        else:
            end_leave(self.ctx, leave, {"end_date": self.day})
            self.in_house[stay]["leave"] = None
            self.acks.append(("leave_end", leave, self.day.isoformat()))

    def op_discharge(self) -> None:
        from yiyang_desktop.services.residents import discharge
        if len(self.in_house) < 3:
            return
        stay = self.rng.choice(sorted(self.in_house))
        discharge(self.ctx, stay, {"discharge_date": self.day, "discharge_reason": "回家"})
        del self.in_house[stay]
        self.acks.append(("discharge", stay, self.day.isoformat()))

    def op_referral(self) -> None:
        from yiyang_desktop.services.referrals import create_referral
        candidates = [s for s, v in sorted(self.in_house.items()) if not v["referral"]]
        if not candidates:
            return
        stay = self.rng.choice(candidates)
        rid = self.in_house[stay]["resident"]
        ref = create_referral(self.ctx, {"resident_id": rid, "direction": "上转", "partner_id": self.partner,
                                         "referred_at": dt.datetime.combine(self.day, dt.time(9, 30)),
                                         "urgency": "普通", "present_illness": "发热两天"})
        self.in_house[stay]["referral"] = True
        self.acks.append(("referral", ref, rid))

    def op_assessment(self) -> None:
        from yiyang_desktop.domain.assessment import load_instrument
        from yiyang_desktop.services.assessments import save_assessment
        from yiyang_desktop.services.demo_assessments import answers_near
        if not self.in_house:
            return
        rid = self.in_house[self.rng.choice(sorted(self.in_house))]["resident"]
        inst = load_instrument("gbt42195-2022")
        aid = save_assessment(self.ctx, rid, {
            "instrument_id": inst.id, "assessed_on": self.day, "reason": "常规评估", "assessor1": "王芳",
            "assessor2": "李娜", "answers": answers_near(inst, self.rng.choice([80, 60, 40]), self.rng)}, complete=True)
        self.acks.append(("assessment", aid, rid))


def workload(url: str, me: int, own_beds: list[int], pool: list[int], partner: int, steps: int, start, out) -> None:
    """``steps`` use cases one after the other, as a clerk at a busy desk; reports what was acknowledged."""
    try:
        s = _Seat(url, me, own_beds, pool, partner, seed=1000 + me)
        start.wait(timeout=60)
        t0 = time.perf_counter()
        for _ in range(steps):
            s.step()
        out.put((me, "done", s.acks, s.refused, s.busy, time.perf_counter() - t0))
        s.ctx.db.close()
    except BaseException as e:  # noqa: BLE001 - reported to the test
        out.put((me, "error", [], [], 0, "".join(traceback.format_exception(e))))


# --- c. a long read beside the other seats ------------------------------------------------------------------------
def long_read(url: str, year: int, month: int, holding, release, out) -> None:
    """The monthly return computed in one read snapshot that is kept open (a long job) until ``release``: the
    figures do not change under it while other seats write, and it holds no one up."""
    try:
        from yiyang_desktop.services.census import census
        from yiyang_desktop.services.returns import compute_return
        ctx = seat(url, "accountant")
        conn = ctx.db.conn
        conn.execute("BEGIN")  # the job's snapshot (compute_return joins it)
        first = compute_return(ctx, year, month).figures
        stays_before = ctx.db.execute("SELECT COUNT(*) FROM stays").fetchone()[0]
        holding.set()
        t0 = time.perf_counter()
        while not release.is_set() and time.perf_counter() - t0 < 60:
            census(ctx, TODAY)  # still working, in the same snapshot
        again = compute_return(ctx, year, month).figures
        stays_in_snapshot = ctx.db.execute("SELECT COUNT(*) FROM stays").fetchone()[0]
        conn.execute("COMMIT")
        stays_after = ctx.db.execute("SELECT COUNT(*) FROM stays").fetchone()[0]
        out.put(("done", first == again, stays_before, stays_in_snapshot, stays_after, time.perf_counter() - t0))
        ctx.db.close()
    except BaseException as e:  # noqa: BLE001 - reported to the test
        holding.set()
        out.put(("error", "".join(traceback.format_exception(e))))


# --- d. a seat that holds the write lock ----------------------------------------------------------------------------
def hold_writer(url: str, holding, release, out) -> None:
    """A use case that takes its time inside its transaction (a bed created, then a wait): the write lock is held."""
    try:
        ctx = seat(url, "slow")
        with ctx.transaction() as db:
            db["beds"].insert({"building": "1号楼", "floor": "1", "room": "909", "number": "1",
                               "service_date": "2020-01-01"})
            holding.set()
            release.wait(timeout=60)
        out.put(("done",))
        ctx.db.close()
    except BaseException as e:  # noqa: BLE001 - reported to the test
        holding.set()
        out.put(("error", "".join(traceback.format_exception(e))))
