"""Excel number formats: a cell's stored value → the text the sheet prints.

A workbook stores ``353.1`` and prints ``353.10`` because the cell's format is ``0.00``; it stores
``2314.6800000000003`` and prints ``2,314.68``. Money must come out exactly as printed, so a number
is taken as the shortest decimal that round-trips its double (``repr``), cut to Excel's 15
significant digits, then rounded half-up with `Decimal` to the decimals the format shows. No float
arithmetic happens after reading the value.

Supported: ``General``, digit placeholders ``0 # ?``, thousands separators, scaling commas, ``%``,
literal text (``"元"``, ``\\-``, ``[$¥-804]``), ``_x`` padding and ``*x`` fills, up to four
sections (positive;negative;zero;text), and date/time codes (``yyyy"年"m"月"d"日"``, ``h:mm``).
Colours, conditions and ``[DBNum1]`` (Chinese numerals) are ignored; scientific and fraction
formats print as ``General``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

GENERAL = "General"
EXCEL_DIGITS = 15

# Built-in formats by id (ECMA-376 18.8.30, with the zh-CN choices for the locale-dependent ids).
BUILTIN_FORMATS: dict[int, str] = {
    0: GENERAL,
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "yyyy/m/d",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "yyyy/m/d h:mm",
    27: 'yyyy"年"m"月"',
    28: 'm"月"d"日"',
    29: 'm"月"d"日"',
    30: "m-d-yy",
    31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"',
    33: 'h"时"mm"分"ss"秒"',
    34: '上午/下午h"时"mm"分"',
    35: '上午/下午h"时"mm"分"ss"秒"',
    36: 'yyyy"年"m"月"',
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mm:ss.0",
    48: "##0.0E+0",
    49: "@",
    50: 'yyyy"年"m"月"',
    51: 'm"月"d"日"',
    52: 'yyyy"年"m"月"',
    53: 'm"月"d"日"',
    54: 'm"月"d"日"',
    55: '上午/下午h"时"mm"分"',
    56: '上午/下午h"时"mm"分"ss"秒"',
    57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}

# One token of a format code: a quoted literal, an escape, padding/fill, a bracket, or one character.
_TOKEN = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]|.', re.DOTALL)
_CURRENCY = re.compile(r"^\[\$([^-\]]*)(?:-[0-9A-Fa-f]+)?\]$")
_DATE_PART = re.compile(r"y+|m+|d+|h+|s+|上午/下午|AM/PM|A/P", re.IGNORECASE)
_PLACEHOLDERS = "0#?"

CellValue = int | float | str | bool | dt.date | dt.datetime | dt.time | dt.timedelta


def builtin_format(format_id: int) -> str:
    return BUILTIN_FORMATS.get(format_id, GENERAL)


def render(value: CellValue, code: str) -> str:
    """The text a cell prints: numbers and dates through its format code, text as stored."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, dt.date | dt.time):
        return format_date(value, code)
    return format_number(value, code)


def exact(value: float | int) -> Decimal:
    """The decimal a stored double stands for, as Excel sees it (15 significant digits)."""
    number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    if number.is_zero() or not number.is_finite():
        return number
    return number.quantize(Decimal(1).scaleb(number.adjusted() - EXCEL_DIGITS + 1), ROUND_HALF_UP)


