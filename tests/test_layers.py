"""The pure layers (domain, store, services, exports) and the command line never reach for Qt."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import yiyang_desktop

ROOT = Path(yiyang_desktop.__file__).parent

PROBE = r"""
import importlib, importlib.abc, pkgutil, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken"):
            raise ImportError(f"Qt is not allowed here: {name}")
        return None

sys.meta_path.insert(0, NoQt())
import yiyang_desktop
names = sys.argv[1:]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def pure_modules() -> list[str]:
    names = ["yiyang_desktop.cli", "yiyang_desktop.assets", "yiyang_desktop.paths"]
    for layer in ("domain", "store", "services", "exports"):
        pkg = f"yiyang_desktop.{layer}"
        names.append(pkg)
        for info in pkgutil.walk_packages([str(ROOT / layer)], prefix=pkg + "."):
            names.append(info.name)
    return names


def test_pure_layers_import_without_qt():
    names = pure_modules()
    assert len(names) > 15
    out = subprocess.run([sys.executable, "-c", PROBE, *names], capture_output=True, text=True, cwd=ROOT.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(len(names))


def test_the_probe_does_catch_qt():
    out = subprocess.run([sys.executable, "-c", PROBE, "yiyang_desktop.ui.common"], capture_output=True, text=True,
                         cwd=ROOT.parent)
    assert out.returncode != 0 and "Qt is not allowed" in out.stderr
