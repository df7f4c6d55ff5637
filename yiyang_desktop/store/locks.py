"""The lock file the window program holds while it has a data file open (see ui/instance_lock.py), read without Qt."""
from __future__ import annotations

import os
from pathlib import Path


def lock_path(db_path: Path | str) -> Path:
    """The lock file the window program holds while it has ``db_path`` open."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def lock_holder(db_path: Path | str) -> int | None:
    """The process id of a running program holding the data file's lock on this computer, else None."""
    try:
        first = lock_path(db_path).read_text(encoding="utf-8", errors="replace").splitlines()[0]
        pid = int(first.strip())
    except (OSError, IndexError, ValueError):
        return None
    if pid <= 0 or pid == os.getpid():
        return None
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C there
        import ctypes
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return None
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return pid if code.value == 259 else None  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except (PermissionError, OSError):
        return pid
    return pid
