"""Every public service function that touches the data says who may call it (issue #15).

The walk covers every module of ``yiyang_desktop.services``. A function "touches the data" when it takes the data
file (``ctx``, ``db``) or a file or folder (``path``, ``out_dir`` …) — those must carry ``@requires(perm)``,
``@requires_login`` or ``@public("why")``. Pure functions of plain values (parsers, formatters, maskers) need none;
the test lists them so a new one is seen.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import yiyang_desktop.services as pkg
from yiyang_desktop.services.permissions import PERMS, declaration

#: Parameter names that hand a function the data file or a place on disk.
DATA_PARAMS = {"ctx", "db", "ctx_or_db", "conn", "con", "path", "db_path", "backup_file", "folder", "out_dir",
               "source", "out", "target", "tsv", "book"}
#: Modules that are the program's own tooling, not use cases (the demo builder writes a new demo file).
TOOLING = {"demo", "demo_assessments", "demo_medical"}


def public_functions():
    for info in pkgutil.iter_modules(pkg.__path__):
        mod = importlib.import_module(f"yiyang_desktop.services.{info.name}")
        for name, fn in vars(mod).items():
            if name.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != mod.__name__:
                continue
            yield info.name, name, fn


def touches_data(fn) -> bool:
    return bool(set(inspect.signature(inspect.unwrap(fn)).parameters) & DATA_PARAMS)


def test_every_public_service_function_that_touches_data_declares_who_may_call_it():
    missing = [f"{m}.{n}" for m, n, fn in public_functions()
               if m not in TOOLING and touches_data(fn) and declaration(fn) is None]
    assert missing == []


def test_declarations_name_real_permissions_and_public_ones_give_a_reason():
    seen = 0
    for m, n, fn in public_functions():
        d = declaration(fn)
        if d is None:
            continue
        seen += 1
        kind, _, rest = d.partition(":")
        assert kind in ("perm", "login", "public"), (m, n, d)
        if kind == "perm":
            assert rest in PERMS, (m, n, rest)
        if kind == "public":
            assert len(rest) >= 10, (m, n, "a public function says why it is open")
    assert seen > 150


def test_pure_helpers_are_few_and_take_no_data():
    pure = sorted(f"{m}.{n}" for m, n, fn in public_functions()
                  if m not in TOOLING and not touches_data(fn) and declaration(fn) is None)
    # parsers, formatters, maskers and rules of plain values; listed so a new one is looked at
    assert len(pure) < 60, pure


@pytest.mark.parametrize("module", ["settings", "audit", "audit_view", "backup", "backup_restore", "accounts"])
def test_the_functions_the_issue_named_are_declared(module):
    mod = importlib.import_module(f"yiyang_desktop.services.{module}")
    for name in {"settings": ["set_setting", "get_setting"], "audit": ["query", "verify_chain"],
                 "audit_view": ["query", "export_xlsx", "tables", "users"],
                 "backup": ["make_backup", "set_second_dir", "restore"],
                 "backup_restore": ["restore", "restore_into_context"],
                 "accounts": ["create_user", "set_role", "login", "change_password", "record_export"]}[module]:
        assert declaration(getattr(mod, name)) is not None, f"{module}.{name}"
    if module == "settings":
        assert declaration(mod.set_setting) == "perm:settings"
    if module == "audit_view":
        assert declaration(mod.query) == "perm:audit.read"
