"""Where the user's data lives (chosen once, from platformdirs)."""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_DIR_NAME = "YiyangDesktop"


def data_dir() -> Path:
    """The user data folder; ``YIYANG_DATA_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("YIYANG_DATA_DIR")
    return Path(override) if override else user_data_path(APP_DIR_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "yiyang.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"
