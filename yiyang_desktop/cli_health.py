"""`yiyang health due|add-check|checks` and `yiyang ltc`: yearly health checks and the 长护险 monthly list, as JSON,
through the same services (and permissions) as the window. Every command logs in first (--user / YIYANG_USER,
password from YIYANG_PASSWORD or a prompt)."""
from __future__ import annotations

from pathlib import Path


def _resident_id(ctx, text: str) -> int:
    """A resident by the record number or the 身份证号."""
    from .services.base import Problem, ValidationError
    value = (text or "").strip()
    row = ctx.db.execute("SELECT id FROM residents WHERE id_number = ? OR CAST(id AS TEXT) = ?",
                         [value.upper(), value]).fetchone()
    if row is None:
        raise ValidationError([Problem("resident", f"没有找到老人“{value}”（请写老人编号或身份证号）")])
    return row[0]


def _partner_id(ctx, text: str | None) -> int | None:
    from .services.base import Problem, ValidationError
    if not text:
        return None
    row = ctx.db.execute("SELECT id FROM partners WHERE name = ? OR CAST(id AS TEXT) = ?", [text, text]).fetchone()
    if row is None:
        raise ValidationError([Problem("partner", f"没有找到合作医疗机构“{text}”")])
    return row[0]


def cmd_health_due(args) -> int:
    from .cli import _print
    from .cli_accounts import open_context
    from .services import health as HS
    ctx = open_context(args)
    lists = HS.due_lists(ctx, args.date or ctx.today())
    _print({"date": lists["date"],
            "due": [{k: r[k] for k in ("resident_id", "name", "age", "last_check")} for r in lists["due"]],
            "feedback_overdue": [{k: r[k] for k in ("resident_id", "name", "check_date", "days_since")}
                                 for r in lists["feedback_overdue"]]})
    return 0


def _check_json(c: dict) -> dict:
    return {"check_id": c["id"], "resident_id": c["resident_id"], "name": c["name"], "check_date": c["check_date"],
            "provider": c["provider"], "doctor": c["doctor"], "findings": c["findings"], "advice": c["advice"],
            "feedback_date": c["feedback_date"], "feedback_to": c["feedback_to"],
            "feedback_deadline": c["feedback_deadline"], "feedback_on_time": c["feedback_on_time"],
            "reports": [{"name": f["original_name"], "sha256": f["sha256"]} for f in c["reports"]]}


def cmd_health_add_check(args) -> int:
    from .cli import _print
    from .cli_accounts import open_context
    from .services import health as HS
    ctx = open_context(args)
    rid = _resident_id(ctx, args.resident)
    kind = args.provider_kind or ("合作医疗机构" if args.partner else "内设医疗机构")
    data = {"check_date": args.date or ctx.today(), "provider_kind": kind, "partner_id": _partner_id(ctx, args.partner),
            "provider_name": args.provider_name, "doctor": args.doctor, "findings": args.findings,
            "advice": args.advice, "feedback_date": args.feedback_date, "feedback_to": args.feedback_to}
    check_id = HS.add_check(ctx, rid, data, Path(args.report) if args.report else None)
    _print(_check_json(HS.get_check(ctx, check_id)))
    return 0


def cmd_health_checks(args) -> int:
    from .cli import _print
    from .cli_accounts import open_context
    from .services import health as HS
    from .services.base import Problem, ValidationError
    if not 2000 <= args.year <= 2100:
        raise ValidationError([Problem("year", f"年份“{args.year}”无效")])
    ctx = open_context(args)
    checks = list(reversed(HS.list_checks(ctx, year=args.year)))
    _print({"year": args.year, "count": len(checks), "feedback_on_time": sum(c["feedback_on_time"] for c in checks),
            "checks": [_check_json(c) for c in checks]})
    return 0


def cmd_ltc(args) -> int:
    from .cli import _print
    from .cli_accounts import open_context
    from .services import ltc as LS
    from .services.returns import parse_month
    year, month = parse_month(args.month)
    ctx = open_context(args)
    lst = LS.compute_list(ctx, year, month, args.profile)
    data = lst.to_json()
    keys = ("resident_id", "name", "level", "valid_to", "care_days", "hospital_days", "amount_fen", "fund_fen",
            "self_fen")
    out = {"month": data["month"], "residents": [{k: r[k] for k in keys} for r in data["residents"]],
           "excluded": data["excluded"], "total_fen": data["total_fen"], "fund_total_fen": data["fund_total_fen"],
           "self_total_fen": data["self_total_fen"], "profile_id": data["profile_id"], "computed": data["computed"],
           "problems": data["problems"]}
    if args.out:
        out["files"] = [str(p) for p in LS.write_list_files(ctx, lst, Path(args.out))]
    _print(out)
    return 0


def _date(value: str):
    from .cli import _date as parse
    return parse(value)


def register(sub) -> None:
    s = sub.add_parser("health", help="健康管理：年度体检到期、体检结果告知逾期（JSON）、登记体检、某年的体检记录")
    hs = s.add_subparsers(dest="health_command", required=True, metavar="操作")
    d = hs.add_parser("due", help="某一天体检到期（年满65周岁、12个月内没有体检）和超过1个月未告知结果的在住老人")
    d.add_argument("--date", type=_date, help="日期 YYYY-MM-DD（默认今天）")
    d.set_defaults(func=cmd_health_due)
    a = hs.add_parser("add-check", help="登记一次年度体检")
    a.add_argument("--resident", required=True, help="老人编号或身份证号")
    a.add_argument("--date", type=_date, help="体检日期 YYYY-MM-DD（默认今天）")
    a.add_argument("--partner", help="做体检的合作医疗机构（名称或编号）")
    a.add_argument("--provider-kind", choices=["合作医疗机构", "内设医疗机构", "其他"],
                   help="体检机构类别（默认：给了 --partner 为合作医疗机构，否则为内设医疗机构）")
    a.add_argument("--provider-name", help="机构名称（类别为“其他”时必填）")
    a.add_argument("--doctor", help="体检医生")
    a.add_argument("--findings", required=True, help="主要发现")
    a.add_argument("--advice", help="健康指导建议")
    a.add_argument("--feedback-date", type=_date, help="把结果和建议告知老人或家属的日期")
    a.add_argument("--feedback-to", choices=["本人", "家属", "本人和家属"], help="告知对象")
    a.add_argument("--report", help="体检报告扫描件（复制到数据文件夹，按 sha256 核对）")
    a.set_defaults(func=cmd_health_add_check)
    c = hs.add_parser("checks", help="某一年的体检记录")
    c.add_argument("--year", type=int, required=True, help="年份 YYYY")
    c.set_defaults(func=cmd_health_checks)
    s = sub.add_parser("ltc", help="长护险月度结算清单（JSON），可生成 Excel 和 PDF")
    s.add_argument("--month", required=True, help="月份 YYYY-MM")
    s.add_argument("--profile", help="政策配置编号（默认：长护险清单所选的配置，否则当前配置）")
    s.add_argument("--out", help="保存 Excel 和 PDF 的文件夹")
    s.set_defaults(func=cmd_ltc)
