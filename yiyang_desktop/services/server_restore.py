"""Restore a ``pg_dump`` backup of the 网络版 into an EMPTY server database (``yiyang --db postgresql://… restore``).

Only into an empty database: nothing is ever replaced on the server (a database in use is left alone; make a new
one, restore into it, then point the seats at it). Before anything is written the dump is read (``pg_restore``):
it must be a 医养台账 dump, of a data version this program knows, with an identity. Then ``pg_restore
--single-transaction`` (a failing dump leaves nothing), and the checks on what was restored:

* the data version (an older one is migrated, as every open does; a newer one was refused before);
* the identity (``app_meta.file_id``) is the one the dump said;
* the server's own guards are there (``server_guard_problems``: exclusion constraints, the frozen-return trigger);
* the audit chain verifies (``services.audit.verify_chain``); the schema counter, which on the server is a digest
  of the catalogue's object ids, is first re-signed for the new database (a restore makes new ids) — the trigger
  definitions themselves are still compared one by one. This needs the file's audit key on this computer
  (``YIYANG_RECOVERY_CODE`` installs it from its recovery code during the restore);
* the one restoring signs in against the restored data's own accounts and must be an administrator there (the
  "restore" permission). Checked after the restore, through the same sign-in as always (wrong-password count,
  lock-out, the entry in the trail): the target was empty, so nothing was replaced, and a refused sign-in empties
  it again — the restored data never becomes usable by someone who is not its administrator.

Then the restore is entered in the trail as a file restore is (a new lineage, the position the history was cut at).
Any failure after ``pg_restore`` empties the database again (``store.pg_copy.empty_database``) and says why.
"""
from __future__ import annotations

from pathlib import Path

from ..clock import SYSTEM, Clock
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from ..store import pg_copy, pg_tools
from ..store.db import StoreError, open_db
from ..store.pg_open import describe, server_guard_problems
from ..store.schema import SCHEMA_VERSION
from .base import Context, ServiceError
from .permissions import public


def _refuse_dump(info: dict, path: Path) -> None:
    if not info.get("file_id"):
        raise ServiceError(N_("msg", "备份文件 {path} 没有数据身份编号，不能用来恢复。").format(path=path))
    if info["schema_version"] > SCHEMA_VERSION:
        raise ServiceError(N_("msg", "备份文件 {path} 由更新版本的医养台账制作（数据版本 {v}，本程序支持到 {m}），"
                                     "请先升级程序再恢复。").format(path=path, v=info["schema_version"], m=SCHEMA_VERSION))
    if info["schema_version"] <= 0:
        raise ServiceError(N_("msg", "备份文件 {path} 里没有数据版本，不能用来恢复。").format(path=path))


@public("checks the \"restore\" permission itself, against the restored data's own accounts (see the module)")
def restore_server(url: str, dump: Path | str, *, username: str, password: str, clock: Clock = SYSTEM,
                   db_password: str | None = None, recovery_code: str | None = None) -> dict:
    """Restore ``dump`` into the empty server database at ``url``; sign in there as ``username`` (an administrator
    of the restored data). Returns the dump's facts plus ``restored_to``, ``schema_version`` and ``audit``."""
    dump = Path(dump)
    try:
        target = pg_copy.connect_empty(url, db_password)  # refuses a database that is not empty, untouched
    except StoreError as e:
        raise ServiceError(message_of(e)) from e
    try:
        major = pg_tools.server_major(target)
        role = target.raw.execute("SELECT current_user").fetchone()[0]
    finally:
        target.close()
    from .server_backup import _restore_tool, read_dump
    tool = _restore_tool(major)
    info = read_dump(dump, tool)  # damaged, foreign, newer: refused before anything is written
    _refuse_dump(info, dump)
    try:
        pg_tools.restore(tool, url, db_password, dump, role)
    except StoreError as e:
        pg_copy.empty_database_at(url, db_password)  # --single-transaction left nothing; made sure of
        raise ServiceError(N_("msg", "恢复失败，服务器数据库 {where} 仍是空的：{err}")
                           .format(where=describe(url), err=message_of(e))) from e
    try:
        return info | _check_restored(url, dump, info, username=username, password=password, clock=clock,
                                      db_password=db_password, recovery_code=recovery_code)
    except BaseException as e:
        pg_copy.empty_database_at(url, db_password)
        if isinstance(e, (ServiceError, StoreError)):
            raise ServiceError(N_("msg", "恢复后的检查没有通过，服务器数据库 {where} 已重新清空：{err}")
                               .format(where=describe(url), err=message_of(e))) from e
        raise


def _check_restored(url: str, dump: Path, info: dict, *, username: str, password: str, clock: Clock,
                    db_password: str | None, recovery_code: str | None) -> dict:
    from . import audit, audit_key
    from .backup_restore import _enter_restore
    from .permissions import check
    from .sign_in import login
    db = open_db(url, create=False, clock=clock, password=db_password)  # a foreign or newer one is refused here
    try:
        ctx = Context(db, clock=clock)
        if db.file_id != info["file_id"]:
            raise ServiceError(N_("msg", "恢复出的数据身份编号（{a}）与备份文件所写的（{b}）不同")
                               .format(a=db.file_id, b=info["file_id"]))
        guards = server_guard_problems(db)
        if guards:
            raise ServiceError("；".join(guards))
        st = audit_key.state(db)
        if st.file_key_id is not None and st.key_id != st.file_key_id and recovery_code:
            audit_key.install(db, recovery_code)
            st = audit_key.state(db)
        if st.file_key_id is not None and not st.can_seal:
            raise ServiceError(N_("msg", "这台电脑上没有这份备份的审计密钥，无法核对审计记录。请在制作备份的电脑上恢复，"
                                         "或设置环境变量 YIYANG_RECOVERY_CODE 为审计密钥的恢复码后再恢复"))
        if st.can_seal:
            with db.atomic():  # the new database's catalogue has new object ids: its schema counter, re-signed
                audit.record_schema(db, st.key, st.file_id)
        report = audit.verify_chain(db, path=url)
        if not report["ok"]:
            raise ServiceError(N_("msg", "审计记录核对未通过：{p}").format(p="；".join(report["problems"][:5])))
        login(ctx, username, password)  # the restored data's own accounts decide
        check(ctx, "restore")
        warning = _enter_restore(ctx, ctx.user, dump, clock.now())
        from ..store.db import schema_version
        return {"restored_to": describe(url), "restored_from": str(dump), "schema_version": schema_version(db),
                "backup_schema_version": info["schema_version"], "trail_warning": warning,
                "audit": {"ok": True, "checked": report["checked"], "length": report["length"]}}
    finally:
        db.close()
