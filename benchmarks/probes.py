"""One measurement per fresh process: ``python benchmarks/probes.py NAME [options]`` (run.py starts these).

Each probe prints one JSON line last on stdout: its timings in seconds, ``maxrss_mb`` (ru_maxrss of this process)
and whatever the runner needs (row counts for the floors; ``{"available": false}`` when the feature it measures is
not in the code yet). Probes never change the big file except ``apply`` (one application record), which the runner
points at a copy.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import time
from pathlib import Path

T_IMPORTED = time.time()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 23)  # generate.py ends the history here
LIST_PAGES = ("residents", "beds", "assessments", "referrals", "audit")


def _done(result: dict) -> None:
    result["maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, ensure_ascii=False, default=str), flush=True)
    sys.stderr.flush()
    os._exit(0)  # measured; skip Qt/Python teardown (its order is not what is being measured)


def _ctx(path: Path):
    from yiyang_desktop.store.db import open_db
    return _as_program(open_db(path, create=False))


def _as_program(db_or_ctx):
    """A Context with the system role (the benchmark is the program acting for itself, as Context.system says)."""
    from yiyang_desktop.clock import FixedClock
    from yiyang_desktop.services import base
    ctx = db_or_ctx if isinstance(db_or_ctx, base.Context) else base.Context(db_or_ctx, clock=FixedClock(TODAY))
    ctx.user = "benchmark"
    if hasattr(base, "SYSTEM_ROLE"):
        ctx.role = base.SYSTEM_ROLE
    return ctx


def _wait_painted(app, widget, timeout: float = 60.0) -> float:
    """Block until ``widget`` has had a paint event and the paint pass it belongs to is over; returns time.time()."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    state = {"painted": False, "at": None}

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Paint and not state["painted"]:
                state["painted"] = True
                QTimer.singleShot(0, lambda: state.__setitem__("at", time.time()))  # after the whole paint pass
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    end = time.monotonic() + timeout
    while state["at"] is None:
        if time.monotonic() > end:
            raise TimeoutError(f"{type(widget).__name__} not painted in {timeout} s")
        app.processEvents()
    widget.removeEventFilter(watch)
    return state["at"]


def _main_window(path: Path):
    """The window as app.main() builds it for an existing file (same calls, same order)."""
    from yiyang_desktop.app import check_data_files, open_context, setup_application
    from yiyang_desktop.clock import FixedClock
    app = setup_application([sys.argv[0]], "zh_CN")
    from yiyang_desktop.ui.main_window import MainWindow
    ctx = _as_program(open_context(path, False, FixedClock(TODAY)))
    check_data_files()
    window = MainWindow(ctx, path)
    window.show()
    return app, window


def probe_bare(args) -> None:
    """Floor for the start: a bare PySide6 QMainWindow of the same size, painted."""
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([sys.argv[0]])
    w = QMainWindow()
    w.resize(1280, 760)
    w.show()
    painted = _wait_painted(app, w)
    _done({"seconds": painted - args.t0, "python_start": T_IMPORTED - args.t0})


def probe_start(args) -> None:
    """Process start → main window on the big file painted (the overview page is the first page shown)."""
    app, window = _main_window(args.db)
    painted = _wait_painted(app, window)
    _done({"seconds": painted - args.t0, "python_start": T_IMPORTED - args.t0,
           "heavy_loaded": sorted(m for m in ("openpyxl", "reportlab", "PIL") if m in sys.modules)})


def probe_pages(args) -> None:
    """First paint of each list page: window.show_page(name) → that page painted, in one started window."""
    app, window = _main_window(args.db)
    _wait_painted(app, window)
    out = {}
    for key in LIST_PAGES:
        if key not in window.pages:
            out[key] = None
            continue
        t = time.time()  # before the page is built: the main window builds (and imports) a page when first shown
        page = window.show_page(key)
        out[key] = _wait_painted(app, page) - t
    _done({"pages": out})


def _find(name: str):
    """The function ``name`` wherever the returns feature put it (services/returns.py, an exports module…)."""
    import importlib
    pkg = ROOT / "yiyang_desktop"
    for f in [pkg / "services" / "returns.py", *sorted((pkg / "exports").glob("*.py")), *sorted(pkg.glob("*/*.py"))]:
        try:
            text = f.read_text(encoding="utf-8")
        except OSError:
            continue
        if f"def {name}(" in text:
            mod = ".".join(f.relative_to(ROOT).with_suffix("").parts)
            return getattr(importlib.import_module(mod), name, None)
    return None


def probe_return(args) -> None:
    """The monthly return: figures only, or figures + Excel + PDF (``--files``)."""
    compute = _find("compute_return")
    write = _find("write_return_files") if args.files else None
    if compute is None or (args.files and write is None):
        return _done({"available": False})
    ctx = _ctx(args.db)
    from yiyang_desktop.services.institution import get_institution
    name = get_institution(ctx).get("name") or ""
    t = time.perf_counter()
    ret = compute(ctx, args.year, args.month)
    figures = time.perf_counter() - t
    files = []
    if write is not None:
        files = write(ret, args.out, name)
    _done({"available": True, "seconds": time.perf_counter() - t, "figures": figures,
           "files": [Path(f).name for f in files or []]})


