"""The compliance panel's checks: the active profile's size rule for the bed count, against the records."""
import datetime as dt

from factories import bed

from yiyang_desktop.services import partners as P
from yiyang_desktop.services.compliance import compliance
from yiyang_desktop.services.institution import get_institution, save_institution
from yiyang_desktop.services.policy import set_active_profile

D = dt.date


def states(report):
    return {str(i["name"]): i["state"] for i in report["items"]}


def test_zhanjiang_rule_follows_the_bed_count(ctx):
    set_active_profile(ctx, "zhanjiang-2018")
    save_institution(ctx, get_institution(ctx) | {"name": "测试院"})
    for n in range(1, 100):
        bed(ctx, str(100 + n // 10), str(n % 10))
    r = compliance(ctx)
    assert r["beds"] == 99 and r["rule"]["max_beds"] == 100 and not r["ok"]
    assert states(r) == {"与医疗机构签约合作": "missing"}
    bed(ctx, "999", "1")
    r = compliance(ctx)
    assert r["rule"]["min_beds"] == 100 and states(r)["内设医疗机构"] == "missing"
    assert states(r)["与医疗机构签约合作"] == "warn"  # not required in this band, still advised
    save_institution(ctx, get_institution(ctx) | {"medical_facility": "医务室", "medical_license_no": "PDY1"})
    r = compliance(ctx)
    assert states(r)["内设医疗机构"] == "ok" and r["ok"]


def test_demo_home_under_hecheng_with_an_expiring_agreement(demo_ctx):
    r = compliance(demo_ctx, profile_id="hecheng-2021")
    assert r["rule"]["max_beds"] == 200 and states(r)["与医疗机构签约合作"] == "ok"
    expiring = P.expiring_agreements(demo_ctx)
    assert ("协议即将到期" in states(r)) == bool(expiring)
    r = compliance(demo_ctx, profile_id="chongqing-2023")
    assert r["rule"] is None


def test_the_panel_on_the_medical_page(qapp, qtbot, demo_ctx):
    from yiyang_desktop.ui.partners_page import PartnersPage
    page = PartnersPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.refresh()
    text = page.compliance.text()
    assert "怀化市鹤城区" in text and "不足200张" in text and "与医疗机构签约合作" in text
    set_active_profile(demo_ctx, "chongqing-2023")
    page.refresh()
    assert "没有按床位数规定" in page.compliance.text()
