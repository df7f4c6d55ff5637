"""The window's side of a 网络版 connection: the connection string from a form's fields and back, the password in
the operating system's credential store, and a quick test of a connection (what 测试连接 says).

The password is never part of what is remembered in the settings (``store.pg_open.without_password``) and never
written to a log or the audit trail. It is kept, when the user asks, only in the credential store through
``keyring`` (Windows Credential Manager, macOS Keychain, Secret Service) under the connection's description
(``describe(url)``: user@host:port/database); when only the key-file fallback of ``keystore`` exists there is no
safe place, so nothing is offered. Nothing here knows Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from .domain.text import QT_TRANSLATE_NOOP as N_
from .store.pg_open import describe, is_server, without_password

DEFAULT_PORT = 5432
TEST_TIMEOUT_S = 3  # 测试连接 and the window's first connection: an unreachable server answers within seconds
OPEN_TIMEOUT_S = 8
PASSWORD_SERVICE = "YiyangDesktop server"


@dataclass
class ServerFields:
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""


def build_url(fields: ServerFields) -> str:
    """``postgresql://user@host:port/database`` (no password), names quoted as a connection string needs."""
    host = fields.host.strip()
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    user = quote(fields.user.strip(), safe="")
    db = quote(fields.database.strip(), safe="")
    return f"postgresql://{user + '@' if user else ''}{host}:{int(fields.port)}/{db}"


def split_url(url: str) -> ServerFields:
    """The form's fields from a connection string (its password, if any, is left out)."""
    parts = urlsplit(without_password(url))
    return ServerFields(host=parts.hostname or "", port=parts.port or DEFAULT_PORT,
                        database=unquote(parts.path.lstrip("/")), user=unquote(parts.username or ""))


def url_password(url: str) -> str | None:
    """A password written in the connection string itself (``--db postgresql://u:pw@…``), else None."""
    parts = urlsplit(url)
    return unquote(parts.password) if parts.password is not None else None


def field_problems(fields: ServerFields) -> dict[str, object]:
    """What is missing or wrong in the form, by field (Chinese, marked for translation)."""
    problems: dict[str, object] = {}
    if not fields.host.strip():
        problems["host"] = N_("msg", "请填写服务器地址（计算机名或 IP 地址，例如 192.168.1.10）")
    elif any(c in fields.host for c in " /@?#"):
        problems["host"] = N_("msg", "服务器地址不能含有空格和 / @ ? # 等字符")
    if not 1 <= int(fields.port) <= 65535:
        problems["port"] = N_("msg", "端口应在 1 到 65535 之间（PostgreSQL 默认 5432）")
    if not fields.database.strip():
        problems["database"] = N_("msg", "请填写数据库名称，例如 yiyang")
    if not fields.user.strip():
        problems["user"] = N_("msg", "请填写服务器数据库的用户名")
    return problems


# ---------------------------------------------------------------- the credential store

def can_remember() -> bool:
    """Whether a password can be kept safely: only in the system's credential store, never in a file."""
    from .keystore import credential_store
    return credential_store() is not None


def saved_password(url: str) -> str | None:
    from .keystore import credential_store
    kr = credential_store()
    if kr is None or not is_server(url):
        return None
    try:
        return kr.get_password(PASSWORD_SERVICE, describe(url)) or None
    except Exception:  # noqa: BLE001 - a locked or broken credential store: ask the user instead
        return None


def save_password(url: str, password: str) -> bool:
    """Keep ``password`` for ``url`` in the credential store; False when there is none or it refused."""
    from .keystore import credential_store
    kr = credential_store()
    if kr is None:
        return False
    try:
        kr.set_password(PASSWORD_SERVICE, describe(url), password)
        return True
    except Exception:  # noqa: BLE001 - refused: the password is just not remembered
        return False


def forget_password(url: str) -> None:
    from .keystore import credential_store
    kr = credential_store()
    if kr is None:
        return
    try:
        kr.delete_password(PASSWORD_SERVICE, describe(url))
    except Exception:  # noqa: BLE001 - nothing stored: nothing to forget
        pass


# ---------------------------------------------------------------- 测试连接

OK, EMPTY, AUTH, FAILED = "ok", "empty", "auth", "failed"


def probe(url: str, password: str | None, timeout: int = TEST_TIMEOUT_S) -> tuple[str, object]:
    """Connect once (at most ``timeout`` seconds) and look, changing nothing: ``(OK, sentence)`` for a 医养台账
    database this program can open, ``(EMPTY, …)`` for an empty database (set up at the first opening),
    ``(AUTH, …)`` when the server refused the user or password, ``(FAILED, …)`` for anything else."""
    from .store.pg_open import ServerAuthError, _connect, _inspect
    from .store.preflight import StoreError
    try:
        db = _connect(url, password, connect_timeout=timeout)
    except ServerAuthError as e:
        return AUTH, e.args[0]
    except StoreError as e:
        return FAILED, e.args[0]
    try:
        try:
            version = _inspect(db, url)
        except StoreError as e:
            return FAILED, e.args[0]
        if version == 0:
            return EMPTY, N_("msg", "连接成功。数据库 {where} 是空的：第一次打开时会在其中建立医养台账的数据表，"
                                    "并请您设置管理员账号。").format(where=describe(url))
        return OK, N_("msg", "连接成功。{where} 是医养台账的数据库（数据版本 {v}）。").format(where=describe(url), v=version)
    except Exception as e:  # noqa: BLE001 - a server that answers oddly: said plainly, never a crash
        return FAILED, N_("msg", "无法连接服务器数据库 {where}：{err}").format(where=describe(url), err=e)
    finally:
        db.close()
