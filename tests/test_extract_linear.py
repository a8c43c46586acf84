"""Extraction work grows linearly with text length, even for text full of quote marks."""
from __future__ import annotations

from search.ingest.documents import load_plain
from search.extract import extract
from search.extract.text.work import counting

SMALL, LARGE = 20_000, 200_000
SLACK = 1.25  # ten times the text may take at most 12.5 times the steps


def quote_heavy(size: int) -> str:
    """Return quote-heavy text: many short paragraphs, then one long run with markup quotes."""
    parts, total, i = [], 0, 0
    while total < size:
        part = (f'Ann Lee{i} said: "We will win vote {i}, and then we will see." "Yes," he said, '
                f'"it is so {i}. "And more {i}." Officials said plan {i} was "bold" and Bob Ray{i} '
                f'called it "a mess". <a href="x{i}" title="t{i}">link</a> ')
        parts.append(part)
        total += len(part)
        i += 1
    half = len(parts) // 2
    return "Headline\n\n" + "\n\n".join(parts[:half]) + "\n\n" + " ".join(parts[half:])


def steps_for(size: int) -> dict[str, int]:
    article = load_plain(quote_heavy(size), "t.txt")
    with counting() as steps:
        found = extract(article)
    assert len(found.quotes) > size // 200  # the text really is quote-heavy
    return dict(steps)


def test_extraction_steps_grow_linearly_with_text_length():
    small, large = steps_for(SMALL), steps_for(LARGE)
    assert set(small) >= {"marks", "tokens", "candidates", "mentions"}
    for kind, count in large.items():
        assert count <= small.get(kind, 0) * LARGE / SMALL * SLACK, kind
