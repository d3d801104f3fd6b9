"""The bundled code registry: exact names and provenance by year, the code shapes, name matching,
and clear errors for a broken registry folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from budgetlens.classification import default_registry, kind_of, level_of, load_registry, lookup
from budgetlens.classification.kinds import ancestors_of, is_digits, parent_of
from budgetlens.classification.names import cut_short, normalise, same_name
from budgetlens.classification.registry import DATA, RegistryError, write_registry


def test_exact_template_name_with_its_provenance() -> None:
    [entry] = lookup("econ_dept", "30213", 2024)
    assert (entry.name, entry.level, entry.parent, entry.confidence) == ("维修（护）费", "款", "302", "exact")
    assert entry.source.startswith("domain/econ_dept_from_gbc_template_2024.csv")
    assert not entry.dated  # template lists hold in every year until a document shows otherwise


def test_function_item_learned_from_a_seed() -> None:
    [entry] = lookup("function", "2010350", 2024)
    assert (entry.name, entry.level, entry.parent) == ("事业运行", "项", "20103")
    assert entry.source == "seen: 000_2dc7f0fcd8664e1f.txt l.93"
    assert (entry.first_year, entry.last_year, entry.years()) == (2024, 2026, "2024–2026")
    assert entry.confidence == "seen"


def test_reconstructed_class_confirmed_by_a_document() -> None:
    [entry] = lookup("function", "215")
    assert entry.name == "资源勘探工业信息等支出"
    assert entry.confidence == "seen"
    assert entry.source.endswith("; seen: 001_35844fc53e2b775b.txt l.152")
    [foreign] = lookup("function", "202")  # never printed by our documents: still a hypothesis
    assert (foreign.name, foreign.confidence) == ("外交支出", "reconstructed")


def test_names_are_keyed_by_year() -> None:
    # 20805 was 行政事业单位离退休 in the 2019 final account (sample 50 p.8) and 行政事业单位养老支出
    # in every document from 2022 on.
    assert [e.name for e in lookup("econ_dept", "20805")] == []
    assert [e.name for e in lookup("function", "20805", 2019)] == ["行政事业单位离退休"]
    assert [e.name for e in lookup("function", "20805", 2024)] == ["行政事业单位养老支出"]
    assert [e.name for e in lookup("function", "20805", 2030)] == ["行政事业单位养老支出"]  # nearest year
    # 21505: seed 001 (2024) prints 工业和信息产业监管, sample 18 (2026) 工业和信息产业;
    # 2025 is as near to both.
    assert [e.name for e in lookup("function", "21505", 2024)] == ["工业和信息产业监管"]
    assert [e.name for e in lookup("function", "21505", 2026)] == ["工业和信息产业"]
    assert sorted(e.name for e in lookup("function", "21505", 2025)) == [
        "工业和信息产业",
        "工业和信息产业监管",
    ]
    assert len(lookup("function", "21505")) == 2


def test_local_detail_level_and_government_economic_codes() -> None:
    [detail] = lookup("econ_dept", "3010201", 2026)  # 重庆 prints a third level of 3xx codes
    assert (detail.name, detail.level, detail.parent) == ("规范性津补贴", "项", "30102")
    assert detail.source == "seen: 18-2026-重庆市人民政府办公厅-部门预算.pdf p.17"
    names = sorted(e.name for e in lookup("econ_gov", "50999", 2026))
    assert names == ["其他对个人和家庭的补助", "其他对个人和家庭补助"]  # 09 p.12 as printed, and the guess


def test_unknown_codes() -> None:
    registry = default_registry()
    assert lookup("function", "2010397", 2024) == []
    assert not registry.knows("function", "2010397")
    assert registry.knows("revenue", "10101")
    assert len(registry) == len(registry.all())
    assert {e.kind for e in registry.all("econ_gov")} == {"econ_gov"}


def test_code_shapes() -> None:
    assert [kind_of(c) for c in ("101", "2010350", "30101", "50101", "401")] == [
        "revenue",
        "function",
        "econ_dept",
        "econ_gov",
        None,
    ]
    assert [level_of("function", c) for c in ("201", "20103", "2010350", "2010", "20103501")] == [
        "类",
        "款",
        "项",
        None,
        None,
    ]
    assert level_of("econ_gov", "5010101") is None
    assert not is_digits("２０１")  # full-width digits are not a code's digits
    assert parent_of("2010350") == "20103"
    assert parent_of("201") == ""
    assert ancestors_of("2010350") == ["20103", "201"]


def test_names_that_are_the_same_name() -> None:
    assert normalise(" 维修 （护） 费") == "维修护费"
    assert same_name("其他政府办公厅(室)及相关机构事务支出", "其他政府办公厅（室）及相关机构事务支出")
    assert same_name("信息网络及软件购置、更新", "信息网络及软件购置更新")
    assert same_name("维修〔护〕费", "维修（护）费")
    assert same_name("因公出国(境)费用", "因公出国（境）费用")
    assert not same_name("维护（护）费", "维修（护）费")
    assert cut_short("公务用车运行维护", "公务用车运行维护费")  # seed 004 l.244, cut by conversion
    assert not cut_short("办公", "办公费")  # too short to say
    assert not cut_short("办公费", "办公费")


def test_write_and_read_back(tmp_path: Path) -> None:
    registry = default_registry()
    write_registry(registry, tmp_path)
    assert load_registry(tmp_path).all() == registry.all()
    for path in DATA.glob("*.csv"):  # the bundled files are written in the same stable order
        assert (tmp_path / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_missing_registry_folder(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="无法读取科目编码表"):
        load_registry(tmp_path / "nowhere")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("2010,行政运行,项,201,,,x,seen", "第 2 行的编码或名称无效：2010"),
        ("2010301,,项,20103,,,x,seen", "第 2 行的编码或名称无效"),
        ("2010301,行政运行,项,20103,,,x,sure", "第 2 行的可信度无效：sure"),
        ("2010301,行政运行,项,20103,24,,x,seen", "第 2 行的年度无效：24"),
    ],
)
def test_broken_registry_rows(tmp_path: Path, line: str, message: str) -> None:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    header = (DATA / "function.csv").read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "function.csv").write_text(f"{header}\n{line}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=message):
        load_registry(tmp_path)


def test_missing_column(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    (tmp_path / "revenue.csv").write_text("code,name\n101,税收收入\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"revenue\.csv 缺少列：level、parent"):
        load_registry(tmp_path)


def test_broken_rejected_row(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    (tmp_path / "rejected.csv").write_text("kind,code,name,reason\nincome,101,税收,x\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"rejected\.csv 第 2 行的分类、编码或名称无效"):
        load_registry(tmp_path)
    (tmp_path / "rejected.csv").unlink()  # optional: a registry without rejections
    assert load_registry(tmp_path).rejected == ()
