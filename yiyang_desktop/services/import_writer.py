"""The import's own writes of beds and residents (with their stay): the same checks as ``create_bed``,
``create_resident`` and ``admit`` (the services' own check functions, same messages), written with plain prepared
INSERT statements inside the import's one transaction.

Going through the services row by row cost ≈ 32 SQL statements per row (a savepoint per service call, sqlite-utils
introspecting the table on every insert, re-reading the resident and the bed); here a bed's "is it free" check runs
on in-memory maps of the beds, their status changes and their assignments, built once and kept up to date as rows
are written. Audit entries are written by the tables' triggers (store/schema_accounts.py), as for any insert.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict

from ..domain import beds as B
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import Checker, Context, Problem, ValidationError, fail
from .beds import BED_LABEL_SQL, check_new_bed
from .residents import _check_resident

OPEN_END = "9999-12-31"


class ImportWriter:
    def __init__(self, ctx: Context):
        self.ctx, self.conn = ctx, ctx.db.conn
        self.sql: dict[tuple, str] = {}
        self.locations: set[tuple] = set()
        self.service: dict[int, str] = {}  # bed id → service date
        for bed_id, building, floor, room, number, service in self.conn.execute(
                "SELECT id, building, floor, room, number, service_date FROM beds"):
            self.locations.add((building, floor, room, number))
            self.service[bed_id] = service
        self._occupancy: tuple[dict, dict] | None = None

    def occupancy(self) -> tuple[dict, dict]:
        """(bed id → [(date, status)], bed id → [(start, end, resident name)]), read once when first needed."""
        if self._occupancy is None:
            status, assigned = defaultdict(list), defaultdict(list)
            for bed_id, when, s in self.conn.execute(
                    "SELECT bed_id, effective_date, status FROM bed_status_changes ORDER BY bed_id, effective_date, id"):
                status[bed_id].append((when, s))
            for bed_id, start, end, name in self.conn.execute(
                    "SELECT a.bed_id, a.start_date, a.end_date, r.name FROM bed_assignments a "
                    "JOIN stays s ON s.id = a.stay_id JOIN residents r ON r.id = s.resident_id ORDER BY a.id"):
                assigned[bed_id].append((start, end, name))
            self._occupancy = status, assigned
        return self._occupancy

    def insert(self, table: str, row: dict) -> int:
        key = (table, *row)
        sql = self.sql.get(key)
        if sql is None:
            cols = ", ".join(f'"{c}"' for c in row)
            sql = self.sql[key] = f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(row))})'
        return self.conn.execute(sql, list(row.values())).lastrowid

    def row(self, write):
        """``write()`` for one row, inside the import's one transaction (no savepoint per row: every check of a bed
        or resident row runs before its first insert, so a refused row has written nothing; and any refused row
        rolls the whole import back). A trigger's refusal becomes a ValidationError as in ``Context.transaction``."""
        try:
            return write()
        except sqlite3.IntegrityError as e:
            text = str(e)
            if any("\u4e00" <= ch <= "\u9fff" for ch in text):
                raise ValidationError([Problem("", text)]) from e
            raise ValidationError([Problem("", N_("msg", "数据不符合要求，未保存：{err}").format(err=text))]) from e

    # --- beds.create_bed -----------------------------------------------------------------------------------------
    def create_bed(self, data: dict) -> int:
        row, service, bed_type, sub_type, status = check_new_bed(data)
        location = (row["building"], row["floor"], row["room"], row["number"])
        if location in self.locations:
            from ..domain.census import bed_label
            fail("number", N_("msg", "床位 {label} 已存在").format(label=bed_label(*location)))
        when = service.isoformat()
        row["service_date"] = when
        bed_id = self.insert("beds", row)
        self.insert("bed_type_changes", {"bed_id": bed_id, "effective_date": when, "bed_type": bed_type,
                                         "sub_type": sub_type, "note": "投入使用"})
        if status != B.AVAILABLE:
            self.insert("bed_status_changes", {"bed_id": bed_id, "effective_date": when, "status": status})
            if self._occupancy is not None:
                self._occupancy[0][bed_id].append((when, status))
        self.locations.add(location)
        self.service[bed_id] = when
        return bed_id

    # --- residents.create_resident + residents.admit ---------------------------------------------------------------
    def admit_new(self, data: dict, stay: dict) -> int:
        """create_resident + admit: the resident's checks, then the admission's, then the writes."""
        row = _check_resident(self.ctx, data, None)
        contacts = row.pop("_contacts")
        row["created_at"] = self.ctx.stamp()
        bed_id, day = self.check_admission(None, stay)
        rid = self.insert("residents", row)
        for ct in contacts:
            self.insert("resident_contacts", ct | {"resident_id": rid})
        self.write_admission(rid, row["name"], bed_id, day)
        return rid

    def admit(self, resident_id: int, name: str, stay: dict) -> int:
        """admit for a resident already on file."""
        bed_id, day = self.check_admission(resident_id, stay)
        return self.write_admission(resident_id, name, bed_id, day)

    def check_admission(self, resident_id: int | None, data: dict) -> tuple[int, str]:
        c = Checker(data)
        when = c.date("admission_date", required=True, label=N_("msg", "入住日期"))
        bed_id = data.get("bed_id")
        if not bed_id:
            c.add("bed_id", N_("msg", "请选择床位"))
        if when and when > self.ctx.today() + dt.timedelta(days=30):
            c.add("admission_date", N_("msg", "入住日期不能晚于今天30天以上"))
        c.raise_if_any()
        day = when.isoformat()
        if resident_id is not None:  # a new resident has no stays yet
            overlap = self.conn.execute(
                "SELECT admission_date, discharge_date FROM stays WHERE resident_id = ? "
                "AND COALESCE(discharge_date, '9999-12-31') > ?", [resident_id, day]).fetchone()
            if overlap:
                if overlap[1] is None:
                    fail("admission_date", N_("msg", "这位老人自 {d} 起在住，尚未出院").format(d=overlap[0]))
                fail("admission_date", N_("msg", "这位老人在 {a} 至 {b} 已有一次入住，与所选日期重叠").format(
                    a=overlap[0], b=overlap[1]))
        bed_id = int(bed_id)
        if problem := self.bed_free_problem(bed_id, day):
            raise ValidationError([problem])
        return bed_id, day

    def write_admission(self, resident_id: int, name: str, bed_id: int, day: str) -> int:
        stay_id = self.insert("stays", {"resident_id": resident_id, "admission_date": day})
        self.insert("bed_assignments", {"stay_id": stay_id, "bed_id": bed_id, "start_date": day})
        self.occupancy()[1][bed_id].append((day, None, name))
        return stay_id

    def bed_free_problem(self, bed_id: int, start: str) -> Problem | None:
        """beds.bed_free_problem for an open-ended stay from ``start``, on the in-memory maps."""
        service = self.service.get(bed_id)
        if service is None:
            return Problem("bed_id", N_("msg", "请选择床位"))
        if start < service:
            return Problem("bed_id", N_("msg", "床位 {label} 在 {d} 才投入使用").format(label=self.label(bed_id), d=service))
        status, assigned = self.occupancy()
        changes = status.get(bed_id, ())
        before = [x for x in changes if x[0] <= start]
        if before and before[-1][1] in (B.REPAIR, B.DISABLED):
            return Problem("bed_id", N_("msg", "床位 {label} 当时处于{s}状态").format(label=self.label(bed_id), s=before[-1][1]))
        later = next((x for x in changes if start < x[0] < OPEN_END and x[1] in ("维修", "停用")), None)
        if later:
            return Problem("bed_id", N_("msg", "床位 {label} 自 {d} 起为{s}状态").format(
                label=self.label(bed_id), d=later[0], s=later[1]))
        for a_start, a_end, name in assigned.get(bed_id, ()):
            if a_start < OPEN_END and start < (a_end or OPEN_END):
                return Problem("bed_id", N_("msg", "床位 {label} 这段时间已由 {name} 入住").format(
                    label=self.label(bed_id), name=name))
        return None

    def label(self, bed_id: int) -> str:
        return self.conn.execute(f"SELECT {BED_LABEL_SQL} FROM beds b WHERE b.id = ?", [bed_id]).fetchone()[0]
