"""The audit trail's engine-specific parts on the 网络版 (PostgreSQL); ``store.audit_store`` and
``store.schema_accounts`` hand over to these when the database is a server one.

* One PL/pgSQL trigger function (``yy_audit``) writes the same entries the SQLite triggers write: who, when,
  action, table, row key, the whole row for an insert or delete and the changed columns for an update (secret
  columns never, the sign-in counters not on their own), as JSON text in column order.
* The acting user and the use case's time reach it as transaction-local settings (``yiyang.actor``,
  ``yiyang.at``), so several seats writing at once never see each other's actor.
* Sealing is serialised by a transaction-level advisory lock taken before the head is read: entries of
  concurrent transactions get their chain positions one transaction after the other, so the chain stays one
  unbroken chain with several writers. The lock is held only from the seal to the commit.
* The "schema counter" SQLite keeps (``PRAGMA schema_version``) is, here, a digest of the catalogue: the object
  ids and columns of our tables, triggers, constraints and the trigger function — dropping and re-creating a
  trigger gives it a new id, so the signed counter no longer matches.
"""
from __future__ import annotations

import hashlib

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .trigger_check import differences

SEAL_LOCK = 4_242_002  # pg_advisory_xact_lock key: one transaction seals at a time

FUNCTION = r"""
CREATE OR REPLACE FUNCTION yy_audit() RETURNS trigger LANGUAGE plpgsql AS $yy$
DECLARE
  pk text[] := string_to_array(TG_ARGV[0], ',');
  hidden text[] := string_to_array(TG_ARGV[1], ',');
  secret text[] := string_to_array(TG_ARGV[2], ',');
  actor text := COALESCE(NULLIF(current_setting('yiyang.actor', true), ''), 'system');
  stamp text := COALESCE(NULLIF(current_setting('yiyang.at', true), ''),
                         to_char(localtimestamp, 'YYYY-MM-DD HH24:MI:SS'));
  rec json;
  rkey text;
  o json;
  n json;
BEGIN
  IF TG_OP = 'DELETE' THEN rec := row_to_json(OLD); ELSE rec := row_to_json(NEW); END IF;
  SELECT string_agg(rec ->> c, ',' ORDER BY i) INTO rkey FROM unnest(pk) WITH ORDINALITY AS u(c, i);
  IF TG_OP = 'INSERT' THEN
    SELECT json_object_agg(e.key, e.value ORDER BY e.ord) INTO n
      FROM json_each(rec) WITH ORDINALITY AS e(key, value, ord) WHERE NOT (e.key = ANY (secret));
    INSERT INTO audit_log (at, "user", action, tbl, row_key, old, new)
      VALUES (stamp, actor, 'insert', TG_TABLE_NAME, rkey, NULL, n::text);
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT json_object_agg(a.key, a.value ORDER BY a.ord), json_object_agg(a.key, b.value ORDER BY a.ord)
      INTO o, n
      FROM json_each(row_to_json(OLD)) WITH ORDINALITY AS a(key, value, ord)
      JOIN json_each(rec) AS b(key, value) ON b.key = a.key
     WHERE NOT (a.key = ANY (hidden)) AND a.value::jsonb IS DISTINCT FROM b.value::jsonb;
    IF o IS NOT NULL THEN
      INSERT INTO audit_log (at, "user", action, tbl, row_key, old, new)
        VALUES (stamp, actor, 'update', TG_TABLE_NAME, rkey, o::text, n::text);
    END IF;
  ELSE
    SELECT json_object_agg(e.key, e.value ORDER BY e.ord) INTO o
      FROM json_each(rec) WITH ORDINALITY AS e(key, value, ord) WHERE NOT (e.key = ANY (secret));
    INSERT INTO audit_log (at, "user", action, tbl, row_key, old, new)
      VALUES (stamp, actor, 'delete', TG_TABLE_NAME, rkey, o::text, NULL);
  END IF;
  RETURN NULL;
END
$yy$"""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def audited_tables(db, unaudited: tuple[str, ...]) -> list[str]:
    return [t for t in db.table_names() if t not in unaudited]


def _columns(db, table: str) -> list[str]:
    return [r[0] for r in db.raw.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attnum > 0 AND NOT attisdropped "
        "ORDER BY attnum", [table]).fetchall()]


def _primary_key(db, table: str) -> list[str]:
    return [r[0] for r in db.raw.execute("""
        SELECT a.attname FROM pg_index i
        JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = to_regclass(%s) AND i.indisprimary ORDER BY k.ord""", [table]).fetchall()]


