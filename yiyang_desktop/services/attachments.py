"""Scanned documents kept beside the data file: a signed agreement, a health-check report. The original is copied into
the data folder's ``attachments/`` under a name made of its owner and its sha256, and recorded with that hash, so an
altered or lost copy is noticed when it is opened. The record itself is written by the caller's service (one
transaction); these helpers do the copying, the checking and the tidying up."""
from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..paths import data_dir
from .base import ServiceError, fail
from .permissions import public

MAX_SCAN_BYTES = 50 * 1024 * 1024
SCAN_OK, SCAN_CHANGED, SCAN_MISSING = "ok", "changed", "missing"


@dataclass(frozen=True)
class StoredFile:
    original_name: str
    stored_name: str     # relative to the data folder
    sha256: str
    size: int

    def row(self, added_at: str) -> dict:
        return {"original_name": self.original_name, "stored_name": self.stored_name, "sha256": self.sha256,
                "size": self.size, "added_at": added_at}


@public("a folder name only")
def attachments_dir() -> Path:
    return data_dir() / "attachments"


@public("hashes a file the caller names; no data of the file")
def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@public("copies a scan the user chose into the data folder; every caller checks records.write first")
def copy_in(source: Path | str, owner: str, *, already: Callable[[str], bool] = lambda digest: False) -> StoredFile:
    """Check the file (exists, not empty, at most 50 MB), hash it and copy it into ``attachments/`` as
    ``{owner}-{hash}{suffix}``. ``already(digest)`` says whether the owner has this very file: then it is refused."""
    src = Path(source)
    if not src.is_file():
        fail("file", N_("msg", "找不到文件 {path}").format(path=src))
    size = src.stat().st_size
    if size == 0:
        fail("file", N_("msg", "文件 {path} 是空的").format(path=src.name))
    if size > MAX_SCAN_BYTES:
        fail("file", N_("msg", "文件太大（{mb} MB），扫描件请不超过50 MB").format(mb=size // (1024 * 1024)))
    digest = sha256_of(src)
    if already(digest):
        fail("file", N_("msg", "这个文件已经添加过了"))
    rel = f"attachments/{owner}-{digest[:16]}{src.suffix.lower()[:10]}"
    target = data_dir() / rel
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copyfile(src, target)
    except OSError as e:
        raise ServiceError(N_("msg", "无法复制文件到数据文件夹：{err}").format(err=e.strerror)) from e
    return StoredFile(src.name[:200], rel, digest, size)


def _referenced(db, table: str, stored_name: str) -> bool:
    return db.execute(f"SELECT 1 FROM {table} WHERE stored_name = ?", [stored_name]).fetchone() is not None


@public("tidies up a copy around its caller's insert; the caller checks its permission")
@contextmanager
def recording(db, stored: StoredFile, table: str) -> Iterator[None]:
    """Around the insert of the file's row: if it fails, the copy goes again (unless another row uses it)."""
    try:
        yield
    except BaseException:
        if not _referenced(db, table, stored.stored_name):
            (data_dir() / stored.stored_name).unlink(missing_ok=True)
        raise


@public("checks a kept copy against its hash; the caller checks view")
def check_copy(stored_name: str, sha256: str) -> tuple[Path, str]:
    """The stored copy and whether it is intact (ok), altered (changed) or gone (missing)."""
    path = data_dir() / stored_name
    if not path.is_file():
        return path, SCAN_MISSING
    return path, SCAN_OK if sha256_of(path) == sha256 else SCAN_CHANGED


@public("removes a copy no row refers to any more; the caller checks records.write")
def forget(db, table: str, stored_name: str) -> None:
    """After its row is deleted: the copy goes unless another row still uses it."""
    if not _referenced(db, table, stored_name):
        (data_dir() / stored_name).unlink(missing_ok=True)
