"""The audit trail's filtered entries as one sheet that opens in any spreadsheet program and prints on A4."""
from __future__ import annotations

from pathlib import Path

from . import workbook as W

COLUMNS = [("id", "编号", "count"), ("at", "时间", "datetime"), ("user", "用户", "text"), ("action", "操作", "text"),
           ("table", "数据表", "text"), ("row_key", "记录", "text"), ("changes", "变更内容", "text"),
           ("sealed", "已签名", "text")]


def write_audit_xlsx(rows: list[dict], path: Path | str) -> Path:
    """``rows``: dicts with the keys of ``COLUMNS`` (the action and table already as the reader sees them)."""
    wb = W.new_workbook()
    ws = wb.active
    ws.title = "审计记录"
    last = W.write_table(ws, COLUMNS, rows, total_label=f"共 {len(rows)} 条", most=70)
    ws.freeze_panes = "A2"
    W.print_setup(ws, title_rows=(1, 1), last_row=last, last_col=len(COLUMNS), landscape=True,
                  header="审计记录")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
