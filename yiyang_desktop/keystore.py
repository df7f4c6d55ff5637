"""Where this computer keeps the audit keys: one secret key per data file identity (``app_meta.file_id``).

The key never goes into the data file (whoever holds a copy of the file could then re-sign a rewritten trail).
It is kept in the operating system's credential store through ``keyring`` (Windows Credential Manager, macOS
Keychain, Secret Service on Linux) when a usable backend exists, else in a key file in the user's configuration
folder (``platformdirs`` user_config_dir, or ``YIYANG_CONFIG_DIR``), readable by this user only (mode 0600).

Beside each key a small note (always in the configuration folder, never the key itself when keyring holds it)
records whether its recovery code still has to be shown to an administrator, and the data file paths it was used
with (so a file at a known path that suddenly claims another identity is noticed).

``YIYANG_KEYRING=file`` forces the key file (tests, portable installs); ``YIYANG_KEYRING=keyring`` forces the
credential store. Nothing here knows SQLite, Qt or the clock.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from pathlib import Path

from platformdirs import user_config_path

from .paths import APP_DIR_NAME

KEY_BYTES = 32
KEYRING_SERVICE = "YiyangDesktop audit key"
_CHECK_BYTES = 3  # recovery code: the key plus 3 bytes of its sha256, so a mistyped code is caught
_ID_LABEL = b"yiyang-audit-key-id"


class KeyStoreError(Exception):
    """The key could not be stored or read (message in Chinese)."""


class BadRecoveryCode(ValueError):
    """The text typed is not a recovery code (wrong length, characters or check digits)."""


def config_dir() -> Path:
    """The user's configuration folder; ``YIYANG_CONFIG_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("YIYANG_CONFIG_DIR")
    return Path(override) if override else user_config_path(APP_DIR_NAME, appauthor=False)


def keys_dir() -> Path:
    return config_dir() / "audit-keys"


# ---------------------------------------------------------------- keys and codes

def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_id(key: bytes) -> str:
    """A public name of a key (reveals nothing of it): what the data file records as the key it is sealed with."""
    return hmac.new(key, _ID_LABEL, hashlib.sha256).hexdigest()[:16]


def recovery_code(key: bytes) -> str:
    """The key as 14 groups of 4 characters (A–Z, 2–7) for writing down and typing on another computer."""
    raw = key + hashlib.sha256(key).digest()[:_CHECK_BYTES]
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


_CONFUSED = str.maketrans({"0": "O", "1": "I", "8": "B"})


def parse_recovery_code(text: str) -> bytes:
    """The key from a typed recovery code (spaces, dashes and case ignored; 0/1/8 read as O/I/B)."""
    clean = re.sub(r"[\s\-_]", "", text or "").upper().translate(_CONFUSED)
    want = len(recovery_code(bytes(KEY_BYTES)).replace("-", ""))
    if len(clean) != want or not re.fullmatch(r"[A-Z2-7]+", clean):
        raise BadRecoveryCode(f"length {len(clean)} (want {want}) or characters")
    pad = "=" * (-len(clean) % 8)
    raw = base64.b32decode(clean + pad)
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if hashlib.sha256(key).digest()[:_CHECK_BYTES] != check:
        raise BadRecoveryCode("check digits")
    return key


# ---------------------------------------------------------------- backends

def _keyring():
    """The keyring module when a usable backend exists (and is not switched off), else None."""
    choice = os.environ.get("YIYANG_KEYRING", "").lower()
    if choice == "file":
        return None
    try:
        import keyring
        from keyring.backends import fail
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - no keyring package or a broken backend: use the key file
        return None
    if choice != "keyring":
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            return None
        name = type(backend).__module__ + "." + type(backend).__name__
        if "null" in name.lower() or "chainer" in name.lower() and not getattr(backend, "backends", None):
            return None
    return keyring


def credential_store():
    """The operating system's credential store (the ``keyring`` module) when a usable one exists, else None (only
    the key file is there: nothing secret other than the audit key may be kept then)."""
    return _keyring()


def _safe_name(file_id: str) -> str:
    if not re.fullmatch(r"[0-9A-Za-z\-]{1,64}", file_id or ""):
        raise KeyStoreError(f"数据文件身份“{file_id}”无效")
    return file_id


def _note_path(file_id: str) -> Path:
    return keys_dir() / f"{_safe_name(file_id)}.json"


