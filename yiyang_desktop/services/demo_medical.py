"""Demo medical cooperation: two partners (one agreement in force; one expired and renewed), a year of visits and
about 60 two-way referrals in every state — added through the services, so the demo obeys every rule."""
from __future__ import annotations

import datetime as dt
import random

from ..domain import referrals as R
from ..domain.ids import uscc_check_char
from .base import Context, ValidationError
from .partners import create_agreement, create_partner, renew_agreement
from .visits import log_visit
from .referrals import change_state, create_referral, record_return
from .residents import start_leave

HOSPITAL_DOCTORS = ["王建华", "陈立新", "刘海燕", "赵志刚", "黄晓梅", "周文斌"]
COMMUNITY_DOCTORS = ["杨丽", "吴国栋", "孙红梅"]

# (department, impression, present illness, past history, treatment, indication, diagnosis, findings, advice)
CASES = [
    ("呼吸内科", "肺部感染", "发热、咳嗽咳黄痰3天，最高体温38.9℃，伴气促，食欲下降。", "慢性阻塞性肺疾病10年。",
     "物理降温，口服对乙酰氨基酚0.5g，吸氧2L/min。", "需住院治疗", "社区获得性肺炎",
     "胸部CT：右下肺斑片状渗出影；血常规白细胞12.6×10⁹/L，C反应蛋白48mg/L。",
     "予头孢曲松抗感染、化痰、平喘治疗9天，体温正常，咳嗽减轻。\n回院后继续口服化痰药1周；每日监测体温、血氧；加强翻身拍背；两周后复查血常规。"),
    ("神经内科", "急性脑卒中？", "午睡后发现左侧肢体无力、口角歪斜约1小时，言语含糊。", "高血压病15年，房颤5年。",
     "测血压178/96mmHg，血糖7.2mmol/L，保持呼吸道通畅，立即呼叫120。", "病情急性加重，需急诊处理", "急性脑梗死（右侧大脑中动脉供血区）",
     "头颅MRI：右侧基底节区急性梗死灶；心电图：心房颤动。",
     "予抗血小板、调脂、改善循环治疗，左侧肢体肌力由2级恢复至4级。\n继续阿司匹林、阿托伐他汀；每日肢体功能康复训练；防跌倒；一个月后神经内科门诊复诊。"),
    ("心血管内科", "慢性心力衰竭急性加重", "活动后气促加重1周，夜间不能平卧，双下肢水肿。", "冠心病、慢性心力衰竭8年。",
     "半卧位，吸氧，呋塞米20mg口服，记录出入量。", "需住院治疗", "慢性心力衰竭急性加重（NYHA Ⅲ级）",
     "BNP 1860pg/ml；心脏彩超：左室射血分数38%；胸片：双侧少量胸腔积液。",
     "予利尿、扩血管、控制心室率治疗，水肿消退，可平卧。\n每日称体重，限盐限水（每日饮水≤1500ml）；按时服药；体重3天增加2kg以上立即就诊。"),
    ("骨科", "右髋部骨折？", "在卫生间跌倒后右髋部疼痛、不能站立1小时。", "骨质疏松，高血压。",
     "制动，右下肢外展中立位固定，监测生命体征。", "跌倒或外伤需处理", "右股骨颈骨折",
     "髋关节X线及CT：右股骨颈骨折（Garden Ⅲ型）。",
     "行右侧人工股骨头置换术，术后恢复好。\n术后6周内避免髋关节过度屈曲内收；助行器辅助下床；康复科指导下肢功能训练；防压疮、防深静脉血栓。"),
    ("内分泌科", "2型糖尿病，血糖控制不佳", "近两周空腹血糖反复高于13mmol/L，口干多饮，乏力。", "2型糖尿病12年，糖尿病肾病。",
     "调整饮食，监测指尖血糖每日4次。", "慢性病控制不佳，需调整治疗方案", "2型糖尿病 血糖控制不佳",
     "糖化血红蛋白9.8%；尿微量白蛋白升高；肝肾功能基本正常。",
     "调整为基础胰岛素加口服降糖药，血糖控制达标。\n甘精胰岛素每晚12单位皮下注射；每日监测空腹及餐后血糖；预防低血糖；一个月后复查糖化血红蛋白。"),
    ("消化内科", "上消化道出血？", "解黑便2天，伴头晕、乏力，今晨起立时黑蒙一次。", "胃溃疡病史，长期服用阿司匹林。",
     "禁食，建立静脉通路，监测血压心率。", "病情急性加重，需急诊处理", "胃溃疡伴出血",
     "胃镜：胃角溃疡（A2期）；血红蛋白由112g/L降至86g/L。",
     "予抑酸、止血、补液治疗，出血停止。\n停用阿司匹林，遵医嘱口服质子泵抑制剂8周；软食少量多餐；观察大便颜色；两周后复查血常规。"),
    ("泌尿外科", "尿路感染", "发热伴尿频、尿急2天，体温38.5℃，下腹不适。", "前列腺增生。",
     "多饮水，留取尿标本。", "需进一步检查以明确诊断", "急性肾盂肾炎",
     "尿常规：白细胞（+++）；尿培养：大肠埃希菌；泌尿系B超：前列腺增生。",
     "予敏感抗生素治疗后体温正常，尿检好转。\n继续口服抗生素5天；每日饮水2000ml以上；保持会阴清洁；一周后复查尿常规。"),
]
DOWN_CASES = [
    ("康复医学科", "脑梗死恢复期", "急性期治疗结束，病情稳定，左侧肢体活动不利。", "需继续康复治疗"),
    ("老年医学科", "肺炎治疗后", "抗感染治疗结束，体温正常一周，咳嗽明显减轻。", "急性期治疗结束，病情稳定"),
    ("骨科", "股骨颈骨折术后", "术后两周，切口愈合良好，可借助助行器站立。", "需继续康复治疗"),
    ("心血管内科", "慢性心力衰竭稳定期", "心衰症状缓解，体重稳定，可平卧入睡。", "慢性病稳定期管理"),
]


