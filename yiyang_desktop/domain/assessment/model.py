"""The shapes an instrument file is read into (frozen, so a loaded instrument cannot be changed by accident)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Option:
    points: int
    label: str


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    options: tuple[Option, ...]
    definition: str = ""

    @property
    def allowed(self) -> tuple[int, ...]:
        return tuple(o.points for o in self.options)

    @property
    def max_points(self) -> int:
        return max(self.allowed)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    items: tuple[str, ...]
    max: int
    grading: dict | None = None  # {"kind": "bands"|"rules", ...}; None when the indicator has no grade of its own


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    name: str
    standard: str
    source: str
    confidence: str
    items: tuple[Item, ...]
    indicators: tuple[Indicator, ...]
    grades: dict[int, str]
    initial: dict
    overrides: tuple[dict, ...] = ()
    cap: int | None = None
    resolution_notes: tuple[str, ...] = ()
    indicator_grade_names: dict[int, str] = field(default_factory=dict)
    pending_verification: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def item(self, code: str) -> Item:
        return self._items[code]

    @property
    def _items(self) -> dict[str, Item]:
        return {i.code: i for i in self.items}

    @property
    def item_codes(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.items)

    @property
    def max_grade(self) -> int:
        return max(self.grades)

    def grade_name(self, grade: int) -> str:
        return self.grades[grade]


@dataclass(frozen=True)
class ScoreResult:
    instrument: str
    version: str
    subtotals: dict[str, int]
    total: int | None
    indicator_grades: dict[str, int]
    initial_grade: int
    initial_grade_name: str
    applied: tuple[dict, ...]
    final_grade: int
    final_grade_name: str
    pending_verification: bool = False
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict:
        out = {
            "instrument": self.instrument, "version": self.version, "subtotals": dict(self.subtotals),
            "total": self.total, "initial_grade": self.initial_grade, "initial_grade_name": self.initial_grade_name,
            "applied": [dict(a) for a in self.applied], "final_grade": self.final_grade,
            "final_grade_name": self.final_grade_name, "pending_verification": self.pending_verification,
        }
        if self.indicator_grades:
            out["indicator_grades"] = dict(self.indicator_grades)
        if self.notes:
            out["notes"] = list(self.notes)
        return out
