"""Opening the 网络版's server database: connect, refuse a foreign or newer database, migrate (one seat at a time).

The connection string is ``postgresql://user@host:port/dbname``. The password comes from the caller (the window
asks and keeps it in the system's credential store), from the string itself, from ``PGPASSWORD`` or from
PostgreSQL's own ``pgpass`` file — libpq reads the last two by itself.

The same numbered migrations as the 单机版 run here (``store.schema.MIGRATIONS``; their DDL is translated by
``store.pg_ddl``), under an advisory lock so two PCs started at once do not both upgrade the database. The version
is kept in ``app_meta`` (``schema_version``) where SQLite keeps it in ``PRAGMA user_version``.
"""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import psycopg

from .. import APP_ID
from ..clock import SYSTEM, Clock
from ..domain.text import QT_TRANSLATE_NOOP as N_
from . import pg_ddl
from .pg import PgDatabase, connect
from .preflight import StoreError

SCHEMES = ("postgresql://", "postgres://")
MIGRATE_LOCK = 4_242_001  # pg_advisory_lock key: one seat migrates at a time


class ServerAuthError(StoreError):
    """The server refused the user name or password (the window asks for the password again)."""


def is_server(target) -> bool:
    """Whether ``target`` (a ``--db`` value) names a server database rather than a data file."""
    return isinstance(target, str) and target.lower().startswith(SCHEMES)


def describe(url: str) -> str:
    """``yiyang@192.168.1.10:5432/yiyang`` — the connection string without its password, for messages and titles."""
    parts = urlsplit(url)
    user = unquote(parts.username or "")
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    db = parts.path.lstrip("/")
    return f"{user + '@' if user else ''}{host}{port}/{db}"


def without_password(url: str) -> str:
    """The connection string with any password taken out (what may be stored in the settings)."""
    return re.sub(r"^(postgres(?:ql)?://[^:@/]+):[^@/]*@", r"\1@", url)


_UNREACHABLE = (  # libpq's words → what they mean to an office user
    (("could not translate host name", "Name or service not known", "nodename nor servname", "No such host"),
     N_("msg", "找不到这个服务器地址（地址是否写错）")),
    (("Connection refused",), N_("msg", "服务器拒绝连接（这个端口上没有数据库服务在运行）")),
    (("timeout expired", "timed out"), N_("msg", "连接超时（服务器没有应答）")),
    (("no pg_hba.conf entry",), N_("msg", "服务器不允许从这台电脑连接（需在服务器的 pg_hba.conf 中放行本机网段）")),
    (("No route to host", "Network is unreachable"), N_("msg", "网络不通")),
)


def _why_unreachable(text: str) -> str:
    for needles, meaning in _UNREACHABLE:
        if any(n.lower() in text.lower() for n in needles):
            return meaning
    return N_("msg", "连接失败")


def _connect(url: str, password: str | None, connect_timeout: int = 10) -> PgDatabase:
    try:
        return connect(url, password=password, connect_timeout=connect_timeout)
    except psycopg.OperationalError as e:
        text = str(e)
        where = describe(url)
        if "password authentication failed" in text or "no password supplied" in text or "28P01" in text:
            raise ServerAuthError(N_("msg", "服务器数据库 {where} 拒绝了用户名或密码，请重新输入密码。").format(where=where)) from e
        if "does not exist" in text and "database" in text:
            raise StoreError(N_("msg", "服务器上没有数据库 {where}，请先按使用说明“网络版”一节建立它。").format(where=where)) from e
        raise StoreError(N_("msg", "无法连接服务器数据库 {where}：{why}。请检查服务器是否开机、地址和端口是否正确、防火墙是否放行。"
                                   "（技术信息：{err}）")
                         .format(where=where, why=_why_unreachable(text), err=" ".join(text.split())[:200])) from e
    except psycopg.Error as e:
        raise StoreError(N_("msg", "无法连接服务器数据库 {where}：{err}").format(where=describe(url), err=e)) from e


