"""The audit key of a data file: made once, kept outside the file, installed on another computer by a recovery code.

* ``create`` — the first time a file's trail is sealed (a new file: its first administrator; a file from before
  #15: its first save) a key is made for its identity and kept on this computer (``keystore``). The first keyed
  entry (``action = 'key'``) records how many entries came before it and the last of their hashes. The key's
  recovery code waits to be shown once to an administrator (``take_recovery_code``: the window shows it when the
  administrator who made the file signs in, ``yiyang init`` prints it).
* ``install`` — on another computer the administrator types the recovery code (设置 → 审计密钥 → 输入恢复码, or
  ``yiyang audit install-key``). The code itself is the proof: it must be the key the file names.
* ``replace`` — when the key is lost on every computer and nobody kept the code, an administrator makes a new one;
  the entries signed with the old key can then no longer be checked (the check says how many).
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from .. import keystore
from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..store import audit_store as S
from ..store.db import db_file
from .base import Context, ServiceError, ValidationError, Problem
from .permissions import public, requires

KEY_ID_KEY, LINEAGE_KEY = "audit_key_id", "audit_lineage"


@dataclass
class KeyState:
    file_id: str | None
    file_key_id: str | None      # the key the file says it is sealed with (app_meta), None before the first
    key: bytes | None            # this computer's key for the file's identity (may be an older one)
    key_id: str | None
    record_gone: bool = False    # this computer holds a confirmed key but the file no longer names one

    @property
    def can_seal(self) -> bool:
        return self.key is not None and self.file_key_id is not None and self.key_id == self.file_key_id


_replacing: dict[int, tuple[str, bytes]] = {}  # connection → (file id, new key) while ``replace`` runs


@public("reads only whether a key is present (no personal data)")
def state(db, *, remember: bool = False) -> KeyState:
    """The file's key and this computer's. ``remember`` (the write path): note once where the file lies."""
    file_id = S.get_meta(db, "file_id")
    file_key_id = S.get_meta(db, KEY_ID_KEY)
    pending = _replacing.get(id(db.conn))
    if pending and pending[0] == file_id:
        return KeyState(file_id, file_key_id, pending[1], keystore.key_id(pending[1]))
    key = keystore.get_key(file_id) if file_id else None
    kid = keystore.key_id(key) if key else None
    gone = False
    if remember and key is not None and file_key_id is not None and file_key_id == kid:
        _remember(file_id, db)
    if key is not None and file_id:
        confirmed = keystore.is_confirmed(file_id)
        if file_key_id is not None and file_key_id == kid and not confirmed:
            try:
                keystore.confirm(file_id)  # the file names this key: from now on its disappearance is tampering
            except keystore.KeyStoreError:
                pass  # noted at a later look
        elif file_key_id is None and confirmed:
            gone = True
    return KeyState(file_id, file_key_id, key, kid, gone)


_remembered: set[tuple[str, str]] = set()


def _remember(file_id: str, db) -> None:
    """Note once per process where this file lies (``path_problems`` notices another file put in its place)."""
    path = db_file(db)
    if path is None or (file_id, str(path)) in _remembered:
        return
    _remembered.add((file_id, str(path)))
    try:
        keystore.remember_path(file_id, path)
    except keystore.KeyStoreError:
        pass


@public("the program's own plumbing: called by seal and replace inside a write transaction")
def create(db, *, user: str, at: str, reason: str, key: bytes | None = None, prev: str | None = None) -> KeyState:
    """Make (or take) the key, write the first keyed entry and name the key in the file. Inside the open write
    transaction; the entry is sealed with this transaction's others."""
    file_id = S.get_meta(db, "file_id")
    if not file_id:
        raise ServiceError(N_("msg", "数据文件没有身份编号，无法生成审计密钥"))
    if key is None:
        key = keystore.get_key(file_id) if not keystore.is_confirmed(file_id) else None  # one made by a rolled-back try
        key = key or keystore.new_key()
        keystore.put_key(file_id, key, code_pending=True)
    kid = keystore.key_id(key)
    before = db.execute("SELECT COUNT(*) FROM audit_log WHERE hash IS NOT NULL").fetchone()[0]
    if prev is None:
        prev = "sha256" if before else "none"
    lineage = S.get_meta(db, LINEAGE_KEY) or secrets.token_hex(8)
    from .audit import write_entry
    write_entry(db, user=user, at=at, action="key", table="audit", row_key=kid,
                new={"key_id": kid, "prev": prev, "length": before, "lineage": lineage, "reason": reason})
    S.set_meta(db, KEY_ID_KEY, kid)
    S.set_meta(db, LINEAGE_KEY, lineage)
    path = db_file(db)
    if path is not None:
        keystore.remember_path(file_id, path)
    return KeyState(file_id, kid, key, kid)


def find_marker(rows: list, key: bytes) -> int | None:
    """The position (index in ``rows``, the sealed entries in chain order) of the entry that starts ``key``'s part
    of the chain: the first that names the key (its MAC is checked with the rest of the chain); None when none."""
    kid = keystore.key_id(key)
    for i, row in enumerate(rows):
        if row[4] == "key" and row[6] == kid:
            return i
    return None


