"""Attack run: many bad files thrown at the program's entry points, counted.

    python benchmarks/attack.py [--scale N] [--seed S] [--json out.json]

Kinds of attack (each on a fresh copy; the originals are compared afterwards):
  truncated      a data file cut short at many offsets (inside the header, inside a page, at page bounds)
  byte-flips     a data file with 1–64 random bytes changed
  foreign-wal    a -wal from another data file (another institution, or another version of the same file) put
                 beside an intact file, as a "restore by hand" leaves it
  own-wal        the -wal of the file's own session that died (must be replayed: nothing of it may be lost)
  foreign-sqlite other programs' SQLite files, empty databases, a 医养台账 header on garbage
  zip-bomb       workbooks that unpack to hundreds of MB or declare/pad billions of cells
  bad-workbook   a good import workbook with random bytes changed, cut short, or with error/formula cells
  bad-policy     policy files: random bytes, GBK, cut short, deeply nested, not a table

Each try ends in one of: ``refused`` (a StoreError/ServiceError/ValidationError with a Chinese message, or the
import's problem list), ``ok`` (opened/imported and sound), ``crash`` (any other exception: a traceback the user
would see) or ``loss`` (an intact file or committed data changed or lost). The normal test suite runs a small
bounded sample (tests/test_attack.py); this script runs the full set.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from yiyang_desktop.clock import FixedClock  # noqa: E402
from yiyang_desktop.services.base import Context, ServiceError  # noqa: E402
from yiyang_desktop.store.db import StoreError, close_db, integrity_report, open_db  # noqa: E402

TODAY = dt.date(2026, 11, 23)
REFUSALS = (StoreError, ServiceError)


def _settings(ctx: Context, tag: str, n: int) -> None:
    from yiyang_desktop.services.settings import set_setting
    for i in range(n):
        set_setting(ctx, f"{tag}{i}", tag * 150)


def make_file(path: Path, name: str, rows: int) -> Path:
    from yiyang_desktop.services.institution import save_institution
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_db(path, clock=FixedClock(TODAY))
    ctx = Context.system(db, clock=FixedClock(TODAY))
    save_institution(ctx, {"name": name})
    _settings(ctx, name[:1], rows)
    close_db(db)
    return path


def crash_session(path: Path, tag: str, rows: int) -> Path:
    """A session that wrote ``rows`` settings and died before checkpointing: returns its -wal."""
    code = ("import os, sys\nsys.path.insert(0, sys.argv[2])\nfrom yiyang_desktop.store.db import open_db\n"
            "from yiyang_desktop.services.base import Context\nfrom yiyang_desktop.services.settings import set_setting\n"
            "db = open_db(sys.argv[1])\ndb.execute('PRAGMA wal_autocheckpoint = 0')\nctx = Context.system(db)\n"
            f"for i in range({rows}):\n    set_setting(ctx, '{tag}' + str(i), '{tag}' * 400)\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path), str(ROOT)], check=True)
    return path.with_name(path.name + "-wal")


def counts(path: Path) -> tuple:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return (con.execute("SELECT count(*) FROM settings").fetchone()[0],
                con.execute("SELECT name FROM institution").fetchone()[0])
    finally:
        con.close()


class Tally:
    def __init__(self):
        self.by_kind: dict[str, Counter] = {}
        self.examples: list[str] = []

    def add(self, kind: str, outcome: str, detail: str = "") -> None:
        self.by_kind.setdefault(kind, Counter())[outcome] += 1
        if outcome in ("crash", "loss") and len(self.examples) < 20:
            self.examples.append(f"{kind}: {outcome}: {detail}")

    def totals(self) -> dict:
        total = Counter()
        for c in self.by_kind.values():
            total.update(c)
        return {"tried": sum(total.values()), "refused": total["refused"], "ok": total["ok"],
                "crashes": total["crash"], "losses": total["loss"],
                "by_kind": {k: dict(v) for k, v in self.by_kind.items()}, "examples": self.examples}


def open_and_check(path: Path) -> str:
    """What ``yiyang check`` does: open (with every check) and report. Returns ok/refused; raises on a crash."""
    try:
        db = open_db(path, create=False, clock=FixedClock(TODAY))
    except REFUSALS:
        return "refused"
    try:
        from yiyang_desktop.services.audit import verify_chain
        report = integrity_report(db)
        try:
            verify_chain(db)
        except (sqlite3.DatabaseError, UnicodeDecodeError):  # yiyang check reports it (cli.cmd_check)
            report["ok"] = False
    finally:
        db.close()
    return "ok" if report["ok"] else "refused"


def attack_files(work: Path, base: Path, rng: random.Random, tally: Tally, scale: int) -> None:
    data = base.read_bytes()
    size = len(data)
    cuts = sorted({1, 50, 99, 100, 101, 4095, 4096, 4097, size - 1, size - 100, size - 4096, size - 4097, size // 2}
                  | {rng.randrange(1, size) for _ in range(10 * scale)})
    for n, keep in enumerate(cuts):
        p = work / f"cut{n}.db"
        p.write_bytes(data[:keep])
        _try(tally, "truncated", lambda: open_and_check(p), p, lambda: os.listdir(work) and None)
    for n in range(20 * scale):
        p = work / f"flip{n}.db"
        b = bytearray(data)
        for _ in range(rng.randint(1, 64)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        p.write_bytes(bytes(b))
        _try(tally, "byte-flips", lambda: open_and_check(p), p)
    for n, blob in enumerate(_foreign_sqlite(work)):
        _try(tally, "foreign-sqlite", lambda: open_and_check(blob), blob)


def _foreign_sqlite(work: Path) -> list[Path]:
    out = []
    p = work / "other-app.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO notes (text) VALUES ('x')")
    con.commit()
    con.close()
    out.append(p)
    p = work / "wrong-app-id.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO app_meta VALUES ('app_id', 'other')")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    out.append(p)
    p = work / "header-on-garbage.db"
    p.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    out.append(p)
    p = work / "text.db"
    p.write_text("这不是数据库\n" * 100)
    out.append(p)
    p = work / "newer.db"
    shutil.copy(work.parent / "base" / "yiyang.db", p)
    con = sqlite3.connect(p)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    out.append(p)
    return out


def attack_wals(work: Path, tally: Tally, scale: int) -> None:
    """Foreign and own -wal files beside intact files; the intact file must keep every committed row."""
    for n in range(max(1, scale)):
        a = make_file(work / f"a{n}" / "yiyang.db", "甲县福寿养老院", 40 + n)
        b = make_file(work / f"b{n}" / "yiyang.db", "乙镇康宁护理院", 30)
        old = work / f"a{n}-old.db"
        shutil.copy(a, old)
        expected = counts(a)
        wal_b = crash_session(b, "B", 80 + 10 * n)
        # another institution's log beside A
        shutil.copy(wal_b, a.with_name("yiyang.db-wal"))
        _wal_case(tally, "foreign-wal", a, expected)
        # an older copy of A put back by hand over A, whose session died after writing more
        db = open_db(a)
        _settings(Context.system(db), "L", 30)
        close_db(db)
        crash_session(a, "C", 60)
        shutil.copy(old, a)
        _wal_case(tally, "foreign-wal", a, counts(old))
        # A's own session that died: replayed, nothing lost
        c = make_file(work / f"c{n}" / "yiyang.db", "丙家养老院", 20)
        before = counts(c)[0]
        crash_session(c, "D", 50)
        try:
            db = open_db(c, create=False)
            got = db.execute("SELECT count(*) FROM settings").fetchone()[0]
            db.close()
            tally.add("own-wal", "ok" if got == before + 50 else "loss", f"{got} rows, expected {before + 50}")
        except Exception as e:  # noqa: BLE001
            tally.add("own-wal", "crash" if not isinstance(e, REFUSALS) else "loss", repr(e))


def _wal_case(tally: Tally, kind: str, path: Path, expected: tuple) -> None:
    from yiyang_desktop.cli import main as cli_main
    try:
        import contextlib
        import io
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            rc = cli_main(["--db", str(path), "check"])
        after = counts(path)
        con = sqlite3.connect(path)
        try:
            integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
        if after != expected or integrity != "ok" or rc == 2:
            tally.add(kind, "loss", f"rc {rc}, {after} vs {expected}, {integrity}")
        else:
            tally.add(kind, "refused" if "不属于它" in err.getvalue() else "ok")
    except Exception as e:  # noqa: BLE001
        import traceback
        tally.add(kind, "crash", repr(e) + " " + traceback.format_exc(limit=-3).replace("\n", " | "))


def attack_workbooks(work: Path, ctx: Context, rng: random.Random, tally: Tally, scale: int) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    import factories
    from test_import import good_sheets
    from test_import_hardening import _replace_sheet, bomb_dimension, bomb_rows, bomb_zeros
    from yiyang_desktop.services import importer as I
    good = factories.write_book(work / "good.xlsx", good_sheets())
    before = ctx.db.execute("SELECT count(*) FROM beds").fetchone()[0]
    base = factories.write_book(work / "base.xlsx", {"床位": [["房间号"]]})
    for n, bomb in enumerate((bomb_rows, bomb_dimension, bomb_zeros)):
        path = _replace_sheet(base, work / f"bomb{n}.xlsx", bomb)
        _import_try(tally, "zip-bomb", ctx, I, path, before)
    data = good.read_bytes()
    for n in range(15 * scale):
        p = work / f"wb{n}.xlsx"
        b = bytearray(data)
        if n % 3 == 0:
            b = b[: rng.randrange(1, len(b))]
        else:
            for _ in range(rng.randint(1, 32)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        p.write_bytes(bytes(b))
        _import_try(tally, "bad-workbook", ctx, I, p, before)


def _import_try(tally, kind, ctx, I, path, before) -> None:
    started = time.monotonic()
    try:
        result = I.import_workbook(ctx, path, dry_run=True)
        outcome = "refused" if not result.ok else "ok"
    except REFUSALS:
        outcome = "refused"
    except Exception as e:  # noqa: BLE001
        tally.add(kind, "crash", f"{path.name}: {e!r}")
        return
    if ctx.db.execute("SELECT count(*) FROM beds").fetchone()[0] != before:
        tally.add(kind, "loss", f"{path.name}: rows written by a dry run")
        return
    if time.monotonic() - started > 20:
        tally.add(kind, "crash", f"{path.name}: took {time.monotonic() - started:.0f} s")
        return
    tally.add(kind, outcome)


def attack_policies(work: Path, rng: random.Random, tally: Tally, scale: int) -> None:
    from yiyang_desktop.services import policy as P
    shipped = sorted((ROOT / "resources" / "policies").glob("*.toml"))
    cases = [("gbk.toml", 'id = "x-1"\ntitle = "测试"\n'.encode("gbk")), ("deep.json", b"[" * 50000 + b"]" * 50000),
             ("deep.toml", b"x = " + b"[" * 50000 + b"]" * 50000), ("list.json", b"[1, 2]"), ("bin.toml", os.urandom(500))]
    for n in range(10 * scale):
        src = shipped[n % len(shipped)].read_bytes()
        b = bytearray(src)
        if n % 2:
            b = b[: rng.randrange(1, len(b))]
        else:
            for _ in range(rng.randint(1, 16)):
                b[rng.randrange(len(b))] = rng.randrange(32, 127)
        cases.append((f"p{n}.toml", bytes(b)))
    for name, blob in cases:
        p = work / name
        p.write_bytes(blob)
        try:
            problems = P.check_file(p)
            tally.add("bad-policy", "refused" if problems else "ok")
        except REFUSALS:
            tally.add("bad-policy", "refused")
        except Exception as e:  # noqa: BLE001
            tally.add("bad-policy", "crash", f"{name}: {e!r}")


def _try(tally: Tally, kind: str, fn, path: Path, *_):
    beside_before = sorted(x.name for x in path.parent.iterdir())
    try:
        outcome = fn()
    except Exception as e:  # noqa: BLE001
        tally.add(kind, "crash", f"{path.name}: {e!r}")
        return
    if outcome == "refused":
        extra = set(x.name for x in path.parent.iterdir()) - set(beside_before)
        if extra:
            tally.add(kind, "crash", f"{path.name}: refused but left {sorted(extra)}")
            return
    tally.add(kind, outcome)


def run(scale: int = 1, seed: int = 14) -> dict:
    rng = random.Random(seed)
    tally = Tally()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="yiyang-attack-") as tmp:
        tmp = Path(tmp)
        os.environ.setdefault("YIYANG_DATA_DIR", str(tmp / "data"))
        base = make_file(tmp / "base" / "yiyang.db", "基准养老院", 300)
        original = base.read_bytes()
        for sub in ("files", "wals", "books", "policies"):
            (tmp / sub).mkdir()
        attack_files(tmp / "files", base, rng, tally, scale)
        attack_wals(tmp / "wals", tally, scale)
        db = open_db(tmp / "books" / "target.db")
        ctx = Context(db, user="attack", role="管理员", clock=FixedClock(TODAY))
        attack_workbooks(tmp / "books", ctx, rng, tally, scale)
        db.close()
        attack_policies(tmp / "policies", rng, tally, scale)
        if base.read_bytes() != original:
            tally.add("originals", "loss", "the base file changed")
    out = tally.totals()
    out["seconds"] = round(time.monotonic() - started, 1)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scale", type=int, default=10, help="how many of each random kind (×10/×20/×15)")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--json", type=Path)
    args = p.parse_args()
    out = run(args.scale, args.seed)
    text = json.dumps(out, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    return 0 if not out["crashes"] and not out["losses"] else 1


if __name__ == "__main__":
    sys.exit(main())
