"""The performance (绩效) rules and scoring profiles on real self-evaluation tables.

Profiles are tested with exact recomputed scores of printed indicators; problems injected into copies
of the real documents are found with the right rule and place; and every error and warning of the
family on every seed and readable sample is pinned, each checked against the print (the comments say
where: seed line, or sample page / line of the page).
"""

from __future__ import annotations

import copy
from decimal import Decimal as D

import pytest
from typer.testing import CliRunner

from budgetlens.cli import app
from budgetlens.model import Cell, Document, Indicator, PerformanceItem
from budgetlens.rules import all_rules, check_document, flatten
from budgetlens.rules.performance.items import Measure, measure
from budgetlens.rules.performance.profiles import PROFILES, UnknownProfileError, profile_by_name
from budgetlens.rules.performance.score_recomputed import expected_score
from tests.conftest import SAMPLES, read_once, seed, seed_path

PERFORMANCE = [r for r in all_rules() if r.family == "performance"]
FIELDS = ["rule", "page", "line", "column", "actual", "expected"]
runner = CliRunner()


def sample(prefix: str) -> Document:
    return read_once(next(SAMPLES.glob(f"{prefix}-*")))


def problems(document: Document, profile: str = "national") -> list[list[object]]:
    found = check_document(document, rules=PERFORMANCE, profile=profile)
    return flatten([f for f in found if f.severity != "info"], FIELDS)


def item(document: Document, name: str) -> PerformanceItem:
    return next(i for t in document.tables for i in t.performance if i.name == name)


def indicator(document: Document, project: str, name: str) -> Indicator:
    return next(i for i in item(document, project).indicators if i.name == name)


def q(value: D | None) -> D | None:
    return None if value is None else value.quantize(D("0.0001"))


# -- profiles ------------------------------------------------------------------------------------------
def test_national_profile_recomputes_printed_indicators() -> None:
    national = profile_by_name("national")
    # Sample 32 page 32: 微信发稿量（篇） ≥350 篇, done 335 篇, 分值 6 (printed 得分 4): 6 × 335 / 350.
    wechat = indicator(sample("32"), "信访研究宣传立法专项", "微信发稿量（篇）")
    assert (wechat.target, wechat.actual, wechat.weight, wechat.score) == ("≥350 篇", "335 篇", D(6), D(4))
    assert q(expected_score(national, wechat)) == D("5.7429")
    # Seed 004 line 665: 在职人员控制率 ≤10人, 9人, 分值 5: within the cap, full marks.
    staff = indicator(seed("004"), "政府雇员经费", "在职人员控制率")
    assert expected_score(national, staff) == D(5)
    # Sample 32 page 35: 设备完好率 ≥96%, 85%, 分值 10: 10 × 85 / 96.
    intact = indicator(sample("32"), "信息化运行维护", "设备完好率")
    assert q(expected_score(national, intact)) == D("8.8542")
    # ≤ beyond the target loses (a − t)/t of the weight, down to 0 at 2t.
    assert national.indicator_score("≤", D(10), D(12), D(5)) == D(4)
    assert national.indicator_score("≤", D(10), D(25), D(5)) == D(0)


def test_threshold60_profile_is_the_rule_seed_001_prints() -> None:
    threshold = profile_by_name("threshold60")
    assert "完成率小于60%不得分" in threshold.source  # seed 001 line 340
    wechat = indicator(sample("32"), "信访研究宣传立法专项", "微信发稿量（篇）")
    # (335/350 − 0.6) / 0.4 × 6
    assert q(expected_score(threshold, wechat)) == D("5.3571")
    intact = indicator(sample("32"), "信息化运行维护", "设备完好率")
    assert q(expected_score(threshold, intact)) == D("7.1354")  # (85/96 − 0.6) / 0.4 × 10
    assert threshold.indicator_score("≥", D(100), D(59), D(10)) == D(0)


