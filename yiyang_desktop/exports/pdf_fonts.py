"""The bundled fonts registered with reportlab (the same fonts the screens use).

WenQuanYi Micro Hei draws Chinese and Latin text but maps a few symbols to empty glyphs (℃ ℉ Ⅴ Ⅹ, pinyin tone
letters) or lacks them (✗, ⁹): "体温38.5℃" would print as "体温38.5 ". reportlab has no per-character font
fallback, so the text of every Paragraph goes through :func:`markup`, which puts the characters the fallback font
"Yiyang Symbols" holds (exactly those WenQuanYi does not draw) in ``<font name="YiyangSymbols">``; :func:`para`
and :func:`cell` do that for paragraphs and table cells.
"""
from __future__ import annotations

import re
from functools import cache
from xml.sax.saxutils import escape

from ..assets import font_path, symbols_font_path

FONT = "YiyangCJK"
SYMBOLS = "YiyangSymbols"


@cache
def register() -> str:
    """Register the fonts once; returns the main font's reportlab name. reportlab loads on first export."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))  # face 0 of the .ttc: proportional
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    pdfmetrics.registerFont(TTFont(SYMBOLS, str(symbols_font_path())))
    pdfmetrics.registerFontFamily(SYMBOLS, normal=SYMBOLS, bold=SYMBOLS, italic=SYMBOLS, boldItalic=SYMBOLS)
    return FONT


@cache
def fallback_chars() -> frozenset[str]:
    """The characters drawn with the fallback font (every character it has a glyph for)."""
    from reportlab.pdfbase import pdfmetrics
    register()
    face = pdfmetrics.getFont(SYMBOLS).face
    return frozenset(chr(cp) for cp, gid in face.charToGlyph.items() if gid and 0x20 < cp < 0xFFFE)


@cache
def _runs() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(fallback_chars())) + "]+")


def needs_fallback(text: str) -> bool:
    return bool(_runs().search(text))


def markup(text: str) -> str:
    """Paragraph markup with every run of fallback characters switched to the fallback font (tags are ASCII, so
    they are never touched)."""
    return _runs().sub(lambda m: f'<font name="{SYMBOLS}">{m.group()}</font>', text)


def para(text: str, style):
    """A Paragraph of ``text`` (markup) with the fallback font for the characters the main font does not draw."""
    from reportlab.platypus import Paragraph
    return Paragraph(markup(text), style)


def cell(text: str, style):
    """A table cell: the plain string (fast) unless it holds a fallback character, then a Paragraph."""
    return para(escape(text), style) if needs_fallback(text) else text
