"""Readers: turn a file of any published form into a `RawDocument` of text lines and grids.

Recognition (``budgetlens.recognize``) reads only `RawDocument`, so it does not care whether a
table came from a text export, a PDF, a workbook or a web page. Each format has one reader module
implementing `Reader`; `read_path` sniffs the format from the content, never the file name.
"""

from budgetlens.ingest.raw import Grid, GridCell, RawDocument, Reader, TextLine
from budgetlens.ingest.registry import read_path

__all__ = ["Grid", "GridCell", "RawDocument", "Reader", "TextLine", "read_path"]