def test_execution_score_and_grades() -> None:
    national = profile_by_name("national")
    # Seed 004 lines 787–790 (办公场地能耗费): 8.09 spent of 10.33, 分值 10.
    assert q(national.execution_score(D("10.33"), D("8.09"), D(10))) == D("7.8316")
    assert national.execution_score(D("359.3"), D("387.79"), D(10)) == D(10)  # capped at the 分值
    assert national.execution_score(D(0), D(5), D(10)) is None
    assert national.qualitative_range(D(10)) == (D(8), D(10))  # 达成: 80–100% of the weight
    assert [national.grade(D(s)) for s in ("99.5", "90", "89.9", "80", "60", "59.9")] == [
        "优", "优", "良", "良", "中", "差",
    ]  # fmt: skip


def test_zhuzhou_profile_weights_are_those_seed_004_prints() -> None:
    weights: dict[str, D] = {}
    for i in item(seed("004"), "政府雇员经费").indicators:  # lines 656–666
        weights[i.level1] = weights.get(i.level1, D(0)) + (i.weight or D(0))
    assert weights == dict(profile_by_name("zhuzhou").level1_weights)
    assert weights == {"产出指标": D(40), "效益指标": D(20), "满意度指标": D(10), "成本指标": D(20)}


def test_unknown_profile_is_a_chinese_error_listing_the_names() -> None:
    assert set(PROFILES) == {"national", "threshold60", "zhuzhou"}
    with pytest.raises(
        UnknownProfileError, match="未知的评分方案“hunan”，可选：national、threshold60、zhuzhou"
    ):
        profile_by_name("hunan")


def test_measure_reads_only_plain_values() -> None:
    assert measure("$\\geq 80\\%$") == Measure("≥", D(80), "%")
    assert measure("≥1000 条") == Measure("≥", D(1000), "条")
    assert measure("平均办理时 间≤10 个工 作日") is None
    assert measure("办结 1510 条") is None
    assert measure(None) is None


# -- command line --------------------------------------------------------------------------------------
def test_check_with_profile_threshold60() -> None:
    result = runner.invoke(app, ["check", str(seed_path("004")), "--profile", "threshold60"])
    assert result.exit_code == 1, result.output  # seed 004 has real errors
    assert "按 threshold60 方案应得 7.83 分，印为 10 分" in result.output


def test_check_with_unknown_profile_exits_2() -> None:
    result = runner.invoke(app, ["check", str(seed_path("004")), "--profile", "hunan"])
    assert result.exit_code == 2
    assert result.stderr == "错误：未知的评分方案“hunan”，可选：national、threshold60、zhuzhou\n"


# -- injected problems ---------------------------------------------------------------------------------
def _copy(document: Document) -> Document:
    return copy.deepcopy(document)


def _new(document: Document, original: Document) -> list[list[object]]:
    old = problems(original)
    return [row for row in problems(document) if row not in old]


def test_changed_score_breaks_the_sum_and_the_profile() -> None:
    original = sample("32")
    document = _copy(original)
    intact = indicator(document, "信息化运行维护", "设备完好率")  # page 35 line 16: ≥96%, 85%, 得分 7.1
    intact.score = D("9.5")
    assert _new(document, original) == [
        ["performance-scores-sum", 36, 5, "得分", D("90.5"), D("92.9")],
        ["performance-score-recomputed", 35, 16, "得分", D("9.5"), D("8.85")],
    ]


def test_a_score_rounded_to_its_printed_digit_is_not_a_difference() -> None:
    original = sample("32")
    document = _copy(original)
    wechat = indicator(document, "信访研究宣传立法专项", "微信发稿量（篇）")  # page 32 line 18: 得分 4
    wechat.score = D(6)  # 5.74 printed as a whole number, as the table prints every score
    assert _new(document, original) == [["performance-scores-sum", 33, 5, "得分", D("94.7"), D("96.7")]]


def test_changed_weight_breaks_the_weights_sum() -> None:
    original = seed("004")
    document = _copy(original)
    indicator(document, "政府雇员经费", "政府初级雇员").weight = D(25)  # line 656: 分值 20
    assert _new(document, original) == [["performance-weights-sum", None, 667, "分值", D(100), D(105)]]


