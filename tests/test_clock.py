"""One clock: nothing below the window reads the wall clock except ``yiyang_desktop/clock.py``."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from yiyang_desktop.clock import SYSTEM, FixedClock, clock_for

PKG = Path(__file__).resolve().parents[1] / "yiyang_desktop"
WALL = re.compile(r"\b(?:date\.today|datetime\.now|datetime\.today|datetime\.utcnow|time\.time|"
                  r"QDate\.currentDate|QDateTime\.currentDateTime)\(")


def test_no_wall_clock_outside_the_clock():
    hits = []
    for layer in ("domain", "store", "services", "exports"):
        for f in sorted((PKG / layer).rglob("*.py")):
            for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                if WALL.search(line):
                    hits.append(f"{f.relative_to(PKG)}:{n}: {line.strip()}")
    assert hits == []


def test_fixed_clock_stands_still_until_moved():
    c = FixedClock(dt.date(2026, 11, 23))
    assert c.now() == dt.datetime(2026, 11, 23, 8, 0) and c.today() == dt.date(2026, 11, 23)
    assert c.stamp() == "2026-11-23T08:00:00"
    c.advance(days=1, minutes=5)
    assert c.now() == dt.datetime(2026, 11, 24, 8, 5) and c.timestamp() == c.now().timestamp()
    assert clock_for(None) is SYSTEM and clock_for(dt.date(2027, 1, 1)).today() == dt.date(2027, 1, 1)
