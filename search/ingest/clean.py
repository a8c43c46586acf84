"""Split article text into paragraphs, drop boilerplate and repeats, keep offsets."""
from __future__ import annotations

import re

from ..models import Span

# Whole-line boilerplate seen on news sites: navigation, widgets, counters.
BOILERPLATE = re.compile(
    r"""^(?:
        see\ all | read\ more | latest\ news | top\ stories | related(?:\ articles|\ stories)? |
        categor(?:y|ies) | tags? | authors? | by | share(?:\ this(?:\ article|\ story)?)? |
        advertisement | sponsored | subscribe(?:\ now)? | sign\ up | log\ ?in | menu | home |
        print | email | copy\ link | follow\ us | skip\ to\ (?:main\ )?content |
        (?:kommentare|comments?|responses?)\ ?\(?\d*\)? |
        \d+\ min(?:ute)?s?\ read | listen\ to\ this\ article | image\ (?:source|caption).{0,40}
    )[.:]?$""",
    re.IGNORECASE | re.VERBOSE,
)
# A correction or editor's note: the paper speaking of its own text ('An earlier version of this article said the
# quota was Rmb1.5tn'), kept and searchable, but no one's claim and none of its figures a report.
# An editor's note that comments on the news ('Editor's note: Donald Trump regularly incites ...') reports like the
# rest; one about the article's own text is a correction.
EDITORS_NOTE = re.compile(
    r"(?:correction|clarification)s?\s*[:.–—-]"
    r"|(?:editor[’']?s note\s*[:.–—-]\s*)?(?:this|the) (?:article|story|report|piece|headline) "
    r"(?:was|has been|had been) (?:amended|corrected|changed|updated)"
    r"|(?:editor[’']?s note\s*[:.–—-]\s*)?an? (?:earlier|previous) version of this (?:article|story|report|piece)",
    re.IGNORECASE)
SENTENCE_END = re.compile(r"""[.!?:;"”»’'…)\]]\s*$""")
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*$")
# A list item's marker ('- ', '* ', '• ', '2. ') and, in Markdown, a heading's or a block quote's: no words of it.
BULLET = re.compile(r"[-*•]\s+(?=\S)")
MARKDOWN_BLOCK = re.compile(r"(?:[-*+•]|\d{1,3}[.)]|#{1,6}|>)\s+(?=\S)")
WRAP_MIN = 40  # a hard-wrapped line is at least this long and ends mid-sentence
WRAP_MAX = 100  # scraped news puts a paragraph on one line, far longer than this


def is_boilerplate(line: str) -> bool:
    """Return True for a line that is site furniture rather than article text."""
    return bool(BOILERPLATE.match(line.strip()))


def is_editors_note(paragraph: str) -> bool:
    """Return True for a paragraph opening with a correction or an editor's note."""
    return bool(EDITORS_NOTE.match(paragraph.lstrip(" *_#>[(")))


def split_paragraphs(text: str, offset: int = 0, markdown: bool = False) -> list[Span]:
    """Return one span per paragraph: a line, or hard-wrapped lines joined; a list item or heading is its own."""
    wrapped = markdown or looks_hard_wrapped(text)
    marker = MARKDOWN_BLOCK if markdown else BULLET
    spans: list[Span] = []
    pos = 0
    current: list[int] | None = None  # [start, end] of the paragraph being built
    for line in text.splitlines(keepends=True):
        stripped = line.strip().lstrip("\ufeff")
        start = pos + (len(line) - len(line.lstrip().lstrip("\ufeff").lstrip()))
        end = pos + len(line.rstrip())
        pos += len(line)
        if not stripped:
            current = _close(spans, current, offset)
            continue
        item = marker.match(text, start, end)
        if item:  # '- At least 14 people have died': the item's words, without its marker, end at its line
            _close(spans, current, offset)
            current = [item.end(), end]
            continue
        if current is not None and wrapped and _continues(text[current[0]:current[1]], markdown):
            current[1] = end
            continue
        _close(spans, current, offset)
        current = [start, end]
    _close(spans, current, offset)
    return spans


def looks_hard_wrapped(text: str) -> bool:
    """Return True for text wrapped at a fixed width, where a line is not a paragraph."""
    lengths = sorted(len(line.rstrip()) for line in text.splitlines() if line.strip())
    if len(lengths) < 5:
        return False
    return lengths[-1] <= WRAP_MAX and lengths[len(lengths) // 2] >= WRAP_MIN


def _continues(previous: str, markdown: bool) -> bool:
    """Return True when the next line continues ``previous`` (wrapped prose)."""
    if markdown:
        return True  # Markdown joins lines until a blank line
    last_line = previous.rsplit("\n", 1)[-1]
    return len(last_line) >= WRAP_MIN and not SENTENCE_END.search(last_line)


def _close(spans, current, offset):
    if current is not None:
        spans.append(Span(current[0] + offset, current[1] + offset))
    return None


def normalise(text: str) -> str:
    """Return a comparison key: case-folded words without a trailing ellipsis."""
    return " ".join((ELLIPSIS.sub("", text) if _ends_in_ellipsis(text) else text).casefold().split())


def _ends_in_ellipsis(text: str) -> bool:
    """Return True where ELLIPSIS can match: the pattern tries every position of a paragraph, this its end."""
    return text.rstrip().endswith(("…", "..."))  # rstrip's whitespace is the pattern's \s


def keep_paragraphs(text: str, spans: list[Span], drop=()) -> list[Span]:
    """Drop boilerplate, repeated paragraphs and teasers that a later paragraph completes."""
    candidates = [s for s in spans if s not in drop and not is_boilerplate(text[s.start:s.end])]
    keys = [normalise(text[s.start:s.end]) for s in candidates]
    kept, seen = [], set()
    for i, (span, key) in enumerate(zip(candidates, keys)):
        if not key or key in seen:
            continue
        if _is_teaser(text[span.start:span.end], key, keys[i + 1:]):
            continue
        seen.add(key)
        kept.append(span)
    return kept


def _is_teaser(raw: str, key: str, later_keys: list[str]) -> bool:
    """Return True for a truncated lead ("…such as…") that a later paragraph repeats in full."""
    if not _ends_in_ellipsis(raw) or len(key) < 40:
        return False
    return any(other != key and other.startswith(key) for other in later_keys)
