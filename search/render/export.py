"""Export a whole result set as CSV or JSON, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator

from ..index.schema import TEXT_FIELD

MAX_EXPORT = 5000
COLUMNS = ("id", "article_id", "kind", "speaker", "text", "title", "source", "author", "date",
           "url", "start", "end", "value", "unit")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets also read look-alikes as these (full-width ＝＋－＠, small ﹦): compared after NFKC,
# on a short prefix so a long cell costs nothing more.
FORMULA_PREFIX = 8


def export_record(stored: dict) -> dict:
    """Return the flat record of one stored document, with the export's columns in order."""
    kind = stored["kind"]
    detail = stored.get("detail") or {}
    statement = kind != "article"
    record = {
        "id": stored["doc_id"], "article_id": stored["article_id"], "kind": kind,
        "speaker": stored.get("speaker") if statement else None,
        "text": stored.get(TEXT_FIELD) if statement else None,
        "title": stored.get("title") or detail.get("article_title"),
        "source": stored.get("source"), "author": stored.get("author"),
        "date": stored["date"].date().isoformat() if stored.get("date") else None,
        "url": stored.get("url"),
        "start": stored.get("start") if statement else None,
        "end": stored.get("end") if statement else None,
        "value": detail.get("value"), "unit": detail.get("unit"),
    }
    return {name: record[name] for name in COLUMNS}


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
