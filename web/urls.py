"""Pure helpers that build links from the current query string."""
from __future__ import annotations

import re
from urllib.parse import quote, urlencode, urlsplit

from werkzeug.datastructures import MultiDict

from .params import exclude_param, known_names

SAFE_SCHEMES = ("http", "https")
# Only these are carried from one page's links to the next: anything else a client sends
# (a typo, or 200 KB of junk) would otherwise be copied into every link of the page.
CARRIED = known_names()


def _pairs(args):
    pairs = [(k, v) for k in args for v in args.getlist(k)] if hasattr(args, "getlist") else list(args)
    return [(k, v) for k, v in pairs if k in CARRIED]


def carried(args) -> MultiDict:
    """Return the request args that links and forms carry on: the known parameters only."""
    return MultiDict(_pairs(args))


def with_args(path: str, args, **changes) -> str:
    """Return path with args, replacing the keys in ``changes`` (None removes a key)."""
    pairs = [(k, v) for k, v in _pairs(args) if k not in changes]
    pairs += [(k, str(v)) for k, v in changes.items() if v is not None]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def facet_toggle_url(path: str, args, name: str, value: str) -> str:
    """Return the URL with ``name=value`` added (and no longer excluded), or removed if selected; page 1."""
    return _toggle(path, args, name, value, exclude_param(name))


def facet_exclude_url(path: str, args, name: str, value: str) -> str:
    """Return the URL with ``exclude_<name>=value`` added (and no longer selected), or removed; page 1."""
    return _toggle(path, args, exclude_param(name), value, name)


def _toggle(path: str, args, key: str, value: str, opposite: str) -> str:
    pairs = [(k, v) for k, v in _pairs(args) if k != "page" and (k, v) != (opposite, value)]
    if (key, value) in pairs:
        pairs.remove((key, value))
    else:
        pairs.append((key, value))
    return f"{path}?{urlencode(pairs)}" if pairs else path


def period_url(path: str, args, start, end) -> str:
    """Return the URL of the same search narrowed to the dates from ``start`` to ``end``; page 1."""
    return with_args(path, args, page=None, **{"from": start.isoformat(), "to": end.isoformat()})


STATEMENT_REF = re.compile(r"^(?P<article>.+)/(?P<n>[qcf]\d+)$")


def statement_ref(doc_id: str) -> str:
    """Return the URL form of a statement id: 'a/b#q2' -> 'a/b/q2' (no '#' in paths)."""
    return doc_id.replace("#", "/")


def statement_id(ref: str) -> str:
    """Return the statement id of a URL form made by ``statement_ref``."""
    match = STATEMENT_REF.match(ref)
    return f"{match['article']}#{match['n']}" if match else ref


def speaker_url(speaker_id: str) -> str:
    """Return the page of a speaker (/speakers/<id>, views.speaker): the one place that knows its URL."""
    return "/speakers/" + quote(speaker_id, safe="")


def page_window(current: int, pages: int, width: int = 2) -> list[int | None]:
    """Return page numbers to link around ``current``, with None where pages are skipped."""
    shown = sorted({1, pages, *range(max(1, current - width), min(pages, current + width) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def safe_href(url: str | None) -> str | None:
    """Return ``url`` if it is an absolute http(s) link, else None (no javascript: links)."""
    if not url or any(c in url for c in "\r\n\t\0"):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else None
