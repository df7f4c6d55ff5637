"""``python -m yiyang_desktop.selftest`` (and the bundle's ``yiyang-desktop --self-test``): a headless smoke test.

In a temporary folder, offscreen, it checks the shipped files (instruments, policy profiles, templates, font,
translations), builds the demo institution, opens the main window and waits for it to paint, visits every page,
scores an assessment with the default instrument, and writes one Excel and one PDF form (the operating-subsidy
application for the year of the last whole month, as ``yiyang apply operating-subsidy`` does), re-reading both. It prints a JSON summary
on stdout and exits 0 when every step passed, 1 otherwise (the failing step and its error are in the summary).
Nothing is written outside the temporary folder (settings included).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from .clock import SYSTEM, FixedClock


class _Steps:
    """Runs named steps, timing them and keeping the first error; later steps are skipped after a failure."""

    def __init__(self) -> None:
        self.results: list[dict] = []
        self.failed = False

    def run(self, name: str, fn, *args):
        if self.failed:
            self.results.append({"step": name, "ok": False, "skipped": True})
            return None
        t = time.perf_counter()
        try:
            value = fn(*args)
        except Exception as e:  # noqa: BLE001 - any failure is the result being reported
            self.failed = True
            self.results.append({"step": name, "ok": False, "error": f"{type(e).__name__}: {e}",
                                 "traceback": traceback.format_exc(limit=6)})
            return None
        entry = {"step": name, "ok": True, "ms": round((time.perf_counter() - t) * 1000)}
        if isinstance(value, tuple):  # (what the caller needs, details for the summary)
            value, info = value
        else:
            info = value
        if isinstance(info, dict):
            entry.update(info)
        self.results.append(entry)
        return value


def check_assets() -> dict:
    from .assets import font_path, i18n_path, resource_path
    from .domain.assessment import list_instruments
    found = {
        "instruments": sorted(p.stem for p in resource_path("instruments").glob("*.json")),
        "policies": sorted(p.stem for p in resource_path("policies").glob("*.toml")),
        "templates": sorted(p.stem for p in resource_path("templates").glob("*.xlsx")),
        "translations": sorted(p.name for p in i18n_path().glob("*.qm")),
    }
    for kind, names in found.items():
        if not names:
            raise FileNotFoundError(f"程序自带的文件缺失：{kind}")
    if not font_path().is_file() or font_path().stat().st_size < 1_000_000:
        raise FileNotFoundError(f"字体文件缺失或不完整：{font_path()}")
    import psycopg  # the 网络版's driver, with libpq bundled (psycopg[binary]): a bundle without it cannot connect
    found["postgresql_driver"] = f"psycopg {psycopg.__version__}, libpq {psycopg.pq.version()} ({psycopg.pq.__impl__})"
    loaded = list_instruments()  # parses and validates every instrument file
    if len(loaded) != len(found["instruments"]):
        raise ValueError(f"只加载了 {len(loaded)} 个评估量表（共 {len(found['instruments'])} 个文件）")
    return found


def start_qt(tmp: Path):
    from PySide6.QtCore import QSettings, QTranslator
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "settings"))
    from .app import setup_application
    from .assets import i18n_path
    app = setup_application([sys.argv[0] if sys.argv else "yiyang-desktop"], "zh_CN")
    t = QTranslator()
    if not t.load(str(i18n_path("yiyang_en.qm"))):
        raise RuntimeError("英文界面翻译文件 yiyang_en.qm 无法加载")
    return app, {"platform": app.platformName(), "font_families": app.font().families()}


def build_demo_file(tmp: Path, today: dt.date):
    from .app import open_context
    path = tmp / "data" / "demo.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    ctx = open_context(path, True, FixedClock(today))
    _as_program(ctx)
    n = ctx.db.execute("SELECT COUNT(*) FROM residents").fetchone()[0]
    if n == 0:
        raise RuntimeError("演示数据中没有老人")
    return (ctx, path), {"residents": n}


def _as_program(ctx) -> None:
    """The self-test is the program acting for itself (like the demo builder): the system role, no login."""
    from .services import base
    if hasattr(base, "SYSTEM_ROLE") and not getattr(ctx, "role", None):
        ctx.user, ctx.role = "selftest", base.SYSTEM_ROLE


def open_window(app, ctx, path: Path, timeout: float = 20.0):
    from PySide6.QtCore import QEvent, QObject

    from .app import check_data_files
    from .ui.main_window import MainWindow

    problems = check_data_files()
    if problems:
        raise RuntimeError("；".join(problems))

    class PaintWatch(QObject):
        painted = False

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Paint:
                PaintWatch.painted = True
            return False

    window = MainWindow(ctx, path)
    watch = PaintWatch()
    window.installEventFilter(watch)
    window.show()
    _wait(app, lambda: PaintWatch.painted, timeout, "主窗口没有绘制")
    window.removeEventFilter(watch)
    pages = []
    for key in window.pages:
        window.show_page(key)
        app.processEvents()
        pages.append(key)
    image = window.grab()
    if image.isNull() or image.width() < 200:
        raise RuntimeError("主窗口截图为空")
    window.show_page("overview")
    return window, {"title": window.windowTitle(), "pages": pages, "size": [image.width(), image.height()]}


def _wait(app, cond, timeout: float, message: str) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError(message)
        app.processEvents()
        time.sleep(0.005)


def score_assessment() -> dict:
    from .domain.assessment import DEFAULT_INSTRUMENT_ID, load_instrument, score
    inst = load_instrument(DEFAULT_INSTRUMENT_ID)
    answers = {code: max(inst.item(code).allowed) for code in inst.item_codes}
    res = score(inst, answers)
    if res.final_grade is None or not res.final_grade_name:
        raise RuntimeError("评估没有得出等级")
    return {"instrument": inst.id, "total": res.total, "final_grade": res.final_grade,
            "final_grade_name": res.final_grade_name}


def write_forms(ctx, out: Path) -> dict:
    from .services import applications as A
    last = ctx.today().replace(day=1) - dt.timedelta(days=1)  # the last whole month (in January: last year's)
    months = list(range(1, last.month + 1))
    app = A.prepare(ctx, "operating-subsidy", year=last.year, months=months)
    files = A.write(ctx, app, out, allow_missing=True)
    xlsx = next(f for f in files if f.suffix == ".xlsx")
    pdf = next(f for f in files if f.suffix == ".pdf")
    from openpyxl import load_workbook
    wb = load_workbook(xlsx, read_only=True)
    sheets = wb.sheetnames
    wb.close()
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        raise RuntimeError(f"{pdf.name} 不是完整的 PDF 文件")
    from .ui.pdf_preview import PdfPreview  # the in-app preview (PDFium through pypdfium2) renders page 1
    preview = PdfPreview()
    preview.load(pdf)
    image = preview.rendered_image(1, 400)
    dark = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
               if image.pixelColor(x, y).lightness() < 128)
    preview.clear()
    preview.deleteLater()
    if image.isNull() or dark == 0:
        raise RuntimeError(f"{pdf.name} 的第 1 页无法显示")
    return {"files": [f.name for f in files], "xlsx_sheets": sheets, "pdf_bytes": len(data), "preview_dark_px": dark,
            "amount_fen": app.summary.get("amount_fen"), "roster_rows": len(app.form.tables.get("花名册", []))}


def run(report: Path | None = None, keep: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    steps = _Steps()
    window = ctx = path = None
    with tempfile.TemporaryDirectory(prefix="yiyang-selftest-") as tmp_name:
        tmp = Path(keep or tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        os.environ["YIYANG_DATA_DIR"] = str(tmp / "data")
        # the demo's audit key goes into the temporary folder, never the user's credential store or config folder
        os.environ["YIYANG_CONFIG_DIR"] = str(tmp / "config")
        os.environ["YIYANG_KEYRING"] = "file"
        steps.run("assets", check_assets)
        app = steps.run("qt", start_qt, tmp)
        demo = steps.run("demo", build_demo_file, tmp, SYSTEM.today())
        if demo:
            ctx, path = demo
        window = steps.run("main_window", open_window, app, ctx, path)
        steps.run("score", score_assessment)
        steps.run("forms", write_forms, ctx, tmp / "out")
        if window is not None:
            import shiboken6
            window.close()
            shiboken6.delete(window)
        if ctx is not None:
            ctx.db.close()
    from . import __version__
    summary = {"ok": not steps.failed, "version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
               "python": sys.version.split()[0], "seconds": round(time.perf_counter() - started, 2),
               "steps": steps.results}
    text = json.dumps(summary, ensure_ascii=False, indent=2, default=str)
    if report:
        Path(report).write_text(text, encoding="utf-8")
    if sys.stdout is not None:  # a windowed Windows build has no console
        print(text)
    return 0 if summary["ok"] else 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="yiyang-desktop --self-test", description="无界面自检：演示数据、主窗口、评估、申请表")
    p.add_argument("--report", type=Path, help="另把 JSON 结果写到此文件（Windows 无控制台时使用）")
    p.add_argument("--keep", type=Path, help="把演示数据和生成的表格留在此文件夹（默认用完即删）")
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    return run(args.report, args.keep)


if __name__ == "__main__":
    sys.exit(main())
