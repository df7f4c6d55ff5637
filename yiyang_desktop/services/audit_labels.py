"""The one label table of the audit trail: Chinese names of tables and fields, and how a field's value is shown.

Used by the audit page, ``yiyang audit`` and the audit export, so every reader sees "老人档案 · 姓名" rather than
``residents.name``, dates and 是/否 rather than 1/0, yuan rather than fen, and no raw JSON.
"""
from __future__ import annotations

from ..domain.text import QT_TRANSLATE_NOOP as N_

TABLES = {
    "residents": N_("enum", "老人档案"), "resident_contacts": N_("enum", "老人联系人"), "stays": N_("enum", "入住记录"),
    "bed_assignments": N_("enum", "床位分配"), "leaves": N_("enum", "请假/住院"), "beds": N_("enum", "床位"),
    "bed_type_changes": N_("enum", "床位类型变更"), "bed_status_changes": N_("enum", "床位状态变更"),
    "staff": N_("enum", "工作人员"), "institution": N_("enum", "机构信息"), "settings": N_("enum", "设置"),
    "assessments": N_("enum", "评估"), "care_events": N_("enum", "照护风险事件"), "referrals": N_("enum", "转诊"),
    "referral_events": N_("enum", "转诊进程"), "partners": N_("enum", "合作医疗机构"), "agreements": N_("enum", "合作协议"),
    "visits": N_("enum", "巡诊"), "users": N_("enum", "用户账号"), "export": N_("enum", "导出文件"),
    "subsidy_applications": N_("enum", "补贴申请"), "policy_profiles": N_("enum", "政策参数"),
    "agreement_fees": N_("enum", "协议收费项目"), "agreement_files": N_("enum", "协议扫描件"),
    "agreement_services": N_("enum", "协议服务项目"), "construction_grants": N_("enum", "建设补贴发放"),
    "partner_contacts": N_("enum", "合作机构联系人"), "submitted_returns": N_("enum", "已报送月报"),
    "visit_residents": N_("enum", "巡诊老人"), "audit": N_("enum", "审计密钥"), "backup": N_("enum", "数据文件"),
    "audit_anchors": N_("enum", "审计锚点"),
}

_F = lambda text: N_("field", text)  # noqa: E731

