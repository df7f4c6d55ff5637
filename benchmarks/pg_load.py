"""The benchmark's large institution in a PostgreSQL database (the 网络版), for the engine ratios in run.py.

    python benchmarks/pg_load.py --url postgresql://… [--scale 1] [--seed 1]

Until ``yiyang migrate-to`` copies a SQLite file into a server database, the copy is made by running the same
generator (benchmarks/generate.py, same seed and scale) into the server database: the same rows with the same ids
as big.db. The generator writes explicit ids, so each table's identity sequence is moved past them afterwards (as
a copy of the file would have to), then the server's statistics are gathered (``ANALYZE``) as a server that has
been running a while has them.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402


def advance_sequences(db) -> int:
    """Every identity column's sequence set to the largest id in its table; returns how many."""
    cols = db.raw.execute("""
        SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attidentity <> ''""").fetchall()
    for table, col in cols:
        db.raw.execute(f'SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE((SELECT MAX("{col}") FROM "{table}"), 0) + 1, false)',
                       [table, col])
    return len(cols)


def load(url: str, *, scale: int = 1, seed: int = 1) -> dict:
    from yiyang_desktop.store.db import open_db
    t = time.perf_counter()
    counts = generate(url, scale=scale, seed=seed)
    db = open_db(url, create=False)
    try:
        counts["sequences"] = advance_sequences(db)
        db.raw.execute("ANALYZE")
    finally:
        db.close()
    counts["moves"] = counts["bed_assignments"] - counts["stays"]
    return {"url": url.split("@")[-1], "seconds": round(time.perf_counter() - t, 1), **counts}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--url", required=True)
    p.add_argument("--scale", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    print(json.dumps(load(args.url, scale=args.scale, seed=args.seed), ensure_ascii=False))


if __name__ == "__main__":
    main()
