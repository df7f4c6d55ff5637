"""Field metadata of a policy profile: each setting's default, label, unit, kind, allowed values and help text,
declared once beside the dataclass field. The loader checks a file against it, the profile editor draws its form
from it (``describe``), and the English interface translates the labels (context ``policy``).

Kinds: ``text``, ``bool``, ``int``, ``fen`` (written in yuan, kept in fen), ``share`` (a decimal 0–1),
``factor`` (a decimal multiplier), ``date``, ``choice`` (one of ``choices``), ``choices`` (a list of them),
``grades`` (ability-grade names of the assessment instruments), ``rows`` (a list of ``item`` settings) and
``section`` (a nested group of settings).

An ``optional`` setting may be left empty: written ``""`` (or left out) it is None, meaning "the policy text does
not give it" — never a zero. An optional section left out of a file is None: the profile has no such rules.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..text import QT_TRANSLATE_NOOP as N_

KINDS = ("text", "bool", "int", "fen", "share", "factor", "date", "choice", "choices", "grades", "rows", "section")


@dataclass(frozen=True)
class FieldMeta:
    label: str
    kind: str
    unit: str = ""
    help: str = ""
    choices: tuple[str, ...] = ()
    low: Decimal | int | None = None
    high: Decimal | int | None = None
    required: bool = False
    key: str | None = None          # the name in the file, when it is not the attribute's name
    item: type | None = None        # rows / section: the dataclass of one row or of the section
    source: bool = False            # this text is the rule's quoted source sentence
    multiline: bool = False
    optional: bool = False          # may be left empty ("" in a file): the value is None, "not given"


def spec(default: Any, label: str, kind: str, **kw) -> Any:
    """A dataclass field carrying its metadata. Lists become tuples; a section's default is its own defaults."""
    assert kind in KINDS, kind
    meta = FieldMeta(label, kind, **kw)
    if kind == "section" and not meta.optional:
        return dataclasses.field(default_factory=kw["item"], metadata={"policy": meta})
    return dataclasses.field(default=default, metadata={"policy": meta})


def source_spec() -> Any:
    return spec("", N_("policy", "原文摘录"), "text", source=True, multiline=True,
                help=N_("policy", "政策文件中规定这一条的原句，照抄；文件没有写的不要填在这里，写在“解读”中"))


def note_spec() -> Any:
    return spec("", N_("policy", "解读"), "text", multiline=True,
                help=N_("policy", "文件没有写明、本配置的做法（例如“老人按年满60周岁计”）"))


def fields_of(cls) -> list[tuple[dataclasses.Field, FieldMeta]]:
    return [(f, f.metadata["policy"]) for f in dataclasses.fields(cls) if "policy" in f.metadata]


def key_of(f: dataclasses.Field, meta: FieldMeta) -> str:
    return meta.key or f.name


def default_of(f: dataclasses.Field) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    return f.default_factory()  # type: ignore[misc]


def describe(cls, prefix: str = "") -> list[dict]:
    """Every setting of ``cls`` as a plain record for a form editor, depth first: path (as in the checker's
    messages, rows as ``[]``), label, kind, unit, choices, default, required, help, whether it is a source quote."""
    out = []
    for f, meta in fields_of(cls):
        path = f"{prefix}.{key_of(f, meta)}" if prefix else key_of(f, meta)
        out.append({"path": path, "label": meta.label, "kind": meta.kind, "unit": meta.unit,
                    "choices": list(meta.choices), "default": None if meta.kind in ("rows", "section") else
                    default_of(f), "required": meta.required, "help": meta.help, "source": meta.source,
                    "low": meta.low, "high": meta.high, "optional": meta.optional})
        if meta.kind == "section":
            out += describe(meta.item, path)
        elif meta.kind == "rows":
            out += describe(meta.item, path + "[]")
    return out
