"""Bad and hostile input through the command line, each in a subprocess held to 30 s and 1.5 GiB.

Encrypted, truncated, zero-byte, 800-page and zip-bomb files must each end in exit 2 with a Chinese
message on stderr: never a traceback, a hang or a blow-up. The subprocess's address space is capped
(``RLIMIT_AS``) and it is killed after 30 s, so a regression fails the test instead of the machine.
The readers' own tests check the exact messages (tests/ingest/test_pdf.py, test_excel.py, test_docx.py);
the file builders come from there.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from budgetlens.ingest.pdf import MAX_PAGES
from tests.conftest import SAMPLES, seed_path
from tests.ingest.test_excel import _compound
from tests.ingest.test_pdf import _pdf

SECONDS = 30
MEMORY = 3 * 2**29  # 1.5 GiB of address space
PDF_SAMPLE = SAMPLES / "32-2024-国家信访局-部门决算.pdf"  # 50 pages
XLSX_SAMPLE = SAMPLES / "86-2026-XX局空白模板-部门预算模板.xlsx"


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def extract(path: Path, *options: str, command: str = "extract") -> subprocess.CompletedProcess[str]:
    """``budgetlens extract FILE`` in a capped subprocess (TimeoutExpired fails the test)."""
    return subprocess.run(
        [sys.executable, "-m", "budgetlens", command, str(path), *options],
        capture_output=True,
        text=True,
        check=False,
        timeout=SECONDS,
        preexec_fn=_limits,  # only sets a resource limit, before exec
    )


def encrypted_pdf(path: Path) -> None:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    trailer = b"<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] >>"
    path.write_bytes(_pdf(objects, trailer))


def encrypted_xlsx(path: Path) -> None:
    """A password-protected .xlsx: an OLE2 file holding EncryptionInfo and EncryptedPackage."""
    path.write_bytes(_compound({"EncryptionInfo": b"\4\0\4\0", "EncryptedPackage": b"\0"}))


def truncated_pdf(path: Path) -> None:
    data = PDF_SAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def truncated_xlsx(path: Path) -> None:
    data = XLSX_SAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def many_pages(path: Path, count: int = 800) -> None:
    """``count`` pages: the sample's 50 pages imported again and again (fast: no page is rendered)."""
    source = pdfium.PdfDocument(PDF_SAMPLE)
    target = pdfium.PdfDocument.new()
    try:
        while len(target) < count:
            target.import_pages(source, list(range(min(len(source), count - len(target)))))
        target.save(path)
    finally:
        target.close()
        source.close()


SHEET = "xl/worksheets/sheet1.xml"
SHEET_BYTES = 96 * 2**20  # over the 64 MiB the readers accept; deflates to about 100 KiB


def zip_bomb(path: Path) -> None:
    """A workbook whose one sheet unpacks to 96 MiB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr(SHEET, b"<c>0</c>" * (SHEET_BYTES // 8))


def lying_zip_bomb(path: Path) -> None:
    """The same bomb, its headers claiming a 64 KiB sheet: the declared sizes pass, the data does not."""
    zip_bomb(path)
    data = bytearray(path.read_bytes())
    claimed = (2**16).to_bytes(4, "little")
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(SHEET).header_offset
    data[local + 22 : local + 26] = claimed  # the local header's uncompressed size
    entry = data.rfind(b"PK\x01\x02")  # the sheet's central directory entry is the last one
    assert data[entry + 46 : entry + 46 + len(SHEET)] == SHEET.encode()
    data[entry + 24 : entry + 28] = claimed
    path.write_bytes(bytes(data))


CASES: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "encrypted-pdf": ("locked.pdf", encrypted_pdf, "是加密的 PDF，需要密码才能打开"),
    "encrypted-xlsx": ("locked.xlsx", encrypted_xlsx, "已加密"),
    "truncated-pdf": ("cut.pdf", truncated_pdf, "不是完整的 PDF 文件（可能已损坏或下载不完整）"),
    "truncated-xlsx": ("cut.xlsx", truncated_xlsx, "Excel 文件已损坏或不完整"),
    "zero-byte": ("empty.pdf", zero_bytes, "文件是空的：empty.pdf"),
    "800-pages": ("long.pdf", many_pages, f"long.pdf 共 800 页，超过页数上限 {MAX_PAGES} 页"),
    "zip-bomb": ("bomb.xlsx", zip_bomb, "疑似压缩炸弹"),
    "lying-zip-bomb": ("liar.xlsx", lying_zip_bomb, "Excel 文件已损坏或不完整"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_gives_a_chinese_error_and_exit_2(tmp_path: Path, case: str) -> None:
    name, build, message = CASES[case]
    path = tmp_path / name
    build(path)
    result = extract(path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("错误："), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_page_limit_names_the_count_and_how_to_raise_it(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    many_pages(path, 60)
    refused = extract(path, "--max-pages", "50", "--format", "text")
    assert refused.returncode == 2
    assert refused.stderr == (
        "错误：long.pdf 共 60 页，超过页数上限 50 页，未读取。"
        "如确需读取，请提高上限：命令行加 --max-pages 60（Python 接口 max_pages=60）。\n"
    )
    checked = extract(path, "--max-pages", "59", command="check")
    assert checked.returncode == 2
    assert checked.stderr.startswith("错误：long.pdf 共 60 页，超过页数上限 59 页，未读取。")
    read = extract(path, "--max-pages", "60", "--format", "text")
    assert read.returncode == 0, read.stderr
    assert "文件：long.pdf（pdf" in read.stdout


def test_max_pages_must_be_positive() -> None:
    result = extract(seed_path("003"), "--max-pages", "0")
    assert result.returncode == 2
    assert result.stderr == "错误：页数上限 --max-pages 须为正整数，现为 0。\n"
