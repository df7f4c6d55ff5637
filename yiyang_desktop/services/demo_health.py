"""Demo health management and 长护险: health files (some with a second version), about a year of yearly checks (some
residents due, some results given late or not yet), 长护险 levels of the insured residents (one expiring within 30
days, one within 60, one ended mid-month, one expired, one changed level, one insured elsewhere), a hospital stay in
the last full month, and a demo profile with an (invented) 长护险 section chosen for the list — so every list has
rows. Added through the services, so the demo obeys every rule."""
from __future__ import annotations

import datetime as dt
import random

from ..domain.dates import add_months, month_bounds
from ..domain.ids import age_on
from ..domain.policy import to_data
from . import health as HS
from . import ltc as LS
from .accounts import requires
from .base import Context, ValidationError
from .policy import get_profile, save_user_profile
from .residents import end_leave, start_leave

DEMO_LTC_PROFILE = "demo-ltc"
CHRONIC = ["高血压", "2型糖尿病", "冠心病", "慢性阻塞性肺疾病", "脑梗死后遗症", "骨质疏松", "慢性心力衰竭", "阿尔茨海默病",
           "帕金森病", "慢性肾脏病3期", "类风湿关节炎"]
PAST = ["阑尾切除术后", "右股骨颈骨折术后", "胆囊切除术后", "白内障术后", "肺结核（已治愈）", "乳腺癌术后"]
ALLERGIES = ["青霉素", "磺胺类", "头孢类", "海鲜", "花粉"]
DIET = ["低盐低脂饮食", "糖尿病饮食", "软食", "低嘌呤饮食", "流质饮食，防呛咳"]
FINDINGS = [("血压 156/92mmHg，空腹血糖 6.8mmol/L，心电图：窦性心律。", "低盐饮食，继续服用降压药，每周测血压两次。"),
            ("血常规、肝肾功能正常；腹部B超：脂肪肝（轻度）。", "控制油脂摄入，适当活动，半年后复查肝功能。"),
            ("空腹血糖 9.6mmol/L，糖化血红蛋白 8.1%。", "调整降糖方案，每日监测血糖，内分泌科复诊。"),
            ("胸片：双肺纹理增粗；血氧饱和度 94%。", "戒烟，坚持呼吸功能锻炼，流感季节接种疫苗。"),
            ("骨密度 T 值 −2.8，提示骨质疏松。", "补充钙剂和维生素D，防跌倒，避免提重物。"),
            ("各项检查未见明显异常。", "保持规律作息和适量活动，一年后复查。"),
            ("心电图：房性早搏；血脂：低密度脂蛋白 3.9mmol/L。", "低脂饮食，遵医嘱服用调脂药，心内科随访。")]
DEMO_LTC = {  # invented figures, only for the demo (marked so in the profile)
    "hospital_days": "deduct",
    "source": "",
    "note": "演示数据：鹤城区的文件没有长期护理保险标准，这一节的数字是虚构的，只用于演示长护险清单。正式使用请选用或填写当地的标准。",
    "levels": [
        {"grades": ["重度失能Ⅰ级"], "day_yuan": "40", "fund_share": "0.7", "month_cap_yuan": "1000",
         "source": "", "note": "演示数字"},
        {"grades": ["重度失能Ⅱ级"], "day_yuan": "50", "fund_share": "0.7", "month_cap_yuan": "1200",
         "source": "", "note": "演示数字"},
        {"grades": ["重度失能Ⅲ级", "重度失能"], "day_yuan": "60", "fund_share": "0.8", "month_cap_yuan": "1400",
         "source": "", "note": "演示数字"},
    ],
}


@requires("records.write")
def add_health_demo(ctx: Context, rng: random.Random, start: dt.date, end: dt.date) -> None:
    with ctx.transaction():
        people = _people(ctx, end - dt.timedelta(days=420), end)
        partners = [r[0] for r in ctx.db.execute("SELECT id FROM partners ORDER BY id").fetchall()]
        _files(ctx, rng, people, partners, end)
        _checks(ctx, rng, people, partners, end)
        insured = _levels(ctx, rng, end)
        _hospital_stay(ctx, insured, end)
        _profile(ctx)


