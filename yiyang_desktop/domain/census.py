"""Census on a date: who held which bed, of which type, at the end of a given day.

Conventions (so that any past month can be recomputed exactly):

* Every dated period is half-open ``[start, end)``; ``end`` None means "still going". A stay admitted on
  1 March and discharged on 10 March occupies the bed at the end of 1…9 March, not 10 March — the
  census is the end-of-day (24:00) count, like a hospital's 日末在院人数. A resident admitted and
  discharged on the same day is in no end-of-day census; the movement lists still count both events.
* A bed move on day d puts the resident in the new bed from the end of day d.
* A bed has the type and status of its latest change dated on or before d. It exists from its service date
  and is out of the count once it is 停用 (disabled). 维修 (under repair) beds count in the total but are not free.
* A resident on leave or in hospital keeps the bed and counts as occupying it, flagged ``away``.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from fractions import Fraction

from . import beds as B


@dataclass(frozen=True)
class BedRecord:
    id: int
    label: str
    service_date: dt.date
    type_changes: tuple[tuple[dt.date, str, str | None], ...]  # (effective date, type, sub-type), sorted
    status_changes: tuple[tuple[dt.date, str], ...] = ()  # (effective date, set status), sorted
    floor: str = ""
    building: str = ""
    room: str = ""

    def type_on(self, d: dt.date) -> tuple[str, str | None] | None:
        i = bisect_right([c[0] for c in self.type_changes], d)
        return None if i == 0 else self.type_changes[i - 1][1:]

    def status_on(self, d: dt.date) -> str:
        i = bisect_right([c[0] for c in self.status_changes], d)
        return B.AVAILABLE if i == 0 else self.status_changes[i - 1][1]


@dataclass(frozen=True)
class Occupancy:
    """One bed assignment of one stay: ``[start, end)``."""
    resident_id: int
    name: str
    bed_id: int
    start: dt.date
    end: dt.date | None
    stay_id: int = 0

    def covers(self, d: dt.date) -> bool:
        return self.start <= d and (self.end is None or d < self.end)


@dataclass(frozen=True)
class Absence:
    """Leave or a hospital stay ``[start, end)`` of a resident who keeps the bed."""
    resident_id: int
    start: dt.date
    end: dt.date | None
    kind: str = "请假外出"

    def covers(self, d: dt.date) -> bool:
        return self.start <= d and (self.end is None or d < self.end)


@dataclass(frozen=True)
class BedState:
    bed_id: int
    label: str
    bed_type: str
    sub_type: str | None
    set_status: str
    resident_id: int | None = None
    resident_name: str | None = None
    away: str | None = None  # kind of absence, if the occupant is away
    floor: str = ""
    building: str = ""
    room: str = ""

    @property
    def shown_status(self) -> str:
        if self.resident_id is not None:
            return B.OCCUPIED
        return B.FREE if self.set_status == B.AVAILABLE else self.set_status


@dataclass(frozen=True)
class CensusResident:
    resident_id: int
    name: str
    bed_id: int
    bed: str
    bed_type: str
    away: str | None


@dataclass(frozen=True)
class Census:
    date: dt.date
    beds: tuple[BedState, ...]
    residents: tuple[CensusResident, ...]
    beds_by_type: dict[str, int] = field(default_factory=dict)
    occupied_by_type: dict[str, int] = field(default_factory=dict)

    @property
    def beds_total(self) -> int:
        return sum(self.beds_by_type.values())

    @property
    def occupied_total(self) -> int:
        return sum(self.occupied_by_type.values())

    def count(self, shown_status: str) -> int:
        return sum(1 for b in self.beds if b.shown_status == shown_status)

    @property
    def occupancy_rate(self) -> Fraction | None:
        return B.ratio(self.occupied_total, self.beds_total)

    @property
    def nursing_share(self) -> Fraction | None:
        return B.nursing_share(self.beds_by_type)

    @property
    def away_total(self) -> int:
        return sum(1 for r in self.residents if r.away)

    def to_json(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "beds_total": self.beds_total,
            "beds_by_type": dict(self.beds_by_type),
            "occupied_total": self.occupied_total,
            "occupied_by_type": dict(self.occupied_by_type),
            "free_total": self.count(B.FREE),
            "reserved_total": self.count(B.RESERVED),
            "repair_total": self.count(B.REPAIR),
            "away_total": self.away_total,
            "occupancy_rate": B.as_percent(self.occupancy_rate, 2),
            "nursing_bed_share": B.as_percent(self.nursing_share, 2),
            "residents": [
                {"resident_id": r.resident_id, "name": r.name, "bed": r.bed, "bed_type": r.bed_type,
                 "away": r.away}
                for r in self.residents
            ],
        }


def census_on(d: dt.date, beds: list[BedRecord], occupancies: list[Occupancy],
              absences: list[Absence] = ()) -> Census:
    """The end-of-day census for ``d``. Pure: the caller passes the records (any superset is fine)."""
    holder = {}
    for o in occupancies:
        if o.covers(d):
            if o.bed_id in holder:
                raise ValueError(f"bed {o.bed_id} held twice on {d}")
            holder[o.bed_id] = o
    away = {}
    for a in absences:
        if a.covers(d):
            away[a.resident_id] = a.kind
    by_type = {t: 0 for t in B.BED_TYPES}
    occ_by_type = {t: 0 for t in B.BED_TYPES}
    states, residents = [], []
    for bed in sorted(beds, key=lambda b: b.label):
        if bed.service_date > d:
            continue
        kind = bed.type_on(d)
        if kind is None:
            continue
        status = bed.status_on(d)
        o = holder.get(bed.id)
        if status == B.DISABLED and o is None:
            continue
        bed_type, sub = kind
        by_type[bed_type] += 1
        state = BedState(bed.id, bed.label, bed_type, sub, status,
                         o.resident_id if o else None, o.name if o else None,
                         away.get(o.resident_id) if o else None, bed.floor, bed.building, bed.room)
        states.append(state)
        if o:
            occ_by_type[bed_type] += 1
            residents.append(CensusResident(o.resident_id, o.name, bed.id, bed.label, bed_type, state.away))
    return Census(d, tuple(states), tuple(residents), by_type, occ_by_type)


def bed_label(building: str, floor: str, room: str, number: str) -> str:
    """Human label of a bed, e.g. ``1号楼-2层-203-1``; empty parts are left out."""
    floor_part = f"{floor}层" if floor and not floor.endswith("层") else floor
    return "-".join(p for p in (building, floor_part, room, number) if p)
