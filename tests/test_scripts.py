"""The start and install scripts: an offline start after the first install, a desktop shortcut, every library Qt's
platform plugins need, and a dependency floor that has what the code uses."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not shutil.which("ldd"), reason="ldd is Linux's; the Windows bundle carries its own Qt libraries")
def test_every_library_qts_platform_plugins_need_is_installed():
    import PySide6
    plugins = sorted((Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms").glob("*.so"))
    assert plugins, "no Qt platform plugins found"
    missing = []
    for so in plugins:
        out = subprocess.run(["ldd", str(so)], capture_output=True, text=True).stdout
        missing += [f"{so.name}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert not missing, "scripts/system-deps.sh misses: " + "; ".join(missing)


def test_system_deps_lists_qts_xcb_libraries_and_takes_extra_packages():
    text = (ROOT / "scripts" / "system-deps.sh").read_text()
    for pkg in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
                "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0", "libxcb-xkb1"):
        assert re.search(rf"\b{pkg}\b", text), pkg
    assert '"$@"' in text  # CI passes faketime


def _project(tmp_path: Path, version: str) -> Path:
    """A copy of the scripts with a fake installed .venv: its python records any call (an install)."""
    proj = tmp_path / "proj"
    (proj / "scripts").mkdir(parents=True)
    for name in ("run.sh", "system-deps.sh", "desktop-shortcut.sh"):
        shutil.copy(ROOT / "scripts" / name, proj / "scripts" / name)
    (proj / "yiyang_desktop").mkdir()
    (proj / "yiyang_desktop" / "__init__.py").write_text(f'__version__ = "{version}"\n')
    (proj / "resources" / "icons").mkdir(parents=True)
    bin_ = proj / ".venv" / "bin"
    bin_.mkdir(parents=True)
    (bin_ / "yiyang-desktop").write_text('#!/bin/sh\necho "started $*"\n')
    (bin_ / "python").write_text(f'#!/bin/sh\necho "$*" >> "{proj}/installs.log"\nexit 0\n')
    for f in bin_.iterdir():
        f.chmod(0o755)
    (proj / ".venv" / "yiyang-installed").write_text("0.1.0\n")
    return proj


def _run(proj: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    return subprocess.run(["bash", str(proj / "scripts" / "run.sh"), *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_run_sh_starts_without_installing_when_the_version_is_installed(tmp_path):
    proj = _project(tmp_path, "0.1.0")
    out = _run(proj, tmp_path / "home", "--demo")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "started --demo"
    assert not (proj / "installs.log").exists()  # no pip: works offline


def test_run_sh_reinstalls_when_the_version_changes_and_makes_a_shortcut(tmp_path):
    proj = _project(tmp_path, "0.2.0")
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    out = _run(proj, home)
    assert out.returncode == 0, out.stderr
    assert "pip install -q ." in (proj / "installs.log").read_text()
    assert (proj / ".venv" / "yiyang-installed").read_text().strip() == "0.2.0"
    entry = home / ".local" / "share" / "applications" / "yiyang-desktop.desktop"
    text = entry.read_text()
    assert "Name=医养台账" in text and f'Exec="{proj}/.venv/bin/yiyang-desktop"' in text
    assert (home / "Desktop" / "医养台账.desktop").exists()
    (proj / "installs.log").unlink()
    out = _run(proj, home)  # the next start only starts
    assert out.stdout.strip() == "started" and not (proj / "installs.log").exists()


def test_the_sqlite_utils_floor_has_database_atomic():
    """Every write uses ``Database.atomic()``; sqlite-utils 3.x (3.36–3.39.1) lacks it, 4.0 is the first with it
    (checked by downloading the wheels: ``pip download sqlite-utils==X --no-deps`` and grepping ``def atomic``)."""
    import sqlite_utils
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    floor = next(d for d in deps if d.startswith("sqlite-utils"))
    major = int(re.search(r">=\s*(\d+)", floor).group(1))
    assert major >= 4, floor
    assert hasattr(sqlite_utils.Database, "atomic")
