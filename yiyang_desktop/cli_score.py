"""``yiyang score INSTRUMENT_ID --json FILE``: score an answer set headless and print the result as JSON.

Input (only ``answers`` is required)::

    {"answers": {"B.1.1": 4, ...}, "coma": false, "diagnoses": ["F01", "I10"], "care_risk_events_30d": 2}

The result goes to stdout as JSON; any problem goes to stderr in Chinese with exit status 2.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2
_KEYS = ("answers", "coma", "diagnoses", "care_risk_events_30d")


def register(subparsers) -> None:
    s = subparsers.add_parser("score", help="按评估量表计算等级（JSON 输入输出）",
                              description="按评估量表计算能力/失能等级：读入答案 JSON，输出评分结果 JSON。")
    s.add_argument("instrument", metavar="INSTRUMENT_ID",
                   help="量表编号：gbt42195-2022（默认标准）、ltc-2021、mzt039-2013、barthel、mbi")
    s.add_argument("--json", required=True, metavar="FILE",
                   help='答案 JSON 文件，- 表示从标准输入读取。格式：{"answers": {"B.1.1": 4, …}, "coma": false, '
                        '"diagnoses": ["F01"], "care_risk_events_30d": 0}')
    s.set_defaults(func=run)


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    return Path(source).read_text(encoding="utf-8")


def run(args) -> int:
    from .domain.assessment import AnswerError, InstrumentError, load_instrument, score
    try:
        inst = load_instrument(args.instrument)
    except InstrumentError as e:
        return _fail(str(e))
    try:
        data = json.loads(_read(args.json))
    except OSError as e:
        return _fail(f"无法读取 {args.json}：{e.strerror or e}")
    except UnicodeDecodeError:
        return _fail(f"{args.json} 不是 UTF-8 编码的文本")
    except json.JSONDecodeError as e:
        return _fail(f"{args.json} 不是有效的 JSON（第{e.lineno}行第{e.colno}列：{e.msg}）")
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return _fail('输入应为 {"answers": {"项目编号": 分值, …}, …}，其中 answers 必填')
    unknown = [k for k in data if k not in _KEYS]
    if unknown:
        return _fail(f"输入中有未知的字段：{'、'.join(unknown)}（可用：{'、'.join(_KEYS)}）")
    coma = data.get("coma", False)
    events = data.get("care_risk_events_30d", 0)
    diagnoses = data.get("diagnoses", [])
    if not isinstance(coma, bool):
        return _fail("coma 应为 true 或 false")
    if isinstance(events, bool) or not isinstance(events, int) or events < 0:
        return _fail("care_risk_events_30d 应为不小于0的整数")
    if not isinstance(diagnoses, list) or not all(isinstance(d, str) for d in diagnoses):
        return _fail('diagnoses 应为 ICD-10 编码的列表，如 ["F01", "I10"]')
    try:
        result = score(inst, data["answers"], coma=coma, diagnoses=diagnoses, care_risk_events_30d=events)
    except AnswerError as e:
        return _fail(f"{inst.name}：\n{e}")
    print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    return 0
