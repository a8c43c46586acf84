"""Pure helpers that build links from the current query string."""
from __future__ import annotations

from urllib.parse import urlencode


def _pairs(args):
    return [(k, v) for k in args for v in args.getlist(k)] if hasattr(args, "getlist") else list(args)


def with_args(path: str, args, **changes) -> str:
    """Return path with args, replacing the keys in ``changes`` (None removes a key)."""
    pairs = [(k, v) for k, v in _pairs(args) if k not in changes]
    pairs += [(k, str(v)) for k, v in changes.items() if v is not None]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def facet_toggle_url(path: str, args, name: str, value: str) -> str:
    """Return the URL with ``name=value`` added, or removed if selected; back to page 1."""
    pairs = [(k, v) for k, v in _pairs(args) if k != "page"]
    if (name, value) in pairs:
        pairs.remove((name, value))
    else:
        pairs.append((name, value))
    return f"{path}?{urlencode(pairs)}" if pairs else path
