"""Translation files: ``python scripts/i18n.py update`` refreshes i18n/*.ts from the sources (pyside6-lupdate keeps
existing translations and marks new strings unfinished); ``release`` compiles them to .qm (pyside6-lrelease).
Chinese is the source language; English lives in i18n/yiyang_en.ts (edit with pyside6-linguist or by hand)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["en"]


def tool(name: str) -> str:
    exe = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    return exe


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "yiyang_desktop").rglob("*.py"))


def update(ts_dir: Path = ROOT / "i18n") -> list[Path]:
    out = []
    for lang in LANGS:
        ts = ts_dir / f"yiyang_{lang}.ts"
        subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-tr-function-alias", "QT_TRANSLATE_NOOP+=N_",
                        "-source-language", "zh_CN",
                        "-target-language", lang, *sources(), "-ts", str(ts)], cwd=ROOT, check=True)
        out.append(ts)
    return out


def release(ts_dir: Path = ROOT / "i18n", qm_dir: Path | None = None) -> list[Path]:
    out = []
    for lang in LANGS:
        ts = ts_dir / f"yiyang_{lang}.ts"
        qm = (qm_dir or ts_dir) / f"yiyang_{lang}.qm"
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
        out.append(qm)
    return out


def apply(tsv: Path, ts_dir: Path = ROOT / "i18n", lang: str = "en") -> int:
    """Write translations from a tab-separated file (context, source, translation; \\n for new lines) into the .ts."""
    import xml.etree.ElementTree as ET
    table = {}
    for line in Path(tsv).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ctx, src, dst = line.split("\t")
            table[(ctx, src.replace("\\n", "\n"))] = dst.replace("\\n", "\n")
    ts = ts_dir / f"yiyang_{lang}.ts"
    tree = ET.parse(ts)
    done = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            key = (name, m.findtext("source"))
            if key in table:
                t = m.find("translation")
                t.text = table[key]
                t.attrib.pop("type", None)
                done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "apply":
        print(apply(Path(sys.argv[2])), "translations written")
        sys.exit(0)
    cmd = sys.argv[1] if len(sys.argv) > 1 else "all"
    if cmd in ("update", "all"):
        print(*update(), sep="\n")
    if cmd in ("release", "all"):
        print(*release(), sep="\n")