def _uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def add_medical_demo(ctx: Context, rng: random.Random, start: dt.date, end: dt.date) -> None:
    """Two partners, their agreements, a year of visits and about 60 referrals between ``start`` and ``end``."""
    with ctx.transaction():
        hospital, community = _partners(ctx)
        _agreements(ctx, hospital, community, start, end)
        _visits(ctx, rng, hospital, community, end)
        _referrals(ctx, rng, hospital, community, start, end)


def _partners(ctx: Context) -> tuple[int, int]:
    hospital = create_partner(ctx, {
        "name": "怀化市第一人民医院（演示）", "uscc": _uscc("12431200445880012"), "kind": "综合医院", "level": "三级",
        "insurance_designated": True, "address": "湖南省怀化市鹤城区锦溪南路120号", "phone": "0745-2222120",
        "distance_km": "4.5", "travel_minutes": 15,
        "contacts": [{"name": "张卫东", "role": "医务科科长", "phone": "0745-2222101"},
                     {"name": "急诊科值班", "role": "24小时", "phone": "0745-2222120"}]})
    community = create_partner(ctx, {
        "name": "鹤城区城南街道社区卫生服务中心（演示）", "uscc": _uscc("12431202MB1234567"), "kind": "社区卫生服务中心(站)",
        "level": "一级", "insurance_designated": True, "address": "湖南省怀化市鹤城区迎丰西路36号", "phone": "0745-2688001",
        "distance_km": "1.2", "travel_minutes": 8,
        "contacts": [{"name": "杨丽", "role": "全科医生", "phone": "13907450011"}]})
    return hospital, community


