"""Every test runs headless, on its own temporary database, with settings kept out of the user's profile."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

# Headless, on a screen the size of a common office monitor (1366×768), so layouts are tested at that size.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen-1366x768.json')}"
_tmp_home = Path(tempfile.mkdtemp(prefix="yiyang-test-"))
os.environ["YIYANG_DATA_DIR"] = str(_tmp_home / "data")
# The audit keys: never the real credential store or the real config folder (one test fakes a keyring backend).
os.environ["YIYANG_CONFIG_DIR"] = str(_tmp_home / "config")
os.environ["YIYANG_KEYRING"] = "file"

import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))

from yiyang_desktop.services.base import Context  # noqa: E402
from yiyang_desktop.clock import FixedClock  # noqa: E402
from yiyang_desktop.store.db import open_db  # noqa: E402
from yiyang_desktop.services import accounts as _accounts  # noqa: E402

# Passwords at a test cost (the production N = 2^17 takes half a second and 128 MiB per check); the production
# constant is checked once in tests/test_passwords.py.
PRODUCTION_SCRYPT_N = _accounts.SCRYPT_N
_accounts.SCRYPT_N = 2 ** 10

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def ctx(db_path: Path):
    """A fresh, empty institution file; "today" is fixed at 2026-11-23; acting as an administrator."""
    db = open_db(db_path)
    yield Context(db, user="tester", role="管理员", clock=FixedClock(TODAY))
    db.close()


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    from yiyang_desktop.services.demo import build_demo
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.db", end=TODAY)


@pytest.fixture
def demo_ctx(demo_master: Path, tmp_path: Path):
    """A private copy of the demo institution (built once per session), safe to change."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_master, path)
    db = open_db(path, create=False)
    yield Context(db, user="tester", role="管理员", clock=FixedClock(TODAY))
    db.close()


@pytest.fixture(scope="session")
def qapp():
    """The QApplication as the program makes it: bundled CJK font, Chinese; settings in a temp folder."""
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(_tmp_home / "settings"))
    from yiyang_desktop.app import setup_application
    app = setup_application(["pytest"], "zh_CN")
    yield app


@pytest.fixture
def data_folder(tmp_path, monkeypatch) -> Path:
    """The test's own data folder (YIYANG_DATA_DIR): backups go to <data>/backups, logs to <data>/logs."""
    folder = tmp_path / "data"
    monkeypatch.setenv("YIYANG_DATA_DIR", str(folder))
    return folder
