"""'Did you mean' in words people write: stemmed index terms mapped back to a surface form."""
from __future__ import annotations

import re
from itertools import islice

from rapidfuzz.distance import OSA
from whoosh import query as wq
from whoosh.spelling import Corrector

CANDIDATES = 50  # words within the edit distance, most frequent first, that are ranked by nearness
WORDS_CORRECTED = 4  # unknown words of one query given a correction: a long query of typos stays cheap
NAME_FIELD = "speaker"  # speakers' names, analysed into lower-case words
NAME_COLUMNS = ("author", "source")  # whole names: an author's "Liam Avatar", an outlet's "newser.com"
WORD = re.compile(r"\w+")


class SurfaceCorrector(Corrector):
    """Suggest index terms of a stemmed field as a word that occurs in the stored text."""

    def __init__(self, searcher, fieldname: str):
        self.searcher, self.fieldname = searcher, fieldname
        self.base = searcher.corrector(fieldname)
        self.analyzer = searcher.schema[fieldname].analyzer

    def suggest(self, text, limit=5, maxdist=2, prefix=0):
        """Return the nearest stems as words, best first (stems never seen are dropped)."""
        # Whoosh 2.7.5 ranks every candidate within maxdist by frequency alone, so "gordn" got
        # "good" before "gordon" and "ipdo" "into" before "ipod". Nearest first (a swap of two
        # letters counts as one edit), then the most frequent: the sort is stable.
        stems = self.base.suggest(text, CANDIDATES, maxdist, prefix)
        stems.sort(key=lambda stem: OSA.distance(text, stem))
        words = (self.surface(stem) for stem in stems)
        return list(islice(filter(None, words), limit))

    def surface(self, stem: str) -> str | None:
        """Return the first word in a stored document that the analyzer turns into ``stem``."""
        # The corrector only knows stems ("brotherli"); a reader wants "brotherly".
        for docnum in self.searcher.docs_for_query(wq.Term(self.fieldname, stem)):
            stored = self.searcher.stored_fields(docnum).get(self.fieldname)
            if not isinstance(stored, str):
                continue
            for token in self.analyzer(stored, chars=True, mode="index"):
                if token.text == stem:
                    return stored[token.startchar:token.endchar].lower()
        return None


def suggest(searcher, parsed, q: str) -> str | None:
    """Return the corrected query string, or None when every word is known."""
    reader = searcher.reader()
    fields = {name for name, _ in parsed.iter_all_terms() if name in searcher.schema}
    stemmed = {name: SurfaceCorrector(searcher, name) for name in fields
               if searcher.schema[name].analyzer is not None and searcher.schema[name].stored}
    # Only words of a field with a corrector are corrected (Whoosh would look up a corrector for
    # any unknown term and fail on a field without one).
    unknown = [(name, text) for name, text in parsed.iter_all_terms()
               if name in stemmed and isinstance(text, str) and text and (name, text) not in reader]
    # A word that names a speaker, author or outlet ("Liam", "newser") is never "corrected" into a
    # nearby common word: only the other unknown words are.
    written = _written(parsed, q)
    names = name_words(searcher, {written.get(term) for term in unknown} - {None})
    unknown = [term for term in unknown if written.get(term) not in names]
    unknown = list(dict.fromkeys(unknown))[:WORDS_CORRECTED]  # each is a scan of one letter's words
    try:
        # prefix=1: candidates share the first letter, which turns a scan of every term
        # into a scan of one letter's range (typos rarely hit the first letter).
        corrected = searcher.correct_query(parsed, q, correctors=stemmed, terms=unknown, prefix=1)
    except (TypeError, AttributeError):
        # Whoosh's corrector breaks on range queries (no .text) and on terms without
        # character positions; a suggestion is optional, so offer none.
        return None
    if corrected.query == parsed or corrected.string.strip().lower() == q.strip().lower():
        return None
    return corrected.string


def _written(parsed, q: str) -> dict[tuple[str, str], str]:
    """Return each (field, term) of the query with the word as written, in lower case."""
    try:
        tokens = list(parsed.all_tokens())
    except (TypeError, AttributeError):  # Whoosh's ranges have no single term (the same breakage as below)
        return {}
    return {(t.fieldname, t.text): q[t.startchar:t.endchar].lower() for t in tokens
            if t.startchar is not None and t.endchar is not None}


def name_words(searcher, words: set[str]) -> set[str]:
    """Return those of ``words`` (lower case) that are a word of a speaker's, author's or outlet's name in the index."""
    reader = searcher.reader()
    found = {word for word in words if (NAME_FIELD, word) in reader}
    for column in NAME_COLUMNS:
        rest = words - found
        if rest and column in searcher.schema:
            # One pass over the column's distinct values (authors, outlets), only for a query without matches.
            found |= {word for value in reader.lexicon(column)
                      for word in WORD.findall(value.decode("utf-8", "replace").lower()) if word in rest}
    return found
