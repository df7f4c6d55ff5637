"""PostgreSQL's own backup programs (``pg_dump``, ``pg_restore``) for the 网络版's backups.

* ``find_tool`` looks on PATH, in ``/usr/lib/postgresql/*/bin`` (Debian, Ubuntu), ``/usr/pgsql-*/bin`` and
  ``C:\\Program Files\\PostgreSQL\\*\\bin`` (the Windows installer), and in ``YIYANG_PG_BIN`` when set; it takes
  the newest, and refuses with a Chinese message when there is none or it is older than the server (``pg_dump``
  cannot dump a newer server).
* The password never appears on a command line (the process list shows it): the connection string is passed
  without it, and the password through ``PGPASSWORD`` in the child's environment only. ``-w``: never prompt.
* ``read_tables`` reads tables of a custom-format dump as rows (``pg_restore --data-only -t … -f -``, COPY text).
"""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..domain.text import QT_TRANSLATE_NOOP as N_
from .pg_open import without_password
from .preflight import StoreError

SEARCH = ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql@*/bin",
          r"C:\Program Files\PostgreSQL\*\bin"]
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")


class ToolMissing(StoreError):
    """No usable pg_dump / pg_restore on this computer (the message says what to install)."""


def _exe(name: str) -> str:
    return name + ".exe" if sys.platform == "win32" else name


def _no_window() -> dict:
    return {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)} if sys.platform == "win32" else {}


def candidates(name: str) -> list[Path]:
    found: list[Path] = []
    extra = os.environ.get("YIYANG_PG_BIN")
    if extra:
        found.append(Path(extra) / _exe(name))
    on_path = shutil.which(name)
    if on_path:
        found.append(Path(on_path))
    for pattern in SEARCH:
        found += [Path(p) for p in glob.glob(str(Path(pattern) / _exe(name)))]
    seen, out = set(), []
    for p in found:
        if p.is_file() and str(p) not in seen:
            seen.add(str(p))
            out.append(p)
    return out


def tool_version(path: Path) -> int | None:
    """The major version of a PostgreSQL program (``pg_dump (PostgreSQL) 15.8`` → 15)."""
    try:
        out = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=20,
                             **_no_window()).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    m = _VERSION.search(out or "")
    return int(m.group(1)) if m else None


def server_major(db) -> int:
    return int(db.raw.execute("SHOW server_version_num").fetchone()[0]) // 10000


MISSING = N_("msg", "这台电脑上找不到 PostgreSQL 的 {tool} 程序，网络版的备份和恢复要用它。请安装 PostgreSQL {major} "
                    "或更新版本的命令行工具（Windows：PostgreSQL 安装程序中勾选“Command Line Tools”；Linux：apt install "
                    "postgresql-client），或设置环境变量 YIYANG_PG_BIN 为它所在的文件夹。")
TOO_OLD = N_("msg", "这台电脑上的 {tool}（{path}）是 PostgreSQL {have} 版的，比服务器（PostgreSQL {major}）旧，无法使用。"
                    "请安装 PostgreSQL {major} 或更新版本的命令行工具，或设置环境变量 YIYANG_PG_BIN 为它所在的文件夹。")


def find_tool(name: str, major: int) -> Path:
    """The newest ``name`` (pg_dump, pg_restore) on this computer, at least of the server's major version."""
    best: tuple[int, Path] | None = None
    for p in candidates(name):
        v = tool_version(p)
        if v is not None and (best is None or v > best[0]):
            best = (v, p)
    if best is None:
        raise ToolMissing(MISSING.format(tool=name, major=major))
    if best[0] < major:
        raise ToolMissing(TOO_OLD.format(tool=name, path=best[1], have=best[0], major=major))
    return best[1]


def environment(url: str, password: str | None) -> tuple[str, dict]:
    """(the connection string without its password, the child's environment with the password in PGPASSWORD)."""
    env = dict(os.environ)
    pw = password if password is not None else unquote(urlsplit(url).password or "") or None
    if pw is not None:
        env["PGPASSWORD"] = pw
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return without_password(url), env


def run(cmd: list, env: dict | None = None, timeout: int = 6 * 3600) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, env=env, timeout=timeout, **_no_window())


def error_text(proc: subprocess.CompletedProcess) -> str:
    text = (proc.stderr or b"").decode("utf-8", "replace").strip()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return "；".join(lines[-3:]) if lines else f"exit {proc.returncode}"


def dump(tool: Path, url: str, password: str | None, target: Path) -> None:
    conn, env = environment(url, password)
    proc = run([tool, "--format=custom", "--no-password", f"--file={target}", f"--dbname={conn}"], env)
    if proc.returncode != 0:
        raise StoreError(N_("msg", "pg_dump 备份失败：{err}").format(err=error_text(proc)))


def restore(tool: Path, url: str, password: str | None, source: Path, role: str) -> None:
    """Into an empty database, in one transaction (a failure leaves nothing), as ``role``, owning what it makes."""
    conn, env = environment(url, password)
    proc = run([tool, "--no-owner", "--no-privileges", f"--role={role}", "--exit-on-error", "--single-transaction",
                "--no-password", f"--dbname={conn}", source], env)
    if proc.returncode != 0:
        raise StoreError(N_("msg", "pg_restore 恢复失败：{err}").format(err=error_text(proc)))


def table_of_contents(tool: Path, source: Path) -> str:
    proc = run([tool, "--list", source], timeout=600)
    if proc.returncode != 0:
        raise StoreError(error_text(proc))
    return proc.stdout.decode("utf-8", "replace")


def read_tables(tool: Path, source: Path, tables: list[str]) -> dict[str, list[dict]]:
    """Rows of ``tables`` in a custom-format dump (COPY text decoded; values as text or None)."""
    cmd = [tool, "--data-only", "--file=-"] + [f"--table={t}" for t in tables] + [source]
    proc = run(cmd, timeout=3600)
    if proc.returncode != 0:
        raise StoreError(error_text(proc))
    return parse_copy(proc.stdout.decode("utf-8"))


_COPY = re.compile(r'^COPY\s+(?:"?\w+"?\.)?"?(\w+)"?\s*\(([^)]*)\)\s+FROM\s+stdin;\s*$')
_ESC = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def _field(text: str) -> str | None:
    if text == r"\N":
        return None
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt in _ESC:
                out.append(_ESC[nxt])
                i += 2
                continue
            m = re.match(r"[0-7]{1,3}", text[i + 1:])
            if m:
                out.append(chr(int(m.group(0), 8)))
                i += 1 + len(m.group(0))
                continue
            out.append(nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def parse_copy(sql: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    lines = iter(sql.split("\n"))
    for line in lines:
        m = _COPY.match(line)
        if not m:
            continue
        cols = [c.strip().strip('"') for c in m.group(2).split(",")]
        rows = out.setdefault(m.group(1), [])
        for data in lines:
            if data == "\\.":
                break
            rows.append(dict(zip(cols, (_field(f) for f in data.split("\t")))))
    return out
