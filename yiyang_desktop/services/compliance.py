"""Medical-cooperation compliance: the active policy profile's size rule for this home's bed count, checked
against the records (agreements in force, internal clinic, agreements expiring)."""
from __future__ import annotations

import datetime as dt

from ..domain.policy import loader as L
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import Context
from .accounts import requires
from .census import census
from .institution import get_institution
from .partners import coverage_summary, expiring_agreements
from .policy import active_profile, get_profile

OK, MISSING, WARN, INFO = "ok", "missing", "warn", "info"


@requires("view")
def compliance(ctx: Context, on: dt.date | None = None, profile_id: str | None = None) -> dict:
    """{profile, beds, rule, items: [{name, state, detail}], ok}; ``state`` is ok / missing / warn / info."""
    on = on or ctx.today()
    profile = get_profile(ctx, profile_id) if profile_id else active_profile(ctx)
    beds = census(ctx, on).beds_total
    rule = profile.size_rule_for(beds)
    cover = coverage_summary(ctx, on)
    inst = get_institution(ctx)
    items = []

    def item(name, state, detail):
        items.append({"name": name, "state": state, "detail": detail})

    signed = cover["agreements_in_force"] > 0
    needs_agreement = rule is None or rule.needs_agreement  # national policy expects every home to sign
    item(N_("enum", "与医疗机构签约合作"), OK if signed else (MISSING if needs_agreement else WARN),
         N_("msg", "生效协议{n}份：{names}").format(n=cover["agreements_in_force"], names="、".join(cover["partners_signed"]))
         if signed else N_("msg", "没有生效的合作协议"))
    has_clinic = bool(inst.get("medical_facility")) and inst.get("medical_facility") != "无"
    if rule and rule.needs_clinic:
        licensed = has_clinic and bool(inst.get("medical_license_no"))
        item(N_("enum", "内设医疗机构"), OK if licensed else MISSING,
             N_("msg", "{kind}，执业许可证号 {no}").format(kind=inst.get("medical_facility"), no=inst.get("medical_license_no"))
             if licensed else N_("msg", "本机构{n}张床位，该档要求内设医疗机构；“机构信息”中未登记内设医疗机构或执业许可证")
             .format(n=beds))
    elif has_clinic:
        item(N_("enum", "内设医疗机构"), INFO, N_("msg", "已设{kind}").format(kind=inst.get("medical_facility")))
    if signed:
        item(N_("enum", "急诊急救应急通道"), OK if cover["has_emergency_channel"] else WARN,
             N_("msg", "协议已约定") if cover["has_emergency_channel"] else N_("msg", "生效协议中没有约定急诊急救应急通道"))
        item(N_("enum", "双向转诊"), OK if cover["has_referral_agreement"] else WARN,
             N_("msg", "协议已约定") if cover["has_referral_agreement"] else N_("msg", "生效协议中没有约定双向转诊"))
    expiring = expiring_agreements(ctx, on)
    if expiring:
        item(N_("enum", "协议即将到期"), WARN, "；".join(
            str(N_("msg", "{p} 的协议 {d} 到期，尚未续签").format(p=a["partner_name"], d=a["valid_to"])) for a in expiring))
    return {"date": on.isoformat(), "profile": profile.describe(), "beds": beds,
            "rule": L.to_data(rule) if rule else None, "items": items,
            "ok": all(i["state"] != MISSING for i in items)}
