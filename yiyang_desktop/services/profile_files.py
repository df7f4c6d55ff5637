"""Reading a policy profile someone wrote as a file (``yiyang policy check|import FILE``): every way the file can be
unreadable — missing, a folder, binary, not UTF-8 (GBK, as Notepad on a Chinese Windows saves by default), nested
absurdly deep, too large — becomes a ValidationError with a plain Chinese sentence naming the file, never a
traceback. The profile's content is then checked by ``services.policy`` as before."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import Problem, ValidationError
from .permissions import public

MAX_BYTES = 1024 * 1024  # a profile is a few KB; anything this large is not one
MAX_DEPTH = 32           # a profile nests 3–4 levels


def _refuse(message: str) -> ValidationError:
    return ValidationError([Problem("", message)])


def _depth(data: Any) -> int:
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        if isinstance(value, dict):
            stack.extend((v, level + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, level + 1) for v in value)
    return deepest


@public("reads a policy file the user chose; no personal data")
def read_profile_text(path: Path | str) -> str:
    """The text of a profile file, or ValidationError in Chinese (missing, folder, binary, not UTF-8, too large)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise _refuse(N_("msg", "{path} 是文件夹，不是政策配置文件").format(path=path))
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _refuse(N_("msg", "找不到政策配置文件 {path}").format(path=path)) from None
    except OSError as e:
        raise _refuse(N_("msg", "无法读取政策配置文件 {path}：{err}").format(path=path, err=e.strerror or e)) from e
    if len(raw) > MAX_BYTES:
        raise _refuse(N_("msg", "文件 {path} 太大（超过 1 MB），不是政策配置文件").format(path=path))
    if b"\0" in raw:
        raise _refuse(N_("msg", "文件 {path} 不是文本文件（可能是 Excel、Word 或图片），不是政策配置文件").format(path=path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            raw.decode("gb18030")
            hint = N_("msg", "文件 {path} 是 GBK（ANSI）编码的，请用记事本“另存为”并选择 UTF-8 编码后再试")
        except UnicodeDecodeError:
            hint = N_("msg", "文件 {path} 不是 UTF-8 编码的文本，请另存为 UTF-8 编码后再试")
        raise _refuse(hint.format(path=path)) from None


def parse_profile_text(text: str, fmt: str, filename: str):
    """``domain.policy.loader.parse_text`` with absurd nesting refused: (data, key lines) or ValidationError."""
    from ..domain.policy import loader as L
    try:
        data, lines = L.parse_text(text, fmt, filename)
    except RecursionError:
        data, lines = None, None
    if data is None or _depth(data) > MAX_DEPTH:
        raise _refuse(N_("msg", "文件 {path} 的层次嵌套太深（超过 {n} 层），不是政策配置文件").format(path=filename, n=MAX_DEPTH))
    return data, lines