def _people(ctx: Context, since: dt.date, end: dt.date) -> list[dict]:
    """Residents with a stay overlapping ``since``..``end``: id, birth, first admission, insured."""
    rows = ctx.db.execute("""
        SELECT r.id, r.birth_date, MIN(s.admission_date), r.ltc_insurance
        FROM residents r JOIN stays s ON s.resident_id = r.id
        WHERE s.admission_date <= ? AND COALESCE(s.discharge_date, '9999-12-31') > ?
        GROUP BY r.id, r.birth_date, r.ltc_insurance ORDER BY r.id""", [end.isoformat(), since.isoformat()]).fetchall()
    return [{"id": r[0], "birth": dt.date.fromisoformat(r[1]), "admitted": dt.date.fromisoformat(r[2]),
             "insured": bool(r[3])} for r in rows]


def _files(ctx: Context, rng: random.Random, people: list[dict], partners: list[int], end: dt.date) -> None:
    for p in people:
        conditions = rng.sample(CHRONIC, rng.randint(0, 3))
        data = {"recorded_on": p["admitted"], "chronic_conditions": "；".join(conditions),
                "past_illnesses": rng.choice(PAST) if rng.random() < 0.35 else "",
                "allergies": rng.choice(ALLERGIES) if rng.random() < 0.2 else "无",
                "contraindicated_drugs": "阿司匹林（胃溃疡出血史）" if rng.random() < 0.08 else "",
                "diet_restrictions": rng.choice(DIET) if conditions else "",
                "family_doctor": rng.choice(["杨丽", "吴国栋", "孙红梅"]) if rng.random() < 0.7 else "",
                "partner_id": partners[-1] if partners and rng.random() < 0.8 else None}
        if data["family_doctor"]:
            data["family_doctor_since"] = p["admitted"]
        HS.save_health_file(ctx, p["id"], data)
        later = p["admitted"] + dt.timedelta(days=rng.randint(60, 500))
        if rng.random() < 0.3 and later < end:  # a new diagnosis: a second version, the first one stays
            new = rng.choice([c for c in CHRONIC if c not in conditions])
            HS.save_health_file(ctx, p["id"], data | {"recorded_on": later,
                                                      "chronic_conditions": "；".join(conditions + [new])})


def _check(ctx: Context, rng: random.Random, rid: int, day: dt.date, partners: list[int], end: dt.date,
           feedback: str) -> None:
    findings, advice = rng.choice(FINDINGS)
    roll = rng.random()
    if roll < 0.7 and partners:
        who = {"provider_kind": "合作医疗机构", "partner_id": partners[-1], "doctor": rng.choice(["杨丽", "吴国栋"])}
    elif roll < 0.95:
        who = {"provider_kind": "内设医疗机构", "provider_name": "本中心医务室", "doctor": "李建华"}
    else:
        who = {"provider_kind": "合作医疗机构", "partner_id": partners[0], "doctor": "王建华"}
    told = {"on_time": day + dt.timedelta(days=rng.randint(3, 25)),
            "late": day + dt.timedelta(days=rng.randint(35, 50)), "none": None}[feedback]
    data = {"check_date": day, "findings": findings, "advice": advice, **who}
    if told is not None and told <= end:
        data |= {"feedback_date": told, "feedback_to": rng.choice(["本人", "家属", "本人和家属"])}
    try:
        HS.add_check(ctx, rid, data)
    except ValidationError:  # two checks drawn on the same day: the simulation skips the second
        pass


def _checks(ctx: Context, rng: random.Random, people: list[dict], partners: list[int], end: dt.date) -> None:
    """Most residents aged 65+ were checked within the last year (and the year before); some are due again; most
    results were given within a month, some late, some not yet."""
    for p in people:
        if age_on(p["birth"], end) < 65:
            continue
        roll = rng.random()
        if roll < 0.78:   # checked within the last twelve months
            day = max(p["admitted"], end - dt.timedelta(days=rng.randint(5, 340)))
        elif roll < 0.92:  # last checked 12–14 months ago: due again
            day = end - dt.timedelta(days=rng.randint(366, 420))
            if day < p["admitted"]:
                continue
        else:              # never checked here
            continue
        earlier = add_months(day, -12) + dt.timedelta(days=rng.randint(-10, 10))
        if earlier >= p["admitted"]:
            _check(ctx, rng, p["id"], earlier, partners, end, "on_time" if rng.random() < 0.85 else "late")
        kind = rng.random()
        _check(ctx, rng, p["id"], day, partners, end, "on_time" if kind < 0.72 else "late" if kind < 0.86 else "none")


def _last_month(end: dt.date) -> tuple[dt.date, dt.date]:
    prev = add_months(end.replace(day=1), -1)
    return month_bounds(prev.year, prev.month)


