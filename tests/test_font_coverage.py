"""Every character the program can print is drawn by a shipped font.

WenQuanYi Micro Hei maps ℃ ℉ Ⅴ Ⅹ and the pinyin tone letters to empty glyphs ("体温38.5℃" printed as "体温38.5 ");
the fallback font "Yiyang Symbols" (resources/fonts/yiyang-symbols.ttf) draws them. This collects the characters
of every translation (.ts), instrument and policy file, the form templates and the literal strings of the code that
writes documents (exports/, domain/, services/) and checks each against the two fonts' outlines."""
from __future__ import annotations

import ast
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

fontTools = pytest.importorskip("fontTools", reason="fontTools is in the [test] extra (pip install -e '.[test]')")
from fontTools.ttLib import TTCollection, TTFont  # noqa: E402

from yiyang_desktop.assets import font_path, symbols_font_path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CODE = ("yiyang_desktop/exports", "yiyang_desktop/domain", "yiyang_desktop/services")


def drawn(face) -> set[int]:
    """Code points the face has a glyph with an outline for."""
    glyf = face["glyf"]
    return {cp for cp, g in face.getBestCmap().items() if glyf[g].numberOfContours != 0}


def _strings_in(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bounds = set()  # "\u4e00" <= ch <= "\u9fff": range bounds of a comparison, not text the program prints
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            bounds.update(id(x) for x in [node.left, *node.comparators] if isinstance(x, ast.Constant))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bounds:
            yield node.value


def printable_characters() -> dict[str, str]:
    """character → where it was first found."""
    found: dict[str, str] = {}

    def add(text: str, where: str) -> None:
        for ch in text:
            if not ch.isspace() and unicodedata.category(ch)[0] != "C":
                found.setdefault(ch, where)
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        for el in ET.parse(ts).iter():
            if el.tag in ("source", "translation", "numerusform") and el.text:
                add(el.text, ts.name)
    for pattern in ("resources/instruments/*.json", "resources/policies/*.toml"):
        for path in sorted(ROOT.glob(pattern)):
            add(path.read_text(encoding="utf-8"), path.name)
    for path in sorted(ROOT.glob("resources/templates/*.xlsx")):
        for ws in openpyxl.load_workbook(path).worksheets:
            add(ws.title, path.name)
            for row in ws.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, str):
                        add(value, path.name)
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for text in _strings_in(path):
                add(text, str(path.relative_to(ROOT)))
    return found


def test_every_printable_character_has_a_glyph_in_the_shipped_fonts():
    main = drawn(TTCollection(str(font_path())).fonts[0])
    symbols = drawn(TTFont(str(symbols_font_path())))
    chars = printable_characters()
    assert len(chars) > 1000 and "护" in chars and "℃" in chars  # the collection really reads the sources
    missing = {ch: where for ch, where in chars.items() if ord(ch) not in main | symbols}
    assert not missing, "没有字形的字符：" + "；".join(f"{ch} U+{ord(ch):04X}（{where}）" for ch, where in missing.items())


def test_the_fallback_font_holds_only_what_the_main_font_does_not_draw():
    """pdf_fonts switches to the fallback for every character it has: it must not take over Chinese or Latin."""
    main = drawn(TTCollection(str(font_path())).fonts[0])
    symbols = drawn(TTFont(str(symbols_font_path())))
    assert {0x2103, 0x2109, 0x2164, 0x01CE, 0x2717} <= symbols  # ℃ ℉ Ⅴ ǎ ✗
    assert not (symbols & main)
    from yiyang_desktop.exports.pdf_fonts import fallback_chars, markup
    assert {ord(c) for c in fallback_chars()} == symbols
    assert markup("体温38.5℃，<b>Ⅴ级</b>") == \
        '体温38.5<font name="YiyangSymbols">℃</font>，<b><font name="YiyangSymbols">Ⅴ</font>级</b>'


def test_the_fallback_font_ships_with_its_licence_and_in_the_bundle():
    folder = symbols_font_path().parent
    licence = (folder / "LICENSE-DejaVu-Bitstream-Vera.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence and "public domain" in licence
    names = {n.nameID: n.toUnicode() for n in TTFont(str(symbols_font_path()))["name"].names}
    assert names[1] == "Yiyang Symbols" and "Vera" not in names[4]  # renamed, as the licence asks
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'ROOT / "resources"' in spec and "yiyang-symbols.ttf" in spec


def test_qt_falls_back_to_the_symbols_font_before_the_cjk_font(qapp):
    families = qapp.font().families()
    assert "Yiyang Symbols" in families
    cjk = [i for i, f in enumerate(families) if "WenQuanYi" in f]
    assert cjk and families.index("Yiyang Symbols") < cjk[0]