def _read_note(file_id: str) -> dict:
    try:
        return json.loads(_note_path(file_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by this user only (0600), through a temporary file and a rename."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(folder, 0o700)
        except OSError:
            pass
        tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        raise KeyStoreError(f"无法保存审计密钥到 {folder}：{e.strerror or e}") from e


def _write_note(file_id: str, note: dict) -> None:
    _write_private(_note_path(file_id), json.dumps(note, ensure_ascii=False, indent=1))


# ---------------------------------------------------------------- the store

def get_key(file_id: str) -> bytes | None:
    """This computer's key for the data file identity ``file_id``, or None."""
    note = _read_note(file_id)
    if note.get("key"):
        try:
            return base64.b32decode(note["key"])
        except ValueError:
            return None
    kr = _keyring() if note.get("backend") == "keyring" or not note else None
    if kr is not None:
        cached = _from_keyring.get((str(config_dir()), file_id))
        if cached is not None:
            return cached  # one question to the credential store per process (it may have to ask to unlock)
        try:
            text = kr.get_password(KEYRING_SERVICE, _safe_name(file_id))
        except Exception:  # noqa: BLE001 - a locked or broken credential store: treat as absent
            return None
        if text:
            try:
                key = base64.b32decode(text)
            except ValueError:
                return None
            _from_keyring[(str(config_dir()), file_id)] = key
            return key
    return None


_from_keyring: dict[tuple[str, str], bytes] = {}


def put_key(file_id: str, key: bytes, *, code_pending: bool) -> str:
    """Keep ``key`` for ``file_id``; ``code_pending``: its recovery code has not been shown yet. Returns the
    backend used ("keyring" or "file")."""
    note = _read_note(file_id)
    text = base64.b32encode(key).decode("ascii")
    kr = _keyring()
    backend = "file"
    if kr is not None:
        try:
            kr.set_password(KEYRING_SERVICE, _safe_name(file_id), text)
            backend = "keyring"
            _from_keyring[(str(config_dir()), file_id)] = key
        except Exception:  # noqa: BLE001 - the credential store refused: fall back to the key file
            backend = "file"
    if note.get("key_id") != key_id(key):
        note["confirmed"] = False
    note.update(backend=backend, key_id=key_id(key), code_pending=bool(code_pending))
    note.pop("key", None)
    if backend == "file":
        note["key"] = text
        _from_keyring.pop((str(config_dir()), file_id), None)
    _write_note(file_id, note)
    return backend


def code_pending(file_id: str) -> bool:
    return bool(_read_note(file_id).get("code_pending"))


def mark_code_shown(file_id: str) -> None:
    note = _read_note(file_id)
    if note:
        note["code_pending"] = False
        _write_note(file_id, note)


def is_confirmed(file_id: str) -> bool:
    """Whether the data file was seen naming this computer's key (from then on, a file without it is tampered)."""
    return bool(_read_note(file_id).get("confirmed"))


def confirm(file_id: str, value: bool = True) -> None:
    note = _read_note(file_id)
    if note and bool(note.get("confirmed")) != value:
        note["confirmed"] = value
        _write_note(file_id, note)


def backend_of(file_id: str) -> str | None:
    return _read_note(file_id).get("backend")


def remember_path(file_id: str, path: Path | str) -> None:
    """Note that the data file at ``path`` has the identity ``file_id`` (kept with the key's note)."""
    note = _read_note(file_id)
    if not note:
        return
    paths = note.setdefault("paths", [])
    p = str(Path(path).resolve())
    if p not in paths:
        paths.append(p)
        _write_note(file_id, note)


def identities_at(path: Path | str) -> list[str]:
    """The identities this computer holds keys for that were used with a data file at ``path``."""
    p = str(Path(path).resolve())
    out = []
    folder = keys_dir()
    if not folder.is_dir():
        return out
    for f in sorted(folder.glob("*.json")):
        try:
            note = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if p in note.get("paths", []):
            out.append(f.stem)
    return out


def forget_path(file_id: str, path: Path | str) -> None:
    """The file at ``path`` no longer has the identity ``file_id`` (it was replaced by another's backup)."""
    note = _read_note(file_id)
    p = str(Path(path).resolve())
    if note and p in note.get("paths", []):
        note["paths"].remove(p)
        _write_note(file_id, note)
