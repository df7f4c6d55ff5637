"""Demo assessments: every resident assessed on admission and about every five months since, grades drifting
the way they do in a home; a few care-risk events, one draft, and one resident overdue for reassessment."""
from __future__ import annotations

import datetime as dt
import random

from ..domain.assessment import load_instrument
from .assessments import add_months, record_care_event, save_assessment
from .base import Context

ASSESSORS = ["王芳", "李娜", "张敏", "刘洋"]


def answers_near(inst, total: int, rng: random.Random) -> dict[str, int]:
    """A plausible answer set with exactly ``total`` points: points taken away item by item, one step at a time."""
    answers = {i.code: i.max_points for i in inst.items}
    codes = list(answers)
    while sum(answers.values()) > total:
        code = rng.choice(codes)
        lower = [p for p in inst.item(code).allowed if p < answers[code]]
        if lower:
            answers[code] = max(lower)
    return answers


def add_assessment_demo(ctx: Context, rng: random.Random, end: dt.date) -> None:
    inst = load_instrument("gbt42195-2022")
    stays = ctx.db.execute("SELECT resident_id, admission_date, discharge_date FROM stays "
                           "ORDER BY admission_date, COALESCE(discharge_date, ''), id").fetchall()
    overdue = next((r[0] for r in stays if r[2] is None and r[1] < (end - dt.timedelta(days=400)).isoformat()), None)
    for n, (rid, admitted, discharged) in enumerate(stays):
        day = dt.date.fromisoformat(admitted)
        stop = dt.date.fromisoformat(discharged) if discharged else end
        total, reason = rng.choice([88, 84, 78, 72, 66, 60, 52, 47, 40, 33, 26, 18]), "首次评估"
        while day < stop:
            if rid == overdue and day > end - dt.timedelta(days=200):
                break  # this resident's reassessment was missed: overdue on 概览
            diagnoses = ["I10"] if rng.random() < 0.4 else []
            if total < 50 and rng.random() < 0.3:
                diagnoses.append("F03")
            save_assessment(ctx, rid, {
                "instrument_id": inst.id, "assessed_on": day, "reason": reason,
                "assessor1": ASSESSORS[n % 4], "assessor2": ASSESSORS[(n + 1) % 4],
                "informant_name": "本人" if total > 60 else "家属", "informant_relation": "本人" if total > 60 else "子女",
                "diagnoses": diagnoses, "answers": answers_near(inst, total, rng)}, complete=True)
            day, reason = add_months(day, 5), "常规评估"
            total = max(0, total - rng.choice([0, 0, 2, 4, 7]))
    # Care-risk events: a few falls, and one resident with two events this month (prompts an immediate reassessment).
    in_house = [r[0] for r in ctx.db.execute("SELECT resident_id FROM stays WHERE discharge_date IS NULL ORDER BY id").fetchall()]
    for rid in rng.sample(in_house, 6):
        record_care_event(ctx, rid, {"event_date": end - dt.timedelta(days=rng.randint(40, 300)), "kind": "跌倒"})
    faller = in_house[-1]
    record_care_event(ctx, faller, {"event_date": end - dt.timedelta(days=12), "kind": "跌倒", "note": "夜间如厕时滑倒"})
    record_care_event(ctx, faller, {"event_date": end - dt.timedelta(days=3), "kind": "噎食", "note": "进食时呛咳"})
    # One assessment left as a draft (counts nowhere until completed).
    save_assessment(ctx, in_house[0], {"instrument_id": inst.id, "assessed_on": end, "reason": "常规评估",
                                       "assessor1": ASSESSORS[0], "answers": {"B.1.1": 4, "B.1.2": 3}})
