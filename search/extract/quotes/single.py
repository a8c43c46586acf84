"""British single quotes: which ‘ and ’ mark speech in an article that quotes ‘like this’.

The Guardian, the Times and many British sites quote speech with single marks and keep
double marks for quotes within quotes. A single mark is far more often an apostrophe
(don’t, Blair’s, the Lib Dems’ plan), so they count as quote marks only in an article whose
body holds no double quote mark at all, and only where their place shows an opening or a
closing mark. The marks so found are rewritten as double ones, one character for one, so
every offset stays and the rest of extraction reads the article as it reads any other.
Short phrases in single marks stay as written: in British copy they are mostly scare quotes.
"""
from __future__ import annotations

import re

from ...models import Span
from .spans import MARK as DOUBLE

SINGLE = re.compile(r"[‘’']")
OPENS_AFTER = " \t\n([{—–-/"  # a mark after one of these (or at the start) may open a quote
CLOSES_BEFORE = " \t\n,;:.!?)]}—–-"  # a mark before one of these (or at the end) may close one
ENDS_SPEECH = ",.!?…"  # ',’' '.’' '?’': punctuation inside the mark closes for sure


def as_double_quoted(text: str, paragraphs: list[Span], titled: bool = True) -> str:
    """Return text with the single marks that quote speech rewritten as double marks (same offsets)."""
    body = paragraphs[1:] if titled else paragraphs  # a headline's single marks label: 'Blair's Tory 'lies''
    if not body or any(DOUBLE.search(text, span.start, span.end) for span in body):
        return text
    chars = list(text)
    pending: list[int] = []  # openings left unclosed by the paragraphs before: one long quote goes on
    for span in body:
        if not SINGLE.match(text, span.start):
            pending = []  # a long quote's next paragraph opens with a mark; this one does not
        pending = _pair_in(text, span, chars, pending)
    return "".join(chars)


def _pair_in(text: str, span: Span, chars: list[str], pending: list[int]) -> list[int]:
    """Rewrite the quote marks of one paragraph; return the openings still unclosed at its end."""
    opened: int | None = None
    for match in SINGLE.finditer(text, span.start, span.end):
        pos = match.start()
        if opened is None and _opens(text, pos, span):
            opened = pos
        elif opened is not None and _closes(text, pos, span) and _speech(text, opened, pos):
            for start in pending:
                chars[start] = "“"  # the paragraphs before were the same quote's
            chars[opened], chars[pos] = "“", "”"
            opened, pending = None, []
    return pending + [opened] if opened is not None else []


def _opens(text: str, pos: int, span: Span) -> bool:
    """Return True for a mark before a word, after a space, a bracket or a dash: ‘We ..."""
    before = text[pos - 1] if pos > span.start else " "
    after = text[pos + 1] if pos + 1 < span.end else " "
    return text[pos] != "’" and before in OPENS_AFTER and (after.isalnum() or after in "…$£€")


def _closes(text: str, pos: int, span: Span) -> bool:
    """Return True for a mark after a word or punctuation and before a space or punctuation: ,’ ’. ’ he said."""
    before = text[pos - 1]
    after = text[pos + 1] if pos + 1 < span.end else " "
    if text[pos] == "‘" or before.isspace() or after not in CLOSES_BEFORE:
        return False
    # 'the Lib Dems’ plan': a plural's apostrophe before a lower-case word is no closing mark
    return before in ENDS_SPEECH or not (before in "sS" and after == " " and text[pos + 2:pos + 3].islower())


def _speech(text: str, opened: int, closed: int) -> bool:
    """Return True for quoted speech: it ends in punctuation (‘We will win,’) or a colon brings it in.

    A short phrase in single marks is far more often the writer's own scare quote ('vision'):
    those stay as written, as the rule for headlines keeps theirs.
    """
    if len(text[opened + 1:closed].strip()) < 2:
        return False  # rock ‘n’ roll
    return text[closed - 1] in ENDS_SPEECH or text[max(0, opened - 3):opened].rstrip().endswith(":")
