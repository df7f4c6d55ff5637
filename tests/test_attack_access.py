"""The attack run of issue #15 (benchmarks/attack_access.py) in CI: one user per role × every public service
function and every ``yiyang`` command that reads personal data or changes anything; a 只读 user's own backup restored
while the file is busy; 40 simultaneous wrong passwords; recovering a masked ID number by searching; and every way
of rewriting the audit trail the issue names (with variants). Zero bypasses, zero undetected tamperings."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import attack_access  # noqa: E402


def test_no_role_gets_through_and_no_tampering_goes_unnoticed(tmp_path, monkeypatch):
    out = attack_access.run(work=tmp_path)
    s, c = out["services"], out["cli"]
    assert s["functions"] >= 170 and s["calls"] >= 6 * 160 and s["uncallable"] == 0
    assert s["refused"] >= 350 and s["allowed"] >= 500 and s["over_refused"] == 0, s.get("over_refused_examples")
    assert s["bypasses"] == []
    assert c["runs"] == 6 * c["commands"] >= 6 * 24 and c["over_refused"] == 0 and c.get("failed", 0) == 0
    assert c["bypasses"] == []
    assert out["restore"]["tries"] == 2 and out["restore"]["bypasses"] == []
    assert out["parallel"]["attempts"] == 40 and out["parallel"]["password_checks"] <= 5
    assert out["search"]["hidden_digits_recovered"] == 0 and out["search"]["bypasses"] == []
    t = out["tamper"]
    assert t["tried"] >= 27 and t["undetected"] == [] and t["detected"] == t["tried"]
    assert out["bypasses"] == 0
