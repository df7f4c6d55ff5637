"""Anchors: the chain's head (position, MAC, length) written down where a rewrite of the file cannot reach it all.

* every backup carries the head of its own copy in its ``app_meta`` (``audit_anchor``, written after the copy) and
  the backup listing shows it;
* every submitted monthly return records the head in ``audit_anchors`` (signed, bound to that return).

Each anchor is signed with the audit key (bound to the file's identity, the kind, the reference, the chain's
lineage and the head), so it cannot be forged or moved. ``check`` compares the chain with every anchor it is given:
an anchored position that is missing or has another MAC, or a chain now shorter than an anchor says, is a rewrite
or a truncation. A restore legitimately cuts the chain back to the backup's head: the ``restore`` entry starts a
new lineage and names where the old one was cut, so anchors of the replaced history beyond the cut are set aside
(noted, not reported), while those at or before the cut must still match.
"""
from __future__ import annotations

import json
import secrets
import sqlite3
from pathlib import Path

from ..domain.text import QT_TRANSLATE_NOOP as N_
from ..store import audit_store as S
from ..store.preflight import ro_uri
from .permissions import public, requires

ANCHOR_META = "audit_anchor"


def _signature(key: bytes, file_id: str, a: dict) -> str:
    from .audit import sign
    return sign(key, "anchor", file_id, a["kind"], str(a["ref"]), a["lineage"], a["seq"], a["mac"], a["length"], a["at"])


def _current(db, *, kind: str, ref: str, at: str) -> dict | None:
    """The head of ``db`` now as an anchor (signed when this computer holds the file's key); None before any entry."""
    from . import audit_key
    head = S.read_head(db)
    if not head or head[0] <= 0:
        return None
    st = audit_key.state(db)
    length = db.execute("SELECT COUNT(*) FROM audit_log WHERE hash IS NOT NULL").fetchone()[0]
    a = {"kind": kind, "ref": str(ref), "lineage": S.get_meta(db, audit_key.LINEAGE_KEY) or "", "seq": head[0],
         "mac": head[1], "length": length, "at": at, "key_id": st.file_key_id or "", "signature": None}
    if st.can_seal:
        a["signature"] = _signature(st.key, st.file_id, a)
    return a


@public("called inside submit_return's transaction, whose permission is checked there")
def anchor_return(db, return_id: int, at: str) -> None:
    """Inside ``submit_return``'s transaction: anchor the head as it was before this submission."""
    a = _current(db, kind="return", ref=str(return_id), at=at)
    if a is None:
        return
    db.execute("INSERT INTO audit_anchors (kind, ref, lineage, seq, mac, length, at, key_id, signature) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [a["kind"], a["ref"], a["lineage"], a["seq"], a["mac"], a["length"], a["at"], a["key_id"],
                a["signature"] or ""])


@public("writes the anchor into a backup copy being made (make_backup checks \"backup\")")
def write_into_copy(path: Path, kind: str, ref: str, at: str) -> dict | None:
    """After a backup copy is made: its own head, written into its own ``app_meta``. Returns the anchor."""
    con = sqlite3.connect(str(path))
    try:
        import sqlite_utils
        db = sqlite_utils.Database(con)
        if not S.has_keyed_columns(db):
            return None
        a = _current(db, kind=kind, ref=ref, at=at)
        if a is None:
            return None
        from . import audit, audit_key
        st = audit_key.state(db)
        with con:
            S.set_meta(db, ANCHOR_META, json.dumps(a, ensure_ascii=False))
            if st.can_seal:  # the copy has a schema counter of its own
                audit.record_schema(db, st.key, st.file_id)
        return a
    finally:
        con.close()


@requires("backup")
def write_for_dump(ctx, ref: str, at: str) -> dict | None:
    """Before ``pg_dump`` of the 网络版's database: the head now, written into its ``app_meta`` (in a transaction
    of its own) so the dump carries it. Entries sealed after it are in the dump too: an anchor says the chain
    had at least this head."""
    with ctx.transaction() as db:
        a = _current(db, kind="backup", ref=ref, at=at)
        S.set_meta(db, ANCHOR_META, json.dumps(a, ensure_ascii=False) if a else None)
    return a


@public("a backup's anchor: positions and MACs, no personal data")
def read_from_file(path: Path | str) -> dict | None:
    """The anchor a backup file carries (read-only), or None."""
    try:
        con = sqlite3.connect(ro_uri(Path(path)), uri=True)
        try:
            row = con.execute("SELECT value FROM app_meta WHERE key = ?", [ANCHOR_META]).fetchone()
        finally:
            con.close()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError, OSError, UnicodeDecodeError):
        return None