def test_score_above_its_weight() -> None:
    original = seed("004")
    document = _copy(original)
    indicator(document, "政府雇员经费", "服务渠道").score = D(6)  # line 662: 分值 5, 得分 5
    found = _new(document, original)
    assert ["performance-score-above-weight", None, 662, "得分", D(6), D(5)] in found
    assert ["performance-scores-sum", None, 667, "得分", D("99.5"), D("100.5")] in found


def test_changed_execution_rate() -> None:
    original = seed("004")
    document = _copy(original)
    facts = item(document, "政府雇员经费").facts  # line 650: 112.11 of 112.11, 100%
    facts["执行率"] = Cell("90%", None, facts["执行率"].at)
    assert _new(document, original) == [
        ["performance-execution-rate", None, 650, "年度资金总额/执行率", D(90), D(100)],
    ]


def _edit_narrative(document: Document, line: int, old: str, new: str) -> Document:
    changed = _copy(document)
    paragraphs = [p for s in changed.narrative for p in s.paragraphs if p.at.line == line and old in p.text]
    assert len(paragraphs) == 1
    paragraphs[0].text = paragraphs[0].text.replace(old, new)
    return changed


def test_changed_grade_is_a_warning_under_the_profile_bands() -> None:
    original = seed("004")
    document = _edit_narrative(original, 559, "为优等", "为良等")  # 99.5 分
    found = check_document(document, rules=PERFORMANCE)
    grades = [f for f in found if f.rule == "performance-grade"]
    assert flatten(grades, ["severity", "line", "message"]) == [
        ["warning", 559, "说明第 559 行自评得分 99.5 分、等级为“良”，按 national 方案的等级区间应为“优”"]
    ]


def test_changed_grade_is_an_error_under_the_documents_own_bands() -> None:
    original = sample("32")  # page 47 line 12 prints the four bands: 90（含）-100 分为优 …
    document = _edit_narrative(
        original, 12, "项目自评得分为 94.7 分。", "项目自评得分为 94.7 分，评价等级为良。"
    )
    grades = [f for f in check_document(document, rules=PERFORMANCE) if f.rule == "performance-grade"]
    assert flatten(grades, ["severity", "page", "line"]) == [["error", 27, 12]]
    assert "按文档印出的等级区间应为“优”" in grades[0].message


def test_changed_project_count() -> None:
    original = seed("003")
    document = _edit_narrative(original, 466, "共涉及 3 个一级项目", "共涉及 4 个一级项目")
    assert _new(document, original) == [["performance-project-count", None, 466, None, D(4), D(3)]]


def test_changed_narrative_score() -> None:
    original = seed("004")
    document = _edit_narrative(original, 563, "绩效自评分为 98.5 分", "绩效自评分为 97.5 分")
    assert _new(document, original) == [
        ["performance-narrative-score", None, 563, None, D("97.5"), D("98.5")]
    ]


def test_cost_cap_below_the_project_spending() -> None:
    original = sample("32")
    document = _copy(original)
    cost = indicator(document, "资产运行维护", "项目成本控制")  # page 34 line 13: ≤120 万元, spent 120.00
    cost.target = "≤100 万元"
    assert _new(document, original) == [
        ["performance-indicator-amount", 34, 13, "年度指标值", D("120.00"), D(100)],
        # and 120 against a cap of 100 earns 20 × (1 − 20/100) = 16 under the national profile, not 20
        ["performance-score-recomputed", 34, 13, "得分", D(20), D(16)],
    ]


def test_misplaced_level2_and_missing_target() -> None:
    original = seed("004")
    document = _copy(original)
    rows = item(document, "企业服务专项经费").indicators
    rows[0].level2 = "经济效益指标"  # line 684 sits under 产出指标
    rows[1].target = ""  # line 685
    found = check_document(document, rules=PERFORMANCE)
    messages = [f.message for f in found if f.rule == "performance-indicator-structure"]
    assert messages == [
        "企业服务专项经费：二级指标“经济效益指标”不属于产出指标",
        "企业服务专项经费：三级指标“深入实施优化提升举措, 提高市场主体活跃度和发展质量”没有指标值",
    ]


