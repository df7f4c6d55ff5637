"""``yiyang score INSTRUMENT_ID --json FILE``: score an answer set headless and print the result as JSON."""
from __future__ import annotations

import json
import sys


def register(subparsers) -> None:
    s = subparsers.add_parser("score", help="按评估量表计算等级（JSON 输入输出）")
    s.add_argument("instrument", metavar="INSTRUMENT_ID",
                   help="量表编号：gbt42195-2022、ltc-2021、mzt039-2013、barthel、mbi")
    s.add_argument("--json", required=True, metavar="FILE", help="答案 JSON 文件，- 表示从标准输入读取")
    s.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return 2


def run(args) -> int:
    from .domain.assessment import AnswerError, InstrumentError, load_instrument, score
    try:
        inst = load_instrument(args.instrument)
    except InstrumentError as e:
        return _fail(str(e))
    try:
        text = sys.stdin.read() if args.json == "-" else open(args.json, encoding="utf-8").read()
        data = json.loads(text)
    except OSError as e:
        return _fail(f"无法读取 {args.json}：{e.strerror}")
    except json.JSONDecodeError as e:
        return _fail(f"{args.json} 不是有效的 JSON（第{e.lineno}行第{e.colno}列：{e.msg}）")
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return _fail("输入应为 {\"answers\": {\"项目编号\": 分值, …}, …}")
    events = data.get("care_risk_events_30d", 0)
    diagnoses = data.get("diagnoses", [])
    if isinstance(events, bool) or not isinstance(events, int) or events < 0:
        return _fail("care_risk_events_30d 应为不小于0的整数")
    if not isinstance(diagnoses, list) or not all(isinstance(d, str) for d in diagnoses):
        return _fail("diagnoses 应为 ICD-10 编码的列表，如 [\"F01\", \"I10\"]")
    try:
        result = score(inst, data["answers"], coma=bool(data.get("coma", False)), diagnoses=diagnoses,
                       care_risk_events_30d=events)
    except AnswerError as e:
        return _fail(str(e))
    print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    return 0
