import pytest

from budgetlens.codes import code_level, digits_of, join_split_code


@pytest.mark.parametrize(
    ("cells", "parent", "code"),
    [
        (["201", "03", "50"], None, "2010350"),
        (["201", "0350", ""], None, "2010350"),  # seed 003: 类 | 款项 joined
        (["201", ".0350", ""], None, "2010350"),  # stray point from conversion
        (["208", "80502", ""], None, "2080502"),  # 类's last digit repeated in the 款 cell
        (["201", "2010399", ""], None, "2010399"),  # the whole code in the 款 cell
        (["210", "2101199 其何", ""], None, "2101199"),  # stray characters after the code
        (["2210201", "", ""], None, "2210201"),  # the whole code in the 类 cell
        (["215", "", ""], None, "215"),
        (["", "05", ""], "215", "21505"),  # seed 001: only the 款 printed under its 类
        (["", "", "01"], "20106", "2010601"),  # sample 52: only the 项 printed under its 款
        (["", "", ""], None, None),
    ],
)
def test_split_codes_join_to_plain_digits(cells: list[str], parent: str | None, code: str | None) -> None:
    assert join_split_code(cells, parent) == code


def test_digits_of_takes_the_first_number() -> None:
    assert digits_of("2101199 其何") == "2101199"
    assert digits_of("201 0350") == "2010350"
    assert digits_of("科目") == ""


def test_code_levels() -> None:
    assert [code_level(c) for c in ("201", "20103", "2010350", "048001")] == [1, 2, 3, None]
