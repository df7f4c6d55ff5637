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


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "all"
    if cmd in ("update", "all"):
        print(*update(), sep="\n")
    if cmd in ("release", "all"):
        print(*release(), sep="\n")
