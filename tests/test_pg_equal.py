"""单机版 and 网络版 give the same figures: the demo built with the same end date into a SQLite file and into a server
database, then the command line run as a user runs it (``python -m yiyang_desktop.cli``, signed in through
YIYANG_USER / YIYANG_PASSWORD) against each. Every JSON output must be identical, and so must the cells of the
Excel forms ``apply`` writes; only where the data lives may differ.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from yiyang_desktop.services.demo import build_demo
from yiyang_desktop.store.db import open_db

END = dt.date(2026, 11, 23)
D = END.isoformat()
COMMANDS = {
    "census today": ["census", "--date", D],
    "census last spring": ["census", "--date", "2025-03-31"],
    "return October": ["return", "--month", "2026-10", "--date", D],
    "return a year back": ["return", "--month", "2025-11", "--date", D],
    "ltc list": ["ltc", "--month", "2026-10"],
    "health due": ["health", "due", "--date", D],
    "health checks": ["health", "checks", "--year", "2026"],
    "check": ["check"],
    "construction subsidy": ["apply", "construction-subsidy", "--date", D, "--out", "{out}"],
    "operating subsidy 2025": ["apply", "operating-subsidy", "--year", "2025", "--date", D, "--out", "{out}"],
    "insurance designation": ["apply", "insurance-designation", "--date", D, "--out", "{out}"],
}
# The tables the demo fills, row for row; the users' password hashes (salted) and the audit trail (its own times
# and keys) by count only; of the file's notes (app_meta) those that are not its identity, key or creation time
# (the server keeps the schema version there too: SQLite keeps it in PRAGMA user_version).
COUNT_ONLY = {"users", "audit_log", "sqlite_sequence"}
SAME_META = ("app_id", "created_by_version", "is_demo", "demo_end")


def _cli(db: str, args: list[str], out: Path) -> dict:
    env = os.environ | {"YIYANG_USER": "admin", "YIYANG_PASSWORD": "demo", "YIYANG_KEYRING": "file",
                        "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "yiyang_desktop.cli", "--db", db,
                          *[a.format(out=out) for a in args]], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, f"{args} on {db}: {run.stderr}"
    return json.loads(run.stdout)


def _strip(data, where: str):
    """The output with the location of the data (a path or a server) and the output folder taken out."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return json.loads(text.replace(json.dumps(where)[1:-1], "<db>"))


def _cells(folder: Path) -> dict[str, list]:
    out = {}
    for book in sorted(folder.glob("*.xlsx")):
        wb = openpyxl.load_workbook(book)
        out[book.name] = [[ws.title, *[[c.value for c in row] for row in ws.iter_rows()]] for ws in wb.worksheets]
    return out


def _tables(db) -> dict[str, list]:
    out = {}
    for t in sorted(db.table_names()):
        cols = [r[0] for r in db.execute(f'SELECT * FROM "{t}" LIMIT 0').description]
        rows = [tuple(r) for r in db.execute(f'SELECT * FROM "{t}" ORDER BY "{cols[0]}"').fetchall()]
        out[t] = len(rows) if t in COUNT_ONLY else rows
    out["app_meta"] = [r for r in out["app_meta"] if r[0] in SAME_META]
    return out


def test_the_demo_and_every_read_command_give_the_same_figures_on_both_engines(tmp_path, pg_url):
    path = build_demo(tmp_path / "demo.db", end=END)
    build_demo(pg_url, end=END)
    s, p = open_db(path, create=False), open_db(pg_url, create=False)
    try:
        lite, server = _tables(s), _tables(p)
    finally:
        s.close()
        p.close()
    lite.pop("sqlite_sequence", None)
    assert lite.keys() == server.keys()
    assert {t: lite[t] for t in lite if lite[t] != server[t]} == {}, "the demo differs between the engines"
    differ = {}
    for name, args in COMMANDS.items():
        folders = {e: tmp_path / e / name.replace(" ", "_") for e in ("sqlite", "pg")}
        a = _strip(_cli(str(path), args, folders["sqlite"]), str(path))
        b = _strip(_cli(pg_url, args, folders["pg"]), pg_url)
        a, b = _strip(a, str(folders["sqlite"])), _strip(b, str(folders["pg"]))
        if a != b:
            differ[name] = (a, b)
        if "{out}" in args:
            cells = _cells(folders["sqlite"])
            assert cells and cells == _cells(folders["pg"]), name
    assert differ == {}
