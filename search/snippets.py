"""Highlighted, HTML-safe snippets: Whoosh escapes the text, then marks the matches."""
from __future__ import annotations

from markupsafe import escape
from whoosh import highlight

SNIPPET_CHARS = 240


def formatter() -> highlight.HtmlFormatter:
    """Return the formatter whose output is the only article-derived HTML we trust."""
    # HtmlFormatter escapes fragment text itself; `between` is inserted raw, so keep it plain.
    return highlight.HtmlFormatter(tagname="mark", classname="hit", between=" … ")


def fragmenter() -> highlight.ContextFragmenter:
    """Return a fragmenter that keeps about a sentence around each match."""
    frag = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70)
    frag.charlimit = None  # Whoosh reads only the first 32K characters by default
    return frag


def excerpt(text: str | None, limit: int = SNIPPET_CHARS) -> str:
    """Return an escaped opening excerpt, for hits whose match is not in this text."""
    text = " ".join((text or "").split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return str(escape(text))


def snippet(hit, field: str, text: str | None) -> str:
    """Return an HTML-safe snippet of ``text`` with the query's terms marked."""
    if text:
        marked = hit.highlights(field, text=text, top=2)
        if marked:
            return " ".join(marked.split())  # fragments may span paragraph breaks
    return excerpt(text)