def _agreements(ctx: Context, hospital: int, community: int, start: dt.date, end: dt.date) -> None:
    create_agreement(ctx, {
        "partner_id": hospital, "number": "YYXY-2024-001", "signed_date": start - dt.timedelta(days=35),
        "valid_from": start - dt.timedelta(days=30), "valid_to": start + dt.timedelta(days=3 * 365 - 31),
        "services": [{"service": "上门巡诊", "frequency": "每月", "times": 1, "detail": "专家巡诊"},
                     {"service": "预约就诊绿色通道"},
                     {"service": "急诊急救应急通道", "response_minutes": 30, "detail": "急诊科24小时值班电话"},
                     {"service": "双向转诊"}, {"service": "远程会诊"}, {"service": "人员培训", "detail": "每季度一次"},
                     {"service": "院感防控指导"}],
        "fees": [{"item": "专家巡诊费", "payer": "养老机构", "basis": "按次", "amount": "300"},
                 {"item": "诊疗及检查费", "payer": "入住老人", "basis": "按项目", "note": "按物价标准收取，医保按规定结算"}],
        "our_duties": "提供巡诊场所和老人健康档案；及时报告老人病情变化；转诊时派员陪同。",
        "partner_duties": "开通预约就诊和急诊绿色通道；按约定派医师巡诊；优先接收转诊老人；对医护人员进行业务培训。"})
    first = create_agreement(ctx, {
        "partner_id": community, "number": "CN-QY-01", "signed_date": start - dt.timedelta(days=5),
        "valid_from": start, "valid_to": start + dt.timedelta(days=364),
        "services": [{"service": "上门巡诊", "frequency": "每周", "times": 1}, {"service": "健康管理/年度体检"},
                     {"service": "基本公共卫生服务"}, {"service": "慢病长期处方"}, {"service": "双向转诊"},
                     {"service": "康复指导"}, {"service": "中医药指导"}],
        "fees": [{"item": "上门巡诊", "payer": "医保基金", "basis": "免费", "note": "纳入基本公共卫生服务"},
                 {"item": "年度体检", "payer": "养老机构", "basis": "按年", "amount": "8000"}],
        "our_duties": "组织老人参加体检；配合建立和更新健康档案。",
        "partner_duties": "每周巡诊一次；为65岁以上老人每年体检一次并在一个月内反馈结果；开具慢病长期处方。"})
    renewed_to = end + dt.timedelta(days=45)  # the renewal runs out soon: the page warns about it
    renew_agreement(ctx, first, {
        "partner_id": community, "number": "CN-QY-02", "signed_date": start + dt.timedelta(days=350),
        "valid_from": start + dt.timedelta(days=365), "valid_to": renewed_to,
        "services": [{"service": "上门巡诊", "frequency": "每周", "times": 1}, {"service": "健康管理/年度体检"},
                     {"service": "基本公共卫生服务"}, {"service": "慢病长期处方"}, {"service": "双向转诊"},
                     {"service": "康复指导"}, {"service": "中医药指导"}, {"service": "护理指导"}],
        "fees": [{"item": "上门巡诊", "payer": "医保基金", "basis": "免费", "note": "纳入基本公共卫生服务"},
                 {"item": "年度体检", "payer": "养老机构", "basis": "按年", "amount": "9000"}],
        "our_duties": "组织老人参加体检；配合建立和更新健康档案。",
        "partner_duties": "每周巡诊一次；为65岁以上老人每年体检一次并在一个月内反馈结果；开具慢病长期处方；指导护理。"})


def _in_residence(ctx: Context, d: dt.date) -> list[int]:
    return [r[0] for r in ctx.db.execute(
        "SELECT resident_id FROM stays WHERE admission_date <= ?1 AND COALESCE(discharge_date, '9999-12-31') > ?1 "
        "AND NOT EXISTS (SELECT 1 FROM leaves l WHERE l.stay_id = stays.id AND l.start_date <= ?1 "
        "AND COALESCE(l.end_date, '9999-12-31') > ?1) ORDER BY resident_id", [d.isoformat()]).fetchall()]


def _visits(ctx: Context, rng: random.Random, hospital: int, community: int, end: dt.date) -> None:
    notes = ["测量血压血糖，调整{n}位老人降压药用量。", "查看压疮高风险老人皮肤情况，指导护理员翻身。",
             "慢病随访，开具长期处方。", "对新入住老人进行健康评估并建立档案。", "流感季节健康宣教，指导院感防控。",
             "巡查发热老人，建议复查血常规。"]
    day = end - dt.timedelta(days=364)
    while day <= end:
        if day.weekday() == 2:  # Wednesdays: the community centre's weekly round
            people = _in_residence(ctx, day)
            log_visit(ctx, {"visit_date": day, "partner_id": community, "doctor": rng.choice(COMMUNITY_DOCTORS),
                            "resident_ids": rng.sample(people, min(len(people), rng.randint(4, 10))),
                            "notes": rng.choice(notes).format(n=rng.randint(1, 3))})
        if day.weekday() == 1 and day.day <= 7:  # first Tuesday: the hospital's specialist round
            people = _in_residence(ctx, day)
            log_visit(ctx, {"visit_date": day, "partner_id": hospital, "doctor": rng.choice(HOSPITAL_DOCTORS) + "（主任医师）",
                            "resident_ids": rng.sample(people, min(len(people), rng.randint(3, 6))),
                            "notes": "专家巡诊：疑难病例会诊，调整用药方案。"})
        day += dt.timedelta(days=1)