def test_project_targets_above_the_budgets_project_spending() -> None:
    # Lines 321–422: 184 + 110 + 17.67 + 1,000 = 1,311.67, the 支出总表's 项目支出 (line 168).
    original = seed("001")
    document = _copy(original)
    facts = item(document, "离退休人员工作经费").facts
    facts["资金总额"] = Cell("117.67", D("117.67"), facts["资金总额"].at)
    found = [f for f in check_document(document, rules=PERFORMANCE) if f.rule == "performance-target-funds"]
    assert flatten(found, ["severity", "actual", "expected"]) == [["warning", D("1411.67"), D("1311.67")]]
    assert (
        found[0].message
        == "项目支出绩效目标表 4 个项目资金合计 1411.67 万元，超过支出总表项目支出 1311.67 万元"
    )


def test_overall_targets_funds_against_the_expenditure_total() -> None:
    original = seed("000")
    document = _copy(original)
    facts = item(document, "株洲市荷塘区产业服务中心").facts  # line 456: 353.11 = 175.11 + 178.00
    facts["项目支出"] = Cell("187.00", D("187.00"), facts["项目支出"].at)
    assert _new(document, original) == [
        ["performance-overall-funds", None, 456, "项目支出", D("187.00"), D("178.00")]
    ]


# -- every real document -------------------------------------------------------------------------------
def test_seed_000_budget_has_no_performance_problems() -> None:
    assert problems(seed("000")) == []  # 专项资金 and 部门整体 目标表 (lines 413–470): complete trees


def test_seed_001_budget_has_no_performance_problems() -> None:
    assert problems(seed("001")) == []


def test_seed_002_budget() -> None:
    assert problems(seed("002")) == [
        # Line 497: 成本指标 “全年支出控制在范围内” prints its unit 万元 and type = but no value.
        ["performance-indicator-structure", None, 497, "指标", None, None],
    ]


def test_seed_003_final_account_has_no_performance_problems() -> None:
    # The 自评表 (lines 547–683) print no weights or scores; the stated project count (3, line 466) is right.
    assert problems(seed("003")) == []


def test_seed_004_final_account() -> None:
    assert problems(seed("004")) == [
        # Line 539: “根据《部门整体支出绩效自评表》自评得分 98.3 分”; that table's 总分 (line 640) is 99.
        ["performance-narrative-score", None, 537, None, D("98.3"), D("99")],
        # Line 615: 全年执行数 387.79 of 全年预算数 387.79 is 100%, printed 108% (387.79 ÷ 年初 359.3).
        ["performance-execution-rate", None, 615, "年度资金总额/执行率", D("108"), D("100")],
        # 办公场地能耗费 (lines 782–808): 年度资金总额 left blank, 当年财政拨款 10.33 budget, 8.09 spent,
        # yet 执行率 100% and 得分 10; 满意度指标（10分）holds one 5-point indicator, so the weights add to
        # 95 and the scores to 94.5 while 总分 prints 100 and 99.5.
        ["performance-execution-rate", None, 790, "年度资金总额/执行率", D("100"), D("78")],
        ["performance-scores-sum", None, 808, "得分", D("99.5"), D("94.5")],
        ["performance-weights-sum", None, 808, "分值", D("100"), D("95")],
        ["performance-score-recomputed", None, 790, "得分", D("10"), D("7.83")],
    ]


@pytest.mark.parametrize("prefix", ["01", "09", "14", "18", "22", "26", "31", "36", "50", "52", "56", "77"])
def test_samples_without_performance_problems(prefix: str) -> None:
    # 09/18/36/52/56 print 目标表 (no scores) with complete trees; the others print no performance tables.
    # 52's 成本 caps in 万元 split a project (page 37: 157 + 65 + 100 = 资金总额 322.00): no finding.
    assert problems(sample(prefix)) == []


def test_sample_40_budget_fuzhou_commerce_bureau() -> None:
    assert problems(sample("40")) == [
        # Page 31 (办公楼租金): 资金总额 202.17 万元, yet 成本指标 “财政投入总数” prints ≤184.94 万元 (the
        # 年度目标 names 房租 184.94 万元).
        ["performance-indicator-amount", 31, 9, "年度指标值", D("202.17"), D("184.94")],
    ]


