"""One parser per request parameter; each raises BadParameter, which the app maps to 400."""
from __future__ import annotations

import datetime as dt
import re

from search.errors import BadParameter
from search.query.parse import FILTER_FIELDS, SORTS, SearchParams
from search.index.schema import KINDS

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
MAX_VALUE_LENGTH = 200
MAX_VALUES = 20


def parse_q(args, max_length: int = 500) -> str:
    """Return the query box text (may be empty)."""
    q = args.get("q", "")
    if len(q) > max_length:
        raise BadParameter("q", q[:40] + "…", f"longer than {max_length} characters")
    return q


def _whole_number(raw: str) -> bool:
    # ASCII only: "²".isdigit() is True, but int("²") raises.
    return raw.isascii() and raw.isdigit()


def parse_page(args) -> int:
    """Return the 1-based page number."""
    raw = args.get("page", "1").strip()
    if not _whole_number(raw) or not 1 <= int(raw) <= 10_000:
        raise BadParameter("page", raw, "must be a whole number from 1 to 10000")
    return int(raw)


def parse_per_page(args, default: int = 20, maximum: int = 100) -> int:
    """Return the page size, at most ``maximum``."""
    raw = args.get("per_page", str(default)).strip()
    if not _whole_number(raw) or not 1 <= int(raw) <= maximum:
        raise BadParameter("per_page", raw, f"must be a whole number from 1 to {maximum}")
    return int(raw)


def parse_sort(args) -> str:
    """Return one of the known sort orders."""
    raw = args.get("sort", "relevance") or "relevance"
    if raw not in SORTS:
        raise BadParameter("sort", raw, f"must be one of {', '.join(SORTS)}")
    return raw


def parse_filters(args) -> dict[str, tuple[str, ...]]:
    """Return the selected facet values; kinds and months are checked."""
    filters = {}
    for name in FILTER_FIELDS:
        values = tuple(dict.fromkeys(v.strip() for v in args.getlist(name) if v.strip()))
        if len(values) > MAX_VALUES or any(len(v) > MAX_VALUE_LENGTH for v in values):
            raise BadParameter(name, values[0][:40], "too many or too long values")
        for value in values:
            if name == "kind" and value not in KINDS:
                raise BadParameter("kind", value, f"must be one of {', '.join(KINDS)}")
            if name == "month" and not MONTH.match(value):
                raise BadParameter("month", value, "must look like 2025-02")
        if values:
            filters[name] = values
    return filters


def parse_date(args, name: str) -> dt.date | None:
    """Return an ISO date (YYYY-MM-DD) or None when absent."""
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(name, raw, "must be a date like 2025-02-11") from None


def parse_search_params(args, config) -> SearchParams:
    """Return validated SearchParams from request args."""
    date_from, date_to = parse_date(args, "from"), parse_date(args, "to")
    if date_from and date_to and date_from > date_to:
        raise BadParameter("from", date_from.isoformat(), "is after 'to'")
    return SearchParams(
        q=parse_q(args, config["MAX_QUERY_LENGTH"]), filters=parse_filters(args),
        date_from=date_from, date_to=date_to, sort=parse_sort(args), page=parse_page(args),
        per_page=parse_per_page(args, config["PAGE_SIZE"], config["MAX_PAGE_SIZE"]),
    )
