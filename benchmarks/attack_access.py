"""Attack run on permissions, the audit trail and personal data (issue #15), counted.

    python benchmarks/attack_access.py [--json out.json] [--only services,cli,restore,parallel,tamper]

* services — one user per role (管理员, 登记员, 护理, 只读, plus an administrator demoted to 只读 and a 登记员 disabled
  after they signed in) × every public function of every ``services`` module, called with plausible arguments
  taken from the demo institution. The permission each one needs is stated here, independently of the program's
  own decorators (``attack_roles.expected``). A *bypass* is: a call that should be refused and is not; a refused call that
  still changed the data file or left a file on disk; or a result that shows a role without "view.personal_ids" a
  whole ID number or phone number.
* cli — the same roles × every ``yiyang`` command that reads personal data or changes anything, run in-process;
  a bypass is a command that should be refused and succeeds, or a refused one that changed the data or wrote a file.
* restore — a 只读 user makes a copy of a backup in which they are 管理员, holds the data file busy and restores it.
* parallel — 40 wrong passwords for one account at the same moment: how many reach the password check (limit 5).
* search — a 只读 user searches the residents list digit by digit to recover an ID number it sees masked.
* tamper — the ways of rewriting the trail named in the issue and their variants, each on a fresh copy; an
  *undetected* tampering is one ``yiyang check`` passes.

Passwords use a low scrypt cost here (what is attacked is who may do what, not the hash).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from yiyang_desktop.services import accounts as A  # noqa: E402

from attack_common import (CLOCK, PASSWORD, _own_key_store, data_digest, prepare,  # noqa: E402
                           run_cli, signed_in)
from attack_roles import attack_cli, attack_services  # noqa: E402
from attack_trail import attack_tamper  # noqa: E402


# ---------------------------------------------------------------- restore while the file is busy

def attack_restore(work: Path, prepared: dict, tally: dict) -> None:
    """The 只读 user's own backup (copied from a real one, themself made 管理员 in it), restored while the data
    file is held busy by another writer — the path that used to check the backup's accounts."""
    path = work / "busy.db"
    shutil.copy(prepared["master"], path)
    crafted = work / "crafted" / prepared["backup"].name
    crafted.parent.mkdir(exist_ok=True)
    shutil.copy(prepared["backup"], crafted)
    con = sqlite3.connect(crafted)
    con.execute("UPDATE users SET role = '管理员' WHERE username = 'viewer'")
    con.commit()
    con.close()
    before = data_digest(path)
    tries = 0
    bypasses = []
    for busy in (True, False):
        shutil.copy(prepared["master"], path)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        hold = None
        if busy:
            hold = sqlite3.connect(path, timeout=0.1, check_same_thread=False)
            hold.execute("BEGIN IMMEDIATE")
        try:
            rc, err = run_cli(["--db", path, "restore", crafted, "--yes"], "viewer", PASSWORD, {})
        finally:
            if hold is not None:
                hold.rollback()
                hold.close()
        tries += 1
        if rc == 0 or data_digest(path) != before:
            bypasses.append(f"只读 × restore of their own backup ({'file busy' if busy else 'file free'}): the data file was replaced")
    tally["restore"] = {"tries": tries, "bypasses": bypasses}


# ---------------------------------------------------------------- 40 wrong passwords at once