def trigger_args(db, table: str, quiet: dict[str, tuple[str, ...]], secret: tuple[str, ...]) -> tuple[str, str, str]:
    cols = _columns(db, table)
    pk = _primary_key(db, table) or cols[:1]
    hidden = [c for c in (*quiet.get(table, ()), *secret) if c in cols]
    return ",".join(pk), ",".join(hidden), ",".join(c for c in secret if c in cols)


def expected_triggers(db, unaudited, quiet, secret, prefix) -> dict[str, str]:
    """name → the trigger definition (as ``pg_get_triggerdef`` prints it) every audited table should carry."""
    out = {}
    for table in audited_tables(db, unaudited):
        args = trigger_args(db, table, quiet, secret)
        name = prefix + table
        out[name] = (f"CREATE TRIGGER {name} AFTER INSERT OR DELETE OR UPDATE ON public.{table} FOR EACH ROW "
                     f"EXECUTE FUNCTION yy_audit('{args[0]}', '{args[1]}', '{args[2]}')")
    return out


def drop_triggers(db, prefix: str) -> None:
    for name, table in db.raw.execute(
            "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND t.tgname LIKE %s", [prefix + "%"]).fetchall():
        db.raw.execute(f"DROP TRIGGER {_q(name)} ON {_q(table)}")


def install_triggers(db, unaudited, quiet, secret, prefix) -> None:
    db.raw.execute(FUNCTION)
    drop_triggers(db, prefix)
    for table in audited_tables(db, unaudited):
        pk, hidden, sec = trigger_args(db, table, quiet, secret)
        db.raw.execute(f"CREATE TRIGGER {_q(prefix + table)} AFTER INSERT OR UPDATE OR DELETE ON {_q(table)} "
                       f"FOR EACH ROW EXECUTE FUNCTION yy_audit('{pk}', '{hidden}', '{sec}')")


def _norm(text: str) -> str:
    return " ".join(text.replace('"', "").split())


def function_digest(db) -> str | None:
    row = db.raw.execute("SELECT prosrc FROM pg_proc WHERE proname = 'yy_audit'").fetchone()
    return hashlib.sha256(_norm(row[0]).encode()).hexdigest() if row else None


def trigger_problems(db, unaudited, quiet, secret, prefix) -> list[str]:
    if "audit_log" not in db.table_names():
        return []
    want = expected_triggers(db, unaudited, quiet, secret, prefix)
    have = dict(db.raw.execute(
        "SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE NOT t.tgisinternal").fetchall())
    problems = differences(want, have, _norm)
    body = FUNCTION.split("$yy$")[1]
    if function_digest(db) != hashlib.sha256(_norm(body).encode()).hexdigest():
        problems.append(N_("msg", "审计触发器函数 yy_audit 缺失或被改动"))
    guarded = tuple(t.lower() for t in unaudited)
    foreign = sorted(n for n, d in have.items() if n not in want and (
        n.startswith(prefix) or any(f" on public.{t} " in d.lower() for t in guarded)))
    if foreign:
        problems.append(N_("msg", "发现不属于本程序的审计相关触发器：{names}").format(names="、".join(foreign[:6])))
    return problems


def schema_cookie(db) -> int:
    """A number that changes whenever a table, column, trigger, constraint or the trigger function is created,
    altered or dropped (object ids included, so a dropped and re-created trigger changes it)."""
    row = db.raw.execute("""
        SELECT string_agg(x, ',' ORDER BY x) FROM (
          SELECT 'r' || c.oid || ':' || c.relname || ':' || (
                   SELECT string_agg(a.attnum || a.attname || a.atttypid, '.' ORDER BY a.attnum)
                   FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS x
            FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
          UNION ALL SELECT 't' || t.oid || ':' || t.tgname || ':' || t.tgenabled::text FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
          UNION ALL SELECT 'c' || oid || ':' || conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace
          UNION ALL SELECT 'p' || oid || ':' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
        ) s""").fetchone()
    return int(hashlib.sha256((row[0] or "").encode()).hexdigest()[:15], 16)


def set_actor(db, user: str, at: str) -> None:
    db.execute("SELECT set_config('yiyang.actor', ?, true), set_config('yiyang.at', ?, true)", [user, at])


def reset_actor(db) -> None:
    if db.conn.in_transaction:
        db.execute("SELECT set_config('yiyang.actor', '', true), set_config('yiyang.at', '', true)")


def get_actor(db) -> tuple[str, str | None]:
    user, at = db.execute("SELECT current_setting('yiyang.actor', true), current_setting('yiyang.at', true)").fetchone()
    return (user or "system"), (at or None)


def lock_head(db) -> None:
    db.execute("SELECT pg_advisory_xact_lock(?)", [SEAL_LOCK])


def has_column(db, table: str, column: str) -> bool:
    return column in _columns(db, table)
