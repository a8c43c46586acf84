"""Infer title, author, outlet and date from the first lines of a plain-text article."""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple
from urllib.parse import urlparse

from dateutil import parser as dateparser

from ..models import Span

HEAD_LINES = 12  # bylines and datelines sit near the top
SOURCE_LINE = re.compile(r"^\s*(?:original\s+)?source\s*:\s*(\S.*?)\s*$", re.IGNORECASE)
BYLINE = re.compile(r"^\s*by\s*:?\s+(\S.*?)\s*$", re.IGNORECASE)
BARE_BY = re.compile(r"^\s*by\s*:?\s*$", re.IGNORECASE)
# 'WASHINGTON (AP) —', 'PORTSMOUTH, England (Reuters) -': a place in capitals, a region, the agency
DATELINE_AGENCY = re.compile(r"[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*\(([A-Z][\w&.’' -]{0,30}[\w.])\)\s*[-–—]")
CREDIT_SPLIT = re.compile(r"\s*(,|\||\s[-–—]\s)\s*")  # 'By Jane Doe, Reuters', 'By Jane Doe | AP'
AUTHORS_SPLIT = re.compile(r",?\s+and\s+|\s*&\s*")
# 'By Edward White in Shanghai and Joe Leahy in Beijing' (FT style): where each reporter files from
FILED_FROM = re.compile(r"\s+(?:in|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?=,?\s+and\s|\s*&|$)")
OUTLET = re.compile(r"^[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}$")  # 'Reuters', 'Associated Press', 'BBC News'
# 'By Jane Doe, Health Correspondent': the credit after the name is the author's job, not an outlet
BYLINE_ROLES = frozenset({
    "correspondent", "editor", "reporter", "writer", "journalist", "columnist", "analyst", "contributor",
    "staff", "producer", "presenter", "critic", "commentator", "photographer",
})
NAME = re.compile(r"^(?:[A-Z][\w'’.-]+)(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|al|bin)){1,3}$")
# 'LONDON, 14 March 2025 -', 'WASHINGTON, March 14, 2025 (Reuters) —': the date between place and dash
DATELINE_DATE = re.compile(r"[A-Z][A-Z .'’-]{1,40},\s*([^()\n]{6,40}?)\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]")
DATE_PREFIX = re.compile(
    r"^\s*(?:published|updated|posted|date|first published)\s*(?:on|:)?\s*(.+)$", re.IGNORECASE
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
MAX_TITLE = 300
MAX_META = 200  # author, outlet: a name or a short list of names
MAX_URL = 2048
MAX_DATE = 100  # longer strings are not dates, and dateutil's work grows with them


def infer_title(text: str, spans: list[Span]) -> str | None:
    """Return the first kept paragraph when it is short enough to be a headline."""
    for span in spans[:1]:
        line = " ".join(text[span.start:span.end].split())
        if len(line) <= MAX_TITLE:
            return line
    return None


def infer_source(text: str, url: str | None = None) -> str | None:
    """Return the outlet's domain from an "Original Source:" line or the article URL."""
    for line in reversed(text.splitlines()):
        match = SOURCE_LINE.match(line)
        if match:
            return domain_of(match.group(1)) or match.group(1)
    return domain_of(url) if url else None


def clip(value: str, limit: int) -> str:
    """Return value cut to at most limit characters, an ellipsis marking the cut."""
    return value if len(value) <= limit else value[:limit - 1].rstrip() + "…"


def domain_of(value: str) -> str | None:
    """Return 'newser.com' for 'www.newser.com', 'https://www.newser.com/x' and the like."""
    value = value.strip()
    host = urlparse(value if "//" in value else "//" + value).hostname or ""
    if "." not in host or " " in value:
        return None
    return host.removeprefix("www.")


class Byline(NamedTuple):
    """What a byline says: the author, the outlet credited after it ('By Jane Doe, Reuters'), its lines."""

    author: str | None
    outlet: str | None
    spans: set[Span]


def byline(text: str, spans: list[Span]) -> Byline:
    """Return the byline found near the top, or an empty one."""
    head = spans[:HEAD_LINES]
    lines = [" ".join(text[s.start:s.end].split()) for s in head]
    for i, line in enumerate(lines):
        match = BYLINE.match(line)
        if match:
            parts = CREDIT_SPLIT.split(match.group(1), maxsplit=1)  # [author] or [author, separator, outlet]
            author, outlet = FILED_FROM.sub("", parts[0].strip()), parts[-1].strip() if len(parts) == 3 else ""
            if _names(author):
                return Byline(author, outlet if _outlet(outlet) else None, {head[i]})
        if BARE_BY.match(line):
            for j in (i - 1, i + 1):  # the name sits beside a bare "By" widget
                if 0 <= j < len(lines) and NAME.match(lines[j]):
                    return Byline(lines[j], None, {head[i], head[j]})
    return Byline(None, None, set())


def _outlet(value: str) -> bool:
    """Return True for 'Reuters' or 'BBC News', False for a job such as 'Health Correspondent'."""
    return bool(OUTLET.match(value)) and value.rsplit(None, 1)[-1].lower() not in BYLINE_ROLES


def _names(value: str) -> bool:
    """Return True for 'Jane Doe' or 'Jane Doe and John Roe': one or two names, nothing else."""
    return all(NAME.match(part) for part in AUTHORS_SPLIT.split(value))


def dateline_agency(text: str, spans: list[Span]) -> str | None:
    """Return the agency a dateline credits: 'WASHINGTON (AP) — ...' -> 'AP'."""
    for span in spans[:HEAD_LINES]:
        match = DATELINE_AGENCY.match(text, span.start, span.end)
        if match:
            return match.group(1)
    return None


def infer_date(text: str, spans: list[Span]) -> dt.date | None:
    """Return a date from a dateline near the top ("Published: 3 May 2024", "LONDON, 3 May 2024 -")."""
    for span in spans[:HEAD_LINES]:
        line = text[span.start:span.end].strip()
        prefixed = DATE_PREFIX.match(line) or DATELINE_DATE.match(line)
        candidate = prefixed.group(1) if prefixed else line
        if len(candidate) > 40 or not YEAR.search(candidate):
            continue
        parsed = parse_date(candidate)
        if parsed:
            return parsed
    return None


def parse_date(value) -> dt.date | None:
    """Parse a date string (or date/datetime) leniently; None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_DATE:
        return None
    try:
        return dateparser.parse(value, default=dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError):
        return None
