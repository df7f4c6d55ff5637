"""Where a data file lives: a SQLite file on a network share is refused for writing.

SQLite's write-ahead log needs shared memory between the programs that open the file, which a network file
system (a Windows shared folder, NFS, Samba/CIFS, sshfs …) does not give: two PCs writing one file on a share
corrupt it sooner or later. Several PCs share one institution through the 网络版 (a PostgreSQL server) instead.

``network_kind(path)`` says why a path is on a network (a UNC path, a mapped network drive, or the file system
type of its mount), or None for a local disk. The mount table and the Windows drive type are read through small
functions so the tests can give their own.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

#: File-system types of a Linux mount that live on another computer.
NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs", "lustre",
    "davfs", "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.davfs", "fuse.glusterfs", "fuse.cephfs", "fuse.smbnetfs",
    "fuse.gvfsd-fuse", "beegfs", "gpfs", "ocfs2", "vboxsf", "prl_fs", "drvfs",
})


def _proc_mounts() -> list[tuple[str, str]]:
    """(mount point, file-system type) of every mount, from /proc/mounts (Linux)."""
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3:
            out.append((parts[1].replace("\\040", " ").replace("\\011", "\t"), parts[2]))
    return out


def _windows_drive_is_remote(drive: str) -> bool:
    """Whether a drive letter ("Z:") is a mapped network drive (GetDriveTypeW == DRIVE_REMOTE)."""
    try:
        import ctypes
        return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False


def network_kind(path: Path | str, *, platform: str | None = None, mounts=None, drive_is_remote=None) -> str | None:
    """A short description of the network location of ``path`` ("\\\\server\\share", "网络驱动器 Z:", "nfs4"), or
    None when it is on a local disk."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        p = PureWindowsPath(str(path))
        anchor = p.anchor
        if anchor.startswith("\\\\"):  # \\server\share\… (and \\?\UNC\server\share\…)
            if anchor.startswith("\\\\?\\") and not anchor.upper().startswith("\\\\?\\UNC\\"):
                return None  # \\?\C:\… is a local long path
            return anchor.rstrip("\\")
        drive = p.drive
        if drive and (drive_is_remote or _windows_drive_is_remote)(drive):
            return f"网络驱动器 {drive}"
        return None
    full = os.path.realpath(str(path))
    best, kind = "", None
    for point, fstype in (mounts if mounts is not None else _proc_mounts()):
        inside = full == point or full.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    if kind and (kind in NETWORK_FS or kind.startswith("fuse.sshfs")):
        return kind
    return None

