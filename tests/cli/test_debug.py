"""`budgetlens debug`: the page image with detected grids and recognised types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from budgetlens.ingest.raw import Grid
from budgetlens.ingest.registry import read_path
from budgetlens.recognize.document import raw_to_document
from budgetlens.report.page_image import TABLE, _grid_labels
from tests.conftest import SAMPLES, seed_path

CENTRAL = SAMPLES / "32-2024-国家信访局-部门决算.pdf"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "budgetlens", "debug", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def test_debug_draws_page_8_of_the_central_final_account(tmp_path: Path) -> None:
    out = tmp_path / "p8.png"
    result = run(str(CENTRAL), "--page", "8", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"已写入 {out}（第 8 页，1 个表格网格）\n"
    image = Image.open(out)
    assert image.size == (1684, 1191)  # A4 landscape at scale 2
    reds = sum(1 for pixel in image.convert("RGB").get_flattened_data() if pixel == TABLE)
    assert reds > 2000  # the table's outer box and its type label are drawn


def test_grid_on_page_8_is_labelled_with_its_recognised_type() -> None:
    raw = read_path(CENTRAL)
    document = raw_to_document(raw)
    grids = [b for b in raw.blocks if isinstance(b, Grid) and b.at.page == 8]
    assert _grid_labels(document, 8, grids) == ["final.income"]


@pytest.mark.parametrize(
    ("page", "label"), [(14, "final.three_public"), (15, "final.gov_fund"), (16, "final.soe_capital")]
)
def test_grid_of_an_empty_table_is_labelled_with_the_table_printed_on_its_page(page: int, label: str) -> None:
    raw = read_path(SAMPLES / "77-2024-中共上海市普陀区委社会工作部-部门决算.pdf")
    grids = [b for b in raw.blocks if isinstance(b, Grid) and b.at.page == page]
    assert _grid_labels(raw_to_document(raw), page, grids) == [label]


def test_debug_refuses_a_page_out_of_range(tmp_path: Path) -> None:
    result = run(str(CENTRAL), "--page", "999", "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert result.stderr == "错误：32-2024-国家信访局-部门决算.pdf 只有 50 页，没有第 999 页。\n"


def test_debug_is_for_pdfs_only(tmp_path: Path) -> None:
    result = run(str(seed_path("000")), "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "不是 PDF（识别为 text），调试图只适用于 PDF。" in result.stderr