def _grade(ctx: Context, rid: int) -> int | None:
    row = ctx.db.execute("SELECT final_grade FROM assessments WHERE resident_id = ? AND status = '完成' "
                         "ORDER BY assessed_on DESC, id DESC LIMIT 1", [rid]).fetchone()
    return row[0] if row else None


def _levels(ctx: Context, rng: random.Random, end: dt.date) -> list[int]:
    """Levels of the insured residents in residence at the end; returns those with a level valid all last month."""
    rows = ctx.db.execute("SELECT r.id, MIN(s.admission_date) FROM residents r JOIN stays s ON s.resident_id = r.id "
                          "WHERE r.ltc_insurance = 1 AND s.discharge_date IS NULL GROUP BY r.id ORDER BY r.id").fetchall()
    names = {3: "重度失能Ⅰ级", 4: "重度失能Ⅲ级", 2: "中度失能"}
    first, last = _last_month(end)
    special = iter(["30", "60", "mid", "expired", "changed", "elsewhere"])
    full_month = []
    for rid, admitted in rows:
        grade = _grade(ctx, rid)
        if grade is None or grade < 2:
            continue   # insured, no level registered: the list says so
        level = names[grade] if grade != 3 else rng.choice(["重度失能Ⅰ级", "重度失能Ⅱ级"])
        valid_from = max(dt.date.fromisoformat(admitted), end - dt.timedelta(days=rng.randint(100, 330)))
        valid_to = add_months(valid_from, 12) - dt.timedelta(days=1)
        place, cert = "湖南省怀化市鹤城区", f"HHCB{valid_from:%Y%m}{rid:04d}"
        case = next(special, None) if grade >= 3 else None
        if case == "30":
            valid_to = end + dt.timedelta(days=24)
        elif case == "60":
            valid_to = end + dt.timedelta(days=52)
        elif case == "mid":
            valid_to = first + dt.timedelta(days=13)     # ended in the middle of last month
        elif case == "expired":
            valid_to = first - dt.timedelta(days=20)     # ended before last month
        elif case == "elsewhere":
            place = "重庆市渝中区"
        if case == "changed":  # a year at Ⅰ级, then reassessed to Ⅱ级: the first row ends the day before
            before = max(dt.date.fromisoformat(admitted), valid_from - dt.timedelta(days=300))
            LS.add_level(ctx, rid, {"insured_place": place, "level": "重度失能Ⅰ级", "certificate_no": cert + "A",
                                    "valid_from": before, "valid_to": add_months(before, 12) - dt.timedelta(days=1)})
            level = "重度失能Ⅱ级"
        valid_from = min(valid_from, valid_to)
        try:
            LS.add_level(ctx, rid, {"insured_place": place, "level": level, "certificate_no": cert,
                                    "valid_from": valid_from, "valid_to": valid_to})
        except ValidationError:
            continue
        if valid_from <= first and valid_to >= last and place.startswith("湖南") and level.startswith("重度"):
            full_month.append(rid)
    return full_month


def _hospital_stay(ctx: Context, insured: list[int], end: dt.date) -> None:
    """One insured resident spent a week of last month in hospital: fewer care days on the list."""
    first, _last = _last_month(end)
    start, back = first + dt.timedelta(days=9), first + dt.timedelta(days=16)
    for rid in insured:
        stay = ctx.db.execute("SELECT id FROM stays WHERE resident_id = ? AND discharge_date IS NULL", [rid]).fetchone()
        if stay is None or ctx.db.execute("SELECT 1 FROM leaves WHERE stay_id = ? AND start_date <= ? AND "
                                          "COALESCE(end_date, '9999-12-31') > ?",
                                          [stay[0], back.isoformat(), start.isoformat()]).fetchone():
            continue
        leave = start_leave(ctx, stay[0], {"kind": "住院", "start_date": start, "destination": "怀化市第一人民医院"})
        end_leave(ctx, leave, {"end_date": back})
        return


def _profile(ctx: Context) -> None:
    """A copy of the demo region's profile with an invented 长护险 section, chosen for the 长护险 list."""
    data = to_data(get_profile(ctx, "hecheng-2021").profile)
    data.update(id=DEMO_LTC_PROFILE, title="鹤城区（2021）＋长护险演示标准", version=1, ltc=DEMO_LTC,
                source_note=data["source_note"] + "\n（演示）复制自 hecheng-2021，另加虚构的长护险标准，只用于演示。")
    save_user_profile(ctx, data)
    LS.set_list_profile(ctx, DEMO_LTC_PROFILE)
