"""Run every benchmark as fresh processes, several times, against floors measured in the same run.

    python benchmarks/run.py [--runs 5] [--quick] [--out benchmarks/RESULTS.md] [--keep DIR]

Generates the large institution (benchmarks/generate.py: 1,000 beds, ten years) and the 5,000-resident import
workbook in a temporary folder — and, unless --quick, the same institution at 10× history for the growth check —
then runs each probe (benchmarks/probes.py) ``--runs`` times in turn, each in a new Python process, headless
(QT_QPA_PLATFORM=offscreen), and prints and writes a table of medians, floors, ratios and budgets. A measurement
whose feature is not in the code yet is reported as "not available". In RESULTS.md, everything below the line
``<!-- analysis -->`` is kept from the previous file (the hand-written explanation of the figures).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from report import Row, machine, render  # noqa: E402

RETURN_MONTH = (2026, 10)   # the last whole month of the generated history (it ends 2026-11-23)
APPLY_YEAR = 2025           # a whole year for the operating-subsidy application
MARK = "<!-- analysis -->"


class Runner:
    def __init__(self, tmp: Path, env: dict, verbose: bool):
        self.tmp, self.env, self.verbose = tmp, env, verbose
        self.samples: dict[str, list[dict]] = {}
        self.pg = None  # the PostgreSQL server of the 网络版 measurements (tests/pg_server.PgServer)

    def probe(self, key: str, name: str, *args: str, timed_from_start: bool = False) -> dict:
        cmd = [sys.executable, str(HERE / "probes.py"), name, *args]
        t0 = time.time()
        if timed_from_start:
            cmd += ["--t0", repr(t0)]
        proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=1200)
        lines = [x for x in proc.stdout.splitlines() if x.startswith("{")]
        if proc.returncode != 0 or not lines:
            result = {"error": _error_line(proc)}
        else:
            result = json.loads(lines[-1])
        result["wall"] = time.time() - t0
        self.samples.setdefault(key, []).append(result)
        if self.verbose:
            shown = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in result.items()
                     if k not in ("files", "heavy_loaded")}
            print(f"  {key:<14} {json.dumps(shown, ensure_ascii=False)}", flush=True)
        return result

    # ---- medians
    def values(self, key: str, field: str = "seconds", sub: str | None = None) -> list[float]:
        out = []
        for s in self.samples.get(key, []):
            v = s.get(field)
            if sub is not None:
                v = (v or {}).get(sub)
            if isinstance(v, (int, float)):
                out.append(float(v))
        return out

    def median(self, key: str, field: str = "seconds", sub: str | None = None) -> float | None:
        v = self.values(key, field, sub)
        return statistics.median(v) if v else None

    def available(self, key: str) -> bool:
        return any(s.get("available") for s in self.samples.get(key, []))

    def error(self, key: str) -> str | None:
        return next((s["error"] for s in self.samples.get(key, []) if "error" in s), None)

    def peak(self, keys) -> tuple[float | None, str | None]:
        best = (None, None)
        for k in keys:
            for s in self.samples.get(k, []):
                m = s.get("maxrss_mb")
                if isinstance(m, (int, float)) and (best[0] is None or m > best[0]):
                    best = (m, k)
        return best


def _error_line(proc: subprocess.CompletedProcess) -> str:
    """The line of stderr that says what went wrong (the exception), not Qt's warnings."""
    lines = [x for x in proc.stderr.strip().splitlines() if x.strip() and "propagateSizeHints" not in x]
    exc = [x for x in lines if not x.startswith(" ") and ("Error" in x or "Exception" in x or "exit" in x)]
    return ((exc or lines or [""])[-1] + f" (exit {proc.returncode})")[:300]


def generate(tmp: Path, quick: bool, env: dict, reuse: bool = False) -> dict:
    info = {}
    gen = [sys.executable, str(HERE / "generate.py")]
    jobs = [("big", gen + ["--out", str(tmp / "big.db"), "--import-xlsx", str(tmp / "import.xlsx")])]
    if not quick:
        jobs.append(("big10", gen + ["--out", str(tmp / "big10.db"), "--scale", "10"]))
    for key, cmd in jobs:
        if reuse and (tmp / f"{key}.db").exists() and (key != "big" or (tmp / "import.xlsx").exists()):
            print(f"reusing {tmp / key}.db", flush=True)
            continue
        t = time.time()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"generation failed: {' '.join(cmd)}\n{proc.stderr[-3000:]}")
        info[key] = [json.loads(x) for x in proc.stdout.splitlines() if x.startswith("{")]
        print(f"generated {key} in {time.time() - t:.1f} s: {info[key][-1]}", flush=True)
    return info


