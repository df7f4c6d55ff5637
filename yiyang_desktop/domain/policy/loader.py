"""One loader for policy profiles: a TOML (or JSON) text or a plain dict is checked against the field metadata of
:class:`PolicyProfile` and built into it. Unknown keys, unknown grade names and bad values are refused, each
problem naming its key path and, for a file, its line. ``to_data`` writes a profile back as the plain dict the
files and the database hold."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ..text import QT_TRANSLATE_NOOP as N_
from . import grades as G
from .fields import fields_of, key_of
from .profile import PolicyProfile
from .toml_lines import key_lines, line_of

_BAD = object()


@dataclass(frozen=True)
class ProfileProblem:
    path: str             # "operating.rates[2].yuan"; "" for the whole file
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = N_("msg", "第{n}行").format(n=self.line) + " " if self.line else ""
        return f"{where}{self.path}：{self.message}" if self.path else f"{where}{self.message}"


class ProfileError(ValueError):
    """A profile that cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[ProfileProblem], filename: str = ""):
        self.problems = problems
        self.filename = filename
        head = f"{filename}：" if filename else ""
        super().__init__(head + "；".join(str(p) for p in problems))


class _Checker:
    def __init__(self, lines: Mapping[str, int] | None, vocabulary: Mapping[str, frozenset[str]] | None):
        self.lines = lines
        self._vocabulary = vocabulary
        self.problems: list[ProfileProblem] = []

    @property
    def vocabulary(self) -> Mapping[str, frozenset[str]]:
        if self._vocabulary is None:
            self._vocabulary = G.vocabulary()
        return self._vocabulary

    def add(self, path: str, message: str) -> None:
        line = line_of(self.lines, path) if self.lines else None
        self.problems.append(ProfileProblem(path, message, line))

    # --- one value of one kind
    def decimal(self, value, path, meta) -> Decimal | object:
        if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
            self.add(path, N_("msg", "应为数字"))
            return _BAD
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            self.add(path, N_("msg", "“{v}”不是数字").format(v=value))
            return _BAD
        if not number.is_finite() or (meta.low is not None and number < meta.low) or \
                (meta.high is not None and number > meta.high):
            self.add(path, N_("msg", "应在 {low} 到 {high} 之间").format(low=meta.low, high=meta.high))
            return _BAD
        return number

    def value(self, meta, value, path: str):
        kind = meta.kind
        if meta.optional and kind != "section" and (value is None or (isinstance(value, str) and not value.strip())):
            return None  # left empty: not given
        if kind == "text":
            if not isinstance(value, str):
                self.add(path, N_("msg", "应为文字"))
                return _BAD
            if meta.required and not value.strip():
                self.add(path, N_("msg", "不能为空"))
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                self.add(path, N_("msg", "应为 true 或 false"))
                return _BAD
            return value
        if kind in ("int", "fen", "share", "factor"):
            if kind == "fen":
                meta = dataclasses.replace(meta, high=Decimal(meta.high) / 100 if meta.high is not None else None)
            number = self.decimal(value, path, meta)
            if number is _BAD:
                return _BAD
            if kind == "int":
                if number != number.to_integral_value():
                    self.add(path, N_("msg", "应为整数"))
                    return _BAD
                return int(number)
            if kind == "fen":
                fen = number * 100
                if fen != fen.to_integral_value():
                    self.add(path, N_("msg", "金额最多精确到分"))
                    return _BAD
                return int(fen)
            return number.normalize() if number else Decimal(0)
        if kind == "date":
            if isinstance(value, dt.datetime):
                self.add(path, N_("msg", "只写日期，不写时间（格式：2026-01-31）"))
                return _BAD
            if isinstance(value, dt.date):
                return value
            if value in ("", None):
                if meta.required:
                    self.add(path, N_("msg", "请填写日期（格式：2026-01-31）"))
                return None
            try:
                return dt.date.fromisoformat(str(value))
            except ValueError:
                self.add(path, N_("msg", "“{v}”不是有效日期（格式：2026-01-31）").format(v=value))
                return _BAD
        if kind == "choice":
            if not isinstance(value, str) or value not in meta.choices:
                self.add(path, N_("msg", "“{v}”不在可选范围：{opts}").format(v=value, opts="、".join(meta.choices)))
                return _BAD
            return value
        if kind in ("choices", "grades"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.add(path, N_("msg", "应为文字列表，例如 [\"民办\"]"))
                return _BAD
            allowed = meta.choices if kind == "choices" else tuple(self.vocabulary)
            wrong = [v for v in value if v not in allowed]
            if wrong and kind == "choices":
                self.add(path, N_("msg", "“{v}”不在可选范围：{opts}").format(v="、".join(wrong), opts="、".join(allowed)))
                return _BAD
            if wrong:
                self.add(path, N_("msg", "能力等级“{v}”不是评估量表中的等级，永远不会匹配任何老人。可写（全称或括号中的简称）：{opts}")
                         .format(v="、".join(wrong), opts="、".join(sorted(allowed))))
                return _BAD
            return tuple(value)
        if kind == "rows":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                self.add(path, N_("msg", "应为表格（每行一组设置）"))
                return _BAD
            return tuple(self.build(meta.item, row, f"{path}[{i}]") for i, row in enumerate(value, 1))
        if kind == "section":
            if not isinstance(value, dict):
                self.add(path, N_("msg", "应为一节设置"))
                return _BAD
            return self.build(meta.item, value, path)
        raise AssertionError(kind)

    def build(self, cls, data: dict, path: str = ""):
        known = {key_of(f, meta): (f, meta) for f, meta in fields_of(cls)}
        for key in data:
            if key not in known:
                self.add(f"{path}.{key}" if path else str(key),
                         N_("msg", "没有“{key}”这一项（可写：{opts}）").format(key=key, opts="、".join(known)))
        kwargs: dict[str, Any] = {}
        for key, (f, meta) in known.items():
            p = f"{path}.{key}" if path else key
            if key not in data:
                if meta.required:
                    self.add(p, N_("msg", "不能为空"))
                continue
            value = self.value(meta, data[key], p)
            if value is not _BAD:
                kwargs[f.name] = value
        obj = cls(**kwargs)
        for key, message in getattr(obj, "problems", lambda: ())():
            self.add(f"{path}.{key}" if path else key, message)
        return obj


def check(data: Any, *, lines: Mapping[str, int] | None = None,
          vocabulary: Mapping[str, frozenset[str]] | None = None) -> tuple[PolicyProfile | None, list[ProfileProblem]]:
    """(the profile, []) when ``data`` is usable, else (None, every problem)."""
    if not isinstance(data, dict):
        return None, [ProfileProblem("", N_("msg", "政策配置应为一组键值"))]
    c = _Checker(lines, vocabulary)
    profile = c.build(PolicyProfile, data)
    return (None, c.problems) if c.problems else (profile, [])


def build(data: Any, *, filename: str = "", lines: Mapping[str, int] | None = None,
          vocabulary: Mapping[str, frozenset[str]] | None = None) -> PolicyProfile:
    profile, problems = check(data, lines=lines, vocabulary=vocabulary)
    if problems:
        raise ProfileError(problems, filename)
    return profile


def parse_text(text: str, fmt: str = "toml", filename: str = "") -> tuple[dict, dict[str, int] | None]:
    """A file's text as a dict and (for TOML) the line of each key; a syntax error is a ProfileError."""
    try:
        if fmt == "toml":
            return tomllib.loads(text), key_lines(text)
        return json.loads(text), None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise ProfileError([ProfileProblem("", N_("msg", "配置文件格式有误：{err}").format(err=e))], filename) from e


def load_text(text: str, fmt: str = "toml", filename: str = "",
              vocabulary: Mapping[str, frozenset[str]] | None = None) -> PolicyProfile:
    data, lines = parse_text(text, fmt, filename)
    return build(data, filename=filename, lines=lines, vocabulary=vocabulary)


def _plain(meta, value):
    kind = meta.kind
    if value is None and meta.optional:
        return ""
    if kind == "fen":
        return value // 100 if value % 100 == 0 else str(Decimal(value) / 100)
    if kind in ("share", "factor"):
        return str(value)
    if kind == "date":
        return value.isoformat() if value else ""
    if kind in ("choices", "grades"):
        return list(value)
    if kind == "rows":
        return [to_data(v) for v in value]
    if kind == "section":
        return to_data(value)
    return value


def to_data(obj) -> dict:
    """The profile (or a section, a row) as the plain dict of the file format: yuan, decimal strings, ISO dates."""
    return {key_of(f, meta): _plain(meta, getattr(obj, f.name)) for f, meta in fields_of(obj.__class__)
            if not (meta.kind == "section" and meta.optional and getattr(obj, f.name) is None)}

