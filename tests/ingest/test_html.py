"""The web-page reader on real seeds written as portal pages, on the real landing page, and on bad input."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from pathlib import Path

import pytest

from budgetlens import read_document
from budgetlens.errors import UnreadableError
from budgetlens.ingest.html import HtmlReader, decode
from budgetlens.ingest.raw import Grid, RawDocument, TextLine
from budgetlens.ingest.registry import read_path
from budgetlens.model import Provenance
from budgetlens.serialize import document_to_dict
from tests.conftest import SAMPLES, seed, seed_path
from tests.ingest.test_docx import MERGES, merged_grid, without_provenance

LANDING = SAMPLES / "57-2026-重庆市公安局-落地页非正文.pdf"
HEAD = '<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
CHROME_TOP = """<title>预算公开</title><script>var s = "<table><tr><td>1</td><td>2</td></tr>";</script>
<style>p { margin: 0 }</style></head><body>
<table class="nav"><tr><td><a href="/">首页</a></td><td><a href="/zwgk">政务公开</a></td></tr></table>
<div style="display: none">隐藏的模板文字 收入 支出 1.00</div>
<table class="layout"><tr><td><ul><li><a href="/ysgk">预算公开</a></li></ul></td><td class="main">
"""
CHROME_BOTTOM = "</td></tr></table>\n</body></html>\n"


def _table(grid: Grid, merges: list[tuple[int, int, int, int]]) -> str:
    """A grid as an HTML table: each merge one cell with rowspan/colspan, the cells it covers left out."""
    covered = {
        (r, c)
        for row, column, rows, columns in merges
        for r in range(row, row + rows)
        for c in range(column, column + columns)
        if (r, c) != (row, column)
    }
    spans = {(row, column): (rows, columns) for row, column, rows, columns in merges}
    lines = ['<table border="1" cellspacing="0">']
    for r, cells in enumerate(grid.rows):
        tds = []
        for c, cell in enumerate(cells):
            if (r, c) in covered:
                continue
            rows, columns = spans.get((r, c), (1, 1))
            attributes = (f' rowspan="{rows}"' if rows > 1 else "") + (
                f' colspan="{columns}"' if columns > 1 else ""
            )
            tds.append(
                f"<td{attributes}>{escape(cell.text)}</td>" if cell.text else f"<td{attributes}>&nbsp;</td>"
            )
        lines.append(f"<tr>{''.join(tds)}</tr>")
    return "\n".join([*lines, "</table>"])


def write_html(raw: RawDocument, titles: set[str], key: str, path: Path) -> None:
    """The seed as a portal page in GB18030: titles as headings, bullets as a list, grids as tables."""
    merged = merged_grid(raw, key)
    body = []
    for block in raw.blocks:
        if isinstance(block, Grid):
            body.append(_table(block, MERGES[key][1] if block is merged else []))
        elif block.text in titles:
            body.append(f"<h3>{escape(block.text)}</h3>")
        elif block.list_item:
            body.append(f"<ul><li>{escape(block.text)}</li></ul>")
        else:
            body.append(f"<p>{escape(block.text)}</p>")
    page = HEAD + CHROME_TOP + "\n".join(body) + CHROME_BOTTOM
    path.write_bytes(page.encode("gb18030"))


def seed_as_html(key: str, tmp_path: Path) -> Path:
    path = tmp_path / f"seed{key}.html"
    write_html(read_path(seed_path(key)), {t.title for t in seed(key).tables}, key, path)
    return path


@pytest.mark.parametrize("key", ["000", "003"])
def test_seed_written_as_html_reads_like_the_text(tmp_path: Path, key: str) -> None:
    """Every table (type, columns, codes, labels, amounts) and the narrative compare equal to the text's."""
    from_text = seed(key)
    from_html = read_document(seed_as_html(key, tmp_path))
    assert from_html.source.format == "html"
    assert [t.type for t in from_html.tables] == [t.type for t in from_text.tables]
    for page, text in zip(from_html.tables, from_text.tables, strict=True):
        assert page.columns == text.columns
        assert [(r.code, r.unit_code, r.label, r.kind, r.side) for r in page.rows] == [
            (r.code, r.unit_code, r.label, r.kind, r.side) for r in text.rows
        ]
        assert [{k: (v.text, v.amount) for k, v in r.values.items()} for r in page.rows] == [
            {k: (v.text, v.amount) for k, v in r.values.items()} for r in text.rows
        ]
    assert without_provenance(document_to_dict(from_html)) == without_provenance(document_to_dict(from_text))


