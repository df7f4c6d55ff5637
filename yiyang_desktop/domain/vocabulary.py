"""Words the records and the policy profiles share: who runs a home, what kind of home, residents' categories.
Stored in the database as these Chinese words; a profile may name only these."""
from __future__ import annotations

from .text import QT_TRANSLATE_NOOP as N_

OWNERSHIPS: tuple[str, ...] = (N_("enum", "公办"), N_("enum", "民办"), N_("enum", "公建民营"))
KINDS: tuple[str, ...] = (N_("enum", "养老机构"), N_("enum", "医养结合机构（养办医）"),
                          N_("enum", "医养结合机构（医办养）"))
CATEGORIES: tuple[str, ...] = (N_("enum", "特困"), N_("enum", "低保"), N_("enum", "三无"), N_("enum", "五保"),
                               N_("enum", "计生特殊家庭"), N_("enum", "优抚"), N_("enum", "残疾"))