def schema_version(db: PgDatabase) -> int:
    if db.execute("SELECT to_regclass('app_meta')").fetchone()[0] is None:
        return 0
    row = db.execute("SELECT value FROM app_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def set_schema_version(db: PgDatabase, number: int) -> None:
    db.execute("INSERT INTO app_meta (key, value) VALUES ('schema_version', ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [str(number)])


def _inspect(db: PgDatabase, url: str) -> int:
    """The database's data version; a foreign or newer database is refused untouched."""
    from .schema import SCHEMA_VERSION
    tables = set(db.table_names())
    version = schema_version(db)
    app_id = None
    if "app_meta" in tables:
        row = db.execute("SELECT value FROM app_meta WHERE key = 'app_id'").fetchone()
        app_id = row[0] if row else None
    where = describe(url)
    if (version == 0 and tables) or (version > 0 and app_id != APP_ID):
        raise StoreError(N_("msg", "服务器数据库 {where} 里已有其他程序的数据，不是医养台账的数据库，未做任何改动。"
                                   "请为医养台账新建一个空数据库。").format(where=where))
    if version > SCHEMA_VERSION:
        raise StoreError(N_("msg", "服务器数据库 {where} 由更新版本的医养台账升级过（数据版本 {v}，本程序支持到 {m}），"
                                   "请先升级这台电脑上的程序。").format(where=where, v=version, m=SCHEMA_VERSION))
    return version


def open_pg(url: str, *, create: bool = True, is_demo: bool = False, clock: Clock = SYSTEM,
            password: str | None = None, connect_timeout: int = 10) -> PgDatabase:
    """Connect to the server database at ``url``, check it is ours and bring its schema up to date."""
    from .db import file_identity, migrate
    from .schema import SCHEMA_VERSION
    db = _connect(url, password, connect_timeout)
    try:
        version = _inspect(db, url)
        if version < SCHEMA_VERSION:
            if version == 0 and not create:
                raise StoreError(N_("msg", "服务器数据库 {where} 是空的，还不是医养台账的数据库。").format(where=describe(url)))
            db.execute("SELECT pg_advisory_lock(?)", [MIGRATE_LOCK])
            try:
                version = _inspect(db, url)  # another seat may have upgraded it meanwhile
                if version == 0:
                    for stmt in pg_ddl.split_statements(pg_ddl.FUNCTIONS):
                        db.raw.execute(stmt)
                migrate(db, version, is_demo=is_demo, clock=clock)
            finally:
                db.execute("SELECT pg_advisory_unlock(?)", [MIGRATE_LOCK])
    except psycopg.errors.InsufficientPrivilege as e:
        db.close()
        raise StoreError(N_("msg", "服务器数据库 {where} 的账号权限不够（{err}）：程序用的账号须是该数据库的所有者，"
                                   "见使用说明“网络版”一节。").format(where=describe(url), err=e)) from e
    except psycopg.Error as e:
        db.close()
        raise StoreError(N_("msg", "服务器数据库 {where} 无法使用：{err}").format(where=describe(url), err=e)) from e
    except StoreError:
        db.close()
        raise
    from .audit_store import trigger_problems
    db.password = password
    db.trigger_problems = trigger_problems(db)  # said at open; every write is refused while there are any
    db.integrity_pending = False
    db.integrity_checked_at = None
    db.open_notes = []
    db.file_id = file_identity(db)
    return db


def server_guard_problems(db: PgDatabase) -> list[str]:
    """What the server must have to keep the records' rules (exclusion constraints, the frozen-return trigger)
    and no longer has: one Chinese sentence each ([] when all are there)."""
    have = {r[0] for r in db.execute("SELECT conname FROM pg_constraint WHERE contype = 'x'").fetchall()}
    problems = [N_("msg", "服务器数据库缺少约束 {name}（同一时间段不能重复占用），可能被人改动过").format(name=name)
                for name in pg_ddl.CONSTRAINT_MESSAGES if name not in have]
    if not db.execute("SELECT 1 FROM pg_trigger WHERE tgname = 'submitted_returns_frozen'").fetchone():
        problems.append(N_("msg", "服务器数据库缺少触发器 submitted_returns_frozen（已报送月报不能修改）"))
    return problems


def clear_demo_database(url: str, password: str | None = None) -> None:
    """Empty a server database before the demo is built into it: allowed for an empty database or one that holds
    a demo (``app_meta.is_demo``); a database with real records is refused untouched."""
    db = _connect(url, password)
    try:
        tables = set(db.table_names())
        if not tables:
            return
        demo = None
        if "app_meta" in tables:
            row = db.execute("SELECT value FROM app_meta WHERE key = 'is_demo'").fetchone()
            demo = row[0] if row else None
        if demo != "1":
            raise StoreError(N_("msg", "服务器数据库 {where} 里是正式数据，演示数据不会覆盖它。请换一个空数据库。")
                             .format(where=describe(url)))
        owner = db.execute("SELECT current_user").fetchone()[0]
        with db.atomic():
            db.raw.execute("DROP SCHEMA public CASCADE")
            db.raw.execute("CREATE SCHEMA public")
            db.raw.execute(f'GRANT ALL ON SCHEMA public TO "{owner}"')
    finally:
        db.close()