def _candidate(ctx: Context, rng: random.Random, d: dt.date, until: dt.date) -> int | None:
    """A resident in residence from before ``d`` until today, with no leave from ``d`` on (the generated history
    already holds later leaves, and an open hospital stay may not overlap them) and no referral under way."""
    rows = ctx.db.execute("""
        SELECT s.resident_id FROM stays s
        WHERE s.admission_date < ?1 AND s.discharge_date IS NULL AND ?2 >= ?1
          AND NOT EXISTS (SELECT 1 FROM leaves l WHERE l.stay_id = s.id AND COALESCE(l.end_date, '9999-12-31') >= ?1)
          AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.resident_id = s.resident_id
                          AND (f.state IN ('待接收', '已接收', '住院', '门诊处理') OR f.returned_on >= ?1))
        ORDER BY s.resident_id""", [d.isoformat(), until.isoformat()]).fetchall()
    return rng.choice(rows)[0] if rows else None


def _staff(ctx: Context, roles: tuple[str, ...], fallback: str) -> list[str]:
    return [r[0] for r in ctx.db.execute(
        f"SELECT name FROM staff WHERE role IN ({','.join('?' * len(roles))}) ORDER BY id", list(roles)).fetchall()] or [fallback]


def _up(ctx: Context, rng: random.Random, partner: int, d: dt.date, path: list[tuple[str, int]], end: dt.date,
        resident: int | None = None, community: int | None = None) -> None:
    """One up-referral on ``d`` following ``path`` [(state, days after d)], all or nothing."""
    until = d + dt.timedelta(days=max([k for _, k in path] + [0]) + 2)
    resident = resident or _candidate(ctx, rng, d, min(until, end))
    if resident is None:
        return
    case = rng.choice(CASES)
    department = case[0]
    if case[0] == "内分泌科" and community and rng.random() < 0.6:  # chronic care goes to the community centre
        partner, department = community, "全科门诊"
    doctors, nurses = _staff(ctx, ("执业医师", "执业助理医师"), "值班医生"), _staff(ctx, ("注册护士",), "值班护士")
    urgent = case[5] in ("病情急性加重，需急诊处理", "跌倒或外伤需处理")
    when = dt.datetime.combine(d, dt.time(rng.randint(7, 20), rng.choice([0, 10, 20, 30, 40, 50])))
    try:
        with ctx.transaction():
            fid = create_referral(ctx, {
                "resident_id": resident, "direction": R.UP, "referred_at": when, "partner_id": partner,
                "department": department, "receiving_doctor": rng.choice(HOSPITAL_DOCTORS), "referring_doctor": rng.choice(doctors),
                "referring_phone": "0745-2345678", "impression": case[1], "present_illness": case[2],
                "past_history": case[3], "treatment": case[4], "indications": [case[5]],
                "urgency": "急诊" if urgent else "普通", "transport": "救护车（120）" if urgent else "机构车辆",
                "escort": rng.choice(nurses)})
            for state, days in path:
                on = d + dt.timedelta(days=days)
                if state == R.RETURNED:
                    record_return(ctx, fid, {
                        "returned_on": on, "return_diagnosis": case[6], "hospital_record_no": f"ZY{on:%Y%m}{rng.randint(1000, 9999)}",
                        "return_findings": case[7], "return_advice": case[8], "return_doctor": rng.choice(HOSPITAL_DOCTORS),
                        "return_phone": "0745-2222101", "return_receiver": rng.choice(doctors)})
                else:
                    change_state(ctx, fid, {"state": state, "date": on, "end_hospital_stay": True, "reason": {
                        R.REFUSED: "该科室床位已满，建议转诊至其他医院", R.CLOSED: rng.choice(
                            ["家属要求取消转诊，在院观察", "转往省级医院治疗后返回"])}.get(state)})
    except ValidationError:
        pass  # a clash with the generated stays (e.g. the resident left meanwhile): this referral is left out


