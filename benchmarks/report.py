"""The benchmark table: rows with budgets, the machine description, and the Markdown that run.py prints/writes."""
from __future__ import annotations

import os
import platform
import statistics
import subprocess
from dataclasses import dataclass
from importlib import metadata


@dataclass
class Row:
    name: str
    median: float | None
    floor: float | None
    kind: str                  # "ratio": median/floor ≤ budget; "abs": seconds ≤ budget; "mb": megabytes ≤ budget
    budget: float
    floor_name: str | None = None
    note: str | None = None    # e.g. "not available" when the feature is not in the code yet
    error: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.floor:
            return None
        return self.median / self.floor

    @property
    def met(self) -> bool | None:
        if self.median is None or (self.kind == "ratio" and self.ratio is None):
            return None
        if self.kind == "ratio":
            return self.ratio <= self.budget
        return self.median <= self.budget

    def cells(self) -> list[str]:
        unit = _mb if self.kind == "mb" else _secs
        if self.median is None:
            why = self.note or (f"failed: {self.error}" if self.error else "no data")
            return [self.name, why, "", "", self._budget(), "—"]
        floor = f"{_secs(self.floor)} ({self.floor_name})" if self.floor is not None and self.floor_name else ""
        ratio = f"{self.ratio:.2f}×" if self.ratio is not None else ""
        return [self.name, unit(self.median), floor, ratio, self._budget(), "yes" if self.met else "**NO**"]

    def _budget(self) -> str:
        if self.kind == "ratio":
            return f"≤ {self.budget:g}× floor"
        if self.kind == "mb":
            return f"≤ {self.budget:g} MB"
        return f"≤ {_secs(self.budget)}"


def _secs(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"


def _mb(v: float | None) -> str:
    return "" if v is None else f"{v:.0f} MB"


def machine() -> dict:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    except OSError:
        nproc = str(os.cpu_count())
    mem = ""
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    versions = []
    for dist in ("PySide6-Essentials", "openpyxl", "reportlab", "sqlite-utils"):
        try:
            versions.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            pass
    import sqlite3
    return {"platform": platform.platform(), "cpu": cpu, "nproc": nproc, "memory": mem,
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "packages": ", ".join(versions)}


DETAIL_FIELDS = {"bare": ("seconds", "python_start"), "start": ("seconds", "python_start"),
                 "return": ("seconds",), "return_files": ("seconds", "figures"), "return10": ("seconds",),
                 "apply": ("seconds", "prepare", "write"), "apply_floor": ("seconds", "xlsx", "pdf"),
                 "import": ("seconds",), "import_floor": ("seconds",)}


def _details(samples: dict) -> list[str]:
    out = ["| probe | runs | median of each timing | every run (s) | peak memory |", "|---|---|---|---|---|"]
    for key, runs in samples.items():
        parts = []
        fields = DETAIL_FIELDS.get(key, ())
        for f in fields:
            vals = [s[f] for s in runs if isinstance(s.get(f), (int, float))]
            if vals:
                parts.append(f"{f} {_secs(statistics.median(vals))}")
        if key == "pages":
            pages = {}
            for s in runs:
                for k, v in (s.get("pages") or {}).items():
                    if isinstance(v, (int, float)):
                        pages.setdefault(k, []).append(v)
            parts = [f"{k} {_secs(statistics.median(v))}" for k, v in pages.items()]
        every = ", ".join(f"{s['seconds']:.2f}" for s in runs if isinstance(s.get("seconds"), (int, float)))
        errors = [s["error"] for s in runs if "error" in s]
        if errors:
            parts.append(f"{len(errors)} failed: {errors[0]}")
        if runs and all(s.get("available") is False for s in runs):
            parts = ["not available"]
        rss = [s["maxrss_mb"] for s in runs if isinstance(s.get("maxrss_mb"), (int, float))]
        out.append(f"| {key} | {len(runs)} | {'; '.join(parts)} | {every} | {_mb(max(rss)) if rss else ''} |")
    return out


def render(info: dict, rows: list[Row], samples: dict) -> str:
    gen = info.get("generated", {})
    lines = [
        "# Benchmark results", "",
        f"Date: {info['date']} · {info['runs']} runs per measurement, each a fresh process"
        f"{' · --quick (no 10× file)' if info['quick'] else ''} · whole run {info['minutes']} min · "
        f"load average {info['load']}", "",
        f"Machine: {info['platform']}; CPU {info['cpu']} × {info['nproc']} (nproc); memory {info['memory']}; "
        f"Python {info['python']}, SQLite {info['sqlite']}; {info['packages']}.", "",
        "Data: " + "; ".join(f"{k}: " + ", ".join(f"{n} {c}" for n, c in v.items()
                                                  if n not in ("file", "seconds"))
                             + f" (generated in {v.get('seconds')} s)" for k, v in gen.items())
        + (" (files reused from an earlier run with --keep --reuse)" if info.get("reused") else "")
        + " Files: " + ", ".join(f"{k} {v}" for k, v in info.get("sizes", {}).items()) + ".", "",
        "Command: `python benchmarks/run.py" + (" --quick" if info["quick"] else "")
        + f" --runs {info['runs']}` (headless, QT_QPA_PLATFORM=offscreen). Medians; the floor is measured in the "
        "same run on the same machine.", "",
        "| Measurement | Median | Floor | Ratio | Budget | Met? |", "|---|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    failed = [r.name for r in rows if r.met is False]
    missing = [r.name for r in rows if r.met is None]
    lines += ["", f"Budgets not met: {', '.join(failed) if failed else 'none'}."]
    if missing:
        lines += [f"Not measured: {', '.join(missing)}."]
    lines += ["", "## Every probe", ""] + _details(samples)
    return "\n".join(lines) + "\n"
