"""`yiyang import FILE.xlsx [--dry-run]` and `yiyang import-template --out FILE.xlsx`: Excel ledgers.

`import` prints the summary as JSON on stdout. When any row has a problem nothing is written: the problems are
listed in Chinese on stderr (sheet, row, column, reason) and the exit code is 1. A file that cannot be read as
.xlsx exits 2 with a Chinese message, like every other refusal of the command line.
"""
from __future__ import annotations

import sys
from pathlib import Path


def cmd_import(args) -> int:
    from .cli import _open, _print
    from .services.importer import import_workbook
    ctx = _open(args)
    result = import_workbook(ctx, args.file, dry_run=args.dry_run)
    _print(result.to_json())
    if not result.ok:
        print(result.report(), file=sys.stderr)
        return 1
    return 0


def cmd_template(args) -> int:
    from .cli import _print
    from .exports.import_templates import write_template
    from .services.importer import SHEETS
    try:
        path = write_template(args.out)
    except OSError as e:
        print(f"错误：无法写入 {args.out}：{e.strerror or e}", file=sys.stderr)
        return 2
    _print({"template": str(path), "sheets": [s.name for s in SHEETS]})
    return 0


def register(sub) -> None:
    s = sub.add_parser("import", help="从 Excel 导入已有台账（床位、入住老人、人员、合作医疗机构、历史评估），全部导入或一条不导入")
    s.add_argument("file", type=Path, help="按导入模板填写的 .xlsx 文件")
    s.add_argument("--dry-run", action="store_true", help="只检查并报告将新增多少条，不写入")
    s.set_defaults(func=cmd_import)
    s = sub.add_parser("import-template", help="生成导入用的 Excel 模板（含填写说明）")
    s.add_argument("--out", required=True, type=Path, help="模板保存路径（.xlsx）")
    s.set_defaults(func=cmd_template)