def _referrals(ctx: Context, rng: random.Random, hospital: int, community: int, start: dt.date, end: dt.date) -> None:
    inpatient = [(R.ACCEPTED, 0), (R.INPATIENT, 0)]
    history = ([inpatient + [(R.RETURNED, None)]] * 24 + [[(R.ACCEPTED, 0), (R.OUTPATIENT, 0), (R.RETURNED, 1)]] * 7
               + [[(R.ACCEPTED, 0), (R.OUTPATIENT, 0), (R.INPATIENT, 1), (R.RETURNED, None)]] * 2
               + [[(R.REFUSED, 0)]] * 3 + [[(R.CLOSED, 1)]] * 2 + [inpatient + [(R.CLOSED, 6)]] * 2)
    rng.shuffle(history)
    span = (end - start).days - 60
    for i, path in enumerate(history):
        d = start + dt.timedelta(days=20 + i * span // len(history) + rng.randint(0, 8))
        path = [(s, rng.randint(3, 16) if k is None else k) for s, k in path]
        if path[-1][0] == R.RETURNED and any(s == R.INPATIENT and k == 1 for s, k in path):
            path[-1] = (R.RETURNED, max(path[-1][1], 3))
        _up(ctx, rng, hospital, d, path, end, community=community)
    # Under way today: waiting, accepted, in hospital, treated as an outpatient.
    _up(ctx, rng, hospital, end - dt.timedelta(days=1), [], end)
    _up(ctx, rng, hospital, end, [], end)
    _up(ctx, rng, hospital, end - dt.timedelta(days=1), [(R.ACCEPTED, 0)], end)
    _up(ctx, rng, hospital, end - dt.timedelta(days=9), inpatient, end)
    _up(ctx, rng, hospital, end - dt.timedelta(days=2), [(R.ACCEPTED, 0), (R.OUTPATIENT, 0)], end)
    for stay_id, resident, since in ctx.db.execute(  # already recorded as in hospital: the referral adopts that stay
            "SELECT s.id, s.resident_id, l.start_date FROM leaves l JOIN stays s ON s.id = l.stay_id "
            "WHERE l.kind = '住院' AND l.end_date IS NULL AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.leave_id = l.id) "
            "ORDER BY l.id"
    ).fetchall():
        _up(ctx, rng, hospital, dt.date.fromisoformat(since), inpatient, end, resident=resident)
    _down_referrals(ctx, rng, hospital, community, end)


def _down(ctx: Context, rng: random.Random, partner: int, resident: int, d: dt.date, state: str | None,
          reason: str | None = None) -> None:
    case = rng.choice(DOWN_CASES)
    doctors = _staff(ctx, ("执业医师", "执业助理医师"), "值班医生")
    try:
        with ctx.transaction():
            fid = create_referral(ctx, {
                "resident_id": resident, "direction": R.DOWN, "partner_id": partner,
                "referred_at": dt.datetime.combine(d, dt.time(rng.randint(9, 16), 0)), "department": case[0],
                "referring_doctor": rng.choice(HOSPITAL_DOCTORS), "referring_phone": "0745-2222101",
                "receiving_doctor": rng.choice(doctors), "impression": case[1], "present_illness": case[2],
                "indications": [case[3]], "return_diagnosis": case[1], "hospital_record_no": f"ZY{d:%Y%m}{rng.randint(1000, 9999)}",
                "return_findings": "生命体征平稳，各项复查指标基本正常。",
                "return_advice": "继续口服药物治疗；在养老机构内进行康复训练；定期复诊。", "transport": "医院派车"})
            if state:
                change_state(ctx, fid, {"state": state, "date": d, "reason": reason})
    except ValidationError:
        pass


def _down_referrals(ctx: Context, rng: random.Random, hospital: int, community: int, end: dt.date) -> None:
    """Down-referrals come with hospital stays recorded on the residents page: the home receives the resident back."""
    stays = ctx.db.execute(
        "SELECT s.resident_id, l.end_date FROM leaves l JOIN stays s ON s.id = l.stay_id WHERE l.kind = '住院' "
        "AND l.end_date IS NOT NULL AND l.end_date <= ? AND COALESCE(s.discharge_date, '9999-12-31') > l.end_date "
        "ORDER BY l.end_date, l.id", [end.isoformat()]).fetchall()
    for resident, back in stays[-11:]:
        _down(ctx, rng, hospital, resident, dt.date.fromisoformat(back), R.ACCEPTED)
    people = _in_residence(ctx, end - dt.timedelta(days=40))
    _down(ctx, rng, hospital, rng.choice(people), end - dt.timedelta(days=40), R.REFUSED, "本院暂无空余护理型床位")
    _down(ctx, rng, community, rng.choice(people), end - dt.timedelta(days=70), R.CLOSED, "家属决定接回家中照护")
    # A resident in hospital now (recorded on the residents page), whom the hospital proposes to send back.
    home = [r for r in _in_residence(ctx, end - dt.timedelta(days=8)) if r in _in_residence(ctx, end)]
    if home:
        resident = rng.choice(home)
        stay = ctx.db.execute("SELECT id FROM stays WHERE resident_id = ? AND discharge_date IS NULL", [resident]).fetchone()[0]
        with ctx.transaction():
            start_leave(ctx, stay, {"kind": "住院", "start_date": end - dt.timedelta(days=8), "destination": "怀化市第一人民医院（演示）"})
            _down(ctx, rng, hospital, resident, end - dt.timedelta(days=1), None)
