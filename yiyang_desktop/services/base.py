"""What every use case shares: the context it runs in, input checks, and errors that speak Chinese."""
from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import sqlite_utils

from ..clock import SYSTEM, Clock
from ..domain.text import QT_TRANSLATE_NOOP as N_


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: the form field it belongs to and a Chinese sentence."""
    field: str
    message: str


class ServiceError(Exception):
    """An action refused for a reason the user can act on. ``str(err)`` is Chinese."""


class PermissionDenied(ServiceError):
    """The logged-in role may not do this (or nobody is logged in). The message names the action."""


SYSTEM_ROLE = "系统"  # the program itself; cannot be given to an account (users.role CHECK)


class ValidationError(ServiceError):
    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("；".join(p.message for p in self.problems))

    def by_field(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for p in self.problems:
            out.setdefault(p.field, p.message)
        return out


class NotFound(ServiceError):
    pass


BUSY = N_("msg", "数据文件正忙：另一项操作（或另一个程序）正在保存，等了 {s} 秒仍未完成。这次没有保存任何内容，请稍后再试。")
BUSY_SERVER = N_("msg", "服务器数据库正忙：另一台电脑正在保存，等了 {s} 秒仍未完成。这次没有保存任何内容，请稍后再试。")


class Busy(ServiceError):
    """Another writer held the file longer than the busy timeout; nothing of this unit of work was written."""


@dataclass
class Context:
    """A unit of work's surroundings: the open database, who acts, and the clock that says what "today" is.

    ``role`` decides what the use cases allow (``services.accounts.ROLE_PERMS``). A Context made without a login
    (``role=None``) may do nothing guarded by a permission: every ``@requires`` service refuses it. Only code that
    is the program itself (migrations, the demo builder, benchmarks) uses ``Context.system(db)``.
    """
    db: sqlite_utils.Database
    user: str | None = None
    clock: Clock = SYSTEM
    extra: dict[str, Any] = field(default_factory=dict)
    role: str | None = None
    user_id: int | None = None
    _depth: int = field(default=0, init=False, repr=False, compare=False)  # this context's open transactions

    @classmethod
    def system(cls, db: sqlite_utils.Database, user: str = "system", **kw) -> "Context":
        """The program acting for itself (demo builder, bulk generators) — never for a person at the keyboard."""
        return cls(db, user=user, role=SYSTEM_ROLE, **kw)

    def today(self) -> dt.date:
        return self.clock.today()

    def now(self) -> dt.datetime:
        return self.clock.now()

    def stamp(self) -> str:
        """Now as ``2026-11-23T08:30:00`` (``created_at``/``updated_at`` columns)."""
        return self.clock.stamp()

    def worker_factory(self) -> Callable[[], "Context"]:
        """For a background job: call this in the thread that owns this context; call what it returns in the worker
        thread. That gives the job a context of its own — the same user, role and clock on its own connection to the
        same file (a connection belongs to the thread that made it). Close it with ``ctx.db.close()`` at the end."""
        from ..store.db import connect, db_file, is_server_db
        user, clock, extra, role, user_id = self.user, self.clock, dict(self.extra), self.role, self.user_id
        if is_server_db(self.db):  # the 网络版: another connection to the same server database
            from ..store.pg import connect as connect_server
            url, password = self.db.url, getattr(self.db, "password", None)

            def make_server() -> Context:
                db = connect_server(url, password=password)
                db.password, db.file_id = password, getattr(self.db, "file_id", None)
                return Context(db, user=user, clock=clock, extra=extra, role=role, user_id=user_id)
            return make_server
        path = db_file(self.db)
        if path is None:
            raise ServiceError(N_("msg", "内存中的数据库不能在后台任务中使用"))

        def make() -> Context:
            return Context(connect(path), user=user, clock=clock, extra=extra, role=role, user_id=user_id)
        return make

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One transaction per use case; a trigger's refusal becomes a ValidationError.

        Nesting is counted by this context (``_depth``), not read from the connection: the outermost one starts a
        write transaction with ``BEGIN IMMEDIATE`` (one writer at a time: a second one waits for the busy timeout,
        then gets :class:`Busy`), names the acting user for the audit triggers and, before committing, chains the
        audit entries it wrote (``services.audit.seal``) — so a rolled-back use case leaves no entry at all. Inner
        ones are savepoints. A transaction someone opened on this connection outside any context (a read snapshot)
        is joined with a savepoint. Connections never cross threads (``store.db.connect``), so nothing another
        thread does can land inside this transaction or be rolled back with it.
        """
        from . import audit
        conn = self.db.conn
        if self._depth == 0 and not conn.in_transaction:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e:
                _reraise(e)
            except Exception as e:
                _server_error(e, conn, outer=True)
                raise
            name = None
        else:
            name = f"ctx_{id(self):x}_{self._depth}"
            conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            since = audit.begin(self.db, self.user or "system", self.now()) if self._depth == 1 else None
            yield self.db
            if since is not None:
                audit.seal(self.db, since)
        except BaseException as e:
            self._depth -= 1
            if conn.in_transaction:  # an error such as RAISE(ROLLBACK) may have ended it already
                if name is None:
                    conn.rollback()
                else:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
            if isinstance(e, sqlite3.IntegrityError):
                text = str(e)
                if any("\u4e00" <= ch <= "\u9fff" for ch in text):  # our triggers' own Chinese messages
                    raise ValidationError([Problem("", text)]) from e
                raise ValidationError([Problem("", N_("msg", "数据不符合要求，未保存：{err}").format(err=text))]) from e
            if isinstance(e, sqlite3.OperationalError):
                _reraise(e)
            _server_error(e, conn, outer=name is None)
            raise
        self._depth -= 1
        try:
            if name is None:
                conn.execute("COMMIT")
            else:
                conn.execute(f"RELEASE SAVEPOINT {name}")
        except sqlite3.OperationalError as e:
            if conn.in_transaction and name is None:
                conn.rollback()
            _reraise(e)
        except Exception as e:
            _server_error(e, conn, outer=name is None)
            raise


