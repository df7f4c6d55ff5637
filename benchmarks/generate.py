"""A large synthetic institution for the benchmarks: 1,000 beds of every type and ten years of history.

    python benchmarks/generate.py --out big.db [--scale 10] [--seed 1]
    python benchmarks/generate.py --import-xlsx import.xlsx [--residents 5000]   # a ledger workbook to import

The import workbook is the app's own import template (exports/import_templates.py) filled with N beds (床位) and
N residents each admitted to one of them (入住老人), for measuring ``yiyang import`` on an empty file.

Scale 1: about 5,000 residents, 20,000 bed moves, 50,000 assessments, 50,000 referrals, 300 staff.
Scale N multiplies the history (residents, moves, assessments, referrals) by N on the same 1,000 beds — stays get
shorter, so the file grows while any one month stays about the same size (what the growth check measures).

The history is simulated day by day over a pool of beds, so it obeys every rule the store enforces (no overlapping
stays, one resident per bed); rows are written in bulk inside one transaction through the app's own schema.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from yiyang_desktop.domain.assessment import load_instrument, score  # noqa: E402
from yiyang_desktop.domain.ids import id_check_char  # noqa: E402
from yiyang_desktop.clock import FixedClock  # noqa: E402
from yiyang_desktop.services.base import Context  # noqa: E402
from yiyang_desktop.services.institution import get_institution, save_institution  # noqa: E402
from yiyang_desktop.services.residents import pinyin_keys  # noqa: E402
from yiyang_desktop.store.db import open_db  # noqa: E402
from yiyang_desktop.store.schema_accounts import drop_audit_triggers, install_audit_triggers  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
GIVEN = "建国 国强 志明 德华 长生 福生 振华 永贵 金山 秋生 秀英 桂英 玉兰 秀兰 凤英 淑珍 桂兰 翠花 兰英 素芬".split()
YEARS = 10
BEDS = 1000
BED_PLAN = [("养老床位", None, 400), ("护理型床位", None, 350), ("医疗床位", "康复", 50), ("医疗床位", "护理", 60),
            ("医疗床位", "安宁疗护", 40), ("家庭养老床位", None, 100)]


def _id(rng: random.Random, birth: dt.date, sex: str, n: int) -> str:
    region = rng.choice(["431202", "431202", "431221", "430102", "500103"])
    seq = (n * 2 + (1 if sex == "男" else 0)) % 1000
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def generate(out: Path, *, scale: int = 1, seed: int = 1, end: dt.date = dt.date(2026, 11, 23)) -> dict:
    rng = random.Random(seed)
    if not str(out).startswith("postgresql"):  # a server database (pg_load.py) starts empty
        for suffix in ("", "-wal", "-shm"):
            Path(str(out) + suffix).unlink(missing_ok=True)
    db = open_db(out)
    # the program acting for itself (Context.system where accounts exist)
    ctx = (Context.system(db, user="benchmark", clock=FixedClock(end)) if hasattr(Context, "system")
           else Context(db, user="benchmark", clock=FixedClock(end)))
    start = dt.date(end.year - YEARS, end.month, 1)
    days = (end - start).days
    save_institution(ctx, get_institution(ctx) | {
        "name": "大型演示养老服务中心（基准测试）", "ownership": "民办", "kind": "医养结合机构（养办医）",
        "operation_start_date": start.isoformat(), "medical_facility": "护理院", "medical_license_no": "PDY-BENCH",
        "medical_license_date": start.isoformat(), "legal_rep": "王主任", "contact_phone": "0745-0000000",
        "address": "湖南省怀化市鹤城区", "license_no": "BENCH-001", "uscc": "52431202MJJ000001M",
        "bank_name": "农业银行", "bank_account": "6228480000000000"})
    target_residents = 5000 * scale
    target_moves = 20000 * scale
    target_assessments = 50000 * scale
    target_referrals = 50000 * scale

    with db.atomic():
        # Synthetic bulk rows are not audited: the documented switch drops the audit triggers inside this
        # transaction and puts them back before it commits (store.schema_accounts).
        drop_audit_triggers(db)
        # ---- beds, with some type and status history
        beds, type_rows, status_rows = [], [], []
        bed_id = 0
        for bed_type, sub, count in BED_PLAN:
            for _ in range(count):
                bed_id += 1
                building = f"{1 + (bed_id - 1) // 200}号楼"
                floor = str(1 + ((bed_id - 1) % 200) // 40)
                room = f"{floor}{(((bed_id - 1) % 40) // 2) + 1:02d}"
                provision = rng.choice(["新建", "新建", "改扩建", "租赁"])
                beds.append({"id": bed_id, "building": building, "floor": floor, "room": room,
                             "number": str(1 + (bed_id - 1) % 2), "provision": provision,
                             "lease_end_date": (end + dt.timedelta(days=2000)).isoformat() if provision == "租赁" else None,
                             "service_date": start.isoformat()})
                type_rows.append({"bed_id": bed_id, "effective_date": start.isoformat(), "bed_type": bed_type,
                                  "sub_type": sub})
        for b in rng.sample(range(1, 401), 120):  # 养老 → 护理型 conversions over the years
            type_rows.append({"bed_id": b, "effective_date": (start + dt.timedelta(days=rng.randrange(200, days)))
                              .isoformat(), "bed_type": "护理型床位", "sub_type": None})
        for b in rng.sample(range(1, BEDS + 1), 40):
            when = start + dt.timedelta(days=rng.randrange(100, days - 60))
            status_rows.append({"bed_id": b, "effective_date": when.isoformat(), "status": "维修"})
            status_rows.append({"bed_id": b, "effective_date": (when + dt.timedelta(days=20)).isoformat(),
                                "status": "可用"})
        db["beds"].insert_all(beds)
        db["bed_type_changes"].insert_all(type_rows)
        db["bed_status_changes"].insert_all(status_rows)
        repair = {}
        for r in status_rows:
            repair.setdefault(r["bed_id"], []).append(dt.date.fromisoformat(r["effective_date"]))

        # ---- staff
        roles = ["护理员"] * 180 + ["注册护士"] * 50 + ["执业医师"] * 15 + ["执业助理医师"] * 5 + ["康复治疗师"] * 10 + \
            ["管理人员"] * 25 + ["其他"] * 15
        db["staff"].insert_all({"name": rng.choice(SURNAMES) + rng.choice(GIVEN), "role": role,
                                "title": "主治医师" if "医师" in role else None, "first_registration": int("医师" in role),
                                "employment": "全职", "start_date": (start + dt.timedelta(days=rng.randrange(0, days)))
                                .isoformat(), "end_date": None} for role in roles)

        # ---- residents, stays, bed moves and leaves, simulated day by day
        mean_stay = BEDS * 0.9 * days / (target_residents - BEDS * 0.9) * 0.95  # the first fill, then turnover
        moves_per_day = target_moves / days
        free = list(range(1, BEDS + 1))
        rng.shuffle(free)
        occupants: dict[int, dict] = {}      # bed -> open assignment
        residents, stays, assignments, leaves = [], [], [], []
        n_res = 0

        def free_bed(day):
            for i in range(len(free)):
                b = free[i]
                if any(d <= day < d + dt.timedelta(days=20) for d in repair.get(b, ())):
                    continue
                return free.pop(i)
            return None

        for offset in range(days):
            day = start + dt.timedelta(days=offset)
            # discharges
            for b, a in list(occupants.items()):
                if a["until"] <= day:
                    a["row"]["end_date"] = day.isoformat()
                    stay = a["stay"]
                    stay["discharge_date"] = day.isoformat()
                    stay["discharge_reason"] = rng.choice(["回家", "死亡", "死亡", "转院", "其他"])
                    del occupants[b]
                    free.append(b)
            # moves
            for _ in range(int(moves_per_day) + (rng.random() < moves_per_day % 1)):
                if not occupants or not free:
                    break
                b = rng.choice(list(occupants))
                a = occupants[b]
                if a["row"]["start_date"] >= day.isoformat():
                    continue
                nb = free_bed(day)
                if nb is None:
                    break
                a["row"]["end_date"] = day.isoformat()
                new = {"stay_id": a["stay"]["id"], "bed_id": nb, "start_date": day.isoformat(), "end_date": None}
                assignments.append(new)
                del occupants[b]
                free.append(b)
                occupants[nb] = {**a, "row": new}
            # admissions to keep ~90 % occupied
            while n_res < target_residents and len(occupants) < BEDS * 0.9 and free:
                b = free_bed(day)
                if b is None:
                    break
                n_res += 1
                sex = rng.choice("男女")
                birth = dt.date(rng.randint(1920, 1962), rng.randint(1, 12), rng.randint(1, 28))
                name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                initials, full = pinyin_keys(name)
                residents.append({"id": n_res, "name": name, "name_initials": initials, "name_pinyin": full, "sex": sex,
                                  "id_number": _id(rng, birth, sex, n_res), "birth_date": birth.isoformat(),
                                  "hukou_local": int(rng.random() < 0.8), "categories": json.dumps(
                                      rng.choice([[], [], [], ["特困"], ["低保"]]), ensure_ascii=False),
                                  "ltc_insurance": int(rng.random() < 0.3)})
                stay = {"id": n_res, "resident_id": n_res, "admission_date": day.isoformat(), "discharge_date": None,
                        "discharge_reason": None}
                stays.append(stay)
                row = {"stay_id": n_res, "bed_id": b, "start_date": day.isoformat(), "end_date": None}
                assignments.append(row)
                length = max(3, int(rng.expovariate(1 / mean_stay)))
                occupants[b] = {"stay": stay, "row": row, "until": day + dt.timedelta(days=length)}
                if rng.random() < 0.3 and length > 40:
                    s = day + dt.timedelta(days=rng.randrange(5, length - 30))
                    leaves.append({"stay_id": n_res, "kind": rng.choice(["请假外出", "住院"]), "start_date": s.isoformat(),
                                   "end_date": (s + dt.timedelta(days=rng.randrange(2, 20))).isoformat()})
        db["residents"].insert_all(residents, batch_size=2000)
        db["stays"].insert_all(stays, batch_size=2000)
        db["bed_assignments"].insert_all(assignments, batch_size=2000)
        db["leaves"].insert_all(leaves, batch_size=2000)

        # ---- assessments (scored once per answer pattern by the real engine, then reused)
        inst = load_instrument("gbt42195-2022")
        patterns = []
        for level in (90, 75, 55, 38, 20):
            answers, left = {}, level
            for code in inst.item_codes:
                pts = max((p for p in inst.item(code).allowed if p <= left), default=0)
                answers[code] = pts
                left -= pts
            res = score(inst, answers)
            patterns.append((answers, res))
        per_resident = max(1, target_assessments // max(1, n_res))
        rows = []
        for stay in stays:
            a = dt.date.fromisoformat(stay["admission_date"])
            b = dt.date.fromisoformat(stay["discharge_date"]) if stay["discharge_date"] else end
            span = max(1, (b - a).days)
            for k in range(per_resident):
                when = a + dt.timedelta(days=span * k // per_resident)
                answers, res = rng.choice(patterns)
                rows.append({"resident_id": stay["resident_id"], "instrument_id": inst.id,
                             "instrument_version": inst.version, "assessed_on": when.isoformat(),
                             "reason": "首次评估" if k == 0 else "常规评估", "status": "完成", "assessor1": "评估员甲",
                             "assessor2": "评估员乙", "answers": json.dumps(answers), "result": json.dumps(
                                 {"total": res.total}), "total": res.total, "initial_grade": res.initial_grade,
                             "final_grade": res.final_grade, "final_grade_name": res.final_grade_name})
        db["assessments"].insert_all(rows, batch_size=5000)

        # ---- partners, agreements and referrals
        db["partners"].insert_all([{"id": i, "name": f"合作医院{i}", "kind": "综合医院", "level": "二级"} for i in (1, 2, 3)])
        for i in (1, 2, 3):
            db["agreements"].insert({"partner_id": i, "signed_date": start.isoformat(), "valid_from": start.isoformat(),
                                     "valid_to": (end + dt.timedelta(days=365)).isoformat()})
        per_resident = max(1, target_referrals // max(1, n_res))
        rows, rid = [], 0
        for stay in stays:
            a = dt.date.fromisoformat(stay["admission_date"])
            b = dt.date.fromisoformat(stay["discharge_date"]) if stay["discharge_date"] else end
            span = max(1, (b - a).days)
            for k in range(per_resident):
                rid += 1
                when = a + dt.timedelta(days=span * k // per_resident)
                rows.append({"id": rid, "resident_id": stay["resident_id"], "stay_id": stay["id"],
                             "direction": "上转" if k % 2 == 0 else "下转", "referred_at": f"{when.isoformat()}T09:30",
                             "partner_id": 1 + rid % 3, "impression": "肺部感染", "indications": "[]",
                             "state": "已结束", "state_date": when.isoformat(), "urgency": "普通"})
        db["referrals"].insert_all(rows, batch_size=5000)
        install_audit_triggers(db)
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in (
        "beds", "residents", "stays", "bed_assignments", "assessments", "referrals", "staff", "leaves")}
    db.close()
    return counts


def write_import_workbook(out: Path, *, residents: int = 5000, seed: int = 1) -> dict:
    """The import template filled with ``residents`` beds and as many residents admitted to them."""
    from openpyxl import load_workbook

    from yiyang_desktop.exports.import_templates import write_template
    from yiyang_desktop.services.importer import SHEETS_BY_NAME
    rng = random.Random(seed)
    write_template(out)
    wb = load_workbook(out)
    bed_sheet, res_sheet = SHEETS_BY_NAME["床位"], SHEETS_BY_NAME["入住老人"]
    ws_beds, ws_res = wb[bed_sheet.name], wb[res_sheet.name]
    seen: set[str] = set()
    for n in range(1, residents + 1):
        building, floor = f"{1 + (n - 1) // 500}号楼", str(1 + ((n - 1) % 500) // 50)
        room, number = f"{floor}{((n - 1) % 50) // 2 + 1:02d}", str(1 + (n - 1) % 2)
        bed = {"building": building, "floor": floor, "room": room, "number": number, "bed_type": "护理型床位",
               "provision": "新建", "service_date": dt.date(2015, 1, 1)}
        ws_beds.append([bed.get(c.field) if c.field else n for c in bed_sheet.columns])
        sex = rng.choice("男女")
        while True:
            birth = dt.date(rng.randint(1920, 1962), rng.randint(1, 12), rng.randint(1, 28))
            id_number = _id(rng, birth, sex, rng.randrange(500))
            if id_number not in seen:
                seen.add(id_number)
                break
        row = {"name": rng.choice(SURNAMES) + rng.choice(GIVEN), "id_number": id_number, "sex": sex,
               "hukou": rng.choice(["本地", "本地", "本地", "外地"]), "categories": rng.choice(["", "", "低保", "特困"]),
               "medical_insurance": None, "ltc_insurance": rng.choice(["是", "否", "否"]),
               "admission_date": dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3600)),
               "bed": f"{building}-{floor}层-{room}-{number}", "contact_name": "李明", "contact_relation": "儿子",
               "contact_phone": "13800000000"}
        ws_res.append([row.get(c.field) if c.field else n for c in res_sheet.columns])
    wb.save(out)
    return {"file": str(out), "beds": residents, "residents": residents}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", type=Path)
    p.add_argument("--scale", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--import-xlsx", type=Path, help="write the import workbook here (instead of, or besides, --out)")
    p.add_argument("--residents", type=int, default=5000, help="rows of the import workbook")
    args = p.parse_args()
    if not args.out and not args.import_xlsx:
        p.error("give --out and/or --import-xlsx")
    t = time.perf_counter()
    if args.import_xlsx:
        info = write_import_workbook(args.import_xlsx, residents=args.residents, seed=args.seed)
        print(json.dumps({**info, "seconds": round(time.perf_counter() - t, 1)}, ensure_ascii=False))
        t = time.perf_counter()
    if not args.out:
        return
    counts = generate(args.out, scale=args.scale, seed=args.seed)
    counts["moves"] = counts["bed_assignments"] - counts["stays"]
    print(json.dumps({"file": str(args.out), "seconds": round(time.perf_counter() - t, 1), **counts},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
