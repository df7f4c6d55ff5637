"""Checksums of Chinese identity numbers.

* 公民身份号码, GB 11643-1999: 17 digits + ISO 7064 MOD 11-2 check character (0-9 or X); digits 7-14 are
  the birth date, the 17th digit is odd for men and even for women.
* 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character set (no I, O, Z, S, V), the last one a
  MOD 31 check character.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .text import QT_TRANSLATE_NOOP as N_

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# First two digits: province-level divisions (GB/T 2260) plus 71 台湾, 81 香港, 82 澳门, 83 (residence permits).
_PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82", "83",
}

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


class IdNumberError(ValueError):
    """A number that fails its standard. ``str(err)`` is a plain Chinese sentence for the user."""


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: dt.date
    sex: str  # "男" / "女"
    region_code: str


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def normalize_id(number: str) -> str:
    return (number or "").strip().replace(" ", "").upper()


def parse_id_number(number: str, *, today: dt.date | None = None) -> IdInfo:
    """Check a 公民身份号码 and return what it encodes; raise IdNumberError with a Chinese reason."""
    n = normalize_id(number)
    if not n:
        raise IdNumberError(N_("msg", "请填写身份证号"))
    if len(n) == 15 and n.isascii() and n.isdigit():
        raise IdNumberError(N_("msg", "这是旧的15位身份证号，请填写现行的18位号码"))
    if len(n) != 18:
        raise IdNumberError(N_("msg", "身份证号应为18位（现在是{n}位）").format(n=len(n)))
    if not n.isascii() or not n[:17].isdigit() or not (n[17].isdigit() or n[17] == "X"):
        raise IdNumberError(N_("msg", "身份证号前17位应为数字，最后一位为数字或X"))
    if n[:2] not in _PROVINCES:
        raise IdNumberError(N_("msg", "身份证号开头的地区代码“{code}”不存在").format(code=n[:2]))
    try:
        birth = dt.date(int(n[6:10]), int(n[10:12]), int(n[12:14]))
    except ValueError:
        raise IdNumberError(N_("msg", "身份证号中的出生日期“{d}”不是有效日期").format(d=n[6:14])) from None
    if (today is not None and birth > today) or birth.year < 1880:
        raise IdNumberError(N_("msg", "身份证号中的出生日期“{d}”不合理").format(d=birth.isoformat()))
    expected = id_check_char(n[:17])
    if n[17] != expected:
        raise IdNumberError(N_("msg", "身份证号校验位不对：最后一位应为“{c}”，请核对是否输错").format(c=expected))
    return IdInfo(n, birth, "男" if int(n[16]) % 2 else "女", n[:6])


def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return _USCC_CHARS[(31 - total % 31) % 31]


def check_uscc(code: str) -> str:
    """Check a 统一社会信用代码; return it normalised or raise IdNumberError with a Chinese reason."""
    c = (code or "").strip().replace(" ", "").upper()
    if len(c) != 18:
        raise IdNumberError(N_("msg", "统一社会信用代码应为18位（现在是{n}位）").format(n=len(c)))
    bad = [ch for ch in c if ch not in _USCC_CHARS]
    if bad:
        raise IdNumberError(
            N_("msg", "统一社会信用代码含有不允许的字符“{ch}”（不使用I、O、Z、S、V）").format(ch=bad[0]))
    expected = uscc_check_char(c[:17])
    if c[17] != expected:
        raise IdNumberError(N_("msg", "统一社会信用代码校验位不对：最后一位应为“{c}”，请核对").format(c=expected))
    return c


def age_on(birth: dt.date, on: dt.date) -> int:
    """Age in whole years on a date (birthday counts on the day itself; 29 Feb turns over on 1 Mar)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
