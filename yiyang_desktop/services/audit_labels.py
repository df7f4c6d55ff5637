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
    "audit_anchors": N_("enum", "审计锚点"), "health_files": N_("enum", "健康档案"),
    "health_checks": N_("enum", "年度体检"), "health_check_files": N_("enum", "体检报告扫描件"),
    "ltc_levels": N_("enum", "长护险等级"),
}

#: Field labels shared by every table, then per table where the same name means something else.
COMMON = {
    "id": N_("msg", "编号"), "name": N_("msg", "名称"), "note": N_("msg", "备注"), "created_at": N_("msg", "创建时间"), "updated_at": N_("msg", "修改时间"),
    "sort": N_("msg", "顺序"), "phone": N_("msg", "电话"), "sex": N_("msg", "性别"), "id_number": N_("msg", "身份证号"), "birth_date": N_("msg", "出生日期"),
    "start_date": N_("msg", "开始日期"), "end_date": N_("msg", "结束日期"), "effective_date": N_("msg", "生效日期"), "kind": N_("msg", "类别"),
    "resident_id": N_("msg", "老人"), "stay_id": N_("msg", "入住"), "bed_id": N_("msg", "床位"), "partner_id": N_("msg", "合作机构"),
    "agreement_id": N_("msg", "协议"), "referral_id": N_("msg", "转诊"), "visit_id": N_("msg", "巡诊"), "application_id": N_("msg", "补贴申请"),
    "amount_fen": N_("msg", "金额"), "status": N_("msg", "状态"), "address": N_("msg", "地址"), "uscc": N_("msg", "统一社会信用代码"),
    "role": N_("msg", "角色"), "user": N_("msg", "操作人"), "reason": N_("msg", "原因"), "state": N_("msg", "状态"),
}
FIELDS = {
    "residents": {"name": N_("msg", "姓名"), "name_initials": N_("msg", "拼音首字母"), "name_pinyin": N_("msg", "拼音"),
                  "hukou_local": N_("msg", "本地户籍"), "hukou_address": N_("msg", "户籍地址"), "categories": N_("msg", "老人类别"),
                  "medical_insurance": N_("msg", "医保类型"), "ltc_insurance": N_("msg", "长护险"), "created_at": N_("msg", "登记时间")},
    "resident_contacts": {"name": N_("msg", "联系人"), "relation": N_("msg", "关系")},
    "stays": {"admission_date": N_("msg", "入住日期"), "discharge_date": N_("msg", "离院日期"), "discharge_reason": N_("msg", "离院原因"),
              "discharge_note": N_("msg", "离院说明")},
    "leaves": {"destination": N_("msg", "去向")},
    "beds": {"building": N_("msg", "楼栋"), "floor": N_("msg", "楼层"), "room": N_("msg", "房间"), "number": N_("msg", "床号"),
             "provision": N_("msg", "建设方式"), "lease_end_date": N_("msg", "租赁到期"), "service_date": N_("msg", "投入使用日期")},
    "bed_type_changes": {"bed_type": N_("msg", "床位类型"), "sub_type": N_("msg", "细分类型")},
    "staff": {"name": N_("msg", "姓名"), "title": N_("msg", "职称"), "practice_cert_no": N_("msg", "执业证书编号"),
              "qualification_cert_no": N_("msg", "资格证书编号"), "other_certs": N_("msg", "其他证书"),
              "first_registration": N_("msg", "首次注册"), "employment": N_("msg", "用工方式")},
    "institution": {"name": N_("msg", "机构名称"), "legal_rep": N_("msg", "法定代表人"), "contact_person": N_("msg", "联系人"),
                    "contact_phone": N_("msg", "联系电话"), "region_code": N_("msg", "行政区划代码"), "region_name": N_("msg", "行政区划"),
                    "ownership": N_("msg", "所有制"), "profit_type": N_("msg", "营利性质"), "license_no": N_("msg", "备案/许可编号"),
                    "medical_facility": N_("msg", "内设医疗机构"), "medical_license_no": N_("msg", "医疗机构执业许可证号"),
                    "medical_license_date": N_("msg", "医疗许可日期"), "operation_start_date": N_("msg", "开业日期"),
                    "building_area": N_("msg", "建筑面积"), "bank_name": N_("msg", "开户银行"), "bank_account": N_("msg", "银行账号"),
                    "legal_cert_no": N_("msg", "法人证书编号"), "approved_beds": N_("msg", "核定床位数"),
                    "established_date": N_("msg", "成立日期"), "postcode": N_("msg", "邮政编码")},
    "settings": {"key": N_("msg", "设置项"), "value": N_("msg", "设置值")},
    "assessments": {"instrument_id": N_("msg", "评估量表"), "instrument_version": N_("msg", "量表版本"), "assessed_on": N_("msg", "评估日期"),
                    "assessor1": N_("msg", "评估员1"), "assessor2": N_("msg", "评估员2"), "informant_name": N_("msg", "信息提供者"),
                    "informant_relation": N_("msg", "与老人关系"), "coma": N_("msg", "昏迷"), "diagnoses": N_("msg", "疾病诊断"),
                    "risk_events": N_("msg", "风险事件"), "answers": N_("msg", "评估答案"), "result": N_("msg", "评估结果"),
                    "total": N_("msg", "总分"), "initial_grade": N_("msg", "初步等级"), "final_grade": N_("msg", "最终等级"),
                    "final_grade_name": N_("msg", "等级名称")},
    "care_events": {"event_date": N_("msg", "事件日期")},
    "referrals": {"direction": N_("msg", "转诊方向"), "referred_at": N_("msg", "转诊时间"), "department": N_("msg", "接诊科室"),
                  "receiving_doctor": N_("msg", "接诊医生"), "referring_doctor": N_("msg", "转诊医生"),
                  "referring_phone": N_("msg", "转诊医生电话"), "impression": N_("msg", "初步印象"), "present_illness": N_("msg", "现病史"),
                  "past_history": N_("msg", "既往史"), "treatment": N_("msg", "治疗经过"), "indications": N_("msg", "转诊指征"),
                  "indication_note": N_("msg", "指征说明"), "urgency": N_("msg", "紧急程度"), "transport": N_("msg", "转运方式"),
                  "escort": N_("msg", "陪同人员"), "state_date": N_("msg", "状态日期"), "referral_admission": N_("msg", "转诊入院"),
                  "admitted_on": N_("msg", "入院日期"), "leave_id": N_("msg", "住院请假"), "returned_on": N_("msg", "回转日期"),
                  "return_diagnosis": N_("msg", "回转诊断"), "hospital_record_no": N_("msg", "住院号"),
                  "return_findings": N_("msg", "检查结果"), "return_advice": N_("msg", "后续治疗建议"),
                  "return_doctor": N_("msg", "回转医生"), "return_phone": N_("msg", "回转医生电话"),
                  "return_receiver": N_("msg", "回转接收人"), "reassessment_due_from": N_("msg", "需重新评估日期"),
                  "closed_reason": N_("msg", "结束原因")},
    "referral_events": {"event_date": N_("msg", "日期")},
    "partners": {"level": N_("msg", "等级"), "insurance_designated": N_("msg", "医保定点"), "distance_km": N_("msg", "距离（公里）"),
                 "travel_minutes": N_("msg", "车程（分钟）")},
    "partner_contacts": {"name": N_("msg", "联系人")},
    "agreements": {"number": N_("msg", "协议编号"), "signed_date": N_("msg", "签订日期"), "valid_from": N_("msg", "生效日期"),
                   "valid_to": N_("msg", "到期日期"), "our_duties": N_("msg", "我方责任"), "partner_duties": N_("msg", "对方责任"),
                   "terminated_on": N_("msg", "终止日期"), "termination_reason": N_("msg", "终止原因"), "renews_id": N_("msg", "续签自")},
    "agreement_fees": {"item": N_("msg", "收费项目"), "payer": N_("msg", "付费方"), "basis": N_("msg", "计费方式")},
    "agreement_services": {"service": N_("msg", "服务项目"), "detail": N_("msg", "内容"), "frequency": N_("msg", "频次"),
                           "times": N_("msg", "次数"), "response_minutes": N_("msg", "响应时间（分钟）")},
    "agreement_files": {"original_name": N_("msg", "文件名"), "stored_name": N_("msg", "保存名"), "sha256": N_("msg", "校验值"),
                        "size": N_("msg", "大小"), "added_at": N_("msg", "添加时间")},
    "construction_grants": {"granted_on": N_("msg", "发放日期")},
    "visits": {"visit_date": N_("msg", "巡诊日期"), "doctor": N_("msg", "医生"), "notes": N_("msg", "巡诊记录")},
    "policy_profiles": {"body": N_("msg", "参数内容")},
    "submitted_returns": {"month": N_("msg", "月份"), "version": N_("msg", "版本"), "figures": N_("msg", "报表数字"), "details": N_("msg", "明细"),
                          "submitted_by": N_("msg", "报送人"), "submitted_at": N_("msg", "报送时间"), "supersedes_id": N_("msg", "更正的版本")},
    "subsidy_applications": {"profile_id": N_("msg", "政策配置"), "profile_version": N_("msg", "配置版本"), "period": N_("msg", "申报期间"),
                             "summary": N_("msg", "申请内容"), "approved_amount_fen": N_("msg", "核定金额"), "decided_on": N_("msg", "核定日期"),
                             "created_by": N_("msg", "申请人")},
    "users": {"username": N_("msg", "用户名"), "display_name": N_("msg", "姓名"), "password_hash": N_("msg", "密码"), "active": N_("msg", "启用"),
              "failed_count": N_("msg", "连续错误次数"), "locked_until": N_("msg", "锁定至"), "must_change": N_("msg", "须修改密码"),
              "password_changed_at": N_("msg", "密码修改时间"), "last_login": N_("msg", "最近登录")},
    "health_files": {"recorded_on": N_("msg", "记录日期"), "past_illnesses": N_("msg", "既往病史"),
                     "chronic_conditions": N_("msg", "慢性病"), "allergies": N_("msg", "过敏史"),
                     "contraindicated_drugs": N_("msg", "禁忌药物"), "diet_restrictions": N_("msg", "饮食禁忌"),
                     "family_doctor": N_("msg", "家庭医生"), "family_doctor_since": N_("msg", "签约日期"),
                     "created_by": N_("msg", "记录人")},
    "health_checks": {"check_date": N_("msg", "体检日期"), "provider_kind": N_("msg", "体检机构类别"),
                      "provider_name": N_("msg", "体检机构"), "doctor": N_("msg", "体检医生"),
                      "findings": N_("msg", "主要发现"), "advice": N_("msg", "健康指导建议"),
                      "feedback_date": N_("msg", "告知日期"), "feedback_to": N_("msg", "告知对象"),
                      "feedback_note": N_("msg", "告知说明")},
    "health_check_files": {"check_id": N_("msg", "体检"), "original_name": N_("msg", "文件名"),
                           "stored_name": N_("msg", "保存名"), "sha256": N_("msg", "校验值"), "size": N_("msg", "大小"),
                           "added_at": N_("msg", "添加时间")},
    "ltc_levels": {"insured_place": N_("msg", "参保地"), "level": N_("msg", "长护险等级"),
                   "certificate_no": N_("msg", "证书编号"), "valid_from": N_("msg", "有效期起"),
                   "valid_to": N_("msg", "有效期至")},
    "export": {"kind": N_("msg", "导出内容"), "path": N_("msg", "保存位置"), "rows": N_("msg", "行数")},
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
