"""A throw-away PostgreSQL server for the tests and benchmarks of the 网络版.

``PgServer().start()`` runs ``initdb`` into a temporary folder and starts ``postgres`` on a free loopback port
(as the ``postgres`` system user when the tests run as root: the server refuses to run as root), with password
authentication over TCP. ``stop()`` stops it and removes the folder. Debian's ``postgresql`` package provides the
binaries (``scripts/test.sh`` installs it); nothing here is skipped when they are missing — the caller fails.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER, SUPERPASS = "postgres", "pg-test-super"
APPUSER, APPPASS = "yiyang", "yiyang-test-pass"


def pg_bindir() -> Path:
    """The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/N/bin), else PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError("PostgreSQL server programs (initdb, pg_ctl) not found: apt-get install postgresql")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self) -> None:
        self.bindir = pg_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="yiyang-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.started = False

    def _run(self, *args: str, **kw) -> subprocess.CompletedProcess:
        cmd = [str(a) for a in args]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        # The server runs on the real clock even when the suite runs under faketime: the program's dates come from
        # its own clock, and a faked clock breaks the server's timers (lock_timeout never fires).
        env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "FAKETIME")}
        return subprocess.run(cmd, check=True, capture_output=True, text=True, env=env, **kw)

    def start(self) -> "PgServer":
        if self.as_root:
            shutil.chown(self.root, "postgres")
        pwfile = self.root / "pw"
        pwfile.write_text(SUPERPASS + "\n")
        if self.as_root:
            shutil.chown(pwfile, "postgres")
        self._run(self.bindir / "initdb", "-D", self.data, "-U", SUPERUSER, "--pwfile", pwfile, "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256")
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._run(self.bindir / "pg_ctl", "-D", self.data, "-o", opts, "-l", self.root / "log", "-w", "start")
        self.started = True
        self.psql(f"CREATE ROLE {APPUSER} LOGIN PASSWORD '{APPPASS}' CREATEDB")
        return self

    def psql(self, sql: str, db: str = "postgres") -> str:
        return self._run(self.bindir / "psql", "-h", self.root, "-p", str(self.port), "-U", SUPERUSER, "-d", db,
                         "-v", "ON_ERROR_STOP=1", "-Atc", sql).stdout

    def url(self, db: str, user: str = APPUSER, password: str | None = APPPASS) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{db}"

    def create_db(self, name: str, template: str | None = None) -> str:
        """A new empty database owned by the app's role (``template``: a copy of that database); returns its URL."""
        tpl = f" TEMPLATE {template}" if template else ""
        self.psql(f"CREATE DATABASE {name} OWNER {APPUSER}{tpl}")
        return self.url(name)

    def drop_db(self, name: str) -> None:
        self.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        if self.started:
            try:
                self._run(self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
            except subprocess.CalledProcessError:
                pass
            self.started = False
        for _ in range(3):
            try:
                shutil.rmtree(self.root)
                return
            except OSError:
                time.sleep(0.2)
