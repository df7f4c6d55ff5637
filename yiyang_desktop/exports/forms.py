"""The application forms, described once and drawn twice: as the Excel templates (with ``{{占位符}}``) and as PDF.

A form is a list of sheets; a sheet is a list of blocks:

- ``("title", text)`` — the form's title; ``("note", text)`` — a small line under it (placeholders allowed);
- ``("grid", [(label, key), ...])`` — label/value pairs, two to a row;
- ``("wide", label, key)`` — one label with a long value across the row;
- ``("table", name, [(header, field), ...], totals)`` — a header row and one row per item of table ``name``
  (in Excel a template row of ``{{name.field}}`` placeholders that is repeated), then a 合计 row summing the
  ``totals`` fields (placeholders ``{{<name><field>合计}}``, see :func:`total_key`) when there are any;
- ``("text", text)`` — a paragraph (declaration); ``("sign", [texts])`` — signature line;
- ``("review", title, [lines])`` — an opinion block left blank for the offices.

Placeholders are Chinese names so that a city's own template can use them; docs/applications.md lists them all.
What kind of value each placeholder holds (money, count, date, text) is declared once in ``FIELD_KINDS``: the Excel
form stores it as a number or a date with its format, the PDF right-aligns figures.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FORM_KINDS = ("construction-subsidy", "operating-subsidy", "insurance-designation")
TITLES = {
    "construction-subsidy": "养老机构建设补贴申请表",
    "operating-subsidy": "养老机构运营补贴申请表",
    "insurance-designation": "医疗机构医疗保障定点申请表",
}

INSTITUTION_GRID = [("机构名称", "机构名称"), ("统一社会信用代码", "统一社会信用代码"),
                    ("举办性质", "举办性质"), ("机构类型", "机构类型"),
                    ("法定代表人", "法定代表人"), ("联系电话", "联系电话"),
                    ("养老机构备案/许可编号", "许可编号"), ("法人登记证书号", "法人登记证书号")]
REVIEW_LINES_BEDS = ["审核床位数：________张", "经办人：____________    主管局领导：____________",
                     "（公章）                      年    月    日"]
REVIEW_LINES_MONEY = ["符合补贴床次数：合计________床·月", "补贴金额：________________元",
                      "经办人：____________    （盖章）          年    月    日"]
REVIEW_LINES_PLAIN = ["", "经办人：____________    负责人：____________",
                      "（盖章）                      年    月    日"]

CONSTRUCTION = [
    ("申请表", [
        ("title", TITLES["construction-subsidy"]),
        ("note", "政策依据：{{政策名称}}　　申报日期：{{申报日期}}"),
        ("note", "政策配置 {{政策编号}} 第{{政策版本}}版，有效期 {{政策有效期}}；按 {{计算日期}} 的记录计算"),
        ("grid", INSTITUTION_GRID + [
            ("机构地址", "机构地址"), ("邮政编码", "邮政编码"),
            ("举办方式", "举办方式"), ("设立时间", "设立时间"),
            ("正式运营日期", "正式运营日期"), ("投入运营情况", "投入运营情况"),
            ("建筑面积（㎡）", "建筑面积"), ("床位总数（张）", "床位总数"),
            ("申报床位（张）", "申报床位数"), ("申请金额（元）", "申请金额"),
            ("开户银行", "开户银行"), ("银行账号", "银行账号")]),
        ("wide", "金额大写", "申请金额大写"),
        ("table", "补贴测算", [("床位类型", "床位类型"), ("举办方式", "举办方式"), ("每床标准（元）", "每床标准"),
                            ("床位数", "床位数"), ("金额（元）", "金额")],
         ("床位数", "金额")),
        ("text", "本机构承诺：以上所填内容及所附材料真实、准确；申报床位此前未获得过建设补贴；遵守养老机构建设补贴资金"
                 "管理的各项规定，获得补贴后5年内不改变养老服务用途。如有不实，愿承担相应责任并退回补贴资金。"),
        ("sign", ["法定代表人（签字）：____________", "（单位盖章）", "年    月    日"]),
        ("review", "区（县）民政部门意见", REVIEW_LINES_BEDS),
        ("review", "区（县）财政部门意见", REVIEW_LINES_BEDS),
        ("review", "市民政局意见", REVIEW_LINES_BEDS),
        ("review", "市财政局意见", REVIEW_LINES_BEDS),
    ]),
    ("附件1 申报床位清单", [
        ("title", "附件1：申报床位清单"),
        ("note", "{{机构名称}}　　共{{申报床位数}}张，合计{{申请金额}}元"),
        ("table", "床位清单", [("序号", "序号"), ("床位", "床位"), ("床位类型", "床位类型"), ("举办方式", "举办方式"),
                           ("投入使用日期", "投入使用日期"), ("租赁到期日", "租赁到期日"), ("金额（元）", "金额"),
                           ("计算依据", "计算依据")], ("金额",)),
    ]),
    ("附件2 未纳入床位", [
        ("title", "附件2：未纳入申报的床位及原因"),
        ("table", "未纳入床位", [("序号", "序号"), ("床位", "床位"), ("床位类型", "床位类型"), ("举办方式", "举办方式"),
                            ("原因", "原因")], ()),
    ]),
]

OPERATING = [
    ("申请表", [
        ("title", TITLES["operating-subsidy"]),
        ("note", "申请年度：{{申请年度}}　月份：{{申请月份}}　政策依据：{{政策名称}}　单位：张·月、元"),
        ("note", "政策配置 {{政策编号}} 第{{政策版本}}版，有效期 {{政策有效期}}；按 {{计算日期}} 的记录计算（当日已结束的月份）"),
        ("grid", INSTITUTION_GRID + [
            ("机构地址", "机构地址"), ("开业（正式运营）时间", "正式运营日期"),
            ("建筑面积（㎡）", "建筑面积"), ("核准床位数", "核准床位数"),
            ("职工总数", "职工总数"), ("其中 管理/服务/其他", "职工构成"),
            ("入住老人总数（年末或期末）", "入住老人总数"), ("其中 特困/其他", "入住老人构成"),
            ("开户银行", "开户银行"), ("银行账号", "银行账号")]),
        ("table", "月度床次", [("月份", "月份"), ("符合条件床次", "床次"), ("补贴金额（元）", "金额"), ("说明", "说明")],
         ("床次", "金额")),
        ("grid", [("申请补贴床次合计", "床次合计"), ("申请补贴金额（元）", "申请金额")]),
        ("wide", "金额大写", "申请金额大写"),
        ("text", "本机构承诺：本年度未发生重大责任事故和重大服务纠纷，无侵害入住老人合法权益的行为；所附花名册中的"
                 "老人均真实入住，所填内容真实、准确。如有不实，愿承担相应责任并退回补贴资金。"),
        ("sign", ["法定代表人（签字）：____________", "（单位盖章）", "年    月    日"]),
        ("review", "县（市、区）民政、财政部门审核意见", REVIEW_LINES_MONEY),
        ("review", "市民政、财政部门审核意见", REVIEW_LINES_MONEY),
    ]),
    ("附件 花名册", [
        ("title", "附件：入住老人花名册（{{申请年度}}年）"),
        ("note", "{{机构名称}}　　身份证号：{{身份证显示}}"),
        ("table", "花名册", [("月份", "月份"), ("序号", "序号"), ("姓名", "姓名"), ("性别", "性别"), ("年龄", "年龄"),
                          ("身份证号", "身份证号"), ("户籍", "户籍"), ("类别", "类别"), ("能力等级", "能力等级"),
                          ("床位", "床位"), ("入住日期", "入住日期"), ("补贴标准（元）", "标准"),
                          ("本次计入月数", "计入月数")], ("标准",)),
    ]),
    ("未计入名单", [
        ("title", "未计入补贴的入住老人及原因"),
        ("table", "未计入", [("月份", "月份"), ("姓名", "姓名"), ("床位", "床位"), ("原因", "原因")], ()),
    ]),
]

INSURANCE = [
    ("申请表", [
        ("title", TITLES["insurance-designation"]),
        ("note", "申请日期：{{申报日期}}　按 {{计算日期}} 的记录判断申请条件"),
        ("grid", [("单位名称", "机构名称"), ("统一社会信用代码", "统一社会信用代码"),
                  ("内设医疗机构", "内设医疗机构"), ("执业许可证登记号", "执业许可证号"),
                  ("执业许可证日期", "执业许可证日期"), ("最早可申请日期", "最早可申请日期"),
                  ("单位地址", "机构地址"), ("邮政编码", "邮政编码"),
                  ("法定代表人", "法定代表人"), ("联系人", "联系人"),
                  ("联系电话", "联系电话"), ("所有制类型", "所有制"),
                  ("营利性质", "营利性质"), ("床位数", "床位总数"),
                  ("固定资产（万元）", "固定资产"), ("年业务收入（万元）", "年业务收入"),
                  ("门诊人次/年", "门诊人次"), ("住院人次/年", "住院人次"),
                  ("医保管理部门", "医保管理部门"), ("法人登记证书号", "法人登记证书号")]),
        ("table", "卫生技术人员", [("岗位", "岗位"), ("职称", "职称"), ("人数", "人数"), ("其中首次注册在本机构", "首次注册")],
         ("人数", "首次注册")),
        ("table", "大型医疗设备", [("设备名称", "名称"), ("数量", "数量")], ("数量",)),
        ("table", "申请条件", [("条件", "条件"), ("是否符合", "是否符合"), ("说明", "说明")], ()),
        ("wide", "医疗机构简介", "机构简介"),
        ("text", "本单位承诺：所提交的申请材料真实、完整、有效，愿意遵守医疗保障法律法规和定点管理的各项规定，"
                 "如有虚假，愿承担相应法律责任。"),
        ("sign", ["法定代表人（签字）：____________", "（单位印章）", "年    月    日"]),
        ("review", "医疗保障经办机构意见", REVIEW_LINES_PLAIN),
        ("review", "市医疗保障局意见", REVIEW_LINES_PLAIN),
    ]),
    ("医疗服务人员信息表", [
        ("title", "医疗服务人员信息表"),
        ("note", "{{机构名称}}　　统计日期：{{申报日期}}"),
        ("table", "人员", [("序号", "序号"), ("姓名", "姓名"), ("性别", "性别"), ("岗位", "岗位"), ("职称", "职称"),
                         ("执业证书编号", "执业证书编号"), ("资格证书编号", "资格证书编号"), ("首次注册在本机构", "首次注册"),
                         ("用工", "用工"), ("到岗日期", "到岗日期")], ()),
    ]),
    ("申报材料清单", [
        ("title", "医保定点申报材料清单"),
        ("table", "材料清单", [("序号", "序号"), ("材料", "材料"), ("准备情况", "准备情况")], ()),
    ]),
]

LAYOUTS = {"construction-subsidy": CONSTRUCTION, "operating-subsidy": OPERATING,
           "insurance-designation": INSURANCE}
FILE_STEMS = {"construction-subsidy": "建设补贴申请表", "operating-subsidy": "运营补贴申请表",
              "insurance-designation": "医保定点申请表"}


# What each placeholder (scalar or table column) holds; anything not listed is text.
MONEY_FIELDS = ("申请金额", "每床标准", "金额", "标准")
DATE_FIELDS = ("申报日期", "计算日期", "设立时间", "正式运营日期", "执业许可证日期", "最早可申请日期", "投入使用日期",
               "租赁到期日", "入住日期", "到岗日期")
COUNT_FIELDS = ("申报床位数", "床位总数", "核准床位数", "职工总数", "入住老人总数", "床次合计", "床位数", "床次", "序号",
                "年龄", "计入月数", "人数", "数量", "门诊人次", "住院人次", "申请年度", "首次注册")
NUMBER_FIELDS = ("建筑面积", "固定资产", "年业务收入")
FIELD_KINDS = {**{k: "money" for k in MONEY_FIELDS}, **{k: "date" for k in DATE_FIELDS},
               **{k: "count" for k in COUNT_FIELDS}, **{k: "number" for k in NUMBER_FIELDS}}
TOTAL_LABEL = "合计"


def total_key(table: str, field_name: str) -> str:
    """The placeholder of a table column's total: 床位清单 + 金额 → 床位清单金额合计."""
    return f"{table}{field_name}{TOTAL_LABEL}"


