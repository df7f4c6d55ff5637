"""Attack run on permissions, the audit trail and personal data (issue #15), counted.

    python benchmarks/attack_access.py [--json out.json] [--only services,cli,restore,parallel,tamper]

* services — one user per role (管理员, 登记员, 护理, 只读, plus an administrator demoted to 只读 and a 登记员 disabled
  after they signed in) × every public function of every ``services`` module, called with plausible arguments
  taken from the demo institution. The permission each one needs is stated here, independently of the program's
  own decorators (``EXPECTED``). A *bypass* is: a call that should be refused and is not; a refused call that
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
import contextlib
import datetime as dt
import hashlib
import importlib
import inspect
import io
import json
import os
import pkgutil
import re
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from yiyang_desktop.clock import FixedClock  # noqa: E402
from yiyang_desktop.services import accounts as A  # noqa: E402
from yiyang_desktop.services.base import Context, PermissionDenied  # noqa: E402
from yiyang_desktop.store.db import open_db  # noqa: E402

TODAY = dt.date(2026, 11, 23)
CLOCK = FixedClock(TODAY)
PASSWORD = "attack-pass-1"
ROLES = {"管理员": "boss2", "登记员": "clerk", "护理": "nurse", "只读": "viewer"}
EXTRA = {"demoted": ("demoted", "管理员"), "disabled": ("disabled", "登记员")}  # changed after they signed in
MASKED = {"护理", "只读", "demoted"}
TOOLING = {"demo", "demo_assessments", "demo_medical", "permissions"}  # (permissions: the check itself)
WRITE = re.compile(r"^(create|update|delete|save|set|add|remove|record|admit|move|start|end|discharge|change|renew|"
                   r"terminate|approve|import|copy|log|submit|unlock|reset|write|make|restore|replace|take)")

# ---------------------------------------------------------------- what each function needs (stated here)

PUBLIC = {
    "accounts": {"create_first_admin", "authenticate", "login", "logout", "has_users", "shown_id", "shown_phone"},
    "sign_in": {"authenticate", "login", "logout"},
    "audit": {"begin", "seal", "write_entry", "verify_chain", "record_schema"},
    "audit_anchors": {"anchor_return", "write_into_copy", "read_from_file", "stored", "check", "check_all"},
    "audit_key": {"state", "install", "describe_state", "path_problems", "create", "adopt"},
    "backup": {"backups_dir", "second_dir", "backup_folders", "backup_name", "parse_backup_name", "rotate_folder",
               "inspect_backup", "file_facts", "list_backups", "auto_backup"},
    "backup_restore": {"damaged_file_context"},
    "exporting": {"ensure_recordable"},
    "importer": {"read_workbook"}, "policy": {"read_file", "check_file"}, "profile_files": {"read_profile_text"},
    "returns": {"months_of_year"}, "workbook_reader": {"scan", "read_book"},
    "permissions": {"current_role", "permissions", "can", "check", "check_login"},
}
SPECIAL = {
    ("accounts", "change_password"): {"login"}, ("accounts", "record_export"): {"export.personal"},
    ("settings", "set_setting"): {"settings"}, ("settings", "get_setting"): {"view"},
    ("audit", "query"): {"audit.read"}, ("audit", "tables"): {"audit.read"}, ("audit", "users"): {"audit.read"},
    ("audit", "export_xlsx"): {"audit.read"},
    ("audit_key", "take_recovery_code"): {"audit.key"}, ("audit_key", "replace"): {"audit.key"},
    ("backup", "make_backup"): {"backup"}, ("backup", "set_second_dir"): {"settings"},
    ("backup", "restore"): {"restore"}, ("backup", "restore_into_context"): {"restore"},
    ("backup_restore", "restore"): {"restore"}, ("backup_restore", "restore_into_context"): {"restore"},
    ("applications", "write"): {"export.personal", "records.write"},
    ("assessment_reports", "report_data"): {"export.personal"}, ("assessment_reports", "grade_rows"): {"export.personal"},
    ("referrals", "slip_data"): {"export.personal"}, ("returns", "write_files"): {"export.personal"},
    ("exporting", "exporting"): {"export.personal"},
    ("institution", "save_institution"): {"settings"}, ("insurance", "save_answers"): {"settings"},
    ("assessments", "set_care_levels"): {"settings"}, ("assessments", "set_reassessment_months"): {"settings"},
    ("partners", "set_expiry_warning_days"): {"settings"}, ("referrals", "set_indications"): {"settings"},
    ("applications", "save_warnings"): {"view"}, ("partners", "renewal_defaults"): {"view"},
    ("returns", "submitted_returns"): {"view"}, ("importer", "import_workbook"): {"records.write"},
}
USERS_FUNCS = {"create_user", "list_users", "get_user", "user_id_by_name", "set_role", "set_active", "reset_password",
               "unlock_user"}
WRITE_PERM = {"assessments": "assessments.write", "referrals": "referrals.write", "visits": "referrals.write",
              "policy": "settings"}


def expected(module: str, name: str) -> set[str] | None:
    """The permissions a call needs (None: open to anyone)."""
    if name in PUBLIC.get(module, set()):
        return None
    if (module, name) in SPECIAL:
        return set(SPECIAL[(module, name)])
    if module == "accounts" and name in USERS_FUNCS:
        return {"users"}
    if module in ("audit", "audit_view"):
        return {"audit.read"}
    if WRITE.match(name):
        return {WRITE_PERM.get(module, "records.write")}
    return {"view"}


def allowed(role: str, needs: set[str] | None) -> bool:
    if needs is None:
        return True
    if role == "disabled":
        return False
    spec = {"管理员": "管理员", "登记员": "登记员", "护理": "护理", "只读": "只读", "demoted": "只读"}[role]
    perms = ROLE_PERMS[spec]
    return all(p == "login" or p in perms for p in needs)


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


def _first(db, sql: str):
    row = db.execute(sql).fetchone()
    return row[0] if row else 1


def arguments(fn, ctx: Context, work: Path, ids: dict) -> tuple[list, dict] | None:
    """Plausible arguments by parameter name; None when the function cannot be called meaningfully."""
    today = TODAY
    values = {
        "ctx": ctx, "db": ctx.db, "ctx_or_db": ctx, "resident_id": ids["resident"], "stay_id": ids["stay"],
        "bed_id": ids["bed"], "assessment_id": ids["assessment"], "referral_id": ids["referral"],
        "partner_id": ids["partner"], "agreement_id": ids["agreement"], "visit_id": ids["visit"],
        "leave_id": ids["leave"], "staff_id": ids["staff"], "user_id": ids["target"], "return_id": ids["return"],
        "application_id": ids["application"], "old_id": ids["agreement"], "renews_id": None,
        "on": today, "d": today, "start": today.replace(day=1), "end": today, "up_to": today, "as_of": today,
        "when": dt.datetime(2026, 11, 23, 9), "now": None, "year": 2026, "month": 10, "months": [1, 2],
        "data": {}, "search": "4312", "key": "backup_second_dir", "value": str(work / "evil"),
        "username": "intruder", "password": PASSWORD, "new_password": "new-" + PASSWORD,
        "old_password": PASSWORD, "role": "管理员", "active": False, "display_name": "x",
        "profile_id": None, "levels": {}, "lists": {}, "days": 30, "text": "2026-10", "kind": "operating-subsidy",
        "path": work / "out" / "f.xlsx", "db_path": ctx_path(ctx), "folder": work / "out" / "folder",
        "out_dir": work / "out" / "dir", "source": work / "in.pdf", "backup_file": ids["backup"],
        "instrument_id": "gbt42195-2022", "grade": 1, "file_id": ids["scan"], "note": "x", "summary": {},
        "ret": ids["ret"], "app": ids["app"], "action": "x", "code": "AAAA", "since_id": 0,
        "user": "x", "at": "2026-11-23 09:00:00", "table": "residents", "reason": "x", "new_id": "copy-x",
        "source_id": "hecheng-2021", "count": 1, "dry_run": True, "book": None, "rows": None, "soon_days": 30,
        "trend_months": 3, "include_discharged": True, "include_left": True, "personal": True, "anchors": [],
        "tag": "", "name": "x", "ids": [], "resident_ids": None, "decided_on": today, "amount_fen": 100,
        "period": "2026", "renewal": None, "allow_other": False, "title": "x", "profile": ids["profile"],
    }
    args, kwargs = [], {}
    for p in inspect.signature(inspect.unwrap(fn)).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.name in values:
            v = values[p.name]
        elif p.default is not p.empty:
            continue
        else:
            return None
        if p.kind == p.KEYWORD_ONLY:
            kwargs[p.name] = v
        else:
            args.append(v)
    return args, kwargs


def ctx_path(ctx: Context) -> Path:
    return Path(ctx.db.execute("PRAGMA database_list").fetchone()[2])


def public_functions():
    import yiyang_desktop.services as pkg
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name in TOOLING:
            continue
        mod = importlib.import_module(f"yiyang_desktop.services.{info.name}")
        for name, fn in sorted(vars(mod).items()):
            if name.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != mod.__name__:
                continue
            params = set(inspect.signature(inspect.unwrap(fn)).parameters)
            if params & {"ctx", "db", "ctx_or_db"}:
                yield info.name, name, fn


LAST = ("restore", "restore_into_context", "replace", "set_active", "set_role", "reset_password", "delete_",
        "import_", "write", "make_backup")


def _files(folder: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def attack_services(work: Path, prepared: dict, tally: dict) -> None:
    funcs = sorted(public_functions(), key=lambda t: (any(t[1].startswith(x) for x in LAST), t[0], t[1]))
    tally["services"] = {"functions": len(funcs), "roles": [*ROLES, *EXTRA], "calls": 0, "refused": 0,
                         "allowed": 0, "uncallable": 0, "over_refused": 0, "bypasses": []}
    t = tally["services"]
    for role in [*ROLES, *EXTRA]:
        path = work / f"svc-{role}.db"
        shutil.copy(prepared["master"], path)
        _own_key_store(work, role)  # a key replaced by the administrator's pass stays with that pass
        ctx = signed_in(path, role)
        ids = _ids(ctx, prepared)
        secret = secrets_of(ctx.db)
        out = work / "out"
        for module, name, fn in funcs:
            needs = expected(module, name)
            built = arguments(fn, ctx, work, ids)
            if built is None:
                t["uncallable"] += 1
                continue
            args, kwargs = built
            who = (ctx.user, ctx.user_id, ctx.role)
            before_changes, before_files = _changes(ctx), _files(out)
            refused, result, error = False, None, None
            try:
                with contextlib.redirect_stderr(io.StringIO()):
                    result = fn(*args, **kwargs)
                    if hasattr(result, "__enter__"):  # a context manager: what it guards runs on entering
                        with result:
                            pass
                        result = None
                    elif inspect.isgenerator(result):
                        result = None
            except PermissionDenied:
                refused = True
            except Exception as e:  # noqa: BLE001 - any other refusal or failure: not a permission refusal
                error = e
            finally:
                if ctx.db.conn.in_transaction:
                    ctx.db.conn.rollback()
            if _closed(ctx):
                ctx.db = open_db(path, clock=CLOCK)
            ctx.user, ctx.user_id, ctx.role = who  # (logout, login as another: the next call is this role again)
            t["calls"] += 1
            t["refused" if refused else "allowed"] += 1
            may = allowed(role, needs)
            where = f"{role} × {module}.{name}"
            if not may and not refused and error is None:
                t["bypasses"].append(f"{where}: should be refused (needs {sorted(needs)})")
            elif not may and not refused and error is not None and not _is_refusal_text(error):
                pass  # failed for another reason before doing anything (counted as a call, not a bypass)
            if refused and (_changes(ctx) != before_changes or _files(out) - before_files):
                t["bypasses"].append(f"{where}: refused, yet wrote to the file or the disk")
            if may and refused:
                t["over_refused"] += 1
                t.setdefault("over_refused_examples", []).append(where)
            if role in MASKED and result is not None:
                text = _text(result)
                leaked = [s for s in secret if s in text]
                if leaked:
                    t["bypasses"].append(f"{where}: shows a whole ID/phone number to {role}")
        ctx.db.close()


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


def _closed(ctx: Context) -> bool:
    try:
        ctx.db.execute("SELECT 1")
        return False
    except Exception:  # noqa: BLE001
        return True


def _changes(ctx: Context) -> int:
    """Rows this connection changed so far (a refused call must change none)."""
    try:
        return ctx.db.conn.total_changes
    except Exception:  # noqa: BLE001
        return -1


def _text(value) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, default=lambda o: getattr(o, "__dict__", str(o)))
    except Exception:  # noqa: BLE001
        return repr(value)


def _ids(ctx: Context, prepared: dict) -> dict:
    db = ctx.db
    ids = {
        "resident": _first(db, "SELECT resident_id FROM stays WHERE discharge_date IS NULL ORDER BY id"),
        "stay": _first(db, "SELECT id FROM stays WHERE discharge_date IS NULL ORDER BY id"),
        "bed": _first(db, "SELECT id FROM beds ORDER BY id"),
        "assessment": _first(db, "SELECT id FROM assessments WHERE result IS NOT NULL ORDER BY id"),
        "referral": _first(db, "SELECT id FROM referrals ORDER BY id"),
        "partner": _first(db, "SELECT id FROM partners ORDER BY id"),
        "agreement": _first(db, "SELECT id FROM agreements ORDER BY id"),
        "visit": _first(db, "SELECT id FROM visits ORDER BY id"),
        "leave": _first(db, "SELECT id FROM leaves ORDER BY id"),
        "staff": _first(db, "SELECT id FROM staff ORDER BY id"),
        "target": _first(db, "SELECT id FROM users WHERE username = 'target'"),
        "return": _first(db, "SELECT id FROM submitted_returns ORDER BY id"),
        "application": _first(db, "SELECT id FROM subsidy_applications ORDER BY id"),
        "scan": 1, "backup": prepared["backup"],
    }
    admin = Context(db, user="admin", role="管理员", clock=CLOCK)
    try:
        from yiyang_desktop.services import returns as RT
        ids["ret"] = RT.compute_return(admin, 2026, 10)
    except Exception:  # noqa: BLE001
        ids["ret"] = None
    try:
        from yiyang_desktop.services import policy as PO
        ids["profile"] = PO.get_profile(admin, None).profile
    except Exception:  # noqa: BLE001
        ids["profile"] = None
    try:
        from yiyang_desktop.services import applications as AP
        ids["app"] = AP.prepare(admin, "operating-subsidy", year=2026, months=[1], mask_ids=False)
    except Exception:  # noqa: BLE001
        ids["app"] = None
    return ids


# ---------------------------------------------------------------- the command line

def cli_cases(work: Path, prepared: dict) -> list[tuple[list[str], set[str] | None, dict]]:
    out = work / "cli-out"
    template = work / "template.xlsx"
    return [
        (["census"], {"view"}, {}),
        (["backup"], {"backup"}, {}),
        (["backup", "--to", out / "to"], {"backup", "export.personal"}, {}),
        (["backups"], {"login"}, {}),
        (["restore", prepared["backup"], "--yes"], {"restore"}, {}),
        (["user", "list"], {"users"}, {}),
        (["user", "add", "intruder", "--role", "管理员"], {"users"}, {"YIYANG_NEW_PASSWORD": "intruder-pass-1"}),
        (["user", "reset", "target"], {"users"}, {"YIYANG_NEW_PASSWORD": "target-pass-2"}),
        (["user", "unlock", "target"], {"users"}, {}),
        (["user", "disable", "target"], {"users"}, {}),
        (["user", "enable", "target"], {"users"}, {}),
        (["user", "role", "target", "--role", "管理员"], {"users"}, {}),
        (["audit"], {"audit.read"}, {}),
        (["audit", "--out", out / "audit.xlsx"], {"audit.read"}, {}),
        (["audit", "new-key", "--yes"], {"audit.key"}, {}),
        (["apply", "operating-subsidy", "--out", out / "apply", "--date", "2026-11-23", "--months", "1",
          "--allow-missing"], {"export.personal", "records.write"}, {}),
        (["apply", "construction-subsidy", "--out", out / "apply2", "--date", "2026-11-23", "--allow-missing"],
         {"export.personal", "records.write"}, {}),
        (["return", "--month", "2026-10", "--out", out / "ret"], {"view", "export.personal"}, {}),
        (["return", "--month", "2026-10", "--submit"], {"records.write"}, {}),
        (["import", template], {"records.write"}, {}),
        (["policy", "use", "hecheng-2021"], {"settings"}, {}),
        (["policy", "list"], {"view"}, {}),
        (["init", "--name", "改名"], {"settings"}, {}),
        (["user", "passwd"], {"login"}, {"YIYANG_NEW_PASSWORD": "changed-pass-9"}),
    ]


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


def attack_cli(work: Path, prepared: dict, tally: dict) -> None:
    template = work / "template.xlsx"
    run_cli(["--db", prepared["master"], "import-template", "--out", template], None, "", {})
    cases = cli_cases(work, prepared)
    tally["cli"] = {"commands": len(cases), "roles": [*ROLES, *EXTRA], "runs": 0, "refused": 0, "allowed": 0,
                    "over_refused": 0, "bypasses": []}
    t = tally["cli"]
    for role in [*ROLES, *EXTRA]:
        for argv, needs, env in cases:
            path = work / "cli.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            shutil.copy(prepared["master"], path)
            _own_key_store(work, "cli-run")
            name = ROLES.get(role) or EXTRA[role][0]
            if role in EXTRA:
                ctx = signed_in(path, role)
                ctx.db.close()
            out = work / "cli-out"
            shutil.rmtree(out, ignore_errors=True)
            before = data_digest(path)
            rc, err = run_cli(["--db", path, *argv], name, PASSWORD, env)
            t["runs"] += 1
            refused = rc != 0 and _is_refusal_text(Exception(err))
            ok = rc == 0
            t["refused" if refused else "allowed" if ok else "failed"] = t.get("refused" if refused else
                                                                               "allowed" if ok else "failed", 0) + 1
            may = allowed(role, needs)
            where = f"{role} × yiyang {' '.join(str(a) for a in argv[:2])}"
            if not may and ok:
                t["bypasses"].append(f"{where}: should be refused (needs {sorted(needs)})")
            if not may and (_files(out) or data_digest(path) != before) and argv[0] != "restore":
                t["bypasses"].append(f"{where}: refused, yet wrote {sorted(_files(out))[:2] or 'to the data file'}")
            if not may and argv[0] == "restore" and data_digest(path) != before:
                t["bypasses"].append(f"{where}: refused, yet the data file was replaced")
            if may and refused:
                t["over_refused"] += 1


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


# ---------------------------------------------------------------- rewriting the trail

def _head(con):
    row = con.execute("SELECT value FROM app_meta WHERE key = 'audit_head'").fetchone()
    return row[0] if row else None


def _order(con) -> str:
    return "seq" if any(c[1] == "seq" for c in con.execute("PRAGMA table_info(audit_log)")) else "id"


def _sealed(con):
    o = _order(con)
    return con.execute(f"SELECT id, {o}, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY {o}").fetchall()


def _cut_tail(con, n: int = 5, keep_sig: bool = False) -> None:
    rows = _sealed(con)
    for rid, _pos, _h in rows[-n:]:
        con.execute("DELETE FROM audit_log WHERE id = ?", [rid])
    _rid, pos, h = rows[-n - 1]
    old = (_head(con) or "").split(":")
    new = [str(pos), h] + (old[2:] if keep_sig else [])
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", [":".join(new)])


def _rehash_unkeyed(con) -> None:
    """Edit an entry, then recompute every hash with the unkeyed sha256 formula (the older versions' chain)."""
    rows = _sealed(con)
    con.execute("UPDATE audit_log SET new = json_set(new, '$.name', '改过') WHERE id = ?", [rows[len(rows) // 2][0]])
    prev = None
    for rid, pos, _h in rows:
        r = con.execute("SELECT id, at, user, action, tbl, row_key, old, new FROM audit_log WHERE id = ?", [rid]).fetchone()
        canonical = json.dumps(list(r), ensure_ascii=False, separators=(",", ":"))
        h = hashlib.sha256(((prev or "") + "\n" + canonical).encode()).hexdigest()
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, h, rid])
        prev, last = h, pos
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", [f"{last}:{prev}"])


def _remac_own_key(con) -> None:
    """Edit an entry, then re-sign the whole chain with a key of the attacker's own (the formula is public)."""
    import hmac
    key = os.urandom(32)
    rows = _sealed(con)
    con.execute("UPDATE audit_log SET user = 'someone' WHERE id = ?", [rows[len(rows) // 2][0]])
    keyed = _order(con) == "seq"
    prev = None
    for rid, pos, _h in rows:
        r = con.execute("SELECT id, at, user, action, tbl, row_key, old, new FROM audit_log WHERE id = ?", [rid]).fetchone()
        values = [pos, *r] if keyed else list(r)
        text = (prev or "") + "\n" + json.dumps(values, ensure_ascii=False, separators=(",", ":"))
        h = hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [prev, h, rid])
        prev, last = h, pos
    kid = hmac.new(key, b"yiyang-audit-key-id", hashlib.sha256).hexdigest()[:16]
    con.execute("UPDATE audit_log SET row_key = ? WHERE action = 'key'", [kid])
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_key_id'", [kid])
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", [f"{last}:{prev}"])


def _triggers(con, sql_each) -> None:
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_trg_%'")]
    saved = {n: con.execute("SELECT sql FROM sqlite_master WHERE name = ?", [n]).fetchone()[0] for n in names}
    for n in names:
        con.execute(f'DROP TRIGGER "{n}"')
    sql_each(con)
    for n, sql in saved.items():
        con.execute(sql)


def _admin_insert(con) -> None:
    con.execute("INSERT INTO users (username, display_name, role, password_hash) VALUES ('mole', 'x', '管理员', "
                "(SELECT password_hash FROM users WHERE username = 'viewer'))")


def tamperings() -> dict:
    """name → function(con) applied to a copy of the file."""
    return {
        "edit an entry": lambda c: c.execute("UPDATE audit_log SET user = 'someone' WHERE id = "
                                             "(SELECT MAX(id) - 3 FROM audit_log WHERE hash IS NOT NULL)"),
        "edit the values of an entry": lambda c: c.execute(
            "UPDATE audit_log SET new = json_set(COALESCE(new, '{}'), '$.x', 1) WHERE id = "
            "(SELECT MIN(id) + 10 FROM audit_log)"),
        "delete an entry in the middle": lambda c: c.execute(
            "DELETE FROM audit_log WHERE id = (SELECT MAX(id) - 3 FROM audit_log WHERE hash IS NOT NULL)"),
        "delete the last entry": lambda c: c.execute(
            "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log WHERE hash IS NOT NULL)"),
        "cut the tail and move the head": lambda c: _cut_tail(c),
        "cut the tail and move the head, keeping its signature": lambda c: _cut_tail(c, keep_sig=True),
        "cut the tail, move the head, drop the returns' anchors": lambda c: (
            _cut_tail(c), c.execute("DELETE FROM audit_anchors") if _has(c, "audit_anchors") else None),
        "delete every entry": lambda c: c.execute("DELETE FROM audit_log"),
        "delete every entry and the head": lambda c: (c.execute("DELETE FROM audit_log"),
                                                      c.execute("DELETE FROM app_meta WHERE key = 'audit_head'")),
        "delete every entry and every audit record in app_meta": lambda c: (
            c.execute("DELETE FROM audit_log"), c.execute("DELETE FROM app_meta WHERE key LIKE 'audit%'"),
            c.execute("DELETE FROM audit_anchors") if _has(c, "audit_anchors") else None),
        "delete everything and give the file a new identity": lambda c: (
            c.execute("DELETE FROM audit_log"), c.execute("DELETE FROM app_meta WHERE key LIKE 'audit%'"),
            c.execute("UPDATE app_meta SET value = 'aaaaaaaa-0000-4000-8000-000000000000' WHERE key = 'file_id'")),
        "re-hash after an edit (unkeyed formula)": _rehash_unkeyed,
        "re-sign after an edit with one's own key": _remac_own_key,
        "insert a forged entry": lambda c: c.execute(
            "INSERT INTO audit_log (at, user, action, tbl, row_key, new, prev_hash, hash) "
            "VALUES ('2026-11-23 09:00:00', 'x', 'insert', 'residents', '99', '{}', 'ab', 'cd')"),
        "swap two entries' positions": lambda c: _swap(c),
        "delete an entry and close the gap": lambda c: _close_gap(c),
        "insert an administrator": _admin_insert,
        "insert an administrator with the triggers off": lambda c: _triggers(c, _admin_insert),
        "promote a user with the triggers off": lambda c: _triggers(
            c, lambda x: x.execute("UPDATE users SET role = '管理员' WHERE username = 'viewer'")),
        "take over an account's password with the triggers off": lambda c: _triggers(
            c, lambda x: x.execute("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE "
                                   "username = 'viewer') WHERE username = 'admin'")),
        "change a resident with the triggers off and back on": lambda c: _triggers(
            c, lambda x: x.execute("UPDATE residents SET name = '改名' WHERE id = (SELECT MIN(id) FROM residents)")),
        "drop every audit trigger": lambda c: [c.execute(f'DROP TRIGGER "{n}"') for (n,) in c.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_trg_%'").fetchall()],
        "drop one audit trigger": lambda c: c.execute('DROP TRIGGER "audit_trg_residents_upd"'),
        "replace a trigger with one that records nothing": lambda c: (
            c.execute('DROP TRIGGER "audit_trg_users_ins"'),
            c.execute('CREATE TRIGGER "audit_trg_users_ins" AFTER INSERT ON users BEGIN SELECT 1; END')),
        "add a trigger that erases new entries": lambda c: c.execute(
            "CREATE TRIGGER zz_erase AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log WHERE id = NEW.id; END"),
        "roll the trail back to an older backup's head": None,  # these three: see attack_tamper
        "roll the trail back to an older backup's head, keeping the schema record": None,
        "edit a backup's anchor": None,
    }


def _has(con, table: str) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() is not None


def _swap(con) -> None:
    o = _order(con)
    rows = _sealed(con)
    a, b = rows[-4], rows[-3]
    con.execute(f"UPDATE audit_log SET {o} = -1 WHERE id = ?", [a[0]]) if o == "seq" else None
    if o == "seq":
        con.execute("UPDATE audit_log SET seq = ? WHERE id = ?", [a[1], b[0]])
        con.execute("UPDATE audit_log SET seq = ? WHERE id = ?", [b[1], a[0]])
    else:
        ra = con.execute("SELECT at, user, action, tbl, row_key, old, new, prev_hash, hash FROM audit_log WHERE id = ?",
                         [a[0]]).fetchone()
        rb = con.execute("SELECT at, user, action, tbl, row_key, old, new, prev_hash, hash FROM audit_log WHERE id = ?",
                         [b[0]]).fetchone()
        for rid, r in ((a[0], rb), (b[0], ra)):
            con.execute("UPDATE audit_log SET at=?, user=?, action=?, tbl=?, row_key=?, old=?, new=?, prev_hash=?, "
                        "hash=? WHERE id = ?", [*r, rid])


def _close_gap(con) -> None:
    o = _order(con)
    rows = _sealed(con)
    victim = rows[-5]
    con.execute("DELETE FROM audit_log WHERE id = ?", [victim[0]])
    if o == "seq":
        for rid, pos, _h in rows[-4:]:
            con.execute("UPDATE audit_log SET seq = ? WHERE id = ?", [pos - 1, rid])
    nxt = rows[-4]
    con.execute("UPDATE audit_log SET prev_hash = ? WHERE id = ?", [rows[-6][2], nxt[0]])
    last = con.execute(f"SELECT {o}, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY {o} DESC LIMIT 1").fetchone()
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", [f"{last[0]}:{last[1]}"])


_found: dict[str, str] = {}


def _check(path: Path) -> bool:
    """True when ``yiyang check`` reports a problem (or refuses the file); the first finding is kept."""
    from yiyang_desktop import cli
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli.main(["--db", str(path), "check"])
    try:
        report = json.loads(out.getvalue())
        _found[str(path)] = ((report.get("audit") or {}).get("problems") or [str(report.get("integrity"))])[0]
    except ValueError:
        _found[str(path)] = err.getvalue().strip()[:200]
    return rc != 0


def attack_tamper(work: Path, prepared: dict, tally: dict) -> None:
    from yiyang_desktop.services import backup as bk
    base = work / "tamper-base" / "yiyang.db"
    base.parent.mkdir(exist_ok=True)
    shutil.copy(prepared["master"], base)
    ctx = Context(open_db(base), clock=CLOCK)
    A.login(ctx, "admin", "demo")
    older = Path(bk.make_backup(ctx, base, now=dt.datetime(2026, 11, 21, 10))["path"])  # kept by rotation
    from yiyang_desktop.services.residents import get_resident, update_resident
    rid = ctx.db.execute("SELECT MIN(id) FROM residents").fetchone()[0]
    for i in range(8):
        r = get_resident(ctx, rid)
        update_resident(ctx, rid, r | {"note": f"note {i}"})
    newer = Path(bk.make_backup(ctx, base, now=dt.datetime(2026, 11, 23, 11))["path"])
    ctx.db.close()
    if _check(base):
        tally["tamper"] = {"tried": 0, "detected": 0, "undetected": ["the untouched file already fails the check"]}
        return
    tried, detected, undetected, findings = 0, 0, [], {}
    for name, apply in tamperings().items():
        case = work / "tamper" / re.sub(r"\W+", "-", name) / "yiyang.db"
        case.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(base, case)
        if _check(case):  # the program has looked at the file where it lies before it is tampered with
            undetected.append(f"{name}: the copy failed the check before it was touched")
            continue
        if apply is not None:
            con = sqlite3.connect(case)
            try:
                apply(con)
                con.commit()
            finally:
                con.close()
        elif name == "edit a backup's anchor":
            shutil.copy(newer, work / "newer.keep")
            con = sqlite3.connect(newer)
            row = con.execute("SELECT value FROM app_meta WHERE key = 'audit_anchor'").fetchone()
            if row:
                a = json.loads(row[0])
                a["seq"] = max(1, a["seq"] - 3)
                con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_anchor'", [json.dumps(a)])
                con.commit()
            con.close()
        else:  # the older backup's trail and head put back into the file: as if the later entries never were
            con = sqlite3.connect(case)
            con.execute("ATTACH ? AS old", [str(older)])
            con.execute("DELETE FROM audit_log")
            con.execute("INSERT INTO audit_log SELECT * FROM old.audit_log")
            keys = ("audit_head", "audit_accounts") if "keeping" in name else ("audit_head", "audit_schema",
                                                                              "audit_accounts")
            for key in keys:
                con.execute("DELETE FROM app_meta WHERE key = ?", [key])
                con.execute("INSERT INTO app_meta SELECT * FROM old.app_meta WHERE key = ?", [key])
            con.commit()
            con.execute("DETACH old")
            con.close()
        tried += 1
        found = _check(case)
        findings[name] = _found.get(str(case), "") if found else ""
        if name == "drop every audit trigger" and found:
            found = _write_refused(case)
        detected += found
        if not found:
            undetected.append(name)
        if name == "edit a backup's anchor":
            shutil.copy(work / "newer.keep", newer)
    tally["tamper"] = {"tried": tried, "detected": detected, "undetected": undetected, "findings": findings}


def _write_refused(path: Path) -> bool:
    """With the triggers gone, a use case must be refused (not write unrecorded)."""
    ctx = Context(open_db(path), clock=CLOCK)
    try:
        A.login(ctx, "admin", "demo")
        from yiyang_desktop.services.institution import get_institution, save_institution
        save_institution(ctx, get_institution(ctx) | {"name": "无记录的修改"})
        return False
    except Exception:  # noqa: BLE001 - refused
        return True
    finally:
        ctx.db.close()


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
