"""Find quoted spans: pair quote marks, join multi-paragraph and interrupted quotes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Span
from .lexicon import CUE_WORDS

# Opening mark -> closing marks it accepts. Single quotes are never marks: they are
# apostrophes far more often than quotes, and nested quotes stay inside their parent.
CLOSERS = {'"': '"”', "“": "”“\"", "„": "“”", "«": "»"}  # sloppy sites mix straight and curly
MARK = re.compile(r'["“”„«»]')
WORD = re.compile(r"[\w’'-]+")
GAP_MAX = 90  # an attribution that interrupts a quote is short ("he said, adding")


@dataclass
class Found:
    """A quoted span: ``start``/``end`` exclude the marks, ``outer_*`` include them."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    para: int
    gaps: list[tuple[int, int]] = field(default_factory=list)

    def parts(self) -> list[tuple[int, int]]:
        """Return the quoted stretches without the interrupting attributions."""
        edges = [self.start] + [e for gap in self.gaps for e in (gap[0] - 1, gap[1] + 1)] + [self.end]
        return list(zip(edges[::2], edges[1::2]))


def find_quotes(text: str, paragraphs: list[Span]) -> list[Found]:
    """Return quoted spans in kept paragraphs, interrupted quotes joined into one."""
    found: list[Found] = []
    carry: tuple[int, int] | None = None  # (inner start, paragraph) of a quote still open
    for index, span in enumerate(paragraphs):
        carry = _scan_paragraph(text, span, index, carry, found)
        if carry is not None and not _reopens(text, paragraphs, index + 1):
            start, para = carry
            if span.end > start and MARK.search(text, start - 1, start) and not text[start - 2:start - 1].isdigit():
                found.append(Found(start, span.end, start - 1, span.end, para))
            carry = None
    return _join_interrupted(text, [f for f in found if text[f.start:f.end].strip()])


def _reopens(text: str, paragraphs: list[Span], index: int) -> bool:
    """Return True when paragraph ``index`` opens with a quote mark (a quote continues)."""
    return index < len(paragraphs) and text[paragraphs[index].start] in CLOSERS


def _scan_paragraph(text, span, index, carry, found):
    """Pair the marks of one paragraph; return the still-open quote, if any."""
    opener = "“" if carry else None
    start, para = carry if carry else (0, index)
    continuing = carry is not None
    for match in MARK.finditer(text, span.start, span.end):
        mark, pos = match.group(), match.start()
        if continuing:  # the reopening mark of a multi-paragraph quote
            continuing = False
            opener = mark
            continue
        if opener is None:
            if mark in CLOSERS:
                opener, start, para = mark, pos + 1, index
        elif mark in CLOSERS[opener] and not (mark == opener == "“" and _word_follows(text, pos)):
            found.append(Found(start, pos, start - 1, pos + 1, para))
            opener = None
        elif mark in CLOSERS and mark != '"':
            opener, start, para = mark, pos + 1, index  # an unclosed quote: restart here
    return (start, para) if opener is not None else None


def _word_follows(text: str, pos: int) -> bool:
    return pos + 1 < len(text) and text[pos + 1].isalnum()


def _join_interrupted(text: str, found: list[Found]) -> list[Found]:
    """Join '"First part," he said, "second part."' into one quote."""
    joined: list[Found] = []
    for quote in found:
        last = joined[-1] if joined else None
        if last and last.para == quote.para and is_interruption(text, last, quote):
            last.gaps.append((last.outer_end, quote.outer_start))
            last.end, last.outer_end = quote.end, quote.outer_end
        else:
            joined.append(quote)
    return joined


def is_interruption(text: str, first: Found, second: Found) -> bool:
    """Return True when the text between two quotes is only an attribution."""
    gap = text[first.outer_end:second.outer_start]
    if len(gap) > GAP_MAX or "\n" in gap or re.search(r"[.!?;]", gap.replace(".,", "")):
        return False
    inner = text[first.start:first.end].rstrip()
    if not (inner.endswith(",") or gap.lstrip().startswith(",")):
        return False
    if not gap.rstrip().endswith((",", ":")):
        return False
    words = [w.lower() for w in WORD.findall(gap)]
    return any(w in CUE_WORDS for w in words) or any(
        f"{a} {b}" in CUE_WORDS for a, b in zip(words, words[1:]))
