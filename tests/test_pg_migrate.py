"""`yiyang migrate-to`: a SQLite data file copied into an empty PostgreSQL database, whole, or not at all.

These tests use the suite's own PostgreSQL server (`pg`, `pg_url`) in either engine pass; they fail, never skip,
when it cannot start. The source is the demo built into a temporary SQLite file in this process (the audit key
lives in this process's key store)."""
from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from conftest import TODAY
from yiyang_desktop.clock import FixedClock
from yiyang_desktop.services import accounts as A
from yiyang_desktop.services.base import Context, PermissionDenied, ServiceError
from yiyang_desktop.services.demo import DEMO_PASSWORD, DEMO_USER, build_demo
from yiyang_desktop.services.sign_in import login
from yiyang_desktop.store import pg_copy
from yiyang_desktop.store.db import open_db
from yiyang_desktop.store.pg import connect
from yiyang_desktop.store.pg_open import describe

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("migrate") / "demo.db", end=TODAY)


@pytest.fixture
def source(demo_file, tmp_path):
    """A private copy of the demo file, opened and signed in as its administrator."""
    path = tmp_path / "home.db"
    shutil.copy(demo_file, path)
    db = open_db(path, create=False)
    ctx = Context(db, clock=FixedClock(TODAY))
    login(ctx, DEMO_USER, DEMO_PASSWORD)
    yield ctx
    db.close()


def _objects(url: str) -> int:
    db = connect(url)
    try:
        return pg_copy.objects(db)
    finally:
        db.close()


def _rows(db, table: str, server: bool) -> list[tuple]:
    rows = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
            for r in db.execute(f'SELECT * FROM "{table}"').fetchall()]
    cols = [c[0] for c in db.execute(f'SELECT * FROM "{table}" LIMIT 0').description]
    return sorted((tuple(sorted(zip(cols, r))) for r in rows), key=repr)


