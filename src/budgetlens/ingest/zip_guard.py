"""Refusing zip bombs before anything is decompressed: the Office Open XML readers (xlsx, docx) share it."""

from __future__ import annotations

import zipfile

from budgetlens.errors import UnreadableError
from budgetlens.ingest.excel_layout import MAX_MEMBERS, MAX_RATIO, MAX_UNCOMPRESSED, RATIO_FLOOR


def check_sizes(archive: zipfile.ZipFile, name: str, *, required: str, kind: str, too_large: str) -> None:
    """Refuse by declared sizes (member count, total size, compression ratio), and a zip lacking ``required``.

    ``kind`` names what the file should be (``Excel 工作簿``); ``too_large`` opens the size messages.
    """
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnreadableError(f"{too_large}：{name} 含 {len(members):,} 个压缩成员。")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise UnreadableError(f"{too_large}：{name} 解压后共 {total:,} 字节，上限 {MAX_UNCOMPRESSED:,}。")
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise UnreadableError(f"{too_large}：{name} 的 {member.filename} 压缩比超过 {MAX_RATIO} 倍。")
    if required not in archive.namelist():
        raise UnreadableError(f"{name} 是 ZIP 压缩包，但不是 {kind}（缺少 {required}）。")