def test_seed_003_html_values_and_spanned_header(tmp_path: Path) -> None:
    raw = read_path(seed_as_html("003", tmp_path))
    grid = merged_grid(raw, "003")
    assert [[c.text for c in row] for row in grid.rows[1:3]] == [
        ["收入", "", "", "支出", "", "", "", ""],
        ["项目", "行次", "金额", "项目", "行次", "金额", "", ""],
    ]
    document = read_document(seed_as_html("003", tmp_path))
    assert (document.kind, document.year, document.unit_name) == (
        "final_account",
        2024,
        "武汉市江汉区企业服务中心",
    )
    assert len(document.tables) == 13
    assert len(document.narrative) == 33
    table = document.table("final.summary")
    assert table.columns == ["收入/金额", "支出/金额"]
    row = table.find(label="一、一般公共预算财政拨款收入", side="收入")
    assert (row.values["收入/金额"].text, row.values["收入/金额"].amount) == ("497.84", Decimal("497.84"))
    assert row.values["收入/金额"].at == Provenance(None, row.at.line, 2)


def test_rowspan_and_colspan_print_once_and_layout_is_not_a_grid(tmp_path: Path) -> None:
    raw = read_path(seed_as_html("000", tmp_path))
    assert raw.source.format == "html"
    grids = [b for b in raw.blocks if isinstance(b, Grid)]
    assert len(grids) == len([b for b in read_path(seed_path("000")).blocks if isinstance(b, Grid)])
    grid = merged_grid(raw, "000")
    assert [[c.text for c in row] for row in grid.rows[:4]] == [
        ["功能科目", "", "", "科目编码", "科目名称", "合计", "基本支出", "", "", "", "项目支出"],
        ["", "", "", "", "", "", "小计", "人员经费", "", "公用经费", ""],
        ["", "", "", "", "", "", "", "工资福利支出", "对个人和家庭的补助", "", ""],
        ["类", "款", "项", "", "", "", "", "", "", "", ""],
    ]
    texts = [b.text for b in raw.blocks if isinstance(b, TextLine)]
    # the menu (a table of links) and the layout table's side cell read as lines, not grids
    assert texts[:4] == ["首页", "政务公开", "预算公开", "2024年部门预算公开表"]
    assert not any("隐藏" in t or "var s" in t for t in texts)
    table = read_document(seed_as_html("000", tmp_path)).table("budget.gpb_expenditure")
    assert table.amount("合计", code="2010350") == Decimal("302.23")


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [("utf-8", "utf-8"), ("gb18030", "gbk"), ("gb18030", "utf-8"), ("utf-8", "gb2312"), ("utf-8-sig", "")],
)
def test_encodings(encoding: str, declared: str) -> None:
    """A BOM, then strict UTF-8, then the declared charset (GB2312/GBK as GB18030), then GB18030."""
    page = f'<html><head><meta charset="{declared}"></head><body><p>收入预算总额353.11万元；“三公”经费</p>'
    assert decode(page.encode(encoding)) == page


def test_sniffing() -> None:
    reader = HtmlReader()
    assert reader.sniff(b"\xef\xbb\xbf  <!-- saved from url=(0030)http://x/ -->\n<html>")
    assert reader.sniff("<!DOCTYPE html>".encode("utf-16"))
    assert reader.sniff(b"<meta charset=gbk><table><tr><td>")
    assert not reader.sniff("收入\t支出\n<html>".encode())
    assert not reader.sniff(b"%PDF-1.7 <html>")


