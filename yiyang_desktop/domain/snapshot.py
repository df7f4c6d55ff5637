"""Typed snapshots of the records the rules read: institution facts, beds with dated types and statuses, stays,
bed assignments, leaves, residents' attributes and their assessments. The store builds them (store/snapshots.py);
the calculators (construction, operating, insurance, return_figures) read only these — no database, no clock."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .census import Absence, BedRecord, Occupancy


@dataclass(frozen=True)
class InstitutionFacts:
    name: str = ""
    ownership: str | None = None
    kind: str | None = None
    region_code: str | None = None
    region_name: str | None = None
    operation_start: dt.date | None = None
    medical_facility: str | None = None
    medical_license_no: str | None = None
    medical_license_date: dt.date | None = None

    @property
    def has_clinic(self) -> bool:
        return bool(self.medical_facility) and self.medical_facility != "无"


@dataclass(frozen=True)
class Grant:
    application_id: int
    granted_on: dt.date


@dataclass(frozen=True)
class BedFacts:
    """A bed as the construction subsidy sees it: its history, how it was provided, and any grant already made."""
    record: BedRecord
    provision: str = "新建"
    lease_end: dt.date | None = None   # the lease's last day (inclusive)
    grant: Grant | None = None


@dataclass(frozen=True)
class Stay:
    id: int
    resident_id: int
    admission: dt.date
    discharge: dt.date | None = None
    discharge_reason: str | None = None
    discharge_note: str | None = None
    name: str = ""


@dataclass(frozen=True)
class Resident:
    id: int
    name: str
    sex: str = ""
    id_number: str = ""
    birth: dt.date = dt.date(1900, 1, 1)
    hukou_local: bool = True
    hukou_address: str | None = None
    categories: tuple[str, ...] = ()
    ltc_insured: bool = False


@dataclass(frozen=True)
class Grade:
    """One completed assessment: its day and final grade."""
    resident_id: int
    assessed_on: dt.date
    grade: int
    name: str
    instrument_id: str = ""


@dataclass(frozen=True)
class PeriodSnapshot:
    """What the operating subsidy needs for the days ``first``..``last``: every bed (with its history up to
    ``last``), the bed assignments, leaves and stays that overlap the days, the residents who held a bed, and their
    completed assessments up to ``last`` (oldest first)."""
    institution: InstitutionFacts
    first: dt.date
    last: dt.date
    beds: tuple[BedRecord, ...] = ()
    occupancies: tuple[Occupancy, ...] = ()
    absences: tuple[Absence, ...] = ()
    stays: tuple[Stay, ...] = ()
    residents: Mapping[int, Resident] = field(default_factory=dict)
    grades: Mapping[int, tuple[Grade, ...]] = field(default_factory=dict)

    def grade_on(self, resident_id: int, d: dt.date) -> Grade | None:
        """The latest completed assessment dated on or before ``d``."""
        rows = self.grades.get(resident_id, ())
        i = bisect_right([g.assessed_on for g in rows], d)
        return rows[i - 1] if i else None

    @cached_property
    def stays_by_resident(self) -> dict[int, list[Stay]]:
        out: dict[int, list[Stay]] = {}
        for s in self.stays:
            out.setdefault(s.resident_id, []).append(s)
        return out

    def stay_in(self, resident_id: int, first: dt.date, last: dt.date) -> Stay | None:
        """The resident's latest stay admitted by ``last`` and not discharged by ``first``."""
        found = [s for s in self.stays_by_resident.get(resident_id, ()) if s.admission <= last
                 and (s.discharge is None or s.discharge > first)]
        return max(found, key=lambda s: (s.admission, s.id)) if found else None
