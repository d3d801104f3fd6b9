"""The web UI in Debian's chromium driven by Playwright, against a real server on a free port.

A reviewer uploads sample 32 and seed 004 with the token, watches the jobs finish, opens the findings,
sees the page image with the evidence, filters, exports XLSX, opens the unit page with its chart, a
table with its failed values marked, and compares the two units.
Screenshots are kept in ``test-artifacts/web/`` (set BUDGETLENS_ARTIFACTS to move them).
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect, sync_playwright

from budgetlens.rules import check_document
from budgetlens.store.database import open_store
from budgetlens.web.app import WebSettings, create_app
from tests.conftest import need, read_once, seed_path
from tests.web.conftest import SAMPLE_32, TOKEN

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("BUDGETLENS_ARTIFACTS", Path(__file__).parents[2] / "test-artifacts")) / "web"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(tmp_path_factory.mktemp("ui") / "ui.sqlite3")
    config = uvicorn.Config(create_app(WebSettings(store, TOKEN)), port=_free_port(), log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{config.port}"
    running.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    need(Path(CHROMIUM).exists(), "Debian chromium")
    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # only this run's screenshots
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    yield opened
    context.close()


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_upload_review_and_export(server: str, page: Page, tmp_path: Path) -> None:
    findings = check_document(read_once(SAMPLE_32))
    errors = [f for f in findings if f.severity == "error"]

    page.goto(server + "/")
    expect(page.locator("h1")).to_have_text("已入库的文档（0）")
    page.set_input_files("input[name=files]", [str(SAMPLE_32), str(seed_path("004"))])
    page.fill("input[name=token]", TOKEN)
    page.click("button[type=submit]")
    page.wait_for_url("**/jobs?id=*&id=*")
    expect(page.locator("#jobs .status")).to_have_text(["已入库", "已入库"], timeout=60_000)
    _shot(page, "1-upload-finished")

    page.locator("text=查看审校结果").first.click()
    expect(page.locator("h1")).to_have_text("国家信访局 2024 年决算")
    expect(page.locator("article.finding")).to_have_count(len(findings))
    page.select_option("select[name=severity]", "error")
    page.click("form.filters button")
    expect(page.locator("article.finding")).to_have_count(len(errors))
    first = page.locator("article.finding").first
    expect(first.locator(".message")).to_have_text(errors[0].message)
    image = first.locator("img")
    image.scroll_into_view_if_needed()
    expect(image).to_have_attribute("alt", f"第 {errors[0].location.page} 页（标出证据）")
    page.wait_for_function("img => img.complete && img.naturalWidth > 800", arg=image.element_handle())
    _shot(page, "2-findings-with-page-image")

    with page.expect_download() as download:
        page.click("text=导出 XLSX")
    saved = tmp_path / "findings.xlsx"
    download.value.save_as(saved)
    sheet = load_workbook(io.BytesIO(saved.read_bytes())).active
    assert sheet is not None
    assert sheet.max_row == 2 + len(errors)
    assert [c.value for c in sheet[3]][:2] == ["error", errors[0].rule]

    page.click("text=单位历年文档")
    expect(page.locator("h1")).to_have_text("国家信访局")
    expect(page.locator(".chart canvas").first).to_be_visible()  # ECharts, served by the app itself
    _shot(page, "3-unit-page")

    page.click("text=问题汇总")  # every stored document's errors
    both = [f for path in (SAMPLE_32, seed_path("004")) for f in check_document(read_once(path))]
    expect(page.locator("table.list tbody tr")).to_have_count(sum(f.severity == "error" for f in both))
    page.select_option("select[name=rule]", "narrative-change")
    page.click("form.filters button")
    expect(page.locator("table.list tbody tr")).to_have_count(1)
    _shot(page, "3b-findings-overview")

    page.goto(server + "/units?q=企业服务")
    expect(page.locator("input[name=unit]")).to_have_count(1)
    page.goto(server + "/units")
    page.check("#select-all")
    page.click("text=比较所选单位")
    expect(page.locator("h1")).to_have_text("单位比较")
    header = page.locator("table.list").nth(1).locator("th")
    expect(header).to_have_text(
        ["科目编码", "科目名称", "国家信访局 2024", "株洲高新技术产业开发区企业服务局 2024"]
    )
    _shot(page, "4-compare")

    page.goto(server + "/units?q=企业服务")
    page.click("text=株洲高新技术产业开发区企业服务局")
    page.click("text=004_711672de32b8e3d1.txt")  # its only document
    page.click("text=一般公共预算财政拨款基本支出决算明细表")
    flagged = page.locator("td.flagged")
    expect(flagged).to_have_text(["177.5", "177.5", "40.9"])
    _shot(page, "5-table-with-failed-values")


def test_bad_upload_token_shows_a_chinese_error(server: str, page: Page) -> None:
    page.goto(server + "/")
    page.set_input_files("input[name=files]", str(SAMPLE_32))
    page.fill("input[name=token]", "wrong")
    page.click("button[type=submit]")
    expect(page.locator(".error-message")).to_have_text(
        "写操作需要令牌：请在请求头加 Authorization: Bearer <令牌>"
    )
    _shot(page, "6-wrong-token")
