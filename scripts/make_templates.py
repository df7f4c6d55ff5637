"""Regenerate the shipped Excel templates in resources/templates/ from the form layouts (exports/forms.py).

    python scripts/make_templates.py

A test checks the committed templates still match the layouts, so run this after changing a layout.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from yiyang_desktop.exports.form_xlsx import make_template  # noqa: E402
from yiyang_desktop.exports.forms import FORM_KINDS  # noqa: E402


def main() -> None:
    out = ROOT / "resources" / "templates"
    out.mkdir(parents=True, exist_ok=True)
    for kind in FORM_KINDS:
        wb = make_template(kind)
        wb.properties.creator = "医养台账"
        path = out / f"{kind}.xlsx"
        wb.save(path)
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
