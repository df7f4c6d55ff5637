"""Per-file settings kept in the database (JSON values). Reading needs "view"; changing needs "settings" (the
administrator): the backup folders, the idle lock and the policy profile live here."""
from __future__ import annotations

import json
from typing import Any

from .base import Context
from .permissions import requires

DEFAULTS: dict[str, Any] = {
    "reassessment_months": 6,
    "agreement_expiry_warning_days": 60,
}


@requires("view")
def get_setting(ctx: Context, key: str) -> Any:
    row = ctx.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else DEFAULTS.get(key)


@requires("settings")
def set_setting(ctx: Context, key: str, value: Any) -> None:
    with ctx.transaction() as db:
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [key, json.dumps(value, ensure_ascii=False)])
