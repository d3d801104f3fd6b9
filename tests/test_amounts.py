from decimal import Decimal

import pytest

from budgetlens.amounts import parse_amount


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("2,314.68", Decimal("2314.68")),
        ("525. 41", Decimal("525.41")),
        ("34. 3", Decimal("34.3")),  # a truncated cell stays as printed, never completed
        ("497.84", Decimal("497.84")),
        ("0.00", Decimal("0.00")),
        ("１２３.４５", Decimal("123.45")),
        ("-12.5", Decimal("-12.5")),
        ("(3.20)", Decimal("-3.20")),
        ("168", Decimal("168")),
    ],
)
def test_numbers_are_exact_decimals(printed: str, expected: Decimal) -> None:
    amount = parse_amount(printed)
    assert amount == expected
    assert str(amount) == str(expected)  # the printed scale is kept


@pytest.mark.parametrize(
    "printed", ["", " ", "-", "—", "——", "无", "100%", "2024全年", "11. 11. 11.", "J. D."]
)
def test_blank_dash_and_text_have_no_amount(printed: str) -> None:
    assert parse_amount(printed) is None