@public("the recovery code is itself the proof: only who holds the key can type it")
def install(db, code: str) -> str:
    """Install the key from its recovery code on this computer. Returns the key's id. The code must be the key
    this data file is sealed with (ValidationError on the field "code" otherwise)."""
    try:
        key = keystore.parse_recovery_code(code)
    except keystore.BadRecoveryCode:
        raise ValidationError([Problem("code", N_("msg", "恢复码有误：应为 14 组、每组 4 个字母或数字（A–Z、2–7），"
                                                          "请逐组核对后重新输入"))]) from None
    file_id = S.get_meta(db, "file_id")
    file_key_id = S.get_meta(db, KEY_ID_KEY)
    kid = keystore.key_id(key)
    if not file_id or file_key_id is None:
        raise ValidationError([Problem("code", N_("msg", "这个数据文件还没有审计密钥，不需要输入恢复码"))])
    if kid != file_key_id:
        raise ValidationError([Problem("code", N_("msg", "这个恢复码不是本数据文件的审计密钥（可能是另一家机构或已更换的旧密钥）"))])
    keystore.put_key(file_id, key, code_pending=False)
    keystore.confirm(file_id)
    path = db_file(db)
    if path is not None:
        keystore.remember_path(file_id, path)
    return kid


@requires("audit.key")
def take_recovery_code(ctx: Context) -> str | None:
    """The recovery code of a key made on this computer that no administrator has seen yet (then marked as seen);
    None otherwise. Shown once."""
    st = state(ctx.db)
    if not st.file_id or not st.can_seal or not keystore.code_pending(st.file_id):
        return None
    keystore.mark_code_shown(st.file_id)
    if S.get_meta(ctx.db, "is_demo") == "1":
        return None  # the demo's key needs no safekeeping
    return keystore.recovery_code(st.key)


@requires("audit.key")
def replace(ctx: Context) -> str:
    """A new key for the file (the old one is lost): the entries signed with the old one can no longer be checked.
    Returns the new key's recovery code (shown once)."""
    file_id = S.get_meta(ctx.db, "file_id")
    if not file_id:
        raise ServiceError(N_("msg", "数据文件没有身份编号，无法生成审计密钥"))
    key = keystore.new_key()
    _replacing[id(ctx.db.conn)] = (file_id, key)
    try:
        with ctx.transaction() as db:
            create(db, user=ctx.user or "system", at=ctx.now().isoformat(sep=" ", timespec="seconds"),
                   reason="replaced", key=key, prev="other-key")
    finally:
        _replacing.pop(id(ctx.db.conn), None)
    code = keystore.recovery_code(key)
    try:
        keystore.put_key(file_id, key, code_pending=False)
    except keystore.KeyStoreError as e:
        raise ServiceError(N_("msg", "新的审计密钥已启用，但未能保存在这台电脑上（{err}）。请立即抄下恢复码并输入：{code}")
                           .format(err=e, code=code)) from e
    keystore.confirm(file_id)
    return code


@public("called by restore after its \"restore\" check, inside a write transaction")
def adopt(db, *, user: str, at: str) -> None:
    """A file restored from a backup made before it had a key: start its keyed chain with this computer's key for
    its identity (``services.backup_restore``; anywhere else that situation is reported as tampering)."""
    file_id = S.get_meta(db, "file_id")
    key = keystore.get_key(file_id) if file_id else None
    create(db, user=user, at=at, reason="restored", key=key)


@public("reads only key status (no personal data)")
def describe_state(db) -> dict:
    """For the settings page and ``yiyang audit key``: whether this computer can sign, and what to do if not."""
    st = state(db)
    status = ("ok" if st.can_seal else "none" if st.file_key_id is None and not st.record_gone
              else "gone" if st.record_gone else "other" if st.key is not None else "missing")
    return {"file_id": st.file_id, "key_id": st.file_key_id, "status": status,
            "backend": keystore.backend_of(st.file_id) if st.key is not None and st.file_id else None,
            "code_pending": bool(st.file_id and st.can_seal and keystore.code_pending(st.file_id))}


@public("compares identities only; no personal data")
def path_problems(db, path: Path | str) -> list[str]:
    """The file at ``path`` claims an identity this computer holds no key for, while it holds one for another file
    that used to be at this very place: it was replaced (or its identity rewritten) outside the program."""
    st = state(db)
    if st.key is not None:
        return []
    others = [i for i in keystore.identities_at(path) if i != st.file_id and keystore.get_key(i) is not None]
    if not others:
        return []
    return [N_("msg", "这个位置原来是另一个数据文件（身份 {old}，本机保存着它的审计密钥）；现在的文件身份不同，"
                      "且本机没有它的密钥：数据文件可能在程序之外被替换或改写。").format(old=others[0])]


def now_text(at: dt.datetime) -> str:
    return at.isoformat(sep=" ", timespec="seconds")