def run_all(r: Runner, runs: int, quick: bool) -> None:
    tmp = r.tmp
    big, big10, xlsx = tmp / "big.db", tmp / "big10.db", tmp / "import.xlsx"
    year, month = RETURN_MONTH
    ym = ["--year", str(year), "--month", str(month)]
    # As the program leaves a file it closed itself (the usual start): a clean-close record, so the full
    # integrity check of a big file runs after the window shows (store.db: open_db(check="auto")).
    subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[2]); "
                    "from yiyang_desktop.store.db import close_db, open_db; "
                    "close_db(open_db(sys.argv[1], create=False, check='auto'))", str(big), str(HERE.parent)],
                   check=True, env=r.env)
    for i in range(runs):
        print(f"run {i + 1}/{runs}", flush=True)
        r.probe("bare", "bare", timed_from_start=True)
        r.probe("start", "start", "--db", str(big), timed_from_start=True)
        r.probe("pages", "pages", "--db", str(big))
        ret = r.probe("return", "return", "--db", str(big), *ym)
        if ret.get("available"):
            r.probe("return_files", "return", "--db", str(big), *ym, "--files", "--out", str(tmp / "ret"))
            if not quick:
                r.probe("return10", "return", "--db", str(big10), *ym)
        copy = tmp / "apply.db"
        for suffix in ("", "-wal", "-shm"):  # a stale -wal beside a fresh copy would corrupt it
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
            if Path(f"{big}{suffix}").exists() and suffix != "-shm":
                shutil.copy(f"{big}{suffix}", f"{copy}{suffix}")
        dump = tmp / "apply.json"
        r.probe("apply", "apply", "--db", str(copy), "--year", str(APPLY_YEAR), "--out", str(tmp / "apply"),
                "--dump", str(dump))
        if dump.exists():
            r.probe("apply_floor", "apply_floor", "--dump", str(dump), "--out", str(tmp / "apply_floor"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp / 'import.db'}{suffix}").unlink(missing_ok=True)
        r.probe("import", "import", "--db", str(tmp / "import.db"), "--xlsx", str(xlsx))
        r.probe("import_floor", "import_floor", "--xlsx", str(xlsx))
        if r.pg is not None:
            run_pg(r, big, ym)


def start_pg(r: Runner) -> dict:
    """The 网络版's copy of the big file: a throw-away server (tests/pg_server.py) and the same generator run into
    a database on it (benchmarks/pg_load.py); returns what the loader printed."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from pg_server import PgServer
    r.pg = PgServer().start()
    url = r.pg.create_db("big")
    t = time.time()
    proc = subprocess.run([sys.executable, str(HERE / "pg_load.py"), "--url", url], env=r.env, capture_output=True,
                          text=True)
    if proc.returncode != 0:
        raise SystemExit(f"loading the server database failed:\n{proc.stderr[-3000:]}")
    info = json.loads(proc.stdout.splitlines()[-1])
    print(f"loaded big into the server in {time.time() - t:.1f} s: {info}", flush=True)
    return info


def run_pg(r: Runner, big: Path, ym: list[str]) -> None:
    """The same work on both engines, one after the other in this run: the list pages' queries, the monthly return
    figures and the year application (on a fresh copy of the database, as the file copy above)."""
    url = r.pg.url("big")
    r.probe("queries", "queries", "--db", str(big))
    r.probe("pg_queries", "queries", "--db", url)
    r.probe("pg_return", "return", "--db", url, *ym)
    r.pg.drop_db("apply")
    apply_url = r.pg.create_db("apply", template="big")
    r.probe("pg_apply", "apply", "--db", apply_url, "--year", str(APPLY_YEAR), "--out", str(r.tmp / "pg_apply"))


def rows(r: Runner, quick: bool) -> list[Row]:
    out: list[Row] = []
    na = "not available"
    m = r.median
    out.append(Row("Cold start → main window painted (1× file)", m("start"), m("bare"), "ratio", 1.5,
                   floor_name="bare QMainWindow painted", error=r.error("start")))
    pages = {}
    for s in r.samples.get("pages", []):
        for k, v in (s.get("pages") or {}).items():
            pages.setdefault(k, []).append(v)
    for key in ("residents", "beds", "assessments", "referrals", "audit"):
        vals = [v for v in pages.get(key, []) if isinstance(v, (int, float))]
        out.append(Row(f"List page “{key}” first paint", statistics.median(vals) if vals else None, None, "abs",
                       0.100, note=None if vals else na, error=r.error("pages")))
    y, mo = RETURN_MONTH
    avail = r.available("return")
    out.append(Row(f"Monthly return {y}-{mo:02d}, figures", m("return") if avail else None, None, "abs", 0.3,
                   note=None if avail else na, error=r.error("return")))
    avail_f = r.available("return_files")
    out.append(Row(f"Monthly return {y}-{mo:02d}, figures + Excel + PDF", m("return_files") if avail_f else None,
                   None, "abs", 1.5, note=None if avail_f else na, error=r.error("return_files")))
    if quick:
        out.append(Row("Monthly return at 10× history", None, None, "ratio", 1.5, note="skipped (--quick)"))
    else:
        out.append(Row("Monthly return figures at 10× history", m("return10") if avail else None,
                       m("return") if avail else None, "ratio", 1.5, floor_name="same at 1×",
                       note=None if avail else na, error=r.error("return10")))
    rows_ = (r.samples.get("apply") or [{}])[-1].get("rows") or {}
    out.append(Row(f"Operating-subsidy application {APPLY_YEAR}, {sum(rows_.values())} table rows (xlsx + pdf)",
                   m("apply"), m("apply_floor"), "ratio", 1.5, floor_name="openpyxl + reportlab, same rows",
                   error=r.error("apply") or r.error("apply_floor")))
    added = (r.samples.get("import") or [{}])[-1].get("added") or {}
    out.append(Row(f"Import from Excel ({', '.join(f'{v} {k}' for k, v in added.items()) or '5,000 residents'})",
                   m("import"), m("import_floor"), "ratio", 2.0, floor_name="openpyxl reading the file",
                   error=r.error("import") or r.error("import_floor")))
    if r.pg is not None or r.samples.get("pg_return"):
        out += pg_rows(r)
    peak, where = r.peak(["start", "pages", "return", "return_files", "return10", "apply", "import"])
    out.append(Row(f"Peak memory (ru_maxrss, worst: {where})", peak, None, "mb", 300))
    return out


PG_BUDGET = 2.0  # the 网络版 on a server over the network may take up to twice what the 单机版 takes


def pg_rows(r: Runner) -> list[Row]:
    """网络版 (PostgreSQL over loopback TCP) against 单机版 (the SQLite file), the same work in the same run."""
    out = []
    y, mo = RETURN_MONTH
    out.append(Row(f"网络版: monthly return {y}-{mo:02d}, figures", r.median("pg_return"), r.median("return"), "ratio",
                   PG_BUDGET, floor_name="same on SQLite", error=r.error("pg_return")))
    for key in ("residents", "residents_search", "beds", "assessments", "referrals", "audit"):
        out.append(Row(f"网络版: list page “{key}” queries", r.median("pg_queries", "queries", key),
                       r.median("queries", "queries", key), "ratio", PG_BUDGET, floor_name="same on SQLite",
                       error=r.error("pg_queries") or r.error("queries")))
    for part in ("prepare", "seconds"):
        label = "figures and roster" if part == "prepare" else "with xlsx + pdf"
        out.append(Row(f"网络版: operating-subsidy application {APPLY_YEAR}, {label}", r.median("pg_apply", part),
                       r.median("apply", part), "ratio", PG_BUDGET, floor_name="same on SQLite",
                       error=r.error("pg_apply")))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--quick", action="store_true", help="no 10× file (no growth check)")
    p.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    p.add_argument("--keep", type=Path, help="generate into this folder and keep it (default: a temporary one)")
    p.add_argument("--reuse", action="store_true", help="with --keep: use files generated by an earlier run")
    p.add_argument("-q", "--quiet", action="store_true", help="do not print every sample")
    p.add_argument("--no-pg", action="store_true", help="no 网络版 (PostgreSQL) measurements")
    args = p.parse_args(argv)
    started = time.time()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="yiyang-bench-") as tmp_name:
        tmp = args.keep or Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", YIYANG_DATA_DIR=str(tmp / "data"),
                   XDG_CONFIG_HOME=str(tmp / "config"), HOME=str(tmp / "home"), PYTHONDONTWRITEBYTECODE="1")
        gen = generate(tmp, args.quick, env, args.reuse and args.keep is not None)
        r = Runner(tmp, env, verbose=not args.quiet)
        try:
            if not args.no_pg:
                gen["pg"] = [start_pg(r)]
            run_all(r, args.runs, args.quick)
        finally:
            if r.pg is not None:
                r.pg.stop()
        table = rows(r, args.quick)
        sizes = {f.name: f"{f.stat().st_size / 2**20:,.0f} MB" for f in sorted(tmp.glob("big*.db"))}
        sizes |= {f.name: f"{f.stat().st_size / 2**20:.1f} MB" for f in tmp.glob("import.xlsx")}
    info = machine() | {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                        "runs": args.runs, "quick": args.quick, "minutes": round((time.time() - started) / 60, 1),
                        "load": f"{load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after",
                        "generated": {k: v[-1] for k, v in gen.items()},
                        "reused": args.reuse and args.keep is not None, "sizes": sizes}
    text = render(info, table, r.samples)
    print(text)
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    tail = old[old.index(MARK):] if MARK in old else f"{MARK}\n"
    args.out.write_text(text + "\n" + tail, encoding="utf-8")
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
