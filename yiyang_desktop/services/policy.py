"""Regional policy profiles: subsidy rates, eligibility, nursing-bed targets and size rules as versioned data.

Shipped profiles are TOML files in ``resources/policies/`` (with comments and the source text); a user's own
profiles (copies edited in the app) are kept in the data file, table ``policy_profiles``, as JSON of the same
shape. Every profile is checked by :func:`check_profile`, whose problems name the wrong field ("operating.min_age").
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache
from typing import Any

from ..assets import resource_path
from ..domain.beds import BED_TYPES, MEDICAL_SUBTYPES, PROVISIONS
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import Context, NotFound, Problem, ValidationError
from .accounts import requires
from .institution import KINDS, OWNERSHIPS
from .settings import get_setting, set_setting

DEFAULT_PROFILE_ID = "hecheng-2021"
COUNT_RULES = ("month_end", "any_day", "min_days")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
MAX_YUAN = Decimal("10000000")


@cache
def _shipped() -> dict[str, dict]:
    out = {}
    for path in sorted(resource_path("policies").glob("*.toml")):
        with path.open("rb") as f:
            data = tomllib.load(f)
        problems = check_profile(data)
        if problems:  # a broken shipped file is a packaging bug: say which file and field
            raise ValueError(f"{path.name}: " + "；".join(f"{p.field} {p.message}" for p in problems))
        out[data["id"]] = data
    return out


def shipped_ids() -> list[str]:
    return list(_shipped())


# ---------------------------------------------------------------- checking a profile

class _Check:
    def __init__(self):
        self.problems: list[Problem] = []

    def add(self, path: str, message) -> None:
        self.problems.append(Problem(path, message))

    def text(self, data: dict, key: str, path: str, *, required: bool = False) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self.add(path, N_("msg", "应为文字"))
            return ""
        if required and not value.strip():
            self.add(path, N_("msg", "不能为空"))
        return value

    def date(self, data: dict, key: str, path: str, *, required: bool = False) -> dt.date | None:
        value = data.get(key, "")
        if isinstance(value, dt.date):
            return value
        if value in ("", None):
            if required:
                self.add(path, N_("msg", "请填写日期（格式：2026-01-31）"))
            return None
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.add(path, N_("msg", "“{v}”不是有效日期（格式：2026-01-31）").format(v=value))
            return None

    def number(self, data: dict, key: str, path: str, *, low: Decimal, high: Decimal, integer: bool = False,
               default: Any = None) -> Decimal | None:
        value = data.get(key, default)
        if isinstance(value, bool) or value is None:
            self.add(path, N_("msg", "应为数字"))
            return None
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            self.add(path, N_("msg", "“{v}”不是数字").format(v=value))
            return None
        if not number.is_finite() or not low <= number <= high:
            self.add(path, N_("msg", "应在 {low} 到 {high} 之间").format(low=low, high=high))
            return None
        if integer and number != number.to_integral_value():
            self.add(path, N_("msg", "应为整数"))
            return None
        if not integer and number.as_tuple().exponent < -2 and path.endswith("yuan"):
            self.add(path, N_("msg", "金额最多精确到分"))
        return number

    def flag(self, data: dict, key: str, path: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.add(path, N_("msg", "应为 true 或 false"))
            return False
        return value

    def choices(self, data: dict, key: str, path: str, allowed: tuple[str, ...]) -> list[str]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(path, N_("msg", "应为文字列表"))
            return []
        wrong = [v for v in value if allowed and v not in allowed]
        if wrong:
            self.add(path, N_("msg", "“{v}”不在可选范围：{opts}").format(v="、".join(wrong), opts="、".join(allowed)))
        return value

    def table(self, data: dict, key: str, path: str) -> dict:
        value = data.get(key)
        if not isinstance(value, dict):
            self.add(path, N_("msg", "缺少这一节"))
            return {}
        return value

    def rows(self, data: dict, key: str, path: str) -> list[dict]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.add(path, N_("msg", "应为表格（每行一组设置）"))
            return []
        return value


def check_profile(data: Any) -> list[Problem]:
    """Every problem of a profile, each naming its field path; [] when the profile is usable."""
    c = _Check()
    if not isinstance(data, dict):
        return [Problem("", N_("msg", "政策配置应为一组键值"))]
    pid = c.text(data, "id", "id", required=True)
    if pid and not ID_RE.match(pid):
        c.add("id", N_("msg", "编号只能用小写字母、数字和连字符（2–40个字符），例如 shenyang-2024"))
    c.number(data, "version", "version", low=Decimal(1), high=Decimal(10**6), integer=True, default=1)
    c.text(data, "title", "title", required=True)
    for key in ("region", "document", "source_note"):
        c.text(data, key, key)
    start = c.date(data, "effective_from", "effective_from", required=True)
    end = c.date(data, "effective_to", "effective_to")
    if start and end and end < start:
        c.add("effective_to", N_("msg", "废止日期早于施行日期"))

    targets = c.table(data, "targets", "targets")
    for i, row in enumerate(c.rows(targets, "nursing_bed_share", "targets.nursing_bed_share")):
        p = f"targets.nursing_bed_share[{i + 1}]"
        c.date(row, "by", p + ".by", required=True)
        c.number(row, "min_share", p + ".min_share", low=Decimal(0), high=Decimal(1))

    size = c.table(data, "size_rules", "size_rules")
    for i, row in enumerate(c.rows(size, "rules", "size_rules.rules")):
        p = f"size_rules.rules[{i + 1}]"
        low = c.number(row, "min_beds", p + ".min_beds", low=Decimal(0), high=Decimal(100000), integer=True)
        high = c.number(row, "max_beds", p + ".max_beds", low=Decimal(0), high=Decimal(100000), integer=True)
        if low is not None and high and high <= low:
            c.add(p + ".max_beds", N_("msg", "上限应大于下限（0 表示无上限）"))
        c.text(row, "requirement", p + ".requirement", required=True)
        c.flag(row, "needs_agreement", p + ".needs_agreement")
        c.flag(row, "needs_clinic", p + ".needs_clinic")

    con = c.table(data, "construction", "construction")
    c.choices(con, "ownership_any", "construction.ownership_any", OWNERSHIPS)
    c.choices(con, "kind_any", "construction.kind_any", KINDS)
    c.number(con, "lease_min_years", "construction.lease_min_years", low=Decimal(0), high=Decimal(100), integer=True,
             default=0)
    factors = con.get("provision_factor", {})
    if not isinstance(factors, dict):
        c.add("construction.provision_factor", N_("msg", "应为每种举办方式的系数"))
    else:
        for prov in PROVISIONS:
            c.number(factors, prov, f"construction.provision_factor.{prov}", low=Decimal(0), high=Decimal(10),
                     default="1")
        for extra in set(factors) - set(PROVISIONS):
            c.add(f"construction.provision_factor.{extra}",
                  N_("msg", "举办方式只能是：{opts}").format(opts="、".join(PROVISIONS)))
    for i, row in enumerate(c.rows(con, "thresholds", "construction.thresholds")):
        p = f"construction.thresholds[{i + 1}]"
        c.text(row, "label", p + ".label")
        c.choices(row, "provisions", p + ".provisions", PROVISIONS)
        c.number(row, "min_beds", p + ".min_beds", low=Decimal(0), high=Decimal(100000), integer=True)
    for i, row in enumerate(c.rows(con, "rates", "construction.rates")):
        p = f"construction.rates[{i + 1}]"
        bed_type = c.text(row, "bed_type", p + ".bed_type", required=True)
        if bed_type and bed_type not in BED_TYPES:
            c.add(p + ".bed_type", N_("msg", "床位类型只能是：{opts}").format(opts="、".join(BED_TYPES)))
        c.choices(row, "sub_types", p + ".sub_types", MEDICAL_SUBTYPES)
        c.choices(row, "kind_any", p + ".kind_any", KINDS)
        c.number(row, "yuan", p + ".yuan", low=Decimal(0), high=MAX_YUAN)

    op = c.table(data, "operating", "operating")
    c.choices(op, "ownership_any", "operating.ownership_any", OWNERSHIPS)
    c.choices(op, "kind_any", "operating.kind_any", KINDS)
    c.number(op, "min_operating_months", "operating.min_operating_months", low=Decimal(0), high=Decimal(600),
             integer=True, default=0)
    c.number(op, "occupancy_floor", "operating.occupancy_floor", low=Decimal(0), high=Decimal(1), default="0")
    rule = c.text(op, "count_rule", "operating.count_rule", required=True)
    if rule and rule not in COUNT_RULES:
        c.add("operating.count_rule", N_("msg", "只能是：{opts}").format(opts="、".join(COUNT_RULES)))
    c.number(op, "min_days", "operating.min_days", low=Decimal(0), high=Decimal(31), integer=True, default=0)
    c.flag(op, "count_away", "operating.count_away")
    c.number(op, "min_age", "operating.min_age", low=Decimal(0), high=Decimal(120), integer=True, default=60)
    c.flag(op, "local_hukou_only", "operating.local_hukou_only")
    c.number(op, "min_stay_months", "operating.min_stay_months", low=Decimal(0), high=Decimal(120), integer=True,
             default=0)
    from .residents import CATEGORIES
    c.choices(op, "exclude_categories", "operating.exclude_categories", CATEGORIES)
    c.number(op, "grade_valid_months", "operating.grade_valid_months", low=Decimal(0), high=Decimal(120),
             integer=True, default=0)
    c.number(op, "yuan_per_bed_month", "operating.yuan_per_bed_month", low=Decimal(0), high=MAX_YUAN, default=0)
    for i, row in enumerate(c.rows(op, "uplifts", "operating.uplifts")):
        p = f"operating.uplifts[{i + 1}]"
        c.text(row, "label", p + ".label", required=True)
        c.choices(row, "bed_types", p + ".bed_types", BED_TYPES)
        c.choices(row, "sub_types", p + ".sub_types", MEDICAL_SUBTYPES)
        c.choices(row, "grades", p + ".grades", ())
        c.choices(row, "kind_any", p + ".kind_any", KINDS)
        c.number(row, "yuan", p + ".yuan", low=Decimal(0), high=MAX_YUAN)
        if not row.get("bed_types") and not row.get("grades") and not row.get("kind_any"):
            c.add(p, N_("msg", "提高标准须至少限定床位类型、能力等级或机构类型之一"))
    return c.problems


# ---------------------------------------------------------------- the profile object

def yuan_to_fen(value: Any) -> int:
    fen = Decimal(str(value)) * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"金额 {value} 元不是整分")
    return int(fen)


@dataclass(frozen=True)
class Profile:
    data: dict
    shipped: bool

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def construction(self) -> dict:
        return self.data["construction"]

    @property
    def operating(self) -> dict:
        return self.data["operating"]

    @property
    def size_rules(self) -> list[dict]:
        return list(self.data.get("size_rules", {}).get("rules", []))

    def describe(self) -> dict:
        return {k: self.data.get(k, "") for k in ("id", "version", "title", "region", "document", "effective_from",
                                                    "effective_to", "source_note")} | {"shipped": self.shipped}

    def nursing_target_on(self, d: dt.date) -> Fraction | None:
        """The nursing-bed share the profile expects by ``d``: the latest target whose deadline is on or before
        ``d``, else the first one still ahead (what the home is working towards); None without targets."""
        rows = sorted(((dt.date.fromisoformat(str(r["by"])), Fraction(str(r["min_share"])))
                       for r in self.data.get("targets", {}).get("nursing_bed_share", [])))
        if not rows:
            return None
        past = [share for by, share in rows if by <= d]
        return past[-1] if past else rows[0][1]

    def size_rule_for(self, beds: int) -> dict | None:
        for rule in self.size_rules:
            if beds >= rule["min_beds"] and (not rule["max_beds"] or beds < rule["max_beds"]):
                return rule
        return None


def _user_rows(ctx: Context) -> dict[str, dict]:
    return {r["id"]: json.loads(r["body"]) for r in ctx.db.query("SELECT id, body FROM policy_profiles ORDER BY id")}


@requires("view")
def list_profiles(ctx: Context) -> list[Profile]:
    out = [Profile(copy.deepcopy(d), True) for d in _shipped().values()]
    return out + [Profile(d, False) for d in _user_rows(ctx).values()]


@requires("view")
def get_profile(ctx: Context, profile_id: str | None = None) -> Profile:
    """A profile by id; the active one when ``profile_id`` is None."""
    profile_id = profile_id or active_profile_id(ctx)
    if profile_id in _shipped():
        return Profile(copy.deepcopy(_shipped()[profile_id]), True)
    user = _user_rows(ctx).get(profile_id)
    if user is None:
        raise NotFound(N_("msg", "没有编号为“{id}”的政策配置。可用的有：{ids}")
                       .format(id=profile_id, ids="、".join(p.id for p in list_profiles(ctx))))
    return Profile(user, False)


@requires("view")
def active_profile_id(ctx: Context) -> str:
    return get_setting(ctx, "policy_profile") or DEFAULT_PROFILE_ID


@requires("view")
def active_profile(ctx: Context) -> Profile:
    try:
        return get_profile(ctx)
    except NotFound:  # the chosen profile was deleted: fall back to the default, never fail a screen
        return get_profile(ctx, DEFAULT_PROFILE_ID)


@requires("settings")
def set_active_profile(ctx: Context, profile_id: str) -> None:
    get_profile(ctx, profile_id)
    set_setting(ctx, "policy_profile", profile_id)


@requires("settings")
def save_user_profile(ctx: Context, data: dict) -> Profile:
    """Create or replace a user profile after checking every field. Shipped ids cannot be overwritten."""
    problems = check_profile(data)
    if not problems and data["id"] in _shipped():
        problems.append(Problem("id", N_("msg", "“{id}”是程序自带的配置，不能覆盖；请换一个编号").format(id=data["id"])))
    if problems:
        raise ValidationError(problems)
    data = json.loads(json.dumps(data, default=str))  # dates → text, a plain JSON copy
    with ctx.transaction() as db:
        db.execute("INSERT INTO policy_profiles (id, body, updated_at) VALUES (?, ?, ?) "
                   "ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                   [data["id"], json.dumps(data, ensure_ascii=False), ctx.stamp()])
    return Profile(data, False)


@requires("settings")
def copy_profile(ctx: Context, source_id: str, new_id: str, title: str) -> Profile:
    data = copy.deepcopy(get_profile(ctx, source_id).data)
    data.update(id=new_id, title=title, version=1,
                source_note=(data.get("source_note", "") + "\n" if data.get("source_note") else "")
                + f"（复制自 {source_id}）")
    return save_user_profile(ctx, data)


@requires("settings")
def delete_user_profile(ctx: Context, profile_id: str) -> None:
    if profile_id in _shipped():
        raise ValidationError([Problem("id", N_("msg", "程序自带的配置不能删除"))])
    with ctx.transaction() as db:
        db.execute("DELETE FROM policy_profiles WHERE id = ?", [profile_id])


def load_profile_file(text: str, fmt: str = "toml") -> dict:
    """Parse a profile someone wrote as a file (TOML or JSON); a syntax error becomes a ValidationError."""
    try:
        return tomllib.loads(text) if fmt == "toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise ValidationError([Problem("", N_("msg", "配置文件格式有误：{err}").format(err=e))]) from e
