"""`yiyang return`: monthly returns — figures as JSON, Excel + PDF files, 报送 (freeze) and corrections."""
from __future__ import annotations

import sys
from pathlib import Path


def _one(ctx, year: int, month: int, args, institution: str) -> dict:
    from .services import returns as RT
    ret = RT.compute_return(ctx, year, month, args.profile, with_trend=bool(args.out), as_of=args.date)
    out = dict(ret.figures)
    if args.submit:
        out["submitted_id"] = RT.submit_return(ctx, ret, args.note or "")
        out["submitted_version"] = RT.submitted_returns(ctx, ret.key)[0]["version"]
    elif RT.submitted_returns(ctx, ret.key):
        out["differences_from_submitted"] = RT.compare_with_submitted(ctx, year, month)
    if args.out:
        out["files"] = [str(p) for p in RT.write_files(ctx, ret, Path(args.out), institution)]
    return out


def cmd_return(args) -> int:
    from .cli import _print
    from .cli_accounts import open_context  # log in (--user / YIYANG_USER, YIYANG_PASSWORD)
    from .services import returns as RT
    from .services.base import Problem, ValidationError
    from .services.institution import get_institution
    if (args.month is None) == (args.year is None):
        raise ValidationError([Problem("month", "请给出 --month YYYY-MM 或 --year YYYY 其中之一")])
    ctx = open_context(args)
    institution = get_institution(ctx).get("name") or ""
    if args.month is not None:
        year, month = RT.parse_month(args.month)
        _print(_one(ctx, year, month, args, institution))
        return 0
    if not 2000 <= args.year <= 2100:
        raise ValidationError([Problem("year", f"年份“{args.year}”无效")])
    months = RT.months_of_year(ctx, args.year, args.date)
    if not months:
        raise ValidationError([Problem("year", f"{args.year}年尚未开始，没有可生成的月报")])
    results = []
    for i, m in enumerate(months, start=1):
        if args.submit and RT.month_bounds(args.year, m)[1] >= ctx.today():
            print(f"{args.year}-{m:02d} 尚未结束，未报送", file=sys.stderr)
            args_copy = type(args)(**{**vars(args), "submit": False})
            results.append(_one(ctx, args.year, m, args_copy, institution))
        else:
            results.append(_one(ctx, args.year, m, args, institution))
        if sys.stderr.isatty():
            print(f"\r{i}/{len(months)}", end="", file=sys.stderr, flush=True)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    _print({"year": args.year, "months": results})
    return 0


def _date(value: str):
    from .cli import _date as parse
    return parse(value)


def register(sub) -> None:
    s = sub.add_parser("return", help="月报：某月（或全年各月）的床位、老人、医养结合与人员数据（JSON），可生成 Excel 和 PDF 并报送")
    s.add_argument("--month", help="月份 YYYY-MM，如 2026-10")
    s.add_argument("--year", type=int, help="整年：该年已开始的各月（每月一套文件）")
    s.add_argument("--out", help="保存 Excel 和 PDF 的文件夹")
    s.add_argument("--profile", help="政策配置编号（默认取设置中的当前配置）")
    s.add_argument("--submit", action="store_true", help="报送：冻结本月数据（再次报送即生成更正版本）")
    s.add_argument("--note", help="报送备注（更正版本请写明更正原因）")
    s.add_argument("--date", type=_date, help="计算日期 YYYY-MM-DD（默认今天）：按这一天判断月份是否已结束、运营补贴床次计到哪个月")
    s.set_defaults(func=cmd_return)
