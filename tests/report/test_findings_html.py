"""The HTML report: parsed back, every finding of seed 003 with its rule, title, message and evidence;
all text escaped; self-contained; printable (Chromium's PDF, where Chromium is installed)."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import lxml.html
import pypdfium2
import pytest

from budgetlens.model import Document, Provenance, Source
from budgetlens.report.findings_html import findings_html
from budgetlens.rules import Evidence, Finding, Location, check_document, get_rule
from tests.conftest import seed


def page(*keys: str) -> str:
    return findings_html([(seed(k), check_document(seed(k))) for k in keys])


def findings_of(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return list(tree.xpath('//article[contains(concat(" ", @class, " "), " finding ")]'))


def test_seed_003_every_finding_with_rule_title_message() -> None:
    findings = check_document(seed("003"))
    tree = lxml.html.fromstring(page("003"))
    articles = findings_of(tree)
    assert [a.xpath('string(.//code[@class="rule"])') for a in articles] == [f.rule for f in findings]
    assert [a.xpath('string(.//p[@class="message"])') for a in articles] == [f.message for f in findings]
    assert [a.xpath('string(.//span[@class="title"])') for a in articles] == [
        get_rule(f.rule).title for f in findings
    ]
    assert [a.xpath('string(.//span[@class="badge"])') for a in articles] == ["错误"] * len(findings)
    assert {
        "cross-table-figure",
        "two-sided-totals",
        "code-hierarchy-sum",
        "row-identity",
        "block-totals",
    } <= {f.rule for f in findings}
    assert tree.xpath("string(//h3)") == f"错误（{len(findings)}）"


def test_seed_003_summary_and_counts() -> None:
    tree = lxml.html.fromstring(page("003"))
    facts = dict(
        zip(
            tree.xpath('//section[@class="document"]/dl/dt/text()'),
            tree.xpath('//section[@class="document"]/dl/dd/text()'),
            strict=True,
        )
    )
    assert facts["单位"] == "武汉市江汉区企业服务中心"
    assert (facts["年度"], facts["种类"], facts["文件"]) == ("2024", "部门决算", "003_ad50221802a8c10b.txt")
    assert facts["SHA-256"] == seed("003").source.sha256
    counts = [[c.text_content() for c in row] for row in tree.xpath('//table[@class="counts"]/tbody/tr')]
    errors = sum(f.severity == "error" for f in check_document(seed("003")))
    assert counts[0] == ["错误", str(errors)]
    assert counts[1] == ["警告", "0"]


def test_location_and_evidence_with_provenance() -> None:
    tree = lxml.html.fromstring(page("003"))
    article = next(
        a for a in findings_of(tree) if a.xpath('string(.//code[@class="rule"])') == "row-identity"
    )
    facts = dict(zip(article.xpath(".//dl/dt/text()"), article.xpath(".//dl/dd/text()"), strict=True))
    assert facts["位置"] == "第 162 行"
    assert facts["表"] == "2024年度支出决算表（final.expenditure）"
    assert facts["行项目"] == "2010399 其他政府办公厅(室)及相关机构事务支出"
    assert (facts["列"], facts["期望值"], facts["实际值"], facts["差额"]) == (
        "本年支出合计",
        "105.83",
        "0",
        "-105.83",
    )
    assert facts["口径"] == "J03-a"
    rows = [[c.text_content() for c in row] for row in article.xpath('.//table[@class="evidence"]/tbody/tr')]
    assert rows[0][:4] == ["印制数", "（空白）", "", "第 162 行 第 1 栏"]
    assert rows[2] == [
        "组成项",
        "105. 05",
        "105.05",
        "第 162 行 第 7 栏",
        "2024年度支出决算表",
        "2010399 其他政府办公厅(室)及相关机构事务支出",
        "项目支出",
    ]


def test_self_contained_and_printable() -> None:
    html = page("000", "003")
    lowered = html.lower()
    for external in ("<script", "<link", "src=", "url(", "http://", "https://", "@import"):
        assert external not in lowered
    assert '<meta charset="utf-8">' in html
    for css in ("@media print", "break-before: page", "break-inside: avoid"):
        assert css in html


def test_several_files_one_section_each() -> None:
    tree = lxml.html.fromstring(page("001", "002", "003"))
    sections = tree.xpath('//section[@class="document"]')
    assert [s.get("id") for s in sections] == ["doc-1", "doc-2", "doc-3"]
    assert tree.xpath("//nav//a/@href") == ["#doc-1", "#doc-2", "#doc-3"]
    assert sections[0].xpath('string(.//p[@class="none"])') == "未发现问题。"
    assert [a.xpath('string(.//code[@class="rule"])') for a in findings_of(sections[1])][:3] == [
        "listed-table-missing"
    ] * 3
    assert tree.xpath("string(//header/p)").startswith("共 3 份文件；")


def test_all_text_is_escaped() -> None:
    hostile = "<script>alert('x')</script> & 1 < 2"
    document = Document(Source('a"><b>.txt', "text", "0" * 64), "budget", "unit", 2024, "<b>甲</b>", None)
    finding = Finding(
        rule="row-identity",
        severity="warning",
        message=hostile,
        location=Location(line=7, title="<i>表</i>", label="<u>行</u>", column="列&amp;"),
        evidence=(Evidence('"><img src=x>', "<em>1</em>", D("1.0"), Provenance(page=2, line=7, column=0)),),
        expected=D("1.00"),
        actual=D("1.0"),
        extra={"sentence": "<s>句</s>"},
    )
    html = findings_html([(document, [finding])])
    for raw in ("<script", "<img", "<b>", "<i>", "<u>", "<em>", "<s>", 'a"><b>'):
        assert raw not in html
    tree = lxml.html.fromstring(html)
    assert not tree.xpath("//script | //img | //b | //i | //u | //em | //s")
    (article,) = findings_of(tree)
    assert article.xpath('string(.//p[@class="message"])') == hostile
    assert "<b>甲</b>" in tree.xpath("string(//h2)")
    text = article.text_content()
    for value in (
        "<i>表</i>",
        "<u>行</u>",
        "列&amp;",
        '"><img src=x>',
        "<em>1</em>",
        "<s>句</s>",
        "第 2 页 第 7 行 第 1 栏",
    ):
        assert value in text


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed: the HTML is not printed to PDF")
def test_prints_to_pdf_with_chromium(tmp_path: Path) -> None:
    source = tmp_path / "审校.html"
    source.write_text(page("003", "004"), encoding="utf-8")
    pdf = tmp_path / "审校.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            source.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        assert len(document) >= 2  # each file starts on its own page
    finally:
        document.close()
    for expected in (
        "预决算公开审校报告",
        "武汉市江汉区企业服务中心",
        "cross-table-figure",
        "表间同一数字一致",
        "105. 05",
    ):
        assert expected in text
