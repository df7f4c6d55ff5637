"""Build resources/fonts/yiyang-symbols.ttf: the glyphs the bundled WenQuanYi Micro Hei lacks or draws blank.

    python scripts/make_fallback_font.py [path/to/DejaVuSans.ttf]

WenQuanYi Micro Hei maps ℃, ℉, Ⅴ, Ⅹ, the pinyin tone letters (ǎ ǐ ǒ ǔ ǘ ǚ ǜ) and others to empty glyphs, and has no
✗ or superscript digits except ¹²³. This takes every character of a few symbol blocks (Latin supplements, spacing
modifiers, punctuation, super/subscripts, letterlike symbols, number forms, arrows, mathematical operators,
technical symbols, enclosed numbers, box drawing, shapes, miscellaneous symbols, dingbats) that DejaVu Sans draws
and WenQuanYi does not, subsets DejaVu Sans (Debian's fonts-dejavu-core, Bitstream Vera licence with DejaVu's
public-domain changes) to those, and renames the family "Yiyang Symbols" (the Vera licence asks a modified font
not to be called Bitstream or Vera; the name also keeps it apart from a full DejaVu Sans on the system).
fontTools is only needed here and in the tests.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
SOURCE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FAMILY = "Yiyang Symbols"
BLOCKS = [(0x00A0, 0x024F), (0x02B0, 0x02FF), (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2100, 0x214F),
          (0x2150, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2300, 0x23FF), (0x2460, 0x24FF), (0x2500, 0x257F),
          (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF)]


def blank_in_main() -> set[int]:
    """Code points WenQuanYi Micro Hei (face 0) has no glyph for, or an empty one."""
    from fontTools.ttLib import TTCollection
    face = TTCollection(str(FONTS / "wqy-microhei.ttc")).fonts[0]
    cmap, glyf = face.getBestCmap(), face["glyf"]
    drawn = {cp for cp, g in cmap.items() if glyf[g].numberOfContours != 0}
    return {cp for a, b in BLOCKS for cp in range(a, b + 1) if cp not in drawn}


def main(source: Path = SOURCE) -> Path:
    from fontTools import subset
    from fontTools.ttLib import TTFont
    src = TTFont(str(source))
    has = {cp for cp, g in src.getBestCmap().items() if src["glyf"][g].numberOfContours != 0}
    wanted = sorted(blank_in_main() & has)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=wanted)
    sub.subset(src)
    keep = set(wanted)
    for table in src["cmap"].tables:  # glyphs shared with other code points (∼ and ∽) must not claim those
        table.cmap = {cp: g for cp, g in table.cmap.items() if cp in keep}
    names = src["name"]
    for rec in list(names.names):
        if rec.nameID in (1, 16):
            rec.string = FAMILY
        elif rec.nameID == 4:
            rec.string = FAMILY
        elif rec.nameID == 6:
            rec.string = FAMILY.replace(" ", "")
        elif rec.nameID == 3:
            rec.string = f"{FAMILY} (subset of DejaVu Sans {src['head'].fontRevision:.2f})"
    out = FONTS / "yiyang-symbols.ttf"
    src.save(str(out))
    print(f"{out.relative_to(ROOT)}: {len(wanted)} characters, {out.stat().st_size} bytes")
    return out


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
