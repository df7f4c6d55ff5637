"""Screenshots of every page on the demo institution on a 1366×768 screen, headless:
``python scripts/screenshots.py [OUT_DIR] [zh_CN|en]`` (English files end in ``-en``). The window has the size it opens
with on such a screen (its first size comes from the screen's free area, less the frame the system draws), so the
pictures show what a user sees. Used for the README (docs/screenshots/) and to look at every page after a change."""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'offscreen-1366x768.json'}"
os.environ.setdefault("YIYANG_DATA_DIR", tempfile.mkdtemp(prefix="yiyang-shots-"))
sys.path.insert(0, str(ROOT))


def main(out: Path, lang: str = "zh_CN", day: dt.date = dt.date(2026, 11, 23)) -> list[Path]:
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.IniFormat)  # no window size kept from an earlier run or from the user
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, os.environ["YIYANG_DATA_DIR"])
    from yiyang_desktop.app import open_context, setup_application
    from yiyang_desktop.clock import FixedClock
    app = setup_application(["shots"], lang)
    from yiyang_desktop.ui.main_window import MainWindow
    path = Path(os.environ["YIYANG_DATA_DIR"]) / "demo.db"
    ctx = open_context(path, True, FixedClock(day))
    from yiyang_desktop.services.accounts import login
    from yiyang_desktop.services.demo import DEMO_PASSWORD, DEMO_USER
    login(ctx, DEMO_USER, DEMO_PASSWORD)  # the demo's published account, as a user would sign in
    w = MainWindow(ctx, path)
    w.show()  # the size it opens with on a 1366×768 screen
    out.mkdir(parents=True, exist_ok=True)
    files = []
    suffix = "" if lang == "zh_CN" else f"-{lang}"
    for key in w.pages:
        w.show_page(key)
        app.processEvents()
        f = out / f"{key}{suffix}.png"
        w.grab().save(str(f))
        files.append(f)
    w.close()
    return files


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    lang = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    print(*main(target, lang), sep="\n")
