"""The REST API in-process over a real SQLite store holding seeds 003, 004 and sample 32."""

from __future__ import annotations

import csv
import io
import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from PIL import Image

from budgetlens import read_document
from budgetlens.rules import check_document
from tests.conftest import read_once
from tests.web.conftest import DOCUMENTS, SAMPLE_32, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_documents_are_listed_with_their_findings_counted(client: TestClient) -> None:
    listed = client.get("/api/v1/documents").json()
    assert [(d["file_name"], d["kind"], d["year"], d["unit_name"]) for d in listed] == [
        ("003_ad50221802a8c10b.txt", "final_account", 2024, "武汉市江汉区企业服务中心"),
        ("004_711672de32b8e3d1.txt", "final_account", 2024, "株洲高新技术产业开发区企业服务局"),
        ("32-2024-国家信访局-部门决算.pdf", "final_account", 2024, "国家信访局"),
    ]
    assert [d["pages"] for d in listed] == [None, None, 50]
    for item, path in zip(listed, DOCUMENTS, strict=True):
        expected = Counter(f.severity for f in check_document(read_once(path)))
        assert item["findings"] == dict(expected)
        assert item["tables"] == len(read_once(path).tables)


def test_document_key_figures_are_exact_decimal_strings(client: TestClient) -> None:
    seed_003 = client.get("/api/v1/documents/1").json()["key_figures"]
    # 公开03表 合计 497.84 = 基本 392.79 + 项目 105.05; 公开06表 人员经费合计 377.31.
    assert seed_003 == {
        "expenditure": "497.84",
        "basic": "392.79",
        "project": "105.05",
        "staff": "377.31",
        "three_public": None,  # 公开09表 prints no rows: "本部门无“三公”经费支出"
        "staff_share": "75.79",  # 377.31 / 497.84
    }
    # 国家信访局 2024 决算: 支出决算表 合计 14572.53, 三公 决算数 合计 46.21 (page 15).
    sample = client.get("/api/v1/documents/3").json()["key_figures"]
    assert (sample["expenditure"], sample["three_public"]) == ("14572.53", "46.21")


def test_document_list_export(client: TestClient) -> None:
    rows = list(csv.reader(io.StringIO(client.get("/api/v1/documents.csv").text.lstrip("\ufeff"))))
    assert rows[0] == [
        "文件",
        "单位",
        "单位编码",
        "年度",
        "类型",
        "范围",
        "页数",
        "表格数",
        "错误",
        "警告",
        "提示",
    ]
    listed = client.get("/api/v1/documents").json()
    assert [row[0] for row in rows[1:]] == [d["file_name"] for d in listed]
    assert [row[8] for row in rows[1:]] == [str(d["findings"].get("error", 0)) for d in listed]


def test_findings_across_documents(client: TestClient) -> None:
    everything = client.get("/api/v1/findings").json()
    per_document = [client.get(f"/api/v1/documents/{n}/findings").json() for n in (1, 2, 3)]
    assert len(everything) == sum(len(found) for found in per_document)
    errors = client.get("/api/v1/findings", params={"severity": "error", "year": "2024", "kind": ""}).json()
    expected = Counter(
        path.name for path in DOCUMENTS for f in check_document(read_once(path)) if f.severity == "error"
    )
    assert Counter(item["document"]["file_name"] for item in errors) == expected
    narrative = client.get("/api/v1/findings", params={"rule": "narrative-change"}).json()
    assert [(i["document"]["unit_name"], i["finding"]["page"]) for i in narrative] == [("国家信访局", 17)]
    assert client.get("/api/v1/findings", params={"year": "2023"}).json() == []
    bad = client.get("/api/v1/findings", params={"year": "二〇二四"})
    assert (bad.status_code, bad.json()["error"]["message"]) == (422, "参数 year 应为整数，收到“二〇二四”")
    rows = list(
        csv.reader(io.StringIO(client.get("/api/v1/findings.csv?severity=error").text.lstrip("\ufeff")))
    )
    assert len(rows) == 1 + len(errors)
    html = client.get("/findings", params={"severity": "error", "rule": "", "year": "", "kind": ""}).text
    assert f"审校问题汇总（{len(errors)}）" in html


def test_tables_cells_and_content(client: TestClient) -> None:
    tables = client.get("/api/v1/documents/1/tables").json()
    assert [t["type"] for t in tables] == [t.type for t in read_once(DOCUMENTS[0]).tables]
    expenditure = next(t for t in tables if t["type"] == "final.expenditure")
    cells = client.get(f"/api/v1/tables/{expenditure['id']}/cells", params={"column": "本年支出合计"}).json()
    assert cells[0] == {
        "row": 0,
        "code": None,
        "label": "合计",
        "column": "本年支出合计",
        "text": "497. 84",  # printed with a stray space, read exactly
        "value": "497.84",
        "at": {"page": None, "line": 160, "column": 4},
    }
    rows = client.get(f"/api/v1/tables/{expenditure['id']}").json()["rows"]
    assert rows[1]["code"] == "2010350"
    assert rows[1]["cells"]["本年支出合计"]["value"] == "275.06"
    content = client.get("/api/v1/documents/1/content").json()
    assert content["schema"] == "budgetlens.document/1"
    assert client.get("/api/v1/documents/3/source").content == SAMPLE_32.read_bytes()


