"""The printed layout the document writers share: header spans from column paths, the three row layouts."""

from __future__ import annotations

import copy

from budgetlens.model import Cell, Provenance, Row
from budgetlens.report.printed_tables import Span, header_cells, heading_lines, print_document
from tests.conftest import SAMPLES, read_once, seed

SAMPLE_32 = SAMPLES / "32-2024-国家信访局-部门决算.pdf"


def test_header_cells_span_parents_across_and_short_paths_down() -> None:
    header, spans = header_cells(
        ["功能科目/类", "功能科目/款", "科目名称", "基本支出/人员经费", "基本支出/公用经费", ""]
    )
    assert header == [
        ["功能科目", "", "科目名称", "基本支出", "", ""],
        ["类", "款", "", "人员经费", "公用经费", ""],
    ]
    assert spans == [Span(0, 0, 1, 2), Span(0, 3, 1, 2), Span(0, 2, 2, 1)]


def test_three_level_header() -> None:
    header, spans = header_cells(
        ["合计", "基本支出/小计", "基本支出/人员经费/工资福利支出", "基本支出/人员经费/对个人和家庭的补助"]
    )
    assert header == [
        ["合计", "基本支出", "", ""],
        ["", "小计", "人员经费", ""],
        ["", "", "工资福利支出", "对个人和家庭的补助"],
    ]
    assert spans == [Span(0, 1, 1, 3), Span(1, 2, 1, 2), Span(0, 0, 3, 1), Span(1, 1, 2, 1)]


def test_sample_32_coded_two_sided_and_block_layouts() -> None:
    printed = print_document(read_once(SAMPLE_32))
    assert printed.heading == ["2024年度国家信访局部门决算公开"]
    assert [t.title for t in printed.skipped] == ["信访干部培训专项项目绩效自评表"]
    tables = {t.title: t for t in printed.tables}
    income = tables["收入决算表"]
    assert income.meta == ["公开02表", "部门：国家信访局", "金额单位：万元"]
    assert income.header[1][:2] == ["科目代码", "科目名称"]
    assert income.body[1] == ["201", "一般公共服务支出", "16,770.89", "15,892.45", "", "", "", "", "878.44"]
    summary = tables["收入支出决算总表"]
    assert summary.header == [["收入", "", "支出", ""], ["项目", "金额", "项目", "金额"]]
    assert summary.body[0] == [
        "一、一般公共预算财政拨款收入",
        "19,572.91",
        "一、一般公共服务支出",
        "10,685.56",
    ]
    assert summary.body[-1] == ["", "", "总计", "22,066.59"]  # the 支出 side is longer
    basic = tables["一般公共预算财政拨款基本支出决算表"]
    assert basic.header[0] == ["人员经费", "", "", "公用经费", "", ""]
    assert basic.body[0] == ["301", "工资福利支出", "6,982.75", "302", "商品和服务支出", "2,239.41"]
    assert basic.body[-1] == [
        "",
        "人员经费合计",
        "7,967.72",
        "",
        "公用经费合计",
        "2,266.65",
    ]  # totals on their own line
    gov_fund = tables["政府性基金预算财政拨款收入支出决算表"]
    assert (
        gov_fund.notes[-1]
        == "说明：国家信访局没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。"
    )


def test_split_codes_and_a_code_without_its_column() -> None:
    document = copy.deepcopy(seed("003"))
    income = document.table("final.income")
    assert print_document(document).tables[1].body[1][:4] == ["201", "03", "50", "事业运行"]
    income.columns = [c for c in income.columns if not c.startswith("功能分类科目编码")]
    income.rows = [
        Row("事业运行", {"本年收入合计": Cell("275.06", None, Provenance())}, Provenance(), code="2010350")
    ]
    printed = print_document(document).tables[1]
    assert printed.header[0][:2] == ["科目名称", "本年收入合计"]
    assert printed.body == [
        ["[2010350]事业运行", "275.06", "", "", "", "", "", ""]
    ]  # as bracketed prints show it


def test_heading_names_year_unit_scope_kind_and_code() -> None:
    assert heading_lines(seed("000")) == ["2024年度株洲市荷塘区产业服务中心部门预算公开", "单位编码：048001"]
