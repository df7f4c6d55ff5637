"""A rotating log file in the data folder, and a hook that logs any uncaught exception and tells the user.

No Qt here: ``install_excepthook(show_dialog)`` takes any callable, the window passes ui.error_dialog's.
"""
from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Callable

from .paths import data_dir

LOGGER = "yiyang"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"


def log_dir() -> Path:
    return data_dir() / "logs"


def log_path() -> Path:
    return log_dir() / "yiyang.log"


def setup_logging(level: int = logging.INFO, path: Path | None = None) -> Path | None:
    """Log to a rotating file (1 MB × 5) in the data folder; falls back to stderr when it cannot be written.

    Returns the log file in use, or None when logging goes to stderr only. Calling it again changes nothing.
    """
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    for h in logger.handlers:
        if getattr(h, "_yiyang", False):
            return Path(h.baseFilename) if isinstance(h, RotatingFileHandler) else None
    path = Path(path) if path else log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                       encoding="utf-8", delay=False)
        result: Path | None = path
    except OSError:
        handler, result = logging.StreamHandler(sys.stderr), None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._yiyang = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    return result


def current_log_path() -> Path | None:
    for h in logging.getLogger(LOGGER).handlers:
        if getattr(h, "_yiyang", False) and isinstance(h, RotatingFileHandler):
            return Path(h.baseFilename)
    return None


def format_exception(exc_type, exc, tb) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def install_excepthook(show_dialog: Callable[[BaseException, str], None] | None) -> Callable:
    """Route uncaught exceptions (main thread and other threads) to the log, then to ``show_dialog(exc, details)``.

    KeyboardInterrupt keeps Python's default behaviour. A failure inside ``show_dialog`` is logged, never raised.
    Returns the previous ``sys.excepthook``.
    """
    previous = sys.excepthook
    logger = logging.getLogger(LOGGER)

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        details = format_exception(exc_type, exc, tb)
        logger.critical("未处理的异常\n%s", details)
        if show_dialog is not None:
            try:
                show_dialog(exc, details)
            except Exception:  # noqa: BLE001 - the error dialog must not raise another error
                logger.exception("显示错误对话框失败")

    def thread_hook(args) -> None:
        if args.exc_type is SystemExit:
            return
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return previous