#: Field labels shared by every table, then per table where the same name means something else.
COMMON = {
    "id": _F("编号"), "name": _F("名称"), "note": _F("备注"), "created_at": _F("创建时间"), "updated_at": _F("修改时间"),
    "sort": _F("顺序"), "phone": _F("电话"), "sex": _F("性别"), "id_number": _F("身份证号"), "birth_date": _F("出生日期"),
    "start_date": _F("开始日期"), "end_date": _F("结束日期"), "effective_date": _F("生效日期"), "kind": _F("类别"),
    "resident_id": _F("老人"), "stay_id": _F("入住"), "bed_id": _F("床位"), "partner_id": _F("合作机构"),
    "agreement_id": _F("协议"), "referral_id": _F("转诊"), "visit_id": _F("巡诊"), "application_id": _F("补贴申请"),
    "amount_fen": _F("金额"), "status": _F("状态"), "address": _F("地址"), "uscc": _F("统一社会信用代码"),
    "role": _F("角色"), "user": _F("操作人"), "reason": _F("原因"), "state": _F("状态"),
}
FIELDS = {
    "residents": {"name": _F("姓名"), "name_initials": _F("拼音首字母"), "name_pinyin": _F("拼音"),
                  "hukou_local": _F("本地户籍"), "hukou_address": _F("户籍地址"), "categories": _F("老人类别"),
                  "medical_insurance": _F("医保类型"), "ltc_insurance": _F("长护险"), "created_at": _F("登记时间")},
    "resident_contacts": {"name": _F("联系人"), "relation": _F("关系")},
    "stays": {"admission_date": _F("入住日期"), "discharge_date": _F("离院日期"), "discharge_reason": _F("离院原因"),
              "discharge_note": _F("离院说明")},
    "leaves": {"destination": _F("去向")},
    "beds": {"building": _F("楼栋"), "floor": _F("楼层"), "room": _F("房间"), "number": _F("床号"),
             "provision": _F("建设方式"), "lease_end_date": _F("租赁到期"), "service_date": _F("投入使用日期")},
    "bed_type_changes": {"bed_type": _F("床位类型"), "sub_type": _F("细分类型")},
    "staff": {"name": _F("姓名"), "title": _F("职称"), "practice_cert_no": _F("执业证书编号"),
              "qualification_cert_no": _F("资格证书编号"), "other_certs": _F("其他证书"),
              "first_registration": _F("首次注册"), "employment": _F("用工方式")},
    "institution": {"name": _F("机构名称"), "legal_rep": _F("法定代表人"), "contact_person": _F("联系人"),
                    "contact_phone": _F("联系电话"), "region_code": _F("行政区划代码"), "region_name": _F("行政区划"),
                    "ownership": _F("所有制"), "profit_type": _F("营利性质"), "license_no": _F("备案/许可编号"),
                    "medical_facility": _F("内设医疗机构"), "medical_license_no": _F("医疗机构执业许可证号"),
                    "medical_license_date": _F("医疗许可日期"), "operation_start_date": _F("开业日期"),
                    "building_area": _F("建筑面积"), "bank_name": _F("开户银行"), "bank_account": _F("银行账号"),
                    "legal_cert_no": _F("法人证书编号"), "approved_beds": _F("核定床位数"),
                    "established_date": _F("成立日期"), "postcode": _F("邮政编码")},
    "settings": {"key": _F("设置项"), "value": _F("设置值")},
    "assessments": {"instrument_id": _F("评估量表"), "instrument_version": _F("量表版本"), "assessed_on": _F("评估日期"),
                    "assessor1": _F("评估员1"), "assessor2": _F("评估员2"), "informant_name": _F("信息提供者"),
                    "informant_relation": _F("与老人关系"), "coma": _F("昏迷"), "diagnoses": _F("疾病诊断"),
                    "risk_events": _F("风险事件"), "answers": _F("评估答案"), "result": _F("评估结果"),
                    "total": _F("总分"), "initial_grade": _F("初步等级"), "final_grade": _F("最终等级"),
                    "final_grade_name": _F("等级名称")},
    "care_events": {"event_date": _F("事件日期")},
    "referrals": {"direction": _F("转诊方向"), "referred_at": _F("转诊时间"), "department": _F("接诊科室"),
                  "receiving_doctor": _F("接诊医生"), "referring_doctor": _F("转诊医生"),
                  "referring_phone": _F("转诊医生电话"), "impression": _F("初步印象"), "present_illness": _F("现病史"),
                  "past_history": _F("既往史"), "treatment": _F("治疗经过"), "indications": _F("转诊指征"),
                  "indication_note": _F("指征说明"), "urgency": _F("紧急程度"), "transport": _F("转运方式"),
                  "escort": _F("陪同人员"), "state_date": _F("状态日期"), "referral_admission": _F("转诊入院"),
                  "admitted_on": _F("入院日期"), "leave_id": _F("住院请假"), "returned_on": _F("回转日期"),
                  "return_diagnosis": _F("回转诊断"), "hospital_record_no": _F("住院号"),
                  "return_findings": _F("检查结果"), "return_advice": _F("后续治疗建议"),
                  "return_doctor": _F("回转医生"), "return_phone": _F("回转医生电话"),
                  "return_receiver": _F("回转接收人"), "reassessment_due_from": _F("需重新评估日期"),
                  "closed_reason": _F("结束原因")},
    "referral_events": {"event_date": _F("日期")},
    "partners": {"level": _F("等级"), "insurance_designated": _F("医保定点"), "distance_km": _F("距离（公里）"),
                 "travel_minutes": _F("车程（分钟）")},
    "partner_contacts": {"name": _F("联系人")},
    "agreements": {"number": _F("协议编号"), "signed_date": _F("签订日期"), "valid_from": _F("生效日期"),
                   "valid_to": _F("到期日期"), "our_duties": _F("我方责任"), "partner_duties": _F("对方责任"),
                   "terminated_on": _F("终止日期"), "termination_reason": _F("终止原因"), "renews_id": _F("续签自")},
    "agreement_fees": {"item": _F("收费项目"), "payer": _F("付费方"), "basis": _F("计费方式")},
    "agreement_services": {"service": _F("服务项目"), "detail": _F("内容"), "frequency": _F("频次"),
                           "times": _F("次数"), "response_minutes": _F("响应时间（分钟）")},
    "agreement_files": {"original_name": _F("文件名"), "stored_name": _F("保存名"), "sha256": _F("校验值"),
                        "size": _F("大小"), "added_at": _F("添加时间")},
    "construction_grants": {"granted_on": _F("发放日期")},
    "visits": {"visit_date": _F("巡诊日期"), "doctor": _F("医生"), "notes": _F("巡诊记录")},
    "policy_profiles": {"body": _F("参数内容")},
    "submitted_returns": {"month": _F("月份"), "version": _F("版本"), "figures": _F("报表数字"), "details": _F("明细"),
                          "submitted_by": _F("报送人"), "submitted_at": _F("报送时间"), "supersedes_id": _F("更正的版本")},
    "subsidy_applications": {"profile_id": _F("政策配置"), "profile_version": _F("配置版本"), "period": _F("申报期间"),
                             "summary": _F("申请内容"), "approved_amount_fen": _F("核定金额"), "decided_on": _F("核定日期"),
                             "created_by": _F("申请人")},
    "users": {"username": _F("用户名"), "display_name": _F("姓名"), "password_hash": _F("密码"), "active": _F("启用"),
              "failed_count": _F("连续错误次数"), "locked_until": _F("锁定至"), "must_change": _F("须修改密码"),
              "password_changed_at": _F("密码修改时间"), "last_login": _F("最近登录")},
    "export": {"kind": _F("导出内容"), "path": _F("保存位置"), "rows": _F("行数")},
}

#: Yes/no columns (stored 0/1).
FLAGS = {"hukou_local", "ltc_insurance", "first_registration", "coma", "insurance_designated", "referral_admission",
         "active", "must_change"}
#: Money columns (integer fen).
MONEY = {"amount_fen", "approved_amount_fen"}
#: Long structured values shown as a count, never as raw JSON.
BULKY = {"answers", "result", "figures", "details", "summary", "body", "risk_events"}
#: Lists stored as JSON arrays of words.
LISTS = {"categories", "diagnoses", "indications"}
#: Secret columns: only the fact of a change is shown.
SECRET = {"password_hash"}


def field_label(table: str, field: str):
    return FIELDS.get(table, {}).get(field) or COMMON.get(field) or field


def table_label(table: str):
    return TABLES.get(table, table)