def field_kind(key: str) -> str | None:
    """The kind of a placeholder: a scalar name, a table column (``表.列``) or a column total (``表列合计``).
    A value that does not fit its kind (the 是/否 of 人员.首次注册) is written as text."""
    table, dot, column = key.partition(".")
    if dot:
        return FIELD_KINDS.get(column)
    return FIELD_KINDS.get(key) or _total_kinds().get(key)


@dataclass
class FormData:
    """What fills a form: scalar values by placeholder name, and table rows by table name."""
    kind: str
    values: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def placeholders(self) -> set[str]:
        return set(self.values) | {f"{t}.{c}" for t, rows in self.tables.items() for c in
                                   (rows[0] if rows else {})}


def table_totals(kind: str) -> dict[str, tuple[str, ...]]:
    """table name → the fields its 合计 row adds up (tables without a 合计 row are left out)."""
    return {b[1]: b[3] for _s, blocks in LAYOUTS[kind] for b in blocks if b[0] == "table" and len(b) > 3 and b[3]}


def _total_kinds() -> dict[str, str | None]:
    return {total_key(t, f): FIELD_KINDS.get(f) for kind in LAYOUTS for t, fields in table_totals(kind).items()
            for f in fields}


def with_totals(data: FormData) -> FormData:
    """``data`` with the 合计 of every table column the layout totals: money added exactly (Decimal yuan, given back
    as text like the other amounts), counts as ints."""
    from decimal import Decimal
    values = dict(data.values)
    for table, fields in table_totals(data.kind).items():
        rows = data.tables.get(table, [])
        for f in fields:
            if FIELD_KINDS.get(f) == "money":
                total = sum((Decimal(str(r[f]).replace(",", "")) for r in rows if r.get(f) not in (None, "")),
                            Decimal("0.00"))
                values[total_key(table, f)] = f"{total:.2f}"
            else:
                values[total_key(table, f)] = sum(r[f] for r in rows if isinstance(r.get(f), int)
                                                  and not isinstance(r.get(f), bool))
    return FormData(data.kind, values, data.tables)


def layout_placeholders(kind: str) -> tuple[set[str], dict[str, list[str]]]:
    """The scalar placeholders and the table columns a form's layout uses (for checks and the README)."""
    import re
    scalars: set[str] = set()
    tables: dict[str, list[str]] = {}
    for _sheet, blocks in LAYOUTS[kind]:
        for block in blocks:
            if block[0] == "grid":
                scalars.update(key for _label, key in block[1])
            elif block[0] == "wide":
                scalars.add(block[2])
            elif block[0] == "table":
                tables.setdefault(block[1], []).extend(f for _h, f in block[2])
                scalars.update(total_key(block[1], f) for f in (block[3] if len(block) > 3 else ()))
            elif block[0] in ("note", "title"):
                scalars.update(re.findall(r"\{\{([^{}.]+)\}\}", block[1]))
    return scalars, tables
