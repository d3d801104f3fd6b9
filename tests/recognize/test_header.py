from budgetlens.recognize.header import header_to_paths, is_body_row, is_column_number_row, split_header


def test_multi_row_header_paths_seed_000_gpb_expenditure() -> None:
    header = [
        ["功能科目", "", "", "科目编码", "科目名称", "合计", "基本支出", "", "", "", "项目支出"],
        ["", "", "", "", "", "", "小计", "人员经费", "", "公用经费", ""],
        ["", "", "", "", "", "", "", "工资福利支出", "对个人和家庭的补助", "", ""],
        ["类", "款", "项", "", "", "", "", "", "", "", ""],
    ]
    assert header_to_paths(header, 11) == [
        "功能科目/类",
        "功能科目/款",
        "功能科目/项",
        "科目编码",
        "科目名称",
        "合计",
        "基本支出/小计",
        "基本支出/人员经费/工资福利支出",
        "基本支出/人员经费/对个人和家庭的补助",
        "基本支出/公用经费",
        "项目支出",
    ]


def test_wrapped_header_words_lose_their_spaces() -> None:
    assert header_to_paths([["财政专户管理 事业收入", "收 入"]], 2) == ["财政专户管理事业收入", "收入"]


def test_column_number_rows() -> None:
    assert is_column_number_row(["**", "**", "**", "**", "1", "2", "3"])
    assert is_column_number_row(["栏次", "", "1", "栏次", "", "2"])
    assert not is_column_number_row(["30101", "基本工资", "55.27"])


def test_header_names_total_but_a_total_row_has_only_figures() -> None:
    assert not is_body_row(["功能科目", "", "", "科目编码", "科目名称", "合计", "基本支出"])
    assert is_body_row(["", "", "", "合计"])  # an empty table's total line
    assert is_body_row(["", "合计", "0.00"])
    assert is_body_row(["（二）外交支出", ""])


def test_split_header_skips_meta_and_numbers_rows() -> None:
    rows = [
        ["部门: 某单位", "", "单位: 万元"],
        ["项目", "行次", "金额"],
        ["栏次", "", "1"],
        ["一、一般公共预算财政拨款收入", "1", "497.84"],
    ]
    split = split_header(rows)
    assert (split.skipped, split.body_start) == (1, 3)
    assert split.header == [["项目", "行次", "金额"]]
    assert split.column_numbers == ["栏次", "", "1"]


def test_total_row_printed_on_the_last_header_row() -> None:
    # 上海 决算 政府性基金 table (sample 77 page 15): 合计 shares its line with 本年支出's sub-headers
    rows = [
        ["项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
        ["功能分类科目编码", "科目名称", "", "", "", "", "", ""],
        ["合计", "", "", "", "合计", "基本支出", "项目支出", ""],
    ]
    split = split_header(rows)
    assert (split.body_start, split.total_in_header) == (2, True)
    assert header_to_paths(split.header, 8)[:2] == ["项目/功能分类科目编码", "项目/科目名称"]
    assert header_to_paths(split.header, 8)[4:7] == [
        "本年支出/合计",
        "本年支出/基本支出",
        "本年支出/项目支出",
    ]
    # below a 栏次 row, or printing 无 in a figure column, 合计 is a body row (seed 004)
    numbered = [
        rows[0],
        ["科目代码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""],
        ["栏次", "", "1", "2"],
    ]
    assert not split_header([*numbered, ["合计", "", "无", ""]]).total_in_header
    assert not split_header([*rows[:2], ["合计", "", "无", "", "", "", "", ""]]).total_in_header
