"""Block-wise match sets equal Whoosh's own, with several segments, deletions and long posting lists."""
import pytest
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import MultifieldParser
from whoosh.query import Term

from search.whoosh_ext.postings import matching_docs

WORDS = "budget minister schools news talks envoy peace border troops figures".split()


def text_for(n: int) -> str:
    # Deterministic mixes of words: "budget" is in most documents, so its posting list spans blocks.
    return " ".join(word for k, word in enumerate(WORDS) if (n >> k) & 1 or (k == 0 and n % 7))


@pytest.fixture(scope="module")
def searcher():
    schema = Schema(body=TEXT(analyzer=StemmingAnalyzer()), title=TEXT(analyzer=StemmingAnalyzer()),
                    kind=ID, key=ID(unique=True))
    ix = RamStorage().create_index(schema)
    for start in range(0, 1500, 500):  # three segments: docnums carry offsets
        writer = ix.writer()
        for n in range(start, start + 500):
            writer.add_document(body=text_for(n), title=text_for(n // 3), kind="quote" if n % 2 else "article",
                                key=str(n))
        writer.commit(merge=False)
    writer = ix.writer()
    for n in (3, 600, 1201, 1499):  # deleted documents must never match
        writer.delete_by_term("key", str(n))
    writer.commit(merge=False)
    with ix.searcher() as s:
        assert len(s.subsearchers) > 1 and s.reader().has_deletions()
        yield s


@pytest.mark.parametrize("text", [
    "budget", "budget minister", "budget OR envoy", "budget NOT minister", "kind:quote troops",
    '"budget minister"', "bud*", "nosuchword", "budget nosuchword", "(peace OR border) NOT kind:article",
    "NOT budget",
])
def test_same_docs_as_whoosh(searcher, text):
    query = MultifieldParser(["title", "body"], searcher.schema).parse(text)
    expected = set(searcher.docs_for_query(query))
    assert matching_docs(searcher, query) == expected


def test_long_posting_lists_cross_blocks(searcher):
    docs = matching_docs(searcher, Term("body", "budget"))
    assert len(docs) > 1000  # several posting blocks in each segment
    assert docs == set(searcher.docs_for_query(Term("body", "budget")))


def test_unknown_field_or_term_matches_nothing(searcher):
    assert matching_docs(searcher, Term("nofield", "x")) == set()
    assert matching_docs(searcher, Term("body", "zzz")) == set()
