"""The per-article context attribution reads, and the attribution record it returns."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from ...models import Span
from ..lexicon.grammar import POSSESSIVE
from ..text.sentences import Token

WORD = re.compile(r"[^\W_][\w’'-]*")
LOWER_RUN = re.compile(r"[a-z][a-z]*")  # [a-z]+, its first letter a class re skips to (a repeat is not)
INNER = frozenset("_’'-")  # what WORD takes inside a word but starts none with
# Two apostrophes close together ("X's'"): a word that `words` may fold twice, as the order it meets them decides
FOLDED_TWICE = ("''", "'’", "’'", "’’", "'s'", "'s’", "’s'", "’s’")


@dataclass(frozen=True)
class Attribution:
    """A speaker mention (offsets into the text) and the cue that links it."""

    start: int
    end: int
    cue: str | None
    how: str = ""  # which rule found it ('after', 'before', 'previous', ...): a ranker feature


# A finder's answer that ends the search: its rule holds, but names nobody.
NOBODY = Attribution(0, 0, None, "nobody")
# Said by someone the sentence does not name ('was accused of "..."'): no later rule may lend a speaker.
UNNAMED = Attribution(0, 0, None, "unnamed")


@dataclass
class Context:
    """One article's text, its quote-masked twin, kept paragraphs and their sentences."""

    text: str
    masked: str
    paragraphs: list[Span]
    sentences: list[list[tuple[int, int]]]
    common: frozenset[str] = frozenset()  # words the article writes in lower case
    titled: bool = True  # the first paragraph is the headline (a text file's first line), not the story's lead
    starts: list[int] = field(default_factory=list)  # paragraph starts, for bisecting

    _words: Counter | None = None
    _lowered: str | None = None
    _sentence_words: dict = field(default_factory=dict)
    _written: dict = field(default_factory=dict)
    _folds_twice: bool | None = None
    after_quotes: dict = field(default_factory=dict)  # tags._after_quote's answers by quote end (two rules ask)

    def __post_init__(self):
        self.starts = [p.start for p in self.paragraphs]

    def sentence_words(self, lo: int, hi: int) -> frozenset[str]:
        """Return the letter runs of the lower-cased masked text in [lo, hi) (the claim rules and the tagger both ask
        of each sentence whether it holds a cue word: found once)."""
        found = self._sentence_words.get((lo, hi))
        if found is None:
            if self._lowered is None:
                self._lowered = self.masked.lower()
            found = self._sentence_words[lo, hi] = frozenset(LOWER_RUN.findall(self._lowered, lo, hi))
        return found

    def slice_words(self, lo: int, hi: int) -> frozenset[str]:
        """Return the letter runs of masked[lo:hi] lower-cased: sentence_words when lowering the text keeps every
        offset (a letter lowered to two, 'İ', shifts those after it; the only other casing by context, a final
        sigma, is no letter a run holds)."""
        found = self.sentence_words(lo, hi)
        if len(self._lowered) != len(self.masked):
            found = frozenset(LOWER_RUN.findall(self.masked[lo:hi].lower()))
        return found

    @property
    def words(self) -> Counter:
        """Return how often each word occurs, possessives folded (counted once, when first asked)."""
        if self._words is None:  # counting a name in the whole text per candidate is quadratic
            counts = Counter(WORD.findall(self.text))  # counted in C; only words with an apostrophe are folded
            for word in [w for w in counts if "'" in w or "’" in w]:
                count = counts.pop(word)
                counts[POSSESSIVE.sub("", word)] += count
            self._words = counts
        return self._words

    def written(self, word: str, most: int) -> int:
        """Return words[word] counted up to most, looking for the word alone: an article asks a few names' counts,
        and counting every word of it cost 5 times more."""
        found = self._written.get((word, most))
        if found is None:
            if self._folds_twice is None:
                self._folds_twice = any(pair in self.text for pair in FOLDED_TWICE)
            if self._folds_twice:
                found = min(self.words[word], most)
            else:
                found = written_times(self.text, word, most)
            self._written[word, most] = found
        return found


def written_times(text: str, word: str, most: int) -> int:
    """Return how many of text's WORD matches are word, its possessive folded ('Lee's' is 'Lee'), up to most."""
    if not word[:1].isalnum():
        return 0  # no WORD match starts so
    n, at = 0, text.find(word)
    while at >= 0 and n < most:
        start = at
        while start and text[start - 1] in INNER:
            start -= 1
        if not (start and text[start - 1].isalnum()):  # a match starts here, not inside a word before
            end = at + 1
            while end < len(text) and (text[end].isalnum() or text[end] in INNER):
                end += 1
            whole = text[at:end]
            if "'" in whole or "’" in whole:
                whole = POSSESSIVE.sub("", whole)
            n += whole == word
        at = text.find(word, at + 1)
    return n


def make_attribution(toks: list[Token], np: tuple[int, int] | None, cue: str | None) -> Attribution | None:
    """Return an Attribution for token span np (first, last), or None when there is none."""
    if np is None:
        return None
    return Attribution(toks[np[0]].start, toks[np[1]].end, cue)


def cue_text(toks: list[Token], i: int, size: int) -> str:
    """Return the cue as written ('said', 'pointed out')."""
    return toks[i].text if size == 1 else " ".join(t.text for t in toks[i:i + size])  # most cues are one word


def paragraph_of(ctx: Context, pos: int) -> int:
    """Return the index of the kept paragraph holding pos."""
    return max(0, bisect.bisect_right(ctx.starts, pos) - 1)