def _tables(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def test_every_table_and_row_arrives_with_its_id_and_the_chain_verifies(source, pg_url):
    from yiyang_desktop.services.audit import verify_chain
    from yiyang_desktop.services.migrate_to import migrate_to
    result = migrate_to(source, pg_url)
    assert result["to"] == describe(pg_url) and result["audit"]["ok"]
    assert result["audit"]["checked"] == result["audit"]["length"] > 3000
    target = open_db(pg_url, create=False)
    try:
        tables = _tables(source.db.conn)
        assert sorted(target.table_names()) == tables and result["tables"] == len(tables)
        for t in tables:
            want, got = _rows(source.db, t, False), _rows(target, t, True)
            if t == "app_meta":  # the server keeps the data version here; the schema counter is its own
                mine = dict(r for row in want for r in [(dict(row)["key"], dict(row)["value"])])
                theirs = dict(r for row in got for r in [(dict(row)["key"], dict(row)["value"])])
                assert theirs.pop("schema_version") == str(source.db.execute("PRAGMA user_version").fetchone()[0])
                assert theirs.pop("audit_schema").split(":")[0] == mine.pop("audit_schema").split(":")[0]
                assert theirs == mine
                assert theirs["file_id"] and theirs["audit_head"]
                continue
            assert got == want, t
            assert result["rows"][t] == len(want)
        assert sum(result["rows"].values()) == result["total_rows"]
        report = verify_chain(target, path=pg_url)
        assert report["ok"], report["problems"]
        assert report["length"] == source.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    finally:
        target.close()


def test_the_server_goes_on_where_the_file_stopped(source, pg_url):
    """A write on the server after the migration: new ids follow the copied ones and the chain grows sealed."""
    from yiyang_desktop.services import partners as P
    from yiyang_desktop.services.audit import verify_chain
    from yiyang_desktop.services.migrate_to import migrate_to
    migrate_to(source, pg_url)
    last_partner = source.db.execute("SELECT max(id) FROM partners").fetchone()[0]
    last_entry = source.db.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    db = open_db(pg_url, create=False)
    try:
        ctx = Context(db, clock=FixedClock(TODAY))
        login(ctx, DEMO_USER, DEMO_PASSWORD)  # the accounts came along with their password hashes
        pid = P.create_partner(ctx, {"name": "迁移后新增的医院", "kind": "综合医院", "level": "三级"})
        assert pid == last_partner + 1
        newest = db.execute("SELECT id, action, tbl, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        assert newest[0] > last_entry and newest[2] == "partners" and newest[3]
        report = verify_chain(db, path=pg_url)
        assert report["ok"], report["problems"]
        assert report["checked"] == report["length"] > last_entry
    finally:
        db.close()


def test_a_database_that_is_not_empty_is_refused_untouched(source, pg, pg_url):
    from yiyang_desktop.services.migrate_to import migrate_to
    name = pg_url.rsplit("/", 1)[1]
    pg.psql("CREATE TABLE notes (a int); INSERT INTO notes VALUES (7)", name)
    with pytest.raises(ServiceError) as e:
        migrate_to(source, pg_url)
    assert describe(pg_url) in str(e.value) and "不是空的" in str(e.value)
    assert "yiyang-test-pass" not in str(e.value)
    assert pg.psql("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'", name).strip() == "notes"
    assert pg.psql("SELECT a FROM notes", name).strip() == "7"


def test_a_database_of_this_program_is_refused_too(source, pg_url):
    from yiyang_desktop.services.migrate_to import migrate_to
    open_db(pg_url).close()
    before = _objects(pg_url)
    with pytest.raises(ServiceError, match="不是空的"):
        migrate_to(source, pg_url)
    assert _objects(pg_url) == before


def test_a_failure_after_every_table_was_copied_leaves_the_target_empty(source, pg_url, monkeypatch):
    from yiyang_desktop.services.migrate_to import migrate_to

    def broken(db):
        raise RuntimeError("simulated failure")
    monkeypatch.setattr(pg_copy, "reset_sequences", broken)
    with pytest.raises(RuntimeError):
        migrate_to(source, pg_url)
    assert _objects(pg_url) == 0


def test_a_row_the_server_refuses_midway_leaves_the_target_empty(source, pg_url, monkeypatch):
    """One table's rows are refused by the server (here: text where a number belongs): a Chinese message naming
    the table, and nothing kept — not the tables already copied, not the schema."""
    from yiyang_desktop.services.migrate_to import migrate_to
    real = pg_copy.source_rows

    def spoiled(src, table, columns):
        for row in real(src, table, columns):
            if table == "visits":
                row = tuple("不是数字" if c == "partner_id" else v for c, v in zip(columns, row))
            yield row
    monkeypatch.setattr(pg_copy, "source_rows", spoiled)
    with pytest.raises(ServiceError) as e:
        migrate_to(source, pg_url)
    assert "visits" in str(e.value) and "保持为空" in str(e.value)
    assert _objects(pg_url) == 0


def test_a_check_that_fails_after_the_copy_empties_the_target_again(source, pg_url, monkeypatch):
    from yiyang_desktop.services import audit
    from yiyang_desktop.services.migrate_to import migrate_to
    real = audit.verify_chain

    def failing(db, **kw):
        return real(db, **kw) | {"ok": False, "problems": ["模拟的问题"]}
    monkeypatch.setattr(audit, "verify_chain", failing)
    with pytest.raises(ServiceError, match="模拟的问题"):
        migrate_to(source, pg_url)
    assert _objects(pg_url) == 0
    open_db(pg_url).close()  # emptied as a new database is: the program can set it up again


def test_only_an_administrator_may_migrate(source, pg_url):
    from yiyang_desktop.services.migrate_to import migrate_to
    A.create_user(source, "clerk", "Clerk-pass-1", "登记员")
    clerk = Context(source.db, clock=FixedClock(TODAY))
    login(clerk, "clerk", "Clerk-pass-1")
    with pytest.raises(PermissionDenied):
        migrate_to(clerk, pg_url)
    assert _objects(pg_url) == 0


def test_the_data_file_is_only_read(source, pg_url):
    from yiyang_desktop.services.migrate_to import migrate_to
    path = source.db.execute("PRAGMA database_list").fetchone()[2]

    def digest():
        h = hashlib.sha256()
        for suffix in ("", "-wal"):
            try:
                with open(path + suffix, "rb") as f:
                    h.update(f.read())
            except FileNotFoundError:
                h.update(b"-")
        return h.hexdigest()
    before = digest()
    migrate_to(source, pg_url)
    assert digest() == before


def test_the_command_line(demo_file, tmp_path, pg_url, monkeypatch, capsys):
    from yiyang_desktop.cli import main
    path = tmp_path / "home.db"
    shutil.copy(demo_file, path)
    monkeypatch.setenv("YIYANG_USER", DEMO_USER)
    monkeypatch.setenv("YIYANG_PASSWORD", DEMO_PASSWORD)
    assert main(["--db", str(path), "migrate-to", pg_url]) == 0
    out = capsys.readouterr()
    result = json.loads(out.out)
    assert result["audit"]["ok"] and result["rows"]["residents"] > 100
    assert "yiyang-test-pass" not in out.out + out.err
    assert main(["--db", pg_url, "check"]) == 0
    assert json.loads(capsys.readouterr().out)["audit"]["ok"]
    assert main(["--db", str(path), "migrate-to", pg_url]) == 2  # now it is not empty
    assert "不是空的" in capsys.readouterr().err
