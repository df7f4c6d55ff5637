"""``yiyang --db FILE migrate-to postgresql://…``: a home that outgrows the 单机版 takes its whole history along.

The SQLite data file (the context's, signed in as an administrator) is copied into an EMPTY server database:
every table, every row with its own id — ``app_meta`` with the file's identity (``file_id``) and the institution,
the accounts with their password hashes, and the audit trail exactly as it is, so its keyed chain and head stay
valid (the server's audit triggers do not fire for the copy: ``store.pg_copy``). Everything happens in one
transaction on the server: a refusal or failure anywhere leaves the target empty. The data file is only read
(inside one read transaction, so the copy is one consistent moment of it).

Afterwards the copy is checked: the row count of every table on both sides, and the audit chain on the server
with the same check ``yiyang check`` runs (``services.audit.verify_chain``). A check that fails empties the
server database again and says why.

The server has a schema counter of its own (a digest of its catalogue, ``store.pg_audit.schema_cookie``); the
file's signed counter is re-signed for the server inside the copy's transaction with the file's audit key — so
this computer must hold the key (the same condition as for saving anything).

After the migration the data file is kept as it was (an archive): the institution now works on the server, and
the data file should no longer be used for new records — both carry the same identity and audit key.
"""
from __future__ import annotations

import sqlite3

from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from ..store import audit_store as S, pg_copy
from ..store.db import StoreError, db_file, is_server_db, open_db, schema_version
from ..store.pg_open import describe, is_server
from ..store.schema import SCHEMA_VERSION
from .base import Context, ServiceError
from .permissions import requires


def _sign_schema(db) -> None:
    """Inside the copy's transaction: the file's signed schema counter, re-signed for the server's catalogue."""
    from . import audit, audit_key
    st = audit_key.state(db)
    if st.can_seal and S.get_meta(db, audit.SCHEMA_KEY) is not None:
        audit.record_schema(db, st.key, st.file_id)


def _check_source(ctx: Context) -> None:
    from . import audit_key
    if is_server_db(ctx.db):
        raise ServiceError(N_("msg", "当前打开的已经是服务器数据库（网络版），不需要迁移。"))
    version = schema_version(ctx.db)
    if version != SCHEMA_VERSION:
        raise ServiceError(N_("msg", "数据文件的数据版本（{v}）与本程序（{m}）不同，请先用本程序打开它完成升级。")
                           .format(v=version, m=SCHEMA_VERSION))
    st = audit_key.state(ctx.db)
    if st.file_key_id is not None and not st.can_seal:
        raise ServiceError(N_("msg", "这台电脑上没有本数据文件的审计密钥，迁移后无法核对审计记录，因此没有迁移。请管理员先"
                                     "输入恢复码（设置 → 审计密钥，或 yiyang audit install-key），再迁移。"))


def _counts(con, tables: list[str]) -> dict[str, int]:
    """Rows per table; ``app_meta`` without ``schema_version`` (the server keeps there what SQLite keeps in
    ``PRAGMA user_version``)."""
    return {t: con.execute(f'SELECT count(*) FROM "{t}"' + (" WHERE key <> 'schema_version'" if t == "app_meta"
                                                            else "")).fetchone()[0] for t in tables}


@requires("restore")
def migrate_to(ctx: Context, url: str, *, password: str | None = None) -> dict:
    """Copy the context's data file into the empty server database at ``url`` (see the module). Administrators
    only (the "restore" permission: the copy carries every record and every account to another place, as a
    restore does). Returns ``{"from", "to", "tables", "rows", "total_rows", "audit"}``."""
    from .audit import verify_chain
    if not is_server(url):
        raise ServiceError(N_("msg", "迁移的目标须是服务器数据库的连接串 postgresql://用户@主机:端口/数据库"))
    _check_source(ctx)
    where = describe(url)
    try:
        target = pg_copy.connect_empty(url, password)  # refuses a database that is not empty, untouched
    except StoreError as e:
        raise ServiceError(message_of(e)) from e
    src: sqlite3.Connection = ctx.db.conn
    try:
        began = not src.in_transaction
        if began:
            src.execute("BEGIN")  # one consistent moment of the data file; nothing is written to it
        try:
            copied = pg_copy.copy_file(target, src, clock=ctx.clock, schema_version=SCHEMA_VERSION,
                                       before_commit=_sign_schema)
            source_counts = _counts(src, list(copied))
        finally:
            if began and src.in_transaction:
                src.execute("ROLLBACK")
    except StoreError as e:
        target.close()
        raise ServiceError(message_of(e)) from e
    except Exception:
        target.close()
        raise
    target.close()
    try:
        check = _verify(url, password, ctx, source_counts, verify_chain)
    except BaseException:
        pg_copy.empty_database_at(url, password)
        raise
    if check["problems"]:
        pg_copy.empty_database_at(url, password)
        raise ServiceError(N_("msg", "迁移后的核对没有通过，服务器数据库已重新清空：{problems}")
                           .format(problems="；".join(check["problems"][:5])))
    source = db_file(ctx.db)
    return {"from": str(source) if source else "", "to": where, "tables": len(source_counts),
            "rows": check["rows"], "total_rows": sum(check["rows"].values()), "audit": check["audit"]}


def _verify(url: str, password: str | None, ctx: Context, source_counts: dict[str, int], verify_chain) -> dict:
    db = open_db(url, create=False, clock=ctx.clock, password=password)
    try:
        rows = _counts(db, list(source_counts))
        problems = [N_("msg", "表 {table}：数据文件 {a} 行，服务器 {b} 行").format(table=t, a=n, b=rows[t])
                    for t, n in source_counts.items() if rows[t] != n]
        audit = verify_chain(db, path=url)
        problems += [N_("msg", "审计记录：{p}").format(p=p) for p in audit["problems"]]
    finally:
        db.close()
    return {"rows": rows, "problems": problems,
            "audit": {"ok": audit["ok"], "checked": audit["checked"], "length": audit["length"], "key": audit["key"]}}
