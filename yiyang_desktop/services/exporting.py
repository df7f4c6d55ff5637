"""Every file that carries personal data is written through ``exporting``: the permission is checked and the
trail is known to be writable before the file exists; the entry (what, by whom, where) is written when the file is
complete; a file whose entry cannot be written is removed again. Used by every path (window and command line)."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .base import Context
from .permissions import check, public


@public("checks the permission it is given before anything is written")
def ensure_recordable(ctx: Context) -> None:
    """Raise now (AuditUnavailable) when an entry could not be signed here: the triggers were tampered with, or this
    computer has no key for the file."""
    from . import audit, audit_key
    audit._check_triggers(ctx.db)
    st = audit_key.state(ctx.db)
    if st.record_gone:
        raise audit.AuditUnavailable(audit.KEY_RECORD_GONE)
    if st.file_key_id is not None and not st.can_seal:
        raise audit.AuditUnavailable(audit.KEY_MISSING)


@public("checks the permission it is given (export.personal by default) before anything is written")
@contextmanager
def exporting(ctx: Context, kind: str, path: Path | str | list, *, perm: str = "export.personal",
              rows: int | None = None, extra: dict | None = None) -> Iterator[None]:
    """``with exporting(ctx, "花名册", path): write(path)`` — see the module's docstring. ``path`` may be a list
    of files written together (one entry names them all)."""
    check(ctx, perm)
    ensure_recordable(ctx)
    paths = [Path(p) for p in (path if isinstance(path, (list, tuple)) else [path])]
    existed = {p: p.exists() for p in paths}
    try:
        yield
        _record(ctx, kind, paths, rows=rows, extra=extra)
    except BaseException:
        for p in paths:
            if not existed[p]:
                try:
                    p.unlink(missing_ok=True)
                except OSError:
                    pass
        raise


@public("checks the permission it is given (export.personal by default) before anything is written")
def write_exported(ctx: Context, kind: str, write: Callable[[], list], *, perm: str = "export.personal") -> list[Path]:
    """Files whose names are known only once written (a return's or a list's Excel and PDF): ``write()`` makes
    them; then one entry per file, all in one transaction, or none and the files are removed again."""
    check(ctx, perm)
    ensure_recordable(ctx)  # before any file is written: the entry must be possible
    files = [Path(f) for f in write()]
    try:
        with ctx.transaction():
            for f in files:
                _record(ctx, kind, [f])
    except BaseException:
        for f in files:
            f.unlink(missing_ok=True)
        raise
    return files


def _record(ctx: Context, kind: str, paths: list[Path], *, rows: int | None = None, extra: dict | None = None) -> None:
    from .audit import write_entry
    where = [str(p.resolve()) for p in paths]
    new = {"kind": str(kind), "path": where[0] if len(where) == 1 else "；".join(where)}
    if rows is not None:
        new["rows"] = rows
    new |= extra or {}
    with ctx.transaction() as db:
        write_entry(db, user=ctx.user or "system", at=ctx.now(), action="export", table="export", new=new)
