"""Bed kinds, statuses and the ratios policy watches. Values are stored in the database as these Chinese words."""
from __future__ import annotations

from fractions import Fraction

from .text import QT_TRANSLATE_NOOP as N_

ELDERLY = N_("enum", "养老床位")
NURSING = N_("enum", "护理型床位")
MEDICAL = N_("enum", "医疗床位")
FAMILY = N_("enum", "家庭养老床位")
BED_TYPES: tuple[str, ...] = (ELDERLY, NURSING, MEDICAL, FAMILY)
MEDICAL_SUBTYPES: tuple[str, ...] = (N_("enum", "康复"), N_("enum", "护理"), N_("enum", "安宁疗护"))

# Status a user sets on a bed (dated, kept as history). 在住/空闲 are derived from occupancy, never stored.
AVAILABLE = N_("enum", "可用")
RESERVED = N_("enum", "预留")
REPAIR = N_("enum", "维修")
DISABLED = N_("enum", "停用")
SET_STATUSES: tuple[str, ...] = (AVAILABLE, RESERVED, REPAIR, DISABLED)
# What a bed board shows.
OCCUPIED = N_("enum", "在住")
FREE = N_("enum", "空闲")
SHOWN_STATUSES: tuple[str, ...] = (FREE, OCCUPIED, RESERVED, REPAIR, DISABLED)

PROVISIONS: tuple[str, ...] = (N_("enum", "新建"), N_("enum", "改扩建"), N_("enum", "租赁"))
LEASED = "租赁"


def validate_type(bed_type: str, sub_type: str | None) -> str | None:
    """Return a Chinese problem with a type/sub-type pair, or None."""
    if bed_type not in BED_TYPES:
        return N_("msg", "请选择床位类型")
    if bed_type == MEDICAL and sub_type not in MEDICAL_SUBTYPES:
        return N_("msg", "医疗床位须选择子类型（康复/护理/安宁疗护）")
    if bed_type != MEDICAL and sub_type:
        return N_("msg", "只有医疗床位有子类型")
    return None


def nursing_share(by_type: dict[str, int]) -> Fraction | None:
    """护理型床位占比: nursing-type beds among all elderly-care beds (养老床位 + 护理型床位).

    Policy sets the target as a share "of all 养老床位", of which 护理型床位 are a part; medical beds and
    family beds at residents' homes are outside it. None when there are no elderly-care beds.
    """
    nursing = by_type.get(NURSING, 0)
    base = by_type.get(ELDERLY, 0) + nursing
    return Fraction(nursing, base) if base else None


def ratio(num: int, den: int) -> Fraction | None:
    return Fraction(num, den) if den else None


def as_percent(value: Fraction | None, digits: int = 1) -> float | None:
    """A ratio as a percentage rounded for display (data stays exact as a Fraction)."""
    return None if value is None else round(float(value) * 100, digits)
