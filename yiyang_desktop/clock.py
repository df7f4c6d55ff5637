"""The one clock: every "today" and "now" below the window comes from a Clock carried by the context.

``SYSTEM`` reads the computer's clock (the program and the command line use it). Tests, the demo builder and
``--date`` options use a :class:`FixedClock`, so every rule gives the same answer whatever day it runs on.
Nothing in ``domain/``, ``store/``, ``services/`` or ``exports/`` reads the wall clock any other way: domain code
takes dates as arguments, the store and the services take a clock (``Context.clock``).

The clock's ``timestamp()`` is also what the store compares with file modification times (the clean-close
record), so a test that fixes the clock sets the file's times with ``os.utime`` to match.
"""
from __future__ import annotations

import datetime as dt


class Clock:
    """The computer's local clock, to the second."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)

    def today(self) -> dt.date:
        return self.now().date()

    def timestamp(self) -> float:
        """Seconds since the epoch, to the microsecond (compared with file modification times)."""
        return dt.datetime.now().timestamp()

    def stamp(self) -> str:
        """``2026-11-23T08:30:00``: the form every ``created_at``/``updated_at`` column keeps."""
        return self.now().isoformat(timespec="seconds")


class FixedClock(Clock):
    """A clock that stands still at a given moment (a date means 08:00 that day) until ``advance`` moves it."""

    def __init__(self, at: dt.datetime | dt.date):
        self.at = at if isinstance(at, dt.datetime) else dt.datetime.combine(at, dt.time(8, 0))

    def now(self) -> dt.datetime:
        return self.at

    def timestamp(self) -> float:
        return self.at.timestamp()

    def advance(self, **delta) -> None:
        """Move the clock on, e.g. ``advance(minutes=16)`` or ``advance(days=1)``."""
        self.at += dt.timedelta(**delta)

    def __repr__(self) -> str:
        return f"FixedClock({self.at.isoformat()})"


SYSTEM = Clock()


def clock_for(day: dt.date | None) -> Clock:
    """A fixed clock on ``day`` (a ``--date`` option), or the system clock when no day was given."""
    return FixedClock(day) if day else SYSTEM
