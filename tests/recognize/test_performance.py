"""Performance tables of the five seeds → items, facts and indicator trees.

Every expected value was read from /work/shared/seeds/<file>; the comments give the source line.
Where the print is defective (lost or shifted cells, OCR noise) a test documents what we extract.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from budgetlens.ingest.raw import Grid
from budgetlens.ingest.text import lines_to_blocks
from budgetlens.model import Indicator, PerformanceItem
from budgetlens.recognize.performance import grid_to_performance

SEEDS = Path("/work/shared/seeds")
FILES = {
    "000": "000_2dc7f0fcd8664e1f.txt",
    "001": "001_35844fc53e2b775b.txt",
    "002": "002_8fd632e91e011919.txt",
    "003": "003_ad50221802a8c10b.txt",
    "004": "004_711672de32b8e3d1.txt",
}
PROJECT, OVERALL = "performance.project_targets", "performance.overall_targets"
PROJECT_EVAL, OVERALL_EVAL = "performance.project_self_eval", "performance.overall_self_eval"


@cache
def grids(seed: str) -> list[Grid]:
    lines = (SEEDS / FILES[seed]).read_text(encoding="utf-8").splitlines()
    return [b for b in lines_to_blocks(lines) if isinstance(b, Grid)]


def parse(seed: str, first: int, last: int, type_id: str) -> tuple[list[str], list[PerformanceItem]]:
    rows = [r for g in grids(seed) for r in g.rows if first <= (r[0].at.line or 0) <= last]
    return grid_to_performance(rows, type_id)


def facts(item: PerformanceItem) -> dict[str, tuple[str, Decimal | None]]:
    return {k: (c.text, c.amount) for k, c in item.facts.items()}


def tree(item: PerformanceItem) -> list[tuple[str, str, str, str | None, str | None, str | None]]:
    return [(i.level1, i.level2, i.name, i.target, i.comparison, i.unit) for i in item.indicators]


def scores(item: PerformanceItem) -> list[tuple[str, str | None, str | None, Decimal | None, Decimal | None]]:
    return [(i.name, i.target, i.actual, i.weight, i.score) for i in item.indicators]


def by_line(item: PerformanceItem, line: int) -> Indicator:
    return next(i for i in item.indicators if i.at.line == line)


D = Decimal


# -- 000: 专项资金支出方向绩效目标表 (413–438), 部门整体支出绩效目标表 (444–470) -----------------------
def test_000_project_targets() -> None:
    paths, items = parse("000", 413, 443, PROJECT)
    assert paths == [
        "本年度绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "指标值内容",
        "度量单位",
        "指标值类型",
        "备注",
    ]
    assert [i.name for i in items] == ["政府雇员经费"]
    item = items[0]
    assert facts(item) == {  # lines 420–421
        "项目类别": ("其他运转类", None),
        "年度本级预算金额": ("168", D("168")),
        "项目支出实施期": ("2024年", None),
    }
    assert item.goal == "保障产业服务中心劳务派遣人员工资及工作补助"
    assert tree(item) == [
        ("成本指标", "经济成本指标", "专员每年工资金额", "10", "定量", "万元/人"),
        ("成本指标", "经济成本指标", "企业专员误餐费和交通费", "18", "=", "万元"),
        ("产出指标", "数量指标", "专员人数", "15", "=", "人"),
        ("产出指标", "数量指标", "工资发放次数", "13", "=", "次"),
        ("产出指标", "数量指标", "走访企业数量", "150", "≥", "家"),
        ("产出指标", "数量指标", "走访联点企业次数", "1000", "≥", "次"),
        ("产出指标", "数量指标", "政策解读", "100", "≥", "条"),
        ("产出指标", "数量指标", "推送政策", "100", "≥", "条"),
        ("产出指标", "质量指标", "专员综合能力提升", "90", "≥", "百分比"),
        ("产出指标", "质量指标", "服务覆盖率", "100", "=", "百分比"),
        ("产出指标", "时效指标", "资金到位", "100", "=", "百分比"),
        ("产出指标", "时效指标", "全覆盖时间", "2024全年", "定量", "无"),
        ("效益指标", "社会效益", "增进政企联系", "90", "≥", "百分比"),
        ("效益指标", "社会效益", "惠企政策知晓率", "90", "≥", "百分比"),
        ("满意度", "服务对象满意度", "企业满意度", "88", "≥", "百分比"),  # short forms as printed
    ]
    assert item.indicators[0].content == "专员每人每年工资金额10万元"
    assert item.indicators[0].at.line == 424


def test_000_overall_targets() -> None:
    _, items = parse("000", 444, 470, OVERALL)
    assert [i.name for i in items] == ["株洲市荷塘区产业服务中心"]
    item = items[0]
    assert item.goal == "负责对全区中小微企业提供日常联系及专业服务"
    money = {k: v for k, v in facts(item).items() if not k.startswith("年度主要任务/")}
    assert money == {  # lines 454–456
        "资金总额": ("353.11", D("353.11")),
        "一般公共预算": ("353.11", D("353.11")),
        "基本支出": ("175.11", D("175.11")),
        "项目支出": ("178.00", D("178.00")),
    }
    assert [k for k in item.facts if k.startswith("年度主要任务/")] == [
        "年度主要任务/开展精细精准服务", "年度主要任务/开展产销精准对接",
        "年度主要任务/培育企业创新动能", "年度主要任务/加强自身队伍建设",
    ]  # fmt: skip
    assert len(item.indicators) == 13
    # line 467 prints 成本指标 in the 二级 column under 产出指标 (the pre-2021 framework).
    assert tree(item)[9] == ("产出指标", "成本指标", "运行经费", "353.11", "≥", "万元")
    assert tree(item)[12] == ("满意度指标", "服务对象满意度", "企业满意度", "88", "≥", "%")


# -- 001: 项目支出绩效目标表 over 8 pages (311–454), 部门整体支出绩效目标表 over 3 pages (456–512) ----
def test_001_project_targets_items() -> None:
    _, items = parse("001", 311, 455, PROJECT)
    # 合计 (319) and the unit's own subtotal row (320: no goal, no indicators) are not projects;
    # the project row repeated at the top of each page does not open a second item.
    assert [(i.name, len(i.indicators)) for i in items] == [
        ("长沙市企业服务中心工作经费", 11),
        ("公共服务平台运维和项目评审室工作经费", 15),
        ("离退休人员工作经费", 16),
        ("中小企业公共服务专项活动经费", 11),
    ]
    assert [facts(i) for i in items] == [
        {"单位编码": ("501009", None), "资金总额": ("184.00", D("184.00"))},
        {"资金总额": ("110.00", D("110.00")), "单位编码": ("501009", None)},  # 345 lost the code
        {"资金总额": ("17.67", D("17.67")), "单位编码": ("501009", None)},
        {"资金总额": ("1,000.00", D("1000.00")), "单位编码": ("501009", None)},
    ]
    assert (
        items[2].goal == "用于离退休人员党支部劳务费、离退休干部慰问费、工会费用、体检费、活动费等系列支出。"
    )


def test_001_project_indicators() -> None:
    item = parse("001", 311, 455, PROJECT)[1][2]
    assert tree(item) == [
        ("成本指标", "经济成本指标", "总成本资金控制率", "17.67", "≤", "万元"),  # 383
        ("产出指标", "数量指标", "退休支部干部劳务费", "2024年", "≤", "次"),  # 395, page 5
        ("产出指标", "数量指标", "离退休活动", "2024年", "定性", "次"),
        ("产出指标", "数量指标", "节假日慰问", "2024年", "≤", "次"),
        ("产出指标", "数量指标", "离退休人员生日慰问", "2024年", "≤", "次"),
        ("产出指标", "数量指标", "离退休生病住院慰问", "2024年", "≤", "次"),
        ("产出指标", "数量指标", "配偶、父母、配偶父母及子女去世慰问", "2024年", "定性", "次"),
        ("产出指标", "数量指标", "军转干部慰问", "2024年", "≤", "次"),
        ("产出指标", "数量指标", "订报", "2024年", "≤", "年"),
        ("产出指标", "数量指标", "离退休人员去世慰问", "2024年", "定性", "次"),
        ("产出指标", "质量指标", "高质量完成离退休经费资金率", "100", "=", "%"),  # 404: 质量指标 shifted left
        ("产出指标", "时效指标", "全年贯穿", "1", "≤", "年"),  # 414, page 6
        ("效益指标", "社会效益指标", "提升离退休人员幸福感提升", "1", None, "年"),
        ("效益指标", "社会效益指标", "落实老干部的各项政策待遇", "1", None, "年"),
        ("效益指标", "社会效益指标", "提升干部职工的凝聚力", "1", None, "年"),
        ("满意度指标", "服务对象满意度指标", "离退休人员满意度", "100", "=", "%"),
    ]  # 384/385 (成本指标 with an empty 三级) and 415 (无) are not indicators


def test_001_defective_rows() -> None:
    item = parse("001", 311, 455, PROJECT)[1][0]
    # 321: the 三级 cell prints "184" and 指标值 "全年"; positions agree with the header, so kept as printed.
    assert tree(item)[0] == ("成本指标", "经济成本指标", "184", "全年", "≤", "万元")
    # 324–327 lost their 二级 cell: anchored on 产出指标 / on the 指标值类型 cell, 二级 stays empty.
    assert tree(item)[1] == ("产出指标", "", "融资服务工作项目", "周期", "定性", "次")
    assert tree(item)[4] == ("产出指标", "", "政策宣讲", "周期", "定性", "次")
    # 328 lost all leading cells ("质量指标\t质量好\t100…"): aligned on 质量指标.
    assert tree(item)[5] == ("产出指标", "质量指标", "质量好", "100", "≤", "%")
    assert item.indicators[5].scoring == "符合要求得满分，不符合要求不得分或扣相应分数"
    # 416: the 指标值类型 column prints "5.00" — not a comparison, so None (the text is dropped).
    retired = parse("001", 311, 455, PROJECT)[1][2]
    assert by_line(retired, 416).comparison is None


def test_001_overall_targets() -> None:
    paths, items = parse("001", 456, 512, OVERALL)
    assert paths[:3] == ["单位编码", "单位名称", "年度预算申请/资金总额"]
    assert [i.name for i in items] == ["长沙市企业服务中心"]
    item = items[0]
    # 489/511 repeat the department row with one more blank cell; blanks are squeezed out.
    assert facts(item) == {
        "单位编码": ("501009", None),
        "资金总额": ("2,314.68", D("2314.68")),
        "一般公共预算": ("2,314.68", D("2314.68")),
        "基本支出": ("1,003.01", D("1003.01")),
        "项目支出": ("1,311.67", D("1311.67")),
    }
    assert item.goal is not None
    assert item.goal.startswith("一、以提升服务平台功能建设为契机")
    assert len(item.indicators) == 20
    first = item.indicators[0]  # 465: the header calls the last column 备注; it prints the 分值
    assert (first.name, first.comparison, first.target, first.unit, first.note) == (
        "基本支出",
        "≤",
        "1003.01",
        "万元",
        "10",
    )
    # 473 has a blank inserted after "="; squeezed out so 1/年 land on 指标值/计量单位.
    assert tree(item)[6] == ("产出指标", "数量指标", "平台日常数据维护", "1", "=", "年")
    # 496 lost a cell before 评分标准: 评分标准 and 备注 are re-anchored, "全年贯通" stays in 计量单位.
    row = by_line(item, 496)
    assert (row.unit, row.content, row.note) == ("全年贯通", None, "2")
    # 512 follows a repeated head row; the 指标值类型 cell "≥" anchors it.
    assert tree(item)[-1] == ("满意度指标", "服务对象满意度指标", "满意度评价", "95%", "≥", None)


# -- 002: two 专项资金支出方向绩效目标表 (402–461), 部门整体支出绩效目标表 (463–502) ------------------
def test_002_project_targets() -> None:
    _, items = parse("002", 402, 431, PROJECT)
    assert [i.name for i in items] == ["政府雇员经费"]
    assert facts(items[0]) == {
        "项目类别": ("其他运转类", None),
        "年度本级预算金额": ("265.82", D("265.82")),  # label printed "年度本级预算 金额"
        "项目支出实施期": ("2024年1－12月", None),
    }
    # 414/415/426/428 print 无: not indicators.
    assert [i.name for i in items[0].indicators] == [
        "专项经费", "聘用人数", "政务服务大厅窗口数", "业务知识考核", "解说比赛", "经验交流会", "读书分享会",
        "受理业务数量", "培训上岗合格率", "全部事项受理完成率", "各项受理事项按时办结率",
        "全面预算绩效管理体系建设", "政府雇员素质", "服务对象满意率",
    ]  # fmt: skip
    second = parse("002", 432, 462, PROJECT)[1]
    assert [(i.name, len(i.indicators)) for i in second] == [("政务服务运转", 14)]
    # 461 omits the 一级 cell; 服务对象满意度 implies 满意度指标, not the 效益指标 above it.
    assert tree(second[0])[-1] == ("满意度指标", "服务对象满意度", "服务对象满意率", "90", "≥", "%")


def test_002_overall_targets() -> None:
    _, items = parse("002", 463, 502, OVERALL)
    item = items[0]
    assert item.name == "株洲市荷塘区行政审批服务局"
    assert facts(item)["资金总额"] == ("525.41", D("525.41"))
    assert facts(item)["项目支出"] == ("315.82", D("315.82"))
    assert len(item.indicators) == 25  # the seed ends at line 502, inside the table
    assert tree(item)[21] == ("产出指标", "成本指标", "全年支出控制在范围内", None, "=", "万元")
    assert tree(item)[-1] == ("效益指标", "可持续影响指标", "系统正常使用年限", "1", ">", "年")


# -- 003: 整体绩效自评表 (547–595), three 项目绩效自评表 (603–683) --------------------------------------
def test_003_overall_self_eval() -> None:
    _, items = parse("003", 547, 602, OVERALL_EVAL)
    item = items[0]
    # 552 prints "武汉市江汉区企业 | 业服务中心": the split repeats 业; joined as printed.
    assert item.name == "武汉市江汉区企业业服务中心"
    # 553 is garbled ("基本支 | 5出总额 | 392.7 | 9"): 基本支出总额 is lost, 项目支出总额 kept.
    assert facts(item) == {
        "项目支出总额": ("105. 05", D("105.05")),
        "预算数(A)": ("514. 44", D("514.44")),
        "执行数(B)": ("497. 84", D("497.84")),
        "执行率(B/A)": ("96. 77%", None),
    }
    assert item.goal is not None
    assert len(item.goal.split("\n")) == 4
    assert len(item.indicators) == 28
    # 559/561 print OCR noise in the 二级 column; kept as printed, never replaced by a guess.
    assert [i.level2 for i in item.indicators[:4]] == ["数量指标", "双重用你", "质量指标", "灰里1g/M"]
    assert scores(item)[0] == ("印刷发放手册数量", "≥1500 册", "1500 册", None, None)  # wrap space removed


def test_003_project_self_eval() -> None:
    _, items = parse("003", 661, 684, PROJECT_EVAL)
    assert [i.name for i in items] == ["江汉区数字店小二专项经费"]
    item = items[0]
    assert facts(item) == {
        "主管部门": ("武汉市江汉区企业服务中心", None),
        "项目实施单位": ("武汉市江汉区 企业服务中心", None),
        "项目类型": ("1、经常性项目 □ 2、延续性项目 □ 3、一次性项目 □", None),
        "部门预算项目/资金量": ("100", D("100")),
        "预算数(A)": ("100", D("100")),
        "执行数(B)": ("83. 5", D("83.5")),
        "执行率(B/A)": ("83. 50%", None),
    }
    assert [(i.level1, i.level2, *s) for i, s in zip(item.indicators, scores(item), strict=True)] == [
        ("产出指标", "数量指标", "楼宇信息掌握数量", "90 栋", "117 栋", None, None),
        ("产出指标", "数量指标", "区内企业入驻信息掌握程度", "≥90%", ">95%", None, None),
        ("产出指标", "数量指标", "平台企业用户增长情况", "增长", "增长", None, None),
        ("产出指标", "质量指标", "惠企政策更新率", "=100%", "100%", None, None),
        ("产出指标", "时效指标", "政策发布及时性", "及时", "及时", None, None),
        ("产出指标", "时效指标", "企业数据更新率", "实时更新", "实时更新", None, None),
        ("效益指标", "社会效益指标", "四上企业认证率", "=100%", "100%", None, None),
        ("效益指标", "社会效益指标", "重点企业认证率", "≥95%", "100%", None, None),
        ("效益指标", "社会效益指标", "中小企业认证率", "≥90%", "100%", None, None),
        ("満意度指标", "服务对象满意度指标", "部门、街道、企业对平台的满意度", "≥90%", "98. 5%", None, None),
    ]
    assert [i.comparison for i in item.indicators[:4]] == [None, "≥", None, "="]
    first = parse("003", 603, 628, PROJECT_EVAL)[1][0]
    # 614 prints noise in the 二级 column and no 一级 above it: 一级 stays empty.
    assert tree(first)[0][:3] == ("", "粉具比坛", "印刷发放手册数量")


# -- 004: 部门（单位）整体支出绩效自评表 (611–640), five 项目支出绩效自评表 (642–808) -------------------
def test_004_overall_self_eval() -> None:
    _, items = parse("004", 611, 641, OVERALL_EVAL)
    item = items[0]
    assert item.name == "株洲高新技术产业开发区企业服务局"
    assert facts(item) == {
        "年初预算数": ("359.3", D("359.3")),
        "全年预算数": ("387.79", D("387.79")),
        "全年执行数": ("387.79", D("387.79")),
        "分值": ("10", D("10")),
        "执行率": ("108%", None),
        "得分": ("10", D("10")),
        "一般公共预算": ("387.79", D("387.79")),
        "基本支出": ("218.49", D("218.49")),
        "项目支出": ("169.3", D("169.3")),
        "实际完成情况": (item.facts["实际完成情况"].text, None),
        "总分/分值": ("100", D("100")),
        "总分/得分": ("99", D("99")),
    }
    assert item.goal == "1.“企业约见”必见必办。2.企业服务提质升级。3.问题诉求加速办理。4.企服平台持续优化。"
    assert len(item.indicators) == 15
    # 总分 100 / 99 = the indicators' 90 / 89 plus the budget execution's 分值 10 / 得分 10.
    assert sum(i.weight or 0 for i in item.indicators) == D("90")
    assert sum(i.score or 0 for i in item.indicators) == D("89")
    # 625 prints no 三级: the merged 广泛服务园区企业 cell covers both rows.
    assert scores(item)[:2] == [
        ("广泛服务园区企业", "10000家", "10000家", D("5"), D("5")),
        ("广泛服务园区企业", "2074家", "2074家", D("5"), D("5")),
    ]
    # 633 prints 满意度指标(10分) beside 生态效益指标 (merged cells print mid-span): the 二级 decides.
    assert tree(item)[8][:3] == ("效益指标", "生态效益指标", "促推产业生态向好发展")
    assert by_line(item, 630).note == "有待加强"


def test_004_project_self_eval() -> None:
    _, items = parse("004", 642, 670, PROJECT_EVAL)
    assert [i.name for i in items] == ["政府雇员经费"]
    item = items[0]
    assert facts(item)["当年财政拨款/年初预算数"] == ("120", D("120"))
    assert {
        k: facts(item)[k] for k in ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    } == {
        "年初预算数": ("120", D("120")),
        "全年预算数": ("112.11", D("112.11")),
        "全年执行数": ("112.11", D("112.11")),
        "分值": ("10", D("10")),
        "执行率": ("100%", None),
        "得分": ("10", D("10")),
    }
    assert (item.facts["合计/分值"].amount, item.facts["合计/得分"].amount) == (D("100"), D("99.5"))
    assert [(i.level1, i.level2, *s) for i, s in zip(item.indicators, scores(item), strict=True)] == [
        ("产出指标", "数量指标", "政府初级雇员", "10名", "9名", D("20"), D("20")),
        ("产出指标", "质量指标", "为重点企业提供服务", "2074家", "2074家", D("10"), D("10")),
        ("产出指标", "时效指标", "企业诉求平均办理时限", "≤10天", "≤3天", D("10"), D("10")),
        ("效益指标", "经济效益指标", "企业专业服务提升", "提升", "提升", D("5"), D("5")),
        ("效益指标", "社会效益指标", "改革成果惠及更多企业", "更多", "更多", D("5"), D("5")),
        ("效益指标", "生态效益指标", "打造更优企业发展环境", "优化", "优化", D("5"), D("5")),
        ("效益指标", "可持续影响指标", "服务渠道", "长期畅通", "长期畅通", D("5"), D("5")),
        ("满意度指标", "服务对象满意度指标", "园区企业满意度", "≥80%", "≥95%", D("10"), D("10")),
        ("成本指标", "经济成本指标", "政府雇员经费", "120万", "预算成本内", D("10"), D("10")),
        ("成本指标", "社会成本指标", "在职人员控制率", "≤10人", "9人", D("5"), D("4.5")),
        ("成本指标", "生态环境成本指标", "未造成生态环境负面影响", "100%", "100%", D("5"), D("5")),
    ]
    assert item.indicators[9].note == "1人离职"


def test_004_defective_fund_rows_and_tails() -> None:
    # 675–679: the header lost 得分 and 年度资金总额 sits one column left; the 执行率 % cell anchors it.
    item = parse("004", 671, 698, PROJECT_EVAL)[1][0]
    assert (item.facts["年初预算数"].amount, item.facts["得分"].amount) == (D("20"), D("10"))
    # 686 prints LaTeX; the comparison is read from it, the target kept as printed.
    assert (item.indicators[2].comparison, item.indicators[2].target) == ("≥", "$\\geq 80\\%$")
    # 737–744: 分值 and 得分 sit two columns apart; the numbers after 实际完成值 are 分值 then 得分.
    three = parse("004", 724, 752, PROJECT_EVAL)[1][0]
    assert scores(three)[4] == ("切实推进要素保障，优化营商环境", "优化", "不断优化", D("5"), D("4.5"))
    assert three.indicators[4].note == "待进一步优 化"
    # 790 lost 年初/全年预算数/全年执行数; 804 carries the 偏差 text of 803 on a row of its own.
    last = parse("004", 782, 811, PROJECT_EVAL)[1][0]
    assert "年初预算数" not in last.facts
    assert last.facts["分值"].amount == D("10")
    assert by_line(last, 803).note == "有待加强"
    assert len(last.indicators) == 11
