"""Extract quotes (with speakers), attributed claims and figures from an Article."""
from __future__ import annotations

import re

from ..models import Article, Extraction, Quote

# Placeholder extractor: straight and curly quotes with an adjacent "X said".
QUOTE = re.compile(r'"([^"\n]{2,}?)"|“([^”\n]{2,}?)”')
SAID_AFTER = re.compile(r"^\W*\s*(?:([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|he|she|they)\s+(said|says|wrote)|(said|says)\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*))")


def extract(article: Article) -> Extraction:
    """Return the quotes, claims and figures in the article's kept paragraphs."""
    quotes = []
    for span, text in article.paragraph_texts():
        for match in QUOTE.finditer(text):
            group = 1 if match.group(1) is not None else 2
            start, end = span.start + match.start(group), span.start + match.end(group)
            quotes.append(_attribute(article.text, start, end, span.end))
    return Extraction(quotes, [], [])


def _attribute(text: str, start: int, end: int, limit: int) -> Quote:
    after = text[end + 1:limit]
    match = SAID_AFTER.match(after)
    if not match:
        return Quote(text=text[start:end], start=start, end=end)
    group = 1 if match.group(1) else 4
    s, e = end + 1 + match.start(group), end + 1 + match.end(group)
    cue = match.group(2) or match.group(3)
    mention = text[s:e]
    return Quote(text=text[start:end], start=start, end=end, speaker=mention, speaker_mention=mention,
                 speaker_start=s, speaker_end=e, cue=cue)
