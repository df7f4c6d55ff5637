"""The 网络版's store guards itself as the data file does: a foreign or newer database is refused untouched, the
invariants are the server's own exclusion constraints, a missing audit trigger or constraint is found by the
open and by ``yiyang check``, and nothing is written while the audit trail is not intact. These use the suite's
PostgreSQL server in every pass (fixtures ``pg``/``pg_url``); a server that cannot start fails them."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services.base import Context, ServiceError
from yiyang_desktop.services.beds import create_bed
from yiyang_desktop.store.db import StoreError, integrity_report, open_db, schema_version
from yiyang_desktop.store.pg_open import describe, server_guard_problems
from yiyang_desktop.store.schema import SCHEMA_VERSION

from conftest import TODAY


def _name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _check(url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", url, "check"], capture_output=True,
                          text=True, encoding="utf-8", env=os.environ | {"YIYANG_KEYRING": "file"})


def test_a_new_database_gets_the_schema_the_guards_and_the_same_version(pg_url):
    db = open_db(pg_url)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert server_guard_problems(db) == []
        assert db.trigger_problems == []
        assert integrity_report(db)["ok"]
    finally:
        db.close()
    run = _check(pg_url)
    assert run.returncode == 0, run.stdout + run.stderr
    assert json.loads(run.stdout)["ok"]


def test_a_foreign_database_is_refused_untouched(pg, pg_url):
    pg.psql("CREATE TABLE orders (id int); INSERT INTO orders VALUES (1)", _name(pg_url))
    with pytest.raises(StoreError, match="其他程序") as err:
        open_db(pg_url)
    assert "yiyang-test-pass" not in str(err.value) and describe(pg_url) in str(err.value)  # no password shown
    tables = pg.psql("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'", _name(pg_url))
    assert tables.strip() == "orders"


def test_a_newer_database_is_refused_untouched(pg, pg_url):
    open_db(pg_url).close()
    pg.psql(f"UPDATE app_meta SET value = '{SCHEMA_VERSION + 1}' WHERE key = 'schema_version'", _name(pg_url))
    with pytest.raises(StoreError, match="更新版本"):
        open_db(pg_url)
    assert pg.psql("SELECT value FROM app_meta WHERE key = 'schema_version'", _name(pg_url)).strip() == \
        str(SCHEMA_VERSION + 1)


def test_a_dropped_exclusion_constraint_is_reported_by_check(pg, pg_url):
    open_db(pg_url).close()
    pg.psql("ALTER TABLE bed_assignments DROP CONSTRAINT bed_assignments_bed_id_no_overlap", _name(pg_url))
    run = _check(pg_url)
    report = json.loads(run.stdout)
    assert run.returncode == 1 and not report["ok"]
    assert any("bed_assignments_bed_id_no_overlap" in p for p in report["integrity"])


def test_a_dropped_audit_trigger_is_found_at_open_and_nothing_is_written(pg, pg_url):
    db = open_db(pg_url)
    triggers = pg.psql("SELECT tgname FROM pg_trigger WHERE tgrelid = 'beds'::regclass AND NOT tgisinternal",
                       _name(pg_url)).split()
    assert triggers, "the beds table has its audit trigger"
    db.close()
    pg.psql(f"DROP TRIGGER {triggers[0]} ON beds", _name(pg_url))
    db = open_db(pg_url)
    try:
        assert db.trigger_problems
        ctx = Context(db, user="tester", role="管理员", clock=FixedClock(TODAY))
        with pytest.raises(ServiceError):
            create_bed(ctx, {"building": "1号楼", "room": "101", "bed_no": "1", "bed_type": "养老床位",
                             "service_start": "2026-01-01"})
        assert db.execute("SELECT COUNT(*) FROM beds").fetchone()[0] == 0
    finally:
        db.close()


def test_the_command_line_takes_the_server_password_from_pgpassword_and_says_so_when_missing(pg, pg_url):
    from pg_server import APPPASS
    open_db(pg_url).close()
    bare = pg.url(_name(pg_url), password=None)  # no password in the connection string
    env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"} | {"YIYANG_KEYRING": "file"}
    run = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", bare, "check"], capture_output=True,
                         text=True, encoding="utf-8", env=env, stdin=subprocess.DEVNULL)
    assert run.returncode != 0 and "PGPASSWORD" in run.stderr and "Traceback" not in run.stderr, run.stderr
    run = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", bare, "check"], capture_output=True,
                         text=True, encoding="utf-8", env=env | {"PGPASSWORD": APPPASS}, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stdout + run.stderr
    assert APPPASS not in run.stdout + run.stderr
