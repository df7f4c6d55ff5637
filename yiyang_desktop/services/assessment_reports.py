"""The data behind an assessment report and the all-residents grade list (exports stay pure functions of it)."""
from __future__ import annotations

import datetime as dt

from ..domain.assessment import load_instrument
from ..domain.ids import age_on
from .assessments import care_level_of, care_levels, due_list, get_assessment
from ..domain.text import QT_TRANSLATE_NOOP as N_
from .base import Context, fail
from .accounts import requires
from .institution import get_institution
from .residents import get_resident


@requires("export.personal")  # only printed or exported: the file carries personal data
def report_data(ctx: Context, assessment_id: int) -> dict:
    """Everything the one-resident report shows, laid out like the standard's report (Appendix C)."""
    a = get_assessment(ctx, assessment_id)
    if a["result"] is None:
        fail("", N_("msg", "草稿不能出具评估报告，请先完成评估"))
    inst = load_instrument(a["instrument_id"])
    r = get_resident(ctx, a["resident_id"])
    res = a["result"]
    applied_ids = {x["rule"] for x in res["applied"]}
    applied_because = {b for x in res["applied"] for b in x.get("because", [])}
    basis = []
    for o in inst.overrides:
        if o["kind"] == "set_if_flag":
            basis.append((o["description"], o["id"] in applied_ids))
        else:
            for c in o["conditions"]:
                basis.append((c["description"], o["id"] in applied_ids and c["id"] in applied_because))
    assessed = dt.date.fromisoformat(a["assessed_on"])
    return {
        "institution": get_institution(ctx).get("name") or "",
        "instrument": inst.name, "standard": inst.standard, "version": a["instrument_version"],
        "pending_verification": res.get("pending_verification", False),
        "resident": {"name": r["name"], "sex": r["sex"], "birth_date": r["birth_date"], "id_number": r["id_number"],  # masked by get_resident for roles without view.personal_ids
                     "age": age_on(dt.date.fromisoformat(r["birth_date"]), assessed)},
        "assessed_on": a["assessed_on"], "reason": a["reason"],
        "assessors": [a["assessor1"] or "", a["assessor2"] or ""],
        "informant": " ".join(filter(None, [a["informant_name"], a["informant_relation"]])),
        "diagnoses": [d["code"] for d in a["diagnoses"]],
        "indicators": [{"code": i.code, "name": i.name, "max": i.max, "score": res["subtotals"][i.code],
                        "grade": inst.indicator_grade_names.get(res.get("indicator_grades", {}).get(i.code))
                        if i.code in res.get("indicator_grades", {}) else None} for i in inst.indicators],
        "total": res["total"], "initial_grade": res["initial_grade_name"], "basis": basis,
        "final_grade": res["final_grade_name"],
        "care_level": care_level_of(ctx, a["instrument_id"], a["final_grade"]),
        "notes": res.get("notes", []),
    }


@requires("export.personal")  # only printed or exported: the file carries personal data
def grade_rows(ctx: Context, on: dt.date | None = None) -> list[dict]:
    """Every resident in residence on a date with the current grade, care level and reassessment state."""
    on = on or ctx.today()
    levels = care_levels(ctx)
    rows = []
    for d in due_list(ctx, on):
        r = get_resident(ctx, d["resident_id"])
        rows.append({
            "name": r["name"], "sex": r["sex"], "age": age_on(dt.date.fromisoformat(r["birth_date"]), on),
            "bed": d["bed"], "instrument": load_instrument(d["instrument_id"]).name if d["instrument_id"] else "",
            "assessed_on": d["last_date"].isoformat() if d["last_date"] else "",
            "grade": d["grade_name"] or "", "care_level": care_level_of(ctx, d["instrument_id"], d["final_grade"], levels) or "",
            "due_date": d["due_date"].isoformat() if d["due_date"] else "", "state": d["state"],
        })
    return rows
