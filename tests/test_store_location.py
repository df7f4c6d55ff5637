"""A SQLite data file on a network share is refused for writing, with a message pointing to the 网络版."""
from __future__ import annotations

import pytest

from yiyang_desktop.store import db as D
from yiyang_desktop.store import location as L
from yiyang_desktop.store.db import StoreError, open_db

MOUNTS = [("/", "ext4"), ("/mnt/share", "cifs"), ("/mnt/share/local", "ext4"), ("/srv/nfs", "nfs4"),
          ("/home/u/remote", "fuse.sshfs"), ("/tmp", "tmpfs")]


@pytest.mark.parametrize("path, kind", [
    ("/home/u/yiyang.db", None), ("/mnt/share/yiyang.db", "cifs"), ("/mnt/share/sub/dir/a.db", "cifs"),
    ("/mnt/share/local/a.db", None), ("/mnt/shared/a.db", None), ("/srv/nfs/a.db", "nfs4"),
    ("/home/u/remote/a.db", "fuse.sshfs"), ("/tmp/a.db", None),
])
def test_linux_mounts(path, kind):
    assert L.network_kind(path, platform="linux", mounts=MOUNTS) == kind


@pytest.mark.parametrize("path, kind", [
    (r"C:\Users\u\AppData\Local\YiyangDesktop\yiyang.db", None),
    (r"\\server\share\yiyang.db", r"\\server\share"),
    (r"\\?\UNC\server\share\yiyang.db", r"\\?\UNC\server\share"),
    (r"\\?\C:\long\path\yiyang.db", None),
    (r"Z:\台账\yiyang.db", "网络驱动器 Z:"),
])
def test_windows_paths(path, kind):
    assert L.network_kind(path, platform="win32", drive_is_remote=lambda d: d.upper() == "Z:") == kind


def test_open_refuses_a_file_on_a_share_and_writes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "share" / "yiyang.db"
    monkeypatch.setattr(L, "_proc_mounts", lambda: [("/", "ext4"), (str(tmp_path / "share"), "cifs")])
    with pytest.raises(StoreError, match="网络共享文件夹.*网络版"):
        open_db(path)
    assert not path.parent.exists()  # not even the folder was made
    ok = tmp_path / "local" / "yiyang.db"
    open_db(ok).close()  # a local folder beside it is fine
    assert D.network_kind(ok) is None