@public("positions and MACs only, no personal data")
def stored(db) -> list[dict]:
    """The anchors kept in the data file (submitted returns)."""
    try:
        rows = db.execute("SELECT kind, ref, lineage, seq, mac, length, at, key_id, signature FROM audit_anchors "
                          "ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        return []
    keys = ("kind", "ref", "lineage", "seq", "mac", "length", "at", "key_id", "signature")
    return [dict(zip(keys, r)) for r in rows]


def new_lineage() -> str:
    return secrets.token_hex(8)


def _lineages(db) -> dict[str, tuple[str, int]]:
    """lineage → (its parent lineage, the position the parent was cut at), from the chain's restore entries."""
    out = {}
    for (new,) in db.execute("SELECT new FROM audit_log WHERE action = 'restore' AND hash IS NOT NULL ORDER BY seq"):
        try:
            d = json.loads(new or "{}")
            out[d["lineage"]] = (d["parent"], int(d["cut"]))
        except (ValueError, KeyError, TypeError):
            continue
    return out


KIND_LABELS = {"backup": N_("msg", "备份 {ref}"), "return": N_("msg", "已报送月报（编号 {ref}）")}


@public("compares positions and MACs; shows no personal data")
def check(db, anchors: list[dict]) -> dict:
    """Compare the chain with ``anchors``: ``{"checked", "problems", "notes"}`` (Chinese sentences)."""
    from . import audit_key
    st = audit_key.state(db)
    problems: list[str] = []
    notes: list[str] = []
    if not st.can_seal or not S.has_keyed_columns(db):
        return {"checked": 0, "problems": [], "notes": [N_("msg", "本机没有审计密钥，未与备份和月报中的锚点核对。")]
                if anchors and st.file_key_id else []}
    macs = dict(db.execute("SELECT seq, hash FROM audit_log WHERE hash IS NOT NULL").fetchall())
    length = len(macs)
    lineage = S.get_meta(db, audit_key.LINEAGE_KEY) or ""
    parents = _lineages(db)
    checked = 0
    for a in anchors:
        label = KIND_LABELS.get(a.get("kind"))
        ref = a.get("where") or a.get("ref", "")
        where = label.format(ref=ref) if label else str(ref)
        if a.get("key_id") != st.key_id:
            notes.append(N_("msg", "{where}的锚点由另一把审计密钥签名，未核对").format(where=where))
            continue
        if not a.get("signature"):
            notes.append(N_("msg", "{where}的锚点没有签名（在没有密钥的电脑上制作），未核对").format(where=where))
            continue
        try:
            good = a["signature"] == _signature(st.key, st.file_id, a)
        except (KeyError, TypeError):
            good = False
        if not good:
            problems.append(N_("msg", "{where}中的审计锚点被改动过（签名不符）").format(where=where))
            continue
        limit = _reach(a.get("lineage", ""), lineage, parents)
        if limit is None:
            notes.append(N_("msg", "{where}来自另一条审计记录分支（其他恢复之前），未核对").format(where=where))
            continue
        if a["seq"] > limit:
            notes.append(N_("msg", "{where}记录的是被恢复操作替换的那段历史，未核对").format(where=where))
            continue
        checked += 1
        if macs.get(a["seq"]) != a["mac"]:
            problems.append(N_("msg", "{where}记录审计链第 {seq} 条（共 {n} 条），但现在的数据文件中这一条{state}："
                                      "审计记录被改写或截短").format(
                where=where, seq=a["seq"], n=a["length"],
                state=N_("msg", "不存在") if a["seq"] not in macs else N_("msg", "与之不同")))
        elif length < a["length"] and limit == float("inf"):
            problems.append(N_("msg", "{where}时审计记录已有 {n} 条，现在只有 {m} 条：审计记录被截短").format(
                where=where, n=a["length"], m=length))
    return {"checked": checked, "problems": problems, "notes": notes}


def _reach(anchor_lineage: str, current_lineage: str, parents: dict) -> float | None:
    """How far an anchor of ``anchor_lineage`` must match the chain: everything (current lineage), up to the cut
    (an ancestor replaced by a restore), or None (a lineage not in this chain's history)."""
    if anchor_lineage == current_lineage:
        return float("inf")
    limit, seen, here = float("inf"), set(), current_lineage
    while here in parents and here not in seen:
        seen.add(here)
        parent, cut = parents[here]
        limit = min(limit, cut)
        if parent == anchor_lineage:
            return limit
        here = parent
    return None


@public("gathers anchors from this file's backups and returns; shows no personal data")
def check_all(db, db_path: Path | str | None = None, folders: list[Path] | None = None) -> dict:
    """Every anchor this program can find for the file: its backups (all backup folders, its identity) and its
    submitted returns."""
    from .backup import backup_folders, list_backups
    from ..store.db import is_server_db
    anchors = stored(db)
    if is_server_db(db):  # the 网络版: the anchors its pg_dump backups carry
        from .server_backup import list_server_backups
        file_id = S.get_meta(db, "file_id")
        for info in list_server_backups(db, folders or backup_folders(db)):
            if info.get("file_id") == file_id and info.get("audit_anchor"):
                anchors.append(info["audit_anchor"] | {"where": Path(info["path"]).name})
    elif db_path is not None:
        file_id = S.get_meta(db, "file_id")
        for info in list_backups(db_path, folders or backup_folders(db), file_id=file_id):
            if info.get("file_id") == file_id and info.get("audit_anchor"):
                anchors.append(info["audit_anchor"] | {"where": Path(info["path"]).name})
    out = check(db, anchors)
    out["anchors"] = len(anchors)
    return out

