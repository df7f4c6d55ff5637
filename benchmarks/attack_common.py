"""Shared by the attack run of issue #15 (benchmarks/attack_access.py): the institution attacked, one account per
role, running a command in-process, and a digest of the data tables."""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import shutil
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from yiyang_desktop.clock import FixedClock  # noqa: E402
from yiyang_desktop.services import accounts as A  # noqa: E402
from yiyang_desktop.services.base import Context  # noqa: E402
from yiyang_desktop.store.db import open_db  # noqa: E402

TODAY = dt.date(2026, 11, 23)
CLOCK = FixedClock(TODAY)
PASSWORD = "attack-pass-1"
ROLES = {"管理员": "boss2", "登记员": "clerk", "护理": "nurse", "只读": "viewer"}
EXTRA = {"demoted": ("demoted", "管理员"), "disabled": ("disabled", "登记员")}  # changed after they signed in
MASKED = {"护理", "只读", "demoted"}
TOOLING = {"demo", "demo_assessments", "demo_medical", "permissions"}  # (permissions: the check itself)


ROLE_PERMS = {
    "管理员": {"view", "view.personal_ids", "records.write", "assessments.write", "referrals.write", "export.personal",
            "export.aggregate", "settings", "users", "restore", "backup", "audit.read", "audit.key"},
    "登记员": {"view", "view.personal_ids", "records.write", "assessments.write", "referrals.write", "export.personal",
            "export.aggregate", "backup"},
    "护理": {"view", "assessments.write", "referrals.write", "export.personal", "export.aggregate"},
    "只读": {"view", "export.aggregate"},
}




# ---------------------------------------------------------------- the institution attacked

def prepare(work: Path) -> dict:
    """The demo institution with one account per role, a backup and a submitted return."""
    from yiyang_desktop.services.demo import build_demo
    master = work / "master.db"
    build_demo(master, end=TODAY)
    ctx = Context(open_db(master), clock=CLOCK)
    A.login(ctx, "admin", "demo")
    for role, name in ROLES.items():
        A.create_user(ctx, name, PASSWORD, role, must_change=False)
    for key, (name, role) in EXTRA.items():
        A.create_user(ctx, name, PASSWORD, role, must_change=False)
    A.create_user(ctx, "target", PASSWORD, "只读", must_change=False)
    try:
        from yiyang_desktop.services import returns as RT
        RT.submit_return(ctx, RT.compute_return(ctx, 2026, 9), "attack")
    except Exception:  # noqa: BLE001 - an older version's API: no return anchor
        pass
    from yiyang_desktop.services import backup as bk
    backup = Path(bk.make_backup(ctx, master, folder=work / "backups")["path"])
    ctx.db.close()
    return {"master": master, "backup": backup}


def secrets_of(db) -> set[str]:
    """Every whole ID number and phone number in the file (what masked roles must never be shown)."""
    out = set()
    for sql in ("SELECT id_number FROM residents", "SELECT id_number FROM staff", "SELECT phone FROM residents",
                "SELECT phone FROM resident_contacts", "SELECT phone FROM staff"):
        out |= {r[0] for r in db.execute(sql).fetchall() if r[0] and len(str(r[0])) >= 11}
    return out


def signed_in(path: Path, role: str) -> Context:
    """A context on ``path`` signed in as the role's account (demoted/disabled after signing in)."""
    db = open_db(path, clock=CLOCK)
    name = ROLES.get(role) or EXTRA[role][0]
    ctx = Context(db, clock=CLOCK)
    A.login(ctx, name, PASSWORD)
    if role in EXTRA:
        admin = Context(db, clock=CLOCK)
        A.login(admin, "admin", "demo")
        uid = A.user_id_by_name(admin, name) if hasattr(A, "user_id_by_name") else None
        if role == "demoted":
            A.set_role(admin, uid, "只读")
        else:
            A.set_active(admin, uid, False)
    return ctx




def _files(folder: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()



def _own_key_store(work: Path, name: str) -> None:
    """A copy of the prepared key store for one pass (all copies of the file share its identity and key)."""
    base = work / "config"
    mine = work / f"config-{name}"
    shutil.rmtree(mine, ignore_errors=True)
    if base.exists():
        shutil.copytree(base, mine)
    os.environ["YIYANG_CONFIG_DIR"] = str(mine)


def _is_refusal_text(e: Exception) -> bool:
    return "无权" in str(e) or "请先登录" in str(e) or "已停用" in str(e)



def run_cli(argv: list, user: str | None, password: str, env: dict) -> tuple[int, str]:
    from yiyang_desktop import cli
    saved = dict(os.environ)
    os.environ.pop("YIYANG_USER", None)
    os.environ.pop("YIYANG_NEW_PASSWORD", None)
    if user:
        os.environ["YIYANG_USER"] = user
    os.environ["YIYANG_PASSWORD"] = password
    os.environ.update({k: str(v) for k, v in env.items()})
    err = io.StringIO()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            rc = cli.main([str(a) for a in argv])
    except SystemExit as e:
        rc = int(e.code or 0)
    except Exception as e:  # noqa: BLE001 - a traceback the user would see: counted as failed, not allowed
        rc = 99
        err.write(repr(e))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return rc, err.getvalue()


def data_digest(path: Path) -> str:
    """The data tables' content (the trail, app_meta and the sign-in counters aside)."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                            "'sqlite_%' AND name NOT IN ('audit_log', 'app_meta', 'audit_actor', "
                                            "'audit_anchors') ORDER BY name")]
        for t in tables:
            cols = [c[1] for c in con.execute(f"PRAGMA table_info({t})") if c[1] not in
                    ("failed_count", "locked_until", "last_login", "password_hash")]
            for row in con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid"):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()

