"""The shapes an instrument file is read into (frozen, so a loaded instrument cannot be changed by accident),
and the result of scoring one answer set."""
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
    options: tuple[Option, ...]  # in display order, as in the form
    definition: str = ""

    @property
    def allowed(self) -> tuple[int, ...]:
        """The points an answer may take, in display order."""
        return tuple(o.points for o in self.options)

    @property
    def max_points(self) -> int:
        return max(self.allowed)

    @property
    def min_points(self) -> int:
        return min(self.allowed)

    def option_label(self, points: int) -> str | None:
        return next((o.label for o in self.options if o.points == points), None)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    items: tuple[str, ...]
    max: int
    grading: dict | None = None  # {"kind": "bands"|"rules", ...}; None when the indicator has no grade of its own
    min: int = 0

    @property
    def pending_verification(self) -> bool:
        return bool(self.grading and self.grading.get("pending_verification"))


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
    grades: dict[int, str]  # the instrument's own levels; a higher number is always more severe
    initial: dict  # how the initial grade is reached: total_bands | indicator | matrix | rules
    overrides: tuple[dict, ...] = ()
    cap: int | None = None  # the highest grade a raise may reach
    resolution_notes: tuple[str, ...] = ()
    indicator_grade_names: dict[int, str] = field(default_factory=dict)
    pending_verification: bool = False  # True when any part is marked 待核对 (see pending_parts)
    pending_parts: tuple[str, ...] = ()  # JSON paths of the parts marked pending_verification
    has_total: bool = True
    english: dict[str, str] = field(default_factory=dict, compare=False)  # Chinese name → English (name_en)
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _items: dict[str, Item] = field(init=False, repr=False, compare=False)
    _indicators: dict[str, Indicator] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_items", {i.code: i for i in self.items})
        object.__setattr__(self, "_indicators", {i.code: i for i in self.indicators})

    def __hash__(self):
        return hash((self.id, self.version))

    # --- look-ups the UI needs ---
    def item(self, code: str) -> Item:
        return self._items[code]

    def has_item(self, code) -> bool:
        return code in self._items

    def indicator(self, code: str) -> Indicator:
        return self._indicators[code]

    def indicator_of(self, item_code: str) -> Indicator:
        return next(i for i in self.indicators if item_code in i.items)

    def options(self, code: str) -> tuple[Option, ...]:
        """An item's options in display order."""
        return self._items[code].options

    @property
    def item_codes(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.items)

    @property
    def max_total(self) -> int:
        return sum(i.max for i in self.indicators)

    @property
    def max_grade(self) -> int:
        return max(self.grades)

    def grade_name(self, grade: int) -> str:
        return self.grades[grade]

    def indicator_grade_name(self, grade: int) -> str:
        return self.indicator_grade_names.get(grade) or self.grades[grade]


@dataclass(frozen=True)
class ScoreResult:
    instrument: str
    version: str
    subtotals: dict[str, int]  # by indicator code
    total: int | None  # None where the instrument has no total (LTC, MZ/T 039)
    indicator_grades: dict[str, int]  # only the indicators that have a grade of their own
    initial_grade: int
    initial_grade_name: str
    applied: tuple[dict, ...]  # {"rule", "description", "because", "reasons"} of each override that changed the grade
    final_grade: int
    final_grade_name: str
    pending_verification: bool = False
    notes: tuple[str, ...] = ()  # the readings (resolution notes) this answer set needed
    indicator_grade_names: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "instrument": self.instrument, "version": self.version, "subtotals": dict(self.subtotals),
            "total": self.total, "indicator_grades": dict(self.indicator_grades),
            "indicator_grade_names": dict(self.indicator_grade_names),
            "initial_grade": self.initial_grade, "initial_grade_name": self.initial_grade_name,
            "applied": [dict(a) for a in self.applied], "final_grade": self.final_grade,
            "final_grade_name": self.final_grade_name, "pending_verification": self.pending_verification,
            "notes": list(self.notes),
        }