def test_page_blocks(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(
        (
            '<html><head><meta charset="gbk"></head><body><h1>某局2024年部门决算</h1>'
            "<p>第一行<br>第二行&nbsp;&nbsp;尾</p><ul><li>（一）负责<b>预算</b>编制。</li></ul>"
            "<table><caption>收入决算表</caption><tr><th rowspan=2>项目</th><th colspan=2>金额</th></tr>"
            "<tr><td>上年</td><td>本年</td></tr><tr><td>合计<br>（万元）</td><td>1.00</td><td>2.00</td></tr>"
            "</table></body></html>"
        ).encode("gb18030")
    )
    raw = read_path(path)
    assert [(b.text, b.at.line, b.list_item) for b in raw.blocks if isinstance(b, TextLine)] == [
        ("某局2024年部门决算", 1, False),
        ("第一行", 2, False),
        ("第二行  尾", 3, False),
        ("（一）负责预算编制。", 4, True),
        ("收入决算表", 5, False),
    ]
    grid = raw.blocks[-1]
    assert isinstance(grid, Grid)
    assert [[(c.text, c.at.line, c.at.column) for c in row] for row in grid.rows] == [
        [("项目", 6, 0), ("金额", 6, 1), ("", 6, 2)],
        [("", 7, 0), ("上年", 7, 1), ("本年", 7, 2)],
        [("合计 （万元）", 8, 0), ("1.00", 8, 1), ("2.00", 8, 2)],
    ]


def test_real_landing_page_named_pdf_is_refused() -> None:
    with pytest.raises(UnreadableError) as caught:
        read_path(LANDING)
    assert str(caught.value) == f"{LANDING.name} 是网页（HTML），不是预决算公开文档；请下载网页中的附件。"


@pytest.mark.parametrize(
    "page",
    [
        b"<!DOCTYPE html><html><body>x</body></html>",
        b"<html><head><title>2024\xe5\xb9\xb4\xe9\xa2\x84\xe7\xae\x97</title></head><body></body></html>",
        b"<html><body><table><tr><td>" + "首页".encode() + b"</td></tr></table></body></html>",
        "<html><body><p>现将2024年部门预算公开如下：</p><a href=a.pdf>附件</a></body></html>".encode(),
    ],
)
def test_pages_without_disclosure_content_are_refused(tmp_path: Path, page: bytes) -> None:
    path = tmp_path / "index.html"
    path.write_bytes(page)
    with pytest.raises(
        UnreadableError, match=r"^index\.html 是网页（HTML），不是预决算公开文档；请下载网页中的附件。$"
    ):
        read_path(path)


def test_stated_amount_without_tables_is_content(tmp_path: Path) -> None:
    path = tmp_path / "说明.html"
    path.write_bytes("<html><body><p>2024年收入预算总额353.11万元。</p></body></html>".encode())
    raw = read_path(path)
    assert [(b.text, b.at) for b in raw.blocks if isinstance(b, TextLine)] == [
        ("2024年收入预算总额353.11万元。", Provenance(None, 1, None))
    ]


def test_huge_spans_and_deep_nesting_are_bounded(tmp_path: Path) -> None:
    path = tmp_path / "span.html"
    path.write_bytes(
        b"<html><body><table>" + b"<tr><td colspan=99999 rowspan=99999>1</td><td>2</td></tr>" * 3000
    )
    with pytest.raises(UnreadableError, match="单元格过多"):
        read_path(path)
    deep = tmp_path / "deep.html"
    deep.write_bytes(b"<html><body>" + b"<div>" * 100_000 + "收入预算1.00万元".encode() + b"</div>" * 100_000)
    with pytest.raises(UnreadableError, match="嵌套过深"):
        read_path(deep)
