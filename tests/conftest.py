"""Every test runs headless, on its own temporary database, with settings kept out of the user's profile."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

# Headless, on a screen the size of a common office monitor (1366×768), so layouts are tested at that size.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen-1366x768.json')}"
_tmp_home = Path(tempfile.mkdtemp(prefix="yiyang-test-"))
os.environ["YIYANG_DATA_DIR"] = str(_tmp_home / "data")
# The audit keys: never the real credential store or the real config folder (one test fakes a keyring backend).
os.environ["YIYANG_CONFIG_DIR"] = str(_tmp_home / "config")
os.environ["YIYANG_KEYRING"] = "file"

import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))

from yiyang_desktop.services.base import Context  # noqa: E402
from yiyang_desktop.clock import FixedClock  # noqa: E402
from yiyang_desktop.store.db import open_db  # noqa: E402
from yiyang_desktop.services import accounts as _accounts  # noqa: E402

# Passwords at a test cost (the production N = 2^17 takes half a second and 128 MiB per check); the production
# constant is checked once in tests/test_passwords.py.
PRODUCTION_SCRYPT_N = _accounts.SCRYPT_N
_accounts.SCRYPT_N = 2 ** 10

TODAY = dt.date(2026, 11, 23)


# --- the engine under test ---------------------------------------------------------------------------------------
# YIYANG_TEST_ENGINE=postgresql runs every test that takes `ctx` or `demo_ctx` against a PostgreSQL server the
# suite starts itself (tests/pg_server.py: initdb in a temporary folder, a free loopback port): each test gets its
# own database, copied from a template made once (empty, or the demo). Tests of the SQLite data file itself (WAL,
# damaged files, file backups…) are marked `sqlite_only` and run in the SQLite pass. A missing server fails the
# run: nothing is skipped for that.
ENGINE = os.environ.get("YIYANG_TEST_ENGINE", "sqlite")
_pg = {"server": None, "n": 0}


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): tests the SQLite data file itself, not the services")


def pytest_collection_modifyitems(config, items):
    if ENGINE != "postgresql":
        return
    keep, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker("sqlite_only") else keep).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def pg_server():
    if _pg["server"] is None:
        from pg_server import PgServer
        _pg["server"] = PgServer().start()
    return _pg["server"]


def pytest_sessionfinish(session, exitstatus):
    if _pg["server"] is not None:
        _pg["server"].stop()


def new_pg_database(template: str | None = None) -> str:
    server = pg_server()
    _pg["n"] += 1
    return server.create_db(f"t{os.getpid()}_{_pg['n']}", template=template)


def db_location(db) -> str:
    """What ``--db`` takes for the store of ``db``: the data file's path, or the server database's URL."""
    if getattr(db, "engine", "") == "postgresql":
        return db.url
    from yiyang_desktop.store.db import db_file
    return str(db_file(db))


def _integrity_errors() -> tuple:
    import sqlite3
    import psycopg
    return (sqlite3.IntegrityError, psycopg.IntegrityError, psycopg.errors.RaiseException)


INTEGRITY_ERRORS = _integrity_errors()  # a row the store itself refuses (a trigger, a key, a constraint)


def refusal_text(e: BaseException) -> str:
    """What the user is told of a row the store refused: the SQLite trigger's message, or the server
    constraint's Chinese message (store.pg.translate_error)."""
    from yiyang_desktop.store.pg import translate_error
    meaning = translate_error(e)
    return meaning[1] if meaning else str(e)


def reopen(where):
    """The store's own kind of connection (``ctx.db``-like) to the same file or server database: ``where`` is a
    ``db_location()`` (take it in the thread that owns the first connection)."""
    from yiyang_desktop.store.pg_open import is_server
    if is_server(where):
        from yiyang_desktop.store.pg import connect as connect_server
        return connect_server(where)
    from yiyang_desktop.store.db import connect
    return connect(where)


def other_connection(db):
    """A second connection to the same store as ``db`` — a ``ctx.db``, or a data file's path — (another window or
    process): it sees committed data only. A plain DB-API connection (``execute(...).fetchone()``, ``close()``)."""
    import sqlite3
    if isinstance(db, (str, Path)):
        return sqlite3.connect(db)
    if getattr(db, "engine", "") == "postgresql":
        import psycopg
        return psycopg.connect(db.url, autocommit=True)
    from yiyang_desktop.store.db import db_file
    return sqlite3.connect(db_file(db))


@pytest.fixture
def credential_store(monkeypatch):
    """A credential store in memory, as Windows Credential Manager would be (keyring's backend for the test);
    yields its dict (service, user) → secret."""
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 5
        store: dict = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    monkeypatch.delenv("YIYANG_KEYRING")
    yield Memory.store
    keyring.set_keyring(previous)


@pytest.fixture
def pg():
    """The suite's PostgreSQL server (tests/pg_server.PgServer), started on first use in either engine pass: the
    网络版's own tests (migrate-to, server backups, several seats at once) use it whatever the engine under test."""
    return pg_server()


@pytest.fixture
def pg_url(pg) -> str:
    """A new, empty server database (no schema yet) owned by the app's role; its connection string."""
    return new_pg_database()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def empty_master(tmp_path_factory):
    """PostgreSQL: a database with the schema made once, the template of every test's empty database."""
    if ENGINE != "postgresql":
        return None
    url = new_pg_database()
    open_db(url).close()
    return url.rsplit("/", 1)[1]


@pytest.fixture
def ctx(db_path: Path, empty_master):
    """A fresh, empty institution (a file, or a server database); "today" is fixed at 2026-11-23; acting as an
    administrator."""
    if ENGINE == "postgresql":  # a copy of the empty template, with an identity of its own (a new file has one)
        import uuid
        url = new_pg_database(empty_master)
        pg_server().psql(f"UPDATE app_meta SET value = '{uuid.uuid4()}' WHERE key = 'file_id'", url.rsplit("/", 1)[1])
        db = open_db(url)
    else:
        db = open_db(db_path)
    yield Context(db, user="tester", role="管理员", clock=FixedClock(TODAY))
    db.close()


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory):
    from yiyang_desktop.services.demo import build_demo
    if ENGINE == "postgresql":
        url = new_pg_database()
        build_demo(url, end=TODAY)
        return url
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.db", end=TODAY)


@pytest.fixture
def demo_ctx(demo_master, tmp_path: Path):
    """A private copy of the demo institution (built once per session), safe to change."""
    if ENGINE == "postgresql":
        target = new_pg_database(template=str(demo_master).rsplit("/", 1)[1])
    else:
        target = tmp_path / "demo.db"
        shutil.copy(demo_master, target)
    db = open_db(target, create=False)
    yield Context(db, user="tester", role="管理员", clock=FixedClock(TODAY))
    db.close()


@pytest.fixture(scope="session")
def qapp():
    """The QApplication as the program makes it: bundled CJK font, Chinese; settings in a temp folder."""
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(_tmp_home / "settings"))
    from yiyang_desktop.app import setup_application
    app = setup_application(["pytest"], "zh_CN")
    yield app


@pytest.fixture
def data_folder(tmp_path, monkeypatch) -> Path:
    """The test's own data folder (YIYANG_DATA_DIR): backups go to <data>/backups, logs to <data>/logs."""
    folder = tmp_path / "data"
    monkeypatch.setenv("YIYANG_DATA_DIR", str(folder))
    return folder