@pytest.mark.parametrize("prefix", ["78", "85", "86"])
def test_blank_templates_have_no_performance_problems(prefix: str) -> None:
    assert problems(sample(prefix)) == []


def test_sample_32_final_account_national_letters_bureau() -> None:
    assert problems(sample("32")) == [
        # Pages 30–35 line 7/8: each source row (财政拨款, 上年结转) prints 执行率 0.0% beside its own
        # budget and spending (e.g. page 30: 140.61 of 140.61).
        ["performance-execution-rate", 30, 7, "财政拨款/执行率", D("0.0"), D("100.0")],
        ["performance-execution-rate", 32, 7, "财政拨款/执行率", D("0.0"), D("74.1")],
        ["performance-execution-rate", 34, 7, "财政拨款/执行率", D("0.0"), D("100.0")],
        ["performance-execution-rate", 35, 7, "财政拨款/执行率", D("0.0"), D("55.3")],
        ["performance-execution-rate", 30, 8, "上年结转/执行率", D("0.0"), D("100.0")],
        ["performance-execution-rate", 32, 8, "上年结转/执行率", D("0.0"), D("100.0")],
        ["performance-execution-rate", 35, 8, "上年结转/执行率", D("0.0"), D("100.0")],
        # Page 28 line 15: “信息化运行维护项目……自评得分为 88.5 分”; the table's 总分 (page 36) is 90.5
        # = 6.3 + 20 + 10 + 10 + 7.1 + 8.8 + 9 + 10 + 9.3.
        ["performance-narrative-score", 28, 15, None, D("88.5"), D("90.5")],
    ]


