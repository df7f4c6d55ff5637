"""A generated demo institution in its own file: ~120 beds of every type, ~100 residents with two years of
admissions, moves, leave and discharges ending on a given day, and 15 staff. Built through the same services
as real data, so it obeys every rule. Deterministic for a given seed and end date."""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from ..clock import FixedClock
from ..domain import beds as B
from ..domain.ids import id_check_char
from ..store.db import open_db
from ..store.pg_open import clear_demo_database, is_server
from .accounts import hash_password
from .base import Context, ValidationError
from .demo_assessments import add_assessment_demo
from .demo_health import add_health_demo
from .demo_medical import add_medical_demo
from .beds import bed_free_problem, create_bed, change_bed_type, set_bed_status
from .institution import save_institution
from .residents import admit, create_resident, discharge, end_leave, move_bed, start_leave
from .staff import create_staff

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN_M = "建国 国强 志明 德华 长生 福生 振华 永贵 金山 秋生 世荣 家富 玉成 正德 文华 明亮 光辉 宝林 春生 海涛".split()
GIVEN_F = "秀英 桂英 玉兰 秀兰 凤英 淑珍 桂兰 翠花 兰英 素芬 玉梅 金凤 春梅 爱华 美华 月娥 秀珍 冬梅 丽华 淑芬".split()
DEMO_USER, DEMO_PASSWORD = "admin", "demo"
REGIONS = ["431202", "431221", "431202", "431202", "430102", "500103"]  # mostly 鹤城区 (local), some elsewhere


def _id_number(rng: random.Random, birth: dt.date, sex: str, region: str) -> str:
    seq = rng.randint(10, 99) * 10 + rng.choice([1, 3, 5, 7, 9] if sex == "男" else [0, 2, 4, 6, 8])
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(str(rng.randint(0, 9)) for _ in range(9))


