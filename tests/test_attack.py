"""A bounded attack run (benchmarks/attack.py at scale 1, ≈ 85 bad files in a few seconds): truncated and
byte-flipped data files, foreign and own -wal files, other programs' SQLite files, zip bombs, damaged workbooks and
policy files. None may crash (a traceback) and none may lose data; the full run is ``python benchmarks/attack.py``."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import attack  # noqa: E402


def test_bad_files_are_refused_cleanly_and_nothing_is_lost(data_folder):
    out = attack.run(scale=1, seed=14)
    assert out["tried"] >= 80
    assert out["crashes"] == 0 and out["losses"] == 0, out["examples"]
    assert out["refused"] >= out["tried"] - 10
    for kind in ("truncated", "byte-flips", "foreign-wal", "own-wal", "foreign-sqlite", "zip-bomb", "bad-workbook",
                 "bad-policy"):
        assert kind in out["by_kind"], kind
    assert out["by_kind"]["own-wal"] == {"ok": 1}  # a session's own log is replayed, not set aside
