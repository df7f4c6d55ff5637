"""One window per data file: a QLockFile beside the file, so a second copy of the program gets a clear message."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

from ..services.backup import lock_path


class InstanceLock:
    """``acquire()`` once at start; keep the object alive while the file is open; ``release()`` on exit.

    A lock left by a program that crashed (its process is gone) is taken over automatically by QLockFile.
    """

    def __init__(self, db_path: Path | str):
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # held for hours: only a dead owner makes it stale, not its age
        self.message = ""

    def acquire(self) -> bool:
        if self._lock.tryLock(0):
            self.message = ""
            return True
        error = self._lock.error()
        if error == QLockFile.LockFailedError:
            info = self._lock.getLockInfo()  # (pid, host, app); older bindings put a bool first
            info = info[1:] if len(info) == 4 else info
            ok = bool(info and info[0])
            pid, host = (info[0], info[1]) if ok else (0, "")
            self.message = QCoreApplication.translate("InstanceLock", "数据文件 {path} 已经在另一个医养台账窗口中打开（{where}）。\n"
                               "同一个数据文件同时只能由一个窗口使用，以免互相覆盖。请切换到已打开的窗口；"
                               "如果找不到它，请稍等片刻再试，或重新启动电脑。").format(
                path=self.db_path,
                where=QCoreApplication.translate("InstanceLock", "进程 {pid}，电脑 {host}").format(pid=pid, host=host) if ok else QCoreApplication.translate("InstanceLock", "另一个程序"))
        elif error == QLockFile.PermissionError:
            self.message = QCoreApplication.translate("InstanceLock", "无法在 {folder} 中创建锁文件：文件夹是只读的或没有写入权限。"
                               "请把数据文件放到可以写入的文件夹。").format(folder=self.path.parent)
        else:
            self.message = QCoreApplication.translate("InstanceLock", "无法锁定数据文件 {path}，请稍后再试。").format(path=self.db_path)
        return False

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    @property
    def locked(self) -> bool:
        return self._lock.isLocked()
