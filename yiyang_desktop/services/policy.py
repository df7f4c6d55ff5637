"""Regional policy profiles as the services use them: the shipped TOML files (resources/policies/, with comments
and the quoted source sentences) and a user's own profiles (copies edited in the app, kept in the data file, table
``policy_profiles``, as JSON of the same shape). Every profile goes through the one loader
(``domain.policy.loader``) into a typed :class:`PolicyProfile`; the check and the calculators read that object."""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from fractions import Fraction  # noqa: F401 - tests compare targets with it
from functools import cache
from pathlib import Path

from ..assets import resource_path
from ..domain.policy import loader as L
from ..domain.policy.profile import PolicyProfile
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .accounts import requires
from .profile_files import parse_profile_text, read_profile_text
from .base import Context, NotFound, Problem, ValidationError
from .settings import get_setting, set_setting
from .permissions import public

DEFAULT_PROFILE_ID = "hecheng-2021"  # files made before the first-start dialog asked for a profile
BLANK_PROFILE_ID = "blank"


@dataclass(frozen=True)
class Profile:
    """A profile as listed: the typed rules, and whether it ships with the program."""
    profile: PolicyProfile
    shipped: bool

    @property
    def id(self) -> str:
        return self.profile.id

    @property
    def title(self) -> str:
        return self.profile.title

    @property
    def data(self) -> dict:
        """The plain dict of the file format (what the editor shows and a saved copy holds)."""
        return L.to_data(self.profile)

    def describe(self) -> dict:
        p = self.profile
        return {"id": p.id, "version": p.version, "title": p.title, "title_en": p.title_en, "region": p.region, "region_code": p.region_code,
                "document": p.document, "effective_from": p.effective_from.isoformat() if p.effective_from else "",
                "effective_to": p.effective_to.isoformat() if p.effective_to else "", "force": p.force_text(),
                "source_note": p.source_note, "shipped": self.shipped}

    def __getattr__(self, name):  # size_rule_for, nursing_target_on, in_force … of the typed profile
        return getattr(self.__dict__["profile"], name)


def _problems(err: L.ProfileError) -> list[Problem]:
    return [Problem(p.path, N_("msg", "第{n}行：{msg}").format(n=p.line, msg=p.message) if p.line else p.message)
            for p in err.problems]


def _fmt(path: Path) -> str:
    return "json" if str(path).lower().endswith(".json") else "toml"


@public("reads a policy file the user chose; no personal data")
def read_file(path: Path) -> PolicyProfile:
    """A profile file (TOML or JSON) checked and built; problems name the file, line and key. An unreadable file
    (missing, binary, GBK, nested absurdly deep) is a ValidationError with a plain sentence."""
    path = Path(path)
    text = read_profile_text(path)
    try:
        data, lines = parse_profile_text(text, _fmt(path), path.name)
        return L.build(data, filename=path.name, lines=lines)
    except L.ProfileError as e:
        raise ValidationError(_problems(e)) from e


@public("checks a policy file the user chose; no personal data")
def check_file(path: Path) -> list[L.ProfileProblem]:
    """Every problem of a profile file, each with its line (for TOML) and key path; [] when usable. An unreadable
    file raises ValidationError."""
    path = Path(path)
    text = read_profile_text(path)
    try:
        data, lines = parse_profile_text(text, _fmt(path), path.name)
    except L.ProfileError as e:
        return e.problems
    return L.check(data, lines=lines)[1]


@cache
def _shipped() -> dict[str, PolicyProfile]:
    out = {}
    for path in sorted(resource_path("policies").glob("*.toml")):
        # a broken shipped file is a packaging bug: L.ProfileError names the file, line and key
        profile = L.load_text(path.read_text(encoding="utf-8"), "toml", path.name)
        out[profile.id] = profile
    return out


def shipped_ids() -> list[str]:
    return list(_shipped())


def shipped_profiles() -> list[PolicyProfile]:
    """The profiles that ship with the program (for the first-start dialog, before any file is open)."""
    return list(_shipped().values())


def _user_profiles(ctx: Context) -> dict[str, PolicyProfile]:
    out = {}
    for r in ctx.db.query("SELECT id, body FROM policy_profiles ORDER BY id"):
        try:
            out[r["id"]] = L.build(json.loads(r["body"]), filename=r["id"])
        except (L.ProfileError, ValueError):
            continue  # a stored copy no longer valid (a newer program's shape): not offered, never half-used
    return out


@requires("view")
def list_profiles(ctx: Context) -> list[Profile]:
    return [Profile(p, True) for p in _shipped().values()] + [Profile(p, False) for p in _user_profiles(ctx).values()]


@requires("view")
def get_profile(ctx: Context, profile_id: str | None = None) -> Profile:
    """A profile by id; the active one when ``profile_id`` is None."""
    profile_id = profile_id or active_profile_id(ctx)
    if profile_id in _shipped():
        return Profile(_shipped()[profile_id], True)
    user = _user_profiles(ctx).get(profile_id)
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
def save_user_profile(ctx: Context, data: dict | PolicyProfile) -> Profile:
    """Create or replace a user profile after checking every field. Shipped ids cannot be overwritten."""
    if isinstance(data, PolicyProfile):
        data = L.to_data(data)
    profile, problems = L.check(data)
    out = [Problem(p.path, p.message) for p in problems]
    if profile is not None and profile.id in _shipped():
        out.append(Problem("id", N_("msg", "“{id}”是程序自带的配置，不能覆盖；请换一个编号").format(id=profile.id)))
    if out:
        raise ValidationError(out)
    body = json.dumps(L.to_data(profile), ensure_ascii=False)
    with ctx.transaction() as db:
        db.execute("INSERT INTO policy_profiles (id, body, updated_at) VALUES (?, ?, ?) "
                   "ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                   [profile.id, body, ctx.stamp()])
    return Profile(profile, False)


@requires("settings")
def copy_profile(ctx: Context, source_id: str, new_id: str, title: str) -> Profile:
    data = copy.deepcopy(get_profile(ctx, source_id).data)
    note = data.get("source_note", "")
    data.update(id=new_id, title=title, title_en="", version=1,
                source_note=(note + "\n" if note else "") + f"（复制自 {source_id}）")
    return save_user_profile(ctx, data)


@requires("settings")
def delete_user_profile(ctx: Context, profile_id: str) -> None:
    if profile_id in _shipped():
        raise ValidationError([Problem("id", N_("msg", "程序自带的配置不能删除"))])
    with ctx.transaction() as db:
        db.execute("DELETE FROM policy_profiles WHERE id = ?", [profile_id])


@requires("settings")
def import_profile_file(ctx: Context, path: Path) -> Profile:
    """Check a profile file (with its lines) and keep it as a user profile."""
    return save_user_profile(ctx, read_file(path))