def _server_error(e: BaseException, conn, *, outer: bool) -> None:
    """The 网络版's errors as the 单机版's: a refused row → ValidationError (the constraint's Chinese message), the
    write lock held too long by another seat → Busy, a lost connection → a Chinese ServiceError. Nothing of the
    use case was written: an outermost transaction still open is rolled back here (an inner one was already
    rolled back to its savepoint, and the outer one goes on, as on SQLite). Returns when ``e`` is none of them."""
    if not type(e).__module__.startswith("psycopg"):
        return
    from ..store.pg import LOCK_TIMEOUT_MS, translate_error
    meaning = translate_error(e)
    if meaning is None:
        return
    try:
        if outer and conn.in_transaction:
            conn.rollback()
    except Exception:  # noqa: BLE001 - the connection may be gone; the server rolls back on its own
        pass
    kind, text = meaning
    if kind == "busy":
        raise Busy(BUSY_SERVER.format(s=LOCK_TIMEOUT_MS // 1000)) from e
    if kind == "invalid":
        raise ValidationError([Problem("", text or N_("msg", "数据不符合要求，未保存：{err}").format(err=e))]) from e
    raise ServiceError(N_("msg", "与服务器数据库的连接中断，本次修改没有保存：{err}。请检查网络后重新打开程序。")
                       .format(err=text)) from e


def _reraise(e: sqlite3.OperationalError) -> None:
    """A locked file becomes :class:`Busy`, a full disk a Chinese ServiceError; other errors are raised as they are."""
    err = _translate(e)
    if err is e:
        raise e
    raise err from e


def _translate(e: sqlite3.OperationalError) -> BaseException:
    from ..store.db import BUSY_TIMEOUT_MS
    from ..store.preflight import is_disk_full
    text = str(e)
    if "locked" in text or "busy" in text:
        return Busy(BUSY.format(s=BUSY_TIMEOUT_MS // 1000))
    if is_disk_full(e):
        return ServiceError(N_("msg", "磁盘已满，未能保存（{err}）。已做的修改全部撤销，数据文件没有改动。请清理磁盘空间后再试。")
                            .format(err=e))
    return e


class Checker:
    """Collects problems while reading a form's values, then raises them all at once."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.problems: list[Problem] = []

    def add(self, field_name: str, message: str) -> None:
        self.problems.append(Problem(field_name, message))

    def text(self, name: str, *, required: bool = False, label: str = "", max_len: int = 200) -> str | None:
        value = self.data.get(name)
        value = "" if value is None else str(value).strip()
        if not value:
            if required:
                self.add(name, N_("msg", "请填写{label}").format(label=label or name))
            return None
        if len(value) > max_len:
            self.add(name, N_("msg", "{label}太长（最多{n}个字）").format(label=label or name, n=max_len))
        return value

    def choice(self, name: str, options: tuple[str, ...], *, required: bool = False, label: str = "") -> str | None:
        value = self.text(name, required=required, label=label)
        if value is not None and value not in options:
            self.add(name, N_("msg", "{label}只能是：{opts}").format(label=label or name, opts="、".join(options)))
            return None
        return value

    def date(self, name: str, *, required: bool = False, label: str = "") -> dt.date | None:
        value = self.data.get(name)
        if value in (None, ""):
            if required:
                self.add(name, N_("msg", "请填写{label}").format(label=label or name))
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.add(name, N_("msg", "{label}“{v}”不是有效日期（格式：2026-01-31）").format(label=label or name, v=value))
            return None

    def flag(self, name: str) -> bool:
        value = self.data.get(name)
        if isinstance(value, str):
            return value.strip() in ("1", "true", "True", "是", "yes")
        return bool(value)

    def sub(self, data: dict[str, Any], field_name: str) -> "Checker":
        """A checker for a nested record (one contact of a list): its problems are filed here under ``field_name``,
        so a too-long contact name refuses the whole save like any other field."""
        child = Checker(data)
        child.problems = _Filed(self, field_name)
        return child

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


class _Filed(list):
    """The problem list of a sub-checker: appends to the parent under one field name."""

    def __init__(self, parent: Checker, field_name: str):
        super().__init__()
        self.parent, self.field_name = parent, field_name

    def append(self, p: Problem) -> None:  # type: ignore[override]
        super().append(p)
        self.parent.problems.append(Problem(self.field_name, p.message))


def fail(field_name: str, message: str) -> None:
    raise ValidationError([Problem(field_name, message)])


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def to_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