def probe_apply(args) -> None:
    """The operating-subsidy application for a whole year with its roster (as ``yiyang apply`` does)."""
    from yiyang_desktop.services import applications as A
    ctx = _ctx(args.db)
    t = time.perf_counter()
    app = A.prepare(ctx, "operating-subsidy", year=args.year, months=list(range(1, 13)))
    prepared = time.perf_counter()
    files = A.write(ctx, app, args.out, allow_missing=True)
    done = time.perf_counter()
    if args.dump:  # the same cells for the floor (not timed)
        tables = {k: {"headers": list(rows[0]) if rows else [], "rows": [list(r.values()) for r in rows]}
                  for k, rows in app.form.tables.items()}
        args.dump.write_text(json.dumps({"values": app.form.values, "tables": tables}, ensure_ascii=False,
                                        default=str), encoding="utf-8")
    _done({"seconds": done - t, "prepare": prepared - t, "write": done - prepared,
           "rows": {k: len(v) for k, v in app.form.tables.items()}, "files": [f.name for f in files]})


def probe_apply_floor(args) -> None:
    """Floor: openpyxl writing the same cells and reportlab the same table rows (CJK font embedded), directly."""
    data = json.loads(args.dump.read_text(encoding="utf-8"))
    from yiyang_desktop.assets import font_path
    t = time.perf_counter()
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for k, v in data["values"].items():
        ws.append([k, v])
    for name, tab in data["tables"].items():
        ws = wb.create_sheet(name[:31])
        ws.append(tab["headers"])
        for row in tab["rows"]:
            ws.append(row)
    wb.save(args.out / "floor.xlsx")
    xlsx = time.perf_counter()
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
    pdfmetrics.registerFont(TTFont("CJK", str(font_path()), subfontIndex=0))
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), "CJK"),
                        ("FONTSIZE", (0, 0), (-1, -1), 8)])
    story = [Table([[str(k), str(v)] for k, v in data["values"].items()], style=style)]
    for tab in data["tables"].values():
        rows = [[("" if x is None else str(x)) for x in r] for r in tab["rows"]]
        for i in range(0, max(len(rows), 1), 40):  # page-sized pieces, as a careful direct writer would
            story.append(Table([tab["headers"]] + rows[i:i + 40], style=style, repeatRows=1))
    SimpleDocTemplate(str(args.out / "floor.pdf"), pagesize=landscape(A4)).build(story)
    done = time.perf_counter()
    _done({"seconds": done - t, "xlsx": xlsx - t, "pdf": done - xlsx})


def probe_import(args) -> None:
    """Importing the ledger workbook (beds + residents) into an empty file, as ``yiyang import`` does."""
    from yiyang_desktop.services.importer import import_workbook, import_book, read_workbook
    from yiyang_desktop.store.db import open_db
    ctx = _as_program(open_db(args.db))
    t = time.perf_counter()
    if args.split:  # where the time goes: reading vs checks + writes
        book = read_workbook(args.xlsx)
        read = time.perf_counter() - t
        result = import_book(ctx, book)
    else:
        read = None
        result = import_workbook(ctx, args.xlsx)
    seconds = time.perf_counter() - t
    if not result.ok:
        raise SystemExit(f"import refused: {result.report()[:2000]}")
    _done({"seconds": seconds, "read": read, "added": result.added})


def probe_import_floor(args) -> None:
    """Floor: openpyxl reading every cell of the same workbook (the same call the importer makes)."""
    t = time.perf_counter()
    from openpyxl import load_workbook
    wb = load_workbook(args.xlsx, data_only=True)
    cells = sum(len(r) for ws in wb.worksheets for r in ws.iter_rows(values_only=True))
    wb.close()
    _done({"seconds": time.perf_counter() - t, "cells": cells})


def probe_queries(args) -> None:
    """The queries behind the list pages (what each page's refresh asks of the services, no widgets), each run
    three times in a row on one connection: the median of the three, per page."""
    import statistics

    from yiyang_desktop.services import assessments as A
    from yiyang_desktop.services import audit
    from yiyang_desktop.services import referrals as F
    from yiyang_desktop.services import residents as R
    from yiyang_desktop.services.census import census
    ctx = _ctx(args.db)

    def assessments():
        levels = A.care_levels(ctx)
        return [A.care_level_of(ctx, r["instrument_id"], r["final_grade"], levels) for r in A.due_list(ctx)]

    def referrals():
        start = TODAY - dt.timedelta(days=92)
        F.returns_needing_reassessment(ctx)
        F.list_referrals(ctx, start, TODAY)
        return F.month_stats(ctx, start, TODAY, with_total=True)
    pages = {"residents": lambda: R.list_residents(ctx, ""), "residents_search": lambda: R.list_residents(ctx, "王"),
             "beds": lambda: census(ctx, TODAY), "assessments": assessments, "referrals": referrals,
             "audit": lambda: audit.query(ctx, limit=500)}
    out = {}
    for key, run in pages.items():
        times = []
        for _ in range(3):
            t = time.perf_counter()
            run()
            times.append(time.perf_counter() - t)
        out[key] = statistics.median(times)
    _done({"queries": out, "seconds": sum(out.values())})


def _location(value: str):
    """--db: a file, or a server database (``postgresql://…``, kept as written: a Path would fold its ``//``)."""
    return value if value.startswith("postgresql") else Path(value)


PROBES = {"queries": probe_queries, "bare": probe_bare, "start": probe_start, "pages": probe_pages, "return": probe_return,
          "apply": probe_apply, "apply_floor": probe_apply_floor, "import": probe_import,
          "import_floor": probe_import_floor}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("probe", choices=sorted(PROBES))
    p.add_argument("--t0", type=float, help="time.time() just before the runner started this process")
    p.add_argument("--db", type=_location)
    p.add_argument("--xlsx", type=Path)
    p.add_argument("--out", type=Path)
    p.add_argument("--dump", type=Path)
    p.add_argument("--year", type=int, default=2025)
    p.add_argument("--month", type=int, default=10)
    p.add_argument("--files", action="store_true")
    p.add_argument("--split", action="store_true")
    args = p.parse_args()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    PROBES[args.probe](args)


if __name__ == "__main__":
    main()
