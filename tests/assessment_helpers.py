"""Build answer sets that hit exact subtotals (for golden tests at band boundaries)."""
from __future__ import annotations


def items_for_sum(inst, codes, target: int) -> dict[str, int]:
    """Points for the given items adding to exactly ``target`` (a ValueError if no such set exists)."""
    reach = [{0: {}}]
    for c in codes:
        nxt = {}
        for s, chosen in reach[-1].items():
            for p in inst.item(c).allowed:
                nxt.setdefault(s + p, {**chosen, c: p})
        reach.append(nxt)
    if target not in reach[-1]:
        raise ValueError(f"{target} is not reachable with {codes}")
    return reach[-1][target]


def answers_for(inst, **subtotals) -> dict[str, int]:
    """Answers whose indicator subtotals are as given (indicator code with '.' written as '_'); others at max."""
    out = {}
    for ind in inst.indicators:
        key = ind.code.replace(".", "_")
        out.update(items_for_sum(inst, ind.items, subtotals[key]) if key in subtotals
                   else {c: inst.item(c).max_points for c in ind.items})
    return out


def answers_total(inst, total: int) -> dict[str, int]:
    return items_for_sum(inst, inst.item_codes, total)