def general(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _sections(code: str) -> list[list[str]]:
    sections: list[list[str]] = [[]]
    for token in _TOKEN.findall(code):
        if token == ";":
            sections.append([])
        else:
            sections[-1].append(token)
    return sections


def _pick(code: str, number: Decimal) -> tuple[list[str], bool]:
    """The section that prints this number, and whether a minus sign must be added to it."""
    sections = _sections(code)
    if number < 0 and len(sections) > 1:
        return sections[1], False
    if number.is_zero() and len(sections) > 2:
        return sections[2], False
    return sections[0], number < 0


def _literal(token: str) -> str:
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith("_"):
        return " "
    if token.startswith("*"):
        return ""
    if token.startswith("["):
        currency = _CURRENCY.match(token)
        return currency.group(1) if currency else ""
    return token


def format_number(value: float | int, code: str) -> str:
    number = exact(value)
    tokens, minus = _pick(code, number)
    plain = "".join(t for t in tokens if not t.startswith("["))
    if plain.strip().lower() in ("general", "") or any(t in ("E", "e", "/") for t in tokens):
        return general(number if minus else abs(number))
    if "@" in tokens:
        return general(number)
    if not any(t in _PLACEHOLDERS for t in tokens):
        return "".join(_literal(t) for t in tokens).strip()  # ``"-"`` for zero, or nothing
    first = next(i for i, t in enumerate(tokens) if t in _PLACEHOLDERS)
    last = max(i for i, t in enumerate(tokens) if t in _PLACEHOLDERS)
    body = tokens[first : last + 1]
    after = tokens[last + 1 :]
    scaled = abs(number)
    for token in [*body, *after]:
        if token == "%":
            scaled *= 100
    point = body.index(".") if "." in body else len(body)
    integer, fraction = body[:point], body[point + 1 :]
    while integer and integer[-1] == ",":  # trailing commas scale by thousands
        integer = integer[:-1]
        scaled /= 1000
    while after and after[0] == ",":
        after = after[1:]
        scaled /= 1000
    places = sum(t in _PLACEHOLDERS for t in fraction)
    required = sum(t == "0" for t in fraction)
    rounded = scaled.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    whole, _, decimals = format(rounded, "f").partition(".")
    while len(decimals) > required and decimals.endswith("0"):
        decimals = decimals[:-1]
    width = sum(t == "0" for t in integer)
    whole = whole.lstrip("0").rjust(width, "0")
    if "," in integer:
        whole = f"{int(whole):,}" if whole else whole
    text = whole + ("." + decimals if "." in body else "")
    sign = "-" if minus and not rounded.is_zero() else ""
    prefix = "".join(_literal(t) for t in tokens[:first])
    suffix = "".join(_literal(t) for t in after if t != ",")
    return (sign + prefix + text + suffix).strip()


def format_date(value: dt.date | dt.time, code: str) -> str:
    """A date or time through a date format (``yyyy"年"m"月"d"日"``, ``yyyy/m/d``, ``h:mm``)."""
    parts = _date_tokens(code)
    if not any(is_part for is_part, _ in parts):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    date = value if isinstance(value, dt.date) else None
    time = value.time() if isinstance(value, dt.datetime) else value if isinstance(value, dt.time) else None
    twelve = any(is_part and text[0] in "aA上" for is_part, text in parts)
    fields = [text.lower()[0] for is_part, text in parts if is_part and text[0] in "ymdhsYMDHS"]
    out: list[str] = []
    seen = 0
    for is_part, text in parts:
        if not is_part:
            out.append(text)
            continue
        run = text.lower()[0]
        if run not in "ymdhs":
            hour = time.hour if time else 0
            out.append(("上午" if hour < 12 else "下午") if run == "上" else ("AM" if hour < 12 else "PM"))
            continue
        before = fields[seen - 1] if seen else ""
        after = fields[seen + 1] if seen + 1 < len(fields) else ""
        seen += 1
        minutes = run == "m" and (before == "h" or after == "s")
        out.append(_date_part(run, len(text), minutes=minutes, date=date, time=time, twelve=twelve))
    return "".join(out).strip()


def _date_tokens(code: str) -> list[tuple[bool, str]]:
    """A date code as (is a date part, text) pieces: ``yyyy``, ``m``, ``上午/下午`` or literal text."""
    out: list[tuple[bool, str]] = []
    raw = ""

    def flush() -> None:
        position = 0
        for match in _DATE_PART.finditer(raw):
            if match.start() > position:
                out.append((False, raw[position : match.start()]))
            out.append((True, match.group(0)))
            position = match.end()
        if position < len(raw):
            out.append((False, raw[position:]))

    for token in _sections(code)[0]:
        if len(token) == 1:
            raw += token
        elif token.lower() in ("[h]", "[m]", "[s]"):
            raw += token[1:-1]
        else:
            flush()
            raw = ""
            out.append((False, _literal(token)))
    flush()
    return out


def _date_part(
    run: str, count: int, *, minutes: bool, date: dt.date | None, time: dt.time | None, twelve: bool
) -> str:
    width = min(count, 2)
    if run == "y" and date:
        return str(date.year) if count > 2 else f"{date.year % 100:02d}"
    if run == "m" and not minutes and date:
        names = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
        return names[date.month - 1] if count == 3 else f"{date.month:0{width}d}"
    if run == "d" and date:
        return f"{date.day:0{width}d}"
    if time is None:
        return ""
    if run == "h":
        return f"{(time.hour % 12 or 12) if twelve else time.hour:0{width}d}"
    if run == "m":
        return f"{time.minute:0{width}d}"
    return f"{time.second:0{width}d}"
