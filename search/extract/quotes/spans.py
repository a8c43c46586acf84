"""Find quoted spans: pair quote marks, join multi-paragraph and interrupted quotes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...models import Span
from ..lexicon.words import CUE_WORDS
from ..text.work import step

# Opening mark -> closing marks it accepts. Single quotes are never marks: they are
# apostrophes far more often than quotes, and nested quotes stay inside their parent.
# Two apostrophes are the New York Times' double quote (''like this'').
STRAIGHT = ('"', "“", "”")  # sloppy sites mix straight and curly
CLOSERS = {'"': STRAIGHT, "“": STRAIGHT, "”": STRAIGHT, "„": ("“", "”"), "«": ("»",), "''": ("''",)}
# A double quote mark: '' or one of "“”„«». It starts with the class of every mark's first character and asks
# which it took by a lookbehind, so re skips to the next mark in C instead of trying both branches everywhere.
MARK = re.compile(r"['\"“”„«»](?:(?<=')'|(?<!'))")
WORD = re.compile(r"[\w’'-]+")
GAP_MAX = 90  # an attribution that interrupts a quote is short ("he said, adding")
OPEN, CLOSE, EITHER = "open", "close", "either"
LEFT_OPEN = "([{—–-/"  # a mark after a space or one of these opens a quote
RIGHT_CLOSE = ",;:!?)]}"  # a mark before a space or one of these closes one
PIECE_END = ".!?…"  # '... published. "And ...': a paragraph of a flattened long quote ended here
# '... He said that police ...', '... had not happened, he said.': the reporter's sentences.
NARRATION = re.compile(r"(?:He|She|They|Mr|Mrs|Ms)\b[^.!?]{0,40}?\b(?:said|says|added|told|argued|insisted) (?:that|it|he|she|the)\b")
TAG_AT_END = re.compile(r", (?:he|she|they) (?:said|says|added)\.$")  # searched with endpos: $ is the sentence end
SENTENCE_END = re.compile(r"[.!?…][\"”’)]?\s+(?=[A-Z])")


@dataclass
class Piece:
    """One quoted stretch: inner and outer (marks included) offsets, its paragraph."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    para: int
    continues: bool = False  # the quote goes on in the next piece (a new paragraph of it)


@dataclass
class Found:
    """A quoted utterance: ``start``/``end`` exclude the marks, ``outer_*`` include them.

    ``pieces`` are its quoted stretches (paragraphs of a long quote, the parts of an
    interrupted one); ``gaps`` are the attributions that interrupt it.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    para: int
    gaps: list[tuple[int, int]] = field(default_factory=list)
    pieces: list[tuple[int, int]] = field(default_factory=list)

    def parts(self) -> list[tuple[int, int]]:
        """Return the quoted stretches without marks or interrupting attributions."""
        return self.pieces or [(self.start, self.end)]


def find_quotes(text: str, paragraphs: list[Span]) -> list[Found]:
    """Return quoted utterances in kept paragraphs, each with its pieces."""
    utterances: list[Found] = []
    joins_next = False
    for piece in pair_marks(text, paragraphs):
        last = utterances[-1] if utterances else None
        if last is not None and (joins_next or (last.para == piece.para and is_interruption(text, last, piece))):
            if not joins_next:
                last.gaps.append((last.outer_end, piece.outer_start))
            last.pieces.append((piece.start, piece.end))
            last.end, last.outer_end = piece.end, piece.outer_end
        else:
            utterances.append(Found(piece.start, piece.end, piece.outer_start, piece.outer_end, piece.para,
                                    pieces=[(piece.start, piece.end)]))
        joins_next = piece.continues
    return utterances


def pair_marks(text: str, paragraphs: list[Span]) -> list[Piece]:
    """Return the quoted pieces of all paragraphs, in one left-to-right pass over the marks."""
    pieces: list[Piece] = []
    for index, span in enumerate(paragraphs):
        opener, start = None, 0
        for match in MARK.finditer(text, span.start, span.end):
            step("marks")
            mark, pos = match.group(), match.start()
            role = _role(text, pos, len(mark), span)
            if opener is None:
                if role != CLOSE and not (mark == '"' and text[pos - 1:pos].isdigit()):  # 6" is inches
                    opener, start = mark, match.end()
            elif role != OPEN and mark in CLOSERS[opener]:
                _add(pieces, text, start, pos, pos + len(mark), index, opener)
                opener = None
            elif role == OPEN:
                _unclosed(pieces, text, start, pos, index, opener)
                opener, start = mark, match.end()
        if opener is not None:
            end = _rstrip(text, start, span.end)
            cut = _narration(text, start, end)
            _add(pieces, text, start, cut, cut, index, opener,
                 continues=cut == end and _reopens(text, paragraphs, index + 1))
    return pieces


def _unclosed(pieces, text: str, start: int, pos: int, para: int, opener: str) -> None:
    """End a quote left open when another opens at pos.

    '... published. "And this ...': the paragraph break of a long quote was flattened, so the
    piece ends there and the quote goes on. '... a Muslim. He added: "The ...': the closing
    mark is missing, and the sentence introducing the next quote is the reporter's. Otherwise
    the earlier mark was stray.
    """
    end = _rstrip(text, start, pos)
    if text[end - 1:end] == ":":
        stops = list(SENTENCE_END.finditer(text, start, end))
        if stops:
            _add(pieces, text, start, stops[-1].start() + 1, stops[-1].start() + 1, para, opener)
    elif text[end - 1:end] in PIECE_END:
        cut = _narration(text, start, end)
        _add(pieces, text, start, cut, cut, para, opener, continues=cut == end)


def _narration(text: str, start: int, end: int) -> int:
    """Return where the reporter takes over inside an unclosed quote ('He said that ...'), else end.

    Only unclosed quotes are read this way: a closing mark settles where the quote ends.
    """
    stops = [stop.start() + 1 for stop in SENTENCE_END.finditer(text, start, end)]
    for cut, close in zip(stops, stops[1:] + [end]):
        begin = cut + len(text[cut:cut + 3]) - len(text[cut:cut + 3].lstrip())  # skip the space
        if NARRATION.match(text, begin, close) or TAG_AT_END.search(text, max(begin, close - 30), close):
            return cut
    return end


def _add(pieces, text, start, end, outer_end, para, opener, continues=False) -> None:
    if text[start:end].strip():
        pieces.append(Piece(start, end, start - len(opener), outer_end, para, continues))


def _rstrip(text: str, start: int, end: int) -> int:
    return start + len(text[start:end].rstrip())


def _role(text: str, pos: int, size: int, span: Span) -> str:
    """Return whether a mark opens or closes a quote, from the spaces around it."""
    mark = text[pos:pos + size]
    if mark in ("«", "„"):
        return OPEN
    if mark == "»":
        return CLOSE
    before = text[pos - 1] if pos > span.start else " "
    after = text[pos + size] if pos + size < span.end else " "
    left = before.isspace() or before in LEFT_OPEN
    right = after.isspace() or after in RIGHT_CLOSE or (after == "." and text[pos + size + 1:pos + size + 2] != ".")
    if left != right:
        return OPEN if left else CLOSE
    return {"“": OPEN, "”": CLOSE}.get(mark, EITHER)


def _reopens(text: str, paragraphs: list[Span], index: int) -> bool:
    """Return True when paragraph ``index`` opens with a quote mark (a quote continues)."""
    return index < len(paragraphs) and MARK.match(text, paragraphs[index].start) is not None


def is_interruption(text: str, first: Found, second: Piece) -> bool:
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
