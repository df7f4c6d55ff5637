"""The bundled CJK TrueType font registered with reportlab (the same font the screens use)."""
from __future__ import annotations

from functools import cache

from ..assets import font_path

FONT = "YiyangCJK"


@cache
def register() -> str:
    """Register the font once; returns its reportlab name. Imported lazily: reportlab loads on first export."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))  # face 0 of the .ttc: proportional
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT
