"""The app works from a wheel install, not only from the checkout: resources and translations travel with it."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_resources_and_finds_them(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "whl"), str(ROOT)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    wheel = next((tmp_path / "whl").glob("yiyang_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "yiyang_desktop/_resources/fonts/wqy-microhei.ttc" in names
    assert "yiyang_desktop/_i18n/yiyang_en.qm" in names
    packages = {p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "yiyang_desktop").rglob("__init__.py")}
    assert all(f"{pkg}/__init__.py" in names for pkg in packages), "a package is missing from pyproject.toml"
    shipped = {p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert {f"yiyang_desktop/_resources/{s}" for s in shipped} <= names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("import yiyang_desktop.assets as a; print(a.font_path()); print(a.i18n_path('yiyang_en.qm').exists())")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    font, qm = run.stdout.splitlines()
    assert font.startswith(str(target)) and Path(font).is_file() and qm == "True"


def test_program_icon_holds_every_windows_size(qapp):
    """build.spec gives the Windows executable resources/icons/yiyang.ico; Qt must read each size in it."""
    from PySide6.QtGui import QImageReader
    reader = QImageReader(str(ROOT / "resources" / "icons" / "yiyang.ico"))
    sizes = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append(image.width())
    assert {16, 32, 48, 256} <= set(sizes)
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '"icons" / "yiyang.ico"' in spec and "console=False" in spec