def attack_parallel(work: Path, prepared: dict, tally: dict, n: int = 40) -> None:
    from yiyang_desktop.store.db import connect
    path = work / "parallel.db"
    shutil.copy(prepared["master"], path)
    checks = []
    lock = threading.Lock()
    real = A.verify_password

    def counting(password, stored):
        with lock:
            checks.append(1)
        time.sleep(0.03)  # a real check takes this long: the window other attempts try to slip through
        return real(password, stored)
    barrier = threading.Barrier(n)
    outcomes = []

    def attempt():
        db = connect(path)
        try:
            barrier.wait()
            A.authenticate(db, "clerk", "wrong-password", clock=CLOCK)
            outcomes.append("ok")
        except Exception as e:  # noqa: BLE001
            outcomes.append(type(e).__name__)
        finally:
            db.close()
    A.verify_password = counting
    try:
        threads = [threading.Thread(target=attempt) for _ in range(n)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(120)
    finally:
        A.verify_password = real
    limit = getattr(A, "MAX_FAILURES", 5)
    tally["parallel"] = {"attempts": n, "password_checks": len(checks), "limit": limit,
                         "bypasses": [f"{len(checks)} of {n} simultaneous wrong passwords were checked (limit {limit})"]
                         if len(checks) > limit else []}


# ---------------------------------------------------------------- recovering a hidden ID number by searching

def attack_search(work: Path, prepared: dict, tally: dict) -> None:
    """A 只读 user sees "431202********1234" and searches prefix + guessed digits, one hidden digit at a time."""
    from yiyang_desktop.services.residents import list_residents
    path = work / "search.db"
    shutil.copy(prepared["master"], path)
    ctx = signed_in(path, "只读")
    bypasses, searches, recovered = [], 0, 0
    try:
        target = ctx.db.execute("SELECT id, id_number FROM residents ORDER BY id LIMIT 1").fetchone()
        rid, full = target
        known = full[:6]  # what the role sees of the start
        for pos in range(6, 14):
            found = None
            for d in "0123456789":
                searches += 1
                hits = list_residents(ctx, known + d, include_discharged=True)
                if any(h["id"] == rid for h in hits):
                    found = d
                    break
            if found is None:
                break
            known += found
            recovered += 1
        shown = [r["id_number"] for r in list_residents(ctx, "", include_discharged=True) if r["id"] == rid]
        if recovered:
            bypasses.append(f"只读 recovered {recovered} hidden digits of an ID number in {searches} searches")
        if shown and shown[0] == full:
            bypasses.append("只读 is handed the whole ID number by the service")
    finally:
        ctx.db.close()
    tally["search"] = {"searches": searches, "hidden_digits_recovered": recovered, "bypasses": bypasses}


# ---------------------------------------------------------------- the run

PARTS = {"services": attack_services, "cli": attack_cli, "restore": attack_restore, "parallel": attack_parallel,
         "search": attack_search, "tamper": attack_tamper}


def run(only: list[str] | None = None, work: Path | None = None) -> dict:
    cost = A.SCRYPT_N
    A.SCRYPT_N = min(cost, 2 ** 10)
    own = work is None
    work = Path(work or tempfile.mkdtemp(prefix="yiyang-attack-access-"))
    env = {k: os.environ.get(k) for k in ("YIYANG_DATA_DIR", "YIYANG_CONFIG_DIR", "YIYANG_KEYRING")}
    os.environ["YIYANG_DATA_DIR"] = str(work / "data")
    os.environ["YIYANG_CONFIG_DIR"] = str(work / "config")
    os.environ["YIYANG_KEYRING"] = "file"
    tally: dict = {}
    started = time.monotonic()
    try:
        prepared = prepare(work)
        for part in only or list(PARTS):
            _own_key_store(work, part)
            PARTS[part](work, prepared, tally)
    finally:
        A.SCRYPT_N = cost
        for k, v in env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        if own:
            shutil.rmtree(work, ignore_errors=True)
    tally["bypasses"] = sum(len(tally[p]["bypasses"]) for p in ("services", "cli", "restore", "parallel", "search")
                            if p in tally)
    tally["seconds"] = round(time.monotonic() - started, 1)
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--only", help="comma-separated parts: " + ",".join(PARTS))
    args = ap.parse_args()
    out = run(args.only.split(",") if args.only else None)
    text = json.dumps(out, ensure_ascii=False, indent=1)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    print(text)
    return 0 if out["bypasses"] == 0 and not out.get("tamper", {}).get("undetected") else 1


if __name__ == "__main__":
    sys.exit(main())

