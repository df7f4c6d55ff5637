"""Slots cannot be handed a signal's argument by mistake, and the window never reads the wall clock for a date.

A button's ``clicked(bool)`` (or ``toggled(bool)``, ``triggered(bool)``) is passed to a connected method that accepts a
positional argument: ``save_files(folder=None)`` connected directly received ``folder=False``. So a method of a ui class
that is connected directly (``x.connect(self.m)``) or listed as a slot in a table of buttons (``("key", text, self.m)``)
must not take a positional parameter with a default: make it keyword-only (``def m(self, *, folder=None)``).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).parents[1] / "yiyang_desktop" / "ui"


def _slot_references(tree: ast.Module):
    """(class, method, line) for each ``self.method`` passed to ``.connect(...)`` or written in a tuple/list."""
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
        for node in ast.walk(cls):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect":
                values = node.args
            elif isinstance(node, (ast.Tuple, ast.List)):
                values = node.elts
            else:
                continue
            for v in values:
                if (isinstance(v, ast.Attribute) and isinstance(v.value, ast.Name) and v.value.id == "self"
                        and v.attr in methods):
                    yield cls.name, methods[v.attr], v.lineno


def _risky(fn: ast.FunctionDef) -> bool:
    """A positional parameter (after self) with a default: a signal's bool would fill it."""
    positional = fn.args.posonlyargs + fn.args.args
    return len(positional) > 1 and bool(fn.args.defaults)


def test_no_slot_takes_an_optional_positional_argument():
    found = []
    for path in sorted(UI.glob("*.py")):
        for cls, fn, line in _slot_references(ast.parse(path.read_text("utf-8"))):
            if _risky(fn):
                found.append(f"{path.name}:{line} {cls}.{fn.name} (def line {fn.lineno})")
    assert not found, "slots with an optional positional argument (make it keyword-only):\n" + "\n".join(found)


def test_the_check_sees_a_slot_with_an_optional_argument():
    src = ("class P:\n    def __init__(self):\n        self.b.clicked.connect(self.save)\n"
           "        for k, t, s in ((1, 2, self.other),):\n            pass\n"
           "    def save(self, folder=None):\n        pass\n    def other(self, *, path=None):\n        pass\n")
    refs = [(c, f.name) for c, f, _ in _slot_references(ast.parse(src)) if _risky(f)]
    assert refs == [("P", "save")]


@pytest.mark.parametrize("path", sorted(UI.glob("*.py")), ids=lambda p: p.name)
def test_the_window_takes_today_from_the_context(path):
    text = path.read_text("utf-8")
    for wall_clock in ("QDate.currentDate", "QDateTime.currentDateTime", "date.today(", "datetime.now("):
        assert wall_clock not in text, f"{path.name} reads the wall clock ({wall_clock}); use ctx.today()/ctx.now()"


def test_a_required_date_starts_on_the_day_it_is_given(qtbot, ctx):
    import datetime as dt
    from yiyang_desktop.ui.beds_page import BedsPage
    from yiyang_desktop.ui.common import DateField
    from yiyang_desktop.ui.staff_dialogs import StaffDialog
    with pytest.raises(TypeError, match="ctx.today"):
        DateField(optional=False)  # it would have started on the computer's date
    assert DateField().value() is None
    ctx.clock.advance(days=1700)  # years away from the day the test runs
    day = ctx.today()
    assert day > dt.date(2031, 1, 1)
    page = BedsPage(ctx)
    qtbot.addWidget(page)
    dlg = StaffDialog(ctx)
    qtbot.addWidget(dlg)
    assert page.day.value() == day and dlg.form.values()["start_date"] == day
