"""Export a whole result set as CSV or JSON, safe to open in a spreadsheet."""
from __future__ import annotations

import base64
import binascii
import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator

from ..errors import BadParameter
from ..index.records import EXPORT_COLUMNS as COLUMNS, export_record

__all__ = ["COLUMNS", "csv_lines", "decode_cursor", "encode_cursor", "export_record", "json_chunks", "neutralise"]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets also read look-alikes as these (full-width ＝＋－＠, small ﹦): compared after NFKC,
# on a short prefix so a long cell costs nothing more.
FORMULA_PREFIX = 8


def neutralise(value):
    """Return a cell value a spreadsheet will not run: formulas get a leading apostrophe."""
    if isinstance(value, str) and unicodedata.normalize("NFKC", value[:FORMULA_PREFIX]).startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else value


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    """Yield the CSV header and then one line per record."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([neutralise(record.get(name)) for name in COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_chunks(head: dict, records: Iterable[dict]) -> Iterator[str]:
    """Yield a JSON object ``head`` plus ``"records": [...]``, one record per chunk."""
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield opening + (', "records": [' if head else '{"records": [')
    for n, record in enumerate(records):
        yield ("," if n else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


def encode_cursor(offset: int, doc_id: str) -> str:
    """Return the opaque text of an export cursor: where the last part ended and its last record."""
    raw = json.dumps([offset, doc_id], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(text: str) -> tuple[int, str]:
    """Return the (offset, doc_id) of a cursor made by encode_cursor; BadParameter for anything else."""
    try:
        offset, doc_id = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        if isinstance(offset, int) and offset >= 0 and isinstance(doc_id, str):
            return offset, doc_id
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        pass
    raise BadParameter("cursor", text[:40], "must be the `next` cursor of an earlier export")
