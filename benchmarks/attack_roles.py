"""Roles × service functions and roles × ``yiyang`` commands (part of benchmarks/attack_access.py)."""
from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import inspect
import io
import json
import pkgutil
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from yiyang_desktop.services.base import Context, PermissionDenied  # noqa: E402
from yiyang_desktop.store.db import open_db  # noqa: E402

from attack_common import (CLOCK, EXTRA, MASKED, PASSWORD, ROLE_PERMS, ROLES, TODAY, _files, _is_refusal_text,  # noqa: E402
                           _own_key_store, data_digest, run_cli, secrets_of, signed_in)

TOOLING = {"demo", "demo_assessments", "demo_medical", "demo_health", "permissions"}  # (permissions: the check itself)
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
    "backup_restore": {"damaged_file_context"}, "server_backup": {"list_server_backups", "read_dump"},
    "exporting": {"ensure_recordable"},
    "importer": {"read_workbook"}, "policy": {"read_file", "check_file"}, "profile_files": {"read_profile_text"},
    "returns": {"months_of_year"}, "workbook_reader": {"scan", "read_book"},
    "permissions": {"current_role", "permissions", "can", "check", "check_login"},
    "attachments": {"attachments_dir", "sha256_of", "copy_in", "recording", "check_copy", "forget"},
}
SPECIAL = {
    ("accounts", "change_password"): {"login"}, ("accounts", "record_export"): {"export.personal"},
    ("settings", "set_setting"): {"settings"}, ("settings", "get_setting"): {"view"},
    ("audit", "query"): {"audit.read"}, ("audit", "tables"): {"audit.read"}, ("audit", "users"): {"audit.read"},
    ("audit", "export_xlsx"): {"audit.read"},
    ("audit_key", "take_recovery_code"): {"audit.key"}, ("audit_key", "replace"): {"audit.key"},
    ("backup", "make_backup"): {"backup"}, ("backup", "set_second_dir"): {"settings"},
    ("server_backup", "make_server_backup"): {"backup"}, ("migrate_to", "migrate_to"): {"restore"},
    ("audit_anchors", "write_for_dump"): {"backup"},
    ("backup", "restore"): {"restore"}, ("backup", "restore_into_context"): {"restore"},
    ("backup_restore", "restore"): {"restore"}, ("backup_restore", "restore_into_context"): {"restore"},
    ("applications", "write"): {"export.personal", "records.write"},
    ("assessment_reports", "report_data"): {"export.personal"}, ("assessment_reports", "grade_rows"): {"export.personal"},
    ("referrals", "slip_data"): {"export.personal"}, ("returns", "write_files"): {"export.personal"},
    ("exporting", "exporting"): {"export.personal"}, ("exporting", "write_exported"): {"export.personal"},
    ("institution", "save_institution"): {"settings"}, ("insurance", "save_answers"): {"settings"},
    ("assessments", "set_care_levels"): {"settings"}, ("assessments", "set_reassessment_months"): {"settings"},
    ("partners", "set_expiry_warning_days"): {"settings"}, ("referrals", "set_indications"): {"settings"},
    ("applications", "save_warnings"): {"view"}, ("partners", "renewal_defaults"): {"view"},
    ("returns", "submitted_returns"): {"view"}, ("importer", "import_workbook"): {"records.write"},
    ("dashboard", "start_checklist"): {"view"}, ("ltc", "set_list_profile"): {"settings"},
    ("ltc", "write_list_files"): {"export.personal"},
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
        "check_id": ids["check"], "level_id": ids["level"], "lst": ids["lst"], "stored_name": "attachments/x",
        "stored": None, "url": "postgresql://intruder@127.0.0.1:1/nowhere", "dump": work / "in.dump", "ref": "x", "write": lambda: [],
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
        "check": _first(db, "SELECT id FROM health_checks ORDER BY id"),
        "level": _first(db, "SELECT id FROM ltc_levels ORDER BY id"),
    }
    admin = Context(db, user="admin", role="管理员", clock=CLOCK)
    try:
        from yiyang_desktop.services import returns as RT
        ids["ret"] = RT.compute_return(admin, 2026, 10)
    except Exception:  # noqa: BLE001
        ids["ret"] = None
    try:
        from yiyang_desktop.services import ltc as LT
        ids["lst"] = LT.compute_list(admin, 2026, 10)
    except Exception:  # noqa: BLE001 - an older version: no 长护险 list
        ids["lst"] = None
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
        (["health", "due"], {"view"}, {}),
        (["health", "add-check", "--resident", "1", "--findings", "x"], {"records.write"}, {}),
        (["ltc", "--month", "2026-10", "--out", out / "ltc"], {"view", "export.personal"}, {}),
        (["policy", "list"], {"view"}, {}),
        (["init", "--name", "改名"], {"settings"}, {}),
        (["user", "passwd"], {"login"}, {"YIYANG_NEW_PASSWORD": "changed-pass-9"}),
    ]




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