def test_findings_filter_and_export(client: TestClient) -> None:
    errors = client.get("/api/v1/documents/3/findings", params={"severity": "error"}).json()
    expected = [f for f in check_document(read_once(SAMPLE_32)) if f.severity == "error"]
    assert [(f["rule"], f["page"]) for f in errors] == [(f.rule, f.location.page) for f in expected]
    change = client.get("/api/v1/documents/3/findings", params={"rule": "narrative-change"}).json()
    assert [(f["page"], f["line"], f["actual"], f["expected"]) for f in change] == [(17, 2, "35.74", "35.94")]

    book = load_workbook(io.BytesIO(client.get("/api/v1/documents/3/findings.xlsx?severity=error").content))
    sheet = book.active
    assert sheet is not None
    assert sheet["A2"].value == "严重程度"
    assert sheet.max_row == 2 + len(errors)
    text = client.get("/api/v1/documents/3/findings.csv?rule=narrative-change").content.decode("utf-8")
    assert text.startswith("\ufeff严重程度,规则,页")
    assert list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1][:4] == [
        "error",
        "narrative-change",
        "17",
        "2",
    ]


def test_page_image_marks_the_evidence(client: TestClient) -> None:
    finding = client.get("/api/v1/documents/3/findings", params={"rule": "narrative-change"}).json()[0]
    plain = client.get("/api/v1/documents/3/pages/17.png")
    marked = client.get(f"/api/v1/documents/3/pages/17.png?finding={finding['id']}")
    assert plain.headers["content-type"] == marked.headers["content-type"] == "image/png"
    before = Image.open(io.BytesIO(plain.content)).convert("RGB")
    after = Image.open(io.BytesIO(marked.content)).convert("RGB")
    assert before.size == after.size
    changed = sum(
        1 for a, b in zip(before.get_flattened_data(), after.get_flattened_data(), strict=True) if a != b
    )
    assert changed > 2000  # the marked line (page 17, line 2) is tinted and framed
    missing = client.get("/api/v1/documents/3/pages/99.png")
    assert missing.status_code == 404
    assert missing.json()["error"]["message"] == "该文档只有 50 页，没有第 99 页"
    text_document = client.get("/api/v1/documents/1/pages/1.png")
    assert text_document.json()["error"]["message"] == "003_ad50221802a8c10b.txt 不是 PDF，没有页面图像"


def test_table_page_marks_the_values_that_failed_a_check(client: TestClient) -> None:
    tables = client.get("/api/v1/documents/2/tables").json()  # seed 004
    basic = next(t for t in tables if t["type"] == "final.gpb_basic")
    html = client.get(f"/tables/{basic['id']}").text
    rows = re.findall(r"<tr class=\"row-\w+\"><td>([^<]*)</td><td>([^<]*)</td>(.*?)</tr>", html, re.S)
    flagged = {(code, label): re.findall(r'title="未通过：([^"]*)"', cells) for code, label, cells in rows}
    assert {row: rules for row, rules in flagged.items() if rules} == {
        ("301", "工资福利支出"): ["econ-class-sum"],
        ("", "人员经费合计"): ["narrative-table-figure"],
        ("", "公用经费合计"): ["block-totals、narrative-table-figure、admin-costs-over-public-funds"],
    }
    assert len(rows) == 23  # every printed row of the table