def test_sample_43_final_account_xian_health_commission() -> None:
    assert problems(sample("43")) == [
        # Page 63: 8858.95 ÷ 8859 = 99.9994%, printed 99.99% (cut, not rounded); page 77: 701.17 ÷ 840 =
        # 83.47%, printed 83.50%.
        ["performance-execution-rate", 63, 6, "年度资金总额/执行率", D("99.99"), D("100.00")],
        ["performance-execution-rate", 77, 6, "年度资金总额/执行率", D("83.50"), D("83.47")],
        # Pages 98–103 and 138–141 print 执行率 1000% where 全年执行数 = 全年预算数 (e.g. 400 of 400).
        ["performance-execution-rate", 98, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 99, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 100, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 101, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 102, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 103, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 138, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 139, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 140, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 141, 6, "年度资金总额/执行率", D("1000"), D("100")],
        ["performance-execution-rate", 63, 7, "当年财政拨款/执行率", D("99.99"), D("100.00")],
        ["performance-execution-rate", 77, 7, "当年财政拨款/执行率", D("83.50"), D("83.47")],
        # Page 23 line 20 says the 决算 shows “82个一级项目的绩效自评结果”; page 32 line 2 says 87, and the
        # document prints 87 项目绩效自评表 (pages 55–141).
        ["performance-project-count", 23, 20, None, D("82"), D("87")],
        # Pages 74–80 (公共卫生中心 service projects): 效益指标（30分）holds two 13-point indicators, so the
        # weights add to 96 (10 + 20 + 10 + 10 + 13 + 13 + 10 + 执行率 10) under a 总分 of 100.
        ["performance-weights-sum", 74, 20, "分值", D("100"), D("96")],
        ["performance-weights-sum", 75, 20, "分值", D("100"), D("96")],
        ["performance-weights-sum", 76, 20, "分值", D("100"), D("96")],
        ["performance-weights-sum", 77, 20, "分值", D("100"), D("96")],
        ["performance-weights-sum", 78, 20, "分值", D("100"), D("96")],
        ["performance-weights-sum", 79, 20, "分值", D("100"), D("96")],
        ["performance-weights-sum", 80, 20, "分值", D("100"), D("96")],
        # Pages 114–117: 效益指标（30分）holds 10 + 10 + 5: the weights add to 95.
        ["performance-weights-sum", 114, 21, "分值", D("100"), D("95")],
        ["performance-weights-sum", 115, 21, "分值", D("100"), D("95")],
        ["performance-weights-sum", 116, 21, "分值", D("100"), D("95")],
        ["performance-weights-sum", 117, 21, "分值", D("100"), D("95")],
        # Page 72: 总分 分值 90 (执行率 分值 left blank) but 得分 93 = 83 + 执行率 10.
        ["performance-score-above-weight", 72, 22, "得分", D("93"), D("90")],
        # Pages 70–71 (中职免学费补助): 总分 prints 90/90 and 90/88, leaving out 执行率 (10, 9.98 / 8.38).
        ["performance-scores-sum", 70, 22, "得分", D("90"), D("99.98")],
        ["performance-scores-sum", 71, 22, "得分", D("88"), D("96.38")],
        ["performance-weights-sum", 70, 22, "分值", D("90"), D("100")],
        ["performance-weights-sum", 71, 22, "分值", D("90"), D("100")],
        ["performance-weights-sum", 72, 22, "分值", D("90"), D("100")],
        # 执行率 得分 against 执行率 × 10: page 70 99.98% → 9.998, printed 9.98; page 77 83.50% (really
        # 83.47%) → 8.35, printed 8.6; page 79 96.74% → 9.67, printed 10; page 94 99.95% → 10, printed 9;
        # page 124 95.7% → 9.57, printed 9; pages 134–137 print full marks for 85.6%, 90%, 73.1%, 80.3%;
        # page 139 100% (423 of 423) → 10, printed 6.
        ["performance-score-recomputed", 70, 6, "得分", D("9.98"), D("10")],
        ["performance-score-recomputed", 77, 6, "得分", D("8.6"), D("8.35")],
        ["performance-score-recomputed", 79, 6, "得分", D("10"), D("9.67")],
        ["performance-score-recomputed", 94, 6, "得分", D("9"), D("10")],
        ["performance-score-recomputed", 124, 6, "得分", D("9"), D("9.57")],
        ["performance-score-recomputed", 134, 6, "得分", D("10.00"), D("8.56")],
        ["performance-score-recomputed", 135, 6, "得分", D("10.00"), D("9")],
        ["performance-score-recomputed", 136, 6, "得分", D("10"), D("7.31")],
        ["performance-score-recomputed", 137, 6, "得分", D("10"), D("8.03")],
        ["performance-score-recomputed", 139, 6, "得分", D("6"), D("10")],
        # Page 86: 成本指标 资金投入 “≤1095万元”, 实际 “实际支付1392.20万元”, scored 10 of 10.
        ["performance-indicator-amount", 86, 18, "年度指标值", D("1392.20"), D("1095")],
        # Pages 70–71: 生态效益指标 “生态效益” prints no 年度指标值 (nor 实际完成值) yet scores 8 of 8.
        ["performance-indicator-structure", 70, 19, "指标", None, None],
        ["performance-indicator-structure", 71, 19, "指标", None, None],
        # Page 30 (部门整体支出绩效自评表), 金额合计 row: 全年执行数 2074962.01 of 全年预算数 2,495,142.55
        # is 83.16% (printed), 分值 10, yet 得分 prints 10 (the task rows' full 0.58s): 8.32 by formula.
        ["performance-score-recomputed", 30, 23, "得分", D("10"), D("8.32")],
    ]


def test_profiles_change_only_the_recomputed_scores() -> None:
    national = [row for row in problems(seed("004")) if row[0] != "performance-score-recomputed"]
    zhuzhou = [row for row in problems(seed("004"), "zhuzhou") if row[0] != "performance-score-recomputed"]
    assert national == zhuzhou


def test_unreadable_narrative_numbers_are_skipped() -> None:
    document = _edit_narrative(seed("004"), 559, "绩效自评分为 99.5 分", "绩效自评分为若干分")
    assert [
        r for r in problems(document) if r[0] in ("performance-narrative-score", "performance-grade")
    ] == [
        ["performance-narrative-score", None, 537, None, D("98.3"), D("99")],
    ]


def test_rules_lists_the_profiles() -> None:
    result = runner.invoke(app, ["rules", "--profiles"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert names == ["national", "threshold60", "zhuzhou"]
    assert "完成率小于60%不得分" in result.output
