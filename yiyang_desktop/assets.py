"""The one place that finds shipped files (resources/ and i18n/).

Works from the source checkout, from an installed wheel (where setuptools maps the two folders into the
package as ``yiyang_desktop/_resources`` and ``yiyang_desktop/_i18n``) and from a PyInstaller bundle
(where ``build.spec`` copies them beside the executable under ``sys._MEIPASS``).
"""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@cache
def _root(kind: str) -> Path:
    """Directory holding the shipped ``kind`` folder ("resources" or "i18n")."""
    candidates = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        candidates.append(Path(meipass) / kind)
    candidates.append(_PKG / f"_{kind}")  # wheel install
    candidates.append(_PKG.parent / kind)  # source checkout / editable install
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(f"找不到程序自带的文件夹 {kind}（已查找：{', '.join(map(str, candidates))}）")


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under resources/ (fonts, instruments, profiles, templates)."""
    return _root("resources").joinpath(*parts)


def i18n_path(*parts: str) -> Path:
    """Path of a file under i18n/ (.ts sources and compiled .qm)."""
    return _root("i18n").joinpath(*parts)


def font_path() -> Path:
    """The bundled CJK TrueType font used by Qt and reportlab alike."""
    return resource_path("fonts", "wqy-microhei.ttc")


def symbols_font_path() -> Path:
    """The fallback font for the symbols the CJK font draws blank (℃, ℉, Ⅴ, pinyin tone letters …)."""
    return resource_path("fonts", "yiyang-symbols.ttf")