def test_page_images_render_in_parallel_with_a_read(client: TestClient) -> None:
    """PDFium is not thread-safe: parallel page images and a document read must not crash or mix."""
    pages = [f"/api/v1/documents/3/pages/{n}.png" for n in range(10, 18)]
    alone = [client.get(page).content for page in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = pool.map(lambda page: client.get(page).content, pages * 2)
        document = read_document(SAMPLE_32)  # the upload queue reads PDFs beside the page requests
    assert list(together) == alone * 2
    assert document.source.pages == 50


def test_units_and_comparison(client: TestClient) -> None:
    units = {u["name"]: u for u in client.get("/api/v1/units").json()}
    assert set(units) == {"武汉市江汉区企业服务中心", "株洲高新技术产业开发区企业服务局", "国家信访局"}
    wuhan, zhuzhou = units["武汉市江汉区企业服务中心"]["id"], units["株洲高新技术产业开发区企业服务局"]["id"]
    unit = client.get(f"/api/v1/units/{wuhan}").json()
    assert [d["document"]["file_name"] for d in unit["documents"]] == ["003_ad50221802a8c10b.txt"]
    compared = client.get("/api/v1/compare", params={"unit": [wuhan, zhuzhou]}).json()
    # 人员经费 share: 377.31 / 497.84 = 75.79 %; 177.5 (as printed, cut) / 387.79 = 45.77 %.
    assert [(c["document"]["unit_name"], c["figures"]["staff_share"]) for c in compared] == [
        ("武汉市江汉区企业服务中心", "75.79"),
        ("株洲高新技术产业开发区企业服务局", "45.77"),
    ]
    rows = list(
        csv.reader(io.StringIO(client.get(f"/api/v1/compare.csv?unit={wuhan}").text.lstrip("\ufeff")))
    )
    assert rows[1][:4] == ["武汉市江汉区企业服务中心", "2024", "决算", "497.84"]
    by_code = client.get("/api/v1/compare/codes", params={"unit": [wuhan, zhuzhou]}).json()
    assert [d["unit_name"] for d in by_code["documents"]] == [c["document"]["unit_name"] for c in compared]
    codes = {row["code"]: (row["label"], row["amounts"]) for row in by_code["codes"]}
    assert codes["2080505"] == ("机关事业单位基本养老保险缴费支出", ["28.14", "17.86"])
    assert codes["2010350"] == ("事业运行", ["275.06", None])  # only Wuhan prints it
    assert codes["2010301"] == ("行政运行", [None, "168.07"])
    sheet = load_workbook(
        io.BytesIO(client.get(f"/api/v1/compare/codes.xlsx?unit={wuhan}&unit={zhuzhou}").content)
    )
    (title, *_), header, *rows = sheet.active.iter_rows(values_only=True)
    assert title == "按功能分类科目比较"
    assert header[2:] == (
        "武汉市江汉区企业服务中心 2024（万元）",
        "株洲高新技术产业开发区企业服务局 2024（万元）",
    )
    assert len(rows) == len(codes)
    units_csv = list(csv.reader(io.StringIO(client.get("/api/v1/units.csv").text.lstrip("\ufeff"))))
    assert units_csv[0] == ["单位", "单位编码", "文档数"]
    assert sorted(row[0] for row in units_csv[1:]) == sorted(units)
    history = load_workbook(io.BytesIO(client.get(f"/api/v1/units/{zhuzhou}/documents.xlsx").content))
    (title, *_), header, *years = history.active.iter_rows(values_only=True)
    assert title == "株洲高新技术产业开发区企业服务局 历年文档与关键数字"
    assert [row[:4] for row in years] == [("株洲高新技术产业开发区企业服务局", 2024, "决算", 387.79)]
    # No budget of the same unit and year is stored: nothing to compare.
    assert client.get(f"/api/v1/units/{wuhan}/execution", params={"year": 2024}).json() == []


def test_errors_have_one_json_shape(client: TestClient) -> None:
    missing = client.get("/api/v1/documents/999")
    assert (missing.status_code, missing.json()) == (
        404,
        {"error": {"status": 404, "code": "not_found", "message": "没有编号为 999 的文档"}},
    )
    invalid = client.get("/api/v1/tables/abc")
    assert invalid.status_code == 422
    assert invalid.json()["error"]["code"] == "invalid"
    assert invalid.json()["error"]["message"].startswith("参数有误（table_id：")
    assert client.get("/api/v1/nothing").json()["error"]["message"] == "没有这个地址：/api/v1/nothing"
    page = client.get("/documents/999")
    assert page.status_code == 404
    assert "没有编号为 999 的文档" in page.text
    assert "openapi" in client.get("/api/openapi.json").json()


def _wait(client: TestClient, job_id: str) -> dict[str, object]:
    for _ in range(200):
        job: dict[str, object] = client.get(f"/api/v1/jobs/{job_id}").json()
        if job["done"]:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


def test_uploads_need_the_token_and_respect_the_limits(client: TestClient) -> None:
    seed = DOCUMENTS[0].read_bytes()
    refused = client.post("/api/v1/documents", files={"files": ("a.txt", seed)})
    assert refused.status_code == 401
    wrong = client.post(
        "/api/v1/documents", files={"files": ("a.txt", seed)}, headers={"Authorization": "Bearer x"}
    )
    assert wrong.status_code == 401
    too_large = client.post(
        "/api/v1/documents", files={"files": ("big.pdf", b"%PDF-" + b"0" * 3_000_000)}, headers=AUTH
    )
    assert too_large.status_code == 413
    assert too_large.json()["error"]["message"] == "big.pdf 超过上传上限 2 MB"

    # The same content again: stored once, reported as present; the name is never a path.
    jobs = client.post(
        "/api/v1/documents",
        files=[("files", ("../../../etc/003.txt", seed)), ("files", ("..\\空.pdf", b""))],
        headers=AUTH,
    ).json()
    assert [j["name"] for j in jobs] == ["003.txt", "空.pdf"]
    present, empty = (_wait(client, j["id"]) for j in jobs)
    assert (present["status"], present["document_id"]) == ("present", 1)
    assert empty["status"] == "failed"
    assert empty["reason"] == "文件是空的：空.pdf"
    assert len(client.get("/api/v1/documents").json()) == 3
