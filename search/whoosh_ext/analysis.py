"""The stemming analyzer of titles and bodies: Whoosh's StemmingAnalyzer with accents folded, and a fast path."""
from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import (CharsetFilter, CommaSeparatedTokenizer, IDTokenizer, LowercaseFilter, RegexTokenizer,
                             StandardAnalyzer, StemFilter, StopFilter, Token)
from whoosh.analysis.analyzers import Analyzer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem

from ..extract.text.accents import FOLD

# Whoosh's default tokenizer regex [\w\*]+(\.?[\w\*]+)* in possessive form: the same tokens,
# about 30% faster. Capturing, so split() gives [gap, word, gap, word, ...].
WORDS = re.compile(r"([\w*]++(?:\.[\w*]++)*+)")
COMMA_RUNS = re.compile(r"[^,]+")  # CommaSeparatedTokenizer's expression


STEMS_KEPT = 50_000  # index_word's answers kept (see Stems); news vocabulary repeats, a huge corpus's is bounded


class Stems:
    """index_word's answers learnt from other processes, and those worked out in this one."""

    # A build's segment children are forked with a cold index_word cache: the four of a 1x BBC
    # build stemmed 66,000 tokens of 35,000 distinct ones. Those forked after a child finished
    # start with its words (storage.SegmentedWriter learns them from its result).

    def __init__(self):
        self.learnt: dict[str, str | None] = {}
        self.fresh: dict[str, str | None] = {}

    def term(self, token: str) -> str | None:
        """Return index_word's answer: learnt, or worked out and remembered as fresh."""
        term = self.learnt.get(token, self)
        if term is self:
            if len(self.fresh) >= STEMS_KEPT:
                self.fresh.clear()
            term = self.fresh[token] = _stemmed(token)
        return term

    def learn(self, stems: dict[str, str | None]) -> None:
        """Remember another process's answers (till STEMS_KEPT are known)."""
        if len(self.learnt) + len(stems) <= STEMS_KEPT:
            self.learnt.update(stems)


STEMS = Stems()


@lru_cache(maxsize=STEMS_KEPT)
def index_word(token: str) -> str | None:
    """Return the term StemmingAnalyzer indexes for one token, or None for a stop word."""
    return STEMS.term(token)


def _stemmed(token: str) -> str | None:
    word = token.lower()
    if not word.isascii():
        word = word.translate(FOLD)  # 'Ibáñez' is found by 'Ibanez', as the standard chain folds it
    if len(word) < 2 or word in STOP_WORDS:  # StemmingAnalyzer's minsize and stoplist
        return None
    return stem(word)


@lru_cache(maxsize=50_000)
def name_word(token: str) -> str | None:
    """Return the term folding_name_analyzer indexes for one token, or None for a stop word."""
    word = token.lower()
    if len(word) < 2 or word in STOP_WORDS:  # StandardAnalyzer's minsize and stoplist, before the fold
        return None
    return word if word.isascii() else word.translate(FOLD)


def indexed_terms(value: str, word=index_word) -> tuple[int, list[str]]:
    """Return the position of the first indexed word and the indexed words in order (stop words left out)."""
    # StopFilter's renumbering: the first kept word keeps its place, the next follow on.
    words = list(map(word, WORDS.findall(value)))
    first = next((k for k, term in enumerate(words) if term is not None), 0)
    return first, [term for term in words if term is not None]


def name_terms(value: str) -> tuple[int, list[str]]:
    """Return indexed_terms as folding_name_analyzer gives them: words lower-cased and folded, not stemmed."""
    return indexed_terms(value, name_word)


def terms_function(analyzer):
    """Return indexed_terms or name_terms when it gives the analyzer's indexed words, else None."""
    # A writer asks once per field: the name analyzer is Whoosh's own chain (pickled in older
    # indexes' schemas as such), recognised by equality with a fresh one.
    if type(analyzer) is FastStemmingAnalyzer:
        return indexed_terms
    name = folding_name_analyzer()
    if analyzer == name and analyzer.items[2].max is None:  # StopFilter's equality leaves out its maxsize
        return name_terms
    return None


def token_function(analyzer):
    """Return value -> its tokens as a list, when the analyzer is Whoosh's IDTokenizer or comma tokenizer, else None."""
    # ID and KEYWORD(commas=True) fields (not lower-cased): the whole value, or its comma-separated parts stripped.
    if type(analyzer) is IDTokenizer:
        return _whole
    if analyzer == CommaSeparatedTokenizer() and analyzer.items[0].gaps is False:  # RegexTokenizer's == leaves out gaps
        return comma_parts
    return None


def _whole(value: str) -> list[str]:
    return [value]


def comma_parts(value: str) -> list[str]:
    """Return CommaSeparatedTokenizer's tokens: each run of characters other than commas, stripped."""
    return [part.strip() for part in COMMA_RUNS.findall(value)]


def folding_stemming_analyzer():
    """Return Whoosh's StemmingAnalyzer with accents folded after lower-casing (extract.text.accents' table)."""
    # Names keep their accents in one outlet and lose them in the next ('Ibáñez', 'Ibanez'): one term.
    return (RegexTokenizer() | LowercaseFilter() | CharsetFilter(FOLD) | StopFilter(stoplist=STOP_WORDS, minsize=2)
            | StemFilter(stemfn=stem, cachesize=50000))


def folding_name_analyzer():
    """Return Whoosh's StandardAnalyzer with accents folded: `speaker:ibanez` finds 'Carlos Ibáñez'."""
    return StandardAnalyzer() | CharsetFilter(FOLD)


class FastStemmingAnalyzer(Analyzer):
    """folding_stemming_analyzer's exact tokens; the common call (index or query terms) skips its filter chain."""

    # Tokenising, lowercasing, stopping and stemming through Whoosh's chain of generators was
    # about a third of a build's writing time: four Python generator steps per word.

    def __init__(self):
        self.standard = folding_stemming_analyzer()

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", boosts=False, **kwargs):
        if chars or keeporiginal or not removestops or not tokenize or start_pos or kwargs:
            return self.standard(value, positions=positions, chars=chars, keeporiginal=keeporiginal,
                                 removestops=removestops, start_pos=start_pos, start_char=start_char,
                                 tokenize=tokenize, mode=mode, boosts=boosts, **kwargs)
        return self._tokens(value, positions, mode, boosts)

    @staticmethod
    def _tokens(value: str, positions: bool, mode: str, boosts: bool):
        # Token keeps the options it was made with, as the tokenizer's does (the writer passes boosts).
        token = Token(positions, False, removestops=True, mode=mode, boosts=boosts)
        first, terms = indexed_terms(value)
        for pos, term in enumerate(terms, first):
            token.text, token.boost, token.stopped = term, 1.0, False
            if positions:
                token.pos = pos
            yield token

    def clean(self):
        self.standard.clean()
