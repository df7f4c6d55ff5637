"""The institution profile (one row)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..domain.ids import IdNumberError, check_uscc
from ..domain.vocabulary import KINDS, OWNERSHIPS  # noqa: F401 - the pages import them from here
from ..domain.text import QT_TRANSLATE_NOOP as N_, message_of
from .base import Checker, Context, iso
from .accounts import requires

PROFIT_TYPES = (N_("enum", "营利"), N_("enum", "非营利"))
MEDICAL_FACILITIES = (N_("enum", "无"), N_("enum", "医务室"), N_("enum", "护理站"), N_("enum", "门诊部"),
                      N_("enum", "护理院"), N_("enum", "其他"))

FIELDS = ("name", "uscc", "legal_rep", "contact_person", "contact_phone", "address", "region_code", "region_name",
          "ownership", "profit_type", "kind", "license_no", "medical_facility", "medical_license_no",
          "medical_license_date", "operation_start_date", "building_area", "bank_name", "bank_account",
          "legal_cert_no", "approved_beds", "established_date", "postcode")


@requires("view")
def get_institution(ctx: Context) -> dict:
    row = next(ctx.db.query("SELECT * FROM institution WHERE id = 1"), None)
    return dict(row) if row else {k: None for k in FIELDS}


@requires("settings")
def save_institution(ctx: Context, data: dict) -> dict:
    """Validate and save the profile. Raises ValidationError listing every wrong field."""
    c = Checker(data)
    out = {
        "name": c.text("name", required=True, label=N_("msg", "机构名称")),
        "legal_rep": c.text("legal_rep", label=N_("msg", "法定代表人"), max_len=50),
        "contact_person": c.text("contact_person", label=N_("msg", "联系人"), max_len=50),
        "contact_phone": c.text("contact_phone", label=N_("msg", "联系电话"), max_len=50),
        "address": c.text("address", label=N_("msg", "地址")),
        "region_code": c.text("region_code", label=N_("msg", "行政区划代码"), max_len=12),
        "region_name": c.text("region_name", label=N_("msg", "行政区划")),
        "ownership": c.choice("ownership", OWNERSHIPS, label=N_("msg", "举办性质")),
        "profit_type": c.choice("profit_type", PROFIT_TYPES, label=N_("msg", "营利性质")),
        "kind": c.choice("kind", KINDS, label=N_("msg", "机构类型")),
        "license_no": c.text("license_no", label=N_("msg", "养老机构备案/设立许可编号")),
        "medical_facility": c.choice("medical_facility", MEDICAL_FACILITIES, label=N_("msg", "内设医疗机构")),
        "medical_license_no": c.text("medical_license_no", label=N_("msg", "医疗机构执业许可证号")),
        "medical_license_date": iso(c.date("medical_license_date", label=N_("msg", "执业许可证日期"))),
        "operation_start_date": iso(c.date("operation_start_date", label=N_("msg", "正式运营日期"))),
        "building_area": None,
        "bank_name": c.text("bank_name", label=N_("msg", "开户银行")),
        "bank_account": c.text("bank_account", label=N_("msg", "银行账号"), max_len=40),
        "legal_cert_no": c.text("legal_cert_no", label=N_("msg", "法人登记证书号"), max_len=60),
        "established_date": iso(c.date("established_date", label=N_("msg", "设立时间"))),
        "postcode": c.text("postcode", label=N_("msg", "邮政编码"), max_len=6),
        "approved_beds": None,
    }
    beds = c.text("approved_beds", label=N_("msg", "核准床位数"), max_len=6)
    if beds:
        if beds.isascii() and beds.isdigit() and 0 < int(beds) <= 100000:
            out["approved_beds"] = int(beds)
        else:
            c.add("approved_beds", N_("msg", "核准床位数应为正整数"))
    if out["postcode"] and not (out["postcode"].isascii() and out["postcode"].isdigit() and len(out["postcode"]) == 6):
        c.add("postcode", N_("msg", "邮政编码应为6位数字"))
    uscc = c.text("uscc", label=N_("msg", "统一社会信用代码"))
    if uscc:
        try:
            uscc = check_uscc(uscc)
        except IdNumberError as e:
            c.add("uscc", message_of(e))
    out["uscc"] = uscc
    area = c.text("building_area", label=N_("msg", "建筑面积"))
    if area:
        try:
            value = Decimal(area)
            if value <= 0 or value > Decimal("10000000"):
                raise InvalidOperation
            out["building_area"] = str(value)
        except InvalidOperation:
            c.add("building_area", N_("msg", "建筑面积应为大于0的数字（平方米）"))
    if out["region_code"] and not (out["region_code"].isascii() and out["region_code"].isdigit() and len(out["region_code"]) in (6, 9, 12)):
        c.add("region_code", N_("msg", "行政区划代码应为6、9或12位数字"))
    if out["medical_facility"] and out["medical_facility"] != "无" and not out["medical_license_no"]:
        c.add("medical_license_no", N_("msg", "有内设医疗机构时请填写医疗机构执业许可证号"))
    digits = (out["bank_account"] or "").replace(" ", "").replace("-", "")
    if digits and not (digits.isascii() and digits.isdigit()):
        c.add("bank_account", N_("msg", "银行账号只能包含数字"))
    c.raise_if_any()
    out["updated_at"] = ctx.stamp()
    with ctx.transaction() as db:
        db["institution"].update(1, out)
    return get_institution(ctx)


# The profile fields the applications need later (机构信息's 资料完整度 and 概览's 开始使用 checklist count these).
PROFILE_FIELDS = ("name", "uscc", "legal_rep", "contact_phone", "address", "license_no", "operation_start_date",
                  "bank_name", "bank_account")


def missing_fields(inst: dict, needed: tuple[str, ...]) -> list[str]:
    """Which of the needed profile fields are empty (forms list them with a button to fix)."""
    return [k for k in needed if not inst.get(k)]
