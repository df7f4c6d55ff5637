"""Small builders for test records (valid ID numbers made with the real checksum)."""
from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from yiyang_desktop.domain.ids import id_check_char
from yiyang_desktop.services.beds import create_bed
from yiyang_desktop.services.residents import admit, create_resident

_seq = itertools.count(101)


def id_number(birth: dt.date = dt.date(1940, 5, 6), sex: str = "女", region: str = "431202") -> str:
    seq = (next(_seq) * 2 + (1 if sex == "男" else 0)) % 1000  # 17th digit odd for men
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def bed(ctx, room: str = "101", number: str = "1", bed_type: str = "养老床位", sub_type: str | None = None,
        service_date: dt.date = dt.date(2024, 1, 1), **kw) -> int:
    return create_bed(ctx, {"building": kw.pop("building", "1号楼"), "floor": kw.pop("floor", "1"), "room": room,
                            "number": number, "bed_type": bed_type, "sub_type": sub_type,
                            "service_date": service_date, **kw})


def resident(ctx, name: str = "张三", sex: str = "女", birth: dt.date = dt.date(1940, 5, 6), **kw) -> int:
    return create_resident(ctx, {"name": name, "sex": sex, "id_number": id_number(birth, sex),
                                 "hukou_local": True, **kw})


def admitted(ctx, bed_id: int, when: dt.date, name: str = "张三", **kw) -> tuple[int, int]:
    rid = resident(ctx, name, **kw)
    return rid, admit(ctx, rid, {"admission_date": when, "bed_id": bed_id})


def write_book(path: Path, sheets: dict[str, list[list]]) -> Path:
    """An Excel workbook with these sheets and rows (as a user's ledger arrives), for the import tests."""
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path