def build_demo(path: Path | str, *, end: dt.date, seed: int = 20261123) -> Path:
    """Write a fresh demo file at ``path`` (replacing an older demo file there). ``path`` may be a server database
    (``postgresql://…``): an empty one, or one holding an older demo, which is emptied first."""
    if is_server(path):
        clear_demo_database(str(path))
    else:
        path = Path(path)
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(path) + suffix)
            if p.exists():
                p.unlink()
    rng = random.Random(seed)
    db = open_db(path, is_demo=True)
    ctx = Context.system(db, user="demo", clock=FixedClock(end))
    start = end - dt.timedelta(days=730)
    opened = start - dt.timedelta(days=400)
    with ctx.transaction():
        _institution(ctx, opened)
        bed_ids = _beds(ctx, rng, opened, start)
        _staff(ctx, rng, opened, end)
        _residents(ctx, rng, bed_ids, start, end)
        add_assessment_demo(ctx, rng, end)
        add_medical_demo(ctx, rng, start, end)
        add_health_demo(ctx, random.Random(seed * 31 + 17), start, end)  # its own draws: the rest stays as it was
        _insurance_answers(ctx)
        db.execute("INSERT INTO app_meta (key, value) VALUES ('demo_end', ?)", [end.isoformat()])
        # The demo's administrator: admin / demo (shown on the demo's login screen; a real file never has it).
        db.execute("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                   "VALUES ('admin', '演示管理员', '管理员', ?, ?)", [hash_password(DEMO_PASSWORD), f"{end} 08:00:00"])
    db.close()
    return path


def _institution(ctx: Context, opened: dt.date) -> None:
    save_institution(ctx, {
        "name": "鹤城区康乐医养中心（演示）", "uscc": "52431202MJJ000001M", "legal_rep": "李明",
        "contact_person": "王芳", "contact_phone": "0745-2345678", "address": "湖南省怀化市鹤城区迎丰西路88号",
        "region_code": "431202", "region_name": "湖南省怀化市鹤城区", "ownership": "民办", "profit_type": "非营利",
        "kind": "医养结合机构（养办医）", "license_no": "湘怀鹤民养备字〔2023〕第006号",
        "medical_facility": "医务室", "medical_license_no": "PDY00012343120211A1002",
        "medical_license_date": (opened + dt.timedelta(days=30)).isoformat(),
        "operation_start_date": opened.isoformat(), "building_area": "6800",
        "bank_name": "中国农业银行怀化鹤城支行", "bank_account": "18610101040012345",
        "legal_cert_no": "52431202MJJ000001M", "approved_beds": "122", "established_date": opened.isoformat(),
        "postcode": "418000",
    })


def _insurance_answers(ctx: Context) -> None:
    """What the 医保定点 form needs beyond the records, as a prepared home would have confirmed it."""
    from .insurance import HIS_ITEMS, RULES, save_answers
    save_answers(ctx, {
        "rules": {k: True for k in RULES}, "his": {k: True for k in HIS_ITEMS}, "dept": True, "dept_name": "医保办公室",
        "manager": True, "manager_name": "李明",
        "equipment": [{"name": "心电图机", "count": 2}, {"name": "便携式B超", "count": 1}, {"name": "除颤仪", "count": 1},
                      {"name": "制氧机", "count": 6}],
        "introduction": "本中心医务室设全科诊室、治疗室、处置室和药房，配备执业医师、注册护士，承担入住老人的常见病诊治、"
                        "慢病管理、健康体检和急诊初步处置，与怀化市第一人民医院签订合作协议并开展双向转诊。",
        "fixed_assets_wan": "85", "annual_income_wan": "42", "outpatient_visits": "3600", "inpatient_visits": "0"})


def _beds(ctx: Context, rng: random.Random, opened: dt.date, start: dt.date) -> list[int]:
    plan = [  # building, floor, rooms, beds per room, type, sub-type, provision
        ("1号楼", "1", range(101, 111), 3, B.ELDERLY, None, "新建"),
        ("1号楼", "2", range(201, 211), 3, B.NURSING, None, "新建"),
        ("1号楼", "3", range(301, 311), 2, B.NURSING, None, "改扩建"),
        ("2号楼", "1", range(101, 106), 2, B.MEDICAL, "康复", "新建"),
        ("2号楼", "1", range(106, 108), 2, B.MEDICAL, "安宁疗护", "新建"),
        ("2号楼", "2", range(201, 206), 2, B.MEDICAL, "护理", "租赁"),
        ("2号楼", "3", range(301, 307), 2, B.ELDERLY, None, "租赁"),
        ("家庭", "", range(1, 7), 1, B.FAMILY, None, "新建"),
    ]
    ids = []
    for building, floor, rooms, per_room, bed_type, sub, provision in plan:
        service = opened if building != "家庭" else start + dt.timedelta(days=120)
        for room in rooms:
            for n in range(1, per_room + 1):
                ids.append(create_bed(ctx, {
                    "building": building, "floor": floor, "room": str(room), "number": str(n), "bed_type": bed_type,
                    "sub_type": sub, "provision": provision, "service_date": service,
                    "lease_end_date": (opened + dt.timedelta(days=365 * 8)) if provision == "租赁" else None}))
    # Conversions over time: four elderly beds became nursing-type beds, two medical beds went back to elderly care.
    for bed_id in ids[:4]:
        change_bed_type(ctx, bed_id, {"date": start + dt.timedelta(days=200), "bed_type": B.NURSING, "note": "适老化改造"})
    for bed_id in ids[70:72]:
        change_bed_type(ctx, bed_id, {"date": start + dt.timedelta(days=400), "bed_type": B.ELDERLY, "note": "按需转换"})
    set_bed_status(ctx, ids[-8], {"date": start + dt.timedelta(days=600), "status": B.REPAIR, "note": "卫生间漏水"})
    set_bed_status(ctx, ids[-9], {"date": start + dt.timedelta(days=650), "status": B.RESERVED, "note": "预约入住"})
    return ids


def _staff(ctx: Context, rng: random.Random, opened: dt.date, end: dt.date) -> None:
    roles = ["执业医师", "执业医师", "执业助理医师", "注册护士", "注册护士", "注册护士", "护理员", "护理员", "护理员",
             "护理员", "护理员", "护理员", "康复治疗师", "管理人员", "管理人员", "护理员"]
    for i, role in enumerate(roles):
        sex = rng.choice(["男", "女"]) if role != "护理员" else "女"
        birth = dt.date(rng.randint(1968, 1998), rng.randint(1, 12), rng.randint(1, 28))
        name = rng.choice(SURNAMES) + rng.choice(GIVEN_M if sex == "男" else GIVEN_F)
        create_staff(ctx, {
            "name": name, "role": role, "id_number": _id_number(rng, birth, sex, "431202"),
            "title": {"执业医师": "主治医师", "执业助理医师": "医士", "注册护士": "护师"}.get(role),
            "practice_cert_no": f"1104312{rng.randint(10000000, 99999999)}" if role in ("执业医师", "执业助理医师", "注册护士") else None,
            "first_registration": i == 0, "employment": "兼职" if i == 1 else "全职",
            "start_date": opened + dt.timedelta(days=rng.randint(0, 300)),
            # The 16th person left last year: 15 are in post at the end.
            "end_date": end - dt.timedelta(days=200) if i == len(roles) - 1 else None,
            "phone": _phone(rng),
        })


def _residents(ctx: Context, rng: random.Random, bed_ids: list[int], start: dt.date, end: dt.date) -> None:
    """Simulate two years day by day: admissions fill beds, a few move, go on leave or to hospital, leave."""
    in_house: dict[int, dict] = {}  # stay_id -> {"resident", "bed"}
    people = 0
    day = start
    target_initial, capacity = 80, 100
    while day <= end:
        # Admissions: a burst on day one, then about one every four days while beds are free.
        wanted = target_initial if day == start else (1 if len(in_house) < capacity and rng.random() < 0.25 else 0)
        for _ in range(wanted):
            free = [b for b in bed_ids if bed_free_problem(ctx, b, day, None) is None]
            if not free:
                break
            people += 1
            rid = _new_resident(ctx, rng, people)
            stay_id = admit(ctx, rid, {"admission_date": day, "bed_id": rng.choice(free)})
            in_house[stay_id] = {"resident": rid}
        # Events for those in residence (none on their admission day).
        for stay_id in list(in_house):
            roll = rng.random()
            if roll < 0.0012:
                discharge(ctx, stay_id, {"discharge_date": day, "discharge_reason": rng.choice(["回家", "转院", "死亡", "死亡"])})
                del in_house[stay_id]
            elif roll < 0.0020:
                free = [b for b in bed_ids if bed_free_problem(ctx, b, day, None) is None]
                if free:
                    try:
                        move_bed(ctx, stay_id, {"date": day, "bed_id": rng.choice(free)})
                    except ValidationError:  # e.g. a second move on the admission day: the simulation skips it
                        pass
            elif roll < 0.0030 and day + dt.timedelta(days=20) < end:
                kind = rng.choice(["请假外出", "住院"])
                back = day + dt.timedelta(days=rng.randint(2, 15))
                start_leave(ctx, stay_id, {"kind": kind, "start_date": day, "end_date": back,
                                           "destination": "怀化市第一人民医院" if kind == "住院" else "子女家"})
        day += dt.timedelta(days=1)
    # Two residents away today: one in hospital (open-ended), one on home leave due back next week.
    current = list(in_house)
    start_leave(ctx, current[0], {"kind": "住院", "start_date": end - dt.timedelta(days=3), "destination": "怀化市第一人民医院"})
    leave_id = start_leave(ctx, current[1], {"kind": "请假外出", "start_date": end - dt.timedelta(days=2), "destination": "子女家"})
    end_leave(ctx, leave_id, {"end_date": end + dt.timedelta(days=5)})


def _new_resident(ctx: Context, rng: random.Random, n: int) -> int:
    sex = "女" if rng.random() < 0.58 else "男"
    birth = dt.date(rng.randint(1928, 1962), rng.randint(1, 12), rng.randint(1, 28))
    region = rng.choice(REGIONS)
    name = rng.choice(SURNAMES) + rng.choice(GIVEN_M if sex == "男" else GIVEN_F)
    cats = []
    if rng.random() < 0.12:
        cats.append("特困")
    if rng.random() < 0.15:
        cats.append("低保")
    if rng.random() < 0.08:
        cats.append("残疾")
    return create_resident(ctx, {
        "name": name, "sex": sex, "id_number": _id_number(rng, birth, sex, region), "birth_date": birth,
        "hukou_local": region.startswith("4312"), "categories": cats,
        "medical_insurance": rng.choice(["城乡居民", "城乡居民", "城镇职工", "无"]),
        "ltc_insurance": rng.random() < 0.2, "phone": _phone(rng) if rng.random() < 0.3 else None,
        "contacts": [{"name": rng.choice(SURNAMES) + rng.choice(GIVEN_M + GIVEN_F), "relation": rng.choice(["儿子", "女儿", "侄子", "配偶"]),
                      "phone": _phone(rng)}],
    })
