"""`yiyang apply`: subsidy and 医保定点 applications; `yiyang policy`: the regional policy profiles."""
from __future__ import annotations

import sys
from pathlib import Path

KINDS = ("construction-subsidy", "operating-subsidy", "insurance-designation")


def cmd_apply(args) -> int:
    from .cli import _open, _print
    from .services import applications as A
    from .services.subsidies import parse_months
    ctx = _open(args)
    months = parse_months(args.months) if args.kind == "operating-subsidy" else None
    app = A.prepare(ctx, args.kind, year=args.year, months=months, profile_id=args.profile,
                    mask_ids=not args.full_ids, on=args.date)
    warnings = [str(w) for w in A.save_warnings(ctx, app)]
    for w in warnings:
        print(f"注意：{w}", file=sys.stderr)
    files = A.write(ctx, app, Path(args.out), allow_missing=args.allow_missing)
    s = app.summary
    out = {"kind": args.kind, "as_of": app.as_of.isoformat(), "files": [str(f) for f in files],
           "application_id": s.get("application_id")}
    if warnings:
        out["warnings"] = warnings
    if args.kind == "insurance-designation":
        out |= {"ready": s["ready"], "earliest_date": s["earliest_date"], "conditions": s["conditions"]}
    else:
        out |= {"profile": s["profile"]["id"], "profile_version": s["profile"]["version"],
                "profile_force": s["profile"]["force"], "amount_fen": s["amount_fen"],
                "amount_capital": s["amount_capital"]}
    if args.kind == "construction-subsidy":
        out |= {"bed_count": s["bed_count"], "beds_excluded": len(s["excluded"]), "totals": s["totals"]}
    if args.kind == "operating-subsidy":
        out |= {"year": s["year"], "months": s["months"], "bed_months": s["bed_months"],
                "bed_months_by_month": s["bed_months_by_month"], "amount_fen_by_month": s["amount_fen_by_month"],
                "month_notes": s["month_notes"], "excluded": len(s["excluded"])}
    if s.get("problems"):
        out["notes"] = s["problems"]
    if app.missing:
        out["missing"] = [str(x) for x in A.missing_labels(app)]
    _print(out)
    return 0


def _target(args) -> Path:
    from .services.base import ServiceError
    if not args.target:
        raise ServiceError("请给出政策配置文件的路径，例如：yiyang policy check 配置.toml")
    return Path(args.target)


def cmd_policy(args) -> int:
    from .cli import _open, _print
    from .services import policy as P
    if args.action == "check":
        problems = P.check_file(_target(args))
        for p in problems:
            where = f"{args.target}:{p.line}" if p.line else args.target
            print(f"{where}: {p.path}：{p.message}" if p.path else f"{where}: {p.message}", file=sys.stderr)
        _print({"file": args.target, "ok": not problems,
                "problems": [{"line": p.line, "field": p.path, "message": str(p.message)} for p in problems]})
        return 0 if not problems else 1
    ctx = _open(args)
    if args.action == "list":
        active = P.active_profile_id(ctx)
        _print([p.describe() | {"active": p.id == active} for p in P.list_profiles(ctx)])
    elif args.action == "show":
        _print(P.get_profile(ctx, args.target).data | {"shipped": P.get_profile(ctx, args.target).shipped})
    elif args.action == "use":
        P.set_active_profile(ctx, args.target)
        _print({"active": args.target})
    elif args.action == "import":
        _print(P.import_profile_file(ctx, _target(args)).describe())
    return 0


def _date(value: str):
    from .cli import _date as parse
    return parse(value)


def register(sub) -> None:
    s = sub.add_parser("apply", help="生成补贴或医保定点申请表（Excel 和 PDF），输出 JSON 摘要")
    s.add_argument("kind", choices=KINDS, help="construction-subsidy 建设补贴 / operating-subsidy 运营补贴 / "
                                                "insurance-designation 医保定点")
    s.add_argument("--year", type=int, help="运营补贴的年度（默认今年）")
    s.add_argument("--months", help="运营补贴的月份，如 1-12、3 或 1,2,7-9（默认全年）")
    s.add_argument("--profile", help="政策配置编号（默认取设置中的当前配置），如 hecheng-2021、chongqing-2023")
    s.add_argument("--out", required=True, help="保存申请表的文件夹")
    s.add_argument("--full-ids", action="store_true", help="花名册显示完整身份证号（默认隐去中间位数）")
    s.add_argument("--allow-missing", action="store_true", help="机构资料不全时仍然生成（缺项留空）")
    s.add_argument("--date", type=_date, help="计算日期 YYYY-MM-DD（默认今天）：按这一天的记录计算，已结束的月份才计，"
                                              "同一天、同样的记录总得到同样的结果")
    s.set_defaults(func=cmd_apply)
    s = sub.add_parser("policy", help="政策配置：list 列出 / show ID / use ID 设为当前 / import FILE / check FILE")
    s.add_argument("action", choices=("list", "show", "use", "import", "check"))
    s.add_argument("target", nargs="?", help="配置编号或文件路径")
    s.set_defaults(func=cmd_policy)
